"""A rewrite that says a name in place of a phrase keeps the sentence's agreement (round 11).

Sentences written for these tests (topics in neither corpus set): «el nuevo país» replaced by a feminine country's name
would leave «lo gobernó» or «fue fundado» agreeing with nothing; the rewrite is then not made (the item is held as
pointing back, or the phrase stays).
"""

import pytest

from quizzes.generation.standalone import breaks_agreement, definite_reference, name_features, phrase_features
from tests.generation.support import discourse


def _typed(disc, kinds):
    disc.kinds = kinds
    return disc


def _new_country(name: str, second: str):
    return _typed(
        discourse(f"En 1825 el Alto Perú se declaró independiente con el nombre de {name}.", second),
        {0: [(name, "country")]},
    )


@pytest.mark.parametrize(
    ("name", "features"),
    [
        ("Bolivia", ("f", False)),
        ("Portugal", ("m", False)),
        ("Perú", ("m", False)),
        ("los Países Bajos", ("m", True)),
        ("la India", ("f", False)),
        ("María Sklodowska", ("f", False)),
        ("Gran Bretaña", None),
    ],
)
def test_the_gender_and_number_a_name_makes_words_agree_in(name, features):
    assert name_features(name) == features


def test_a_clitic_that_referred_to_the_phrase_blocks_a_name_of_another_gender():
    disc = _new_country("Bolivia", "Sucre fue el primer presidente del nuevo país y lo gobernó hasta 1828.")
    stem = "Sucre fue el primer presidente del nuevo país y lo gobernó hasta _____."
    assert definite_reference(stem, 1, disc) == (stem, "anaphora")


def test_a_participle_that_referred_to_the_phrase_blocks_a_name_of_another_gender():
    disc = _new_country("Bolivia", "El nuevo país fue fundado en 1825.")
    assert definite_reference("El nuevo país fue fundado en _____.", 1, disc)[1] == "anaphora"


def test_a_name_of_the_same_gender_is_said():
    disc = _new_country("Perú", "El nuevo país fue fundado en 1825.")
    assert definite_reference("El nuevo país fue fundado en _____.", 1, disc) == ("Perú fue fundado en _____.", "")
    # No word agrees with the phrase: the name is said whatever its gender.
    disc = _new_country("Bolivia", "El general redactó para el nuevo país una constitución en 1826.")
    assert definite_reference("El general redactó para el nuevo país una constitución en _____.", 1, disc) == (
        "El general redactó para Bolivia una constitución en _____.",
        "",
    )


def test_the_document_subject_is_not_said_where_a_participle_agrees_with_its_class():
    disc = discourse(
        "La aspirina es un fármaco derivado del ácido salicílico.",
        "El fármaco fue sintetizado en 1897 por un químico alemán.",
        title="La aspirina",
    )
    stem, _problem = definite_reference("El fármaco fue sintetizado en _____ por un químico alemán.", 1, disc)
    assert "aspirina" not in stem.lower()
    # Of the same gender, it is said (before and after the participle).
    disc = discourse(
        "El Teide es un volcán situado en la isla de Tenerife.", "En 1954 el volcán fue declarado parque nacional."
    )
    assert definite_reference("En _____ el volcán fue declarado parque nacional.", 1, disc)[0] == (
        "En _____ el Teide fue declarado parque nacional."
    )


def test_only_words_of_the_phrase_gender_count():
    text = "El nuevo país firmó un tratado que fue ratificada por el congreso."
    start = text.index("El nuevo país")
    end = start + len("El nuevo país")
    old = phrase_features("El")
    assert old == ("m", False)
    assert not breaks_agreement(text, start, end, old, "Bolivia")  # «ratificada» is not the phrase's form
    assert breaks_agreement("El país fue ocupado en 1940.", 0, 7, old, "Francia")
    assert not breaks_agreement("El país fue ocupado en 1940.", 0, 7, old, "Egipto")
    assert not breaks_agreement("El país fue ocupado en 1940.", 0, 7, None, "Francia")  # unknown: the rewrite stands
    assert breaks_agreement("¿Cuándo fue ocupado el país?", 20, 27, old, "Francia")
