"""Definite noun phrases that point back to another sentence («la asamblea», «el cerco»): made specific or held.

Texts invented for these tests (not from the seed or the corpus); the parse is the real model's.
"""

import pytest

from quizzes.generation.standalone import (
    Discourse,
    definite_reference,
    drop_connectors,
    full_first_names,
    stand_alone,
)
from tests.generation.support import discourse


def test_a_noun_introduced_before_with_an_indefinite_article_is_held():
    disc = discourse(
        "El gobernador convocó una junta de vecinos de las tres parroquias, que no se reunía desde 1720.",
        "La junta se abrió en el ayuntamiento el 3 de marzo de 1788.",
    )
    _stem, problem = stand_alone("La junta se abrió en el ayuntamiento el _____.", 1, disc)
    assert problem == "anaphora"


def test_a_bare_definite_said_before_with_its_complement_gets_it_back():
    disc = discourse(
        "El acuerdo fijó la frontera del valle a diez leguas del río.",
        "Según el acuerdo, la frontera del valle se desplazó hacia el norte.",
        "Los pastos situados al este de la frontera quedarían para Cuenca.",
    )
    stem, problem = stand_alone("Los pastos situados al este de la frontera quedarían para _____.", 2, disc)
    assert problem == ""
    assert stem == "Los pastos situados al este de la frontera del valle quedarían para _____."


def test_an_event_noun_that_needs_its_participants_is_held_when_said_first():
    disc = discourse(
        "Las tropas sitiaron la ciudad durante dos años.",
        "Para romper el cerco, los defensores atacaron el campamento del norte el 4 de mayo de 1602.",
    )
    _stem, problem = stand_alone(
        "Para romper el cerco, los defensores atacaron el campamento del norte el _____.", 1, disc
    )
    assert problem == "anaphora"


def test_generic_definites_stand():
    disc = discourse(
        "Las plantas verdes absorben la luz.",
        "En las hojas, la luz rompe las moléculas de agua.",
        "La población creció hasta 1900.",
    )
    for i, stem in [(1, "En las hojas, la luz rompe las moléculas de _____."), (2, "La población creció hasta _____.")]:
        fixed, problem = definite_reference(stem, i, disc)
        assert (fixed, problem) == (stem, "")


def test_a_territory_said_by_its_head_alone_takes_the_name_said_before_or_is_held():
    names = {0: ["Principado de Asturias"]}
    disc = discourse(
        "El Principado de Asturias apoyó al rey en 1808.",
        "Un nuevo decreto suprimió las juntas propias del Principado en 1815.",
        names=names,
    )
    stem, problem = definite_reference("Un nuevo decreto suprimió las juntas propias del Principado en _____.", 1, disc)
    assert problem == ""
    assert stem == "Un nuevo decreto suprimió las juntas propias del Principado de Asturias en _____."
    alone = discourse("El rey murió en 1700.", "Un nuevo decreto suprimió las juntas propias del Principado en 1715.")
    _stem, problem = definite_reference(
        "Un nuevo decreto suprimió las juntas propias del Principado en _____.", 1, alone
    )
    assert problem == "anaphora"


def test_the_class_noun_of_the_documents_definition_becomes_its_subject():
    disc = discourse(
        "El Tratado de Zaragoza fue un acuerdo firmado entre Castilla y Portugal.",
        "El acuerdo fue ratificado por ambas coronas en 1529.",
    )
    stem, problem = definite_reference("El acuerdo fue ratificado por las dos coronas en _____.", 1, disc)
    assert problem == ""
    assert stem == "El Tratado de Zaragoza fue ratificado por las dos coronas en _____."


def test_the_title_says_which_and_the_prompt_says_it_too():
    # Round 15: the blind verdicts call a bare «el asedio» «contexto» even under its title; the prompt names it.
    disc = discourse(
        "Las tropas sitiaron la ciudad durante dos años.",
        "El asedio terminó en 1602.",
        title="El asedio de Ostende",
    )
    assert definite_reference("El asedio terminó en _____.", 1, disc) == ("El asedio de Ostende terminó en _____.", "")


def test_an_article_left_alone_before_its_noun_is_a_fragment():
    disc = discourse("Las tropas sitiaron la ciudad.", "La derrota puso de manifiesto el atraso del ejército.")
    _stem, problem = definite_reference("_____ derrota puso de manifiesto el atraso del ejército.", 1, disc)
    assert problem == "fragment"


def test_without_a_discourse_nothing_changes():
    assert definite_reference("La junta se abrió en _____.", 1, None) == ("La junta se abrió en _____.", "")


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("El invierno siguiente, el ejército acampó en _____, en Aragón.", "El ejército acampó en _____, en Aragón."),
        (
            "Como respuesta, nueve de las _____ enviaron delegados a Cádiz.",
            "Nueve de las _____ enviaron delegados a Cádiz.",
        ),
        ("Con los años, la muralla llegó a tener unos _____ km.", "La muralla llegó a tener unos _____ km."),
        ("Ocho años más tarde, el químico _____ aisló el gas.", "El químico _____ aisló el gas."),
        ("Al día siguiente, los sitiados abandonaron _____.", "Los sitiados abandonaron _____."),
        ("Ese mismo año, la reina fundó _____.", "La reina fundó _____."),
    ],
)
def test_a_fronted_time_or_reply_said_relative_to_the_sentence_before_is_dropped(stem, expected):
    assert drop_connectors(stem) == expected


@pytest.mark.parametrize(
    "stem",
    [
        "El año siguiente fue el más seco del siglo en _____.",  # the subject, not an adjunct
        "Poco después de la batalla, _____ murió.",  # after a named event: it says when
        "_____ años después, la ciudad cayó.",  # the answer itself
        "Ese mismo año, el 4 de abril, _____ firmó el tratado.",  # the day would lose its year
    ],
)
def test_a_time_phrase_that_is_needed_stays(stem):
    assert drop_connectors(stem) == stem


def test_an_elided_subject_after_a_fronted_phrase_is_the_documents_subject():
    disc = discourse(
        "La sierra de Gredos es una cadena montañosa del centro de la península ibérica.",
        "Con unos 250 km de longitud, es la sierra más alta del Sistema Central.",
    )
    stem, problem = stand_alone("Con unos _____ km de longitud, es la sierra más alta del Sistema Central.", 1, disc)
    assert problem == ""
    assert stem == "Con unos _____ km de longitud, la sierra de Gredos es la sierra más alta del Sistema Central."


def test_an_elided_subject_that_is_not_the_documents_is_held():
    disc = discourse(
        "Simón Bolívar fue un militar venezolano.",
        "La Carta de Jamaica expuso sus ideas sobre el futuro del continente.",
        "Desde Jamaica pasó a Haití, cuyo presidente entregó armas a los rebeldes.",
    )
    _stem, problem = stand_alone("Desde Jamaica pasó a _____, cuyo presidente entregó armas a los rebeldes.", 2, disc)
    assert problem == "no_subject"


def test_words_before_the_verb_that_may_be_its_subject_are_left_alone():
    disc = discourse(
        "La sierra de Gredos es una cadena montañosa del centro de la península ibérica.",
        "Los pastores, gente del valle, subían cada verano a los puertos.",
    )
    stem = "Los pastores, gente del valle, subían cada verano a _____."
    assert stand_alone(stem, 1, disc) == (stem, "")


@pytest.mark.parametrize(
    ("stem", "problem"),
    [
        ("El químico _____ publicó en 1870 una clasificación muy parecida.", "demonstrative"),
        ("El químico _____ publicó en 1870 una clasificación parecida a la de Mendeléyev.", ""),
    ],
)
def test_a_comparison_without_its_term_points_back(stem, problem):
    assert stand_alone(stem, 0, None)[1] == problem


def test_the_documents_subject_is_preferred_to_a_class_noun_the_title_also_names():
    disc = discourse(
        "El Tajo es un río de la península ibérica.",
        "El río nace en la sierra de Albarracín.",
        title="Tajo (río)",
    )
    assert definite_reference("El río nace en la sierra de _____.", 1, disc) == (
        "El Tajo nace en la sierra de _____.",
        "",
    )


def test_a_person_named_by_the_first_name_alone_gets_the_surname_the_text_gives():
    names = {0: ["Pierre Curie", "Marie Curie", "Marie Salomea Curie"], 1: ["Pierre"], 2: ["Carlos V", "Carlos"]}
    disc = discourse("Pierre Curie y Marie Curie.", "Pierre murió en 1906.", "Carlos reinó.", names=names)
    assert full_first_names("¿Cuándo murió Pierre atropellado?", disc) == "¿Cuándo murió Pierre Curie atropellado?"
    # «Marie y Pierre Curie» share the surname already said (a text that also says «Marie» alone: the names of a
    # document are fixed when its discourse is built, so it is another discourse).
    names = {**names, 1: ["Pierre", "Marie"]}
    disc = discourse("Pierre Curie y Marie Curie.", "Pierre y Marie murieron.", "Carlos reinó.", names=names)
    assert full_first_names("En 1903, Marie y Pierre Curie ganaron.", disc) == "En 1903, Marie y Pierre Curie ganaron."
    assert full_first_names("Marie ocupó la cátedra.", disc) == "Marie Curie ocupó la cátedra."
    assert full_first_names("El archiduque Carlos entró en Madrid.", disc) == "El archiduque Carlos entró en Madrid."


def test_an_institution_said_by_its_head_is_completed_only_when_the_text_has_one():
    one = discourse(
        "La Asamblea Nacional votó.", "La Asamblea aprobó la ley.", names={0: ["Asamblea Nacional"], 1: ["Asamblea"]}
    )
    assert full_first_names("La Asamblea aprobó la _____.", one) == "La Asamblea Nacional aprobó la _____."
    two = discourse(
        "La Asamblea Nacional votó.",
        "La Asamblea Legislativa siguió.",
        "La Asamblea aprobó la ley.",
        names={0: ["Asamblea Nacional"], 1: ["Asamblea Legislativa"], 2: ["Asamblea"]},
    )
    assert full_first_names("La Asamblea aprobó la _____.", two) == "La Asamblea aprobó la _____."


def test_an_event_noun_with_only_a_relative_clause_still_points_back():
    disc = discourse(
        "El papa trazó una raya en el mapa.",
        "El rey no aceptó el reparto, que dejaba a su reino sin costas, y negoció con Castilla.",
    )
    _stem, problem = definite_reference("_____ no aceptó el reparto, que dejaba a su reino sin costas.", 1, disc)
    assert problem == "anaphora"


def test_a_restated_event_noun_is_found_after_a_contraction():
    disc = discourse("Los aviones llegaron de madrugada.", "El ataque causó un gran número de víctimas civiles.")
    _stem, problem = definite_reference("Un gran número de víctimas civiles fue consecuencia del ataque.", 1, disc)
    assert problem == "anaphora"


def test_a_count_of_years_after_the_blank_is_relative_to_the_sentence_before():
    from quizzes.generation.standalone import outside_reference

    assert outside_reference("El químico murió _____ años después, con 27 años, en la batalla. (Escriba el número.)")


def test_a_cause_answered_by_a_bare_noun_is_vague_whatever_the_case_of_its_article():
    from quizzes.generation.quality import _VAGUE_ANSWER

    assert _VAGUE_ANSWER.match("La derrota")
    assert _VAGUE_ANSWER.match("el ataque")
    assert not _VAGUE_ANSWER.match("La Bastilla")


def _typed(disc: Discourse, kinds: dict[int, list[tuple[str, str]]]) -> Discourse:
    disc.kinds = kinds
    return disc


def test_a_new_country_is_the_country_named_just_before():
    disc = _typed(
        discourse(
            "En 1830 las provincias del sur se separaron y tomaron el nombre de Uruguay.",
            "El general redactó para el nuevo país una constitución federal en 1831.",
        ),
        {0: [("Uruguay", "country")]},
    )
    stem, problem = definite_reference(
        "El general redactó para el nuevo país una constitución federal en _____.", 1, disc
    )
    assert problem == ""
    assert stem == "El general redactó para Uruguay una constitución federal en _____."


def test_the_country_takes_the_article_its_name_was_said_with():
    disc = _typed(
        discourse(
            "En 1776 los Estados Unidos declararon su independencia.",
            "En 1789 el general se convirtió en el primer presidente del país.",
        ),
        {0: [("Estados Unidos", "country")]},
    )
    stem, problem = definite_reference("En _____ el general se convirtió en el primer presidente del país.", 1, disc)
    assert (stem, problem) == ("En _____ el general se convirtió en el primer presidente de los Estados Unidos.", "")


def test_a_city_said_bare_is_named_or_held():
    first = "Las tropas rusas defendieron Sebastopol durante once meses."
    said = "El 8 de septiembre los franceses tomaron el bastión que protegía la ciudad."
    disc = _typed(discourse(first, said), {0: [("Sebastopol", "city")]})
    stem, problem = definite_reference("El _____ los franceses tomaron el bastión que protegía la ciudad.", 1, disc)
    assert (stem, problem) == ("El _____ los franceses tomaron el bastión que protegía la ciudad de Sebastopol.", "")
    alone = _typed(discourse("Los aliados desembarcaron en marzo.", said), {})
    _stem, problem = definite_reference("El _____ los franceses tomaron el bastión que protegía la ciudad.", 1, alone)
    assert problem == "anaphora"


def test_a_class_noun_with_no_name_to_stand_for_is_held():
    disc = discourse(
        "El hongo producía una sustancia que mataba las bacterias.",
        "La química británica determinó la estructura de la molécula en 1945.",
    )
    _stem, problem = definite_reference(
        "La química británica determinó la estructura de la molécula en _____.", 1, disc
    )
    assert problem == "anaphora"


def test_a_country_named_in_its_own_sentence_stands():
    disc = _typed(
        discourse(
            "La guerra terminó en 1945.",
            "Tras la derrota de Alemania en 1945, los aliados dividieron el país en cuatro zonas.",
        ),
        {0: [], 1: [("Alemania", "country")]},
    )
    stem = "Tras la derrota de _____ en 1945, los aliados dividieron el país en cuatro zonas."
    assert definite_reference(stem, 1, disc) == (stem, "")


def test_a_named_state_with_an_adjective_is_no_class_phrase():
    disc = _typed(
        discourse("El rey unió los reinos.", "En 1871 se fundó el Imperio alemán."),
        {0: [("Imperio austríaco", "state")]},
    )
    assert definite_reference("¿En qué año se fundó el Imperio alemán?", 1, disc) == (
        "¿En qué año se fundó el Imperio alemán?",
        "",
    )


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        (
            "Ya en el siglo XX, el químico _____ describió el ciclo.",
            "En el siglo XX, el químico _____ describió el ciclo.",
        ),
        ("Ya no quedaba nadie en la plaza el _____.", "Ya no quedaba nadie en la plaza el _____."),
        ("El cuadro solo llegó a Madrid el _____.", "El cuadro llegó a Madrid el _____."),
        ("El cuadro solo llegó a Madrid en 1981.", "El cuadro llegó a Madrid en 1981."),
        ("De unos _____ habitantes solo escaparon 800.", "De unos _____ habitantes solo escaparon 800."),
        ("Las plantas solo crecen en presencia de _____.", "Las plantas solo crecen en presencia de _____."),
        ("_____ buscaba así el apoyo de Francia.", "_____ buscaba el apoyo de Francia."),
        ("_____ firmó la paz, así como el tratado.", "_____ firmó la paz, así como el tratado."),
    ],
)
def test_words_that_point_back_to_the_sentence_before_are_dropped(stem, expected):
    assert drop_connectors(stem) == expected


def test_a_possessive_subject_or_object_of_an_indefinite_subject_takes_the_previous_subject():
    disc = discourse(
        "Simón Bolívar asumió en 1828 poderes dictatoriales.",
        "El 6 de agosto de 1824 sus tropas vencieron a los realistas en la batalla de Junín.",
        "La noche del 25 de septiembre de 1828 un grupo de conspiradores asaltó su residencia en Bogotá.",
        names={0: ["Simón Bolívar"]},
    )
    stem, problem = stand_alone(
        "El 6 de agosto de _____ sus tropas vencieron a los realistas en la batalla de Junín.", 1, disc
    )
    assert (stem, problem) == (
        "El 6 de agosto de _____ las tropas de Simón Bolívar vencieron a los realistas en la batalla de Junín.",
        "",
    )


def test_a_possessive_without_an_owner_before_is_held_and_a_named_subject_keeps_it():
    disc = discourse(
        "La fiesta duró tres días.",
        "La noche del 25 de septiembre de 1828 un grupo de conspiradores asaltó su residencia en Bogotá.",
    )
    _stem, problem = stand_alone(
        "La noche del _____ un grupo de conspiradores asaltó su residencia en Bogotá.", 1, disc
    )
    assert problem == "possessive"
    named = discourse(
        "Pierre murió en 1906.", "Marie Curie dio su primera clase en la Sorbona en 1906.", names={1: ["Marie Curie"]}
    )
    stem = "Marie Curie dio su primera clase en la _____ en 1906."
    assert stand_alone(stem, 1, named) == (stem, "")
    # A post taken over («ocupó su cátedra») is the previous holder's, not the subject's (round 9): without a person
    # the sentence before is about, it is held (test_generation_context9 says it by the name when there is one).
    stem = "Marie Curie ocupó su cátedra en la _____ en 1906."
    assert stand_alone(stem, 1, named)[1] == "possessive"


def test_a_participle_after_a_name_and_its_comma_is_an_apposition_not_a_clause():
    disc = discourse(
        "Cataluña resistió sola.",
        "Barcelona, sitiada desde julio de 1713, cayó el 11 de septiembre de 1714.",
        names={0: ["Cataluña"], 1: ["Barcelona"]},
    )
    stem = "Barcelona, sitiada desde _____, cayó el 11 de septiembre de 1714."
    assert stand_alone(stem, 1, disc) == (stem, "")
