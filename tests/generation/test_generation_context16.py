"""Round 16: an institution's head said alone («la Junta») where the text names two of them («la Primera Junta», «la Junta Grande»): never given the wrong fuller name, and held. Sentences
of our own, none from the corpus."""

import re

from quizzes.generation import bank_to_json, generate_bank
from quizzes.generation.standalone import _ambiguous_head, full_first_names

from .support import discourse


def _two_juntas():
    return discourse(
        "En mayo de 1810 un cabildo abierto formó la Primera Junta, presidida por Cornelio Saavedra.",
        "En diciembre de 1810 se incorporaron los diputados y se formó la Junta Grande.",
        "La Junta destituyó a un secretario en 1811.",
        names={0: ["Primera Junta", "Cornelio Saavedra"], 1: ["Junta Grande"], 2: ["Junta"]},
    )


def test_a_head_inside_another_name_is_not_given_a_fuller_name():
    disc = _two_juntas()
    assert disc.ambiguous_heads() == {"Junta"}
    said = "¿En qué año formó un cabildo abierto la Primera Junta?"
    assert full_first_names(said, disc) == said
    # said alone, which of the two it is the reader cannot tell: the stem is held (`ambiguous_name`)
    assert _ambiguous_head("La Junta destituyó a un secretario en _____.", disc)
    assert not _ambiguous_head(said, disc)
    assert not _ambiguous_head("La Junta Grande destituyó a un secretario en _____.", disc)


def test_one_fuller_name_is_still_given():
    disc = discourse(
        "En diciembre de 1810 se formó la Junta Grande.",
        "La Junta destituyó a un secretario en 1811.",
        names={0: ["Junta Grande"], 1: ["Junta"]},
    )
    assert full_first_names("La Junta destituyó a un secretario en _____.", disc) == (
        "La Junta Grande destituyó a un secretario en _____."
    )


def test_a_head_inside_another_name_is_never_made_another_institution():
    text = (
        "Revolución de Mayo\n"
        "La Revolución de Mayo fue el proceso que en mayo de 1810 puso fin al poder del virrey en Buenos Aires. "
        "El 25 de mayo de 1810 un cabildo abierto formó la Primera Junta, presidida por Cornelio Saavedra. "
        "La Junta envió expediciones militares al interior. "
        "En diciembre de 1810 se incorporaron los diputados de las provincias y se formó la Junta Grande. "
        "La Junta destituyó a Mariano Moreno en 1811. "
        "Un año después, el Primer Triunvirato disolvió la Junta Grande."
    )
    bank = bank_to_json(generate_bank(text))
    published = [q["prompt"] for q in bank["questions"] if q["status"] == "published"]
    assert not any("Primera Junta Grande" in q["prompt"] for q in bank["questions"])
    # a bare «la Junta» is published only as the name said last before it
    assert not any(re.search(r"\b[Ll]a Junta\b(?! Grande)", p) for p in published), published


def test_a_first_name_after_a_blank_and_its_comma_is_still_given_its_surname():
    disc = discourse(
        "Pierre Curie fue un físico francés.",
        "El 19 de abril de 1906, Pierre murió en París.",
        names={0: ["Pierre Curie"], 1: ["Pierre", "París"]},
    )
    assert full_first_names("QQQ, Pierre murió en París.", disc) == "QQQ, Pierre Curie murió en París."
