"""A few days of study by the demo students, made through the real services, so the reports have something to show.

Deterministic (a seeded random.Random per student) and idempotent: a student who already has attempts or reviews
is left alone. Ana answers most questions right, Bruno about two in three, Carla fewer than half (the two of them
try each quiz twice, the second time a little better); their flashcard ratings follow the same pattern.
Nothing here is used outside `setup_demo`.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from ..domain.opaque import encode_form
from ..models import (
    AcceptedAnswer,
    Assignment,
    Attempt,
    Classroom,
    QuestionKind,
    Response,
    Review,
    ReviewSource,
    StudentCard,
    User,
)
from ..services.attempts import answer_key, attempt_start, attempt_submit, response_save, response_token
from ..services.cards import card_review, student_cards_sync

# username -> chance of answering right
DEMO_SKILL = {"ana": 0.9, "bruno": 0.65, "carla": 0.4}
DEMO_DAYS = 6


@dataclass
class ActivityReport:
    attempts: int = 0
    reviews: int = 0


def _answer_data(response: Response, *, right: bool, rng: random.Random) -> dict[str, list[str]]:
    """Return form data (as the question page would post it) for a right or a wrong answer."""
    question = response.question
    choices = list(question.choices.all())
    accepted = list(AcceptedAnswer.objects.filter(question=question))
    key = answer_key(question, choices, accepted)
    kind = question.kind
    if kind == QuestionKind.SINGLE_CHOICE:
        pool = sorted(key.correct_ids) if right else sorted(set(key.option_ids) - key.correct_ids)
        return {"choice": [str(rng.choice(pool))]}
    if kind == QuestionKind.MULTIPLE_CHOICE:
        if right:
            return {"choices": [str(i) for i in sorted(key.correct_ids)]}
        wrong = sorted(set(key.option_ids) - key.correct_ids)
        return {"choices": [str(rng.choice(wrong)), str(sorted(key.correct_ids)[0])]}
    if kind == QuestionKind.TRUE_FALSE:
        value = key.correct_bool if right else not key.correct_bool
        return {"value": ["true" if value else "false"]}
    if kind == QuestionKind.SHORT_ANSWER:
        return {"text": [key.accepted[0] if right and key.accepted else "no lo sé"]}
    if kind == QuestionKind.NUMERIC:
        value = key.numeric_value if right else key.numeric_value + max(2.0, abs(key.numeric_value) * 0.3)
        text = f"{value:g}".replace(".", ",")
        return {"text": [f"{text} {key.unit}".strip()]}
    if kind == QuestionKind.ORDERING:
        order = list(key.correct_order)
        if not right:
            order[0], order[1] = order[1], order[0]
        return {f"pos-{item}": [str(position)] for position, item in enumerate(order, start=1)}
    return {}


def _take_quiz(*, user: User, quiz, skill: float, rng: random.Random, when: datetime) -> Attempt:
    attempt = attempt_start(user=user, quiz=quiz, now=when, rng=rng)
    responses = list(Response.objects.filter(attempt=attempt).select_related("question").order_by("slot"))
    for offset, response in enumerate(responses):
        data = encode_form(response.pk, _answer_data(response, right=rng.random() < skill, rng=rng))
        response_save(
            user=user,
            attempt_id=attempt.pk,
            slot=response.slot,
            token=response_token(response),
            data=data,
            now=when + timedelta(seconds=20 * (offset + 1)),
        )
    return attempt_submit(user=user, attempt_id=attempt.pk, now=when + timedelta(seconds=20 * (len(responses) + 2)))


def _review_cards(*, user: User, skill: float, rng: random.Random, start: datetime, now: datetime) -> int:
    student_cards_sync(user=user, now=start)
    done = 0
    for day in range(DEMO_DAYS):
        moment = start + timedelta(days=day, hours=rng.randint(0, 3))
        due = list(
            StudentCard.objects.filter(user=user, due__lte=moment, card__is_active=True).order_by("due", "id")[:12]
        )
        for position, row in enumerate(due):
            roll = rng.random()
            rating = 1 if roll > skill else (4 if roll < skill / 4 else 3)
            card_review(
                user=user,
                student_card_id=row.pk,
                rating=rating,
                token=f"demo-{user.pk}-{day}-{row.pk}-{position}",
                duration_ms=rng.randint(2500, 12000),
                now=moment + timedelta(minutes=position),
            )
            done += 1
    return done


def demo_activity_create(*, classroom: Classroom, now: datetime | None = None) -> ActivityReport:
    """Let the demo students study for a few days (attempts at the class's assignments and card reviews)."""
    now = now or timezone.now()
    start = now - timedelta(days=DEMO_DAYS)
    report = ActivityReport()
    quizzes = [a.quiz for a in Assignment.objects.filter(classroom=classroom).select_related("quiz").order_by("id")]
    for student in classroom.students.filter(username__in=DEMO_SKILL).order_by("username"):
        skill = DEMO_SKILL[student.username]
        rng = random.Random(f"winterwar-demo-{student.username}")
        if not Attempt.objects.filter(user=student).exists():
            for index, quiz in enumerate(quizzes):
                # Two tries for the weaker students, the second a little better: the progress chart has a slope.
                for retry in range(1 if skill >= 0.8 else 2):
                    when = start + timedelta(days=1 + 2 * index + 2 * retry, hours=rng.randint(1, 8))
                    _take_quiz(user=student, quiz=quiz, skill=min(1.0, skill + 0.15 * retry), rng=rng, when=when)
                    report.attempts += 1
        # Quiz mistakes already log reviews (source "quiz"); only card reviews from the review page count here.
        if not Review.objects.filter(user=student, source=ReviewSource.REVIEW).exists():
            report.reviews += _review_cards(user=student, skill=skill, rng=rng, start=start, now=now)
    return report
