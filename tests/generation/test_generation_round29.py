"""Round 29: what fresh texts showed at first sight, tried on our own sentences.

- «Nació hacia 980 en Afshana, una aldea cercana a Bujará, … en el actual _____.» published without its subject: the
  parse took the place's apposition («una aldea…») for the subject after the verb, and a birth was not a person's verb;
- «Los dos de la Guerra de Liberación de Bangladés últimas semanas…» from «Sus dos últimas semanas…», and «La cumbre de
  las Dolomitas más alta…» from «Su cumbre más alta…»: the owner put after a numeral, and before «más alta»;
- «…, un edicto imperial lo suprimió»: an object pronoun of the main verb past the first fourteen words;
- «en 2000 y 2006 amplió la declaración…»: two dates opening a clause hid that its verb has no subject;
- «…en la plantación de Sundy, en el norte de la isla de Madeira» for «En Príncipe, …, en el norte de la isla»: a place
  phrase given the name of the sentence before when its own sentence says which;
- «El _____, el general Yahya Khan, aplazó…» → «presidente»: the office of the person the stem names;
- «…, mientras que Mujib, liberado a comienzos de 1972 y regresó a Daca»: a participle set off taken for the member
  of a series of verbs;
- «el _____, acompañado por una guitarra…» → «fadista» in the text of «Fado»: a word made from the title's;
- «¿Quién se retiró … al frente de la compañía?» in the text of «La Taiwan … Company (TSMC; …) es una empresa…»: a
  parenthesis after the first sentence's subject hid the document's subject;
- «Del Tratado de Saint-Germain-en-Laye, firmado en _____, el Tirol del Sur pasó…»: «Como consecuencia» dropped as a
  connector before its «del»;
- «¿Cuándo se dictó la Corte Suprema de Estados Unidos?» from «una sentencia de la Corte Suprema…, dictada el…»;
- «¿Dónde se encuentra la superficie a unos 395 m…, y la profundidad máxima, de 251 m, se registra?»: the blank in a
  second clause with its own subject.
"""

from quizzes.generation.quality import guessable_from_title
from quizzes.generation.questions import _join_cut_series
from quizzes.generation.ranking import fact_importance
from quizzes.generation.standalone import definite_reference, drop_connectors, stand_alone
from quizzes.generation.wh import _invert, _named_participle_question

from .support import discourse, sentence_fact


def _life(*rest: str):
    return discourse(
        "Tadeo Osk (hacia 980-1037) fue un médico y filósofo velinio.",
        *rest,
        names={0: ["Tadeo Osk"], 1: ["Berhof", "Tarsia"]},
        title="Tadeo Osk",
    )


def test_a_dated_birth_is_a_persons_and_a_places_apposition_is_no_subject():
    disc = _life("Nació hacia 980 en Tarsia, una aldea cercana a Berhof, la capital del emirato, en el actual Velinia.")
    said, problem = stand_alone(
        "Nació hacia 980 en Tarsia, una aldea cercana a Berhof, la capital del emirato, en el actual _____.", 1, disc
    )
    assert problem == "" and said.startswith("Tadeo Osk nació hacia 980 en Tarsia")
    # a river is born in a place, with no date: the subject is not guessed
    disc = discourse(
        "El Berhof es un río de Velinia.",
        "Nace en los montes de Tarsia, una región muy lluviosa, y desemboca en el mar.",
        names={0: ["Berhof", "Velinia"], 1: ["Tarsia"]},
        title="Río Berhof",
    )
    said, problem = stand_alone("Nace en los montes de _____, una región muy lluviosa.", 1, disc)
    assert not said.startswith("Tadeo")


def test_a_possessive_before_a_numeral_or_a_superlative_gives_its_owner_after_the_whole_phrase():
    disc = discourse(
        "La Guerra de Tarsia fue un conflicto armado entre Velinia y Berhof.",
        "Sus dos últimas semanas coincidieron con la crisis de 1971.",
        names={0: ["Guerra de Tarsia", "Velinia", "Berhof"]},
        title="Guerra de Tarsia",
    )
    said, problem = stand_alone("Sus dos últimas semanas coincidieron con la crisis de _____.", 1, disc)
    assert (said, problem) == (
        "Las dos últimas semanas de la Guerra de Tarsia coincidieron con la crisis de _____.",
        "",
    )
    disc = discourse(
        "Las Osk son una cordillera de Velinia.",
        "Su cumbre más alta es el Berhof, de 3343 metros.",
        names={0: ["Osk", "Velinia"], 1: ["Berhof"]},
        title="Osk",
    )
    said, problem = stand_alone("Su cumbre más alta es el _____, de 3343 metros.", 1, disc)
    assert (said, problem) == ("La cumbre más alta de las Osk es el _____, de 3343 metros.", "")


def test_an_object_pronoun_of_the_main_verb_late_in_a_long_sentence_points_back():
    disc = discourse(
        "El examen de Tarsia fue un sistema de selección de funcionarios de Velinia.",
        "En 1905, a propuesta de altos funcionarios como Tadeo Osk y Juan Berhof, un edicto imperial lo suprimió.",
        names={1: ["Tadeo Osk", "Juan Berhof"]},
        title="Examen de Tarsia",
    )
    stem = "En _____, a propuesta de altos funcionarios como Tadeo Osk y Juan Berhof, un edicto imperial lo suprimió."
    assert stand_alone(stem, 1, disc)[1] == "pronoun"
    # a pronoun of a coordinated verb whose noun the sentence said before stands
    disc = discourse(
        "El rey Tadeo Osk gobernó Velinia durante cuarenta años y en su larga vida de conquistas tomó la ciudad de "
        "Tarsia y la convirtió en su capital.",
        names={0: ["Tadeo Osk", "Velinia", "Tarsia"]},
        title="Tadeo Osk",
    )
    stem = (
        "El rey Tadeo Osk gobernó Velinia durante cuarenta años y en su larga vida de conquistas tomó la ciudad de "
        "_____ y la convirtió en su capital."
    )
    assert stand_alone(stem, 0, disc)[1] != "pronoun"


def test_two_dates_opening_a_clause_still_need_its_subject():
    disc = discourse(
        "El palacio de Tarsia es un edificio de Velinia.",
        "En 1994, la Unesco inscribió el palacio en su lista, y en 2000 y 2001 amplió la declaración al templo de Osk.",
        names={0: ["Tarsia", "Velinia"], 1: ["Unesco", "Osk"]},
        title="Palacio de Tarsia",
    )
    said, problem = stand_alone("En 2000 y _____ amplió la declaración al templo de Osk.", 1, disc)
    assert problem or "la Unesco amplió" in said, said


def test_a_place_phrase_names_the_place_its_own_sentence_asks():
    disc = discourse(
        "El eclipse de 1919 se observó desde Berhof.",
        "Las dos expediciones zarparon juntas y se separaron en la isla de Velinia.",
        "En Osk, el equipo se estableció en una plantación, en el norte de la isla.",
        names={0: ["Berhof"], 1: ["Velinia"], 2: ["Osk"]},
        title="Eclipse de 1919",
    )
    stem = "En _____, el equipo se estableció en una plantación, en el norte de la isla."
    assert definite_reference(stem, 2, disc, answer="Osk") == (stem, "")
    # without the place asked before it, the island is the one said before
    said, _ = definite_reference(
        "El equipo de Osk se estableció en una plantación, en el norte de la isla.", 2, disc, answer="Osk"
    )
    assert said.endswith("en el norte de la isla de Velinia.")


def test_the_office_of_a_person_the_stem_names_is_not_asked():
    fact = sentence_fact(
        "Sin embargo, el presidente, el general Tadeo Osk, aplazó la convocatoria de la Asamblea.",
        "presidente",
        kind="term",
        subtype="named",
    )
    assert fact_importance(fact, _extraction()) == 0.0


def _extraction():
    from quizzes.generation.facts import extract
    from quizzes.generation.text import split_sentences

    return extract(split_sentences("Tadeo Osk fue un general de Velinia."), title="Tadeo Osk")


def test_a_participle_set_off_is_no_member_of_a_series_of_verbs():
    sentence = (
        "Osk dimitió el 20 de diciembre, mientras que Tarsia, liberado a comienzos de 1972, regresó a Berhof el 10 de "
        "enero y asumió el Gobierno."
    )
    stem = (
        "Osk dimitió el 20 de diciembre, mientras que Tarsia, liberado a comienzos de _____, regresó a Berhof el 10 de "
        "enero."
    )
    assert _join_cut_series(stem, sentence) == stem
    # a real series still gets its «y» back
    sentence = "Tarsia hizo construir un puente sobre el Rin, lo cruzó para intimidar a los germanos y regresó a Galia."
    stem = "Tarsia hizo construir un puente sobre el _____, lo cruzó para intimidar a los germanos."
    assert _join_cut_series(stem, sentence) == (
        "Tarsia hizo construir un puente sobre el _____ y lo cruzó para intimidar a los germanos."
    )


def test_a_word_made_from_a_short_title_word_gives_itself_away():
    fact = sentence_fact("El tango lo canta un solo intérprete, el tanguero.", "tanguero", kind="term", subtype="")
    assert guessable_from_title(fact, "Tango", _extraction())
    other = sentence_fact("El tango lo canta un solo intérprete, el cantor.", "cantor", kind="term", subtype="")
    assert not guessable_from_title(other, "Tango", _extraction())


def test_a_parenthesis_after_the_first_subject_does_not_hide_the_document():
    disc = discourse(
        "La Tarsia Osk Company (TOC; en velinio, Tarsiaosk) es una empresa velinia de semiconductores.",
        "Juan Berhof se retiró en 2018, tras tres décadas al frente de la compañía.",
        names={0: ["Tarsia Osk Company"], 1: ["Juan Berhof"]},
        title="Tarsia Osk Company",
    )
    assert disc.document_subject() == "La Tarsia Osk Company"


def test_a_connector_that_opens_a_prepositional_phrase_stays():
    said = "Como consecuencia del Tratado de Tarsia, firmado en _____, el Osk pasó a Velinia."
    assert drop_connectors(said) == said
    assert drop_connectors("Como consecuencia, el Osk pasó a Velinia.") == "El Osk pasó a Velinia."


def test_a_participle_after_a_names_complement_is_not_asked_of_the_name():
    said = (
        "Osk contra Tarsia es una sentencia de la Corte Suprema de Velinia, dictada el {}, que declaró ilegal la pena."
    )
    fact = sentence_fact(said.format("17 de mayo de 1954"), "17 de mayo de 1954", subtype="day")
    assert _named_participle_question(fact, said.format("QQQ"), "when") == ""
    # the name itself before its participle is still asked
    said = "La reforma se aprobó en el Concilio de Tarsia, celebrado el {}, que reunió a cien obispos."
    fact = sentence_fact(said.format("17 de mayo de 1054"), "17 de mayo de 1054", subtype="day")
    assert _named_participle_question(fact, said.format("QQQ"), "when") == "¿Cuándo se celebró el Concilio de Tarsia?"


def test_a_blank_in_a_second_clause_with_its_own_subject_is_not_asked_of_the_first():
    clause = (
        "La superficie se encuentra a unos 395 m sobre el mar, y la profundidad máxima, de 251 m, se registra en QQQ"
    )
    assert _invert("Dónde", clause, None) == ""


def test_a_date_then_a_bare_common_noun_and_its_verb_is_no_statement():
    from quizzes.generation.model import Question
    from quizzes.generation.ranking import publication_gate

    def gate(prompt: str) -> str:
        q = Question("q", "true_false", prompt, [], ["Verdadero"], [], "", [0])
        return publication_gate(q, {}, set())

    assert gate("Verdadero o falso: en 1991, las negociaciones comenzaron.") == "not_bare_clause"
    assert gate("Verdadero o falso: en junio de 1874, Nikola Osk llegó a Tarsia.") == ""
    assert gate("Verdadero o falso: el 20 de mayo de 1498, la expedición partió de Tarsia.") == ""


def test_a_verb_the_word_lists_miss_is_lowered_when_the_subject_goes_before_it():
    disc = discourse(
        "El canal de Tarsia (en velinio, Osk) es una vía de agua artificial de Velinia.",
        "Va de Berhof, al norte, a la ciudad de Tarsia, al sur, y mide unos 193 kilómetros.",
        names={0: ["Velinia"], 1: ["Berhof", "Tarsia"]},
        title="Canal de Tarsia",
    )
    said, problem = stand_alone(
        "Va de _____, al norte, a la ciudad de Tarsia, al sur, y mide unos 193 kilómetros.", 1, disc
    )
    assert problem or said.startswith("El canal de Tarsia va de _____"), said
    assert "Va de" not in said


def test_a_night_before_the_opening_date_still_leaves_the_verb_its_subject_to_find():
    disc = _life(
        "En 1912 conoció a Elena Berhof.",
        "En la noche del 22 al 23 de septiembre de 1912 redactó de una sola vez el relato La condena.",
    )
    said, problem = stand_alone(
        "En la noche del 22 al 23 de septiembre de _____ redactó de una sola vez el relato La condena.", 2, disc
    )
    assert problem or "Tadeo Osk redactó" in said, said
    assert not said.startswith("En la noche del 22 al 23 de septiembre de _____ redactó")


def test_a_work_of_the_other_gender_does_not_take_a_participles_phrase():
    disc = discourse(
        "El Osk (1504) es una escultura de mármol realizada por Tadeo Berhof.",
        "El traslado duró cuatro días, y la escultura fue presentada al público el 8 de septiembre de 1504.",
        names={0: ["Osk", "Tadeo Berhof"]},
        title="Osk",
    )
    said, _ = definite_reference("La escultura fue presentada al público el _____.", 1, disc)
    assert "El Osk fue presentada" not in said


def test_a_stage_of_what_the_text_is_about_is_said_of_it():
    disc = discourse(
        "La independencia de Velinia fue el proceso político por el cual Velinia se separó de Tarsia.",
        "Los orígenes del proceso se remontan a la invasión de Tarsia por las tropas de Osk en 1807.",
        names={0: ["Velinia", "Tarsia"], 1: ["Tarsia", "Osk"]},
        title="Independencia de Velinia",
    )
    said, problem = definite_reference(
        "Los orígenes del proceso se remontan a la invasión de Tarsia por las tropas de Osk en _____.", 1, disc
    )
    assert problem == "" and said.startswith("Los orígenes del proceso de la independencia de Velinia se remontan")
    # another process introduced before: which one is not guessed
    disc = discourse(
        "La independencia de Velinia fue el proceso político por el cual Velinia se separó de Tarsia.",
        "Antes hubo un proceso de reformas en Tarsia.",
        "Los orígenes del proceso se remontan a la invasión de Tarsia por las tropas de Osk en 1807.",
        names={0: ["Velinia", "Tarsia"], 1: ["Tarsia"], 2: ["Tarsia", "Osk"]},
        title="Independencia de Velinia",
    )
    said, _ = definite_reference(
        "Los orígenes del proceso se remontan a la invasión de Tarsia por las tropas de Osk en _____.", 2, disc
    )
    assert "independencia de Velinia" not in said


def test_a_plural_subject_defined_first_is_what_the_text_is_about():
    disc = discourse(
        "Los Osk (en velinio, Oska) son una región de manglares de Velinia.",
        "La India declaró la zona reserva de la biosfera en 1989.",
        names={0: ["Osk", "Velinia"], 1: ["India"]},
        title="Osk",
    )
    assert disc.document_subject() == "Los Osk"


def test_the_titles_own_name_is_not_given_another_persons_surname():
    from quizzes.generation.standalone import full_first_names

    disc = discourse(
        "Tarsia (1996-2003) fue una oveja de raza velinia.",
        "El nombre fue elegido en homenaje a la cantante Tarsia Osk.",
        "Tarsia murió en 2003.",
        names={0: ["Tarsia"], 1: ["Tarsia Osk"], 2: ["Tarsia"]},
        title="Oveja Tarsia",
    )
    assert full_first_names("Tarsia fue una oveja de raza _____.", disc) == "Tarsia fue una oveja de raza _____."


def test_a_singular_duration_goes_with_what_it_measures():
    from quizzes.generation.questions import _remove_temporal

    text = "Tarsia cayó en abril de 1826 tras casi un año de asedio, cuando sus defensores salieron."
    a = text.index("casi un año")
    start, end = _remove_temporal(text, a, a + len("casi un año"))
    assert "de asedio" not in (text[:start] + text[end:])


def test_a_names_head_before_its_number_is_a_split_name():
    from quizzes.generation.quality import name_split

    assert name_split("_____ 541 del Consejo de Seguridad declaró nula la proclamación.", "Resolución")
    assert not name_split("La Resolución 541 del _____ declaró nula la proclamación.", "Consejo de Seguridad")


def test_a_date_then_an_indefinite_noun_and_its_verb_is_no_statement_either():
    from quizzes.generation.model import Question
    from quizzes.generation.ranking import publication_gate

    q = Question(
        "q",
        "true_false",
        "Verdadero o falso: en 1904-1905, una primera limpieza parcial se realizó.",
        [],
        ["Verdadero"],
        [],
        "",
        [0],
    )
    assert publication_gate(q, {}, set()) == "not_bare_clause"


def test_a_name_said_alone_before_a_longer_one_is_no_first_name():
    from quizzes.generation.standalone import full_first_names

    disc = discourse(
        "Tarsia fue un programa de mensajería.",
        "En 2011, Velsoft anunció la compra de Tarsia.",
        "La competencia de Berhof y del propio Velsoft Teams redujo su importancia.",
        names={1: ["Velsoft", "Tarsia"], 2: ["Berhof", "Velsoft Teams"]},
        title="Tarsia",
    )
    assert full_first_names("En _____, Velsoft anunció la compra.", disc) == "En _____, Velsoft anunció la compra."


def test_a_null_subject_after_a_sentence_that_names_the_text_after_its_verb_is_not_guessed():
    disc = discourse(
        "Tarsia fue un programa de mensajería.",
        "En 2011, Velsoft anunció la adquisición de Tarsia por 8 500 millones de dólares.",
        "Desde 2013 sustituyó a Berhof Messenger.",
        names={1: ["Velsoft", "Tarsia"], 2: ["Berhof Messenger"]},
        title="Tarsia",
    )
    said, problem = stand_alone("Desde _____ sustituyó a Berhof Messenger.", 2, disc)
    assert "Velsoft sustituyó" not in said


def test_a_museums_opening_in_a_text_about_something_else_weighs_as_a_side_remark():
    opened = sentence_fact("Tarsia inauguró en 1999 el Museo del Eclipse, dedicado a la expedición.", "1999")
    fought = sentence_fact("Tarsia venció en 1999 a las tropas de Osk junto al río.", "1999")
    ex = _extraction()
    assert (
        fact_importance(opened, ex, heading="Eclipse de 1919")
        < 0.5
        <= fact_importance(fought, ex, heading="Eclipse de 1919")
    )
    # in the text of a museum its own opening is what it is about
    assert fact_importance(opened, ex, heading="Museo del Eclipse") >= 0.5


def test_a_guidebook_line_weighs_as_a_side_remark():
    tourism = sentence_fact(
        "Hoy Tarsia es el principal destino turístico de Velinia.", "Velinia", kind="place", subtype="country"
    )
    history = sentence_fact("En 1422 Tarsia fue conquistada por Velinia.", "Velinia", kind="place", subtype="country")
    ex = _extraction()
    assert fact_importance(tourism, ex, heading="Tarsia") < fact_importance(history, ex, heading="Tarsia")
