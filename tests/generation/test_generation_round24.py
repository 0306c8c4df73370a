"""Round 24: what sixteen fresh texts showed at first sight (a battle of Antiquity, a mountain, a chemical element,
a sculpture, a woman scientist, an alliance, a novel, an invention; a medieval battle, a colonial city, a disease, an
architect, a president, an oil crisis, a school of philosophy, a space mission), tried on our own sentences.

- a relative clause that announced a list the prompt leaves out («…, que dispusieron, entre otras medidas:»);
- a true/false statement on a count the sentence lists after a colon («combina dos fármacos: isoniacida, …»);
- «_____ a Meneceo» → «Carta»: the head of a work's name asked alone;
- «¿Por cuántos arroyos eligió…?»: a count that belongs to a participle agreeing with a noun;
- «Situada ante el Palacio Viejo, se convirtió…», «Considerada una de las obras cumbre…, narra…»: a fronted
  participle, then a verb with no subject;
- «El David está considerada…»: a subject given back that the participle after «está» does not agree with;
- «un globo de los Montgolfier» made «de los Jacques-Étienne Montgolfier»;
- «Fue el primer invento…» said of «el piloto solo», the sentence before's subject;
- answers as typed: «14 octubre de 1066», the year of a month's date, «Overlord» for «Operación Overlord».
"""

from pathlib import Path

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.answers import accepted_answers, entity_forms
from quizzes.generation.quality import counted_before_colon, name_split
from quizzes.generation.questions import tidy
from quizzes.generation.standalone import full_first_names, stand_alone
from quizzes.generation.wh import _ADJECTIVAL_PARTICIPLE_BEFORE, MARK, wh_prompt

from .support import discourse, sentence_fact

_CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "dev"


def _prompts(text: str) -> list[str]:
    """Every prompt of the bank of a text, published or not."""
    return [q.prompt for q in generate_bank(text).questions]


def test_a_relative_clause_that_announced_a_left_out_list_goes():
    said = tidy(
        "Desde Kolm, el presidente promulgó en _____ las Leyes de Berhof, que dispusieron, entre otras medidas:"
    )
    assert said == "Desde Kolm, el presidente promulgó en _____ las Leyes de Berhof."
    kept = tidy("El concilio de Kolm, que reunió a cien obispos, aprobó en _____ tres cánones:")
    assert kept.startswith("El concilio de Kolm, que reunió a cien obispos, aprobó")


@pytest.mark.parametrize(
    "sentence, counted",
    [
        ("El tratamiento dura seis meses y combina cuatro fármacos: kolmina, berhofina, tarsina y velina.", True),
        ("A lo largo del siglo XX la ciudad recuperó su dinamismo gracias a tres factores:", True),
        ("El tratamiento dura seis meses y combina cuatro fármacos.", False),
        ("En 1911 la ciudad tenía tres puertos y una aduana.", False),
    ],
)
def test_a_count_listed_after_a_colon_is_noted(sentence, counted):
    assert counted_before_colon(sentence) is counted


def test_no_true_false_statement_is_published_on_a_count_the_sentence_lists():
    text = (
        "Kolmitis\n\n"
        "La kolmitis es una enfermedad infecciosa causada por el bacilo de Berhof, descrito en 1882 en Kolm. "
        "La enfermedad afecta sobre todo a los pulmones y se transmite por el aire. "
        "En 1921 se aplicó por primera vez en seres humanos la vacuna de Tars. "
        "Actualmente, el tratamiento estándar dura seis meses y combina cuatro fármacos: kolmina, berhofina, tarsina y "
        "velina. En 1943 se descubrió la berhofina, el primer antibiótico eficaz contra el bacilo.\n"
    )
    statements = [q for q in generate_bank(text).questions if q.kind == "true_false" and "fármacos" in q.prompt]
    assert statements
    assert all("tf_count_not_listed" in q.checks_failed and q.status != "published" for q in statements)


def test_the_head_of_a_works_name_asked_alone_splits_the_name():
    assert name_split("_____ a Meneceo es el mejor resumen de la ética epicúrea.", "Carta")
    assert name_split("_____ de Kolm puso fin a la guerra.", "Tratado")
    assert not name_split("_____ se firmó en Kolm en 1648.", "Tratado")
    assert not name_split("_____ a Meneceo es el mejor resumen de la ética epicúrea.", "Epicuro")


def test_a_count_of_a_participle_agreeing_with_a_noun_is_not_asked_of_the_verb():
    sentence = "Nuno Kolm eligió una posición defensiva sobre una meseta protegida en sus flancos por dos arroyos."
    fact = sentence_fact(sentence, "dos", "number", "count", sentence_index=1, value={"number": 2, "unit": "arroyos"})
    disc = discourse("La batalla de Kolm fue un enfrentamiento librado en 1385.", sentence, title="Batalla de Kolm")
    assert wh_prompt(fact, sentence.replace("dos", MARK, 1), disc) == ""
    # after an auxiliary the participle is the verb's
    assert not _ADJECTIVAL_PARTICIPLE_BEFORE.search("En 1385 el ejército de Kolm fue derrotado por ")
    assert not _ADJECTIVAL_PARTICIPLE_BEFORE.search("En 1385 el ejército de Kolm había llegado con ")
    assert _ADJECTIVAL_PARTICIPLE_BEFORE.search("eligió una meseta protegida en sus flancos por ")


@pytest.mark.parametrize(
    "before, sentence, prompt",
    [
        (
            "El Kolm es una escultura de mármol realizada entre 1501 y 1504.",
            "Situada ante el Palacio Viejo, se convirtió en símbolo de la República de Berhof en 1504.",
            "Situada ante el Palacio Viejo, se convirtió en símbolo de la República de Berhof en _____.",
        ),
        (
            "Los kolmianos es una novela del escritor francés Jean Berhof publicada en 1862.",
            "Considerada una de las obras cumbre de la literatura del siglo XIX, narra la vida de Jean Tars, un "
            "antiguo presidiario.",
            "Considerada una de las obras cumbre de la literatura del siglo XIX, narra la vida de _____, un antiguo "
            "presidiario.",
        ),
    ],
)
def test_a_fronted_participle_then_a_verb_without_subject_does_not_stand_alone(before, sentence, prompt):
    title = before.split(" es ")[0]
    disc = discourse(title, before, sentence, title=title)
    fixed, problem = stand_alone(prompt, 2, disc)
    assert problem == "no_subject", fixed


def test_a_subject_given_back_agrees_with_the_participle_after_esta():
    text = (
        "El Kolm\n\n"
        "El Kolm es una escultura de mármol realizada por el artista italiano Jean Berhof entre 1501 y 1504. "
        "Representa al héroe bíblico Kolm, el joven pastor que venció al gigante Tars, y está considerada una de las "
        "obras maestras del Renacimiento y una de las esculturas más famosas del mundo.\n"
    )
    bank = generate_bank(text)
    assert not [q.prompt for q in bank.questions if "Kolm está considerada" in q.prompt]


def test_a_surname_after_a_plural_article_is_the_family():
    disc = discourse(
        "Los inventores del globo fueron los hermanos Joseph-Michel y Jacques-Étienne Kolmier, de Annonay.",
        "En 1783 Pilâtre realizó el primer vuelo tripulado en un globo de los Kolmier.",
        names={0: ["Joseph-Michel", "Jacques-Étienne Kolmier", "Annonay"], 1: ["Pilâtre", "Kolmier"]},
    )
    said = full_first_names("¿Cuándo realizó Pilâtre el primer vuelo tripulado en un globo de los Kolmier?", disc)
    assert "de los Kolmier" in said


def test_an_elided_copula_is_not_said_of_a_common_noun_subject_before_it():
    text = (
        "Globo de Kolm\n\n"
        "El globo de Kolm es una aeronave sin propulsión propia que se eleva porque contiene un gas menos denso que el "
        "aire que lo rodea. Su funcionamiento se basa en el principio de Arquímedes: la envoltura recibe un empuje hacia "
        "arriba igual al peso del aire que desaloja. Como carece de motor, el piloto solo puede controlar la altura, y "
        "el desplazamiento horizontal depende de los vientos. Fue el primer invento que permitió al ser humano volar, "
        "en 1783.\n"
    )
    assert not [p for p in _prompts(text) if "piloto solo fue" in p.lower()]
    assert not [p for p in _prompts(text) if p.startswith("¿Qué fue el piloto")]


def test_answers_as_typed_a_day_date_a_months_year_and_an_operations_code_name():
    day = sentence_fact(
        "La batalla de Kolm se libró el 14 de octubre de 1066.",
        "14 de octubre de 1066",
        "date",
        "day",
        value={"year": 1066, "month": 10, "day": 14, "precision": "day"},
    )
    assert "14 octubre de 1066" in accepted_answers(day)
    month = sentence_fact(
        "La insurrección de junio de 1832 fracasó.",
        "junio de 1832",
        "date",
        "month",
        value={"year": 1832, "month": 6, "precision": "month"},
    )
    assert "1832" in accepted_answers(month)
    operation = sentence_fact(
        "El desembarco formaba parte de la Operación Kolmlord.", "Operación Kolmlord", "event", "operation"
    )
    assert "Kolmlord" in entity_forms(operation, {}, [])


# The sealed eight, judged at first sight on the round's code (a monument, a physical effect, a pandemic, a war, a
# cultural movement, an island, a navigator, a composer): what their verdicts showed.


def test_a_consequence_statement_whose_effect_is_indefinite_is_not_published():
    text = (
        "Isla de Kolm\n\n"
        "La isla de Kolm es una isla del océano Índico. En 1906, Francia se anexionó la isla de Kolm. "
        "El dominio francés provocó una gran insurrección nacionalista, cuya represión causó miles de muertos. "
        "El ataque de Aníbal contra Sagunto provocó la segunda guerra de Kolm en 218 a. C.\n"
    )
    statements = [
        q for q in generate_bank(text).questions if q.kind == "true_false" and "consecuencia" in q.prompt.lower()
    ]
    vague = [q for q in statements if q.prompt.lower().startswith("verdadero o falso: una gran insurrección")]
    assert vague and all("specific_relation" in q.checks_failed for q in vague)
    assert all("specific_relation" not in q.checks_failed for q in statements if q not in vague)


def test_a_states_head_asked_without_the_rest_of_its_name_splits_it():
    assert name_split("Tras la caída del _____ de Occidente, el edificio fue abandonado.", "Imperio romano")
    assert not name_split("Tras la caída del _____, el edificio fue abandonado.", "Imperio romano")


def test_a_clause_after_y_takes_no_subject_that_another_clause_took_over_or_that_disagrees():
    text = (
        "Efecto de Kolm\n\n"
        "El efecto de Kolm es la emisión de electrones por un material iluminado. "
        "El estadounidense Robert Berhof dedicó casi diez años a intentar refutarla, pero sus cuidadosos experimentos, "
        "publicados en 1916, confirmaron la ecuación de Tars y permitieron calcular con precisión la constante de "
        "Planck.\n"
    )
    assert not [p for p in _prompts(text) if "Berhof permitieron" in p]


def test_which_country_is_not_asked_of_a_sentence_that_says_el_pais():
    text = (
        "Gripe de Kolm\n\n"
        "La gripe de Kolm fue una pandemia que se extendió por todo el mundo entre 1918 y 1920. "
        "La India fue el país con mayor número de víctimas, con más de 12 millones de muertos, y en Estados Unidos "
        "fallecieron unas 675 000 personas.\n"
    )
    assert not [p for p in _prompts(text) if p.startswith("¿Qué país fue el país")]


def test_a_name_the_sentence_before_only_quotes_owns_no_possessive():
    # «…: «Mientras exista el Coliseo, existirá Roma; …». Su expolio se detuvo en 1749…» (the sealed text)
    text = (_CORPUS / "coliseo-de-roma.txt").read_text(encoding="utf-8")
    assert not [p for p in _prompts(text) if "expolio de Roma" in p]


def test_a_year_the_title_says_is_given_away_even_as_a_days_year():
    text = (
        "Crisis de Kolm de 1973\n\n"
        "La crisis de Kolm de 1973 fue una grave perturbación económica provocada por un embargo de crudo. "
        "El 6 de octubre de 1973, Egipto y Siria atacaron por sorpresa a Israel, dando comienzo a la guerra de Berhof. "
        "En 1979, la revolución de Tars provocó una segunda crisis.\n"
    )
    asked = [q for q in generate_bank(text).questions if q.kind != "true_false" and "atacaron" in q.prompt]
    by_year = [q for q in asked if "1973" in [*q.correct, *q.accepted]]
    assert by_year and all("not_guessable_from_title" in q.checks_failed for q in by_year)


# The last sealed eight (Augusto, río Yangtsé, mitosis, Lazarillo de Tormes, Louis Pasteur, independencia de la
# India, puente de Brooklyn, fenómeno de El Niño), judged at first sight on 3b44e42: what their verdicts showed.


def test_a_phrase_is_the_documents_subject_only_by_the_class_its_definition_gives():
    text = (
        "Kolmosis\n\n"
        "La kolmosis es el proceso de división del núcleo de las células por el cual, a partir de una célula madre, se "
        "obtienen dos núcleos hijos. En la metafase, los cromosomas se alinean en el centro de la célula, en el llamado "
        "plano ecuatorial o placa metafásica, en 1902.\n"
    )
    assert not [p for p in _prompts(text) if "centro de la kolmosis" in p]


def test_asi_after_a_verb_of_naming_is_the_name_and_stays():
    from quizzes.generation.standalone import drop_connectors

    said = "El nombre procede de los pescadores de Kolm, que llamaban así a una corriente cálida."
    assert drop_connectors(said) == said
    assert "así" not in drop_connectors("Kolm buscaba así el apoyo de Berhof.")


def test_el_nombre_is_not_completed_with_the_last_name_said():
    disc = discourse(
        "El Kolm es un fenómeno climático del océano Pacífico.",
        "Constituye la fase cálida de un ciclo cuya fase fría recibe el nombre de La Berhof.",
        "El nombre procede de los pescadores del norte de Perú.",
        title="Fenómeno de El Kolm",
    )
    fixed, problem = stand_alone("El nombre procede de los pescadores del norte de _____.", 2, disc)
    assert "La Berhof" not in fixed and problem


def test_a_term_after_llamado_is_asked_whole():
    assert name_split("Las bacterias se dividen mediante un mecanismo llamado _____ binaria.", "fisión")
    assert not name_split("El proceso llamado _____ ocurre en el núcleo.", "kolmosis")
    assert not name_split("El consejo, llamado _____, eligió al rey.", "witan")


def test_more_recently_points_to_what_the_sentence_before_told():
    disc = discourse(
        "El río Kolm sufrió grandes inundaciones en 1931.",
        "Más recientemente, las inundaciones de 1998 causaron miles de víctimas.",
        title="Río Kolm",
    )
    _fixed, problem = stand_alone("Más recientemente, las inundaciones de _____ causaron miles de víctimas.", 1, disc)
    assert problem


def test_an_era_after_a_year_is_no_subject_after_the_verb():
    disc = discourse(
        "Augusto fue el primer emperador de Kolm y el fundador de la dinastía Berhof.",
        "Gobernó desde el año 27 a. C. hasta su muerte en el 14 d. C.",
        names={0: ["Augusto", "Kolm", "Berhof"]},
        title="Augusto",
    )
    fixed, problem = stand_alone("Gobernó desde el año _____ hasta su muerte en el 14 d. C.", 1, disc)
    assert (fixed, problem) == ("Augusto gobernó desde el año _____ hasta su muerte en el 14 d. C.", "")


def test_a_count_of_seasons_between_two_years_said_beside_it_is_computed():
    text = (
        "Fenómeno de Kolm\n\n"
        "El Kolm es un fenómeno climático que consiste en el calentamiento de las aguas del océano Pacífico. "
        "Entre 2020 y 2023 se registró un raro episodio de Berhof durante tres inviernos consecutivos.\n"
    )
    counts = [q for q in generate_bank(text).questions if q.correct == ["3"]]
    assert counts and all("no_computable_date" in q.checks_failed for q in counts)
