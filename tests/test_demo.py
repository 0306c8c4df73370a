"""`make run`'s set-up step (migrate + setup_demo) can run any number of times and leaves the same data."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from quizzes.models import Classroom, Document, Enrollment, User

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
