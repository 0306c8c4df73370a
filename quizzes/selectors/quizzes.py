"""Quizzes as students and teachers see them: the home pages, a student's quiz list and one quiz's status."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import models
from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..models import Assignment, Attempt, Choice, Classroom, Document, Question, Quiz, QuizItem, Response, Status
from . import availability as avail
from . import rows, summaries
from .cards import CardsPanel, card_clock, cards_panel, clock_scope, study_document_titles

# --------------------------------------------------------------------------------------------------------------------
# A student's quizzes


class QuizStatus(models.TextChoices):
    """Where a student stands with a quiz (the badge on the home page, the button on the quiz page)."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_OPEN = "not_open"
    CLOSED = "closed"
    NO_ATTEMPTS_LEFT = "no_attempts_left"


@dataclass(frozen=True)
class StudentQuiz:
    """A published quiz as one student sees it: how many questions, their best score, what they may do now."""

    quiz: Quiz
    n_questions: int
    best: float | None  # best percent of their submitted attempts
    n_finished: int  # attempts that are over (submitted or abandoned)
    open_attempt_id: int | None
    availability: avail.Availability
    is_overdue: bool
    attempts_left: int | None  # None: unlimited
    status: QuizStatus

    @property
    def due_at(self) -> datetime | None:
        return self.availability.due_at

    @property
    def can_start(self) -> bool:
        return self.status in {QuizStatus.NOT_STARTED, QuizStatus.DONE, QuizStatus.IN_PROGRESS}


def _with_student_stats(qs: QuerySet[Quiz], *, user) -> QuerySet[Quiz]:
    """Annotate quizzes with one student's attempt statistics (subqueries: no row multiplication)."""
    mine = Attempt.objects.for_student(user).filter(quiz=OuterRef("pk"))
    n_questions = (
        QuizItem.objects.published()
        .filter(quiz=OuterRef("pk"))
        .order_by()
        .values("quiz")
        .annotate(n=Count("id"))
        .values("n")[:1]
    )
    return qs.annotate(
        n_items=Coalesce(Subquery(n_questions, output_field=IntegerField()), Value(0)),
        best=Subquery(mine.submitted().order_by(F("percent").desc(nulls_last=True)).values("percent")[:1]),
        n_finished=Coalesce(
            Subquery(
                mine.finished().order_by().values("quiz").annotate(n=Count("id")).values("n")[:1],
                output_field=IntegerField(),
            ),
            Value(0),
        ),
        open_attempt_id=Subquery(mine.in_progress().values("pk")[:1]),
    )


def _student_quiz(quiz: Quiz, *, availability: avail.Availability, now: datetime) -> StudentQuiz:
    """Build the student's view of a quiz annotated by _with_student_stats."""
    attempts_left = None if not quiz.attempts_allowed else max(0, quiz.attempts_allowed - quiz.n_finished)
    if quiz.open_attempt_id:
        status = QuizStatus.IN_PROGRESS
    elif availability.opens_at and now < availability.opens_at:
        status = QuizStatus.NOT_OPEN
    elif availability.is_closed(now):
        status = QuizStatus.CLOSED
    elif attempts_left == 0:
        status = QuizStatus.NO_ATTEMPTS_LEFT
    elif quiz.n_finished:
        status = QuizStatus.DONE
    else:
        status = QuizStatus.NOT_STARTED
    return StudentQuiz(
        quiz=quiz,
        n_questions=min(quiz.n_items, quiz.questions_per_attempt or quiz.n_items),
        best=quiz.best,
        n_finished=quiz.n_finished,
        open_attempt_id=quiz.open_attempt_id,
        availability=availability,
        is_overdue=bool(availability.due_at and availability.due_at < now and not quiz.n_finished),
        attempts_left=attempts_left,
        status=status,
    )


def question_with_choices(*, question_id: int) -> tuple[Question, list[Choice]]:
    """Return a question (with its sentence and its document, without the document's text) and its choices.

    Cached under the content version (summaries.cached_content) and shared by every student taking it: the question
    page of an attempt then reads only the student's own rows. A choice or a sentence changes with its question or
    document saved (the admin's inlines, generation, imports), which bumps the content version.
    """

    def build():
        question = Question.objects.select_related("sentence", "document").defer("document__text").get(pk=question_id)
        return question, list(question.choices.all())

    return summaries.cached_content(*question_content(question_id), build)


def question_content(question_id: int) -> tuple[str, int]:
    """The content entry of ``question_with_choices`` (for ``summaries.prefetched``)."""
    return "question", question_id


@dataclass
class AttemptPage:
    """What the question page of an attempt reads of the student's own rows (``attempt_page``)."""

    attempt: Attempt  # with its quiz
    response: Response | None  # the one at the slot asked for (None: the attempt has no such slot)
    slots: list[tuple[int, bool]]  # every slot of the attempt in order, and whether it is answered
    # The rows' values as read (the attempt's, its quiz's and the response's columns, then the slots): what the page
    # shows of the student's rows depends on nothing else (the key of its kept body, views/quizzes.py).
    state: tuple = ()


@functools.cache
def _attempt_page_sql() -> tuple[str, rows.Columns, rows.Columns, rows.Columns]:
    """The attempt, its quiz, the response at one slot and every slot's state as one SQL statement, written once per
    process from the models' tables and columns, with the columns (and their database converters) it reads.

    The ORM compiled two queries for this on every question page (the attempt with its quiz, then its responses) and
    spent more CPU building them than the database spent running them. The attempt, its quiz and the response come
    once, in the first row; each slot's row after it has only the slot and whether it is answered (NULL elsewhere):
    the driver parses every value of every row, and a row per slot repeating ~45 columns (timestamps parsed in
    Python) made the page's CPU grow with the quiz's length.
    """
    table, col = rows.table, rows.column
    a, q, cur = rows.Columns(Attempt, "a"), rows.Columns(Quiz, "q"), rows.Columns(Response, "cur")
    answered = f"CASE WHEN r.{col(Response, 'answered_at')} IS NULL THEN 0 ELSE 1 END"
    blanks = ", ".join(["NULL"] * (len(a) + len(q) + len(cur)))
    owned = f"a.{col(Attempt, 'id')} = %(attempt)s AND a.{col(Attempt, 'user')} = %(user)s"
    sql = (
        f"SELECT 0, {a.sql}, {q.sql}, {cur.sql}, NULL, NULL FROM {table(Attempt)} a "
        f"JOIN {table(Quiz)} q ON q.{col(Quiz, 'id')} = a.{col(Attempt, 'quiz')} "
        f"LEFT JOIN {table(Response)} cur ON cur.{col(Response, 'attempt')} = a.{col(Attempt, 'id')} "
        f"AND cur.{col(Response, 'slot')} = %(slot)s WHERE {owned} "
        f"UNION ALL SELECT 1, {blanks}, r.{col(Response, 'slot')}, {answered} FROM {table(Response)} r "
        f"JOIN {table(Attempt)} a ON a.{col(Attempt, 'id')} = r.{col(Response, 'attempt')} WHERE {owned} "
        "ORDER BY 1, " + str(2 + len(a) + len(q) + len(cur))
    )
    return sql, a, q, cur


def attempt_page(*, user_id: int, attempt_id: int, slot: int) -> AttemptPage | None:
    """Return a student's attempt with its quiz, its response at ``slot`` and the state of every slot (one query).

    None when the attempt does not exist or is another student's. Equivalent to ``Attempt.objects.select_related(
    "quiz").get(pk=attempt_id, user=user_id)`` and ``attempt.responses.order_by("slot")`` (tests/selectors/
    test_attempt_page.py compares them).
    """
    sql, a, q, cur = _attempt_page_sql()
    found = rows.fetch_all(sql, {"slot": slot, "attempt": attempt_id, "user": user_id})
    if not found or found[0][0] != 0:
        return None
    first = found[0][1:]
    attempt = a.instance(first[: len(a)])
    attempt.quiz = q.instance(first[len(a) : len(a) + len(q)])
    current = first[len(a) + len(q) : len(a) + len(q) + len(cur)]
    response = cur.instance(current) if current[0] is not None else None
    if response is not None:
        response.attempt = attempt
    slots = [(row[-2], bool(row[-1])) for row in found[1:]]
    state = (first[: len(a) + len(q) + len(cur)], tuple(slots))
    return AttemptPage(attempt=attempt, response=response, slots=slots, state=state)


@functools.cache
def _class_quiz_sql() -> tuple[str, rows.Columns]:
    """A quiz by primary key if it is assigned to a class, as SQL written once per process."""
    q = rows.Columns(Quiz, "q")
    table, col = rows.table, rows.column
    sql = (
        f"SELECT {q.sql} FROM {table(Quiz)} q WHERE q.{col(Quiz, 'id')} = %(pk)s AND EXISTS (SELECT 1 FROM "
        f"{table(Assignment)} a WHERE a.{col(Assignment, 'quiz')} = q.{col(Quiz, 'id')} "
        f"AND a.{col(Assignment, 'classroom')} = %(classroom)s)"
    )
    return sql, q


def class_quiz(*, classroom_id: int, pk: int) -> Quiz | None:
    """Return the quiz ``pk`` if it is assigned to the class, else None.

    ``Quiz.objects.get(pk=pk, assignments__classroom=classroom_id)`` without the ORM's compiler (a class has a quiz
    once: ``assignment_unique_quiz``): the item analysis reads it on every look (tests/selectors/test_teacher_reads.py
    compares the two).
    """
    sql, q = _class_quiz_sql()
    found = rows.fetch_one(sql, {"pk": pk, "classroom": classroom_id})
    return q.instance(found) if found is not None else None


def quizzes_for_student(*, user, now: datetime) -> list[StudentQuiz]:
    """Return the published quizzes open now or assigned to the student, in the order to do them (3 queries)."""
    assignments: dict[int, list[Assignment]] = {}
    for assignment in Assignment.objects.for_student(user):
        assignments.setdefault(assignment.quiz_id, []).append(assignment)
    qs = Quiz.objects.published().filter(
        Q(pk__in=Quiz.objects.open_now(now).values("pk")) | Q(pk__in=list(assignments))
    )
    rows = [
        _student_quiz(
            quiz, availability=avail.availability_from(quiz=quiz, assignments=assignments.get(quiz.pk, [])), now=now
        )
        for quiz in _with_student_stats(qs, user=user).order_by("title")
    ]
    # What needs doing first: in progress, then due soonest, then the rest by title.
    far = now.replace(year=now.year + 100)
    rows.sort(
        key=lambda r: (
            r.status != QuizStatus.IN_PROGRESS,
            r.status in {QuizStatus.CLOSED, QuizStatus.NO_ATTEMPTS_LEFT},
            r.due_at or far,
        )
    )
    return rows


def quiz_for_student(*, user, quiz_id: int, now: datetime) -> StudentQuiz | None:
    """Return one published quiz as the student sees it (like quizzes_for_student), or None."""
    quiz = _with_student_stats(Quiz.objects.published().filter(pk=quiz_id), user=user).first()
    if quiz is None:
        return None
    return _student_quiz(quiz, availability=avail.quiz_availability(quiz=quiz, user=user), now=now)


# --------------------------------------------------------------------------------------------------------------------
# A student's assignments


@dataclass(frozen=True)
class StudentAssignment:
    """An assignment that reaches the student, with their best score and whether it is late or open."""

    assignment: Assignment
    best: float | None
    n_submitted: int
    is_late: bool
    not_yet_open: bool
    is_open: bool

    @property
    def quiz(self) -> Quiz:
        return self.assignment.quiz

    @property
    def quiz_id(self) -> int:
        return self.assignment.quiz_id

    @property
    def classroom(self) -> Classroom:
        return self.assignment.classroom

    @property
    def due_at(self) -> datetime | None:
        return self.assignment.due_at

    @property
    def closes_at(self) -> datetime | None:
        return self.assignment.closes_at


def student_assignments(*, user, now: datetime | None = None) -> list[StudentAssignment]:
    """Return the assignments of the student's classes, late ones first, then by due date (1 query)."""
    now = now or timezone.now()
    mine = Attempt.objects.for_student(user).submitted().filter(quiz=OuterRef("quiz"))
    rows = []
    for a in (
        Assignment.objects.for_student(user)
        .select_related("quiz", "classroom")
        .annotate(
            best=Subquery(mine.order_by(F("percent").desc(nulls_last=True)).values("percent")[:1]),
            n_submitted=Coalesce(
                Subquery(
                    mine.order_by().values("quiz").annotate(n=Count("id")).values("n")[:1], output_field=IntegerField()
                ),
                Value(0),
            ),
        )
        .order_by(F("due_at").asc(nulls_last=True), "quiz__title")
    ):
        not_yet_open = bool((a.opens_at and a.opens_at > now) or (a.quiz.opens_at and a.quiz.opens_at > now))
        closed = bool((a.closes_at and a.closes_at <= now) or (a.quiz.closes_at and a.quiz.closes_at <= now))
        rows.append(
            StudentAssignment(
                assignment=a,
                best=a.best,
                n_submitted=a.n_submitted,
                is_late=bool(a.due_at and a.due_at < now and not a.n_submitted),
                not_yet_open=not_yet_open,
                is_open=not not_yet_open and not closed,
            )
        )
    # Late ones first: that is what a student must do now.
    rows.sort(key=lambda r: not r.is_late)
    return rows


# --------------------------------------------------------------------------------------------------------------------
# Home pages


@dataclass(frozen=True)
class StudentHome:
    """What a student's home page shows: their classes, assignments, quizzes and flashcards due."""

    classrooms: list[Classroom]
    assignments: list[StudentAssignment]
    quizzes: list[StudentQuiz]
    cards: CardsPanel
    documents: list[tuple[int, str]] = field(default_factory=list)  # (id, title) of the texts they study

    @property
    def assignments_done(self) -> int:
        return sum(1 for a in self.assignments if a.n_submitted)


def student_home(*, user, now: datetime | None = None) -> StudentHome:
    """Return a student's home page."""
    now = now or timezone.now()
    return StudentHome(
        classrooms=list(Classroom.objects.for_student(user).order_by("name")),
        assignments=student_assignments(user=user, now=now),
        quizzes=quizzes_for_student(user=user, now=now),
        cards=cards_panel(user=user, now=now),
        documents=study_document_titles(user=user),  # read with the cards panel's study documents: no query
    )


def cached_student_home(
    *, user, now: datetime | None = None, present: Callable[[StudentHome], Any] | None = None, variant: str = ""
) -> Any:
    """student_home(), kept in the cache until its data changes or a date on it passes (see summaries).

    With ``present`` the cache keeps ``present(home)`` instead (the page's rendered body, under its own ``variant``
    name, e.g. its language); it then also holds only until the cards panel's «the next one is due in N minutes»
    would read otherwise.
    """
    now = now or timezone.now()
    built: list[StudentHome] = []

    def build():
        home = student_home(user=user, now=now)
        built.append(home)
        return present(home) if present else home

    def until(value) -> datetime | None:
        home = built[0]
        instants = [card_clock(user=user, now=now).until]  # read by the cards panel already: no query
        for a in home.assignments:
            instants += [a.assignment.opens_at, a.assignment.closes_at, a.due_at, a.quiz.opens_at, a.quiz.closes_at]
        for q in home.quizzes:
            instants += [q.availability.opens_at, q.availability.closes_at, q.due_at, q.quiz.opens_at, q.quiz.closes_at]
        if present and home.cards.next_due_at and not home.cards.total:
            # The time left is shown to the minute: the text holds until the minute count drops.
            left = (home.cards.next_due_at - now).total_seconds()
            instants.append(now + timedelta(seconds=left % 60) if left > 0 else None)
        return summaries.earliest_after(now, instants)

    with clock_scope(user):
        return summaries.cached(f"home{variant}", user_id=user.pk, now=now, build=build, until=until)


@dataclass(frozen=True)
class BankCounts:
    drafts: int
    published: int


@dataclass(frozen=True)
class TeacherHome:
    """What a teacher's home page shows: their classes (with ``n_students``) and the state of the bank."""

    classrooms: list[Classroom]
    bank: BankCounts
    documents: list[Document]  # with ``n_facts``
    quiz_count: int


def teacher_home(*, user) -> TeacherHome:
    """Return a teacher's home page."""
    classrooms = list(
        Classroom.objects.active()
        .filter(teachers=user)
        .annotate(n_students=Count("enrollments", distinct=True))
        .order_by("name")
    )
    bank = Question.objects.aggregate(
        drafts=Count("id", filter=Q(status=Status.DRAFT)),
        published=Count("id", filter=Q(status=Status.PUBLISHED)),
    )
    return TeacherHome(
        classrooms=classrooms,
        bank=BankCounts(**bank),
        documents=list(Document.objects.annotate(n_facts=Count("facts")).order_by("title")),
        quiz_count=Quiz.objects.count(),
    )
