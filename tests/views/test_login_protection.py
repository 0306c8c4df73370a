"""Login throttling on a school network: a classmate cannot lock someone out of their own browser; spraying many
usernames from one address is refused."""

import pytest
from django.test import Client
from django.urls import reverse

from quizzes.models import AccountEvent
from tests import factories
from winterwar.security import DEVICE_COOKIE

pytestmark = pytest.mark.django_db

URL = "/cuentas/login/"


def fail(client, username, times, addr="192.0.2.10"):
    for _ in range(times):
        client.post(URL, {"username": username, "password": "mal"}, REMOTE_ADDR=addr)


def test_a_known_device_passes_a_lockout_with_the_right_password(student, settings):
    own = Client()
    own.post(URL, {"username": student.username, "password": factories.PASSWORD}, REMOTE_ADDR="192.0.2.10")
    assert DEVICE_COOKIE in own.cookies
    own.post(reverse("logout"))
    classmate = Client()  # same school network, another browser
    fail(classmate, student.username, settings.AXES_FAILURE_LIMIT)
    locked = classmate.post(
        URL, {"username": student.username, "password": factories.PASSWORD}, REMOTE_ADDR="192.0.2.10"
    )
    assert locked.status_code == 429 or "bloqueado" in locked.content.decode()
    # The owner, on their own browser, with the right password: in.
    response = own.post(URL, {"username": student.username, "password": factories.PASSWORD}, REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 302 and own.session.get("_auth_user_id") == str(student.pk)


def test_a_known_device_with_a_wrong_password_stays_locked(student, settings):
    own = Client()
    own.post(URL, {"username": student.username, "password": factories.PASSWORD}, REMOTE_ADDR="192.0.2.10")
    own.post(reverse("logout"))
    fail(own, student.username, settings.AXES_FAILURE_LIMIT)
    response = own.post(URL, {"username": student.username, "password": "otra-mal"}, REMOTE_ADDR="192.0.2.10")
    assert "_auth_user_id" not in own.session
    assert response.status_code in (200, 429)


def test_the_device_cookie_is_for_its_own_username_and_cannot_be_forged(student, other_student, settings):
    own = Client()
    own.post(URL, {"username": student.username, "password": factories.PASSWORD}, REMOTE_ADDR="192.0.2.10")
    assert student.username not in own.cookies[DEVICE_COOKIE].value  # a keyed hash, not the name
    own.post(reverse("logout"))
    fail(Client(), other_student.username, settings.AXES_FAILURE_LIMIT)
    own.post(URL, {"username": other_student.username, "password": factories.PASSWORD}, REMOTE_ADDR="192.0.2.10")
    assert "_auth_user_id" not in own.session  # known for "student", not for "other_student"
    forged = Client()
    forged.cookies[DEVICE_COOKIE] = "x" * 5000
    forged.post(URL, {"username": other_student.username, "password": factories.PASSWORD}, REMOTE_ADDR="192.0.2.10")
    assert "_auth_user_id" not in forged.session


def test_spraying_many_usernames_from_one_address_is_refused(student, settings):
    settings.WINTERWAR_SPRAY_USERNAMES = 5
    sprayer = Client()
    for i in range(5):
        fail(sprayer, f"nadie{i}", 1, addr="198.51.100.9")
    response = sprayer.post(
        URL, {"username": student.username, "password": factories.PASSWORD}, REMOTE_ADDR="198.51.100.9"
    )
    assert "_auth_user_id" not in sprayer.session
    assert response.status_code in (200, 403, 429)
    # Another address (another school) is not affected.
    other = Client()
    other.post(URL, {"username": student.username, "password": factories.PASSWORD}, REMOTE_ADDR="203.0.113.4")
    assert other.session.get("_auth_user_id") == str(student.pk)
    assert AccountEvent.objects.filter(kind="login_failed", ip_address="198.51.100.9").count() >= 5
