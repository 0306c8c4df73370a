"""Round 11: more real questions (a date inside the clause, «En el 49 a. C.», the year of every «¿Cuándo…?» fact) and
a publication that prefers them (a bonus over a cloze, none for a typed «¿Quién…?»)."""

import pytest

from quizzes.generation.model import Fact, Question
from quizzes.generation.ranking import WH_BONUS, _year_questions, item_score
from quizzes.generation.wh import MARK, wh_prompt


def date_fact(sentence, answer, subtype="year"):
    i = sentence.index(answer)
    value = {"year": 1}
    return Fact("k", "date", subtype, 0, sentence, answer, i, i + len(answer), i, i + len(answer), value=value)


YEAR_FACT = Fact("k", "date", "year", 0, "s", "a", 0, 1, 0, 1, value={"year": 1})


def ask(sentence, answer, subtype="year"):
    return wh_prompt(date_fact(sentence, answer, subtype), sentence.replace(answer, MARK), None)


@pytest.mark.parametrize(
    ("sentence", "answer", "question"),
    [
        # The date of the main verb, inside the clause: it goes, the rest keeps its order.
        (
            "Los dos reinos firmaron en 1529 un tratado de paz.",
            "1529",
            "¿En qué año firmaron los dos reinos un tratado de paz?",
        ),
        (
            "La vieja muralla cayó el 3 de mayo de 1612 ante las tropas del duque.",
            "3 de mayo de 1612",
            "¿Cuándo cayó la vieja muralla ante las tropas del duque?",
        ),
        # «En el 49 a. C., …» opens the clause as «En 1519, …» does.
        (
            "En el 49 a. C. el cónsul cruzó el río con sus legiones.",
            "49 a. C.",
            "¿En qué año antes de Cristo cruzó el cónsul el río con sus legiones?",
        ),
    ],
)
def test_a_date_of_the_main_verb_is_asked_wherever_it_stands(sentence, answer, question):
    subtype = "day" if " de " in answer else "year"
    assert ask(sentence, answer, subtype) == question


def test_a_year_before_christ_is_asked_with_its_era():
    # The fact's answer is the bare figure; its value says the era («En el 221 a. C.»): the question must say it,
    # or «¿En qué año tomó el general el mando?» reads as a year of our era.
    sentence = "En el 221 a. C. el joven general tomó el mando del ejército."
    fact = date_fact(sentence, "221")
    fact.value = {"year": -221}
    stem = sentence.replace("221 a. C.", MARK)
    assert wh_prompt(fact, stem, None) == "¿En qué año antes de Cristo tomó el joven general el mando del ejército?"
    ours = "En 1221 el joven general tomó el mando del ejército."
    fact = date_fact(ours, "1221")
    fact.value = {"year": 1221}
    assert (
        wh_prompt(fact, ours.replace("1221", MARK), None) == "¿En qué año tomó el joven general el mando del ejército?"
    )


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        # the date of a noun: the question would date the main verb with the noun's year
        ("Tras la derrota de la flota en 1588 el rey reorganizó la armada.", "1588"),
        # the date of a relative clause or a participle, not of the main verb
        ("El obispo, que llegó en 1520 a la corte, fundó un colegio.", "1520"),
        ("La abadía, fundada en 1102 por los monjes, guarda un códice.", "1102"),
        # set off by commas: an aside the question cannot drop without a trace
        ("La ciudad resistió, en 1640, un asedio de seis meses.", "1640"),
        # two verbs: which one does the date tell?
        ("Los colonos llegaron en 1620 y fundaron una aldea junto al río.", "1620"),
    ],
)
def test_a_date_inside_the_clause_that_is_not_the_main_verb_s_stays_a_cloze(sentence, answer):
    assert ask(sentence, answer) == ""


def question(kind, prompt, key="q", facts=("f",), **kw):
    return Question(key, kind, prompt, list(facts), ["x"], [], "", [0], **kw)


def test_a_real_question_outranks_a_cloze_of_the_same_importance():
    cloze = question("single_choice", "En _____, el rey firmó el tratado.")
    real = question("numeric", "¿En qué año firmó el rey el tratado?")
    assert item_score(real, 1.0) > item_score(cloze, 1.0)
    assert item_score(real, 1.0) == pytest.approx(0.9 + WH_BONUS)


def test_a_typed_who_question_keeps_the_weight_of_its_kind():
    # held-out: typed «¿Quién…?» items 2 of 8 usable; a choice «¿Quién…?» keeps the bonus (6 of 7).
    typed = question("short_answer", "¿Quién firmó el tratado con el rey?")
    cloze = question("short_answer", "_____ firmó el tratado con el rey.")
    chosen = question("single_choice", "¿Quién firmó el tratado con el rey?")
    assert item_score(typed, 1.0) == item_score(cloze, 1.0)
    assert item_score(chosen, 1.0) == pytest.approx(1.0 + WH_BONUS)
    assert item_score(question("short_answer", "¿Qué país firmó el tratado con el rey?"), 1.0) > item_score(cloze, 1.0)


def test_every_published_year_item_takes_its_when_question_s_words():
    number = question(
        "numeric",
        "El 3 de mayo de _____, la muralla cayó. (Escriba el año.)",
        key="n",
        numeric={"value": 1612.0, "tolerance": 0.0, "unit": "año"},
    )
    when = question("single_choice", "¿Cuándo cayó la muralla?", key="w")
    _year_questions([number, when], {"n"})
    assert number.prompt == "¿En qué año cayó la muralla?"
    assert "wh" in number.notes
    # not without a «¿Cuándo…?» item of the same fact and sentence
    other = question(
        "numeric",
        "El 3 de mayo de _____, la muralla cayó. (Escriba el año.)",
        key="m",
        facts=("g",),
        numeric={"value": 1612.0, "tolerance": 0.0, "unit": "año"},
    )
    _year_questions([other, when], {"m"})
    assert other.prompt.startswith("El 3 de mayo")


@pytest.mark.parametrize(
    ("clause_with_mark", "question"),
    [
        # A phrase set off by commas after the subject stays with it, after the verb.
        (
            f"Portugal, aliado de Inglaterra, cerró sus puertos a los barcos franceses en {MARK}.",
            "¿En qué año cerró Portugal, aliado de Inglaterra, sus puertos a los barcos franceses?",
        ),
        (
            f"En {MARK}, la escuadra holandesa, mandada por un joven almirante, bloqueó la desembocadura del río.",
            "¿En qué año bloqueó la escuadra holandesa, mandada por un joven almirante, la desembocadura del río?",
        ),
        # nothing after the verb: no comma left before the question mark
        (
            f"El primer ferrocarril del reino, entre la capital y el puerto, se inauguró en {MARK}.",
            "¿En qué año se inauguró el primer ferrocarril del reino, entre la capital y el puerto?",
        ),
    ],
)
def test_a_phrase_between_commas_after_the_subject_goes_with_it(clause_with_mark, question):
    assert wh_prompt(YEAR_FACT, clause_with_mark, None) == question


@pytest.mark.parametrize(
    "clause_with_mark",
    [
        f"El obispo, que conocía bien la corte, fundó un colegio en {MARK}.",  # a relative clause: its own verb
        f"La reina, sin embargo, firmó la paz en {MARK}.",  # a connective: it points at the sentence before
        f"El ejército, con 3000 hombres, tomó la plaza en {MARK}.",  # a figure: another fact in the aside
    ],
)
def test_no_aside_that_is_a_clause_a_connective_or_a_figure(clause_with_mark):
    q = wh_prompt(YEAR_FACT, clause_with_mark, None)
    assert q == "" or ("sin embargo" not in q and "que conocía" not in q and "3000" not in q)
