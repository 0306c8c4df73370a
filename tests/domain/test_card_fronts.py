"""A card's front from a true/false statement, without the database."""

import pytest

from quizzes.domain.card_fronts import BLANK, blank_out, statement_cloze, statement_of, swapped_values


@pytest.mark.parametrize(
    ("prompt", "statement"),
    [
        ("Verdadero o falso: la guerra terminó en 1940.", "La guerra terminó en 1940."),
        ("verdadero o falso - Finlandia cedió Carelia.", "Finlandia cedió Carelia."),
        ("¿Verdadero o falso?: el tratado se firmó en Moscú.", "El tratado se firmó en Moscú."),
        ("¿Verdadero o falso? El tratado se firmó en Moscú.", "El tratado se firmó en Moscú."),
        ("La guerra empezó en noviembre de 1939.", "La guerra empezó en noviembre de 1939."),  # a teacher's, bare
        ("", ""),
    ],
)
def test_statement_of_drops_the_opening_and_capitalises(prompt, statement):
    assert statement_of(prompt) == statement


def test_blank_out_takes_whole_words_only_and_keeps_the_texts_own_case():
    assert blank_out("En 19390 y en 1939 hubo guerra.", "1939") == (f"En 19390 y en {BLANK} hubo guerra.", "1939")
    assert blank_out("La Unión Soviética atacó.", "unión soviética") == (f"La {BLANK} atacó.", "Unión Soviética")
    assert blank_out("Finlandés y finlandesa.", "Finlandia") is None
    assert blank_out("Texto.", "") is None
    assert blank_out("", "x") is None


def test_swapped_values_read_the_generators_note_and_ignore_the_rest():
    notes = ["swap:date", "Afirmación falsa: «marzo de 1940» en lugar de «junio de 1941».", 3, None]
    assert swapped_values(notes) == [("marzo de 1940", "junio de 1941")]
    assert swapped_values(None) == []


def test_a_true_statement_blanks_the_answer_or_an_alias():
    prompt = "Verdadero o falso: la URSS atacó a Finlandia en 1939."
    assert statement_cloze(prompt=prompt, is_true=True, answers=["Unión Soviética", "URSS"]) == (
        f"La {BLANK} atacó a Finlandia en 1939.",
        "URSS",
    )
    assert statement_cloze(prompt=prompt, is_true=True, answers=["Suecia"]) is None


def test_a_false_statement_blanks_the_false_value_and_answers_the_true_one():
    prompt = "Verdadero o falso: en marzo de 1940, Alemania comenzó la Operación Barbarroja."
    notes = ["Afirmación falsa: «marzo de 1940» en lugar de «junio de 1941»."]
    front, back = statement_cloze(prompt=prompt, is_true=False, answers=["junio de 1941"], notes=notes)
    assert (front, back) == (f"En {BLANK}, Alemania comenzó la Operación Barbarroja.", "junio de 1941")
    assert "marzo" not in front
    # A note about another fact, no note, or a statement a teacher rewrote without the false value: no card.
    assert statement_cloze(prompt=prompt, is_true=False, answers=["Alemania"], notes=notes) is None
    assert statement_cloze(prompt=prompt, is_true=False, answers=["junio de 1941"], notes=[]) is None
    rewritten = "Verdadero o falso: Alemania comenzó la Operación Barbarroja en 1939."
    assert statement_cloze(prompt=rewritten, is_true=False, answers=["junio de 1941"], notes=notes) is None


def test_a_statement_naming_its_answer_twice_makes_no_card():
    prompt = "Verdadero o falso: el Tratado de Paz de Moscú puso fin a la guerra; el Tratado de Paz de Moscú duró poco."
    assert statement_cloze(prompt=prompt, is_true=True, answers=["Tratado de Paz de Moscú"]) is None


def test_a_false_statement_naming_its_true_value_or_its_false_value_twice_makes_no_card():
    notes = ["Afirmación falsa: «1940» en lugar de «1939»."]
    shows_the_back = "Verdadero o falso: en 1939 murió Machado, y la guerra terminó en 1940."
    assert statement_cloze(prompt=shows_the_back, is_true=False, answers=["1939"], notes=notes) is None
    said_twice = "Verdadero o falso: en 1940 la guerra terminó, y en 1940 se firmó la paz."
    assert statement_cloze(prompt=said_twice, is_true=False, answers=["1939"], notes=notes) is None


def test_the_back_keeps_the_answers_own_lower_case_initial_at_the_start():
    prompt = "Verdadero o falso: el Tratado de Versalles se firmó en 1919."
    assert statement_cloze(prompt=prompt, is_true=True, answers=["el Tratado de Versalles"]) == (
        f"{BLANK} se firmó en 1919.",
        "el Tratado de Versalles",
    )
    named = "Verdadero o falso: Finlandia perdió Carelia."
    assert statement_cloze(prompt=named, is_true=True, answers=["Finlandia"]) == (
        f"{BLANK} perdió Carelia.",
        "Finlandia",
    )
    inside = "Verdadero o falso: la paz llegó con el Tratado de Versalles."
    assert statement_cloze(prompt=inside, is_true=True, answers=["el tratado de Versalles"])[1] == (
        "el Tratado de Versalles"
    )
