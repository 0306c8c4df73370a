"""Cached per-user summaries (quizzes/selectors/summaries.py): a hit saves the queries, a change is never hidden.

The suite runs with the cache on (winterwar/settings_test.py); each test here first fills the cache by reading a
page, then changes something the way the app does (an answer, a rating, an enrolment, a teacher's edit, the clock)
and checks the next read shows it.
"""

from datetime import timedelta
from unittest.mock import patch

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from quizzes.models import CardState, StudentCard
from quizzes.selectors import summaries
from quizzes.selectors.availability import quiz_availability
from quizzes.selectors.cards import cached_queue
from quizzes.selectors.quizzes import cached_student_home
from quizzes.services import attempts as attempt_svc
from quizzes.services import cards as card_svc
from quizzes.services import classes as class_svc
from quizzes.services import invalidation
from tests import factories

pytestmark = pytest.mark.django_db

HOME = reverse("quizzes:home")
REVIEW = reverse("quizzes:cards_review")


def _started_card(user, *, due, document=None):
    return factories.make_student_card(
        user=user,
        card=factories.make_flashcard(document=document),
        due=due,
        state=CardState.REVIEW,
        stability=5.0,
        difficulty=5.0,
        last_review=due - timedelta(days=5),
    )


def test_a_second_home_page_runs_no_summary_query(student_client, student, django_assert_max_num_queries):
    classroom = factories.make_classroom(students=[student])
    factories.make_assignment(classroom=classroom, quiz=factories.make_quiz(n_questions=2))
    _started_card(student, due=timezone.now() - timedelta(hours=1))
    student_client.get(HOME)
    with django_assert_max_num_queries(2):  # the session and the user; nothing for the page itself
        assert student_client.get(HOME).status_code == 200


def test_a_second_home_page_shows_the_kept_body_without_unpickling_its_data(student_client, student):
    from django.utils.functional import empty

    classroom = factories.make_classroom(students=[student])
    factories.make_assignment(classroom=classroom, quiz=factories.make_quiz(n_questions=2, title="Tarea kept"))
    first = student_client.get(HOME)
    second = student_client.get(HOME)
    assert second.context["body"] == first.context["body"] and "Tarea kept" in second.context["body"]
    home = second.context["home"]
    assert home._wrapped is empty  # the page did not need it
    assert [a.quiz.title for a in home.assignments] == ["Tarea kept"]  # asked for, it is the home's data


def test_a_second_review_page_runs_no_queue_query(student_client, student, django_assert_max_num_queries):
    _started_card(student, due=timezone.now() - timedelta(hours=1))
    student_client.get(REVIEW)
    with django_assert_max_num_queries(2):  # the session and the user: no sync, counts or next card
        response = student_client.get(REVIEW)
    assert response.context["counts"].due == 1


def test_a_second_review_page_reads_its_two_summaries_in_one_round_trip(student_client, student, monkeypatch):
    _started_card(student, due=timezone.now() - timedelta(hours=1))
    first = student_client.get(REVIEW)
    reads = []
    real_get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys, *a, **k: reads.append(list(keys)) or real_get_many(keys))
    second = student_client.get(REVIEW)
    summary_reads = [keys for keys in reads if any(key.startswith("ww:") for key in keys)]
    assert len(summary_reads) == 1
    assert {f"ww:sum:cards-sync:{student.pk}", f"ww:sum:queue:{student.pk}"} <= set(summary_reads[0])
    assert second.context["counts"] == first.context["counts"]
    assert second.context["row"].pk == first.context["row"].pk


def test_a_prefetched_summary_is_read_afresh_after_a_bump_or_another_ones_build(student):
    now = timezone.now()
    built = []

    def read(name, on_build=lambda: None):
        def build():
            built.append(name)
            on_build()
            return name

        return summaries.cached(name, user_id=student.pk, now=now, build=build, until=lambda _v: None)

    read("a"), read("b")  # both kept
    with summaries.prefetched(["a", "b"], user_id=student.pk):  # both hits, from one read
        assert (read("a"), read("b")) == ("a", "b")
    assert built == ["a", "b"]
    with summaries.prefetched(["a", "b"], user_id=student.pk):
        invalidation.changed(user_ids=[student.pk])  # a change after the read: what it read is stale
        read("a"), read("b")
    assert built == ["a", "b", "a", "b"]
    cache.delete(f"ww:sum:a:{student.pk}")
    with summaries.prefetched(["a", "b"], user_id=student.pk):
        # "a" is built, and its build drops "b" (as a build that writes bumps a version): "b" is read afresh
        read("a", on_build=lambda: cache.delete(f"ww:sum:b:{student.pk}"))
        read("b")
    assert built == ["a", "b", "a", "b", "a", "b"]


def test_a_prefetched_content_entry_is_taken_once_and_read_afresh_after_a_bump(student):
    built = []

    def read(key):
        return summaries.cached_content("thing", key, lambda: built.append(key) or f"value {key}")

    read(1), read(2)  # both kept
    reads = []
    real_get_many = cache.get_many
    with patch.object(cache, "get_many", lambda keys, *a, **k: reads.append(list(keys)) or real_get_many(keys)):
        with summaries.prefetched([], user_id=student.pk, content=[("thing", 1), ("thing", 2)]):
            assert (read(1), read(2), read(1)) == ("value 1", "value 2", "value 1")  # the second read of 1 is afresh
        assert len(reads) == 2 and built == [1, 2]
        with summaries.prefetched([], user_id=student.pk, content=[("thing", 1)]):
            invalidation.changed(everyone=True)  # a teacher's change after the read: what it read is stale
            assert read(1) == "value 1"
        assert built == [1, 2, 1]


def test_rating_a_card_updates_the_home_panel_and_the_queue(student_client, student):
    row = _started_card(student, due=timezone.now() - timedelta(hours=1))
    assert student_client.get(HOME).context["home"].cards.due == 1
    assert student_client.get(REVIEW).context["counts"].due == 1
    response = student_client.post(REVIEW, {"card": row.pk, "rating": 3, "token": "t" * 32, "reps": row.reps})
    assert response.status_code == 302
    assert student_client.get(HOME).context["home"].cards.due == 0
    assert student_client.get(REVIEW).context["counts"].due == 0


def test_a_wrong_quiz_answer_makes_its_card_due_on_the_cached_home(student_client, student):
    document = factories.make_document()
    fact = factories.make_fact(document=document)
    card = factories.make_flashcard(document=document, fact=fact)
    factories.make_student_card(
        user=student, card=card, due=timezone.now() + timedelta(days=9), state=CardState.REVIEW, stability=9.0,
        difficulty=5.0, last_review=timezone.now() - timedelta(days=1),
    )  # fmt: skip
    assert student_client.get(HOME).context["home"].cards.due == 0
    card_svc.card_record_quiz_answer(user=student, fact=fact.pk, correct=False, now=timezone.now())
    assert student_client.get(HOME).context["home"].cards.due == 1


def test_submitting_an_attempt_shows_its_score_on_the_cached_home(student_client, student):
    quiz = factories.make_quiz(n_questions=2)
    attempt = attempt_svc.attempt_start(user=student, quiz=quiz)
    (row,) = [q for q in student_client.get(HOME).context["home"].quizzes if q.quiz.pk == quiz.pk]
    assert row.open_attempt_id == attempt.pk and row.best is None
    attempt_svc.attempt_submit(user=student, attempt_id=attempt.pk)
    (row,) = [q for q in student_client.get(HOME).context["home"].quizzes if q.quiz.pk == quiz.pk]
    assert row.open_attempt_id is None and row.n_finished == 1


def test_joining_and_leaving_a_class_show_on_the_cached_home(student_client, student, teacher):
    classroom = factories.make_classroom(teachers=[teacher])
    factories.make_assignment(classroom=classroom, quiz=factories.make_quiz(n_questions=1))
    assert student_client.get(HOME).context["home"].classrooms == []
    class_svc.classroom_join(student=student, code=classroom.join_code)
    home = student_client.get(HOME).context["home"]
    assert home.classrooms == [classroom] and len(home.assignments) == 1
    class_svc.classroom_remove_student(teacher=teacher, classroom=classroom, student=student)
    home = student_client.get(HOME).context["home"]
    assert home.classrooms == [] and home.assignments == []


def test_a_teachers_assignment_and_a_new_card_reach_every_cached_home(student_client, student):
    classroom = factories.make_classroom(students=[student])
    document = factories.make_document()
    quiz = factories.make_quiz(n_questions=1, document=document)
    assert student_client.get(HOME).context["home"].assignments == []
    factories.make_assignment(classroom=classroom, quiz=quiz)
    assert len(student_client.get(HOME).context["home"].assignments) == 1
    new_before = student_client.get(HOME).context["home"].cards.new
    factories.make_flashcard(document=document)
    assert student_client.get(HOME).context["home"].cards.new == new_before + 1


def test_a_quiz_closed_in_bulk_by_an_update_is_seen_after_changed(student):
    quiz = factories.make_quiz(n_questions=1)
    now = timezone.now()
    assert quiz.pk in [q.quiz.pk for q in cached_student_home(user=student, now=now).quizzes]
    type(quiz).objects.filter(pk=quiz.pk).update(status="draft")  # no signal: the writer calls changed()
    assert quiz.pk in [q.quiz.pk for q in cached_student_home(user=student, now=now).quizzes]  # still cached
    invalidation.changed(everyone=True)
    assert quiz.pk not in [q.quiz.pk for q in cached_student_home(user=student, now=now).quizzes]


def test_a_card_falling_due_later_is_counted_once_its_time_comes(student):
    now = timezone.now()
    _started_card(student, due=now + timedelta(hours=3))
    assert cached_queue(user=student, now=now).counts.due == 0
    assert cached_student_home(user=student, now=now).cards.due == 0
    later = now + timedelta(hours=3, seconds=1)
    assert cached_queue(user=student, now=later).counts.due == 1
    assert cached_student_home(user=student, now=later).cards.due == 1


def test_a_quiz_opening_later_appears_once_it_opens(student):
    now = timezone.now()
    quiz = factories.make_quiz(n_questions=1, opens_at=now + timedelta(minutes=5))
    assert quiz.pk not in [q.quiz.pk for q in cached_student_home(user=student, now=now).quizzes]
    later = now + timedelta(minutes=5, seconds=1)
    assert quiz.pk in [q.quiz.pk for q in cached_student_home(user=student, now=later).quizzes]


def test_a_new_day_resets_todays_reviews(student):
    now = timezone.now()
    row = _started_card(student, due=now - timedelta(hours=1))
    factories.make_review(student_card=row, reviewed_at=now)
    assert cached_queue(user=student, now=now).counts.reviewed_today == 1
    assert cached_queue(user=student, now=now + timedelta(days=1)).counts.reviewed_today == 0


def test_an_entry_is_not_read_before_the_time_it_was_built_for(student):
    now = timezone.now()
    _started_card(student, due=now - timedelta(minutes=30))
    assert cached_queue(user=student, now=now).counts.due == 1
    assert cached_queue(user=student, now=now - timedelta(hours=1)).counts.due == 0


def test_the_versions_are_bumped_again_when_the_transaction_commits(student):
    """A reader that built a summary from the data before the commit cannot keep it: the commit bumps again."""
    now = timezone.now()
    document = factories.make_document()
    before = cached_queue(user=student, now=now)
    assert before.counts.due == 0
    _started_card(student, due=now - timedelta(hours=1), document=document)
    # A concurrent reader saw the versions after the first bump but the rows of before the commit.
    summaries.cached("queue", user_id=student.pk, now=now, build=lambda: before, until=lambda _queue: None)
    assert cached_queue(user=student, now=now).counts.due == 0
    at_commit = [func for _sids, func, *_robust in connection.run_on_commit if getattr(func, "summaries", None)]
    assert at_commit  # (the test's transaction never commits: run them as the commit would)
    for func in at_commit:
        func()
    assert cached_queue(user=student, now=now).counts.due == 1


def test_one_bump_at_commit_per_set_of_users(student, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        row = _started_card(student, due=timezone.now())
        factories.make_review(student_card=row)
        invalidation.changed(user_ids=[student.pk])
    assert len([f for f in callbacks if getattr(f, "summaries", None) == (False, (student.pk,), ())]) <= 1


def test_a_new_card_of_a_studied_document_is_synced_on_the_next_review_page(student_client, student):
    document = factories.make_document()
    student_client.get(REVIEW)
    card = factories.make_flashcard(document=document)
    student_client.get(REVIEW)
    assert StudentCard.objects.filter(user=student, card=card).exists()


def test_off_without_a_shared_cache(settings, student, django_assert_num_queries):
    settings.SUMMARY_CACHE = False
    now = timezone.now()
    _started_card(student, due=now - timedelta(hours=1))
    cached_queue(user=student, now=now)
    assert cache.get(summaries._entry_key("queue", student.pk)) is None
    with django_assert_num_queries(3):  # clock, counts, next card (the documents are memoised on the user)
        cached_queue(user=student, now=now)


def test_a_quizs_availability_is_cached_until_its_assignment_changes(student, django_assert_num_queries):
    quiz = factories.make_quiz(n_questions=1)
    assignment = factories.make_assignment(classroom=factories.make_classroom(students=[student]), quiz=quiz)
    assert quiz_availability(quiz=quiz, user=student).closes_at is None
    with django_assert_num_queries(0):
        assert quiz_availability(quiz=quiz, user=student.pk).assigned
    assignment.closes_at = timezone.now() + timedelta(minutes=1)
    assignment.save()  # a teacher closes it early: the next question page or answer reads the new close time
    assert quiz_availability(quiz=quiz, user=student).closes_at == assignment.closes_at


PROGRESS = reverse("quizzes:progress")


def test_a_second_progress_page_runs_no_query_of_its_own(student_client, student, django_assert_max_num_queries):
    quiz = factories.make_quiz(n_questions=1)
    attempt_svc.attempt_submit(user=student, attempt_id=attempt_svc.attempt_start(user=student, quiz=quiz).pk)
    student_client.get(PROGRESS)
    with django_assert_max_num_queries(2):  # the session and the user: the body is rendered from the cache
        assert student_client.get(PROGRESS).status_code == 200


def test_a_submitted_attempt_and_a_renamed_quiz_show_on_the_cached_progress_page(student_client, student):
    quiz = factories.make_quiz(n_questions=1, title="Primer cuestionario")
    assert "Primer cuestionario" not in student_client.get(PROGRESS).content.decode()
    attempt_svc.attempt_submit(user=student, attempt_id=attempt_svc.attempt_start(user=student, quiz=quiz).pk)
    assert "Primer cuestionario" in student_client.get(PROGRESS).content.decode()
    quiz.title = "Cuestionario renombrado"
    quiz.save()
    assert "Cuestionario renombrado" in student_client.get(PROGRESS).content.decode()


def test_the_cached_progress_page_is_kept_per_language(student_client, student):
    assert "Mi progreso" in student_client.get(PROGRESS).content.decode()
    page = student_client.get(PROGRESS, headers={"accept-language": "en"}).content.decode()
    assert "My progress" in page and "Todavía no ha hecho" not in page


def test_the_cached_home_body_holds_until_the_minutes_left_to_the_next_card_change(student):
    """Nothing due and a card due in 90.5 s: «dentro de 1 minuto» holds for 30.5 s, then the body is rendered again."""
    # (at local noon: the next local midnight ends the cache too, and a run at 23:59:40 crossed it after 30 s)
    now = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    _started_card(student, due=now + timedelta(seconds=90.5))
    rendered = []

    def present(home):
        rendered.append(home)
        return len(rendered)

    def body(at):
        return cached_student_home(user=student, now=at, present=present, variant=":test")

    assert body(now) == 1
    assert body(now + timedelta(seconds=30)) == 1
    assert body(now + timedelta(seconds=31)) == 2
    assert rendered[0].cards.total == 0 and rendered[0].cards.next_due_at is not None


@pytest.fixture
def bumps(monkeypatch):
    """Every bump of the versions made (each is one Redis round trip in production)."""
    made = []
    real = summaries.bump

    def counting(**kwargs):
        made.append(kwargs)
        real(**kwargs)

    monkeypatch.setattr(summaries, "bump", counting)
    return made


def test_a_rating_bumps_the_students_version_once_when_it_commits(student, bumps, django_capture_on_commit_callbacks):
    now = timezone.now()
    row = _started_card(student, due=now - timedelta(hours=1))
    assert cached_queue(user=student, now=now).counts.due == 1
    bumps.clear()
    with django_capture_on_commit_callbacks(execute=True):
        # The card's state saved and the review logged: two changes of the student's rows, in one transaction.
        card_svc.card_review(user=student, student_card_id=row.pk, rating=3, token="t" * 32, duration_ms=900, now=now)
        assert bumps == []  # nothing read the summaries in between: nothing to bump before the commit
    assert bumps == [{"user_ids": [student.pk], "everyone": False, "class_ids": []}]
    assert cached_queue(user=student, now=now).counts.due == 0  # and the next read sees the rating


def test_a_summary_read_after_a_change_in_the_same_transaction_is_not_the_one_of_before(student, bumps):
    now = timezone.now()
    document = factories.make_document()
    assert cached_queue(user=student, now=now).counts.due == 0
    bumps.clear()  # (the test's own set-up left the student's creation pending: the read bumped it)
    with transaction.atomic():
        _started_card(student, due=now - timedelta(hours=1), document=document)
        _started_card(student, due=now - timedelta(hours=2), document=document)
        assert len(bumps) == 0
        assert cached_queue(user=student, now=now).counts.due == 2  # the read bumped first: one round trip
        assert len(bumps) == 1
        assert cached_queue(user=student, now=now).counts.due == 2  # nothing changed since: no bump
        assert len(bumps) == 1
        _started_card(student, due=now - timedelta(hours=3), document=document)  # changed again after the read
        assert cached_queue(user=student, now=now).counts.due == 3
        assert len(bumps) == 2


def test_a_change_rolled_back_bumps_nothing(student, bumps):
    now = timezone.now()
    document = factories.make_document()
    assert cached_queue(user=student, now=now).counts.due == 0
    bumps.clear()
    with pytest.raises(RuntimeError), transaction.atomic():
        _started_card(student, due=now - timedelta(hours=1), document=document)
        raise RuntimeError
    assert bumps == []
    assert cached_queue(user=student, now=now).counts.due == 0


def test_pending_changes_of_several_sets_are_bumped_in_one_round_trip(student, other_student, bumps):
    with transaction.atomic():
        invalidation.changed(user_ids=[student.pk])
        invalidation.changed(user_ids=[other_student.pk], class_ids=[7])
        cached_queue(user=student, now=timezone.now())
    assert len(bumps) == 1
    assert set(bumps[0]["user_ids"]) == {student.pk, other_student.pk} and set(bumps[0]["class_ids"]) == {7}
