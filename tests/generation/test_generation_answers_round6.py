"""Round 6: accepted answers hold every form the text itself uses for the same person or place, and both spellings
of a name that differ only in an accent (sentences written for these tests, on topics in neither corpus set)."""

from __future__ import annotations

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.answers import _containing_names, accent_spellings

TEXT = """Personajes de la historia
El escritor Miguel de Cervantes Saavedra combatió en Lepanto en 1571.
Cervantes perdió el movimiento de la mano izquierda en el combate.
El general romano Quinto Fabio Máximo evitó las batallas abiertas contra Aníbal.
Por esa táctica, Fabio recibió el apodo de Cunctator.
Los mexicas fundaron Tenochtitlan en 1325 en un islote del lago de Texcoco.
El rey Felipe VI de Francia fue derrotado en Crécy en 1346.
En 1350 murió Felipe VI.
Napoleón Bonaparte se coronó emperador en 1804.
Su sobrino Napoleón III gobernó Francia desde 1852.
En 1815 Napoleón fue derrotado en Waterloo.
"""


@pytest.fixture(scope="module")
def accepted():
    bank = generate_bank(TEXT)
    out: dict[str, list[set[str]]] = {}
    for q in bank.questions:
        if q.kind == "short_answer":
            out.setdefault(q.correct[0], []).append(set(q.accepted))
    return out


def _accepts(accepted, answer: str, form: str) -> bool:
    return any(form in forms for forms in accepted[answer])


def test_a_surname_accepts_the_fuller_names_the_text_gives_that_person(accepted):
    assert _accepts(accepted, "Cervantes", "Miguel de Cervantes Saavedra")
    assert _accepts(accepted, "Cervantes", "Miguel de Cervantes")


def test_a_name_accepts_the_word_the_text_itself_uses_alone_for_that_person(accepted):
    assert _accepts(accepted, "Quinto Fabio Máximo", "Fabio")
    assert _accepts(accepted, "Fabio", "Quinto Fabio Máximo")


def test_a_regnal_name_accepts_its_fuller_form_but_a_name_is_never_given_anothers_number(accepted):
    assert _accepts(accepted, "Felipe VI", "Felipe VI de Francia")
    assert not any("Napoleón III" in forms for forms in accepted["Napoleón Bonaparte"])
    assert _accepts(accepted, "Napoleón", "Napoleón Bonaparte")
    assert not any("Napoleón III" in forms for forms in accepted["Napoleón"])
    assert _containing_names("Napoleón", ["Napoleón Bonaparte", "Napoleón III"]) == ["Napoleón Bonaparte"]
    # Two people who share the word: no fuller name is the answer's.
    assert _containing_names("Pizarro", ["Francisco Pizarro", "Gonzalo Pizarro"]) == []


def test_both_spellings_of_a_name_that_differ_in_an_accent_are_listed(accepted):
    assert _accepts(accepted, "Tenochtitlan", "Tenochtitlán")
    assert accent_spellings("Tenochtitlán") == ["Tenochtitlan"]
    assert accent_spellings("Mazatlán de los Reyes") == ["Mazatlan de los Reyes"]
    assert accent_spellings("Texcoco") == []
    # The text's own other spelling of the same name.
    assert accent_spellings("Peru", {"Perú": "place", "Peru": "place"}) == ["Perú"]
