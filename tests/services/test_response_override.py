"""A teacher overrides the mark of one response with a comment the student sees; a regrade keeps it."""

from decimal import Decimal

import pytest
from django.urls import reverse

from quizzes.models import Attempt, QuestionKind, Response
from quizzes.services import regrade
from quizzes.services.errors import ServiceError
from tests import factories
from tests.quiz_support import wrong_answer
from tests.services.test_regrade import _take

pytestmark = pytest.mark.django_db


@pytest.fixture
def graded(student):
    question = factories.make_question(kind=QuestionKind.NUMERIC, numeric_value=239, numeric_tolerance=0, unit="")
    quiz = factories.make_quiz(questions=[question, factories.make_question()], pass_mark=Decimal("60"))
    attempt = _take(student, quiz, wrong_answer)
    return attempt, Response.objects.get(attempt=attempt, question=question), question


def test_override_sets_the_mark_recomputes_the_attempt_and_survives_a_regrade(graded):
    attempt, response, question = graded
    assert attempt.percent == 0
    regrade.response_override(response_id=response.pk, points=Decimal("1"), comment="«unos 250» vale: bien visto.")
    attempt.refresh_from_db()
    response.refresh_from_db()
    assert (attempt.score, attempt.percent, attempt.passed) == (Decimal("1"), 50.0, False)
    assert response.fraction == 1.0 and response.overridden_at is not None
    question.numeric_value = 1000
    question.save()
    regrade.regrade_questions(question_ids=[question.pk], apply=True)
    response.refresh_from_db()
    assert response.points == Decimal("1")  # the teacher's mark is kept


@pytest.mark.parametrize("points", [Decimal("-1"), Decimal("1.5"), None])
def test_points_outside_the_range_are_refused(graded, points):
    _attempt, response, _question = graded
    with pytest.raises(ServiceError):
        regrade.response_override(response_id=response.pk, points=points, comment="")
    response.refresh_from_db()
    assert response.overridden_at is None


def test_the_student_sees_the_comment_and_the_teachers_mark(student_client, graded):
    attempt, response, _question = graded
    regrade.response_override(response_id=response.pk, points=Decimal("0.5"), comment="Casi: revise la página 3.")
    page = student_client.get(reverse("quizzes:attempt_result", args=[attempt.pk])).content.decode()
    assert "Casi: revise la página 3." in page
    assert "Nota puesta por su docente: 0,50 de 1 puntos" in page


def test_the_admin_inline_overrides_and_refuses_a_mark_above_the_maximum(client, superuser, graded):
    attempt, response, _question = graded
    client.force_login(superuser)
    url = reverse("admin:quizzes_attempt_change", args=[attempt.pk])
    page = client.get(url)
    assert page.status_code == 200
    responses = list(attempt.responses.order_by("slot"))
    data = {
        "responses-TOTAL_FORMS": str(len(responses)),
        "responses-INITIAL_FORMS": str(len(responses)),
        "responses-MIN_NUM_FORMS": "0",
        "responses-MAX_NUM_FORMS": "1000",
    }
    for i, r in enumerate(responses):
        data[f"responses-{i}-id"] = str(r.pk)
        data[f"responses-{i}-attempt"] = str(attempt.pk)
        data[f"responses-{i}-points"] = str(r.points)
        data[f"responses-{i}-teacher_comment"] = ""
    index = responses.index(next(r for r in responses if r.pk == response.pk))
    data[f"responses-{index}-points"] = "7"
    refused = client.post(url, data)
    assert refused.status_code == 200 and "entre 0 y 1" in refused.content.decode()
    data[f"responses-{index}-points"] = "1"
    data[f"responses-{index}-teacher_comment"] = "Aceptada."
    assert client.post(url, data).status_code == 302
    assert Attempt.objects.get(pk=attempt.pk).percent == 50.0
    assert Response.objects.get(pk=response.pk).teacher_comment == "Aceptada."
