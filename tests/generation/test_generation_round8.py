"""Round 8: prompts that read whole and answers as typed (sentences written for these tests).

The parse is the real model's.
"""

import pytest

from quizzes.generation.answers import accepted_answers
from quizzes.generation.distractors import entity_distractors
from quizzes.generation.facts import extract
from quizzes.generation.pointing import prompt_problem
from quizzes.generation.standalone import definite_reference
from quizzes.generation.text import canonical, mark_skips, normalise, split_sentences
from tests.generation.support import discourse

BRIDGE = (
    "El puente de Lora (en latín: Pons Lorae) es un puente de piedra situado sobre el río Tajo.",
    "La Sociedad Anónima de Obras del Tajo se hizo cargo del proyecto en 1870.",
    "Las obras empezaron el 2 de marzo de 1871 junto a la aldea de Lora.",
    "La compañía cobró un peaje durante cuarenta años.",
    "En 1912 el Estado compró la compañía del puente por dos millones de pesetas.",
)


def test_the_works_of_a_landmark_say_of_which_landmark():
    disc = discourse(*BRIDGE, title="Puente de Lora")
    fixed, problem = definite_reference("Las obras empezaron el 2 de marzo de _____ junto a la aldea de Lora.", 2, disc)
    assert problem == ""
    assert fixed == "Las obras del puente de Lora empezaron el 2 de marzo de _____ junto a la aldea de Lora."


def test_a_company_said_bare_takes_the_complement_the_text_gives_it_elsewhere():
    disc = discourse(*BRIDGE, title="Puente de Lora")
    fixed, problem = definite_reference("La compañía cobró un peaje durante _____ años.", 3, disc)
    assert problem == ""
    assert fixed == "La compañía del puente cobró un peaje durante _____ años."


def test_works_of_nothing_the_text_names_are_held():
    disc = discourse(
        "La batalla de Ordal fue un combate librado en Cataluña en 1813.",
        "Las obras empezaron en 1811 junto al río.",
    )
    assert definite_reference("Las obras empezaron en _____ junto al río.", 1, disc)[1] == "anaphora"


def test_works_with_their_landmark_in_the_prompt_stand():
    disc = discourse(*BRIDGE, title="Puente de Lora")
    stem = "Las obras empezaron en _____ y el puente se abrió al tráfico en 1875."
    # Since round 32 the class word of the title is named too (first-sight judges asked «el puente de Forth» for «el
    # puente ferroviario», «la sonda Hope» for «la sonda», though they read the title).
    assert definite_reference(stem, 2, disc) == (stem.replace("el puente", "el puente de Lora"), "")


@pytest.mark.parametrize(
    "prompt",
    [
        "En 1602 la se empleó para drenar las minas de Lora.",  # «la [bomba que] se empleó»: the noun was cut
        "El molino de Lora, el fue construido en 1602, muele trigo.",
        "Los mineros de Lora trabajaron en el pozo durante fue inundado en 1602.",
        "En 1602 los mineros de Lora llegaron a.",
    ],
)
def test_a_word_left_by_a_cut_breaks_the_stem(prompt):
    assert prompt_problem(prompt, "", 0, None) == "broken_cut"


@pytest.mark.parametrize(
    "prompt",
    [
        "En la sierra de Lora viven desde hace siglos la llama y la alpaca.",
        "El rey se la entregó en 1602 a los mineros de Lora.",
        "Los mineros de Lora ofrecieron llenar una sala de oro una vez y de plata tres veces.",
        "El molino que se construyó en 1602 muele trigo.",
    ],
)
def test_whole_stems_are_not_read_as_cut(prompt):
    assert prompt_problem(prompt, "", 0, None) != "broken_cut"


def _persons(text):
    clean, _srcmap = normalise(canonical(text))
    ex = extract(mark_skips(split_sentences(clean), clean))
    return ex, {f.answer: f for f in ex.facts if f.kind == "person"}


def test_a_compound_surname_joined_by_y_is_one_person():
    ex, persons = _persons(
        "Luis Ortega y Gasset\n\n"
        "El filósofo Luis Ortega y Gasset publicó su primer ensayo en 1914. "
        "En 1923 Ortega y Gasset fundó una revista de pensamiento en Madrid."
    )
    assert "Luis Ortega" not in persons and "Gasset" not in persons
    whole = persons["Luis Ortega y Gasset"]
    assert whole.members == []
    assert {"Ortega y Gasset", "Ortega"} <= set(accepted_answers(whole, ex))
    assert persons["Ortega y Gasset"].members == []


def test_two_people_under_a_plural_verb_stay_two():
    _ex, persons = _persons("Francisco Pizarro y Almagro partieron de Panamá en 1524 hacia el sur.")
    assert persons["Francisco Pizarro y Almagro"].members == ["Francisco Pizarro", "Almagro"]


def test_a_whole_name_never_accepts_a_piece_that_starts_with_y():
    ex, persons = _persons(
        "Pedro Ramos y Cajal fue un médico aragonés. En 1906 Cajal recibió un premio. Cajal murió en Madrid en 1934."
    )
    accepted = accepted_answers(persons["Cajal"], ex)
    assert "Pedro Ramos y Cajal" in accepted
    assert not any(a.startswith("y ") for a in accepted)


def test_a_land_accepts_the_state_the_text_names_by_it():
    ex, _persons_ = _persons(
        "En 1479 la Corona de Aragón y Francia firmaron una tregua en Perpiñán. "
        "Las tierras del norte quedaron para Francia y las del sur para Aragón."
    )
    fact = next(f for f in ex.facts if f.answer == "Aragón")
    assert "Corona de Aragón" in accepted_answers(fact, ex)


CAMPAIGN = (
    "La campaña del Ebro fue una guerra librada entre 1801 y 1805 en el valle del Ebro. "
    "El general Tomás Arlanza tomó Tudela en 1801. "
    "El general Pedro Valcárcel sitió Calahorra en 1802. "
    "El almirante Luis Oroz bloqueó el puerto de Tortosa en 1802. "
    "Ramiro Quintana defendió Logroño en 1803. "
    "Gaspar Medina escribió un himno a los soldados en 1803. "
    "Julián Sastre negoció la tregua de Alfaro en 1804. "
    "Andrés Galdós redactó el tratado de Miranda en 1805. "
    "En 1804 las tropas de Ramiro Quintana entraron en Zaragoza."
)


def test_a_commander_gets_commanders_for_options_when_the_text_has_enough():
    clean, _srcmap = normalise(canonical(CAMPAIGN))
    ex = extract(mark_skips(split_sentences(clean), clean))
    fact = next(f for f in ex.facts if f.answer == "Ramiro Quintana" and "tropas" in f.sentence)
    options, _flag = entity_distractors(fact, ex, "En 1804 las tropas de _____ entraron en Zaragoza.")
    assert len(options) == 3
    assert set(options) <= {"Tomás Arlanza", "Pedro Valcárcel", "Luis Oroz"}, options


def test_a_name_cut_before_its_particle_is_no_option():
    clean, _srcmap = normalise(canonical(CAMPAIGN + " El oficial Karl Friedrich von Hagen instruyó a los reclutas."))
    ex = extract(mark_skips(split_sentences(clean), clean))
    fact = next(f for f in ex.facts if f.answer == "Tomás Arlanza")
    options, _flag = entity_distractors(fact, ex, "El general _____ tomó Tudela en 1801.")
    assert not any(o.startswith("Karl Friedrich") for o in options), options


def test_a_time_before_the_subject_is_no_cause_and_a_cut_relative_leaves_no_article():
    from quizzes.generation.relations import find_relations
    from quizzes.generation.text import Sentence

    text = "Dos días después, la crecida del río provocó una inundación en la que murieron seis vecinos."
    relations = find_relations(Sentence(index=0, text=text, start=0, end=len(text)))
    assert relations
    cause, effect = relations[0].text(relations[0].cause), relations[0].text(relations[0].effect)
    assert cause == "la crecida del río"
    assert effect == "una inundación"


def test_an_article_after_a_preposition_before_a_verb_is_a_cut():
    assert prompt_problem("Verdadero o falso: una inundación en la fue consecuencia de la crecida.", "", 0, None) == (
        "broken_cut"
    )


def test_a_biography_whose_opening_gives_the_full_name_carries_the_titles_person():
    from quizzes.generation import generate_bank

    bank = generate_bank(
        "Tomasa Olmedo\n\n"
        "Tomasa Olmedo de Arguedas (Soria, 3 de marzo de 1871-Madrid, 9 de mayo de 1950) fue una botánica española "
        "que estudió la flora de los Pirineos. "
        "Estudió ciencias naturales en la Universidad Central de Madrid con el profesor Blas Lázaro. "
        "En 1905 publicó un catálogo de las plantas del Moncayo."
    )
    prompts = [q.prompt for q in bank.questions]
    assert any(p.startswith("Tomasa Olmedo estudió ciencias naturales") for p in prompts), prompts
    assert not any(p.startswith("Tomasa Olmedo de Arguedas estudió") for p in prompts)


def test_a_regnal_numeral_is_also_accepted_in_words_and_in_digits():
    from quizzes.generation.answers import _regnal_in_words

    assert _regnal_in_words("Felipe IV") == ["Felipe cuarto", "Felipe 4"]
    assert _regnal_in_words("Juan Pablo II") == ["Juan Pablo segundo", "Juan Pablo 2"]
    assert _regnal_in_words("Carlos V de Alemania") == ["Carlos quinto de Alemania", "Carlos 5 de Alemania"]
    assert _regnal_in_words("Felipe") == [] and _regnal_in_words("la Sorbona de París") == []


def test_options_of_a_blank_that_opens_the_sentence_all_take_its_capital():
    from quizzes.generation import generate_bank

    bank = generate_bank(
        "En 1850 el ingeniero Pablo Ruiz llegó a Valencia desde Francia. "
        "Tres años después, Ruiz abrió un taller de relojes en Sevilla. Portugal y Alemania compraron sus relojes."
    )
    chosen = {q.prompt: q for q in bank.questions if q.kind == "single_choice"}
    opens = chosen["_____ después, Pablo Ruiz abrió un taller de relojes en Sevilla."]
    assert opens.correct == ["Tres años"] and len(opens.distractors) == 3
    assert all(o[:1].isupper() for o in opens.distractors + opens.spare)


def test_the_year_of_a_span_under_a_year_is_held_when_the_other_end_is_given():
    from quizzes.generation.ranking import year_of_short_span

    assert year_of_short_span("Del 3 de octubre de 1910 al 2 de marzo de _____, el puerto estuvo cerrado.")
    assert year_of_short_span("La huelga duró de noviembre de _____ a abril de 1921.")
    assert year_of_short_span("Entre agosto de 1830 y enero de _____ se construyó el faro.")
    # Months in order, the same month, or no other end given: the year is not given away.
    assert not year_of_short_span("Del 3 de marzo de 1910 al 2 de octubre de _____, el puerto estuvo cerrado.")
    assert not year_of_short_span("Del 5 de junio de 1910 al 5 de junio de _____, el puerto estuvo cerrado.")
    assert not year_of_short_span("Del 3 de octubre de 1910 al 2 de marzo de 1911, el puerto estuvo cerrado.")
    assert not year_of_short_span("En octubre de _____ el puerto cerró hasta marzo.")
