"""Round 17: a bare definite phrase («la guerra», «el canal») whose referent the paragraph or the document gives is
said with it, so the item reads alone to a teacher who sees neither the text nor its title. Sentences of our own,
none from the corpus."""

from quizzes.generation.standalone import definite_reference

from .support import discourse


def _war_text(*, same_paragraph: bool):
    disc = discourse(
        "La guerra de los Ríos Helados fue un conflicto que enfrentó a Norvalia con Sudmark entre 1801 y 1806.",
        "Antes, la guerra de los Nueve Meses había dejado a Norvalia sin flota.",
        "En 1803 los norvalos llevaron la guerra a las montañas del sur.",
    )
    disc.paragraphs = {0: 0, 1: 1, 2: 1 if same_paragraph else 2}
    return disc


def test_a_new_paragraph_means_the_documents_war_again():
    disc = _war_text(same_paragraph=False)
    said, problem = definite_reference("En _____ los norvalos llevaron la guerra a las montañas del sur.", 2, disc)
    assert problem == ""
    assert said == "En _____ los norvalos llevaron la guerra de los Ríos Helados a las montañas del sur."


def test_the_war_its_paragraph_named_is_said_rather_than_the_documents():
    disc = _war_text(same_paragraph=True)
    said, problem = definite_reference("En _____ los norvalos llevaron la guerra a las montañas del sur.", 2, disc)
    assert problem == ""
    assert said == "En _____ los norvalos llevaron la guerra de los Nueve Meses a las montañas del sur."


def test_a_lower_case_name_the_document_defines_is_said_whole():
    disc = discourse(
        "La guerra de sucesión lombarda fue un conflicto dinástico que duró de 1620 a 1631.",
        "La muerte del duque Ottavio, en 1627, cambió el curso de la guerra.",
    )
    said, problem = definite_reference("La muerte del duque _____, en 1627, cambió el curso de la guerra.", 1, disc)
    assert problem == ""
    assert said == "La muerte del duque _____, en 1627, cambió el curso de la guerra de sucesión lombarda."


def test_a_head_inside_a_longer_name_is_no_rival_of_the_common_noun():
    disc = discourse(
        "El canal de Varna es una vía navegable artificial que une dos lagos de Ostmark.",
        "El ingeniero Pavel Dorn fundó para ello la Compañía Universal del Canal Marítimo de Varna.",
        "El canal se inauguró en 1871 con una gran fiesta.",
        names={1: ["Pavel Dorn", "Compañía Universal del Canal Marítimo de Varna"]},
        title="Canal de Varna",
    )
    said, problem = definite_reference("El canal se inauguró en _____ con una gran fiesta.", 2, disc)
    assert problem == ""
    assert said == "El canal de Varna se inauguró en _____ con una gran fiesta."


def _islands(*earlier: str):
    disc = discourse(
        "El archipiélago de Morvania es un grupo de islas del mar Tirreno.",
        *earlier,
        "Los piratas saquearon la isla en 1540.",
    )
    disc.paragraphs = dict.fromkeys(range(len(earlier) + 2), 0)
    return disc, len(earlier) + 1


def test_the_one_complement_the_paragraph_gave_its_noun_is_said():
    disc, index = _islands("En la isla de Cabrena vivían unos dos mil pescadores.")
    said, problem = definite_reference("Los piratas saquearon la isla en _____.", index, disc)
    assert (said, problem) == ("Los piratas saquearon la isla de Cabrena en _____.", "")


def test_two_complements_of_the_paragraph_hold_the_phrase():
    disc, index = _islands(
        "En la isla de Cabrena vivían unos dos mil pescadores.",
        "En 1530 se levantó un faro en la isla de Sotavela.",
    )
    said, problem = definite_reference("Los piratas saquearon la isla en _____.", index, disc)
    assert problem == "ambiguous_referent"
    assert "Cabrena" not in said and "Sotavela" not in said


def test_a_quotation_and_a_noun_with_its_adjective_are_left_as_said():
    disc = discourse(
        "La deriva continental lenta es el desplazamiento de las masas de tierra a lo largo de millones de años.",
        "Como dijo en 1960 un geólogo, «nada se entiende en geología sin la deriva».",
        "La deriva fue aceptada en la década de 1960.",
    )
    quoted = "Como dijo en _____ un geólogo, «nada se entiende en geología sin la deriva»."
    assert definite_reference(quoted, 1, disc) == (quoted, "")
    said = "La deriva fue aceptada en la década de _____."
    assert definite_reference(said, 2, disc) == (said, "")
