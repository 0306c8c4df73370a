"""A typed «¿Cuándo…?» accepts the month and year and the year alone; a cloze blank before a day does not."""

from quizzes.generation import generate_bank
from quizzes.generation.model import Fact
from quizzes.generation.questions import when_forms

TEXT = """La batalla de Bailén

La batalla de Bailén fue un enfrentamiento de la guerra de la Independencia española. El 19 de julio de 1808, el \
ejército español del general Castaños derrotó a las tropas francesas del general Dupont cerca de Bailén. Dupont firmó \
la capitulación el 22 de julio de 1808. La derrota obligó al rey José I a abandonar Madrid.
"""


def _date(answer: str, value: dict) -> Fact:
    sentence = f"Dupont firmó la capitulación el {answer}."
    i = sentence.index(answer)
    return Fact("f", "date", "", 0, sentence, answer, i, i + len(answer), i, i + len(answer), value=value)


def test_a_typed_when_question_accepts_the_month_and_the_year():
    bank = generate_bank(TEXT, title="La batalla de Bailén")
    typed = [q for q in bank.questions if q.kind == "short_answer" and q.prompt.startswith("¿Cuándo firmó")]
    assert typed, [q.prompt for q in bank.questions]
    assert typed[0].correct == ["22 de julio de 1808"]
    assert {"julio de 1808", "1808", "22/7/1808"} <= set(typed[0].accepted)
    # the same date as a choice among dates, and any cloze of it, keep the whole date only
    for q in bank.questions:
        if q.kind == "short_answer" and "_____" in q.prompt and "22 de julio de 1808" in q.correct:
            assert "1808" not in q.accepted


def test_when_forms_by_precision_and_prompt():
    day = _date("22 de julio de 1808", {"precision": "day", "year": 1808, "month": 7, "day": 22})
    month = _date("julio de 1808", {"precision": "month", "year": 1808, "month": 7})
    assert when_forms(day, "¿Cuándo firmó Dupont la capitulación?") == ["julio de 1808", "julio 1808", "7/1808", "1808"]
    assert when_forms(day, "Tras la batalla, ¿cuándo firmó Dupont la capitulación?")[-1] == "1808"
    assert when_forms(month, "¿Cuándo firmó Dupont la capitulación?") == ["1808"]
    # a cloze, a year question: nothing coarser
    assert when_forms(day, "Dupont firmó la capitulación el _____.") == []
    assert when_forms(day, "¿En qué año firmó Dupont la capitulación?") == []
    # a date before Christ: its year with the era as people write it, and bare (as the day's own forms drop it)
    bc = _date("agosto del 216 a. C.", {"precision": "month", "year": -216, "month": 8})
    assert when_forms(bc, "¿Cuándo venció Aníbal en Cannas?") == ["216 a. C.", "216 aC", "216 antes de Cristo", "216"]
    bc_day = _date("2 de agosto del 216 a. C.", {"precision": "day", "year": -216, "month": 8, "day": 2})
    assert when_forms(bc_day, "¿Cuándo venció Aníbal en Cannas?")[:2] == ["agosto del 216 a. C.", "agosto de 216 a. C."]
    assert "agosto de 216" in when_forms(bc_day, "¿Cuándo venció Aníbal en Cannas?")
    assert "216 a. C." in when_forms(bc_day, "¿Cuándo venció Aníbal en Cannas?")
