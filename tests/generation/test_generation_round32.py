"""Round 32: what fresh texts showed at first sight, tried on our own sentences.

- «¿En qué año nació José Calderón en Madrid?»: a bare surname given the whole name of a brother, in a text that names
  «Pedro Calderón de la Barca» too;
- «la elección directa del presidente de la Asamblea Constituyente», «el tribunal supremo de la región del Périgord»:
  a post or a place said bare given the complement of another paragraph (false facts);
- «el nombre alemán de la ciudad de Tallin» of a text on the University of Tartu, after «Tartu… Pärnu»;
- «Desde _____ en la Quinta Escuela…, ciudad en la que se casó…», «La Ley Áurea, firmada…, que abolió la
  esclavitud.»: no main verb;
- «¿En qué año aparecieron Botchan, inspirada en…?» without its «y Almohada de hierba»;
- «se desarrollaron del 4 de julio de _____.» without its «al 26 de octubre de 1825»;
- «Cuando, tras el levantamiento jacobita de _____, se construyó…»: a clause cut off its main one;
- «al filtrarse por el material y disolvía…»: a gerund aside joined as a member;
- «¿En qué año estrenó … «el avaro»?»: a title in quotes lowered;
- «la constitución de Brasil de 1988»: the document's name lowered for its digits;
- «la sonda», «el órgano», «el emperador» said bare where the text says which;
- «Hacia _____ se trasladó…», «A comienzos de la década de _____ se instaló…»: a pronominal verb without its subject;
- «figuran _____ un gato, Botchan y Kokoro» → «Soy»: a verb of a title taken for a name.
"""

from quizzes.generation import generate_bank
from quizzes.generation.nlp import parse
from quizzes.generation.pointing import without_finite_verb
from quizzes.generation.questions import _join_cut_series, _list_cut_short, _opens_subordinate, _range_cut
from quizzes.generation.standalone import (
    _clause_start,
    _document_names,
    definite_reference,
    role_reference,
    stand_alone,
)

from .support import discourse


def _published(text: str) -> list[str]:
    return [q.prompt for q in generate_bank(text).questions if q.status == "published"]


def _prompts(text: str) -> list[str]:
    return [q.prompt for q in generate_bank(text).questions]


def test_a_bare_surname_is_not_given_a_brother_s_whole_name():
    disc = discourse(
        "La Osk es una comedia del dramaturgo tarsio Pedro Kolmer de la Barca.",
        "Kolmer nació en Berhof en 1600.",
        "La obra se imprimió en 1636, reunida por su hermano José Kolmer.",
        names={0: ["Pedro Kolmer de la Barca"], 1: ["Kolmer", "Berhof"], 2: ["José Kolmer"]},
        title="La Osk",
    )
    said, _problem = stand_alone("Kolmer nació en Berhof en _____.", 1, disc, blank="_____")
    assert "José" not in said


def test_a_post_said_bare_takes_no_complement_from_another_paragraph():
    text = (
        "Constitución de Tarsia\n\n"
        "La Constitución de Tarsia fue aprobada en 1988 por una asamblea. "
        "El presidente de la Asamblea Constituyente, Velin Osk, la llamó «Constitución Ciudadana».\n\n"
        "En 1984, la campaña Berhof reunió a millones de personas para exigir la elección directa del presidente. "
        "La enmienda fue rechazada en abril de ese año."
    )
    assert not any("presidente de la Asamblea" in p and "Berhof" in p for p in _prompts(text))


def test_a_town_said_bare_after_towns_the_gazetteers_do_not_know_is_not_an_older_city():
    disc = discourse(
        "La Universidad de Karst es la más antigua de Velinia.",
        "Su primer rector llegó desde Tallin en 1630.",
        "Reabierta en Karst en 1690, en 1699 se trasladó a Osk, donde dejó de funcionar.",
        "En 1802, el zar Alejandro I restableció la universidad con el nombre de Dorpat, el nombre alemán de la ciudad.",
        title="Universidad de Karst",
    )
    disc.kinds = {1: [("Tallin", "city")], 2: [("Karst", "locality"), ("Osk", "locality")]}
    stem = "En _____, el zar Alejandro I restableció la universidad con el nombre de Dorpat, el nombre alemán de la ciudad."
    said, problem = definite_reference(stem, 3, disc)
    assert "Tallin" not in said and problem == "anaphora"


def test_a_statement_whose_only_verbs_are_a_relative_s_has_no_main_verb():
    assert without_finite_verb(
        parse("Desde 1896 en la Quinta Escuela Superior de Kumamoto, ciudad en la que se casó con Nakane Kyōko.")
    )
    assert without_finite_verb(
        parse("La Ley Áurea, firmada por la princesa Isabel el 13 de mayo de 1888, que abolió la esclavitud.")
    )
    assert not without_finite_verb(parse("La Ley Áurea, firmada por la princesa Isabel en 1888, abolió la esclavitud."))
    # a short list item with no comma: «Un pastel de 1895 que pertenece a una colección privada.»
    assert without_finite_verb(parse("Un pastel de 1895 que pertenece a una colección privada."))
    assert not without_finite_verb(parse("Un pastel de 1895 pertenece a una colección privada."))


def test_a_series_cut_before_its_named_last_member_is_cut_short():
    sentence = "En 1906 aparecieron Osk, inspirada en sus años de Berhof, y Almohada de Karst (Velin)."
    assert _list_cut_short("En _____ aparecieron Osk, inspirada en sus años de Berhof.", sentence)
    assert _list_cut_short("En 1906 aparecieron Osk, inspirada en sus años de _____.", sentence, "Berhof")
    # a clause after «y» is no member: the cut may leave it
    clause = "En 1906 apareció Osk, inspirada en sus años de Berhof, y Karst la tradujo al inglés."
    assert not _list_cut_short("En _____ apareció Osk, inspirada en sus años de Berhof.", clause)


def test_a_range_of_days_cut_before_its_end():
    sentence = (
        "Las obras se desarrollaron del 4 de julio de 1817, cuando se iniciaron en Osk, al 26 de octubre de 1825."
    )
    assert _range_cut("Las obras del canal de Karst se desarrollaron del 4 de julio de _____.", sentence)
    assert not _range_cut(
        "Las obras se desarrollaron del 4 de julio de 1817, cuando se iniciaron en Osk, al 26 de octubre de _____.",
        sentence,
    )


def test_a_stem_that_opens_with_a_subordinate_clause_lost_its_main_one():
    sentence = (
        "Su deterioro se aceleró hacia 1750, cuando, tras el levantamiento de Osk de 1745, se construyó una carretera."
    )
    assert _opens_subordinate("Cuando, tras el levantamiento de Osk de _____, se construyó una carretera.", sentence)
    assert not _opens_subordinate(
        "Cuando Osk murió en _____, Berhof heredó el trono.", "Cuando Osk murió en 1745, Berhof heredó el trono."
    )


def test_a_gerund_aside_before_the_last_member_is_not_joined_by_y():
    sentence = (
        "Un equipo comprobó que el agua, al filtrarse por el material, disolvía la ceniza y favorecía los minerales."
    )
    stem = "Un equipo comprobó que el agua, al filtrarse por el material, disolvía la ceniza."
    assert _join_cut_series(stem, sentence) == stem


def test_a_title_in_quotes_keeps_its_capital_in_a_question():
    text = (
        "Teatro de Tarsia\n\n"
        "El teatro de Tarsia nació en el siglo XIX en Osk. "
        "Además, en 1847 Velin Berhof estrenó en Osk «El avaro», inspirada en una comedia de Karst."
    )
    asked = [p for p in _prompts(text) if p.startswith("¿") and "avaro" in p]
    assert asked and all("«El avaro»" in p for p in asked), asked


def test_the_document_s_name_keeps_the_capital_the_text_gives_it():
    disc = discourse(
        "La Constitución de la República de Tarsia de 1988 es la ley fundamental de Tarsia.",
        "El Tribunal de Osk vela por el cumplimiento de la Constitución.",
        title="Constitución de Tarsia de 1988",
    )
    assert ("constitucion", False, "Constitución de Tarsia de 1988") in _document_names(disc)


def test_the_class_of_the_title_said_bare_is_named():
    text = (
        "Osk (sonda espacial)\n\n"
        "Osk es una sonda espacial de Tarsia que estudia el clima de Marte. "
        "Fue construida en Velinia. "
        "En 2020, la sonda fue lanzada desde el centro espacial de Berhof."
    )
    assert any("la sonda Osk fue lanzada" in p for p in _prompts(text))


def test_an_opening_that_defines_by_the_definite_article_names_its_class_later():
    text = (
        "Tribunal de Osk\n\n"
        "El Tribunal de Osk es el órgano encargado de velar por la Constitución de Tarsia. "
        "Fue creado tras las protestas de 1987. "
        "El órgano comenzó a funcionar el 1 de septiembre de 1988."
    )
    prompts = _prompts(text)
    assert any("Tribunal de Osk" in p and "funcionar" in p for p in prompts)
    assert not any("el órgano" in p.lower() and "funcionar" in p for p in prompts)


def test_a_post_with_a_verb_after_it_gets_its_holder():
    disc_sentences = (
        "El Muro de Osk es una fortificación de Tarsia.",
        "La obra debe su nombre al emperador Adriano, que gobernó entre 117 y 138.",
        "En 122, el emperador visitó Berhof y ordenó levantar una barrera.",
    )
    disc = discourse(*disc_sentences, title="Muro de Osk")
    said, problem = role_reference("En _____, el emperador visitó Berhof.", 2, disc)
    assert problem == "" and "el emperador Adriano visitó" in said
    # an adjective between is no verb: the sentence names the holder itself
    disc = discourse(*disc_sentences[:2], "En 122, el emperador tarsio Karst visitó Berhof.", title="Muro de Osk")
    said, problem = role_reference("En _____, el emperador tarsio Karst visitó Berhof.", 2, disc)
    assert "Adriano" not in said


def test_a_pronominal_verb_after_a_fronted_phrase_takes_the_person_s_name():
    text = (
        "Velin Osk\n\n"
        "Velin Osk fue un escritor tarsio. "
        "Nació en Berhof en 1539. "
        "Hacia 1591 se trasladó a la ciudad de Karst, donde pasó el resto de su vida. "
        "A comienzos de la década de 1600 se instaló con su familia en Tarsia."
    )
    for p in _prompts(text):
        assert not p.startswith("Hacia _____ se"), p
        assert not p.startswith("A comienzos de la década de _____ se"), p


def test_a_clause_after_a_range_gets_its_subject_or_waits():
    text = (
        "Velin Osk\n\n"
        "Velin Osk fue un novelista tarsio. "
        "Para aliviar su tensión empezó a escribir ficción, y entre 1905 y 1906 publicó por entregas la novela Karst."
    )
    assert not any(p.startswith("Entre _____ publicó") for p in _published(text))
    # (a range opens the clause as a date does: the verb after it is looked at for its subject)
    assert _clause_start("Entre _____ publicó por entregas la novela Karst.", "_____") > 0
    assert _clause_start("A comienzos de la década de _____ se instaló en Karst.", "_____") > 0


def test_a_verb_that_opens_a_title_is_not_a_name():
    bank = generate_bank(
        "Velin Osk\n\nVelin Osk fue un novelista tarsio. Entre sus novelas más conocidas figuran Soy un gato, Karst y Berhof."
    )
    assert not any(q.correct == ["Soy"] for q in bank.questions)


def test_a_true_statement_with_no_date_or_figure_is_not_published():
    text = (
        "Valle de Osk\n\n"
        "El valle de Osk es una depresión fértil de Tarsia rodeada de montañas. "
        "La historia del valle de Osk está ligada a las rutas comerciales entre Velinia y Karst. "
        "En 1493 nació en Berhof el príncipe Karst, fundador de una dinastía. "
        "En 1876 el valle fue anexionado por Velinia. "
        "En 1991 el valle quedó repartido entre tres Estados independientes."
    )
    undated = [
        q
        for q in generate_bank(text).questions
        if q.kind == "true_false" and q.correct == ["Verdadero"] and not any(c.isdigit() for c in q.prompt)
    ]
    assert undated, "the bank states the valley's history as a true statement"
    for q in undated:
        assert q.status == "draft" and "tf_anchored" in q.checks_failed, q.prompt


def test_an_adjective_before_its_noun_after_conocido_como_is_no_term():
    from quizzes.generation.facts import find_key_terms

    text = "Velin Osk es conocido como el principal arquitecto de la Constitución de Tarsia."
    assert not any(text[s.start : s.end] == "principal" for s in find_key_terms(text, [], None))
    named = "La enfermedad es conocida como pororoca en la región."
    assert any(named[s.start : s.end] == "pororoca" for s in find_key_terms(named, [], None))


def test_a_person_given_back_as_subject_keeps_the_article_the_text_says():
    from quizzes.generation.standalone import _said_article

    disc = discourse(
        "Gómez Suárez, conocido como el Inca Velin Osk, fue un escritor tarsio.",
        "Hacia 1591 se trasladó a la ciudad de Karst.",
        title="Inca Velin Osk",
    )
    assert _said_article("Inca Velin Osk", disc) == "el Inca Velin Osk"
    assert _said_article("Gómez Suárez", disc) == "Gómez Suárez"
    # a one-word name after an article is a stage of it: «la Grecia clásica», «el Rembrandt maduro»
    disc = discourse("En la Grecia clásica circuló la dracma.", "Grecia adoptó el euro en 2002.", title="Dracma")
    assert _said_article("Grecia", disc) == "Grecia"


def test_what_a_thing_has_is_not_given_to_the_last_subject_of_a_text_about_a_thing():
    disc = discourse(
        "La Convención de Osk es un tratado internacional que regula el uso de los océanos.",
        "Tarsia no reconoció el laudo del tribunal arbitral.",
        "Su marco se amplió en junio de 2023 con un acuerdo sobre la alta mar.",
        names={0: ["Convención de Osk"], 1: ["Tarsia"], 2: []},
        title="Convención de Osk",
    )
    said, problem = stand_alone("Su marco se amplió en junio de _____ con un acuerdo sobre la alta mar.", 2, disc)
    assert "de Tarsia" not in said and problem == "possessive"


def test_a_prompt_that_opens_with_an_adding_adverb_is_not_published():
    from quizzes.generation.model import Question
    from quizzes.generation.ranking import publication_gate

    def item(prompt: str) -> Question:
        return Question("q", "short_answer", prompt, [], ["Harvard"], [], "", [0])

    assert publication_gate(item("Además de edificios, Osk diseñó muebles y enseñó en la de _____."), {}, set()) == (
        "not_opening_adverb"
    )
    assert publication_gate(item("Osk diseñó muebles y enseñó en la universidad de _____."), {}, set()) == ""
