"""`make run`'s set-up step (migrate + setup_demo) can run any number of times and leaves the same data."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from quizzes.models import Attempt, Classroom, Document, Enrollment, User
from quizzes.selectors.reports.grid import class_grid

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_app_config("quizzes").get_models()}


def test_setup_demo_twice_leaves_the_same_data():
    out = io.StringIO()
    call_command("setup_demo", stdout=out)
    first = snapshot()
    call_command("setup_demo", stdout=io.StringIO())
    assert snapshot() == first
    assert Document.objects.count() == 1
    classroom = Classroom.objects.get()
    assert Enrollment.objects.filter(classroom=classroom).count() == 3
    teacher = User.objects.get(username="profesora")
    assert teacher.is_teacher
    assert classroom.teachers.filter(pk=teacher.pk).exists()
    printed = out.getvalue()
    for username in ("profesora", "ana", "bruno", "carla"):
        assert username in printed


def test_demo_accounts_can_log_in(client):
    call_command("setup_demo", stdout=io.StringIO())
    response = client.post("/cuentas/login/", {"username": "ana", "password": "ana-demo"})
    assert response.status_code == 302
    response = client.post("/cuentas/login/", {"username": "profesora", "password": "profesora-demo"})
    assert response.status_code == 302


def test_demo_activity_goes_through_the_attempt_services():
    call_command("setup_demo", stdout=io.StringIO())
    submitted = Attempt.objects.filter(state="submitted", user__username__in=["ana", "bruno", "carla"])
    assert submitted.exists()
    assert not Attempt.objects.filter(state="in_progress").exists()
    assert all(a.score is not None and a.responses.exclude(answer=None).exists() for a in submitted)
    # The weaker students try twice, so the progress chart has a slope.
    assert submitted.filter(user__username="carla").count() == 2 * submitted.filter(user__username="ana").count()
    classroom = Classroom.objects.get(name="4.º ESO A")
    grid = class_grid(classroom=classroom)
    assert grid.assignments and all(row.cells[0].attempts for row in grid.rows)
    count = submitted.count()
    call_command("setup_demo", stdout=io.StringIO())  # a second run adds nothing
    assert Attempt.objects.filter(state="submitted").count() == count
