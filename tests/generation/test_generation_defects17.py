"""Round 17: defects the blind teacher verdicts found in the dev banks (a stray «se», a short name given the wrong
person, a count without its frame, a list dash, a place accepted for a person, a range asked by one year).
Sentences of our own, none from the corpus."""

import re

from quizzes.generation import generate_bank
from quizzes.generation.answers import _surnames
from quizzes.generation.standalone import full_first_names
from quizzes.generation.text import subject_prefix

from .support import discourse

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


def _two_pedros():
    return discourse(
        "El mando de la escuadra correspondió a don Pedro de Aragón, sobrino del rey.",
        "A sus órdenes sirvieron el genovés Pedro Luis Spínola y el veneciano Marco Dandolo.",
        "Al amanecer, la nave de don Pedro hundió a la capitana enemiga.",
        names={0: ["Pedro de Aragón"], 1: ["Pedro Luis Spínola", "Marco Dandolo"], 2: ["Pedro"]},
    )


def test_a_first_name_two_people_of_the_text_share_is_not_given_either_surname():
    disc = _two_pedros()
    said = "Al amanecer, la nave de Pedro hundió a la capitana enemiga."
    assert full_first_names(said, disc) == said


def test_a_first_name_after_a_title_is_the_person_the_text_names_with_that_title():
    disc = _two_pedros()
    assert full_first_names("Al amanecer, la nave de don Pedro hundió a _____.", disc) == (
        "Al amanecer, la nave de don Pedro de Aragón hundió a _____."
    )
    # the whole name already said is left as it is
    said = "El mando correspondió a don Pedro de Aragón, sobrino de _____."
    assert full_first_names(said, disc) == said


OBSERVATORY = (
    "El observatorio de Valmira\n"
    "El observatorio de Valmira fue fundado en 1821 por el astrónomo Tomás Irigoyen en lo alto de la sierra. "
    "Con su primer anteojo, Irigoyen hizo varios hallazgos:\n"
    "- Saturno tenía un anillo ancho, que dibujó por primera vez el 3 de marzo de 1822;\n"
    "- la nebulosa del Cisne estaba formada por estrellas muy débiles.\n"
    "El observatorio cerró en 1907 por falta de fondos."
)


def test_a_list_item_keeps_no_dash_and_is_not_published_without_its_lead_in():
    bank = generate_bank(OBSERVATORY)
    assert not any(re.search(r"(?:^|: )[-–—] ", q.prompt) for q in bank.questions)
    listed = [q for q in bank.questions if "Saturno" in q.prompt or "nebulosa" in q.prompt]
    assert listed and all(q.status != "published" for q in listed)


def test_a_land_after_de_in_a_persons_name_is_not_accepted_for_the_person():
    # «Matilde de Carintia»: «Carintia» is where she came from, not who she is (the gazetteer need not know it)
    assert _surnames("Matilde de Carintia", {"Matilde de Carintia": "person"}) == []
    # a surname the text itself says alone stands, as does one with no land's ending
    assert "Valdivia" in _surnames("Pedro de Valdivia", {"Pedro de Valdivia": "person", "Valdivia": "person"})
    assert "Orellana" in _surnames("Francisco de Orellana", {"Francisco de Orellana": "person"})


def test_a_range_of_years_after_a_verb_with_no_parties_is_asked_as_years():
    text = (
        "Guerra de los Ducados\n"
        "La guerra de los Ducados fue un conflicto dinástico que se libró entre 1602 y 1611 por la herencia del "
        "ducado de Velmor. La guerra terminó con la paz de Ostra, que repartió el ducado entre los dos pretendientes."
    )
    asked = [q.prompt for q in generate_bank(text).questions if q.correct == ["1602 y 1611"]]
    assert asked and all("se libró entre los años _____" in p for p in asked), asked
    # the parties said after the range leave «entre _____» as it is
    text = text.replace("que se libró entre 1602 y 1611", "que enfrentó entre 1602 y 1611 a Velmor y Ostra")
    asked = [q.prompt for q in generate_bank(text).questions if q.correct == ["1602 y 1611"]]
    assert asked and all("enfrentó entre _____ a Velmor" in p for p in asked), asked


def test_a_fronted_possessive_after_a_sentence_naming_another_person_is_held():
    text = (
        "Alfonso de Mérida\n"
        "Alfonso de Mérida fue un poeta castellano del siglo XV. En 1450 se casó con Leonor de Haro, hija de un "
        "mercader de Sevilla. Su padre, un rico comerciante de Burgos, murió en Valladolid en 1461."
    )
    # his father or hers? never «el padre de Alfonso de Mérida» published
    fathers = [q for q in generate_bank(text).questions if "padre" in q.prompt]
    assert fathers and all(q.status != "published" for q in fathers)
    assert not any("padre de Alfonso" in q.prompt for q in fathers)
    # with no other person before, the possessive is the subject's
    alone = text.replace("se casó con Leonor de Haro, hija de un mercader de Sevilla", "se instaló en Sevilla")
    assert any("El padre de Alfonso de Mérida" in q.prompt for q in generate_bank(alone).questions)
