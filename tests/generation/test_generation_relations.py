"""Causes and consequences: found by their markers, asked as options and restated true/false items."""

from quizzes.generation import generate_bank
from quizzes.generation.relations import find_relations, relation_items
from quizzes.generation.text import Sentence


def sent(text: str, index: int = 0) -> Sentence:
    return Sentence(index=index, text=text, start=0, end=len(text))


def spans(text: str):
    return [(r.text(r.cause), r.text(r.effect)) for r in find_relations(sent(text))]


def test_a_verb_of_cause_with_its_subject_and_object():
    assert spans("La sequía de 1315 provocó una gran hambruna en el norte de Europa.") == [
        ("La sequía de 1315", "una gran hambruna en el norte de Europa")
    ]
    # A fronted adjunct and an adjunct after the verb are not part of either side.
    assert spans("En 1755, el terremoto de Lisboa causó en la ciudad un incendio devastador.") == [
        ("el terremoto de Lisboa", "un incendio devastador")
    ]


def test_markers_before_and_after_the_main_clause():
    assert spans("Debido a la peste, la población de Florencia se redujo a la mitad.") == [
        ("la peste", "la población de Florencia se redujo a la mitad")
    ]
    assert spans("La cosecha se perdió a causa de las heladas tardías.") == [
        ("las heladas tardías", "La cosecha se perdió")
    ]


def test_a_participle_with_its_agent():
    assert spans("El principal problema era la erosión, causada sobre todo por la tala de los bosques.") == [
        ("la tala de los bosques", "la erosión")
    ]


def test_a_cause_said_with_a_pronoun_or_possessive_is_not_taken():
    assert spans("Su muerte provocó una guerra civil entre sus hijos.") == []
    assert spans("Como consecuencia de ella, el rey abdicó.") == []


def test_items_are_restated_and_false_ones_take_another_cause():
    texts = [
        "La sequía de 1315 provocó una gran hambruna en el norte de Europa.",
        "La hambruna causó la muerte de miles de campesinos.",
        "El alza de los precios del pan desencadenó una revuelta urbana.",
        "La revuelta provocó la caída del consejo de la ciudad.",
    ]
    relations = [r for i, t in enumerate(texts) for r in find_relations(sent(t, i))]
    facts, items = relation_items(relations, None)
    assert len(facts) == 4 and all(f.kind == "term" and f.subtype == "cause" for f in facts)
    tf = [q for q in items if q.kind == "true_false"]
    assert tf and all(q.prompt.startswith("Verdadero o falso: ") and "fue consecuencia de" in q.prompt for q in tf)
    assert all(q.prompt.removeprefix("Verdadero o falso: ") not in texts for q in tf)
    for q in tf:
        fact = next(f for f in facts if f.key == q.fact_keys[0])
        assert (fact.answer.lower() in q.prompt.lower()) == (q.correct == ["Verdadero"])
    choice = [q for q in items if q.kind == "single_choice"]
    assert choice and all(len(q.distractors) == 3 and q.correct[0] not in q.distractors for q in choice)
    assert any(q.prompt.startswith("¿Qué provocó ") for q in choice)


def test_a_bank_asks_about_causes():
    # (Round 14: with «El alza de los precios del pan … en 1317» the year is asked as a real question, which outranks
    # the causes of so short a text; the year opens the sentence here, so a cause keeps its place. Round 24: the revolt
    # is placed, «en Gante»: «una revuelta urbana fue consecuencia del alza del pan» alone says no event to place.)
    bank = generate_bank(
        "La sequía de 1315 provocó una gran hambruna en el norte de Europa. "
        "La hambruna causó la muerte de miles de campesinos. "
        "En 1317, el alza del pan desencadenó una revuelta urbana en Gante. "
        "La revuelta provocó la caída del consejo de la ciudad."
    )
    causes = [f for f in bank.facts if f.subtype == "cause"]
    assert len(causes) == 4
    asked = [q for q in bank.questions if set(q.fact_keys) & {f.key for f in causes}]
    # (Round 32: a true «Y fue consecuencia de X» with no date in it waits for a teacher, `tf_anchored`: dev verdicts
    # took 2 of 9 such statements as they were; the false ones and the choice items stay candidates.)
    assert any(q.status == "published" or q.checks_failed == ["tf_anchored"] for q in asked)
    assert all(q.status == "draft" for q in asked if q.kind == "true_false" and q.correct == ["Verdadero"])


def test_definitions_are_found_with_their_subject():
    from quizzes.generation.relations import find_definition

    d = find_definition(sent("El acueducto de Segovia es una obra de ingeniería romana, construida hacia el año 100."))
    assert (d.text(d.term), d.copula, d.text(d.predicate)) == (
        "El acueducto de Segovia",
        "es",
        "una obra de ingeniería romana",
    )
    # A predicate with a relative is taken whole, never cut inside it («el proceso mediante el cual las plantas»).
    d = find_definition(sent("La fotosíntesis es el proceso mediante el cual las plantas, las algas y otras."))
    assert (d.text(d.predicate), d.subtype) == (
        "el proceso mediante el cual las plantas, las algas y otras",
        "identity",
    )
    assert find_definition(sent("Los visigodos fue un pueblo germánico.")) is None  # no agreement


def test_definition_items_restate_and_swap_classifying_definitions():
    from quizzes.generation.relations import definition_items, find_definition

    texts = [
        "La Alhambra es un conjunto palaciego de Granada, construido por la dinastía nazarí.",
        "La Mezquita de Córdoba es un templo del siglo VIII, ampliado varias veces.",
        "El Escorial es un monasterio mandado construir por Felipe II, terminado en 1584.",
        "La Giralda es una torre de la catedral de Sevilla, antiguo alminar.",
    ]
    defs = [find_definition(sent(t, i)) for i, t in enumerate(texts)]
    facts, items = definition_items(defs, None)
    assert [f.subtype for f in facts] == ["predicate"] * 4
    choice = [q for q in items if q.kind == "single_choice"]
    assert choice and all(q.prompt.startswith("¿Qué es ") and len(q.distractors) == 3 for q in choice)
    tf = [q for q in items if q.kind == "true_false"]
    assert tf and all(q.prompt.removeprefix("Verdadero o falso: ") not in texts for q in tf)
    assert {q.correct[0] for q in tf} <= {"Verdadero", "Falso"}


def test_a_definition_of_a_side_of_the_term_is_no_wrong_definition_of_it():
    """«El origen inmediato del conflicto fue una disputa…» is said of the war being defined: offered as what the
    war was not, it would make a false statement a student could call true."""
    from quizzes.generation.relations import definition_items, find_definition

    texts = [
        "La guerra de Crimea fue un conflicto bélico que enfrentó al Imperio ruso con una coalición.",
        "El origen inmediato del conflicto fue una disputa sobre la custodia de los Santos Lugares.",
        "La Alhambra es un conjunto palaciego de Granada, construido por la dinastía nazarí.",
        "El Escorial es un monasterio mandado construir por Felipe II, terminado en 1584.",
        "La Giralda es una torre de la catedral de Sevilla, antiguo alminar.",
    ]
    defs = [find_definition(sent(t, i)) for i, t in enumerate(texts)]
    _, items = definition_items([d for d in defs if d], None)
    offered = [d for q in items if q.kind == "single_choice" for d in q.distractors]
    offered += [n for q in items if q.kind == "true_false" for n in q.notes if n.startswith("Afirmación falsa")]
    assert offered and not any("disputa" in o for o in offered)


def test_an_article_capitalised_inside_a_name_is_not_a_name_of_its_own():
    """«Alfonso La Marmora» once in the text made every sentence-initial «La» a place, asked in a blank."""
    from pathlib import Path

    text = (Path(__file__).parent.parent / "data/corpus/dev/guerra-de-crimea.txt").read_text(encoding="utf-8")
    bank = generate_bank(text, title="La guerra de Crimea")
    assert not [f for f in bank.facts if f.answer in {"La", "Las", "El", "Los"}]
    assert any(f.answer == "Alfonso La Marmora" for f in bank.facts)
