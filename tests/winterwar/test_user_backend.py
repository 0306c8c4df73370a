"""winterwar.backends.UserRowBackend: the session's user read with SQL written once per process, with ModelBackend's
checks; sessions opened under ModelBackend carried over by winterwar.middleware.AuthenticationMiddleware."""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY
from django.contrib.auth.backends import ModelBackend
from django.urls import reverse

from quizzes.models import User
from quizzes.selectors.people import user_by_id
from tests import factories
from winterwar.backends import LEGACY_BACKEND, USER_BACKEND, UserRowBackend

pytestmark = pytest.mark.django_db


def _values(user) -> dict:
    return {f.attname: getattr(user, f.attname) for f in User._meta.concrete_fields}


def test_it_reads_what_the_orm_reads(teacher, django_assert_num_queries):
    student = factories.make_student(username="leida", first_name="Lía", last_name="Sanz", email="lia@example.org")
    student.language = "en"
    student.daily_new_cards = 7
    student.must_change_password = True
    student.created_by = teacher
    student.save()
    for user in (student, teacher):
        with django_assert_num_queries(1):
            row = user_by_id(user.pk)
        orm = User._default_manager.get(pk=user.pk)
        assert _values(row) == _values(orm)
        assert row._state.adding is False and row._state.db == orm._state.db
    assert user_by_id(10**9) is None


def test_get_user_is_model_backends(student):
    assert UserRowBackend().get_user(student.pk) == ModelBackend().get_user(student.pk) == student
    assert UserRowBackend().get_user(10**9) is None
    student.is_active = False
    student.save()
    # An inactive user is nobody, as with ModelBackend: a deactivated account is logged out on its next request.
    assert UserRowBackend().get_user(student.pk) is None is ModelBackend().get_user(student.pk)


def test_a_login_names_the_new_backend(client):
    factories.make_student(username="ana", password="clave-secreta-1")
    client.post(reverse("login"), {"username": "ana", "password": "clave-secreta-1"})
    assert client.session[BACKEND_SESSION_KEY] == USER_BACKEND


def test_a_session_opened_under_model_backend_is_carried_over(client, student):
    client.force_login(student, backend=USER_BACKEND)
    session = client.session
    session[BACKEND_SESSION_KEY] = LEGACY_BACKEND
    session.save()
    response = client.get(reverse("quizzes:home"))
    assert response.status_code == 200 and response.context["user"] == student
    assert client.session[BACKEND_SESSION_KEY] == USER_BACKEND
    assert client.session[SESSION_KEY] == str(student.pk)


def test_a_deactivated_or_repassworded_user_is_logged_out(client, student):
    client.force_login(student)
    assert client.get(reverse("quizzes:home")).status_code == 200
    student.set_password("otra-clave-1")
    student.save()
    # The session's hash no longer matches: Django's check, unchanged, still runs on the row read fresh.
    response = client.get(reverse("quizzes:home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    client.force_login(student)
    User.objects.filter(pk=student.pk).update(is_active=False)
    response = client.get(reverse("quizzes:home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_request_user_is_the_user_itself(rf, student, django_assert_num_queries):
    """AuthenticationMiddleware sets the session's user, not Django's SimpleLazyObject around it (every attribute of
    the lazy object cost an AttributeError and three Python calls): the same user, read as Django reads it."""
    from django.contrib.auth import login
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.http import HttpResponse
    from django.utils.functional import LazyObject

    from winterwar.middleware import AuthenticationMiddleware

    def request_with(session_key=None):
        request = rf.get("/")
        if session_key:
            request.COOKIES["sessionid"] = session_key
        SessionMiddleware(lambda r: HttpResponse()).process_request(request)
        return request

    middleware = AuthenticationMiddleware(lambda r: HttpResponse())
    request = request_with()
    middleware.process_request(request)
    assert type(request.user) is AnonymousUser

    request = request_with()
    request.user = AnonymousUser()
    login(request, student, backend=USER_BACKEND)
    request.session.save()
    request = request_with(request.session.session_key)
    with django_assert_num_queries(2):  # the session's row (no shared cache in the tests) and the user's
        middleware.process_request(request)
    assert type(request.user) is User and not isinstance(request.user, LazyObject)
    assert request.user == student and request._cached_user is request.user
