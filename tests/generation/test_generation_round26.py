"""Round 26: what eight fresh texts showed at first sight (a civil war, a river, electromagnetism, an architect, an
empire, a cathedral, a disease, a play), tried on our own sentences.

- «En Roma, en _____, escuchó…»: a second fronted phrase hid the verb without its subject;
- «De vuelta en España, publicó…»: a fronted phrase a preposition opens may name a place;
- «la organización pidió perdón» made «la organización Mundial» (from «la Organización Mundial de la Salud»);
- «¿En qué año derrotó … Tamerlán?»: two verbs sharing their object cut after the first;
- «¿En qué año comenzó la séptima en Indonesia…?»: an ordinal standing for a noun said before.
"""

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.standalone import _clause_start, outside_reference, stand_alone

from .support import discourse


def _published(text: str) -> list[str]:
    return [q.prompt for q in generate_bank(text).questions if q.status == "published"]


def test_a_verb_after_two_fronted_phrases_gets_the_biography_s_subject():
    stem = "En Velinia, en _____, escuchó en la capilla de Osk el Miserere de Berhof."
    disc = discourse(
        "Ludovico Kolmer fue un compositor tarsio.",
        "Ludovico Kolmer nació en Berhof en 1756.",
        stem,
        title="Ludovico Kolmer",
    )
    said, problem = stand_alone(stem, 2, disc, blank="_____")
    assert problem == ""
    assert "Kolmer" in said


def test_a_fronted_phrase_a_preposition_opens_may_name_a_place():
    text = (
        "Ludovico Kolmer\n\nLudovico Kolmer fue un novelista tarsio, autor de la novela Osk. En 1575, cuando "
        "regresaba en la galera Sol, fue apresado por corsarios y conducido a Berhof. Finalmente, en 1580, los "
        "frailes trinitarios pagaron su rescate y pudo regresar a Velinia. Esta experiencia inspiró la comedia Los "
        "tratos de Berhof.\n\nDe vuelta en España, publicó en 1585 La Galatea, una novela pastoril, y escribió "
        "varias obras de teatro sin gran éxito. El año anterior se había casado en Esquivias con Catalina de Salazar."
    )
    # the verb has no subject («Esta experiencia» is no novelist): held, not published without one
    assert not any(p.startswith("De vuelta en España, publicó") for p in _published(text))


def test_a_subject_before_the_comma_is_not_a_fronted_phrase():
    stem = "A partir de _____ la Institución Berhof de Osk, en colaboración con el gobierno tarsio, emprendió excavaciones."
    assert _clause_start(stem, "_____") < stem.index("emprendió")


@pytest.mark.parametrize(
    "stem, verb",
    [
        ("En Velinia, en _____, escuchó la misa.", "escuchó"),
        # an infinitive phrase and a relative after the date are no verb of the clause
        ("En _____, tras divorciarse de Ana, que no le había dado hijos, se casó con María de Osk.", "se casó"),
    ],
)
def test_the_clause_starts_after_its_fronted_phrases(stem, verb):
    assert _clause_start(stem, "_____") == stem.index(verb)


def test_two_verbs_sharing_their_object_are_not_cut_apart():
    text = (
        "Imperio de Kolm\n\n"
        "El Imperio de Kolm fue un Estado de Tarsia gobernado por la dinastía de Osk. "
        "En 1402, el conquistador velinio Berhof derrotó y capturó al sultán Ludovico I en la batalla de Ankor. "
        "En 1453, el sultán Osk II tomó la ciudad de Tarsia."
    )
    asked = [q.prompt for q in generate_bank(text).questions if "Berhof" in q.prompt and q.prompt.startswith("¿")]
    assert asked, "the sentence is asked as a question"
    assert all("capturó" in p for p in asked), asked


def test_pronto_opening_a_sentence_says_soon_after_the_one_before():
    from quizzes.generation.standalone import drop_connectors

    assert drop_connectors("Pronto se tradujo al italiano, en una versión de Osk.") == (
        "Se tradujo al italiano, en una versión de Osk."
    )
    assert drop_connectors("Pronto de carácter, Kolmer discutía con todos.").startswith("Pronto de carácter")


def test_an_approximate_year_takes_no_other_year_the_text_writes():
    text = (
        "La Kolmestina\n\nLa Kolmestina es una obra de teatro tarsia. Su autor, Fernando de Osk, nació hacia 1470 en "
        "Velinia. La edición más antigua que se conserva salió de la imprenta de Berhof y suele fecharse hacia 1499. "
        "Le siguieron las ediciones de Toledo, de 1500, y de Sevilla, de 1501, con dieciséis actos."
    )
    tolerances = {
        q.numeric["value"]: q.numeric["tolerance"]
        for q in generate_bank(text).questions
        if q.kind == "numeric" and q.numeric
    }
    # (since round 28 an approximate year left no range is not typed as a number at all: judged «numérico» exact)
    assert 1499.0 not in tolerances
    assert tolerances.get(1470.0) == 2.0


def test_a_species_name_is_one_name_with_its_latin_epithet():
    text = (
        "Fiebre de Kolm\n\nLa fiebre de Kolm es una infección aguda causada por la bacteria Vibrio kolmerae, que se "
        "contrae al beber agua contaminada. El mosquito Aedes velinii la transmite en Tarsia desde 1850."
    )
    names = {f.answer for f in generate_bank(text).facts}
    assert {"Vibrio kolmerae", "Aedes velinii"} <= names
    assert not names & {"Vibrio", "Aedes"}
    from quizzes.generation.quality import name_split

    assert name_split("Es causada por la bacteria _____ kolmerae, que se contrae al beber.", "Vibrio")
    assert not name_split("En 1850 _____ virus llegó a Tarsia.", "Kolm")


def test_a_verb_alone_is_not_left_after_its_fronted_date():
    from quizzes.generation.questions import paraphrase

    assert not paraphrase("Se desarrolló entre el 23 de agosto de 1942 y el 2 de febrero de 1943.", "").endswith(
        "se desarrolló."
    )
    assert paraphrase("La batalla de Kolm se libró en 1942.", "") == "En 1942 se libró la batalla de Kolm."


@pytest.mark.parametrize(
    "stem, problem",
    [
        ("Los barcos que descienden hacia el Pacífico por las esclusas de _____ y Miraflores.", "no_verb"),
        ("Los barcos que entran desde el Atlántico suben unos 26 metros por las esclusas de _____.", ""),
    ],
)
def test_a_relative_s_verb_is_no_main_verb(stem, problem):
    disc = discourse("El canal de Kolm une dos océanos.", stem, title="Canal de Kolm")
    assert stand_alone(stem, 1, disc, blank="_____")[1] == problem


# The second batch (a modern war, a mountain range, radioactivity, an emperor, a pharaoh, a painting, the steam engine,
# an agency of the United Nations).


def test_a_noun_closing_an_opening_phrase_is_not_a_term_defined():
    text = (
        "La noche de Kolm\n\nLa noche de Kolm es una pintura al óleo del artista tarsio Ludovico Osk. "
        "En primer plano, un ciprés oscuro se eleva como una llama hacia el cielo. "
        "A la derecha, una aldea tranquila duerme bajo las estrellas."
    )
    assert not {"plano", "derecha"} & {f.answer for f in generate_bank(text).facts}


def test_a_work_s_title_in_sentence_case_is_not_cut_by_the_subject():
    from quizzes.generation.wh import _work_title_goes_on

    assert _work_title_goes_on("Reflexiones", " sobre la potencia motriz del fuego, obra considerada…")
    assert not _work_title_goes_on("Quito", " tras la batalla de Pichincha")
    assert not _work_title_goes_on("Reflexiones", " en 1824")


def test_a_member_of_a_name_s_own_list_splits_the_name():
    from quizzes.generation.quality import name_split

    prompt = "La Organización de las Naciones Unidas para _____, la Ciencia y la Cultura tiene su sede en París."
    assert name_split(prompt, "Educación")
    assert not name_split("En 1945, los aliados de Kolm viajaron para _____, la capital de Tarsia.", "Osk")


def test_todo_before_the_phrase_agrees_with_it():
    from quizzes.generation.standalone import breaks_agreement

    text = "Sus muertos representan la mitad de las bajas en todo el conflicto."
    start = text.index("el conflicto")
    end = start + len("el conflicto")
    assert breaks_agreement(text, start, end, ("m", False), "la guerra de Kolm")
    assert not breaks_agreement(text, start, end, ("m", False), "el conflicto de Kolm")


def test_a_list_whose_members_have_relatives_still_counts_itself():
    from quizzes.generation.quality import counted_list

    prompt = (
        "El ciclo de Kolm está impulsado por _____: la energía del Sol, que calienta el agua y la evapora, y la "
        "gravedad, que la hace caer."
    )
    assert counted_list(prompt, 2)
    assert not counted_list(prompt, 3)


def test_the_first_of_a_month_is_also_written_primero():
    text = "La Declaración de Kolm\n\nEl 1 de enero de 1942, veintiséis países firmaron en Osk la Declaración de Kolm."
    accepted = [a for q in generate_bank(text).questions if q.kind == "short_answer" for a in q.accepted]
    assert "primero de enero de 1942" in accepted
    from quizzes.domain.grading import answers_match

    assert answers_match("1.º de enero de 1942", accepted)


# The third batch (two wars, a river, thermodynamics, a queen, an empire, a cathedral, measles, a novel, the
# Reconquista, an archipelago, the laser, a leader, an ancient empire, a statue, earthquakes, a monetary fund).


@pytest.mark.parametrize(
    "text, wrong",
    [
        # a possessive after a sentence that brings in a relative may be the relative's (the daughter's coronation)
        (
            "Ana II de Tarsia\n\nAna II fue reina de Tarsia desde 1952 hasta su muerte. "
            "Jorge VI murió el 6 de febrero de 1952, mientras su hija se encontraba de viaje en Kenia. "
            "Su coronación se celebró en la abadía de Osk el 2 de junio de 1953.",
            "coronación de Jorge VI",
        ),
        # where someone came from is not what a bare phrase means
        (
            "Kolm\n\nKolm es un archipiélago volcánico del océano Pacífico. Navegantes procedentes probablemente de "
            "las islas Marquesas colonizaron el archipiélago en grandes canoas. El primer europeo que alcanzó las islas "
            "fue el británico James Osk, en enero de 1778.",
            "alcanzó las islas Marquesas",
        ),
    ],
)
def test_a_bare_reference_does_not_take_a_wrong_owner(text, wrong):
    assert not any(wrong in q.prompt for q in generate_bank(text).questions)


def test_a_title_written_with_the_name_opening_the_prompt_is_part_of_it():
    from quizzes.generation.quality import name_split

    assert name_split("Sha _____ presidió la edad de oro de la arquitectura de Kolm.", "Jahan")
    assert name_split("San _____ fundó la orden en 1209.", "Francisco")
    assert not name_split("Tras _____, el imperio se fragmentó.", "Aurangzeb")


def test_a_part_larger_than_its_whole_is_no_plausible_false_statement():
    from quizzes.generation.quality import part_exceeds_whole

    assert part_exceeds_whole(
        "En 2020 Kolm contaba con 730.000 habitantes, de los que cerca de un millón vivían en Osk."
    )
    assert part_exceeds_whole("Kolm tenía 1,4 millones de habitantes, de los que 2 millones vivían en Osk.")
    assert not part_exceeds_whole("Kolm tenía 1 455 271 habitantes, de los que 1 016 508 vivían en Osk.")


@pytest.mark.parametrize(
    "sentence, held",
    [
        ("Las guerras de Kolm fueron dos conflictos armados que se libraron en Tarsia entre 1912 y 1913.", True),
        ("La termodinámica de Kolm se basa en cuatro leyes, numeradas del cero al tres.", True),
        ("La expedición de Kolm reunió a 240 soldados en el puerto de Osk en 1536.", False),
    ],
)
def test_a_small_count_is_not_asked_to_be_typed(sentence, held):
    bank = generate_bank(f"Kolm\n\n{sentence}")
    typed = [q for q in bank.questions if q.kind == "numeric" and q.numeric["unit"] not in {"año", "a. C."}]
    assert typed, "the count is asked"
    assert all(("not_small_count" in q.checks_failed) is held for q in typed)


# The fourth batch (a battle, a lake, the Earth's magnetism, a queen, the Maya, a fortress, diabetes, a poem, a war of
# independence, fjords, relativity, a composer, an empire, a temple, hepatitis, the Red Cross).


def test_the_title_s_definition_given_to_another_thing_is_no_false_statement():
    text = (
        "Civilización de Kolm\n\nLa civilización de Kolm fue una de las grandes culturas de Tarsia. "
        "La escritura de Kolm es un sistema logosilábico que combina signos de palabra y de sílaba. "
        "En 1952 el lingüista Yuri Osk demostró el carácter fonético de muchos signos."
    )
    bank = generate_bank(text)
    swapped = [q for q in bank.questions if q.prompt.startswith("Verdadero o falso: la escritura de Kolm es una de")]
    assert swapped, "the definitions are swapped into a false statement"
    assert all("tf_not_title_definition" in q.checks_failed for q in swapped)


def test_what_a_verb_protects_from_is_no_complement_of_its_object():
    text = (
        "Magnetismo de Kolm\n\nEl magnetismo de Kolm es el campo magnético que rodea el planeta. Este campo protege "
        "el planeta de las partículas cargadas procedentes del Sol. En 1839, el matemático Carl Osk demostró que el "
        "origen del campo se encuentra en el interior del planeta."
    )
    assert not any(
        "planeta de las partículas" in q.prompt
        for q in generate_bank(text).questions
        if "1839" in q.prompt or "Osk" in q.prompt
    )


def test_two_verbs_of_a_relative_aside_are_not_two_clauses():
    from quizzes.generation.text import clause_spans

    sentence = (
        "Dunant, que se arruinó en sus negocios y vivió en la pobreza, recibió en 1901 el Premio Nobel de la Paz."
    )
    assert [sentence[a:b] for a, b in clause_spans(sentence)] == [sentence]
    ending = "Wu Sangui abrió el paso a los manchúes, que tomaron Pekín y fundaron la dinastía Qing."
    assert len(clause_spans(ending)) == 2  # a relative that runs to the end is cut as before


# The sealed batches, opened on the round's last code (a war, a region, refraction, a friar, an empire, a tower, polio,
# a composer; a war, an archipelago, the atom, a president, an ancient city, a portrait, an extinction, an agency).


def test_a_surname_read_as_a_verb_is_not_moved_before_the_given_name():
    text = (
        "Nelson Kolmela\n\nNelson Rolihlahla Kolmela fue un abogado y político tarsio que presidió su país entre 1994 "
        "y 1999. Estudió en la Universidad de Osk. En 1941 se trasladó a Berhof para evitar un matrimonio concertado."
    )
    from quizzes.generation.wh import _invert

    assert _invert("En qué año", "Nelson Mandela se trasladó a Berhof", None) in {
        "",
        "¿En qué año se trasladó Nelson Mandela a Berhof?",
    }
    assert not any("Kolmela Nelson" in q.prompt for q in generate_bank(text).questions)


def test_a_name_given_without_saying_to_what_takes_no_person_for_subject():
    text = (
        "Refracción de Kolm\n\nLa ley lleva el nombre del matemático tarsio Willebrord Osk, que la formuló en 1621, "
        "aunque nunca la publicó. En 1637, René Berhof la dio a conocer en La dióptrica, uno de los ensayos que "
        "acompañaban al Discurso del método; el libro salió de la imprenta en Leiden el 8 de junio. Por ello, en "
        "Francia suele llamarse ley de Berhof."
    )
    assert not any(
        "suele René Berhof" in q.prompt or "René Berhof suele" in q.prompt for q in generate_bank(text).questions
    )


@pytest.mark.parametrize(
    "prompt, points",
    [
        ("¿En qué país comprende la Patagonia las siguientes provincias?", True),
        ("En _____ comenzó la siguiente década de reformas en Kolm.", True),
        ("Al año siguiente de la guerra, en _____, Kolm se trasladó a Osk.", False),
    ],
)
def test_what_follows_is_said_elsewhere(prompt, points):
    from quizzes.generation.standalone import _FOLLOWING

    assert bool(_FOLLOWING.search(prompt)) is points
    if points:
        assert outside_reference(prompt) == "demonstrative"


def test_a_class_written_capitalised_is_a_vague_answer():
    from quizzes.generation.quality import _VAGUE_ANSWER

    assert _VAGUE_ANSWER.match("el Estado")
    assert not _VAGUE_ANSWER.match("el Imperio bizantino")
    assert not _VAGUE_ANSWER.match("Bizancio")


def test_a_blank_after_a_fronted_date_is_the_subject_it_asks():
    stem = "En 843, _____ dividió el imperio en tres reinos."
    disc = discourse(
        "El 14 de febrero de 842, Carlos el Calvo y Luis el Germánico sellaron su alianza en Osk.", stem, title="Kolm"
    )
    said, problem = stand_alone(stem, 1, disc, blank="_____")
    assert "Carlos el Calvo" not in said


@pytest.mark.parametrize(
    "prompt, points",
    [
        # an ordinal standing for a noun said before (fresh26a)
        ("La séptima comenzó en _____ en Velinia, causada por el biotipo Osk.", True),
        ("¿En qué año comenzó la séptima en Velinia, causada por el biotipo Osk?", True),
        ("¿En qué año comenzó la sexta pandemia en Velinia?", False),
        ("Verdadero o falso: Ana Kolmer fue la primera en votar en Tarsia.", False),
        # whoever acts after a death is not who died (fresh26d)
        ("Tras su muerte, _____, viuda de Theo, se dedicó a difundir la obra de su cuñado.", True),
        ("En su discurso, _____ advirtió del peligro de la resistencia.", False),
        # an elliptic superlative with its participle (fresh26f)
        ("¿En qué año ocurrió el más mortífero conocido en la provincia de Osk?", True),
        ("El más mortífero conocido ocurrió en la provincia de Osk en _____.", True),
        ("¿En qué año ocurrió el terremoto más mortífero conocido en la provincia de Osk?", False),
    ],
)
def test_what_points_outside_the_prompt(prompt, points):
    assert bool(outside_reference(prompt)) is points


# Rewrites read on a text of our own: what a prompt says («said»), and what no item says («never»).
@pytest.mark.parametrize(
    "text, said, never",
    [
        pytest.param(
            "La fiebre de Kolm\n\nLa fiebre de Kolm es una infección de los ríos de Tarsia. La Organización Mundial de la "
            "Salud (OMS) calcula que cada año se producen unos 40 000 casos. En 2010 se declaró una epidemia en Velinia "
            "que causó más de 8000 muertes. Las investigaciones indicaron que la bacteria había sido introducida por "
            "soldados de la Misión de las Naciones Unidas en Velinia, y la organización pidió perdón en 2016.",
            [],
            ["organización Mundial"],
            id="name_word",
        ),
        pytest.param(
            "Río Kolm\n\nEl Kolm es el río principal de Tarsia. Nace en el lago Osk y recorre unos 3730 km hasta el mar. "
            "En 1673, el jesuita Jacques Berhof y el explorador Louis Velin descendieron por el río hasta la desembocadura "
            "del Arkan. En 1541, el conquistador Hernando de Soto alcanzó el río.",
            ["el río Kolm"],
            ["Río Kolm"],
            id="rio",
        ),
        pytest.param(
            "Ludovico Kolmer\n\nLudovico Kolmer fue un físico tarsio. En 1661 ingresó en el Trinity College de la "
            "Universidad de Osk, donde leyó a los filósofos modernos. En 1665, una epidemia de peste obligó a cerrar la "
            "universidad, y Kolmer regresó a Berhof. En 1668 defendió la paz de Velinia ante la Paz de Tarsia.",
            ["cerrar la Universidad de Osk"],
            ["cerrar la universidad."],
            id="institution",
        ),
        pytest.param(
            "Ana II de Tarsia\n\nAna II fue reina de Tarsia desde 1952 hasta su muerte, el 8 de septiembre de 2022. "
            "Su funeral de Estado, celebrado el 19 de septiembre de 2022 en la abadía de Osk, fue seguido por millones.",
            [],
            ["funeral de Ana II de Estado"],
            id="kind",
        ),
        pytest.param(
            "Terremoto\n\nUn terremoto es una sacudida brusca de la corteza terrestre provocada por la liberación "
            "repentina de energía acumulada en el interior de la Tierra. El de Kolm (Tarsia) de 2011 provocó el "
            "accidente nuclear de Osk.",
            [],
            ["la corteza terrestre fue consecuencia", "consecuencia del de Kolm"],
            id="caused",
        ),
        pytest.param(
            "Islas de Kolm\n\nTras un breve periodo como república, Tarsia se anexionó el archipiélago de Kolm en 1898, "
            "que dos años después se convirtió en territorio. La capital es Osk.",
            [],
            [", que se convirtió en territorio"],
            id="relative_time",
        ),
        pytest.param(
            "La Venus de Kolm\n\nLa Venus de Kolm es una escultura griega de mármol, hallada en la isla de Osk en 1820. "
            "La obra combina rasgos clásicos, como la serenidad del rostro, que recuerda el estilo del escultor Berhof, "
            "con la torsión del cuerpo característica del arte helenístico.",
            ["La Venus de Kolm combina"],
            ["La obra La Venus", "la obra La Venus"],
            id="work_title",
        ),
        pytest.param(
            "Berenice IV\n\nBerenice IV Filopátor fue la última reina de Tarsia. En el 51 a. C., a la muerte de su padre, "
            "Berenice subió al trono. De su relación con Marco Osk nacieron los gemelos Alejandro Helios y Berenice "
            "Selene. En el 32 a. C. el Senado declaró la guerra a Berenice.",
            [],
            ["Berenice Selene subió", "guerra a Berenice Selene"],
            id="protagonist",
        ),
    ],
)
def test_rewrites_on_a_text_of_our_own(text, said, never):
    prompts = [q.prompt for q in generate_bank(text).questions]
    for words in said:
        assert any(words in p for p in prompts), words
    for words in never:
        assert not any(words in p for p in prompts), words
