"""Round 10: prompts that lean on another sentence through an ordinal, a counted set, «el resto» or «mientras tanto».

Sentences written for these tests (a war of the Baltic, a league of cities); none comes from either corpus set.
"""

import pytest

from quizzes.generation.standalone import drop_connectors, outside_reference


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
        ("Dividió su flota en dos escuadras; la segunda la mandaba el almirante _____.", ""),
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
