"""Round 4: years before Christ, approximate quantities and the sentences around an era (texts of our own)."""

from quizzes.domain.grading import grade_numeric
from quizzes.domain.numbers import format_amount, parse_quantity
from quizzes.generation import generate_bank
from quizzes.generation.text import split_sentences

CANNAS = (
    "La batalla de Cannas enfrentó a Cartago y a la República romana en el año 216 a. C. "
    "El general cartaginés Aníbal Barca rodeó a las legiones con su caballería. "
    "En agosto del 216 a. C. murieron en Cannas alrededor de 50 000 soldados romanos. "
    "En 202 a. C. Escipión derrotó a Aníbal Barca en la batalla de Zama. "
    "El 15 de marzo del 44 a. C. fue asesinado Julio César en el teatro de Pompeyo."
)


def test_an_era_ends_a_sentence_when_a_function_word_follows():
    texts = [s.text for s in split_sentences(CANNAS)]
    assert texts[0].endswith("en el año 216 a. C.")
    assert texts[1].startswith("El general cartaginés")
    # A name after a fronted date is the same sentence.
    assert "En 202 a. C. Escipión derrotó a Aníbal Barca en la batalla de Zama." in texts


def test_days_and_months_before_christ_keep_their_era():
    bank = generate_bank(CANNAS)
    dates = {f.answer: f.value for f in bank.facts if f.kind == "date"}
    assert dates["agosto del 216 a. C."]["year"] == -216
    assert dates["15 de marzo del 44 a. C."]["year"] == -44


def test_a_date_before_christ_is_accepted_without_its_era():
    bank = generate_bank(CANNAS)
    accepted = {a for q in bank.questions if q.correct == ["agosto del 216 a. C."] for a in q.accepted}
    assert {"agosto de 216", "agosto 216", "agosto del 216 aC"} <= accepted
    accepted = {a for q in bank.questions if q.correct == ["216 a. C."] for a in q.accepted}
    assert "216" in accepted


def test_a_year_before_christ_is_typed_with_or_without_its_era():
    bank = generate_bank(CANNAS)
    numeric = [q for q in bank.questions if q.kind == "numeric" and q.correct == ["202"]]
    assert numeric and all(q.numeric["unit"] == "a. C." for q in numeric)
    for typed in ("202", "202 a. C.", "202 a.C.", "202 aC", "202 antes de Cristo"):
        given = parse_quantity(typed)
        assert grade_numeric(value=202, unit="a. C.", given=given.value, given_unit=given.unit) == 1.0, typed
    given = parse_quantity("202 km")
    assert grade_numeric(value=202, unit="a. C.", given=given.value, given_unit=given.unit) == 0.0
    assert format_amount(202, "a. C.") == "202 a. C."  # the result page, not «202 años»


def test_an_approximate_quantity_has_a_tolerance_and_keeps_its_approximation():
    bank = generate_bank(CANNAS)
    numeric = [q for q in bank.questions if q.kind == "numeric" and q.numeric["value"] == 50000]
    assert numeric
    for q in numeric:
        assert q.numeric["tolerance"] == 5000
        assert "alrededor de _____" in q.prompt and not q.prompt.startswith("¿")


ARMADA = (
    "La Armada Invencible\n\n"
    "Felipe II reunió la Gran Armada en Lisboa en 1587. "
    "La flota zarpó de La Coruña el 22 de julio de 1588 rumbo al canal de la Mancha. "
    "El 8 de agosto de 1588 los ingleses atacaron con brulotes a la flota fondeada frente a Calais. "
    "En 1596 una flota inglesa saqueó Cádiz. "
    "El marino Álvaro de Bazán había muerto en 1588 en Lisboa."
)


def test_a_false_date_is_another_date_of_the_text_or_far_off():
    """«zarpó… el 23 de julio de 1588» tests a digit, not the fact: the false date is a real substitution."""
    bank = generate_bank(ARMADA)
    text_dates = {f.answer for f in bank.facts if f.kind == "date"}
    for q in bank.questions:
        if q.kind != "true_false" or q.correct != ["Falso"] or "swap:date" not in q.notes:
            continue
        note = next(n for n in q.notes if n.startswith("Afirmación falsa"))
        false, true = note.split("«")[1].split("»")[0], note.split("«")[2].split("»")[0]
        years = [int(y) for y in (false[-4:], true[-4:])]
        assert false in text_dates or abs(years[0] - years[1]) >= 10, q.prompt


def test_a_second_aside_keeps_its_comma_when_the_first_is_dropped():
    from quizzes.generation.questions import paraphrase

    said = paraphrase(
        "El Nuestra Señora de Atocha, el galeón más rico de la flota, con 40 toneladas de plata, se hundió.", ""
    )
    assert said == "El Nuestra Señora de Atocha, con 40 toneladas de plata, se hundió."


def test_a_city_written_without_its_accent_is_a_city():
    """«Manchester» (the gazetteer says «Mánchester») was typed a country: its wrong options were countries."""
    bank = generate_bank(
        "Las fábricas textiles\n\nLas ciudades fabriles, como Manchester, crecieron sin orden. "
        "Leeds y Glasgow también crecieron mucho durante el siglo XIX."
    )
    manchester = [f for f in bank.facts if f.answer == "Manchester"]
    assert manchester and all(f.subtype == "city" for f in manchester)


def test_an_adverbial_phrase_is_no_defined_term():
    bank = generate_bank(
        "Entre tanto, una epidemia de peste, enfermedad traída por los barcos, diezmó a la población de Génova."
    )
    assert not any(f.answer == "tanto" for f in bank.facts)


def test_a_fronted_blank_is_set_off_from_the_name_after_it():
    """«En _____ Cortés obtuvo…» reads as a name «_____ Cortés»: a comma closes the fronted phrase."""
    from quizzes.generation.questions import _fronted_comma

    assert _fronted_comma("En _____ Pizarro fundó la ciudad de Lima.") == "En _____, Pizarro fundó la ciudad de Lima."
    assert _fronted_comma("En _____ se fundó la ciudad de Lima.") == "En _____ se fundó la ciudad de Lima."
    assert _fronted_comma("En _____, Pizarro fundó Lima.") == "En _____, Pizarro fundó Lima."


RAYOS = (
    "Los rayos X\n\nEl físico alemán Wilhelm Röntgen descubrió los rayos X en 1895. "
    "Francisco Pizarro y Diego de Almagro se asociaron en Panamá. Pizarro y Almagro se enfrentaron después por Cuzco. "
    "El galeón cruzó el Atlántico el 7 de junio de 1565. El cuadro se conserva en el Museo del Louvre desde 1797."
)


def test_more_ways_of_typing_a_name_or_a_date():
    bank = generate_bank(RAYOS)
    accepted = {q.correct[0]: set(q.accepted) for q in bank.questions if q.kind == "short_answer"}
    assert "Roentgen" in accepted["Wilhelm Röntgen"]  # «ö» typed «oe» («o» is the same once accents go)
    assert {"Francisco Pizarro y Almagro", "Pizarro y Diego de Almagro"} <= accepted["Pizarro y Almagro"]
    assert "océano Atlántico" in accepted["Atlántico"]
    assert "Louvre" in accepted["Museo del Louvre"]
    assert "7 de junio 1565" in accepted["7 de junio de 1565"]


def test_a_person_s_name_after_his_army_is_a_person_and_a_heading_does_not_make_a_place_a_person():
    text = (
        "La guerra de independencia\n\n"
        "George Washington mandó el Ejército Continental desde 1775. "
        "El ejército de Washington acampó en Valley Forge durante el invierno de 1777. "
        "El ejército de Cartago fue derrotado en Zama.\n"
        "Saratoga y la alianza\n"
        "En 1777 el general Burgoyne se rindió en Saratoga. Tras la victoria de Saratoga, Francia se alió con los colonos."
    )
    bank = generate_bank(text)
    types = {(f.answer, f.sentence[:12]): f.kind for f in bank.facts}
    assert types[("Washington", "El ejército ")] == "person"  # not the gazetteer's city
    assert types[("Cartago", "El ejército ")] == "place"
    assert {kind for (answer, _s), kind in types.items() if answer == "Saratoga"} == {"place"}


def test_a_true_statement_with_a_word_left_out_is_a_copy():
    from quizzes.generation.quality import copied_statement

    sentence = (
        "Los incas, también llamados hijos del Sol, dominaban entonces los Andes centrales mediante una red de "
        "caminos que unía Cuzco, Quito y Cajamarca, y cobraban tributos a numerosos pueblos."
    )
    copy = "Verdadero o falso: los incas, también llamados hijos del Sol, dominaban los Andes centrales mediante una red de caminos."
    assert copied_statement(copy, sentence)
    # An aside of several words dropped from the middle, or the date moved to the front, is a restatement.
    sentence = (
        "El Victoria, el único barco de la flota que volvió, con dieciocho hombres a bordo, llegó a Sanlúcar en 1522."
    )
    assert not copied_statement(
        "Verdadero o falso: el Victoria, con dieciocho hombres a bordo, llegó a Sanlúcar.", sentence
    )
    assert not copied_statement("Verdadero o falso: en 1522, el Victoria llegó a Sanlúcar.", sentence)


def test_a_person_s_remains_are_never_said_of_an_event():
    text = (
        "Gustavo Adolfo Bécquer\n\n"
        "Gustavo Adolfo Bécquer fue un poeta sevillano. Desde 1913 se celebra el Día de la Poesía Sevillana en su honor. "
        "Sus restos descansan desde 1972 en el Panteón de Sevillanos Ilustres."
    )
    bank = generate_bank(text)
    assert not any("del Día de la Poesía" in q.prompt for q in bank.questions)


def test_a_masked_date_or_duration_leaves_a_whole_statement():
    """«…regresaron a Cádiz en septiembre de 1794 tras más de cinco años de viaje»: masking the date kept «tras»
    off the duration («regresaron a Cádiz más de cinco años de viaje»), masking the duration left «de viaje»."""
    bank = generate_bank(
        "Las naves de Elcano zarparon de Sevilla en 1519. "
        "Las naves regresaron a Sanlúcar en septiembre de 1522 tras casi tres años de viaje."
    )
    prompts = [q.prompt for q in bank.questions if "regresaron" in q.prompt]
    assert prompts
    assert not any("Sanlúcar casi tres años" in p or "Sanlúcar más de" in p for p in prompts)
    assert all("tras" in p for p in prompts if "de viaje" in p)


def test_more_approximate_quantities_get_a_tolerance():
    for sentence in (
        "En la necrópolis aparecieron en torno a 300 esqueletos de época romana.",
        "En la necrópolis aparecieron 300 esqueletos aproximadamente de época romana.",
    ):
        numeric = [q for q in generate_bank(sentence).questions if q.kind == "numeric"]
        # Round 5: a round figure is precise to half its last significant digit (250 to 350), at least 10 %.
        assert numeric and numeric[0].numeric["tolerance"] == 50, sentence


def test_a_work_named_after_its_class_noun_is_no_person():
    bank = generate_bank(
        "En 1626 Francisco de Quevedo publicó otra novela picaresca, El Buscón. "
        "La novela de Cervantes se publicó en Madrid en 1605."
    )
    kinds = {f.answer: f.kind for f in bank.facts}
    assert kinds.get("Buscón", "event") != "person"
    assert kinds.get("Francisco de Quevedo") == "person"


def test_a_ruler_s_epithet_is_part_of_the_name():
    """«_____ la Católica» split the name; «Isabel» alone is accepted, «la Católica» alone is not."""
    bank = generate_bank(
        "En 1492 Isabel la Católica financió el viaje de Cristóbal Colón. "
        "Alfonso X el Sabio fundó la Escuela de Traductores de Toledo en 1252."
    )
    people = {f.answer for f in bank.facts if f.kind == "person"}
    assert {"Isabel la Católica", "Alfonso X el Sabio"} <= people
    accepted = {a for q in bank.questions if q.correct == ["Isabel la Católica"] for a in q.accepted}
    assert "Isabel" in accepted and "la Católica" not in accepted


def test_a_date_is_not_moved_before_a_time_connector_or_a_colon():
    from quizzes.generation.questions import paraphrase

    said = "Poco después se rindió la guarnición: el gobernador huyó el 3 de mayo de 1809."
    assert paraphrase(said, "") == said


def test_a_king_of_a_country_is_accepted_without_the_country():
    bank = generate_bank("En 1337 Eduardo III de Inglaterra reclamó el trono de Francia tras la muerte de Carlos IV.")
    accepted = {a for q in bank.questions if q.correct == ["Eduardo III de Inglaterra"] for a in q.accepted}
    assert {"Eduardo III", "Eduardo tercero"} <= accepted


def test_a_bare_antes_opening_the_sentence_is_dropped():
    bank = generate_bank(
        "El médico inglés William Harvey describió la circulación de la sangre en 1628. "
        "Antes, el médico aragonés Miguel Servet había explicado la circulación pulmonar en 1553."
    )
    assert not any(q.prompt.startswith("Antes,") for q in bank.questions)
    assert any(q.prompt.startswith("El médico aragonés") for q in bank.questions)


def test_a_bare_surname_is_the_person_but_a_land_after_de_stays_a_place():
    bank = generate_bank(
        "George Washington mandó el ejército de las colonias. En 1781 Washington y el general Rochambeau sitiaron "
        "Yorktown. Juan de Austria venció en Lepanto en 1571. Austria y España eran aliadas."
    )
    kinds = {(f.answer, f.sentence[:6]): f.kind for f in bank.facts}
    assert kinds[("Washington", "En 178")] == "person"
    assert kinds[("Austria", "Austri")] == "place"
