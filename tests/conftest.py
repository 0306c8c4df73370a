"""Shared fixtures: users of every role and logged-in clients."""

import pytest
from django.core.cache import cache

from tests import factories


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the cached summaries of one test's users never reach another's."""
    cache.clear()


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
