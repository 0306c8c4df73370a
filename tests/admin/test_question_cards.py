"""What a teacher does to questions in the admin reaches the flashcards: publishing a question gives its fact a card,
unpublishing, archiving or deleting it withdraws the card (never deletes it), rewording it rewords the card."""

import pytest
from django.urls import reverse

from quizzes.models import Fact, Flashcard, Question, QuestionKind, Review, Status
from quizzes.services.cards import cards_sync_for_document
from tests import factories

pytestmark = pytest.mark.django_db

SENTENCE = "La guerra terminó con el Tratado de Paz de Moscú en 1940."
PROMPT = "¿Con qué tratado terminó la guerra?"


@pytest.fixture
def fact(teacher):
    document = factories.make_document(text=SENTENCE, created_by=teacher)  # the teacher's: theirs to curate
    sentence = factories.make_sentence(document=document, text=SENTENCE)
    answer = "Tratado de Paz de Moscú"
    start = SENTENCE.index(answer)
    return factories.make_fact(sentence=sentence, kind="event", answer=answer, start=start, end=start + len(answer))


def about(fact, *, status=Status.DRAFT, prompt=PROMPT, **extra):
    return factories.make_question(
        kind=QuestionKind.SHORT_ANSWER,
        prompt=prompt,
        status=status,
        fact=fact,
        document=fact.document,
        sentence=fact.sentence,
        origin="generated",
        accepted=["Tratado de Paz de Moscú", "Tratado de Moscú"],
        **extra,
    )


def change_post(question, **fields) -> dict:
    """The question's change form as the admin sends it back, with these fields changed."""
    data = {
        "kind": question.kind,
        "prompt": question.prompt,
        "explanation": question.explanation,
        "status": question.status,
        "document": question.document_id or "",
        "fact": question.fact_id or "",
        "unit": question.unit,
        "review_note": question.review_note,
        "choices-TOTAL_FORMS": "0",
        "choices-INITIAL_FORMS": "0",
    }
    answers = list(question.accepted_answers.all()) if question.pk else []
    data["accepted_answers-TOTAL_FORMS"] = data["accepted_answers-INITIAL_FORMS"] = str(len(answers))
    for i, answer in enumerate(answers):
        data[f"accepted_answers-{i}-id"] = str(answer.pk)
        data[f"accepted_answers-{i}-question"] = str(question.pk)
        data[f"accepted_answers-{i}-text"] = answer.text
    data.update(fields)
    return data


def action(client, name, *questions):
    return client.post(
        reverse("admin:quizzes_question_changelist"),
        {"action": name, "_selected_action": [q.pk for q in questions]},
        follow=True,
    )


def test_publishing_gives_the_fact_a_card_and_archiving_withdraws_it_keeping_history(teacher_client, student, fact):
    question = about(fact)
    assert action(teacher_client, "publish", question).status_code == 200
    card = Flashcard.objects.get(fact=fact, is_active=True)
    assert (card.front, card.back, card.context) == (PROMPT, "Tratado de Paz de Moscú", SENTENCE)
    row = factories.make_student_card(user=student, card=card)
    factories.make_review(student_card=row)
    assert action(teacher_client, "archive", question).status_code == 200
    card.refresh_from_db()
    assert not card.is_active
    assert Review.objects.filter(student_card=row).count() == 1  # the student's history stays
    question.refresh_from_db()
    assert action(teacher_client, "publish", question).status_code == 200
    card.refresh_from_db()
    assert card.is_active and Flashcard.objects.count() == 1  # the same card comes back


def test_the_change_form_rewords_unpublishes_and_moves_the_card(admin_client, fact):
    question = about(fact, status=Status.PUBLISHED)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    response = admin_client.post(url, change_post(question, prompt="¿Qué tratado puso fin a la guerra?"))
    assert response.status_code == 302
    assert Flashcard.objects.get(fact=fact).front == "¿Qué tratado puso fin a la guerra?"

    question.refresh_from_db()
    assert admin_client.post(url, change_post(question, status=Status.DRAFT)).status_code == 302
    assert not Flashcard.objects.get(fact=fact).is_active

    other_sentence = factories.make_sentence(document=fact.document, index=1, text="Finlandia perdió Carelia.")
    other = factories.make_fact(sentence=other_sentence, answer="Carelia", start=17, end=24)
    question.refresh_from_db()
    data = change_post(question, status=Status.PUBLISHED, fact=other.pk, prompt="¿Qué región perdió Finlandia?")
    assert admin_client.post(url, data).status_code == 302
    assert not Flashcard.objects.get(fact=fact).is_active
    moved = Flashcard.objects.get(fact=other)
    assert (moved.is_active, moved.front, moved.context) == (True, "¿Qué región perdió Finlandia?", other_sentence.text)


def test_a_teacher_adding_a_published_question_about_a_fact_gives_it_a_card(teacher_client, fact):
    data = change_post(
        Question(kind=QuestionKind.SHORT_ANSWER, prompt=PROMPT, status=Status.PUBLISHED, document=fact.document),
        fact=fact.pk,
    )
    data.update({"accepted_answers-TOTAL_FORMS": "1", "accepted_answers-0-text": "Tratado de Moscú"})
    response = teacher_client.post(reverse("admin:quizzes_question_add"), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    card = Flashcard.objects.get(fact=fact)
    assert (card.front, card.back, card.is_active) == (PROMPT, "Tratado de Moscú", True)


def test_a_published_question_without_a_fact_makes_no_card_and_no_error(admin_client):
    data = change_post(Question(kind=QuestionKind.SHORT_ANSWER, prompt=PROMPT, status=Status.PUBLISHED))
    data.update({"accepted_answers-TOTAL_FORMS": "1", "accepted_answers-0-text": "Tratado de Moscú"})
    assert admin_client.post(reverse("admin:quizzes_question_add"), data).status_code == 302
    question = Question.objects.get()
    assert action(admin_client, "archive", question).status_code == 200
    assert action(admin_client, "publish", question).status_code == 200
    assert not Flashcard.objects.exists()


def test_deleting_the_question_withdraws_its_card(admin_client, fact):
    first, second = about(fact, status=Status.PUBLISHED), about(fact, prompt="¿Qué tratado firmaron?")
    factories.make_question(kind=QuestionKind.SHORT_ANSWER, status=Status.PUBLISHED)  # no fact: nothing to sync
    action(admin_client, "publish", second)
    url = reverse("admin:quizzes_question_delete", args=[first.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    card = Flashcard.objects.get(fact=fact)
    assert (card.is_active, card.front) == (True, "¿Qué tratado firmaron?")  # the next published question
    response = admin_client.post(
        reverse("admin:quizzes_question_changelist"),
        {"action": "delete_selected", "_selected_action": [q.pk for q in Question.objects.all()], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Question.objects.exists()
    assert not Flashcard.objects.get(fact=fact).is_active


def test_withdrawing_a_fact_in_the_admin_withdraws_its_card(admin_client, fact):
    action(admin_client, "publish", about(fact))
    assert Flashcard.objects.get(fact=fact).is_active
    data = {
        "kind": fact.kind,
        "subtype": fact.subtype,
        "answer": fact.answer,
        "value": "null",
        "aliases": "[]",
    }  # «vigente» unchecked
    response = admin_client.post(reverse("admin:quizzes_fact_change", args=[fact.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    assert not Fact.objects.get(pk=fact.pk).is_active
    assert not Flashcard.objects.get(fact=fact).is_active


def test_a_draft_left_out_by_the_selection_keeps_its_card_in_step_with_the_admin(admin_client, fact):
    """A generated draft whose only failed check is «selected» makes its fact's card: rewording it in the change form
    rewords the card, a review note (the draft flagged) withdraws it, and archiving it withdraws it too."""
    question = about(fact, checks={"passed": ["stands_alone"], "failed": ["selected"]})
    cards_sync_for_document(document=fact.document)  # as the generation that stored it does
    assert Flashcard.objects.get(fact=fact).front == PROMPT
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    assert admin_client.post(url, change_post(question, prompt="¿Qué tratado puso fin a la guerra?")).status_code == 302
    card = Flashcard.objects.get(fact=fact)
    assert (card.is_active, card.front) == (True, "¿Qué tratado puso fin a la guerra?")
    question.refresh_from_db()
    assert question.status == Status.DRAFT and question.edited_by_teacher

    assert admin_client.post(url, change_post(question, review_note="Ambigua.")).status_code == 302
    card.refresh_from_db()
    assert not card.is_active
    question.refresh_from_db()
    assert admin_client.post(url, change_post(question, review_note="")).status_code == 302
    card.refresh_from_db()
    assert card.is_active

    assert action(admin_client, "archive", question).status_code == 200
    card.refresh_from_db()
    assert not card.is_active and Flashcard.objects.count() == 1


def test_deleting_a_fact_in_the_admin_withdraws_its_card(admin_client, fact):
    action(admin_client, "publish", about(fact))
    card = Flashcard.objects.get(fact=fact)
    assert card.is_active
    response = admin_client.post(reverse("admin:quizzes_fact_delete", args=[fact.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Fact.objects.filter(pk=fact.pk).exists()
    card.refresh_from_db()
    assert (card.fact_id, card.is_active) == (None, False)


def test_deleting_facts_from_the_admin_list_withdraws_their_cards(admin_client, fact):
    action(admin_client, "publish", about(fact))
    card = Flashcard.objects.get(fact=fact)
    response = admin_client.post(
        reverse("admin:quizzes_fact_changelist"),
        {"action": "delete_selected", "_selected_action": [fact.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Fact.objects.filter(pk=fact.pk).exists()
    card.refresh_from_db()
    assert (card.fact_id, card.is_active) == (None, False)
