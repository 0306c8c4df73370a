"""Cloze choice items whose options the grammar or the stem rules out (round 11).

Every sentence here is written for the test (made-up wars, writers and generals); the rules are general: the words
after the blank give it a gender and a number, the stem's act (commanding, writing, inventing) a class of person, and
the prompt may not already name a wrong option.
"""

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.distractors import agrees_with_blank, blank_agreement, stem_class
from quizzes.generation.quality import option_in_prompt
from quizzes.generation.standalone import name_features


@pytest.mark.parametrize(
    ("stem", "required"),
    [
        ("_____, aliada de Venecia, declaró la guerra al sultán en 1570.", ("f", False)),
        ("_____ fue ocupado por las tropas del duque en 1702.", ("m", False)),
        ("En 1702 _____ quedaron excluidos del reparto.", ("m", True)),
        ("En 1570 _____ declararon la guerra al sultán.", ("", True)),
        ("En 1570 _____ se unió a la liga.", ("", False)),
        # In a series the words after agree with the whole of it, not with the blank.
        ("En 1570 Venecia y _____ declararon la guerra al sultán.", ("", None)),
        ("En 1570 _____ y Venecia declararon la guerra al sultán.", ("", None)),
        ("En 1570 Venecia, _____, España y Génova declararon la guerra al sultán.", ("", None)),
        # A comma after a fronted phrase is no series.
        ("Desde el tratado, firmado en 1796, _____ era aliada de Venecia.", ("f", False)),
        ("La liga buscaba el apoyo de _____ contra el sultán.", ("", None)),
        # After a preposition the blank ends a longer phrase, which the words after agree with.
        ("Las crónicas de _____, publicadas en 1855, fueron célebres.", ("", None)),
        # A quantifier before the blank agrees with it too: not «toda el Ilírico».
        ("Tras la guerra, toda _____ quedó sometida a Roma.", ("f", False)),
    ],
)
def test_the_words_after_the_blank_give_it_a_gender_and_a_number(stem, required):
    assert blank_agreement(stem) == required


def test_an_option_the_grammar_rules_out_is_not_offered():
    feminine = blank_agreement("_____, aliada de Venecia, declaró la guerra al sultán.")
    assert agrees_with_blank("España", feminine)
    assert not agrees_with_blank("Portugal", feminine)
    assert not agrees_with_blank("los Países Bajos", feminine)
    singular = blank_agreement("En 1570 _____ se unió a la liga.")
    assert not agrees_with_blank("los Estados Pontificios", singular)
    assert agrees_with_blank("Génova", singular)
    assert agrees_with_blank("Estados Unidos", singular)  # unsure of the name: offered
    assert not agrees_with_blank("el Ilírico", blank_agreement("Tras la guerra, toda _____ quedó sometida a Roma."))
    # A plural verb after the blank: one person is no option for «los Reyes de Aragón».
    assert not agrees_with_blank("Fernando de Trastámara", blank_agreement("_____ acudieron entonces al papa."))


@pytest.mark.parametrize(
    ("stem", "kind"),
    [
        ("En 1850, _____ publicó el folleto La patria libre.", "arts"),
        ("_____, que escribió la primera novela del país, murió en 1870.", "arts"),
        ("_____, que mandaba desde la fragata Esperanza, dividió la escuadra.", "military"),
        ("Las tropas de _____ tomaron el puerto en 1851.", "military"),
        ("En 1760, _____ inventó una bomba de vapor.", "science"),
        ("En 1851, _____ murió en la capital.", ""),
        ("En 1870 _____ le dedicó la novela Los lagos.", "arts"),
    ],
)
def test_the_stem_act_makes_the_blank_a_kind_of_person(stem, kind):
    assert stem_class(stem) == kind


WAR = (
    "La guerra de los Lagos\n\n"
    "La guerra de los Lagos fue un conflicto entre dos repúblicas del sur entre 1848 y 1856. "
    "El general Arturo Benítez mandó las tropas del norte en 1848. "
    "El general Tomás Ortega defendió la capital en 1849. "
    "El general Pablo Ferrer tomó la fortaleza de Santa Clara en 1850. "
    "El almirante Jorge Salinas bloqueó el puerto de Real en 1851. "
    "El coronel Martín Vidal cruzó el río Hondo en 1852. "
    "En enero de 1853, Luis Caballero publicó el folleto La patria libre, que pedía la paz inmediata. "
    "El escritor Andrés Molina escribió una novela sobre la guerra en 1860. "
    "El poeta Julio Navarro compuso un himno a los caídos en 1861. "
    "El periodista Ramón Fuentes contó la guerra en sus crónicas de 1862. "
    "El pintor Felipe Rosales pintó la batalla de Santa Clara en 1863. "
    "El filósofo Diego Lara criticó la guerra en 1864."
)
GENERALS = {"Arturo Benítez", "Tomás Ortega", "Pablo Ferrer", "Jorge Salinas", "Martín Vidal"}


def test_a_general_is_no_wrong_option_for_the_author_of_a_pamphlet():
    bank = generate_bank(WAR)
    items = [q for q in bank.questions if q.kind == "single_choice" and q.correct == ["Luis Caballero"]]
    assert items, "the pamphlet's author is asked as a choice"
    for q in items:
        offered = {o.split(" ", 1)[-1] if o.startswith(("el ", "la ")) else o for o in q.distractors + q.spare}
        assert not offered & GENERALS, offered


@pytest.mark.parametrize(
    ("prompt", "option", "person", "named"),
    [
        ("Tras la batalla de Lumbre, el ejército se retiró a _____.", "Lumbre", False, True),
        ("Tras la batalla de Lumbre, el ejército se retiró a _____.", "la Lumbre", False, True),
        ("Tras la batalla de Lumbre, el ejército se retiró a _____.", "Lumbres", False, False),
        ("Ortega coronó como rey a _____ en 1850.", "Gonzalo Ortega", True, True),
        ("Ortega coronó como rey a _____ en 1850.", "Gonzalo Ortega", False, False),
        ("El rey Juan V cedió el trono a _____.", "Pedro V", True, False),  # a regnal number is no surname
        ("La flota zarpó el _____ de 1850.", "3 de mayo de 1850", False, False),
        ("Del _____ al 12 de mayo de 1849 duró el bloqueo.", "12 de mayo de 1849", False, True),
        ("Del _____ al 12 de mayo de 1849 duró el bloqueo.", "2 de mayo de 1849", False, False),
    ],
)
def test_a_wrong_option_the_prompt_names_is_found(prompt, option, person, named):
    assert option_in_prompt(prompt, option, person=person) is named


def test_a_choice_item_offering_what_its_prompt_names_is_held():
    from quizzes.generation.facts import Extraction, Groups
    from quizzes.generation.model import Fact, Question
    from quizzes.generation.quality import check_question

    sentence = "Ortega coronó como rey a Benítez en 1850."
    at = sentence.index("Benítez")
    fact = Fact("f1", "person", "", 0, sentence, "Benítez", at, at + 7, at, at + 7)
    ex = Extraction(facts=[fact], mentions={}, groups=Groups(), topic="", alias_pairs=[])

    def checked(wrong):
        q = Question(
            key="q1",
            kind="single_choice",
            prompt="Ortega coronó como rey a _____ en 1850.",
            fact_keys=["f1"],
            correct=["Benítez"],
            distractors=wrong,
            explanation="",
            sentence_indexes=[0],
        )
        check_question(q, {"f1": fact}, ex)
        return q

    assert "distractors_not_in_prompt" in checked(["Gonzalo Ortega", "Ferrer", "Salinas"]).checks_failed
    assert "distractors_not_in_prompt" in checked(["Vidal", "Ferrer", "Salinas"]).checks_passed


def test_name_features_of_options():
    assert name_features("Venecia") == ("f", False)
    assert name_features("el Reino Unido") == ("m", False)
