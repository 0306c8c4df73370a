"""Check the invariants of attempts, responses and card reviews that the database constraints cannot express.

Run after the load and fault tests (scripts/load.sh, scripts/chaos.sh) or any time on a live database; it only reads.
Exit status 1 when any invariant is broken, with examples.
"""

import json
import sys
from decimal import Decimal

from django.db.models import Count, F, Max, Min, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quizzes.management.base import Command as TranslatedCommand

from ...models import Attempt, Response, Review

TOLERANCE = Decimal("0.001")


def _ids(queryset, limit: int = 10) -> list[int]:
    return list(queryset.values_list("pk", flat=True)[:limit])


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Comprueba los invariantes de intentos, respuestas y repasos; sale con 1 si alguno no se cumple."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--json", dest="json_out", default="", help=_("Escribe también el resultado en este archivo JSON.")
        )

    def handle(self, *args, json_out: str, **options):
        problems: dict[str, list] = {}

        def check(name: str, queryset) -> None:
            examples = _ids(queryset)
            if examples:
                problems[name] = examples

        attempts = Attempt.objects.annotate(
            n=Count("responses"),
            lo=Min("responses__slot"),
            hi=Max("responses__slot"),
            total=Sum("responses__points"),
            total_max=Sum("responses__max_points"),
            ungraded=Count("responses", filter=Q(responses__points__isnull=True) | Q(responses__fraction__isnull=True)),
        )
        # Every attempt has its questions in slots 1..n, without gaps.
        check("attempt_without_responses", attempts.filter(n=0))
        check("attempt_slots_not_1_to_n", attempts.filter(n__gt=0).exclude(lo=1, hi=F("n")))
        submitted = attempts.submitted()
        # A submitted attempt is graded once, completely, and its score is the sum of its responses' points.
        check("submitted_with_ungraded_responses", submitted.filter(ungraded__gt=0))
        check(
            "submitted_score_not_sum_of_points",
            submitted.filter(
                Q(score__gt=F("total") + TOLERANCE) | Q(score__lt=F("total") - TOLERANCE) | Q(total__isnull=True)
            ),
        )
        check("submitted_max_score_not_sum", submitted.exclude(max_score=F("total_max")))
        check("submitted_without_percent_or_pass", submitted.filter(Q(percent__isnull=True) | Q(passed__isnull=True)))
        check("submitted_before_started", submitted.filter(submitted_at__lt=F("started_at")))
        check(
            "in_progress_with_a_score",
            Attempt.objects.in_progress().filter(Q(score__isnull=False) | Q(submitted_at__isnull=False)),
        )
        # At most one open attempt per student and quiz (a constraint too; checked here for other databases).
        doubled = Attempt.objects.in_progress().values("user", "quiz").annotate(k=Count("id")).filter(k__gt=1)
        if doubled.exists():
            problems["two_open_attempts"] = list(doubled[:10])
        # A response is answered exactly when it has an answer time and a sequence past zero.
        check(
            "response_answer_time_mismatch",
            Response.objects.filter(
                Q(answer__isnull=True, answered_at__isnull=False) | Q(answer__isnull=False, answered_at__isnull=True)
            ),
        )
        check("response_answered_with_sequence_0", Response.objects.filter(answer__isnull=False, sequence=0))
        check("response_points_over_max", Response.objects.filter(points__gt=F("max_points")))
        # A review belongs to the student whose card it rates.
        check("review_of_another_users_card", Review.objects.exclude(user_id=F("student_card__user_id")))

        result = {
            "attempts": Attempt.objects.count(),
            "attempts_submitted": Attempt.objects.submitted().count(),
            "attempts_in_progress": Attempt.objects.in_progress().count(),
            "responses_answered": Response.objects.filter(answer__isnull=False).count(),
            "reviews": Review.objects.count(),
            "problems": problems,
        }
        text = json.dumps(result, indent=1, default=str)
        self.stdout.write(text)
        if json_out:
            with open(json_out, "w", encoding="utf-8") as out:
                out.write(text + "\n")
        if problems:
            sys.exit(1)
