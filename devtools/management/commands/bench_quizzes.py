"""Time the attempt's write paths on the configured database (numbers for docs/quizzes.md; nothing is kept)."""

import statistics
import time
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quizzes.domain.opaque import option_key
from quizzes.management.base import Command as TranslatedCommand
from quizzes.models import Choice, Question, QuestionKind, Quiz, QuizItem, Status, User
from quizzes.services import attempts as svc


class _Rollback(Exception):
    pass


def _ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.1f} ms, max {max(samples) * 1000:.1f} ms"


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Mide attempt_start, response_save y attempt_submit con un cuestionario de N preguntas (se deshace todo)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--questions", type=int, default=50, help=_("Preguntas del cuestionario."))
        parser.add_argument("--students", type=int, default=20, help=_("Estudiantes que hacen un intento."))

    def handle(self, *args, questions: int, students: int, **options):
        try:
            with transaction.atomic():
                self._run(questions, students)
                raise _Rollback
        except _Rollback:
            pass

    def _run(self, n_questions: int, n_students: int) -> None:
        quiz = Quiz.objects.create(title="bench-quizzes (temporal)", status=Status.PUBLISHED)
        for i in range(n_questions):
            question = Question.objects.create(kind=QuestionKind.SINGLE_CHOICE, prompt=f"P{i}", status=Status.PUBLISHED)
            Choice.objects.bulk_create(
                Choice(question=question, text=t, is_correct=t == "a", position=p) for p, t in enumerate("abcd")
            )
            QuizItem.objects.create(quiz=quiz, question=question, position=i, points=Decimal("1"))
        users = [User.objects.create_user(username=f"bench-quiz-{i}") for i in range(n_students)]
        starts, saves, submits = [], [], []
        for user in users:
            t = time.perf_counter()
            attempt = svc.attempt_start(user=user, quiz=quiz)
            starts.append(time.perf_counter() - t)
            for response in attempt.responses.select_related("question").prefetch_related("question__choices"):
                choice = next(c for c in response.question.choices.all() if c.is_correct)
                t = time.perf_counter()
                svc.response_save(
                    user=user,
                    attempt_id=attempt.pk,
                    slot=response.slot,
                    token=svc.response_token(response),
                    data={"choice": [option_key(response.pk, choice.pk)]},
                )
                saves.append(time.perf_counter() - t)
            t = time.perf_counter()
            svc.attempt_submit(user=user, attempt_id=attempt.pk)
            submits.append(time.perf_counter() - t)
        self.stdout.write(f"{n_students} estudiantes × cuestionario de {n_questions} preguntas")
        self.stdout.write(f"attempt_start:  {_ms(starts)}")
        self.stdout.write(f"response_save:  {_ms(saves)} ({len(saves)} respuestas)")
        self.stdout.write(f"attempt_submit: {_ms(submits)}")
