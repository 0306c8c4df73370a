"""Round 14: more real questions — an event, a document or an organisation asked by its head noun («¿Qué partido
fundó…?», «¿Con qué tratado terminó…?»), a person or a place as the main verb's complement («¿A quién…?», «¿Con
quién…?», «¿A qué ciudad llegó…?»), a date said of a named thing by a participle («¿En qué año se fundó la Academia
de San Fernando?»), a day that opens the clause kept before the question, subjects of up to eight words. Sentences of
our own, none from the corpus."""

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.model import Fact
from quizzes.generation.wh import MARK, head_noun, preterite, wh_kind, wh_prompt


def _fact(sentence, answer, kind, subtype, value=None):
    i = sentence.index(answer)
    return Fact("k", kind, subtype, 0, sentence, answer, i, i + len(answer), i, i + len(answer), value=value)


def ask(sentence, answer, kind, subtype="", value=None, blank=None):
    """The question for `answer` of `sentence`, its stem blanking `blank` (the answer with its article)."""
    return wh_prompt(_fact(sentence, answer, kind, subtype, value), sentence.replace(blank or answer, MARK), None)


@pytest.mark.parametrize(
    ("sentence", "answer", "kind", "blank", "question"),
    [
        (
            "En 1879, Pablo Iglesias fundó el Partido Socialista Obrero Español.",
            "Partido Socialista Obrero Español",
            "organization",
            "el Partido Socialista Obrero Español",
            "En 1879, ¿qué partido fundó Pablo Iglesias?",
        ),
        # what a relative clause says of the answer goes with it
        (
            "En 1834, el gobierno de Madrid aprobó el Estatuto Real, que regulaba las Cortes.",
            "Estatuto Real",
            "event",
            "el Estatuto Real",
            "En 1834, ¿qué estatuto aprobó el gobierno de Madrid?",
        ),
        (
            "La guerra de los Siete Años terminó con el Tratado de Hubertusburgo.",
            "Tratado de Hubertusburgo",
            "event",
            "el Tratado de Hubertusburgo",
            "¿Con qué tratado terminó la guerra de los Siete Años?",
        ),
        (
            "El Tratado de Hubertusburgo devolvió Sajonia a su elector.",
            "Tratado de Hubertusburgo",
            "event",
            "El Tratado de Hubertusburgo",
            "¿Qué tratado devolvió Sajonia a su elector?",
        ),
    ],
)
def test_an_event_document_or_organisation_is_asked_by_its_head_noun(sentence, answer, kind, blank, question):
    assert ask(sentence, answer, kind, blank=blank) == question


@pytest.mark.parametrize(
    ("sentence", "answer", "kind", "subtype", "question"),
    [
        (
            "El marqués de Santa Cruz navegó hacia las Azores con Álvaro de Bazán.",
            "Álvaro de Bazán",
            "person",
            "",
            "¿Con quién navegó el marqués de Santa Cruz hacia las Azores?",
        ),
        (
            "El almirante recibió a Álvaro de Bazán en la corte de Lisboa.",
            "Álvaro de Bazán",
            "person",
            "",
            "¿A quién recibió el almirante en la corte de Lisboa?",
        ),
        (
            "El ejército de Napoleón llegó a Moscú en septiembre.",
            "Moscú",
            "place",
            "city",
            "¿A qué ciudad llegó el ejército de Napoleón en septiembre?",
        ),
    ],
)
def test_a_person_or_place_after_the_main_verb_is_asked_with_its_preposition(sentence, answer, kind, subtype, question):
    assert ask(sentence, answer, kind, subtype) == question


def test_a_day_that_opens_the_clause_stays_before_a_who_question():
    sentence = "El 12 de octubre de 1571, Juan de Austria derrotó a la flota otomana en Lepanto."
    assert ask(sentence, "Juan de Austria", "person") == (
        "El 12 de octubre de 1571, ¿quién derrotó a la flota otomana en Lepanto?"
    )


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        (
            "Desde el Palacio Real de Aranjuez, construido en 1752, el rey gobernaba en primavera.",
            "¿En qué año se construyó el Palacio Real de Aranjuez?",
        ),
        (
            "La ciudad conserva la Puerta de Alcalá, construida en 1778.",
            "¿En qué año se construyó la Puerta de Alcalá?",
        ),
        (
            "La Academia de San Fernando, fundada en 1752, formó a muchos pintores.",
            "¿En qué año se fundó la Academia de San Fernando?",
        ),
    ],
)
def test_a_date_a_participle_gives_a_named_thing_is_asked_of_the_name(sentence, question):
    year = sentence.split(" en ")[1][:4]
    assert ask(sentence, year, "date", "year", {"year": int(year)}) == question


def test_a_subject_of_up_to_eight_words_goes_after_the_verb():
    sentence = "En 1640, los soldados de los tercios del rey saquearon la ciudad de Gerona."
    assert ask(sentence, "1640", "date", "year", {"year": 1640}) == (
        "¿En qué año saquearon los soldados de los tercios del rey la ciudad de Gerona?"
    )


@pytest.mark.parametrize(
    ("sentence", "answer", "kind", "subtype", "value", "blank"),
    [
        # a definition: the title would give the name away
        (
            "El Tratado de Hubertusburgo fue un acuerdo de paz entre Prusia y Austria.",
            "Tratado de Hubertusburgo",
            "event",
            "treaty",
            None,
            "El Tratado de Hubertusburgo",
        ),
        # «quién» for a plan the recogniser took for a person
        ("El general Espartero se sublevó con el Plan de Vergara.", "Plan de Vergara", "person", "", None, None),
        # a bare object: «¿Qué país ocupó Francia?» reads both ways
        ("Francia ocupó Argelia.", "Argelia", "place", "country", None, None),
        # an adverb would be left after the subject
        ("La crisis empobreció gravemente a Portugal.", "Portugal", "place", "country", None, None),
        # the place is a noun's complement, not the verb's
        ("La flota se dirigía a la costa de Irlanda.", "Irlanda", "place", "country", None, None),
        # a treaty is named after a town that saw several: asked alone it has more than one answer
        ("La paz llegó con el Tratado de Lisboa, firmado en 1668.", "1668", "date", "year", {"year": 1668}, None),
        # the participle is the picture's, not the painter's (no article before the name)
        (
            "El cuadro del pintor Francisco de Goya, pintado en 1814, muestra los fusilamientos.",
            "1814",
            "date",
            "year",
            {"year": 1814},
            None,
        ),
        # «elegido» → «eligió»: a stem that changes is not guessed
        (
            "La Biblioteca Nacional, elegida en 1836 como sede, guarda códices.",
            "1836",
            "date",
            "year",
            {"year": 1836},
            None,
        ),
    ],
)
def test_no_new_question_where_the_words_or_the_parse_do_not_make_one(sentence, answer, kind, subtype, value, blank):
    assert ask(sentence, answer, kind, subtype, value, blank) == ""


def test_which_kind_needs_a_head_noun_followed_by_more_of_the_name():
    assert head_noun("el Tratado de Hubertusburgo") == "tratado"
    assert head_noun("Partido Socialista Obrero Español") == "partido"
    assert head_noun("la Asamblea") == ""  # a bare head: «¿Qué asamblea…?» asks for the word it says
    assert head_noun("Paz de Westfalia") == ""  # «¿Qué paz…?» is no question
    assert head_noun("Renacimiento") == ""
    treaty = Fact("k", "event", "treaty", 0, "s", "Tratado de Hubertusburgo", 0, 1, 0, 1)
    assert wh_kind(treaty) == "which"


@pytest.mark.parametrize(
    ("participle", "verb"),
    [
        ("firmado", "firmó"),
        ("firmados", "firmaron"),
        ("promulgadas", "promulgaron"),
        ("construido", "construyó"),
        ("leído", "leyó"),
        ("dividida", "dividió"),
        ("vencido", "venció"),
        ("dado", ""),  # «dio»
        ("tenido", ""),  # «tuvo»
        ("conducido", ""),  # «condujo»
        ("traído", ""),  # «trajo»
        ("elegido", ""),  # «eligió»
        ("seguido", ""),  # «siguió»
    ],
)
def test_the_preterite_of_a_regular_participle(participle, verb):
    assert preterite(participle) == verb


def test_a_bank_asks_the_new_forms_in_place_of_the_cloze():
    text = (
        "La guerra de los Siete Años.\n\n"
        "En 1763, Prusia firmó el Tratado de Hubertusburgo con Austria y Sajonia. "
        "La guerra en ultramar terminó con el Tratado de París, firmado en 1763. "
        "El Palacio de Sanssouci, construido en 1747, era la residencia del rey Federico II."
    )
    prompts = {q.prompt for q in generate_bank(text).questions if "wh" in q.notes}
    assert "¿En qué año se construyó el Palacio de Sanssouci?" in prompts
    assert "¿Con qué tratado terminó la guerra en ultramar?" in prompts
    # the treaty of Paris keeps its cloze: several treaties bear that name
    assert not any("se firmó el Tratado de París" in p for p in prompts)


def test_one_member_of_a_list_is_not_asked_as_the_whole_answer():
    alone = "En Italia, Venecia y Génova lucharon contra Pisa."
    assert ask(alone, "Pisa", "place", "city") == "En Italia, ¿contra qué ciudad lucharon Venecia y Génova?"
    listed = "En Italia, Venecia y Génova lucharon contra Pisa, Florencia y Milán."
    assert ask(listed, "Pisa", "place", "city") == ""


def test_entre_tanto_is_read_as_entretanto():
    from quizzes.generation.standalone import outside_reference, stand_alone

    assert stand_alone("Entre tanto, una epidemia de peste diezmó la población de _____.", 0, None) == (
        "Una epidemia de peste diezmó la población de _____.",
        "",
    )
    assert outside_reference("Una epidemia de peste, entre tanto, diezmó la población de _____.") == "leans_back"
