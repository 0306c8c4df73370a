"""Round 23: what eight fresh texts showed at first sight (a battle, a biography of a politician, a national park, a
council, a painter, a science text, a building, an invention), tried on our own sentences.

- a year long after the life or the war the opening dates (a centenary's exhibition, a scholar's reading, a renaming)
  weighed as what it asks;
- «La reunión, prevista en Ancira, se trasladó…» read as a fronted phrase, and a name pushed in after it;
- a painter's biography whose opening has the life's years in brackets knew no «el pintor», nor whose sentences they
  were when the title is one name («Rembrandt»): «el pintor» became the teacher named before;
- «la obra» in a text about a canal taken for a work of art; «el físico húngaro Leó Szilárd» given the title's name;
- the Catalan «i» of two surnames («Dalí i _____») as no split name;
- «¿Cuándo se inauguró probablemente?»: a question that is a verb alone;
- «Medio siglo antes, en _____, …» kept its relative time;
- «¿En qué año había el médico Thomas Addison descrito…?»: an irregular participle left behind;
- a person asked by a sentence that only says when they died, and another person's birth or death in a biography;
- a stem whose only verb is a relative's («Después con Hendrickje, con quien tuvo una hija, …»);
- a work's title lowered inside a question («pintó la lección de anatomía»);
- «En el interior, una cámara…» taken for a term defined;
- «Creado en 1872 por una ley…, está considerado…»: the park the participle describes not said;
- «Ferdinand V. Hayden» read as two people, «Ferdinand V» and «Hayden».
"""

from pathlib import Path

import pytest

from quizzes.generation import canonical, extract, generate_bank, mark_skips, normalise, split_sentences
from quizzes.generation.quality import name_split
from quizzes.generation.ranking import afterlife, other_death, vital_only
from quizzes.generation.standalone import stand_alone, topic_class
from quizzes.generation.wh import MARK, _verb_group, wh_prompt

from .support import discourse, sentence_fact


def _extraction(text: str):
    clean, _ = normalise(canonical(text))
    sentences = mark_skips(split_sentences(clean), clean)
    title = next((s.text for s in sentences if s.skip == "headline"), "")
    return extract(sentences, title=title, dropped=[]), sentences


_LIFE = (
    "Kolm Berhof\n\n"
    "Kolm Berhof (Leiden, 15 de julio de 1606 – Ámsterdam, 4 de octubre de 1669) fue un pintor neerlandés. "
    "Durante tres años se formó con el pintor local Jacob Swanen y en 1624 pasó seis meses en Ámsterdam. "
    "En 1632 pintó un retrato de grupo que le dio fama. "
    "En 1639 el pintor compró una lujosa casa en Ámsterdam por 13 000 florines. "
    "Tras la muerte de su esposa, vivió con Hendrickje Stoffels. "
    "Hendrickje Stoffels murió en 1663 y Titus en 1668. "
    "En 1968, el historiador Wim Ruys sostuvo que el retrato era de su taller.\n"
)


def _fact(ex, answer: str):
    return next(f for f in ex.facts if f.answer == answer)


def test_a_year_long_after_the_life_the_opening_dates_is_its_afterlife():
    ex, _ = _extraction(_LIFE)
    assert afterlife(_fact(ex, "1968"), ex)
    assert not afterlife(_fact(ex, "1632"), ex)
    assert not afterlife(_fact(ex, "1668"), ex)  # a year inside the life
    # a text whose opening gives one date (a building's founding) has no span: its later history is its history
    built, _ = _extraction(
        "Torre Kolm\n\nLa torre Kolm es un edificio inaugurado en 1889 en París. En 1964 fue declarada monumento.\n"
    )
    assert not afterlife(_fact(built, "1964"), built)


def test_another_persons_birth_or_death_in_a_biography_is_a_side_story():
    ex, _ = _extraction(_LIFE)
    assert other_death(_fact(ex, "1663"), ex, "Hendrickje Stoffels", "Kolm Berhof")
    assert other_death(_fact(ex, "1668"), ex, "Hendrickje Stoffels", "Kolm Berhof")  # «y Titus en _____»
    assert not other_death(_fact(ex, "1632"), ex, "Kolm Berhof", "Kolm Berhof")
    # the subject's own death is the life's
    died = sentence_fact("Kolm Berhof murió en 1669 en Ámsterdam.", "1669")
    assert not other_death(died, ex, "Kolm Berhof", "Kolm Berhof")


def test_a_person_asked_only_by_when_they_died_is_not_asked():
    assert vital_only(sentence_fact("Hendrickje murió en 1663 y Titus en 1668.", "Hendrickje", "person", "person"))
    said = sentence_fact("Hendrickje dirigió el taller del pintor desde 1660.", "Hendrickje", "person", "person")
    assert not vital_only(said)


def test_an_article_opens_no_fronted_phrase_and_no_name_is_pushed_in():
    disc = discourse(
        "Constantino convocó a los obispos en 325.",
        "La reunión, prevista inicialmente en Ancira, se trasladó a Nicea.",
        names={0: ["Constantino"], 1: ["Ancira", "Nicea"]},
    )
    fixed, _problem = stand_alone("La reunión, prevista inicialmente en Ancira, se trasladó a _____.", 1, disc)
    assert "Constantino" not in fixed


def test_a_biography_with_the_years_in_brackets_says_the_painter_by_the_titles_name():
    disc = discourse(
        "Kolm Berhof Ruys (Leiden, 1606 – Ámsterdam, 1669) fue un pintor neerlandés.",
        "Se formó con el pintor local Jacob Swanen en Leiden.",
        "En 1639 el pintor compró una casa en Ámsterdam.",
        names={0: ["Kolm Berhof Ruys", "Leiden", "Ámsterdam"], 1: ["Jacob Swanen", "Leiden"], 2: ["Ámsterdam"]},
        title="Kolm Berhof",
    )
    assert topic_class(disc) == ("Kolm Berhof Ruys", "pintor")
    fixed, problem = stand_alone("En _____ el pintor compró una casa en Ámsterdam.", 2, disc)
    assert not problem and "Kolm Berhof" in fixed and "Jacob" not in fixed
    # a name after an adjective says which one itself
    said, _ = stand_alone("Redactó con el pintor neerlandés Jacob Swanen una carta en _____.", 2, disc)
    assert "pintor neerlandés Jacob Swanen" in said


def test_la_obra_is_the_documents_title_only_in_the_text_of_a_work():
    canal = discourse(
        "El canal de Kolm (en árabe: Kolm) es una vía navegable de Egipto.",
        "La obra endeudó gravemente a Egipto.",
        names={0: ["Kolm", "Egipto"], 1: ["Egipto"]},
        title="Canal de Kolm",
    )
    fixed, _ = stand_alone("La obra endeudó gravemente a _____.", 1, canal)
    assert "canal de Kolm" not in fixed.lower()


def test_the_catalan_i_between_surnames_is_inside_a_name():
    assert name_split("Salvador Kolm i _____ fue un pintor catalán.", "Domènech")
    assert not name_split("El pintor vivió en Figueres y en _____.", "Cadaqués")


def _wh(sentence: str, answer: str, title: str = "Kolm") -> str:
    fact = sentence_fact(sentence, answer, sentence_index=1)
    disc = discourse("El concilio de Kolm reunió a los obispos en Nicea.", sentence, title=title)
    return wh_prompt(fact, sentence.replace(answer, MARK, 1), disc)


def test_a_question_that_is_a_verb_alone_is_not_asked():
    bank = generate_bank(
        "Concilio de Kolm\n\nEl concilio de Kolm fue una asamblea de obispos convocada por el emperador Constantino en "
        "325. La reunión, prevista en Ancira, se trasladó a Nicea. Se inauguró probablemente el 20 de mayo de 325 y se "
        "prolongó hasta finales de julio. Constantino asistió a las sesiones.\n"
    )
    assert not [q.prompt for q in bank.questions if q.prompt.startswith("¿Cuándo se inauguró probablemente?")]


def test_an_irregular_participle_stays_with_its_auxiliary():
    assert _verb_group("había descrito la insuficiencia")[0] == "había descrito"
    assert _verb_group("ha vuelto a Chile")[0] == "ha vuelto"
    assert _verb_group("fue depuesto por su hijo")[0] == "fue depuesto"
    assert _verb_group("había muchos soldados")[0] == "había"


def test_a_relative_time_before_an_explicit_date_goes():
    disc = discourse(
        "El médico Kolm describió la enfermedad en 1855.", "Medio siglo antes, en 1805, se fundó el hospital."
    )
    fixed, problem = stand_alone("Medio siglo antes, en _____, se fundó el hospital.", 1, disc)
    assert not fixed.startswith("Medio siglo"), fixed
    for opening in ("Dos años antes, ", "Una década antes, ", "Tres siglos más tarde, "):
        fixed, _ = stand_alone(opening + "en _____, se fundó el hospital.", 1, disc)
        assert not fixed.lower().startswith(opening.lower().strip(", ")), fixed


def test_a_stem_whose_only_verb_is_a_relatives_has_no_main_verb():
    disc = discourse(
        "Kolm se casó en 1634.", "Después con Hendrickje, con quien tuvo una hija, Cornelia, nacida en 1654."
    )
    fixed, problem = stand_alone("Después con Hendrickje, con quien tuvo una hija, Cornelia, nacida en _____.", 1, disc)
    assert problem == "no_verb", fixed
    # a main verb beside the relative stands
    fixed, problem = stand_alone("El río, que nace en los Andes, desemboca en el _____.", 1, disc)
    assert problem != "no_verb"


def test_a_works_title_keeps_its_capital_inside_a_question():
    q = _wh("En 1632 Kolm Berhof pintó La lección de anatomía, un retrato de grupo.", "1632")
    assert "La lección de anatomía" in q, q


def test_a_fronted_place_phrase_with_its_article_is_no_term_defined():
    ex, _ = _extraction(
        "Tumba de Kolm\n\nLa tumba de Kolm es un mausoleo de mármol. "
        "En el interior, una cámara octogonal alberga los cenotafios. "
        "La fotosíntesis tiene lugar en los cloroplastos, unos orgánulos de las hojas.\n"
    )
    terms = {f.answer for f in ex.facts if f.kind == "term"}
    assert "interior" not in terms
    assert "cloroplastos" in terms


def test_a_participle_opening_a_sentence_describes_the_documents_subject():
    disc = discourse(
        "El parque nacional de Kolm es un espacio protegido de Estados Unidos.",
        "El parque nacional de Kolm ocupa 8983 kilómetros cuadrados.",
        "Creado en 1872 mediante una ley del Congreso, está considerado el primer parque nacional del mundo.",
        title="Parque nacional de Kolm",
    )
    fixed, problem = stand_alone(
        "Creado en _____ mediante una ley del Congreso, está considerado el primer parque nacional del mundo.", 2, disc
    )
    assert not problem
    assert "el parque nacional de kolm está considerado" in fixed.lower(), fixed


def test_an_initial_that_may_be_a_numeral_stays_inside_a_name():
    ex, _ = _extraction(
        "Kolm\n\nLa expedición geológica fue dirigida por Ferdinand V. Hayden en 1871. El informe convenció al Congreso.\n"
    )
    people = {f.answer for f in ex.facts if f.kind == "person"}
    assert "Ferdinand V. Hayden" in people and "Ferdinand V" not in people
    # a regnal numeral at a sentence's end is still a numeral
    ex, _ = _extraction("Kolm\n\nEl trono pasó a Felipe V. Su hijo Fernando VI le sucedió en 1746.\n")
    assert "Felipe V" in {f.answer for f in ex.facts if f.kind == "person"}


def test_a_biography_titled_by_one_name_gives_its_null_subjects_that_person():
    bank = generate_bank(_LIFE)
    bought = [q.prompt for q in bank.questions if "compró" in q.prompt]
    assert bought and not [p for p in bought if "Jacob" in p]
    assert any("Kolm Berhof" in p for p in bought)


def test_a_viewpoint_opening_the_sentence_goes():
    disc = discourse("Los pintores de Kolm trabajaban al aire libre.", "Desde el punto de vista técnico, usaban tubos.")
    fixed, _ = stand_alone("Desde el punto de vista técnico, los pintores de Kolm usaban tubos desde _____.", 1, disc)
    assert fixed.startswith("Los pintores de Kolm"), fixed


def test_a_relative_whose_subject_the_question_does_not_name_goes():
    q = _wh("En 1892 se proclamó el Partido Revolucionario de Kolm, del que fue elegido delegado.", "1892")
    assert q.endswith("el Partido Revolucionario de Kolm?"), q


def test_a_consequence_restated_agrees_with_a_plural_effect():
    from quizzes.generation.relations import find_relations, relation_items
    from quizzes.generation.text import Sentence

    # (round 27: a counted effect, «unos 11 000 muertos», makes no statement at all)
    text = "El huracán Kolm, en octubre de 1998, provocó las grandes inundaciones de Centroamérica, sobre todo en Honduras."
    sent = Sentence(index=0, text=text, start=0, end=len(text))
    _facts, questions = relation_items(find_relations(sent), discourse(text))
    statements = [q.prompt for q in questions if q.kind == "true_false"]
    assert statements and all("inundaciones de Centroamérica fueron consecuencia" in p for p in statements), statements


@pytest.mark.parametrize(
    ("sentence", "answer", "weighed"),
    [
        ("En 1948 regresó a Cataluña tras su etapa en Nueva York.", "1948", False),
        ("En 1948 regresó a Cataluña.", "1948", True),
        ("En 1802 volvió a su país.", "1802", True),
        ("En 1917 regresó de su exilio en Suiza.", "1917", False),
        ("Israel se retiró en 2005 unilateralmente de Gaza.", "2005", False),
    ],
)
def test_a_return_told_without_where_from_is_a_side_step(sentence, answer, weighed):
    from quizzes.generation.ranking import return_without_origin

    assert return_without_origin(sentence_fact(sentence, answer)) is weighed


# Round 23, second pass: what the eight sealed texts showed at first sight.


def test_la_capital_is_feminine():
    from quizzes.generation.standalone import _noun_article

    assert _noun_article("capital", False) == "la"
    assert _noun_article("capitales", True) == "las"
    assert _noun_article("canal", False) == "el"


def test_a_surname_before_an_english_genitive_is_a_places_name():
    from quizzes.generation.standalone import full_first_names

    disc = discourse(
        "John Sutter tenía un aserradero.",
        "El oro apareció en Sutter's Mill en 1848.",
        names={0: ["John Sutter"], 1: ["Sutter"]},
    )
    assert full_first_names("El oro apareció en Sutter's Mill en _____.", disc) == (
        "El oro apareció en Sutter's Mill en _____."
    )


def test_el_principal_with_its_noun_left_out_points_back():
    from quizzes.generation.standalone import outside_reference

    assert outside_reference("El principal es _____, que nace en Colombia.")
    assert outside_reference("Los principales son el Catatumbo y el _____.")
    assert not outside_reference("El río principal es el _____.")


def test_a_pluperfect_is_asked_in_the_preterite():
    q = _wh("En 1855, el médico Thomas Kolm había descrito la insuficiencia suprarrenal.", "1855")
    assert q.startswith("¿En qué año describió el médico Thomas Kolm"), q


def test_a_middle_initial_may_be_left_out_but_an_initial_opens_no_answer():
    from quizzes.generation.answers import accepted_answers

    fact = sentence_fact(
        "La expedición de Ferdinand V. Hayden llegó en 1871.", "Ferdinand V. Hayden", "person", "person"
    )
    forms = accepted_answers(fact)
    assert "Ferdinand Hayden" in forms
    assert not [f for f in forms if f.startswith("V.")]


def test_a_date_closing_a_participles_phrase_is_not_the_main_verbs():
    q = _wh(
        "La empresa de Kolm había diseñado la estructura de la estatua de la Libertad, inaugurada en Nueva York en 1886.",
        "1886",
    )
    assert q == "", q


# Round 23, the last sealed eight.


def test_a_count_spelled_out_by_abbreviated_names_is_given_away():
    from quizzes.generation.quality import counted_list

    assert counted_list("_____ especies de Kolm infectan al ser humano: P. falciparum, P. vivax y P. ovale.", 3)
    assert not counted_list("_____ especies de Kolm infectan al ser humano: P. falciparum y P. vivax.", 3)


_CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "dev"


@pytest.mark.parametrize(
    ("slug", "wrong"),
    [
        # «En 1988 fue declarada Patrimonio de la Humanidad…, y el 7 de julio de 2007 fue elegida…»: the parse's subject
        # of the first clause is its predicate
        ("chichen-itza", "Patrimonio de la Humanidad por la Unesco fue elegida"),
    ],
)
def test_the_last_sealed_texts_wrong_subjects_and_towns_are_not_written(slug, wrong):
    bank = generate_bank((_CORPUS / f"{slug}.txt").read_text(encoding="utf-8"))
    assert not [q.prompt for q in bank.questions if wrong in q.prompt]


def test_a_persons_verb_after_y_does_not_take_a_museum_for_its_subject():
    disc = discourse(
        "Kolm Rivera fue un pintor mexicano.",
        "En 1931 el Museo de Arte Moderno le dedicó una exposición, y en 1932 pintó en Detroit los paneles de la Ford.",
        names={0: ["Kolm Rivera"], 1: ["Museo de Arte Moderno", "Detroit", "Ford"]},
        title="Kolm Rivera",
    )
    fixed, problem = stand_alone("En _____ pintó en Detroit los paneles de la Ford.", 1, disc)
    assert "Museo" not in fixed, fixed


def test_a_country_is_not_accepted_as_the_mountain_named_after_it():
    bank = generate_bank((_CORPUS / "kilimanjaro.txt").read_text(encoding="utf-8"))
    kenya = [q for q in bank.questions if q.correct == ["Kenia"]]
    assert kenya and not [q for q in kenya if any(a.lower().startswith("monte") for a in q.accepted)]


# Review mend of round 23.


def test_review_mend_the_subjects_own_death_and_a_verb_said_again_are_not_side_steps():
    from quizzes.generation.ranking import return_without_origin

    ex, _ = _extraction(_LIFE)
    died = sentence_fact("Arruinado y solo, el pintor murió en 1669.", "1669", value={"year": 1669})
    assert not other_death(died, ex, "El pintor", "Kolm Berhof")  # the life's last year is the subject's
    assert not return_without_origin(sentence_fact("En 1950 volvió a casarse con una actriz.", "1950"))


def test_review_mend_a_countrys_own_name_is_accepted_whatever_word_opens_it():
    from quizzes.generation.answers import accepted_answers

    fact = sentence_fact("La capital de Sierra Leona es Freetown.", "Sierra Leona", "place", "country")
    assert "Sierra Leona" in accepted_answers(fact)


def test_review_mend_an_initial_before_a_surname_closing_the_sentence():
    ex, _ = _extraction("Kolm\n\nEl mapa lo trazó Ferdinand V. Hayden.\n")
    assert "Ferdinand V. Hayden" in {f.answer for f in ex.facts if f.kind == "person"}
