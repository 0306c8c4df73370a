"""Round 33: what fresh texts showed at first sight, tried on our own sentences.

- «un grupo de oficiales jóvenes, en la mayoría de Nigeria igbo»: the idiom «en su mayoría» given an owner;
- «¿En qué año suele el origen del grupo situarse…?»: a modal split from its infinitive;
- «¿En qué año se reunió Henry Parkes en Sídney la Convención…?», «¿…se fundó Ahmed Baba, con apoyo…, el Centro…?»: a
  subject given to a passive «se» whose subject follows the verb (after a place, after an aside);
- «¿En qué año norman Bethune llegó…?»: a name's first word read as a verb;
- «Iliá Yefímovich Repin» not accepted as «Repin», «Isabel II» as «Isabel segunda», «siglo XII» as «siglo doce»,
  «Ciudad de México» as «México»;
- «_____ para el Control de la Oncocercosis», «_____ of Australia Constitution Act», «_____ de mio Cid»: the blank
  takes the head of a longer name;
- «Bajo su dirección, Hans Geiger y Ernest Marsden…»: whose direction;
- «llegó … por fin al lugar», «emprendió finalmente…»: said of the sentence before;
- «el rey Carlos XII sueco»: a name put between a role and its demonym.
"""

from quizzes.generation import answers
from quizzes.generation.quality import name_split
from quizzes.generation.questions import _remove_temporal, century_forms
from quizzes.generation.standalone import (
    dependent_context,
    drop_connectors,
    full_first_names,
    role_reference,
    stand_alone,
)
from quizzes.generation.wh import _invert, _verb_group

from .support import discourse, sentence_fact


def test_en_su_mayoria_is_an_idiom_not_a_possessive():
    disc = discourse(
        "Tarsia se independizó en 1960.",
        "El 15 de enero de 1966 un grupo de oficiales jóvenes, en su mayoría osk, dio un golpe de Estado.",
        names={0: ["Tarsia"]},
        title="Guerra civil de Tarsia",
    )
    said, problem = stand_alone(
        "El 15 de enero de _____ un grupo de oficiales jóvenes, en su mayoría osk, dio un golpe de Estado.",
        1,
        disc,
        blank="_____",
    )
    assert "en su mayoría osk" in said and "Tarsia" not in said and problem == ""


def test_a_modal_keeps_its_infinitive_in_a_question():
    assert _verb_group("suele situarse el origen del grupo en 1885") == (
        "suele situarse",
        "el origen del grupo en 1885",
    )
    assert _verb_group("pudo regresar a Osk") == ("pudo regresar", "a Osk")


def test_a_passive_se_with_its_subject_after_a_place_or_an_aside_is_given_no_person():
    disc = discourse(
        "Velin Osk fue primer ministro de Tarsia.",
        "Velin Osk pronunció en 1889 un discurso en favor de la unión.",
        "En 1891 se reunió en Karst la Convención Nacional Tarsia, que elaboró un primer proyecto.",
        "Velin Osk regresó a Karst en 1908.",
        "En 1973 se fundó, con apoyo de la Unesco, el Centro de Documentación Berhof.",
        names={
            0: ["Velin Osk", "Tarsia"],
            1: ["Velin Osk"],
            2: ["Karst", "Convención Nacional Tarsia"],
            3: ["Velin Osk", "Karst"],
            4: ["Unesco", "Centro de Documentación Berhof"],
        },
        title="Federación de Tarsia",
    )
    for index, stem in (
        (2, "En _____ se reunió en Karst la Convención Nacional Tarsia, que elaboró un primer proyecto."),
        (4, "En _____ se fundó, con apoyo de la Unesco, el Centro de Documentación Berhof."),
    ):
        said, _problem = stand_alone(stem, index, disc, blank="_____")
        assert "Velin" not in said


def test_a_patronymic_does_not_hide_the_surname():
    fact = sentence_fact("Iliá Yefímovich Repin", "Iliá Yefímovich Repin", "person", "")
    names = {"Iliá Repin": "person", "Repin": "person", "Iliá Yefímovich Repin": "person"}
    forms = answers.entity_forms(fact, names, list(names))
    assert "Repin" in forms


def test_a_queen_s_ordinal_agrees():
    assert "Isabel segunda" in answers._regnal_in_words("Isabel II")
    assert "Felipe cuarto" in answers._regnal_in_words("Felipe IV")


def test_a_century_in_words_is_accepted():
    fact = sentence_fact("siglo XII", "siglo XII", "date", "century")
    assert "siglo doce" in century_forms(fact)
    fact.answer = "siglo V"
    assert "siglo quinto" in century_forms(fact)


def test_the_blank_taking_the_head_of_a_programme_or_a_work_splits_a_name():
    assert name_split("_____ para el Control de la Oncocercosis extendió el tratamiento anual.", "Programa Africano")
    assert name_split("La Constitución adoptó la forma de una ley, _____ of Tarsia Constitution Act.", "Commonwealth")
    assert name_split("Su obra principal es _____ de mio Cid, el gran poema épico.", "Cantar")
    assert not name_split("_____ para el Control de la Oncocercosis extendió el tratamiento anual.", "1995")


def test_under_his_direction_is_the_person_the_text_is_about():
    disc = discourse(
        "Velin Osk fue un físico tarsio.",
        "En 1907 se trasladó a Karst.",
        "Bajo su dirección, Jan Kolm y Piet Berhof bombardearon en 1909 una lámina de oro.",
        names={0: ["Velin Osk"], 1: ["Karst"], 2: ["Jan Kolm", "Piet Berhof"]},
        title="Velin Osk",
    )
    said, problem = stand_alone(
        "Bajo su dirección, Jan Kolm y Piet Berhof bombardearon en _____ una lámina de oro.", 2, disc, blank="_____"
    )
    assert said.startswith("Bajo la dirección de Velin Osk,") and problem == ""


def test_finally_is_dropped_after_its_verb():
    assert (
        drop_connectors("En 1707 el rey emprendió finalmente la invasión.") == "En 1707 el rey emprendió la invasión."
    )
    assert drop_connectors("En 1927 Kolm llegó por fin al lugar.") == "En 1927 Kolm llegó al lugar."


def test_a_role_s_demonym_stays_before_the_holder_s_name():
    disc = discourse(
        "La batalla de Karst enfrentó a Tarsia y Velinia.",
        "El rey Carlos XII reinaba en Velinia desde 1697.",
        "En 1707 el rey sueco emprendió la invasión de Tarsia.",
        names={0: ["Karst", "Tarsia", "Velinia"], 1: ["Carlos XII", "Velinia"], 2: ["Tarsia"]},
        title="Batalla de Karst",
    )
    said, _problem = role_reference("En _____ el rey sueco emprendió la invasión de Tarsia.", 2, disc)
    assert "el rey sueco Carlos XII emprendió" in said


def test_a_name_that_looks_like_a_verb_opens_a_subject():
    disc = discourse(
        "Norman Kolm fue un médico tarsio.",
        "Norman Kolm llegó a Karst para apoyar a la República.",
        names={0: ["Norman Kolm"], 1: ["Norman Kolm", "Karst"]},
        title="Norman Kolm",
    )
    asked = _invert("En qué año", "Norman Kolm llegó a Karst para apoyar a la República", disc)
    assert "norman" not in asked


def test_a_surname_inside_an_english_name_is_not_given_a_first_name():
    disc = discourse(
        "Kolm-Pesa Africa es la filial del servicio Kolm-Pesa.",
        "La prueba se realizó en 2005 con el Commercial Bank of Africa.",
        names={0: ["Kolm-Pesa Africa", "Kolm-Pesa"], 1: ["Commercial Bank of Africa", "Africa"]},
        title="Kolm-Pesa",
    )
    said = full_first_names("La prueba se realizó en _____ con el Commercial Bank of Africa.", disc)
    assert "Bank of Africa" in said


def test_an_infinitive_keeps_its_years():
    text = "En 2022, al cumplir quince años, Osk superaba los 50 millones."
    a = text.index("quince")
    assert _remove_temporal(text, a, a + len("quince años")) == (a, a)


def test_an_opening_article_before_de_stands_for_a_noun_said_before():
    assert dependent_context("¿Cuándo entró en vigor la de la CAO?", "1 de enero de 2005") == "elided_noun"
    assert dependent_context("La de la CAO entró en vigor el 1 de enero de _____.", "2005") == "elided_noun"
    assert dependent_context("La guerra de Karst terminó en _____.", "1854") == ""


def test_a_noun_after_visito_is_what_was_visited_not_who_visited():
    disc = discourse(
        "Velin Osk fue un viajero tarsio.",
        "Llegó a Karst en noviembre de 1349.",
        "Poco después visitó el reino nazarí de Berhof, y en 1352 inició su último gran viaje.",
        names={0: ["Velin Osk"], 1: ["Karst"], 2: ["Berhof"]},
        title="Velin Osk",
    )
    said, problem = stand_alone(
        "Visitó el reino nazarí de Berhof, y en _____ inició su último gran viaje.", 2, disc, blank="_____"
    )
    assert problem or not said.startswith("Visitó")
