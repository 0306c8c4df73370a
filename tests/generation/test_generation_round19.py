"""Round 19: answers as students type them, and prompts that stand alone, tried on sentences of our own.

- another name everyone uses for the answer («la Gran Guerra» for «Primera Guerra Mundial», «Asia Menor» for
  «Anatolia») is accepted, both ways.
"""

from quizzes.generation import generate_bank
from quizzes.generation.lexicon import COMMON_ALIASES, common_aliases, fold


def _item(bank, answer):
    return next(q for q in bank.questions if q.correct == [answer] and q.kind == "short_answer")


def test_another_name_everyone_uses_is_accepted_both_ways():
    bank = generate_bank(
        "Ana Velin fue una enfermera de Kolm. "
        "Durante la Primera Guerra Mundial, Ana Velin organizó un hospital de campaña en Kolm. "
        "Tras la Gran Guerra, los turcos conservaron Anatolia."
    )
    assert "Gran Guerra" in _item(bank, "Primera Guerra Mundial").accepted
    assert "Asia Menor" in _item(bank, "Anatolia").accepted
    assert "Primera Guerra Mundial" in _item(bank, "Gran Guerra").accepted
    # a name of no group gets no other name
    assert not {"Gran Guerra", "Asia Menor"} & set(_item(bank, "Kolm").accepted)


def test_the_alias_groups_are_well_formed():
    # with or without its article, in any case: one group; no name in two groups; a name stands for itself only
    assert common_aliases("la ilustración") == ["Siglo de las Luces", "las Luces"]
    assert common_aliases("Finlandia") == []
    names = [fold(name) for group in COMMON_ALIASES for name in group]
    assert len(names) == len(set(names))
    assert all(len(group) >= 2 for group in COMMON_ALIASES)


def _papal_text(*, later: str):
    from .support import discourse

    return discourse(
        "A comienzos del siglo XIV, muchos fieles de Velin criticaban al clero.",
        "En aquellos años, el papa Clemente V trasladó la corte a Aviñón.",
        "En 1309, los cardenales lo siguieron.",
        later,
        names={1: ["Clemente V", "Aviñón"], 2: []},
    )


def test_a_post_is_not_given_a_holder_named_of_another_time():
    from quizzes.generation.standalone import role_reference

    # 1309 is the time of «el papa Clemente V» (the next year the text says); 1378 is another pope's
    disc = _papal_text(later="La orden de Velin fue aprobada por el papa en 1378.")
    stem = "La orden de Velin fue aprobada por el papa en 1378."
    assert role_reference(stem, 3, disc) == (stem, "")
    # asked the year, the prompt says neither holder nor time: which pope?
    assert role_reference("La orden de Velin fue aprobada por el papa en _____.", 3, disc)[1] == "anaphora"
    # said in the holder's time, the holder is named as before
    disc = _papal_text(later="La orden de Velin fue aprobada por el papa en 1311.")
    assert role_reference("La orden de Velin fue aprobada por el papa en _____.", 3, disc) == (
        "La orden de Velin fue aprobada por el papa Clemente V en _____.",
        "",
    )


def test_the_time_of_a_holder_runs_on_with_his_name():
    from quizzes.generation.standalone import role_reference

    from .support import discourse

    # a reign: the text names the tsar again in 1917, so the tsar of 1918 is still he (not a post taken by another)
    disc = discourse(
        "A comienzos del siglo XX, Velinia era gobernada por el zar Iván VII.",
        "Una revuelta, en 1905, obligó al zar a ceder.",
        "El 23 de febrero de 1917 estalló la huelga.",
        "Aislado, Iván VII abdicó el 2 de marzo.",
        "En julio de 1918, el zar fue fusilado en Kolm.",
        names={0: ["Velinia", "Iván VII"], 3: ["Iván VII"], 4: ["Kolm"]},
    )
    assert role_reference("En julio de _____, el zar fue fusilado en Kolm.", 4, disc) == (
        "En julio de _____, el zar Iván VII fue fusilado en Kolm.",
        "",
    )
    # an admiral is the same person years later: no time limit for a rank, which is no post that changes hands
    disc = discourse(
        "En 1340, el almirante veneciano Vettor Pisani llegó a Kolm.",
        "Los genoveses ocuparon el puerto de Kolm.",
        "El almirante murió en 1380 en Velin.",
        names={0: ["Vettor Pisani", "Kolm"], 1: ["Kolm"], 2: ["Velin"]},
    )
    assert role_reference("El almirante murió en _____ en Velin.", 2, disc) == (
        "El almirante Vettor Pisani murió en _____ en Velin.",
        "",
    )


def test_a_class_phrase_after_several_names_it_fits_is_held():
    from quizzes.generation.standalone import definite_reference

    from .support import discourse

    disc = discourse(
        "La revolución de Velin fue una revuelta de 1917.",
        "Por el tratado, Velin renunció a Norvalia, Kolmia y Ostrania.",
        "Ese mismo mes, la capital se trasladó de Kolm a Ostrava.",
    )
    disc.kinds = {1: [("Velin", "country"), ("Norvalia", "country"), ("Kolmia", "country"), ("Ostrania", "country")]}
    # four countries said: the capital of which? (it was «la capital de Ostrania», the last one said)
    said, problem = definite_reference("Ese mismo mes, la capital se trasladó de _____ a Ostrava.", 2, disc)
    assert problem == "anaphora"
    assert "Ostrania" not in said
    # one country said: its capital
    disc.kinds = {1: [("Norvalia", "country")]}
    said, problem = definite_reference("Ese mismo mes, la capital se trasladó de _____ a Ostrava.", 2, disc)
    assert (said, problem) == ("Ese mismo mes, la capital de Norvalia se trasladó de _____ a Ostrava.", "")


def test_a_plural_term_is_accepted_in_the_singular():
    from quizzes.generation.answers import number_forms

    assert number_forms("unicelulares") == ["unicelular"]
    assert number_forms("organismos unicelulares") == ["organismo unicelular"]
    assert number_forms("naciones") == ["nación"]
    assert number_forms("leyes") == ["ley"]
    # a singular, a word whose number the rule cannot tell, a name, or a long phrase: nothing
    for term in ("célula", "crisis", "análisis", "Renacimiento", "la división de poderes del Estado"):
        assert number_forms(term) == [], term
    bank = generate_bank(
        "Los organismos de Velin son muy variados. "
        "Algunos organismos, como las bacterias, están formados por una sola célula y se denominan unicelulares."
    )
    item = next(q for q in bank.questions if q.correct == ["unicelulares"] and q.kind == "short_answer")
    assert "unicelular" in item.accepted


def test_that_same_year_is_said_as_the_year_the_sentence_before_gives():
    from quizzes.generation.standalone import stand_alone

    from .support import discourse

    disc = discourse(
        "Ana Velin fue una pintora de Kolm.",
        "En 1953 expuso por primera vez en Kolm (su ciudad natal, fundada en 1203).",
        "Ese mismo año le concedieron la medalla de Velin.",
        "El alcalde de Velin inauguró un museo en Kolm el 10 de diciembre de ese año.",
    )
    said, problem = stand_alone("Ese mismo año le concedieron la medalla de _____.", 2, disc)
    assert said.startswith("En 1953, le concedieron la medalla de _____")
    said, problem = stand_alone(
        "El alcalde de Velin inauguró un museo en _____ el 10 de diciembre de ese año.", 3, disc, answer="Kolm"
    )
    assert said.endswith("el 10 de diciembre de 1953.")
    assert problem == ""
    # two years said before: which one? (left as it was, and held)
    disc = discourse(
        "Ana Velin nació en 1901 y expuso en Kolm en 1953.",
        "Ese mismo año le concedieron la medalla de Velin.",
    )
    said, problem = stand_alone("Ese mismo año le concedieron la medalla de _____.", 1, disc)
    assert "Ese mismo año" in said and problem == "demonstrative"
    # a year the sentence says itself is the one meant: nothing is written in
    disc = discourse("Ana Velin expuso en Kolm.", "En 1953 expuso en Velin y ese mismo año recibió la medalla de Kolm.")
    said, _ = stand_alone("En _____ expuso en Velin y ese mismo año recibió la medalla de Kolm.", 1, disc)
    assert "ese mismo año" in said


def test_a_compound_tense_with_haber_takes_the_subject_said_before():
    from quizzes.generation.standalone import stand_alone

    from .support import discourse

    disc = discourse(
        "Tomás Arnal fue un rey de Velin.",
        "Tomás Arnal tenía veinte años cuando sitió Kolm.",
        "En 1452 había mandado construir en la orilla del río la fortaleza de Ostrava.",
        names={0: ["Tomás Arnal", "Velin"], 1: ["Tomás Arnal", "Kolm"], 2: ["Ostrava"]},
    )
    said, problem = stand_alone(
        "En _____ había mandado construir en la orilla del río la fortaleza de Ostrava.", 2, disc, answer="1452"
    )
    assert problem == ""
    assert said.startswith("En _____ Tomás Arnal había mandado construir")
    # the existential «había» has no subject to find
    disc = discourse("Velin fue un reino.", "En 1452 había dos fortalezas en la orilla del río.")
    said, problem = stand_alone("En _____ había dos fortalezas en la orilla del río.", 1, disc, answer="1452")
    assert problem == "" and "Velin" not in said


def test_a_subject_the_parse_finds_inside_an_aside_is_the_phrase_before_it():
    from quizzes.generation.standalone import stand_alone

    from .support import discourse

    disc = discourse(
        "La Revuelta de Velin (en checo: Velinské jaro; en eslovaco: Velinská jar) fue un periodo de cambios de 1968.",
        "Comenzó con la llegada de Tomás Arnal a la dirección del Partido de Kolm.",
        names={0: ["Revuelta de Velin"], 1: ["Tomás Arnal", "Partido de Kolm"]},
    )
    said, problem = stand_alone("Comenzó con la llegada de Tomás Arnal a la dirección del _____.", 1, disc)
    assert (said, problem) == (
        "La Revuelta de Velin comenzó con la llegada de Tomás Arnal a la dirección del _____.",
        "",
    )


def test_a_bare_named_head_after_another_name_holding_it_is_held():
    from quizzes.generation.standalone import stand_alone

    from .support import discourse

    disc = discourse(
        "En mayo de 1810 llegó a Velin la noticia de la caída de la Junta Suprema de Kolm.",
        "El 25 de mayo de 1810 se formó la Primera Junta.",
        "La Junta envió expediciones militares a Ostrava.",
        names={0: ["Velin", "Junta Suprema de Kolm"], 1: ["Primera Junta"], 2: ["Junta", "Ostrava"]},
    )
    said, problem = stand_alone("La Junta envió expediciones militares a _____.", 2, disc, answer="Ostrava")
    assert "Suprema" not in said and problem
    # asked as the answer, «la Junta» is which one?
    _, problem = stand_alone("_____ envió expediciones militares a Ostrava.", 2, disc, answer="Junta")
    assert problem == "ambiguous_name"


def test_a_passive_se_before_a_possessive_phrase_takes_no_subject_and_the_owner_goes_after_the_noun():
    from quizzes.generation.standalone import stand_alone

    from .support import discourse

    disc = discourse(
        "El Banco de Velin es una institución de Kolm.",
        "El Banco de Velin fijó los tipos de interés en 2011.",
        "En 2015 se inauguró su nueva sede en el barrio de Ostrava.",
        names={0: ["Banco de Velin", "Kolm"], 1: ["Banco de Velin"], 2: ["Ostrava"]},
    )
    said, problem = stand_alone("En _____ se inauguró su nueva sede en el barrio de Ostrava.", 2, disc, answer="2015")
    assert "Banco de Velin se inauguró" not in said and "la nueva del" not in said
    assert problem or said == "En _____ se inauguró la nueva sede del Banco de Velin en el barrio de Ostrava."


def test_a_verb_left_without_the_date_it_had_is_a_broken_stem():
    from quizzes.generation.quality import stem_break

    sentence = "Las obras comenzaron el 28 de enero de 1887 y terminaron el 31 de marzo de 1889, tras dos años."
    assert stem_break("Las obras comenzaron y terminaron el 31 de marzo de _____.", sentence) == "stranded_verb"
    # a list of the sentence joined by «y» is whole
    listed = "En 1536, Manco Inca se rebeló, reunió un gran ejército y sitió Cuzco durante casi un año."
    assert stem_break("En _____, Manco Inca se rebeló y reunió un gran ejército.", listed) == ""


def test_a_question_ending_on_a_second_verb_is_not_asked():
    bank = generate_bank(
        "La torre de Velin es una torre de hierro de Kolm. "
        "Las obras comenzaron el 28 de enero de 1887 y terminaron el 31 de marzo de 1889, tras dos años, dos meses y "
        "cinco días de trabajo."
    )
    for q in bank.questions:
        assert not q.prompt.rstrip().endswith("y terminaron?"), q.prompt
        assert "comenzaron y terminaron" not in q.prompt or q.status != "published", q.prompt


def test_brackets_inside_a_word_are_part_of_the_name():
    bank = generate_bank(
        "El Banco de Velin es una institución de Kolm. "
        "En 2015 se inauguró la sede del Banco de Velin, diseñada por el estudio austriaco Coop Himmelb(l)au."
    )
    stems = [q.prompt for q in bank.questions if "diseñada por" in q.prompt]
    assert stems and all("Himmelbau" not in s for s in stems), stems


def test_of_two_published_items_of_a_sentence_one_saying_the_others_figure_the_weaker_goes():
    from quizzes.generation.model import Question
    from quizzes.generation.ranking import _drop_said_figures

    def item(key, kind, prompt, correct, sentence=4):
        return Question(key, kind, prompt, ["f"], correct, [], "", [sentence])

    numeric = item("n", "numeric", "La Carta de Velin estableció _____ órganos principales.", ["6"])
    statement = item("t", "true_false", "Verdadero o falso: la Carta de Velin estableció seis órganos principales.", [])
    statement.correct = ["Verdadero"]
    other = item("o", "true_false", "Verdadero o falso: la Carta de Velin se firmó en Kolm.", ["Verdadero"])
    elsewhere = item("e", "true_false", "Verdadero o falso: Velin tuvo seis reyes.", ["Verdadero"], sentence=9)
    ranks = {"n": 1, "t": 0, "o": 2, "e": 3}  # the lower, the better

    def score(q):
        return (ranks[q.key], q.key)

    chosen = {"n", "t", "o", "e"}
    _drop_said_figures([numeric, statement, other, elsewhere], chosen, score)
    # the statement says «seis»: the weaker of the two goes; an item that says no figure, or another sentence's, stays
    assert chosen == {"t", "o", "e"}


def test_a_place_the_text_locates_by_another_is_a_minor_fact():
    from quizzes.generation.ranking import trivia_penalty

    from .support import sentence_fact

    def place(sentence, answer):
        return sentence_fact(sentence, answer, "place", "locality", key="p")

    for sentence in (
        "Ana Velin murió en un hospital de Kolmberg, cerca de Nueva York.",
        "Ana Velin murió en Kolmberg, a 20 km al norte de Velin.",
        "Ana Velin murió en Kolmberg, al sur de Velin.",
    ):
        assert trivia_penalty(place(sentence, "Kolmberg")) > 0, sentence
    for sentence in ("Ana Velin murió en Kolmberg en 1957.", "Ana Velin murió en Kolmberg, cerca de su casa."):
        assert trivia_penalty(place(sentence, "Kolmberg")) == 0, sentence
