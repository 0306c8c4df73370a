"""Round 17: defects the blind teacher verdicts found in the dev banks (a stray «se», a short name given the wrong
person, a count without its frame, a list dash, a place accepted for a person, a range asked by one year).
Sentences of our own, none from the corpus."""

from quizzes.generation import generate_bank
from quizzes.generation.text import subject_prefix

PACT = (
    "Pacto de Lindau\n"
    "El Pacto de Lindau fue el acuerdo de paz que puso fin a la guerra entre los dos ducados del lago. "
    "Se firmó el 3 de mayo de 1702 en el castillo de la ciudad, cerca del puerto, y entró en vigor el 9 de enero de "
    "1703. Los dos ducados fijaron la frontera en el río."
)


def _prompts(text: str) -> list[str]:
    return [q.prompt for q in generate_bank(text).questions]


def test_a_clause_after_an_impersonal_se_takes_no_stray_se():
    # «Se firmó … y entró en vigor …»: the «se» is the first verb's, never the second's subject.
    assert subject_prefix("Se firmó el 3 de mayo de 1702 y entró en vigor en 1703.") == ""
    prompts = _prompts(PACT)
    assert not any("se entró" in p.lower() for p in prompts), prompts
    said = [p for p in prompts if "entró en vigor" in p]
    assert said and all("Pacto de Lindau" in p for p in said), said
