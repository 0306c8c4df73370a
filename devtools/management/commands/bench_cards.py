"""Time the flashcard hot paths for a student with N cards (numbers go to docs/flashcards.md).

Creates a throw-away student and document, measures, and deletes them again (inside a transaction that is
rolled back), so it can run against any database: ``manage.py bench_cards --cards 10000``.
"""

import statistics
import time
import uuid
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quizzes.management.base import Command as TranslatedCommand
from quizzes.models import CardState, Document, Flashcard, StudentCard, User
from quizzes.selectors import cards as sel
from quizzes.services import cards as svc


class Rollback(Exception):
    pass


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Mide contar las tarjetas pendientes, elegir la siguiente y calificarla, para un estudiante con N tarjetas."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cards", type=int, default=10_000, help=_("Tarjetas del estudiante."))
        parser.add_argument("--reviews", type=int, default=200, help=_("Calificaciones que se miden."))

    def handle(self, *args, cards: int, reviews: int, **options):
        try:
            with transaction.atomic():
                self._run(cards, reviews)
                raise Rollback
        except Rollback:
            pass

    def _run(self, n: int, reviews: int) -> None:
        now = timezone.now()
        user = User.objects.create_user(username=f"bench-{uuid.uuid4().hex[:8]}")
        document = Document.objects.create(title=f"bench {uuid.uuid4().hex[:8]}", text="x")
        made = Flashcard.objects.bulk_create(
            [Flashcard(document=document, front=f"P {i} _____", back=f"R{i}") for i in range(n)], batch_size=2000
        )
        StudentCard.objects.bulk_create(
            [
                StudentCard(
                    user=user, card=c, state=CardState.REVIEW, stability=4.0, difficulty=5.0, reps=3,
                    due=now - timedelta(minutes=1 + i % 5000), last_review=now - timedelta(days=5),
                )
                for i, c in enumerate(made)
            ],
            batch_size=2000,
        )  # fmt: skip
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE quizzes_studentcard")
        counts_ms, next_ms, review_ms = [], [], []
        for i in range(reviews):
            t0 = time.perf_counter()
            counts = sel.queue_counts(user=user, now=now)
            t1 = time.perf_counter()
            row = sel.next_card(user=user, now=now, counts=counts)
            t2 = time.perf_counter()
            svc.card_review(
                user=user, student_card_id=row.pk, rating=3, token=f"bench{i:012d}", duration_ms=None, now=now
            )
            t3 = time.perf_counter()
            counts_ms.append((t1 - t0) * 1000)
            next_ms.append((t2 - t1) * 1000)
            review_ms.append((t3 - t2) * 1000)

        def line(name, values):
            values = sorted(values)
            p95 = values[int(len(values) * 0.95) - 1]
            return f"{name:<28} median {statistics.median(values):7.2f} ms   p95 {p95:7.2f} ms"

        self.stdout.write(f"{connection.vendor}, {n} cards, {reviews} reviews")
        self.stdout.write(line("count due (queue_counts)", counts_ms))
        self.stdout.write(line("pick next (next_card)", next_ms))
        self.stdout.write(line("rate (card_review)", review_ms))
