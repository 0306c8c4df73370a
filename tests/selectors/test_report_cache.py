"""The teacher's class page and item analysis cached per class (summaries.cached_report): a change is never hidden.

The suite runs with the cache on (winterwar/settings_test.py). Each test fills the cache by reading the report, then
changes something the way the app does (a submitted attempt, a rating, a student joining or leaving, a teacher's
assignment, the clock) and checks that the next read shows it.
"""

import pickle
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import empty

from quizzes.models import Quiz, Status
from quizzes.selectors import summaries
from quizzes.selectors.reports.grid import CellStatus, cached_class_report, class_grid, class_progress
from quizzes.selectors.reports.items import WHICH_ALL, cached_item_analysis, item_analysis
from quizzes.services import classes as class_svc
from quizzes.services import invalidation
from quizzes.views import teacher as teacher_views
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(teacher, student):
    classroom = factories.make_classroom(teachers=[teacher], students=[student])
    quiz = factories.make_quiz(n_questions=2)
    factories.make_assignment(classroom=classroom, quiz=quiz, due_at=timezone.now() + timedelta(days=2))
    return classroom, quiz


def _page(client, classroom):
    return client.get(reverse("quizzes:teacher_class", args=[classroom.pk]))


def _items_page(client, classroom, quiz):
    return client.get(reverse("quizzes:teacher_item_analysis", args=[classroom.pk, quiz.pk]))


def test_a_second_class_page_runs_no_report_query(client, teacher, world, django_assert_num_queries):
    classroom, _quiz = world
    client.force_login(teacher)
    _page(client, classroom)
    # the session, the user with their role, the class: nothing for the grid, the chart or the forms
    with django_assert_num_queries(3):
        response = _page(client, classroom)
    assert response.status_code == 200
    assert "Elija un cuestionario publicado" in response.content.decode()  # the assign form, from the fragment


def test_a_second_class_page_builds_no_form_and_reads_the_content_version_once(client, teacher, world, monkeypatch):
    classroom, _quiz = world
    client.force_login(teacher)
    first = _page(client, classroom)
    built, reads = [], []
    monkeypatch.setattr(teacher_views, "AssignmentForm", lambda *a, **k: built.append("assign"))
    monkeypatch.setattr(teacher_views, "StudentForm", lambda *a, **k: built.append("student"))
    real_get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys, *a, **k: reads.append(list(keys)) or real_get_many(keys))
    second = _page(client, classroom)
    assert built == []  # both forms' fields came from their fragments
    assert [keys for keys in reads if summaries.GLOBAL_KEY in keys] == [reads[0]]  # with the report, not again
    mask = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
    assert mask.sub(b"", second.content) == mask.sub(b"", first.content)


def test_a_class_page_with_an_assign_form_sent_back_shows_its_errors(teacher_client, world):
    classroom, _quiz = world
    _page(teacher_client, classroom)  # the empty form's fields kept as a fragment
    draft = factories.make_quiz(n_questions=1, status="draft")
    response = teacher_client.post(reverse("quizzes:teacher_assign", args=[classroom.pk]), {"quiz": draft.pk})
    assert response.status_code == 400
    assert response.context["assign_form"].is_bound
    assert '<details class="card mt-3" open>' in response.content.decode()
    assert "is-invalid" in response.content.decode()  # its own fields, not the empty form's fragment


def test_the_content_version_read_in_a_request_is_not_kept_past_a_bump_or_the_request(world):
    classroom, _quiz = world
    summaries._request_started()  # what request_started runs (its other receivers would close the test's connection)
    try:
        cached_class_report(classroom=classroom)
        seen = summaries.content_version()
        assert seen == cache.get(summaries.GLOBAL_KEY)
        invalidation.changed(everyone=True)
        assert summaries.content_version() == cache.get(summaries.GLOBAL_KEY) != seen
    finally:
        summaries._request_finished()
    cached_class_report(classroom=classroom)  # outside a request: nothing kept
    cache.incr(summaries.GLOBAL_KEY)  # another process's bump
    assert summaries.content_version() == cache.get(summaries.GLOBAL_KEY)


def test_a_second_item_analysis_runs_no_report_query(client, teacher, world, django_assert_num_queries):
    classroom, quiz = world
    client.force_login(teacher)
    _items_page(client, classroom, quiz)
    with django_assert_num_queries(4):  # the session, the user with their role, the class, the quiz
        assert _items_page(client, classroom, quiz).status_code == 200


def test_the_cached_report_is_the_report(world, student):
    classroom, quiz = world
    factories.make_attempt(user=student, quiz=quiz, fractions=[1, 0])
    now = timezone.now()
    for _ in range(2):  # built, then read from the cache
        grid, progress = cached_class_report(classroom=classroom, now=now)
        assert grid == class_grid(classroom=classroom, now=now)
        assert progress == class_progress(classroom=classroom)
        assert cached_item_analysis(quiz=quiz, classroom=classroom) == item_analysis(quiz=quiz, classroom=classroom)


def test_a_second_item_analysis_shows_the_kept_body_without_unpickling_its_analysis(client, teacher, student, world):
    classroom, quiz = world
    factories.make_attempt(user=student, quiz=quiz, fractions=[1, 0])
    client.force_login(teacher)
    first = _items_page(client, classroom, quiz)
    second = _items_page(client, classroom, quiz)
    assert second.context["body"] == first.context["body"]  # the body kept, the same
    analysis = second.context["analysis"]
    assert analysis._wrapped is empty  # the page did not need it
    assert analysis.n_attempts == 1  # asked for, it is the analysis
    assert analysis.questions == item_analysis(quiz=quiz, classroom=classroom).questions


def test_a_pickled_value_is_unpickled_only_when_asked_for():
    value = {"rows": [1, 2, 3]}
    kept = pickle.loads(pickle.dumps(("body", summaries.Pickled(value))))[1]
    assert kept._value is summaries.Pickled._UNSET
    again = pickle.loads(pickle.dumps(kept))  # stored again as it came: the same pickle, still not unpickled
    assert again._blob == kept._blob
    assert kept.get() == value == again.get()
    assert summaries.Pickled(value).get() is value  # without the cache: the value itself


def test_a_submitted_attempt_shows_on_the_cached_reports(client, teacher, student, world):
    classroom, quiz = world
    client.force_login(teacher)
    assert _page(client, classroom).context["grid"].rows[0].cells[0].best is None
    assert _items_page(client, classroom, quiz).context["analysis"].n_attempts == 0
    factories.make_attempt(user=student, quiz=quiz, fractions=[1, 0])
    assert _page(client, classroom).context["grid"].rows[0].cells[0].best == 50
    assert _items_page(client, classroom, quiz).context["analysis"].n_attempts == 1


def test_a_student_joining_and_leaving_shows_on_the_cached_reports(client, teacher, student, other_student, world):
    classroom, quiz = world
    factories.make_attempt(user=other_student, quiz=quiz, fractions=[1, 1])
    client.force_login(teacher)
    assert len(_page(client, classroom).context["grid"].rows) == 1
    assert _items_page(client, classroom, quiz).context["analysis"].n_attempts == 0
    class_svc.classroom_join(student=other_student, code=classroom.join_code)
    assert len(_page(client, classroom).context["grid"].rows) == 2
    assert _items_page(client, classroom, quiz).context["analysis"].n_attempts == 1
    class_svc.classroom_remove_student(teacher=teacher, classroom=classroom, student=other_student)
    assert len(_page(client, classroom).context["grid"].rows) == 1
    assert _items_page(client, classroom, quiz).context["analysis"].n_attempts == 0


def test_a_rating_and_a_renamed_student_show_on_the_cached_class_page(client, teacher, student, world):
    classroom, _quiz = world
    card = factories.make_card(user=student)
    client.force_login(teacher)
    assert _page(client, classroom).context["grid"].rows[0].cards.reviews_7d == 0
    factories.make_review(student_card=card)
    assert _page(client, classroom).context["grid"].rows[0].cards.reviews_7d == 1
    student.first_name = "Renombrada"
    student.save()
    assert "Renombrada" in _page(client, classroom).content.decode()


def test_a_teachers_new_assignment_and_quiz_show_on_the_cached_class_page(client, teacher, world):
    classroom, _quiz = world
    client.force_login(teacher)
    _page(client, classroom)
    quiz = factories.make_quiz(n_questions=1, title="Cuestionario nuevo")
    page = _page(client, classroom).content.decode()
    assert page.count("Cuestionario nuevo") == 1  # in the assign form's choices, from a fresh fragment
    class_svc.assignment_create(teacher=teacher, classroom=classroom, quiz=quiz)
    assert len(_page(client, classroom).context["grid"].assignments) == 2
    Quiz.objects.filter(pk=quiz.pk).update(status=Status.DRAFT)  # an update sends no signal: the service says so
    invalidation.changed(everyone=True)
    assert "Cuestionario nuevo</option>" not in _page(client, classroom).content.decode()


def test_the_clock_moves_the_cached_grid(world, student):
    classroom, _quiz = world
    now = timezone.now()
    row = factories.make_card(user=student, due=now + timedelta(hours=1))
    factories.make_review(student_card=row, reviewed_at=now - timedelta(days=6, hours=23))
    grid, _progress = cached_class_report(classroom=classroom, now=now)
    assert grid.rows[0].cells[0].status == CellStatus.NOT_STARTED
    assert (grid.rows[0].cards.due, grid.rows[0].cards.reviews_7d) == (0, 1)
    assert grid.changes_at == now + timedelta(hours=1)
    # the card falls due
    grid, _progress = cached_class_report(classroom=classroom, now=now + timedelta(hours=1))
    assert (grid.rows[0].cards.due, grid.rows[0].cards.reviews_7d) == (1, 1)
    # the review leaves the 7-day window
    grid, _progress = cached_class_report(classroom=classroom, now=now + timedelta(hours=2))
    assert grid.rows[0].cards.reviews_7d == 0
    # the due date passes: the cell is late
    grid, _progress = cached_class_report(classroom=classroom, now=now + timedelta(days=3))
    assert grid.rows[0].cells[0].status == CellStatus.LATE


def test_the_item_analysis_is_cached_per_choice_of_attempts(world, student):
    classroom, quiz = world
    factories.make_attempt(user=student, quiz=quiz, fractions=[1, 1])
    factories.make_attempt(user=student, quiz=quiz, fractions=[0, 0])
    assert cached_item_analysis(quiz=quiz, classroom=classroom).n_attempts == 1
    assert cached_item_analysis(quiz=quiz, classroom=classroom, which=WHICH_ALL).n_attempts == 2


def test_off_without_a_shared_cache(settings, client, teacher, world, django_assert_num_queries):
    settings.SUMMARY_CACHE = False
    classroom, _quiz = world
    client.force_login(teacher)
    _page(client, classroom)
    # the session, the user with their role, the class; the grid's six queries; the assign form's quizzes
    with django_assert_num_queries(10):
        _page(client, classroom)


def test_the_kept_assignments_table_carries_each_pages_own_csrf_token(teacher, world):
    """The table of assignments is kept rendered with the report; its forms get the page's token, and they work."""
    from django.test import Client

    from quizzes.models import Assignment

    classroom, quiz = world
    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher)
    pages = [_page(client, classroom).content.decode() for _ in range(2)]  # built, then from the cache
    for page in pages:
        tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))
        assert len(tokens) == 1 and summaries_slot() not in page
        assert f"/docente/clases/{classroom.pk}/cuestionarios/{quiz.pk}/" in page  # the row, from the kept table
    assignment = Assignment.objects.get(classroom=classroom, quiz=quiz)
    delete = reverse("quizzes:teacher_assignment_delete", args=[classroom.pk, assignment.pk])
    form = re.search(
        rf'action="{delete}"[^>]*>\s*<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"', pages[1]
    )
    response = client.post(delete, {"csrfmiddlewaretoken": form.group(1)})
    assert response.status_code == 302 and not Assignment.objects.filter(pk=assignment.pk).exists()


def summaries_slot() -> str:
    from winterwar.fragments import CSRF_SLOT

    return CSRF_SLOT


def test_a_second_look_reads_the_report_and_its_students_versions_in_one_round_trip(
    client, teacher, student, world, monkeypatch
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    classroom, quiz = world
    client.force_login(teacher)
    urls = [
        reverse("quizzes:teacher_class", args=[classroom.pk]),
        reverse("quizzes:teacher_item_analysis", args=[classroom.pk, quiz.pk]),
    ]
    reads = []
    real_get_many = cache.get_many

    def get_many(keys, *args, **kwargs):
        reads.append(list(keys))
        return real_get_many(keys)

    for url in urls:
        client.get(url)
        reads.clear()
        with monkeypatch.context() as patched:
            patched.setattr(cache, "get_many", get_many)
            client.get(url)
        report_reads = [keys for keys in reads if any(key.startswith("ww:") for key in keys)]
        assert len(report_reads) == 1 and f"ww:sv:user:{student.pk}" in report_reads[0]
    invalidation.changed(user_ids=[student.pk])  # the student changed something: the entries kept are not taken
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert len(queries) > 4  # built again
