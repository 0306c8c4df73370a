"""Accepted answers, wrong options and false statements on made-up text (gen-options work on the dev verdicts).

Every sentence here is written for the test; the rules are general and hold no answer of any corpus text.
"""

from quizzes.domain.grading import normalize_answer
from quizzes.generation import generate_bank


def short_answer(bank, answer):
    return next(q for q in bank.questions if q.kind == "short_answer" and q.correct[0].endswith(answer))


def accepts(q, typed):
    """Grade as the app grades a short answer (case, accents, punctuation and a leading article ignored)."""
    return normalize_answer(typed) in {normalize_answer(a) for a in q.accepted}


# ---------------------------------------------------------------- accepted answers
def test_a_shared_surname_is_accepted_where_only_one_bearer_is_named():
    bank = generate_bank(
        "Francisco Pizarro capturó al inca en Cajamarca en noviembre de 1532. Pizarro fundó Lima en 1535.\n"
        "Años después, su hermano Gonzalo Pizarro se rebeló contra el virrey en 1544 en el Perú."
    )
    assert accepts(short_answer(bank, "Francisco Pizarro"), "Pizarro")
    # Gonzalo was named after Francisco: the text's bare «Pizarro» is Francisco.
    assert not accepts(short_answer(bank, "Gonzalo Pizarro"), "Pizarro")


def test_a_shared_surname_is_refused_where_both_bearers_are_named():
    bank = generate_bank(
        "Francisco Pizarro capturó al inca en Cajamarca en noviembre de 1532. "
        "Su hermano Gonzalo Pizarro se rebeló contra el virrey en 1544 en el Perú."
    )
    assert not accepts(short_answer(bank, "Francisco Pizarro"), "Pizarro")


def test_a_bare_name_accepts_the_fuller_names_the_text_gives():
    bank = generate_bank(
        "El procónsul Cayo Julio César dirigió la guerra entre el 58 y el 50 a. C. en la Galia.\n"
        "En el 52 a. C. César venció a Vercingétorix en Alesia tras un largo asedio."
    )
    q = short_answer(bank, "César")
    assert accepts(q, "Julio César") and accepts(q, "Cayo Julio César") and not accepts(q, "Julio")


def test_years_before_christ_are_accepted_as_people_write_them():
    bank = generate_bank(
        "El procónsul Cayo Julio César dirigió la guerra entre el 58 y el 50 a. C. en la Galia.\n"
        "En el 52 a. C. César venció a Vercingétorix en Alesia tras un largo asedio."
    )
    q = short_answer(bank, "52 a. C.")
    for typed in ("52", "52 a.C.", "52 aC", "52 a. C.", "52 antes de Cristo"):
        assert accepts(q, typed), typed
    assert not accepts(q, "50")
    q = short_answer(bank, "58 y el 50 a. C.")
    for typed in ("58-50 a. C.", "58 a 50 a.C.", "58-50", "del 58 al 50 a. C."):
        assert accepts(q, typed), typed


def test_a_numbered_war_keeps_its_number():
    bank = generate_bank(
        "Al estallar la Segunda Guerra Mundial, el cuadro quedó depositado en Nueva York durante muchos años."
    )
    assert not accepts(short_answer(bank, "Segunda Guerra Mundial"), "Guerra Mundial")


def test_a_plural_participle_names_the_group_alone():
    bank = generate_bank(
        "La nobleza y el clero, los estamentos privilegiados, se negaban a pagar nuevos impuestos en 1788."
    )
    assert accepts(short_answer(bank, "estamentos privilegiados"), "privilegiados")


def test_common_short_names_of_countries_and_regions():
    bank = generate_bank(
        "Debido a la guerra, Estados Unidos organizó en 1943 la producción industrial del fármaco. "
        "El extremo oriental de América del Sur quedó dentro de la zona portuguesa en 1494."
    )
    q = short_answer(bank, "Estados Unidos")
    for typed in ("EE. UU.", "EEUU", "EE.UU.", "EUA"):
        assert accepts(q, typed), typed
    assert accepts(short_answer(bank, "América del Sur"), "Sudamérica")


# ---------------------------------------------------------------- true/false made false
def _is_aside(text, answer):
    from quizzes.generation.questions import _aside
    from quizzes.generation.standalone import Discourse
    from quizzes.generation.text import split_sentences

    fact = next(f for f in generate_bank(text).facts if f.answer == answer)
    return _aside(fact, Discourse(sentences=split_sentences(text), names={}, title=""))


def test_a_false_statement_never_changes_an_aside():
    # The year of a fronted adjunct's noun, of a name, of a participle: the main claim would stay true.
    for text, answer in (
        ("Tras la derrota de la Alemania nazi en 1945, los aliados dividieron el país en cuatro zonas.", "1945"),
        ("Los tratados extendieron a los calvinistas el principio de la Paz de Augsburgo de 1555.", "1555"),
        ("La guerra terminó con el Tratado de París, firmado el 30 de marzo de 1856.", "30 de marzo de 1856"),
        ("Curie se instaló en Passy, donde murió el 4 de julio de 1934 de anemia.", "4 de julio de 1934"),
    ):
        assert _is_aside(text, answer), text
    bank = generate_bank("Los tratados extendieron a los calvinistas el principio de la Paz de Augsburgo de 1555.")
    assert not [q for q in bank.questions if q.kind == "true_false" and q.correct == ["Falso"] and "155" in q.prompt]


def test_a_date_said_of_the_main_verb_may_be_made_false():
    for text, answer in (
        ("Murió en un sanatorio de Passy, en los Alpes franceses, el 4 de julio de 1934.", "4 de julio de 1934"),
        ("En la década de 1980, las reformas de Gorbachov debilitaron el control soviético.", "1980"),
        ("La papa fue domesticada en la región del lago Titicaca hace unos 8000 años.", "unos 8000 años"),
        ("En 1903, Marie y Pierre Curie compartieron el Premio Nobel de Física.", "1903"),
    ):
        assert not _is_aside(text, answer), text
