"""Round 25: what eight fresh texts showed at first sight (a medieval battle, a mountain range, the human skeleton, a
famine, a South American war, an ancient empire, an astronomer, a Greek temple), tried on our own sentences.

- «la crisis de 1383-_____», «El invierno de 1846-_____…»: one end of a span written with a dash;
- «_____ para la Conservación de los Monumentos…» → «Comité»: the head of a name asked without the rest of it;
- «la guerra … fue una campaña de persecución…»: a false definition taken from «La última fase fue…»;
- «1866 fue un año de grandes batallas» read as one year (a false «dos años»);
- «Eduardo puso sitio a Calais… Su conquista…» made «la conquista de Eduardo»;
- «…una base que conservaría hasta 1558» made «Hasta 1558, …»: a relative clause's date moved to the front;
- «El cráneo consta de _____ huesos: ocho … y catorce …»: a count its parts add up to;
- «¿En cuántas partes dividen…?» taken back beside other items;
- «Agostino di Duccio», «Otto von Bismarck» cut at the particle.
"""

import re

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.quality import counted_list, guessable_from_title, name_split
from quizzes.generation.questions import paraphrase, true_false_prompt
from quizzes.generation.relations import Definition, _other_thing
from quizzes.generation.standalone import outside_reference, stand_alone
from quizzes.generation.wh import _membership_of

from .support import discourse, sentence_fact


def _bank(text: str):
    return generate_bank(text)


def test_one_end_of_a_span_written_with_a_dash_is_not_asked():
    bank = _bank(
        "La batalla de Kolm\n\nLa batalla de Kolm fue la batalla decisiva de la guerra tarsia de 1521-1526. "
        "La victoria de Berhof puso fin a la llamada crisis de 1383-1385. El invierno de 1846-1847 fue muy frío."
    )
    asked = [q for q in bank.questions if re.search(r"\d-_____|_____-\d", q.prompt)]
    assert asked, "the generator asks one end of the span (the check has something to hold)"
    assert all("not_range_end" in q.checks_failed for q in asked)
    assert not any(q.status == "published" for q in asked)


def test_the_head_of_a_name_before_a_preposition_and_its_article_splits_it():
    prompt = "Desde 1975 _____ para la Conservación de los Monumentos de Kolm dirige un programa de restauración."
    assert name_split(prompt, "Comité")
    assert name_split("Desde 1975 _____ de la Ciudad dirige la obra.", "Consejo")
    assert not name_split("En 1975 _____ viajó para la Exposición de Kolm.", "Berhof")


@pytest.mark.parametrize(
    "sentence, other",
    [
        ("La última fase fue una campaña de persecución dirigida por el conde de Eu.", False),
        ("El detonante fue una disputa fronteriza en el río Vel.", False),
        ("La principal razón fue una disputa fronteriza en el río Vel.", False),
        ("El tratado de Osk fue un acuerdo de paz firmado en 1870.", True),
    ],
)
def test_a_phase_is_not_a_thing_whose_definition_is_false_of_another(sentence, other):
    # «La última fase fue una campaña…» is said of the war itself: «La guerra de Kolm fue una campaña…» is no false
    # statement, nor is «una campaña…» a wrong option of «¿Qué fue la guerra de Kolm?».
    term = sentence.split(" fue ")[0]
    start = len(term) + len(" fue ")
    definition = Definition(
        sentence_index=4, sentence=sentence, term=(0, len(term)), predicate=(start, len(sentence) - 1), copula="fue"
    )
    assert _other_thing(definition, "La guerra de Kolm", None) is other


def test_un_after_a_copula_is_an_article_not_one():
    bank = _bank("La guerra de Kolm\n\n1866 fue un año de grandes batallas. Tarsia resistió durante un año.")
    counted = {f.sentence[:4]: f.answer for f in bank.facts if f.kind == "number"}
    assert "1866" not in counted
    assert counted.get("Tars") == "un año"  # «durante un año» is one year
    assert not any("dos años de grandes" in q.prompt for q in bank.questions)


def test_a_date_of_a_relative_clause_is_not_moved_to_the_front():
    said = paraphrase("La conquista de Berhof dio a Tarsia una base en el continente que conservaría hasta 1558.", "")
    assert not said.startswith("Hasta 1558")
    moved = paraphrase("La paz de Osk se firmó en la ciudad de Lind en 1648.", "")
    assert moved.startswith("En 1648")


def test_a_count_its_parts_add_up_to_gives_itself_away():
    assert counted_list("El cráneo consta de _____ huesos: ocho forman la caja craneal y catorce el macizo facial.", 22)
    assert counted_list("La flota tenía _____ naves: 12 galeras y 8 galeazas.", 20)
    assert not counted_list("El cráneo consta de _____ huesos: ocho forman la caja craneal y catorce el resto.", 21)
    assert not counted_list("El cráneo consta de _____ huesos.", 22)


def test_how_many_parts_is_not_taken_back_beside_other_items():
    text = (
        "El esqueleto de Kolm\n\nEl esqueleto de Kolm es el conjunto de huesos del cuerpo de los tarsios. "
        "En una persona adulta está compuesto por 206 huesos. "
        "Los anatomistas dividen el esqueleto en dos partes. "
        "En 1543 el médico Andrés Vesalio publicó la primera descripción completa del esqueleto humano."
    )
    published = [q.prompt for q in _bank(text).questions if q.status == "published"]
    assert published
    assert not any("partes" in p for p in published)


def test_a_surname_with_a_foreign_particle_is_one_name():
    bank = _bank(
        "El David\n\nEn 1464 la catedral encargó al escultor Agostino di Duccio una figura. "
        "Más tarde Leonardo da Vinci pintó un cuadro en Milán, y en 1871 Otto von Bismarck unificó Alemania. "
        "Johannes van der Waals estudió los gases."
    )
    people = {f.answer for f in bank.facts if f.kind == "person"}
    assert {"Agostino di Duccio", "Leonardo da Vinci", "Otto von Bismarck", "Johannes van der Waals"} <= people
    assert not people & {"Agostino", "Duccio", "Vinci", "Bismarck", "Otto"}


@pytest.mark.parametrize(
    "text, never",
    [
        (
            # «Su conquista» after a sentence that names what was besieged: Berhof's conquest, not Eduardo's
            "La batalla de Kolm\n\nEn 1346 Eduardo venció en Kolm. Tras la victoria, Eduardo marchó hacia el norte y "
            "puso sitio a Berhof, que resistió desde septiembre de 1346 hasta agosto de 1347. "
            "Su conquista dio a Tarsia una base en el continente que conservaría hasta 1558.",
            "conquista de Eduardo",
        ),
        (
            # «Rembrandt» said alone is not completed with another thing whose name begins with it
            "Rembrandt\n\nRembrandt Harmenszoon van Rijn fue un pintor neerlandés. En 1632 Rembrandt pintó un retrato "
            "de grupo que le dio fama. Desde 1968, el Rembrandt Research Project ha revisado las atribuciones de su "
            "catálogo.",
            "Rembrandt Research Project pintó",
        ),
    ],
)
def test_a_name_is_not_given_to_what_it_does_not_own(text, never):
    assert not any(never in q.prompt for q in _bank(text).questions)


# The second batch (a naval battle, a president, a composer, a glacier, fermentation, a kingdom, the telephone, a trade
# organisation).


def test_joining_an_organisation_says_which_one():
    disc = discourse("Tarsia ingresó en 1995.", title="Organización de Kolm")
    assert _membership_of("¿Cuándo ingresó Tarsia?", disc) == "¿Cuándo ingresó Tarsia en la Organización de Kolm?"
    assert _membership_of("¿En qué año se retiró Velinia?", disc) == (
        "¿En qué año se retiró Velinia de la Organización de Kolm?"
    )
    assert _membership_of("¿Cuándo se incorporó Osk?", disc) == "¿Cuándo se incorporó Osk a la Organización de Kolm?"
    # said already, or a text about something else: as it was
    assert _membership_of("¿Cuándo ingresó Tarsia en la alianza?", disc) == "¿Cuándo ingresó Tarsia en la alianza?"
    war = discourse("Velinia se retiró en 1937.", title="Guerra de Kolm")
    assert _membership_of("¿En qué año se retiró Velinia?", war) == "¿En qué año se retiró Velinia?"


@pytest.mark.parametrize(
    "stem, problem",
    [
        ("Los antecedentes se remontan a la primera invasión persa, frustrada en Maratón en el año _____.", "anaphora"),
        ("La primera ruptura documentada se produjo en _____.", "anaphora"),
        ("Los antecedentes de la guerra de Kolm se remontan a _____.", ""),
        ("Tras la derrota sufrida frente a los tarsios en la batalla de Kolm, en _____, Velinia se fortificó.", ""),
        ("A la altura de la carina se divide en los _____ bronquios principales.", "no_subject"),
        ("En la batalla del río Vel se enfrentaron _____ ejércitos.", ""),
    ],
)
def test_what_came_before_an_event_and_a_verb_after_a_long_phrase_need_their_referents(stem, problem):
    disc = discourse("La tráquea de los tarsios es un tubo flexible de unos doce centímetros.", stem)
    assert stand_alone(stem, 1, disc, blank="_____")[1] == problem


def test_a_term_made_from_the_title_s_name_is_guessed():
    sentence = "Kolmez fue tres veces presidente y fundador del movimiento conocido como kolmecismo o justicialismo."
    fact = sentence_fact(sentence, "kolmecismo", kind="term", subtype="name")
    assert guessable_from_title(fact, "Juan Domingo Kolmez", None)
    assert not guessable_from_title(fact, "Juan Domingo Berhof", None)


def test_a_fronted_description_is_lowered_after_true_or_false():
    text = "Kolmez\n\nKolmez nació en Lobos. Hijo de una familia rural, Kolmez ingresó en el ejército."
    said = true_false_prompt("Hijo de una familia rural, Kolmez ingresó en el ejército en 1903.", text)
    assert said == "Verdadero o falso: hijo de una familia rural, Kolmez ingresó en el ejército en 1903."
    assert true_false_prompt("Kolmez nació en Lobos.", text) == "Verdadero o falso: Kolmez nació en Lobos."
    novel = "Don Kolmez de la Mancha\n\nDon Kolmez de la Mancha es una novela. El hidalgo don Kolmez sale tres veces."
    assert true_false_prompt("Don Kolmez de la Mancha narra tres salidas.", novel).endswith(
        ": Don Kolmez de la Mancha narra tres salidas."
    )


# The sealed batches, opened on the round's code (sixteen texts).


def test_a_count_whose_members_follow_with_their_articles_gives_itself_away():
    prompt = "En la descripción clásica se distinguen _____ lóbulos principales, el derecho y el izquierdo, separados."
    assert counted_list(prompt, 2)
    assert not counted_list(prompt, 3)
    assert counted_list("El río forma _____ brazos, el norte, el centro y el sur.", 3)


def test_the_title_given_another_thing_s_class_is_no_false_statement():
    from quizzes.generation.facts import Extraction, Groups
    from quizzes.generation.model import Fact, Question
    from quizzes.generation.quality import check_question

    sentence = "La fiebre de Kolm es una enfermedad vírica aguda de las regiones tropicales."
    fact = Fact("f1", "term", "predicate", 0, sentence, "una enfermedad vírica", 22, 43, 22, 43)
    ex = Extraction(facts=[fact], mentions={}, groups=Groups(), topic="", alias_pairs=[])

    def checked(statement, answer):
        q = Question(
            key="q1",
            kind="true_false",
            prompt="Verdadero o falso: " + statement,
            fact_keys=["f1"],
            correct=[answer],
            distractors=[],
            explanation=sentence,
            sentence_indexes=[0],
            notes=["relation:definition"],
        )
        check_question(q, {"f1": fact}, ex, title="La fiebre de Kolm")
        return q.checks_failed

    assert "tf_not_title_definition" in checked("la fiebre de Kolm es un mosquito de las zonas cálidas.", "Falso")
    assert "tf_not_title_definition" not in checked("el Aedes tarsi es una enfermedad vírica aguda.", "Falso")


@pytest.mark.parametrize(
    "prompt, points",
    [
        ("El _____ % restante llega por la arteria hepática.", True),
        ("Las tropas restantes se rindieron en _____.", True),
        ("Los restantes de la expedición volvieron en _____.", False),
        ("En _____ la flota tarsia venció a la velinia.", False),
    ],
)
def test_what_remains_points_back(prompt, points):
    assert bool(outside_reference(prompt)) is points
