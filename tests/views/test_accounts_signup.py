"""Students signing up from a class's join link or code; open sign-up off by default; a race on the same username."""

import pytest
from django.db import IntegrityError
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from quizzes.models import Enrollment, User
from quizzes.services import accounts as account_services
from quizzes.services import classes as class_services
from quizzes.services.errors import Code, ServiceError
from tests import factories

pytestmark = pytest.mark.django_db

GOOD = {
    "first_name": "Aino",
    "last_name": "Virtanen",
    "username": "aino.v",
    "email": "",
    "password1": "talvisota-1939-k",
    "password2": "talvisota-1939-k",
}


@pytest.fixture
def classroom(teacher):
    return factories.make_classroom(name="4.º ESO B", teachers=[teacher], join_code="JOIN7777")


def link(code="JOIN7777"):
    return reverse("quizzes:join_link", args=[code])


def test_a_visitor_signs_up_from_the_link_and_lands_enrolled_on_home(client, classroom):
    response = client.post(link(), GOOD, follow=True)
    assert response.redirect_chain[-1][0] == reverse("quizzes:home")
    assertContains(response, "Ya está en la clase «4.º ESO B»")
    user = User.objects.get(username="aino.v")
    assert user.first_name == "Aino" and user.last_name == "Virtanen" and user.email == ""
    assert not user.is_staff and not user.must_change_password
    assert Enrollment.objects.filter(classroom=classroom, student=user).exists()
    assert response.context["user"] == user  # logged in
    assert user.check_password(GOOD["password1"])


def test_the_code_is_checked_before_any_password_is_typed(client, classroom):
    retired = class_services.classroom_new_code(classroom=classroom).pk and "JOIN7777"
    for code, message in [
        (retired, "ya no está en uso"),
        ("NOPE2345", "No hay ninguna clase con ese código"),
        ("!!", "no es válido"),
        ("X" * 300, "no es válido"),
    ]:
        response = client.get(link(code))
        assertContains(response, message)
        assertNotContains(response, 'name="password1"')


def test_an_archived_class_says_so(client, classroom):
    classroom.is_archived = True
    classroom.save()
    response = client.get(link())
    assertContains(response, "archivada")
    assertNotContains(response, 'name="password1"')


def test_the_join_page_takes_the_code_first_then_offers_the_account(client, classroom):
    response = client.post(reverse("quizzes:join"), {"code": "join-7777"})
    assert response.status_code == 302 and response["Location"] == link()
    response = client.post(reverse("quizzes:join"), {"code": "NOPE2345"})
    assert response.status_code == 400
    assertContains(response, "No hay ninguna clase con ese código", status_code=400)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"username": ""}, "username"),
        ({"first_name": ""}, "first_name"),
        ({"last_name": ""}, "last_name"),
        ({"password2": "otra-cosa-distinta"}, "password2"),
        ({"password1": "123", "password2": "123"}, "password2"),
        ({"username": "a b/c"}, "username"),
        ({"username": "x" * 151}, "username"),
        ({"email": "no-es-un-correo"}, "email"),
        ({"first_name": "x" * 10_000}, "first_name"),
    ],
)
def test_bad_sign_up_data_is_a_form_error_and_writes_nothing(client, classroom, change, field):
    response = client.post(link(), {**GOOD, **change})
    assert response.status_code == 400
    assert field in response.context["signup_form"].errors
    assert not User.objects.filter(username=GOOD["username"]).exists() or change.get("username") == GOOD["username"]
    assert not Enrollment.objects.filter(classroom=classroom).exists()


def test_a_taken_username_is_a_form_error(client, classroom):
    factories.make_student(username="Aino.V")
    response = client.post(link(), GOOD)
    assert response.status_code == 400
    assert "username" in response.context["signup_form"].errors
    assert not Enrollment.objects.filter(classroom=classroom).exists()


def test_a_race_on_the_same_username_is_a_clear_error_and_nothing_half_written(classroom):
    """The form saw the name free; another sign-up took it before the insert: USERNAME_TAKEN, no enrolment."""
    factories.make_student(username="aino.v")
    with pytest.raises(ServiceError) as info:
        account_services.student_signup(
            code="JOIN7777", username="aino.v", password="x" * 12, first_name="A", last_name="V"
        )
    assert info.value.code == Code.USERNAME_TAKEN
    assert not Enrollment.objects.filter(classroom=classroom).exists()


def test_the_race_in_the_view_is_a_form_error_not_a_500(client, classroom, monkeypatch):
    from django.contrib.auth.forms import UserCreationForm

    def taken_meanwhile(self):  # the form's own check passes, as it would before the other insert
        return self.cleaned_data["username"]

    monkeypatch.setattr(UserCreationForm, "clean_username", taken_meanwhile)
    monkeypatch.setattr(UserCreationForm, "validate_unique", lambda self: None)
    factories.make_student(username="aino.v")
    response = client.post(link(), GOOD)
    assert response.status_code == 400
    assertContains(response, "Ese nombre de usuario ya existe", status_code=400)


def test_double_submit_creates_one_account(client, classroom):
    client.post(link(), GOOD)
    client.logout()
    response = client.post(link(), GOOD)
    assert response.status_code == 400
    assert User.objects.filter(username="aino.v").count() == 1


def test_a_logged_in_student_at_the_link_just_joins(client, classroom, student):
    client.force_login(student)
    response = client.get(link())
    assertNotContains(response, 'name="password1"')
    client.post(reverse("quizzes:join"), {"code": "JOIN7777"})
    assert Enrollment.objects.filter(classroom=classroom, student=student).exists()


def test_open_sign_up_is_off_by_default(client, settings):
    assert client.get(reverse("signup")).status_code == 404
    assert client.post(reverse("signup"), GOOD).status_code == 404
    with pytest.raises(ServiceError) as info:
        account_services.student_signup(code=None, username="z", password="x" * 12, first_name="A", last_name="B")
    assert info.value.code == Code.SIGNUP_CLOSED
    assert not User.objects.filter(username="aino.v").exists()


def test_open_sign_up_when_the_setting_is_on(client, settings):
    settings.WINTERWAR_OPEN_SIGNUP = True
    response = client.post(reverse("signup"), GOOD, follow=True)
    assertContains(response, "Cuenta creada")
    user = User.objects.get(username="aino.v")
    assert not user.enrollments.exists()


def test_the_database_refuses_a_duplicate_username():
    factories.make_student(username="dup")
    with pytest.raises(IntegrityError):
        User.objects.create(username="dup")


def test_the_login_page_links_to_password_reset_and_joining(client):
    response = client.get(reverse("login"))
    assertContains(response, "¿Olvidó su contraseña?")
    assertContains(response, reverse("password_reset"))
    assertContains(response, reverse("quizzes:join"))
