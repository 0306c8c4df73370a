"""Shared fixtures: users of every role and logged-in clients."""

import pytest

from tests import factories


@pytest.fixture
def student(db):
    return factories.make_student(username="estudiante", first_name="Eva")


@pytest.fixture
def other_student(db):
    return factories.make_student(username="otro_estudiante")


@pytest.fixture
def teacher(db):
    return factories.make_teacher(username="docente", first_name="Marta")


@pytest.fixture
def other_teacher(db):
    return factories.make_teacher(username="otro_docente")


@pytest.fixture
def superuser(db):
    return factories.make_user(username="raiz", is_staff=True, is_superuser=True)


@pytest.fixture
def student_client(client, student):
    client.force_login(student)
    return client


@pytest.fixture
def teacher_client(client, teacher):
    client.force_login(teacher)
    return client
