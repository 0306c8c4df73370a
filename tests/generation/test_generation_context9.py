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
        ("En los años siguientes, Génova perdió _____.", "relative_time"),
        ("El citado tratado obligó a Venecia a ceder _____.", "demonstrative"),
        ("El acuerdo anterior obligó a Venecia a ceder _____.", "demonstrative"),
        ("El tratado resultante obligó a Venecia a ceder _____.", "demonstrative"),
        ("La frontera anterior a 1380 pasaba por _____.", ""),
        ("Al poco tiempo, Génova perdió _____.", "relative_time"),
        ("Poco tiempo después, Génova perdió _____.", "relative_time"),
        # Self-contained: a season with its year, «además de» with what it adds to, a reply with what it answers.
        ("En el invierno de 1510, la flota veneciana recuperó _____.", ""),
        ("Además de Padua, la flota veneciana recuperó _____ en 1512.", ""),
        ("En respuesta a la excomunión, Venecia firmó la paz con _____ en 1510.", ""),
        ("Con el tiempo, Génova perdió _____.", ""),
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


def test_a_role_said_bare_takes_the_name_of_its_holder():
    from quizzes.generation.standalone import role_reference

    disc = discourse(
        "La Guerra de Chioggia fue un conflicto entre Venecia y Génova.",
        "El almirante veneciano Vettor Pisani, que estaba preso, fue liberado en 1379.",
        "Los genoveses ocuparon el puerto de Chioggia.",
        "El almirante murió en 1380 en Manfredonia.",
        names={1: ["Vettor Pisani"], 2: ["Chioggia"], 3: ["Manfredonia"]},
        title="La Guerra de Chioggia",
    )
    assert role_reference("El almirante murió en _____ en Manfredonia.", 3, disc) == (
        "El almirante Vettor Pisani murió en _____ en Manfredonia.",
        "",
    )
    # A role with its holder, the blank or «de» after it stands; so does one whose holder the prompt names.
    for stem in (
        "El almirante Carlo Zeno murió en _____.",
        "El almirante _____ murió en 1380.",
        "El almirante de Génova murió en _____.",
        "El almirante murió en _____, años después de que Pisani saliera de prisión.",
    ):
        assert role_reference(stem, 3, disc) == (stem, "")


def test_a_role_of_several_holders_said_long_before_is_held():
    from quizzes.generation.standalone import role_reference

    disc = discourse(
        "El rey Pedro IV reinó en Aragón.",
        "El rey Alfonso V conquistó Nápoles.",
        "La corte residía en Zaragoza.",
        "Las Cortes se reunieron en Monzón.",
        "La ciudad creció durante el siglo.",
        "El rey murió en 1458.",
        title="La Corona de Aragón",
    )
    assert role_reference("El rey murió en _____.", 5, disc) == ("El rey murió en _____.", "anaphora")
    # The last one named in the sentences right before is the one meant.
    near = discourse("El rey Pedro IV reinó en Aragón.", "El rey Alfonso V conquistó Nápoles.", "El rey murió en 1458.")
    assert role_reference("El rey murió en _____.", 2, near) == ("El rey Alfonso V murió en _____.", "")


def test_a_plural_introduced_by_a_count_is_a_set_told_before():
    from quizzes.generation.pointing import phrase_pointing_back

    disc = discourse(
        "La Guerra de Chioggia fue un conflicto entre Venecia y Génova.",
        "En 1381 los venecianos levantaron tres fortalezas en la laguna y recorrieron 40 leguas de costa.",
        "Las fortalezas resistieron varios ataques en 1385.",
        title="La Guerra de Chioggia",
    )
    text, span = filled("Las fortalezas resistieron varios ataques en _____.", "1385")
    assert phrase_pointing_back(text, span, 2, disc) == "anaphora"
    # A unit the text counts in, or a plural a people names, is no set told before.
    text, span = filled("Las leguas se contaban desde _____.", "Venecia")
    assert phrase_pointing_back(text, span, 2, disc) == ""
    text, span = filled("Las fortalezas venecianas resistieron varios ataques en _____.", "1385")
    assert phrase_pointing_back(text, span, 2, disc) == ""


def test_a_post_taken_over_is_the_previous_holders():
    from quizzes.generation.standalone import stand_alone

    disc = discourse(
        "Elena Ferrer y Tomás Ferrer enseñaban química en Valencia.",
        "En 1921 Tomás murió en un accidente de tranvía.",
        "Elena Ferrer ocupó su cátedra y fue la primera mujer profesora de la universidad.",
        names={0: ["Elena Ferrer", "Tomás Ferrer", "Valencia"], 2: ["Elena Ferrer"]},
    )
    text, problem = stand_alone("Elena Ferrer ocupó su cátedra y fue la primera mujer profesora de _____.", 2, disc)
    assert (text, problem) == (
        "Elena Ferrer ocupó la cátedra de Tomás Ferrer y fue la primera mujer profesora de _____.",
        "",
    )
    # With nobody the sentence before is about, whose post it was is not said: held.
    alone = discourse("La universidad abrió en 1920.", "Elena Ferrer ocupó su cátedra en 1921.")
    assert stand_alone("Elena Ferrer ocupó su cátedra en _____.", 1, alone)[1] == "possessive"
