"""Round 6 (recall): kinds of facts the generator used to miss, each a general Spanish rule (sentences of our own)."""

from quizzes.generation import generate_bank, nlp
from quizzes.generation.facts import find_quantities, find_said_terms
from quizzes.generation.relations import find_definition, find_relations
from quizzes.generation.standalone import Discourse
from quizzes.generation.text import Sentence, split_sentences


def said(text: str) -> list[tuple[str, str]]:
    return [(s.subtype, s.text) for s in find_said_terms(text, [], nlp.parse(text))]


def asked(text: str) -> dict[str, set[str]]:
    """The answers of the bank's facts that have at least one item, by subtype."""
    bank = generate_bank(text)
    keys = {k for q in bank.questions for k in q.fact_keys}
    out: dict[str, set[str]] = {}
    for f in bank.facts:
        if f.key in keys:
            out.setdefault(f.subtype, set()).add(f.answer)
    return out


def test_an_illness_someone_died_of_or_suffered_is_a_fact():
    assert said("El pintor murió de fiebre tifoidea en su casa.") == [("illness", "fiebre tifoidea")]
    assert said("Enfermo de gota, dejó el trono a su hijo.") == [("illness", "gota")]
    assert said("Una epidemia de cólera diezmó la ciudad.") == [("illness", "cólera")]
    # Not a cause of death: an adverbial phrase after the verb.
    assert said("El rey enfermó de gravedad durante el viaje.") == []


def test_a_quoted_saying_a_century_and_a_fraction_in_words_are_facts():
    assert said("Los rebeldes gritaban «tierra y libertad» en cada pueblo.") == [("quotation", "tierra y libertad")]
    assert said("La novela «Cien años de soledad» se publicó en 1967.") == []  # a title: a name, not a saying
    assert said("La ciudad creció a finales del siglo XIX.") == [("century", "finales del siglo XIX")]
    assert said("El puerto recibía una cuarta parte del comercio.") == [("fraction", "una cuarta parte")]


def test_a_count_of_a_common_noun_written_with_a_capital():
    found = [q.text for q in find_quantities("La liga reunía 21 Estados independientes.", [])]
    assert found == ["21 Estados"]
    # A number word before a capital is part of a name («la guerra de los Siete Años»).
    assert find_quantities("Luchó en la guerra de los Siete Años.", []) == []


def test_a_fronted_como_clause_is_a_cause_asked_as_a_cloze():
    text = "Como el puerto estaba cerrado por el hielo, los barcos esperaron en la bahía."
    rel = find_relations(Sentence(index=0, text=text, start=0, end=len(text)))
    assert [(r.text(r.cause), r.text(r.effect)) for r in rel] == [
        ("el puerto estaba cerrado por el hielo", "los barcos esperaron en la bahía")
    ]
    # «Como consecuencia de…» is a marker of another kind, «Como X» without a verb a comparison.
    other = "Como respuesta, el rey cerró el puerto de la ciudad."
    assert find_relations(Sentence(index=0, text=other, start=0, end=len(other))) == []
    bank = generate_bank("El puerto de Ancona era pequeño. " + text)
    cloze = [q for q in bank.questions if "relation:cause" in q.notes and q.kind == "short_answer"]
    assert [q.prompt for q in cloze] == ["Como _____, los barcos esperaron en la bahía."]
    assert all(q.status == "draft" for q in cloze)  # a clause is no typed answer


def _disc(text: str) -> tuple[Discourse, list[Sentence]]:
    sentences = split_sentences(text)
    return Discourse(sentences=sentences, title=""), sentences


def test_a_copula_without_its_subject_is_said_of_the_subject_before():
    disc, sentences = _disc(
        "El lago Ness es un lago de agua dulce de Escocia. Con unos 37 km de largo, es el lago más famoso del país."
    )
    d = find_definition(sentences[1], None, disc)
    assert (d.term_text(), d.text(d.predicate), d.subtype) == (
        "El lago Ness",
        "el lago más famoso del país",
        "identity",
    )
    # Without the document no subject is guessed.
    assert find_definition(sentences[1]) is None


def test_a_definite_phrase_said_to_be_another_is_an_identity():
    disc, sentences = _disc(
        "La sequía castigó la región durante años. Hoy la principal amenaza para los campos es la erosión, causada "
        "por el viento. El gran invento de Gutenberg fue usar tipos móviles de metal y venderlos."
    )
    d = find_definition(sentences[1], None, disc)
    assert (d.term_text(), d.text(d.predicate)) == ("la principal amenaza para los campos", "la erosión")
    d = find_definition(sentences[2], None, disc)
    assert d.text(d.predicate) == "usar tipos móviles de metal y venderlos"
    # The copula agrees with its subject (or, inverted, with a plural predicate): not «Los romanos fue un pueblo».
    disc, sentences = _disc("Los romanos fue un pueblo de Italia.")
    assert find_definition(sentences[0], None, disc) is None


def test_new_facts_have_items_that_stay_drafts():
    text = (
        "Juana Pérez fue una poeta chilena del siglo XIX. Enferma de tuberculosis, dejó la capital en 1880. "
        "Sus versos repetían «el mar no olvida» como un lema."
    )
    found = asked(text)
    assert found["illness"] == {"tuberculosis"}
    assert found["century"] == {"siglo XIX"}
    assert found["quotation"] == {"el mar no olvida"}
    bank = generate_bank(text)
    new = {f.key for f in bank.facts if f.subtype in {"illness", "quotation"}}
    assert all(q.status == "draft" for q in bank.questions if set(q.fact_keys) & new)


def test_a_century_is_accepted_as_people_type_it():
    bank = generate_bank("La fábrica de Sabadell abrió a comienzos del siglo XIX. El barrio creció en el siglo XIV.")
    typed = {
        q.correct[0]: set(q.accepted) for q in bank.questions if q.kind == "short_answer" and "siglo" in q.correct[0]
    }
    assert {"XIV", "siglo 14", "s. XIV"} <= typed["siglo XIV"]
    assert "comienzos del siglo 19" in typed["comienzos del siglo XIX"]
    assert "XIX" not in typed["comienzos del siglo XIX"]  # the period is not the whole century


def objects(text: str) -> list[str]:
    from quizzes.generation.facts import find_object

    return [s.text for s in find_object(text, [], nlp.parse(text))]


def test_who_did_what_the_object_of_a_named_or_elided_subject():
    assert objects("El ingeniero Pedro Lucas propuso un sistema de riego por goteo.") == [
        "un sistema de riego por goteo"
    ]
    assert objects("Ese año le amputaron la mano izquierda por debajo del codo.") == ["la mano izquierda"]
    # Cut before a relative or a purpose clause.
    assert objects("Ana Ruiz fundó una escuela de música, que dirigió hasta su muerte.") == ["una escuela de música"]
    # Not of a common subject, not a bare noun or a phrase that points back, not a figure.
    assert objects("Muchos campesinos vendieron sus tierras de cultivo.") == []
    assert objects("Pedro Lucas vendió la casa.") == []
    assert objects("Pedro Lucas vendió esa casa de campo.") == []
    assert objects("Pedro Lucas compró 300 hectáreas de viñedo.") == []


def test_where_a_process_happens_and_what_it_gives():
    assert said("La digestión ocurre en el intestino delgado.") == [("process", "el intestino delgado")]
    assert said("El hielo se convierte en vapor y se libera calor.") == [("process", "vapor"), ("process", "calor")]
    assert said("La batalla tuvo lugar en Bailén.") == []  # a named place is an entity


def test_lists_whose_members_carry_an_aside_or_repeat_de():
    def lists(text: str) -> list[list[str]]:
        from quizzes.generation.facts import find_key_terms

        return [s.members for s in find_key_terms(text, [], nlp.parse(text)) if s.subtype == "enumeration"]

    assert lists("Se hallaron el cobre, en 1820, el estaño, en 1831, y el plomo, en 1840.") == [
        ["el cobre", "el estaño", "el plomo"]
    ]
    assert lists("La comarca vivía de la pesca y de la sal.") == []  # articles: not the bare «de X y de Y»
    assert lists("La región tenía minas de cobre y de plata.") == [["cobre", "plata"]]


def test_a_restatement_what_a_thing_is_made_of_and_the_means_of_a_named_subject():
    assert said("El quinoto es un cítrico, es decir, una fruta de la familia del limón.") == [
        ("restatement", "una fruta de la familia del limón")
    ]
    assert said("La atmósfera, una capa formada por el nitrógeno y el oxígeno, rodea la Tierra.") == [
        ("composition", "el nitrógeno y el oxígeno")
    ]
    # The means, after «con» (the bare object «la imprenta» says too little to ask).
    assert objects("Gutenberg mejoró la imprenta con un molde de letras móviles.") == ["un molde de letras móviles"]
