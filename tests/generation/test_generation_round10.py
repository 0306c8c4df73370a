"""Round 10: whole stems and giveaways of the stem (enunciado roto, regalada), on sentences written for them.

* `year_beside_date`: the year after a month, beside another event dated by its month less than a year away.
* `quality.name_split`: a blank followed by a bare figure took the first word of a numbered name («La sonda _____ 1»).
* `quality.lone_sex_option`: the only woman among men (or the only man among women) in a choice item on a person.
* `quality.broken_marks` (in `well_formed`): a prompt cut inside quotes or brackets, or with stray punctuation.
"""

from __future__ import annotations

from quizzes.generation import generate_bank
from quizzes.generation.model import Question
from quizzes.generation.quality import broken_marks, lone_sex_option, name_split
from quizzes.generation.ranking import publication_gate, year_beside_date
from tests.generation.support import answer_fact


def _item(prompt: str, answer: str, kind: str = "numeric") -> tuple[Question, dict]:
    q = Question(
        key="q",
        kind=kind,
        prompt=prompt,
        fact_keys=["f"],
        correct=[answer],
        distractors=[],
        explanation="",
        sentence_indexes=[0],
    )
    return q, {"f": answer_fact(answer)}


def test_a_year_the_months_tell_is_held():
    q, facts = _item(
        "Isabel fue proclamada reina el 17 de noviembre de 1558 y coronada en enero de _____. (Escriba el año.)", "1559"
    )
    assert year_beside_date(q, facts)
    assert publication_gate(q, facts, set()) == "not_year_beside_date"
    # The same year, a few months later; the other date after the blank.
    q, facts = _item("En marzo de _____ el rey firmó la paz que había negociado en mayo de 1648.", "1648")
    assert year_beside_date(q, facts)


def test_years_the_months_do_not_tell_stay():
    # Fourteen months apart: the year after July 1713 may be 1713 or 1714.
    q, facts = _item("La ciudad, sitiada desde julio de 1713, cayó en septiembre de _____. (Escriba el año.)", "1714")
    assert not year_beside_date(q, facts)
    assert publication_gate(q, facts, set()) == ""
    # No other month in the stem, or a year with no month before the blank.
    q, facts = _item("El puente se inauguró en mayo de _____ tras seis años de obras. (Escriba el año.)", "1932")
    assert not year_beside_date(q, facts)
    q, facts = _item("Tras la crisis de octubre de 1929, el banco quebró en _____. (Escriba el año.)", "1930")
    assert not year_beside_date(q, facts)
    # A true/false statement has no blank to guess.
    q, facts = _item("Verdadero o falso: fue coronada en enero de 1559, tras el 17 de noviembre de 1558.", "Verdadero")
    q.kind = "true_false"
    assert not year_beside_date(q, facts)


def test_the_bank_does_not_publish_the_year_the_months_tell():
    text = (
        "Isabel I de Inglaterra\n\n"
        "Isabel I fue reina de Inglaterra desde 1558 hasta su muerte, en 1603.\n"
        "Tras la muerte de su hermana María I, Isabel fue proclamada reina el 17 de noviembre de 1558 y coronada "
        "en la abadía de Westminster en enero de 1559.\n"
        "En 1588 la flota inglesa derrotó a la Armada Invencible de Felipe II.\n"
    )
    bank = generate_bank(text)
    told = [q for q in bank.questions if "enero de _____" in q.prompt and "noviembre de 1558" in q.prompt]
    assert told
    assert all(q.status == "draft" and "not_year_beside_date" in q.checks_failed for q in told)


def test_a_blank_before_the_figure_of_a_name_splits_it():
    assert name_split("La sonda _____ 1, lanzada por la NASA en 1977, salió del sistema solar.", "Voyager")
    assert name_split("En julio de 1969 el _____ 11 llegó a la Luna.", "Apolo")
    assert name_split("El satélite _____ 1.", "Sputnik")
    # A figure with its own noun, or a day of a month, is no part of the name.
    assert not name_split("En _____ 300 soldados defendieron la plaza.", "Numancia")
    assert not name_split("Las tropas de _____ 12 días después entraron en la ciudad.", "Aníbal")
    assert not name_split("El _____ 1 de mayo se celebró la primera asamblea.", "Congreso")
    # Only a name is split: a lower-case answer is a word of the sentence.
    assert not name_split("La misión _____ 2, lanzada en 1971, fracasó.", "soviética")


def test_the_bank_does_not_publish_a_split_numbered_name():
    bank = generate_bank(
        "La exploración espacial\n\n"
        "La sonda Pioneer 10, lanzada por la NASA en 1972, fue la primera en atravesar el cinturón de asteroides.\n"
        "En 1969 la misión Apolo 11 llevó a los primeros hombres a la Luna.\n"
    )
    split = [q for q in bank.questions if "_____ 10" in q.prompt or "_____ 11" in q.prompt]
    assert split
    assert all(q.status == "draft" and "blank_not_in_name" in q.checks_failed for q in split)


class _Ex:
    """What `lone_sex_option` reads of an extraction: the people of the text, with their roles and sex."""

    def __init__(self, people: dict):
        self._pools = {"people": people}
        self.facts = []


def _choice(correct: str, distractors: list[str]) -> Question:
    q, _facts = _item("_____ fue proclamada reina de Castilla en 1474.", correct, kind="single_choice")
    q.distractors = distractors
    return q


def test_the_only_woman_among_men_is_held():
    ex = _Ex({"Fernando de Aragón": ({"rey"}, "m", 3)})
    assert lone_sex_option(_choice("Isabel de Castilla", ["Fernando de Aragón", "Enrique IV", "Alfonso V"]), ex)
    # The text's role tells a woman whose first name the lexicon does not know.
    ex = _Ex({"Hatshepsut": ({"reina"}, "f", 2)})
    assert lone_sex_option(_choice("Hatshepsut", ["Tutmosis III", "Ramsés II", "Akenatón"]), ex)
    # The only man among women.
    assert lone_sex_option(_choice("Pedro Sánchez", ["Isabel Díaz", "Carmen Calvo", "Ana Pastor"]), _Ex({}))


def test_options_of_both_sexes_or_unknown_stay_and_the_first_word_tells():
    # Another woman among the wrong options: the answer does not stand out.
    assert not lone_sex_option(
        _choice("Isabel de Castilla", ["Juana la Beltraneja", "Enrique IV", "Alfonso V"]), _Ex({})
    )
    # A man among men, some of unknown sex: nothing stands out.
    assert not lone_sex_option(
        _choice("Fernando de Aragón", ["Isabel de Castilla", "Enrique IV", "Alfonso V"]), _Ex({})
    )
    # An article before the name that is no role («de la costa, Pizarro») tells no sex.
    ex = _Ex({"Pizarro": ({"costa"}, "f", 4)})
    assert not lone_sex_option(_choice("Pizarro", ["Almagro", "Huáscar", "Manco Inca"]), ex)
    # The first word tells: «José María» is a man.
    assert lone_sex_option(_choice("María Estuardo", ["José María Morelos", "Enrique IV", "Carlos I"]), _Ex({}))
    assert not lone_sex_option(_choice("Carlos I", ["José María Morelos", "Enrique IV", "Felipe II"]), _Ex({}))


def test_a_prompt_cut_inside_quotes_or_brackets_is_broken():
    # A quotation of two sentences, cut after the first: the closing mark stays in the other sentence.
    assert broken_marks("El escritor rechazó esa etiqueta: «_____ escribí novelas de amor.")
    assert broken_marks("La obra (en latín, De bello civili fue escrita en _____.")
    assert broken_marks("Cerró el discurso con un lema: _____ y patria».")
    assert broken_marks('El periódico tituló: "_____ gana las elecciones.')
    # Marks emptied or punctuation left where words were cut.
    assert broken_marks("El rey nació en _____ ( ).")
    assert broken_marks("El rey llegó a _____, .")
    assert broken_marks("La isla de _____ , al norte, fue ocupada.")


def test_whole_marks_stay():
    assert not broken_marks("El lema, «Libertad, igualdad, fraternidad», sigue vigente en _____.")
    assert not broken_marks("La obra fue escrita en _____ (hacia el 50 a. C.).")
    assert not broken_marks("¿En qué año llegó el virrey a Lima? (Escriba el año.)")
    assert not broken_marks("En _____ vivían allí 3,5 millones de personas.")
    assert not broken_marks('El diario "El Sol" publicó la noticia en _____.')
