"""Round 7: date options inside the span the opening sentence gives (sentences written for the test)."""

from quizzes.generation.distractors import date_distractors
from quizzes.generation.facts import extract
from quizzes.generation.text import canonical, mark_skips, normalise, split_sentences


def _extraction(text):
    clean, _srcmap = normalise(canonical(text))
    return extract(mark_skips(split_sentences(clean), clean))


def _year_fact(ex, year):
    return next(f for f in ex.facts if f.kind == "date" and f.answer == year)


def _years(options):
    return [int(o) for o in options]


WAR = (
    "La guerra del Estrecho fue un conflicto que enfrentó entre 1861 y 1864 a dos reinos vecinos. "
    "El puerto de Lama cayó en 1862 tras un largo asedio. "
    "Un pintor viajero dibujó las trincheras en 1863. "
    "La paz se firmó en 1864 en la isla de Oro. "
    "El primer tratado comercial entre ambos reinos se había firmado en 1840."
)


def test_a_year_inside_the_opening_span_gets_options_inside_it():
    ex = _extraction(WAR)
    for year in ("1862", "1863", "1864"):
        options = _years(date_distractors(_year_fact(ex, year), ex))
        assert options, year
        assert all(1861 <= y <= 1864 and y != int(year) for y in options), (year, options)


def test_a_year_outside_the_opening_span_is_not_held_to_it():
    ex = _extraction(WAR)
    options = _years(date_distractors(_year_fact(ex, "1840"), ex))
    assert options and any(not 1861 <= y <= 1864 for y in options), options


def test_a_life_in_the_opening_parenthesis_bounds_the_options():
    ex = _extraction(
        "Ana Robles (Toledo, 3 de mayo de 1801-Madrid, 9 de abril de 1850) fue una botánica española. "
        "En 1848 publicó su herbario de la Mancha. "
        "En 1830 viajó a Lisboa para estudiar los jardines reales."
    )
    options = _years(date_distractors(_year_fact(ex, "1848"), ex))
    assert options and all(1801 <= y <= 1850 for y in options), options


def test_a_span_said_later_is_an_episodes_not_the_subjects():
    ex = _extraction(
        "El canal de Norte es una vía navegable artificial abierta en 1850. "
        "Entre 1901 y 1904 se ensanchó su cauce. "
        "En 1903 se inauguró un puente levadizo sobre el canal."
    )
    options = _years(date_distractors(_year_fact(ex, "1903"), ex))
    assert options and any(not 1901 <= y <= 1904 for y in options), options
