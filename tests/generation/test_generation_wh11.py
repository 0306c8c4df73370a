"""Round 11: more real questions (a date inside the clause, «En el 49 a. C.»)."""

import pytest

from quizzes.generation.model import Fact
from quizzes.generation.wh import MARK, wh_prompt


def date_fact(sentence, answer, subtype="year"):
    i = sentence.index(answer)
    value = {"year": 1}
    return Fact("k", "date", subtype, 0, sentence, answer, i, i + len(answer), i, i + len(answer), value=value)


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
            "¿En qué año cruzó el cónsul el río con sus legiones?",
        ),
    ],
)
def test_a_date_of_the_main_verb_is_asked_wherever_it_stands(sentence, answer, question):
    subtype = "day" if " de " in answer else "year"
    assert ask(sentence, answer, subtype) == question


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
