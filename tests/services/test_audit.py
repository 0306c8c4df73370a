"""The account audit log: logins, failures, lockouts, password changes and resets, for the administrator only."""

import pytest
from django.test import Client
from django.urls import reverse

from quizzes.models import AccountEvent, AccountEventKind, Enrollment
from tests import factories

pytestmark = pytest.mark.django_db


def kinds(**filters) -> list[str]:
    return list(AccountEvent.objects.filter(**filters).order_by("id").values_list("kind", flat=True))


def test_login_failure_lockout_and_logout_are_recorded(client, student, settings):
    url = reverse("login")
    client.post(url, {"username": student.username, "password": "mal"}, REMOTE_ADDR="192.0.2.7")
    client.post(url, {"username": "x" * 400, "password": "mal"})
    client.post(url, {"username": student.username, "password": factories.PASSWORD}, REMOTE_ADDR="192.0.2.7")
    client.post(reverse("logout"))
    assert kinds(username=student.username) == ["login_failed", "login", "logout"]
    failed = AccountEvent.objects.get(kind="login_failed", username=student.username)
    assert failed.ip_address == "192.0.2.7" and failed.user is None
    assert AccountEvent.objects.filter(username="x" * 150).exists()  # cut to the column, not a 500
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": student.username, "password": "mal"})
    assert AccountEventKind.LOCKED_OUT in kinds(username=student.username)


def test_password_changes_and_teacher_resets_are_recorded(client, teacher, student):
    classroom = factories.make_classroom(teachers=[teacher], students=[student])
    teacher_client = Client()
    teacher_client.force_login(teacher)
    teacher_client.post(reverse("quizzes:teacher_reset_password", args=[classroom.pk, student.pk]))
    event = AccountEvent.objects.get(kind=AccountEventKind.PASSWORD_RESET_BY_TEACHER)
    assert event.user == student and event.actor == teacher
    teacher_client.post(
        reverse("quizzes:teacher_add_student", args=[classroom.pk]), {"first_name": "Eva", "last_name": "Sol"}
    )
    created = AccountEvent.objects.get(kind=AccountEventKind.ACCOUNT_CREATED)
    assert created.username == "eva.sol" and created.actor == teacher
    assert Enrollment.objects.filter(classroom=classroom).count() == 2


def test_the_log_is_for_the_administrator_only(client, teacher, superuser):
    url = reverse("admin:quizzes_accountevent_changelist")
    client.force_login(teacher)
    assert client.get(url).status_code == 403
    client.force_login(superuser)
    assert client.get(url).status_code == 200
    assert client.get(reverse("admin:quizzes_accountevent_add")).status_code == 403


def test_a_forged_address_is_not_stored(client, student, settings):
    settings.WINTERWAR_PROXY_COUNT = 1
    response = client.post(
        reverse("login"),
        {"username": student.username, "password": "mal"},
        HTTP_X_FORWARDED_FOR="<script>",
        REMOTE_ADDR="192.0.2.1",
    )
    assert response.status_code == 200  # the form again, not a 500 (PostgreSQL's inet column)
    assert AccountEvent.objects.get(kind="login_failed").ip_address == "192.0.2.1"
