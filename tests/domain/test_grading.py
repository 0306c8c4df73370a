"""Grading is pure: every kind and every normalisation rule, case by case, without the database."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes.domain import grading
from quizzes.domain.grading import AnswerError, AnswerKey, EmptyAnswer, clean_answer, normalize_answer

# --- normalize_answer ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Unión Soviética", "union sovietica"),  # case and accents
        ("UNIÓN SOVIÉTICA", "union sovietica"),
        ("la union sovietica", "union sovietica"),  # leading article
        ("  La   Unión\tSoviética.  ", "union sovietica"),  # spacing and punctuation
        ("¡Finlandia!", "finlandia"),
        ("«Línea Mannerheim»", "linea mannerheim"),
        ("Mannerheim-Linie", "mannerheim linie"),
        ("el Istmo de Carelia", "istmo de carelia"),
        ("Los Urales", "urales"),
        ("las Tierras Altas", "tierras altas"),
        ("un tratado", "tratado"),
        ("una tregua", "tregua"),
        ("unos acuerdos", "acuerdos"),
        ("unas islas", "islas"),
        ("La", "la"),  # a lone article is kept
        ("Elena", "elena"),  # "el" inside a word is not an article
        ("Año", "ano"),  # ñ folds like an accent
        ("Maria Skłodowska", "maria sklodowska"),  # letters with no mark to strip are written plainly
        ("Søren Kierkegaard", "soren kierkegaard"),
        ("Straße", "strasse"),
        ("Petsamo y la Carelia", "petsamo y la carelia"),  # only a leading article goes
        ("", ""),
    ],
)
def test_normalize_answer(typed, expected):
    assert normalize_answer(typed) == expected


@given(st.text(max_size=60))
def test_normalize_answer_is_idempotent_except_articles(text):
    once = normalize_answer(text)
    assert normalize_answer(once) in {once, " ".join(once.split()[1:])}


# --- single choice ---------------------------------------------------------------------------------------------------


def test_single_choice():
    assert grading.grade_single_choice(correct_ids={2}, chosen=2) == 1.0
    assert grading.grade_single_choice(correct_ids={2}, chosen=3) == 0.0
    assert grading.grade_single_choice(correct_ids={2}, chosen=None) == 0.0


def test_single_choice_partial_credit_of_a_wrong_option():
    partial = ((3, 0.5), (4, 0.3333333))
    assert grading.grade_single_choice(correct_ids={2}, chosen=3, partial=partial) == 0.5
    assert grading.grade_single_choice(correct_ids={2}, chosen=4, partial=partial) == 0.3333333
    assert grading.grade_single_choice(correct_ids={2}, chosen=5, partial=partial) == 0.0
    assert grading.grade_single_choice(correct_ids={2}, chosen=2, partial=partial) == 1.0
    key = grading.AnswerKey(kind="single_choice", option_ids=(2, 3), correct_ids=frozenset({2}), partial=((3, 0.5),))
    assert grading.grade(key, {"choice": 3}) == 0.5


# --- multiple choice: Moodle's partial credit ------------------------------------------------------------------------

OPTIONS = (1, 2, 3, 4, 5)  # 1, 2 right; 3, 4, 5 wrong


@pytest.mark.parametrize(
    ("chosen", "fraction"),
    [
        ({1, 2}, 1.0),
        ({1}, 0.5),
        ({2}, 0.5),
        ({1, 2, 3}, 1 - 1 / 3),
        ({1, 3}, 0.5 - 1 / 3),
        ({1, 3, 4}, 0.0),  # 0.5 - 2/3 is clipped at zero
        ({3, 4, 5}, 0.0),  # never below zero
        ({1, 2, 3, 4, 5}, 0.0),  # ticking everything earns nothing
        (set(), 0.0),
        ({1, 2, 99}, 1.0),  # an id that is not an option is ignored (clean_answer refuses it earlier)
    ],
)
def test_multiple_choice_partial_credit(chosen, fraction):
    got = grading.grade_multiple_choice(option_ids=OPTIONS, correct_ids={1, 2}, chosen=chosen)
    assert got == pytest.approx(fraction)


# --- true/false ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("correct", "given", "fraction"), [(True, True, 1), (True, False, 0), (False, False, 1), (False, None, 0)]
)
def test_true_false(correct, given, fraction):
    assert grading.grade_true_false(correct=correct, given=given) == fraction


# --- short answer ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "fraction"),
    [
        ("Unión Soviética", 1),
        ("la union sovietica", 1),
        ("LA UNIÓN SOVIÉTICA.", 1),
        ("urss", 1),  # an accepted alternative
        ("U.R.S.S.", 1),  # an acronym typed with dots
        ("u. r. s. s", 1),
        ("U.R.S.", 0),  # not the same acronym
        ("Rusia", 0),
        ("", 0),
        ("la", 0),
    ],
)
def test_short_answer(given, fraction):
    assert grading.grade_short_answer(accepted=["Unión Soviética", "URSS"], given=given) == fraction


@pytest.mark.parametrize(
    ("given", "fraction"),
    [
        ("1939", 1),
        ("en 1939", 1),  # «¿En qué año…?» answered with the preposition the question implies
        ("año 1939", 1),
        ("el año 1939", 1),
        ("En el año 1939.", 1),
        ("durante 1939", 1),
        ("1938", 0),
        ("en 1938", 0),
        ("el año 1938", 0),
        ("antes de 1939", 0),  # a preposition that says something else
        ("hacia 1939", 0),
        ("en", 0),
        ("año", 0),
        ("1939 1940", 0),
    ],
)
def test_short_answer_without_the_words_its_question_implies(given, fraction):
    assert grading.grade_short_answer(accepted=["1939"], given=given) == fraction


@pytest.mark.parametrize(
    ("given", "accepted", "fraction"),
    [
        ("en Tarvaland", ["Tarvaland"], 1),
        ("en la Tarvaland", ["Tarvaland"], 1),
        ("a Tarvaland", ["Tarvaland"], 1),
        ("Tarvaland", ["en Tarvaland"], 1),
        ("sin Tarvaland", ["Tarvaland"], 0),
        ("en Korvia", ["Tarvaland"], 0),
        ("año Tarvaland", ["Tarvaland"], 0),  # «año» goes only before a number
        ("en marzo de 1921", ["marzo de 1921"], 1),
        ("en abril de 1921", ["marzo de 1921"], 0),
        ("EE. UU.", ["EE. UU."], 1),
        ("EE. UU.", ["EEUU"], 1),
        ("EEUU", ["EE. UU."], 1),
        ("ee uu", ["EE. UU."], 1),  # as before: spaces for the dots
        ("E.E.U.U.", ["EE. UU."], 1),
        ("en EE. UU.", ["EEUU"], 1),
        ("EE. UU.", ["UE"], 0),
        ("O.T.A.N.", ["OTAN"], 1),
        ("O.N.U.", ["OTAN"], 0),
    ],
)
def test_short_answer_reads_acronyms_with_dots_and_implied_words_of_any_answer(given, accepted, fraction):
    assert grading.grade_short_answer(accepted=accepted, given=given) == fraction


@pytest.mark.parametrize(("typed", "value"), [("en 1939", 1939), ("el año 1939", 1939), ("en el año 1938", 1938)])
def test_a_numeric_answer_may_open_with_the_words_its_question_implies(typed, value):
    key = AnswerKey(kind="numeric", numeric_value=1939)
    cleaned = clean_answer(key, {"text": [typed]})
    assert cleaned["value"] == value
    assert cleaned["text"] == typed  # stored as typed
    assert grading.grade(key, cleaned) == (value == 1939)


# --- numeric ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "given_unit", "fraction"),
    [
        (105, "", 1),
        (105, "km", 1),
        (105, "kilómetros", 1),  # a spelled-out unit
        (105, "KM", 1),
        (100, "km", 1),  # within tolerance 5
        (110, "km", 1),
        (110.5, "km", 0),
        (99, "", 0),
        (105, "m", 0),  # a wrong unit
        (None, "", 0),
        (float("nan"), "", 0),
    ],
)
def test_numeric_tolerance_and_unit(given, given_unit, fraction):
    assert grading.grade_numeric(value=105, tolerance=5, unit="km", given=given, given_unit=given_unit) == fraction


def test_numeric_exact_and_no_unit_ignores_trailing_words():
    assert grading.grade_numeric(value=1939, given=1939.0) == 1
    assert grading.grade_numeric(value=1939, given=1940.0) == 0
    assert grading.grade_numeric(value=0.3, given=0.1 + 0.2) == 1  # float noise is not an error
    assert grading.grade_numeric(value=450_000, given=450_000, given_unit="soldados") == 1


# --- ordering --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "fraction"),
    [
        ([1, 2, 3, 4], 1.0),
        ([2, 1, 3, 4], 5 / 6),  # one swapped pair of six
        ([1, 2, 4, 3], 5 / 6),
        ([4, 3, 2, 1], 0.0),
        ([2, 3, 4, 1], 3 / 6),
        ([1, 2, 3], 0.0),  # not a permutation
        ([1, 2, 3, 3], 0.0),
    ],
)
def test_ordering_share_of_pairs(given, fraction):
    assert grading.grade_ordering(correct_order=[1, 2, 3, 4], given=given) == pytest.approx(fraction)


# --- grade(): the dispatcher over stored answers ---------------------------------------------------------------------


def test_grade_dispatches_every_kind():
    assert grading.grade(AnswerKey(kind="single_choice", option_ids=(1, 2), correct_ids=frozenset({1})), {"choice": 1})
    key = AnswerKey(kind="multiple_choice", option_ids=(1, 2, 3), correct_ids=frozenset({1, 2}))
    assert grading.grade(key, {"choices": [1]}) == 0.5
    assert grading.grade(AnswerKey(kind="true_false", correct_bool=False), {"value": False}) == 1
    assert grading.grade(AnswerKey(kind="short_answer", accepted=("URSS",)), {"text": "urss"}) == 1
    key = AnswerKey(kind="numeric", numeric_value=3.5, unit="km")
    assert grading.grade(key, {"text": "3,5 km", "value": 3.5, "unit": "km"}) == 1
    assert grading.grade(
        AnswerKey(kind="ordering", option_ids=(7, 8, 9), correct_order=(7, 8, 9)), {"order": [7, 9, 8]}
    )
    assert grading.grade(AnswerKey(kind="short_answer", accepted=("x",)), None) == 0
    assert grading.grade(AnswerKey(kind="ordering", correct_order=(1, 2)), {"order": "garbage"}) == 0


# --- clean_answer: form data to a stored answer ----------------------------------------------------------------------

SINGLE = AnswerKey(kind="single_choice", option_ids=(10, 11), correct_ids=frozenset({10}))
MULTI = AnswerKey(kind="multiple_choice", option_ids=(10, 11, 12), correct_ids=frozenset({10}))
ORDER = AnswerKey(kind="ordering", option_ids=(20, 21, 22), correct_order=(20, 21, 22))


def test_clean_every_kind():
    assert clean_answer(SINGLE, {"choice": ["11"]}) == {"choice": 11}
    assert clean_answer(MULTI, {"choices": ["12", "10"]}) == {"choices": [10, 12]}
    assert clean_answer(AnswerKey(kind="true_false", correct_bool=True), {"value": ["false"]}) == {"value": False}
    assert clean_answer(AnswerKey(kind="short_answer"), {"text": ["  la  URSS "]}) == {"text": "la URSS"}
    assert clean_answer(AnswerKey(kind="numeric", numeric_value=1), {"text": ["3,5 km"]}) == {
        "text": "3,5 km",
        "value": 3.5,
        "unit": "km",
    }
    assert clean_answer(ORDER, {"pos-20": ["3"], "pos-21": ["1"], "pos-22": ["2"]}) == {"order": [21, 22, 20]}


@pytest.mark.parametrize(
    ("key", "data"),
    [
        (SINGLE, {}),
        (SINGLE, {"choice": [""]}),
        (MULTI, {"choices": []}),
        (AnswerKey(kind="true_false"), {}),
        (AnswerKey(kind="short_answer"), {"text": ["   "]}),
        (AnswerKey(kind="numeric"), {"text": [""]}),
        (ORDER, {}),
    ],
)
def test_clean_empty(key, data):
    with pytest.raises(EmptyAnswer):
        clean_answer(key, data)


@pytest.mark.parametrize(
    ("key", "data", "code"),
    [
        (SINGLE, {"choice": ["999"]}, "foreign_option"),  # an option of another question
        (SINGLE, {"choice": ["abc"]}, "foreign_option"),
        (SINGLE, {"choice": ["9" * 40]}, "foreign_option"),
        (MULTI, {"choices": ["10", "999"]}, "foreign_option"),
        (AnswerKey(kind="true_false"), {"value": ["quizás"]}, "invalid_bool"),
        (AnswerKey(kind="numeric"), {"text": ["mucho"]}, "not_a_number"),
        (AnswerKey(kind="short_answer"), {"text": ["x" * 100_000]}, "too_long"),
        (AnswerKey(kind="numeric"), {"text": ["1" * 100_000]}, "too_long"),
        (ORDER, {"pos-20": ["1"], "pos-21": ["1"], "pos-22": ["2"]}, "repeated_position"),
        (ORDER, {"pos-20": ["1"], "pos-21": ["2"]}, "repeated_position"),
        (ORDER, {"pos-20": ["9"], "pos-21": ["1"], "pos-22": ["2"]}, "bad_position"),
        (ORDER, {"pos-20": ["1"], "pos-21": ["2"], "pos-22": ["3"], "pos-99": ["1"]}, "foreign_option"),
    ],
)
def test_clean_refuses_bad_input(key, data, code):
    with pytest.raises(AnswerError) as info:
        clean_answer(key, data)
    assert info.value.code == code
    assert not isinstance(info.value, EmptyAnswer)


# --- the quiz grade over attempts ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "expected"), [("highest", 90), ("last", 60), ("first", 40), ("average", (40 + 90 + 60) / 3)]
)
def test_quiz_grade_methods(method, expected):
    assert grading.quiz_grade([40, 90, 60], method) == pytest.approx(expected)


def test_quiz_grade_without_attempts():
    assert grading.quiz_grade([], "highest") is None


def test_clean_reads_every_value_of_a_querydict():
    from django.http import QueryDict

    data = QueryDict("choices=10&choices=12")
    assert clean_answer(MULTI, data) == {"choices": [10, 12]}


@given(
    st.sampled_from(
        [SINGLE, MULTI, ORDER, AnswerKey(kind="true_false"), AnswerKey(kind="short_answer"), AnswerKey(kind="numeric")]
    ),
    st.dictionaries(
        st.sampled_from(["choice", "choices", "value", "text", "pos-20", "pos-21", "pos-22", "pos-x", "pos-²"]),
        st.lists(st.text(max_size=20), max_size=4),
        max_size=5,
    ),
)
def test_clean_answer_never_fails_other_than_with_an_answer_error(key, data):
    try:
        answer = clean_answer(key, data)
    except AnswerError:
        return
    assert 0 <= grading.grade(key, answer) <= 1
