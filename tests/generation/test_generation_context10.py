"""Round 10: prompts that lean on another sentence through an ordinal, a counted set, «el resto» or «mientras tanto».

Sentences written for these tests (a war of the Baltic, a league of cities); none comes from either corpus set.
"""

import pytest

from quizzes.generation.pointing import filled
from quizzes.generation.standalone import drop_connectors, outside_reference
from tests.generation.support import discourse


@pytest.mark.parametrize(
    ("prompt", "problem"),
    [
        # An ordinal standing for a noun said before: as the subject, or ending a question.
        ("La segunda tuvo lugar en _____ y la ganaron los daneses.", "demonstrative"),
        ("¿En qué año tuvo lugar la segunda?", "demonstrative"),
        ("La primera se celebró en _____ en 1896.", "demonstrative"),
        # A counted set the prompt does not name.
        ("Los dos reyes se reunieron en _____ en 1629.", "set_reference"),
        ("Las dos primeras expediciones fracasaron en _____.", "set_reference"),
        ("En 1410 las tres flotas zarparon de _____.", "set_reference"),
        # The rest of a whole said before.
        ("Verdadero o falso: en 1632, el resto del ejército se retiró a Baviera.", "demonstrative"),
        ("El resto de la flota regresó a _____ en 1411.", "demonstrative"),
        # «Mientras tanto» inside the clause: while what?
        ("Lübeck, mientras tanto, financiaba a _____.", "leans_back"),
        ("Durante los dos años siguientes, _____ gobernó la ciudad.", "relative_time"),
        # Self-contained: the ordinal with its noun, a name, an ordinal the prompt counted itself; a set with its
        # names, a name, a class after «de», a unit; the rest of a named whole; «al mismo tiempo que» compares.
        ("La primera guerra terminó en _____.", ""),
        ("La Segunda República cayó ante los llaneros del caudillo _____.", ""),
        ("El puerto de _____ fue el primero público que usó grúas de vapor.", ""),
        ("Nelson dividió su flota en dos escuadras; la segunda la mandaba el almirante _____.", ""),
        ("Los dos reyes, Cristián y Gustavo, se reunieron en _____.", ""),
        ("Los dos reyes de Dinamarca y Suecia se reunieron en _____.", ""),
        ("¿En qué año se cerró la frontera entre las dos Alemanias?", ""),
        ("El rey convocó una asamblea de representantes de los tres estamentos en _____.", ""),
        ("La tregua duró los dos años que pidió _____.", ""),
        ("El muro separó la ciudad del resto de la República Democrática Alemana entre _____.", ""),
        ("La peste llegó a _____ desde el resto del mundo.", ""),
        ("Al mismo tiempo que Lübeck, _____ declaró la guerra.", ""),
        ("El lema «las tres coronas» figuraba en el escudo de _____.", ""),
    ],
)
def test_ordinals_sets_and_rests_that_point_back(prompt, problem):
    assert outside_reference(prompt) == problem


@pytest.mark.parametrize(
    ("stem", "kept"),
    [
        ("Mientras tanto, Lübeck financiaba a los suecos.", "Lübeck financiaba a los suecos."),
        ("Entretanto, la flota danesa sitió Visby.", "La flota danesa sitió Visby."),
        ("Al mismo tiempo, Hamburgo firmó la paz.", "Hamburgo firmó la paz."),
        ("A continuación, los daneses sitiaron Visby.", "Los daneses sitiaron Visby."),
        # «a continuación de» says after what; «al mismo tiempo que» says with what.
        ("A continuación de la tregua, los daneses sitiaron Visby.", "A continuación de la tregua"),
        ("Al mismo tiempo que Lübeck, Hamburgo firmó la paz.", "Al mismo tiempo que Lübeck"),
    ],
)
def test_a_fronted_while_or_next_is_dropped(stem, kept):
    assert drop_connectors(stem).startswith(kept)


def _league(*last: str, title: str = "La guerra de la Hansa"):
    """A war of the Baltic told over a few sentences, the last ones given (names as the extraction gives them)."""
    sentences = [
        "La guerra de la Hansa fue un conflicto entre la Liga Hanseática y Dinamarca.",
        "La guerra terminó en 1370 con el Tratado de Stralsund.",
        *last,
    ]
    names = {0: ["Dinamarca"], 1: ["Tratado de Stralsund"]}
    for i, sentence in enumerate(last, start=2):
        names[i] = [w for w in ("Dinamarca", "Escania", "Lübeck", "Tratado de Vordingborg") if w in sentence]
    return discourse(*sentences, names=names, title=title)


def test_a_transfer_takes_the_treaty_said_before():
    from quizzes.generation.standalone import stand_alone

    disc = _league("Dinamarca cedió a la Liga las fortalezas de Escania durante quince años.")
    text, problem = stand_alone("Dinamarca cedió a la Liga las fortalezas de _____ durante quince años.", 2, disc)
    assert (text, problem) == (
        "Por el Tratado de Stralsund, Dinamarca cedió a la Liga las fortalezas de _____ durante quince años.",
        "",
    )
    # The blank may be who gave the land.
    text, problem = stand_alone("_____ cedió a la Liga las fortalezas de Escania durante quince años.", 2, disc)
    assert (text, problem) == (
        "Por el Tratado de Stralsund, _____ cedió a la Liga las fortalezas de Escania durante quince años.",
        "",
    )


def test_a_transfer_between_two_treaties_is_held():
    from quizzes.generation.standalone import stand_alone

    disc = _league(
        "La paz se firmó en el Tratado de Stralsund, completado por el Tratado de Vordingborg.",
        "Dinamarca cedió a la Liga las fortalezas de Escania.",
    )
    disc.names[2] = ["Tratado de Stralsund", "Tratado de Vordingborg"]
    assert stand_alone("Dinamarca cedió a la Liga las fortalezas de _____.", 3, disc)[1] == "frame"


@pytest.mark.parametrize(
    ("stem", "title"),
    [
        # The prompt names the agreement or its clauses; a person received; no land given.
        ("Por el Tratado de Stralsund, Dinamarca cedió las fortalezas de _____.", "La guerra de la Hansa"),
        ("Según sus cláusulas, Dinamarca cedió las fortalezas de _____.", "La guerra de la Hansa"),
        ("En 1371 el rey de _____ recibió a los enviados de Lübeck.", "La guerra de la Hansa"),
        ("Lübeck obtuvo la alianza de las ciudades del mar del Norte en _____.", "La guerra de la Hansa"),
        # A text about a treaty: its title is the frame.
        ("Dinamarca cedió a la Liga las fortalezas de _____.", "El Tratado de Stralsund"),
    ],
)
def test_a_transfer_that_says_its_frame_stands(stem, title):
    from quizzes.generation.standalone import stand_alone

    disc = _league("Dinamarca cedió a la Liga las fortalezas de Escania.", title=title)
    assert stand_alone(stem, 2, disc) == (stem, "")


def test_a_transfer_cut_from_a_sentence_that_names_its_peace_stands():
    from quizzes.generation.standalone import stand_alone

    disc = _league("En la paz de Vordingborg, Lübeck recuperó sus privilegios y Dinamarca cedió Escania a la Liga.")
    stem = "Dinamarca cedió _____ a la Liga."
    assert stand_alone(stem, 2, disc) == (stem, "")


def _fleet(last: str):
    return discourse(
        "La guerra de la Hansa fue un conflicto entre la Liga Hanseática y Dinamarca.",
        "En 1367 las ciudades de la Liga se reunieron en Colonia.",
        last,
        title="La guerra de la Hansa",
    )


@pytest.mark.parametrize(
    ("prompt", "answer", "reason"),
    [
        # The question put after its verb the phrase that opened the sentence: what follows it is the verb's.
        ("¿Con cuántos barcos partió la expedición de Lübeck en 1368?", "77", "unseen_definite"),
        ("¿En qué año fue aplastada la rebelión en Escania?", "1369", "unseen_definite"),
    ],
)
def test_a_subject_a_question_moved_after_its_verb_is_read_as_it_was_said(prompt, answer, reason):
    from quizzes.generation.pointing import phrase_pointing_back

    sentence = {
        "77": "La expedición partió de Lübeck en 1368 con 77 barcos.",
        "1369": "La rebelión fue aplastada en Escania en 1369.",
    }[answer]
    text, span = filled(prompt, answer)
    assert phrase_pointing_back(text, span, 2, _fleet(sentence)) == reason


def test_a_moved_subject_with_its_own_complement_or_told_before_stands():
    from quizzes.generation.pointing import phrase_pointing_back

    # «de Bergen» was the expedition's own in its sentence.
    disc = _fleet("La expedición de Bergen partió de Lübeck en 1368 con 77 barcos.")
    text, span = filled("¿Con cuántos barcos partió la expedición de Bergen de Lübeck en 1368?", "77")
    assert phrase_pointing_back(text, span, 2, disc) == ""
    # An object, not a moved subject: «la ciudad de Colonia» as the sentence said it.
    disc = _fleet("El rey Valdemar visitó la ciudad de Colonia en 1368.")
    text, span = filled("¿En qué año visitó el rey Valdemar la ciudad de Colonia?", "1368")
    assert phrase_pointing_back(text, span, 2, disc) == ""
    # The text said which one before: «la Liga» is the Hanseatic League here.
    disc = _fleet("La Liga declaró la guerra a Dinamarca en 1368.")
    text, span = filled("¿En qué año declaró la Liga la guerra a Dinamarca?", "1368")
    assert phrase_pointing_back(text, span, 2, disc) == ""


@pytest.mark.parametrize(
    ("prompt", "problem"),
    [
        ("Al cabo de dos años, Lübeck firmó una tregua con _____.", "relative_time"),
        ("Al cabo de un año, Lübeck firmó una tregua con _____.", "relative_time"),
        ("Lübeck firmó una tregua con _____ a los pocos días.", "relative_time"),
        ("Lübeck había reunido la víspera a sus aliados en _____.", "relative_time"),
        ("En 1368, Lübeck envió otra flota a _____.", "leans_back"),
        ("Una vez más, la flota danesa fue vencida en _____.", "leans_back"),
        ("La flota danesa fue vencida nuevamente en _____.", "leans_back"),
        ("La flota danesa fue vencida una vez en _____.", ""),
        # A cape, a day before a named one, «de una economía… a otra dominada por…», «entre otros» say what they mean.
        ("La flota fondeó frente al cabo de _____ en 1368.", ""),
        ("La víspera de la batalla de Helsingborg, la flota fondeó en _____.", ""),
        ("La industria supuso el paso de una economía agraria a otra dominada por _____.", ""),
        ("Asistió, entre otros invitados, el rey de _____.", ""),
    ],
)
def test_relative_times_and_another_one(prompt, problem):
    assert outside_reference(prompt) == problem


@pytest.mark.parametrize(
    ("stem", "kept"),
    [
        ("A los pocos días, las tropas suecas tomaron Múnich.", "Las tropas suecas tomaron Múnich."),
        ("La víspera, el rey había reunido a sus generales.", "El rey había reunido a sus generales."),
    ],
)
def test_a_fronted_relative_day_is_dropped(stem, kept):
    assert drop_connectors(stem) == kept
