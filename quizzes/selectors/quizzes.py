"""Quizzes as students and teachers see them: the home pages, a student's quiz list and one quiz's status."""

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..models import Assignment, Attempt, Classroom, Document, Question, Quiz, QuizItem, Status
from . import availability as avail


def student_home(*, user, now=None) -> dict:
    """Return what a student's home page shows: classes, and the quizzes open or assigned to them with their status.

    Each quiz carries ``n_questions``, ``best`` (best percent), ``n_finished``, ``open_attempt_id``, ``due_at``,
    ``availability`` and ``student_status`` (see quizzes_for_student). Other areas add their own keys to this dict.
    """
    now = now or timezone.now()
    classrooms = list(Classroom.objects.for_student(user).order_by("name"))
    return {"classrooms": classrooms, "quizzes": quizzes_for_student(user=user, now=now)}


def teacher_home(*, user) -> dict:
    """Return what a teacher's home page shows: their classes and the state of the bank."""
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
    return {
        "classrooms": classrooms,
        "bank": bank,
        "documents": list(Document.objects.annotate(n_facts=Count("facts")).order_by("title")),
        "quiz_count": Quiz.objects.count(),
    }


def student_assignments(*, user, now=None) -> list:
    """Return the quizzes assigned to the student's classes, with best score, lateness and whether open (1 query)."""
    now = now or timezone.now()
    mine = Attempt.objects.for_student(user).submitted().filter(quiz=OuterRef("quiz"))
    assignments = list(
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
    )
    for a in assignments:
        a.is_late = bool(a.due_at and a.due_at < now and not a.n_submitted)
        a.not_yet_open = bool((a.opens_at and a.opens_at > now) or (a.quiz.opens_at and a.quiz.opens_at > now))
        closed = bool((a.closes_at and a.closes_at <= now) or (a.quiz.closes_at and a.quiz.closes_at <= now))
        a.is_open = not a.not_yet_open and not closed
    # Late ones first: that is what a student must do now.
    assignments.sort(key=lambda a: not a.is_late)
    return assignments


# --------------------------------------------------------------------------------------------------------------------
# Quizzes for students


class QuizStatus:
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_OPEN = "not_open"
    CLOSED = "closed"
    NO_ATTEMPTS_LEFT = "no_attempts_left"


def _with_student_stats(qs, *, user):
    """Annotate quizzes with one student's attempt statistics (subqueries: no row multiplication)."""
    mine = Attempt.objects.for_student(user).filter(quiz=OuterRef("pk"))
    finished = mine.submitted()
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
        best=Subquery(finished.order_by(F("percent").desc(nulls_last=True)).values("percent")[:1]),
        n_finished=Coalesce(
            Subquery(
                mine.finished().order_by().values("quiz").annotate(n=Count("id")).values("n")[:1],
                output_field=IntegerField(),
            ),
            Value(0),
        ),
        open_attempt_id=Subquery(mine.in_progress().values("pk")[:1]),
    )


def _decorate(quiz, *, availability, now) -> None:
    quiz.n_questions = min(quiz.n_items, quiz.questions_per_attempt or quiz.n_items)
    quiz.availability = availability
    quiz.due_at = availability.due_at
    quiz.is_overdue = bool(availability.due_at and availability.due_at < now and not quiz.n_finished)
    quiz.attempts_left = None if not quiz.attempts_allowed else max(0, quiz.attempts_allowed - quiz.n_finished)
    if quiz.open_attempt_id:
        quiz.student_status = QuizStatus.IN_PROGRESS
    elif availability.opens_at and now < availability.opens_at:
        quiz.student_status = QuizStatus.NOT_OPEN
    elif availability.is_closed(now):
        quiz.student_status = QuizStatus.CLOSED
    elif quiz.attempts_left == 0:
        quiz.student_status = QuizStatus.NO_ATTEMPTS_LEFT
    elif quiz.n_finished:
        quiz.student_status = QuizStatus.DONE
    else:
        quiz.student_status = QuizStatus.NOT_STARTED
    quiz.can_start = quiz.student_status in {QuizStatus.NOT_STARTED, QuizStatus.DONE, QuizStatus.IN_PROGRESS}


def quizzes_for_student(*, user, now) -> list:
    """Return the published quizzes open now or assigned to the student, annotated for a list (3 queries)."""
    assignments: dict[int, list] = {}
    for assignment in avail.student_assignments(user=user):
        assignments.setdefault(assignment.quiz_id, []).append(assignment)
    qs = Quiz.objects.published().filter(
        Q(pk__in=Quiz.objects.open_now(now).values("pk")) | Q(pk__in=list(assignments))
    )
    quizzes = list(_with_student_stats(qs, user=user).order_by("title"))
    for quiz in quizzes:
        _decorate(
            quiz, availability=avail.availability_from(quiz=quiz, assignments=assignments.get(quiz.pk, [])), now=now
        )
    # What needs doing first: in progress, then due soonest, then the rest by title.
    far = now.replace(year=now.year + 100)
    quizzes.sort(
        key=lambda q: (
            q.student_status != QuizStatus.IN_PROGRESS,
            q.student_status in {QuizStatus.CLOSED, QuizStatus.NO_ATTEMPTS_LEFT},
            q.due_at or far,
        )
    )
    return quizzes


def quiz_for_student(*, user, quiz_id: int, now):
    """Return one published quiz annotated like quizzes_for_student, or None."""
    quiz = _with_student_stats(Quiz.objects.published().filter(pk=quiz_id), user=user).first()
    if quiz is not None:
        _decorate(quiz, availability=avail.quiz_availability(quiz=quiz, user=user), now=now)
    return quiz
