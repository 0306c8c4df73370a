"""Round 16: accepted answers name the same referent (never a given name the text never says alone, a title after a
name, half of a compound given name, the bare name of another place), and give-aways of the stem (a time range's
other end, a derived word of the person's other name). Sentences written for these tests."""

from __future__ import annotations

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.facts import Extraction, Groups
from quizzes.generation.model import Fact, Question
from quizzes.generation.quality import _RANGE_END, check_question

TEXT = """Exploradores del sur
En 1531 Rodrigo de Valdivia partió de Sevilla con tres barcos.
En 1533 Valdivia fundó la ciudad de Montalbo.
En 1540 el almirante Hasán Pachá atacó el puerto de Montalbo.
En 1542 el pintor José Ángel pintó el retablo de la catedral.
En 1545 el general José de San Martín cruzó la sierra.
En 1550 los colonos llegaron a Nueva Castilla.
En 1552 Castilla envió un virrey a Montalbo.
En 1560 el gobernador Tomás Herrera firmó la paz con Irlanda del Norte.
En 1561 Irlanda envió un embajador a Montalbo.
En 1570 el capitán Andrés Luna llegó a Montalbo, donde Andrés fundó un hospital.
"""


@pytest.fixture(scope="module")
def accepted():
    out: dict[str, set[str]] = {}
    for q in generate_bank(TEXT).questions:
        if q.kind == "short_answer":
            out.setdefault(q.correct[0], set()).update(q.accepted)
    return out


def test_a_given_name_before_a_particle_is_not_said_alone(accepted):
    # «Rodrigo de Valdivia» is never «Rodrigo» alone in the text: «Rodrigo» is not accepted, the surname is.
    forms = accepted["Rodrigo de Valdivia"]
    assert "Valdivia" in forms
    assert "Rodrigo" not in forms


def test_a_given_name_the_text_says_alone_is_still_accepted(accepted):
    assert {"Luna", "Andrés"} <= accepted["Andrés Luna"]  # «… donde Andrés fundó un hospital»


def test_a_title_after_a_name_is_no_surname(accepted):
    assert "Pachá" not in accepted["Hasán Pachá"]


def test_half_of_a_compound_given_name_is_no_surname(accepted):
    assert "Ángel" not in accepted["José Ángel"]


def test_a_saint_s_name_keeps_its_san(accepted):
    forms = accepted["José de San Martín"]
    assert "San Martín" in forms
    assert "Martín" not in forms


@pytest.mark.parametrize("place,bare", [("Nueva Castilla", "Castilla"), ("Irlanda del Norte", "Irlanda")])
def test_a_place_with_a_modifier_is_not_its_bare_name(accepted, place, bare):
    # «Irlanda del Norte» is not «Irlanda», «Nueva Castilla» not «Castilla», though the text names both.
    assert bare not in accepted[place]


def test_a_place_s_head_or_complement_may_still_go():
    bank = generate_bank(
        "Viajes\nEn 1601 el barco llegó a la Casa Roja de Valdora.\nEn 1602 la Casa Roja recibió a los colonos.\n"
    )
    forms = {a for q in bank.questions if q.correct == ["Casa Roja de Valdora"] for a in q.accepted}
    assert "Casa Roja" in forms


@pytest.mark.parametrize(
    "prompt",
    [
        "Los ejércitos se reunieron en Valdora entre finales de 1201 y la primavera de _____.",
        "Del 3 de marzo de 1911 al 9 de julio de _____, la ciudad resistió el asedio.",
        "Desde comienzos de 1830 hasta el otoño de _____, el puerto estuvo cerrado.",
    ],
)
def test_the_other_end_of_a_time_range_gives_the_year_away(prompt):
    assert _RANGE_END.search(prompt)


@pytest.mark.parametrize(
    "prompt",
    [
        "La paz de 1648 y la guerra de _____ cambiaron el mapa.",
        "En 1764 un tejedor creó la máquina, y un barbero patentó en _____ otra.",
    ],
)
def test_a_year_and_another_year_of_another_thing_are_no_range(prompt):
    assert not _RANGE_END.search(prompt)


def test_a_word_built_on_a_persons_other_name_gives_it_away():
    # «Moreno» is accepted as «Julián Moreno»: «Julianato» in the stem names him.
    sentence = "Durante el periodo llamado Julianato, Moreno gobernó Valdora sin interrupción."
    at = sentence.index("Moreno")
    fact = Fact("f1", "person", "", 0, sentence, "Moreno", at, at + 6, at, at + 6)
    ex = Extraction(facts=[fact], mentions={}, groups=Groups(), topic="", alias_pairs=[])

    def checked(accepted):
        q = Question(
            key="q1",
            kind="short_answer",
            prompt="Durante el periodo llamado Julianato, _____ gobernó Valdora sin interrupción.",
            fact_keys=["f1"],
            correct=["Moreno"],
            distractors=[],
            explanation="",
            sentence_indexes=[0],
            accepted=accepted,
        )
        check_question(q, {"f1": fact}, ex)
        return q

    assert "no_answer_root_in_prompt" in checked(["Moreno", "Julián Moreno"]).checks_failed
    assert "no_answer_root_in_prompt" in checked(["Moreno"]).checks_passed
