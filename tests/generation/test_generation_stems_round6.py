"""Round 6: broken stems. A verb that opened its sentence is lower case once a subject is put before it, and a stem
with a word said twice, a capitalised verb inside it or a «que» clause cut inside its object fails `whole_stem`
(sentences written for these tests, on topics in neither corpus set)."""

from __future__ import annotations

from quizzes.generation import generate_bank
from quizzes.generation.quality import stem_break
from quizzes.generation.standalone import lower_verb

DANUBE = """El Danubio
El Danubio es el segundo río más largo de Europa.
Nace en la Selva Negra, en Alemania, y desemboca en el mar Negro.
"""


def test_a_restored_subject_is_followed_by_its_verb_in_lower_case():
    prompts = [q.prompt for q in generate_bank(DANUBE).questions]
    assert any(p.startswith("El Danubio nace en") for p in prompts)
    assert not any("Danubio Nace" in p for p in prompts)
    assert lower_verb("Desemboca en el mar Negro.") == "desemboca en el mar Negro."
    assert lower_verb("Se firmó en 1494.") == "se firmó en 1494."
    assert lower_verb("Francia declaró la guerra.") == "Francia declaró la guerra."


def test_a_word_said_twice_in_a_row_that_the_sentence_says_once_breaks_the_stem():
    sentence = "La Capilla Sixtina fue decorada por Miguel Ángel entre 1508 y 1512."
    assert stem_break("La Capilla Sixtina Sixtina fue decorada por _____ entre 1508 y 1512.", sentence) == "duplicate"
    assert stem_break("La Capilla Sixtina fue decorada por _____ entre 1508 y 1512.", sentence) == ""
    # A blank or a figure between two equal words is no repetition.
    assert (
        stem_break(
            "Nació en Coyoacán, en _____, y murió en Coyoacán.", "Nació en Coyoacán, en 1907, y murió en Coyoacán."
        )
        == ""
    )
    assert stem_break("Pasa alrededor del _____ del comercio.", "Pasa alrededor del 12 % del comercio.") == ""


def test_a_verb_capitalised_inside_the_stem_breaks_it_but_a_name_does_not():
    assert stem_break("El Danubio Nace en _____.", "Nace en la Selva Negra.") == "capital"
    assert stem_break("¿Cuándo declaró Francia la guerra?", "Francia declaró la guerra en 1792.", {"Francia"}) == ""
    assert stem_break("Verdadero o falso: Nace en la Selva Negra.", "Nace en la Selva Negra.") == ""


def test_a_clause_cut_inside_its_object_breaks_the_stem():
    sentence = "En 1754, Joseph Black demostró en el laboratorio que el vapor de agua contenía calor latente."
    assert (
        stem_break("En _____, Joseph Black demostró en el laboratorio que el vapor de agua.", sentence) == "cut_object"
    )
    # Whole: the clause keeps its verb, the stem ends where the sentence does, or «que» opens a comparison.
    assert (
        stem_break(
            "En _____, Joseph Black demostró en el laboratorio que el vapor de agua contenía calor latente.", sentence
        )
        == ""
    )
    assert (
        stem_break("La ciudad era más grande que la capital.", "La ciudad era más grande que la capital del reino.")
        == ""
    )
    # A verb the word rules miss («forma») is read from the parse.
    ridge = "En las dorsales asciende magma que forma nueva corteza y empuja las placas."
    assert stem_break("En las dorsales asciende _____ que forma nueva corteza.", ridge) == ""


def test_a_phrase_that_leans_on_another_sentence_keeps_the_item_a_draft():
    from quizzes.generation.standalone import outside_reference

    assert outside_reference("Berlín, situada en la zona soviética, se dividió a su vez en _____.") == "leans_back"
    assert outside_reference("Otros metales, por ejemplo el _____, se oxidan deprisa al aire libre.") == "leans_back"
    assert outside_reference("El rey convocó por tanto las Cortes en _____ en la ciudad de Toledo.") == "leans_back"
    assert outside_reference("El rey convocó de nuevo las Cortes en _____ en la ciudad de Toledo.") == "leans_back"
    assert outside_reference("El rey convocó las Cortes en _____ en la ciudad de Toledo.") == ""
