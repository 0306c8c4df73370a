"""Round 9: prompts that depend on another sentence («contexto», the held-out judges' first reason).

Sentences written for these tests on topics in neither corpus set (a league of Italian wars, a mountain people, a
port city); the parse is the real model's.
"""

import pytest

from quizzes.generation import nlp
from quizzes.generation.pointing import (
    filled,
    outbreak_without_participants,
    prompt_problem,
    resistance_without_opponent,
)
from quizzes.generation.standalone import outside_reference
from tests.generation.support import discourse


def parsed(prompt: str, answer: str = ""):
    text, span = filled(prompt, answer)
    return nlp.parse(text), span


@pytest.mark.parametrize(
    ("prompt", "problem"),
    [
        ("El invierno siguiente, la flota veneciana recuperó _____.", "relative_time"),
        ("A la mañana siguiente, los sitiados abrieron las puertas de _____.", "relative_time"),
        ("La noche anterior, el duque de _____ había abandonado el campamento.", "relative_time"),
        ("Venecia cedió además las plazas de _____ al papa.", "leans_back"),
        ("Como respuesta, el emperador Maximiliano sitió _____ en 1509.", "leans_back"),
        # Self-contained: a season with its year, «además de» with what it adds to, a reply with what it answers.
        ("En el invierno de 1510, la flota veneciana recuperó _____.", ""),
        ("Además de Padua, la flota veneciana recuperó _____ en 1512.", ""),
        ("En respuesta a la excomunión, Venecia firmó la paz con _____ en 1510.", ""),
    ],
)
def test_times_and_links_that_anchor_to_another_sentence(prompt, problem):
    assert outside_reference(prompt) == problem


def test_resisting_needs_what_or_whom():
    assert resistance_without_opponent(
        *parsed("Los montañeses de _____ resistieron durante más de veinte años.", "Alba")
    )
    assert not resistance_without_opponent(*parsed("Los montañeses resistieron el asedio durante _____ meses.", "tres"))
    assert not resistance_without_opponent(*parsed("Los montañeses resistieron a los romanos hasta _____.", "1510"))


def test_an_outbreak_needs_its_people_or_its_place():
    assert outbreak_without_participants(*parsed("En el _____ estalló una revuelta general.", "34 a. C."))
    assert not outbreak_without_participants(*parsed("En _____ estalló la Guerra de los Cien Años.", "1337"))
    assert not outbreak_without_participants(*parsed("En _____ estalló una revuelta en Nápoles.", "1647"))
    assert not outbreak_without_participants(
        *parsed("En _____ estalló una revuelta de los campesinos alemanes.", "1524")
    )


def test_a_counted_set_is_held_in_a_question_too():
    disc = discourse(
        "La Liga de Cambrai fue una coalición formada en 1508 contra la República de Venecia.",
        "En 1509 el ejército francés derrotó a los venecianos en Agnadello.",
        "Los dos rivales firmaron una tregua en 1510.",
        title="La Liga de Cambrai",
    )
    # The model hangs «una tregua» on «los dos rivales» as an apposition: it says nothing of which rivals.
    assert prompt_problem("¿En qué año firmaron los dos rivales una tregua?", "1510", 2, disc) == "set_reference"


def test_the_new_one_is_held_whatever_its_capital():
    disc = discourse(
        "La Liga de Cambrai fue una coalición formada en 1508 contra la República de Venecia.",
        "En 1511 el consejo aprobó una reforma de las leyes de la ciudad.",
        "La nueva Constitución entró en vigor en 1512.",
        title="La Liga de Cambrai",
    )
    assert prompt_problem("La nueva Constitución entró en vigor en _____.", "1512", 2, disc) == "back_adjective"
    # A name that begins with «Nueva» is no new one of anything.
    assert prompt_problem("En _____, los venecianos comerciaban ya con la Nueva España.", "1520", 2, disc) == ""
