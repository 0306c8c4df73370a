"""Give the demo class some history: ana, bruno and carla take the class's assigned quizzes through the real services.

Run after setup_demo (``make demo`` does). Each demo student answers right with their own probability (ana often,
carla seldom), over the past week, through attempt_start / response_save / attempt_submit, so that grading, the
flashcards fed by quizzes and the teacher reports see exactly what real attempts produce. Running it again adds
nothing once a student has submitted an attempt at a quiz.
"""

import random
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from quizzes.models import Assignment, Attempt, AttemptState, Classroom, QuestionKind, User
from quizzes.services import attempts as attempt_services
from quizzes.services.demo import DEMO_CLASS_NAME

SKILL = {"ana": 0.9, "bruno": 0.65, "carla": 0.35}


def _answer(response, *, right: bool, rng: random.Random) -> dict[str, list[str]]:
    """Return form data answering this response's question right or wrong."""
    question = response.question
    choices = list(question.choices.all())
    correct = [c for c in choices if c.is_correct]
    wrong = [c for c in choices if not c.is_correct]
    kind = question.kind
    if kind == QuestionKind.SINGLE_CHOICE:
        pick = correct[0] if right or not wrong else rng.choice(wrong)
        return {"choice": [str(pick.pk)]}
    if kind == QuestionKind.MULTIPLE_CHOICE:
        picks = correct if right or not wrong else [rng.choice(wrong)]
        return {"choices": [str(c.pk) for c in picks]}
    if kind == QuestionKind.TRUE_FALSE:
        value = bool(question.correct_bool) if right else not question.correct_bool
        return {"value": ["true" if value else "false"]}
    if kind == QuestionKind.NUMERIC:
        value = question.numeric_value if right else question.numeric_value + 10 + (question.numeric_tolerance or 0)
        return {"text": [f"{value:g}".replace(".", ",")]}
    if kind == QuestionKind.ORDERING:
        ordered = sorted(choices, key=lambda c: c.position)
        positions = list(range(1, len(ordered) + 1))
        if not right:
            positions.reverse()
        return {f"pos-{c.pk}": [str(p)] for c, p in zip(ordered, positions, strict=True)}
    accepted = [a.text for a in question.accepted_answers.all()]
    return {"text": [accepted[0] if right and accepted else "no lo sé"]}


class Command(BaseCommand):
    help = "Hace que los estudiantes de la clase de demostración respondan sus cuestionarios asignados."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, **opts):
        rng = random.Random(opts["seed"])
        classroom = Classroom.objects.filter(name=DEMO_CLASS_NAME).first()
        if classroom is None:
            self.stdout.write("No hay clase de demostración: ejecute antes setup_demo.")
            return
        students = {u.username: u for u in User.objects.filter(username__in=SKILL, enrollments__classroom=classroom)}
        assignments = list(Assignment.objects.filter(classroom=classroom).select_related("quiz").order_by("id"))
        made = 0
        now = timezone.now()
        for day, assignment in enumerate(assignments):
            for username, skill in SKILL.items():
                student = students.get(username)
                if (
                    student is None
                    or Attempt.objects.filter(user=student, quiz=assignment.quiz, state=AttemptState.SUBMITTED).exists()
                ):
                    continue
                # Two tries for the weaker students, the second a little better: the progress chart has a slope.
                for attempt_number in range(2 if skill < 0.8 else 1):
                    when = now - timedelta(days=6 - min(5, day * 2 + attempt_number), hours=rng.randint(1, 8))
                    try:
                        made += self._take(student, assignment.quiz, skill + 0.15 * attempt_number, when, rng)
                    except Exception as exc:  # noqa: BLE001 - a demo helper reports and goes on
                        self.stderr.write(f"{username} · {assignment.quiz}: {exc}")
                        break
        self.stdout.write(self.style.SUCCESS(f"Intentos de demostración entregados: {made}."))

    def _take(self, student, quiz, skill, when, rng) -> int:
        attempt = attempt_services.attempt_start(user=student, quiz=quiz, now=when, rng=rng)
        responses = list(
            attempt.responses.select_related("question").prefetch_related(
                "question__choices", "question__accepted_answers"
            )
        )
        for i, response in enumerate(responses):
            data = _answer(response, right=rng.random() < skill, rng=rng)
            attempt_services.response_save(
                user=student,
                attempt_id=attempt.pk,
                slot=response.slot,
                token=attempt_services.response_token(response),
                data=data,
                now=when + timedelta(seconds=20 * (i + 1)),
            )
        attempt_services.attempt_submit(
            user=student, attempt_id=attempt.pk, now=when + timedelta(seconds=20 * (len(responses) + 1))
        )
        return 1
