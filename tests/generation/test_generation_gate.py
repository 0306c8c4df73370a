"""Round 6: the publication gate. Kinds of item the blind verdicts reject as a kind stay drafts with their reason
(ordering items, rough figures given in passing, typed lists of names, short questions with no anchor); the bank
keeps them. Sentences written for these tests, on a topic in neither corpus set."""

from __future__ import annotations

from quizzes.generation import generate_bank
from quizzes.generation.model import Fact, Question
from quizzes.generation.ranking import anchored, publication_gate, rough_figure, top_facts

# A text of our own: the Battle of Lepanto.
LEPANTO = """La batalla de Lepanto
La batalla de Lepanto fue un combate naval librado el 7 de octubre de 1571 en el golfo de Patras.
Se enfrentaron la Liga Santa y el Imperio otomano.
La Liga Santa estaba formada por España, Venecia y los Estados Pontificios.
La flota cristiana, mandada por don Juan de Austria, hermano del rey Felipe II, reunió unas 200 galeras.
El combate duró unas cinco horas.
Don Juan de Austria derrotó a la flota otomana de Alí Pachá, que murió en la lucha.
En la batalla fue herido Miguel de Cervantes, que perdió el movimiento de la mano izquierda.
Cervantes llamó a Lepanto «la más alta ocasión que vieron los siglos».
La victoria frenó la expansión otomana en el Mediterráneo occidental.
"""


def _fact(key: str, kind: str, answer: str, *, approx: str | None = None, members: list[str] | None = None) -> Fact:
    value = {"number": 5.0, "approx": approx} if kind == "number" else None
    return Fact(
        key=key,
        kind=kind,
        subtype="count" if kind == "number" else "person",
        sentence_index=0,
        sentence=f"El combate duró {answer}.",
        answer=answer,
        start=0,
        end=len(answer),
        local_start=0,
        local_end=len(answer),
        value=value,
        members=members or [],
    )


def _item(kind: str, prompt: str, facts: list[Fact]) -> Question:
    return Question(
        key=f"q-{prompt}",
        kind=kind,
        prompt=prompt,
        fact_keys=[f.key for f in facts],
        correct=["x"],
        distractors=[],
        explanation="",
        sentence_indexes=[0],
    )


def test_an_ordering_item_is_never_published():
    f = _fact("a", "date", "1571")
    assert publication_gate(_item("ordering", "Ordene estos hechos…", [f]), {"a": f}, {"a"}) == "not_ordering"


def test_a_rough_figure_is_published_only_when_it_is_among_the_most_important_facts():
    rough = _fact("r", "number", "unas cinco horas", approx="about")
    exact = _fact("e", "number", "cinco horas")
    prompt = "El combate duró _____."
    assert rough_figure(rough) and not rough_figure(exact)
    assert publication_gate(_item("short_answer", prompt, [rough]), {"r": rough}, set()) == "not_rough_figure"
    assert publication_gate(_item("short_answer", prompt, [rough]), {"r": rough}, {"r"}) == ""
    assert publication_gate(_item("short_answer", prompt, [exact]), {"e": exact}, set()) == ""
    # A true/false statement about an event that mentions a rough figure is about the event.
    event = _fact("v", "event", "batalla de Lepanto")
    facts = {"r": rough, "v": event}
    assert publication_gate(_item("true_false", "Verdadero o falso: …", [event, rough]), facts, set()) == ""


def test_top_facts_are_the_top_tenth_and_at_least_three():
    importance = {f"k{i}": round(1 - i / 40, 3) for i in range(40)}
    assert top_facts(importance) == {"k0", "k1", "k2", "k3"}
    assert top_facts({"a": 0.9, "b": 0.5, "c": 0.4, "d": 0.3}) == {"a", "b", "c"}
    assert top_facts({"a": 0.0}) == set()


def test_a_typed_list_of_names_is_not_published_but_a_choice_item_may_be():
    pair = _fact("p", "person", "Pizarro y Almagro", members=["Pizarro", "Almagro"])
    one = _fact("o", "person", "Pizarro")
    prompt = "_____ se enfrentaron por la posesión de Cuzco."
    assert publication_gate(_item("short_answer", prompt, [pair]), {"p": pair}, set()) == "not_list_answer"
    assert publication_gate(_item("single_choice", prompt, [pair]), {"p": pair}, set()) == ""
    assert publication_gate(_item("short_answer", prompt, [one]), {"o": one}, set()) == ""


def test_a_short_question_needs_a_name_a_figure_or_a_time():
    assert not anchored("¿Quién murió en la lucha?")
    assert not anchored("¿Quién ignoraba cómo se heredaban los caracteres?")
    # (round 30: a short «¿Quién…?» needs a year or a figure; a place does not say when: «¿Quién se dirigió a
    # Sudamérica?» was judged R)
    assert not anchored("¿Quién murió en Lepanto?")
    assert anchored("¿Qué almirante murió en Lepanto?")
    assert anchored("¿Quién murió en la lucha de 1571?")
    assert anchored("¿Quién se refugió con sus hombres en una ciudad fortificada sobre una colina?")
    # The title is read above every item: its noun says what the question is about.
    assert anchored("¿Cuántas plantas tiene la torre?", "La torre de Hércules")
    assert not anchored("¿Cuántas plantas tiene la torre?", "La batalla de Lepanto")
    f = _fact("a", "person", "Alí Pachá")
    assert publication_gate(_item("short_answer", "¿Quién murió en la lucha?", [f]), {"a": f}, {"a"}) == (
        "anchored_question"
    )
    # A question that asks when names its event: «¿Cuándo declaró un congreso venezolano la independencia?».
    d = _fact("d", "date", "1571")
    assert publication_gate(_item("short_answer", "¿Cuándo murió el almirante?", [d]), {"d": d}, {"d"}) == ""


def test_the_gate_on_a_text_keeps_drafts_with_their_reason_and_publishes_the_rest():
    bank = generate_bank(LEPANTO)
    published = [q for q in bank.questions if q.status == "published"]
    assert published
    gated = [q for q in bank.questions if set(q.checks_failed) & {"not_ordering", "not_rough_figure"}]
    assert gated and all(q.status == "draft" for q in gated)
    assert not any(q.kind == "ordering" for q in published)
    facts = {f.key: f for f in bank.facts}
    # «unas 200 galeras», «unas cinco horas»: rough figures in the middle of the text stay in the bank as drafts.
    rough = [q for q in gated if "not_rough_figure" in q.checks_failed]
    assert any("horas" in facts[k].answer for q in rough for k in q.fact_keys)
    for q in published:
        own = [facts[k] for k in q.fact_keys if k in facts]
        assert not (own and all(rough_figure(f) for f in own)), q.prompt
