"""Round 20: prompts that lean on another sentence in ways the earlier rounds missed, tried on sentences of our own.

- an object pronoun after a name whose article says another gender or number («La Organización … lo declaró»);
- a noun left out after «la más …» («ocurrió la más reciente»);
- «el cuadro», «la obra» said bare for a work another sentence named, and in the text of a work, its title;
- a ruler's name typed shorter («Alarico» for «Alarico I», «Haroldo II» for «Haroldo II de Inglaterra»).
"""

from quizzes.generation import generate_bank
from quizzes.generation.answers import regnal_forms
from quizzes.generation.questions import _join_cut_series
from quizzes.generation.standalone import definite_reference, dependent_context, stand_alone

from .support import discourse


def test_a_pronoun_after_a_name_of_another_gender_points_elsewhere():
    stem = "La Organización de las Naciones Unidas para la Educación lo declaró Patrimonio de la Humanidad en _____."
    assert dependent_context(stem, "1995") == "dangling_pronoun"
    # a name of the pronoun's gender before it may be what it stands for
    assert dependent_context("Tras vencer al Reino de Kolm, el ejército lo anexionó en _____.", "1720") == ""


def test_a_noun_left_out_after_la_mas_leans_on_the_sentence_before():
    assert dependent_context("¿En qué año ocurrió la más reciente de toda la isla?") == "elided_noun"
    # a predicate («fue la más larga»), «uno de los más…» say their noun
    assert dependent_context("La batalla de Kolm fue la más larga de la guerra de Velin, en _____.", "1720") == ""
    assert dependent_context("El Velin es uno de los más activos del mundo desde _____.", "1720") == ""


def _painter(last: str):
    return discourse(
        "Ana Dorm fue una pintora de Kolm.",
        "En 1580 el rey le encargó El martirio de Velin, pero el cuadro no le agradó.",
        last,
        names={0: ["Ana Dorm", "Kolm"], 1: ["El martirio de Velin"], 2: []},
    )


def test_a_work_said_bare_is_the_one_another_sentence_named():
    disc = _painter("El cuadro se divide en dos partes.")
    assert definite_reference("El cuadro se divide en _____.", 2, disc, answer="dos partes")[1] == "anaphora"
    # its own sentence names it before: it stands
    stem = "En 1580 el rey le encargó El martirio de Velin, pero el cuadro no le agradó a _____."
    assert definite_reference(stem, 1, disc, answer="Felipe")[1] == ""


def test_in_the_text_of_a_work_la_obra_is_said_with_its_title():
    disc = discourse(
        "Rumor de Kolm es una novela de la escritora Ana Dorm, publicada en 1950.",
        "Narra la historia de una familia de Velin.",
        "La obra recibió en 1962 el Premio Velin.",
        names={0: ["Rumor de Kolm", "Ana Dorm"], 1: ["Velin"], 2: ["Premio Velin"]},
    )
    stem, problem = definite_reference("¿En qué año recibió la obra el Premio Velin?", 2, disc, answer="1962")
    assert (stem, problem) == ("¿En qué año recibió la obra Rumor de Kolm el Premio Velin?", "")
    # asked for the title, the title is not given
    stem = "La obra recibió en 1962 el _____."
    assert (
        definite_reference(stem, 2, disc, answer="Premio Velin")[0] == "La obra Rumor de Kolm recibió en 1962 el _____."
    )
    assert definite_reference("_____ recibió en 1962 el Premio Velin.", 2, disc, answer="Rumor de Kolm")[1] == ""


def test_an_aside_before_the_verb_is_no_series_of_verbs():
    sentence = "Los kolmos recuperaron la luz cuando el dios supremo, Velin, venció a Dorm y lo encerró en la montaña."
    statement = "Los kolmos recuperaron la luz cuando el dios supremo, Velin, venció a Dorm."
    assert _join_cut_series(statement, sentence) == statement


def test_a_ruler_is_accepted_by_the_shorter_names_people_type():
    assert regnal_forms(["Alarico I"], ["Alarico I", "Odoacro"]) == ["Alarico"]
    assert "Haroldo II" in regnal_forms(["Haroldo", "Haroldo II de Inglaterra"], ["Haroldo II de Inglaterra"])
    # another of the name in the text: the given name alone is not his
    assert regnal_forms(["Napoleón III"], ["Napoleón", "Napoleón III"]) == []
    assert regnal_forms(["Carlos V"], ["Carlos V", "Carlos II"]) == []
    # from the second on, the numeral says which one: «Felipe» is not «Felipe IV» even alone in the text
    assert regnal_forms(["Felipe IV"], ["Felipe IV", "Diego Velázquez"]) == []


def _held_for(bank, answer: str) -> set[str]:
    """The checks every item asking `answer` failed (an empty set: one of them passed them all)."""
    items = [q for q in bank.questions if answer in q.correct and q.kind != "true_false"]
    assert items, f"no item asks {answer}"
    return set.intersection(*(set(q.checks_failed) for q in items))


def test_the_country_or_ocean_a_definition_places_its_subject_in_is_guessed():
    bank = generate_bank(
        "Lago Velin\n\n"
        "El lago Velin es un lago de origen glaciar situado en el norte de Laponia, en Noruega, cerca de Kolm. "
        "El lago Velin fue descubierto en 1720 por el explorador Ana Dorm, que lo cruzó en 1722. "
        "El calor del Sol evapora cada año unos 5 kilómetros cúbicos de agua del lago Velin. "
        "En 1850 el rey Olaf fundó en sus orillas la villa de Dormia."
    )
    assert "not_broad_answer" in _held_for(bank, "Noruega")
    assert "not_broad_answer" in _held_for(bank, "Sol")


def test_a_number_that_is_the_smaller_unit_of_one_figure_is_not_asked_alone():
    bank = generate_bank(
        "La luz de Velin es una luz del norte de Kolm.\n"
        "La luz de Velin tarda unos 8 minutos y 20 segundos en llegar a Kolm, según Ana Dorm, que la midió en 1720."
    )
    assert "whole_figure" in _held_for(bank, "20")


def test_the_same_ones_and_a_span_counted_from_elsewhere_lean_on_another_sentence():
    assert stand_alone("En 1957, los mismos _____ firmaron el Tratado de Kolm.", 0, None)[1] == "demonstrative"
    assert dependent_context("Durante los _____ años siguientes, Ana Dorm trabajó en Kolm.", "10") == "relative_span"
    assert dependent_context("Durante los _____ siguientes, Ana Dorm trabajó en Kolm.", "diez años") == "relative_span"
    # an idiom with «mismo», a span that says its start
    assert stand_alone("Al mismo tiempo, _____ firmó el Tratado de Kolm.", 0, None)[1] == ""
    assert dependent_context("Ana Dorm trabajó en Kolm durante los _____ años que siguieron a 1905.", "10") == ""


def test_a_blank_closing_a_comparison_is_held():
    from quizzes.generation.ranking import publication_gate

    from .test_generation_dependent_context import _item

    q, facts = _item("short_answer", "El mar de Kolm es más salado que _____.", "el mar de Velin")
    assert publication_gate(q, facts, {"f"}) == "not_open_comparison"
    q, facts = _item("short_answer", "El mar de Kolm es más salado que el de Velin desde _____.", "1720")
    assert publication_gate(q, facts, {"f"}) == ""


def test_a_regnal_numerals_stop_before_a_verb_ends_the_sentence():
    from quizzes.generation.text import split_sentences

    said = "El ejército lo mandaba el rey Jerjes I. Tuvo lugar en el desfiladero de Kolm. Lo vio John F. Kennedy."
    assert [s.text for s in split_sentences(said)] == [
        "El ejército lo mandaba el rey Jerjes I.",
        "Tuvo lugar en el desfiladero de Kolm.",
        "Lo vio John F. Kennedy.",
    ]


def test_a_range_of_years_is_accepted_as_people_say_it():
    bank = generate_bank(
        "El califato de Kolm fue un estado de Velin. "
        "El califato de Kolm existió entre 929 y 1031, cuando se dividió en reinos de taifas."
    )
    ranged = [q for q in bank.questions if q.kind == "short_answer" and q.correct == ["929 y 1031"]]
    assert ranged and {"del 929 al 1031", "entre el 929 y el 1031"} <= set(ranged[0].accepted)


def test_a_country_said_alone_is_not_given_a_longer_name_that_holds_it():
    from quizzes.generation.standalone import full_first_names

    disc = discourse(
        "Los Aliados invadieron Francia en 1944.",
        "Participaron tropas de Francia Libre y de Polonia.",
        "Pierre Velin nació en Kolm.",
        "Pierre murió en 1950.",
        names={0: ["Francia"], 1: ["Francia Libre", "Polonia"], 2: ["Pierre Velin", "Kolm"], 3: ["Pierre"]},
    )
    stem = "Los Aliados invadieron Francia en _____."
    assert full_first_names(stem, disc) == stem
    # a person said by the first name alone still gets the surname the text gives him
    assert full_first_names("Pierre murió en _____.", disc) == "Pierre Velin murió en _____."


def test_segundo_before_a_noun_is_the_ordinal_not_a_second_of_time():
    from quizzes.generation.facts import find_quantities

    assert [s.text for s in find_quantities("Al día siguiente llegó un segundo mensaje, más duro.", [])] == []
    assert [s.text for s in find_quantities("La señal tarda un segundo en llegar a Kolm.", [])] == ["un segundo"]
    assert [s.text for s in find_quantities("Se oyó un segundo después del disparo.", [])] == ["un segundo"]


def test_a_surface_is_not_given_the_owner_another_sentence_gave_it():
    disc = discourse(
        "Gran parte de la lluvia cae sobre la superficie de los océanos de Kolm.",
        "Sobre los continentes, una parte del agua corre por la superficie hacia los ríos de Velin.",
        names={0: ["Kolm"], 1: ["Velin"]},
    )
    stem = "Sobre los _____, una parte del agua corre por la superficie hacia los ríos de Velin."
    assert definite_reference(stem, 1, disc, answer="continentes")[0] == stem


def _island(arrival: str):
    """The discourse of a text titled «Isla de Kolm» whose third sentence (`arrival`) says «la isla» bare."""
    return discourse(
        "Kolm está en el océano Velin, lejos de la costa.",
        "Sus habitantes la llaman Dorm.",
        arrival,
        title="Isla de Kolm",
        names={0: ["Kolm", "Velin"], 1: ["Dorm"], 2: ["Ana Velin", "Kolm"]},
    )


def test_the_titles_thing_said_bare_is_said_with_the_rest_of_the_title():
    disc = _island("El primer europeo que llegó a la isla fue el navegante Ana Velin, el domingo de Kolm de 1722.")
    stem = "El primer europeo que llegó a la isla fue el navegante _____, el domingo de Kolm de 1722."
    assert definite_reference(stem, 2, disc, answer="Ana Velin")[0] == (
        "El primer europeo que llegó a la isla de Kolm fue el navegante _____, el domingo de Kolm de 1722."
    )
    # asked for the title's own name, the name is not given
    stem = "El primer europeo que llegó a la isla fue el navegante Ana Velin, el domingo de _____ de 1722."
    assert definite_reference(stem, 2, disc, answer="Kolm")[0] == stem


def test_review_cases_the_rewrites_do_not_give_away_or_misname():
    from quizzes.generation.quality import _LOCATED_IN

    disc = _island("El navegante Ana Velin llegó a la isla el domingo de Kolm de 1722.")
    # an answer that holds the title's name: the title is not said beside the blank
    stem = "El navegante Ana Velin llegó a la isla el _____ de 1722."
    assert definite_reference(stem, 2, disc, answer="domingo de Kolm")[0] == stem
    # a painting's text: «el poema» is another work, not the painting
    disc = discourse(
        "El Grito de Kolm es un cuadro de la pintora Ana Dorm.",
        "Ana Dorm escribió también unos versos sobre Velin.",
        "El poema se publicó en 1890.",
        names={0: ["El Grito de Kolm", "Ana Dorm"], 1: ["Ana Dorm", "Velin"], 2: []},
    )
    assert "Grito" not in definite_reference("El poema se publicó en _____.", 2, disc, answer="1890")[0]
    # two firsts of the same name: the given name alone is neither's
    assert regnal_forms(["Isabel I de Castilla"], ["Isabel I de Castilla", "Isabel I de Inglaterra"]) == []
    # a series of verbs after a date aside still gets its «y»; an aside that is a name does not
    sentence = "Pizarro capturó a Atahualpa en Cajamarca, en 1532, lo ejecutó al año siguiente y fundó Lima."
    stem = "Pizarro capturó a Atahualpa en Cajamarca, en 1532, lo ejecutó al año siguiente."
    assert (
        _join_cut_series(stem, sentence)
        == "Pizarro capturó a Atahualpa en Cajamarca, en 1532 y lo ejecutó al año siguiente."
    )
    # what the new holds leave alone
    assert dependent_context("Ana Dorm reunió a los más altos dignatarios de Kolm en _____.", "1720") == ""
    assert dependent_context("Durante los _____ años siguientes a la conquista, Kolm creció.", "10") == ""
    assert _LOCATED_IN.search("El lago Kolm está situado en el sur de Velin, en ")
    assert not _LOCATED_IN.search("Ana Dorm fue una física nacida en ")
