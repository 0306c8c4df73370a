"""What a published prompt leans on outside itself, or where the cut broke it, read from its own parse.

Sentences invented for these tests (not from the seed or the corpus); the parse is the real model's.
"""

import pytest

from quizzes.generation import nlp
from quizzes.generation.model import Fact, Question
from quizzes.generation.pointing import (
    bare_noun_after_preposition,
    clitic_without_antecedent,
    definite_without_referent,
    filled,
    place_adverb_without_place,
    prompt_problem,
    reaction_without_trigger,
    split_by_blank,
    surrender_without_place,
)
from quizzes.generation.standalone import outside_reference
from tests.generation.support import discourse


def parsed(prompt: str, answer: str = ""):
    text, span = filled(prompt, answer)
    return nlp.parse(text), span


def test_the_blank_is_filled_without_repeating_the_unit_written_after_it():
    assert filled("La muralla tenía _____ de altura.", "doce metros") == (
        "La muralla tenía doce metros de altura.",
        (17, 28),
    )
    text, _span = filled("El puerto cerró _____ años después. (Escriba el número.)", "9 años")
    assert text == "El puerto cerró 9 años después."


@pytest.mark.parametrize(
    "prompt, answer, held",
    [
        ("Una guarnición la vigila desde _____.", "1950", True),
        ("En _____ el virrey lo nombró alcalde de la villa.", "1602", True),
        ("La torre domina el puerto y una guarnición la vigila desde _____.", "1950", False),
        ("El obispo escribió una carta y la envió a _____.", "Sevilla", False),
        ("El concejo le concedió el título de ciudadano en _____.", "1790", True),
        ("El concejo le concedió a Pedro Vélez el título de ciudadano en _____.", "1790", False),
        ("Los vecinos de la toma de _____ celebraron la fiesta.", "Orán", False),
    ],
)
def test_an_object_pronoun_needs_something_before_it_to_stand_for(prompt, answer, held):
    assert clitic_without_antecedent(*parsed(prompt, answer)) is held


def test_a_bare_subject_never_said_before_points_back():
    disc = discourse(
        "La Liga del Valle fue una alianza de siete villas de montaña.",
        "Las villas se negaron a pagar el nuevo portazgo en 1602.",
        "El detonante fue la detención de dos alcaldes en la feria de 1603.",
    )
    parse, span = parsed("El detonante fue la detención de dos alcaldes en la feria de _____.", "1603")
    assert definite_without_referent(parse, span, 2, disc) == "unseen_definite"


def test_a_bare_phrase_of_the_title_or_said_before_stands():
    disc = discourse(
        "La Liga del Valle fue una alianza de siete villas de montaña.",
        "Un portazgo gravaba el paso del ganado por el puente.",
        "El portazgo se abolió en 1640.",
        title="La Liga del Valle",
    )
    parse, span = parsed("El portazgo se abolió en _____.", "1640")
    assert definite_without_referent(parse, span, 2, disc) == ""
    parse, span = parsed("La liga se disolvió en _____.", "1700")
    assert definite_without_referent(parse, span, 2, disc) == ""


def test_an_object_or_a_listed_class_said_bare_is_generic():
    disc = discourse(
        "La Liga del Valle fue una alianza de siete villas de montaña.",
        "Sus barcos pescaban en el mar desde 1500.",
        "El clero y la nobleza se negaron a pagar en 1602.",
    )
    parse, span = parsed("Sus barcos pescaban en el mar desde _____.", "1500")
    assert definite_without_referent(parse, span, 1, disc) == ""
    parse, span = parsed("El clero y la nobleza se negaron a pagar en _____.", "1602")
    assert definite_without_referent(parse, span, 2, disc) == ""


@pytest.mark.parametrize(
    "prompt, answer",
    [
        ("Los dos rivales se enfrentaron cerca del río en _____.", "1537"),
        ("La cuarta campaña partió del puerto en _____.", "1611"),
    ],
)
def test_a_set_or_a_series_said_before_is_held(prompt, answer):
    disc = discourse("Dos hermanos se disputaron el valle.", prompt.replace("_____", answer))
    parse, span = parsed(prompt, answer)
    assert definite_without_referent(parse, span, 1, disc) == "set_reference"


def test_a_place_adverb_needs_its_place():
    assert place_adverb_without_place(*parsed("En _____, el obispo fundó allí un colegio.", "1590"))
    assert not place_adverb_without_place(*parsed("El obispo llegó a Quito y allí fundó un colegio en _____.", "1590"))


def test_a_reaction_needs_what_it_answers():
    assert reaction_without_trigger(*parsed("En _____ el duque respondió con un bloqueo de los puertos.", "1650"))
    assert not reaction_without_trigger(
        *parsed("En _____ el duque respondió a la revuelta de los pescadores con un bloqueo de los puertos.", "1650")
    )
    # «al golpe», «a la revuelta»: a trigger with the article alone is the one told before.
    assert reaction_without_trigger(
        *parsed("En _____ el duque respondió al golpe con un bloqueo de los puertos.", "1650")
    )


def test_a_blank_that_takes_a_noun_and_leaves_its_modifier_is_broken():
    assert split_by_blank(*parsed("El tribunal dictó _____ a destierro perpetuo.", "unas 300 penas"))
    assert not split_by_blank(*parsed("El tribunal dictó unas _____ penas a destierro perpetuo.", "300"))
    assert not split_by_blank(*parsed("Los barcos llevaban _____, unos granos muy apreciados.", "cacao"))


def test_a_common_noun_answer_after_a_bare_preposition_lacks_its_article():
    prompt = "El maíz se cultivaba en la orilla de _____ hace siglos."
    assert bare_noun_after_preposition(prompt, "río Grande", *parsed(prompt, "río Grande"))
    assert not bare_noun_after_preposition(prompt, "Nazas", *parsed(prompt, "Nazas"))


def test_prompt_problem_reads_the_filled_prompt():
    disc = discourse("La Liga del Valle fue una alianza de siete villas.", "La ocasión llegó con la feria de 1603.")
    assert prompt_problem("La ocasión llegó con la feria de _____.", "1603", 1, disc) == "unseen_definite"
    assert prompt_problem("La Liga del Valle reunió a siete villas en _____.", "1520", 1, disc) == ""


def test_the_quality_check_holds_what_the_parse_finds():
    from quizzes.generation.facts import Extraction, Groups
    from quizzes.generation.quality import check_question

    disc = discourse(
        "La Liga del Valle fue una alianza de siete villas de montaña.",
        "Una guarnición la vigila desde 1950.",
    )
    sentence = disc.sentences[1].text
    at = sentence.index("1950")
    fact = Fact("f1", "date", "year", 1, sentence, "1950", at, at + 4, at, at + 4)
    q = Question(
        key="q1",
        kind="short_answer",
        prompt="Una guarnición la vigila desde _____.",
        fact_keys=["f1"],
        correct=["1950"],
        distractors=[],
        explanation="",
        sentence_indexes=[1],
    )
    ex = Extraction(facts=[fact], mentions={}, groups=Groups(), topic="", alias_pairs=[])
    check_question(q, {"f1": fact}, ex, disc=disc)
    assert "no_outside_reference" in q.checks_failed
    assert "pointing:clitic" in q.notes


@pytest.mark.parametrize(
    "prompt, problem",
    [
        ("Uno de sus hermanos, Pedro Vélez, gobernó la villa desde _____.", "possessive"),
        ("En su testamento, Pedro Vélez dejó la villa al convento en _____.", ""),
        ("El concejo tomó tal decisión en _____.", "demonstrative"),
        ("La misma villa fue saqueada en _____.", "demonstrative"),
        ("El puerto se cerró en _____ por la misma razón que el mercado.", ""),
        ("Tal vez el puerto se cerró en _____.", ""),
    ],
)
def test_a_possessive_or_a_sameness_word_needs_its_referent_in_the_prompt(prompt, problem):
    assert outside_reference(prompt) == problem


@pytest.mark.parametrize(
    "prompt, answer, held",
    [
        ("¿Quién capituló en marzo de 1641?", "", True),
        ("Rodeado, el gobernador se rindió el _____ con unos 300 soldados.", "4 de mayo de 1641", True),
        ("El gobernador se rindió en _____ con unos 300 soldados.", "Tortosa", False),
        ("La guarnición se rindió ante los sitiadores en _____.", "1641", False),
        ("El alcalde entregó las llaves de la villa en _____.", "1641", False),
        ("El concejo le rindió homenaje en _____.", "1641", False),
    ],
)
def test_a_surrender_needs_its_place_or_its_victor(prompt, answer, held):
    assert surrender_without_place(*parsed(prompt, answer)) is held


def test_an_aside_dropped_before_a_relative_clause_keeps_its_comma():
    from quizzes.generation.questions import paraphrase

    said = paraphrase(
        "Los cónsules acudieron al obispo Pedro Vélez, el prior de Uclés, que en 1493 firmó varias cartas.", ""
    )
    assert said == "Los cónsules acudieron al obispo Pedro Vélez, que en 1493 firmó varias cartas."


def test_a_fronted_participle_is_lowered_after_the_true_false_label():
    from quizzes.generation.questions import true_false_prompt

    assert true_false_prompt("Aislado, el gobernador se rindió en 1641.") == (
        "Verdadero o falso: aislado, el gobernador se rindió en 1641."
    )
    assert true_false_prompt("Granada, la última plaza, cayó en 1492.").startswith("Verdadero o falso: Granada,")


@pytest.mark.parametrize(
    "prompt, answer, problem",
    [
        ("Tras la entrevista, _____ se retiró a su hacienda.", "Pedro Vélez", "event_reference"),
        (
            "Se reunieron en secreto, pero tras la entrevista _____ se retiró a su hacienda.",
            "Pedro Vélez",
            "event_reference",
        ),
        ("En 1641 el obispo _____ fundó un colegio en la villa.", "Pedro Vélez", ""),
        ("Los vecinos reconstruyeron el puente después del asalto, en _____.", "1641", "event_reference"),
        ("Durante la peste de 1348, _____ perdió la mitad de sus vecinos.", "Tortosa", ""),
        ("Durante la liga, las villas nombraron un juez común en _____.", "1520", ""),
    ],
)
def test_a_time_told_by_an_event_said_bare_points_back(prompt, answer, problem):
    disc = discourse(
        "La Liga del Valle fue una alianza de siete villas de montaña.",
        "Pedro Vélez se entrevistó con el obispo en 1640.",
        prompt.replace("_____", answer),
        title="La Liga del Valle",
    )
    parse, span = parsed(prompt, answer)
    assert definite_without_referent(parse, span, 2, disc) == problem


@pytest.mark.parametrize(
    "prompt, answer, problem",
    [
        ("El 3 de mayo, los vecinos de _____ quemaron el portazgo.", "Tortosa", "yearless_date"),
        ("En marzo, el obispo perdió más de 1000 ovejas en _____.", "Uclés", "yearless_date"),
        ("El 3 de mayo de _____, los vecinos quemaron el portazgo.", "1641", ""),
        ("En marzo de 1641, los vecinos de _____ quemaron el portazgo.", "Tortosa", ""),
    ],
)
def test_a_day_or_a_month_needs_its_year(prompt, answer, problem):
    assert prompt_problem(prompt, answer, -1, None) == problem


def test_a_question_about_who_did_not_do_something_is_held():
    assert prompt_problem("¿Quién no quiso firmar el tratado de 1641?", "", -1, None) == "negative_question"
    assert prompt_problem("¿Quién firmó el tratado de 1641 en Tortosa?", "", -1, None) == ""


def test_an_article_before_the_blank_must_agree_with_the_answer():
    assert prompt_problem("En 1641 el mando pasó a la _____ de la villa.", "gobernador", -1, None) == "split_phrase"
    assert prompt_problem("En 1641 el mando pasó al _____ de la villa.", "gobernador", -1, None) == ""


def test_a_clause_cut_after_y_takes_the_subject_of_its_own_sentence():
    from quizzes.generation.standalone import stand_alone

    disc = discourse(
        "En 1640 el rey Felipe IV visitó el valle con su corte.",
        "En 1641, Tortosa perdió el pleito y se comprometió a pagar una multa de 900 ducados.",
    )
    disc.names = {0: ["Felipe IV"], 1: ["Tortosa"]}
    stem, problem = stand_alone("Se comprometió a pagar una multa de _____.", 1, disc)
    assert problem == ""
    assert stem.startswith("Tortosa se comprometió")  # not «Felipe IV», the subject before


def test_a_clause_cut_after_y_in_a_sentence_without_subject_takes_the_one_before():
    from quizzes.generation.standalone import stand_alone

    disc = discourse(
        "Pedro Vélez fue obispo de Tortosa entre 1630 y 1650.",
        "Fundó un colegio en 1635 y reformó el cabildo en 1641.",
    )
    disc.names = {0: ["Pedro Vélez", "Tortosa"], 1: []}
    stem, problem = stand_alone("Reformó el cabildo en _____.", 1, disc)
    assert problem == ""
    assert stem.startswith("Pedro Vélez reformó")


def test_a_blank_that_takes_only_a_determiner_is_broken():
    prompt = "Con _____ aciertos, la comunidad aceptó su sistema en 1875."
    assert prompt_problem(prompt, "estos", -1, None) == "split_phrase"
    assert prompt_problem("Con _____, la comunidad aceptó su sistema en 1875.", "estos aciertos", -1, None) == ""
