"""Round 4 (trivia): figures and dates given in passing, and another name of the text's subject, are not published
when the text has facts of its events (sentences written for these tests, on topics in neither corpus set)."""

from __future__ import annotations

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.model import Fact
from quizzes.generation.ranking import incidental_figure, minor_date, title_alias

from .support import sentence_fact

MONASTERY = """El monasterio de El Escorial
El monasterio de El Escorial es un complejo palaciego situado en la sierra de Guadarrama, al noroeste de Madrid.
El rey Felipe II ordenó su construcción en 1563 para conmemorar la victoria de San Quintín sobre los franceses.
Las obras terminaron en 1584, bajo la dirección del arquitecto Juan de Herrera.
El edificio tiene 16 patios y 88 fuentes.
El monasterio recibe cada año unos 500 000 visitantes.
Desde 1984, el conjunto es Patrimonio de la Humanidad.
"""

KNIGHT = """Rodrigo Díaz de Vivar
Rodrigo Díaz de Vivar fue un caballero castellano del siglo XI, nacido en Vivar hacia 1048.
Es conocido como el Cid Campeador.
Quedó huérfano de padre a los quince años y se educó en la corte del infante Sancho.
En 1081 el rey Alfonso VI desterró al Cid de Castilla.
En 1094 el Cid conquistó la ciudad de Valencia.
El Cid gobernó Valencia hasta su muerte, en 1099.
Su viuda, Jimena, defendió la ciudad hasta 1102.
"""

LIGHTHOUSE = """La torre de Hércules
La torre de Hércules es un faro romano situado en La Coruña.
La torre tiene tres plantas.
Recibe cada año unos 150 000 visitantes.
"""


def _published(text: str) -> list[str]:
    bank = generate_bank(text)
    return [a for q in bank.questions if q.status == "published" for a in q.correct]


def _facts(text: str) -> dict[str, Fact]:
    return {f.answer: f for f in generate_bank(text).facts}


def test_parts_visitors_and_a_state_since_a_date_are_not_published_beside_the_events():
    facts = _facts(MONASTERY)
    assert incidental_figure(facts["16 patios"]) == "parts"
    assert incidental_figure(facts["88 fuentes"]) == "description"  # «tiene»: what the building holds
    assert incidental_figure(facts["unos 500 000 visitantes"]) == "rate"
    assert minor_date(facts["1984"]) == "state"  # «Desde 1984 … es»: a state, not an event
    assert not minor_date(facts["1563"]) and not incidental_figure(facts["1563"])
    published = _published(MONASTERY)
    # the sentence of 1563 publishes one item: its year or its king (typed; a cloze choice weighs less since round 12)
    assert "1584" in published and {"1563", "Felipe II"} & set(published)
    assert not {"16 patios", "88 fuentes", "500000 visitantes", "500 000 visitantes", "1984"} & set(published)


def test_the_subjects_other_name_and_an_age_are_not_published():
    facts = _facts(KNIGHT)
    alias = next(f for a, f in facts.items() if "Campeador" in a)
    assert title_alias(alias, "Rodrigo Díaz de Vivar")
    assert incidental_figure(facts["quince años"]) == "age"
    published = _published(KNIGHT)
    assert not any("Campeador" in a or "años" in a for a in published)
    assert {"1081", "1094"} <= set(published)


def test_a_text_with_nothing_but_minor_figures_keeps_one_item():
    # A short text that loses its only items is worse off than one asked a minor figure.
    assert _published(LIGHTHOUSE)


@pytest.mark.parametrize(
    ("sentence", "answer", "kind", "subtype", "unit", "expected"),
    [
        ("La Alhambra recibe unos 2 millones de visitantes al año.", "2 millones de visitantes", "number", "count",
         "visitantes", "rate"),
        ("La catedral tuvo cinco capillas y un claustro.", "cinco capillas", "number", "count", "capillas", "parts"),
        ("Cortés zarpó de Cuba con once naves.", "once naves", "number", "count", "naves", ""),  # ships: a force
        ("La expedición contaba con 800 soldados.", "800 soldados", "number", "count", "soldados", ""),
        ("Durante dos décadas, el pueblo vivió del contrabando.", "dos décadas", "number", "duration", "década",
         "decades"),
        ("El cuadro volvió a Madrid ocho años después de la muerte del pintor.", "ocho años", "number", "duration",
         "año", "interval"),
        ("La guerra duró tres años.", "tres años", "number", "duration", "año", ""),
        # how many hours, days, weeks or months an episode lasted: its course in figures, not when or what came of it
        ("Durante seis semanas, los cañones batieron las murallas.", "seis semanas", "number", "duration", "semana",
         "span"),
        ("El asalto final duró unas tres horas.", "unas tres horas", "number", "duration", "hora", "span"),
        ("La huelga de los mineros se prolongó cuarenta días.", "cuarenta días", "number", "duration", "día", "span"),
        # what a whole was made of, in the past as in the present
        ("El código constaba de 280 leyes.", "280 leyes", "number", "count", "leyes", "composition"),
        ("El reino se dividía en doce provincias.", "doce provincias", "number", "count", "provincias",
         "composition"),
        ("El rey reunió doce provincias bajo su mando.", "doce provincias", "number", "count", "provincias", ""),
    ],
)  # fmt: skip
def test_figures_given_in_passing(sentence, answer, kind, subtype, unit, expected):
    i = sentence.index(answer)
    fact = Fact(
        key="k", kind=kind, subtype=subtype, sentence_index=3, sentence=sentence, answer=answer, start=i,
        end=i + len(answer), local_start=i, local_end=i + len(answer), value={"unit": unit},
    )  # fmt: skip
    assert incidental_figure(fact) == expected


@pytest.mark.parametrize(
    ("sentence", "answer", "expected"),
    [
        ("En 1936 el poeta escribió: «Verde que te quiero verde, verde viento».", "1936", "quotation"),
        ("Desde 1992 el cuadro se expone en el museo.", "1992", "state"),
        ("Desde 1992 el ejército ocupó la ciudad.", "1992", ""),  # a past event since then
        ("En 1588 la Armada zarpó de Lisboa hacia Inglaterra.", "1588", ""),
    ],
)
def test_dates_that_are_not_an_events(sentence, answer, expected):
    i = sentence.index(answer)
    fact = Fact(
        key="k", kind="date", subtype="year", sentence_index=3, sentence=sentence, answer=answer, start=i,
        end=i + len(answer), local_start=i, local_end=i + len(answer),
    )  # fmt: skip
    assert minor_date(fact) == expected


def test_another_name_is_an_alias_of_the_title_only_when_it_names_the_subject():
    sentence = "Luis XVI, llamado ya «Luis Capeto», fue juzgado por traición."
    i = sentence.index("Luis Capeto")
    fact = Fact(
        key="k", kind="person", subtype="person", sentence_index=3, sentence=sentence, answer="Luis Capeto",
        start=i, end=i + 11, local_start=i, local_end=i + 11,
    )  # fmt: skip
    assert not title_alias(fact, "La Revolución francesa")
    assert title_alias(fact, "Luis XVI de Francia")


@pytest.mark.parametrize(
    ("sentence", "answer", "heading"),
    [
        ("En 1813 Bolívar emprendió la llamada Campaña Admirable.", "Campaña Admirable", "Simón Bolívar"),
        ("En los bordes convergentes una placa se hunde bajo la otra, proceso llamado subducción.", "subducción",
         "Placas tectónicas"),
    ],
)  # fmt: skip
def test_a_so_called_name_of_something_else_is_not_the_titles_alias(sentence, answer, heading):
    i = sentence.index(answer)
    fact = Fact(
        key="k", kind="term", subtype="named", sentence_index=3, sentence=sentence, answer=answer, start=i,
        end=i + len(answer), local_start=i, local_end=i + len(answer),
    )  # fmt: skip
    assert not title_alias(fact, heading)


def test_who_declared_a_commemoration_is_not_the_events_fact_but_the_commemorated_date_is():
    from quizzes.generation.ranking import trivia_penalty

    def fact(sentence: str, answer: str, kind: str) -> Fact:
        return sentence_fact(sentence, answer, kind, "year" if kind == "date" else "international", key="k")

    declared = (
        "La Unesco declaró 2005 Año Internacional de la Física, al cumplirse un siglo de los artículos de Einstein."
    )
    assert trivia_penalty(fact(declared, "Unesco", "organization")) > 0
    remembered = "La ciudad cayó el 2 de enero de 1492, fecha que hoy se conmemora como la Toma."
    assert trivia_penalty(fact(remembered, "1492", "date")) == 0


SIEGE = """El asedio de Rodas
El asedio de Rodas fue el ataque otomano contra la isla de Rodas, defendida por los caballeros hospitalarios, en 1522.
El sultán Solimán el Magnífico desembarcó en la isla en junio de 1522 con un gran ejército.
Durante seis semanas, los cañones turcos batieron los bastiones, que los caballeros reconstruían de noche.
El asalto final duró unas tres horas.
La orden constaba de ocho lenguas repartidas en varias casas.
Los caballeros se rindieron en diciembre de 1522 y abandonaron la isla.
En 1530 el emperador Carlos V les cedió la isla de Malta.
En 1565 los otomanos sitiaron Malta sin lograr tomarla.
El gran maestre Jean de La Valette dirigió la defensa de Malta en 1565.
La victoria de Lepanto, en 1571, frenó la expansión otomana por el Mediterráneo.
"""


def test_how_many_weeks_or_hours_an_episode_lasted_is_not_published_beside_its_dates():
    # The bombardment's weeks and the assault's hours are its course in figures (judged «trivial» on dev); the dates of
    # the siege and of what followed are asked instead. The text still publishes three items.
    bank = generate_bank(SIEGE)
    published = [q for q in bank.questions if q.status == "published"]
    assert len(published) >= 3
    assert not any("semanas" in q.prompt or "horas" in q.prompt or "lenguas" in q.prompt for q in published)
    assert any("1522" in q.correct for q in published)
