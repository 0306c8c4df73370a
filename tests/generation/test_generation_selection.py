"""Quizzes built from a bank: one item per sentence, none giving another away, kinds in turn."""

import random

from quizzes.generation import generate_bank
from quizzes.generation.selection import Candidate, candidates_from_bank, gives_away, select_quiz_items


def item(key, kind, prompt, sentence, answers=(), fact=None, score=1.0):
    return Candidate(
        key=key,
        kind=kind,
        prompt=prompt,
        sentences=frozenset([sentence]) if not isinstance(sentence, frozenset) else sentence,
        facts=frozenset([fact or key]),
        answers=tuple(answers),
        score=score,
    )


def test_two_items_of_one_sentence_never_share_a_quiz():
    items = [
        item("a", "short_answer", "Colón llegó a América en _____.", 1, ["1492"]),
        item("b", "single_choice", "_____ llegó a América en 1492.", 1, ["Colón"]),
        item("c", "numeric", "Magallanes zarpó de Sanlúcar en _____.", 2, ["1519"]),
    ]
    chosen = select_quiz_items(items, 3)
    assert [c.key for c in chosen] in (["a", "c"], ["c", "a"], ["b", "c"], ["c", "b"])


def test_an_item_whose_prompt_states_another_answer_is_left_out():
    cloze = item("a", "short_answer", "La expedición partió de _____.", 1, ["Sevilla"])
    statement = item("b", "true_false", "Verdadero o falso: la flota volvió a Sevilla en 1522.", 2)
    assert gives_away(cloze, statement)
    assert len(select_quiz_items([cloze, statement], 5)) == 1


def test_the_answer_without_its_article_still_counts():
    a = item("a", "single_choice", "Los barcos cruzaron _____.", 1, ["el estrecho de Magallanes"])
    b = item("b", "short_answer", "El estrecho de Magallanes une dos océanos: el Atlántico y _____.", 2, ["Pacífico"])
    assert gives_away(a, b)


def test_kinds_are_taken_in_turn_and_filtered():
    items = [item(f"s{i}", "short_answer", f"Frase {i} con _____.", i, [f"r{i}"]) for i in range(5)]
    items += [item(f"t{i}", "true_false", f"Verdadero o falso: frase {i + 10}.", i + 10) for i in range(3)]
    chosen = select_quiz_items(items, 4)
    assert sorted(c.kind for c in chosen) == ["short_answer", "short_answer", "true_false", "true_false"]
    only = select_quiz_items(items, 4, kinds={"true_false"})
    assert {c.kind for c in only} == {"true_false"} and len(only) == 3


def test_one_ordering_item_at_most_and_it_blocks_its_sentences():
    o1 = item("o1", "ordering", "Ordene.", frozenset([1, 2, 3]), fact="f1")
    o2 = item("o2", "ordering", "Ordene otra vez.", frozenset([4, 5, 6]), fact="f2")
    c = item("c", "short_answer", "Algo pasó en _____.", 2, ["1500"])
    d = item("d", "short_answer", "Otra cosa pasó en _____.", 7, ["1600"])
    keys = {x.key for x in select_quiz_items([o1, o2, c, d], 10)}
    assert keys == {"o1", "d"}


def test_the_best_items_come_first_and_the_rng_only_breaks_ties():
    items = [item(f"k{i}", "short_answer", f"Frase {i} _____.", i, [f"r{i}"], score=0.5) for i in range(6)]
    items.append(item("best", "short_answer", "La mejor _____.", 99, ["x"], score=1.0))
    assert select_quiz_items(items, 1)[0].key == "best"
    assert select_quiz_items(items, 1, rng=random.Random(3))[0].key == "best"
    a = [c.key for c in select_quiz_items(items, 4, rng=random.Random(1))]
    b = [c.key for c in select_quiz_items(items, 4, rng=random.Random(1))]
    assert a == b
    assert [c.key for c in select_quiz_items(items, 4)] == [c.key for c in select_quiz_items(items, 4)]


def test_a_quiz_from_a_generated_bank():
    text = (
        "Fernando de Magallanes partió de Sanlúcar de Barrameda el 20 de septiembre de 1519 con cinco naves. "
        "La expedición cruzó el estrecho que hoy lleva su nombre en noviembre de 1520. "
        "Magallanes murió en la batalla de Mactán, en Filipinas, el 27 de abril de 1521. "
        "Juan Sebastián Elcano regresó a España en septiembre de 1522 con 18 hombres. "
        "Fue la primera vuelta al mundo de la historia."
    )
    bank = generate_bank(text)
    facts = {f.key: f for f in bank.facts}
    chosen = select_quiz_items(candidates_from_bank(bank.questions, facts), 10)
    assert chosen
    seen: set[int] = set()
    for c in chosen:
        assert c.item.status == "published"
        assert not seen & c.sentences
        seen |= c.sentences


def test_difficulty_comes_from_the_answers_past_the_minimum_and_from_the_kind_before():
    from quizzes.generation.selection import EASY, HARD, MEDIUM, estimate_difficulty

    assert estimate_difficulty("numeric") == HARD  # recalling a number
    assert estimate_difficulty("true_false") == EASY  # recognising a statement
    assert estimate_difficulty("ordering") == MEDIUM
    # Nine answers say little: the kind decides; from the minimum on, the share of right answers does.
    assert estimate_difficulty("numeric", facility=0.9, answers=9, min_answers=10) == HARD
    assert estimate_difficulty("numeric", facility=0.9, answers=10, min_answers=10) == EASY
    assert estimate_difficulty("true_false", facility=0.2, answers=40, min_answers=30) == HARD
    assert estimate_difficulty("true_false", facility=0.5, answers=40, min_answers=30) == MEDIUM


def test_a_difficulty_keeps_only_items_of_that_level():
    items = [
        Candidate(key="a", kind="true_false", prompt="A.", sentences=frozenset([1]), difficulty="easy"),
        Candidate(key="b", kind="numeric", prompt="B.", sentences=frozenset([2]), difficulty="hard"),
        Candidate(key="c", kind="short_answer", prompt="C.", sentences=frozenset([3]), difficulty="hard"),
    ]
    assert [c.key for c in select_quiz_items(items, 5, difficulty="hard")] == ["b", "c"]
    assert [c.key for c in select_quiz_items(items, 5, difficulty="easy")] == ["a"]
    assert len(select_quiz_items(items, 5)) == 3


def test_without_score_each_draw_is_a_fresh_subset_that_keeps_the_rules():
    """A pool's per-attempt draw: random, not the best items every time, and never two of one sentence."""
    items = [item(f"s{i}", "single_choice", f"Pregunta {i}.", i, [f"r{i}"], score=float(i)) for i in range(10)]
    items += [item("twin", "short_answer", "Otra de la oración 3.", 3, ["x"], score=100)]
    draws = set()
    for seed in range(20):
        chosen = select_quiz_items(items, 4, rng=random.Random(seed), by_score=False)
        assert len(chosen) == 4
        sentences = [s for c in chosen for s in c.sentences]
        assert len(sentences) == len(set(sentences))
        draws.add(frozenset(c.key for c in chosen))
    assert len(draws) > 5
    best = select_quiz_items(items, 4, rng=random.Random(0))
    assert {c.key for c in best} == {"twin", "s9", "s8", "s7"}


def test_an_ordering_item_stands_beside_its_sentences_items_unless_a_label_states_an_answer():
    order = Candidate(
        key="o",
        kind="ordering",
        prompt="Ordene estos hechos del más antiguo al más reciente.",
        sentences=frozenset({2, 16}),
        labels=("La guerra terminó con el Tratado de Paz de Moscú.", "Alemania comenzó la Operación Barbarroja."),
    )
    year = Candidate(key="n", kind="numeric", prompt="La guerra terminó el 13 de marzo de _____.", sentences=frozenset({2}),
                     answers=("1940",))  # fmt: skip
    who = Candidate(key="c", kind="single_choice", prompt="_____ comenzó la Operación Barbarroja.",
                    sentences=frozenset({16}), answers=("Alemania",))  # fmt: skip
    assert not gives_away(order, year) and not gives_away(year, order)
    assert gives_away(order, who) and gives_away(who, order)
