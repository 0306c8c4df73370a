"""Read-only queries for pages (write paths live in services/)."""

from django.db.models import Count, Q

from .models import Classroom, Document, Question, Quiz, Status


def student_home(*, user) -> dict:
    """Return what a student's home page shows: their classes and the quizzes available to them."""
    classrooms = list(Classroom.objects.filter(enrollments__student=user, is_archived=False).order_by("name"))
    quizzes = list(Quiz.objects.open_now().annotate(n_questions=Count("items")).order_by("title"))
    return {"classrooms": classrooms, "quizzes": quizzes}


def teacher_home(*, user) -> dict:
    """Return what a teacher's home page shows: their classes and the state of the bank."""
    classrooms = list(
        Classroom.objects.filter(teachers=user, is_archived=False)
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
    """Return the quizzes assigned to the student's classes, with best score, lateness and whether open (2 queries)."""
    from django.db.models import F, IntegerField, OuterRef, Subquery, Value
    from django.db.models.functions import Coalesce
    from django.utils import timezone

    from .models import Assignment, Attempt, AttemptState

    now = now or timezone.now()
    mine = Attempt.objects.filter(user=user, quiz=OuterRef("quiz"), state=AttemptState.SUBMITTED)
    assignments = list(
        Assignment.objects.filter(classroom__enrollments__student=user, classroom__is_archived=False)
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
