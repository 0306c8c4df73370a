"""Teacher reports: the class grid, item analysis (Moodle's formulas), mastery, a student's report."""

import statistics

import pytest
from django.utils import timezone

from quizzes.models import QuestionKind
from quizzes.selectors.reports.grid import CellStatus, class_grid
from quizzes.selectors.reports.items import WHICH_ALL, WHICH_BEST, WHICH_FIRST, item_analysis
from quizzes.selectors.reports.mastery import class_documents, mastery
from quizzes.selectors.reports.student import student_report
from tests import factories

pytestmark = pytest.mark.django_db

# Marks of 6 students on 4 one-point questions (rows: students).
MATRIX = [
    [1, 1, 1, 0],
    [1, 1, 0, 0],
    [1, 0, 1, 1],
    [1, 1, 1, 1],
    [1, 0, 0, 1],
    [0, 0, 0, 1],
]


@pytest.fixture
def analysed(teacher):
    students = [factories.make_student() for _ in MATRIX]
    classroom = factories.make_classroom(teachers=[teacher], students=students)
    quiz = factories.make_quiz(n_questions=4)
    factories.make_assignment(classroom=classroom, quiz=quiz)
    for student, marks in zip(students, MATRIX, strict=True):
        factories.make_attempt(user=student, quiz=quiz, fractions=marks)
    return classroom, quiz, students


def test_item_analysis_matches_moodle_formulas(analysed):
    classroom, quiz, _students = analysed
    result = item_analysis(quiz=quiz, classroom=classroom, which=WHICH_ALL)
    totals = [sum(row) for row in MATRIX]
    assert result.n_attempts == 6
    assert result.mean == pytest.approx(statistics.mean(t / 4 * 100 for t in totals))
    assert result.median == pytest.approx(statistics.median(t / 4 * 100 for t in totals))
    assert result.sd == pytest.approx(statistics.stdev(t / 4 * 100 for t in totals))
    item_vars = []
    for i, stat in enumerate(result.questions):
        column = [row[i] for row in MATRIX]
        rest = [t - x for t, x in zip(totals, column, strict=True)]
        assert stat.n == 6
        assert stat.facility == pytest.approx(statistics.mean(column))
        assert stat.discrimination == pytest.approx(statistics.correlation(column, rest))
        item_vars.append(statistics.variance(column))
    k = len(MATRIX[0])
    assert result.alpha == pytest.approx(k / (k - 1) * (1 - sum(item_vars) / statistics.variance(totals)))
    assert sum(result.histogram) == 6


def test_item_analysis_flags_and_option_rates(analysed):
    classroom, quiz, _students = analysed
    result = item_analysis(quiz=quiz, classroom=classroom, which=WHICH_ALL)
    q4 = result.questions[3]
    # Question 4 is answered right by the weak students: it discriminates negatively.
    assert q4.discrimination < 0
    assert any("discrimina" in str(f) for f in q4.flags)
    q1 = result.questions[0]
    right = next(o for o in q1.options if o.is_correct)
    assert right.count == 5 and right.rate == pytest.approx(5 / 6)
    assert q1.top_wrong == "Suecia" and q1.top_wrong_count == 1
    assert not q1.wrong_beats_right


@pytest.mark.parametrize(("minimum", "counted"), [(30, False), (7, False), (6, True), (1, True)])
def test_a_question_is_flagged_for_review_only_past_the_minimum_number_of_answers(analysed, minimum, counted):
    """Six answers: below a minimum of 7 (or Moodle's ~30) the flags are tentative, not questions to review."""
    classroom, quiz, _students = analysed
    result = item_analysis(quiz=quiz, classroom=classroom, which=WHICH_ALL, min_answers=minimum)
    q4 = result.questions[3]
    assert q4.flags and q4.n == 6
    assert (q4.reliable, q4.needs_review, q4.tentative) == (counted, counted, not counted)
    assert (q4 in result.flagged, q4 in result.tentative) == (counted, not counted)
    assert result.min_answers == minimum


def test_the_minimum_number_of_answers_is_a_setting(analysed, settings):
    classroom, quiz, _students = analysed
    settings.ITEM_ANALYSIS_MIN_ANSWERS = 5
    assert item_analysis(quiz=quiz, classroom=classroom, which=WHICH_ALL).questions[3].needs_review
    settings.ITEM_ANALYSIS_MIN_ANSWERS = 30
    assert not item_analysis(quiz=quiz, classroom=classroom, which=WHICH_ALL).flagged


def test_wrong_option_chosen_more_than_the_right_one_is_flagged(teacher):
    students = [factories.make_student() for _ in range(5)]
    classroom = factories.make_classroom(teachers=[teacher], students=students)
    question = factories.make_question()
    quiz = factories.make_quiz(questions=[question, factories.make_question()])
    factories.make_assignment(classroom=classroom, quiz=quiz)
    for i, student in enumerate(students):
        factories.make_attempt(user=student, quiz=quiz, fractions=[1 if i < 2 else 0, 1 if i % 2 else 0])
    stat = item_analysis(quiz=quiz, classroom=classroom).questions[0]
    assert stat.wrong_beats_right
    assert stat.top_wrong == "Suecia" and stat.top_wrong_count == 3


def test_which_attempts_count(teacher, student):
    classroom = factories.make_classroom(teachers=[teacher], students=[student])
    quiz = factories.make_quiz(n_questions=2)
    factories.make_assignment(classroom=classroom, quiz=quiz)
    factories.make_attempt(user=student, quiz=quiz, fractions=[0, 0])
    factories.make_attempt(user=student, quiz=quiz, fractions=[1, 1])
    factories.make_attempt(user=student, quiz=quiz, fractions=[1, 0])
    first = item_analysis(quiz=quiz, classroom=classroom, which=WHICH_FIRST)
    best = item_analysis(quiz=quiz, classroom=classroom, which=WHICH_BEST)
    every = item_analysis(quiz=quiz, classroom=classroom, which=WHICH_ALL)
    assert (first.n_attempts, first.mean) == (1, 0)
    assert (best.n_attempts, best.mean) == (1, 100)
    assert (every.n_attempts, every.mean) == (3, pytest.approx(50))


def test_item_analysis_only_counts_this_classes_students(teacher, student, other_student):
    classroom = factories.make_classroom(teachers=[teacher], students=[student])
    quiz = factories.make_quiz(n_questions=1)
    factories.make_attempt(user=student, quiz=quiz, fractions=[1])
    factories.make_attempt(user=other_student, quiz=quiz, fractions=[0])
    assert item_analysis(quiz=quiz, classroom=classroom).n_attempts == 1


def test_item_analysis_of_a_quiz_without_attempts(teacher):
    classroom = factories.make_classroom(teachers=[teacher])
    quiz = factories.make_quiz(n_questions=2)
    result = item_analysis(quiz=quiz, classroom=classroom)
    assert result.n_attempts == 0 and result.mean is None and result.alpha is None
    assert all(s.facility is None and not s.flags for s in result.questions)


def test_true_false_and_short_answer_options(teacher, student, other_student):
    classroom = factories.make_classroom(teachers=[teacher], students=[student, other_student])
    tf = factories.make_question(kind=QuestionKind.TRUE_FALSE)
    short = factories.make_question(kind=QuestionKind.SHORT_ANSWER)
    quiz = factories.make_quiz(questions=[tf, short])
    factories.make_attempt(user=student, quiz=quiz, fractions=[0, 0], answers=[{"value": False}, {"text": "Suecia"}])
    factories.make_attempt(
        user=other_student, quiz=quiz, fractions=[1, 0], answers=[{"value": True}, {"text": "Suecia"}]
    )
    stats = item_analysis(quiz=quiz, classroom=classroom).questions
    assert [(o.text, o.count) for o in stats[0].options] == [("Verdadero", 1), ("Falso", 1)]
    assert stats[1].top_wrong == "Suecia" and stats[1].top_wrong_count == 2


def test_class_grid_statuses(teacher):
    now = timezone.now()
    done, late, fresh, working = (factories.make_student(last_name=n) for n in ("A", "B", "C", "D"))
    classroom = factories.make_classroom(teachers=[teacher], students=[done, late, fresh, working])
    past = factories.make_quiz(n_questions=1)
    future = factories.make_quiz(n_questions=1)
    factories.make_assignment(classroom=classroom, quiz=past, due_at=now - timezone.timedelta(days=1))
    factories.make_assignment(classroom=classroom, quiz=future, due_at=now + timezone.timedelta(days=1))
    factories.make_attempt(user=done, quiz=past, fractions=[1], submitted_at=now - timezone.timedelta(days=2))
    factories.make_attempt(user=done, quiz=past, fractions=[0], submitted_at=now - timezone.timedelta(days=2))
    factories.make_attempt(user=fresh, quiz=past, fractions=[0.5], submitted_at=now)  # after the due date
    factories.make_attempt(user=working, quiz=future, fractions=[0], state="in_progress")
    grid = class_grid(classroom=classroom, now=now)
    by_name = {row.student.last_name: row.cells for row in grid.rows}
    assert by_name["A"][0].status == CellStatus.DONE and by_name["A"][0].best == 100
    assert by_name["A"][0].attempts == 2
    assert by_name["B"][0].status == CellStatus.LATE
    assert by_name["C"][0].status == CellStatus.DONE_LATE
    assert by_name["D"][1].status == CellStatus.IN_PROGRESS
    assert by_name["B"][1].status == CellStatus.NOT_STARTED
    summary = grid.assignments[0]
    assert (summary.completed, summary.late) == (2, 3)  # B and D never did it, C did it late
    assert summary.average == pytest.approx(75)
    assert summary.completion == pytest.approx(0.5)


def test_flashcard_activity_and_retention(teacher, student):
    classroom = factories.make_classroom(teachers=[teacher], students=[student])
    card = factories.make_card(user=student, is_leech=True, lapses=8)
    now = timezone.now()
    factories.make_review(student_card=card, rating=3, reviewed_at=now - timezone.timedelta(days=1))
    factories.make_review(student_card=card, rating=1, reviewed_at=now - timezone.timedelta(days=2))
    factories.make_review(student_card=card, rating=4, reviewed_at=now - timezone.timedelta(days=10))
    factories.make_review(student_card=card, rating=3, reviewed_at=now - timezone.timedelta(days=1), state_before=0)
    cards = class_grid(classroom=classroom, now=now).rows[0].cards
    assert cards.reviews_7d == 3
    assert cards.retention == pytest.approx(2 / 3)  # only reviews of cards in review state count (Anki)
    assert cards.leeches == 1


def test_mastery_shades_sentences_by_class_accuracy(teacher, student, other_student):
    document = factories.make_document()
    strong = factories.make_sentence(document=document, index=0, text="Finlandia es un país.")
    weak = factories.make_sentence(document=document, index=1, text="Helsinki es su capital.", start=22)
    unasked = factories.make_sentence(document=document, index=2, text="Hace frío.", start=46)
    q1 = factories.make_question(document=document, fact=factories.make_fact(sentence=strong))
    q2 = factories.make_question(document=document, sentence=weak)
    quiz = factories.make_quiz(questions=[q1, q2])
    classroom = factories.make_classroom(teachers=[teacher], students=[student, other_student])
    factories.make_assignment(classroom=classroom, quiz=quiz)
    factories.make_attempt(user=student, quiz=quiz, fractions=[1, 0])
    factories.make_attempt(user=other_student, quiz=quiz, fractions=[1, 0.5])
    assert class_documents(classroom=classroom) == [document]
    result = mastery(classroom=classroom, document=document)
    levels = {sm.sentence: sm.accuracy for sm in result.sentences}
    assert levels[strong].value == 1 and levels[strong].level == "4"
    assert levels[weak].value == pytest.approx(0.25) and levels[weak].level == "1"
    assert levels[unasked].value is None and levels[unasked].level == "none"
    assert result.facts == [q1.fact]
    assert [cells[0].value for _s, cells in result.rows] == [1, 1]


def test_student_report_weakest_facts_and_leeches(teacher, student):
    classroom = factories.make_classroom(teachers=[teacher], students=[student])
    document = factories.make_document()
    facts = [
        factories.make_fact(sentence=factories.make_sentence(document=document, index=i, start=i * 30), answer=a)
        for i, a in enumerate(["Mannerheim", "Carelia", "Moscú"])
    ]
    quiz = factories.make_quiz(questions=[factories.make_question(document=document, fact=f) for f in facts])
    factories.make_assignment(classroom=classroom, quiz=quiz)
    factories.make_attempt(user=student, quiz=quiz, fractions=[0, 1, 1])
    factories.make_attempt(user=student, quiz=quiz, fractions=[0, 0, 1])
    factories.make_card(user=student, fact=facts[0], is_leech=True, lapses=9)
    factories.make_card(user=student, fact=facts[2])
    report = student_report(classroom=classroom, student=student)
    assert [f.answer for f in report.weakest_facts] == ["Mannerheim", "Carelia"]
    assert report.weakest_facts[1].accuracy == pytest.approx(0.5)
    assert [sc.card.fact for sc in report.leeches] == [facts[0]]
    assert len(report.attempts) == 2 and len(report.progress) == 2


def test_student_report_shows_only_this_classs_leeches(teacher, student):
    classroom = factories.make_classroom(teachers=[teacher], students=[student])
    fact = factories.make_fact()
    quiz = factories.make_quiz(questions=[factories.make_question(document=fact.document, fact=fact)])
    factories.make_assignment(classroom=classroom, quiz=quiz)
    factories.make_card(user=student, fact=fact, is_leech=True, lapses=9)
    elsewhere = factories.make_fact()  # studied for another class: not this teacher's business
    factories.make_card(user=student, fact=elsewhere, is_leech=True, lapses=12)
    report = student_report(classroom=classroom, student=student)
    assert [sc.card.fact for sc in report.leeches] == [fact]
