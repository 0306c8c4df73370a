"""Stems whole around «entre A y B» pairs, a list member said with its preposition again, and asides naming a thing
in another language (judged «enunciado roto» / «ambiguo»).

Sentences invented for these tests (not from the seed or the corpus).
"""

from quizzes.generation import generate_bank
from quizzes.generation.quality import foreign_aside, list_member, pair_cut
from quizzes.generation.relations import find_definition
from quizzes.generation.text import Sentence

WAR = (
    "La guerra de los Siete Mares\n\n"
    "La guerra de los Siete Mares fue un enfrentamiento entre el Reino de Valdoria y la República de Ostmar, que se "
    "libró entre 1712 y 1719 por el control de los estrechos. "
    "La Restauración Kanto (en japonés: Kanto Ishin) fue un periodo de reformas que comenzó en 1866. "
    "La reforma agraria de Kanto (Chiso Kaisei) se aprobó en 1873 y fijó un impuesto en dinero sobre la tierra. "
    "Lisburgo era uno de los puertos más ricos gracias al comercio con Valdoria y con Asia."
)


def sent(text: str) -> Sentence:
    return Sentence(index=0, text=text, start=0, end=len(text))


# --- «entre A y B» is one thing: never cut to its first member -------------------------------------------------


def test_a_definition_keeps_both_members_of_its_pair():
    d = find_definition(sent("La guerra del Norte fue un conflicto entre Valdoria y Ostmar, que duró diez años."))
    assert d.text(d.predicate) == "un conflicto entre Valdoria y Ostmar"
    d = find_definition(sent("La liga fue una alianza entre la ciudad de Brena y el Reino de Ostmar."))
    assert d.text(d.predicate) == "una alianza entre la ciudad de Brena y el Reino de Ostmar"
    # A «y» that opens another clause still ends the predicate where no «entre» waits for its partner.
    d = find_definition(sent("El Vardo es un río de Ostmar y nace en los montes Grises."))
    assert d.text(d.predicate) == "un río de Ostmar"


def test_a_pair_cut_to_its_first_member_is_broken():
    s = "La guerra fue un enfrentamiento entre el Reino de Valdoria y la República de Ostmar, que duró siete años."
    assert pair_cut("La guerra fue un enfrentamiento entre _____.", s, ["Reino de Valdoria"])
    assert pair_cut("La guerra fue un enfrentamiento entre _____, que duró siete años.", s, ["Reino de Valdoria"])
    assert pair_cut("Verdadero o falso: la guerra fue un enfrentamiento entre el Reino de Valdoria.", s, ["Verdadero"])
    # Whole: the pair asked, or one member beside the other as the sentence says it.
    assert not pair_cut("La guerra fue un enfrentamiento entre _____.", s, ["el Reino de Valdoria y la República"])
    assert not pair_cut(
        "La guerra fue un enfrentamiento entre _____ y la República de Ostmar.", s, ["Reino de Valdoria"]
    )
    s2 = "El tratado se firmó entre Francia, Valdoria y Ostmar en 1720."
    assert not pair_cut("El tratado se firmó entre _____, Valdoria y Ostmar en 1720.", s2, ["Francia"])
    # «entre» that is no pair of the sentence («entre ellos», a count) is not read as one.
    s3 = "Se reparte entre siete países de la región."
    assert not pair_cut("Se reparte entre _____ países de la región.", s3, ["7"])


def test_no_item_of_a_cut_pair_is_published():
    bank = generate_bank(WAR)
    for q in bank.questions:
        asked = q.kind in {"short_answer", "single_choice"} and "entre _____" in q.prompt
        if asked and " y " not in q.correct[0] and "entre _____ y" not in q.prompt:
            assert q.status != "published"
    definitions = [q for q in bank.questions if "relation:definition" in q.notes and "Siete Mares" in q.prompt]
    assert definitions
    assert not any(q.prompt.rstrip(".").endswith("Reino de Valdoria") for q in definitions)
    assert not any(c.endswith("Reino de Valdoria") for q in definitions for c in q.correct)


# --- «con _____ y con Asia»: a member of a list said with its preposition again ----------------------------------


def test_a_member_with_its_preposition_repeated_is_a_list_member():
    assert list_member("Lisburgo comerciaba con _____ y con Asia.")
    assert list_member("Lisburgo comerciaba con Valdoria y con _____.")
    assert list_member("Llegaron barcos de _____ y de la India.")
    assert not list_member("Lisburgo comerciaba con _____ desde 1500.")


# --- An aside in another language stays out of stems and answers ------------------------------------------------


def test_a_foreign_aside_is_found():
    assert foreign_aside("La Restauración Kanto (en japonés: Kanto Ishin) fue un periodo de reformas.")
    assert foreign_aside("El río (en griego antiguo: Ἴστρος) nace en los montes.")
    assert foreign_aside("Ἴστρος")
    assert foreign_aside("La ciudad de Ulmar (en alemán, Ulm) está a orillas del río.")
    assert not foreign_aside("La Restauración Kanto fue un periodo de reformas que comenzó en 1866.")
    assert not foreign_aside("La Organización de Estados del Norte (OEN) se fundó en 1950.")
    assert not foreign_aside("El puente (de 200 metros) se terminó en 1900.")


def test_a_definition_asks_its_term_without_the_aside():
    d = find_definition(sent("La Restauración Kanto (明治維新, Kanto Ishin) fue un periodo de reformas políticas."))
    assert d.term_text() == "La Restauración Kanto"
    d = find_definition(sent("La Restauración Kanto (en japonés: Kanto Ishin) fue un periodo de reformas."))
    assert d.term_text() == "La Restauración Kanto"


def test_no_item_showing_a_foreign_aside_is_published():
    bank = generate_bank(WAR)
    for q in bank.questions:
        if "(en japonés" in q.prompt or "Kanto Ishin" in " ".join(q.correct):
            assert q.status != "published" and "no_foreign_aside" in q.checks_failed
    assert not any("(" in q.prompt.replace("(Escriba", "") for q in bank.questions if q.status == "published")
    assert any(q.prompt == "¿Qué fue la Restauración Kanto?" for q in bank.questions)


def test_a_class_and_its_member_do_not_lend_each_other_a_false_definition():
    from quizzes.generation.relations import _other_thing

    member = find_definition(sent("El puente de Ulmar es una obra de ingeniería medieval."))
    generic = find_definition(sent("Un puente es una estructura que salva un río o un valle."))
    other = find_definition(sent("La muralla de Ulmar es un recinto defensivo del siglo XII."))
    assert not _other_thing(generic, member.term_text(), None)
    assert not _other_thing(member, generic.term_text(), None)
    assert _other_thing(other, member.term_text(), None)


# --- A name's tail is no name: «es Puerto del Sol, admitido en…» is not asked as «¿… se admitió el Sol?» -----------


def test_a_participle_after_a_longer_name_is_not_asked_of_its_tail():
    bank = generate_bank(
        "La liga de los puertos\n\n"
        "El miembro más reciente de la liga es Puerto del Sol, admitido en julio de 2011, pocos días después de su "
        "independencia."
    )
    assert not any("el Sol?" in q.prompt for q in bank.questions)


# --- «italiano de _____» for «italiano del Renacimiento»: the typed blank keeps the contraction -------------------


def test_a_typed_name_said_with_del_keeps_the_contraction():
    bank = generate_bank(
        "Tomás Vireo fue un pintor florentino del Renacimiento. En 1498 se trasladó a Milán, donde pintó la "
        "capilla del duque. Vireo murió en Roma en 1520."
    )
    typed = [q for q in bank.questions if q.kind == "short_answer" and q.correct == ["Renacimiento"]]
    assert typed and all("del _____" in q.prompt for q in typed)


def test_an_acronym_in_brackets_stays_with_the_defined_term():
    d = find_definition(sent("La Liga de Ciudades del Norte (LCN) es una alianza comercial de puertos."))
    assert d.term_text() == "La Liga de Ciudades del Norte (LCN)"
