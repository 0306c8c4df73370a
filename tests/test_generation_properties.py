"""Property tests: any text the generator is given yields a consistent, leak-free bank or nothing."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzes.generation import bank_to_json, generate_bank
from quizzes.generation.evaluation import find_problems

PIECES = [
    "La batalla de Verdún comenzó el 21 de febrero de 1916.",
    "Francia y Alemania perdieron más de 300.000 soldados.",
    "El tratado se firmó en marzo de 1918 en la ciudad de Brest.",
    "Durante casi tres años el frente apenas se movió.",
    "¿Quién ganó?",
    "Las temperaturas bajaron a -20 °C (-4 °F) en enero.",
    "El general Philippe Pétain dirigió la defensa.",
    "Después de la guerra, Italia e Irlanda firmaron acuerdos.",
    "La población creció un 12% entre 1920 y 1930.",
    "Cuando llegó la paz, la Sociedad de Naciones se reunió en Ginebra.",
    "El río Mosa cruza la región . .",
    "",
    "\n",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=0, max_size=8), st.text(max_size=40))
def test_any_mix_of_sentences_gives_a_consistent_bank(pieces, noise):
    text = " ".join(pieces) + " " + noise
    bank = generate_bank(text)
    keys = [f.key for f in bank.facts]
    assert len(keys) == len(set(keys))
    assert len({q.key for q in bank.questions}) == len(bank.questions)
    for f in bank.facts:
        assert 0 <= f.start < f.end <= len(bank.text)
        assert " ".join(bank.text[f.start : f.end].split()) == f.answer
    fact_keys = set(keys)
    for q in bank.questions:
        assert set(q.fact_keys) <= fact_keys
        assert q.status in {"published", "draft"}
    leaks, bad = find_problems(bank_to_json(bank))
    assert leaks == [] and bad == []
    assert bank_to_json(generate_bank(text)) == bank_to_json(bank)
