"""Round 15: prompts that stand alone, learned from the «contexto» verdicts of the 32 texts moved into dev.

Every sentence here is invented for the test (places, people and works that do not exist), in the shapes those
verdicts showed: a bare phrase whose noun heads the document's name, a possessive after an opening word that is no
name, an opening comment or contrast («Paradójicamente,», «Por un lado,»), a demonstrative with no noun, a pronoun
opening («Uno fue…», «La más conocida, …»), an ordinal part of a whole said elsewhere, «Cada N», a short «No se…»,
a clitic whose only noun before it is a date, and a prompt that runs on into a second sentence.
"""

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.standalone import dependent_context, drop_connectors, outside_reference, stand_alone

from .support import discourse

# --- the document's name said in full -------------------------------------------------------------------------------


def test_a_bare_phrase_headed_by_the_documents_noun_is_said_with_the_whole_name():
    disc = discourse(
        "Las islas Morenas, cuyo nombre antiguo es archipiélago de Sal, son un grupo volcánico del océano Índico.",
        "Tienen un clima seco y pocas lluvias.",
        "Un navegante portugués llegó a las islas en 1502.",
    )
    text, problem = stand_alone("Un navegante portugués llegó a las islas en _____.", 2, disc)
    assert (text, problem) == ("Un navegante portugués llegó a las islas Morenas en _____.", "")


def test_the_titles_name_is_said_as_the_text_writes_it_inside_a_sentence():
    disc = discourse(
        "Pacto de Lurra",
        "El Pacto de Lurra fue un acuerdo entre dos reinos de la montaña.",
        "Los dos reinos firmaron el Pacto de Lurra en 1320.",
        "Años más tarde, el rey Tomás rechazó el pacto.",
        title="Pacto de Lurra",
    )
    text, problem = stand_alone("El rey Tomás rechazó el pacto en _____.", 3, disc)
    assert (text, problem) == ("El rey Tomás rechazó el Pacto de Lurra en _____.", "")


def test_a_phrase_of_another_number_or_said_of_another_one_since_is_not_renamed():
    disc = discourse(
        "Las islas Morenas, cuyo nombre antiguo es archipiélago de Sal, son un grupo volcánico del océano Índico.",
        "La capital está en la isla de Puerto Viejo.",
        "La isla tiene un puerto franco desde 1890.",
    )
    text, _ = stand_alone("La isla tiene un puerto franco desde _____.", 2, disc)
    assert "Morenas" not in text  # «la isla» is one island, not the archipelago


def test_a_prompt_that_names_the_document_already_is_left_as_it_is():
    disc = discourse(
        "Las islas Morenas, cuyo nombre antiguo es archipiélago de Sal, son un grupo volcánico del océano Índico.",
        "Las islas Morenas recibieron a los primeros colonos en 1650, y las islas crecieron deprisa.",
    )
    stem = "Las islas Morenas recibieron a los primeros colonos en _____, y las islas crecieron deprisa."
    assert stand_alone(stem, 1, disc)[0] == stem


# --- openers that comment on or contrast with the sentence before ----------------------------------------------------


def test_an_opening_comment_or_contrast_with_its_comma_is_dropped():
    assert drop_connectors("Paradójicamente, el museo cerró en 1990.") == "El museo cerró en 1990."
    assert drop_connectors("Por un lado, muchos monjes huyeron a Creta.") == "Muchos monjes huyeron a Creta."
    assert (
        drop_connectors("Sea como fuere, unas naves llevaron la fiebre a Rodas.")
        == "Unas naves llevaron la fiebre a Rodas."
    )
    assert drop_connectors("Curiosamente, el puente nunca se usó.") == "El puente nunca se usó."


def test_an_adverb_that_is_part_of_the_clause_is_kept():
    # Without a comma the adverb says how, not what the speaker thinks of the sentence before.
    assert (
        drop_connectors("Curiosamente vestido, el rey entró en la sala.")
        == "Curiosamente vestido, el rey entró en la sala."
    )
    assert (
        drop_connectors("Tradicionalmente, la feria se celebra en mayo.")
        == "Tradicionalmente, la feria se celebra en mayo."
    )


# --- a possessive after an opening word that names nobody ------------------------------------------------------------


def test_a_possessive_after_an_opening_word_that_is_no_name_points_elsewhere():
    assert outside_reference("Gran parte de su reinado estuvo ocupada por las guerras con _____.") == "possessive"
    assert outside_reference("Según su segundo informe, la temperatura del lago subió _____ grados.") == "possessive"


def test_a_possessive_after_a_name_at_the_opening_is_clear():
    assert outside_reference("Tomás amplió su reino hasta el río _____.") == ""


# --- pronouns and demonstratives with no noun -------------------------------------------------------------------------


def test_a_demonstrative_with_no_noun_after_it_points_elsewhere():
    assert (
        outside_reference("Según la ley, el trono pasaría a los hijos de este, los príncipes de _____.")
        == "demonstrative"
    )
    assert outside_reference("La del hermano de esta, Pablo, en _____, dejó el trono vacío.") == "demonstrative"


def test_a_point_of_the_compass_is_no_demonstrative():
    assert outside_reference("Los vientos del valle soplan del este, hacia el mar de _____.") == ""


def test_an_opening_pronoun_for_a_noun_said_before_points_elsewhere():
    assert outside_reference("Uno fue la amenaza de _____ sobre la costa.") == "demonstrative"
    assert outside_reference("La más conocida, Mar de Niebla, se estrenó en _____.") == "demonstrative"
    assert outside_reference("El de Puerto Viejo fue el mayor incendio del siglo _____.") == "demonstrative"


def test_an_ordinal_part_of_a_whole_the_prompt_does_not_name_points_elsewhere():
    assert outside_reference("La primera parte, de 40 capítulos, salió en _____.") == "demonstrative"
    assert outside_reference("A partir de _____ comenzó una segunda fase, basada en el carbón.") == "demonstrative"
    assert outside_reference("La primera parte del poema salió en _____.") == ""


def test_each_member_of_a_set_said_elsewhere_points_elsewhere_but_a_unit_of_time_does_not():
    assert outside_reference("Cada torre tiene una escalera de _____ peldaños.") == "set_reference"
    assert outside_reference("Cada año, miles de aves llegan al lago _____.") == ""
    assert outside_reference("Cada torre del castillo tiene una escalera de _____ peldaños.") == ""


def test_a_short_negated_se_clause_says_nothing_of_what():
    assert outside_reference("No se recuperó hasta _____, en Roma. (Escriba el año.)") == "fragment"


def test_a_prompt_that_runs_on_into_a_second_sentence_without_subject_is_a_fragment():
    stem = "Hijo del conde Ramiro y de la reina Sancha I. Nació en _____, junto al río."
    assert outside_reference(stem) == "fragment"
    assert outside_reference("Tomás nació en _____ y murió en Lurra.") == ""


# --- a clitic whose only noun before it is a time --------------------------------------------------------------------


def test_a_clitic_is_not_read_as_standing_for_a_date_or_a_season():
    prompt = "En la primavera de _____, la comisión de límites la fijó en 300 leguas. (Escriba el año.)"
    assert dependent_context(prompt, "1821") == "dangling_pronoun"
    assert dependent_context("En _____, el rey compró el castillo y lo reformó.", "1821") == ""


def test_a_name_in_a_phrase_set_off_before_the_subject_is_not_what_the_clitic_stands_for():
    prompt = "Por el Pacto de Lurra, el rey _____, ya anciano, lo nombró heredero."
    assert dependent_context(prompt, "Tomás II") == "dangling_pronoun"
    prompt = "Tras la muerte de Ramiro, los nobles lo eligieron rey en _____."
    assert dependent_context(prompt, "1321") == "dangling_pronoun"
    # the name inside the clause itself is an antecedent
    assert (
        dependent_context(
            "En la batalla de Lurra, el conde Ramiro derrotó al rey Tomás y lo encerró en _____.", "Burgos"
        )
        == ""
    )


# --- the document's name: from a headline that is a sentence, with its year, never giving the answer away ----------


def test_a_headline_that_is_a_sentence_gives_its_name_only():
    disc = discourse(
        "La Guerra Larga del Norte enfrentó a dos reinos entre 1510 y 1530.",
        "La guerra comenzó con el sitio de Lurra en 1510.",
        title="La Guerra Larga del Norte enfrentó a dos reinos entre 1510 y 1530",
    )
    text, _ = stand_alone("La guerra comenzó con el sitio de Lurra en _____.", 1, disc)
    assert text == "La Guerra Larga del Norte comenzó con el sitio de Lurra en _____."


def test_a_name_ending_in_its_year_keeps_the_year():
    disc = discourse(
        "Incendio de Lurra de 1721",
        "El incendio de Lurra de 1721 fue el mayor fuego de la comarca.",
        "El incendio duró tres días.",
        title="Incendio de Lurra de 1721",
    )
    text, _ = stand_alone("El incendio duró _____ días.", 2, disc)
    assert text == "El incendio de Lurra de 1721 duró _____ días."


def test_the_name_is_not_written_in_when_it_holds_the_answer():
    disc = discourse(
        "El canal de Lurra es una vía de agua que cruza el istmo de Lurra.",
        "El canal tiene unos 80 km de largo y cruza el istmo de Lurra.",
    )
    stem = "El canal tiene unos 80 km de largo y cruza el istmo de _____."
    assert stand_alone(stem, 1, disc, answer="istmo de Lurra")[0] == stem
    assert stand_alone(stem, 1, disc)[0].startswith("El canal de Lurra tiene")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "Islas Merenas\n\nLas islas Merenas son un archipiélago del océano Pacífico que pertenece a Ecuador. "
            "El archipiélago fue descubierto en 1535 por el obispo Tomás de Alvarado. En 1835, el naturalista Carlos "
            "Dorantes visitó también unas islas volcánicas del Atlántico. Las islas tenían tortugas gigantes que "
            "Dorantes estudió durante 5 semanas. Dorantes publicó su obra principal en 1859.",
            "islas Merenas tenían",
        ),
        (
            "Tratado de Valdoria\n\nEl Tratado de Valdoria fue un tratado de paz firmado el 28 de junio de 1919 al "
            "final de la guerra de los Tres Ríos. En 1922, Osterlandia firmó un tratado secreto con Rusia en Kaldera. "
            "El tratado permitía a Osterlandia entrenar a sus soldados en territorio ruso. Osterlandia abandonó la "
            "Liga de Naciones en 1933.",
            "Tratado de Valdoria permitía",
        ),
    ],
)
def test_a_bare_phrase_after_another_one_of_its_class_was_introduced_is_not_given_the_documents_name(text, wrong):
    # «unas islas volcánicas del Atlántico… Las islas tenían…»: those islands, not the document's; naming the
    # document's would write a false statement (and a card, a true/false «Verdadero» on it).
    bank = generate_bank(text)
    assert bank.questions
    assert not [q.prompt for q in bank.questions if wrong in q.prompt]
