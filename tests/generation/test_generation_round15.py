"""Round 15: stems left whole after a cut, sentences split where Spanish splits them, give-away counts, decades
typed short, questions asked of one clause.

Texts invented for these tests (not from the seed or the corpus).
"""

from quizzes.generation import generate_bank
from quizzes.generation.answers import accepted_answers, decade_year
from quizzes.generation.model import Fact
from quizzes.generation.quality import counted_list, question_ends_in_other_clause
from quizzes.generation.questions import computing_durations
from quizzes.generation.text import split_sentences, subject_prefix, two_sentences

PLAGUE = (
    "La peste en Italia\n\n"
    "La peste llegó a Génova en el verano de 1347 y se extendió por toda la península durante los meses siguientes. "
    "El escritor Giovanni Bocaccini situó en la Venecia de 1349 su novela, en la que ocho jóvenes que huyen de la "
    "epidemia se cuentan cien historias a lo largo de doce días. En 1380, la república de Zara impuso a los barcos que "
    "llegaban un aislamiento de cuarenta días. El gobierno de la ciudad creó en 1390 un hospital para los enfermos, que "
    "funcionó durante dos siglos."
)

TREATY = (
    "El tratado de Lunaria\n\n"
    "El tratado de Lunaria fue el acuerdo de paz que puso fin a la guerra entre Valdonia y Serrania. Se firmó el 12 de "
    "mayo de 1881 en el salón del palacio real de Lunaria, cerca de la capital, exactamente siete años después del "
    "asesinato del príncipe heredero en Montebravo, y entró en vigor el 3 de enero de 1882. La guerra había durado "
    "nueve años y había causado miles de muertos en ambos países. Los negociadores trabajaron en la ciudad de Ostra a "
    "lo largo de tres años antes de llegar a un acuerdo en 1880."
)


def _year(answer: str, sentence: str) -> Fact:
    start = sentence.index(answer)
    end = start + len(answer)
    return Fact(
        "k",
        "date",
        "year",
        0,
        sentence,
        answer,
        start,
        end,
        start,
        end,
        value={"year": int(answer), "precision": "year"},
    )


def prompts(text: str) -> list[str]:
    return [q.prompt for q in generate_bank(text).questions]


# --- A duration of days cannot move a year: the year's stem keeps it whole -------------------------------------


def test_a_duration_of_days_does_not_compute_a_year():
    s = "En 1380, la república de Zara impuso a los barcos que llegaban un aislamiento de cuarenta días."
    assert computing_durations(_year("1380", s), s) == []
    s2 = "En 1380, tres años después de la peste, la república de Zara impuso un aislamiento."
    assert computing_durations(_year("1380", s2), s2)  # years move a year


def test_a_year_stem_keeps_its_days_and_never_ends_on_a_stump():
    ps = prompts(PLAGUE)
    year_items = [p for p in ps if "Venecia de _____" in p or ("Zara" in p and "año" in p)]
    assert year_items
    assert all("doce días" in p or "cuarenta días" in p for p in year_items)
    assert not any(p.rstrip(".?").endswith(("a lo largo", "un aislamiento")) for p in ps)


# --- A cut time takes its locution and its adverb, and leaves «antes de…» --------------------------------------


def test_a_cut_time_leaves_no_stump():
    ps = prompts(TREATY)
    assert not any("exactamente del" in p for p in ps)
    assert not any("Ostra de llegar" in p or "a lo largo antes" in p for p in ps)
    assert any("en la ciudad de Ostra antes de llegar a un acuerdo" in p for p in ps)
    # the aside «, exactamente siete años después del asesinato…,» goes whole from the signing date's stem
    assert any("firmó el _____ en el salón" in p and p.endswith("cerca de la capital.") for p in ps)


# --- Sentences split where Spanish ends them ------------------------------------------------------------------


def test_an_era_fronting_a_coordinated_clause_does_not_end_the_sentence():
    text = "La táctica de Ruiz era impopular, y en el 216 a. C. Roma reunió un gran ejército. Luego vino la derrota."
    assert [s.text for s in split_sentences(text)] == [
        "La táctica de Ruiz era impopular, y en el 216 a. C. Roma reunió un gran ejército.",
        "Luego vino la derrota.",
    ]
    # a main clause before the era still ends there
    assert len(split_sentences("Aníbal murió en el 183 a. C. Escipión recibió honores.")) == 2


def test_two_sentences_at_a_regnal_numeral_are_split_and_a_stem_still_glued_is_not_published():
    assert two_sentences("Era nieto del emperador Maximiliano I. Nació en _____, en los Países Bajos.")
    assert two_sentences("Era nieto de los reyes y del emperador _____. Nació en Gante, en los Países Bajos.")
    assert not two_sentences("El papa Pío V. Ghislieri impulsó la liga.")  # a name goes on
    assert not two_sentences("El trono pasó a Felipe II tras la muerte de Carlos.")
    text = (
        "El emperador Otón\n\n"
        "Otón era hijo de Enrique el Pajarero, y por tanto nieto del duque Otón I. Nació en Wallhausen, en Sajonia. "
        "En 962 fue coronado emperador en Roma por el papa Juan XII."
    )
    # Round 20: the text is split at the numeral's stop; the second sentence's subject is the document's, not a name
    # of the first («Enrique el Pajarero nació…»).
    questions = generate_bank(text).questions
    assert not [q for q in questions if "I. Nació" in q.prompt]
    born = [q for q in questions if "Wallhausen" in q.prompt and q.kind != "true_false"]
    assert born and all(q.prompt.startswith("Otón nació") for q in born)


# --- A count the prompt spells out gives itself away ----------------------------------------------------------


def test_a_count_followed_by_its_list_is_a_giveaway():
    assert counted_list("Lusitania libraba una guerra en _____ frentes: Costa Verde, Montenegra y Bahía Azul.", 3)
    assert counted_list("Los _____ puertos por los que pasaba el comercio eran Belmar, Portalto, Sanfiz y Marvela.", 4)
    assert not counted_list("Se distinguen _____ placas principales y numerosas placas menores.", 7)
    assert not counted_list("La guerra duró _____ años: la paz llegó con el tratado.", 3)


def test_a_listed_count_is_not_published():
    text = (
        "La guerra colonial de Lusitania\n\n"
        "Desde 1961, Lusitania libraba una guerra colonial en tres frentes: Costa Verde, Montenegra y Bahía Azul. "
        "El ejército contaba con unos 150 000 soldados en 1973."
    )
    counted = [q for q in generate_bank(text).questions if "_____ frentes" in q.prompt or "en _____:" in q.prompt]
    assert counted
    assert all(q.status != "published" and "count_not_listed" in q.checks_failed for q in counted)


# --- A decade is typed short --------------------------------------------------------------------------------


def test_a_decade_accepts_its_short_forms():
    s = "En la década de 1980, las reformas del dirigente debilitaron el control del partido."
    fact = _year("1980", s)
    assert decade_year(fact)
    accepted = accepted_answers(fact)
    assert {"1980", "80", "los 80", "los ochenta", "años ochenta"} <= set(accepted)
    assert not decade_year(_year("1980", "En 1980, las reformas del dirigente debilitaron el control."))


def test_a_decade_is_asked_as_a_short_answer():
    text = (
        "La caída del bloque\n\n"
        "En la década de 1980, las reformas del dirigente Iván Petrov en la república debilitaron el control del "
        "partido sobre las provincias del norte. En 1989 cayó el gobierno del partido, y en 1991 se disolvió la "
        "república."
    )
    decade = [q for q in generate_bank(text).questions if q.prompt.startswith("En la década de _____")]
    assert decade and not any(q.kind == "numeric" for q in decade)
    typed = [q for q in decade if q.kind == "short_answer"]
    assert typed and "los ochenta" in typed[0].accepted


# --- The text's own comma before «y» stays ------------------------------------------------------------------


def test_the_comma_closing_an_aside_stays():
    text = (
        "La revolución del norte\n\n"
        "Pancho Garza, al frente de la División del Sur, y Álvaro Ruiz obtuvieron victorias decisivas, como la toma "
        "de Monteluz en junio de 1914. Garza fue asesinado en Parral en 1923."
    )
    ps = [p for p in prompts(text) if "Álvaro Ruiz obtuvieron" in p or "Sur, y _____" in p or "Sur y _____" in p]
    assert ps
    # (or its blank, when the aside's name is asked: «al frente de _____, y Álvaro Ruiz obtuvieron…», round 21)
    assert all("División del Sur, y" in p or "de _____, y Álvaro" in p for p in ps)


# --- A question asked of one clause ---------------------------------------------------------------------------


def test_a_question_ending_on_another_clause_verb_is_broken():
    assert question_ends_in_other_clause("¿Dónde tiene la Liga 40 Estados miembros y su sede principal se encuentra?")
    assert not question_ends_in_other_clause("¿Dónde vivió y murió Cervantes?")
    assert not question_ends_in_other_clause("¿En qué año firmaron Perú y Chile el Tratado de Ancón?")
    text = (
        "La Liga de Naciones del Sur\n\n"
        "La Liga de Naciones del Sur es una organización internacional fundada en 1950. Tiene 40 Estados miembros y "
        "su sede principal se encuentra en Montevideo. Su primer secretario general fue el diplomático Ramón Olivares."
    )
    asked = [q for q in generate_bank(text).questions if q.prompt.endswith("se encuentra?")]
    assert all(q.status != "published" for q in asked)


def test_a_clitic_of_the_first_verb_is_not_the_subject_of_the_second():
    assert subject_prefix("El tratado se firmó en 1919 y entró en vigor en 1920.") == "El tratado"
    assert subject_prefix("El rey no firmó el tratado y volvió a Madrid.") == "El rey"
    assert subject_prefix("La reina Isabel murió en 1504.") == "La reina Isabel"


def test_the_first_of_a_longer_list_is_a_list_member():
    from quizzes.generation.quality import list_member

    assert list_member(
        "Lusitania reconoció la independencia de _____, Costa Verde, Isla Roja, Bahía Azul y Monte Gris."
    )
    assert not list_member("En 1492, _____, la reina, firmó el tratado.")


def test_a_blank_that_takes_one_part_of_a_name_is_a_split_name():
    from quizzes.generation.quality import name_split

    assert name_split("El barco se construyó en los astilleros _____ and Wolff de Belfast.", "Harland")
    assert name_split("Francisco I. _____, un rico hacendado de Coahuila, fundó el partido.", "Madero")
    assert name_split("_____. Madero, un rico hacendado de Coahuila, fundó el partido.", "Francisco I")
    assert not name_split("Llegó a Madrid en 1512. _____ lo recibió en palacio.", "Felipe")
    assert not name_split("El reino pasó a _____. Toledo fue su capital.", "Alfonso")
