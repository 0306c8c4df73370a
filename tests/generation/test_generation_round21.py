"""Round 21: stems broken or leaning on another sentence in ways the earlier rounds missed, tried on our own sentences.

- a clause cut before the second party of «entre A, …, y B» (the battle lost its other side);
- a comma closing an aside dropped with «también» («U Thant contribuyó»);
- the document's subject put before a verb that had its own subject after a fronted phrase («En Kolm, Ana Dorm…»);
- a fronted «Tras varios días de tensión,» said of the sentence before; «Tampoco» opening a stem;
- «¿Dónde…?» asked of a fronted country («¿En qué país…?»), or of a clause that names another place;
- a blank inside a comparison («comparable a la de China o a la de _____»);
- a relative clause left hanging on a time phrase the stem removed («hasta _____, que puso fin al régimen»);
- after the fresh texts' first sight: a question running into a second clause, «¿Cuántos viajes realizó Colón otros?»,
  «en el tercero» for the third voyage, and the sample showing the range a numeric item accepts; an acronym answer
  accepts what the text says it stands for; an owner said with its article («el inicio de la Gran Depresión»);
  the country of «situada en la cordillera … del sur de _____»; «se produjo» is no cause; «, y» between two subjects;
  the comma before «y» when the blank took the word before it; an age clause gone whole («, que tenía …,»).
"""

from devtools.quality import accepted_range, sample_template
from quizzes.generation.answers import acronym_expansions
from quizzes.generation.model import Fact
from quizzes.generation.quality import _LOCATED_IN, name_split, question_ends_in_other_clause
from quizzes.generation.questions import _source_commas, build_stem
from quizzes.generation.ranking import _OPEN_COMPARISON
from quizzes.generation.relations import find_relations
from quizzes.generation.standalone import _as_text_says, dependent_context, drop_connectors, stand_alone
from quizzes.generation.text import Sentence, clause_spans
from quizzes.generation.wh import MARK, wh_prompt

from .support import discourse, sentence_fact


def _stem(sentence: str, answer: str, *kind: str) -> str:
    return build_stem(sentence_fact(sentence, answer, *kind, blank_start=sentence.index(answer)))


def test_a_between_keeps_its_second_party_or_goes_whole():
    short = "La batalla de Kolm se libró en 1720 entre el ejército de Velin, mandado por Arno, y las tropas de Dorm."
    assert _stem(short, "1720") == (
        "La batalla de Kolm se libró en _____ entre el ejército de Velin, mandado por Arno, y las tropas de Dorm."
    )
    long = (
        "La batalla de Kolm fue un largo enfrentamiento militar librado en el verano del año 1720 entre una alianza "
        "de ciudades del norte, encabezada por Velin, y el ejército del Imperio de Dorm, gobernado por el rey Arno I."
    )
    assert _stem(long, "1720") == (
        "La batalla de Kolm fue un largo enfrentamiento militar librado en el verano del año _____."
    )
    # a fact inside the «entre» keeps the sentence whole
    assert _stem(long, "Velin", "place", "city").endswith("gobernado por el rey Arno I.")
    # a real second clause is still cut away
    clause = "El ejército de Velin, mandado por Arno, tomó Kolm en 1720, y el rey huyó a Dorm."
    assert _stem(clause, "1720") == "El ejército de Velin, mandado por Arno, tomó Kolm en _____."


def test_tambien_goes_and_the_comma_closing_an_aside_stays():
    assert drop_connectors("El secretario de la Liga, Ana Dorm, también contribuyó a la mediación.") == (
        "El secretario de la Liga, Ana Dorm, contribuyó a la mediación."
    )
    assert drop_connectors("Kolm también perdió la guerra.") == "Kolm perdió la guerra."
    assert drop_connectors("En 1720, también, Kolm perdió la guerra.") == "En 1720, Kolm perdió la guerra."


def test_a_subject_after_a_fronted_phrase_is_not_replaced_by_the_document_subject():
    # the parse finds no subject here («Ulrico Zuinglio» is not taken for one): the words after the comma still are one
    sentence = "En Zúrich, Ulrico Zuinglio impulsó una reforma propia a partir de 1519."
    disc = discourse(
        "La Reforma fue un movimiento religioso del siglo XVI.",
        "La Reforma se extendió por el norte de Europa.",
        sentence,
        names={0: ["Reforma"], 1: ["Reforma", "Europa"], 2: []},
        title="Reforma protestante",
    )
    stem = sentence.replace("1519", "_____")
    assert stand_alone(stem, 2, disc) == (stem, "")


def test_a_vague_time_fronted_after_tras_goes():
    assert drop_connectors("Tras varios días de tensión, el 25 de mayo de 1810 se formó la Junta.") == (
        "El 25 de mayo de 1810 se formó la Junta."
    )
    assert drop_connectors("Tras una pausa, Ana Dorm reanudó las sesiones.") == "Ana Dorm reanudó las sesiones."
    # a fronted phrase that names something, or gives a figure, says when: it stays
    assert drop_connectors("Tras una batalla en Kolm, el rey huyó.") == "Tras una batalla en Kolm, el rey huyó."
    assert drop_connectors("Tras 105 días de asedio, Kolm cayó.") == "Tras 105 días de asedio, Kolm cayó."
    assert drop_connectors("Tras la guerra, Kolm cedió Velin.") == "Tras la guerra, Kolm cedió Velin."


def test_tampoco_becomes_no():
    assert (
        drop_connectors("Tampoco tuvo éxito el cuerpo de élite de Kolm.") == "No tuvo éxito el cuerpo de élite de Kolm."
    )
    assert drop_connectors("Velin tampoco intervino en la guerra.") == "Velin no intervino en la guerra."
    # a negation already there: left as it is
    assert drop_connectors("No intervino tampoco Velin.") == "No intervino tampoco Velin."


def _place(subtype: str) -> Fact:
    return Fact("k", "place", subtype, 0, "s", "a", 0, 1, 0, 1)


def test_a_fronted_country_is_asked_by_en_que_pais_and_another_place_holds_donde():
    stem = f"En {MARK}, el Senado rechazó el Tratado de Kolm."
    assert wh_prompt(_place("country"), stem, None) == "¿En qué país rechazó el Senado el Tratado de Kolm?"
    assert wh_prompt(_place("city"), stem, None) == "¿Dónde rechazó el Senado el Tratado de Kolm?"
    # «¿Dónde se concentra la actividad volcánica en las islas Velin?»: where is said already, the answer is wider
    assert (
        wh_prompt(_place("country"), f"En {MARK}, la actividad volcánica se concentra en las islas Velin.", None) == ""
    )


def test_a_blank_inside_a_comparison_has_many_answers():
    assert _OPEN_COMPARISON.search("Cubre una superficie comparable a la de China o a la de _____.")
    assert _OPEN_COMPARISON.search("Su caudal es similar al del _____.")
    assert _OPEN_COMPARISON.search("Un clima parecido a _____.")
    # a comparison the blank is not in
    assert _OPEN_COMPARISON.search("Una superficie comparable a la de China, descubierta en _____.") is None


def test_a_relative_clause_goes_with_the_time_phrase_it_hung_on():
    sentence = (
        "Las tropas de Kolm permanecieron en Velin hasta 1991, dos años después de la revuelta de Dorm, "
        "que puso fin al régimen."
    )
    assert _stem(sentence, "1991") == "Las tropas de Kolm permanecieron en Velin hasta _____."


def test_a_blank_before_an_epithet_splits_a_name():
    assert name_split("Fue enterrado en el monasterio de _____ el Antiguo.", "Santo Velin")
    assert name_split("Los cartagineses, representados por _____ el Bello, se retiraron.", "Kolm")
    # a name and then the object of the verb: no epithet
    assert not name_split("En 1720 venció _____ el Ejército Rojo de Velin.", "Kolm")
    assert not name_split("La batalla de _____ el 3 de mayo.", "Kolm")


def test_a_question_that_goes_on_into_a_second_clause_is_not_whole():
    assert question_ends_in_other_clause(
        "¿En qué año favoreció la crisis el ascenso de Kolm, y en Velin contribuyó a la llegada de Dorm al poder?"
    )
    # a list, or a clause of its own verb, inside the question
    assert not question_ends_in_other_clause("¿En qué año firmaron Kolm, Velin y Dorm el tratado?")
    assert not question_ends_in_other_clause("¿En qué año tomó Kolm la ciudad, que había resistido tres meses?")


def _count(value: int = 3) -> Fact:
    return Fact("k", "number", "count", 0, "s", "a", 0, 1, 0, 1, value={"number": value, "unit": "viajes"})


def test_a_count_question_does_not_leave_its_determiner_behind():
    assert wh_prompt(_count(), f"Kolm realizó otros {MARK}.", None) == ""
    assert wh_prompt(_count(), f"Kolm realizó {MARK}.", None) == "¿Cuántos viajes realizó Kolm?"


def test_an_ordinal_standing_for_a_noun_leans_on_the_sentence_before():
    assert dependent_context("Verdadero o falso: en el tercero Kolm alcanzó por primera vez el continente.") == (
        "elided_noun"
    )
    assert dependent_context("En el último, murió _____.", "Kolm") == "elided_noun"
    # and «la más …» with its noun left out before a verb
    assert dependent_context("Entre las más frecuentes figuran los ictus y la _____.", "Kolm") == "elided_noun"
    assert dependent_context("La más alta montaña de Velin es el _____.", "Kolm") == ""
    # the ordinal before its noun, or a name that begins with one, says what
    assert dependent_context("En la primera batalla de la guerra venció _____.", "Kolm") == ""
    assert dependent_context("Tras la Segunda Guerra Mundial, Velin se unió a _____.", "Kolm") == ""


def test_the_sample_shows_the_range_a_numeric_item_accepts():
    bank = {
        "questions": [
            {
                "prompt": "Kolm nació hacia _____. (Escriba el año.)",
                "correct": ["1450"],
                "kind": "numeric",
                "status": "published",
                "numeric": {"value": 1450.0, "tolerance": 2.0, "unit": "año"},
            },
            {
                "prompt": "Velin murió en _____. (Escriba el año.)",
                "correct": ["1516"],
                "kind": "numeric",
                "status": "published",
                "numeric": {"value": 1516.0, "tolerance": 0.0, "unit": "año"},
            },
        ]
    }
    shown = {item["answer"]: item for item in sample_template(bank, [])}
    assert shown["1450"]["accepted_range"] == "1448 – 1452"
    assert "accepted_range" not in shown["1516"]


def test_an_acronym_answer_accepts_what_the_text_says_it_stands_for():
    text = "El sistema nervioso central (SNC) está formado por el encéfalo. La Liga de Kolm (LK) nació en 1720."
    assert acronym_expansions("SNC", text) == ["sistema nervioso central"]
    assert acronym_expansions("LK", text) == ["Liga de Kolm"]
    # initials that do not spell it: nothing
    assert acronym_expansions("ADN", "El ácido desoxirribonucleico (ADN) es una molécula.") == []


def test_an_owner_said_for_a_possessive_keeps_the_article_the_text_gives_it():
    disc = discourse(
        "La Gran Sequía de Kolm fue una crisis agraria de Velin.",
        "Su inicio se asocia con la caída de las cosechas en 1720.",
        names={0: ["Gran Sequía de Kolm", "Velin"], 1: []},
    )
    assert _as_text_says("Gran Sequía de Kolm", disc) == "la Gran Sequía de Kolm"
    # a name the text says bare as often as not stays bare
    bare = discourse("Kolm firmó la paz.", "La Kolm de entonces era pobre.", "Kolm cayó en 1720.")
    assert _as_text_says("Kolm", bare) == "Kolm"


def test_a_country_a_place_of_the_subject_is_in_is_guessed_without_the_text():
    assert _LOCATED_IN.search("Kolm es una ciudadela situada en la cordillera Oriental del sur de ")
    assert _LOCATED_IN.search("Kolm es una ciudad situada en ")
    assert not _LOCATED_IN.search("Kolm fue fundada por los reyes de ")


def test_se_produjo_says_that_something_happened_not_what_caused_it():
    cause = find_relations(Sentence(0, "La sequía produjo una gran hambruna en Kolm.", 0, 44))
    assert cause and cause[0].text(cause[0].cause).endswith("sequía")
    assert not find_relations(Sentence(0, "El 24 de octubre de 1929 se produjo una oleada de ventas.", 0, 58))


def test_a_comma_and_y_with_no_verb_before_them_join_two_subjects():
    sentence = "Hoy empresas como Velin, en Kolm, y Dorm, en Arno, extraen de sus aguas potasa."
    assert clause_spans(sentence) == [(0, len(sentence))]
    # after a verb, «, y» opens a clause
    two = "Velin tomó Kolm, y Dorm huyó a Arno."
    assert len(clause_spans(two)) == 2


def test_the_sentences_comma_before_y_comes_back_when_the_blank_took_the_word_before():
    sentence = "Ana Dorm, en 1838, y Luis Velin, en 1839, propusieron la teoría."
    assert _stem(sentence, "1838") == "Ana Dorm, en _____, y Luis Velin, en 1839, propusieron la teoría."


def test_an_age_clause_goes_whole_with_its_age():
    sentence = "La persecución de los liberales llevó a Kolm, que tenía entonces setenta años, a Velin en 1823."
    stem = build_stem(sentence_fact(sentence, "1823", blank_start=sentence.index("1823")))
    assert stem == "La persecución de los liberales llevó a Kolm a Velin en _____."


def test_review_mend_of_round_21():
    # «Tampoco» before a subject stays (only before a verb is it «No»)
    assert drop_connectors("Tampoco Francia apoyó el tratado.") == "Tampoco Francia apoyó el tratado."
    assert drop_connectors("Tampoco el cuerpo de élite tuvo éxito.") == "Tampoco el cuerpo de élite tuvo éxito."
    # an ordinal before a name it modifies is no elided noun; «el tercero» before a name is
    assert dependent_context("Durante los primeros Juegos Olímpicos modernos, Kolm ganó _____ medallas.", "3") == ""
    # the comma comes back only where the blank took the word before «y»
    sentence = "Kolm y Velin lucharon contra Dorm, y Velin venció."
    assert _source_commas("_____ y Velin lucharon contra Dorm.", sentence) == "_____ y Velin lucharon contra Dorm."
    # a big range reads as figures
    assert accepted_range({"value": 8000000.0, "tolerance": 400000.0, "unit": ""}) == "7600000 – 8400000"
