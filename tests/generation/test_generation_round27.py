"""Round 27: what 24 fresh texts showed at first sight (a revolt, an estuary, a scientific expedition, a theatre, a
botanist, a trade route, two constitutions, an excavation, a rebellion, an island, a monsoon, a temple, a traveller,
a road, a law code, a tomb, a battle, a river, an effect, a cathedral, a naturalist, a league, a ship), tried on our
own sentences.

- «en 1361, cuando el rey … conquistó Visby.»: a true/false restatement fronted the date of a time clause that had
  no main clause;
- «la batalla … se trata de una de las mayores batallas»: «se trata de» given a subject;
- «de dos años a otro»: «un año a otro» read as a count of one;
- «¿En qué año publicó … Scheil tradujo y el texto?»: «tradujo» was no verb, and two verbs of one object were split;
- «Código de Hammurabi no fue el primer legislador»: a code taken for a person;
- «Por la Paz de Stralsund, firmada, Dinamarca…»: a participle left without the date it carried;
- «la resistencia de los vecinos»: a common complement carried over from another paragraph's episode;
- «¿En qué año descendió la Condamine…?»: the capital article of a name lowered;
- «que recuperó los materiales y la ornamentación originales.»: a clause cut at an object's «y»;
- «la rebelión Taiping Tianguo»: a thing's name given the full name of a person-like name;
- «Muchos enviaron a Uppsala semillas…»: many of whom?
"""

import re

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.facts import find_dates, find_quantities
from quizzes.generation.questions import _remove_temporal
from quizzes.generation.standalone import full_first_names, stand_alone
from quizzes.generation.text import clause_spans, is_finite_verb
from quizzes.generation.wh import _verb_group

from .support import discourse


def test_a_time_clause_with_a_fronted_year_is_no_statement():
    disc = discourse(
        "La Liga de Osk fue una alianza de ciudades mercantiles de Velinia.",
        "En 1361, cuando el rey Berhof IV de Tarsia conquistó Visel.",
        title="Liga de Osk",
    )
    _said, problem = stand_alone("En 1361, cuando el rey Berhof IV de Tarsia conquistó Visel.", 1, disc)
    assert problem == "no_verb"


def test_se_trata_de_given_a_subject_says_es():
    stem = "Se trata de una de las mayores batallas de la Velinia medieval."
    disc = discourse(
        "La batalla de Osk fue un enfrentamiento librado en 1410 entre Velinia y Tarsia.",
        stem,
        title="Batalla de Osk",
    )
    said, problem = stand_alone(stem, 1, disc)
    assert problem == ""
    assert "se trata" not in said.lower()
    assert said.startswith("La batalla de Osk es una de las mayores batallas")


def test_one_year_to_another_is_no_count():
    text = "La intensidad de las lluvias varía mucho de un año a otro y de una región a la otra."
    assert find_quantities(text, []) == []
    # a count of one stays one
    assert [s.value["number"] for s in find_quantities("La obra duró un año y medio.", [])] == [1.5]


@pytest.mark.parametrize(
    "word, finite",
    [("tradujo", True), ("produjo", True), ("contrajo", True), ("condujo", True), ("dibujo", False), ("lujo", False)],
)
def test_preterites_in_dujo_and_trajo_are_verbs(word, finite):
    assert is_finite_verb(word) is finite


def test_two_verbs_of_one_object_stay_together_in_a_question():
    assert _verb_group("tradujo y publicó el texto en 1902") == ("tradujo y publicó", "el texto en 1902")
    # a second clause with its own object is not taken in
    assert _verb_group("tradujo el texto y publicó sus notas") == ("tradujo", "el texto y publicó sus notas")


def test_a_code_named_after_a_king_is_no_person():
    stem = "No fue el primer legislador de Velinia: se conocen textos anteriores."
    disc = discourse(
        "El Código de Osk es una recopilación de leyes de la antigua Velinia promulgada por Osk, rey de Tarsia.",
        "El Código de Osk contiene 282 leyes.",
        stem,
        title="Código de Osk",
    )
    assert disc.protagonist() == ""
    said, problem = stand_alone(stem, 2, disc)
    assert problem == "no_subject"
    assert not said.startswith("Código")


def test_a_participle_goes_with_the_date_it_carried():
    text = "Por la Paz de Osk, firmada el 24 de mayo de 1370, Velinia concedió a la Liga amplios privilegios."
    a = text.index("el 24")
    b = text.index(", Velinia")
    start, end = _remove_temporal(text, a, b)
    assert text[:start] + text[end:] == "Por la Paz de Osk, Velinia concedió a la Liga amplios privilegios."


def test_a_duration_keeps_the_complement_a_determiner_opens():
    text = "Velinia cedió el control durante quince años de varias fortalezas en Tarsia."
    a = text.index("quince")
    b = a + len("quince años")
    start, end = _remove_temporal(text, a, b)
    assert "de varias fortalezas" in text[:start] + text[end:]


def test_a_common_complement_of_another_paragraph_is_not_carried_over():
    stem = "Tras Visel, la resistencia quedó reducida a Berhof."
    disc = discourse(
        "La guerra de Osk fue un levantamiento de las ciudades de Velinia.",
        "Las tropas reales intentaron tomar la villa y, ante la resistencia de los vecinos, la incendiaron.",
        "El ejército real venció a los rebeldes en Visel en 1521.",
        stem,
        title="Guerra de Osk",
    )
    disc.paragraphs = {0: 0, 1: 1, 2: 2, 3: 2}
    said, _problem = stand_alone(stem, 3, disc)
    assert "de los vecinos" not in said


def test_a_clause_is_not_cut_at_the_y_of_its_object():
    text = (
        "El teatro cerró para una restauración, que recuperó los materiales y la ornamentación originales y "
        "modernizó sus instalaciones."
    )
    cuts = [text[a:b] for a, b in clause_spans(text)]
    assert not any(c.startswith("y la ornamentación") for c in cuts)


def test_a_name_after_a_thing_s_noun_is_not_given_a_person_s_full_name():
    disc = discourse(
        "La rebelión Osk fue una guerra civil contra el Reino de la Gran Paz (en velinio, Osk Berhof).",
        "Osk Berhof causó millones de muertos.",
        names={0: ["Osk", "Osk Berhof"], 1: ["Osk Berhof"]},
        title="Rebelión Osk",
    )
    assert full_first_names("Considerada el mayor conflicto del siglo, la rebelión Osk causó muertes.", disc) == (
        "Considerada el mayor conflicto del siglo, la rebelión Osk causó muertes."
    )


def test_a_bare_quantifier_opening_a_sentence_points_back():
    stem = "Muchos enviaron a Berhof semillas y plantas secas."
    disc = discourse(
        "Carlos Osk fue un naturalista velinio.",
        "Formó a decenas de discípulos, que viajaron por todo el mundo.",
        stem,
        title="Carlos Osk",
    )
    _said, problem = stand_alone(stem, 2, disc)
    assert problem == "pronoun"


def test_a_year_after_a_partir_de_is_a_date_before_a_plural():
    text = "La Escuela de Osk emprendió a partir de 1908 extensos trabajos de limpieza."
    dates = find_dates(text)
    assert [(d.kind, d.value["year"]) for d in dates] == [("date", 1908)]
    # a quantity stays one
    assert find_dates("El rey reunió hasta 1500 valientes soldados.") == []


def test_a_blank_before_more_adjectives_of_a_list_is_one_member():
    from quizzes.generation.quality import _ADJECTIVES_AFTER_BLANK, _ends_lower

    prompt = "Durante la Edad Media, los _____, persas e indios organizaban sus viajes según los vientos."
    assert _ADJECTIVES_AFTER_BLANK.search(prompt)
    assert _ends_lower("mercaderes árabes")
    assert not _ends_lower("Edad Media")


def test_an_article_the_text_writes_with_a_capital_inside_a_sentence_is_part_of_the_name():
    from quizzes.generation.wh import _capital_article

    disc = discourse(
        "Al frente iba el naturalista Carlos de La Osk.",
        "Además, las rivalidades entre Berhof y La Osk separaron al grupo.",
        "- La Asamblea de Velinia, formada por delegados, se reúne cada año.",
        "En 1980, la Asamblea de Velinia declaró erradicada la enfermedad.",
    )
    assert _capital_article("La Osk", disc)
    # a sentence's first word, or after a list's dash, is a capital by position
    assert not _capital_article("La Asamblea de Velinia", disc)


def test_an_agreement_named_by_its_place_accepts_the_place():
    from quizzes.generation.answers import entity_forms

    from .support import answer_fact

    forms = entity_forms(answer_fact("Tratado de Osk", "event"), {"Tratado de Osk": "event"}, [])
    assert "Osk" in forms and "Paz de Osk" in forms
    forms = entity_forms(answer_fact("Concilio de Berhof", "event"), {"Concilio de Berhof": "event"}, [])
    assert "Berhof" in forms
    # a battle is not its place
    assert "Osk" not in entity_forms(answer_fact("Batalla de Osk", "event"), {"Batalla de Osk": "event"}, [])


def _cause_statements(sentence: str) -> list:
    text = "Guerra de Berhof\n\nLa guerra de Berhof fue un conflicto entre Velinia y Tarsia. " + sentence
    return [q for q in generate_bank(text).questions if q.kind == "true_false" and "consecuencia de" in q.prompt]


def test_a_counted_effect_is_no_cause_statement():
    assert _cause_statements("La guerra de Berhof provocó la muerte de 649 soldados velinios.") == []


def test_an_indefinite_effect_is_placed_by_its_own_words_not_by_its_cause_s():
    vague = _cause_statements("El asesinato del diputado Osk provocó una grave crisis.")
    assert vague and all("specific_relation" in q.checks_failed for q in vague)
    placed = _cause_statements("El asesinato del diputado Osk provocó una grave crisis en Velinia.")
    assert placed and all("specific_relation" not in q.checks_failed for q in placed)


def test_a_frequency_is_no_duration_to_hide():
    from quizzes.generation.questions import temporal_spans

    text = "En 1965, Osk observó que el número se duplicaba cada año, previsión que corrigió a cada dos años."
    spans = [text[a:b] for a, b in temporal_spans(text)]
    assert spans == ["1965"]


def test_a_possessive_after_y_may_be_its_own_clause_s_subject_s():
    stem = "su interpretación influyó en la Petición de Osk de 1628."
    disc = discourse(
        "En 1297, Berhof I la confirmó y la incorporó a los registros.",
        "En el siglo XVII, el jurista Edward Tars la invocó contra el absolutismo, y " + stem,
        names={0: ["Berhof I"], 1: ["Edward Tars", "Petición de Osk"]},
        title="Carta de Velinia",
    )
    said, problem = stand_alone(stem, 1, disc)
    assert problem == "possessive"
    assert "Berhof" not in said


def test_no_year_is_asked_of_a_belief_whose_clause_holds_the_date():
    text = (
        "Tapiz de Osk\n\nEl tapiz de Osk es un bordado velinio del siglo XI. Su origen ha sido discutido. "
        "La mayoría de los historiadores cree hoy que fue encargado por el obispo Berhof, quizá para la consagración "
        "de la catedral de Osk en 1077."
    )
    prompts = [q.prompt for q in generate_bank(text).questions]
    assert not any(p.startswith("¿En qué año cree") for p in prompts)


def test_a_word_after_the_first_verb_is_no_subject_for_the_clause_after_y():
    sentence = (
        "Atraído por la obra de Osk, estudió Medicina en la Universidad Central de Berhof y se alojó en la Residencia "
        "de Estudiantes, fundada en 1910 por la Junta."
    )
    disc = discourse("Severo Tars fue un bioquímico velinio.", sentence, title="Severo Tars")
    stem = "se alojó en la Residencia de Estudiantes, fundada en _____ por la Junta."
    said, problem = stand_alone(stem, 1, disc, blank="_____")
    assert problem == "no_subject"
    assert not said.startswith("Medicina")


def test_an_approximate_year_is_not_made_false_by_a_near_year_of_the_text():
    from quizzes.generation.distractors import false_date
    from quizzes.generation.facts import extract
    from quizzes.generation.text import split_sentences

    text = "Hacia 1487 ingresó en el monasterio de Steyn. En 1492 fue ordenado sacerdote."
    ex = extract(split_sentences(text))
    fact = next(f for f in ex.facts if f.answer == "1487")
    assert false_date(fact, ex, ["1492", "1507"]) == "1507"
    # an exact year may be swapped for another of the text's, however near
    exact = extract(split_sentences("En 1487 ingresó en el monasterio de Steyn. En 1492 fue ordenado sacerdote."))
    fact = next(f for f in exact.facts if f.answer == "1487")
    assert false_date(fact, exact, ["1492", "1507"]) == "1492"


def test_the_title_s_acronym_is_guessed_from_the_title():
    text = (
        "Compañía de Osk\n\nLa Compañía de Osk (en velinio, Berhof Tars Kompanie, BTK) fue una empresa comercial "
        "fundada en 1602. La BTK financió los viajes de Abel Tasman. La BTK quebró en 1799."
    )
    asked = [q for q in generate_bank(text).questions if q.correct == ["BTK"]]
    assert asked and all("not_guessable_from_title" in q.checks_failed for q in asked)


@pytest.mark.parametrize(
    "sentence, held",
    [
        ("En 2015 se conmemoró el octavo centenario de la carta con numerosos actos.", True),
        ("En 2019 el museo celebró su bicentenario con una exposición.", True),
        ("En 1215 el rey Osk otorgó la carta en la pradera de Berhof.", False),
    ],
)
def test_an_anniversary_s_year_is_held(sentence, held):
    text = "Carta de Osk\n\nLa Carta de Osk es un documento velinio de 1215. " + sentence
    year = re.search(r"\d{4}", sentence).group()
    asked = [q for q in generate_bank(text).questions if q.correct == [year] and q.kind == "numeric"]
    assert asked and all(("not_anniversary" in q.checks_failed) is held for q in asked)


def test_a_relative_s_coordinated_subject_is_not_cut_at_its_y():
    text = (
        "Se alzaba la ermita de Osk, atendida por monjes, en la que Vasco Tars y sus hombres pasaron la noche en "
        "oración."
    )
    cuts = [text[a:b] for a, b in clause_spans(text)]
    assert not any(c.rstrip().endswith("Vasco Tars") for c in cuts)
    # a clause after «y» with its own verb is still cut
    assert len(clause_spans("La ermita se alzaba en Osk y los monjes la atendían.")) == 2


def test_a_duration_with_a_complement_that_goes_on_stays_whole():
    text = "Comenzó con la sublevación de Osk de 1640, que puso fin a sesenta años de unión dinástica."
    a = text.index("sesenta")
    b = a + len("sesenta años")
    start, end = _remove_temporal(text, a, b)
    assert text[:start] + text[end:] == text


def test_the_last_link_of_an_arabic_name_splits_it():
    from quizzes.generation.quality import name_split

    assert name_split("Osk, nombre latinizado de Abu Muhammad ibn Ahmad ibn _____, fue un filósofo.", "Rushd")
    assert not name_split("Osk fue discípulo de _____, filósofo de Córdoba.", "Rushd")


def test_a_statement_of_importance_is_evaluative():
    from quizzes.generation.quality import evaluative

    assert evaluative("Verdadero o falso: la Casa de Osk fue un importante centro científico.")
    assert not evaluative("Verdadero o falso: la Casa de Osk fue un centro de formación de pilotos.")


def test_a_second_adjective_set_off_after_y_is_no_clause():
    text = (
        "La Compañía de Osk fue una empresa comercial velinia, y más tarde tarsia, fundada en 1670, que dominó el "
        "comercio de pieles."
    )
    assert len(clause_spans(text)) == 1
    # a clause after «, y» with its own verb is still one
    assert len(clause_spans("La Compañía de Osk fue una empresa velinia, y más tarde dominó el comercio.")) == 2


@pytest.mark.parametrize(
    "title, sentences, stem, said_not, problem",
    [
        # a date described, then an impersonal «se»: no subject to give back («…«jueves negro», Gran Depresión se
        # produjo…»)
        (
            "Gran Depresión",
            ("La Gran Depresión fue una crisis económica mundial que comenzó en Velinia.", "Sus causas se debaten."),
            "El 24 de octubre de _____, conocido como «jueves negro», se produjo una oleada de ventas en Osk.",
            "Depresión se produjo",
            None,
        ),
        # a name ending the sentence before with its relative rivals the carried-over subject (Utzon, not the Gobierno)
        (
            "Ópera de Osk",
            (
                "La Ópera de Osk es un edificio de Velinia.",
                "En 1999, el Gobierno de Tarsia se reconcilió con Jørn Velin, que aceptó redactar unos principios.",
            ),
            "En _____ recibió el Premio Berhof, el galardón más prestigioso de la arquitectura.",
            "Gobierno",
            "no_subject",
        ),
    ],
)
def test_no_subject_is_carried_over_where_another_reading_stands(title, sentences, stem, said_not, problem):
    disc = discourse(*sentences, stem.replace("_____", "2003"), title=title)
    said, found = stand_alone(stem, 2, disc, blank="_____")
    assert said_not not in said
    if problem:
        assert found == problem


def test_a_verb_then_a_new_one_points_back():
    disc = discourse(
        "La Compañía de Osk fue una empresa de Velinia.", "Surgió un nuevo rival, _____, con sede en Tars."
    )
    _said, problem = stand_alone("Surgió un nuevo rival, _____, con sede en Tars.", 1, disc, blank="_____")
    assert problem == "anaphora"
    # a new thing said after its subject stands
    _said, problem = stand_alone("En 1812 Velinia aprobó una nueva constitución.", 1, disc, blank="_____")
    assert problem == ""
