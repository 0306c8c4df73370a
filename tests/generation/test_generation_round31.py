"""Round 31: what fresh texts showed at first sight, tried on our own sentences.

- «Nuon Chea y Khieu Samphan» read as two people of one surname: «Nuon Chea Samphan», a person who never was;
- «¿Hacia qué año es el Almagesto un tratado … escrito por…?»: a date of the participle asked of the copula;
- «Por el Tratado de Stolbovo, … los suecos obtuvieron en la tregua de Altmark…»: a frame put before a sentence that
  names its own agreement (a truce);
- «en la capital» of a text on the Finnish civil war given the Russia named the sentence before;
- «El escritor romano _____ el Viejo» → «Plinio»: half a name;
- «¿En qué año se expuso la jungla…?»: a work's title («La jungla») lowered as if its article were a common one;
- «¿En qué año trasladaron las tropas de Napoleón la a París?»: the object pronoun taken into the subject;
- «el noveno libro de Monteverdi de madrigales»: the owner put inside «libro de madrigales»;
- «¿En qué año se casó con la cantante … Claudia Cattaneo?»: a «se» of what a person does read as a passive;
- «La orquesta, un espacio circular … donde actuaba el coro, …»: a list item with a relative's verb only;
- «Fundada en 1660, se considera la sociedad científica más antigua…»: what it is deemed taken for its subject;
- «pobres» accepted as «pobr»;
- «¿Cuándo abandonaron el rey Carlos II y su corte Londres?»: a bare name left last runs into the subject.
"""

from quizzes.generation.answers import _singular
from quizzes.generation.pointing import prompt_problem
from quizzes.generation.quality import name_split
from quizzes.generation.standalone import stand_alone, transfer_frame
from quizzes.generation.wh import _capital_article, _invert

from .support import discourse


def test_two_whole_names_joined_by_y_share_no_surname():
    disc = discourse(
        "Karo Osk, llamado «Hermano Número Dos», era el principal ideólogo del régimen.",
        "Solo otros dos dirigentes fueron condenados: Karo Osk y Velin Berhof, en 2018.",
        names={0: ["Karo Osk"], 1: ["Karo Osk", "Velin Berhof"]},
        title="Kampuchea de Tarsia",
    )
    assert not any("Osk Berhof" in full for _, full in disc.first_name_fullers())
    # a first name and a whole name still share it
    disc = discourse(
        "Los hermanos Juan y Fausto Berhof aislaron el metal.",
        names={0: ["Juan", "Fausto Berhof"]},
        title="Wolframio",
    )
    assert ("Juan", "Juan Berhof") in disc.first_name_fullers()


def test_a_date_of_a_participle_after_the_copula_is_not_asked_of_the_copula():
    disc = discourse("El Almagesto es un tratado de astronomía escrito por Tadeo Osk en Tarsia hacia el año 150.")
    clause = "El Almagesto es un tratado de astronomía escrito por Tadeo Osk en Tarsia"
    assert _invert("Hacia qué año", clause, disc) == ""


def test_a_sentence_that_names_its_truce_takes_no_treaty_before_it():
    disc = discourse(
        "La guerra contra Velinia concluyó con el Tratado de Berhof de 1617.",
        "Tras conquistar Osk en 1621, los suecos obtuvieron en la tregua de Karst, de 1629, la mayor parte de Tarsia.",
        names={0: ["Velinia", "Tratado de Berhof"], 1: ["Osk", "Karst", "Tarsia"]},
        title="Gustavo Adolfo",
    )
    stem = (
        "Tras conquistar Osk en 1621, los suecos obtuvieron en la tregua de Karst, de _____, la mayor parte de Tarsia."
    )
    assert transfer_frame(stem, 1, disc) == (stem, "")


def test_the_capital_of_a_text_about_one_country_is_not_another_country_named_before():
    disc = discourse(
        "La caída de Osk precipitó el derrumbe rojo, y muchos dirigentes huyeron a Rusia.",
        "El 16 de mayo de 1918, Tadeo Berhof encabezó un desfile de la victoria en la capital.",
        names={0: ["Osk", "Rusia"], 1: ["Tadeo Berhof"]},
        title="Guerra civil finlandesa",
    )
    disc.kinds = {0: [("Rusia", "country")]}
    said, _ = stand_alone(
        "El 16 de mayo de _____, Tadeo Berhof encabezó un desfile de la victoria en la capital.", 1, disc
    )
    assert "Rusia" not in said
    # in a text about no country, the country named before still owns «la capital»
    disc.title = "Tadeo Berhof"
    said, problem = stand_alone(
        "El 16 de mayo de _____, Tadeo Berhof encabezó un desfile de la victoria en la capital.", 1, disc
    )
    assert problem == "" and "la capital de Rusia" in said


def test_a_blank_before_an_epithet_splits_the_name():
    assert name_split("El escritor romano _____ el Viejo describió la obra en su Historia natural.", "Plinio")
    assert name_split("_____ el Grande conquistó Tarsia en 1250.", "Osk")
    assert not name_split("_____ el Gobierno de Tarsia aprobó la ley.", "Osk")


def test_a_works_title_written_with_its_capital_inside_the_text_keeps_it():
    disc = discourse(
        "En La jungla confluyen varias tradiciones.",
        "La jungla se expuso por primera vez en 1944 en la galería de Tadeo Osk.",
    )
    assert _capital_article("La jungla", disc)
    assert not _capital_article("La galería", disc)


def test_an_object_pronoun_before_the_verb_is_not_the_subjects():
    disc = discourse("Tras el tratado, las tropas de Tadeo Osk la trasladaron a Berhof en 1798.")
    question = _invert("En qué año", "Las tropas de Tadeo Osk la trasladaron a Berhof", disc)
    assert " la a " not in question


def test_no_main_verb_when_the_only_verb_is_a_relatives():
    prompt = "La _____, un espacio circular de unos 20 metros de diámetro donde actuaba el coro, con un altar."
    assert prompt_problem(prompt, "orquesta", 0, None) == "no_verb"
    assert prompt_problem(
        "La _____, donde actuaba el coro, medía unos 20 metros de diámetro.", "orquesta", 0, None
    ) != ("no_verb")


def test_what_the_subject_is_deemed_is_not_its_subject():
    disc = discourse(
        "La Academia de Tarsia es la academia nacional de ciencias de Velinia.",
        "Fundada en 1660, se considera la sociedad científica más antigua del mundo.",
        names={0: ["Academia de Tarsia", "Velinia"]},
        title="Academia de Tarsia",
    )
    said, problem = stand_alone("Fundada en _____, se considera la sociedad científica más antigua del mundo.", 1, disc)
    assert problem or "Academia" in said


def test_a_plural_after_a_consonant_cluster_keeps_its_e():
    assert [_singular(w) for w in ("pobres", "grandes", "torres", "mujeres", "leyes", "ciudades")] == [
        "pobre",
        "grande",
        "torre",
        "mujer",
        "ley",
        "ciudad",
    ]


def test_a_bare_name_object_goes_before_a_long_subject():
    disc = discourse("El rey Tadeo II y su corte abandonaron Berhof en julio de 1665.")
    question = _invert("Cuándo", "El rey Tadeo II y su corte abandonaron Berhof", disc)
    assert question == "¿Cuándo abandonaron Berhof el rey Tadeo II y su corte?"


def test_the_owner_of_a_possessed_noun_goes_after_its_kind_before_a_se_verb():
    disc = discourse(
        "Tadeo Osk fue un compositor de Tarsia.",
        "Su noveno libro de madrigales se publicó de forma póstuma en 1651.",
        names={0: ["Tadeo Osk", "Tarsia"]},
        title="Tadeo Osk",
    )
    said, _ = stand_alone("Su noveno libro de madrigales se publicó de forma póstuma en _____.", 1, disc)
    assert "libro de madrigales de Tadeo Osk" in said


def test_a_se_verb_of_what_a_person_does_to_himself_takes_the_persons_name():
    disc = discourse(
        "Tadeo Osk fue un compositor de Tarsia.",
        "Hacia 1590 entró al servicio del duque de Berhof como intérprete de viola.",
        "En 1599 se casó con la cantante de la corte Velia Karst, con quien tuvo tres hijos.",
        names={0: ["Tadeo Osk", "Tarsia"], 1: ["Berhof"], 2: ["Velia Karst"]},
        title="Tadeo Osk",
    )
    said, problem = stand_alone(
        "En _____ se casó con la cantante de la corte Velia Karst, con quien tuvo tres hijos.", 2, disc
    )
    assert problem == "" and "Tadeo Osk se casó" in said


def test_the_country_of_a_text_about_another_is_not_the_country_named_before():
    disc = discourse(
        "En los años sesenta, Australia propuso trasladar a toda la población a la isla Curtis.",
        "Bajo el liderazgo de Tadeo Osk, el país obtuvo la independencia el 31 de enero de 1968.",
        names={0: ["Australia", "Curtis"], 1: ["Tadeo Osk"]},
        title="Minería de fosfato en Nauru",
    )
    disc.kinds = {0: [("Australia", "country")]}
    said, _ = stand_alone(
        "Bajo el liderazgo de Tadeo Osk, el país obtuvo la independencia el 31 de enero de _____.", 1, disc
    )
    assert "Australia" not in said


def test_a_possessive_in_a_clause_of_a_plural_subject_is_not_the_topics():
    disc = discourse(
        "La Academia de Tarsia es la academia de ciencias de Velinia.",
        "Sin embargo, hasta 1847 muchos miembros eran aficionados ricos elegidos por su posición social.",
        names={0: ["Academia de Tarsia", "Velinia"]},
        title="Academia de Tarsia",
    )
    said, _ = stand_alone(
        "Hasta _____ muchos miembros eran aficionados ricos elegidos por su posición social.", 1, disc
    )
    assert "Academia" not in said


def test_what_a_definite_subject_did_is_a_fact_to_ask():
    from quizzes.generation import nlp
    from quizzes.generation.facts import find_object

    text = "La cúpula se construyó con tubos huecos de terracota para aligerar el peso."
    assert [s.text for s in find_object(text, [], nlp.parse(text))] == ["tubos huecos de terracota"]
    text = "Muchos historiadores ven en la batalla el fin de una época."
    assert find_object(text, [], nlp.parse(text)) == []
    # where a thing is, and what a demonstrative subject did
    text = "En las células eucariotas el ADN se encuentra sobre todo en el núcleo celular."
    assert "el núcleo celular" in [s.text for s in find_object(text, [], nlp.parse(text))]
    text = "Este ataque contra cristianos provocó la excomunión de los cruzados."
    assert "la excomunión de los cruzados" in [s.text for s in find_object(text, [], nlp.parse(text))]
    text = "Los operadores realizaban en la noche del 25 de abril una prueba de seguridad."
    assert "la noche del 25 de abril" not in [s.text for s in find_object(text, [], nlp.parse(text))]


def test_an_irregular_participle_agrees_with_the_phrase_a_title_would_replace():
    from quizzes.generation.standalone import _participle_of_phrase

    assert _participle_of_phrase(" fue devuelta a Velinia en 1948.", "la")
    assert _participle_of_phrase(" fue descubierta en 1906.", "la")
    assert not _participle_of_phrase(" fue devuelto a Velinia en 1948.", "la")


def test_the_existence_of_a_thing_the_text_is_about_is_its():
    disc = discourse(
        "El salto Osk es la cascada más alta del mundo.",
        "Según algunos historiadores, el explorador Tadeo Berhof informó de su existencia a las autoridades en 1910.",
        names={0: ["Osk"], 1: ["Tadeo Berhof"]},
        title="Salto Osk",
    )
    said, problem = stand_alone(
        "Según algunos historiadores, el explorador Tadeo Berhof informó de su existencia a las autoridades en _____.",
        1,
        disc,
    )
    assert problem == "" and "la existencia del salto Osk" in said


def test_a_range_of_figures_or_of_centuries_is_a_fact_to_ask():
    from quizzes.generation.facts import find_dates, find_ranges

    def ranges(text: str) -> list[str]:
        return [s.text for s in find_ranges(text, [(d.start, d.end) for d in find_dates(text)])]

    assert ranges("Los historiadores calculan que el ejército reunía entre 10 000 y 14 000 combatientes.") == [
        "entre 10 000 y 14 000"
    ]
    assert ranges("El estilo se desarrolló entre los siglos XIII y XV en Tarsia.") == ["entre los siglos XIII y XV"]
    assert ranges("Tras un periodo de incubación de tres a seis días, aparecen los síntomas.") == ["de tres a seis"]
    assert ranges("Murieron entre 600 000 y 1,5 millones de personas.") == ["entre 600 000 y 1,5 millones"]
    assert ranges("La cifra varía de un año a otro.") == []
    assert ranges("Tadeo Osk vivió entre 1920 y 1980 en Tarsia.") == []  # a range of dates is asked as dates


def test_a_range_is_asked_but_not_published():
    from quizzes.generation import generate_bank

    text = (
        "Batalla de Tarsia\n\n"
        "La batalla de Tarsia se libró el 3 de mayo de 1212 entre el ejército de Velinia y el de Osk. "
        "Los historiadores actuales calculan que el ejército de Velinia reunía entre 10 000 y 14 000 combatientes. "
        "El rey Tadeo Berhof dirigió la carga final."
    )
    bank = generate_bank(text)
    ranged = [f for f in bank.facts if f.subtype == "figure_range"]
    assert [f.answer for f in ranged] == ["entre 10 000 y 14 000"]
    items = [q for q in bank.questions if ranged[0].key in q.fact_keys]
    assert items and all(q.status == "draft" for q in items)


def test_what_a_phrase_set_beside_a_noun_says_of_it_is_a_fact_to_ask():
    from quizzes.generation import nlp
    from quizzes.generation.facts import find_appositions

    def said(text: str) -> list[str]:
        return [s.text for s in find_appositions(text, [], nlp.parse(text))]

    assert "la desoxirribosa" in said(
        "Cada cadena es una sucesión de unidades llamadas nucleótidos, compuestas por un azúcar, la desoxirribosa, un "
        "grupo fosfato y una base nitrogenada."
    )
    assert said("Tadeo Osk era hijo de Velin Osk i Serra, un calderero, y de Ana Berhof.") == ["un calderero"]
    assert said("Clasificaba la naturaleza en tres reinos: animal, vegetal y mineral.") == ["animal, vegetal y mineral"]
    # not a figure, nor a phrase in brackets
    assert said("Alegaba la protección de Tarsia, a 32 km (20 millas) de la frontera con Velinia.") == []


def test_what_the_text_calls_a_thing_or_what_a_word_means_is_a_fact_to_ask():
    from quizzes.generation.facts import find_said_as

    def said(text: str) -> list[str]:
        return [s.text for s in find_said_as(text, [])]

    assert said("Tadeo de Osk, conocido como el Príncipe Negro, venció en Berhof.") == ["el Príncipe Negro"]
    assert said("Durante años ejerció como cadí, es decir, juez religioso, en Tarsia.") == ["juez religioso"]
    assert said("El nombre procede del árabe y significa «desierto».") == ["«desierto»"]
    assert said("Diseñó la llamada garra de Osk para hundir barcos.") == ["garra de Osk"]
    assert said("Fue llamado a filas en 1914.") == []
