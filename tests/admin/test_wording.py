"""How the admin reads to a teacher: messages that agree in gender, «Añadir», checks as sentences, «Verdadero / Falso»,
«…» for cut text, and the next step after a document is saved without questions."""

import json

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import strip_tags
from pytest_django.asserts import assertContains, assertNotContains

from quizzes.admin.wording import saved_message
from quizzes.models import Document, Question, QuestionKind, Status
from quizzes.presentation.quality import FAILED, UNKNOWN_FAILED, quality_summary
from tests import factories

pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [strip_tags(str(m)) for m in get_messages(response.wsgi_request)]  # the object is a link


def _question_post(**fields) -> dict:
    data = {
        "kind": QuestionKind.TRUE_FALSE,
        "prompt": "Finlandia firmó la paz en 1940.",
        "explanation": "",
        "status": Status.DRAFT,
        "correct_bool": "true",
        "review_note": "",
        "unit": "",
        "choices-TOTAL_FORMS": "0",
        "choices-INITIAL_FORMS": "0",
        "accepted_answers-TOTAL_FORMS": "0",
        "accepted_answers-INITIAL_FORMS": "0",
    }
    return {**data, **fields}


def test_a_question_is_feminine_in_the_save_messages(teacher_client):
    response = teacher_client.post(reverse("admin:quizzes_question_add"), _question_post(_continue="1"))
    assert response.status_code == 302
    question = Question.objects.get()
    assert _messages(response) == [f"La pregunta «{question}» se ha añadido. Puede seguir editándola a continuación."]
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    response = teacher_client.post(url, _question_post(prompt="Finlandia firmó la paz en marzo de 1940."))
    assert _messages(response)[-1] == "La pregunta «Finlandia firmó la paz en marzo de 1940.» se ha guardado."
    response = teacher_client.post(url, _question_post(_addanother="1"))
    assert _messages(response)[-1].endswith("se ha guardado. Puede añadir otra a continuación.")


def test_a_document_is_masculine_and_its_delete_message_too(teacher_client, teacher):
    document = factories.make_document(created_by=teacher, title="La batalla de Suomussalmi")
    response = teacher_client.post(reverse("admin:quizzes_document_delete", args=[document.pk]), {"post": "yes"})
    assert _messages(response) == ["El documento «La batalla de Suomussalmi» se ha eliminado."]


def test_saved_message_keeps_the_link_and_escapes_the_object():
    message = saved_message(event="added", gender="f", name="pregunta", obj_repr="<b>x</b>", button="_continue")
    assert message == "La pregunta «&lt;b&gt;x&lt;/b&gt;» se ha añadido. Puede seguir editándola a continuación."


def test_inline_rows_are_added_with_anadir_and_every_control_is_named(teacher_client):
    response = teacher_client.get(reverse("admin:quizzes_quiz_add"))
    assertContains(response, json.dumps("Añadir pregunta del cuestionario")[1:-1])  # the inline's data, as JSON
    assertNotContains(response, "Agregar")
    # The date and time boxes of a date-time field have their own <label>.
    assertContains(response, '<label for="id_opens_at_0">Fecha:</label>', html=False)
    assertContains(response, '<label for="id_opens_at_1">Hora:</label>', html=False)


def test_the_delete_box_of_an_inline_row_is_named(teacher_client, teacher):
    classroom = factories.make_classroom(teachers=[teacher], students=[factories.make_student()])
    response = teacher_client.get(reverse("admin:quizzes_classroom_change", args=[classroom.pk]))
    assertContains(response, 'aria-label="Eliminar esta fila"')


def test_the_true_false_answer_is_verdadero_or_falso(teacher_client, teacher):
    question = factories.make_question(kind=QuestionKind.TRUE_FALSE, created_by=teacher, correct_bool=False)
    response = teacher_client.get(reverse("admin:quizzes_question_change", args=[question.pk]))
    assertContains(response, '<option value="false" selected>Falso</option>', html=True)
    assertContains(response, '<option value="true">Verdadero</option>', html=True)
    assertNotContains(response, "Desconocido")


def test_a_shared_true_false_question_shows_the_answer_in_words(teacher_client):
    question = factories.make_question(kind=QuestionKind.TRUE_FALSE, correct_bool=True)  # no owner: read-only
    response = teacher_client.get(reverse("admin:quizzes_question_change", args=[question.pk]))
    assertContains(response, '<div class="readonly">Verdadero</div>', html=True)
    assertContains(response, "<h1>Ver pregunta</h1>", html=True)


def test_the_checks_of_a_draft_are_sentences_without_internal_ids(teacher_client, teacher):
    document = factories.make_document(created_by=teacher)
    question = factories.make_question(
        kind=QuestionKind.SHORT_ANSWER,
        document=document,
        status=Status.DRAFT,
        checks={"passed": ["has_blank", "date_certain", "selected"], "failed": ["swap_reviewed", "date_certain"]},
    )
    response = teacher_client.get(reverse("admin:quizzes_question_change", args=[question.pk]))
    assertContains(response, str(FAILED["swap_reviewed"]))
    assertContains(response, str(FAILED["date_certain"]))
    assertContains(response, "Supera 2 comprobaciones del generador.")
    for internal in ("swap_reviewed", "date_certain", "has_blank", '"passed"'):
        assertNotContains(response, internal)


@pytest.mark.parametrize(
    "checks, problems, passed",
    [
        ({}, (), 0),
        ("not a dict", (), 0),
        ({"failed": ["nonexistent", 3, "nonexistent_too"]}, (str(UNKNOWN_FAILED),), 0),
        ({"passed": ["a", "b"], "failed": None}, (), 2),
    ],
)
def test_quality_summary_reads_any_shape(checks, problems, passed):
    summary = quality_summary(checks)
    assert (summary.problems, summary.passed) == (problems, passed)


def test_a_long_prompt_is_cut_with_an_ellipsis():
    question = factories.make_question(prompt="¿" + "palabra " * 30 + "_____?")
    assert str(question).endswith("…") and len(str(question)) == 90
    assert "..." not in str(question)


def test_a_new_document_opens_again_with_the_next_step(teacher_client):
    data = {"title": "Un texto", "text": "Finlandia firmó la paz en marzo de 1940.", "source": "", "licence": ""}
    data |= {"sentences-TOTAL_FORMS": "0", "sentences-INITIAL_FORMS": "0"}
    response = teacher_client.post(reverse("admin:quizzes_document_add"), data)
    document = Document.objects.get()
    assert response["Location"] == reverse("admin:quizzes_document_change", args=[document.pk])
    assert _messages(response) == ["El documento «Un texto» se ha añadido."]
    page = teacher_client.get(response["Location"])
    assertContains(page, "Este documento todavía no tiene preguntas.")
    assertContains(page, '<button type="submit" name="_generate" value="1" class="button default">', html=False)


def test_the_next_step_is_not_offered_once_there_are_questions(teacher_client, teacher):
    document = factories.make_document(created_by=teacher)
    factories.make_question(document=document)
    page = teacher_client.get(reverse("admin:quizzes_document_change", args=[document.pk]))
    assertNotContains(page, "Este documento todavía no tiene preguntas.")


def test_the_generate_button_saves_generates_and_shows_the_questions(teacher_client, teacher, monkeypatch):
    from quizzes.services import generation

    calls = []
    monkeypatch.setattr(
        generation, "document_generate_questions", lambda *, document: calls.append(document.pk) or "3 preguntas"
    )
    document = factories.make_document(created_by=teacher, title="Un texto")
    data = {"title": "Un texto", "text": document.text, "source": "", "licence": "", "_generate": "1"}
    data |= {"sentences-TOTAL_FORMS": "0", "sentences-INITIAL_FORMS": "0"}
    response = teacher_client.post(reverse("admin:quizzes_document_change", args=[document.pk]), data)
    assert calls == [document.pk]
    assert response["Location"] == reverse("admin:quizzes_question_changelist") + f"?document__id__exact={document.pk}"
    assert _messages(response) == ["El documento «Un texto» se ha guardado.", "Un texto: 3 preguntas"]


def test_the_save_buttons_agree_with_the_noun(teacher_client):
    question_page = teacher_client.get(reverse("admin:quizzes_question_add"))
    assertContains(question_page, 'value="Guardar y añadir otra"')
    quiz_page = teacher_client.get(reverse("admin:quizzes_quiz_add"))
    assertContains(quiz_page, 'value="Guardar y añadir otro"')
