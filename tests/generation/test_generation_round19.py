"""Round 19: answers as students type them, and prompts that stand alone, tried on sentences of our own.

- another name everyone uses for the answer («la Gran Guerra» for «Primera Guerra Mundial», «Asia Menor» for
  «Anatolia») is accepted, both ways.
"""

from quizzes.generation import generate_bank
from quizzes.generation.lexicon import COMMON_ALIASES, common_aliases, fold


def _item(bank, answer):
    return next(q for q in bank.questions if q.correct == [answer] and q.kind == "short_answer")


def test_another_name_everyone_uses_is_accepted_both_ways():
    bank = generate_bank(
        "Ana Velin fue una enfermera de Kolm. "
        "Durante la Primera Guerra Mundial, Ana Velin organizó un hospital de campaña en Kolm. "
        "Tras la Gran Guerra, los turcos conservaron Anatolia."
    )
    assert "Gran Guerra" in _item(bank, "Primera Guerra Mundial").accepted
    assert "Asia Menor" in _item(bank, "Anatolia").accepted
    assert "Primera Guerra Mundial" in _item(bank, "Gran Guerra").accepted
    # a name of no group gets no other name
    assert not {"Gran Guerra", "Asia Menor"} & set(_item(bank, "Kolm").accepted)


def test_the_alias_groups_are_well_formed():
    # with or without its article, in any case: one group; no name in two groups; a name stands for itself only
    assert common_aliases("la ilustración") == ["Siglo de las Luces", "las Luces"]
    assert common_aliases("Finlandia") == []
    names = [fold(name) for group in COMMON_ALIASES for name in group]
    assert len(names) == len(set(names))
    assert all(len(group) >= 2 for group in COMMON_ALIASES)
