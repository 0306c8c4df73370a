"""Round 30: what fresh texts showed at first sight, and what the missed gold facts showed, tried on our own sentences.

- «murió en 440», «creó, en 702, unos exámenes», «de 772 a 804», «en el año 80»: a year of the first millennium was
  never a date (only 1000-2099, or a year with its era), so a text about that time lost its dates;
- «El _____, el presidente … anunciaron…» → «26 de junio de 2000»: the whole date typed, because its year, asked as
  «El 26 de junio de _____, … (Escriba el año.)», counted the instruction and the date's words as the stem's length;
- «¿Hacia qué año llegó el navegante portugués Jorge de Meneses a sus costas?»: «de Meneses» read as a place that owns
  the coasts, and a place the text names («Nueva Guinea») taken for a person, who owns no coasts;
- true statements that copy a long sentence with its subject put back («Esta ley» → «la Ley del Título Nativo»);
- «El sistema se complementó con _____ sobre Aranceles Aduaneros y Comercio» → «Acuerdo General»: half a name;
- «Alejo III huyó, e _____ fue restaurado»: «e» tells the answer's first sound;
- «Rey de Bohemia desde _____, convirtió Praga…»: a common noun capitalised as the first word taken for the subject;
- «¿En qué año reinó Eduardo IV … hasta su muerte?» → 1483, the year of the death, not of the reign;
- «¿En qué año provocó la incapacidad de Arias para emprender reformas profundas su dimisión?»;
- «Pompeya y Herculano Annunziata»: «Herculano y Torre Annunziata» read as two brothers of one surname;
- «¿En qué año se celebró el Primer Concilio de Constantinopla en la misma ciudad el Segundo Concilio…?»: a subject
  given to a verb whose subject follows it, because the stem opened with a blank.
"""

from quizzes.generation.facts import early_times, find_dates
from quizzes.generation.model import Question
from quizzes.generation.quality import copied_statement, name_split
from quizzes.generation.questions import build_stem
from quizzes.generation.ranking import MAX_PUBLISHED_WORDS, words_read
from quizzes.generation.standalone import stand_alone
from quizzes.generation.wh import _invert, wh_prompt

from .support import discourse, sentence_fact


def test_a_year_of_the_first_millennium_is_a_date_in_a_text_of_that_time():
    assert early_times("Tarsia fue conquistada en el siglo IX.")
    assert early_times("El sistema se estableció en el año 605, durante la dinastía Sui.")
    assert early_times("Osk nació en el 58 a. C.")
    assert not early_times("Tarsia fue conquistada en 1936 por 300 soldados.")
    sentence = "Tadeo Osk murió en 440 y fue enterrado en Tarsia."
    assert [(d.text, d.value["year"]) for d in find_dates(sentence, True)] == [("440", 440)]
    assert find_dates(sentence) == []  # a text of another time: a figure of three digits is not read as a year
    assert [d.text for d in find_dates("La emperatriz creó, en 702, unos exámenes militares.", True)] == ["702"]
    (war,) = find_dates("Las guerras duraron más de treinta años, de 772 a 804.", True)
    assert war.text == "772 a 804" and war.value["year"] == 772 and war.value["end"]["year"] == 804
    # after «año» a year is one in any text, but not a year of another count
    assert [d.text for d in find_dates("Tito inauguró el edificio en el año 80 con unos juegos.")] == ["80"]
    assert find_dates("El escriba afirma que lo copió en el año 33 del reinado de Apofis.", True) == []
    # a figure before the noun it counts, or the end of a range of figures, is no year
    assert find_dates("Osk reunió en 300 barcos a sus tropas.", True) == []
    assert find_dates("Da las fracciones de todos los números impares desde 3 hasta 101.", True) == []


def _item(kind: str, prompt: str, answer: str) -> Question:
    return Question(
        key="q", kind=kind, prompt=prompt, fact_keys=["f"], correct=[answer], distractors=[], explanation="",
        sentence_indexes=[0],
    )  # fmt: skip


def test_a_year_and_its_whole_date_read_as_long_as_their_sentence():
    tail = " ".join(["palabra"] * 28) + "."
    whole = _item("short_answer", "El _____, " + tail, "26 de junio de 2000")
    year = _item("numeric", "El 26 de junio de _____, " + tail + " (Escriba el año.)", "2000")
    assert words_read(whole) == words_read(year) == 34 <= MAX_PUBLISHED_WORDS
    assert len(year.prompt.split()) > MAX_PUBLISHED_WORDS  # what held the year back before
    assert words_read(_item("short_answer", "¿Quién fundó Tarsia?", "Tadeo Osk")) == 3


def test_a_place_the_text_names_is_no_person_and_a_name_particle_is_no_place():
    disc = discourse(
        "Nueva Guinea es la segunda isla más grande del mundo.",
        "Hacia 1526, el navegante portugués Jorge de Meneses llegó a sus costas.",
        names={0: ["Nueva Guinea"], 1: ["Jorge de Meneses"]},
        title="Nueva Guinea",
    )
    disc.kinds = {0: [("Nueva Guinea", "locality")]}
    said, problem = stand_alone("Hacia _____, el navegante portugués Jorge de Meneses llegó a sus costas.", 1, disc)
    assert problem == "" and said.endswith("llegó a las costas de Nueva Guinea.")
    # a place said before «su» owns it
    said, _ = stand_alone("En _____, Osk descendió por el Berhof hasta su desembocadura.", 1, disc)
    assert "hasta su desembocadura" in said


def test_a_long_true_statement_with_its_subject_put_back_copies_its_sentence():
    sentence = (
        "Esta ley estableció un procedimiento para reclamar el título nativo y creó el Tribunal Nacional del Título "
        "Nativo."
    )
    statement = (
        "Verdadero o falso: la Ley del Título Nativo estableció un procedimiento para reclamar el título nativo y "
        "creó el Tribunal Nacional del Título Nativo."
    )
    assert copied_statement(statement, sentence)
    assert not copied_statement("Verdadero o falso: la ley creó un tribunal en 1993.", sentence)


def test_a_blank_before_the_rest_of_a_name_or_after_its_head_splits_it():
    prompt = (
        "El sistema se complementó con _____ sobre Aranceles Aduaneros y Comercio, que pretendía reducir aranceles."
    )
    assert name_split(prompt, "Acuerdo General")
    assert name_split("El parque está gestionado por el Instituto Congoleño para _____ desde 2005.", "Conservación")
    assert not name_split("El acuerdo se firmó en _____ para la paz.", "Roma")


def test_a_blank_after_e_or_u_is_said_after_y_or_o():
    fact = sentence_fact(
        "Alejo III huyó, e Isaac II fue restaurado junto a su hijo.", "Isaac II", "person", "", blank_start=18
    )
    assert build_stem(fact) == "Alejo III huyó y _____ fue restaurado junto a su hijo."
    fact = sentence_fact("Tarsia y Osk u Orlek firmaron la paz.", "Orlek", "person", "", blank_start=15)
    assert "Osk o _____ firmaron" in build_stem(fact)


def test_a_capitalised_common_noun_opening_the_sentence_is_no_subject():
    disc = discourse(
        "Tadeo Osk fue emperador de Velinia y rey de Tarsia.",
        "Rey de Tarsia desde 1346, convirtió Berhof en su capital.",
        names={0: ["Tadeo Osk", "Velinia", "Tarsia"], 1: ["Rey de Tarsia", "Berhof"]},
        title="Tadeo Osk",
    )
    said, problem = stand_alone("Rey de Tarsia desde _____, convirtió Berhof en su capital.", 1, disc)
    assert problem == "" and said == "Rey de Tarsia desde _____, Tadeo Osk convirtió Berhof en su capital."


def test_a_date_set_off_after_an_event_noun_is_that_events():
    sentence = "Tadeo Osk reinó sin oposición seria hasta su muerte, el 9 de abril de 1483."
    fact = sentence_fact(sentence, "9 de abril de 1483", subtype="day", sentence_index=0)
    disc = discourse(sentence, names={0: ["Tadeo Osk"]}, title="Guerra de Tarsia")
    assert wh_prompt(fact, sentence.replace("9 de abril de 1483", "QQQ"), disc) == ""
    # a date set off after a name is the name's too; after the verb's own phrase it is the verb's
    sentence = "Tadeo Osk reinó sin oposición seria en Tarsia el 9 de abril de 1483."
    fact = sentence_fact(sentence, "9 de abril de 1483", subtype="day", sentence_index=0)
    disc = discourse(sentence, names={0: ["Tadeo Osk", "Tarsia"]}, title="Guerra de Tarsia")
    assert wh_prompt(fact, sentence.replace("9 de abril de 1483", "QQQ"), disc).startswith("¿Cuándo reinó")


def test_a_short_object_goes_before_a_heavy_subject():
    disc = discourse("La incapacidad de Osk para emprender reformas profundas provocó su dimisión en 1976.")
    question = _invert(
        "En qué año", "La incapacidad de Osk para emprender reformas profundas provocó su dimisión", disc
    )
    assert question == "¿En qué año provocó su dimisión la incapacidad de Osk para emprender reformas profundas?"


def test_the_last_two_of_a_list_of_places_share_no_surname():
    disc = discourse(
        "La Unesco declaró Patrimonio de la Humanidad las zonas de Pompeya, Herculano y Torre Annunziata.",
        "En el año 62 un fuerte terremoto dañó gravemente Pompeya y Herculano.",
        names={0: ["Unesco", "Pompeya", "Herculano", "Torre Annunziata"], 1: ["Pompeya", "Herculano"]},
        title="Erupción del Vesubio",
    )
    said, _ = stand_alone("En el año _____ un fuerte terremoto dañó gravemente Pompeya y Herculano.", 1, disc)
    assert "Annunziata" not in said


def test_a_verb_whose_subject_follows_it_takes_no_subject_when_the_stem_opens_with_a_blank():
    disc = discourse(
        "El Primer Concilio de Constantinopla, en 381, ratificó la doctrina nicena.",
        "En 787 se celebró en la misma ciudad el Segundo Concilio de Nicea, dedicado al culto de las imágenes.",
        names={0: ["Primer Concilio de Constantinopla"], 1: ["Segundo Concilio de Nicea"]},
        title="Primer Concilio de Nicea",
    )
    said, _ = stand_alone(
        "En _____ se celebró en la misma ciudad el Segundo Concilio de Nicea, dedicado al culto de las imágenes.",
        1,
        disc,
    )
    assert "Constantinopla" not in said


def test_a_surname_said_alone_accepts_the_whole_name_and_its_tail():
    from quizzes.generation.answers import _containing_names

    forms = _containing_names("Osk", ["Tadeo Osk van der Berhof", "Osk van der Berhof", "Walter Tarsia"])
    assert {"Tadeo Osk van der Berhof", "Osk van der Berhof"} <= set(forms)
    # two people the name is part of: nothing
    assert _containing_names("Osk", ["Tadeo Osk van der Berhof", "Ana Osk Tarsia"]) == []


def test_a_surname_before_a_whole_name_shares_no_surname():
    disc = discourse(
        "Tadeo Karam Osk fue el líder del movimiento.",
        "Sus principales líderes, entre ellos Osk y Jawar Berhof, fueron encarcelados en 1942.",
        "Osk fue asesinado en Tarsia en 1948.",
        names={0: ["Tadeo Karam Osk"], 1: ["Osk", "Jawar Berhof"], 2: ["Osk", "Tarsia"]},
        title="Independencia de Velinia",
    )
    said, _ = stand_alone("Osk fue asesinado en Tarsia en _____.", 2, disc)
    assert "Osk Berhof" not in said


def test_a_short_who_question_needs_a_year():
    from quizzes.generation.ranking import anchored

    assert not anchored("¿Quién se dirigió a Sudamérica?")
    assert not anchored("¿Quién recuperó el trono de Francia?")
    assert anchored("¿Quién fundó Tarsia en 753 a. C.?")
    assert anchored("¿Quién dirigió el ejército británico en la batalla de Waterloo contra Napoleón?")
    assert anchored("¿Qué país se encuentra al norte de Tarsia?")  # not a «¿Quién…?»: a name anchors it


def test_one_year_asked_twice_of_the_texts_subject_is_one_date():
    from quizzes.generation.ranking import _same_dates

    founded = _item("numeric", "Fundado en _____, el Parque Nacional de Tarsia es el más antiguo de Velinia.", "1925")
    created = _item("numeric", "El Parque Nacional de Tarsia fue creado en _____ por el rey Osk.", "1925")
    created.key, created.fact_keys = "q2", ["g"]
    later = _item("numeric", "El Parque Nacional de Tarsia fue ampliado en _____.", "1929")
    later.key, later.fact_keys = "q3", ["h"]
    same = _same_dates([founded, created, later], "Parque Nacional de Tarsia Parque Nacional de Tarsia")
    assert same.get("q") == {"q2"} and "q3" not in same


def test_a_first_name_the_text_took_for_a_place_still_shares_its_surname():
    from quizzes.generation.standalone import full_first_names

    disc = discourse(
        "El velio es un metal descubierto en 1783 por los hermanos Juan Pablo y Tadeo Osk en Berhof.",
        "Tadeo enseñaba mineralogía en Berhof.",
        "Juan Pablo murió en Tarsia en 1796.",
        names={0: ["Juan Pablo", "Tadeo Osk", "Berhof"], 1: ["Tadeo", "Berhof"], 2: ["Juan Pablo", "Tarsia"]},
        title="Velio",
    )
    disc.kinds = {1: [("Tadeo", "locality"), ("Berhof", "locality")]}  # the text's place types are guesses
    assert (
        full_first_names("¿En qué año murió Juan Pablo en Tarsia?", disc)
        == "¿En qué año murió Juan Pablo Osk en Tarsia?"
    )


def test_a_role_said_bare_long_after_its_holders_last_year_is_not_given_his_name():
    from quizzes.generation.standalone import role_reference

    disc = discourse(
        "Las reformas continuaron la obra del sultán Tadeo II, que en 1826 había disuelto el cuerpo de los jenízaros.",
        "Tadeo II murió en 1839.",
        "Al término de la guerra de Tarsia, el sultán promulgó en 1856 el Edicto de Reforma, que amplió los principios "
        "de 1839.",
        title="Reformas de Velinia",
    )
    said, _ = role_reference(
        "Al término de la guerra de _____, el sultán promulgó en 1856 el Edicto de Reforma, que amplió los principios "
        "de 1839.",
        2,
        disc,
    )
    assert "Tadeo" not in said


def test_a_date_after_an_irregular_participle_set_off_is_the_participles():
    sentence = "Tadeo Osk estableció su corte en Tarsia, donde le sucedió su hijo Berhof, muerto por un oso en 739."
    fact = sentence_fact(sentence, "739", sentence_index=0)
    disc = discourse(sentence, names={0: ["Tadeo Osk", "Tarsia", "Berhof"]}, title="Reino de Velinia")
    assert wh_prompt(fact, sentence.replace("739", "QQQ"), disc) == ""


def test_a_true_false_item_left_without_its_pair_is_unpublished():
    from quizzes.generation.ranking import _rebalance_true_false

    weight = {"t1": 0.9, "t2": 0.5, "f1": 0.7}
    items = []
    for key, answer in (("t1", "Verdadero"), ("t2", "Verdadero"), ("f1", "Falso")):
        q = _item("true_false", f"Verdadero o falso: enunciado {key}.", answer)
        q.key = key
        items.append(q)
    chosen = {"t1", "t2", "f1"}
    _rebalance_true_false(items, chosen, lambda q: (-weight[q.key], q.key))
    assert chosen == {"t1", "f1"}  # the weaker «Verdadero» went
    chosen = {"t1"}
    _rebalance_true_false(items, chosen, lambda q: (-weight[q.key], q.key))
    assert chosen == set()
