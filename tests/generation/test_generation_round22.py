"""Round 22: what eight fresh texts showed at first sight (history, geography, a biography, a science text), tried on
our own sentences.

- a surname said alone where the text gives the person's whole name once («Bingham regresó…» → «Hiram Bingham»);
- a participle opening a true/false statement kept its capital («Verdadero o falso: Acusado de herejía…»);
- a term the text names («una papilla llamada quimo») weighed as a side remark, so a science text published one item;
- a «¿En qué año…?» running on into the next clause («… a generar electricidad y cuenta con una potencia…?»);
- a full date asked beside its own year («el terremoto de 1960 … ocurrió el _____») refused «22 de mayo»;
- a false statement whose changed year contradicts the true year said elsewhere in it;
- «Más al sur,» opening a stem; «¿Quién…?» asked of a name that is only part of the subject («La rivalidad entre
  Carlos V … y Francisco I tenía…»), and a clause cut there at «, y»; «, sino de…» cut as if it were a clause;
- a count the names after it give away («sus _____ hijos mayores, Francisco y Enrique»);
- a verb without its subject after a fronted participle with a place («Trasladado a España, permaneció…») or after a
  date and a second fronted phrase («Hacia 1554, ante una imagen…, experimentó…»);
- the year a relative died in a biography («Su madre murió en _____»).
"""

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.answers import accepted_answers
from quizzes.generation.quality import counted_list, year_contradicted
from quizzes.generation.ranking import MIN_IMPORTANCE, _naming_phrase, relative_life
from quizzes.generation.standalone import drop_connectors, full_first_names, lower_first, stand_alone
from quizzes.generation.text import clause_spans
from quizzes.generation.wh import MARK, wh_prompt

from .support import discourse, sentence_fact


def _published(text: str) -> list[str]:
    return [q.prompt for q in generate_bank(text).questions if q.status == "published"]


def test_a_surname_said_alone_takes_the_whole_name_the_text_gives_once():
    disc = discourse(
        "El explorador Hiram Bingham llegó a las ruinas de Kolm en 1911.",
        "Bingham regresó en 1912 con una expedición.",
        names={0: ["Hiram Bingham", "Kolm"], 1: ["Bingham"]},
    )
    assert full_first_names("Bingham regresó en _____ con una expedición.", disc) == (
        "Hiram Bingham regresó en _____ con una expedición."
    )
    # only the first time it is said, and not when the whole name is already there
    assert full_first_names("Bingham vio a Bingham.", disc) == "Hiram Bingham vio a Bingham."
    assert full_first_names("Hiram Bingham regresó; Bingham volvió.", disc) == "Hiram Bingham regresó; Bingham volvió."


@pytest.mark.parametrize(
    ("sentences", "names", "prompt"),
    [
        # a thing named after a person: «la torre Eiffel» is no «la torre Gustave Eiffel»
        (
            ("El ingeniero Gustave Eiffel diseñó la torre en 1887.", "La torre Eiffel mide 300 metros."),
            {0: ["Gustave Eiffel"], 1: ["Eiffel"]},
            "La torre Eiffel mide _____ metros.",
        ),
        # a surname two people share: whose?
        (
            ("Pierre Curie y Marie Curie trabajaron en París.", "Curie recibió el premio en 1911."),
            {0: ["Pierre Curie", "Marie Curie"], 1: ["Curie"]},
            "Curie recibió el premio en _____.",
        ),
        # a name said with its article is a thing's («el Premio Nobel»)
        (
            ("En 1906 recibió el Premio Nobel de Medicina.", "El Nobel de 1906 reunió a dos rivales."),
            {0: ["Premio Nobel"], 1: ["Nobel"]},
            "El Nobel de _____ reunió a dos rivales.",
        ),
        # after a particle of a longer name
        (
            ("Johannes Gutenberg nació en Maguncia.", "Gensfleisch zum Gutenberg imprimió la Biblia hacia 1455."),
            {0: ["Johannes Gutenberg", "Maguncia"], 1: ["Gensfleisch", "Gutenberg"]},
            "Gensfleisch zum Gutenberg imprimió la Biblia hacia _____.",
        ),
    ],
)
def test_a_surname_is_left_as_it_is_when_the_whole_name_is_not_the_persons(sentences, names, prompt):
    assert full_first_names(prompt, discourse(*sentences, names=names)) == prompt


def test_a_participle_opening_a_statement_is_lowered_but_not_a_name():
    assert lower_first("Acusado de herejía, Miguel Servet murió en 1553.").startswith("acusado de herejía")
    assert lower_first("Nacida en Padrón, Rosalía escribió en gallego.").startswith("nacida en")
    assert lower_first("Granada en 1492 fue la última plaza.") == "Granada en 1492 fue la última plaza."
    assert lower_first("Machado de Assis escribió novelas.") == "Machado de Assis escribió novelas."


def test_a_term_the_text_names_is_not_a_side_remark():
    named = sentence_fact(
        "Tras varias horas, el alimento se convierte en una papilla llamada quimo.", "quimo", "term", "named"
    )
    synonym = sentence_fact(
        "La saliva contiene amilasa salival, también llamada ptialina.", "ptialina", "term", "named"
    )
    assert _naming_phrase(named) and not _naming_phrase(synonym)
    text = (
        "Aparato digestivo\n\nEl aparato digestivo es el conjunto de órganos que transforman los alimentos. "
        "En la boca, los dientes trituran el alimento. "
        "En el estómago, el alimento se convierte en una papilla semilíquida llamada quimo. "
        "El intestino delgado mide unos siete metros."
    )
    bank = generate_bank(text)
    quimo = [q for q in bank.questions if q.correct == ["quimo"] and q.kind == "short_answer"]
    assert quimo and "minor_fact" not in quimo[0].checks_failed
    assert MIN_IMPORTANCE <= 0.7  # a named term's base weight stands above the bar once not cut as subordinate


def _date_fact(sentence: str, answer: str, **value):
    return sentence_fact(sentence, answer, "date", "day", value={"precision": "day", **value})


def test_a_year_question_ends_before_the_next_clause():
    sentence = (
        "La represa de Kolm, construida por Velin y Dorm, comenzó a generar electricidad en 1984 y cuenta con "
        "una potencia de 14 000 MW."
    )
    fact = sentence_fact(sentence, "1984", "date", "year", value={"year": 1984, "precision": "year"})
    stem = sentence.replace("en 1984", f"en {MARK}")
    assert wh_prompt(fact, stem, None) == (
        "¿En qué año comenzó la represa de Kolm, construida por Velin y Dorm, a generar electricidad?"
    )
    # who did both: the subject is both verbs'
    who = "En 1536, Manco Inca se rebeló y reunió un gran ejército."
    person = sentence_fact(who, "Manco Inca", "person", "")
    assert wh_prompt(person, who.replace("Manco Inca", MARK), None).endswith(
        "¿quién se rebeló y reunió un gran ejército?"
    )


def test_a_full_date_beside_its_own_year_accepts_the_day_and_month():
    sentence = "El terremoto de Kolm de 1960 fue un sismo ocurrido el domingo 22 de mayo de 1960 en el sur."
    fact = _date_fact(sentence, "22 de mayo de 1960", year=1960, month=5, day=22)
    fact.local_start = fact.start = sentence.rindex("22 de mayo")
    fact.local_end = fact.end = fact.local_start + len("22 de mayo de 1960")
    assert "22 de mayo" in accepted_answers(fact)
    alone = "El sismo ocurrió el domingo 22 de mayo de 1960 en el sur."
    assert "22 de mayo" not in accepted_answers(_date_fact(alone, "22 de mayo de 1960", year=1960, month=5, day=22))


def test_a_false_statement_may_not_keep_the_true_year_beside_the_changed_one():
    sentence = "El terremoto de Kolm de 1960 ocurrió el 22 de mayo de 1960."
    fact = _date_fact(sentence, "22 de mayo de 1960", year=1960, month=5, day=22)
    assert year_contradicted("El terremoto de Kolm de 1960 ocurrió el 22 de mayo de 1970.", fact)
    assert not year_contradicted("El terremoto de Kolm de 1960 ocurrió el 22 de julio de 1960.", fact)
    other = _date_fact("El sismo ocurrió el 22 de mayo de 1960.", "22 de mayo de 1960", year=1960, month=5, day=22)
    assert not year_contradicted("El sismo ocurrió el 22 de mayo de 1970.", other)


def test_a_place_said_from_the_sentence_before_goes():
    assert drop_connectors("Más al sur, la represa de Kolm entró en funcionamiento en 1994.") == (
        "La represa de Kolm entró en funcionamiento en 1994."
    )
    assert drop_connectors("Aguas abajo, el río recibe al Velin.") == "El río recibe al Velin."


def test_a_name_inside_the_subject_is_not_asked_by_quien_nor_cut_from_it():
    sentence = (
        "La rivalidad entre Carlos de Kolm, que era a la vez rey y emperador, y Pedro de Velin tenía como escenario "
        "el norte de Dorm."
    )
    assert clause_spans(sentence) == [(0, len(sentence))]
    fact = sentence_fact(sentence, "Pedro de Velin", "person", "")
    assert not wh_prompt(fact, sentence.replace("Pedro de Velin", MARK), None).startswith("¿Quién")
    # a real second clause after an aside is still cut
    two = "Carlos firmó la paz, que duró poco, y Pedro huyó a Dorm."
    assert len(clause_spans(two)) == 2


def test_sino_before_a_phrase_is_no_clause():
    sentence = "Su avance no depende de la gravedad, sino de las contracciones de la pared, llamadas peristaltismo."
    assert clause_spans(sentence) == [(0, len(sentence))]
    assert len(clause_spans("No se rindió, sino que resistió dos meses.")) == 2


def test_a_count_the_names_after_it_give_away_is_held():
    assert counted_list("Como garantía, sus _____ hijos mayores, Francisco y Enrique, quedaron como rehenes.", 2)
    assert not counted_list("Como garantía, sus _____ hijos mayores, Francisco y Enrique, quedaron como rehenes.", 3)
    assert not counted_list("Dejó _____ hijos, que vivieron en Kolm.", 2)


@pytest.mark.parametrize(
    "stem",
    [
        "Trasladado a Kolm, permaneció cautivo en _____ durante un año.",
        "Hacia _____, ante una imagen de un «Cristo muy llagado», experimentó una conversión profunda.",
    ],
)
def test_a_verb_after_fronted_phrases_needs_its_subject(stem):
    disc = discourse(
        "Tras la derrota, el rey escribió una carta.", stem.replace("_____", "1554"), names={0: []}, title="Kolm"
    )
    fixed, problem = stand_alone(stem, 1, disc)
    assert problem == "no_subject", fixed


def test_the_year_a_relative_died_is_a_side_story():
    died = sentence_fact("Su madre murió en 1528, cuando Teresa tenía trece años.", "1528")
    lodged = sentence_fact("En 1519 Moctezuma alojó a Cortés en el palacio de su padre.", "1519")
    assert relative_life(died) and not relative_life(lodged)


def test_a_null_subject_after_a_long_fronted_phrase_is_the_thing_the_title_names():
    disc = discourse(
        "El aparato excretor es el conjunto de órganos que eliminan los desechos.",
        "En el ser humano está formado por los riñones y las vías urinarias.",
        title="Aparato excretor",
    )
    fixed, problem = stand_alone("En el ser humano está formado por los _____ y las vías urinarias.", 1, disc)
    assert not problem and fixed == (
        "En el ser humano, el aparato excretor está formado por los _____ y las vías urinarias."
    )
    # a common noun that is not the title's thing is still not taken
    other = discourse(
        "El bolo pasa al esófago.", "En el ser humano está formado por los riñones.", title="Aparato excretor"
    )
    assert stand_alone("En el ser humano está formado por los _____.", 1, other)[1] == "no_subject"


def test_a_stretch_from_one_place_to_another_is_no_event():
    from quizzes.generation.pointing import prompt_problem

    disc = discourse(
        "El tubo digestivo es un conducto.",
        "El tubo digestivo se extiende desde la boca hasta el ano.",
        title="Tubo digestivo",
    )
    assert prompt_problem("El tubo digestivo se extiende desde la boca hasta el _____.", "ano", 1, disc) != (
        "event_reference"
    )
    assert prompt_problem("Desde la boca hasta el _____, el tubo mide nueve metros.", "ano", 1, disc) != (
        "event_reference"
    )


def test_surnames_in_a_list_read_as_the_text_wrote_them():
    disc = discourse(
        "James Watson y Maurice Wilkins estudiaron el ADN en Londres.",
        "Watson, Crick y Wilkins recibieron el premio en 1962.",
        "Wilkins murió en 2004.",
        names={0: ["James Watson", "Maurice Wilkins", "Londres"], 1: ["Watson", "Crick", "Wilkins"], 2: ["Wilkins"]},
    )
    assert full_first_names("Watson, Crick y Wilkins recibieron el premio en _____.", disc) == (
        "Watson, Crick y Wilkins recibieron el premio en _____."
    )
    assert full_first_names("Wilkins murió en _____.", disc) == "Maurice Wilkins murió en _____."


def test_a_date_opening_a_true_false_statement_goes_before_a_se_verb():
    from quizzes.generation.questions import paraphrase

    assert paraphrase("La última piedra del cimborrio se colocó en 1506.", "1506") == (
        "En 1506 se colocó la última piedra del cimborrio."
    )


def test_a_text_does_not_publish_the_same_name_twice():
    from quizzes.generation.model import Question
    from quizzes.generation.ranking import _fits

    def item(key, kind, answer):
        return Question(key, kind, "…", [key], [answer], [], "", [0])

    chosen = [item("a", "short_answer", "Nelson"), item("b", "numeric", "1805")]
    assert not _fits(item("c", "short_answer", "Nelson"), chosen, set())
    assert _fits(item("d", "short_answer", "Villeneuve"), chosen, set())
    assert _fits(item("e", "numeric", "1805"), chosen, set())  # a year may be two events'


def test_a_long_true_statement_with_a_name_put_back_is_still_a_copy():
    from quizzes.generation.quality import copied_statement

    sentence = (
        "A su regreso, Carlos I concedió a Elcano una pensión anual y un escudo de armas con un globo terráqueo y la "
        "leyenda «Primus circumdedisti me»."
    )
    statement = (
        "Verdadero o falso: Carlos I concedió a Juan Sebastián Elcano una pensión anual y un escudo de armas con un "
        "globo terráqueo y la leyenda «Primus circumdedisti me»."
    )
    assert copied_statement(statement, sentence)
    # a short one with its subject put back is restated
    assert not copied_statement(
        "Verdadero o falso: María Curie asistió a las clases.", "Por ello, asistió a las clases."
    )


# After the sealed texts' first sight (round 22's measure; those texts are dev now).


def test_a_figure_with_a_thousands_dot_is_not_cut_in_a_relation():
    from quizzes.generation.relations import find_relations
    from quizzes.generation.text import Sentence

    text = "El accidente ferroviario, cuando las olas arrastraron el tren, causó la muerte de más de 1.700 pasajeros."
    relations = find_relations(Sentence(index=0, text=text, start=0, end=len(text)))
    effects = [text[r.effect[0] : r.effect[1]] for r in relations]
    assert any("1.700 pasajeros" in e for e in effects), effects


@pytest.mark.parametrize(
    ("prompt", "member"),
    [
        ("El complejo reúne un palacio real, una _____, un panteón, una biblioteca y un monasterio.", True),
        ("Entre sus enfermedades figuran el resfriado común, la _____, la neumonía y el asma.", True),
        ("A finales del siglo XII, los _____, un movimiento nacido entre los bereberes, dominaban al-Ándalus.", False),
    ],
)
def test_one_of_a_list_of_things_is_not_asked(prompt, member):
    from quizzes.generation.quality import _COMMON_LIST_AROUND_BLANK

    assert bool(_COMMON_LIST_AROUND_BLANK.search(prompt)) is member


def test_a_blank_before_ibn_splits_a_name():
    from quizzes.generation.quality import name_split

    assert name_split("Musa confió a su lugarteniente _____ ibn Ziyad el gobierno de Tánger.", "Tariq")


def test_a_time_clause_alone_is_no_stem():
    disc = discourse("Bach murió en 1750.", "Cuando Mendelssohn dirigió en Berlín la Pasión según san Mateo.")
    assert stand_alone("Cuando Mendelssohn dirigió en Berlín la Pasión según san _____.", 1, disc)[1] == "no_verb"
    assert stand_alone("Cuando Mendelssohn la dirigió en 1829, la Pasión según san _____ revivió.", 1, disc)[1] != (
        "no_verb"
    )


def test_a_given_name_is_no_surname():
    disc = discourse(
        "El gobernador confió a Tariq ibn Ziyad el gobierno de Tánger.",
        "El peñón se llama Yabal Tariq.",
        "Tariq recibió un refuerzo en 711.",
        names={0: ["Tariq ibn Ziyad", "Tánger"], 1: ["Yabal Tariq"], 2: ["Tariq"]},
    )
    assert full_first_names("Tariq recibió un refuerzo en _____.", disc) == "Tariq recibió un refuerzo en _____."


def test_a_clause_after_a_semicolon_takes_its_own_sentences_subject_not_the_one_before():
    disc = discourse(
        "Felipe II residió largas temporadas en Kolm.",
        "El monasterio fue abandonado por los monjes; desde 1885 está a cargo de la Orden de San Agustín.",
        names={0: ["Felipe II", "Kolm"], 1: ["Orden de San Agustín"]},
    )
    fixed, problem = stand_alone("Desde _____ está a cargo de la Orden de San Agustín.", 1, disc)
    assert "Felipe II" not in fixed and problem == "no_subject"
    # a comma that closes a fronted connector is no clause before
    from quizzes.generation.standalone import _coordinated_clause

    ramon = discourse("Cajal publicó sus hallazgos.", "Por ello, en 1889 viajó al congreso de Berlín.")
    assert not _coordinated_clause("En _____ viajó al congreso de Berlín.", 1, ramon, "_____")


def test_the_first_of_a_list_of_things_is_not_asked_but_an_apposition_is_no_list():
    from quizzes.generation.quality import _COMMON_LIST_AROUND_BLANK

    assert _COMMON_LIST_AROUND_BLANK.search("Reúne un _____, una basílica, un panteón, una biblioteca y un monasterio.")
    assert not _COMMON_LIST_AROUND_BLANK.search(
        "En el _____, los helvecios, un pueblo de la actual Suiza, intentaron atravesar la provincia."
    )


# Review mend of round 22.


def test_review_mend_names_stay_names_and_clauses_keep_their_verbs():
    # a surname or a first name in -ado / -ando opening a statement is not lowered
    assert lower_first("Machado en 1936 apoyó la República.") == "Machado en 1936 apoyó la República."
    assert lower_first("Coronado con sus hombres llegó a Quivira.") == "Coronado con sus hombres llegó a Quivira."
    # only the relative aside goes before counting the verbs: the main verb after it keeps the boundary
    two = "El rey, que era joven, conquistó Huesca en 1096, y su hermano Alfonso heredó el trono en 1104."
    assert len(clause_spans(two)) == 2
    # a surname right after a blank is the name the blank asks
    disc = discourse(
        "El explorador Hiram Bingham llegó a Kolm.",
        "Bingham regresó en 1912.",
        names={0: ["Hiram Bingham", "Kolm"], 1: ["Bingham"]},
    )
    assert full_first_names("En 1911, _____ Bingham llegó a Kolm.", disc) == "En 1911, _____ Bingham llegó a Kolm."
    # «como» and «si» open main clauses too
    plain = discourse("Los visigodos llegaron.", "Como capital fue elegida Toledo en el siglo VI.")
    assert stand_alone("Como capital fue elegida Toledo en el siglo _____.", 1, plain)[1] != "no_verb"


def test_review_mend_a_year_inside_a_longer_number_is_not_said():
    sentence = "La ciudad, con 19605 habitantes, fue arrasada el 22 de mayo de 1960."
    fact = _date_fact(sentence, "22 de mayo de 1960", year=1960, month=5, day=22)
    assert "22 de mayo" not in accepted_answers(fact)


def test_review_mend_lists_and_counts_need_their_members():
    from quizzes.generation.quality import _COMMON_LIST_AROUND_BLANK

    assert not _COMMON_LIST_AROUND_BLANK.search("Durante el reinado, la _____ y los nobles se enfrentaron.")
    assert not counted_list("Durante _____ meses, Juan y Pedro, sus hijos, defendieron la plaza.", 2)
