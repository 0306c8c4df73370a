"""Teachers adding students: one, or a class list with a preview; the login slips; one-time passwords."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from quizzes.models import Enrollment, User
from quizzes.services import accounts as account_services
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def classroom(teacher):
    return factories.make_classroom(name="2.º Bach", teachers=[teacher], join_code="ROST2345")


def upload(client, classroom, content: bytes, name="lista.csv"):
    return client.post(
        reverse("quizzes:teacher_roster", args=[classroom.pk]), {"file": SimpleUploadedFile(name, content)}
    )


def confirm(client, classroom, token):
    return client.post(reverse("quizzes:teacher_roster", args=[classroom.pk]), {"token": token})


def slip_passwords(response) -> dict[str, str]:
    """The usernames and passwords on a page of slips (a slip without a password: an existing account)."""
    found = {}
    for slip in response.content.decode().split('<section class="ww-slip')[1:]:
        username = re.search(r'class="ww-slip-username">([^<]+)<', slip).group(1)
        password = re.search(r'class="ww-slip-password">([^<]+)<', slip)
        if password:
            found[username] = password.group(1)
    return found


ROSTER = "nombre;apellidos;usuario;correo\nAna;García López;;\nJorge;Pérez;jperez;jorge@example.org\n"


def test_preview_writes_nothing_then_confirm_creates_enrols_and_shows_slips_once(teacher_client, classroom, teacher):
    n_users = User.objects.count()
    response = upload(teacher_client, classroom, ROSTER.encode())
    assert response.status_code == 200
    assertContains(response, "Vista previa")
    assertContains(response, "ana.garcia")
    assert User.objects.count() == n_users  # nothing written yet
    token = response.context["token"]

    response = confirm(teacher_client, classroom, token)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    slips = slip_passwords(response)
    assert set(slips) == {"ana.garcia", "jperez"}
    assertContains(response, reverse("quizzes:join_link", args=["ROST2345"]))
    for username, password in slips.items():
        user = User.objects.get(username=username)
        assert user.check_password(password)
        assert user.must_change_password and user.created_by == teacher and not user.is_staff
        assert password not in user.password  # stored only hashed
        assert Enrollment.objects.filter(classroom=classroom, student=user).exists()
    assert User.objects.get(username="jperez").email == "jorge@example.org"

    # The same confirmation again (a replayed POST, a double click): nothing new, a clear message.
    response = confirm(teacher_client, classroom, token)
    assert response.status_code == 302
    assert User.objects.count() == n_users + 2
    response = teacher_client.get(response["Location"])
    assertContains(response, "ya se procesó")


def test_the_same_list_uploaded_again_matches_instead_of_duplicating(teacher_client, classroom):
    confirm(teacher_client, classroom, upload(teacher_client, classroom, ROSTER.encode()).context["token"])
    n_users = User.objects.count()
    response = upload(teacher_client, classroom, ROSTER.encode())
    assert response.context["n_create"] == 0 and response.context["n_already"] == 2
    response = confirm(teacher_client, classroom, response.context["token"])
    assert slip_passwords(response) == {}
    assert User.objects.count() == n_users


def test_windows_1252_and_comma_separated(teacher_client, classroom):
    content = "Nombre,Apellidos\nMaría,Muñoz\n".encode("cp1252")
    response = upload(teacher_client, classroom, content)
    assert response.status_code == 200
    assertContains(response, "María Muñoz")
    assertContains(response, "maria.munoz")


def test_a_username_of_another_teachers_student_is_refused_whole(teacher_client, classroom, other_student):
    n_users = User.objects.count()
    content = f"Ana;García\nOtro;Alumno;{other_student.username}\n".encode()
    response = upload(teacher_client, classroom, content)
    assert response.status_code == 400
    assertContains(response, "no es de sus clases", status_code=400)
    assert User.objects.count() == n_users
    assert not Enrollment.objects.filter(classroom=classroom, student=other_student).exists()


def test_a_teachers_username_is_refused(teacher_client, classroom, other_teacher):
    response = upload(teacher_client, classroom, f"A;B;{other_teacher.username}\n".encode())
    assertContains(response, "cuenta de docente", status_code=400)


def test_an_own_student_from_another_class_is_enrolled_not_duplicated(teacher_client, classroom, teacher, student):
    factories.make_classroom(teachers=[teacher], students=[student])
    response = upload(teacher_client, classroom, f"Est;Udiante;{student.username}\n".encode())
    assert response.context["n_enrol"] == 1
    response = confirm(teacher_client, classroom, response.context["token"])
    assert slip_passwords(response) == {}
    assert Enrollment.objects.filter(classroom=classroom, student=student).exists()
    student.refresh_from_db()
    assert student.check_password(factories.PASSWORD)  # an existing account keeps its password


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "vacío"),
        (b"\x00\x01\x02PK\x03\x04", "binario"),
        (b"x" * (10 * 1024 * 1024), "el máximo es 1 MB"),
        (b"Ana;=1+1\n", "fórmula"),
        (b"Ana;Garc\xc3\xada\nana;GARC\xc3\x8dA\n", "línea 1"),
        (b";Garc\xc3\xada\n", "falta el nombre"),
        (b"\xff\xfeA\x00", "UTF-16"),
        (b"\x81\x8d\x8f", "no está en UTF-8"),
    ],
)
def test_bad_files_are_clear_messages_and_write_nothing(teacher_client, classroom, content, message):
    n_users = User.objects.count()
    response = upload(teacher_client, classroom, content)
    assert response.status_code == 400
    assertContains(response, message, status_code=400)
    assert User.objects.count() == n_users


def test_a_confirmation_with_a_forged_or_foreign_token_does_nothing(teacher_client, classroom, teacher):
    other_class = factories.make_classroom(teachers=[teacher])
    token = upload(teacher_client, classroom, ROSTER.encode()).context["token"]
    n_users = User.objects.count()
    for bad in ["", "x" * 5000, "nope"]:
        assert confirm(teacher_client, classroom, bad).status_code == 302
    assert confirm(teacher_client, other_class, token).status_code == 302  # a preview belongs to its class
    assert User.objects.count() == n_users


def test_another_teacher_cannot_upload_to_the_class(client, other_teacher, classroom):
    client.force_login(other_teacher)
    assert upload(client, classroom, ROSTER.encode()).status_code == 404
    assert client.post(reverse("quizzes:teacher_add_student", args=[classroom.pk]), {}).status_code == 404


def test_a_race_between_plan_and_write_refuses_the_whole_list(teacher, classroom, monkeypatch):
    rows = account_services.roster_plan(teacher=teacher, classroom=classroom, rows=[])
    assert rows == []
    from quizzes.domain.roster import parse_roster

    parsed = parse_roster("Ana;García\nLuis;Paz;lpaz\n")
    original = account_services.roster_plan

    def plan_then_someone_takes_lpaz(**kwargs):
        result = original(**kwargs)
        factories.make_student(username="lpaz")  # another request took it in the meantime
        return result

    monkeypatch.setattr(account_services, "roster_plan", plan_then_someone_takes_lpaz)
    n_users = User.objects.count()
    with pytest.raises(account_services.ServiceError):
        account_services.roster_add(teacher=teacher, classroom=classroom, rows=parsed)
    assert User.objects.count() == n_users  # all or nothing (the stand-in for the other request went with it)
    assert not Enrollment.objects.filter(classroom=classroom).exists()


def test_thirty_students_in_a_bounded_number_of_queries(teacher, classroom, django_assert_max_num_queries):
    from quizzes.domain.roster import parse_roster

    rows = parse_roster("".join(f"Nombre{i};Apellido{i}\n" for i in range(30)))
    with django_assert_max_num_queries(30 * 3 + 15):
        slips = account_services.roster_add(teacher=teacher, classroom=classroom, rows=rows)
    assert len({s.username for s in slips}) == 30 and all(s.password for s in slips)


# ------------------------------------------------------------------ one student


def test_one_student_from_the_class_page(teacher_client, classroom):
    page = teacher_client.get(reverse("quizzes:teacher_class", args=[classroom.pk]))
    assertContains(page, reverse("quizzes:teacher_add_student", args=[classroom.pk]))
    url = reverse("quizzes:teacher_add_student", args=[classroom.pk])
    response = teacher_client.post(url, {"first_name": "Iñaki", "last_name": "Öztürk", "username": "", "email": ""})
    assert response.status_code == 200
    assert list(slip_passwords(response)) == ["inaki.ozturk"]
    # The same form posted again: the student is matched by name, no second account and no new password.
    response = teacher_client.post(url, {"first_name": "Iñaki", "last_name": "Öztürk"})
    assert slip_passwords(response) == {}
    assertContains(response, "ya estaba en la clase")
    assert User.objects.filter(first_name="Iñaki").count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"first_name": "A"},
        {"first_name": "=cmd", "last_name": "B"},
        {"first_name": "A" * 500, "last_name": "B"},
        {"first_name": "A", "last_name": "B", "username": "con espacio"},
        {"first_name": "A", "last_name": "B", "email": "x"},
    ],
)
def test_one_student_bad_input_is_a_message(teacher_client, classroom, data):
    n_users = User.objects.count()
    response = teacher_client.post(reverse("quizzes:teacher_add_student", args=[classroom.pk]), data, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("quizzes:teacher_class", args=[classroom.pk])
    assert list(response.context["messages"])
    assert User.objects.count() == n_users


# ------------------------------------------------------------------ first login and resets


def test_a_slip_login_must_set_a_new_password_first(teacher_client, classroom):
    client = Client()
    response = teacher_client.post(
        reverse("quizzes:teacher_add_student", args=[classroom.pk]), {"first_name": "Eva", "last_name": "Sol"}
    )
    ((username, password),) = slip_passwords(response).items()
    response = client.post(reverse("login"), {"username": username, "password": password}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("password_change")
    assertContains(response, "Su contraseña es provisional")
    for url in [reverse("quizzes:home"), reverse("quizzes:cards_review"), reverse("quizzes:join")]:
        assert client.get(url)["Location"] == reverse("password_change")
    response = client.post(
        reverse("password_change"),
        {"old_password": password, "new_password1": "mi-clave-propia-77", "new_password2": "mi-clave-propia-77"},
    )
    assert response.status_code == 302
    assert not User.objects.get(username=username).must_change_password
    assert client.get(reverse("quizzes:home")).status_code == 200


def test_a_teacher_resets_a_password_and_the_students_sessions_end(teacher_client, classroom, student):
    Enrollment.objects.create(classroom=classroom, student=student)
    client = Client()
    client.force_login(student)
    assert client.get(reverse("quizzes:home")).status_code == 200
    response = teacher_client.post(reverse("quizzes:teacher_reset_password", args=[classroom.pk, student.pk]))
    assert response.status_code == 200
    ((username, password),) = slip_passwords(response).items()
    student.refresh_from_db()
    assert username == student.username and student.check_password(password) and student.must_change_password
    # The student's open session ended.
    response = client.get(reverse("quizzes:home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert SESSION_KEY not in client.session


def test_reset_only_for_a_student_of_the_own_class(client, teacher_client, classroom, other_student, other_teacher):
    url = reverse("quizzes:teacher_reset_password", args=[classroom.pk, other_student.pk])
    assert teacher_client.post(url).status_code == 404  # not in this class
    other_student.refresh_from_db()
    assert other_student.check_password(factories.PASSWORD)
    # A co-teacher's account in the class is not a student's.
    Enrollment.objects.create(classroom=classroom, student=other_teacher)
    response = teacher_client.post(
        reverse("quizzes:teacher_reset_password", args=[classroom.pk, other_teacher.pk]), follow=True
    )
    assertNotContains(response, "ww-slip-password")
    other_teacher.refresh_from_db()
    assert other_teacher.check_password(factories.PASSWORD)
