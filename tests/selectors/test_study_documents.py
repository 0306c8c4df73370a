"""study_document_ids() runs study_documents() as one precompiled SQL statement: both must always agree."""

import pytest

from quizzes.models import Assignment, User
from quizzes.selectors import cards as sel
from tests import factories

pytestmark = pytest.mark.django_db


def _agree(user) -> set[int]:
    fresh = User.objects.get(pk=user.pk)  # the ids are memoised on the user object
    ids = sel.study_document_ids(user=fresh)
    assert len(ids) == len(set(ids))
    assert set(ids) == set(sel.study_documents(user=user).values_list("pk", flat=True))
    return set(ids)


def test_no_class_and_no_documents(student):
    assert _agree(student) == set()


def test_no_class_gives_every_published_document(student):
    published = factories.make_document()
    factories.make_document(is_published=False)
    assert _agree(student) == {published.pk}


def test_assignments_give_the_quiz_and_question_documents_once(student, other_student):
    used, by_question, unused = (factories.make_document() for _ in range(3))
    hidden = factories.make_document(is_published=False)
    questions = [factories.make_question(document=by_question) for _ in range(3)]
    questions.append(factories.make_question(document=hidden))
    questions.append(factories.make_question(document=None))
    quiz = factories.make_quiz(document=used, questions=questions)
    quiz_without_document = factories.make_quiz(questions=[factories.make_question(document=by_question)])
    classroom = factories.make_classroom(students=[student])
    Assignment.objects.create(classroom=classroom, quiz=quiz)
    Assignment.objects.create(classroom=classroom, quiz=quiz_without_document)
    second = factories.make_classroom(students=[student])
    Assignment.objects.create(classroom=second, quiz=quiz)
    assert _agree(student) == {used.pk, by_question.pk}
    assert _agree(other_student) == {used.pk, by_question.pk, unused.pk}


def test_archived_classes_and_unpublished_assigned_documents_fall_back_to_all_published(student):
    published = factories.make_document()
    hidden = factories.make_document(is_published=False)
    archived = factories.make_classroom(students=[student], is_archived=True)
    Assignment.objects.create(classroom=archived, quiz=factories.make_quiz(document=published))
    assert _agree(student) == {published.pk}
    active = factories.make_classroom(students=[student])
    Assignment.objects.create(classroom=active, quiz=factories.make_quiz(document=hidden))
    assert _agree(student) == {published.pk}


def test_one_query_memoised_per_user_object(student, django_assert_num_queries):
    factories.make_document()
    with django_assert_num_queries(1):
        sel.study_document_ids(user=student)
        sel.study_document_ids(user=student)
