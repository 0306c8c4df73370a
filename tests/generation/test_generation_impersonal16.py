"""Round 16: a prompt that opens with an impersonal or passive «se» («Se constituyó una junta, presidida por _____.»)
says neither when, where nor of what: it is held (`impersonal`), unless a real question can ask it («¿Cuántos lagos
glaciares se cuentan en el parque?», the counted noun being the title's own and the clause saying where).
Sentences of our own, none from the corpus."""

import pytest

from quizzes.generation.model import Fact
from quizzes.generation.standalone import outside_reference
from quizzes.generation.wh import MARK, wh_prompt

from .support import discourse


@pytest.mark.parametrize(
    "prompt",
    [
        "Se constituyó un consejo de regencia, presidido por _____.",
        "Se firmó un armisticio en el vagón del mariscal el _____.",
        "No se recuperó hasta _____, en la capital del reino. (Escriba el año.)",
        "Verdadero o falso: se reconoció la autonomía de las provincias del norte en 1850.",
        "Se distinguen _____ tipos de nubes altas y numerosas formas intermedias. (Escriba el número.)",
    ],
)
def test_an_opening_impersonal_se_is_held(prompt):
    assert outside_reference(prompt) == "impersonal"


@pytest.mark.parametrize(
    "prompt",
    [
        "El consejo de regencia, que se constituyó en Burgos, fue presidido por _____.",
        "_____ se rindió en la ciudad de Breda tras un asedio de diez meses.",
        "En 1850 se reconoció la autonomía de las provincias del norte del reino de _____.",
        "¿Cuántos lagos glaciares se cuentan en la isla de Java?",
    ],
)
def test_a_se_that_does_not_open_the_prompt_stands(prompt):
    assert outside_reference(prompt) == ""


def _count(sentence, answer, unit):
    i = sentence.index(answer)
    number = {"treinta": 30.0, "doce": 12.0}[answer.split()[0]]
    return Fact(
        "k", "number", "count", 0, sentence, answer, i, i + len(answer), i, i + len(answer),
        value={"number": number, "unit": unit, "approx": None, "scale": None},
    )  # fmt: skip


def test_a_count_after_an_impersonal_se_is_asked_when_the_title_names_what_is_counted_and_the_clause_where():
    sentence = "Se cuentan treinta lagos glaciares en el parque nacional, y numerosas lagunas menores."
    disc = discourse(sentence, title="Lagos de Finlandia")
    fact = _count(sentence, "treinta lagos", "lagos")
    assert wh_prompt(fact, sentence.replace("treinta lagos", MARK), disc) == (
        "¿Cuántos lagos glaciares se cuentan en el parque nacional?"
    )


def test_a_count_after_an_impersonal_se_with_no_frame_is_not_asked():
    # «¿Cuántos lagos glaciares se cuentan?»: where? (round 17: «¿Cuántas placas principales se distinguen?», R)
    sentence = "Se cuentan treinta lagos glaciares y numerosas lagunas menores, como la de Arreo."
    disc = discourse(sentence, title="Lagos de Finlandia")
    fact = _count(sentence, "treinta lagos", "lagos")
    assert wh_prompt(fact, sentence.replace("treinta lagos", MARK), disc) == ""


def test_a_count_after_an_impersonal_se_of_something_the_title_does_not_name_stays_a_cloze():
    sentence = "Se publicaron doce novelas breves y varios libros de cuentos."
    disc = discourse(sentence, title="Benito Pérez Galdós")
    fact = _count(sentence, "doce novelas", "novelas")
    assert wh_prompt(fact, sentence.replace("doce novelas", MARK), disc) == ""
