"""Round 11, second pass: a list of subjects («Francia, Austria y Rusia firmaron…») goes whole after the verb."""

import pytest

from quizzes.generation.model import Fact, Question
from quizzes.generation.ranking import WH_BONUS, item_score
from quizzes.generation.wh import MARK, wh_prompt

YEAR_FACT = Fact("k", "date", "year", 0, "s", "a", 0, 1, 0, 1, value={"year": 1})


@pytest.mark.parametrize(
    ("clause_with_mark", "question"),
    [
        (
            f"Francia, Austria, Rusia y Prusia firmaron la paz en {MARK}.",
            "¿En qué año firmaron Francia, Austria, Rusia y Prusia la paz?",
        ),
        (
            f"En {MARK}, Pizarro, Almagro y Luque firmaron un contrato de compañía.",
            "¿En qué año firmaron Pizarro, Almagro y Luque un contrato de compañía?",
        ),
        # members with their articles; a clitic before the verb
        (
            f"El rey, su hermano y el obispo se reunieron en León en {MARK}.",
            "¿En qué año se reunieron el rey, su hermano y el obispo en León?",
        ),
        # a named object goes before the list, as before a two-name subject
        (
            f"Holanda, Suecia e Inglaterra invadieron Dinamarca en {MARK}.",
            "¿En qué año invadieron Dinamarca Holanda, Suecia e Inglaterra?",
        ),
    ],
)
def test_a_list_of_subjects_goes_whole_after_the_verb(clause_with_mark, question):
    assert wh_prompt(YEAR_FACT, clause_with_mark, None) == question


@pytest.mark.parametrize(
    "clause_with_mark",
    [
        # a phrase between commas, then a singular verb: an apposition, no list
        f"Roma, capital del imperio y sede del papa, fue saqueada en {MARK}.",
        # no comma after the last member but a singular verb: not a list of subjects
        f"Roma, capital del imperio y sede del papa fue saqueada en {MARK}.",
        # a relative clause, a figure or a connective among the «members»
        f"El rey, que tenía tres hijos y dos hijas, murió en {MARK}.",
        f"El conde, con 3000 hombres y su flota, tomaron la plaza en {MARK}.",
        f"Prusia, sin embargo y Austria firmaron la paz en {MARK}.",
        # a verb inside a «member»: two clauses
        f"El rey, la reina huyó y los nobles se dispersaron en {MARK}.",
    ],
)
def test_no_list_of_subjects_where_the_words_do_not_make_one(clause_with_mark):
    q = wh_prompt(YEAR_FACT, clause_with_mark, None)
    assert q == "" or ("Roma, capital" not in q and "huyó" not in q and "3000" not in q and "sin embargo" not in q)


def person_fact(sentence, answer):
    i = sentence.index(answer)
    return Fact("k", "person", "", 0, sentence, answer, i, i + len(answer), i, i + len(answer))


def ask_person(sentence, answer):
    return wh_prompt(person_fact(sentence, answer), sentence.replace(answer, MARK), None)


@pytest.mark.parametrize(
    ("sentence", "answer", "question"),
    [
        # the role noun before the name is the subject: the question asks which one
        (
            "El general Sucre derrotó a los realistas en Ayacucho.",
            "Sucre",
            "¿Qué general derrotó a los realistas en Ayacucho?",
        ),
        # its adjectives stay with it; a phrase set off by a comma stays before the question
        (
            "En el siglo XX, el químico estadounidense Melvin Calvin describió el ciclo de fijación del carbono.",
            "Melvin Calvin",
            "En el siglo XX, ¿qué químico estadounidense describió el ciclo de fijación del carbono?",
        ),
        (
            "En julio de 1853, el zar Nicolás I ordenó ocupar los principados del Danubio.",
            "Nicolás I",
            "En julio de 1853, ¿qué zar ordenó ocupar los principados del Danubio?",
        ),
    ],
)
def test_a_person_after_a_role_noun_is_asked_by_that_noun(sentence, answer, question):
    assert ask_person(sentence, answer) == question


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        # no role: «¿Qué propio…?», «¿Qué joven…?» say nothing
        ("A la izquierda, el propio Velázquez se ha retratado ante un gran lienzo.", "Velázquez"),
        ("El joven Bolívar viajó a Europa con su tío.", "Bolívar"),
        # another person in the sentence
        ("La reina Isabel firmó con el rey Fernando un acuerdo de paz.", "Isabel"),
        # an apposition between the name and the verb; a plural verb: the name is one of several subjects
        ("La infanta Margarita, hija del rey, ocupa el centro del cuadro.", "Margarita"),
        ("El general Sucre y sus tropas entraron en Lima.", "Sucre"),
        # a relative clause in the phrase before
        ("Tras la batalla, que duró tres días, el general Sucre entró en Lima con sus tropas.", "Sucre"),
        # the role noun is not the subject (an object, a complement)
        ("Los soldados aclamaron al general Sucre en la plaza de Lima.", "Sucre"),
        # a possessive with no name before it: the publication would refuse the question
        (
            "El holandés Jan Ingenhousz demostró que las plantas purifican el aire en sus partes verdes.",
            "Jan Ingenhousz",
        ),
    ],
)
def test_no_role_question_where_the_words_or_the_parse_do_not_make_one(sentence, answer):
    assert ask_person(sentence, answer) == ""


def test_a_typed_role_question_keeps_the_weight_of_its_kind():
    # «¿Qué emperador…?» typed asks a name as a typed «¿Quién…?» does (held-out: 2 of 8 usable): no bonus.
    typed = Question("q", "short_answer", "¿Qué emperador promulgó las leyes?", ["f"], ["x"], [], "", [0])
    typed.notes = ["wh", "wh:person"]
    cloze = Question("c", "short_answer", "El emperador _____ promulgó las leyes.", ["f"], ["x"], [], "", [0])
    chosen = Question("s", "single_choice", "¿Qué emperador promulgó las leyes?", ["f"], ["x"], [], "", [0])
    chosen.notes = ["wh", "wh:person"]
    assert item_score(typed, 1.0) == item_score(cloze, 1.0)
    assert item_score(chosen, 1.0) == pytest.approx(1.0 + WH_BONUS)


def test_a_role_question_replaces_the_person_s_cloze_and_is_marked():
    from quizzes.generation import generate_bank

    text = (
        "La batalla de Ayacucho fue la última gran batalla de las guerras de independencia hispanoamericanas. "
        "El general Antonio José de Sucre derrotó a los realistas en la pampa de Quinua el 9 de diciembre de 1824. "
        "La victoria aseguró la independencia del Perú."
    )
    bank = generate_bank(text)
    asked = [q for q in bank.questions if q.prompt.startswith("¿Qué general derrotó")]
    assert asked and all("wh:person" in q.notes for q in asked)
