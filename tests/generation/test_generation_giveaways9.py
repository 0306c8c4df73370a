"""Round 9: items that give their answer away by their form, and praise asked as a fact.

* `options_alike`: the right option is the only one with an article, or the only one without one.
* `not_century_of_praise`: a century that completes a superlative of the text's presentation.
* A stem loses the aside that says where the blanked name comes from («…, llamados así por …,»).

Sentences written for these tests, on topics in neither corpus set."""

from __future__ import annotations

from quizzes.generation import generate_bank
from quizzes.generation.model import Fact, Question
from quizzes.generation.ranking import (
    century_of_praise,
    failed_attempt,
    lone_option_form,
    publication_gate,
    resting_place,
)
from tests.generation.support import answer_fact, sentence_fact


def _choice(correct: list[str], distractors: list[str], prompt: str = "La flota de _____ llegó al puerto.") -> Question:
    return Question(
        key="q",
        kind="single_choice" if len(correct) == 1 else "multiple_choice",
        prompt=prompt,
        fact_keys=["f"],
        correct=correct,
        distractors=distractors,
        explanation="",
        sentence_indexes=[0],
    )


def test_the_only_option_with_an_article_is_held():
    q = _choice(["la Hansa"], ["Venecia", "Génova", "Pisa"])
    assert lone_option_form(q)
    assert publication_gate(q, {"f": answer_fact("la Hansa", "organization")}, set()) == "options_alike"


def test_the_only_option_without_an_article_is_held():
    assert lone_option_form(_choice(["Venecia"], ["la Hansa", "el Imperio bizantino", "los Países Bajos"]))
    # A capital at the start of the sentence is an article all the same.
    assert lone_option_form(_choice(["Venecia"], ["La Hansa", "El Imperio bizantino", "Los Países Bajos"]))


def test_options_of_one_form_or_mixed_forms_stay():
    assert not lone_option_form(_choice(["Venecia"], ["Génova", "Pisa", "Amalfi"]))
    assert not lone_option_form(
        _choice(["la Hansa"], ["la Liga Lombarda", "el Imperio bizantino", "la Orden Teutónica"])
    )
    # Two forms among the wrong options: the answer's form does not stand out.
    assert not lone_option_form(_choice(["Venecia"], ["la Hansa", "Génova", "Pisa"]))
    assert not lone_option_form(_choice(["la Hansa"], ["Venecia", "el Imperio bizantino", "Pisa"]))
    # Not a choice item.
    typed = _choice(["la Hansa"], ["Venecia", "Génova"])
    typed.kind = "short_answer"
    assert not lone_option_form(typed)


def test_a_multiple_choice_item_whose_right_options_alone_take_an_article_is_held():
    assert lone_option_form(_choice(["la Hansa", "la Liga Lombarda"], ["Venecia", "Génova"]))
    assert not lone_option_form(_choice(["la Hansa", "Pisa"], ["Venecia", "Génova"]))


def test_a_century_that_completes_praise_is_held():
    century = answer_fact("siglo XIX")
    for prompt in (
        "Rosalía de Castro es una de las poetas gallegas más leídas del _____ y una figura del Rexurdimento.",
        "La novela es una de las obras más importantes de la literatura del _____.",
        "El puerto fue uno de los mayores del _____.",
    ):
        q = _choice(["siglo XIX"], [], prompt)
        q.kind = "short_answer"
        assert century_of_praise(q, {"f": century}), prompt
        assert publication_gate(q, {"f": century}, set()) == "not_century_of_praise"


def test_a_century_that_dates_an_event_stays():
    century = answer_fact("siglo XIX")
    for prompt in (
        "En el _____, el puerto creció con el comercio del vino.",
        "La ciudad fue la más poblada de la región durante el _____.",  # the superlative is not completed by it
    ):
        q = _choice(["siglo XIX"], [], prompt)
        q.kind = "short_answer"
        assert not century_of_praise(q, {"f": century}), prompt
    # A superlative completed by a year or a place is not praise of a century.
    q = _choice(["1850"], [], "El puerto fue uno de los mayores del _____.")
    assert not century_of_praise(q, {"f": answer_fact("1850")})


def test_the_aside_that_gives_the_origin_of_the_blanked_name_goes():
    text = (
        "Los tejedores de Lyon\n\n"
        "Entre 1831 y 1834, los canuts, llamados así por las canillas de sus telares, se sublevaron en Lyon. "
        "La ciudad tenía entonces muchos talleres de seda."
    )
    bank = generate_bank(text)
    canuts = [q for q in bank.questions if q.correct == ["canuts"] and q.kind == "short_answer"]
    assert canuts and all("llamados así" not in q.prompt for q in canuts)
    assert any(q.prompt.startswith("Entre 1831 y 1834, los _____ se sublevaron en Lyon") for q in canuts)
    # Another blank keeps the aside: it gives nothing away there.
    years = [q for q in bank.questions if q.correct == ["1834"] and q.kind == "short_answer"]
    assert years and all("llamados así por las canillas" in q.prompt for q in years)


def _dated(sentence: str, answer: str) -> Fact:
    return sentence_fact(sentence, answer, key="d", value={"year": int(answer)})


def test_what_became_of_the_remains_is_a_posthumous_fate():
    for sentence in (
        "En 1978 los restos del poeta fueron trasladados a su ciudad natal.",
        "Desde 1902 sus cenizas reposan en el cementerio del puerto.",
        "El navegante fue enterrado en 1540 en la iglesia mayor.",
    ):
        year = next(w for w in sentence.replace(".", "").split() if w.isdigit())
        assert resting_place(_dated(sentence, year)), sentence
    # The death itself is the event, and «el resto de» is the rest.
    assert not resting_place(_dated("El navegante murió en 1540 y fue enterrado en la iglesia mayor.", "1540"))
    assert not resting_place(_dated("En 1609 el rey expulsó al resto de los moriscos del reino.", "1609"))


def test_an_attempt_that_came_to_nothing_is_told_in_passing():
    assert failed_attempt(_dated("En 1588, la armada intentó sin éxito desembarcar en Inglaterra.", "1588"))
    assert failed_attempt(_dated("En 1529 los otomanos asediaron en vano la ciudad de Viena.", "1529"))
    assert not failed_attempt(_dated("En 1571, la armada derrotó a la flota otomana en Lepanto.", "1571"))
    # Only the fact's own clause: a failure told in another clause does not make the date minor.
    assert not failed_attempt(
        _dated(
            "En 1683 el ejército polaco levantó el sitio de Viena, que los otomanos habían intentado en vano.", "1683"
        )
    )


def test_a_posthumous_fate_and_a_failed_attempt_are_not_published():
    text = (
        "El almirante Ruiz\n\n"
        "El almirante Ruiz fue un marino español que mandó la flota del norte entre 1701 y 1720.\n"
        "En 1705 Ruiz derrotó a la escuadra holandesa frente a Vigo. "
        "En 1708, la flota holandesa intentó sin éxito bloquear el puerto de Bilbao. "
        "En 1712 Ruiz firmó la tregua con los holandeses en Ámsterdam. "
        "Ruiz murió en Cádiz en 1720. "
        "En 1801 sus restos fueron trasladados al Panteón de Marinos Ilustres."
    )
    bank = generate_bank(text)
    published = [q for q in bank.questions if q.status == "published"]
    assert published
    assert not any(q.correct and q.correct[0] in {"1708", "1801"} for q in published)
    assert any(q.correct and q.correct[0] == "1705" for q in published)


def test_a_figure_or_date_of_another_shape_stands_out():
    # A date without its year among dates with one; a figure written as the text writes it among plain ones.
    assert lone_option_form(_choice(["12 de mayo"], ["3 de junio de 1521", "12 de mayo de 1519", "9 de julio de 1520"]))
    assert lone_option_form(
        _choice(["unos 2 300 soldados"], ["unos 900 soldados", "unos 4600 soldados", "unos 1200 soldados"])
    )
    assert lone_option_form(
        _choice(["marzo del 44 a. C."], ["marzo de 42 a. C.", "marzo de 46 a. C.", "marzo de 40 a. C."])
    )
    assert lone_option_form(_choice(["25 Cantones"], ["12 cantones", "40 cantones", "8 cantones"]))
    # The only option with a figure, or the only one without.
    assert lone_option_form(_choice(["tres años"], ["5 años", "8 años", "12 años"]))
    # Months and figures apart, options of one shape stay.
    assert not lone_option_form(
        _choice(["12 de mayo de 1520"], ["3 de junio de 1521", "9 de julio de 1519", "1 de abril de 1520"])
    )
    assert not lone_option_form(
        _choice(["unos 2300 soldados"], ["unos 900 soldados", "unos 4600 soldados", "unos 1200 soldados"])
    )
    assert not lone_option_form(_choice(["1520"], ["1519", "1521", "1523"]))


def test_an_acronym_said_once_is_not_published():
    text = (
        "Los faros\n\n"
        "Un faro es una torre con una luz que guía a los barcos de noche cerca de la costa.\n"
        "En 1823, el físico francés Augustin Fresnel inventó una lente escalonada que hizo visibles los faros a "
        "más de treinta kilómetros. En 1902, el ingeniero Gustaf Dalén inventó una válvula solar que encendía la "
        "luz al anochecer. Hoy los barcos se guían con los satélites del sistema GNSS y los faros se conservan "
        "como patrimonio."
    )
    bank = generate_bank(text)
    published = [q for q in bank.questions if q.status == "published"]
    assert published
    assert not any(q.correct == ["GNSS"] for q in published)
    assert any(q.correct == ["GNSS"] for q in bank.questions)
