"""Round 28: what fresh texts showed at first sight, tried on our own sentences.

- «¿En qué año murió Fausto en Madrid?»: brothers named once with a shared surname («Juan José y Fausto Elhuyar»),
  then by their first names alone;
- «¿Cuándo venció la flota de Octaviano…?» → «2 de septiembre del 31 a. C.»: the year and the month of a date
  before Christ were refused (see test_generation_when_typed.py);
- «Cuando ocurre, suele producirse en las _____ semanas…»: the subject of «La muerte, cuando ocurre, suele…» was cut
  off with the clause before the aside;
- «En _____, cansado de la política, se retiró…»: the blank in the opening hid that the stem opens as its sentence, so
  no subject was looked for;
- «En la década de _____, … tras los hallazgos de Coolgardie, en 1892.»: a year of the stem gave the decade away;
- «los bronces de Benín no deben confundirse con la República de Benín»: a reader's note made a true/false item;
- «La población de Victoria pasó de unos 77 000 habitantes en _____ a unos 540 000 en 1861.»: the year a figure is
  given for, asked as if it were an event's;
- «las primeras víctimas … fueron consecuencia del 31 de marzo de 1991»: a fronted date taken for the cause;
- «las aguas proceden de tres ríos, el Bijela Rijeka y el Crna Rijeka»: a false count beside the names it counts;
- «¿En qué año firmó el Gobierno de Evo Morales…?» of 2023: a government named in 2008 given to another year's;
- «partió de Siyilmasa, se detuvo en Tagaza.»: a series of verbs cut before «…, donde …, y llegó a Ualata»;
- «sobre todo el archipiélago: sobre la isla Norte, por cesión.»: a list after a colon cut before «y sobre la isla
  Sur»;
- «el bando que daba a los afectados para dirigirse…»: a duration that was what was given, cut out;
- «Una tercera enfermera, _____, enfermó.»: one more of a series the item does not tell;
- «La enfermedad fue descrita por primera vez en _____.» in the text of «La fiebre de Lassa es una fiebre…»: the
  document's subject named by a wider class, and the subject's own word taken for the class said after the copula;
- «Desde 1946, _____ combatía al Viet Minh» → Francia beside «el Cuerpo Expedicionario francés»: a country shown by
  its demonym in another item;
- «En Phnom Penh, la _____, el Mekong…» → «capital camboyana»: a description of a name asked as a term;
- «…el tercero más largo del continente, después del _____ y del Congo»: the others of a ranking;
- «construida hacia _____» typed exactly: an approximate year whose range the text's other years closed;
- «Unión Soviética» accepted «Unión», the text's bare name of the European Union;
- «El papa Francisco fue beatificado en _____»: the first clause's subject given to a passive after «lo declaró…, y»;
- «tenía cuando diseñó la serie Treinta.», «al cumplirse los desde…»: a duration cut from its verb or its article, and
  a title cut at its «y» given as a complement;
- «los presidentes de los Estados Unidos, Theodore Roosevelt.»: a clause cut at «, y de México, …»;
- «¿En qué año se añadió Super-Kamiokande al agua sulfato de gadolinio…?»: a passive «se» given a subject it has;
- «¿En qué año avanzaron las obras … hasta su consagración?»: a noun's date asked of the verb;
- «protegida por una ley de _____»: a law known by its year alone, asked as an event;
- «Promulgada el 3 de noviembre de 1946 y en vigor desde…, sustituyó…»: the parse found no verb, so the fronted
  participle was not given the document's subject;
- «el nombre de «grado Anders Celsius»»: a quoted name given a person's first name;
- «en la noche del 31 de enero al 31 de enero de 1953»: a false day range whose ends the swap made one;
- «El 10 de mayo de _____, fecha de la investidura de Mandela.»: a date and its apposition, no clause;
- «las mujeres mayores el derecho de voto»: an age qualifier cut as a duration;
- «Wangari Maathai (Ihithe, 1 de abril de 1940-Nairobi, 8 de octubre de 2004) fue una bióloga…»: a false statement
  made in the life's parenthesis;
- «¿En qué año decretó la regente … su abolición definitiva?» in the text of the Inquisition: what is done to the
  document's subject, or its parts, said with «su» where the prompt does not name it;
- «_____ al-Malik, quinto califa de la dinastía omeya…» → «Abd»: a blank before the rest of an Arabic name;
- «nació hacia 980 en Afshana, la capital del Emirato samánida»: an aside dropped before another that described its
  last word (a false statement).
"""

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.quality import counted_before_colon, name_split, range_inverted
from quizzes.generation.questions import _colon_list_cut, _join_cut_series, _remove_temporal
from quizzes.generation.ranking import trivia_penalty
from quizzes.generation.relations import find_relations
from quizzes.generation.standalone import full_first_names, outside_reference, stand_alone
from quizzes.generation.text import Sentence, clause_spans

from .support import discourse, sentence_fact


def test_first_names_after_a_shared_surname_get_it():
    disc = discourse(
        "El velio es un metal descubierto en 1783 por los hermanos Juan Pablo y Tadeo Osk en Berhof.",
        "Tadeo enseñaba mineralogía en Berhof.",
        "Juan Pablo murió en Tarsia en 1796.",
        names={0: ["Juan Pablo", "Tadeo Osk", "Berhof"], 1: ["Berhof"], 2: ["Juan Pablo", "Tarsia"]},
        title="Velio",
    )
    assert (
        full_first_names("¿En qué año murió Juan Pablo en Tarsia?", disc)
        == "¿En qué año murió Juan Pablo Osk en Tarsia?"
    )
    assert full_first_names("Tadeo enseñaba mineralogía en _____.", disc) == "Tadeo Osk enseñaba mineralogía en _____."
    # the coordinated mention itself is said whole already
    said = "Lo descubrieron los hermanos Juan Pablo y Tadeo Osk en _____."
    assert full_first_names(said, disc) == said


def test_a_shared_surname_needs_the_second_name_whole_and_one_bearer():
    # «Velinia y Tarsia Osk»: no name of the text is «Tarsia Osk»
    disc = discourse(
        "El tratado unió a Velinia y Tarsia Osk en 1783.",
        "Velinia cedió Berhof.",
        names={0: ["Velinia"], 1: ["Velinia", "Berhof"]},
        title="Tratado de Osk",
    )
    assert full_first_names("Velinia cedió _____.", disc) == "Velinia cedió _____."
    # two persons of the same first name: which one?
    disc = discourse(
        "Los hermanos Juan y Tadeo Osk fundaron Berhof; Juan Berhof los ayudó.",
        "Juan murió en 1796.",
        names={0: ["Juan", "Tadeo Osk", "Juan Berhof"], 1: ["Juan"]},
        title="Berhof",
    )
    assert full_first_names("Juan murió en _____.", disc) == "Juan murió en _____."


def test_two_whole_names_coordinated_are_not_given_the_surname_again():
    disc = discourse(
        "Tadeo Osk y Elena Osk fundaron Berhof.",
        "Elena Osk ocupó su cátedra.",
        names={0: ["Tadeo Osk", "Elena Osk", "Berhof"], 1: ["Elena Osk"]},
        title="Berhof",
    )
    assert full_first_names("En 1903, Elena y Tadeo Osk fundaron _____.", disc) == (
        "En 1903, Elena y Tadeo Osk fundaron _____."
    )
    assert full_first_names("Elena Osk ocupó la cátedra de _____.", disc) == "Elena Osk ocupó la cátedra de _____."


def test_a_subject_set_off_before_an_aside_stays_with_its_verb():
    sentence = "La fiebre, cuando aparece, suele durar dos semanas."
    assert [sentence[a:b] for a, b in clause_spans(sentence)] == [sentence]
    # a clause with its own verb before the comma is still cut
    sentence = "La ciudad fue tomada, cuando llegaron los velinios."
    assert [sentence[a:b] for a, b in clause_spans(sentence)] == [
        "La ciudad fue tomada, ",
        "cuando llegaron los velinios.",
    ]


def test_a_blank_in_the_opening_still_looks_for_the_subject():
    disc = discourse(
        "Tadeo Osk fue un historiador velinio.",
        "Sirvió como secretario del sultán de Berhof.",
        "En 1375, cansado de la política, se retiró con su familia al castillo de Tarsia.",
        title="Tadeo Osk",
    )
    said, problem = stand_alone(
        "En _____, cansado de la política, se retiró con su familia al castillo de Tarsia.", 2, disc, blank="_____"
    )
    assert problem == "no_subject" or "Tadeo Osk se retiró" in said


def test_a_year_of_the_stem_inside_the_asked_decade_gives_it_away():
    text = (
        "Fiebre del oro de Velinia\n\nLa fiebre del oro de Velinia fue un periodo de migración masiva. "
        "En la década de 1890, una nueva fiebre se desató en Tarsia tras los hallazgos de Osk, en 1892. "
        "Durante la década de 1850, Velinia aportó un tercio del oro del mundo."
    )
    bank = generate_bank(text)
    asked = {q.prompt: q for q in bank.questions if q.correct in (["1890"], ["1850"]) and "década de _____" in q.prompt}
    nineties = [q for p, q in asked.items() if "1892" in p]
    fifties = [q for p, q in asked.items() if "1892" not in p]
    assert nineties and all("no_computable_date" in q.checks_failed for q in nineties)
    assert fifties and not any("no_computable_date" in q.checks_failed for q in fifties)


def test_a_reader_s_note_of_what_the_subject_is_not_is_no_fact():
    from quizzes.generation.facts import extract
    from quizzes.generation.ranking import fact_importance
    from quizzes.generation.text import split_sentences

    text = (
        "Los bronces de Osk no deben confundirse con la República de Osk, el país vecino que hasta 1975 se llamaba "
        "Tarsia. En 1897, una expedición velinia saqueó la ciudad de Osk y se llevó los bronces."
    )
    ex = extract(split_sentences(text))
    note = [f for f in ex.facts if "confundirse" in f.sentence]
    told = [f for f in ex.facts if "saqueó" in f.sentence]
    assert note and all(fact_importance(f, ex) == 0 for f in note)
    assert told and any(fact_importance(f, ex) > 0 for f in told)


def test_the_year_a_figure_is_given_for_is_incidental():
    sentence = "La población de Velinia pasó de unos 77 000 habitantes en 1851 a unos 540 000 en 1861."
    assert trivia_penalty(sentence_fact(sentence, "1851")) > 0
    assert trivia_penalty(sentence_fact(sentence, "1861")) > 0
    event = "En 1851, miles de mineros quemaron sus licencias en Osk."
    assert trivia_penalty(sentence_fact(event, "1851")) == 0


def test_a_fronted_date_is_no_cause():
    text = (
        "El 31 de marzo de 1991, un enfrentamiento entre la policía velinia y milicias tarsias, conocido como la "
        "«Pascua de Osk», causó las primeras víctimas mortales de la guerra."
    )
    relations = find_relations(Sentence(index=0, text=text, start=0, end=len(text)))
    assert relations and all(r.text(r.cause).startswith("un enfrentamiento") for r in relations)


def test_a_count_beside_the_names_it_counts_makes_no_true_false_item():
    assert counted_before_colon(
        "Las aguas proceden de dos ríos, el Bijela (Río Blanco) y el Crna (Río Negro), que se unen."
    )
    assert counted_before_colon(
        "La historia se conoce por dos crónicas escritas en árabe en el siglo XVII, el «Tarij al-Sudán» y el «Tarij "
        "al-Fattash»."
    )
    assert not counted_before_colon("Las aguas proceden de dos ríos que se unen para formar el Osk.")


@pytest.mark.parametrize(
    ("year", "given"),
    [("2023", False), ("2008", True)],  # another year's government is maybe another's; the same year's, the same
)
def test_a_government_named_in_one_year_is_not_given_to_another_year_s(year, given):
    sentence = f"En {year} el Gobierno firmó además un acuerdo con un consorcio velinio."
    disc = discourse(
        "El salar de Osk es el mayor desierto de sal del mundo.",
        "En 2008, el Gobierno de Tadeo Berhof anunció un plan estatal para el litio.",
        sentence,
        names={1: ["Gobierno de Tadeo Berhof"], 2: ["Gobierno"]},
        title="Salar de Osk",
    )
    said, _problem = stand_alone(sentence.replace("velinio", "_____"), 2, disc, blank="_____")
    assert ("Gobierno de Tadeo Berhof" in said) is given


def test_cut_series_and_lists_get_their_last_member_or_are_caught():
    sentence = (
        "En 1352, el viajero Tadeo Osk partió de Berhof, se detuvo en Tarsia, donde observó que las casas y la "
        "mezquita eran de sal, y llegó a Velinia dos meses después."
    )
    assert _join_cut_series("En _____, el viajero Tadeo Osk partió de Berhof, se detuvo en Tarsia.", sentence) == (
        "En _____, el viajero Tadeo Osk partió de Berhof y se detuvo en Tarsia."
    )
    sentence = "El 21 de mayo de 1840, Osk proclamó su soberanía sobre todo el archipiélago: sobre la isla Norte, por cesión, y sobre la isla Sur, por descubrimiento."
    assert _colon_list_cut(
        "El _____, Osk proclamó su soberanía sobre todo el archipiélago: sobre la isla Norte, por cesión.", sentence
    )


def test_a_duration_given_for_a_purpose_stays():
    text = "El 22 de septiembre de 1609, el virrey publicó el bando que daba a los afectados tres días para dirigirse a los puertos."
    a = text.index("tres días")
    assert _remove_temporal(text, a, a + len("tres días")) == (a, a)
    text = "Tras tres días de marcha, el virrey llegó a los puertos."
    a = text.index("tres días")
    start, end = _remove_temporal(text, a, a + len("tres días"))
    assert end > start


def test_one_more_of_a_series_points_back():
    from quizzes.generation.pointing import phrase_pointing_back

    disc = discourse(
        "La fiebre de Osk es una enfermedad vírica.",
        "Dos enfermeras murieron en Berhof en 1969.",
        "Una tercera enfermera, Ana Tars, enfermó también.",
        title="Fiebre de Osk",
    )
    text = "Una tercera enfermera, _____, enfermó."
    assert phrase_pointing_back(text, (text.index("_____"), text.index("_____") + 5), 2, disc) == "set_reference"
    for text in (
        "La segunda mitad del siglo vio crecer la ciudad de _____.",
        "En 1502, Osk dirigió una segunda expedición a _____.",
    ):
        assert phrase_pointing_back(text, (text.index("_____"), text.index("_____") + 5), 2, disc) != "set_reference"


def test_the_document_s_subject_said_by_a_wider_class_is_named():
    disc = discourse(
        "La fiebre de Osk es una fiebre hemorrágica causada por el virus de Osk.",
        "Es endémica en varios países de Velinia.",
        "La enfermedad fue descrita por primera vez en 1969.",
        title="Fiebre de Osk",
    )
    said, problem = stand_alone("La enfermedad fue descrita por primera vez en _____.", 2, disc, blank="_____")
    assert (said, problem) == ("La fiebre de Osk fue descrita por primera vez en _____.", "")


def test_a_country_is_shown_by_its_demonym_in_another_item():
    from quizzes.generation.model import Question
    from quizzes.generation.ranking import _namers

    def item(key: str, prompt: str, answer: str) -> Question:
        return Question(
            key=key,
            kind="short_answer",
            prompt=prompt,
            fact_keys=[key],
            correct=[answer],
            distractors=[],
            explanation="",
            sentence_indexes=[0],
        )

    asked = item("a", "Desde 1946, _____ combatía al Viet Minh.", "Francia")
    shows = item("b", "La batalla enfrentó al Cuerpo Expedicionario francés y al _____.", "Viet Minh")
    other = item("c", "El Viet Minh recibió artillería de _____.", "China")
    namers = _namers([asked, shows, other], {"a", "b", "c"})
    assert "b" in namers.get("a", set())
    assert "b" not in namers.get("c", set())


def test_descriptions_and_rankings_are_not_asked():
    from quizzes.generation.facts import extract
    from quizzes.generation.ranking import fact_importance
    from quizzes.generation.text import split_sentences

    text = (
        "El Osk es el principal río de Velinia y el tercero más largo del continente, después del Berhof y del Tars. "
        "En Tarsia, la capital velinia, el Osk recibe al río Lem."
    )
    ex = extract(split_sentences(text))
    ranked = [f for f in ex.facts if f.answer == "Berhof"]
    described = [f for f in ex.facts if f.answer == "capital velinia"]
    assert all(fact_importance(f, ex) == 0 for f in ranked + described)
    assert any(fact_importance(f, ex) > 0 for f in ex.facts if f.answer in {"Velinia", "río Lem", "Tarsia"})


def test_an_approximate_year_with_no_range_left_is_not_typed_as_a_number():
    text = (
        "Imperio de Osk\n\nEl Imperio de Osk fue un estado de Velinia. Su rey peregrinó a Berhof entre 1496 y 1497. "
        "La tumba del rey, una pirámide de adobe construida hacia 1495, está en Tarsia. "
        "La ciudad de Lem fue fundada hacia 1450 por los pescadores."
    )
    bank = generate_bank(text)
    typed = {q.correct[0]: q for q in bank.questions if q.kind == "numeric"}
    assert "1495" not in typed
    assert typed["1450"].numeric["tolerance"] == 2


def test_a_generic_head_alone_is_no_accepted_answer():
    text = (
        "Alfabeto de Osk\n\nEl alfabeto de Osk es un sistema de escritura de Velinia. Desde la entrada de Velinia en "
        "la Unión Europea, es el tercer alfabeto oficial de la Unión. Tras la disolución de la Unión Soviética en "
        "1991, varios países adoptaron el alfabeto latino."
    )
    asked = [q for q in generate_bank(text).questions if q.correct and q.correct[0].endswith("Unión Soviética")]
    assert asked
    assert all(a.lower().removeprefix("la ") != "unión" for q in asked for a in q.accepted)


def test_a_passive_after_an_object_clitic_is_not_the_first_subject_s():
    text = "Osk fue un arzobispo velinio. El papa Tadeo lo declaró mártir, y fue beatificado en Berhof el 23 de mayo de 2015."
    bank = generate_bank(text)
    assert not [q for q in bank.questions if "Tadeo fue beatificado" in q.prompt]


def test_a_duration_left_with_its_verb_or_article_stays():
    for text, said in (
        ("Osk, nacido en Berhof en 1760, tenía unos setenta años cuando diseñó la serie.", "setenta años"),
        ("La Corte se disolvió el 12 de marzo de 1918, al cumplirse los diez años desde la ratificación.", "diez años"),
    ):
        a = text.index(said)
        assert _remove_temporal(text, a, a + len(said)) == (a, a)


def test_a_title_cut_at_its_y_is_no_complement():
    disc = discourse(
        "La gran ola de Osk es un grabado velinio.",
        "Es la primera lámina de la serie Treinta y seis vistas del monte Berhof.",
        "Tadeo Osk tenía setenta años cuando diseñó la serie.",
        title="La gran ola de Osk",
    )
    said, _problem = stand_alone(
        "Tadeo Osk tenía setenta años cuando diseñó la serie en _____.", 2, disc, blank="_____"
    )
    assert "serie Treinta" not in said


def test_a_second_complement_after_y_de_is_no_clause():
    sentence = (
        "En 1907, tras un conflicto en el que intervino Velinia, los presidentes de Tarsia, Tadeo Osk, y de Berhof, "
        "Ana Lem, propusieron una conferencia de paz."
    )
    assert [sentence[a:b] for a, b in clause_spans(sentence)] == [sentence]


def test_a_passive_se_with_its_subject_after_a_phrase_gets_no_other():
    disc = discourse(
        "Super-Osk es un detector de neutrinos de Velinia.",
        "Comenzó a funcionar en 1996.",
        "En 2020 se añadió al agua sulfato de gadolinio, un compuesto que facilita la detección.",
        title="Super-Osk",
    )
    said, _problem = stand_alone(
        "En _____ se añadió al agua sulfato de gadolinio, un compuesto que facilita la detección.",
        2,
        disc,
        blank="_____",
    )
    assert "Super-Osk" not in said


def test_a_date_of_the_noun_a_time_preposition_governs_is_not_asked_of_the_verb():
    text = (
        "Catedral de Osk\n\nLa catedral de Osk es el templo principal de Berhof. La primera piedra se colocó en 1521, "
        "y las obras avanzaron de forma continua hasta su consagración en 1541."
    )
    assert not [q for q in generate_bank(text).questions if q.prompt.startswith("¿") and "avanzaron" in q.prompt]


def test_a_law_known_by_its_year_alone_is_incidental():
    sentence = "La red de vías pecuarias suma unos 125 000 km y está protegida por una ley de 1995."
    assert trivia_penalty(sentence_fact(sentence, "1995")) > 0
    named = "La Ley de Vías Pecuarias se aprobó en 1995."
    assert trivia_penalty(sentence_fact(named, "1995")) == 0


def test_a_fronted_participle_is_read_when_the_parse_finds_no_verb():
    disc = discourse(
        "La Constitución de Osk es la ley fundamental de Velinia.",
        "La Constitución de Osk establece una monarquía parlamentaria.",
        "Promulgada el 3 de noviembre de 1946 y en vigor desde el 3 de mayo de 1947, sustituyó a la Constitución "
        "Meiji de 1889.",
        title="Constitución de Osk",
    )
    stem = "Promulgada el 3 de noviembre de 1946 y en vigor desde el 3 de mayo de 1947, sustituyó a la Constitución Meiji de _____."
    said, problem = stand_alone(stem, 2, disc, blank="_____")
    assert problem == "no_subject" or "la Constitución de Osk sustituyó" in said
    assert said != stem or problem


def test_a_quoted_name_is_not_given_a_person_s_names():
    disc = discourse(
        "Tadeo Osk fue un astrónomo velinio.",
        "En 1948 la Conferencia adoptó el nombre de «grado Osk» en honor del científico.",
        names={0: ["Tadeo Osk"], 1: ["Osk"]},
        title="Escala Osk",
    )
    said = "En _____ la Conferencia adoptó el nombre de «grado Osk» en honor del científico."
    assert full_first_names(said, disc) == said


def test_a_false_day_range_with_one_day_is_no_statement():
    assert range_inverted("Verdadero o falso: en la noche del 31 de enero al 31 de enero de 1953, llovió.")
    assert not range_inverted("Verdadero o falso: en la noche del 31 de enero al 1 de febrero de 1953, llovió.")


def test_a_date_and_its_apposition_alone_is_a_fragment():
    assert outside_reference("El 10 de mayo de _____, fecha de la investidura de Osk. (Escriba el año.)") == "fragment"
    assert outside_reference("El 10 de mayo de _____, Osk fue investido presidente.") == ""


def test_an_age_qualifier_stays():
    text = "En 1915 las mujeres mayores de 40 años obtuvieron el derecho de voto."
    a = text.index("40 años")
    assert _remove_temporal(text, a, a + len("40 años")) == (a, a)


def test_a_statement_is_not_made_false_inside_a_parenthesis():
    from quizzes.generation.facts import Extraction, Groups
    from quizzes.generation.model import Fact, Question
    from quizzes.generation.quality import check_question

    sentence = "Ana Osk (Berhof, 1 de abril de 1940-Tarsia, 25 de septiembre de 2011) fue una bióloga velinia."
    at = sentence.index("25 de septiembre de 2011")
    fact = Fact("f1", "date", "day", 0, sentence, "25 de septiembre de 2011", at, at + 24, at, at + 24)
    ex = Extraction(facts=[fact], mentions={}, groups=Groups(), topic="", alias_pairs=[])

    def checked(prompt: str, swapped: str) -> Question:
        q = Question(
            key="q1",
            kind="true_false",
            prompt=prompt,
            fact_keys=["f1"],
            correct=["Falso"],
            distractors=[],
            explanation="",
            sentence_indexes=[0],
            notes=[f"Afirmación falsa: «{swapped}» en lugar de «25 de septiembre de 2011»."],
        )
        check_question(q, {"f1": fact}, ex)
        return q

    inside = (
        "Verdadero o falso: Ana Osk (Berhof, 1 de abril de 1940-Tarsia, 8 de octubre de 2004) fue una bióloga velinia."
    )
    assert "tf_plausible" in checked(inside, "8 de octubre de 2004").checks_failed
    outside = "Verdadero o falso: Ana Osk murió en Tarsia el 8 de octubre de 2004."
    assert "tf_plausible" not in checked(outside, "8 de octubre de 2004").checks_failed


def test_what_is_done_to_the_document_s_subject_is_said_of_it():
    disc = discourse(
        "La Inquisición de Osk fue una institución creada en 1478 por los reyes de Velinia.",
        "Actuó durante más de tres siglos en Velinia.",
        "La regente Ana de Tars decretó su abolición definitiva el 15 de julio de 1834.",
        title="Inquisición de Osk",
    )
    said, problem = stand_alone(
        "La regente Ana de Tars decretó su abolición definitiva el 15 de julio de _____.", 2, disc, blank="_____"
    )
    assert problem == ""
    assert "la abolición definitiva de la Inquisición de Osk" in said
    # what a subject may have of its own stays its own, and a place just named owns it
    for stem in (
        "En _____, Velinia sufrió el peor brote de su historia.",
        "En _____, Tadeo Osk descendió por el Berhof hasta su desembocadura.",
    ):
        said, _problem = stand_alone(stem, 2, disc, blank="_____")
        assert "Inquisición" not in said


def test_a_blank_before_the_rest_of_an_arabic_name_splits_it():
    assert name_split("_____ al-Malik, quinto califa de la dinastía, gobernó desde Damasco.", "Abd")
    assert name_split("Escrito por el científico _____ al-Hasan ibn al-Haytham.", "Abu Ali")
    assert not name_split("_____ gobernó desde Damasco entre 685 y 705.", "Abd al-Malik")


def test_an_aside_described_by_the_next_one_stays():
    from quizzes.generation.questions import paraphrase

    sentence = (
        "Nació hacia 980 en Osk, una aldea cercana a Berhof, la capital del Emirato velinio, en la actual Tarsia."
    )
    said = paraphrase(sentence, "980")
    assert "Osk, la capital" not in said
