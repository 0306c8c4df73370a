"""Round 18: defects of word and referent found on the development set, each tried on sentences of our own.

- «la capital» is a country's: said with a city named before («la capital de Moscú») it was wrong and ungrammatical;
- «como se llamaba entonces X»: «entonces» dates a name there, it is neither dropped nor read as a time said before;
- a number said in words opens a true/false statement in lower case («Verdadero o falso: cuatro civiles…»);
- «Su gestión conjunta…»: the owner's name goes after the noun's adjectives, and a possessive whose sentence before
  names the document's topic as well as its subject is held (whose is it?).
"""

from quizzes.generation.questions import true_false_prompt
from quizzes.generation.standalone import definite_reference, outside_reference, stand_alone

from .support import discourse


def _capital_text(*, country: bool):
    disc = discourse(
        "La revuelta de Ostrava fue un levantamiento obrero de 1911.",
        "Los huelguistas marcharon desde Kolm hasta Velin." if not country else "Los huelguistas cruzaron Norvalia.",
        "El ejército ocupó la capital en pocas horas.",
    )
    disc.kinds = {1: [("Kolm", "city"), ("Velin", "city")] if not country else [("Norvalia", "country")]}
    return disc


def test_the_capital_is_not_said_of_a_city_named_before():
    said, problem = definite_reference("El ejército ocupó la capital en _____.", 2, _capital_text(country=False))
    assert "capital de Velin" not in said and "capital de Kolm" not in said
    assert problem == "anaphora"


def test_the_capital_is_said_of_the_country_named_before():
    said, problem = definite_reference("El ejército ocupó la capital en _____.", 2, _capital_text(country=True))
    assert problem == ""
    assert said == "El ejército ocupó la capital de Norvalia en _____."


def test_then_after_a_verb_of_naming_stays_and_is_no_time_said_before():
    disc = discourse(
        "La huelga de Velin fue un paro general de 1911.",
        "El 3 de mayo de 1911, las tejedoras de Velin, como se llamaba entonces Nova Kolm, dejaron los telares.",
    )
    stem = "El 3 de mayo de _____, las tejedoras de Velin, como se llamaba entonces Nova Kolm, dejaron los telares."
    said, problem = stand_alone(stem, 1, disc)
    assert problem == ""
    assert "como se llamaba entonces Nova Kolm" in said
    assert outside_reference(said) == ""
    # «entonces» after another verb still points back to a time the item does not say.
    assert outside_reference("Las tejedoras dejaron entonces los telares en _____.") != ""


def test_a_number_in_words_opens_a_statement_in_lower_case():
    assert true_false_prompt("Cuatro civiles murieron en la plaza de Velin.") == (
        "Verdadero o falso: cuatro civiles murieron en la plaza de Velin."
    )
    assert true_false_prompt("Velin fue fundada en 1203.") == "Verdadero o falso: Velin fue fundada en 1203."


def test_a_statement_opening_with_a_title_keeps_its_capital():
    text = (
        "El prudente navegante Olaf de Kolm es una novela de Ana Velin. Su segunda parte se tituló El prudente "
        "regreso de Olaf. El prudente navegante Olaf de Kolm narra tres viajes."
    )
    statement = "El prudente navegante Olaf de Kolm narra tres viajes."
    assert true_false_prompt(statement, text) == "Verdadero o falso: " + statement
    # without a title said inside a sentence, the article opens a common phrase and is lowered
    assert true_false_prompt("El viejo puerto de Kolm cerró en 1890.", "El viejo puerto de Kolm cerró en 1890.") == (
        "Verdadero o falso: el viejo puerto de Kolm cerró en 1890."
    )


def test_the_owner_goes_after_the_nouns_adjectives():
    disc = discourse(
        "La Compañía de Velin fue una empresa naviera fundada en 1850.",
        "Tomás Arnal dirigió la compañía desde 1870.",
        "Su gestión prudente salvó la empresa en la crisis de 1873.",
    )
    said, problem = stand_alone("Su gestión prudente salvó la empresa en la crisis de _____.", 2, disc)
    assert problem == ""
    assert said.startswith("La gestión prudente de Tomás Arnal salvó")


def test_a_possessive_after_a_sentence_naming_the_topic_and_another_owner_is_held():
    disc = discourse(
        "El lago Morvano es un lago de agua dulce compartido por Norvalia y Sudmark.",
        "Norvalia creó en 1978 la Reserva Nacional del Morvano.",
        "Su gestión conjunta corresponde desde 1996 a una autoridad binacional.",
    )
    said, problem = stand_alone("Su gestión conjunta corresponde desde _____ a una autoridad binacional.", 2, disc)
    assert problem == "possessive"
    assert "de Norvalia" not in said


# A bare definite phrase takes a complement said before only when that complement says which one (dev audit of the
# 29 rewrites of round 17: 8 were wrong, e.g. «el volcán más alto del mundo», «los ingleses de casi todo el
# territorio», «el río Danubius», «la guerra de las Siete Semanas» for a later war).


def test_a_phrase_its_own_sentence_names_first_is_not_given_another_complement():
    disc = discourse(
        "El Karvan, el volcán más alto del mundo, se alza en Ostmark.",
        "En Norvalia, el volcán Morvo, de 5100 m, está tan cerca del ecuador que el volcán parece más alto.",
    )
    said, problem = definite_reference(
        "En Norvalia, el volcán _____, de 5100 m, está tan cerca del ecuador que el volcán parece más alto.", 1, disc
    )
    assert said == "En Norvalia, el volcán _____, de 5100 m, está tan cerca del ecuador que el volcán parece más alto."
    assert problem == ""


def test_a_name_given_after_a_verb_of_naming_is_not_which_one():
    disc = discourse(
        "Kolm es una ciudad de Ostmark.",
        "Los antiguos llamaban al río Varnius.",
        "El río fue durante siglos una frontera.",
    )
    said, _problem = definite_reference("El río fue durante siglos _____.", 2, disc)
    assert said == "El río fue durante siglos _____."


def test_a_quantified_complement_belongs_to_another_word():
    disc = discourse(
        "La guerra de los Seis Reinos enfrentó a Norvalia y a Sudmark.",
        "Terminó con la expulsión de los norvalos de casi todo el territorio sudmarqués.",
        "Los norvalos firmaron la paz en 1460.",
    )
    said, _problem = definite_reference("Los norvalos firmaron la paz en _____.", 2, disc)
    assert "casi todo" not in said


def test_the_nearest_description_said_decides_and_it_is_another_one():
    disc = discourse(
        "La independencia de Norvalia fue un proceso que duró de 1810 a 1816.",
        "Al principio, las ciudades obedecían a la junta de Velin, que gobernaba en nombre del rey.",
        "En mayo de 1810, los vecinos de Kolm formaron la junta revolucionaria.",
        "La junta envió expediciones al norte y al oeste.",
    )
    said, _problem = definite_reference("La junta envió expediciones al norte y al _____.", 3, disc)
    assert said == "La junta envió expediciones al norte y al _____."


def test_a_complement_that_says_which_one_is_still_taken():
    disc = discourse(
        "El tratado de Morvia fue un acuerdo entre Norvalia y Sudmark.",
        "Fijó la línea de demarcación en el río Varno.",
        "Las tierras al este de la línea serían de Norvalia.",
    )
    said, problem = definite_reference("Las tierras al este de la línea serían de _____.", 2, disc)
    assert problem == ""
    assert said == "Las tierras al este de la línea de demarcación serían de _____."


def _bank(text: str):
    from quizzes.generation import generate_bank

    return generate_bank(text)


def test_a_day_without_its_year_is_accepted_as_students_type_it():
    bank = _bank("Según la tradición, la erupción del monte Kolm comenzó el 24 de agosto.")
    asked = [q for q in bank.questions if q.kind == "short_answer" and q.correct == ["24 de agosto"]]
    assert asked
    for form in ("24 agosto", "24/8", "24/08"):
        assert form in asked[0].accepted


def test_a_night_between_two_days_accepts_either_day_and_the_span_written_otherwise():
    bank = _bank("En la noche del 24 al 25 de octubre de 1917, los rebeldes de Velin tomaron el palacio real.")
    (q,) = [q for q in bank.questions if q.kind == "short_answer" and q.correct == ["24 al 25 de octubre de 1917"]]
    for form in ("24-25 de octubre de 1917", "24 y 25 de octubre de 1917", "24 de octubre de 1917"):
        assert form in q.accepted
    span = _bank("Del 5 al 12 de mayo de 1820 se celebró el congreso de Varna en el palacio real de Velin.")
    (q,) = [q for q in span.questions if q.kind == "short_answer" and q.correct == ["5 al 12 de mayo de 1820"]]
    assert "5-12 de mayo de 1820" in q.accepted
    # «5 y 12» names two days, not the span; one day alone is not the span either.
    assert "5 y 12 de mayo de 1820" not in q.accepted and "5 de mayo de 1820" not in q.accepted


def test_a_duration_stem_keeps_the_one_date_its_verb_needs():
    bank = _bank("La erupción del monte Kolm comenzó el 24 de agosto y duró dos días.")
    stems = [q.prompt for q in bank.questions if q.correct in (["dos días"], ["2"])]
    assert stems
    assert all("comenzó el 24 de agosto y duró" in p for p in stems)
    assert not any("comenzó y" in p for p in stems)


def test_a_day_with_its_year_said_after_ano_is_one_date():
    bank = _bank("El rey Odón murió el 3 de mayo del año 814 en la ciudad de Velin.")
    dates = [f for f in bank.facts if f.kind == "date"]
    assert [(f.answer, f.value["year"]) for f in dates] == [("3 de mayo del año 814", 814)]
    day = next(q for q in bank.questions if q.kind == "short_answer" and q.correct == ["3 de mayo del año 814"])
    assert {"3 de mayo de 814", "3 de mayo del 814", "3/5/814"} <= set(day.accepted)


def test_a_superlative_without_its_noun_as_subject_points_back():
    for prompt in (
        "El más bajo es la depresión de Velin, a _____ metros bajo el nivel del mar.",
        "La más reciente se produjo en _____.",
        "Verdadero o falso: el más alto mide 3000 metros.",
    ):
        assert outside_reference(prompt) == "demonstrative", prompt
    # a predicate («es la más alta»), a superlative with its noun or a noun after «mayor» stand alone
    for prompt in (
        "La torre de Velin es la más alta, con _____ metros.",
        "El Kolm es el volcán más alto del mundo, con _____ metros.",
        "La mayor parte del territorio de Velin es desierto desde _____.",
    ):
        assert outside_reference(prompt) == "", prompt


def test_a_second_surname_joined_by_y_is_one_name_and_two_people_are_not_joined():
    from quizzes.generation.answers import _joined_surnames

    text = (
        "El 16 de septiembre de 1810, Tomás Arnal y Bermejo, párroco de Velin, llamó a la rebelión. "
        "En 1811, Pedro Ruiz y Isabel, sus aliados, fueron capturados; Juan Soler y Vidal, su rival, huyó. "
        "Vidal murió en 1830."
    )
    persons = ["Tomás Arnal", "Arnal", "Pedro Ruiz", "Isabel", "Juan Soler", "Vidal"]
    names = dict.fromkeys(persons, "person") | {"Bermejo": "person"}
    # «Bermejo» is said only as the second surname; «Isabel» is a first name; «Vidal» is named alone elsewhere
    assert _joined_surnames(persons, names, text) == ["Tomás Arnal y Bermejo"]
