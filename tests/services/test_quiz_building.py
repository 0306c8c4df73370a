"""A quiz built from a document: one item per sentence, none giving another away, kinds and difficulty, ownership."""

import random

import pytest

from quizzes.models import Attempt, QuestionKind, Quiz, Status
from quizzes.services import attempts as attempt_services
from quizzes.services.errors import Code, ServiceError
from quizzes.services.quiz_building import quiz_build_from_document
from tests import factories

pytestmark = pytest.mark.django_db


def make_bank(owner=None):
    """A document whose questions clash in pairs: two of sentence 1, and one whose prompt states another's answer."""
    document = factories.make_document(created_by=owner, text="Uno. Dos. Tres. Cuatro. Cinco.")
    s = [factories.make_sentence(document=document, index=i, text=f"Oración {i}.") for i in range(5)]
    q = {
        "cloze": factories.make_question(
            kind=QuestionKind.SHORT_ANSWER,
            prompt="_____ invadió Finlandia en 1939.",
            accepted=["la Unión Soviética"],
            document=document,
            sentence=s[0],
            quality=0.9,
        ),
        "statement": factories.make_question(
            kind=QuestionKind.TRUE_FALSE,
            prompt="La Unión Soviética invadió Finlandia en 1939.",
            document=document,
            sentence=s[0],
            quality=0.8,
        ),
        "number": factories.make_question(
            kind=QuestionKind.NUMERIC,
            prompt="¿Cuántos soldados movilizó Finlandia?",
            numeric_value=300000,
            document=document,
            sentence=s[1],
            quality=0.9,
        ),
        "says_number": factories.make_question(
            prompt="Con 300.000 soldados resistió _____.",
            choices=[("Mannerheim", True), ("Stalin", False), ("Molotov", False)],
            document=document,
            sentence=s[2],
            quality=0.5,
        ),
        "capital": factories.make_question(
            prompt="La capital de Finlandia es _____.",
            choices=[("Helsinki", True), ("Turku", False), ("Oulu", False)],
            document=document,
            sentence=s[3],
            quality=0.7,
        ),
        "draft": factories.make_question(
            prompt="Un borrador: _____.", status=Status.DRAFT, document=document, sentence=s[4], quality=1.0
        ),
    }
    return document, q


def test_a_built_quiz_is_a_draft_with_one_item_per_sentence_and_none_giving_another_away(teacher):
    document, q = make_bank(owner=teacher)
    result = quiz_build_from_document(user=teacher, document=document, size=10)
    quiz = result.quiz
    picked = [item.question_id for item in quiz.items.order_by("position")]
    assert (quiz.status, quiz.created_by, quiz.document) == (Status.DRAFT, teacher, document)
    assert len(picked) == 3 == result.chosen < result.wanted == 10
    assert len({q["cloze"].pk, q["statement"].pk} & set(picked)) == 1  # one of sentence 1
    assert len({q["number"].pk, q["says_number"].pk} & set(picked)) == 1  # «300.000» in a prompt states the answer
    assert q["capital"].pk in picked and q["draft"].pk not in picked
    assert [i.position for i in quiz.items.order_by("position")] == [1, 2, 3]
    assert quiz.title == f"{document.title}: 3 preguntas"


def test_kinds_and_difficulty_choose_what_is_taken(teacher):
    document, q = make_bank(owner=teacher)
    only_numeric = quiz_build_from_document(user=teacher, document=document, size=5, kinds=["numeric"]).quiz
    assert list(only_numeric.questions.all()) == [q["number"]]
    hard = quiz_build_from_document(user=teacher, document=document, size=5, difficulty="hard").quiz
    assert {x.kind for x in hard.questions.all()} <= {QuestionKind.SHORT_ANSWER, QuestionKind.NUMERIC}
    easy = quiz_build_from_document(user=teacher, document=document, size=5, difficulty="easy").quiz
    assert {x.kind for x in easy.questions.all()} <= {QuestionKind.TRUE_FALSE, QuestionKind.SINGLE_CHOICE}


def test_a_shared_document_may_be_used_but_not_another_teachers(teacher, other_teacher):
    shared, _q = make_bank(owner=None)
    assert quiz_build_from_document(user=teacher, document=shared, size=2).chosen == 2
    theirs, _q = make_bank(owner=other_teacher)
    with pytest.raises(ServiceError) as error:
        quiz_build_from_document(user=teacher, document=theirs, size=2)
    assert error.value.code == Code.BUILD_DOCUMENT_NOT_YOURS


@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        ({"size": 0}, Code.BUILD_SIZE_INVALID),
        ({"size": 10_000}, Code.BUILD_SIZE_INVALID),
        ({"size": 3, "kinds": ["essay"]}, Code.BUILD_KIND_INVALID),
        ({"size": 3, "difficulty": "imposible"}, Code.BUILD_DIFFICULTY_INVALID),
        ({"size": 3, "per_attempt": 4}, Code.BUILD_PER_ATTEMPT_INVALID),
        ({"size": 3, "kinds": ["ordering"]}, Code.BUILD_NOTHING_FITS),
        ({"size": 3, "document": None}, Code.BUILD_DOCUMENT_NOT_YOURS),
    ],
)
def test_refused_input_builds_nothing(teacher, arguments, code):
    document, _q = make_bank(owner=teacher)
    with pytest.raises(ServiceError) as error:
        quiz_build_from_document(user=teacher, **{"document": document, **arguments})
    assert error.value.code == code
    assert not Quiz.objects.exists()


def test_the_same_form_sent_twice_builds_one_quiz(teacher):
    document, _q = make_bank(owner=teacher)
    first = quiz_build_from_document(user=teacher, document=document, size=3, once_key="abc")
    again = quiz_build_from_document(user=teacher, document=document, size=3, once_key="abc")
    assert (again.quiz, again.repeated, Quiz.objects.count()) == (first.quiz, True, 1)
    second = quiz_build_from_document(user=teacher, document=document, size=3, once_key="other").quiz
    assert second != first.quiz
    assert second.title == f"{first.quiz.title} (2)"  # quiz titles are unique


def test_a_title_already_taken_is_a_clear_error(teacher):
    document, _q = make_bank(owner=teacher)
    factories.make_quiz(title="Repaso")
    with pytest.raises(ServiceError) as error:
        quiz_build_from_document(user=teacher, document=document, size=3, title="Repaso")
    assert error.value.code == Code.BUILD_TITLE_TAKEN


def test_a_pool_draws_per_attempt_by_the_same_rules(teacher):
    """Questions per attempt are drawn at random, but never two of one sentence nor one stating another's answer."""
    document, q = make_bank(owner=teacher)
    pool = [q["cloze"], q["statement"], q["number"], q["says_number"], q["capital"]]
    quiz = factories.make_quiz(questions=pool, questions_per_attempt=3, document=document)
    drawn = set()
    for seed in range(12):
        student = factories.make_student()
        attempt = attempt_services.attempt_start(user=student, quiz=quiz, rng=random.Random(seed))
        ids = set(attempt.responses.values_list("question_id", flat=True))
        assert len(ids) == 3
        assert not {q["cloze"].pk, q["statement"].pk} <= ids
        assert not {q["number"].pk, q["says_number"].pk} <= ids
        drawn.add(frozenset(ids))
    assert len(drawn) > 1
    assert Attempt.objects.count() == 12


def test_a_built_pool_sets_the_questions_per_attempt(teacher):
    document, _q = make_bank(owner=teacher)
    quiz = quiz_build_from_document(user=teacher, document=document, size=3, per_attempt=2).quiz
    assert (quiz.questions_per_attempt, quiz.shuffle_questions) == (2, True)
