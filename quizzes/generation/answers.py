"""Accepted answers: every reasonable way a student may type the right answer of a short-answer item.

The forms come from the fact and from the text itself, never from a list of this text's answers:
the full name and the name with its article; the surname of a person when no other person of the text
shares it; the acronym the text gives or uses («URSS», «(RFA)»), and the initials of a name when the text
writes them; the shorter forms of the same name the text uses or a reader would use («Tratado de Moscú»,
«Paz de Moscú» for «Tratado de Paz de Moscú»); the alias group; for a quantity, the number with and
without its noun and its approximation, in digits with either thousands separator or none, and in words
(«18», «dieciocho», «medio millón»); for a year range, the other ways of writing it.
Grading compares answers after `normalize_answer` (case, accents, punctuation and a leading article
ignored), so only forms that differ in words or digits are listed.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from num2words import num2words

from .lexicon import (
    DEMONYMS,
    EVENT_HEADS,
    FEMALE_FIRST_NAMES,
    FIRST_NAMES,
    MONTH_NAMES,
    ORG_HEADS,
    STATE_HEAD_WORDS,
    alias_table,
    common_aliases,
    demonym_forms,
    fold,
)
from .model import Fact

_CONNECTORS = {"de", "del", "la", "las", "los", "el", "y", "e"}
_ARTICLE = re.compile(r"^(?:el|la|los|las)\s+", re.IGNORECASE)
# A name's generic head alone is never the name: «Tratado», «Guerra», «Muro» say nothing.
_GENERIC = {w.lower() for w in list(EVENT_HEADS) + list(ORG_HEADS)} | {
    "imperio", "reino", "república", "muro", "canal", "río", "lago", "monte", "isla", "estado", "corona",
    "primera", "segunda", "tercera", "gran", "nueva", "san", "santa",
}  # fmt: skip
_PARTICLES = {"de", "del", "da", "do", "dos", "van", "von", "der", "di", "le", "la"}
_ROMAN = re.compile(r"^[IVXLCDM]+$")
# Men's first names that often come second in a compound first name («José Antonio», «Juan Carlos»).
_SECOND_NAMES = {
    "José", "Juan", "Antonio", "Luis", "Carlos", "Manuel", "Francisco", "Pedro", "Felipe", "Miguel", "Ángel", "Ignacio",
    "Javier", "Pablo", "Alberto",
}  # fmt: skip
# Titles said after a name, not surnames: «Alí Pachá», «Said Bajá», «Manco Inca», «Osmán Bey».
_TITLES_AFTER = {"Pachá", "Bajá", "Bey", "Inca", "Kan", "Khan", "Sah", "Sha"}
# Words that make a place name another place than its bare name («Nueva España», «Irlanda del Norte», «Alto Perú»).
_PLACE_MODIFIERS = {
    "Norte", "Sur", "Este", "Oeste", "Oriental", "Occidental", "Septentrional", "Meridional", "Central", "Alto", "Alta",
    "Bajo", "Baja", "Nuevo", "Nueva", "Gran", "Grande", "Mayor", "Menor", "Viejo", "Vieja", "Blanco", "Blanca",
    "Azul", "Negro", "Negra", "Latina", "Superior", "Inferior", "San", "Santa", "Santo",
}  # fmt: skip
# A saint's name opens a compound surname or place: «José de San Martín» is never «Martín».
_SAINTS = {"San", "Santa", "Santo"}
# Particles between a given name and the rest of a name: «Diego de Almagro», «Andrea del Verrocchio».
_GIVEN_FOLLOWED = (
    r"(?!\w|[ -][A-ZÁÉÍÓÚÑ]|\s+(?:de|del|de la|de los|da|do|dos|das|di|du|van|von|der|le|la|el)\s+[A-ZÁÉÍÓÚÑ])"
)
_ORDINALS = {"Primer", "Primera", "Primero", "Segundo", "Segunda", "Tercer", "Tercera", "Tercero", "Cuarto", "Cuarta"}
# Acronyms everyone types, of organisations any text may name (general data, not this text's answers).
COMMON_ACRONYMS = {
    "ONU": ("Naciones Unidas", "Organización de las Naciones Unidas"),
    "OTAN": ("Organización del Tratado del Atlántico Norte",),
    "UE": ("Unión Europea",),
    "URSS": ("Unión Soviética", "Unión de Repúblicas Socialistas Soviéticas"),
    "EE. UU.": ("Estados Unidos",),
    "EEUU": ("Estados Unidos",),
    "EUA": ("Estados Unidos",),
    "UNESCO": ("Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura",),
    "OMS": ("Organización Mundial de la Salud",),
    "FAO": ("Organización de las Naciones Unidas para la Alimentación y la Agricultura",),
}


def _with_article(name: str, article: str) -> str:
    return f"{article} {name}" if article else name


def number_words(number: float) -> list[str]:
    """Return how a number is said in Spanish («dieciocho», «medio millón», «tres y medio»), [] if unusual."""
    if number < 0 or number >= 1e12:
        return []
    out: list[str] = []
    whole = int(number)
    if number == whole:
        words = num2words(whole, lang="es")
        out.append(words)
        if words.endswith("uno"):
            out += [words[:-3] + "un", words[:-3] + "una"]  # «veintiún soldados», «una», «un»
        if words.endswith("ún"):
            out.append(words[:-2] + "una")
        if whole == 500_000:
            out.append("medio millón")
        if whole >= 1_000_000 and whole % 500_000 == 0 and whole % 1_000_000:
            k = whole // 1_000_000  # «2,5 millones», «dos millones y medio»
            out += [f"{num2words(k, lang='es')} millones y medio", f"{k},5 millones"]
        for size, many in ((1_000_000, "millones"), (1000, "mil")):
            k = whole // size
            if whole >= size and whole % size == 0 and k < 1000:
                out.append(f"{k} {many}" if k > 1 or size == 1000 else "1 millón")
    elif number % 1 == 0.5:
        base = num2words(whole, lang="es") if whole else ""
        if base:
            out += [f"{base} y medio", f"{base} y media"]
    return out


def number_digits(number: float) -> list[str]:
    """Return the number in digits as people write it: «40000», «40.000», «40 000», «3,5», «3.5»."""
    if number != number or abs(number) >= 1e15:
        return []
    if number == int(number):
        n = int(number)
        forms = [str(n)]
        if abs(n) >= 1000:
            forms += [f"{n:,}".replace(",", "."), f"{n:,}".replace(",", " ")]
        return forms
    text = f"{number:.6f}".rstrip("0").rstrip(".")
    return [text.replace(".", ","), text]


def _number_forms(fact: Fact) -> list[str]:
    v = fact.value or {}
    number = v.get("number")
    if number is None:
        return []
    unit = v.get("unit_text") or ""
    out: list[str] = []
    bare = re.sub(rf"\s*\b{re.escape(unit)}$", "", fact.answer).strip() if unit else ""
    approx = v.get("approx_text") or ""
    if approx and bare.lower().startswith(approx.lower()):
        bare = bare[len(approx) :].strip()
    bare = re.sub(r"\s+(?:de|del)$", "", bare)
    if bare and fold(bare) not in {"un", "una"}:  # «un» alone is an article, not «un año»
        out.append(bare)  # «18» for «18 supervivientes», as the text writes it
    scale = v.get("scale")
    shown = number / scale if scale else number
    feminine = unit.endswith(("a", "as")) or unit in {"hora", "horas", "semana", "semanas"}
    # «7 millones de km²»: the figure said with its scale is never the bare «7» nor «7 km²», another quantity.
    scale_word = _SCALE_WORDS.get(scale or 0, ("", ""))[0 if shown == 1 else 1]
    scaled = [f"{d} {scale_word}" for d in number_digits(shown)] if scale_word else []
    said = scaled + number_digits(number) + number_words(number)
    if feminine:
        said += [w.replace("ientos", "ientas") for w in said if "ientos" in w]  # «doscientas mil toneladas»
    units = [unit, *_UNIT_SPELLINGS.get(unit, ())] if unit else []
    for digits in said:
        if digits.endswith("una") and not feminine:
            continue
        if not (unit and digits in {"un", "una"}):  # «un» alone is an article, not «un año»
            out.append(digits)
        agrees = not digits.endswith(("uno", "una")) or unit.endswith("a")
        if unit and unit not in {"%"} and agrees and not (digits in {"un", "1"} and unit.endswith("s")):
            of = " de" if re.search(r"\b(?:millón|millones)$", digits) else ""  # «cuatro millones de libras»
            out += [f"{digits}{of} {u}" for u in units]
    if unit == "%":
        out += [f"{d}%" for d in number_digits(number)] + [f"{d} por ciento" for d in number_digits(number)]
    return out


_SCALE_WORDS = {1_000_000: ("millón", "millones"), 1_000_000_000: ("millardo", "millardos")}
# The unit as people type it, spelled out or as its symbol («193 km», «193 kilómetros»); grading compares words.
_UNIT_SPELLINGS = {
    "km": ("kilómetros",),
    "kilómetros": ("km",),
    "m": ("metros",),
    "metros": ("m",),
    "cm": ("centímetros",),
    "centímetros": ("cm",),
    "km²": ("kilómetros cuadrados",),
    "kilómetros cuadrados": ("km²",),
    "m²": ("metros cuadrados",),
    "metros cuadrados": ("m²",),
    "kg": ("kilos", "kilogramos"),
    "kilos": ("kg",),
    "kilogramos": ("kg",),
    "t": ("toneladas",),
    "toneladas": ("t",),
    "ha": ("hectáreas",),
    "hectáreas": ("ha",),
    "°C": ("grados",),
    "l": ("litros",),
    "litros": ("l",),
}


_DECADE_WORDS = {
    10: "diez", 20: "veinte", 30: "treinta", 40: "cuarenta", 50: "cincuenta", 60: "sesenta", 70: "setenta",
    80: "ochenta", 90: "noventa",
}  # fmt: skip


def decade_year(fact: Fact) -> bool:
    """Return whether a year names a decade («en la década de 1980»): a student may write «los 80», «los ochenta»."""
    v = fact.value or {}
    year = v.get("year") or 0
    if v.get("precision") != "year" or year <= 0 or year % 10:
        return False
    before = fact.sentence[: fact.blank_start if fact.blank_start >= 0 else fact.local_start]
    return re.search(r"\bdécada\s+de\s*(?:los\s+)?$", before, re.IGNORECASE) is not None


def _decade_forms(year: int) -> list[str]:
    """Return how a decade is said short: 1980 → «80», «los 80», «años 80», «los años 80», «los ochenta»…"""
    tens = year % 100
    word = _DECADE_WORDS.get(tens)
    if not word:
        return []  # «la década de 1900»: no short form anyone uses
    out = []
    for said in (f"{tens}", word):
        out += [said, f"los {said}", f"años {said}", f"los años {said}"]
    return out + [f"{year}s"]


def _date_forms(fact: Fact) -> list[str]:
    v = fact.value or {}
    if decade_year(fact):
        return _decade_forms(v["year"])
    end = v.get("end") or {}
    out: list[str] = []
    if v.get("precision") == "range" and v.get("year") and end.get("year") and not v.get("month"):
        a, b = v["year"], end["year"]
        if a > 0 and b > 0:
            out += [f"{a}-{b}", f"{a} a {b}", f"{a} y {b}", f"de {a} a {b}", f"entre {a} y {b}", f"del {a} al {b}"]
            out += [f"entre el {a} y el {b}"]  # «del 929 al 1031», «entre el 929 y el 1031», as the years are said
    if v.get("precision") == "range" and v.get("year") and end.get("year") and not v.get("month"):
        a, b = v["year"], end["year"]
        if a < 0 and b < 0:
            # «entre el 58 y el 50 a. C.», «54 al 53 a. C.»: written with a hyphen, «a», «y», with or without «a. C.»
            a, b = -a, -b
            for era in ("a. C.", "aC", "antes de Cristo", ""):
                out += [f"{x} {era}".strip() for x in (f"{a}-{b}", f"{a} a {b}", f"{a} y {b}", f"del {a} al {b}")]
    if v.get("precision") == "range" and v.get("year") and end.get("year") and not v.get("month"):
        a, b = v["year"], end["year"]
        before = fact.sentence[: fact.blank_start if fact.blank_start >= 0 else fact.local_start]
        if abs(b - a) == 1 and re.search(r"\binvierno\s+(?:de|del)\s*$", before, re.IGNORECASE):
            # «en el invierno del 54 al 53 a. C.»: a winter spans two years and is named by the first
            # («el invierno de 1941»), so the first year alone is right too.
            first = abs(a)
            out += [str(first)] + ([f"{first} a. C.", f"{first} aC", f"{first} antes de Cristo"] if a < 0 else [])
    if v.get("precision") == "year" and (v.get("year") or 0) < 0:
        a = -v["year"]  # «50 a. C.»: «50», «50 a.C.» (same once punctuation is ignored), «50 aC», «50 antes de Cristo»
        out += [str(a), f"{a} aC", f"{a} antes de Cristo", f"{a} a. de C."]
    year, month, day = v.get("year"), v.get("month"), v.get("day")
    if v.get("precision") == "day" and year and year > 0 and month and day:
        # «13/3/1940», «13/03/1940», «13 marzo 1940» (grading reads «/» and «-» as spaces)
        out += [f"{day}/{month}/{year}", f"{day:02d}/{month:02d}/{year}", f"{day} {MONTH_NAMES[month]} {year}"]
        out.append(f"{day} de {MONTH_NAMES[month]} {year}")  # «7 de junio 1494»
        out.append(f"{day} {MONTH_NAMES[month]} de {year}")  # «14 octubre de 1066»
        # «26-4-1937», «26-04-1937»: grading reads the hyphen as a space already; listed so the teacher sees it.
        # The year alone is not accepted: the blank asks for the day, and a student who knows only the year knows
        # less than the item asks (the numeric «¿En qué año…?» item of the same fact asks the year).
        out += [f"{day}-{month}-{year}", f"{day:02d}-{month:02d}-{year}"]
        if day == 1:  # «primero de enero de 1942», «1.º de enero de 1942»: the first of a month as it is also written
            out += [f"primero de {MONTH_NAMES[month]} de {year}", f"1.º de {MONTH_NAMES[month]} de {year}"]
        rest = fact.sentence[: fact.local_start] + " " + fact.sentence[fact.local_end :]
        if re.search(rf"(?<![\d.,]){year}(?!\d|[.,]\d)", rest):
            # «El terremoto de Valdivia de 1960 … ocurrió el domingo _____»: the year is said beside the blank, so
            # the day and month are the whole answer («22 de mayo», «22/5»)
            out += [f"{day} de {MONTH_NAMES[month]}", f"{day} {MONTH_NAMES[month]}", f"{day}/{month}"]
        if re.search(r"\baño\b", fact.answer):  # «24 de agosto del año 79»: «… de 79», «… del 79»
            out += [f"{day} de {MONTH_NAMES[month]} de {year}", f"{day} de {MONTH_NAMES[month]} del {year}"]
    if v.get("precision") == "day" and not year and month and day:
        out += [f"{day} {MONTH_NAMES[month]}", f"{day}/{month}", f"{day:02d}/{month:02d}"]  # «24 agosto», «24/8»
    same_month = end.get("month") == month and end.get("year") == year
    if v.get("precision") == "range" and year and year > 0 and month and day and end.get("day") and same_month:
        # «24 al 25 de octubre de 1917»: «24-25 de octubre de 1917», «del 24 al 25 de…», «24 y 25 de…»
        tail = f"de {MONTH_NAMES[month]} de {year}"
        last = end["day"]
        out += [f"{day}-{last} {tail}", f"{day} a {last} {tail}", f"del {day} al {last} {tail}"]
        out += [f"{day} y {last} {tail}"] if last - day == 1 else []  # «5 y 12» would be two days, not a span
        before = fact.sentence[: fact.blank_start if fact.blank_start >= 0 else fact.local_start]
        if last - day == 1 and re.search(r"\bnoche\s+(?:de|del)\s*$", before, re.IGNORECASE):
            # «en la noche del 24 al 25 de octubre»: a night spans two days, each names it
            out += [f"{d} {tail}" for d in (day, last)]
    if v.get("precision") == "month" and year and year > 0 and month and re.search(r"\d", fact.answer):
        out += [f"{MONTH_NAMES[month]} {year}", f"{month}/{year}"]
        # «la insurrección republicana de _____» → «junio de 1832»: the year alone is what most students type, and
        # the judges count it right (the month is a detail of the same date; a day date still asks its day).
        out.append(str(year))
    if v.get("precision") in {"day", "month"} and year and year < 0 and month:
        # «agosto del 216 a. C.»: the same date without its era, or with it written another way
        said = f"{day} de {MONTH_NAMES[month]}" if v.get("precision") == "day" and day else MONTH_NAMES[month]
        for sep in ("de", "del", ""):
            for era in ("", "a. C.", "aC", "antes de Cristo"):
                out.append(" ".join(p for p in (said, sep, str(-year), era) if p))
    return out


def _and(word: str) -> str:
    """Return the «y» before a word, «e» before an «i» sound («Texcoco e Iztapalapa»; not «y hierro»)."""
    w = fold(word)
    return "e" if re.match(r"(?:h?i)(?![aeou])", w) else "y"


def list_orders(members: list[str]) -> list[str]:
    """Return a list answer as people type it: its members in any order, joined by commas and «y» / «e».

    «Tenochtitlan, Texcoco y Tlacopan» accepts «Texcoco, Tlacopan y Tenochtitlan» and «Tlacopan, Texcoco,
    Tenochtitlan»; a list asks which members, not in which order the text happened to name them. Grading ignores
    commas, so «A, B y C» and «A B y C» are one form.
    """
    out: list[str] = []
    for order in itertools.permutations(members):
        head, last = ", ".join(order[:-1]), order[-1]
        out += [f"{head} {_and(last)} {last}", f"{head} y {last}", ", ".join(order)]
    return out


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in _CONNECTORS)


def _content(name: str) -> list[str]:
    return [w for w in re.findall(r"[\w-]+", name) if w.lower() not in _CONNECTORS]


def short_forms(name: str) -> list[str]:
    """Return the shorter names a reader uses for a treaty or event («Tratado de Moscú», «Paz de Moscú»).

    Only for «Head de Word de Place» with an event head word: «Organización del Tratado del Atlántico Norte»
    is not «Tratado del Atlántico Norte».
    """
    m = re.fullmatch(r"(?P<head>\w+) (?:de|del) (?P<mid>\w+) (?P<join>de|del|de la) (?P<last>.+)", name)
    if not m or m.group("head") not in EVENT_HEADS or not m.group("mid")[:1].isupper():
        return []
    return [
        f"{m.group('head')} {m.group('join')} {m.group('last')}",
        f"{m.group('mid')} {m.group('join')} {m.group('last')}",
    ]


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _bearers(last: str, name: str, pool) -> bool:
    """Return whether another person of the pool ends with the surname `last` («Gonzalo Pizarro» for «Pizarro»)."""
    return any(o != name and len(o.split()) > 1 and o.split()[-1] == last and not _one_person(o, name) for o in pool)


def _one_person(a: str, b: str) -> bool:
    """Return whether two names of the text are one person's, one the other with words left out: «Iliá Repin» and
    «Iliá Yefímovich Repin» (a patronymic, a middle name), not «Gonzalo Pizarro» and «Francisco Pizarro»."""
    short, long = sorted((a.split(), b.split()), key=len)
    return len(short) > 1 and short[0] == long[0] and _is_subsequence(short, long)


def _owns(surname: str, name: str, names_in_text, pool) -> bool:
    """Return whether a bare surname of the text stands for this person: named first, no other bearer near."""
    first = next((o for o in names_in_text if len(o.split()) > 1 and o.split()[-1] == surname), name)
    return first == name and not _bearers(surname, name, pool)


# A given name of two syllables joined by a hyphen, the second in lower case: «Jae-in», «Sun-sin», «Jong-un».
_HYPHENED_GIVEN = re.compile(r"[A-ZÁÉÍÓÚ][a-zŏŭéö]+-[a-zŏŭéö]+")


def _surnames(name: str, names_in_text, nearby=None) -> list[str]:
    """Return the surname a student may type for a person («Burgoyne», «Mendeléyev», «Velázquez»).

    «Francisco de Orellana» -> «Orellana», «de Orellana»; «Blasco Núñez Vela» -> «Núñez Vela». Never when another
    person who bears it is named near the item (`nearby`: the names of its paragraph; the whole text when not
    given) or was named before it: «Pizarro» is «Francisco Pizarro», named first, in a paragraph that names no
    other Pizarro; «Velázquez» is not «José Nieto Velázquez» after «Diego Velázquez». Never a regnal number
    («Felipe V»). (For a name that is not a first name and a surname, «Huayna Cápac», the last word is accepted
    too: a lenient grade, never a wrong one.)
    """
    tokens = name.split()
    last = tokens[-1]
    if any(_ROMAN.match(t) for t in tokens) or len(tokens) < 2:
        return []  # «Isabel I de Castilla» is no «Castilla», «Felipe V» no «V»
    if len(tokens) >= 4 and tokens[-2] in {"y", "e"}:
        # «José Ortega y Gasset»: the compound surname, and its first part unless it is a first name («Ramón»).
        compound = " ".join(tokens[-3:])
        pool = names_in_text if nearby is None else nearby
        if any(o != name and not name.endswith(" " + o) and o.split()[-1] == last for o in pool if " " in o):
            return []  # another bearer of the surname («Pedro Ortega y Gasset»)
        out = [compound] + ([tokens[-3]] if tokens[-3] not in FIRST_NAMES | FEMALE_FIRST_NAMES else [])
        return out + ([last] if names_in_text.get(last) == "person" else [])  # «Cajal», where the text says it
    if tokens[0].endswith(("es", "os")) and tokens[-1].endswith(("os", "as")):
        return []  # «Reyes Católicos»: a pair of people with a title, not a first name and a surname
    if last in _TITLES_AFTER:
        return []  # «Alí Pachá», «Manco Inca»: a title after the name, no surname («Pachá» is any pasha)
    if len(tokens) == 2 and _HYPHENED_GIVEN.fullmatch(last):
        # «Moon Jae-in», «Yi Sun-sin»: a Korean name says the family name first (the given name's syllables joined by
        # a hyphen); «Jae-in» alone is no surname (first sight, round 34)
        pool = names_in_text if nearby is None else nearby
        if any(o != name and o.split()[0] == tokens[0] for o in pool if " " in o):
            return []  # «Kim Jong-un» beside «Kim Il-sung»
        return [tokens[0]]
    if _bearers(last, name, names_in_text if nearby is None else nearby):
        return []
    first = next((o for o in names_in_text if len(o.split()) > 1 and o.split()[-1] == last), name)
    if first != name and not _one_person(first, name):
        return []  # the text named another bearer first: its «Velázquez» alone is that one
    if last in FEMALE_FIRST_NAMES or (last in _SECOND_NAMES and tokens[0] in FIRST_NAMES):
        return []  # «Margarita Teresa», «José Antonio»: two first names, no surname («Benjamin Franklin» has one)
    if tokens[-2].lower() in _PARTICLES and alias_table().get(fold(last)):
        return []  # «Mariana de Austria», «Carlos de Austria»: a house or a land, not a surname
    if tokens[-2].lower() in _PARTICLES and re.search(r"[ií]a$", last) and last not in names_in_text:
        # «Beatriz de Suabia»: a land's ending the gazetteer does not know, and the text never calls the person so
        # («Valdivia» alone for «Pedro de Valdivia» stands).
        return []
    k = 1
    while k < len(tokens) - 1 and tokens[k].lower() in _PARTICLES:
        k += 1
    surname = " ".join(tokens[k:])
    out = [surname, last] if tokens[k - 1].lower() not in _PARTICLES else [last, " ".join(tokens[k - 1 :])]
    if len(tokens) >= 4 and tokens[-2].lower() in _PARTICLES and tokens[-3][:1].isupper():
        out = [surname, " ".join(tokens[-3:])]  # «Rodríguez del Toro», not «Toro»
    if tokens[-2] in _SAINTS:
        # «José de San Martín» → «San Martín», never «Martín» (a given name; «Plan de San Luis» is no «Luis»)
        out = [o for o in out if o != last] + [" ".join(tokens[-2:])]
    return out


def _transliterations(name: str) -> list[str]:
    """Return the usual other spellings of a transliterated name: «Mendeleiev», «Mendeleev» for «Mendeléyev»,
    «Tolstoy» for «Tolstói» (the «y» of «-yev», «-yov» read as «i» or dropped, a final «ói» as «oy»). Only words
    of 7 letters or more: a short name changed by one letter is another name."""
    out = []
    rules = (
        (r"(?<=[aeiouáéíóú])y(?=[eo]v)", "i"),
        (r"(?<=[eé])y(?=[eo]v)", ""),
        (r"(?<=[oó])[iíy]$", "y"),
        (r"(?<=[cs]h)ov$", "ev"),  # «Gorbachov», «Jruschov»: the «ё» written «e» in most languages
    )
    for rule, repl in rules:
        words = [re.sub(rule, repl, w) if len(w) >= 7 else w for w in name.split()]
        variant = " ".join(words)
        if fold(variant) != fold(name):
            out.append(variant)
    if re.search(r"(?<=[oó])y$", name.split()[-1]) and len(name.split()[-1]) >= 7:
        out.append(name[:-1] + "i")  # «Tolstoy» -> «Tolstoi»
    return out


def _fuller_names(name: str, persons: list[str]) -> list[str]:
    """Return the fuller names the text gives the same person: «Julio César», «Cayo Julio César» for «César».

    Only when every longer name of the text ending in this one is the same person (each ends the longest one):
    «Pizarro» gets nothing from «Francisco Pizarro» and «Gonzalo Pizarro».
    """
    longer = sorted({p for p in persons if p.endswith(" " + name)}, key=len)
    after = {p for p in persons if p.startswith(name + " ")}
    if not longer and len(after) == 1 and " " not in name and _ROMAN.match(next(iter(after))[len(name) + 1 :]):
        return list(after)  # «Ramsés» where the text names one «Ramsés II» and no other Ramsés
    if not longer or any(f" {name} " in p for p in persons):
        return []  # (not «José Calderón» for «Calderón» where the text names «Pedro Calderón de la Barca» too)
    full = longer[-1].split()
    # «Dmitri Mendeléyev» and «Dmitri Ivánovich Mendeléyev» are one person: the shorter drops a middle name.
    shorter = [p for p in longer[:-1] if not longer[-1].endswith(" " + p)]
    if not all(_one_person(p, longer[-1]) for p in shorter):
        return []
    tokens, n = full, len(name.split())
    return shorter + [
        " ".join(tokens[k:]) for k in range(len(tokens) - n) if tokens[k].lower() not in _PARTICLES | {"y", "e"}
    ]


def _containing_names(name: str, persons: list[str]) -> list[str]:
    """Return the longer names the text gives the same person with the answer's words inside them, not only at their
    end: «Miguel Hidalgo y Costilla» for «Hidalgo» or «Miguel Hidalgo», «Miguel de Cervantes Saavedra» for
    «Cervantes», «Felipe VI de Francia» for «Felipe VI».

    Only when every such name of the text is one person (each a subsequence of the longest, with the same first
    word, or its tail): «Pizarro» gets nothing where the text names «Francisco Pizarro» and «Gonzalo Pizarro»; «Mies»
    gets «Ludwig Mies van der Rohe» and «Mies van der Rohe».
    """
    words = _content(name)
    if not words:
        return []
    regnal = any(_ROMAN.match(w) for w in words)
    longer = sorted(
        {
            p
            for p in persons
            if p != name
            and len(_content(p)) > len(words)
            and _is_subsequence(words, _content(p))
            and (regnal or not any(_ROMAN.match(w) for w in _content(p)))  # «Napoleón III» is not «Napoleón»
        },
        key=len,
    )
    if not longer:
        return []
    full = _content(longer[-1])
    if any(
        # (a tail of the longest name is the same person: «Mies van der Rohe» of «Ludwig Mies van der Rohe»)
        (_content(p)[0] != full[0] and not longer[-1].endswith(" " + p)) or not _is_subsequence(_content(p), full)
        for p in longer[:-1]
    ):
        return []
    # «Miguel de Cervantes» too, the longest name cut after the answer's last word: the name as most people say it.
    tokens = longer[-1].split()
    cut = [" ".join(tokens[: k + 1]) for k, t in enumerate(tokens) if t == words[-1] and 0 < k < len(tokens) - 1]
    return longer + [c for c in cut if c != name]


def _own_words(name: str, names_in_text: dict[str, str], persons: list[str]) -> list[str]:
    """Return a one-word name the text itself uses alone for this person that is a word inside the answer, not its
    last: «Fabio» for «Quinto Fabio Máximo» where the text says «Fabio» alone and names no other Fabio."""
    words = _content(name)
    out = []
    for other, kind in names_in_text.items():
        if kind != "person" or " " in other or other == name or other not in words[:-1] or other == words[0]:
            continue
        if other.lower() in _GENERIC or _ROMAN.match(other):
            continue
        if any(p != name and other in _content(p) and not _is_subsequence(_content(p), words) for p in persons):
            continue  # another person of the text bears it
        out.append(other)
    return out


def _whole_name(name: str, persons: list[str]) -> str:
    """Return the whole name the text gives a bare surname: its one fuller name, else its first bearer (the text's
    bare «Pizarro» is the Pizarro it named first, «Francisco Pizarro»)."""
    fuller = _fuller_names(name, persons)
    if fuller:
        return max(fuller, key=len)
    bearers = [p for p in persons if p.endswith(" " + name) and not any(_ROMAN.match(t) for t in p.split())]
    return bearers[0] if bearers and len(name.split()) == 1 else name


# A regnal ordinal as people say it: «Nicolás primero», «Felipe quinto», «Alfonso trece».
_ROMAN_ORDINALS = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX"
_ORDINAL_WORDS = (
    "primero segundo tercero cuarto quinto sexto séptimo octavo noveno décimo "
    "once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve veinte"
)
_REGNAL_WORDS = dict(zip(_ROMAN_ORDINALS.split(" "), _ORDINAL_WORDS.split(" "), strict=True))


def _regnal_at(tokens: list[str]) -> int | None:
    """Return where a regnal numeral stands in a name's words, after a given name of one or two capitalised words
    («Felipe IV» → 1, «Juan Pablo II» → 2), or None."""
    at = next((i for i in (1, 2) if i < len(tokens) and tokens[i] in _REGNAL_WORDS), None)
    if at is None or not all(t[:1].isupper() and t not in _REGNAL_WORDS for t in tokens[:at]):
        return None
    return at


def _regnal_in_words(name: str) -> list[str]:
    """Return a regnal name with its ordinal in words and in digits: «Nicolás I» -> «Nicolás primero», «Nicolás 1»."""
    tokens = name.split()
    at = _regnal_at(tokens)
    if at is None:
        return []
    number = str(_ROMAN_ORDINALS.split(" ").index(tokens[at]) + 1)
    forms = [_REGNAL_WORDS[tokens[at]], number]
    if tokens[0] in FEMALE_FIRST_NAMES and forms[0].endswith("o"):
        forms.insert(1, forms[0][:-1] + "a")  # «Isabel segunda», «Catalina segunda»: a queen's ordinal agrees
    return [" ".join([*tokens[:at], form, *tokens[at + 1 :]]) for form in forms]


def regnal_forms(forms: list[str], persons: list[str]) -> list[str]:
    """Return the shorter ways of typing a ruler's name of `forms` (the answer and the names the text gives him).

    «Haroldo II» for «Haroldo II de Inglaterra»; the given name alone of a first («Alarico» for «Alarico I»,
    «Teodosio» for «Teodosio I el Grande»); never of a second or later («Felipe» is not «Felipe IV»). Only when every
    person of the text with that given name is this one («Isabel I de Castilla» and «Isabel I de Inglaterra»: neither).
    """
    out: list[str] = []
    for form in forms:
        tokens = form.split()
        at = _regnal_at(tokens)
        if at is None:
            continue
        given = tokens[:at]
        same_given = [p.split() for p in persons if p.split()[:at] == given]
        if not all(p == tokens[: len(p)] or tokens == p[: len(tokens)] for p in same_given):
            continue  # another bearer of the name in the text
        if len(tokens) > at + 1:
            out.append(" ".join(tokens[: at + 1]))
        if tokens[at] == "I":
            # A first's numeral is often given after him, and the bare name is how he is known; from «II» on, the
            # numeral says which king or pope (blind verdicts refused «Felipe» for «Felipe IV», «Urbano» for
            # «Urbano II»).
            out.append(" ".join(given))
    return out


def _substantive_adjective(term: str) -> list[str]:
    """Return the participle of a plural «noun participle» term, which names the group alone: «los privilegiados».

    Only a participle («estamentos privilegiados», «países aliados»): «derechos humanos» is no «humanos».
    """
    words = term.split()
    if len(words) != 2 or not term.islower():
        return []
    noun, adjective = words
    if noun.endswith("s") and re.search(r"[ai]d[oa]s$", adjective) and len(adjective) > 5:
        return [adjective]
    return []


def _singular(word: str) -> str:
    """Return a lower-case Spanish plural noun or adjective in the singular («cloroplastos» → «cloroplasto»,
    «unicelulares» → «unicelular», «naciones» → «nación», «luces» → «luz»), or "" when the rule is unsure."""
    if not word.isalpha() or not word.islower() or len(word) < 4:
        return ""
    if word.endswith("iones"):
        return word[:-5] + "ión"
    if word.endswith("ces"):
        return word[:-3] + "z"
    if re.search(r"[lrdjyn]es$", word):
        # «mujeres» → «mujer», but «pobres» → «pobre», «grandes» → «grande»: a consonant before it keeps the «e»
        return word[:-1] if word[-4] not in "aeiouáéíóú" else word[:-2]
    if re.search(r"[aeo]s$", word):
        return word[:-1]
    return ""


def number_forms(term: str) -> list[str]:
    """Return a lower-case plural term of one or two words in the singular, as a student may type it: «unicelular»
    for «unicelulares», «organismo unicelular» for «organismos unicelulares»; [] when a word's rule is unsure."""
    words = term.split()
    if not 1 <= len(words) <= 2 or not term.islower():
        return []
    other = [_singular(w) for w in words]
    return [" ".join(other)] if all(other) else []


# An agreement or an assembly named by the place it was made: «Tratado de Verdún», «Concilio de Trento».
_AGREED_AT = re.compile(
    r"(?P<head>Tratado|Paz|Concilio|Congreso|Conferencia|Dieta|Edicto|Convenio|Acuerdo|Pacto|Armisticio|Capitulación)"
    r"\s+de\s+(?P<where>(?:[A-ZÁÉÍÓÚÑ][\w-]+\s?){1,2})"
)


def entity_forms(fact: Fact, names_in_text: dict[str, str], persons: list[str], nearby=None) -> list[str]:
    """Return other names of the same entity: the text's own shorter mentions, surname, acronym, short forms.

    names_in_text maps each name the text mentions to its kind; persons lists the text's person names; nearby
    holds the names of the item's paragraph (a surname two people share is accepted where only one is named).
    """
    name = fact.answer
    words = _content(name)
    out: list[str] = []
    # «Pizarro» alone is not an answer for «Francisco Pizarro» when «Gonzalo Pizarro» is named near the item.
    pool = names_in_text if nearby is None else nearby
    if len(words) >= 2:
        for other, kind in names_in_text.items():
            if fact.kind == "person" and len(other.split()) == 1 and not _owns(other, name, names_in_text, pool):
                continue
            if fact.kind == "person" and sum(1 for o in persons if o.split()[0] == other and o != other) > 1:
                continue  # «Carlos» is not «Carlos II» where the text names «Carlos III» and «Carlos VI» too
            other_words = _content(other)
            if other == name or not other_words or len(other_words) >= len(words):
                continue
            if kind not in {fact.kind, "term"}:
                continue  # «Moscú» inside «Tratado de Moscú» is another thing
            if len(other_words) == 1 and other_words[0].lower() in _GENERIC:
                continue
            same_ends = other_words[0] == words[0] or other_words[-1] == words[-1]
            if fact.kind == "place" and any(w in _PLACE_MODIFIERS for w in words if w not in other_words):
                # «Nueva España», «Irlanda del Norte», «América del Sur», «Alto Perú», «Nilo Blanco», «San Jorge»: a
                # place said with a compass point or a classifying adjective is another place than the bare name
                # (a head may go: «Galápagos» for «islas Galápagos», «Casa Azul» for «Casa Azul de Coyoacán»).
                continue
            if same_ends and _is_subsequence(other_words, words):
                out.append(other)
    epithet = re.fullmatch(r"(?P<head>\S+(?: [IVXLCDM]+)?) (?:el|la) (?P<epithet>\S+)", name)
    if fact.kind == "person" and epithet:
        # «Isabel la Católica», «Alfonso X el Sabio»: the name without its epithet when nobody else of the text bears
        # it («Isabel», «Alfonso X»); the epithet alone («la Católica») is no name.
        head = epithet.group("head")
        if not any(o != name and o.split()[0] == head.split()[0] for o in persons):
            out.append(head)
    elif fact.kind == "person" and len(words) >= 2:
        out += _surnames(name, names_in_text, nearby)
    if fact.kind == "person":
        out += _fuller_names(name, persons)
        out += _containing_names(name, persons) + _own_words(name, names_in_text, persons)
        for form in [name, *out]:
            out += [t for t in _transliterations(form) if fold(t) not in {fold(n) for n in names_in_text}]
    if fact.kind != "person" and len(words) == 1:
        # «Asamblea» where the text also says «Asamblea Nacional»: the longer name of the same thing.
        for other, kind in names_in_text.items():
            if kind == fact.kind and other.startswith(name + " ") and len(other.split()) <= 4:
                out.append(other)
            # «Corona de Castilla», «Reino de Navarra» for «Castilla»: the state the text names by its land.
            head = other.split()[0]
            if head in STATE_HEAD_WORDS and re.fullmatch(rf"{head} (?:de|del) {re.escape(name)}", other):
                out.append(other)
    first = name.split()[0] if name.split() else ""
    if fact.kind in {"event", "organization"} and first in _ORDINALS and len(words) >= 3:
        # «Congreso Continental» for «Segundo Congreso Continental»; never «Guerra Mundial» (wars come numbered),
        # nor when the text names another of the series («Primer Congreso Continental»).
        rest = name.split(" ", 1)[1]
        series = [o for o in names_in_text if o != name and o.endswith(" " + rest) and o.split()[0] in _ORDINALS]
        if not series and rest.split()[0] not in {"Guerra", "Guerras"}:
            out.append(rest)
    if fact.kind == "place" and first.islower() and len(name.split()) >= 2:
        rest = re.sub(r"^\S+\s+(?:(?:de|del)\s+(?:la\s+|los\s+|las\s+)?)?", "", name)
        if rest[:1].isupper():
            out.append(rest)  # «Chimborazo» for «volcán Chimborazo», «Carelia» for «istmo de Carelia»
    city = re.fullmatch(r"Ciudad de ([A-ZÁÉÍÓÚÑ][\wáéíóúñü]+)", name)
    if fact.kind == "place" and city:
        out.append(city.group(1))  # «México» for «Ciudad de México», as the city is often called
    if first in {"Premio", "Premios"} and len(words) >= 3:
        out.append(name.split(" ", 1)[1])  # «Nobel de Química»
    state = re.fullmatch(r"(?:Imperio|Reino|República|Archiducado|Ducado)\s+(\w+)", name)
    if state and alias_table().get(fold(state.group(1))):
        out.append(alias_table()[fold(state.group(1))])  # «Austria» for «Imperio austríaco»
    for acronym, full in COMMON_ACRONYMS.items():
        if fold(name) in {fold(f) for f in full}:
            out.append(acronym)  # «ONU» for «Naciones Unidas»
        elif fold(name) == fold(acronym):
            out += full
    if fact.kind in {"event", "organization", "place"}:
        out += [s for s in short_forms(name) if _content(s)[0].lower() not in _GENERIC or len(_content(s)) > 1]
        initials = _initials(name)
        if len(initials) >= 2 and initials in names_in_text:
            out.append(initials)  # «OTAN», «ONU»: only when the text writes them
    codename = re.fullmatch(r"(?:Operación|Plan|Proyecto)\s+((?:[A-ZÁÉÍÓÚÑ][\w-]+\s?){1,2})", name)
    if codename and fact.kind in {"event", "organization", "other"}:
        # «Overlord» for «Operación Overlord», «Manhattan» for «Proyecto Manhattan»
        out.append(codename.group(1).strip())
    agreed = _AGREED_AT.fullmatch(name)
    if agreed and fact.kind in {"event", "organization", "other"}:
        # «Verdún» for «Tratado de Verdún», «Trento» for «Concilio de Trento», and a peace is its treaty («Paz de
        # Hubertusburg»): the place names the agreement (blind verdicts asked for them four times)
        head, where = agreed.group("head"), agreed.group("where").strip()
        out.append(where)
        if head in {"Tratado", "Paz"}:
            out.append(f"{'Paz' if head == 'Tratado' else 'Tratado'} de {where}")
    seat = re.fullmatch(r"(?:Universidad|Museo)\s+(?:de|del)\s+((?:[A-ZÁÉÍÓÚÑ][\w-]+\s?){1,2})", name)
    if seat:
        out.append(seat.group(1).strip())  # «Oxford» for «Universidad de Oxford», «Louvre» for «Museo del Louvre»
    if fact.kind == "place" and len(words) == 1:
        # «océano Atlántico» for «Atlántico»: the text's own name with its geographic word, or an ocean's.
        for other, kind in names_in_text.items():
            if (
                kind == "place"
                and other.endswith(" " + name)
                and other.split()[0].islower()
                and len(other.split()) <= 3
            ):
                out.append(other)
        if name in _OCEANS:
            out += [f"océano {name}", f"el océano {name}"]  # grading drops the article; the teacher reads it
    for form in [name, *out]:
        out += _umlaut_spellings(form)
    return out


# Titles a person is named by in a text («el marqués de Pombal», «el duque de Anjou»).
_TITLES = (
    "marqués", "marquesa", "duque", "duquesa", "conde", "condesa", "vizconde", "vizcondesa", "barón", "baronesa",
    "príncipe", "princesa", "archiduque", "archiduquesa", "infante", "infanta",
)  # fmt: skip
_TITLE_RE = "|".join(_TITLES)
# Words that say a person reigned: a two-word ruler's name is the first of its name («Túpac Amaru I»).
_RULERS = "rey|reina|emperador|emperatriz|zar|zarina|inca|sultán|faraón|califa|monarca|soberano|soberana|papa"
# Who a blank after «las tropas de» names: a king «de Francia» is his country's army («Francia», «los franceses»).
_ARMY_BEFORE = re.compile(
    r"\b(?:tropas|ejércitos?|fuerzas|flotas?|armadas?|soldados|huestes)\s+(?:de|del)\s*$", re.IGNORECASE
)


def _same_person_names(name: str, text: str, persons: list[str]) -> list[str]:
    """Return the names the text itself says are this person's: «Felipe de Anjou, …, que fue proclamado rey con el
    nombre de Felipe V», «Sebastião José de Carvalho e Melo, que más tarde recibiría el título de marqués de Pombal».

    The person is the last one named before «con el nombre de» / «el título de» in the same sentence, not one said
    as a complement («nieto de Luis XIV de Francia» is another person).
    """
    out: list[str] = []
    said = rf"(?:con el nombre de|el título de(?: (?:{_TITLE_RE}) de)?)\s+{re.escape(name)}\b"
    for sentence in re.split(r"(?<=[.;])\s+", text):
        m = re.search(said, sentence)
        if not m:
            continue
        before = sentence[: m.start()]
        best, at = "", -1
        for p in persons:
            if p == name or name in p or len(p.split()) < 2:
                continue
            for pm in re.finditer(rf"(?<!\w){re.escape(p)}(?!\w)", before):
                if re.search(r"\b(?:de|del)\s*$", before[: pm.start()]):
                    continue  # «nieto de Luis XIV de Francia»: said of another person
                if pm.start() > at:
                    best, at = p, pm.start()
        if best:
            out.append(best)
    return out


def _titled_names(name: str, text: str, persons: list[str]) -> list[str]:
    """Return the text's other names of a person named «Given de Place» by their title: «Felipe de Borbón» where the
    text says «Felipe de Borbón, duque de Anjou» of «Felipe de Anjou»."""
    m = re.fullmatch(r"(\S+) de ([A-ZÁÉÍÓÚÑ][\w-]+)", name)
    if not m:
        return []
    given, place = m.groups()
    return [
        p
        for p in persons
        if p != name
        and p.split()[0] == given
        and re.search(rf"(?<!\w){re.escape(p)}, (?:el )?(?:{_TITLE_RE}) de {re.escape(place)}\b", text)
    ]


def person_text_forms(fact: Fact, text: str, persons: list[str], memo: dict | None = None) -> list[str]:
    """Return the other names the text gives the answer's person (a general rule each, see docs/generation.md):

    * the title the text gives it: «marqués de Pombal», «el marqués de Pombal» for «Pombal», and «Pombal» for
      «marqués de Pombal»;
    * the names the text says are the same person («Felipe de Anjou» for «Felipe V»: «… con el nombre de Felipe V»;
      «Sebastião José de Carvalho e Melo» for «Pombal»: «… recibiría el título de marqués de Pombal»), with the name
      the text gives that one by its title («Felipe de Borbón, duque de Anjou»);
    * a regnal name without its ordinal («Felipe» for «Felipe V») when no other person of the text bears that
      given name, other than the names above; a two-word name the text never numbers with its «I» («Túpac Amaru
      I» for «Túpac Amaru») when no person of the text bears that name with another number;
    * the given name alone of a person the text names by given name and surname («Napoleón» for «Bonaparte» or
      «Napoleón Bonaparte») when no other person of the text bears that given name (nor a number after it);
    * a king «de Country» after «las tropas de» / «el ejército de»: the country and its people («Francia», «los
      franceses» for «las tropas de Luis XII de Francia»).

    `memo` keeps, per name, what the text's searches found, for the text's other facts (`ex._pools`: one text's
    generation), as each search reads the whole text and a long text asks one person in many facts.
    """
    name = fact.answer
    if not text or not name:
        return []
    if memo is None:
        memo = {}
    if name not in memo:
        memo[name] = _person_forms(name, text, persons)
    out = list(memo[name])
    king = re.fullmatch(r"\S+ [IVXLCDM]+ de ([A-ZÁÉÍÓÚÑ][\w ]+)", name)
    if king and _ARMY_BEFORE.search(fact.sentence[: fact.local_start]):
        country = king.group(1)
        out.append(country)
        for stem, land in DEMONYMS.items():
            if land == country:
                plural = [f for f in demonym_forms(stem) if f.endswith(("os", "es")) and not f.endswith("as")]
                out += [f"los {f}" for f in plural[:1]]
    return out


def _person_forms(name: str, text: str, persons: list[str]) -> tuple[str, ...]:
    """Return the forms `person_text_forms` reads in the text for a name (but the king's country, which depends on the
    fact's sentence)."""
    out: list[str] = []
    titled = re.fullmatch(rf"(?:el |la )?((?:{_TITLE_RE}) de (?:la |los |las )?)([A-ZÁÉÍÓÚÑ].*)", name)
    if titled:
        out.append(titled.group(2))
    else:
        for m in re.finditer(rf"\b((?:{_TITLE_RE}) de {re.escape(name)})(?!\w| de\b)", text):
            title_name = m.group(1)
            out += [title_name, f"{'la' if title_name.split()[0].endswith('a') else 'el'} {title_name}"]
    same = _same_person_names(name, text, persons)
    if titled:
        same += _same_person_names(titled.group(2), text, persons)
    for s in list(same):
        same += _titled_names(s, text, persons)
    out += same
    tokens = name.split()
    own = {name, *same}
    regnal = len(tokens) == 2 and tokens[0][:1].isupper() and _ROMAN.match(tokens[1])
    if regnal:
        given = tokens[0]
        others = [p for p in persons if p.split()[0] == given and p not in own and not p.startswith(name + " de ")]
        alone = re.search(rf"(?<!\w){re.escape(given)}(?!\w| [A-ZÁÉÍÓÚÑ]| de [A-ZÁÉÍÓÚÑ])", text)
        if alone and not others and given.lower() not in _GENERIC:
            out.append(given)  # «Felipe» for «Felipe V»: the text says «Felipe» alone and names no other Felipe
    elif (
        len(tokens) == 2
        and all(t[:1].isupper() for t in tokens)
        and not _ROMAN.match(tokens[1])
        and tokens[0] not in FIRST_NAMES | FEMALE_FIRST_NAMES  # «Gaspar Ruiz» is a first name and a surname
    ):
        numbered = re.compile(rf"{re.escape(name)} [IVXLCDM]+\b")
        ruler = re.search(
            rf"\b(?:{_RULERS}) {re.escape(name)}\b|{re.escape(name)}, (?:el |la )?(?:\w+ )?(?:{_RULERS})\b", text
        )
        if ruler and not numbered.search(text) and not any(numbered.match(p) for p in persons):
            out += [f"{name} I", f"{name} primero"]  # «Túpac Amaru I»: the first of the name
    if not regnal and not titled and not any(_ROMAN.match(t) for t in tokens):
        full = [p for p in persons if len(p.split()) >= 2 and (p == name or p.endswith(" " + name))]
        # «María Antonieta», «Margarita Teresa»: a compound given name is not said by its first half.
        full = [p for p in full if p.split()[1] not in FIRST_NAMES | FEMALE_FIRST_NAMES | _SECOND_NAMES]
        if len(tokens) >= 2 and name in persons:
            full = [name]
        givens = {p.split()[0] for p in full}
        if len(givens) == 1:
            given = givens.pop()
            others = [p for p in persons if given in p.split() and p not in full and p not in own and p != given]
            # Only where the text itself calls the person by the given name alone: «Alexander» for Alexander Fleming,
            # «Adolf» for Adolf Hitler would be generous to a teacher (a known first name is not enough).
            # Said alone: not before a capitalised word or an initial («John F. Kennedy»), nor before a particle and
            # a name («Diego de Almagro», «Andrea del Verrocchio» never say «Diego», «Andrea» alone).
            known = re.search(rf"(?<!\w){re.escape(given)}" + _GIVEN_FOLLOWED, text)
            if known and given.lower() not in _GENERIC | _PARTICLES and not others and given != name:
                out.append(given)  # «Napoleón» for «Bonaparte» where the text says «Napoleón Bonaparte»
    return tuple(out)


_OCEANS = {"Atlántico", "Pacífico", "Índico", "Ártico", "Antártico"}


def _umlaut_spellings(name: str) -> list[str]:
    """Return «Roentgen» for «Röntgen», «Goedel» for «Gödel»: German and Nordic vowels as people type them.

    Grading ignores accents, so «Rontgen» is accepted already; «ü» after «g» is Spanish («Argüelles») and stays.
    """
    if not re.search(r"[äöÄÖ]|(?<![gG])[üÜ]", name):
        return []
    spelled = name
    for vowel, pair in (("ä", "ae"), ("ö", "oe"), ("Ä", "Ae"), ("Ö", "Oe")):
        spelled = spelled.replace(vowel, pair)
    spelled = re.sub(r"(?<![gG])ü", "ue", re.sub(r"(?<![gG])Ü", "Ue", spelled))
    return [spelled] if spelled != name else []


# Endings whose usual Spanish spelling takes an accent the source may leave out: Nahuatl place names in «-tlan»
# are written «-tlán» in Spanish («Tenochtitlán», «Aztlán», «Mazatlán»).
_ACCENTED_ENDINGS = ((r"tlan\b", "tlán"),)


def accent_spellings(name: str, names_in_text=()) -> list[str]:
    """Return the other usual spelling of a name that differs only in accents: «Tenochtitlán» for «Tenochtitlan»
    (and back), and any spelling of the same name the text itself uses («Mendeléiev» beside «Mendeléyev» is not one:
    that differs in letters). Grading ignores accents already; the list shows the teacher both spellings."""
    out = []
    for pattern, accented in _ACCENTED_ENDINGS:
        plain = accented.replace("á", "a")
        if re.search(pattern, name):
            out.append(re.sub(pattern, accented, name))
        elif re.search(accented + r"\b", name):
            out.append(re.sub(accented + r"\b", plain, name))
    out += [n for n in names_in_text if n != name and fold(n) == fold(name) and n.lower() != name.lower()]
    return [o for o in dict.fromkeys(out) if o != name]


def acronym_expansions(acronym: str, text: str) -> list[str]:
    """Return what the text says an acronym stands for (`_acronym_expansions`; a new list)."""
    return list(_acronym_expansions(acronym, text))


@lru_cache(maxsize=256)
def _acronym_expansions(acronym: str, text: str) -> tuple[str, ...]:
    """Return what the text says an acronym stands for: «sistema nervioso central» of «El sistema nervioso central
    (SNC)…», the words before the bracket whose initials (links like «de» aside) spell it. Cached: every item of the
    fact asks for its accepted answers."""
    out = []
    for m in re.finditer(r"((?:[\wáéíóúñü-]+\s+){1,8})\(\s*" + re.escape(acronym) + r"\s*\)", text):
        words = m.group(1).split()
        for k in range(1, len(words) + 1):
            phrase = words[-k:]
            if phrase[0].lower() in _CONNECTORS:
                continue
            initials = "".join(w[0] for w in phrase if w.lower() not in _CONNECTORS)
            if fold(initials).upper() == fold(acronym).upper():
                out.append(" ".join(phrase))
                break
    return tuple(out)


_FEATURE_OF_COUNTRY = re.compile(r"(?:monte|volcán|cordillera|sierra|golfo|isla|islas|lago|desierto)\s", re.IGNORECASE)
_MIDDLE_INITIAL = re.compile(r"([A-ZÁÉÍÓÚÑ][\wáéíóúñü-]+)\s+[A-Z]\.\s+([A-ZÁÉÍÓÚÑ][\wáéíóúñü'-]+)")
_INITIAL_FIRST = re.compile(r"[A-Z]\.\s")


def accepted_answers(fact: Fact, ex=None) -> list[str]:
    """Return the canonical answer and the other forms a student may type (see the module's docstring)."""
    out = [fact.answer]
    if fact.article and fact.blank_start < fact.local_start:
        out.append(_with_article(fact.answer, fact.article))
    if fact.kind == "number":
        out += _number_forms(fact)
    if fact.kind == "date":
        out += _date_forms(fact)
    if fact.kind == "term":
        out += _substantive_adjective(fact.answer) + number_forms(fact.answer)
    if fact.members and 2 <= len(fact.members) <= 4:
        out += list_orders(fact.members)
    if fact.members and len(fact.members) == 2 and ex is not None and fact.kind == "person":
        # «Francisco Pizarro y Diego de Almagro» for «Pizarro y Almagro»: the whole names the text gives.
        _names, persons = _text_names(ex)
        whole = [_whole_name(m, persons) for m in fact.members]
        if whole != list(fact.members):
            out += [f"{whole[0]} y {whole[1]}", f"{whole[1]} y {whole[0]}"]
            # «Francisco Pizarro y Almagro», «Pizarro y Diego de Almagro»: one whole name and one short one.
            short = list(fact.members)
            for a, b in ((whole[0], short[1]), (short[0], whole[1])):
                out += [f"{a} y {b}", f"{b} y {a}"]
    if fact.kind == "person":
        regnal = re.fullmatch(r"(\S+ [IVXLCDM]+) (?:de|del) [A-ZÁÉÍÓÚÑ].*", fact.answer)
        if regnal:
            out.append(regnal.group(1))  # «Eduardo III» for «Eduardo III de Inglaterra»
        out += _regnal_in_words(fact.answer) + [w for r in out[-1:] if regnal for w in _regnal_in_words(r)]
    if fact.kind in {"organization", "term", "event"}:
        out += ordinal_forms(fact.answer)
    if fact.kind in {"organization", "term"} or fact.kind == "event":
        order = re.fullmatch(r"Orden\s+(?:de|del)\s+(?:la\s+)?(\w[\w\s]*)", fact.answer)
        if order:
            out.append(order.group(1))  # «la cruz de Santiago»: «Santiago» names the Orden de Santiago
    for alias in [] if fact.subtype == "alias" else fact.aliases:
        if alias.isupper() or len(alias.split()) > 1:
            out.append(alias)
    if ex is not None and re.fullmatch(r"[A-ZÑ]{2,6}", fact.answer):
        out += acronym_expansions(fact.answer, ex._pools.get("text", ""))
    if ex is not None and fact.kind in {"person", "place", "organization", "event"} and not fact.members:
        names, persons = _text_names(ex)
        out += entity_forms(fact, names, persons, _paragraph_names(ex, fact))
        if fact.kind == "person":
            memo = ex._pools.setdefault("person forms", {})
            out += person_text_forms(fact, ex._pools.get("text", ""), persons, memo)
            out += regnal_forms([fact.answer, *out], persons)
    # The other names everyone uses for it («Gran Guerra», «Asia Menor»), of the answer and of its forms in the text.
    out += [alias for form in list(out) for alias in common_aliases(form)]
    if fact.kind == "place" and fact.subtype == "country":
        # «Kenia» is no «monte Kenia»: a mountain, a lake or a gulf named after a country is another place (not «río»:
        # the Níger, the Congo, the Paraguay are rivers as much as countries)
        out = [a for a in out if a == fact.answer or not _FEATURE_OF_COUNTRY.match(a)]  # («Sierra Leona»)
    if fact.kind == "person":
        # «Ferdinand V. Hayden»: typed without the middle initial too, never from the initial on («V. Hayden»)
        out += [f"{m.group(1)} {m.group(2)}" for a in out if (m := _MIDDLE_INITIAL.fullmatch(a))]
        out = [a for a in out if not _INITIAL_FIRST.match(a) or a == fact.answer]
    # A generic head alone is no name, whatever the text groups with it: «la Unión» (the European one, in the text) is
    # no answer for «Unión Soviética» (judged «respuestas aceptadas»).
    out = [a for a in out if a == fact.answer or _ARTICLE.sub("", a).lower() not in _GENERIC | {"unión"}]
    seen, result = set(), []
    for a in out:
        key = fold(a)
        if key and key not in seen:
            seen.add(key)
            result.append(a)
    if fact.kind in {"person", "place", "organization", "event"}:
        # The same name with and without its accent («Tenochtitlan», «Tenochtitlán»): fold() makes them one key.
        names = _text_names(ex)[0] if ex is not None else {}
        shown = {a.lower() for a in result}
        for a in list(result):
            for variant in accent_spellings(a, names):
                if variant.lower() not in shown:
                    shown.add(variant.lower())
                    result.append(variant)
    return result


# Ordinal words that open a name, with their value («Segunda Guerra Mundial», «Cuarta Cruzada»).
_ORDINAL_VALUES = {
    "primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3, "tercero": 3, "tercera": 3,
    "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6, "séptimo": 7, "séptima": 7,
    "octavo": 8, "octava": 8, "noveno": 9, "novena": 9, "décimo": 10, "décima": 10,
}  # fmt: skip
# Heads of the names that come numbered in a series, written with words or Roman numerals alike.
_SERIES_HEADS = {
    "Guerra", "Cruzada", "Congreso", "República", "Reich", "Internacional", "Coalición", "Concilio", "Triunvirato",
    "Imperio", "Cumbre", "Conferencia", "Vaticano",
}  # fmt: skip
_ROMAN_NUMERALS = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def ordinal_forms(name: str) -> list[str]:
    """Return the other ways of writing a name's opening ordinal: «Segunda Guerra Mundial» → «II Guerra Mundial»,
    «2.ª Guerra Mundial», «2ª Guerra Mundial»; «II Guerra Mundial» → «Segunda Guerra Mundial»; «Cuarta Cruzada» →
    «IV Cruzada», «4.ª Cruzada»."""
    first, _, rest = name.partition(" ")
    if not rest or rest.split()[0].capitalize() not in _SERIES_HEADS:
        return []  # «Tercer Estado», «primer ministro», «segunda mitad»: no series anyone numbers
    value = _ORDINAL_VALUES.get(first.lower())
    if value:
        mark = "ª" if first.lower().endswith("a") else "º"
        return [f"{_ROMAN_NUMERALS[value]} {rest}", f"{value}.{mark} {rest}", f"{value}{mark} {rest}"]
    if first in _ROMAN_NUMERALS[1:]:
        value = _ROMAN_NUMERALS.index(first)
        feminine = re.match(r"\S+(?:a|ión|dad)\b", rest) is not None
        word = next(w for w, v in _ORDINAL_VALUES.items() if v == value and w.endswith("a" if feminine else ("o", "r")))
        if value in {1, 3} and not feminine:
            word = word[:-1] if word.endswith("o") else word  # «Primer Congreso», «Tercer Reich»
        word = word.capitalize() if rest[:1].isupper() else word
        return [f"{word} {rest}", f"{value}.{'ª' if feminine else 'º'} {rest}"]
    return []


def _text_names(ex) -> tuple[dict[str, str], list[str]]:
    """Return the text's names with their kinds and its person names (computed once)."""
    cached = ex._pools.get("answers")
    if cached is None:
        names: dict[str, str] = {}
        for index in sorted(ex.mentions):
            for m in ex.mentions[index]:
                names.setdefault(m.text, m.kind)
        persons = [n for n, k in names.items() if k == "person"]
        persons += _joined_surnames(persons, names, ex._pools.get("text", ""))
        cached = (names, persons)
        ex._pools["answers"] = cached
    return cached


def _joined_surnames(persons: list[str], names: dict[str, str], text: str) -> list[str]:
    """Return the persons' names the text writes with a second surname joined by «y» («Miguel Hidalgo y Costilla»,
    «Santiago Ramón y Cajal»), which the name finder cuts at «y»: a capitalised word after «y», before a comma, a stop
    or a bracket, that is no first name and that the text never says but there, when it is a name of its own
    («Fernando y Isabel», «Pizarro y Almagro» are two people)."""
    out = []
    first_names = FIRST_NAMES | FEMALE_FIRST_NAMES
    for person in persons:
        if len(person.split()) < 2:
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(person)} y ([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)(?=\s*[,.;:(])", text):
            word = m.group(1)
            alone = len(re.findall(rf"(?<!\w){word}(?!\w)", text)) > len(re.findall(rf" y {word}(?!\w)", text))
            if word in first_names or (alone and any(n.split()[0] == word for n in names)):
                continue
            out.append(f"{person} y {word}")
    return list(dict.fromkeys(out))


def _paragraph_names(ex, fact: Fact) -> set[str] | None:
    """Return the names of the fact's paragraph, None when the paragraphs are not known."""
    paragraph = ex._pools.get("paragraphs")
    if not paragraph or fact.sentence_index not in paragraph:
        return None
    here = paragraph[fact.sentence_index]
    by_paragraph = ex._pools.get("paragraph_names")
    if by_paragraph is None:  # once per text, not per fact
        by_paragraph = ex._pools["paragraph_names"] = {}
        for i, spans in ex.mentions.items():
            if i in paragraph:
                by_paragraph.setdefault(paragraph[i], set()).update(m.text for m in spans)
    return set(by_paragraph.get(here, ()))
