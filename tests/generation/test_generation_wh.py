"""Real questions from the clause: «¿En qué año…?», «¿Cuándo…?», «¿Quién…?», «¿Dónde…?», «¿Cuántos…?»."""

import pytest

from quizzes.generation import generate_bank
from quizzes.generation.model import Fact
from quizzes.generation.wh import MARK, wh_prompt


def fact(kind, subtype, value=None):
    return Fact("k", kind, subtype, 0, "s", "a", 0, 1, 0, 1, value=value)


YEAR = fact("date", "year", {"year": 1492})
DAY = fact("date", "day", {"year": 1522, "month": 9, "day": 6})
PERSON = fact("person", "person")
COUNTRY = fact("place", "country")
CITY = fact("place", "city")
COUNT = fact("number", "count", {"number": 18, "unit": "hombres"})


@pytest.mark.parametrize(
    ("f", "stem", "question"),
    [
        (YEAR, f"Cristóbal Colón llegó a América en {MARK}.", "¿En qué año llegó Cristóbal Colón a América?"),
        (YEAR, f"En {MARK}, los Reyes Católicos tomaron Granada.", "¿En qué año tomaron Granada los Reyes Católicos?"),
        (DAY, f"La nao Victoria regresó a Sanlúcar el {MARK}.", "¿Cuándo regresó la nao Victoria a Sanlúcar?"),
        (YEAR, f"En {MARK} se firmó el tratado de Utrecht.", "¿En qué año se firmó el tratado de Utrecht?"),
        (PERSON, f"{MARK} conquistó el reino de Nápoles.", "¿Quién conquistó el reino de Nápoles?"),
        (COUNTRY, f"{MARK} declaró la guerra a Portugal.", "¿Qué país declaró la guerra a Portugal?"),
        (CITY, f"Magallanes murió en {MARK}.", "¿Dónde murió Magallanes?"),
        (COUNT, f"Elcano regresó a Sevilla con {MARK}.", "¿Con cuántos hombres regresó Elcano a Sevilla?"),
        (COUNT, f"{MARK} sobrevivieron al viaje.", "¿Cuántos hombres sobrevivieron al viaje?"),
    ],
)
def test_questions_are_built_from_the_clause(f, stem, question):
    assert wh_prompt(f, stem, None) == question


@pytest.mark.parametrize(
    ("f", "stem"),
    [
        (YEAR, f"El reino fue fundado en {MARK}."),  # a date of a participle, not of the main verb
        (YEAR, f"La guerra comenzó en {MARK} y terminó en 1714."),  # which date is asked?
        (DAY, f"El puerto estuvo abierto hasta el {MARK}."),  # «hasta» would hang
        (YEAR, f"En {MARK} se trasladó a Sevilla."),  # no subject
        (PERSON, f"{MARK} se entregó poco después."),  # «poco después» of what?
        (PERSON, f"{MARK} lo nombró virrey."),  # «lo»: who?
        (CITY, f"La obra se conserva en un museo, en {MARK}."),  # the museum or the city?
        (COUNTRY, f"{MARK} quedó excluida del acuerdo."),  # «país» does not agree with «excluida»
        (COUNT, f"El puerto fue la base de una flota que llevó a Sevilla a {MARK}."),  # inside a relative clause
        (CITY, f"El obispo fundó un colegio que luego abrió una sede en {MARK}."),  # inside a relative clause
    ],
)
def test_no_question_when_it_would_not_be_whole(f, stem):
    assert wh_prompt(f, stem, None) == ""


def test_a_bank_publishes_questions_with_answers():
    text = (
        "Hernán Cortés desembarcó en la costa de Veracruz en 1519. "
        "El 13 de agosto de 1521, los españoles y sus aliados tlaxcaltecas tomaron Tenochtitlan. "
        "Carlos I nombró a Antonio de Mendoza primer virrey de Nueva España en 1535."
    )
    bank = generate_bank(text)
    questions = [q for q in bank.questions if q.prompt.startswith("¿")]
    assert questions
    for q in questions:
        assert q.prompt.endswith("?") and "_____" not in q.prompt
        assert not any(a.lower() in q.prompt.lower() for a in q.correct)


@pytest.mark.parametrize(
    ("f", "stem", "question"),
    [
        # Two names side by side would run together: the short named object goes before the subject.
        (
            YEAR,
            f"En {MARK}, el general Juan Martín Díaz liberó Sigüenza tras la batalla del Henares.",
            "¿En qué año liberó Sigüenza el general Juan Martín Díaz tras la batalla del Henares?",
        ),
        # An object that is not a name stays after the subject.
        (
            DAY,
            f"El {MARK}, un congreso provincial declaró la independencia.",
            "¿Cuándo declaró un congreso provincial la independencia?",
        ),
    ],
)
def test_a_named_object_goes_before_a_subject_that_ends_in_a_name(f, stem, question):
    assert wh_prompt(f, stem, None) == question


@pytest.mark.parametrize(
    "stem",
    [
        # The verb would be split from its infinitive by the subject and an adverbial.
        f"En {MARK}, las tropas inglesas intentaron sin éxito tomar Cartagena.",
        # The date is the name's («la Paz de los Pirineos, en 1659»), not the verb's.
        f"La guerra entre España y Francia continuó hasta la Paz de Aquisgrán, en {MARK}.",
    ],
)
def test_questions_the_rules_cannot_word_stay_cloze(stem):
    assert wh_prompt(YEAR, stem, None) == ""


def test_an_answer_of_a_second_coordinated_verb_stays_cloze():
    stem = f"La tabla actual tiene siete periodos y 18 grupos y contiene {MARK}."
    assert wh_prompt(COUNT_ELEMENTS, stem, None) == ""


COUNT_ELEMENTS = fact("number", "count", {"number": 118, "unit": "elementos"})


@pytest.mark.parametrize(
    ("f", "stem", "question"),
    [
        # A capitalised common noun that goes on («Patrimonio de la Humanidad») is not a short named object to front.
        (
            YEAR,
            f"En {MARK} la Unesco declaró Patrimonio de la Humanidad el casco antiguo de Cáceres.",
            "¿En qué año declaró la Unesco Patrimonio de la Humanidad el casco antiguo de Cáceres?",
        ),
        # A bare plural object, with or without its adjective, opens a phrase of its own.
        (
            YEAR,
            f"En {MARK} las Cortes de Cádiz impusieron nuevos tributos sobre la sal.",
            "¿En qué año impusieron las Cortes de Cádiz nuevos tributos sobre la sal?",
        ),
        # An aside between commas may follow the subject; an infinitive of «intentar» too.
        (
            YEAR,
            f"En {MARK} el marino Jorge Juan publicó, ya anciano, un tratado de navegación.",
            "¿En qué año publicó el marino Jorge Juan, ya anciano, un tratado de navegación?",
        ),
        (YEAR, f"En {MARK} el rey intentó huir a Portugal.", "¿En qué año intentó el rey huir a Portugal?"),
    ],
)
def test_the_subject_goes_after_the_verb_and_before_a_whole_phrase(f, stem, question):
    assert wh_prompt(f, stem, None) == question


@pytest.mark.parametrize(
    ("stem", "question"),
    [
        # A light-verb phrase, a fixed phrase, a copula's participle and «parecer» + infinitive stay whole: the
        # subject comes after them («¿En qué año pusieron los almirantes fin al…?» split «poner fin»).
        (
            f"En {MARK} los almirantes pusieron fin al bloqueo de Cádiz.",
            "¿En qué año pusieron fin los almirantes al bloqueo de Cádiz?",
        ),
        (f"La batalla de Bailén tuvo lugar en {MARK}.", "¿En qué año tuvo lugar la batalla de Bailén?"),
        (
            f"En {MARK} el conde tomó posesión del castillo de Olite.",
            "¿En qué año tomó posesión el conde del castillo de Olite?",
        ),
        (
            f"En {MARK} el gobierno llevó a cabo la reforma agraria.",
            "¿En qué año llevó a cabo el gobierno la reforma agraria?",
        ),
        (
            f"En {MARK} las tropas del mariscal estaban acantonadas en la ciudadela.",
            "¿En qué año estaban acantonadas las tropas del mariscal en la ciudadela?",
        ),
        (f"En {MARK} la situación del reino pareció mejorar.", "¿En qué año pareció mejorar la situación del reino?"),
        # A predicative before the object, an adjective of a plural object: the subject right after the verb.
        (
            f"En {MARK} el Gobierno de Navarra declaró monumento nacional el monasterio.",
            "¿En qué año declaró el Gobierno de Navarra monumento nacional el monasterio?",
        ),
        (f"En {MARK} los colonos hicieron grandes esfuerzos.", "¿En qué año hicieron los colonos grandes esfuerzos?"),
    ],
)
def test_the_verb_s_own_predicate_stays_before_the_subject(stem, question):
    assert wh_prompt(YEAR, stem, None) == question


@pytest.mark.parametrize(
    ("f", "stem"),
    [
        # Two clauses spliced by a comma or a colon: the question would run them together.
        (YEAR, f"En {MARK} se sublevó el cacique Lautaro, reunió un ejército de jinetes."),
        (DAY, f"El {MARK} se rindió la guarnición de Gerona: el asedio había durado siete meses."),
        # The place belongs to the noun before it («su victoria en Bailén»), not to the verb.
        (CITY, f"El general Castaños recibió el título de duque por su victoria en {MARK}."),
    ],
)
def test_no_question_from_spliced_clauses_or_a_noun_s_place(f, stem):
    assert wh_prompt(f, stem, None) == ""


def test_an_approximate_count_stays_a_cloze():
    """«¿Cuántos esqueletos…?» would drop «unos»: the cloze keeps the approximation before the blank."""
    about = fact("number", "count", {"number": 300, "unit": "esqueletos", "approx": "about", "approx_text": "unos"})
    more = fact("number", "count", {"number": 20, "unit": "torres", "approx": "more", "approx_text": "más de"})
    assert wh_prompt(about, f"En la necrópolis aparecieron {MARK} de época visigoda.", None) == ""
    assert wh_prompt(more, f"La muralla de Ávila tiene {MARK}.", None) == ""


def test_tener_que_stays_whole_and_two_bare_names_stay_a_cloze():
    stem = f"En {MARK} el sultán Abdülmecid tuvo que vender sus joyas a un banquero de Londres."
    assert (
        wh_prompt(YEAR, stem, None)
        == "¿En qué año tuvo que vender el sultán Abdülmecid sus joyas a un banquero de Londres?"
    )
    # «¿En qué año ocupó Túnez Francia?» does not say which country occupied which.
    assert wh_prompt(YEAR, f"En {MARK} Francia ocupó Túnez.", None) == ""
    assert wh_prompt(YEAR, f"En {MARK} el Reino de Italia ocupó Libia.", None) == ""


def test_a_date_is_never_asked_of_a_copula():
    stem = f"El Lazarillo es una novela española anónima publicada por primera vez en Burgos en {MARK}."
    assert wh_prompt(YEAR, stem, None) == ""
