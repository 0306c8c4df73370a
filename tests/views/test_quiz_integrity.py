"""Integrity of attempts: ownership, the sequence token, idempotent submit, PRG, no leaked answers, bad input.

Every bad input gets a form error (400), a redirect with a message or a 404, never a 500, and records nothing.
"""

import re

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_django.asserts import assertContains, assertRedirects

from quizzes.domain.opaque import option_key
from quizzes.models import AttemptState, QuestionKind, Response
from quizzes.services import attempts as svc
from tests import factories
from tests.quiz_support import post_data, right_answer, wrong_answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempt(student):
    quiz = factories.make_quiz_of_every_kind()
    return svc.attempt_start(user=student, quiz=quiz)


def q_url(attempt, slot):
    return reverse("quizzes:attempt_question", args=[attempt.pk, slot])


def slot_of(attempt, kind) -> Response:
    return Response.objects.select_related("question").get(attempt=attempt, question__kind=kind)


def right_choice(response: Response) -> int:
    return next(c.pk for c in response.question.choices.all() if c.is_correct)


def nothing_recorded(attempt) -> bool:
    return (
        not Response.objects.filter(attempt=attempt).exclude(answer=None).exists()
        and not Response.objects.filter(attempt=attempt, sequence__gt=0).exists()
    )


# --- ownership -------------------------------------------------------------------------------------------------------


def test_another_students_attempt_is_a_404_everywhere(client, other_student, attempt):
    client.force_login(other_student)
    response = Response.objects.select_related("question").get(attempt=attempt, slot=1)
    for url in [
        reverse("quizzes:attempt_resume", args=[attempt.pk]),
        q_url(attempt, 1),
        reverse("quizzes:attempt_review", args=[attempt.pk]),
        reverse("quizzes:attempt_result", args=[attempt.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(q_url(attempt, 1), post_data(response, right_answer(response))).status_code == 404
    assert client.post(reverse("quizzes:attempt_submit", args=[attempt.pk])).status_code == 404
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.IN_PROGRESS
    assert nothing_recorded(attempt)


def test_another_students_attempt_id_404_has_a_spanish_page(client, other_student, attempt):
    client.force_login(other_student)
    page = client.get(q_url(attempt, 1))
    assert page.status_code == 404
    assert 'lang="es"' in page.content.decode()


def test_nonexistent_attempt_id_is_a_404(student_client, attempt):
    assert student_client.get(q_url(attempt, 1).replace(f"/{attempt.pk}/", "/987654/")).status_code == 404
    assert student_client.post(reverse("quizzes:attempt_submit", args=[987654])).status_code == 404


def test_absurdly_large_ids_are_a_404_not_a_database_error(student_client, attempt):
    assert student_client.get(f"/intentos/{'9' * 30}/preguntas/1/").status_code == 404
    assert student_client.get(f"/intentos/{attempt.pk}/preguntas/{'9' * 30}/").status_code == 404
    assert student_client.get(f"/intentos/{attempt.pk}/preguntas/99/").status_code == 404


# --- sequence token: double click, back button, replayed POST --------------------------------------------------------


def test_double_click_records_once(student_client, attempt):
    response = Response.objects.select_related("question").get(attempt=attempt, slot=1)
    body = post_data(response, right_answer(response))
    first = student_client.post(q_url(attempt, 1), body)
    second = student_client.post(q_url(attempt, 1), body)
    assert first.status_code == second.status_code == 302
    response.refresh_from_db()
    assert response.sequence == 1


def test_back_button_with_a_different_answer_is_refused(student_client, attempt):
    response = Response.objects.select_related("question").get(attempt=attempt, slot=1)
    stale = post_data(response, wrong_answer(response))
    student_client.post(q_url(attempt, 1), post_data(response, right_answer(response)))
    page = student_client.post(q_url(attempt, 1), stale, follow=True)
    assertContains(page, "no se ha guardado nada")
    response.refresh_from_db()
    assert response.sequence == 1
    assert response.answer == {"choice": right_choice(response)}


def test_replayed_post_after_moving_on_records_nothing(student_client, attempt):
    first = Response.objects.select_related("question").get(attempt=attempt, slot=1)
    replay = post_data(first, wrong_answer(first))
    student_client.post(q_url(attempt, 1), replay)
    second = Response.objects.select_related("question").get(attempt=attempt, slot=2)
    student_client.post(q_url(attempt, 2), post_data(second, right_answer(second)))
    student_client.post(q_url(attempt, 1), post_data(first, right_answer(first)) | {"token": f"{first.pk}.1"})
    # Replaying the very first POST: its token (sequence 0) is stale, and its answer differs from the saved one.
    page = student_client.post(q_url(attempt, 1), replay)
    assert page.status_code == 302
    first.refresh_from_db()
    assert first.sequence == 2
    assert first.answer == {"choice": right_choice(first)}


def test_token_of_one_question_posted_to_another_records_nothing(student_client, attempt):
    first = Response.objects.select_related("question").get(attempt=attempt, slot=1)
    # Question 1's form (its token) sent to question 3's URL, with an answer that would fit question 3.
    page = student_client.post(q_url(attempt, 3), {"value": ["true"], "token": svc.response_token(first)}, follow=True)
    assertContains(page, "no se ha guardado nada")
    assert nothing_recorded(attempt)


# --- submit: idempotent, PRG, refused afterwards ---------------------------------------------------------------------


def test_submit_twice_scores_once(student_client, attempt):
    url = reverse("quizzes:attempt_submit", args=[attempt.pk])
    first = student_client.post(url)
    attempt.refresh_from_db()
    submitted_at, score = attempt.submitted_at, attempt.score
    second = student_client.post(url)
    assertRedirects(first, reverse("quizzes:attempt_result", args=[attempt.pk]), fetch_redirect_response=False)
    assertRedirects(second, reverse("quizzes:attempt_result", args=[attempt.pk]), fetch_redirect_response=False)
    attempt.refresh_from_db()
    assert (attempt.submitted_at, attempt.score) == (submitted_at, score)


def test_submit_is_post_only(student_client, attempt):
    assert student_client.get(reverse("quizzes:attempt_submit", args=[attempt.pk])).status_code == 405
    assert student_client.get(reverse("quizzes:quiz_start", args=[attempt.quiz_id])).status_code == 405


def test_answer_after_submission_is_refused_with_a_clear_message(student_client, attempt):
    response = Response.objects.select_related("question").get(attempt=attempt, slot=1)
    student_client.post(reverse("quizzes:attempt_submit", args=[attempt.pk]))
    page = student_client.post(q_url(attempt, 1), post_data(response, right_answer(response)), follow=True)
    assertContains(page, "Este intento ya está entregado: no se pueden cambiar las respuestas.")
    response.refresh_from_db()
    assert not response.is_answered


def test_every_successful_post_redirects(student_client, attempt):
    for slot in range(1, 7):
        response = Response.objects.select_related("question").get(attempt=attempt, slot=slot)
        assert student_client.post(q_url(attempt, slot), post_data(response, right_answer(response))).status_code == 302
    assert student_client.post(reverse("quizzes:attempt_submit", args=[attempt.pk])).status_code == 302
    assert student_client.post(reverse("quizzes:quiz_start", args=[attempt.quiz_id])).status_code == 302


# --- the right answer never reaches the page of an attempt in progress -----------------------------------------------

LEAKS = ["is_correct", "data-correct", "Correcta", "Respuesta correcta", "feedback", "Explicación", "data-position"]


@pytest.mark.parametrize("timing", ["after_submit", "immediate"])
@pytest.mark.parametrize("kind", list(QuestionKind.values))
def test_no_right_answer_in_the_html_of_an_attempt_in_progress(student_client, attempt, kind, timing):
    attempt.quiz.feedback_timing = timing
    attempt.quiz.save()
    response = slot_of(attempt, kind)
    question = response.question
    question.explanation = "Explicación secreta"
    question.save()
    html = student_client.get(q_url(attempt, response.slot)).content.decode()
    form = html[html.index('id="attempt-form"') : html.index("</form>", html.index('id="attempt-form"'))]
    for leak in LEAKS:
        assert leak not in form, leak
    assert "Explicación secreta" not in html
    if kind == QuestionKind.SHORT_ANSWER:
        assert "Unión Soviética" not in html and "URSS" not in html
    if kind == QuestionKind.NUMERIC:
        assert "1939" not in html
    if kind in {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}:
        # Every option's input is the same markup but for its opaque name: nothing tells the right one apart.
        inputs = re.findall(r"<input class=\"form-check-input\"[^>]*>", form)
        assert len(inputs) == 4
        assert len({re.sub(r"[0-9a-f]{16}", "K", i) for i in inputs}) == 1
    if kind == QuestionKind.ORDERING:
        assert " selected" not in form
        shown = re.findall(r'name="pos-([^"]+)"', form)
        keys = {option_key(response.pk, pk): pk for pk in response.choice_order}
        assert [keys[k] for k in shown] == response.choice_order


def _option_names(form: str) -> list[str]:
    """What names an option or an ordering item in a question form: values of the choice inputs, pos-* names, ids."""
    fieldset = form[form.index("<fieldset") : form.index("</fieldset>")]
    values = re.findall(r'name="choices?" value="([^"]*)"', fieldset)
    names = re.findall(r'name="pos-([^"]*)"', fieldset)
    ids = re.findall(r'(?:id|for)="q-[op]([^"]*)"', fieldset)
    return values + names + ids


@pytest.mark.parametrize("kind", list(QuestionKind.values))
def test_no_option_primary_key_in_a_page_or_json_of_an_attempt_in_progress(student_client, student, kind):
    """Options and ordering items are named by opaque per-attempt keys: ids (created in the right order) never show."""
    quiz = factories.make_quiz_of_every_kind()
    attempt = svc.attempt_start(user=student, quiz=quiz)
    response = slot_of(attempt, kind)
    pks = set(response.question.choices.values_list("pk", flat=True))
    html = student_client.get(q_url(attempt, response.slot)).content.decode()
    form = html[html.index('id="attempt-form"') : html.index("</form>", html.index('id="attempt-form"'))]
    names = _option_names(form)
    assert len(names) == 3 * len(pks)  # the value or name, the input id and its label's for
    assert all(re.fullmatch(r"[0-9a-f]{16}", n) and not n.isdigit() for n in names)
    assert {str(pk) for pk in pks}.isdisjoint(names)
    assert f'id="q{response.question_id}' not in form
    saved = student_client.post(
        reverse("quizzes:attempt_autosave", args=[attempt.pk, response.slot]),
        post_data(response, right_answer(response)),
    )
    assert saved.status_code == 200
    assert set(saved.json()) == {"saved", "token"}
    assert saved.json()["token"] == f"{response.pk}.1"
    # The same item has another name in another attempt (a student cannot learn a key and reuse it).
    if pks:
        svc.attempt_submit(user=student, attempt_id=attempt.pk)
        second = slot_of(svc.attempt_start(user=student, quiz=quiz), kind)
        names = {option_key(response.pk, pk) for pk in pks}
        assert not names & {option_key(second.pk, pk) for pk in pks}
        again = student_client.get(q_url(second.attempt, second.slot)).content.decode()
        assert not names & set(re.findall(r"[0-9a-f]{16}", again))


def test_an_ordering_question_cannot_be_solved_by_sorting_its_names(student_client, student):
    """Over several attempts, sorting the opaque names gives the right order no more often than chance."""
    quiz = factories.make_quiz_of_every_kind()
    quiz.attempts_allowed = 0
    quiz.save()
    solved = 0
    # 48 attempts, at most a third solved: chance (1 in 6 or less) gives 8 on average and passes 16 about once in
    # 2 000 runs; 12 attempts with at most 4 failed about once in 30 runs (a flaky test on CI).
    for _ in range(48):
        attempt = svc.attempt_start(user=student, quiz=quiz)
        response = slot_of(attempt, QuestionKind.ORDERING)
        right = [c.pk for c in sorted(response.question.choices.all(), key=lambda c: c.position)]
        key_of = {option_key(response.pk, pk): pk for pk in right}
        solved += [key_of[k] for k in sorted(key_of)] == right
        svc.attempt_submit(user=student, attempt_id=attempt.pk)
    assert solved <= 16


def test_a_forged_option_name_is_refused_and_records_nothing(student_client, attempt):
    response = slot_of(attempt, QuestionKind.ORDERING)
    forged = {f"pos-{pk}": [str(i)] for i, pk in enumerate(response.choice_order, start=1)}
    page = student_client.post(q_url(attempt, response.slot), post_data(response, forged))
    assert page.status_code == 400
    single = slot_of(attempt, QuestionKind.SINGLE_CHOICE)
    right = next(c.pk for c in single.question.choices.all() if c.is_correct)
    page = student_client.post(q_url(attempt, single.slot), post_data(single, {"choice": [str(right)]}))
    assert page.status_code == 400
    assert nothing_recorded(attempt)


def test_answered_question_in_progress_shows_no_verdict(student_client, attempt):
    response = slot_of(attempt, QuestionKind.SINGLE_CHOICE)
    student_client.post(q_url(attempt, response.slot), post_data(response, wrong_answer(response)))
    html = student_client.get(q_url(attempt, response.slot)).content.decode()
    assert "Incorrecta" not in html and "Correcta" not in html


# --- bad input: one test per case ------------------------------------------------------------------------------------


def test_bad_input_missing_answer(student_client, attempt):
    response = slot_of(attempt, QuestionKind.SINGLE_CHOICE)
    page = student_client.post(q_url(attempt, response.slot), post_data(response, {}, action="check"))
    assertContains(page, "Elija una opción.", status_code=400)
    assert nothing_recorded(attempt)


def test_bad_input_option_id_from_another_question(student_client, attempt):
    response = slot_of(attempt, QuestionKind.SINGLE_CHOICE)
    other = slot_of(attempt, QuestionKind.MULTIPLE_CHOICE).question.choices.first()
    page = student_client.post(q_url(attempt, response.slot), post_data(response, {"choice": [str(other.pk)]}))
    assertContains(page, "Esa opción no pertenece a esta pregunta.", status_code=400)
    assert nothing_recorded(attempt)


def test_bad_input_text_in_a_numeric_field(student_client, attempt):
    response = slot_of(attempt, QuestionKind.NUMERIC)
    page = student_client.post(q_url(attempt, response.slot), post_data(response, {"text": ["mil novecientos"]}))
    assertContains(page, "Escriba un número", status_code=400)
    assertContains(page, 'value="mil novecientos"', status_code=400)  # what was typed stays there to fix
    assert nothing_recorded(attempt)


@pytest.mark.parametrize("junk", ["1e309", "0x20", "12abc", "1939abc", "1_939"])
def test_bad_input_a_number_with_junk_glued_to_it_is_an_input_error(student_client, attempt, junk):
    response = slot_of(attempt, QuestionKind.NUMERIC)
    page = student_client.post(q_url(attempt, response.slot), post_data(response, {"text": [junk]}))
    assertContains(page, "Escriba un número", status_code=400)
    assert nothing_recorded(attempt)


def test_bad_input_100_kb_answer(student_client, attempt):
    response = slot_of(attempt, QuestionKind.SHORT_ANSWER)
    page = student_client.post(q_url(attempt, response.slot), post_data(response, {"text": ["x" * 100_000]}))
    assertContains(page, "demasiado larga", status_code=400)
    assert nothing_recorded(attempt)


def test_bad_input_another_students_attempt_id(client, other_student, attempt):
    client.force_login(other_student)
    response = slot_of(attempt, QuestionKind.SINGLE_CHOICE)
    assert client.post(q_url(attempt, response.slot), post_data(response, right_answer(response))).status_code == 404
    assert nothing_recorded(attempt)


def test_bad_input_nonexistent_attempt_id(student_client, attempt):
    response = slot_of(attempt, QuestionKind.SINGLE_CHOICE)
    url = reverse("quizzes:attempt_question", args=[attempt.pk + 1000, response.slot])
    assert student_client.post(url, post_data(response, right_answer(response))).status_code == 404
    assert nothing_recorded(attempt)


@pytest.mark.parametrize("token", ["", "abc", "1.2.3", "-1.0", "1." + "9" * 50, "١.٠", "1 .0"])
def test_bad_input_malformed_sequence_token(student_client, attempt, token):
    response = slot_of(attempt, QuestionKind.SINGLE_CHOICE)
    body = post_data(response, right_answer(response)) | {"token": token}
    page = student_client.post(q_url(attempt, response.slot), body)
    assertContains(page, "El formulario llegó incompleto o alterado", status_code=400)
    assert nothing_recorded(attempt)


def test_bad_input_missing_token(student_client, attempt):
    response = slot_of(attempt, QuestionKind.SINGLE_CHOICE)
    body = post_data(response, right_answer(response))
    del body["token"]
    assertContains(student_client.post(q_url(attempt, response.slot), body), "incompleto", status_code=400)
    assert nothing_recorded(attempt)


def test_bad_input_unknown_action_is_treated_as_next(student_client, attempt):
    response = slot_of(attempt, QuestionKind.SINGLE_CHOICE)
    page = student_client.post(q_url(attempt, response.slot), post_data(response, right_answer(response), "¿?" * 500))
    assert page.status_code == 302


def test_bad_input_non_attempt_ids_in_start(student_client):
    assert student_client.post(reverse("quizzes:quiz_start", args=[424242])).status_code == 404


# --- whatever is posted, never a 500 ---------------------------------------------------------------------------------

FIELDS = [
    "choice",
    "choices",
    "value",
    "text",
    "token",
    "action",
    "pos-1",
    "pos-999999999999999",
    "csrfmiddlewaretoken",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    slot=st.integers(min_value=1, max_value=6),
    body=st.dictionaries(st.sampled_from(FIELDS), st.lists(st.text(max_size=30), min_size=1, max_size=3), max_size=6),
    keep_token=st.booleans(),
)
def test_any_post_is_a_redirect_or_a_400(student_client, attempt, slot, body, keep_token):
    response = Response.objects.get(attempt=attempt, slot=slot)
    if keep_token:
        body["token"] = [svc.response_token(response)]
    page = student_client.post(q_url(attempt, slot), body)
    assert page.status_code in {302, 400}
