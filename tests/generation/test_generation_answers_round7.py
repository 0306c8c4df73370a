"""Round 7: every name the text itself gives the same person (its title, the name it says is the same, the bare
given name, a regnal name without its number), the country of a king after «las tropas de», and numeric tolerance
for a long decimal and an approximate year (sentences written for these tests)."""

from __future__ import annotations

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.questions import precision_tolerance

TEXT = """Reyes y ministros
El ministro Gaspar Ruiz, que más tarde recibiría el título de conde de Olmedo, reformó la hacienda en 1760.
En 1762 Olmedo fundó un banco público en la capital.
En su testamento el rey nombró heredero a Fernando de Alba, nieto de Enrique IV de Navarra, que fue proclamado rey con el nombre de Fernando VII.
Fernando VII gobernó el país hasta 1790.
Uno de sus generales, Pedro Soler, ganó la batalla de Valdemora en 1791.
En 1793 Soler fue nombrado virrey.
En 1795, las tropas de Carlos IX de Francia ocuparon Valdemora.
En 1797 el inca Manco Yupanqui fue capturado en la sierra.
Tomás Vidal y Tomás Rueda firmaron el acuerdo de 1798.
Hacia 1800 se fundó el hospital de la ciudad.
"""


@pytest.fixture(scope="module")
def accepted():
    bank = generate_bank(TEXT)
    out: dict[str, set[str]] = {}
    for q in bank.questions:
        if q.kind == "short_answer":
            out.setdefault(q.correct[0], set()).update(q.accepted)
    return out, bank


def test_a_title_the_text_gives_is_accepted(accepted):
    forms = accepted[0]["Olmedo"]
    assert {"conde de Olmedo", "el conde de Olmedo"} <= forms
    assert "Gaspar Ruiz" in forms  # «…que más tarde recibiría el título de conde de Olmedo»


def test_the_name_the_text_says_is_the_same_person_but_not_a_complement(accepted):
    forms = accepted[0]["Fernando VII"]
    assert "Fernando de Alba" in forms  # «… con el nombre de Fernando VII»
    assert "Enrique IV de Navarra" not in forms  # «nieto de …»: another person
    assert "Fernando" not in forms  # the text never says «Fernando» alone


def test_a_regnal_name_without_its_number_where_the_text_says_it_alone():
    text = "Reyes\nEn 1790 murió el rey Fernando VII.\nFernando había gobernado con prudencia.\n"
    bank = generate_bank(text)
    forms = {
        a for q in bank.questions if q.kind == "short_answer" and q.correct[0] == "Fernando VII" for a in q.accepted
    }
    assert "Fernando" in forms
    other = generate_bank(text.replace("con prudencia", "con Fernando Ruiz"))
    forms = {
        a for q in other.questions if q.kind == "short_answer" and q.correct[0] == "Fernando VII" for a in q.accepted
    }
    assert forms and "Fernando" not in forms  # another Fernando of the text


def test_a_given_name_is_accepted_where_the_text_says_it_alone_unless_another_person_bears_it(accepted):
    # The text never calls Pedro Soler «Pedro»: a known first name alone is not enough («Adolf» for Hitler).
    assert "Pedro" not in accepted[0]["Soler"]
    text = (
        "Generales\nEn 1791 el general Pedro Soler ganó la batalla de Valdemora.\nEn 1793 Pedro fue nombrado virrey.\n"
    )
    forms = {
        a
        for q in generate_bank(text).questions
        if q.kind == "short_answer" and "Soler" in q.correct[0]
        for a in q.accepted
    }
    assert "Pedro" in forms
    for answer in ("Tomás Vidal", "Tomás Rueda"):
        if answer in accepted[0]:
            assert "Tomás" not in accepted[0][answer]


def test_a_two_word_name_accepts_its_first_number(accepted):
    assert "Manco Yupanqui I" in accepted[0]["Manco Yupanqui"]


def test_the_troops_of_a_king_of_a_country_accept_the_country(accepted):
    forms = accepted[0]["Carlos IX de Francia"]
    assert {"Francia", "los franceses"} <= forms


def test_a_king_asked_outside_troops_does_not_accept_his_country():
    bank = generate_bank("Reyes\nEn 1795 Carlos IX de Francia firmó la paz con Navarra en la ciudad de Pau.\n")
    for q in bank.questions:
        if q.kind == "short_answer" and q.correct[0] == "Carlos IX de Francia":
            assert "Francia" not in q.accepted


def test_an_approximate_year_has_a_tolerance_of_two(accepted):
    years = [q for q in accepted[1].questions if q.kind == "numeric" and q.numeric and q.numeric["value"] == 1800]
    # ±2, less the year the text writes two years before it (1798: round 26, another fact's year is never taken)
    assert years and all(q.numeric["tolerance"] == 1.0 for q in years)
    exact = [q for q in accepted[1].questions if q.kind == "numeric" and q.numeric and q.numeric["value"] == 1797]
    assert exact and all(q.numeric["tolerance"] == 0.0 for q in exact)


@pytest.mark.parametrize(
    ("number", "tolerance"), [(99.86, 0.1), (3.142, 0.01), (2.3, 0.0), (200.0, 0.0), (0.05, 0.0025)]
)
def test_a_figure_with_two_or_more_decimals_accepts_its_rounding(number, tolerance):
    assert precision_tolerance(number) == pytest.approx(tolerance)


def test_a_compound_given_name_is_not_said_by_its_first_half():
    bank = generate_bank("Reinas\nEn 1793 María Antonieta fue ejecutada en París.\nEn 1795 Pedro Soler llegó a Lyon.\n")
    for q in bank.questions:
        if q.kind == "short_answer" and q.correct[0] == "María Antonieta":
            assert "María" not in q.accepted
