"""Round 9: whole prompts and answers as typed (sentences written for these tests)."""

import pytest

from quizzes.generation.model import Fact
from quizzes.generation.questions import century_forms
from quizzes.generation.text import split_sentences
from quizzes.generation.wh import MARK, wh_prompt


def fact(kind, subtype, value=None, answer="a"):
    return Fact("k", kind, subtype, 0, "s", answer, 0, 1, 0, 1, value=value)


SHIPS = fact("number", "count", {"number": 30, "unit": "barcos"})


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (  # a main clause stands before the era: a name after it opens the next sentence
            "La flota de Siracusa venció a Atenas en el 413 a. C. Nicias fue ejecutado poco después.",
            ["La flota de Siracusa venció a Atenas en el 413 a. C.", "Nicias fue ejecutado poco después."],
        ),
        (  # a verb after the era opens the next sentence
            "Fue un poeta griego del siglo V a. C. Escribió tragedias para el teatro de Dioniso.",
            ["Fue un poeta griego del siglo V a. C.", "Escribió tragedias para el teatro de Dioniso."],
        ),
        (  # a fronted date: the name after it is the subject of the same sentence
            "En el 480 a. C. Temístocles venció en Salamina. Hacia el 470 a. C. Cimón mandaba la flota.",
            ["En el 480 a. C. Temístocles venció en Salamina.", "Hacia el 470 a. C. Cimón mandaba la flota."],
        ),
        (  # a subordinate clause before the era is not the main one
            "Cuando Pericles murió en el 429 a. C. Cleón dirigió la asamblea.",
            ["Cuando Pericles murió en el 429 a. C. Cleón dirigió la asamblea."],
        ),
    ],
)
def test_an_era_ends_the_sentence_after_a_main_clause_or_before_a_verb(text, sentences):
    assert [s.text for s in split_sentences(text)] == sentences


@pytest.mark.parametrize(
    ("answer", "forms", "never"),
    [
        ("siglo XVI", {"XVI", "16", "siglo 16", "s. XVI"}, set()),
        (
            "siglo V a. C.",
            {"siglo 5 a. C.", "V a. C.", "5 a. C.", "siglo V aC", "siglo V antes de Cristo"},
            {"siglo 5", "V", "5"},
        ),
        ("finales del siglo XIX", {"finales del siglo 19"}, {"XIX", "19"}),
    ],
)
def test_a_century_is_accepted_as_typed_and_keeps_its_era(answer, forms, never):
    got = set(century_forms(fact("date", "century", answer=answer)))
    assert forms <= got
    assert not never & got


def test_a_figure_that_is_a_noun_s_complement_stays_a_cloze():
    stem = f"La armada fue reunida en el puerto por los almirantes de {MARK}."
    assert wh_prompt(SHIPS, stem, None) == ""


def test_a_figure_that_is_the_verb_s_complement_is_asked():
    assert wh_prompt(SHIPS, f"La armada se componía de {MARK}.", None) == "¿De cuántos barcos se componía la armada?"
