"""Prepare a database for the load test (scripts/load.sh) and write the plan the locust users follow.

Creates, once (running it again reuses what exists): the demo data (document, bank, cards), a published quiz of
mixed question kinds, teachers, students in classes of 25 with the quiz assigned, and a JSON plan with every URL the
simulated users visit. URLs are reversed by name and a page that does not exist (yet) is left out of the plan.
"""

import json
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quizzes.demo.setup import demo_setup
from quizzes.management.base import Command as TranslatedCommand
from quizzes.models import (
    Assignment,
    Choice,
    Classroom,
    Document,
    Enrollment,
    FeedbackTiming,
    Question,
    QuestionKind,
    Quiz,
    QuizItem,
    Status,
    User,
)
from quizzes.permissions import teachers_group

LOAD_QUIZ_TITLE = "Prueba de carga: la Guerra de Invierno"
STUDENTS_PER_CLASS = 25
# Kinds the load quiz mixes, in this order of preference (the client answers each of them from the page's form).
KINDS = [
    QuestionKind.SINGLE_CHOICE,
    QuestionKind.TRUE_FALSE,
    QuestionKind.SHORT_ANSWER,
    QuestionKind.NUMERIC,
    QuestionKind.MULTIPLE_CHOICE,
    QuestionKind.ORDERING,
]


def _url(name: str, *args) -> str | None:
    try:
        return reverse(f"quizzes:{name}", args=args)
    except NoReverseMatch:
        return None


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Crea las cuentas, clases y el cuestionario de la prueba de carga y escribe el plan de loadtest/locustfile.py."
    )

    def add_arguments(self, parser):
        parser.add_argument("--students", type=int, default=200, help=_("Cuentas de estudiante."))
        parser.add_argument("--teachers", type=int, default=8, help=_("Cuentas de docente."))
        parser.add_argument("--questions", type=int, default=8, help=_("Preguntas del cuestionario."))
        parser.add_argument("--password", default="carga-de-prueba-2026", help=_("Contraseña de todas las cuentas."))
        parser.add_argument("--plan", default="var/load/plan.json", help=_("Archivo JSON donde se escribe el plan."))

    def handle(self, *args, students: int, teachers: int, questions: int, password: str, plan: str, **options):
        with transaction.atomic():
            demo_setup()
            quiz = self._quiz(questions)
            teacher_users = self._users("cargadocente", teachers, password, staff=True)
            student_users = self._users("cargaestudiante", students, password, staff=False)
            group = teachers_group()
            for teacher in teacher_users:
                teacher.groups.add(group)
            classes = self._classes(quiz, teacher_users, student_users)
        data = self._plan(quiz, classes, student_users, password)
        path = Path(plan)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        self.stdout.write(
            f"plan {path}: {len(student_users)} students, {len(teacher_users)} teachers, {len(classes)} classes, "
            f"quiz {quiz.pk} with {quiz.items.count()} questions"
        )

    def _quiz(self, n_questions: int) -> Quiz:
        document = Document.objects.filter(is_published=True).order_by("pk").first()
        quiz, created = Quiz.objects.get_or_create(
            title=LOAD_QUIZ_TITLE,
            defaults={
                "status": Status.PUBLISHED,
                "document": document,
                "attempts_allowed": 0,
                "feedback_timing": FeedbackTiming.AFTER_SUBMIT,
                "shuffle_choices": True,
            },
        )
        if not created:
            return quiz
        chosen: list[Question] = []
        published = Question.objects.published().order_by("pk")
        # Round-robin over the kinds so that every kind the bank has is in the quiz.
        pools = {kind: list(published.filter(kind=kind)[:n_questions]) for kind in KINDS}
        while len(chosen) < n_questions and any(pools.values()):
            for kind in KINDS:
                if pools[kind] and len(chosen) < n_questions:
                    chosen.append(pools[kind].pop(0))
        while len(chosen) < n_questions:  # an empty bank: synthetic single-choice questions
            question = Question.objects.create(
                kind=QuestionKind.SINGLE_CHOICE,
                prompt=f"Pregunta de carga {len(chosen) + 1}: ¿en qué año empezó la Guerra de Invierno?",
                status=Status.PUBLISHED,
                document=document,
            )
            for position, (text, right) in enumerate([("1939", True), ("1940", False), ("1941", False)], start=1):
                Choice.objects.create(question=question, text=text, is_correct=right, position=position)
            chosen.append(question)
        for position, question in enumerate(chosen, start=1):
            QuizItem.objects.create(quiz=quiz, question=question, position=position, points=Decimal("1"))
        return quiz

    def _users(self, prefix: str, n: int, password: str, *, staff: bool) -> list[User]:
        names = [f"{prefix}{i:04d}" for i in range(1, n + 1)]
        existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
        hashed = make_password(password)  # one hash for all: hashing each one would take minutes
        User.objects.bulk_create(
            [
                User(username=name, password=hashed, is_staff=staff, first_name=name.capitalize())
                for name in names
                if name not in existing
            ]
        )
        return list(User.objects.filter(username__in=names).order_by("username"))

    def _classes(self, quiz: Quiz, teachers: list[User], students: list[User]) -> list[Classroom]:
        classes = []
        for index in range(0, len(students), STUDENTS_PER_CLASS):
            number = index // STUDENTS_PER_CLASS + 1
            classroom, _created = Classroom.objects.get_or_create(name=f"Carga {number:02d}")
            if teachers:
                classroom.teachers.add(teachers[(number - 1) % len(teachers)])
            Enrollment.objects.bulk_create(
                [Enrollment(classroom=classroom, student=s) for s in students[index : index + STUDENTS_PER_CLASS]],
                ignore_conflicts=True,
            )
            Assignment.objects.get_or_create(classroom=classroom, quiz=quiz)
            classes.append(classroom)
        return classes

    def _plan(self, quiz: Quiz, classes: list[Classroom], students: list[User], password: str) -> dict:
        student_urls = {
            "home": _url("home"),
            "quiz_detail": _url("quiz_detail", quiz.pk),
            "quiz_start": _url("quiz_start", quiz.pk),
            "cards_review": _url("cards_review"),
            "cards_stats": _url("cards_stats"),
            "progress": _url("progress"),
        }
        teachers = {}
        for classroom in classes:
            first_student = classroom.enrollments.order_by("student_id").values_list("student_id", flat=True).first()
            pages = {
                "class_list": _url("teacher_classes"),
                "class_grid": _url("teacher_class", classroom.pk),
                "class_csv": _url("teacher_class_csv", classroom.pk),
                "item_analysis": _url("teacher_item_analysis", classroom.pk, quiz.pk),
                "mastery": _url("teacher_mastery", classroom.pk),
                "student": _url("teacher_student", classroom.pk, first_student) if first_student else None,
            }
            for teacher in classroom.teachers.all():
                teachers.setdefault(teacher.username, []).append({k: v for k, v in pages.items() if v})
        return {
            "password": password,
            "login": reverse("login"),
            "healthz": _url("healthz"),
            "quiz_id": quiz.pk,
            "students": [s.username for s in students],
            "student_urls": {k: v for k, v in student_urls.items() if v},
            "teachers": teachers,
        }
