"""Two-step login (TOTP) for staff: a teacher turns it on; superusers must when the setting says so."""

import time

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories

pytestmark = pytest.mark.django_db

LOGIN = "/cuentas/login/"


def code(device) -> str:
    """The app's code at this moment (time_machine moves the clock: a code is good once)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


def log_in(client, user):
    return client.post(LOGIN, {"username": user.username, "password": factories.PASSWORD})


def test_a_teacher_turns_it_on_and_then_needs_the_code(teacher):
    client = Client()
    log_in(client, teacher)
    response = client.get(reverse("two_factor_setup"))
    assert response.status_code == 200 and "<svg" in response.content.decode()
    device = TOTPDevice.objects.get(user=teacher, confirmed=False)
    assert client.post(reverse("two_factor_setup"), {"token": "000000x"}).status_code == 400
    response = client.post(reverse("two_factor_setup"), {"token": code(device)})
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=teacher, confirmed=True).count() == 1
    assert client.get(reverse("quizzes:teacher_classes")).status_code == 200  # verified in this session

    client.post(reverse("logout"))
    log_in(client, teacher)
    response = client.get(reverse("quizzes:teacher_classes"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor_verify"))
    assert client.get(reverse("admin:index")).status_code == 302
    for bad in ["", "12345", "abcdef", "9" * 500, "123456"]:
        assert client.post(reverse("two_factor_verify"), {"token": bad}).status_code == 400
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong codes above made django-otp wait; the test does not
    device.throttling_failure_timestamp = None
    device.save()
    with time_machine.travel(time.time() + 31, tick=False):
        response = client.post(
            reverse("two_factor_verify"), {"token": code(device), "next": reverse("quizzes:teacher_classes")}
        )
        assert response.status_code == 302 and response["Location"] == reverse("quizzes:teacher_classes")
        assert client.get(reverse("quizzes:teacher_classes")).status_code == 200
        # The same code again (someone who saw it over the shoulder): refused.
        other = Client()
        log_in(other, teacher)
        assert other.post(reverse("two_factor_verify"), {"token": code(device)}).status_code == 400


def test_the_next_page_must_be_on_this_site(teacher):
    client = Client()
    log_in(client, teacher)
    client.get(reverse("two_factor_setup"))
    device = TOTPDevice.objects.get(user=teacher, confirmed=False)
    client.post(reverse("two_factor_setup"), {"token": code(device)})
    client.post(reverse("logout"))
    log_in(client, teacher)
    device.refresh_from_db()
    with time_machine.travel(time.time() + 31, tick=False):
        response = client.post(reverse("two_factor_verify"), {"token": code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_a_superuser_must_set_it_up_when_required(settings, superuser):
    settings.WINTERWAR_REQUIRE_2FA_SUPERUSERS = True
    client = Client()
    log_in(client, superuser)
    for url in [reverse("admin:index"), reverse("quizzes:home")]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("two_factor_setup")
    assert client.get(reverse("two_factor_setup")).status_code == 200


def test_students_and_optional_staff_are_not_asked(settings, student, teacher, superuser):
    settings.WINTERWAR_REQUIRE_2FA_SUPERUSERS = False
    for user in (student, teacher, superuser):
        client = Client()
        log_in(client, user)
        assert client.get(reverse("quizzes:home")).status_code == 200
    client = Client()
    log_in(client, student)
    assert client.get(reverse("two_factor_setup")).status_code == 403


def test_a_password_thief_cannot_register_a_new_device(teacher):
    """With a device set up but the code not given, the setup page is out of reach."""
    TOTPDevice.objects.create(user=teacher, name="winterwar", confirmed=True)
    client = Client()
    log_in(client, teacher)
    response = client.get(reverse("two_factor_setup"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor_verify"))
    assert TOTPDevice.objects.filter(user=teacher).count() == 1
