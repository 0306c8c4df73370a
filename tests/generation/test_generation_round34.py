"""Round 34: what fresh texts showed at first sight, tried on our own sentences.

- «La Unión Internacional para _____», «_____ para el Manejo Sustentable…», «Acuerdo Marco General para _____ en
  Bosnia», «Simon & _____»: the blank takes part of a longer name;
- «¿En qué año se convirtió Día de la independencia en el primer presidente…?»: a day's apposition read as the subject;
- «…desde hace 72,1 hasta hace?»: a time counted back from today cut from a date's stem;
- «_____ es un yacimiento arqueológico…» → «Mapungubwe» in a text with no title line: the text's own name;
- «conocido por sus siglas _____» → «BTC» in the text of «El oleoducto Bakú-Tiflis-Ceyhan»: the title's initials;
- «…de Bruselas de _____, conocida como Expo 58»: the year said by its last two digits;
- «…, y en 2010 la cumbre suspendió el tribunal. En 2014, un nuevo protocolo limitó su competencia»: whose;
- «…, un ave acuática que solo vivía en el lago. La introducción de la lobina… provocó su declive»: the bird's, not the
  lake's;
- «Moon Jae-in» accepted as «Jae-in», not as «Moon»: a Korean name's family name comes first.
"""

from types import SimpleNamespace

import pytest

from quizzes.generation import generate_bank, publication_context
from quizzes.generation.quality import _short_year_said, guessable_from_title, name_split
from quizzes.generation.questions import _remove_temporal, build_stem, computing_durations
from quizzes.generation.standalone import stand_alone

from .support import discourse, sentence_fact


@pytest.mark.parametrize(
    ("prompt", "answer"),
    [
        ("La Unión Internacional para _____ clasifica la especie como vulnerable.", "Conservación de la Naturaleza"),
        ("En 1996 se creó _____ para el Manejo Sustentable de la Cuenca del Lago Velinia.", "Autoridad"),
        ("Su nombre oficial es Acuerdo Marco General para _____ en Tarsia y Osk.", "Paz"),
        ("El éxito de Simon & _____ convirtió la melodía en un fenómeno mundial.", "Garfunkel"),
        ("En 1996 se creó la Autoridad para el Manejo de la Cuenca del Lago Velinia y su _____.", "Entorno"),
    ],
)
def test_the_blank_taking_part_of_a_longer_name_splits_it(prompt, answer):
    assert name_split(prompt, answer)


def test_a_name_before_para_and_the_blank_is_not_always_one_name():
    assert not name_split("Trabajó en Estados Unidos para _____ durante diez años.", "NASA")
    assert not name_split("La Unión Internacional clasificó en _____ la especie como vulnerable.", "Tarsia")


def test_a_day_s_apposition_goes_with_its_day():
    text = "El 30 de septiembre de 1966, día de la independencia, se convirtió en el primer presidente de Tarsia."
    a = text.index("30")
    start, end = _remove_temporal(text, a, a + len("30 de septiembre de 1966"))
    assert "independencia" not in text[:start] + text[end:]
    disc = discourse(
        "De vuelta en su país, Berhof se dedicó a la política.",
        "El 30 de septiembre de 1966, día de la independencia, se convirtió en el primer presidente de Tarsia.",
        names={0: ["Berhof"], 1: ["Tarsia"]},
        title="Piet Berhof",
    )
    said, problem = stand_alone(
        "El _____, día de la independencia, se convirtió en el primer presidente de Tarsia.", 1, disc, blank="_____"
    )
    # the clause has no subject of its own: the sentence before gives it (it was «Día de la independencia»)
    assert (said, problem) == (
        "El _____, día de la independencia, Berhof se convirtió en el primer presidente de Tarsia.",
        "",
    )


def test_a_time_counted_back_from_today_stays_in_a_date_s_stem():
    sentence = "En 1849, el geólogo Jan Kolm definió el piso velinio, que abarca desde hace 72,1 hasta hace 66 millones de años."
    fact = sentence_fact(sentence, "1849", sentence_index=0)
    assert computing_durations(fact, sentence) == []
    assert build_stem(fact).endswith("hasta hace 66 millones de años.")


def test_a_text_without_a_title_is_named_by_what_its_first_sentence_defines():
    text = (
        "Velinia es un yacimiento arqueológico situado en el norte de Tarsia, cerca del río Osk. "
        "Fue la capital de un reino entre 1220 y 1290."
    )
    assert publication_context(text)[1] == "Velinia"
    bank = generate_bank(text)
    asked = [q for q in bank.questions if q.correct == ["Velinia"] and q.prompt.startswith("_____ es un yacimiento")]
    assert asked and all(q.status != "published" for q in asked)
    assert all("not_guessable_from_title" in q.checks_failed for q in asked)


def test_the_title_s_initials_give_its_acronym_away():
    sentence = "El oleoducto Tarsia-Osk-Karst, conocido por sus siglas TOK, une dos mares."
    fact = sentence_fact(sentence, "TOK", kind="organization", subtype="company", sentence_index=0)
    ex = SimpleNamespace(_pools={})
    assert guessable_from_title(fact, "El oleoducto Tarsia-Osk-Karst", ex)
    assert not guessable_from_title(fact, "El puerto de Velinia", ex)


def test_a_year_said_by_its_last_two_digits_is_given_away():
    text = (
        "El Velinium\n\n"
        "El Velinium es un monumento de Tarsia. "
        "Fue construido para la Exposición Universal de Tarsia de 1958, conocida como Expo 58. "
        "Su arquitecto fue Jan Kolm, que lo diseñó en 1955."
    )
    bank = generate_bank(text)
    asked = [q for q in bank.questions if q.correct == ["1958"] and "Expo 58" in q.prompt]
    assert not asked  # an item whose answer stands in its own prompt is not made
    assert any(q.correct == ["1955"] for q in bank.questions)


@pytest.mark.parametrize(
    ("second", "owned"),
    [
        ("Tras ello, Osk se negó a acatar la sentencia, y en 2010 la cumbre suspendió el tribunal.", False),
        ("Tras ello, Osk se negó a acatar la sentencia.", True),
    ],
)
def test_a_later_clause_with_its_own_subject_leaves_su_unowned(second, owned):
    stem = "En _____, un nuevo protocolo limitó su competencia a los litigios entre Estados."
    disc = discourse(
        "El Tribunal de Karst falló en 2008 contra el gobierno de Osk.",
        second,
        stem.replace("_____", "2014"),
        names={0: ["Tribunal de Karst", "Osk"], 1: ["Osk"]},
        title="Comunidad de Karst",
    )
    said, problem = stand_alone(stem, 2, disc, blank="_____", answer="2014")
    assert (said != stem and not problem) if owned else (said, problem) == (stem, "possessive")


def test_a_thing_just_introduced_may_own_su_rather_than_the_text_s_topic():
    opening = "El lago Velinia es un lago de origen volcánico situado en Tarsia."
    introduced = "Un caso emblemático es el del zambullidor de Velinia, un ave acuática que solo vivía en el lago."
    stem = "La introducción de la lobina hacia _____ provocó su declive."
    disc = discourse(
        opening, introduced, "La introducción de la lobina hacia 1958 provocó su declive.", title="Lago Velinia"
    )
    said, problem = stand_alone(stem, 2, disc, blank="_____", answer="1958")
    assert "Velinia" not in said


def test_a_day_is_no_year_said_by_its_last_two_digits():
    assert _short_year_said("En _____, durante el congreso Neutrino '98, la colaboración presentó…", ["junio de 1998"])
    assert not _short_year_said("El 18 de diciembre de _____, Alfonso I conquistó Velinia.", ["1118"])
    assert not _short_year_said("En _____, Tarsia tenía 58 provincias.", ["1958"])


def test_a_korean_name_says_the_family_name_first():
    from quizzes.generation.answers import _surnames

    assert _surnames("Moon Jae-in", {"Moon Jae-in": "person"}) == ["Moon"]
    assert _surnames("Kim Jong-un", {"Kim Jong-un": "person", "Kim Il-sung": "person"}) == []
    assert _surnames("Velin Osk", {"Velin Osk": "person"}) == ["Osk", "Osk"]
