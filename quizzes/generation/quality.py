"""Quality checks: each item records the checks it passed; only clean items are published."""

from __future__ import annotations

import contextlib
import difflib
import re

from . import nlp
from .answers import decade_year
from .distractors import text_people
from .facts import Extraction, group_surface_forms
from .lexicon import (
    EVENT_HEADS,
    FEMALE_FIRST_NAMES,
    FIRST_NAMES,
    NUMBER_WORD_SET,
    ORG_HEADS,
    ROLE_CLASSES,
    STATE_HEAD_WORDS,
    UNITS_WORDS,
    WHOLE_AFTER_ENTRE,
    fold,
)
from .model import Fact, Question
from .pointing import phrase_pointing_back, prompt_problem
from .questions import _CONVERSION, BLANK, MAX_STEM_WORDS, computing_durations, is_temporal, temporal_spans
from .standalone import Discourse, outside_reference, verbish
from .text import is_finite_verb, two_sentences

CHOICE_KINDS = {"single_choice", "multiple_choice"}
# A failed check costs this much of the quality score (leaks are the worst).
WEIGHTS = {
    "no_answer_in_prompt": 0.6,
    "no_alias_in_prompt": 0.4,
    "no_related_in_prompt": 0.2,
    "no_conversion_in_prompt": 0.4,
    "no_computable_date": 0.4,
    "stem_length": 0.1,
    "has_blank": 0.3,
    "enough_distractors": 0.4,
    "distractors_distinct": 0.4,
    "distractors_not_aliases": 0.5,
    "date_certain": 0.2,
    "swap_reviewed": 0.2,
    "well_formed": 0.2,
    "whole_stem": 0.2,
    "stands_alone": 0.4,
    "tf_paraphrased": 0.2,
    "not_guessable_from_title": 0.4,
    "typable_answer": 0.3,
    "no_outside_reference": 0.4,
    "no_answer_root_in_prompt": 0.4,
    "not_list_member": 0.2,
    "tf_plausible": 0.3,
    "tf_count_not_listed": 0.3,
    "tf_false_range": 0.3,
    "tf_false_not_contradicted": 0.3,
    "specific_relation": 0.3,
    "not_one": 0.3,
    "not_small_count": 0.3,
    "not_anniversary": 0.3,
    "blank_outside_brackets": 0.2,
    "distractors_same_type": 0.3,
    "answer_not_function_word": 0.6,
    "blank_not_in_name": 0.4,
    "not_range_end": 0.3,
    "tf_rephrased": 0.2,
    "number_not_repeated": 0.4,
    "whole_figure": 0.3,
    "full_name_answer": 0.2,
    "not_broad_answer": 0.3,
    "tf_not_evaluative": 0.3,
    "tf_not_title_definition": 0.3,
    "tf_anchored": 0.3,
}
NAME_KINDS = {"person", "place", "organization", "event"}
# «el ataque», «La derrota»: a bare common noun (the article may open the answer with a capital).
# («el Estado», «un Imperio»: a class written capitalised is as bare)
_VAGUE_ANSWER = re.compile(
    r"^(?:[Ee]l|[Ll]a|[Ll]os|[Ll]as|[Uu]n|[Uu]na|[Uu]nos|[Uu]nas)?\s*(?:[a-záéíóúñü]+|Estados?|Imperio|Reino|Gobierno)$"
)
_INDEFINITE_STATEMENT = re.compile(r"^Verdadero o falso:\s+(?=(?:un|una|unos|unas)\s)", re.IGNORECASE)
_VAGUE_DEFINITION = re.compile(r"^¿Qué (?:es|era|fue|son|eran|fueron) (?:el|la|los|las) [a-záéíóúñü]")
# A blank beside a coordinated name: «Chile y _____», «_____, Florey y Chain», «el Perú, Bolivia, Chile y _____».
_LIST_AROUND_BLANK = re.compile(
    r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]*,?\s+(?:y|e|o|ni)\s+(?:(?:el|la|los|las)\s+)?_____|"
    r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]*,\s+(?:(?:el|la|los|las)\s+)?_____\s*(?:,|\s+y\b|\s+e\b)|"
    r"_____\s+(?:y|e|o|ni)\s+(?:(?:el|la|los|las)\s+)?[A-ZÁÉÍÓÚÑ]|"
    r"_____,\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]*(?:\s+[\wáéíóúñü-]+)?,?\s+(?:y|e)\s+[A-ZÁÉÍÓÚÑ]|"
    # «la independencia de _____, Mozambique, Cabo Verde… y Angola»: the first of a longer list
    r"_____,\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]*(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]*)?,\s+[A-ZÁÉÍÓÚÑ]|"
    # «el comercio con _____ y con Asia», «con Asia y con _____»: the preposition said again before each member
    r"_____\s+(?:y|e|o|ni)\s+(?:con|de|en|a|por|para|desde|hacia|sobre)\s+(?:(?:el|la|los|las)\s+)?[A-ZÁÉÍÓÚÑ]|"
    r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]*,?\s+(?:y|e|o|ni)\s+(?:con|de|en|a|por|para|desde|hacia|sobre)\s+"
    r"(?:(?:el|la|los|las)\s+)?_____"
)
# «(en japonés: Kanto Ishin)», «(en árabe, an-Nil)»: a name in another language, in brackets.
_FOREIGN_ASIDE = re.compile(
    r"\(\s*(?:en|del)\s+(?:[a-záéíóúñ]+\s+)?[a-záéíóúñ]+(?:és|esa|ano|ana|ino|ina|eo|ea|ío|ía|ico|ica|ego|ega|"
    r"ol|án|ín|és|i|u|e|ú)?\s*[:,]"
)
# Any letter outside the Latin script (Greek, Cyrillic, Arabic, Hebrew, Chinese, Japanese…).
_NON_LATIN = re.compile(
    r"[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f\u0590-\u06ff\u0750-\u08ff\u3040-\u9fff\uac00-\ud7af]"
)
_RANGE = re.compile(r"\b(?:entre(?:\s+el)?|del?)\s+(\d{3,4})\s+(?:y(?:\s+el)?|al?)\s+(\d{3,4})\b")
# «Jan Baptista van _____», «la Universidad de _____», «Dalí i _____» (the Catalan «i» of two surnames): the blank
# takes the end of a longer name.
_NAME_BEFORE_BLANK = re.compile(
    r"(?<![.:;!?¿¡] )(?<!^)\b[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]+\s+(?:van|von|der|de|del|da|di|du|de la|de los|de las|i)\s+_____"
    # «las Naciones Unidas para _____, la Ciencia y la Cultura»: a member of a name's own list
    r"|\b[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]+\s+(?:para|de|del)\s+(?:(?:el|la|los|las)\s+)?_____\s*,\s+(?:(?:el|la|los|las)\s+)?"
    r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]+\s+(?:y|e)\s+(?:(?:el|la|los|las)\s+)?[A-ZÁÉÍÓÚÑ]"
)
# A title written capitalised with the name it precedes, opening the prompt: «Sha _____», «San _____», «Ibn _____».
_TITLE_OPENING_BLANK = re.compile(
    r"(?:Verdadero o falso:\s+)?(?:Sha|Sah|Shah|Sultán|Emir|Califa|Zar|Kan|Jan|Papa|San|Santa|Santo|Don|Doña|Fray|Sor|"
    r"Sir|Lord|Lady|Ibn|Abu|Abd)\s+_____"
)
# An Arabic or Hebrew name's link before the blank, inside the name: «Muhammad ibn Ahmad ibn _____».
_NASAB_BEFORE_BLANK = re.compile(r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü'-]*\s+(?:ibn|bin|bint|ben|abu|abi)\s+_____")
# A capitalised word right before the blank, not opening the sentence: «la Corona _____» reads as one name.
_CAPITAL_BEFORE_BLANK = re.compile(r"(?<![.:;!?¿¡«\"(] )(?<!^)(?<=\s)[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]*\s+_____")
# «Camillo Benso, conde de _____», «el marqués de _____»: a title of nobility is one name with its place.
_NOBLE_OF_BLANK = re.compile(
    r"\b(?:conde|condesa|duque|duquesa|marqués|marquesa|barón|baronesa|vizconde|vizcondesa)\s+(?:de|del)\s+_____"
)
# «_____ van Helmont»: the blank takes the first names of a longer name.
# («astilleros _____ and Wolff»: an English «and» or «&» joins two names of one firm.)
_NAME_AFTER_BLANK = re.compile(
    r"_____\s+(?:van|von|der|du|da|di|le|and|&|ibn|bin|ben|bint|abu|of|of\s+the)\s+[A-ZÁÉÍÓÚÑ]"
    # «el monasterio de _____ el Antiguo», «Asdrúbal el Bello»: an epithet after the blank ends the name it took part of
    r"|_____\s+(?:el|la)\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?=\s*(?:[,.;:)?]|\s(?:y|e)\s|$))"
    # «_____ el Viejo describió…» → «Plinio»: an epithet of rulers and writers, whatever follows it
    r"|_____\s+(?:el|la)\s+(?:Viejo|Joven|Grande|Mayor|Menor|Sabio|Magno|Católic[oa]|Cruel|Calvo|Piados[oa]|Buen[oa]|"
    r"Hermos[oa]|Conquistador|Africano|Santo|Venerable|Breve|Tuerto|Batallador|Casto|Prudente|Temerario|Magnífico|"
    r"Deseado|Hechizado|Bravo|Justo|Emperador|Apóstata|Ermitaño|Gordo|Rojo|Pelado)\b"
)
# «Francisco I. _____»: a given name and its initial before the blank, which took the surname only.
_INITIAL_BEFORE_BLANK = re.compile(r"\b[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+\s+[A-Z]\.\s+_____")
# «_____. Madero, un rico hacendado…» for «Francisco I»: the blank took a given name and initial, the surname follows.
_SURNAME_AFTER_BLANK = re.compile(r"_____\.\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?=[\s,])")
# «La sonda _____ 1, lanzada…», «el _____ 11 llegó a la Luna»: a figure after the blank with no noun of its own (a
# stop or a verb follows it) is the end of the name, the blank took its first word only.
_FIGURE_AFTER_BLANK = re.compile(r"_____\s+(\d{1,4})(?:\s*[,.;:)]|\s*$|\s+([a-záéíóúñü]+)\b)")
# The blank beside the other end of its range or pair: «Entre 1939 y _____», «de _____ a septiembre de 1855».
_MONTH_WORDS = r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
# (The other end may be a time of its year: «entre finales de 1096 y la primavera de _____», «del 24 de junio de 1948 al
# 12 de mayo de _____».)
_TIME_OF_YEAR = (
    r"(?:(?:el|la|los|las|\d{1,2}|de|" + _MONTH_WORDS + r"|principios|comienzos|inicios|mediados|finales|fines|"
    r"primavera|verano|otoño|invierno)\s+)"
)
_RANGE_END = re.compile(
    r"\d[\d.]*(?:\s+a\.\s*C\.)?\s+(?:y|e|a|al|hasta)\s+(?:el\s+|la\s+)?_____|"
    r"\b(?:[Ee]ntre|[Dd]el?|[Dd]esde)\s+"
    + _TIME_OF_YEAR
    + r"*\d{3,4}\s+(?:y|e|al?|hasta)\s+"
    + _TIME_OF_YEAR
    + r"+_____|"
    r"_____\s+(?:y|e|a|al|hasta)\s+(?:el\s+|la\s+)?(?:\d|" + _MONTH_WORDS + r"\b)|"
    # a span written with a dash: «la crisis de 1383-_____», «En 1926-_____ decoró…» (judged «nombre partido» or
    # «trivial» each time: the span is one date, or part of a name)
    r"\d\s*[-–]\s*_____|_____\s*[-–]\s*\d"
)
# A true statement this much of which is one run of its sentence's words is a copy.
COPIED_SHARE = 0.85
# An answer that is a bare article, pronoun or preposition is a misread, not a fact.
_FUNCTION_WORDS = {
    "el",
    "la",
    "los",
    "las",
    "lo",
    "un",
    "una",
    "unos",
    "unas",
    "de",
    "del",
    "en",
    "a",
    "al",
    "y",
    "que",
}
# A typed answer longer than this is not what a student would type: it is asked as a choice, or not.
MAX_TYPED_WORDS = {"term": 2, "default": 4}


def contains(haystack: str, needle: str) -> bool:
    """Return whether needle stands in haystack as whole words (accents and case folded)."""
    n = fold(needle)
    return bool(n) and re.search(r"(^| )" + re.escape(n) + r"( |$)", fold(haystack)) is not None


# Capitalised words that open a phrase, not a name («El 18 de diciembre de _____»: a day, not «Expo 58»).
_FUNCTION_CAPITALS = "El|La|Los|Las|Lo|Un|Una|En|De|Del|A|Al|Hacia|Desde|Hasta|Entre|Con|Por|Para|Tras|Sobre|Y|E|O|Ya"


def _short_year_said(prompt: str, correct) -> bool:
    """Return whether the prompt names the asked year by its last two digits: «la Exposición Universal de Bruselas de
    _____, conocida como Expo 58» (judged «regalada»), «el Mayo del '68»."""
    years = {y for c in correct for y in re.findall(r"(?<![\d,.])\d{4}(?![\d,.]\d|\d)", c)}
    return any(
        re.search(
            r"(?:\b(?!(?:"
            + _FUNCTION_CAPITALS
            + r")\b)[A-ZÁÉÍÓÚÑ][\wáéíóúñü]*\s+|['’])"
            + year[2:]
            + r"(?![\d,.]\d|\d)(?!\s+de\b)",
            prompt,
        )
        for year in years
    )


def guessable_from_title(fact: Fact, title: str, ex: Extraction) -> bool:
    """Return whether the answer (or a name of its group) stands in the document's title."""
    if not title or fact.kind in {"date", "number"}:
        return False
    if contains(title, fact.answer) or any(contains(title, m) for m in fact.members):
        return True
    if re.fullmatch(r"[A-Z]{2,6}", fact.answer):
        # «La Compañía Neerlandesa de las Indias Orientales (en neerlandés, …, VOC…)»: the title's acronym
        expanded = re.search(
            r"([A-ZÁÉÍÓÚÑ][^()\n.;]{3,90}?)\s*\([^()]*\b" + re.escape(fact.answer) + r"\b", ex._pools.get("text", "")
        )
        if expanded and contains(title, re.sub(r"^(?:El|La|Los|Las)\s+", "", expanded.group(1).strip())):
            return True
        # «El oleoducto Bakú-Tiflis-Ceyhan, conocido por sus siglas _____» → «BTC»: the initials of the title's names
        initials = "".join(w[0] for w in re.findall(r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü]*", title))
        if len(fact.answer) >= 3 and fold(fact.answer) in fold(initials):
            return True
    # "Galia" in «La guerra de las Galias»: the title's plural names the answer too.
    singular = " ".join(re.sub(r"(?<=[aeiou])s$", "", w) for w in fold(title).split())
    if contains(singular, fact.answer):
        return True
    if (
        fact.group
        and fact.subtype != "alias"
        and any(len(form) > 2 and contains(title, form) for form in group_surface_forms(fact.group, ex))
    ):
        return True
    if fact.kind in NAME_KINDS or fact.kind == "term":
        # «República Francesa» in «La Revolución francesa», «España» in «La guerra de sucesión española»; a term
        # made from the title's name: «peronismo» in «Juan Domingo Perón».
        stems = {w[:_STEM] for w in re.findall(r"\w+", fold(title)) if len(w) >= _STEM and w not in _GENERIC_TITLE}
        if any(w[:_STEM] in stems for w in re.findall(r"\w+", fold(fact.answer)) if len(w) >= _STEM):
            return True
        if fact.kind != "term":
            return False  # (a name is no derived word: «Romero» in «Roma»)
        # a short title word and a word derived from it: «fadista» in «Fado», «tanguero» in «Tango»
        short = {w[:-1] for w in re.findall(r"\w+", fold(title)) if 4 <= len(w) <= 7 and w[-1] in "aeo"}
        bases = [
            re.sub(r"(?<=g)u$", "", m.group(1))
            for w in re.findall(r"\w+", fold(fact.answer))
            for m in [_DERIVED.fullmatch(w)]
            if m
        ]
        return any(base in short for base in bases)


# Words of a title that share their first letters with an answer's word give it away («francesa», «Francia»).
_STEM = 5
# A word made from a short one by a suffix of trade, follower or origin: «fadista», «tanguero», «salsero».
_DERIVED = re.compile(r"(\w{3,6}?)(?:ista|istas|ismo|ero|era|eros|eras)")
# Title words that name a kind of thing, not what the text is about.
_GENERIC_TITLE = {
    fold(w)
    for w in (
        *EVENT_HEADS,
        *ORG_HEADS,
        *STATE_HEAD_WORDS,
        "guerra", "batalla", "cordillera", "elementos", "tabla", "cuadro", "historia", "primera", "segunda",
        "tercera", "general", "nacional", "unificación", "independencia", "conquista",
    )
}  # fmt: skip


def _mention_kinds(ex: Extraction) -> dict[str, set[str]]:
    """Return folded name -> the kinds the text's mentions of it were given (cached on the extraction)."""
    cached = getattr(ex, "_mention_kinds", None)
    if cached is None:
        cached = {}
        for spans in ex.mentions.values():
            for span in spans:
                cached.setdefault(fold(span.text), set()).add(span.kind)
        with contextlib.suppress(AttributeError):  # a frozen or slotted extraction: no cache
            ex._mention_kinds = cached
    return cached


def answer_root_in_prompt(prompt: str, answer: str) -> bool:
    """Return whether a word of the prompt is built on a word of a name answer («almagristas» for «Almagro»)."""
    words = set(re.findall(r"\w+", fold(prompt)))
    for w in re.findall(r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü]+", answer):
        f = fold(w)
        root = f[:-1] if f[-1] in "aeiou" else f
        if len(root) < 4:
            continue
        if any(p.startswith(root) and len(p) > len(f) for p in words):
            return True
    return False


def option_in_prompt(prompt: str, option: str, *, person: bool = False) -> bool:
    """Return whether a wrong option (without its article) stands in the prompt as whole words, a date or a figure
    too, or, for a person, its surname does («Gonzalo Pizarro» in «Pizarro coronó a _____»; not a regnal number nor a
    short particle)."""
    said = " " + " ".join(re.findall(r"\w+", fold(prompt.replace(BLANK, " ")))) + " "
    core = re.sub(r"^(?:el|la|los|las)\s+", "", option.strip(), flags=re.IGNORECASE)
    words = re.findall(r"\w+", fold(core))
    if not words:
        return False
    if " " + " ".join(words) + " " in said:  # a date or a figure too: «Del _____ al 12 de mayo de 1949»
        return True
    return person and len(words) > 1 and len(words[-1]) > 3 and f" {words[-1]} " in said


_DETERMINER = r"(?:un|una|unos|unas|el|la|los|las)"
# A blank between two commas of a list of things, each said with its article.
# (the member before the blank is no fronted phrase's noun: «Durante el reinado, la _____ y los nobles…»)
_NOT_AFTER_PREPOSITION = "".join(
    rf"(?<!\b{w} )"
    for p in ("durante", "tras", "con", "en", "de", "desde", "hasta", "por", "para", "sin", "según", "bajo")
    for w in (p, p.capitalize())
)
_COMMON_LIST_AROUND_BLANK = re.compile(
    r"(?<![\w])"
    + _NOT_AFTER_PREPOSITION
    + _DETERMINER
    + r"\s+[a-záéíóúñü]+(?:\s+[a-záéíóúñü]+)?,\s+"
    + _DETERMINER
    + r"\s+_____\s*"
    r"(?:,|\s(?:y|e|o)\s)\s*" + _DETERMINER + r"\s+[a-záéíóúñü]|"
    # the first of the list: «reúne un _____, una basílica, un panteón…»
    r"(?<![\w])"
    + _DETERMINER
    + r"\s+_____\s*,\s+"
    + _DETERMINER
    + r"\s+[a-záéíóúñü]+(?:\s+[a-záéíóúñü]+)?,\s+"
    + _DETERMINER
    + r"\s+[a-záéíóúñü]+(?:\s+[a-záéíóúñü]+)?\s*(?:,|\s(?:y|e)\s)"
)


# The blank, then more adjectives of a list: «los _____, persas e indios organizaban…».
_ADJECTIVES_AFTER_BLANK = re.compile(r"_____,\s+[a-záéíóúñü]+(?:,\s+[a-záéíóúñü]+)*\s+(?:y|e)\s+[a-záéíóúñü]+\b")


def _ends_lower(answer: str) -> bool:
    """Return whether an answer of two words or more ends in a lowercase word («mercaderes árabes»)."""
    words = answer.split()
    return len(words) > 1 and words[-1].islower()


# An anniversary said in the prompt: «centenario», «bicentenario», «aniversario», «milenario».
_ANNIVERSARY = re.compile(r"\b(?:\w*centenario|aniversario|milenario|cincuentenario)\b", re.IGNORECASE)


def list_member(prompt: str) -> bool:
    """Return whether the blank is one member of a list of names («Chile y _____»; not «entre España y _____»)."""
    for m in _LIST_AROUND_BLANK.finditer(prompt):
        if not re.search(r"\bentre\s+(?:(?:el|la|los|las)\s+)?$", prompt[: m.start()]):
            return True
    return False


_NO_PAIR = re.compile(r"(?:" + "|".join(WHOLE_AFTER_ENTRE) + r")\b", re.IGNORECASE)


def pair_cut(prompt: str, sentence: str, answers: list[str]) -> bool:
    """Return whether the prompt cut an «entre A y B» pair of its sentence to its first member.

    «La guerra fue un enfrentamiento entre _____.» (— «el Reino de Valdoria») or «…entre el Reino de Valdoria, que
    se libró…» where the sentence says «entre el Reino de Valdoria y la República de Ostmar»: what the verb or the
    noun needs is two, and the one left is a broken stem (and, blanked, one of two right answers). A member followed
    by what followed it in the sentence («entre _____ y el Sol», «entre Francia, España y Portugal») is whole.
    """
    body = re.sub(r"\s*\((?:Escriba|Escribe)[^)]*\)\s*$", "", prompt)
    body = re.sub(r"^(?:Verdadero o falso|Marque todas las opciones que completan el texto):\s*", "", body)
    fills = [a for a in answers if a] if BLANK in body else [""]
    for answer in fills:
        filled = body.replace(BLANK, answer) if answer else body
        for m in re.finditer(r"\bentre\s+", filled, re.IGNORECASE):
            seg = re.match(r"[^,.;:?!()«»]+", filled[m.end() :])
            if not seg or _NO_PAIR.match(seg.group()) or re.search(r"\s(?:y|e)\s", seg.group()):
                continue
            member = re.sub(r"^(?:el|la|los|las)\s+", "", seg.group().strip(), flags=re.IGNORECASE)
            if not member:
                continue
            # In the sentence: the member, maybe more members after commas, then the «y» of the last one.
            found = re.search(
                r"\bentre\s+(?:(?:el|la|los|las)\s+)?"
                + re.escape(member)
                + r"((?:\s*,(?:(?!\s(?:y|e)\s)[^.;:,]){1,60})*?\s+(?:y|e)\s)",
                sentence,
                re.IGNORECASE,
            )
            if not found:
                continue
            # The prompt goes on as the sentence does: as many members after commas, then «y» (a false statement
            # may name other members).
            after = filled[m.end() + len(seg.group().rstrip()) :]
            more = found.group(1).count(",")
            goes_on = r"(?:\s*,(?:(?!\s(?:y|e)\s)[^.;:,]){1,60}){" + str(more) + r"}\s+(?:y|e)\s"
            if not re.match(goes_on, after, re.IGNORECASE):
                return True
    return False


def foreign_aside(text: str) -> bool:
    """Return whether a prompt or an answer shows a name in another language or script («(en japonés: Kanto Ishin)»,
    «Ἴστρος»): an aside the stem should have dropped, or a name no student types."""
    return bool(_FOREIGN_ASIDE.search(text) or _NON_LATIN.search(text))


def range_inverted(statement: str) -> bool:
    """Return whether a range of years in the statement runs backwards («entre 1942 y 1940»)."""
    if any(int(a) >= int(b) for a, b in _RANGE.findall(statement)):
        return True
    # «en la noche del 31 de enero al 31 de enero de 1953»: a day range whose ends the swap made one
    return any(a == b for a, b in _DAY_RANGE.findall(statement))


_DAY_RANGE = re.compile(
    r"\b(?:del|desde el|entre el)\s+(\d{1,2}\s+de\s+[a-z]+)(?:\s+de\s+\d{3,4})?\s+(?:al|hasta el|y el)\s+"
    r"(\d{1,2}\s+de\s+[a-z]+)\b",
    re.IGNORECASE,
)


# «730.000 habitantes, de los que cerca de un millón vivían en Oahu»: a whole, then a part of it said by «de los que».
_SMALL_FIGURE_WORDS = {w: float(n) for n, w in UNITS_WORDS.items() if n <= 10} | {"una": 1.0}
_FIGURE = (
    r"(\d+(?:[. ]\d{3})*(?:,\d+)?|" + "|".join(_SMALL_FIGURE_WORDS) + r")"
    r"(?:\s+(mill[oó]n(?:es)?|mil))?"
)
_WHOLE_THEN_PART = re.compile(
    _FIGURE + r"(?:\s+de)?\s+[a-záéíóúñü]+\s*,\s+(?:de\s+(?:los|las)\s+(?:que|cuales)|de\s+ell[oa]s)\s+"
    r"(?:(?:cerca|alrededor|más|menos|casi|unos|unas)\s+(?:de\s+)?)*" + _FIGURE,
    re.IGNORECASE,
)


def _figure(number: str, scale: str | None) -> float | None:
    """Return a figure `_FIGURE` matched as a number («730.000» → 730000, «un» «millón» → 1e6), or None."""
    raw = number.strip().lower()
    value = _SMALL_FIGURE_WORDS.get(raw)
    if value is None:
        digits = raw.replace(" ", "").replace(".", "").replace(",", ".")
        try:
            value = float(digits)
        except ValueError:
            return None
    factor = {"mil": 1e3}.get((scale or "").lower(), 1e6 if scale else 1)
    return value * factor


SMALL_COUNT = 10


def _small_count(value: dict) -> bool:
    """Return whether a number fact is a whole count from two to `SMALL_COUNT`, said without a scale («dos guerras»,
    «siete semanas»; not «1,5», «3 millones»)."""
    number = value.get("number")
    return (
        isinstance(number, (int, float))
        and float(number).is_integer()
        and 2 <= number <= SMALL_COUNT
        and not value.get("scale")
    )


def part_exceeds_whole(statement: str) -> bool:
    """Return whether a statement says a part larger than its whole («730.000 habitantes, de los que cerca de un
    millón…»): a false figure no reader takes for true."""
    for m in _WHOLE_THEN_PART.finditer(statement):
        whole, part = _figure(m.group(1), m.group(2)), _figure(m.group(3), m.group(4))
        if whole is not None and part is not None and part > whole:
            return True
    return False


_A_YEAR = re.compile(r"(?<![\d.,])(1\d{3}|20\d{2})(?![\d]|[.,]\d)")


def year_contradicted(statement: str, fact: Fact) -> bool:
    """Return whether a false statement changed a date's year while the true year stands elsewhere in it: «El
    terremoto de Valdivia de 1960 … ocurrió el 22 de mayo de 1970» is false at a glance."""
    year = (fact.value or {}).get("year")
    if fact.kind != "date" or not isinstance(year, int):
        return False
    said = set(_A_YEAR.findall(statement))
    return str(year) in said and bool(said - set(_A_YEAR.findall(fact.sentence)))


def range_widened(statement: str, fact: Fact) -> bool:
    """Return whether a false statement's range of years holds the true range of the fact's sentence: «entre 1811 y
    1825» for «entre 1811 y 1816» says nothing false (the luddites did break machines between 1811 and 1825): one end
    moved, outward (judged «verdadero/falso»: who knows what happened answers «Verdadero»)."""
    if fact.kind != "date":
        return False
    true = [(int(a), int(b)) for a, b in _RANGE.findall(fact.sentence.lower())]
    said = [(int(c), int(d)) for c, d in _RANGE.findall(statement.lower())]
    return any((c == a or d == b) and c <= a and b <= d for a, b in true for c, d in said)


_UNITS_OF_TIME = r"(?:años?|meses|mes|semanas?|días?|horas?|minutos?|segundos?)"
_FIGURE_PART = re.compile(
    rf"\d[\d.,]*\s+{_UNITS_OF_TIME}\s+y\s+_____(?!\s+(?!{_UNITS_OF_TIME}\b)[a-záéíóúñü]{{4,}})|"
    rf"_____(?:\s+{_UNITS_OF_TIME})?\s+y\s+\d[\d.,]*\s+{_UNITS_OF_TIME}\b",
    re.IGNORECASE,
)


def number_repeated(prompt: str, answer: str) -> bool:
    """Return whether a quantity answer's number stands again in the prompt («seis moléculas», «y seis de agua»)."""
    words = re.findall(r"[\w,.]+", fold(answer))
    number = next((w for w in words if w[:1].isdigit() or w in NUMBER_WORD_SET), "")
    if not number or number in {"un", "una", "uno"}:
        return False
    rest = fold(prompt.replace(BLANK, " "))
    return re.search(r"(?<![\w,.])" + re.escape(number) + r"(?![\w])", rest) is not None


_OTHER_CLAUSE_END = re.compile(
    r"\s(?:y|e)\s+(?:su|sus|el|la|los|las|este|esta)\s+((?:[\wáéíóúñü]+\s+){0,3})(?:se\s+)?([\wáéíóúñü]+)\?$",
    re.IGNORECASE,
)


def question_ends_in_other_clause(prompt: str) -> bool:
    """Return whether a question ends with «y <its own subject> <verb>?», a second clause left without what it said,
    or goes on after «, y» with a verb of its own («¿En qué año favoreció la desesperación el ascenso…, y en Alemania
    contribuyó a la llegada de Hitler?»: the year was the second clause's, the question inverted the first's verb)."""
    m = _OTHER_CLAUSE_END.search(prompt)
    if m and (m.group(1).endswith("se ") or verbish(m.group(2))):
        return True
    for m in _COORDINATED.finditer(prompt):
        words = [w.strip("¿?,.;:").lower() for w in prompt[m.end() :].split()[:5]]
        if any(is_finite_verb(w) for w in words):
            return True
    return False


_COORDINATED = re.compile(r",\s+(?:y|e|pero|mientras\s+que)\s+", re.IGNORECASE)


# The counted noun, then its members named in apposition: «hijos mayores, Francisco y Enrique,».
_NAMED_MEMBERS = re.compile(
    r"\s*(?:[a-záéíóúñü]+\s+){0,3}?[a-záéíóúñü]+,\s+"
    r"((?:[A-ZÁÉÍÓÚÑ][\wáéíóúñü]*(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñü]*)*,\s+)*"
    r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü]*(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñü]*)*\s+(?:y|e)\s+"
    r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü]*(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñü]*)*)(?=[,.;)]|\s+(?:que|quien)\b|$)"
)


# Small figures after the blank that may be the parts of the count it asks (digits or words, one to twenty).
_PART_VALUES = {w: float(n) for n, w in UNITS_WORDS.items() if 2 <= n <= 20} | {"uno": 1.0}
_PART_FIGURE = re.compile(r"(?<![\w,.])(?:\d{1,3}(?![\d,.]\d)|" + "|".join(_PART_VALUES) + r")(?!\w)", re.IGNORECASE)


# The counted noun (and an adjective), then the members it counts, each with its article: «lóbulos principales, el
# derecho y el izquierdo».
_ARTICLED_MEMBERS = re.compile(
    r"\s*[a-záéíóúñü]+(?:\s+[a-záéíóúñü]+)?,\s+((?:(?:el|la|los|las)\s+[a-záéíóúñü]+(?:,\s+|\s+(?:y|e)\s+))+"
    r"(?:el|la|los|las)\s+[a-záéíóúñü]+)"
)


def counted_list(prompt: str, number: float | None) -> bool:
    """Return whether the blank counts a list the prompt goes on to spell out: «en _____ frentes: Angola, Guinea-Bisáu
    y Mozambique», «Los _____ países por los que pasa son Alemania, Austria… y Ucrania» (counting gives the answer)."""
    if number is None or number < 2 or BLANK not in prompt:
        return False
    after = prompt.split(BLANK, 1)[1]
    parts = [_PART_VALUES.get(w.lower()) or float(w) for w in _PART_FIGURE.findall(after.split(".")[0])]
    if len(parts) >= 2 and sum(parts) == number:
        return True  # «El cráneo consta de _____ huesos: ocho forman la caja craneal y catorce el macizo facial»
    parts_named = _ARTICLED_MEMBERS.match(after)
    if parts_named and len(re.split(r",\s*|\s+(?:y|e)\s+", parts_named.group(1))) == number:
        return True  # «se distinguen _____ lóbulos principales, el derecho y el izquierdo»
    named = _NAMED_MEMBERS.match(after)
    owned = re.search(r"(?<![\w])(?:sus|los|las)\s+$", prompt.split(BLANK, 1)[0], re.IGNORECASE)
    if named and owned and len(re.split(r",\s*|\s+(?:y|e)\s+", named.group(1))) == number:
        return True  # «sus _____ hijos mayores, Francisco y Enrique, quedaron…»: the names that follow count them
    m = re.search(r":\s*|\s(?:son|eran|fueron|serán)\s+", after)
    if not m or len(after[: m.start()].split()) > 8:
        return False  # the list must follow the counted noun, not a later clause
    listed = re.split(r"(?<!\b[A-Z])\.|[;(]", after[m.end() :], maxsplit=1)[0]  # («P. falciparum»: an initial's dot)
    # («: la energía del Sol, que calienta el agua y la evapora, y la gravedad, que…»: a member's relative is not one)
    listed = re.sub(r",\s*(?:que|quien|quienes|donde)\b[^,]*", "", listed)
    members = [x for x in re.split(r",\s*|\s+(?:y|e)\s+", listed) if x.strip()]
    return len(members) == number


# A count of things the sentence goes on to list after a colon: «combina cuatro fármacos: isoniacida, …», «gracias a
# tres factores:» (the list in the lines that follow).
_COUNT_BEFORE_COLON = re.compile(
    r"\b(?:\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)\s+[a-záéíóúñü]+(?:\s+[a-záéíóúñü]+)?\s*:",
    re.IGNORECASE,
)


def counted_before_colon(sentence: str) -> bool:
    """Return whether a sentence counts things it lists after a colon: a true/false statement on it is either given
    away by the list («combina dos fármacos: isoniacida, rifampicina, pirazinamida y etambutol») or, without it,
    says nothing a student can check («recuperó su dinamismo gracias a tres factores»)."""
    return _COUNT_BEFORE_COLON.search(sentence) is not None or _COUNT_BEFORE_MEMBERS.search(sentence) is not None


# A count of things the sentence names right after, each with its article: «de dos ríos, el Bijela Rijeka (Río
# Blanco) y el Crna Rijeka», «por dos crónicas escritas en árabe…, el «Tarij al-Sudán» … y el «Tarij al-Fattash»»
# (a false count is given away by the names, judged «regalada»).
_COUNT_BEFORE_MEMBERS = re.compile(
    r"\b(?:dos|tres|cuatro|cinco|ambos|ambas|[2-5])\s+[a-záéíóúñü]+[^,:;.]{0,60},\s*(?:el|la|los|las)\s[^;:]{1,90}?"
    r"\s(?:y|e)\s+(?:el|la|los|las)\s",
    re.IGNORECASE,
)


# A term named by «llamado», «denominada»… whose blank leaves its adjective behind: «llamado _____ binaria».
_TERM_AFTER_BLANK = re.compile(
    r"\b(?:llamad|denominad|conocid)[oa]s?\s+(?:como\s+)?_____\s+(?!(?:que|y|e|o|u|de|del|en|por|con|a|al|se)\b)"
    r"[a-záéíóúñü]+(?=\s*[,.;:)]|\s+(?:que|y|e|o)\b|$)"
)
# A species' epithet after a blank that took its genus: «la bacteria _____ cholerae», «el mosquito _____ aegypti» (a
# lower-case Latin ending no Spanish word after a name has).
_EPITHET_AFTER_BLANK = re.compile(r"_____\s+(?!virus\b|campus\b|corpus\b)[a-z]{3,}(?:ae|ii|um|us|is|ensis)\b")
# The rest of a name after a blank that took its head word: «_____ a Meneceo», «_____ de Versalles».
# «_____ para la Conservación de los Monumentos…» → «Comité»: a preposition, maybe its article, then a capital.
_HEAD_BEFORE_REST = re.compile(
    r"_____\s+(?:a|al|de|del|sobre|para|contra)\s+(?:(?:el|la|los|las|mio|mío)\s+)?[A-ZÁÉÍÓÚÑ]"
)
# Heads of names of programmes and works the lexicon's kinds do not hold: «_____ para el Control de la Oncocercosis» →
# «Programa Africano», «_____ de mio Cid» → «Cantar» (first sight, round 33).
# Round 34: «_____ para el Manejo Sustentable de la Cuenca…» → «Autoridad», «La Unión Internacional para _____».
_OTHER_NAME_HEADS = frozenset(
    {
        "Programa", "Plan", "Proyecto", "Fondo", "Comisión", "Agencia", "Centro", "Cantar", "Poema", "Unión",
        "Autoridad", "Oficina", "Asociación", "Fundación", "Sistema", "Servicio", "Convención", "Declaración",
    }
)  # fmt: skip
# A name's head, capitalised words and a link before the blank, or the link and capitalised words after it: the blank
# takes part of one name («Instituto Congoleño para _____», «_____ sobre Aranceles Aduaneros y Comercio»).
# (an article opening the sentence is not the head: «La Unión Internacional para _____»)
_HEAD_LINKED_BEFORE_BLANK = re.compile(
    r"\b(?:(?:La|El|Los|Las)\s+)?([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]+)*\s+(?:para|sobre|contra)\s+"
    r"(?:(?:el|la|los|las)\s+)?_____"
)
# A possessive before a capitalised blank right after a name: the blank ends that name («…del Lago de Atitlán y su
# _____» → «Entorno»); a possessive says no proper name of its own («su Francia»).
_POSSESSIVE_IN_NAME = re.compile(r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü]+\s+(?:y|e|de)\s+(?:su|sus)\s+_____")
# A name joined by «&» to the blank: «Simon & _____» → «Garfunkel», «_____ & Co.».
_AMPERSAND_AT_BLANK = re.compile(r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü'.-]*\s*&\s*_____|_____\s*&\s*[A-ZÁÉÍÓÚÑ]")
_LINKED_REST_AFTER_BLANK = re.compile(r"_____\s+(?:sobre|para|contra)\s+(?:(?:el|la|los|las)\s+)?[A-ZÁÉÍÓÚÑ]")


# The rest of an Arabic name after the blank: «_____ al-Malik», «_____ ibn Saud», «_____ bin Laden».
_ARABIC_REST_AFTER_BLANK = re.compile(
    r"_____\s+(?:(?:al|el|as|ad|ar|an|az)-[A-ZÁÉÍÓÚ]|(?:ibn|bin|ben|abu|bint)\s+[A-Z])"
)


def name_split(prompt: str, answer: str) -> bool:
    """Return whether the blank ends a longer name of the prompt («el flamenco Jan Baptista van _____»), or begins
    one that a figure ends («La sonda _____ 1, lanzada en 1977…»)."""
    if _TERM_AFTER_BLANK.search(prompt):
        return True  # «un mecanismo distinto llamado _____ binaria» → «fisión»: the term is «fisión binaria»
    if not answer[:1].isupper():
        return False
    if re.search(r"\s[A-Z]$", answer) and _SURNAME_AFTER_BLANK.search(prompt):
        return True
    if _NAME_AFTER_BLANK.search(prompt) or _NOBLE_OF_BLANK.search(prompt) or _INITIAL_BEFORE_BLANK.search(prompt):
        return True
    if len(answer.split()) == 1 and _EPITHET_AFTER_BLANK.search(prompt):
        return True  # «Vibrio» of «Vibrio cholerae»
    head = answer.split()[0] if answer.split() else ""
    if (head in EVENT_HEADS or head in ORG_HEADS or head in _OTHER_NAME_HEADS) and _LINKED_REST_AFTER_BLANK.search(
        prompt
    ):
        return True  # «_____ sobre Aranceles Aduaneros y Comercio» → «Acuerdo General»: the name goes on after it
    linked = _HEAD_LINKED_BEFORE_BLANK.search(prompt)
    if linked and any(linked.group(1) in heads for heads in (ORG_HEADS, EVENT_HEADS, _OTHER_NAME_HEADS)):
        # «el Instituto Congoleño para _____» → «Conservación de la Naturaleza», «Acuerdo Marco General para _____ en
        # Bosnia» → «Paz»: the rest of its name
        return True
    if _AMPERSAND_AT_BLANK.search(prompt) or _POSSESSIVE_IN_NAME.search(prompt):
        return True  # «Simon & _____», «…de la Cuenca del Lago Velinia y su _____» → «Entorno»
    if (
        answer in EVENT_HEADS
        or answer in ORG_HEADS
        or answer in _OTHER_NAME_HEADS
        or (head in STATE_HEAD_WORDS and len(answer.split()) <= 2)
    ) and _HEAD_BEFORE_REST.search(prompt):
        # «_____ a Meneceo» → «Carta», «_____ de Versalles» → «Tratado», «la caída del _____ de Occidente» → «Imperio
        # romano»: the head of a name asked without the rest of it
        return True
    figure = _FIGURE_AFTER_BLANK.search(prompt)
    if figure and (not figure.group(2) or verbish(figure.group(2))):
        return True
    if (
        figure
        and figure.group(2) in {"de", "del"}
        and len(answer.split()) == 1
        and not re.match(r"\s+de\s+" + _MONTH_WORDS, prompt[figure.end(1) :], re.IGNORECASE)  # «El _____ 1 de mayo»
    ):
        return True  # «_____ 541 del Consejo de Seguridad» → «Resolución»: a name's head before its number
    if _TITLE_OPENING_BLANK.match(prompt):
        return True  # «Sha _____ presidió…» → «Jahan»: a title said with the name is part of it
    if _NASAB_BEFORE_BLANK.search(prompt):
        return True  # «Muhammad ibn Ahmad ibn _____» → «Rushd»: the last link of an Arabic name
    if _ARABIC_REST_AFTER_BLANK.search(prompt):
        return True  # «_____ al-Malik, quinto califa…» → «Abd», «_____ al-Hasan ibn al-Haytham» → «Abu Ali»
    if _CAPITAL_BEFORE_BLANK.search(prompt):
        return True  # «firmó con la Corona _____, que…»: a capitalised word right before the name may be part of it
    for m in _NAME_BEFORE_BLANK.finditer(prompt):
        first = prompt[m.start() :].split()[0]
        if m.start() == 0 or first.lower() in {"en", "tras", "desde", "durante", "con", "según", "hacia", "hasta"}:
            continue
        return True
    return False


# A true statement this long that is its sentence with a word or two left out is a copy.
COPIED_MIN_WORDS = 10


def copied_statement(statement: str, sentence: str) -> bool:
    """Return whether a true/false statement copies its sentence: nearly all of it is one run of the sentence's words.

    The judges call a true statement cut from its sentence («Por ello, María asistió…» → «María asistió…»; the
    first clause of two), or one with a word left out, a literal copy. Restated is what changes more: a subject
    put back, an aside dropped from the middle, a date moved to the front, cause and effect turned round.
    Brackets dropped restate nothing.
    """
    body = re.sub(r"^Verdadero o falso:\s*", "", statement)
    said = re.findall(r"\w+", fold(body))
    words = re.findall(r"\w+", fold(re.sub(r"\s*\([^()]*\)", "", sentence)))
    if not said or not words:
        return False
    longest = 0
    run = [0] * (len(words) + 1)
    for a in said:
        previous = 0
        for j, b in enumerate(words, 1):
            current = run[j]
            run[j] = previous + 1 if a == b else 0
            longest = max(longest, run[j])
            previous = current
    if len(said) >= LONG_COPY_WORDS and _in_order_share(said, words) >= LONG_COPY_SHARE:
        return True  # a long sentence with its subject put back or a word changed is still the text's sentence
    return longest >= COPIED_SHARE * len(said) or _words_left_out(said, words)


# A true statement this long that says nearly all its words in the sentence's order copies it, whatever word or two
# were put back (the judges: «copia casi literalmente una frase larga»). Round 30: the subject put back («Esta ley» →
# «la Ley del Título Nativo») dilutes the share, and the judged true statements of 18 words or more at 0.75-0.85 were
# U 2 · E 14 · R 6 («copia literal de una frase larga»), under 0.75 U 6 · E 1 · R 4: 0.85 -> 0.75.
LONG_COPY_WORDS = 18
LONG_COPY_SHARE = 0.75


def _in_order_share(said: list[str], words: list[str]) -> float:
    """Return the share of the statement's words that the sentence says in the same order (longest common run of
    words, gaps allowed)."""
    matcher = difflib.SequenceMatcher(None, said, words, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(said)


def _words_left_out(said: list[str], words: list[str]) -> bool:
    """Return whether the statement is its sentence with a word or two left out (and its tail cut): one copy.

    «Los mexicas… dominaban [entonces] el centro de Mesoamérica…», «…habían extendido [además] entre la
    burguesía…». An aside of several words dropped from the middle is a restatement, as the docstring above says.
    """
    if len(said) < COPIED_MIN_WORDS:
        return False
    j, runs, gaps = 0, 0, []
    previous = -2
    for a in said:
        while j < len(words) and words[j] != a:
            j += 1
        if j == len(words):
            return False  # a word of its own, or the order changed: restated
        if j != previous + 1:
            runs += 1
            if previous >= 0:
                gaps.append(j - previous - 1)
        previous = j
        j += 1
    return runs <= 3 and all(gap <= 2 for gap in gaps)


# Answers anyone guesses: a continent (folded).
_CONTINENTS = {
    "europa", "asia", "africa", "america", "oceania", "antartida", "america del sur", "america del norte",
    "america central", "sudamerica", "suramerica", "norteamerica", "centroamerica", "europa occidental",
    "europa oriental", "europa del este",
}  # fmt: skip
# A place the text names at least this often, more than any other, is its own country or region.
MAIN_PLACE_MENTIONS = 3
# «el símbolo más conocido de…», «la mejor…», «su obra más célebre»: a superlative or an opinion is guessed true.
_EVALUATIVE = re.compile(
    r"\b(?:el|la|los|las|lo|su|sus)\s+(?:\w+\s+){0,2}(?:mas|menos)\s+(?!de\b|del\b|que\b|al\b|a\b|tarde\b)\w+|"
    r"\b(?:el|la|los|las|lo|su|sus)\s+(?:mejor|peor)(?:es)?\b|"
    r"\b(?:simbolo|icono|emblema|obra maestra|celebre|famos[oa]s?)\b|"
    # «la Casa fue un importante centro científico»: a judgement of weight, true of anything the text speaks of
    r"\b(?:fue|es|era|fueron|son|eran)\s+(?:un|una|unos|unas)\s+(?:importantes?|gran|grandes|destacad[oa]s?)\s+\w+"
)


def main_places(ex: Extraction) -> set[str]:
    """Return the alias groups of the place the text names most (at least MAIN_PLACE_MENTIONS times, alone on top).

    Counted once per text (the mentions are set at extraction): every place answer asks it."""
    cached = ex._pools.get("main_places")
    if cached is None:
        cached = ex._pools["main_places"] = frozenset(_main_places(ex))
    return set(cached)


def _main_places(ex: Extraction) -> set[str]:
    counts: dict[str, int] = {}
    for spans in ex.mentions.values():
        for span in spans:
            if span.kind == "place" and span.group:
                root = ex.groups.root(span.group)
                counts[root] = counts.get(root, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < MAIN_PLACE_MENTIONS or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return set()
    return {root for root, n in counts.items() if n == ranked[0]}


# Places everyone knows the way to: «El calor del _____ evapora…», «La luz del _____ tarda…» (folded).
_SKY_PLACES = {"sol", "luna"}
# «El lago Baikal … situado en el sur de Siberia, en _____» (Rusia), «Las islas Galápagos … un archipiélago del _____»
# (océano Pacífico): the country a definition places its subject in («en …»), or its ocean, is guessed from the subject
# itself; «el principal curso de agua de Venezuela», «nacida en Polonia», «celebrado en Italia» say more than where it
# lies (only «situado en …», «…, en _____» locate).
_LOCATED_IN = re.compile(
    r"(?:(?:situad|ubicad|localizad)[oa]s?\s+(?:[^,]*?\s)?|,\s+)en\s+(?:el\s+|la\s+)?$"
    # «situada en la cordillera Oriental del sur de _____»: the country a place of it is in
    r"|(?:situad|ubicad|localizad)[oa]s?\s+en\s+[^,]*?\s(?:de|del)\s+(?:el\s+|la\s+)?$",
    re.IGNORECASE,
)


def broad_answer(fact: Fact, ex: Extraction) -> bool:
    """Return whether a name answer is guessed without the text: a continent, the Sun or the Moon, the country or ocean
    the text's first sentence places its subject in, or the text's own main place."""
    if fact.kind != "place":
        return False
    if fold(re.sub(r"^(?:el|la|los|las)\s+", "", fact.answer)) in _CONTINENTS | _SKY_PLACES:
        return True
    if fact.sentence_index == _first_fact_sentence(ex) and (
        fact.subtype == "ocean" or (fact.subtype == "country" and _LOCATED_IN.search(fact.sentence[: fact.local_start]))
    ):
        return True
    if fact.subtype in {"city", "capital", "locality"}:
        return False  # a town the text keeps returning to is its stage, not a guess («entraron en _____»)
    return bool(fact.group) and ex.groups.root(fact.group) in main_places(ex)


def _first_fact_sentence(ex: Extraction) -> int:
    """Return the index of the text's first sentence with a fact (its definition), once per text."""
    first = ex._pools.get("first_fact_sentence")
    if first is None:
        first = ex._pools["first_fact_sentence"] = min((f.sentence_index for f in ex.facts), default=-1)
    return first


def evaluative(statement: str) -> bool:
    """Return whether a statement judges rather than reports (a superlative, «símbolo», «célebre»)."""
    return _EVALUATIVE.search(fold(re.sub(r"^Verdadero o falso:\s*", "", statement))) is not None


# The note a false statement records: «Afirmación falsa: «X» en lugar de «Y».» (X the words said in place of Y).
_SWAPPED_IN = re.compile(r"Afirmación falsa: «(.+?)» en lugar de «")


def restates_title(statement: str, title: str) -> bool:
    """Return whether a statement says what the text's title is («la conquista del Perú fue el proceso…»).

    `title` is what the student sees above the text (the title, the headline, or both one after the other).
    """
    bare = lambda text: " ".join(w for w in fold(text).split() if w not in {"el", "la", "los", "las"})  # noqa: E731
    heading = bare(title)
    if not heading:
        return False
    for m in re.finditer(
        r"(?:^| )((?:[\w-]+ ){1,8}?)(?:es|fue|era|son|fueron) (?:el|la|los|las|un|una|unos|unas) ", fold(statement)
    ):
        words = bare(m.group(1)).split()
        for k in range(1, len(words) + 1):
            name = " ".join(words[-k:])
            # the title alone, twice (title and headline alike), or first with the headline after it
            if heading in {name, f"{name} {name}"} or (k > 1 and heading.startswith(name + " ")):
                return True
    return False


def typable(fact: Fact) -> bool:
    """Return whether a student would type this answer (dates and numbers always; long names or terms not)."""
    if fact.kind in {"date", "number"}:
        return True
    words = len(re.findall(r"\w+", fact.answer))
    kind = "term" if fact.answer[:1].islower() else fact.kind  # a lowercase phrase is a description
    return words <= MAX_TYPED_WORDS.get(kind, MAX_TYPED_WORDS["default"])


_WORD = re.compile(r"[^\W\d_]+")
# Words after which «que» opens a comparison or a fixed phrase, not the object clause of a verb.
_NOT_OBJECT_QUE = re.compile(
    r"\b(?:más|menos|mayor|menor|mejor|peor|tanto|tanta|tantos|tantas|tan|antes|después|mismo|misma|mismos|mismas"
    r"|igual|distinto|distinta|otro|otra|otros|otras|lo|ya|así|hasta|para|sin|aunque|modo|manera|vez|siempre)\b"
    r"(?:\s+\S+){0,3}\s*$",
    re.IGNORECASE,
)


def stem_break(prompt: str, sentence: str, names: set[str] = frozenset()) -> str:
    """Return how a stem is broken where its sentence is whole, or "".

    "duplicate": a word said twice in a row that the sentence says once («La Capilla Sixtina Sixtina», left by a
    restored name). "capital": a verb capitalised inside the stem because it opened the sentence («El Danubio Nace
    en…», after a restored subject). "cut_object": the stem ends inside the clause a verb announces with «que»,
    which lost its own verb («demostró en el laboratorio que el vapor de agua.», where the sentence goes on).
    `names`: the words of the text's names (a capitalised name is no verb).
    """
    words = re.findall(r"_+|\d+|[^\W\d_]+", prompt)  # a blank or a figure stands between two words
    for a, b in zip(words, words[1:], strict=False):
        if (
            a.lower() == b.lower()
            and len(a) >= 3
            and not re.search(rf"\b{re.escape(a)}\W+{re.escape(b)}\b", sentence, re.IGNORECASE)
        ):
            return "duplicate"
    first = sentence.split()[0].strip("«»\"'(¿¡") if sentence.split() else ""
    tokens = prompt.split()
    for i, tok in enumerate(tokens[1:], start=1):
        w = tok.strip("«»\"'(),.;:¿?¡!")
        if w != first or not w[:1].isupper() or w.isupper() or w in names:
            continue
        if tokens[i - 1].endswith((".", ":", "«", "¿", "¡", "(")):
            continue
        if verbish(w) and not re.search(rf"\s{re.escape(w)}\b", sentence):
            return "capital"
    body = re.sub(r"\s*\((?:Escriba|Escribe)[^)]*\)\s*$", "", prompt).rstrip(" .?")
    found = list(re.finditer(r"\bque\b", body))
    if found:
        rest = body[found[-1].end() :].strip()
        said = sentence.find(rest) if rest else -1
        goes_on = said >= 0 and len(sentence[said + len(rest) :].strip(" .")) > 0
        if (
            rest
            and BLANK not in rest
            and goes_on
            and len(rest.split()) >= 2
            and not any(verbish(w) for w in _WORD.findall(rest))
            and not _NOT_OBJECT_QUE.search(body[: found[-1].start()])
            and not _verb_in(sentence, said, said + len(rest))
        ):
            return "cut_object"
    # «Las obras comenzaron y terminaron el 31 de marzo…»: a date dropped from the first of two coordinated verbs
    # (the sentence says «comenzaron el 28 de enero de 1887 y terminaron…») leaves the first verb without it.
    for m in re.finditer(r"\b([a-záéíóúñü]+)\s+(?:y|e)\s+(?:se\s+)?([a-záéíóúñü]+)\b", body):
        first, second = m.group(1), m.group(2)
        if (
            is_finite_verb(first)
            and is_finite_verb(second)
            and not re.search(rf"\b{re.escape(first)}(?:\s+(?:y|e)\s+|\s*,)", sentence)
        ):
            # (not «se rebeló y reunió» for the sentence's list «se rebeló, reunió un gran ejército y sitió…»)
            return "stranded_verb"
    return ""


def _verb_in(sentence: str, start: int, end: int) -> bool:
    """Return whether the sentence's parse finds a verb between two offsets (a verb the word rules miss: «forma»,
    «da»); without the model, say yes (no stem is reported on a guess)."""
    try:
        parse = nlp.parse(sentence)
    except Exception:  # noqa: BLE001 - the model missing or failing: the check does not report
        return True
    return any(start <= t.start < end and t.pos in {"VERB", "AUX"} for t in parse.tokens)


def _sex(name: str, people: dict) -> str:
    """Return «f» or «m» when the text (an article or a role before the name) or the first name tells a person's sex."""
    roles, said, _count = people.get(name, (set(), "", 0))
    if said and roles & _PERSON_ROLES:
        return said  # «la reina», «la pintora»: not the article of any noun before the name («de la costa, Pizarro»)
    first = name.split()[0] if name.split() else ""
    if first in FEMALE_FIRST_NAMES:
        return "f"  # the first word: «José María» opens with «José»
    if first in FIRST_NAMES and first not in FEMALE_FIRST_NAMES:
        return "m"
    return ""


_PERSON_ROLES = {role for roles in ROLE_CLASSES.values() for role in roles} | {
    "esposa", "hija", "madre", "hermana", "viuda", "abuela", "nieta", "sobrina", "prima", "dama", "doña",
}  # fmt: skip


def lone_sex_option(q: Question, ex: Extraction) -> bool:
    """Return True when a choice item on a person offers the only woman among men («Isabel de Castilla» among
    «Fernando de Aragón», «Juan II», «Enrique IV»), or the only man among women: the stem's «proclamada», «su
    esposa», «la reina» tells the answer (judged «regalada»). A woman is the lone one when no wrong option is a
    woman the text or a first name tells; a man only when every wrong option is a known woman (men are the usual
    wrong options of a history text, and a name of unknown sex is not taken for a woman)."""
    if q.kind not in CHOICE_KINDS or len(q.distractors) < 2:
        return False
    people = text_people(ex)
    right = {_sex(c, people) for c in q.correct}
    wrong = [_sex(d, people) for d in q.distractors]
    if right == {"f"}:
        return "f" not in wrong
    if right == {"m"}:
        return all(w == "f" for w in wrong)
    return False


def broken_marks(prompt: str) -> bool:
    """Return whether a prompt was cut inside quotes or brackets, or left stray punctuation where words went: an
    opening «, ( or " with no closing one (or a closing one with none opened: «…etiqueta: «_____ pinté sueños.»),
    empty marks («()», «« »»), a comma doubled or before a stop («…de Madrid, .»)."""
    body = re.sub(r"\s*\((?:Escriba|Escribe)[^)]*\)\s*$", "", prompt)
    depth = {"«": 0, "(": 0}
    for ch in body:
        if ch in "«(":
            depth[ch] += 1
        elif ch in "»)":
            opener = "«" if ch == "»" else "("
            if not depth[opener]:
                return True
            depth[opener] -= 1
    if any(depth.values()) or body.count('"') % 2 or body.count("“") != body.count("”"):
        return True
    return bool(re.search(r"\(\s*\)|«\s*»|,\s*,|,\s*[.?!]$|\s[,;:](?!\d)|[,;:]\s*\)", body))


def check_question(
    q: Question, facts: dict[str, Fact], ex: Extraction, *, title: str = "", disc: Discourse | None = None
) -> None:
    """Run every check on one item and set its checks, quality and status.

    `disc` (the document's sentences, names and title) lets the prompt's own parse be read for what it points
    to outside itself (pointing.py); without it only the lexical checks run.
    """
    results: dict[str, bool] = {}
    qfacts = [facts[k] for k in q.fact_keys if k in facts]
    prompt = q.prompt
    asks = q.kind in CHOICE_KINDS | {"short_answer", "numeric"}
    if asks:
        answers = list(q.correct) + list(q.accepted)
        results["no_answer_in_prompt"] = not any(contains(prompt, a) for a in answers) and not _short_year_said(
            prompt, q.correct
        )
        alias_ok, related_ok = True, True
        for f in qfacts:
            if f.subtype == "alias" or not f.group:
                continue
            for form in group_surface_forms(f.group, ex):
                if len(form) > 2 and contains(prompt, form):
                    alias_ok = False
            for rel in f.related:
                if contains(prompt, rel):
                    related_ok = False
        results["no_alias_in_prompt"] = alias_ok
        results["no_related_in_prompt"] = related_ok
        results["has_blank"] = BLANK in prompt or "wh" in q.notes
        temporal = [f for f in qfacts if is_temporal(f)]
        if temporal:
            # A date follows from a date and a duration; a duration from two dates.
            body = prompt.split(" (Escribe")[0].replace(BLANK, "9999")
            dates = [(a, b) for a, b in temporal_spans(body, ("date",)) if "9999" not in body[a:b]]
            durations = [(a, b) for a, b in computing_durations(temporal[0], body) if "9999" not in body[a:b]]
            if temporal[0].kind == "date":
                # «En la década de _____, … tras los hallazgos de Coolgardie, en 1892.»: a year of the stem names the
                # decade (judged «regalada»)
                decade = (temporal[0].value or {}).get("year") if decade_year(temporal[0]) else None
                inside = decade and any(decade <= int(y) < decade + 10 for y in re.findall(r"\b\d{4}\b", body))
                results["no_computable_date"] = not durations and not inside
            else:
                results["no_computable_date"] = not dates
    results["no_conversion_in_prompt"] = _CONVERSION.search(prompt) is None
    results["stem_length"] = len(prompt.split()) <= MAX_STEM_WORDS + 8
    results["well_formed"] = (
        bool(prompt)
        and (prompt.lstrip("¿")[:1].isupper() or prompt.startswith(BLANK))
        and (not prompt.startswith("¿") or prompt.rstrip().endswith("?"))
        and "  " not in prompt
        and not re.search(r"\b(?:de|a) (?:del|al|el)\b", prompt)
        and not broken_marks(prompt)
        # a question that runs on after a colon or semicolon was built from a clause it did not understand
        and not (
            prompt.startswith("¿")
            and re.search(
                r"[:;]|,\s*que\s+(?:se\s+)?\w+\?$|,\s+[a-záéíóúñ]{3,}(?:ó|aron|ieron)\b|,\s*es decir\?$", prompt
            )
        )
    )
    # «Nieto de los Reyes Católicos y del emperador Maximiliano I. Nació en _____…»: two sentences in one stem.
    results["one_sentence"] = not two_sentences(prompt)
    if prompt.startswith("¿"):
        # «¿Dónde tiene la ONU 193 Estados miembros y su sede principal se encuentra?»: the question was asked of one
        # clause and ends on the verb of another, with a subject of its own.
        results["question_one_clause"] = not question_ends_in_other_clause(prompt)
    if qfacts and q.kind != "ordering":
        results["whole_stem"] = not stem_break(prompt, qfacts[0].sentence, ex.mention_words())
        if not any(f.members for f in qfacts):
            # «un enfrentamiento entre _____.» for «entre A y B»: a pair cut to one member (enunciado roto, ambiguo).
            results["whole_pair"] = not pair_cut(prompt, qfacts[0].sentence, list(q.correct))
    # «La Restauración Kanto (en japonés: Kanto Ishin)…», an answer in Greek letters: another language's name.
    results["no_foreign_aside"] = not foreign_aside(" ".join([prompt, *q.correct]))
    if q.kind == "single_choice":
        results["enough_distractors"] = len(q.distractors) >= 3
    if q.kind == "multiple_choice":
        results["enough_distractors"] = len(q.distractors) >= 2
    if q.kind in CHOICE_KINDS:
        folded = [fold(d) for d in q.distractors]
        right = {fold(c) for c in q.correct}
        results["distractors_distinct"] = len(set(folded)) == len(folded) and not (set(folded) & right)
        own: set[str] = set()
        for f in qfacts:
            if f.group:
                own |= group_surface_forms(f.group, ex)
        results["distractors_not_aliases"] = not any(
            fold(re.sub(r"^(?:el|la|los|las)\s+", "", d)) in own for d in q.distractors
        )
        named = [f for f in qfacts if f.kind in NAME_KINDS]
        if named:
            # Every wrong option the text names is of the answer's kind (a sea or a motto is no person).
            kinds = _mention_kinds(ex)
            want = {f.kind for f in named}
            results["distractors_same_type"] = all(
                kinds.get(fold(re.sub(r"^(?:el|la|los|las)\s+", "", d)), want) & want for d in q.distractors
            )
        if any(f.kind == "person" for f in named):
            results["not_lone_sex_option"] = not lone_sex_option(q, ex)
        # A wrong option the prompt already names («… la batalla de Balaclava …» with «Balaclava» offered), or a person
        # whose surname it names («Pizarro coronó a _____» with «Gonzalo Pizarro»), is ruled out by reading.
        results["distractors_not_in_prompt"] = not any(
            option_in_prompt(prompt, d, person=any(f.kind == "person" for f in named)) for d in q.distractors
        )
    results["date_certain"] = not any((f.value or {}).get("uncertain") for f in qfacts if f.kind == "date")
    untyped = any(f.subtype in {"locality", "name"} for f in qfacts)
    if q.kind in CHOICE_KINDS and (untyped or "distractors:gazetteer" in q.notes):
        # Untyped places may be part of one another (a town in a region), and a gazetteer city may be
        # right in the world too: a teacher decides.
        results["distractors_reviewed"] = False
    if "swap:entity" in q.notes:
        # An entity swap may be true in the world (GENERATION.md pitfall 20): a teacher decides.
        results["swap_reviewed"] = False
    # The prompt stands alone: no connector, pronoun or missing subject it could not repair.
    results["stands_alone"] = not any(n.startswith("standalone:") for n in q.notes)
    if q.kind == "true_false":
        results["tf_paraphrased"] = "tf:verbatim" not in q.notes
        if q.correct == ["Verdadero"] and qfacts:
            # A true statement is published only when restated: a run of the sentence's own words is a copy.
            results["tf_rephrased"] = not copied_statement(prompt, qfacts[0].sentence)
        if q.correct == ["Verdadero"]:
            # «…se convirtió en el símbolo más conocido de…»: guessed true
            results["tf_not_evaluative"] = not evaluative(prompt)
            # «la historia del valle está ligada a las rutas comerciales…», «el deterioro … fue consecuencia del paso
            # de caballos»: a true statement with no date or figure in it is guessed true or arguable (dev verdicts:
            # U 28 of 68 without one, U 20 of 35 with a year)
            results["tf_anchored"] = bool(re.search(r"\d", prompt))
        # «la conquista del Perú fue el proceso…»: the title's own definition, known before reading; false, it gives
        # the title another thing's class («la fiebre amarilla es un mosquito»: judged absurd, answered unread)
        results["tf_not_title_definition"] = not restates_title(prompt, title)
        if q.correct == ["Falso"] and "relation:definition" in q.notes and ex is not None:
            # «la escritura maya es una de las grandes culturas de Mesoamérica»: the title's own definition given to
            # another thing is as absurd (judged «un juego de palabras»)
            given = next((m for m in map(_SWAPPED_IN.match, q.notes) if m), None)
            if given and any(given.group(1) in f.sentence and restates_title(f.sentence, title) for f in ex.facts):
                results["tf_not_title_definition"] = False
    if q.kind == "short_answer":
        # «difundió por _____ los principios…» → «Europa»; «la división de _____» → the text's own country.
        results["not_broad_answer"] = not any(broad_answer(f, ex) for f in qfacts)
    if asks:
        results["not_guessable_from_title"] = not any(guessable_from_title(f, title, ex) for f in qfacts)
        years = [a for a in [*q.correct, *q.accepted] if re.fullmatch(r"\d{3,4}", a)]
        # a year the title says («Crisis del petróleo de 1973»), asked or accepted, also as the year of a day's date
        # («¿En qué año atacaron…?» → 1973): the one place this is decided, for every kind of date
        if (
            title
            and any(f.kind == "date" for f in qfacts)
            and any(re.search(rf"(?<!\d){y}(?!\d)", title) for y in years)
        ):
            results["not_guessable_from_title"] = False
    if q.kind == "short_answer":
        results["typable_answer"] = all(typable(f) for f in qfacts)
    if q.kind != "ordering":
        # A published item is read alone: nothing in it may point to a sentence the student cannot see.
        problem = outside_reference(prompt)
        results["no_outside_reference"] = not problem
    named = [f for f in qfacts if f.kind in NAME_KINDS]
    if asks and named:
        # A person's other accepted names count too: «Durante el Porfiriato, _____ gobernó…» for «Díaz», accepted
        # as «Porfirio Díaz».
        roots = list(q.correct) + (list(q.accepted) if any(f.kind == "person" for f in named) else [])
        results["no_answer_root_in_prompt"] = not any(answer_root_in_prompt(prompt, a) for a in roots)
        if q.kind != "multiple_choice" and not any(f.members for f in named):
            # One member of a list asked alone is trivia, and its neighbours half give it away.
            results["not_list_member"] = not list_member(prompt)
    if asks and BLANK in prompt and _ADJECTIVES_AFTER_BLANK.search(prompt) and any(_ends_lower(a) for a in q.correct):
        # «los _____, persas e indios» → «mercaderes árabes»: the blank takes the noun with the first of a list of
        # adjectives; a student writes «árabes», and asks one of three
        results["not_list_member"] = False
    if asks and BLANK in prompt and not any(f.members for f in qfacts) and _COMMON_LIST_AROUND_BLANK.search(prompt):
        # «un palacio real, una _____, un panteón, una biblioteca…», «el resfriado común, la _____, la neumonía…»:
        # one of a list of things, any other of its kind fits as well
        results["not_list_member"] = False
    if q.kind in CHOICE_KINDS | {"numeric"}:
        # «casi _____ año»: the singular gives the answer away (and one is rarely worth asking).
        results["not_one"] = not any(
            f.kind == "number" and (f.value or {}).get("number") == 1 and not (f.value or {}).get("scale")
            for f in qfacts
        )
    if q.kind in {"numeric", "short_answer"} and any(f.kind == "number" for f in qfacts):
        # «fueron _____ conflictos», «en _____ fases, a las que … añaden una quinta», «duró _____ días»: a small count
        # is guessed or given away by the sentence, and rarely worth asking (dev verdicts of typed counts up to ten:
        # U 5 · E 2 · R 19; above ten: U 8 · E 1 · R 9). A true/false statement of one stays: held too, it took 6 U
        # with 4 R.
        results["not_small_count"] = not any(f.kind == "number" and _small_count(f.value or {}) for f in qfacts)
    if asks and any(f.kind == "date" for f in qfacts):
        # «En _____ se conmemoró el octavo centenario de su otorgamiento», «¿En qué año celebró el Prado su
        # bicentenario?»: an anniversary's year is the founding year plus a round number, and a side event (dev
        # verdicts of such years: R 4 · E 3 · U 1)
        results["not_anniversary"] = not _ANNIVERSARY.search(prompt)
    if asks and BLANK in prompt and any(f.kind in {"date", "number"} for f in qfacts):
        # One end of a range given beside the other is guessed, not known (the whole range may be asked).
        results["not_range_end"] = _RANGE_END.search(prompt) is None
    if asks and any(f.kind == "number" for f in qfacts):
        # «_____ de dióxido de carbono y seis de agua producen… seis de oxígeno»: the number said again beside it.
        results["number_not_repeated"] = not any(
            number_repeated(prompt, f.answer) for f in qfacts if f.kind == "number"
        )
    if asks and any(f.kind == "number" for f in qfacts):
        # «unos 8 minutos y _____ segundos»: the blank is the smaller unit of one figure, not a quantity of its own.
        results["whole_figure"] = _FIGURE_PART.search(prompt) is None
    if asks and any(f.kind == "number" for f in qfacts):
        # «en _____ frentes: Angola, Guinea-Bisáu y Mozambique»: the list after the blank counts itself.
        results["count_not_listed"] = not any(
            counted_list(prompt, (f.value or {}).get("number")) for f in qfacts if f.kind == "number"
        )
    if asks and any(f.kind == "person" for f in qfacts):
        # «_____ asistió a las clases…» → «María»: a first name alone is not who the person is.
        results["full_name_answer"] = not any(
            f.kind == "person" and " " not in f.answer.strip() and f.answer.strip() in FIRST_NAMES for f in qfacts
        )
    if asks:
        results["answer_not_function_word"] = not any(fold(c) in _FUNCTION_WORDS for c in q.correct)
        if BLANK in prompt:
            results["blank_not_in_name"] = not any(name_split(prompt, c) for c in q.correct)
    if BLANK in prompt:
        # «(Varsovia, 1867-Passy, _____)»: an aside in brackets is not what the sentence says.
        before = prompt.split(BLANK)[0]
        results["blank_outside_brackets"] = before.count("(") <= before.count(")")
    if q.kind == "true_false":
        results["tf_plausible"] = not range_inverted(prompt) and not part_exceeds_whole(prompt)
        results["tf_count_not_listed"] = not any(counted_before_colon(f.sentence) for f in qfacts)
        if q.correct == ["Falso"]:
            results["tf_false_range"] = not any(range_widened(prompt, f) for f in qfacts)
            # «Wangari Maathai (Ihithe, 1 de abril de 1940-Nairobi, 8 de octubre de 2004) fue una bióloga…» made false
            # in the parenthesis: a life's dates said in passing, the rest a copy (judged «verdadero/falso, trivial»)
            said = next((m.group(1) for n in q.notes if (m := _SWAPPED_IN.search(n))), "")
            at = prompt.find(said) if said else -1
            if at >= 0 and prompt.count("(", 0, at) > prompt.count(")", 0, at):
                results["tf_plausible"] = False
            results["tf_false_not_contradicted"] = not any(year_contradicted(prompt, f) for f in qfacts)
    if any(n.startswith("relation:") for n in q.notes) and q.kind == "true_false":
        # «una gran insurrección nacionalista fue consecuencia del dominio francés»: an effect said with an
        # indefinite is no event a student can place (judged R 3 of 4; «la segunda guerra púnica fue…» U).
        # (with a date or a name it is placed: «una gran hambruna … fue consecuencia de la sequía de 1315»)
        # (the effect's own words: «una grave crisis fue consecuencia del asesinato del diputado Giacomo Matteotti» is
        # no more placed for the name of its cause, R)
        indefinite = _INDEFINITE_STATEMENT.match(prompt)
        cause_at = re.search(r"\s(?:fue|fueron)\s+consecuencia\s", prompt)
        effect = prompt[indefinite.end() : cause_at.start() if cause_at else len(prompt)] if indefinite else ""
        results["specific_relation"] = not (indefinite and not re.search(r"\d|\s[A-ZÁÉÍÓÚÑ]", effect))
    if any(n.startswith("relation:") for n in q.notes) and q.kind != "true_false":
        # «¿Qué causó…?» — «el ataque»; «¿Qué es la cumbre más alta?»: too vague to have one answer.
        results["specific_relation"] = not (
            any(_VAGUE_ANSWER.match(c) for c in q.correct) or _VAGUE_DEFINITION.match(prompt)
        )
    q.checks_passed = sorted(k for k, ok in results.items() if ok)
    q.checks_failed = sorted(k for k, ok in results.items() if not ok)
    _score(q)
    if disc is not None:
        check_pointing(q, facts, disc)


def _score(q: Question) -> None:
    penalty = sum(WEIGHTS.get(k, 0.2) for k in q.checks_failed)
    q.quality = round(max(0.0, 1.0 - penalty), 2)
    q.status = "published" if not q.checks_failed else "draft"


def pointing_input(q: Question, facts: dict[str, Fact]) -> tuple[str, str, int] | None:
    """Return (prompt, answer, sentence index) for the prompt's own parse, or None when the item is not read by it.

    Only an item nothing else holds is read (a parse per prompt is the dearest check), and never an ordering item.
    """
    qfacts = [facts[k] for k in q.fact_keys if k in facts]
    if not qfacts or q.kind == "ordering" or q.checks_failed:
        return None
    asks = q.kind in CHOICE_KINDS | {"short_answer", "numeric"}
    return q.prompt, (q.correct[0] if asks and q.correct else ""), qfacts[0].sentence_index


def _label_problem(q: Question, facts: dict[str, Fact], disc: Discourse) -> str:
    """Return why one of an ordering item's labels points outside it, or ""."""
    sentences = sorted({facts[k].sentence_index for k in q.fact_keys if k in facts})
    for label in q.correct:
        words = set(fold(label).split())
        # The label's sentence: the one of the item's facts that shares most words with it.
        index = max(
            sentences,
            key=lambda i: (
                len(words & set(fold(disc.sentences[i].text).split())) if 0 <= i < len(disc.sentences) else -1
            ),
            default=-1,
        )
        problem = phrase_pointing_back(label, None, index, disc)
        if problem:
            return problem
    return ""


def check_pointing(q: Question, facts: dict[str, Fact], disc: Discourse) -> None:
    """Hold an item whose prompt's own parse finds a reference outside it or a broken cut (pointing.py).

    An ordering item is held when one of its labels points back («El nuevo régimen convocó elecciones libres.»):
    each label is read by its words, against its own sentence (`pointing.phrase_pointing_back`).
    """
    if q.kind == "ordering":
        problem = "" if q.checks_failed else _label_problem(q, facts, disc)
    else:
        said = pointing_input(q, facts)
        if said is None:
            return
        problem = prompt_problem(*said, disc)
    if not problem:
        return
    q.notes.append(f"pointing:{problem}")
    q.checks_passed = [k for k in q.checks_passed if k != "no_outside_reference"]
    q.checks_failed = sorted({*q.checks_failed, "no_outside_reference"})
    _score(q)
