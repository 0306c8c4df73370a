"""The question page of an attempt reads its question and choices from the cache (question_with_choices).

They are content, shared by every student, and never shown stale after a teacher's edit.
"""

import pytest
from django.core.cache import cache
from django.urls import reverse

from quizzes.models import Choice, Question
from quizzes.selectors import summaries
from quizzes.selectors.quizzes import question_with_choices
from quizzes.services import attempts as svc
from tests import factories
from winterwar import fragments

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(student_client, student):
    quiz = factories.make_quiz(n_questions=3)
    attempt = svc.attempt_start(user=student, quiz=quiz)
    response = attempt.responses.select_related("question").get(slot=2)
    url = reverse("quizzes:attempt_question", args=[attempt.pk, 2])
    return url, response.question


def test_a_second_question_page_reads_only_the_students_rows(student_client, page, django_assert_num_queries):
    url, _question = page
    student_client.get(url)
    with django_assert_num_queries(3):  # the session, the user, the attempt with its quiz and responses
        assert student_client.get(url).status_code == 200


def test_a_second_question_page_reads_the_window_and_the_question_in_one_round_trip(
    student_client, student, page, monkeypatch
):
    url, question = page
    first = student_client.get(url)
    reads = []
    real_get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys, *a, **k: reads.append(list(keys)) or real_get_many(keys))
    second = student_client.get(url)
    summary_reads = [keys for keys in reads if any(key.startswith("ww:") for key in keys)]
    assert len(summary_reads) == 1
    quiz_id = second.context["quiz"].pk
    wanted = {f"ww:sum:availability:{quiz_id}:{student.pk}", f"ww:content:lazy:question:{question.pk}"}
    assert wanted <= set(summary_reads[0])
    assert "q" not in second.context  # its body kept (views.quizzes.AttemptQuestionView._body_key)
    fragments._recent.clear()  # the body rendered again: from the question the same round trip read
    reads.clear()
    third = student_client.get(url)
    assert len([keys for keys in reads if any(key.startswith("ww:") for key in keys)]) == 1
    assert third.context["q"].question.prompt == question.prompt
    assert [o.text for o in third.context["q"].options] == [o.text for o in first.context["q"].options]


def test_a_kept_body_leaves_the_question_unpickled(student_client, page, monkeypatch):
    """The prefetched content entry is a Pickled: a page whose body is kept does not unpickle the question."""
    url, _question = page
    student_client.get(url)
    student_client.get(url)  # the content entry read from the cache, the body kept
    loads = []
    real_get = summaries.Pickled.get
    monkeypatch.setattr(summaries.Pickled, "get", lambda self: loads.append(1) or real_get(self))
    assert student_client.get(url).context is None  # the whole page kept (winterwar.pages): no template at all
    assert loads == []
    fragments._recent.clear()
    assert student_client.get(url).context["q"]
    assert loads == [1]


def test_a_teachers_edit_of_the_question_and_its_choices_shows_at_once(student_client, page):
    url, question = page
    assert "Finlandia" in student_client.get(url).content.decode()
    # The admin saves the question, then its inline choices, in one transaction.
    question.prompt = "¿Qué país resistió en 1939?"
    question.save()
    Choice.objects.filter(question=question, text="Finlandia").update(text="Suomi")
    page_text = student_client.get(url).content.decode()
    assert "¿Qué país resistió en 1939?" in page_text
    assert "Suomi" in page_text and "Finlandia" not in page_text


def test_the_cached_question_leaves_the_documents_text_out(student):
    document = factories.make_document(text="Un texto largo. " * 1000)
    question = factories.make_question(document=document)
    for _ in range(2):  # built, then read from the cache
        cached, choices = question_with_choices(question_id=question.pk)
        assert cached == question and cached.document_id == document.pk
        assert "text" in cached.document.get_deferred_fields()
        assert [c.pk for c in choices] == list(
            Question.objects.get(pk=question.pk).choices.values_list("pk", flat=True)
        )
