"""Publication rules: what a strict teacher would not keep is not published (sentences written for these tests)."""

from __future__ import annotations

from collections import Counter

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.lexicon import fold
from quizzes.generation.quality import answer_root_in_prompt, list_member, range_inverted
from quizzes.generation.standalone import outside_reference


@pytest.mark.parametrize(
    ("prompt", "reason"),
    [
        ("Desde _____, este puerto exporta sobre todo cobre y lana.", "demonstrative"),
        ("El gremio de tejedores defendió ambos privilegios hasta _____.", "pronoun"),
        ("Verdadero o falso: más de mil obreros trabajaron en él durante la obra.", "pronoun"),
        ("Los comerciantes, sobre todo _____, dejaron de financiarlo.", "pronoun"),
        ("La gobernaba _____, un duque de la casa de Saboya.", "pronoun"),
        (
            "Verdadero o falso: durante la tercera, en el valle del Ebro, el ejército perdió la mitad de sus caballos.",
            "demonstrative",
        ),
        ("Al año siguiente, la ciudad de Lyon abrió su primera imprenta en _____.", "relative_time"),
        ("Seis años más tarde, el ingeniero _____ terminó el acueducto.", "relative_time"),
        ("_____ más tarde, el ingeniero Juan de Herrera terminó el acueducto.", "relative_time"),
        ("La obra del propio _____ describe la fundación del monasterio.", "relative_time"),
        ("La noche del 2 de mayo de 1808 una multitud rodeó su palacio en _____.", "possessive"),
        ("Que en el norte del reino se prolongó hasta _____.", "fragment"),
        ("Lo que obligó al rey a convocar las Cortes en _____.", "fragment"),
        ("_____, que gobernaba la provincia desde la costa.", "fragment"),
        ("Verdadero o falso: cuando el rey abdicó en 1808, la junta.", "fragment"),
        ("_____ se rindió.", "fragment"),
        ("Se proclamó la república en _____.", "fragment"),
        ("Verdadero o falso: el siguiente conquistó la ciudad de Orán.", "demonstrative"),
        ("Meses después, la reina firmó el edicto en _____.", "relative_time"),
        ("El rey había cumplido los, en _____, cuarenta años de reinado.", "fragment"),
        ("(Toledo recibió al embajador de _____ en la corte.", "fragment"),
    ],
)
def test_prompts_that_point_outside_themselves(prompt, reason):
    assert outside_reference(prompt) == reason


@pytest.mark.parametrize(
    "prompt",
    [
        "En su testamento, _____ dejó la corona a su sobrino.",
        "Isabel regresó a su palacio de _____ en 1504.",
        "Cuando el rey abdicó, las Cortes se reunieron en _____.",
        "El puerto exportó cobre cinco años después de la fundación de _____.",
        "La toma de Orán ocurrió en _____.",
        "Verdadero o falso: el acueducto de Segovia fue construido en el siglo II.",
        "Las tierras al este de la línea serían de Portugal y las del oeste, de _____.",
    ],
)
def test_prompts_that_stand_alone(prompt):
    assert outside_reference(prompt) == ""


def test_list_members_and_pairs():
    assert list_member("El río atraviesa Austria, Hungría y _____ antes de llegar al mar.")
    assert list_member("_____, Galvani y Ampère estudiaron la electricidad.")
    assert not list_member("La guerra entre Castilla y _____ duró diez años.")
    assert not list_member("En Sevilla, _____ fundó la Casa de Contratación.")


def test_answer_root_and_inverted_range():
    assert answer_root_in_prompt("Los bolivarianos apoyaban a _____ frente a Santander.", "Simón Bolívar")
    assert not answer_root_in_prompt("Los liberales apoyaban a _____ frente a su tío.", "Isabel II")
    assert range_inverted("Verdadero o falso: entre 1820 y 1814 el país vivió un trienio liberal.")
    assert not range_inverted("Verdadero o falso: entre 1820 y 1823 el país vivió un trienio liberal.")


TEXT = """El canal de Castilla es una obra hidráulica construida entre 1753 y 1849 en el norte de España.
Su objetivo era transportar el trigo de la meseta hasta los puertos del Cantábrico.
El marqués de la Ensenada impulsó el proyecto en 1751 durante el reinado de Fernando VI.
El ingeniero Antonio de Ulloa dirigió los primeros estudios del trazado.
Las obras comenzaron el 16 de julio de 1753 en Calahorra de Ribas.
El canal tiene unos 207 km de longitud y 49 esclusas.
Durante la guerra de la Independencia las obras se detuvieron por completo.
En 1831 una compañía privada obtuvo la concesión de la obra a cambio de su explotación durante 70 años.
La llegada del ferrocarril en 1860 redujo mucho el tráfico de barcazas.
En 1959 el canal dejó de usarse para la navegación comercial.
Hoy el canal riega unas 30 000 hectáreas y abastece de agua a varias ciudades de Castilla y León.
La ciudad de Medina de Rioseco conserva la dársena del ramal de Campos.
"""


@pytest.fixture(scope="module")
def bank():
    return generate_bank(TEXT)


def test_published_items_one_per_sentence_and_options_not_repeated(bank):
    published = [q for q in bank.questions if q.status == "published"]
    assert published
    per_sentence = Counter(q.sentence_indexes[0] for q in published if q.kind != "ordering")
    assert max(per_sentence.values()) <= 2
    choice = [q for q in published if q.kind in {"single_choice", "multiple_choice"}]
    options = Counter(fold(d) for q in choice for d in q.distractors)
    assert all(n == 1 for n in options.values())
    for q in published:
        assert outside_reference(q.prompt) == "" or q.kind == "ordering"


def test_items_of_one_sentence_do_not_give_each_other_away(bank):
    published = [q for q in bank.questions if q.status == "published" and q.kind != "ordering"]
    by_sentence: dict[int, list] = {}
    for q in published:
        by_sentence.setdefault(q.sentence_indexes[0], []).append(q)
    for items in by_sentence.values():
        if len(items) < 2:
            continue
        a, b = items
        assert set(a.fact_keys).isdisjoint(b.fact_keys)
        for x, y in ((a, b), (b, a)):
            if x.kind not in {"true_false", "ordering"}:
                assert fold(x.correct[0]) not in fold(y.prompt)


def test_a_counted_feminine_noun_is_asked_with_cuantas():
    text = (
        "La digestión humana es un proceso complejo.\n"
        "El proceso de la digestión humana consta de tres fases.\n"
        "Cada fase ocurre en un órgano distinto del aparato digestivo.\n"
    )
    bank = generate_bank(text)
    asked = [q.prompt for q in bank.questions if q.prompt.startswith("¿")]
    assert "¿De cuántas fases consta el proceso de la digestión humana?" in asked
    wrong = [d for q in bank.questions for d in q.distractors]
    assert wrong and not any(d.startswith(("un ", "una ")) for d in wrong)


def test_a_title_abbreviation_does_not_end_the_sentence():
    bank = generate_bank(
        "El médico trabajaba en el hospital de St. Thomas de Londres desde 1850.\nAllí estudió el cólera.\n"
    )
    assert bank.sentences[0].text.startswith("El médico") and "Londres" in bank.sentences[0].text


def test_no_subject_is_put_inside_a_phrase():
    from quizzes.generation.standalone import Discourse, stand_alone
    from quizzes.generation.text import split_sentences

    sentences = split_sentences(
        "María Skłodowska nació en Varsovia en 1867.\n"
        "Tras la fallida insurrección polaca de 1863, las autoridades rusas habían prohibido la enseñanza en polaco."
    )
    disc = Discourse(sentences=sentences, names={}, title="")
    stem = (
        "Tras la fallida insurrección polaca de _____, las autoridades rusas habían prohibido la enseñanza en polaco."
    )
    text, _problem = stand_alone(stem, 1, disc)
    assert "Skłodowska" not in text


def test_one_counted_thing_is_not_asked():
    bank = generate_bank(
        "La expedición de Magallanes partió de Sanlúcar en 1519.\n"
        "El viaje alrededor del mundo duró casi un año más de lo previsto por los armadores.\n"
        "Solo regresó una nave, la Victoria, al mando de Juan Sebastián Elcano.\n"
    )
    for q in bank.questions:
        if q.status == "published" and q.kind in {"numeric", "single_choice"}:
            assert q.correct[0] not in {"1 año", "un año", "1"}
