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
