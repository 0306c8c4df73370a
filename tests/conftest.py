"""Shared fixtures: users of every role and logged-in clients."""

import runpy
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import translation

from tests import factories


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the cached summaries of one test's users never reach another's."""
    cache.clear()


def pytest_configure(config):
    """The English catalogue is compiled from its .po (the .mo is not committed): `make install` does it too."""
    runpy.run_path(str(Path(__file__).resolve().parent.parent / "scripts" / "messages.py"))["compile_catalogues"]()


@pytest.fixture(autouse=True)
def _default_language():
    """A request in English leaves English active in the thread (LocaleMiddleware activates, never deactivates)."""
    yield
    translation.activate("es")


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
