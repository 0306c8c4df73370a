"""What gets published: facts ranked by what a teacher would ask (sentences written for these tests)."""

from __future__ import annotations

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.model import Fact, Question
from quizzes.generation.quality import name_split
from quizzes.generation.ranking import MIN_IMPORTANCE, clause_role, fact_importance

from .support import sentence_fact


def _fact(sentence: str, answer: str, kind: str = "date", subtype: str = "year") -> Fact:
    return sentence_fact(sentence, answer, kind, subtype, key=f"k-{answer}")


@pytest.mark.parametrize(
    ("sentence", "answer", "kind", "role"),
    [
        ("En 1588 la Armada Invencible zarpó de Lisboa hacia Inglaterra.", "1588", "date", "main"),
        (
            "El químico sueco Alfred Nobel inventó la dinamita, por lo que ganó una gran fortuna en 1867.",
            "1867",
            "date",
            "subordinate",
        ),
        ("El puente, que se inauguró en 1932, une las dos orillas de la bahía.", "1932", "date", "subordinate"),
        (
            "El elemento 43, obtenido en 1937 en Palermo, fue el primero creado artificialmente.",
            "1937",
            "date",
            "subordinate",
        ),
        (
            "Como Roma quedaba lejos, el emperador Constantino fundó una nueva capital en el Bósforo.",
            "Roma",
            "place",
            "subordinate",
        ),
        # a relative clause on a name is still a side clause (only a participle dates a named event)
        (
            "La guerra enfrentó a los Estados Unidos y la Unión Soviética, que dividieron Europa en dos bloques.",
            "dos bloques",
            "number",
            "subordinate",
        ),
        # the participle describes a named event: its own date
        (
            "El Tratado de Versalles, firmado el 28 de junio de 1919, puso fin a la guerra.",
            "28 de junio de 1919",
            "date",
            "main",
        ),
        ("La Paz de Nimega de 1678 puso fin a la guerra franco-neerlandesa.", "1678", "date", "main"),
        # the parse hangs the date on a noun of time: it is still the time of the main act
        (
            "Después de 20 años de Paz Armada, en agosto de 1914, Alemania comenzó la Gran Guerra.",
            "agosto de 1914",
            "date",
            "main",
        ),
        ("Según Heródoto, la ciudad de Babilonia tenía cien puertas de bronce.", "Heródoto", "person", "aside"),
        ("El edificio aparece en el catálogo municipal de 1912 con otro nombre.", "1912", "date", "aside"),
        (
            "En el centro del retrato aparece la reina Victoria, hija del duque de Kent y de la princesa de Sajonia.",
            "duque de Kent",
            "person",
            "aside",
        ),
        ("En la portada figura el lema «Dios y el rey de Castilla» en letras doradas.", "Castilla", "place", "aside"),
    ],
)
def test_where_the_answer_sits_in_its_sentence(sentence, answer, kind, role):
    assert clause_role(_fact(sentence, answer, kind)) == role


def test_a_date_in_a_side_clause_is_not_published_and_one_of_the_main_clause_is():
    from quizzes.generation.facts import Extraction, Groups

    ex = Extraction(facts=[], mentions={}, groups=Groups(), topic="", alias_pairs=[])
    main = _fact("En 1588 la Armada Invencible zarpó de Lisboa hacia Inglaterra.", "1588")
    side = _fact("El químico sueco Alfred Nobel inventó la dinamita, por lo que ganó una gran fortuna en 1867.", "1867")
    assert fact_importance(main, ex, role=clause_role(main)) >= MIN_IMPORTANCE
    assert fact_importance(side, ex, role=clause_role(side)) < MIN_IMPORTANCE
    # The text's first sentence defines it: what it says is never a side remark.
    assert fact_importance(side, ex, role=clause_role(side), first=True) >= MIN_IMPORTANCE
    # A sentence about a name the text says once is a side remark.
    assert fact_importance(main, ex, role="main", recurring_subject=False) < fact_importance(main, ex, role="main")


def test_measurements_and_places_of_keeping_are_not_asked():
    from quizzes.generation.facts import Extraction, Groups

    ex = Extraction(facts=[], mentions={}, groups=Groups(), topic="", alias_pairs=[])
    kept = _fact(
        "Una copia del plano original se conserva en el Archivo de Simancas, en Valladolid.",
        "Valladolid",
        "place",
        "city",
    )
    size = _fact("El lienzo mide 325 × 274 cm y está pintado al óleo.", "274 cm", "number", "quantity")
    assert fact_importance(kept, ex, role=clause_role(kept)) < MIN_IMPORTANCE
    assert fact_importance(size, ex, role=clause_role(size), paragraph=0) < MIN_IMPORTANCE


TEXT = """El canal de Suez es una vía navegable artificial de Egipto que une el mar Mediterráneo con el mar Rojo.
El diplomático francés Ferdinand de Lesseps obtuvo en 1854 la concesión del virrey de Egipto.
Las obras comenzaron el 25 de abril de 1859 en Port Said.
Miles de campesinos egipcios trabajaron en la excavación en condiciones muy duras.
El canal se inauguró el 17 de noviembre de 1869 con una gran fiesta.
El compositor Giuseppe Verdi escribió la ópera Aida, que se estrenó en El Cairo en 1871.
En 1875 Egipto vendió sus acciones del canal al Reino Unido.
Una maqueta del canal se conserva en el Museo de la Marina de París.
En 1956 el presidente Gamal Abdel Nasser nacionalizó el canal y provocó la crisis de Suez.
A la izquierda del grabado aparece el ingeniero Alois Negrelli, autor de los primeros planos.
El canal fue cerrado entre 1967 y 1975 tras la guerra de los Seis Días.
"""


def test_a_text_publishes_its_main_facts_and_not_its_side_remarks():
    bank = generate_bank(TEXT)
    facts = {f.key: f for f in bank.facts}
    published = [q for q in bank.questions if q.status == "published"]
    asked = {facts[k].answer for q in published for k in q.fact_keys if k in facts}
    assert published
    assert not {"1871", "París", "Museo de la Marina", "Alois Negrelli"} & asked, asked
    assert {"17 de noviembre de 1869", "1956"} & asked or "Gamal Abdel Nasser" in asked, asked


@pytest.mark.parametrize(
    ("prompt", "answer", "split"),
    [
        ("En el siglo XVII, el flamenco Jan Baptista van _____ cultivó un sauce.", "Helmont", True),
        ("El químico _____ van Helmont cultivó un sauce en una maceta.", "Jan Baptista", True),
        ("El elemento se obtuvo en 1955 en la Universidad de _____.", "California", True),
        ("La guerra terminó con la firma del Tratado de _____.", "París", True),
        ("El primer ministro Camillo Benso, conde de _____, se unió a los aliados.", "Cavour", True),
        ("El joven marqués de _____ llegó como voluntario.", "Lafayette", True),
        ("En 1898 la ciudad de _____ perdió sus últimas colonias.", "Madrid", False),
        ("Tras _____, el ejército se retiró a la costa.", "Ayacucho", False),
        ("La paz se firmó en el Tratado de Utrecht de _____.", "1713", False),
        ("El general _____ desembarcó en la costa de Veracruz.", "Hernán Cortés", False),
    ],
)
def test_a_blank_that_cuts_a_name(prompt, answer, split):
    assert name_split(prompt, answer) is split


@pytest.mark.parametrize(
    ("prompt", "end"),
    [
        ("Entre 1912 y _____, la expedición cartografió la costa.", True),
        ("En el 44 y el _____, las legiones sofocaron la revuelta.", True),
        ("El asedio se prolongó de _____ a agosto de 1708.", True),
        ("Del _____ al 3 de mayo de 1808, el pueblo resistió.", True),
        ("El invierno de 1812 a _____ fue terrible para el ejército.", True),
        ("El puerto se fundó en _____ y creció durante el siglo XVIII.", False),
        ("La obra fue ratificada el 2 de julio y por el rey el 5 de septiembre de _____.", False),
    ],
)
def test_one_end_of_a_range_beside_the_other_is_not_asked(prompt, end):
    from quizzes.generation.quality import _RANGE_END

    assert (_RANGE_END.search(prompt) is not None) is end


def test_an_answer_the_title_names_by_its_stem_is_not_asked():
    from quizzes.generation.facts import Extraction, Groups
    from quizzes.generation.quality import guessable_from_title

    ex = Extraction(facts=[], mentions={}, groups=Groups(), topic="", alias_pairs=[])
    sentence = "El lema de la revolución sigue siendo el de la República Francesa."
    assert guessable_from_title(_fact(sentence, "República Francesa", "place", "country"), "La Revolución francesa", ex)
    sentence = "La guerra enfrentó a España con Gran Bretaña."
    assert guessable_from_title(_fact(sentence, "España", "place", "country"), "La guerra de sucesión española", ex)
    # A generic word of the title («guerra») gives nothing away; dates are never guessed from it.
    assert not guessable_from_title(
        _fact(sentence, "Gran Bretaña", "place", "country"), "La guerra de sucesión española", ex
    )
    assert not guessable_from_title(_fact("Terminó en 1714.", "1714"), "La guerra de 1714", ex)


GIVEAWAY_TEXT = """La Gran Muralla es una antigua fortificación del norte de China.
Los primeros muros los levantó el emperador Qin Shi Huang en el siglo III a. C.
Qin Shi Huang unificó los reinos combatientes en el año 221 a. C.
La dinastía Ming reconstruyó la muralla con ladrillo a partir de 1368.
Los Ming trasladaron la capital a Pekín en 1421.
Los soldados de la dinastía Ming vigilaban el paso de Shanhai desde sus torres.
Qin Shi Huang murió en el año 210 a. C. durante un viaje por el este del imperio.
Un ejército de guerreros de terracota custodia la tumba de Qin Shi Huang en Xi'an.
"""


def test_no_published_item_names_the_answer_of_another():
    from quizzes.generation.ranking import _says

    bank = generate_bank(GIVEAWAY_TEXT)
    facts = {f.key: f for f in bank.facts}
    published = [q for q in bank.questions if q.status == "published" and q.kind != "ordering"]
    assert len(published) >= 3
    for a in published:
        if a.kind == "true_false" or not any(
            facts[k].kind in {"person", "place", "organization", "event"} for k in a.fact_keys if k in facts
        ):
            continue
        for b in published:
            if b is not a:
                assert not any(_says(b.prompt, x) for x in a.correct), (a.prompt, b.prompt)


@pytest.mark.parametrize(
    ("statement", "sentence", "copy"),
    [
        # cut from its sentence, a connector or a word dropped: still a copy
        (
            "Verdadero o falso: Ana asistió a las clases de la escuela nocturna.",
            "Por ello, Ana asistió a las clases de la escuela nocturna y trabajó como costurera.",
            True,
        ),
        (
            "Verdadero o falso: el agua entra en la raíz por los pelos absorbentes, que la planta renueva cada día.",
            "El agua entra en la raíz por los pelos absorbentes, que la planta renueva también cada día.",
            True,
        ),
        (
            "Verdadero o falso: el puerto exportaba lana a Flandes.",
            "El puerto exportaba lana a Flandes (sobre todo a Brujas).",
            True,
        ),
        # a subject put back, an aside dropped from the middle, a date moved to the front: restated
        (
            "Verdadero o falso: el canal de Suez se convirtió en la ruta más corta entre Europa y Asia.",
            "Se convirtió en la ruta más corta entre Europa y Asia, y su control fue disputado durante un siglo.",
            False,
        ),
        (
            "Verdadero o falso: la república cayó ante las tropas del general realista Morillo.",
            "Sin embargo, la república cayó al año siguiente ante las tropas del general realista Morillo.",
            False,
        ),
        (
            "Verdadero o falso: el 2 de mayo de 1808, el pueblo de Madrid se levantó contra los franceses.",
            "El pueblo de Madrid se levantó contra los franceses el 2 de mayo de 1808.",
            False,
        ),
    ],
)
def test_a_true_statement_cut_from_its_sentence_is_a_copy(statement, sentence, copy):
    from quizzes.generation.quality import copied_statement

    assert copied_statement(statement, sentence) is copy


def test_true_statements_are_published_only_restated_and_balanced():
    from quizzes.generation.quality import copied_statement

    for text in (TEXT, GIVEAWAY_TEXT):
        bank = generate_bank(text)
        facts = {f.key: f for f in bank.facts}
        tf = [q for q in bank.questions if q.status == "published" and q.kind == "true_false"]
        for q in tf:
            if q.correct == ["Verdadero"]:
                assert not copied_statement(q.prompt, facts[q.fact_keys[0]].sentence), q.prompt
        true = sum(q.correct == ["Verdadero"] for q in tf)
        assert abs(true - (len(tf) - true)) <= 1 or 0.4 <= true / len(tf) <= 0.6


def test_a_number_said_again_beside_the_blank_and_a_bare_first_name_are_not_published():
    from quizzes.generation.quality import number_repeated

    assert number_repeated("La reacción: _____ de hidrógeno y seis de oxígeno dan seis de agua.", "seis moléculas")
    assert number_repeated("Llegaron 12 barcos y _____ con ellos.", "12 hombres")
    assert not number_repeated("La tabla tiene _____ y 18 grupos.", "siete periodos")
    assert not number_repeated("El asedio duró 6 meses y _____ murieron.", "6000 soldados")
    bank = generate_bank(
        "Santiago Ramírez fue un pintor mexicano del siglo XIX.\n"
        "Santiago Ramírez estudió en la Academia de San Carlos de la capital.\n"
        "Ana asistió a las clases de dibujo de la Academia de San Carlos.\n"
        "Santiago Ramírez pintó el retrato de Ana en 1867.\n"
    )
    asked_ana = [q for q in bank.questions if q.kind in {"short_answer", "single_choice"} and q.correct == ["Ana"]]
    assert asked_ana
    assert all("full_name_answer" in q.checks_failed and q.status == "draft" for q in asked_ana)


def test_one_true_item_more_than_false_brings_in_a_false_one_when_it_fits():
    from collections import Counter

    from quizzes.generation.model import Question
    from quizzes.generation.ranking import _balance_true_false

    def tf(key: str, answer: str, sentence: int, fact: str) -> Question:
        return Question(
            key=key,
            kind="true_false",
            prompt=f"Verdadero o falso: afirmación {key}.",
            fact_keys=[fact],
            correct=[answer],
            distractors=[],
            explanation="",
            sentence_indexes=[sentence],
        )

    true_a, false_a = tf("va", "Verdadero", 0, "fa"), tf("fa", "Falso", 0, "fa")
    false_b = tf("fb", "Falso", 1, "fb")
    candidates = [true_a, false_a, false_b]
    chosen, used = {"va"}, Counter({0: 1})
    _balance_true_false(candidates, chosen, used, lambda q: (0.0 if q.key == "fb" else 1.0, q.key), 1)
    assert chosen == {"va", "fb"}  # the false item of the free sentence comes in; the true one stays
    chosen, used = {"va"}, Counter({0: 1, 1: 1})  # no room for a «Falso»: the lone «Verdadero» is held
    _balance_true_false([true_a, false_a], chosen, used, lambda q: (0.0, q.key), 1)
    assert chosen == set() and used[0] == 0
    # two «Verdadero» to one «Falso» (67 %) is not balanced either: the weakest «Verdadero» goes
    true_b, true_c = tf("vb", "Verdadero", 2, "fvb"), tf("vc", "Verdadero", 3, "fvc")
    chosen, used = {"vb", "vc", "fb"}, Counter({1: 1, 2: 1, 3: 1})
    _balance_true_false([true_b, true_c, false_b], chosen, used, lambda q: (1.0 if q.key == "vc" else 0.0, q.key), 1)
    assert chosen == {"vb", "fb"}


def test_a_text_without_true_false_items_gets_a_balanced_pair_when_both_fit():
    from collections import Counter

    from quizzes.generation.ranking import _balance_true_false, _tf_balanced

    assert _tf_balanced(2, 2) and _tf_balanced(3, 2) and _tf_balanced(0, 0)
    assert not _tf_balanced(1, 0) and not _tf_balanced(2, 1) and not _tf_balanced(4, 2)
    true_a = _q("v1", "true_false", "Verdadero o falso: el puerto abrió en 1850.", ["Verdadero"])
    false_b = _q("f2", "true_false", "Verdadero o falso: el puerto cerró en 1790.", ["Falso"])
    false_c = _q("f3", "true_false", "Verdadero o falso: el faro se apagó en 1901.", ["Falso"])
    chosen, used = set(), Counter()
    _balance_true_false([true_a, false_b, false_c], chosen, used, lambda q: (0.0, q.key), 1, pair=True)
    assert chosen == {"v1", "f2"}
    chosen, used = set(), Counter({1: 1})  # the «Verdadero» has no room: no lone «Falso» either
    _balance_true_false([true_a, false_b, false_c], chosen, used, lambda q: (0.0, q.key), 1, pair=True)
    assert chosen == set() and used == Counter({1: 1})
    asked = _q("s5", "short_answer", "El puerto abrió en _____.", ["1850"])
    again = _q("s6", "numeric", "El puerto abrió sus muelles en _____.", ["1850"])
    links = {"s5": {"v1"}, "s6": {"v1"}}
    # the «Verdadero» gives one published item away: it takes its place (the same date asked twice)
    chosen, used = {"s5"}, Counter({5: 1})
    _balance_true_false([asked, true_a, false_b], chosen, used, lambda q: (0.0, q.key), 1, pair=True, strict=links)
    assert chosen == {"v1", "f2"} and used[5] == 0
    # unless the published item is clearly the better one (scores are negated: lower first)
    chosen, used = {"s5"}, Counter({5: 1})
    better = lambda q: (-2.0 if q.key == "s5" else -1.0, q.key)  # noqa: E731
    _balance_true_false([asked, true_a, false_b], chosen, used, better, 1, pair=True, strict=links)
    assert chosen == {"s5"}
    # it gives two away: no pair
    chosen, used = {"s5", "s6"}, Counter({5: 1, 6: 1})
    items = [asked, again, true_a, false_b]
    _balance_true_false(items, chosen, used, lambda q: (0.0, q.key), 1, pair=True, strict=links)
    assert chosen == {"s5", "s6"} and used == Counter({5: 1, 6: 1})


def _q(key: str, kind: str, prompt: str, correct: list[str], **kw) -> Question:
    return Question(
        key=key,
        kind=kind,
        prompt=prompt,
        fact_keys=[f"f-{key}"],
        correct=correct,
        distractors=kw.pop("distractors", []),
        explanation="",
        sentence_indexes=kw.pop("sentences", [int(key[-1])]),
        **kw,
    )


def test_an_answer_shown_in_another_items_options_or_ordering_labels_gives_it_away():
    from quizzes.generation.ranking import _namers

    died = _q("q1", "short_answer", "En 1855 murió el zar _____.", ["Nicolás I"])
    chosen = _q(
        "q2", "single_choice", "En 1854, el general _____ tomó la ciudad.", ["Raglan"],
        distractors=["Nicolás I", "Ménshikov", "Totleben"],
    )  # fmt: skip
    order = _q("q3", "ordering", "Ordene estos hechos.", [], items=["El zar Nicolás I ocupó los principados.", "X."])
    other = _q("q4", "single_choice", "En 1856 reinaba el zar _____.", ["Alejandro II"], distractors=["Nicolás II"])
    namers = _namers([died, chosen, order, other], {"q1", "q2", "q4"})
    assert namers["q1"] == {"q2", "q3"}  # among the options, in a label
    assert "q4" not in namers  # «Nicolás II» is not «Nicolás I»; an item's own options do not count


def test_one_person_asked_twice_under_two_names_of_one_group():
    from quizzes.generation.ranking import _same_answers

    a = _q("q1", "short_answer", "Las noticias conmovieron a _____.", ["Picasso"], accepted=["Pablo Picasso"])
    b = _q("q2", "single_choice", "El cuadro lo pintó _____ en 1937.", ["Pablo Picasso"], distractors=["Dalí"])
    c = _q("q3", "short_answer", "Fue reconocido rey _____.", ["Felipe V"])
    d = _q("q4", "short_answer", "Las victorias aseguraron el trono a _____.", ["Felipe de Borbón"])
    e = _q("q5", "short_answer", "La guerra terminó con la victoria de _____.", ["Francia"])
    same = _same_answers([a, b, c, d, e], {"f-q3": "felipe", "f-q4": "felipe"})
    assert same == {"q1": {"q2"}, "q2": {"q1"}, "q3": {"q4"}, "q4": {"q3"}}


@pytest.mark.parametrize(
    ("statement", "judged"),
    [
        ("Verdadero o falso: el Muro de Berlín se convirtió en el símbolo más conocido de la Guerra Fría.", True),
        ("Verdadero o falso: el puente fue la obra más célebre del ingeniero.", True),
        ("Verdadero o falso: el estadio es el mejor de la ciudad.", True),
        ("Verdadero o falso: el ejército avanzó con más de 8000 hombres hacia el norte.", False),
        ("Verdadero o falso: en 1961 se levantó un muro entre los dos sectores de la ciudad.", False),
    ],
)
def test_a_superlative_or_an_opinion_is_guessed_true(statement, judged):
    from quizzes.generation.quality import evaluative

    assert evaluative(statement) is judged


@pytest.mark.parametrize(
    ("statement", "title", "restates"),
    [
        (
            "Verdadero o falso: entre 1532 y 1572, la conquista del Perú fue el proceso por el cual los españoles "
            "sometieron el Imperio incaico.",
            "Conquista del Perú Conquista del Perú",
            True,
        ),
        ("Verdadero o falso: la Reforma fue un movimiento religioso.", "La Reforma", True),
        # the title followed by the headline the student reads under it
        (
            "Verdadero o falso: la Guerra de los Cien Años fue una guerra entre Inglaterra y Francia.",
            "La Guerra de los Cien Años Juana de Arco levanta el sitio de Orleans.",
            True,
        ),
        ("Verdadero o falso: el Reino fue un aliado de Borgoña.", "Reino de Francia Juana de Arco.", False),
        ("Verdadero o falso: el Perú fue el centro del imperio.", "Conquista del Perú", False),
        ("Verdadero o falso: Pizarro fue el gobernador de Nueva Castilla.", "Conquista del Perú", False),
    ],
)
def test_a_true_statement_of_the_titles_own_definition_is_trivia(statement, title, restates):
    from quizzes.generation.quality import restates_title

    assert restates_title(statement, title) is restates


def test_a_continent_or_the_texts_own_country_is_not_a_short_answer():
    text = (
        "La reforma agraria de 1901.\n\n"
        "En 1901 el gobierno de Portugal repartió las tierras de la corona entre los campesinos. "
        "La reforma difundió por Europa la idea del reparto de tierras. "
        "Los grandes propietarios de Portugal se opusieron a la reforma. "
        "En 1905 Portugal aprobó una segunda ley agraria. "
        "La reforma dividió Portugal en cuarenta distritos agrarios."
    )
    bank = generate_bank(text)
    short = [q for q in bank.questions if q.kind == "short_answer"]
    broad = [q for q in short if q.correct[0] in {"Europa", "Portugal"}]
    assert {q.correct[0] for q in broad} == {"Europa", "Portugal"}
    assert all(q.status == "draft" and "not_broad_answer" in q.checks_failed for q in broad)


@pytest.mark.parametrize(
    ("sentence", "answer", "adjunct"),
    [
        ("Para el desembarco de Normandía, en junio de 1944, se habían preparado unos dos millones de dosis.",
         "junio de 1944", True),
        ("Los británicos ocuparon Nueva York en 1776 y Filadelfia, la sede del Congreso, en 1777.", "1777", False),
        ("En septiembre de 1928, el médico regresó a su laboratorio de Londres.", "septiembre de 1928", False),
    ],
)  # fmt: skip
def test_a_date_set_off_after_a_fronted_adjunct_dates_another_event(sentence, answer, adjunct):
    from quizzes.generation.ranking import dates_an_adjunct

    assert dates_an_adjunct(_fact(sentence, answer)) is adjunct


def test_a_continent_is_broad_and_a_city_the_text_returns_to_is_not():
    from types import SimpleNamespace

    from quizzes.generation.quality import broad_answer

    ex = SimpleNamespace(mentions={}, groups=None, facts=[], _pools={})
    continent = _fact("La revolución difundió por Europa sus principios.", "Europa", "place", "continent")
    city = _fact("Los conquistadores entraron en Cuzco en 1533.", "Cuzco", "place", "city")
    assert broad_answer(continent, ex) and not broad_answer(city, ex)


def test_a_pair_answer_is_given_away_by_a_prompt_that_says_both_members():
    from quizzes.generation.ranking import _namers

    pair = _q("q1", "short_answer", "La pérdida de _____ alimentó el deseo de revancha.", ["Alsacia y Lorena"])
    both = _q("q2", "short_answer", "Por el tratado de _____, Francia cedió Alsacia y parte de Lorena.", ["Fráncfort"])
    one = _q("q3", "short_answer", "En _____ Francia perdió Alsacia.", ["1871"])
    assert _namers([pair, both, one], {"q1"}) == {"q1": {"q2"}}


def _item(key: str, kind: str, prompt: str, correct: list[str], fact: str, sentence: int, **kw) -> Question:
    return Question(
        key=key,
        kind=kind,
        prompt=prompt,
        fact_keys=[fact],
        correct=correct,
        distractors=kw.pop("distractors", []),
        explanation="",
        sentence_indexes=[sentence],
        **kw,
    )


def test_two_items_asking_one_year_of_one_named_event_give_each_other_away():
    from quizzes.generation.ranking import _same_dates

    ended = _item("a", "numeric", "La guerra terminó con la Paz de Lund el 3 de mayo de _____.", ["1679"], "fa", 1)
    ceased = _item("b", "numeric", "Las hostilidades cesaron en mayo de _____ con la Paz de Lund.", ["1679"], "fb", 2)
    sailed = _item("c", "numeric", "La flota zarpó de Copenhague hacia Gotland en _____.", ["1679"], "fc", 3)
    other = _item("d", "numeric", "La Paz de Lund fue ratificada en _____.", ["1680"], "fd", 4)
    stated = _item(
        "e",
        "true_false",
        "Verdadero o falso: en mayo de 1675, la Paz de Lund puso fin a la guerra.",
        ["Falso"],
        "fe",
        5,
    )
    links = _same_dates([ended, ceased, sailed, other, stated])
    assert links["a"] == {"b", "e"} and links["b"] == {"a", "e"}
    assert "c" not in links  # the same year, another event: nothing given away
    assert links["d"] == {"e"}  # another year of the treaty: only the dated statement tells it
    assert links["e"] == {"a", "b", "d"}


def test_a_bank_of_few_choice_items_asks_them_as_typed_items():
    from collections import Counter

    from quizzes.generation.ranking import MIN_CHOICE_ITEMS, _settle_choice_items

    choice = _item("c1", "single_choice", "El faro se encendió en _____.", ["1901"], "f1", 1, distractors=["1899"])
    typed = _item("n1", "numeric", "El faro se encendió en _____. (Escriba el año.)", ["1901"], "f1", 1)
    lone = _item("c2", "single_choice", "¿Qué país compró el faro?", ["Francia"], "f2", 2, distractors=["Italia"])
    chosen, used = {"c1", "c2"}, Counter({1: 1, 2: 1})
    assert _settle_choice_items([choice, typed, lone], chosen, used, lambda q: (0.0, q.key), {})
    assert chosen == {"n1"} and used == Counter({1: 1, 2: 0})  # no typed twin: the choice item goes
    # a typed twin that would give a published item away is not taken
    chosen, used = {"c1", "x"}, Counter({1: 1})
    other = _item("x", "short_answer", "El faro de _____ se encendió el mismo año.", ["Gijón"], "fx", 3)
    _settle_choice_items([choice, typed, other], chosen, used, lambda q: (0.0, q.key), {"x": {"n1"}})
    assert chosen == {"x"}
    # enough choice items, each with its own wrong options: they stay
    many = [
        _item(f"m{i}", "single_choice", f"Pregunta {i}: _____.", [str(1900 + i)], f"g{i}", i, distractors=[str(i)])
        for i in range(MIN_CHOICE_ITEMS)
    ]
    chosen = {q.key for q in many}
    assert not _settle_choice_items(many, chosen, Counter(), lambda q: (0.0, q.key), {})
    assert chosen == {q.key for q in many}


def test_the_refill_sees_the_facts_of_items_of_other_kinds():
    from collections import Counter

    from quizzes.generation.ranking import _pick_by_sentence

    statement = _item("t1", "true_false", "Verdadero o falso: el faro se encendió en 1899.", ["Falso"], "f1", 1)
    typed = _item("n1", "numeric", "El faro se encendió en _____. (Escriba el año.)", ["1901"], "f1", 1)
    chosen, used = {"t1"}, Counter({1: 1})
    _pick_by_sentence([typed], chosen, used, lambda q: (0.0, q.key), limit=2, context=[statement, typed])
    assert chosen == {"t1"}  # the same fact is asked already
    _pick_by_sentence([typed], chosen, used, lambda q: (0.0, q.key), limit=2)
    assert chosen == {"t1", "n1"}  # (without the context the true/false item is not seen)
