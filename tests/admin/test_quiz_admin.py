"""The quiz admin: the question picker (kind, status, full prompt; no drafts)."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from quizzes.models import Quiz
from tests import factories
from tests.admin.test_admin import quiz_post

pytestmark = pytest.mark.django_db

LONG = "¿Qué ciudad finlandesa, a orillas del golfo, fue bombardeada el primer día de la guerra, el 30 de noviembre de 1939?"


def picker(client, term=""):
    params = {"app_label": "quizzes", "model_name": "quizitem", "field_name": "question", "term": term}
    return client.get(reverse("admin:quizzes_question_picker"), params)


def test_the_picker_shows_kind_status_and_the_full_prompt_and_offers_no_drafts(teacher_client):
    factories.make_question(prompt=LONG)
    factories.make_question(prompt="Un borrador sobre la ciudad", status="draft")
    response = picker(teacher_client, "ciudad")
    assert response.status_code == 200
    texts = [r["text"] for r in response.json()["results"]]
    assert texts == [f"[Opción única · Publicada] {LONG}"]


def test_the_picker_refuses_students(client, student):
    client.force_login(student)
    assert picker(client).status_code == 302  # to the admin's login


def test_the_picker_refuses_malformed_requests(teacher_client):
    bad = teacher_client.get(reverse("admin:quizzes_question_picker"), {"app_label": "x", "model_name": "y"})
    assert bad.status_code == 403


def test_the_quiz_page_names_its_questions_in_full(admin_client):
    quiz = factories.make_quiz(questions=[factories.make_question(prompt=LONG)], status="draft")
    assertContains(admin_client.get(reverse("admin:quizzes_quiz_change", args=[quiz.pk])), LONG)


def test_a_draft_question_cannot_be_added_even_to_a_draft_quiz(admin_client):
    draft = factories.make_question(status="draft", prompt="Borrador sin revisar")
    response = admin_client.post(reverse("admin:quizzes_quiz_add"), quiz_post("Fechas", "draft", [draft]))
    assert response.status_code == 200
    assertContains(response, "no está publicada: publíquela antes de añadirla")
    assert not Quiz.objects.exists()


# ---------------------------------------------------------------- «Añadir al cuestionario» and «Duplicar»

QUESTIONS = reverse("admin:quizzes_question_changelist")
QUIZZES = reverse("admin:quizzes_quiz_changelist")


def add_post(questions, quiz=None, apply=True):
    data = {"action": "add_to_quiz", "_selected_action": [q.pk for q in questions]}
    if apply:
        data |= {"apply": "1", "quiz": quiz.pk if hasattr(quiz, "pk") else quiz}
    return data


def test_add_to_quiz_asks_which_of_my_quizzes_first(teacher_client, teacher, other_teacher):
    mine = factories.make_quiz(title="Mío", status="draft", created_by=teacher)
    factories.make_quiz(title="De otro docente", created_by=other_teacher)
    question = factories.make_question(prompt=LONG)
    response = teacher_client.post(QUESTIONS, add_post([question], apply=False))
    assert response.status_code == 200
    assertContains(response, LONG)
    assert list(response.context["form"].fields["quiz"].queryset) == [mine]
    assert not mine.items.exists()


def test_add_to_quiz_appends_published_questions_once(teacher_client, teacher):
    first = factories.make_question()
    quiz = factories.make_quiz(questions=[first], status="draft", created_by=teacher)
    new, draft = factories.make_question(), factories.make_question(status="draft")
    response = teacher_client.post(QUESTIONS, add_post([first, new, draft], quiz), follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:quizzes_quiz_change", args=[quiz.pk])
    assertContains(response, "1 pregunta añadida a «")
    assertContains(response, "1 ya estaba.")
    assertContains(response, "1 es un borrador y no se ha añadido")
    assert list(quiz.items.order_by("position").values_list("question_id", "position")) == [(first.pk, 1), (new.pk, 2)]
    teacher_client.post(QUESTIONS, add_post([first, new, draft], quiz))  # a double submit adds nothing more
    assert quiz.items.count() == 2


@pytest.mark.parametrize("quiz", ["", "abc", "99999999999999999999", "OTHER"])
def test_add_to_quiz_refuses_a_quiz_that_is_not_mine(teacher_client, teacher, other_teacher, quiz):
    factories.make_quiz(title="Mío", status="draft", created_by=teacher)
    theirs = factories.make_quiz(title="Ajeno", status="draft", created_by=other_teacher)
    question = factories.make_question()
    response = teacher_client.post(QUESTIONS, add_post([question], theirs.pk if quiz == "OTHER" else quiz))
    assert response.status_code == 200
    assertContains(response, "no se ha añadido nada")
    assert not theirs.items.exists()


def test_duplicate_quiz_makes_a_draft_copy_of_mine_only(teacher_client, teacher, other_teacher):
    questions = [factories.make_question(), factories.make_question()]
    mine = factories.make_quiz(title="Repaso", questions=questions, created_by=teacher, time_limit_minutes=15)
    theirs = factories.make_quiz(title="Ajeno", created_by=other_teacher)
    data = {"action": "duplicate", "_selected_action": [mine.pk, theirs.pk]}
    response = teacher_client.post(QUIZZES, data, follow=True)
    assertContains(response, "Copia creada como borrador: «Repaso (copia)»")
    copy = Quiz.objects.get(title="Repaso (copia)")
    assert (copy.status, copy.created_by, copy.time_limit_minutes) == ("draft", teacher, 15)
    assert list(copy.items.values_list("question_id", flat=True)) == [q.pk for q in questions]
    assert not Quiz.objects.filter(title__startswith="Ajeno (copia").exists()
    teacher_client.post(QUIZZES, {"action": "duplicate", "_selected_action": [mine.pk]})
    assert Quiz.objects.filter(title="Repaso (copia) (2)").exists()  # titles stay unique
