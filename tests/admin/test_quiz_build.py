"""«Crear desde un documento» in the quiz admin: a draft opened for edits; bad input is a form error, never a 500."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from quizzes.models import Quiz, Status
from tests import factories
from tests.services.test_quiz_building import make_bank

pytestmark = pytest.mark.django_db

URL = reverse("admin:quizzes_quiz_build")


def test_the_quiz_list_links_to_the_builder(teacher_client):
    assertContains(teacher_client.get(reverse("admin:quizzes_quiz_changelist")), URL)


def test_the_form_offers_own_and_shared_documents_only(teacher_client, teacher, other_teacher):
    mine, _q = make_bank(owner=teacher)
    shared, _q = make_bank(owner=None)
    theirs, _q = make_bank(owner=other_teacher)
    response = teacher_client.get(URL)
    assert response.status_code == 200
    choices = {str(pk) for pk, _label in response.context["form"].fields["document"].choices if pk}
    assert choices == {str(mine.pk), str(shared.pk)}
    assertNotContains(response, theirs.title)


def test_building_opens_the_draft_for_edits(teacher_client, teacher):
    document, _q = make_bank(owner=teacher)
    data = {"document": document.pk, "size": 10, "kinds": [], "difficulty": "", "once": "k1"}
    response = teacher_client.post(URL, data)
    quiz = Quiz.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("admin:quizzes_quiz_change", args=[quiz.pk])
    assert (quiz.status, quiz.created_by, quiz.items.count()) == (Status.DRAFT, teacher, 3)
    page = teacher_client.get(response["Location"])
    assertContains(page, "Borrador creado con 3 de las 10 preguntas pedidas")
    assertContains(page, "La capital de Finlandia")  # the items are there to edit


def test_a_double_submit_builds_one_quiz(teacher_client, teacher):
    document, _q = make_bank(owner=teacher)
    data = {"document": document.pk, "size": 2, "once": "same-form"}
    first = teacher_client.post(URL, data)
    second = teacher_client.post(URL, data, follow=True)
    assert Quiz.objects.count() == 1
    assert second.redirect_chain[0][0] == first["Location"]
    assertContains(second, "ya se había creado con ese formulario")


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"document": "", "size": ""},
        {"document": "abc", "size": 3},
        {"document": "99999999999999999999999", "size": 3},
        {"document": "OTHER", "size": 3},
        {"document": "MINE", "size": "tres"},
        {"document": "MINE", "size": 0},
        {"document": "MINE", "size": 10**9},
        {"document": "MINE", "size": 3, "kinds": ["essay"]},
        {"document": "MINE", "size": 3, "difficulty": "imposible"},
        {"document": "MINE", "size": 3, "per_attempt": 5},
        {"document": "MINE", "size": 3, "title": "x" * 5000},
        {"document": "MINE", "size": 3, "kinds": ["ordering"]},  # nothing fits: said, nothing built
        {"document": "MINE", "size": 3, "title": "Ya existe"},
    ],
)
def test_bad_input_is_a_form_error_and_builds_nothing(teacher_client, teacher, other_teacher, data):
    mine, _q = make_bank(owner=teacher)
    theirs, _q = make_bank(owner=other_teacher)
    factories.make_quiz(title="Ya existe")
    data = {k: {"MINE": mine.pk, "OTHER": theirs.pk}.get(v, v) if isinstance(v, str) else v for k, v in data.items()}
    response = teacher_client.post(URL, data)
    assert response.status_code == 200
    assertContains(response, "Revise el formulario: no se ha creado nada.")
    assert Quiz.objects.count() == 1


def test_students_and_anonymous_users_do_not_get_the_builder(client, student):
    assert client.get(URL).status_code == 302
    client.force_login(student)
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]
