"""Round 12: more real questions (a person after a fronted phrase, «¿Hacia / A partir de qué año…?», «¿Dónde…?» at
the start), a typed «¿Quién…?» left a cloze where a choice asks it, and a cloze choice weighing less than a typed
item."""

import pytest

from quizzes.generation.model import Fact, Question
from quizzes.generation.ranking import CLOZE_CHOICE_WEIGHT, WH_BONUS, item_score
from quizzes.generation.wh import MARK, wh_prompt


def _fact(sentence, answer, kind="person", subtype="", value=None):
    i = sentence.index(answer)
    return Fact("k", kind, subtype, 0, sentence, answer, i, i + len(answer), i, i + len(answer), value=value)


def ask(sentence, answer, kind="person", subtype="", value=None):
    return wh_prompt(_fact(sentence, answer, kind, subtype, value), sentence.replace(answer, MARK), None)


@pytest.mark.parametrize(
    ("sentence", "answer", "question"),
    [
        (
            "Para recobrar la libertad, Atahualpa ofreció llenar una habitación de oro una vez y de plata dos veces.",
            "Atahualpa",
            "Para recobrar la libertad, ¿quién ofreció llenar una habitación de oro una vez y de plata dos veces?",
        ),
        # another person in the sentence: the parse makes the answer the subject of the main verb
        (
            "En la primavera de 1520, Velázquez envió contra Cortés una expedición mandada por Pánfilo de Narváez.",
            "Velázquez",
            "En la primavera de 1520, ¿quién envió contra Cortés una expedición mandada por Pánfilo de Narváez?",
        ),
        (
            "En 1536, Manco Inca se rebeló y reunió un gran ejército.",
            "Manco Inca",
            "En 1536, ¿quién se rebeló y reunió un gran ejército?",
        ),
    ],
)
def test_a_person_after_a_fronted_phrase_is_asked_by_quien(sentence, answer, question):
    assert ask(sentence, answer) == question


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        # a relative clause in the fronted phrase; a phrase that points back
        ("Tras la batalla, que duró tres días, Sucre entró en Lima con sus tropas.", "Sucre"),
        ("Tras su derrota, Sucre entró en Lima con sus tropas.", "Sucre"),
        # an apposition between the name and its verb
        ("En 1793, la reina María Antonieta, esposa de Luis XVI, fue guillotinada en París.", "María Antonieta"),
        # a plural verb: the name is one of several subjects
        ("En 1494, Isabel y Fernando firmaron el tratado con Portugal.", "Isabel"),
    ],
)
def test_no_quien_after_a_fronted_phrase_where_the_words_or_the_parse_do_not_make_one(sentence, answer):
    assert ask(sentence, answer) == ""


YEAR = {"year": 1764}


@pytest.mark.parametrize(
    ("sentence", "answer", "question"),
    [
        (
            "Para hilar más deprisa, James Hargreaves creó hacia 1764 la spinning jenny.",
            "1764",
            "Para hilar más deprisa, ¿hacia qué año creó James Hargreaves la spinning jenny?",
        ),
        ("Hacia 1527 murió el inca Huayna Cápac.", "1527", "¿Hacia qué año murió el inca Huayna Cápac?"),
        (
            "A partir de 1778, los británicos trasladaron la guerra a las colonias del sur.",
            "1778",
            "¿A partir de qué año trasladaron los británicos la guerra a las colonias del sur?",
        ),
    ],
)
def test_a_year_after_hacia_or_a_partir_de_keeps_its_preposition(sentence, answer, question):
    assert ask(sentence, answer, "date", "year", YEAR) == question


def test_a_figure_of_thousands_is_not_a_second_year():
    sentence = "El 2 de septiembre de 1870, el emperador Napoleón III se rindió en Sedán con más de 80 000 hombres."
    question = ask(sentence, "2 de septiembre de 1870", "date", "day", {"year": 1870})
    assert question == "¿Cuándo se rindió el emperador Napoleón III en Sedán con más de 80 000 hombres?"
    # a real second year still refuses the question
    assert (
        ask(
            "El 2 de septiembre de 1870, el emperador se rindió en Sedán, ocupada desde 1869.",
            "2 de septiembre de 1870",
            "date",
            "day",
            {"year": 1870},
        )
        == ""
    )


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        # a day or a month is not asked «¿A partir de cuándo…?»
        ("A partir de julio de 1778, los británicos trasladaron la guerra al sur.", "julio de 1778"),
        # a date of a noun («la Constitución de 1791») stays a cloze
        ("La Constitución de 1791 estableció una monarquía constitucional.", "1791"),
    ],
)
def test_no_year_question_for_other_prepositions(sentence, answer):
    assert ask(sentence, answer, "date", "month" if "julio" in answer else "year", {"year": 1778}) == ""


def test_a_place_that_opens_the_sentence_is_asked_by_donde_but_not_with_a_plural_verb_left_alone():
    assert (
        ask("En Cempoala, Cortés obtuvo la alianza de los totonacas.", "Cempoala", "place", "locality")
        == "¿Dónde obtuvo Cortés la alianza de los totonacas?"
    )
    # «En el Altiplano se encuentran el lago Titicaca, a 3812 m» (the other member of the subject cut)
    assert ask("En Altiplano se encuentran el lago Titicaca, a 3812 m.", "Altiplano", "place", "locality") == ""


def test_a_cloze_choice_weighs_less_than_a_typed_cloze_and_a_real_question_choice_keeps_its_bonus():
    cloze_choice = Question("a", "single_choice", "El faro se encendió en _____.", ["f"], ["1901"], [], "", [0])
    typed = Question("b", "short_answer", "El faro se encendió en _____.", ["f"], ["1901"], [], "", [0])
    number = Question("c", "numeric", "El faro se encendió en _____. (Escriba el año.)", ["f"], ["1901"], [], "", [0])
    real = Question("d", "single_choice", "¿En qué año se encendió el faro?", ["f"], ["1901"], [], "", [0])
    assert item_score(cloze_choice, 1.0) == pytest.approx(CLOZE_CHOICE_WEIGHT)
    assert item_score(cloze_choice, 1.0) < item_score(typed, 1.0) < item_score(number, 1.0)
    assert item_score(real, 1.0) == pytest.approx(1.0 + WH_BONUS)


def test_a_typed_person_keeps_its_cloze_where_a_choice_item_asks_quien():
    from quizzes.generation import generate_bank

    text = (
        "La conquista del Perú\n"
        "Francisco Pizarro, Diego de Almagro y Hernando de Luque se asociaron para explorar el sur. "
        "Pizarro capturó a Atahualpa en Cajamarca en 1532. "
        "Para recobrar la libertad, Atahualpa ofreció llenar una habitación de oro una vez y de plata dos veces. "
        "Almagro y Pizarro se enfrentaron después. Manco Inca se rebeló en 1536. "
        "Francisco de Toledo ordenó ejecutar a Túpac Amaru en 1572. Hernando Pizarro volvió a España."
    )
    bank = generate_bank(text)
    items = [q for q in bank.questions if q.correct == ["Atahualpa"] and "habitación" in q.prompt]
    choice = [q for q in items if q.kind == "single_choice"]
    typed = [q for q in items if q.kind == "short_answer"]
    if choice:
        assert choice[0].prompt.startswith("Para recobrar la libertad, ¿quién ofreció")
        assert typed and "_____" in typed[0].prompt


@pytest.mark.parametrize(
    ("sentence", "answer", "question"),
    [
        # a subject whose aside is too long for the subject finder: the aside goes after the verb with it
        (
            "El 30 de noviembre de 1853, la flota rusa del mar Negro, al mando del almirante Pável Najímov, destruyó "
            "una escuadra otomana anclada en el puerto de Sinope.",
            "30 de noviembre de 1853",
            "¿Cuándo destruyó la flota rusa del mar Negro, al mando del almirante Pável Najímov, una escuadra otomana "
            "anclada en el puerto de Sinope?",
        ),
        # a day set off after «en + an event»: the phrase stays before the question; «Las» of a name stays capitalised
        (
            "En la batalla de Las Salinas, el 6 de abril de 1538, los pizarristas derrotaron a los almagristas.",
            "6 de abril de 1538",
            "En la batalla de Las Salinas, ¿cuándo derrotaron los pizarristas a los almagristas?",
        ),
    ],
)
def test_a_day_with_a_long_subject_or_after_a_phrase_of_its_event(sentence, answer, question):
    assert ask(sentence, answer, "date", "day", {"year": 1853}) == question


def test_no_day_question_after_a_phrase_of_another_event():
    # «para / tras …»: the day set off is the other event's
    sentence = "Para el desembarco de Normandía, el 6 de junio de 1944, se habían preparado millones de dosis."
    assert ask(sentence, "6 de junio de 1944", "date", "day", {"year": 1944}) == ""


def test_a_year_item_takes_the_words_of_a_when_question_with_a_phrase_before_it():
    from quizzes.generation.ranking import _year_questions

    number = Question(
        "n",
        "numeric",
        "En la batalla, el 6 de abril de _____, X venció. (Escriba el año.)",
        ["f"],
        ["1538"],
        [],
        "",
        [0],
    )
    number.numeric = {"value": 1538.0, "tolerance": 0.0, "unit": "año"}
    when = Question(
        "w", "single_choice", "En la batalla, ¿cuándo venció X?", ["f"], ["6 de abril de 1538"], [], "", [0]
    )
    _year_questions([number, when], {"n"})
    assert number.prompt == "En la batalla, ¿en qué año venció X?" and "wh" in number.notes


def test_no_question_where_a_plural_verb_is_left_with_one_name():
    # the clause was cut inside «Villa, al frente de la División del Norte, y Álvaro Obregón obtuvieron…»
    sentence = "Álvaro Obregón obtuvieron victorias decisivas, como la toma de Zacatecas en 1914."
    assert ask(sentence, "1914", "date", "year", {"year": 1914}) == ""
    assert (
        ask("Villa y Obregón obtuvieron victorias decisivas en 1914.", "1914", "date", "year", {"year": 1914})
        == "¿En qué año obtuvieron Villa y Obregón victorias decisivas?"
    )
