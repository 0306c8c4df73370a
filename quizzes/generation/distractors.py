"""Wrong options: same sub-type, really wrong, never an alias, never a near-duplicate."""

from __future__ import annotations

import bisect
import calendar
import itertools
import random
import re
from functools import cache

from .facts import Extraction, group_surface_forms
from .lexicon import (
    CITY_REGIONS,
    FEMALE_FIRST_NAMES,
    FIRST_NAMES,
    HISTORIC_REGIONS,
    LANDLOCKED,
    MICROSTATES,
    MONTH_NAMES,
    NOT_STATES,
    ROLE_CLASSES,
    TIME_UNITS,
    UNITS_WORDS,
    alias_forms_by_group,
    alias_table,
    article_for,
    common_aliases,
    fold,
    historic_parts,
    region_of,
    related_groups,
    state_existed,
)
from .model import Fact, stable_key
from .standalone import OPENING_LIFE, name_features, verbish


def _text_year(ex: Extraction) -> int | None:
    """Return the median year of the text's dates (its age), None when it gives none."""
    if "year" not in ex._pools:
        dated = [f.value or {} for f in ex.facts if f.kind == "date"]
        found = sorted(v["year"] for v in dated if v.get("year"))
        ex._pools["year"] = found[len(found) // 2] if found else None
    return ex._pools["year"]


def _region_pool(fact: Fact, ex: Extraction, subtype: str) -> list[str]:
    """Return the gazetteer's countries or cities of the answer's region, in an order fixed by the fact."""
    regions = region_of()
    names = fact.members or [fact.answer]  # an enumeration: the regions of its members
    roots = [ex.groups.root(n) for n in names] + ([ex.groups.root(fact.group)] if fact.group else [])
    wanted = {regions[n] for n in names + roots if n in regions}
    if not wanted:
        return []
    cities = {c for listed in CITY_REGIONS.values() for c in listed.split("|")}
    historic = any(n in HISTORIC_REGIONS for n in names + roots)
    parts = set().union(*(historic_parts().get(n, set()) for n in names + roots))
    era = _text_year(ex)
    pool = []
    for name, r in regions.items():
        if name in parts:
            continue  # "Ucrania" for "la Unión Soviética": it was part of it
        if not state_existed(name, era):
            continue  # "Eslovenia" in a text on 1939, "Albania" in 1856
        if name in MICROSTATES:
            continue  # «Mónaco», «Liechtenstein»: no plausible actor
        if r not in wanted or (name in cities) != (subtype == "city"):
            continue
        if name in HISTORIC_REGIONS and not historic:
            continue  # "Imperio ruso" is no wrong option for a modern state
        pool.append(name)
    return sorted(pool, key=lambda name: stable_key(slot(fact), name))


# Wrong options are drawn from up to SPARE times as many candidates as needed, in an order fixed by the item
# (its kind, answer and sentence number, not its wording), so the same name is not the wrong option of every item
# and the choice never depends on other items: rewording one sentence changes only its own items. Names from the
# text alone must number at least MIN_POOL_FACTOR * n, or each of a handful would be the wrong option of every item.
SPARE = 3
MIN_POOL_FACTOR = 2


def slot(fact: Fact) -> str:
    """Return a key for the fact that survives a rewording of its sentence (kind, answer, sentence number)."""
    return stable_key(fact.kind, fact.subtype, fact.answer, str(fact.sentence_index))


def spread(fact: Fact, candidates: list, n: int, name=str) -> list:
    """Return n of the candidates in an order fixed by the item (a per-item shuffle)."""
    return sorted(candidates, key=lambda c: stable_key(slot(fact), "option", name(c)))[:n]


def with_article(name: str, article: str) -> str:
    """Return the option as it reads in the blank: "el Reino Unido", "Noruega"."""
    return f"{article} {name}" if article else name


def _rng(*parts: str) -> random.Random:
    return random.Random(stable_key(*parts))


@cache
def _gaz_forms(name: str) -> frozenset[str]:
    group = alias_table().get(fold(name), name)
    return frozenset(alias_forms_by_group().get(group, set()))


def _mentions_by_text(ex: Extraction) -> dict[str, list]:
    cached = ex._pools.get("by_text")
    if cached is None:
        cached = {}
        for index in sorted(ex.mentions):
            for m in ex.mentions[index]:
                cached.setdefault(m.text, []).append(m)
        ex._pools["by_text"] = cached
    return cached


def _doc_pool(ex: Extraction, kind: str, subtype: str) -> list[tuple[str, str]]:
    """Return the text's names of one kind and sub-type, once each, in a stable shuffled order."""
    key = (kind, subtype)
    if key not in ex._pools:
        pool: dict[str, str] = {}
        for index in sorted(ex.mentions):
            for m in ex.mentions[index]:
                if m.kind == kind and m.subtype == subtype and m.text not in pool:
                    article = m.article if m.article in {"el", "la", "los", "las"} and not m.blank_prefix else ""
                    pool[m.text] = "el" if m.blank_prefix else article
        ex._pools[key] = sorted(pool.items(), key=lambda item: stable_key(item[0]))
    return ex._pools[key]


def _takes_e(word: str) -> bool:
    """Return whether "y" becomes "e" before this word (Italia, Hispania; not hierro)."""
    low = word.lower()
    return low.startswith(("i", "hi", "í", "hí")) and not low.startswith(("hie", "hia", "hio", "hiu"))


def conjunction_agrees(conj: str, option: str) -> bool:
    """Return whether an option reads right after the stem's "y"/"e"/"o"/"u" before the blank."""
    if conj in {"y", "e"}:
        return (conj == "e") == _takes_e(option)
    if conj in {"o", "u"}:
        return (conj == "u") == option.lower().startswith(("o", "ho", "ó"))
    return True


# «la infanta _____», «el químico estadounidense _____», «cuyo presidente, _____»: the role the stem gives the blank.
# «del general _____», «al papa _____» too; a demonym before «del» («las tropas francesas del general _____») or after
# the role («el general francés _____») is the nationality the stem gives the blank.
_ROLE_BEFORE = re.compile(
    r"(?:^|\s)(?:(?P<pre>[a-záéíóúñü]{4,})\s+(?=del\s|de\s+la\s|al\s))?"
    r"(?P<art>[Ee]l|[Ll]a|[Ll]os|[Ll]as|[Ss]u|[Ss]us|[Cc]uyo|[Cc]uya|[Dd]el|[Dd]e\s+la|[Aa]l)\s+"
    r"(?P<role>[a-záéíóúñü]{3,})(?:\s+(?P<adj>[a-záéíóúñü]{3,}))?\s*,?\s*_____"
)
_NOT_ROLES = {"que", "cual", "quien", "como", "según", "entre", "hasta", "desde", "durante", "tras", "ante"}


# A stem about the sea: a country without a coast is no fair option («_____ había explorado la costa de África»).
_SEAFARING = re.compile(
    r"\b(?:costas?|mar|mares|marítim[oa]s?|naveg\w*|océanos?|flotas?|armadas?|escuadras?|puertos?|naval(?:es)?|"
    r"barcos?|naves|carabelas?|galeones|buques?|travesía|ultramar|desembarc\w*|expedici[oó]n(?:es)? naval\w*)\b",
    re.IGNORECASE,
)


def _role(text: str, end: int) -> tuple[str, str]:
    """Return the role noun said right before a person and the sex its article tells («la infanta» -> f)."""
    role, sex, _nation = _role_nation(text, end)
    return role, sex


def _nation(word: str | None) -> str:
    """Return the country a demonym names («francesas» -> Francia), "" for another word."""
    if not word:
        return ""
    group = alias_table().get(fold(word), "")
    return group if group and fold(word) != fold(group) and not word[:1].isupper() else ""


def _role_nation(text: str, end: int) -> tuple[str, str, str]:
    """Return the role noun said right before a person, the sex its article tells and the nationality a demonym
    beside the role gives («las tropas francesas del general» -> general, m, Francia)."""
    m = _ROLE_BEFORE.search(text[:end].rstrip() + " _____")
    if not m or m.group("role") in _NOT_ROLES:
        return "", "", ""
    art, role = " ".join(m.group("art").lower().split()), m.group("role")
    if art in {"su", "sus", "cuyo", "cuya"}:
        role = ""  # «su hermano», «su esposa»: a tie to another person, no kind of person (its sex still counts)
    nation = _nation(m.group("adj")) or _nation(m.group("pre"))
    sex = "f" if art in {"la", "las", "cuya", "de la"} else "m" if art in {"el", "los", "cuyo", "del", "al"} else ""
    if not sex and role.endswith(("a", "as")) and not role.endswith(("ista", "istas", "ta")):
        sex = "f"
    return role, sex, nation


def text_people(ex: Extraction) -> dict[str, tuple[set[str], str, int]]:
    """Return each person of the text with the roles the text gives it, its sex when an article tells, its mentions."""
    cached = ex._pools.get("people")
    if cached is None:
        cached = {}
        for f in ex.facts:
            if f.kind != "person":
                continue
            roles, sex, count = cached.get(f.answer, (set(), "", 0))
            role, said, nation = _role_nation(f.sentence, f.local_start)
            if role:
                roles = roles | {role} | ({f"{role}@{nation}"} if nation else set())
            cached[f.answer] = (roles, sex or said, count + 1)
        for name, (roles, sex, count) in cached.items():
            first = name.split()[0]
            if not sex and first in FEMALE_FIRST_NAMES:
                cached[name] = (roles, "f", count)
            elif not sex and first in FIRST_NAMES and not first.endswith("a"):
                cached[name] = (roles, "m", count)
        ex._pools["people"] = cached
    return cached


# A person dated more than a century from the item's own date is of another age: no fair wrong option.
AGE_GAP = 100

_CLASS_OF_ROLE = {role: cls for cls, roles in ROLE_CLASSES.items() for role in roles}
# A phrase that makes the person after it a commander: «el ejército de _____», «al mando del general _____».
_COMMANDED = re.compile(
    r"\b(?:(?:ejércitos?|tropas|fuerzas|flota|escuadra|huestes)\s+de|al\s+mando\s+(?:de|del)|"
    r"a\s+las\s+órdenes\s+(?:de|del)|(?:mandad|comandad|dirigid)[oa]s?\s+por)\s+(?:(?:el|los)\s+)?"
    r"(?:[a-záéíóúñü]+\s+)?_____",
    re.IGNORECASE,
)


_PARTICLE_AFTER = re.compile(r"\s+(?:von|van|der|de|del|da|di|du|le)\s+[A-ZÁÉÍÓÚÑ]")


def _cut_name(name: str, ex: Extraction) -> bool:
    """Return whether the text's name goes on past what the extractor took («Friedrich Wilhelm» of «Friedrich Wilhelm
    von Steuben»): offered as an option, it is nobody's name."""
    cut = ex._pools.get("cut_names")
    if cut is None:
        cut = {f.answer for f in ex.facts if f.kind == "person" and _PARTICLE_AFTER.match(f.sentence[f.local_end :])}
        ex._pools["cut_names"] = cut
    return name in cut


# A verb of making a device after a person («John Kay inventó…», «Newcomen había construido…», «Watt la
# perfeccionó»): the person is an inventor, of the «science» class, though the text gives no role noun.
_INVENTED = re.compile(
    r"^\s*(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]*\s+)*?(?:había\s+|habían\s+|ya\s+)?(?:l[oa]s?\s+)?"
    r"(?:inventó|inventaron|patentó|patentaron|diseñó|diseñaron|ideó|perfeccionó|perfeccionaron|fabricó|construyó"
    r"|construido|creó|crearon)\b"
)


def _invents(text: str, end: int) -> bool:
    """Return whether the words after a person (from `end`) say he made a device («_____ inventó la lanzadera»)."""
    return bool(_INVENTED.match(text[end:]))


# A verb after the blank that makes the person a commander («_____, que mandaba desde el Victory», «_____ comandó la
# flota») or the author of a work («_____ publicó el folleto», «_____, que escribió…», «_____ pintó…»).
_COMMANDING_AFTER = re.compile(
    r"^\s*(?:,\s*que\s+)?(?:ya\s+)?(?:mandaba|mandó|comandaba|comandó|capitaneó|capitaneaba|acaudilló)\b"
)
_AUTHORED_AFTER = re.compile(
    r"^\s*(?:,\s*que\s+)?(?:ya\s+)?(?:publicó|publicaba|escribió|escribía|redactó|compuso|pintó|esculpió|"
    r"(?:le\s+|les\s+)?dedicó\s+(?:en\s+\d{3,4}\s+)?(?:la|el|una|un|su)\s+(?:novela|obra|poema|libro|ensayo|cuadro))\b"
)
# The classes of people a stem's act allows among the wrong options: a commander may be a general, a ruler or a
# statesman, never a painter or a chemist; an author, never a general or a king («Charles Cornwallis» did not write
# «Sentido común»); an inventor, a person of science. A person the text gives no role stays.
STEM_CLASSES = {
    "military": {"military", "ruler", "politics"},
    "arts": {"arts", "politics", "science", "church"},
    "science": {"science"},
}


def stem_class(stem: str) -> str:
    """Return the class of person the stem's act makes the blank («military», «arts», «science»), "" for none."""
    if "_____" not in stem:
        return ""
    at = stem.find("_____")
    after = stem[at + len("_____") :]
    if _commands(stem, at) or _COMMANDING_AFTER.match(after):
        return "military"
    if _AUTHORED_AFTER.match(after):
        return "arts"
    if _invents(stem, at + len("_____")):
        return "science"
    return ""


# What agrees with the blank: an apposition or a predicate in -o/-a after it («_____, aliada de Francia,», «_____ fue
# ocupada»), a verb whose number is the blank's («_____ declararon la guerra»), «todo» before it («toda _____»).
# General Spanish.
_AGREEING_WORD = re.compile(r"(?:ad|id|ic|iv|os|an|in|ari|ori|ent|ct|ert|uest|rit|ist)(o|a|os|as)$")
_APPOSITION_AFTER = re.compile(r"^\s*,\s+(?P<word>[a-záéíóúñü]+)\b")
_COPULA_AFTER = re.compile(
    r"^\s+(?:(?:ya|no|también)\s+)?(?:es|era|fue|son|eran|fueron|quedó|quedaron|resultó|resultaron|estaba|estaban|"
    r"(?:había|habían|ha|han)\s+sido)\s+(?P<word>[a-záéíóúñü]+)\b"
)
_VERB_AFTER = re.compile(r"^\s+(?:(?:se|no|ya|lo|la|los|las|le|les|también|nunca)\s+)*(?P<verb>[a-záéíóúñü]+)\b")


def blank_agreement(stem: str) -> tuple[str, bool | None]:
    """Return the gender («m», «f» or "") and number (None when unsure) the words around the blank require of it."""
    if "_____" not in stem:
        return "", None
    series = re.search(r"\b(?:y|e|ni|o|u)\s+_____|,\s+_____\s*,\s+(?:[A-ZÁÉÍÓÚÑ]|(?:el|la|los|las)\s)", stem)
    if series or re.match(r"\s+(?:y|e|ni|o|u)\s", stem.split("_____", 1)[1]):
        return "", None  # «Francia y _____ declararon…»: the words after agree with the whole series
    before = re.search(r"(?:^|\s)(?P<word>[Tt]od[oa]s?)\s+_____", stem)
    if before:
        word = before.group("word").lower()  # «toda _____ quedó sometida»: not «toda el Ilírico»
        return ("f" if word.startswith("toda") else "m"), word.endswith("s")
    if re.search(r"\b(?:de|del|a|al|en|con|por|para|entre|sobre|contra)\s+_____", stem, re.IGNORECASE):
        return "", None  # «Las fotografías de _____, tomadas…»: the words after agree with the phrase the blank ends
    after = stem[stem.find("_____") + len("_____") :]
    for pattern in (_APPOSITION_AFTER, _COPULA_AFTER):
        m = pattern.match(after)
        form = _AGREEING_WORD.search(m.group("word")) if m else None
        if form and not verbish(m.group("word")):
            return ("f" if form.group(1).startswith("a") else "m"), form.group(1).endswith("s")
    m = _VERB_AFTER.match(after)
    if m and verbish(m.group("verb")) and m.group("verb") not in {"que", "cual"}:
        return "", m.group("verb").endswith("n")
    return "", None


def agrees_with_blank(option: str, required: tuple[str, bool | None]) -> bool:
    """Return whether an option (with its article) may fill a blank whose words after require `required`: an option
    whose gender or number the grammar around the blank contradicts points away from itself."""
    gender, plural = required
    if not gender and plural is None:
        return True
    features = name_features(option)
    if features is None:
        return True
    if gender and features[0] != gender:
        return False
    return plural is None or features[1] == plural


def _commands(text: str, end: int) -> bool:
    """Return whether the words before a person (at `end`) make him a commander («las tropas de X»)."""
    return bool(_COMMANDED.search(text[:end].rstrip() + " _____"))


def _person_classes(name: str, ex: Extraction) -> set[str]:
    """Return the classes of the roles the text gives a person (under any of its names), «military» too when the
    text says it commanded troops («el ejército de Washington», «al mando de Narváez»)."""
    cached = ex._pools.setdefault("person_classes", {})
    if name not in cached:
        found = {_CLASS_OF_ROLE[r] for r in _kinds(name, ex) if r in _CLASS_OF_ROLE}
        commanders = ex._pools.get("commanders")
        if commanders is None:
            commanders = {f.answer for f in ex.facts if f.kind == "person" and _commands(f.sentence, f.local_start)}
            ex._pools["commanders"] = commanders
        ids = _identities(ex)
        names = {n for n, k in ids.items() if k == ids.get(name, name)} | {name}
        if names & commanders:
            found.add("military")
        inventors = ex._pools.get("inventors")
        if inventors is None:
            inventors = {f.answer for f in ex.facts if f.kind == "person" and _invents(f.sentence, f.local_end)}
            ex._pools["inventors"] = inventors
        if names & inventors and not found:
            found.add("science")  # an inventor the text gives no role: a statesman may have invented nothing
        authors = ex._pools.get("authors")
        if authors is None:
            authors = {
                f.answer for f in ex.facts if f.kind == "person" and _AUTHORED_AFTER.match(f.sentence[f.local_end :])
            }
            ex._pools["authors"] = authors
        if names & authors and not found:
            found.add("arts")  # «Galdós le dedicó la novela…»: an author, no commander
        cached[name] = found
    return cached[name]


def _sentence_years(ex: Extraction) -> dict[int, int]:
    """Return each sentence's first year among the text's dates (not «2000 soldados»), by sentence index."""
    if "sentence_years" not in ex._pools:
        years: dict[int, int] = {}
        for f in sorted(ex.facts, key=lambda f: (f.sentence_index, f.local_start)):
            year = (f.value or {}).get("year") if f.kind == "date" else None
            if year is not None:
                years.setdefault(f.sentence_index, year)
        ex._pools["sentence_years"] = years
    return ex._pools["sentence_years"]


def _person_year(name: str, ex: Extraction) -> int | None:
    """Return the median year of the sentences that name a person, None when none is dated."""
    key = ("person_years",)
    if key not in ex._pools:
        by_sentence = _sentence_years(ex)
        years: dict[str, list[int]] = {}
        for f in ex.facts:
            if f.kind == "person" and f.sentence_index in by_sentence:
                years.setdefault(f.answer, []).append(by_sentence[f.sentence_index])
        ex._pools[key] = {n: sorted(ys)[len(ys) // 2] for n, ys in years.items()}
    return ex._pools[key].get(name)


# Roles that make a person a character of a work the text is about, not a person of history.
CHARACTER_ROLES = {"protagonista", "personaje", "narrador", "narradora", "antagonista", "héroe", "heroína"}


def _character(name: str, ex: Extraction) -> bool:
    """Return whether the text calls a person a character («El protagonista, Lázaro de Tormes,…»), or names it by
    the first name of one («Lázaro»)."""
    key = ("characters",)
    if key not in ex._pools:
        people = text_people(ex)
        ex._pools[key] = {n for n, (roles, _sex, _count) in people.items() if roles & CHARACTER_ROLES}
    characters = ex._pools[key]
    return name in characters or any(c.split()[0] == name for c in characters)


def _said_of_a_person(name: str, ex: Extraction) -> bool:
    """Return whether a name the text gives a thing is a person's: the end of a person's name of the text («José de
    San Martín»), or a first name of the lexicon followed by another capitalised word the gazetteer does not know
    («Friedrich Wilhelm»)."""
    if name in region_of():
        # «Austria» of «Carlos de Austria» is a country the gazetteer places; «Washington» of «George Washington»
        # (a first name before it, no «de») is the person wherever the text says it bare.
        return any(
            len(p.split()) > 1 and p.split()[-1] == name and p.split()[-2][:1].isupper() for p in text_people(ex)
        )
    words = name.split()
    first_name = words[0] in FIRST_NAMES | FEMALE_FIRST_NAMES
    if len(words) >= 2 and first_name and words[1][:1].isupper() and not alias_table().get(fold(name)):
        return True
    people = text_people(ex)  # (the text's own «José de San Martín» outweighs the gazetteer's island)
    return name not in people and any(p.endswith(" " + name) and len(p.split()) > len(words) for p in people)


def _person_fits(name: str, ex: Extraction) -> bool:
    """Return whether a person is a fair wrong option: a whole name, not «Bronisława» or «Palacios» said once."""
    _roles, _sex, count = text_people(ex).get(name, (set(), "", 0))
    # A bare first name or surname said once is no option.
    return not (len(name.split()) == 1 and count < 2 and len(_mentions_by_text(ex).get(name, [])) < 2)


def entity_distractors(fact: Fact, ex: Extraction, stem: str, n: int = 3, spare: int = 0) -> tuple[list[str], bool]:
    """Return up to n wrong entities of the fact's kind and sub-type, each with its article (and up to `spare`
    more after them, the same kind of option, for publication to swap in: see `reoption`).

    The flag tells whether a city came from the general gazetteer rather than from the text: such
    a city may be right in the world (the event did happen there too), so a teacher reviews it.
    """
    own = set(group_surface_forms(fact.group or fact.answer, ex))
    own |= {fold(alias) for alias in common_aliases(fact.answer)}  # «Gran Guerra» is no option against «Primera…»
    by_text = _mentions_by_text(ex)
    for member in fact.members:
        own.add(fold(member))
        for m in by_text.get(member, [])[:1]:
            own |= group_surface_forms(m.group, ex)
    member_roots = {ex.groups.root(m) for m in fact.members}
    related = set()
    for g in {fact.group, *fact.members}:
        related |= {fold(r) for r in related_groups().get(ex.groups.root(g) if g else "", set())}
    topic_forms = set(group_surface_forms(ex.topic, ex)) if ex.topic else set()
    # "Guerra Civil Española": Spain is the setting, never a wrong answer.
    for word in re.findall(r"\w+", ex.topic):
        home = alias_table().get(fold(word))
        if home:
            topic_forms |= group_surface_forms(home, ex) | _gaz_forms(home)
    stem_f = f" {fold(stem)} "
    sentence_f = f" {fold(fact.sentence)} "
    subtype = fact.subtype
    if subtype == "mixed":
        return [], False
    if fact.kind != "person" and _said_of_a_person(fact.answer, ex):
        return [], False  # «San Martín», the text's «José de San Martín», read as a place: no place options for him
    role, sex, nation = ("", "", "")
    if fact.kind == "person" and "_____" in stem:
        role, sex, nation = _role_nation(stem, stem.find("_____"))
    if fact.kind == "person" and not sex:
        sex = text_people(ex).get(fact.answer, (set(), "", 0))[1]  # the answer's own sex, when an article told it
    candidates: list[tuple[str, str]] = []  # (name, article)
    seen: set[str] = set()
    chosen_roots: set[str] = set()
    other_kind: list[str] = []  # people of the text left out as of another kind: they still count in its pool

    seafaring = bool(_SEAFARING.search(stem))
    era = _sentence_years(ex).get(fact.sentence_index) if fact.kind == "person" else None
    if era is None and fact.kind == "person":
        era = _person_year(fact.answer, ex)

    def _another_age(name: str, year: int | None) -> bool:
        theirs = _person_year(name, ex)
        return year is not None and theirs is not None and abs(theirs - year) > AGE_GAP

    # "Italia e _____": every option must take the stem's conjunction, or the "e" points at the key.
    conj_m = re.search(r"(?:^|\s)(y|e|o|u)\s+_____", stem)
    conj = conj_m.group(1) if conj_m else ""
    # «_____, aliada de Francia, declaró…», «_____ declararon…»: the options take the gender and number the words after
    # the blank give it, when the right answer does too (otherwise the reading is wrong and nothing is required).
    required = blank_agreement(stem)
    if fact.kind == "person":
        required = ("", required[1])  # (a person's sex is read from the role before the blank, `_role_nation`)
    if not agrees_with_blank(_answer_said(fact), required):
        required = ("", None)
    act = stem_class(stem) if fact.kind == "person" else ""

    def consider(name: str, article: str) -> None:
        if conj and not conjunction_agrees(conj, with_article(name, article)):
            return
        if not agrees_with_blank(with_article(name, article), required):
            return  # «los Países Bajos, aliada de Francia»: the grammar rules it out
        f = fold(name)
        if not f or f in seen or f in own or f in related or f in topic_forms:
            return
        if f" {f} " in stem_f or f" {f} " in sentence_f:
            return  # co-enumerated or already in the stem: possibly right, surely a cue
        last = f.split()[-1]
        if fact.kind == "person" and len(last) > 3 and f" {last} " in stem_f:
            return  # «Gonzalo Pizarro» for «Pizarro coronó a _____», «Luis XIV de Francia» by «el trono de Francia»
        if act and _person_classes(name, ex) and not _person_classes(name, ex) & STEM_CLASSES[act]:
            other_kind.append(name)
            return  # «Charles Cornwallis», a general, for «_____ publicó el folleto»
        if any(f in o or o in f for o in own if len(o) > 3):
            return
        if ex.groups.root(name) in member_roots:
            return
        # "invasión alemana de Alemania": a demonym in the stem rules an option out.
        forms = group_surface_forms(ex.groups.root(name), ex) | _gaz_forms(name)
        if any(len(x) > 3 and f" {x} " in stem_f for x in forms):
            return
        if subtype == "country" and not state_existed(name, _text_year(ex)):
            return  # "Italia" in a text on 1856
        if subtype == "country" and name in NOT_STATES and fact.answer not in NOT_STATES:
            return  # «Gibraltar» is no state
        if subtype == "country" and seafaring and name in LANDLOCKED and fact.answer not in LANDLOCKED:
            return  # «Suiza» explored no coast of Africa
        if fact.kind == "person" and (not _person_fits(name, ex) or _cut_name(name, ex)):
            return
        if fact.kind != "person" and _said_of_a_person(name, ex):
            return  # «Friedrich Wilhelm» (von Steuben) is no place
        if fact.kind == "person" and not _same_kind_of_person(fact.answer, name, ex):
            other_kind.append(name)
            return  # «Rodrigo Borja», the answer's other name; a pope for a king; «George Rooke» for «Felipe V»
        if fact.kind == "person" and _another_age(name, era):
            other_kind.append(name)
            return  # «Pablo Picasso» (1957) for a painting of 1656
        if fact.kind == "person" and any(_one_person(name, c[0], ex) for c in candidates):
            return  # «Felipe de Borbón» beside «Felipe V»: one person offered once
        if fact.kind == "person" and any(
            (len(name.split()) == 1 and name == other.split()[0])
            or (len(other.split()) == 1 and other == name.split()[0])
            for other in [fact.answer, *(c[0] for c in candidates)]
        ):
            return  # «Lázaro» beside «Lázaro de Tormes»: the first name alone is the same person
        if fact.kind == "person" and name.split()[0] in {"Vuestra", "Vuestro", "Nuestra", "Nuestro", "Su"}:
            return  # «Vuestra Merced»: a form of address, nobody's name
        if fact.kind == "person" and _character(name, ex) != _character(fact.answer, ex):
            other_kind.append(name)
            return  # «Lázaro de Tormes», the novel's protagonist, is no option for its authors and critics
        if fact.kind == "person" and (article or name.split()[0].lower() in {"el", "la", "los", "las"}):
            return  # «el Libertador», «los Curie»: a title or a family, no person's name
        surnames = set(name.split()[-1].split("-"))
        if (
            fact.kind == "person"
            and not _regnal(name)  # «Pablo I» and «Alejandro I» share no family
            and any(surnames & set(c[0].split()[-1].split("-")) for c in candidates if not _regnal(c[0]))
        ):
            return  # «Mendeléyev» beside «Dmitri Ivánovich Mendeléyev»: one person (or one family) offered once
        gaz = alias_table().get(f)
        if gaz and any(alias_table().get(fold(c[0])) == gaz for c in candidates):
            return  # «la URSS» beside «la Unión Soviética»
        root = ex.groups.root(name)
        if root in chosen_roots:
            return  # "Chain" and "Ernst Chain": one person offered twice
        chosen_roots.add(root)
        seen.add(f)
        candidates.append((name, article))

    # The text's own names first, from a fixed place in a fixed order (cost does not grow with
    # the text: we look at a few more than n).
    wanted: set[str] = set()
    if fact.kind == "person":
        # The answer's class of person: its roles in the text, a commander when the stem says so.
        wanted = set(_person_classes(fact.answer, ex))
        if "_____" in stem and _commands(stem, stem.find("_____")):
            wanted = {"military"}
        elif "_____" in stem and _invents(stem, stem.find("_____") + len("_____")):
            wanted = {"science"}  # «_____ inventó la lanzadera»: inventors, not the economist of the text
    doc = _doc_pool(ex, fact.kind, subtype)
    if doc:
        offset = int(slot(fact)[:8], 16) % len(doc)
        for name, art in doc[offset:] + doc[:offset]:
            consider(name, art)
            if len(candidates) >= SPARE * n and not sex and not wanted:
                break  # (people of one sex, or of one class, are looked for in the whole text)
    if fact.kind == "place" and subtype in {"country", "city"}:
        # Then places of the answer's own world region, in an order fixed by the item (no list every
        # item shares). A place of unknown region gets none: better no choice item than a far-fetched one.
        # They also stand in for the text's places the bank has already offered.
        text_found = len(candidates)
        for name in _region_pool(fact, ex, subtype):
            consider(name, article_for(name, "country") if subtype == "country" else "")
            if len(candidates) >= text_found + SPARE * n:
                break
    doc_names = {name for name, _art in doc}
    from_text = [c for c in candidates if c[0] in doc_names]
    if len(candidates) == len(from_text) and len(from_text) + len(other_kind) < MIN_POOL_FACTOR * n:
        return [], False  # three of a handful of names: each would be the wrong option of every item
    if fact.kind == "person" and (role or sex):
        # People the text gives the stem's role first («el general _____»: the text's generals), then people of
        # the role's sex («la infanta _____»: women of the text), then the others.
        # A person of the other sex is never offered («Velázquez», el pintor, is no «infanta»).
        people = text_people(ex)
        said = f"{role}@{nation}" if nation else role
        same = [c for c in candidates if role and said in people.get(c[0], (set(), "", 0))[0]]
        if role and len(same) < n:
            # «el zar _____» with people of another role as options: the role gives the key away. Fewer people of
            # the stem's role (and nationality) than options: no choice item, the short answer asks it.
            return [], False
        fair = [c for c in candidates if c in same or people.get(c[0], (set(), "", 0))[1] in {sex, ""}]
        same_sex = same + [c for c in fair if c not in same and people.get(c[0], (set(), "", 0))[1] == sex]
        if len(same) >= n:
            candidates = same
        elif len(same_sex) >= n:
            candidates = same_sex
        elif sex:
            candidates = fair
    if wanted:
        # A person of the answer's class when the text names enough of them: generals for a general, not the
        # statesman who wrote a declaration («el ejército de _____» → Cornwallis, Burgoyne, not Jefferson).
        same_class = [c for c in candidates if _person_classes(c[0], ex) & wanted]
        if len(same_class) >= n:
            candidates = same_class
    if fact.kind == "place" and len(from_text) >= n:
        # The text's own actors; the gazetteer's only when the text names too few (then spread over both, so a
        # lone actor of the text is not the wrong option of every item).
        candidates = from_text
    chosen = spread(fact, candidates, n + spare, name=lambda c: c[0])
    from_gazetteer = subtype == "city" and any(name not in doc_names for name, _art in chosen[:n])
    if fact.kind == "person":
        chosen = _same_form(fact.answer, chosen, ex)
    return [with_article(name, art) for name, art in chosen], from_gazetteer


def _answer_said(fact: Fact) -> str:
    """Return the answer with the article it takes in the text («los Países Bajos»)."""
    article = (fact.article or "").lower()
    if article in {"el", "la", "los", "las"} and not fact.answer.lower().startswith(article + " "):
        return f"{article} {fact.answer}"
    return fact.answer


def _regnal(name: str) -> bool:
    return any(re.fullmatch(r"[IVXLCDM]+", t) for t in name.split())


# «Camillo Benso, conde de Cavour»: a title of nobility names the person too («Cavour»).
_TITLE_AFTER = re.compile(
    r"^,\s+(?:duque|duquesa|conde|condesa|marqués|marquesa|príncipe|princesa|barón|baronesa|vizconde|vizcondesa)"
    r"\s+de\s+(?P<name>[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]+)"
)
# «Alejandro VI (Rodrigo Borja)», «Alejandro VI, el valenciano Rodrigo Borja,»: a name in apposition to another.
_APPOSITION_GAP = re.compile(r"\s*\(\s*|\s*,\s+(?:el|la)\s+(?:[a-záéíóúñü]+\s+){1,3}")
_REGNAL_NAME_BEFORE = re.compile(r"(?:con|bajo)\s+el\s+nombre\s+de\s+$")


def _identities(ex: Extraction) -> dict[str, str]:
    """Return each person of the text -> one key shared by the names the text gives one person: a name in
    apposition, a name in parentheses, a title («Felipe de Borbón, duque de Anjou» is «Felipe de Anjou»), the
    regnal name it took («Felipe de Anjou … proclamado rey con el nombre de Felipe V»)."""
    cached = ex._pools.get("identities")
    if cached is not None:
        return cached
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    by_sentence: dict[int, list[Fact]] = {}
    for f in ex.facts:
        if f.kind == "person":
            find(f.answer)
            union(ex.groups.root(f.answer), f.answer)
            by_sentence.setdefault(f.sentence_index, []).append(f)
    for facts in by_sentence.values():
        facts = sorted({f.local_start: f for f in facts}.values(), key=lambda f: f.local_start)
        for f in facts:
            m = _TITLE_AFTER.match(f.sentence[f.local_end :])
            if m:
                union(f.answer, m.group("name"))
                union(f.answer, f"{f.answer.split()[0]} de {m.group('name')}")
        for a, b in itertools.pairwise(facts):
            if _APPOSITION_GAP.fullmatch(a.sentence[a.local_end : b.local_start]):
                union(a.answer, b.answer)
        for i, b in enumerate(facts):
            if _REGNAL_NAME_BEFORE.search(b.sentence[: b.local_start]):
                # The earlier person of the same first name took this regnal name.
                first = b.answer.split()[0]
                same = [a for a in facts[:i] if a.answer.split()[0] == first]
                if same:
                    union(same[-1].answer, b.answer)
    regnal = [name for name in parent if _regnal(name)]
    for name in regnal:
        for other in regnal:
            if other.startswith(name + " de "):
                union(name, other)  # «Juan II» is «Juan II de Portugal»
    cached = {name: find(name) for name in parent}
    ex._pools["identities"] = cached
    return cached


def _one_person(a: str, b: str, ex: Extraction) -> bool:
    """Return whether the text gives both names to one person."""
    ids = _identities(ex)
    return a in ids and b in ids and ids[a] == ids[b]


def _same_kind_of_person(answer: str, name: str, ex: Extraction) -> bool:
    """Return whether a person is a fair wrong option for the answer: never the answer under another name, a
    regnal name for a regnal name only («Felipe V»: kings, not «George Rooke»; «Cavour»: no «Nicolás I»), and of
    the answer's role when the text gives both a role («el papa Alejandro VI» is no option for «el rey Juan II»)."""
    if _one_person(answer, name, ex):
        return False
    if _regnal(answer) != _regnal(name):
        return False
    mine, theirs = _kinds(answer, ex), _kinds(name, ex)
    if mine and theirs and not mine & theirs:
        # Another role of the same class is fair («el almirante X» for «el general Y»); another class is not.
        classes = {_CLASS_OF_ROLE.get(r) for r in mine} & {_CLASS_OF_ROLE.get(r) for r in theirs}
        return bool(classes - {None})
    return True


def _kinds(name: str, ex: Extraction) -> set[str]:
    """Return the roles the text gives a person under any of its names («el rey Juan II de Portugal», «Juan II»)."""
    ids = _identities(ex)
    key = ids.get(name, name)
    people = text_people(ex)
    names = {n for n, k in ids.items() if k == key} | {name}
    return {r for n in names for r in people.get(n, (set(), "", 0))[0] if "@" not in r}


def _same_form(answer: str, chosen: list[tuple[str, str]], ex: Extraction) -> list[tuple[str, str]]:
    """Return the people offered in the answer's form: surnames the text uses alone beside a surname («Cornwallis»:
    «Burgoyne», not «John Burgoyne», which would single the answer out), whole names beside a whole name («Diego de
    Almagro» for «Almagro» when the text gives it). A form that would clash with the answer or another option stays
    whole."""
    if _regnal(answer):
        return chosen
    people = [n for n, k in text_people(ex).items()]
    out: list[tuple[str, str]] = []
    taken = {fold(answer)}
    for name, art in chosen:
        form = name
        said_alone = _mentions_by_text(ex).get(name.split()[-1], [])
        if len(answer.split()) == 1 and len(name.split()) > 1 and not _regnal(name):
            # Only a surname the text itself uses alone for that person («Pizarro»; not «Amaru» of «Túpac Amaru»).
            last = name.split()[-1]
            bearers = [p for p in _mentions_by_text(ex) if len(p.split()) > 1 and p.split()[-1] == last]
            if any(m.kind == "person" for m in said_alone) and bearers[:1] == [name]:
                form = last  # (the text's bare «Pizarro» is its first Pizarro, never «Gonzalo Pizarro»)
        elif len(answer.split()) > 1 and len(name.split()) == 1:
            fuller = sorted({p for p in people if p.endswith(" " + name) and not _regnal(p)}, key=len)
            form = fuller[-1] if len(fuller) == 1 or (fuller and all(fuller[-1].endswith(p) for p in fuller)) else name
        if fold(form) in taken:
            form = name
        taken.add(fold(form))
        out.append((form, art))
    return out


# ---------------------------------------------------------------- dates
def format_date(value: dict, precision: str, with_year: bool = True) -> str:
    """Return a Spanish date at the given precision ("30 de noviembre de 1939")."""
    year = value.get("year")
    year_text = f"{abs(year)} a. C." if year is not None and year < 0 else str(year)
    if precision == "day":
        base = f"{value['day']} de {MONTH_NAMES[value['month']]}"
        return f"{base} de {year_text}" if with_year and year is not None else base
    if precision == "month":
        base = MONTH_NAMES[value["month"]]
        return f"{base} de {year_text}" if with_year and year is not None else base
    return year_text


def _date_point(v: dict) -> tuple[int, int, int]:
    return (v.get("year") or 0, v.get("month") or 0, v.get("day") or 0)


def _date_pool(ex: Extraction, precision: str) -> list[tuple[tuple[int, int, int], dict]]:
    """Return the text's certain dates at one precision, once each, in time order."""
    key = ("dates", precision)
    if key not in ex._pools:
        pool: dict[tuple[int, int, int], dict] = {}
        for other in ex.facts:
            ov = other.value or {}
            same = other.kind == "date" and ov.get("precision") == precision
            if same and not ov.get("uncertain") and ov.get("year") is not None:
                pool.setdefault(_date_point(ov), ov)
        ex._pools[key] = sorted(pool.items(), key=lambda item: item[0])
    return ex._pools[key]


# A text's own date is a wrong option only near the answer: «10 de septiembre de 1981» is absurd «en plena guerra
# civil» (1937), «septiembre de 1928» for a landing of 1944. Farther dates give way to shifted ones.
TEXT_DATE_WINDOW = 10
# «Hacia 1527», «alrededor de 1450»: an approximate year gets options farther apart than the approximation.
_APPROX_BEFORE = re.compile(
    r"(?:hacia|alrededor de|en torno a|cerca de|aproximadamente en|aproximadamente|circa|c\.)\s+(?:el\s+)?(?:año\s+)?$",
    re.IGNORECASE,
)
# «la década de _____» (1980): a decade's wrong options are decades too, never «la década de 1983».
_DECADE_BEFORE = re.compile(r"\bd[ée]cadas?\s+de(?:\s+los)?\s+$", re.IGNORECASE)
_DURING = re.compile(r"\bdurante\b(?:\s+\w+){0,4}\s+(?:de|en)\s+(?:el\s+)?$", re.IGNORECASE)
_RANGE_START = re.compile(
    r"(?:entre|de|del|desde)\s+(?:el\s+)?(?:\d{1,2}\s+de\s+)?(?:[a-z]+\s+de\s+)?(\d{3,4})\s+(?:y|a|al|hasta)\s+(?:el\s+)?$",
    re.IGNORECASE,
)
_RANGE_END = re.compile(r"^\s+(?:y|a|al|hasta)\s+(?:el\s+)?(?:\d{1,2}\s+de\s+)?(?:[a-z]+\s+(?:de\s+)?)?(\d{3,4})\b")


def _date_bounds(fact: Fact) -> tuple[int | None, int | None]:
    """Return the years a wrong option must stay after and before: «Entre 1939 y _____» rules out 1938."""
    before, after = fact.sentence[: fact.local_start], fact.sentence[fact.local_end :]
    low = high = None
    m = _RANGE_START.search(before)
    if m:
        low = int(m.group(1))
    m = _RANGE_END.match(after)
    if m and re.search(r"(?:entre|de|del|desde)\s+(?:el\s+)?$", before, re.IGNORECASE):
        high = int(m.group(1))
    return low, high


def _stem_years(fact: Fact, ex: Extraction) -> set[int]:
    """Return the years of the other dates the item's sentence says (the stem shows them)."""
    return {
        f.value["year"]
        for f in ex.dates_in(fact.sentence_index)
        if f is not fact and (f.value or {}).get("year") is not None
    }


def _same_side(year: int, answer: int, stem_years: set[int]) -> bool:
    """Return whether a wrong year stands where the answer stands beside every year of the stem.

    «La paz se firmó en el Tratado de Utrecht de _____, completado en 1714 por el de Rastatt»: the stem tells the
    answer came before 1714, so 1715 and 1718 are wrong by the stem alone (judged «regalada, distractores»).
    """
    return all(year == y or (year < y) == (answer < y) for y in stem_years if y != answer)


# The span the opening sentence gives its subject: «fue un conflicto que enfrentó entre 1853 y 1856», «(Pisa, 15 de
# febrero de 1564-Arcetri, 8 de enero de 1642)». An event the text dates inside it happened inside it.
_OPENING_BETWEEN = re.compile(
    r"\bentre\s+(?:el\s+)?(?:[a-z]+\s+de\s+)?(\d{3,4})\s+y\s+(?:el\s+)?(?:[a-z]+\s+de\s+)?(\d{3,4})\b"
)


def _opening_span(ex: Extraction) -> tuple[int, int, int] | None:
    """Return (sentence index, first year, last year) of the span the text's opening sentence gives, None if none.

    Only the first sentence that dates anything counts, and only when it is one of the first two (a title line may
    come first): a span said later is an episode's, not the subject's.
    """
    if "opening_span" not in ex._pools:
        found = None
        dated = [f for f in ex.facts if f.kind == "date" and (f.value or {}).get("year") is not None]
        if dated:
            first = min(dated, key=lambda f: f.sentence_index)
            if first.sentence_index <= 1:
                m = OPENING_LIFE.search(first.sentence) or _OPENING_BETWEEN.search(first.sentence)
                if m and int(m.group(1)) < int(m.group(2)) <= int(m.group(1)) + 150:
                    found = (first.sentence_index, int(m.group(1)), int(m.group(2)))
                    ex._pools["stated_span"] = found
                else:
                    found = _range_span(first.sentence_index, dated)  # «entre el 58 y el 50 a. C.»
            if found is None:
                found = _subject_span(ex, dated)
        ex._pools["opening_span"] = found
    return ex._pools["opening_span"]


def stated_span(ex: Extraction) -> tuple[int, int, int] | None:
    """Return the span the opening sentence states in years of our era («entre 1961 y 1989», a life's parenthesis):
    the years a reader of the title may know (`ranking.title_year`); not a span read from later sentences."""
    _opening_span(ex)
    return ex._pools.get("stated_span")


def _range_span(index: int, dated: list[Fact]) -> tuple[int, int, int] | None:
    """Return the span a range of years of sentence `index` gives («entre el 58 y el 50 a. C.»: -58 to -50)."""
    for f in dated:
        end = ((f.value or {}).get("end") or {}).get("year")
        if f.sentence_index == index and f.subtype == "range" and end is not None:
            first = f.value["year"]
            if first < end <= first + 150:
                return (index, first, end)
    return None


_SUBJECT_HEAD = re.compile(r"\s*(?:el|la|los|las)\s+([a-záéíóúñ]+)", re.IGNORECASE)


def _subject_span(ex: Extraction, dated: list[Fact]) -> tuple[int, int, int] | None:
    """Return the span a later sentence gives the text's subject when the opening sentence dates nothing (Round 8).

    «La Guerra de Invierno fue una guerra entre…» then «La guerra comenzó … el 30 de noviembre de 1939 … y terminó …
    el 13 de marzo de 1940»: the sentence opens with the head noun of the opening sentence's subject and dates its
    start and end (two years, or a range). A span said of anything else («Entre 1901 y 1904 se ensanchó su cauce») is
    an episode's and bounds nothing.
    """
    if not ex.facts:
        return None
    opening = min(ex.facts, key=lambda f: f.sentence_index)
    head = _SUBJECT_HEAD.match(opening.sentence)
    if head is None or opening.sentence_index in {f.sentence_index for f in dated}:
        return None
    word = re.compile(r"\s*(?:el|la|los|las)\s+" + re.escape(head.group(1)) + r"\b", re.IGNORECASE)
    for index in sorted({f.sentence_index for f in dated}):
        facts = [f for f in dated if f.sentence_index == index]
        if not word.match(facts[0].sentence):
            continue
        span = _range_span(index, facts)
        years = sorted({f.value["year"] for f in facts if f.subtype != "range"})
        if span is None and len(years) == 2 and years[0] < years[1] <= years[0] + 150:
            span = (index, years[0], years[1])
        return span  # only the first sentence that dates the subject
    return None


def _span_bounds(fact: Fact, ex: Extraction) -> tuple[int, int] | None:
    """Return the years a wrong option must stay within for a date inside the text's span (Round 7).

    «Las fotografías de Fenton, tomadas en _____» in a war of 1853-1856: 1858 and 1860 fall after the war and leave
    one option to compete (judged «distractores»); a year of a life of 1564-1642 has no option after the death.
    """
    span = _opening_span(ex)
    year = (fact.value or {}).get("year")
    if span is None or year is None or fact.sentence_index == span[0]:
        return None
    _index, first, last = span
    return (first, last) if first <= year <= last else None


def range_start(fact: Fact) -> bool:
    """Return whether the date opens a range («entre _____ y 1940»): another start is no false statement, since
    an event of the range's end (a purification in 1940) stays inside «entre 1936 y 1940»."""
    return fact.kind == "date" and _date_bounds(fact)[1] is not None


def date_distractors(fact: Fact, ex: Extraction, n: int = 3, spare: int = 0) -> list[str]:
    """Return wrong dates at the answer's precision, never the same date at another precision (and spares)."""
    v = fact.value or {}
    precision = v.get("precision")
    if precision not in {"day", "month", "year"}:
        return []
    if precision == "year" and v.get("year") is None:
        return []
    # A date the text gives without a year ("el 3 de febrero", year unknown) gets options without one.
    with_year = v.get("year") is not None and (fact.subtype != "month" or any(ch.isdigit() for ch in fact.answer))
    answer_ym = (v.get("year"), v.get("month"))
    answer_text = fold(fact.answer)
    out: list[str] = []

    decade = precision == "year" and v["year"] % 10 == 0 and _DECADE_BEFORE.search(fact.sentence[: fact.local_start])

    def ok(cand: dict) -> bool:
        if precision == "year":
            return cand["year"] != v["year"] and (not decade or cand["year"] % 10 == 0)
        if not with_year:
            return cand["month"] != v["month"]
        return (cand.get("year"), cand.get("month")) != answer_ym

    # The text's other dates nearest in time make the best wrong options: look them up by bisection.
    dated = _date_pool(ex, precision)
    point = _date_point(v)
    at = bisect.bisect_left(dated, (point,))
    near = dated[max(0, at - 3) : at + 4]
    # A date of another age is no plausible wrong option ("1944" for "52 a. C."): the text's dates within a century.
    approx = precision == "year" and _APPROX_BEFORE.search(fact.sentence[: fact.local_start])
    gap = 5 if approx else 0
    near = [item for item in near if gap <= abs(item[0][0] - point[0]) <= TEXT_DATE_WINDOW + gap]
    near.sort(key=lambda item: (abs(item[0][0] - point[0]) * 12 + abs(item[0][1] - point[1]), item[0]))
    pool: list[dict] = [value for _point, value in near]
    rng = _rng(slot(fact), "dates")
    if precision == "year":
        if decade:
            shifts = [10, -10, 20, -20, 30, -30]
        else:
            shifts = [5, -5, 10, -10, 15, -15, 20, -20] if approx else [1, -1, 2, -2, 3, -3, 5, -5]
        rng.shuffle(shifts)
        pool += [{"year": v["year"] + s} for s in shifts]
    elif precision == "month" and not with_year:
        months = [m for m in range(1, 13) if m != v["month"]]
        months.sort(key=lambda m: (abs(m - v["month"]), m))
        pool += [{"month": m, "year": None} for m in months[:6]]
    elif not with_year:
        # "3 de febrero" with no year: other days and months, never the same month and day.
        shifts = [1, -1, 2, -3, 4, -2]
        rng.shuffle(shifts)
        for dm in shifts:
            month = (v["month"] - 1 + dm) % 12 + 1
            pool.append({"year": None, "month": month, "day": min(v["day"], calendar.monthrange(2001, month)[1])})
    else:
        shifts = [(1, 0), (-1, 0), (0, 2), (0, -3), (2, 0), (0, 4)]
        rng.shuffle(shifts)
        for dy, dm in shifts:
            month = (v["month"] - 1 + dm) % 12 + 1
            year = v["year"] + dy + ((v["month"] - 1 + dm) // 12)
            cand = {"year": year, "month": month}
            if precision == "day":
                day = min(v["day"], calendar.monthrange(year if year > 0 else 2000, month)[1])
                cand["day"] = day
            pool.append(cand)
    seen = {answer_text}
    sentence_f = f" {fold(fact.sentence)} "
    low, high = _date_bounds(fact)
    span = _span_bounds(fact, ex)
    stem_years = _stem_years(fact, ex) if v.get("year") is not None else set()
    # A month of a year: one wrong option at most in the answer's year, so the year is what is asked («enero de
    # 1855» against «mayo» and «septiembre de 1855» asks the month, judged «distractores»). A day is asked whole.
    same_year = 0 if precision == "month" and with_year else None
    # A year of a period («Durante la revolución de _____, un parlamento…») dates something that may have gone on into
    # the next year: a year next to it is no clearly wrong option (1849 for 1848, judged «distractores»).
    during = precision == "year" and _DURING.search(fact.sentence[: fact.local_start])
    for cand in pool:
        if not ok(cand):
            continue
        year = cand.get("year")
        if year is not None and ((low is not None and year <= low) or (high is not None and year > high)):
            continue  # «Entre 1939 y 1938»: the stem rules it out
        if year is not None and span is not None and not span[0] <= year <= span[1]:
            continue  # a photograph of a war of 1853-1856 taken in 1858
        if year is not None and not _same_side(year, v["year"], stem_years):
            continue  # «de _____, completado en 1714»: 1715 is wrong by the stem
        if same_year is not None and year == v.get("year") and same_year >= 1:
            continue
        if during and year is not None and abs(year - v["year"]) < 2:
            continue  # «Durante la revolución de 1848»: what it dates may have lasted into 1849
        text = format_date(cand, precision, with_year)
        if fold(text) in seen or f" {fold(text)} " in sentence_f:
            continue  # "1524" in "iniciadas en 1524 y _____": a date of the stem is no wrong option
        seen.add(fold(text))
        out.append(text)
        if same_year is not None and year == v.get("year"):
            same_year += 1
        if len(out) == MIN_POOL_FACTOR * n:
            break
    return spread(fact, out, n + spare)


# A false statement's date is a real substitution: another date the text gives, or one this many years off.
# «en 1983» for «en 1984» tests the last digit, not the fact (judged «trivial» on the held-out set).
TF_MIN_YEARS = 10


def false_date(fact: Fact, ex: Extraction, wrong: list[str], statement: str = "") -> str:
    """Return the date of a false statement about a date fact, "" when none is clearly wrong.

    The first wrong option that is the text's own date of another event («la guerra comenzó… el 13 de marzo de
    1940», the day it ended) or at least `TF_MIN_YEARS` years away; else the text's nearest other date, else the
    answer's year moved by ten or twenty years (inside the stem's range, a decade for a decade).
    """
    v = fact.value or {}
    precision = v.get("precision")
    year = v.get("year")
    if precision not in {"day", "month", "year"} or year is None:
        return ""
    with_year = fact.subtype != "month" or any(ch.isdigit() for ch in fact.answer)
    if not with_year:
        return ""  # «en febrero»: a month without its year is no fact to swap
    key = ("date texts", precision)  # (once per text, like the pool it reads)
    if key not in ex._pools:
        ex._pools[key] = {fold(format_date(value, precision)): value for _point, value in _date_pool(ex, precision)}
    texts = ex._pools[key]
    answer = fold(fact.answer)
    # The other date of the sentence is a fair swap when the statement (cut to its clause) does not say it:
    # «la guerra comenzó… el 13 de marzo de 1940» (the day it ended).
    sentence_f = f" {fold(statement or fact.sentence)} "
    # «hacia 1487» made «hacia 1492»: an approximate year moved by a few years is not clearly false
    approximate = bool(_APPROX_BEFORE.search(fact.sentence[: fact.local_start]))
    for option in wrong:
        m = re.search(r"(\d{1,4})(\s+a\. C\.)?$", option)
        near = not m or abs((-1 if m.group(2) else 1) * int(m.group(1)) - year) < TF_MIN_YEARS
        if fold(option) in texts and f" {fold(option)} " not in sentence_f and not (approximate and near):
            return option  # another event's date: a real substitution
        if m and not near:
            return option
    low, high = _date_bounds(fact)
    nearest = sorted(
        (abs((value.get("year") or 0) - year), point, text)
        for text, value in texts.items()
        for point in [_date_point(value)]
        if text != answer
        and f" {text} " not in sentence_f
        and (value.get("year"), value.get("month")) != (year, v.get("month"))
        and abs((value.get("year") or 0) - year) <= TEXT_DATE_WINDOW
        and not (approximate and abs((value.get("year") or 0) - year) < TF_MIN_YEARS)
        and not (low is not None and (value.get("year") or 0) <= low)
        and not (high is not None and (value.get("year") or 0) > high)
    )
    if nearest:
        return format_date(texts[nearest[0][2]], precision)
    shifts = [10, -10, 20, -20]
    if int(stable_key(fact.key, "tf-date")[:2], 16) % 2:
        shifts = [-s for s in shifts]
    decade = precision == "year" and year % 10 == 0 and _DECADE_BEFORE.search(fact.sentence[: fact.local_start])
    for shift in shifts:
        cand = year + (shift * 2 if decade else shift)
        if (low is not None and cand <= low) or (high is not None and cand > high) or (year > 0 >= cand):
            continue
        text = format_date({**v, "year": cand}, precision)
        if f" {fold(text)} " not in sentence_f:
            return text
    return ""


# ---------------------------------------------------------------- numbers
def _unit_text(value: dict, number: float) -> str:
    unit_text = value.get("unit_text") or value.get("unit") or ""
    if value.get("unit") in {
        "mes",
        "año",
        "día",
        "semana",
        "hora",
        "siglo",
        "década",
        "minuto",
        "segundo",
    }:
        singular = value["unit"]
        return singular if abs(number) == 1 else TIME_UNITS[singular]
    return unit_text


def format_quantity(value: dict, number: float, *, approx: bool = True) -> str:
    """Return a quantity written the way the source wrote the answer ("tres meses y medio")."""
    if value.get("scale"):
        # "5 millones de km²" gets "2 millones de km²", in the same style.
        k = number / value["scale"]
        k_text = f"{k:g}".replace(".", ",")
        word = {1_000_000: "millón de" if k == 1 else "millones de", 1000: "mil"}[value["scale"]]
        text = f"{k_text} {word} {value.get('unit_text') or value.get('unit') or ''}".strip()
        return f"{value['approx_text']} {text}" if approx and value.get("approx_text") else text
    # «tres meses y medio» is said of times and of figures in words; «3,5 %» or «14,5 km» keep their decimal comma.
    half = number % 1 == 0.5 and (value.get("unit") in TIME_UNITS or bool(value.get("words")))
    whole = int(number - 0.5) if half else number
    if value.get("words") and not half and abs(whole) >= 1000:
        # "cuatro millones de personas" gets "dos millones de personas", not "2.000.000 personas".
        for size, one, many in ((1_000_000, "un millón de", "millones de"), (1000, "mil", "mil")):
            k = whole / size
            if float(k).is_integer() and int(k) in UNITS_WORDS:
                k = int(k)
                head = one if k == 1 else f"{UNITS_WORDS[k]} {many}"
                text = f"{head} {value.get('unit_text') or value.get('unit') or ''}".strip()
                return f"{value['approx_text']} {text}" if approx and value.get("approx_text") else text
    words = value.get("words") and float(whole).is_integer() and int(whole) in UNITS_WORDS
    if words:
        num_text = UNITS_WORDS[int(whole)]
        if num_text == "un" and value.get("unit") in {"hora", "semana", "década"}:
            num_text = "una"
    elif float(whole).is_integer():
        sep = value.get("thousands") or "."  # the text's own separator: «40 000» gets «20 000»
        num_text = f"{int(whole):,}".replace(",", sep) if abs(whole) >= 10000 else str(int(whole))
    else:
        num_text = f"{whole:g}".replace(".", ",")
    unit = _unit_text(value, whole if not half else 2)
    if unit in {"%"}:
        text = f"{num_text}%"
    elif unit.startswith("°"):
        text = f"{num_text} {unit}"
    else:
        text = f"{num_text} {unit}".strip()
    if half:
        text += " y media" if value.get("unit") in {"hora", "semana"} else " y medio"
    if approx and value.get("approx_text"):
        text = f"{value['approx_text']} {text}"
    return text


def number_candidates(value: dict) -> list[float]:
    """Return plausible wrong values: same sign and unit, far enough apart, within range."""
    x = value["number"]
    approx = value.get("approx")
    unit = value.get("unit")
    if approx == "more":
        factors = [2, 3, 4, 2.5]  # «más de tres horas»: «más de seis / nueve / doce», not «dieciocho»
    elif approx == "less":
        factors = [0.3, 0.2, 0.4, 0.1]
    elif approx == "about":
        factors = [0.25, 0.5, 2, 3, 0.4]  # «unos 8000 años»: not «unos 32.000»
    else:
        factors = [0.5, 1.5, 2, 0.75, 3, 1.3, 0.6]
    out: list[float] = []
    for f in factors:
        if unit in {"°C", "°F", "°"}:
            # Temperatures: shift, keep sign, stay in a climate-plausible band.
            cand = float(round(x + {0.5: 9, 1.5: 18, 2: -7, 0.75: 27}.get(f, 36)))
            if x < 0 and cand >= 0:
                continue
        else:
            cand = x * f
            if value.get("words") and abs(cand) >= 20:
                # «unos sesenta» gets «unos quince», «unos treinta»: round figures said in words too.
                step = 100 if abs(cand) >= 100 else 10
                cand = float(round(cand / step) * step)
            elif value.get("words") or abs(cand) < 100:
                cand = round(cand * 2) / 2 if x % 1 else float(round(cand))
            else:
                magnitude = 10 ** max(0, len(str(int(abs(cand)))) - 2)
                cand = float(round(cand / magnitude) * magnitude)
        if unit == "%" and not 0 < cand < 100:
            continue
        if cand == 0 or (x > 0 and cand < 0):
            continue
        if cand == 1 and value.get("words") and unit and unit not in {"hora", "semana", "década", "mes", "año", "día"}:
            continue  # «un fases»: one of a counted plural is not how the text counts
        # Near-duplicates ("14 meses y medio" next to 15) teach nothing and may be right.
        if any(abs(cand - o) <= 0.15 * max(abs(cand), abs(o)) for o in [x, *out]):
            continue
        if approx == "more" and cand <= x * 1.5:
            continue
        if approx == "less" and cand >= x / 1.5:
            continue
        for eq in value.get("equivalents", []):
            if eq.get("number") is not None and abs(cand - eq["number"]) < 1e-9:
                break
        else:
            out.append(cand)
    return out


# Years a time unit stands for: a wrong duration longer than the text's whole span of dates is implausible.
_UNIT_YEARS = {"año": 1, "década": 10, "siglo": 100}


def _span_years(ex: Extraction | None) -> int | None:
    """Return the years between the text's first and last dates (None without two dates)."""
    if ex is None:
        return None
    if "span" not in ex._pools:
        dated = [f.value or {} for f in ex.facts if f.kind == "date"]
        years = sorted(v["year"] for v in dated if v.get("year"))
        ex._pools["span"] = years[-1] - years[0] if len(years) > 1 and years[-1] > years[0] else None
    return ex._pools["span"]


def _written_like(text: str, answer: str) -> str:
    """Return an option spaced as the answer is before a sign («40 %»: «20 %», not «20%», which singles it out)."""
    for sign in ("%", "‰", "°"):
        if sign in text and sign in answer:
            spaced = re.search(rf"\d\s+{sign}", answer) is not None
            text = re.sub(rf"(\d)\s*{sign}", rf"\1 {sign}" if spaced else rf"\1{sign}", text)
    return text


def number_distractors(fact: Fact, n: int = 3, ex: Extraction | None = None, spare: int = 0) -> list[str]:
    """Return up to n wrong quantities formatted like the answer (digits or words, as the text wrote it).

    A duration in years, decades or centuries never exceeds the span of the text's dates when the answer fits in
    it («más de doce décadas» in a text spanning fifty years); a quantity written in words gets options said in
    words («unos sesenta»: «unos quince», never «unos 240»).
    """
    v = fact.value or {}
    out = []
    span = _span_years(ex)
    per = _UNIT_YEARS.get(v.get("unit") or "")
    for cand in number_candidates(v):
        if v.get("scale") and abs(cand) < v["scale"]:
            continue  # "0,58 millones de dosis": not how the text counts
        if span and per and v["number"] * per <= span < cand * per:
            continue
        if v.get("words") and not v.get("scale") and abs(cand) < 1000 and int(cand) not in UNITS_WORDS:
            continue  # «unos 24 elementos» beside «unos sesenta elementos»
        text = _written_like(format_quantity(v, cand), fact.answer)
        if fold(text) != fold(fact.answer) and text not in out:
            out.append(text)
        if len(out) == n + spare:
            break
    return out


def reoption(q, taken: set[str]) -> bool:
    """Give a choice item fresh wrong options in place of those another published item already offers.

    The wrong options offered already (`taken`, folded) give way to the item's spare ones, of the same kind and
    drawn from the same candidates; returns False (the item unchanged) when it has too few spare ones. A student who
    meets the same wrong option in two items learns it is wrong (`qgen_lint.py`'s top_distractor).
    """
    if not any(fold(d) in taken for d in q.distractors):
        return True
    kept = [d for d in q.distractors if fold(d) not in taken]
    fresh = [d for d in q.spare if fold(d) not in taken and d not in kept]
    need = len(q.distractors) - len(kept)
    if len(fresh) < need:
        return False
    new = kept + fresh[:need]
    q.spare = [d for d in q.distractors + q.spare if d not in new]
    q.distractors = new
    return True
