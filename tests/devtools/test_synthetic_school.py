"""The synthetic school and the report benchmark commands (tiny sizes: the real run is in docs/reports.md)."""

import io

import pytest
from django.core.management import call_command

from quizzes.models import Attempt, Classroom, Enrollment, Quiz, Response, Review
from quizzes.selectors.reports.items import WHICH_ALL, item_analysis

pytestmark = pytest.mark.django_db


def test_build_synthetic_school_small_and_reset():
    out = io.StringIO()
    args = ["--students", "12", "--classes", "3", "--quizzes", "2", "--questions", "4", "--cards", "3"]
    call_command("build_synthetic_school", *args, stdout=out)
    assert "creada" in out.getvalue()
    assert Classroom.objects.count() == 3
    assert Enrollment.objects.count() == 12
    assert Attempt.objects.count() == 12 * 2 * 2
    assert Response.objects.count() == 12 * 2 * 2 * 4
    assert Review.objects.count() == 12 * 3 * 2
    # The reports work on it and give sensible statistics.
    classroom = Classroom.objects.order_by("pk").first()
    quiz = Quiz.objects.order_by("pk").first()
    analysis = item_analysis(quiz=quiz, classroom=classroom, which=WHICH_ALL)
    assert analysis.n_attempts == 4 * 2
    assert all(0 <= q.facility <= 1 for q in analysis.questions)
    # Running it again does nothing; --reset rebuilds it.
    call_command("build_synthetic_school", *args, stdout=io.StringIO())
    assert Classroom.objects.count() == 3
    call_command("build_synthetic_school", *args, "--reset", stdout=io.StringIO())
    assert Classroom.objects.count() == 3 and Response.objects.count() == 12 * 2 * 2 * 4


def test_bench_reports_prints_a_table():
    call_command(
        "build_synthetic_school", "--students", "6", "--classes", "2", "--questions", "3", stdout=io.StringIO()
    )
    out = io.StringIO()
    call_command("bench_reports", "--repeat", "1", stdout=out)
    assert "| class grid (1 class) |" in out.getvalue()
    assert "| item analysis, class, first attempts |" in out.getvalue()
