"""Query budgets on the attempt's hot paths: the same count for a 5-question and a 50-question quiz.

A class of thirty students clicks "Siguiente" at the same moment; a query per question on these pages would make a
50-question quiz ten times as heavy as a 5-question one.
"""

import pytest
from django.urls import reverse

from quizzes.models import Response
from quizzes.services import attempts as svc
from tests import factories
from tests.quiz_support import post_data, right_answer

pytestmark = pytest.mark.django_db

# session, user, the attempt with its quiz and its responses (the slot list and this one: one statement,
# selectors.quizzes.attempt_page), the student's assignments of the quiz (the effective deadline: a close time may
# have moved), the question (+sentence, document), its choices. The question and its choices are then cached for every
# student (tests/selectors/test_question_cache.py: 3 queries). Was 7 before the attempt and its responses were one.
QUESTION_PAGE_QUERIES = 6
# session, user, the attempt with its quiz and its responses (the slot count for the redirect target comes with
# them), assignments (expiry); then in the service: savepoint, attempt FOR UPDATE, response FOR UPDATE, choices,
# update, release. The student's assignments of the quiz are read once: the service's second look (the deadline under
# the lock) finds them in the cache (selectors.availability.quiz_availability), as do the question pages that follow.
# Was 11 (a separate count of the slots).
ANSWER_POST_QUERIES = 10
RESULT_PAGE_QUERIES = 7
PROGRESS_PAGE_QUERIES = 4


def _attempt(user, n):
    quiz = factories.make_quiz(n_questions=n)
    attempt = svc.attempt_start(user=user, quiz=quiz)
    return attempt


@pytest.mark.parametrize("n", [5, 50])
def test_question_page_queries(student_client, student, django_assert_num_queries, n):
    attempt = _attempt(student, n)
    url = reverse("quizzes:attempt_question", args=[attempt.pk, 3])
    with django_assert_num_queries(QUESTION_PAGE_QUERIES):
        assert student_client.get(url).status_code == 200


@pytest.mark.parametrize("n", [5, 50])
def test_answer_post_queries(student_client, student, django_assert_num_queries, n):
    attempt = _attempt(student, n)
    response = Response.objects.select_related("question").get(attempt=attempt, slot=3)
    body = post_data(response, right_answer(response))
    with django_assert_num_queries(ANSWER_POST_QUERIES):
        assert student_client.post(reverse("quizzes:attempt_question", args=[attempt.pk, 3]), body).status_code == 302


@pytest.mark.parametrize("n", [5, 50])
def test_result_page_queries(student_client, student, django_assert_num_queries, n):
    attempt = _attempt(student, n)
    svc.attempt_submit(user=student, attempt_id=attempt.pk)
    with django_assert_num_queries(RESULT_PAGE_QUERIES):
        assert student_client.get(reverse("quizzes:attempt_result", args=[attempt.pk])).status_code == 200


@pytest.mark.parametrize("n_attempts", [1, 12])
def test_progress_page_queries(student_client, student, django_assert_max_num_queries, n_attempts):
    for _ in range(n_attempts):
        svc.attempt_submit(user=student, attempt_id=_attempt(student, 3).pk)
    with django_assert_max_num_queries(PROGRESS_PAGE_QUERIES + 2):  # + session and user
        assert student_client.get(reverse("quizzes:progress")).status_code == 200


@pytest.mark.parametrize("n_quizzes", [1, 15])
def test_home_page_queries(student_client, student, django_assert_max_num_queries, n_quizzes):
    classroom = factories.make_classroom(students=[student])
    for i in range(n_quizzes):
        quiz = factories.make_quiz(n_questions=2)
        if i % 2:
            factories.make_assignment(classroom=classroom, quiz=quiz)
            svc.attempt_start(user=student, quiz=quiz)
    with django_assert_max_num_queries(10):
        assert student_client.get(reverse("quizzes:home")).status_code == 200


@pytest.mark.parametrize("n", [5, 50])
def test_submit_queries_do_not_grow_with_the_quiz(student, django_assert_max_num_queries, n):
    attempt = _attempt(student, n)
    with django_assert_max_num_queries(9):
        svc.attempt_submit(user=student, attempt_id=attempt.pk)


@pytest.mark.parametrize("n", [5, 50])
def test_autosave_queries(student_client, student, django_assert_num_queries, n):
    attempt = _attempt(student, n)
    response = Response.objects.select_related("question").get(attempt=attempt, slot=3)
    body = post_data(response, right_answer(response), "autosave")
    with django_assert_num_queries(ANSWER_POST_QUERIES):  # the attempt alone (no slots), the same service
        url = reverse("quizzes:attempt_autosave", args=[attempt.pk, 3])
        assert student_client.post(url, body).status_code == 200
