"""Round 5: answers as people type them, numbers whose noun the stem keeps (texts of our own, new topics)."""

from quizzes.generation import generate_bank
from quizzes.generation.answers import list_orders
from quizzes.generation.questions import approx_tolerance

LIGA = (
    "La Liga Hanseática fue una alianza de ciudades comerciales del norte de Europa. "
    "La liga estaba encabezada por Lübeck, Hamburgo y Colonia. "
    "El 15 de agosto de 1370 se firmó la Paz de Stralsund entre la liga y el reino de Dinamarca. "
    "En el invierno del 1420 al 1421, una flota de la liga quedó atrapada en el hielo del Báltico."
)
SALAMINA = (
    "La flota griega venció a la persa en la batalla de Salamina. "
    "En el invierno del 480 al 479 a. C., la flota persa invernó en la isla de Samos."
)


def _accepted(bank):
    return {q.correct[0]: set(q.accepted) for q in bank.questions if q.kind == "short_answer"}


def test_a_list_is_accepted_in_any_order_with_commas_or_and():
    forms = set(list_orders(["Lübeck", "Hamburgo", "Colonia"]))
    assert {"Colonia, Lübeck y Hamburgo", "Hamburgo, Colonia, Lübeck", "Lübeck, Hamburgo y Colonia"} <= forms
    # «e» before an «i» sound, «y» accepted too; not before «hie»
    assert {"Colonia, Lübeck e Iserlohn", "Colonia, Lübeck y Iserlohn"} <= set(
        list_orders(["Colonia", "Lübeck", "Iserlohn"])
    )
    assert "Lübeck y hierro" in list_orders(["hierro", "Lübeck"])
    assert "Lübeck e hierro" not in list_orders(["hierro", "Lübeck"])


def test_a_full_date_is_accepted_with_hyphens_but_not_as_its_year_alone():
    (typed,) = [q for q in generate_bank(LIGA).questions if q.kind == "short_answer" and "1370" in q.correct[0]]
    forms = set(typed.accepted)
    assert {"15-8-1370", "15-08-1370", "15/8/1370", "15 agosto 1370"} <= forms
    # A cloze blank before the day asks the whole date; a «¿Cuándo…?» is answered by the year too (round 14).
    assert ("1370" in forms) == typed.prompt.startswith("¿Cuándo")
    # (the cloze case: tests/generation/test_generation_when_typed.py)


def test_a_winter_across_two_years_is_accepted_as_its_first_year():
    accepted = _accepted(generate_bank(SALAMINA))
    winter = accepted["480 al 479 a. C."]
    assert {"480", "480 a. C.", "480 aC"} <= winter
    assert "479" not in winter


def _numeric(sentence):
    return [q for q in generate_bank(sentence).questions if q.kind == "numeric" and "(Escriba el año.)" not in q.prompt]


def test_a_numeric_answer_leaves_the_noun_to_the_stem():
    (q,) = _numeric("El acueducto de Segovia tiene 167 arcos de granito sin argamasa.")
    assert "_____ arcos" in q.prompt
    assert q.correct == ["167"]
    assert q.numeric["unit"]  # «167 arcos» typed is still right, and the result page says «167 arcos»


def test_a_symbol_stays_with_its_figure():
    qs = _numeric("El lago Titicaca cubre cerca del 60 % de la cuenca endorreica del Altiplano.")
    assert all(q.correct[0].replace(" ", "").endswith("%") for q in qs)


def test_an_approximate_figure_states_its_range():
    (q,) = _numeric("En el siglo XVIII el puerto de Cádiz recibía unos 200 barcos cada año de las Indias.")
    assert q.numeric["tolerance"] == 50  # «unos 200»: 150 to 250
    assert q.correct == ["200 (de 150 a 250)"]
    assert approx_tolerance(63) == 6  # never under 10 %, a whole range for a whole figure
    assert approx_tolerance(1000) == 250  # never over 25 %


def test_a_stem_keeps_the_last_party_of_a_list():
    bank = generate_bank(
        "El Tratado de Oliva fue un acuerdo firmado el 3 de mayo de 1660 en el monasterio de Oliva entre "
        "Juan II Casimiro de Polonia y el elector Federico Guillermo, y el rey Carlos XI de Suecia."
    )
    stems = [q.prompt for q in bank.questions if q.kind == "short_answer" and q.correct == ["3 de mayo de 1660"]]
    assert stems and all(s.endswith("Federico Guillermo, y el rey Carlos XI de Suecia.") for s in stems)


def test_a_question_is_dropped_or_mended_when_its_words_do_not_hold(monkeypatch):
    from types import SimpleNamespace

    from quizzes.generation import wh

    def asked(question, sentence):
        monkeypatch.setattr(wh, "_wh_prompt", lambda *a: question)
        return wh.wh_prompt(SimpleNamespace(sentence=sentence), "", None)

    # a dangling preposition where the object was
    assert (
        asked("¿En qué año reunió Cortés en Tlaxcala a los?", "En 1521 Cortés reunió en Tlaxcala a los aliados.") == ""
    )
    # a «se» the sentence never says with that verb
    assert asked("¿Cuándo se entró en vigor la ley?", "La ley entró en vigor en 1931.") == ""
    assert asked("¿Cuándo se aprobó la ley?", "La ley se aprobó en 1931.") == "¿Cuándo se aprobó la ley?"
    # a word capitalised only because it opened the sentence
    assert (
        asked("¿En qué año resistió la ciudad Durante el asedio?", "Durante el asedio, la ciudad resistió en 1809.")
        == "¿En qué año resistió la ciudad durante el asedio?"
    )
