"""Time the teacher reports on the synthetic school (run build_synthetic_school first).

Prints a Markdown table: per report the median and best wall time over --repeat runs and the number of queries.
"""

import statistics
import time

from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quizzes.management.base import Command as TranslatedCommand
from quizzes.models import Classroom, Document, Quiz
from quizzes.selectors.reports.grid import class_grid
from quizzes.selectors.reports.items import WHICH_ALL, WHICH_BEST, WHICH_FIRST, item_analysis
from quizzes.selectors.reports.mastery import mastery

from .build_synthetic_school import DOC_TITLE


def _get_ok(client, url):
    response = client.get(url)
    if response.status_code != 200:
        raise CommandError(f"{url} answered {response.status_code}")
    return response


class Command(TranslatedCommand):
    help = gettext_lazy("Mide el tiempo de la cuadrícula de clase y del análisis de preguntas en la escuela sintética.")

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=5, help=_("Repeticiones de cada medida."))

    def handle(self, *args, **opts):
        document = Document.objects.filter(title=DOC_TITLE).first()
        if document is None:
            raise CommandError("No hay escuela sintética: ejecute antes build_synthetic_school.")
        classroom = (
            Classroom.objects.filter(name__startswith="Sintética ")
            .annotate(n=Count("enrollments"))
            .order_by("-n", "pk")
            .first()
        )
        quiz = Quiz.objects.filter(title__startswith="Sintético ").order_by("pk").first()
        from quizzes.models import Response

        cases = [
            ("class grid (1 class)", lambda: class_grid(classroom=classroom)),
            ("item analysis, class, first attempts", lambda: item_analysis(quiz=quiz, classroom=classroom)),
            (
                "item analysis, class, best attempts",
                lambda: item_analysis(quiz=quiz, classroom=classroom, which=WHICH_BEST),
            ),
            (
                "item analysis, whole school, all attempts",
                lambda: item_analysis(quiz=quiz, which=WHICH_ALL),
            ),
            (
                "item analysis, whole school, first attempts",
                lambda: item_analysis(quiz=quiz, which=WHICH_FIRST),
            ),
            ("mastery over the text (1 class)", lambda: mastery(classroom=classroom, document=document)),
        ]
        # The whole pages too (view + template), through Django's test client as the class's teacher.
        client = Client(SERVER_NAME="localhost")
        client.force_login(classroom.teachers.first())
        pages = [
            ("page: class report", reverse("quizzes:teacher_class", args=[classroom.pk])),
            ("page: item analysis", reverse("quizzes:teacher_item_analysis", args=[classroom.pk, quiz.pk])),
            ("page: item statistics CSV", reverse("quizzes:teacher_item_analysis_csv", args=[classroom.pk, quiz.pk])),
            ("page: mastery", reverse("quizzes:teacher_mastery", args=[classroom.pk])),
        ]
        for name, url in pages:
            cases.append((name, lambda url=url: _get_ok(client, url)))
        n_students = classroom.enrollments.count()
        self.stdout.write(
            f"Database: {connection.vendor} · class of {n_students} students · "
            f"{Response.objects.count()} responses in the database · {opts['repeat']} runs each\n"
        )
        self.stdout.write("| report | median (ms) | best (ms) | queries |")
        self.stdout.write("|---|---:|---:|---:|")
        for name, run in cases:
            run()  # warm the caches once
            times = []
            for _round in range(opts["repeat"]):
                with CaptureQueriesContext(connection) as ctx:
                    started = time.perf_counter()
                    run()
                    times.append((time.perf_counter() - started) * 1000)
            self.stdout.write(
                f"| {name} | {statistics.median(times):.0f} | {min(times):.0f} | {len(ctx.captured_queries)} |"
            )
