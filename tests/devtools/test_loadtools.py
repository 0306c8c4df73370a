"""The load and fault tooling: the plan, the lost-answer check, the invariant check and the HTML form reader."""

import json

import pytest
from django.core.management import call_command
from django.http import QueryDict

from loadtest.htmlforms import find_form, parse
from quizzes.domain.opaque import option_key
from quizzes.models import Attempt, Review
from quizzes.services import attempts as svc
from quizzes.services.cards import card_review
from tests import factories

pytestmark = pytest.mark.django_db


def _answer_first_question(student, quiz):
    attempt = svc.attempt_start(user=student, quiz=quiz)
    response = attempt.responses.get(slot=1)
    token = svc.response_token(response)
    choice = option_key(response.pk, response.choice_order[0])
    svc.response_save(user=student, attempt_id=attempt.pk, slot=1, token=token, data=QueryDict(f"choice={choice}"))
    return attempt, token, choice


def test_prepare_writes_a_plan_with_the_pages_that_exist(tmp_path):
    plan_path = tmp_path / "plan.json"
    call_command("loadtest_prepare", students=3, teachers=1, questions=3, plan=str(plan_path))
    plan = json.loads(plan_path.read_text())
    assert plan["students"] == ["cargaestudiante0001", "cargaestudiante0002", "cargaestudiante0003"]
    assert plan["student_urls"]["quiz_detail"] == f"/cuestionarios/{plan['quiz_id']}/"
    assert plan["healthz"] == "/healthz"
    assert list(plan["teachers"]) == ["cargadocente0001"]
    # Running it again reuses everything.
    call_command("loadtest_prepare", students=3, teachers=1, questions=3, plan=str(plan_path))
    assert json.loads(plan_path.read_text())["quiz_id"] == plan["quiz_id"]


def test_verify_finds_acknowledged_answers_and_ratings(tmp_path, capsys):
    student = factories.make_student()
    quiz = factories.make_quiz(n_questions=2)
    _attempt, token, choice = _answer_first_question(student, quiz)
    row = factories.make_student_card(user=student)
    card_review(user=student, student_card_id=row.pk, rating=3, token="a" * 32, duration_ms=None, now=row.due)
    acks = tmp_path / "acks.jsonl"
    acks.write_text(
        json.dumps({"kind": "answer", "token": token, "answer": [["choice", str(choice)]]})
        + "\n"
        + json.dumps({"kind": "review", "token": "a" * 32})
        + "\n"
    )
    call_command("loadtest_verify", str(acks))
    summary = json.loads(capsys.readouterr().out)
    assert summary["answers_acknowledged"] == 1 and summary["answers_lost"] == 0
    assert summary["ratings_acknowledged"] == 1 and summary["ratings_lost"] == 0
    assert Review.objects.filter(token="a" * 32).exists()


def test_verify_fails_on_an_acknowledged_answer_that_is_not_stored(tmp_path, capsys):
    student = factories.make_student()
    quiz = factories.make_quiz(n_questions=2)
    attempt, _token, choice = _answer_first_question(student, quiz)
    unanswered = attempt.responses.get(slot=2)
    acks = tmp_path / "acks.jsonl"
    acks.write_text(
        json.dumps({"kind": "answer", "token": f"{unanswered.pk}.0", "answer": [["choice", str(choice)]]})
        + "\n"
        + json.dumps({"kind": "review", "token": "b" * 32})
        + "\n"
    )
    with pytest.raises(SystemExit) as exit_:
        call_command("loadtest_verify", str(acks))
    assert exit_.value.code == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["answers_lost"] == 1 and summary["ratings_lost"] == 1


def test_verify_fails_when_the_stored_answer_differs(tmp_path, capsys):
    student = factories.make_student()
    quiz = factories.make_quiz(n_questions=1)
    attempt, token, choice = _answer_first_question(student, quiz)
    first = attempt.responses.get(slot=1)
    other = next(option_key(first.pk, c) for c in first.choice_order if option_key(first.pk, c) != choice)
    acks = tmp_path / "acks.jsonl"
    acks.write_text(json.dumps({"kind": "answer", "token": token, "answer": [["choice", str(other)]]}) + "\n")
    with pytest.raises(SystemExit):
        call_command("loadtest_verify", str(acks))
    assert json.loads(capsys.readouterr().out)["lost_examples"][0]["why"] == "different answer"


def test_integrity_passes_on_a_clean_database_and_catches_a_corrupt_score(capsys):
    student = factories.make_student()
    quiz = factories.make_quiz(n_questions=2)
    attempt, _token, _choice = _answer_first_question(student, quiz)
    svc.attempt_submit(user=student, attempt_id=attempt.pk)
    call_command("check_integrity")
    assert json.loads(capsys.readouterr().out)["problems"] == {}

    Attempt.objects.filter(pk=attempt.pk).update(score=attempt.max_score + 5)
    with pytest.raises(SystemExit):
        call_command("check_integrity")
    assert json.loads(capsys.readouterr().out)["problems"]["submitted_score_not_sum_of_points"] == [attempt.pk]


def test_integrity_catches_an_ungraded_submitted_attempt_and_a_gap_in_slots(capsys):
    student = factories.make_student()
    quiz = factories.make_quiz(n_questions=3)
    attempt = svc.attempt_start(user=student, quiz=quiz)
    svc.attempt_submit(user=student, attempt_id=attempt.pk)
    attempt.responses.filter(slot=2).update(points=None)
    attempt.responses.filter(slot=3).update(slot=7)
    with pytest.raises(SystemExit):
        call_command("check_integrity")
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert problems["submitted_with_ungraded_responses"] == [attempt.pk]
    assert problems["attempt_slots_not_1_to_n"] == [attempt.pk]


def test_html_forms_reads_controls_and_links():
    html = """
    <a class="btn js-show-answer" href="/tarjetas/?mostrar=3">Mostrar</a>
    <form method="post" action="/intentos/1/preguntas/2/" id="attempt-form">
      <input type="hidden" name="csrfmiddlewaretoken" value="abc"><input type="hidden" name="token" value="9.1">
      <input type="radio" name="choice" value="4" checked><input type="radio" name="choice" value="5">
      <select name="pos-1"><option value="">-</option><option value="1">1</option></select>
      <button type="submit" name="action" value="next">Siguiente</button>
    </form>"""
    forms, links = parse(html)
    form = find_form(forms, id="attempt-form")
    assert form.method == "post" and form.action == "/intentos/1/preguntas/2/"
    assert form.hidden() == [("csrfmiddlewaretoken", "abc"), ("token", "9.1")]
    assert [c.value for c in form.named("choice")] == ["4", "5"] and form.named("choice")[0].checked
    assert form.named("pos-1")[0].options == ["", "1"]
    assert [b.value for b in form.buttons()] == ["next"]
    assert links[0]["href"] == "/tarjetas/?mostrar=3"
