"""Per-text work done once per text, not once per item: what keeps generation linear in the text's size.

Each of these was a scan of the whole text made for every item (the words of every mention, the dates of every
fact, the first names of every person, the capitalised mentions, a paragraph's names): at 40 times the seed they
were several seconds. The caches must answer exactly what the scans did.
"""

from __future__ import annotations

from quizzes.generation.answers import _paragraph_names
from quizzes.generation.facts import Extraction, Groups, Span
from quizzes.generation.model import Question
from quizzes.generation.ranking import named_count
from quizzes.generation.standalone import full_first_names

from .support import answer_fact, discourse, scanned_position


def _fact(key: str, kind: str, index: int, answer: str = "1805"):
    return answer_fact(answer, kind, key=key, sentence_index=index)


def _extraction(facts, mentions=None) -> Extraction:
    return Extraction(facts=facts, mentions=mentions or {}, groups=Groups(), topic="", alias_pairs=[])


def _span(text: str) -> Span:
    return Span(kind="person", subtype="", start=0, end=len(text), text=text)


def test_dates_in_follows_the_facts_list_as_it_is_replaced_and_extended():
    a, b, c = _fact("a", "date", 1), _fact("b", "number", 1, "300"), _fact("c", "date", 2)
    ex = _extraction([a, b, c])
    assert ex.dates_in(1) == [a]
    assert ex.dates_in(2) == [c]
    assert ex.dates_in(5) == []
    d = _fact("d", "date", 1, "1806")
    ex.facts.append(d)  # extended (the causes and definitions come in after the first facts)
    assert ex.dates_in(1) == [a, d]
    ex.facts = [c]  # replaced (a fact whose items failed is dropped)
    assert ex.dates_in(1) == []
    assert ex.dates_in(2) == [c]


def test_mention_words_are_every_word_of_every_mention():
    ex = _extraction([], {0: [_span("Horatio Nelson")], 3: [_span("Cádiz"), _span("Pierre Charles Villeneuve")]})
    assert ex.mention_words() == {"Horatio", "Nelson", "Cádiz", "Pierre", "Charles", "Villeneuve"}


def test_named_count_reads_the_capitalised_mentions():
    ex = _extraction([], {2: [_span("Trece Colonias"), _span("tres reinos")]})
    assert named_count(_fact("n", "number", 0, "trece colonias"), ex)
    assert not named_count(_fact("m", "number", 0, "tres reinos"), ex)  # not written as a name
    assert not named_count(_fact("d", "date", 0, "Trece Colonias"), ex)  # only counts


def test_paragraph_names_are_the_names_of_the_facts_own_paragraph():
    ex = _extraction([], {0: [_span("Nelson")], 1: [_span("Cádiz")], 2: [_span("Gibraltar")], 7: [_span("Londres")]})
    ex._pools["paragraphs"] = {0: 0, 1: 0, 2: 1}  # sentence 7 lies outside the known paragraphs
    assert _paragraph_names(ex, _fact("a", "date", 1)) == {"Nelson", "Cádiz"}
    assert _paragraph_names(ex, _fact("b", "date", 2)) == {"Gibraltar"}
    assert _paragraph_names(ex, _fact("c", "date", 7)) is None
    names = _paragraph_names(ex, _fact("a", "date", 0))
    names.add("changed")  # a caller's set is its own
    assert _paragraph_names(ex, _fact("a", "date", 1)) == {"Nelson", "Cádiz"}


def test_full_first_names_from_the_names_computed_once_per_document():
    disc = discourse(
        "Pierre Curie nació en París.",
        "Marie Curie y Pierre trabajaron juntos.",
        "Carlos V reinó en España; Carlos I de Inglaterra no.",
        names={0: ["Pierre Curie"], 1: ["Marie Curie", "Pierre"], 2: ["Carlos V", "Carlos"]},
    )
    assert full_first_names("¿Cuándo murió Pierre atropellado?", disc) == "¿Cuándo murió Pierre Curie atropellado?"
    assert full_first_names("¿Qué escribió Carlos?", disc) == "¿Qué escribió Carlos?"  # «Carlos V»: a regnal number
    assert disc.first_name_fullers() == [("Pierre", "Pierre Curie")]
    assert disc.first_name_fullers() is disc.first_name_fullers()


class _CountedList(list):
    """A list that counts how often it is read through (a scan of every candidate)."""

    scans = 0

    def __iter__(self):
        type(self).scans += 1
        return super().__iter__()


def _true_false_bank(n: int) -> list:
    """Return 3n «Verdadero» items, one per sentence, and n «Falso» items sharing one full sentence."""
    from quizzes.generation.model import Question

    def tf(key: str, answer: str, sentence: int) -> Question:
        return Question(
            key=key,
            kind="true_false",
            prompt=f"Verdadero o falso: el faro número {key} se encendió en otoño.",
            fact_keys=[f"hecho-{key}"],
            correct=[answer],
            distractors=[],
            explanation="",
            sentence_indexes=[sentence],
        )

    return [tf(f"v{i}", "Verdadero", i) for i in range(3 * n)] + [tf(f"f{i}", "Falso", 3 * n) for i in range(n)]


def _balance_scans(n: int) -> tuple[int, set]:
    from collections import Counter

    from quizzes.generation.ranking import _balance_true_false

    items = _true_false_bank(n)
    chosen = {q.key for q in items if q.correct == ["Verdadero"]} | {"f0"}
    used = Counter({q.sentence_indexes[0]: 1 for q in items if q.key in chosen})
    candidates = _CountedList(items)
    _CountedList.scans = 0
    _balance_true_false(candidates, chosen, used, lambda q: (0.0, q.key), 1)
    return _CountedList.scans, chosen


def test_the_true_false_balance_reads_the_candidates_a_fixed_number_of_times():
    # The balance drops «Verdadero» items one by one (the «Falso» ones have no room): it used to rescan every
    # candidate for each item it tried, the candidates' number squared (minutes at 100 times the seed).
    small, chosen = _balance_scans(10)
    assert chosen == {"v0", "f0"}  # one of each answer is left
    large, _ = _balance_scans(40)
    assert large == small  # not one scan per step: the same few at four times the items


class _CountedSentences(tuple):
    """The sentences of a text, counting those read (each is a comparison with the prompt)."""

    reads = 0

    def __getitem__(self, i):
        type(self).reads += 1
        return super().__getitem__(i)


def _position_reads(monkeypatch, text: str, prompt: str):
    from quizzes.generation import confidence

    real = confidence._sentences
    monkeypatch.setattr(confidence, "_sentences", lambda t: _CountedSentences(real(t)))
    _CountedSentences.reads = 0
    where = confidence.source_position(prompt, text)
    monkeypatch.setattr(confidence, "_sentences", real)
    return _CountedSentences.reads, where


def test_source_position_compares_the_sentences_of_the_prompts_rarest_words_not_every_sentence_with_a_word(
    monkeypatch,
):
    lines = [
        "La flota zarpó del puerto de Vigo en {y} rumbo a las islas.",
        "El almirante ordenó izar las velas al amanecer de {y}.",
        "La tormenta hundió dos barcos de la flota frente a las islas.",
    ]

    def copies(n: int) -> str:
        return "\n".join(" ".join(line.format(y=1700 + 3 * c + k) for k, line in enumerate(lines)) for c in range(n))

    prompt = "El almirante ordenó izar las velas al amanecer de 1707."  # the third copy's second sentence
    small, where_small = _position_reads(monkeypatch, copies(3), prompt)
    large, where_large = _position_reads(monkeypatch, copies(12), prompt)
    assert where_small == where_large == (2, 1) == scanned_position(prompt, copies(12))
    assert large == small  # «almirante», «velas»… are in every copy: only the sentences of its year are compared
    for prompt in ("La tormenta hundió la flota frente a las islas.", "Las velas de la flota.", "Nada en común."):
        assert _position_reads(monkeypatch, copies(12), prompt)[1] == scanned_position(prompt, copies(12))


class _CountedQuestion(Question):
    """A question counting how often its facts are read (a comparison with another item)."""

    reads = 0

    def __getattribute__(self, name):
        if name == "fact_keys":
            type(self).reads += 1
        return super().__getattribute__(name)


def _pick_reads(n: int) -> int:
    from collections import Counter

    from quizzes.generation.ranking import _pick_by_sentence

    items = [
        _CountedQuestion(
            key=f"q{i}",
            kind="short_answer",
            prompt=f"El faro número {i} se encendió en _____.",
            fact_keys=[f"hecho-{i}"],
            correct=[str(1800 + i)],
            distractors=[],
            explanation="",
            sentence_indexes=[i],
        )
        for i in range(n)
    ]
    _CountedQuestion.reads = 0
    chosen: set[str] = set()
    _pick_by_sentence(items, chosen, Counter(), lambda q: (0.0, q.key))
    assert len(chosen) == n
    return _CountedQuestion.reads


def test_picking_by_sentence_reads_each_items_facts_a_fixed_number_of_times():
    # It used to gather the facts of every chosen item again for each candidate: the items' number squared.
    assert _pick_reads(40) <= 4 * _pick_reads(10)


def test_a_persons_text_forms_are_searched_once_per_name_and_text(monkeypatch):
    from quizzes.generation import answers

    text = "Napoleón Bonaparte nació en Córcega. Napoleón fue emperador. Bonaparte murió en Santa Elena."
    persons = ["Napoleón Bonaparte", "Bonaparte"]
    real, searches = answers._person_forms, []
    monkeypatch.setattr(answers, "_person_forms", lambda *args: searches.append(args) or real(*args))
    memo: dict = {}  # one text's (the generator keeps it in the extraction's pools)
    first = answers.person_text_forms(answer_fact("Bonaparte", "person", key="a"), text, persons, memo)
    again = answers.person_text_forms(
        answer_fact("Bonaparte", "person", key="b", sentence_index=2), text, persons, memo
    )
    assert first == again == ["Napoleón"]
    assert len(searches) == 1  # the second fact of the name reads the first one's searches
    # Another text has its own memo: nothing of this one is kept for it (nor held by the process between texts).
    answers.person_text_forms(answer_fact("Bonaparte", "person", key="c"), text, persons, {})
    assert len(searches) == 2
