"""Real questions from a statement: «¿En qué año…?», «¿Cuándo…?», «¿Quién…?», «¿Dónde…?», «¿Cuántos…?».

The statement is the fact's clause, standing alone, with a mark where the answer is. The wh-phrase
replaces the answer (and its preposition) and goes first; the verb then comes before its subject, as
Spanish questions have it («¿En qué año llegó Colón a América?»). A question is made only when the
rules can see where everything is: the answer at the start of the clause (the subject) or in an
adjunct that opens or closes it (a date also inside it, when the parse makes it the main verb's), one
date in the clause, a main verb. Otherwise the item stays a cloze.
"""

from __future__ import annotations

import re

import simplemma

from .lexicon import (
    EVENT_HEADS,
    IRREGULAR_PARTICIPLE_STEM,
    LANDMARK_HEADS,
    ORG_HEADS,
    SENTENCE_INITIAL_STOP,
    STATE_HEAD_WORDS,
    fold,
)
from .model import Fact
from .standalone import (
    DAY_APPOSITION,
    Discourse,
    _noun_article,
    _plural_subject,
    _plural_verb,
    has_main_verb,
    lower_first,
    outside_reference,
    sentence_subject,
    stand_alone,
    verbish,
)
from .text import is_finite_verb, lemma, tokenize

MARK = "QQQ"
# The longest subject moved after the verb («¿En qué año ocuparon Milán las tropas de Luis XII de Francia?»): the
# parse's subject, without relative clauses or appositions; longer ones bury the verb's complements.
_SUBJECT_WORDS = 8
_PLACE_WORD = {
    "country": "país",
    "city": "ciudad",
    "capital": "ciudad",
    "region": "región",
    "river": "río",
    "lake": "lago",
    "island": "isla",
    "mountain": "montaña",
}
_PARTICIPLE_BEFORE = re.compile(r"(?:[ai]d[oa]s?|muerte|nacimiento|fundación)\s*$", re.IGNORECASE)
_CLITICS = {"se", "le", "les", "lo", "la", "los", "las", "no"}
# A preposition or conjunction left hanging once the answer goes ("hasta el …", "siete periodos y …").
# A relative or completive clause before the blank: what it holds cannot be fronted as the question's phrase.
_CLAUSE_BEFORE = re.compile(r"\b(?:que|quien|quienes|donde|cuy[oa]s?|cuando)\b", re.IGNORECASE)
_DANGLING_BEFORE = re.compile(r"(?:^|\s)(?:hasta|desde|de|a|entre|y|e|o|u|con|por|para|sin|sobre)\s*$", re.IGNORECASE)
_FEMININE_AFTER = re.compile(r"^(?:\S+\s+){0,2}?\S+(?:ada|ida|adas|idas|ora|oras)\b")
_AUX = {"fue", "fueron", "ha", "han", "había", "habían", "era", "eran", "es", "son", "sería", "serían", "hubo"}


# A participle agreeing with a noun («una meseta protegida en sus flancos por»), not after an auxiliary («había
# llegado con», «fue derrotado por»), a few words before a figure: the figure is the participle's phrase.
_ADJECTIVAL_PARTICIPLE_BEFORE = re.compile(
    r"\b(?!(?:ha|han|había|habían|hubo|habría|haya|fue|fueron|era|eran|es|son|sido|está|están|estaba|estaban|"
    r"quedó|quedaron|se|el|la|los|las|un|una|unos|unas|su|sus|del|al|de|en|por|con|a|y|e)\s)"
    r"[a-záéíóúñ]+\s+[a-záéíóúñ]{3,}(?:ad|id)[oa]s?(?P<phrase>(?:\s+[^\s,;:]+){1,4})\s*$",
    re.IGNORECASE,
)


def wh_kind(fact: Fact) -> str:
    """Return which question word fits the fact ("" when none)."""
    v = fact.value or {}
    if fact.kind == "date" and not v.get("uncertain") and "end" not in v and fact.subtype in {"year", "day", "month"}:
        return "year" if fact.subtype == "year" else "when"
    if fact.kind == "person" and not fact.members:
        return "who"
    if fact.kind in {"event", "organization"} and not fact.members and head_noun(fact.answer):
        return "which"
    if fact.kind == "place" and not fact.members and fact.subtype != "alias":
        return "place"
    if (
        fact.kind == "number"
        and fact.subtype == "count"
        and v.get("unit")
        and not v.get("scale")
        and not v.get("approx")
    ):
        # «unos 300 esqueletos», «más de 20 torres»: «¿Cuántos…?» would drop the approximation the answer needs;
        # the cloze keeps it before the blank («unos _____ esqueletos»).
        return "count"
    return ""


# Head nouns a question may ask by («¿Qué tratado…?», «¿Qué partido…?»): singular heads of events, documents and
# organisations that read as a kind. Not «paz», «orden», «corte», «eje» (another sense first), nor a plural head.
_WHICH_HEADS = {
    "tratado", "pacto", "acuerdo", "armisticio", "convenio", "batalla", "guerra", "operación", "ofensiva", "campaña",
    "invasión", "revolución", "rebelión", "levantamiento", "conferencia", "congreso", "concilio", "declaración",
    "protocolo", "decreto", "ley", "manifiesto", "edicto", "bula", "constitución", "código", "estatuto",
    "capitulación", "sociedad", "liga", "organización", "alianza", "ejército", "armada", "partido", "frente",
    "movimiento", "consejo", "comité", "junta", "asamblea", "parlamento", "tribunal", "universidad", "academia",
    "instituto", "banco", "compañía", "empresa",
}  # fmt: skip


def head_noun(answer: str) -> str:
    """Return the kind a name says by its head («Tratado de Tordesillas» → «tratado»), "" when it says none we ask by.

    The head must be followed by more of the name («Tratado de…», «Partido Nacional…»): a head alone
    («la Asamblea») is a bare noun, and «¿Qué asamblea…?» would ask for the word the question says.
    """
    words = re.sub(r"^(?:el|la|los|las)\s+", "", answer.strip(), flags=re.IGNORECASE).split()
    if len(words) < 2 or not words[0][:1].isupper():
        return ""
    head = words[0].lower()
    return head if head in _WHICH_HEADS else ""


def _verb_group(rest: str) -> tuple[str, str]:
    """Split "se trasladó a París" into ("se trasladó", "a París"); "fue firmado el tratado" keeps both verbs."""
    toks = tokenize(rest)
    i = 0
    while i < len(toks) and toks[i].text.lower() in _CLITICS:
        i += 1
    if i >= len(toks) or not verbish(toks[i].text):
        return "", rest
    end = toks[i].end
    if toks[i].text.lower() in _AUX and i + 1 < len(toks):
        nxt = toks[i + 1].text.lower()
        if (
            re.search(
                rf"(?:ad|id)[oa]s?$|^{IRREGULAR_PARTICIPLE_STEM}[oa]s?$",
                nxt,
            )
            or nxt == "sido"
        ):
            # («había descrito», «había hecho», «ha vuelto»: the irregular participles too)
            end = toks[i + 1].end
    elif _MODAL.match(toks[i].text) and i + 1 < len(toks) and _INFINITIVE.match(toks[i + 1].text):
        end = toks[i + 1].end  # «suele situarse», «pudo regresar»: the modal and its infinitive go together
    shared = _SHARED_OBJECT_VERB.match(rest, end)
    if shared and is_finite_verb(shared.group(1).lower()):
        end = shared.end()  # «tradujo y publicó el texto»: the two verbs of one object go together
    return rest[:end], rest[end:].strip()


# The modal verbs whose infinitive is part of the verb group: «suele situarse», «pudo regresar», «debía pagar».
_MODAL = re.compile(r"^(?:suel|sol[ií]|pued|pud|pod|deb)[a-záéíóú]*$", re.IGNORECASE)
_INFINITIVE = re.compile(r"^[a-záéíóúñ]{2,}(?:ar|er|ir|ír)(?:se|lo|la|los|las|le|les)?$", re.IGNORECASE)


# A second verb joined to the first with no words between: «tradujo y publicó el texto» (one object for both).
_SHARED_OBJECT_VERB = re.compile(r"\s+(?:y|e)\s+(?:(?:se|lo|la|los|las|le|les)\s+)?([a-záéíóúñ]+)(?=\s)")


def _invert(wh: str, clause: str, disc: Discourse | None) -> str:
    """Return «¿wh verb subject rest?» from "subject verb rest"; "" when the subject is not seen.

    A clause that opens with its verb ("se firmó el tratado") needs no inversion.
    """
    clause = clause.strip()
    clause = clause if re.search(r"\b[ad]\. C\.$", clause) else clause.rstrip(".").strip()
    words = clause.lower().split()
    first = words[0] if words else ""
    second = words[1] if len(words) > 1 else ""
    names = disc.name_words() if disc else None
    # («Norman Bethune llegó…»: a name's first word that looks like a verb, «norman» like «toman», opens a subject)
    name_first = bool(names) and first[:1].isalpha() and clause[:1].isupper() and fold(first) in names
    if (
        first in {"se", "le", "les", "lo", "no"}
        or (first in {"la", "los", "las"} and verbish(second))
        or (verbish(first) and not name_first)
    ):
        verb, after = _verb_group(clause)
        return f"¿{wh} {verb[0].lower()}{verb[1:]} {after}?".replace("  ", " ") if verb else ""
    subj = sentence_subject(clause + ".", disc.name_words() if disc else None)
    fronted = _fronted_adjunct(clause)
    if not subj and not fronted:
        subj = _subject_before_aside(clause)
    if fronted and not (subj and clause.lower().startswith(subj.lower())):
        # «Para hilar más deprisa, James Hargreaves creó la spinning jenny»: the phrase set off before the subject
        # stays before the question («Para hilar más deprisa, ¿hacia qué año creó James Hargreaves…?»).
        rest = clause[len(fronted) :].strip(" ,")
        inner = _invert(wh, rest[0].upper() + rest[1:], disc) if rest else ""
        return f"{fronted}, ¿{inner[1].lower()}{inner[2:]}" if inner.startswith("¿") and inner[1:2].isupper() else ""
    if subj and subj.split()[-1].lower() in {"lo", "la", "los", "las", "le", "les"}:
        return ""  # «las tropas de Napoleón la trasladaron»: an object pronoun, not the subject's last word
    if subj and clause.lower().startswith(subj.lower()) and len(subj.split()) <= _SUBJECT_WORDS:
        rest = clause[len(subj) :].strip(" ,")
        if re.match(r"(?:que|quien|quienes|cuyo|cuya|cuyos|cuyas|donde)\b", rest, re.IGNORECASE):
            return ""  # «un tapiz que reproduce el cuadro cuelga…»: the verb found is the relative clause's
        listed = _subject_list(clause[len(subj) :])
        if listed:
            # «Fleming, Florey y Chain compartieron…»: the parse's subject is the list's first member; the whole
            # list goes after the verb («¿En qué año compartieron Fleming, Florey y Chain el Premio Nobel?»).
            subj = subj + listed
            rest = clause[len(subj) :].strip(" ,")
        aside = "" if listed else _subject_aside(clause[len(subj) :], subj)
        if aside:
            # «España, aliada de Francia, declaró…»: the phrase between commas stays with its subject, after the verb
            # («¿En qué año declaró España, aliada de Francia, la guerra…?»).
            subj, rest = f"{subj}, {aside},", clause[len(subj) :].strip(" ,")[len(aside) :].strip(" ,")
        verb, after = _verb_group(rest)
        if verb[:1].isupper():
            return ""  # «Nelson Mandela se trasladó»: «Mandela» (read as «mande-la») goes on the name, no verb
        if (
            verb
            and re.search(r"\s(?:y|e)\s+(?:se\s+)?[a-záéíóúñ]+", after)
            and any(verbish(m.group(1).lower()) for m in re.finditer(r"\s(?:y|e)\s+(?:se\s+)?([a-záéíóúñ]+)", after))
        ):
            return ""  # «tiene siete periodos y 18 grupos y contiene _____»: the answer is another verb's
        second = re.search(r",\s+(?:y|e|pero|mientras\s+que)\s+(?:el|la|los|las|su|sus)\s", after) if verb else None
        if second and any(verbish(t.text) for t in tokenize(after[second.end() :])):
            # «La superficie se encuentra a 395 m…, y la profundidad máxima, de 251 m, se registra en _____»: a second
            # clause with its own subject; the blank is in it, not in the first
            return ""
        finite = next((w for w in verb.lower().split() if w not in _CLITICS), "") if verb else ""
        if verb and not listed and _plural_verb(finite) and _plural_subject(subj) is False:
            return ""  # «Álvaro Obregón obtuvieron…»: the clause was cut inside a coordinated subject
        if verb:
            determiner = subj.split()[0].lower() in {"el", "la", "los", "las", "un", "una", "unos", "unas"}
            subj_text = subj[0].lower() + subj[1:] if determiner and not _capital_article(subj, disc) else subj
            if (
                wh.startswith(("En qué año", "Hacia qué año", "En qué fecha", "Cuándo"))
                and len(verb.split()) == 1
                and lemma(verb.lower()) == "ser"
            ):
                return ""  # «¿En qué año es la Celestina una obra… publicada en Burgos?»: the date is the participle's
            tail = _verb_tail(verb, after)
            if tail is None:
                return ""  # the words after the verb may belong to it: the subject could split them
            if tail:
                verb, after = f"{verb} {after[:tail]}", after[tail:].strip()  # «¿En qué año pusieron fin los…?»
            parts = [wh, verb, subj_text, after]
            obj = _NAMED_OBJECT.match(after)
            if obj and _NAME_GOES_ON.match(after, obj.end()):
                obj = None  # «declaró Patrimonio de la Humanidad…»: a name is not cut before its «de la …»
            if obj and _work_title_goes_on(obj.group(1), after[obj.end() :]):
                obj = None  # «publicó Reflexiones sobre la potencia motriz del fuego»: a work's title goes on
            if (
                obj
                and re.search(_NAME + r"$", subj)
                and not re.match(r"(?:el|la|los|las)\s+[a-záéíóúñ]", subj_text)
                and not _plural_verb(verb.split()[-1])
            ):
                return ""  # «¿En qué año ocupó Egipto el Reino Unido?»: two bare names, who did what to whom?
            if obj and re.search(_NAME + r"$", subj) and len(obj.group(1).split()) <= 4:
                # Two names side by side would run together («liberó el general Antonio José de Sucre Quito»):
                # the short named object goes first («¿En qué año liberó Quito el general … tras…?»).
                parts = [wh, verb, obj.group(1), subj_text, after[obj.end() :].strip()]
            elif obj and obj.end() == len(after.rstrip(" .")) and len(subj.split()) >= 3 and not aside:
                # «¿Cuándo abandonaron el rey Carlos II y su corte Londres?»: a bare name left last runs into the
                # subject; it goes first («¿Cuándo abandonaron Londres el rey Carlos II y su corte?»)
                parts = [wh, verb, obj.group(1), subj_text]
            elif _SPLIT_INFINITIVE.match(after.split(",")[0]):
                return ""  # «intentaron las tropas … sin éxito tomar Cádiz»: the verb split from its infinitive
            elif (
                determiner
                and not listed
                and not aside
                and "," not in subj
                and len(subj.split()) >= _HEAVY_SUBJECT_WORDS
                and _SHORT_OBJECT.fullmatch(after)
            ):
                # «¿En qué año provocó la incapacidad de Arias para emprender reformas profundas su dimisión?»: the
                # short object goes before the heavy subject («¿En qué año provocó su dimisión la incapacidad…?»)
                parts = [wh, verb, after, subj_text]
            return re.sub(r",\s*\?$", "?", "¿" + " ".join(p for p in parts if p) + "?")
    return ""


# A subject this long after the verb buries a short object after it; the object is said first.
_HEAVY_SUBJECT_WORDS = 5
_SHORT_OBJECT = re.compile(r"(?:el|la|los|las|su|sus|un|una|unos|unas)\s+[a-záéíóúñü]+(?:\s+[a-záéíóúñü]+){0,2}")


def _capital_article(subj: str, disc: Discourse | None) -> bool:
    """Return whether the text writes the subject's article with a capital inside a sentence («y La Condamine»): the
    article is part of the name, not lowered after the question word."""
    if disc is None or not subj[:1].isupper() or len(subj.split()) < 2:
        return False  # (a work's title capitalises its first word only: «La jungla», «El grito»)
    inside = re.compile(r"[a-záéíóúñ,;]\s+" + re.escape(subj) + r"(?!\w)")  # (not after a list's dash)
    return any(inside.search(s.text) for s in disc.sentences)


# What may not stand in a phrase set off after the subject: a clause (a relative, a finite verb) or a figure.
_ASIDE_CLAUSE = re.compile(r"\b(?:que|quien|quienes|cuy[oa]s?|donde|cuando|cual|cuales|como|si)\b|\d", re.IGNORECASE)


# A connective between commas («España, sin embargo, declaró…») ties the clause to what came before.
_CONNECTIVE_ASIDE = re.compile(
    r"(?:sin embargo|no obstante|en cambio|por (?:su|otra) parte|por (?:lo )?tanto|por ello|por eso|además|a su vez"
    r"|también|tampoco|finalmente|entonces|asimismo|así|incluso|por fin|al fin|de nuevo|otra vez)$",
    re.IGNORECASE,
)


def _subject_aside(after_subject: str, subj: str) -> str:
    """Return the phrase set off by commas right after the subject («, aliada de Francia,»), "" when there is none.

    Only a phrase without a clause of its own (an apposition, a participle and its complements), up to ten words,
    followed by the verb: «El ejército, dirigido por Moltke, derrotó…».
    """
    m = re.match(r"\s*,\s*([^,;:()«»]+?)\s*,\s*(\S.*)$", after_subject)
    if not m or not subj.strip():
        return ""
    aside, rest = m.group(1), m.group(2)
    words = aside.split()
    if not 1 <= len(words) <= 10 or _ASIDE_CLAUSE.search(aside):
        return ""
    if any(is_finite_verb(w.lower()) for w in words) or _CONNECTIVE_ASIDE.match(aside):
        return ""
    return aside if _verb_group(rest)[0] else ""


# A prepositional phrase that opens a clause and is set off by a comma: «En la primavera de 1520,», «Para recobrar la
# libertad,», «Tras la batalla de Yorktown,». Not a source («según…»), nor a phrase said of what came before.
_FRONTED = re.compile(
    r"^(?P<pre>(?:en|durante|tras|antes\s+de|después\s+de|desde|hacia|para|con|a\s+comienzos\s+de|a\s+finales\s+de"
    r"|a\s+mediados\s+de|al\s+comienzo\s+de|al\s+final\s+de|bajo|ante|sin|entre)\s[^,;:()«»¿?]+?"
    # a day that opens the clause with its article: «El 4 de julio de 1776, el Congreso aprobó…»
    r"|el\s+\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre)(?:\s+de\s+\d{3,4})?),\s+\S",
    re.IGNORECASE,
)
_POINTS_BACK = re.compile(
    r"\b(?:este|esta|estos|estas|ese|esa|esos|esas|aquel|aquella|aquellos|aquellas|dicho|dicha|mismo|misma|su|sus"
    r"|siguiente|anterior|ello|esto|eso)\b",
    re.IGNORECASE,
)


def _fronted_adjunct(clause: str) -> str:
    """Return the phrase that opens the clause before a comma («Para recobrar la libertad»), "" when there is none.

    Up to ten words, opened by a preposition, with no clause of its own (no relative, no finite verb, no figure but a
    year), and nothing that points back to the sentence before («ese mismo año», «su muerte», «el año siguiente»).
    """
    m = _FRONTED.match(clause)
    if not m:
        return ""
    pre = m.group("pre").strip()
    words = pre.split()
    if len(words) > 10 or _CLAUSE_BEFORE.search(pre) or _POINTS_BACK.search(pre):
        return ""
    if any(is_finite_verb(w.lower()) for w in words[1:]) or re.search(r"\b(?:y|e|o)\b", pre):
        return ""
    return pre


def _subject_before_aside(clause: str) -> str:
    """Return the subject of a clause whose subject is followed by a phrase set off by commas and then the verb,
    where `sentence_subject` reads too few words to reach the verb («La flota rusa del mar Negro, al mando del
    almirante Pável Najímov, destruyó…», «Carlos II, el último rey de la casa de Austria en España, murió…»); "".

    The subject: up to six words before the first comma, opened by an article or a name, with no verb of its own;
    the aside: what `_subject_aside` takes (no clause, no figure, up to ten words, the verb right after it).
    """
    m = re.match(r"([^,;:()«»¿?]+?)\s*,", clause)
    if not m:
        return ""
    subj = m.group(1).strip()
    words = subj.split()
    if not 1 <= len(words) <= 6 or _FRONTED.match(subj + ", x"):
        return ""
    if not (words[0].lower() in {"el", "la", "los", "las"} or re.match(_NAME + "$", words[0])):
        return ""
    if any(verbish(w.lower()) or is_finite_verb(w.lower()) for w in words[1:]) or _CLAUSE_BEFORE.search(subj):
        return ""
    return subj if _subject_aside(clause[m.end(1) :], subj) else ""


def _subject_list(after_subject: str) -> str:
    """Return the rest of a list of subjects after its first member («, Florey y Chain»), "" when there is none.

    Every member a short phrase without a clause, a figure or a verb; the last one joined by «y / e» with no comma
    after it, and a plural verb right after it: «Francia, Austria y Rusia firmaron…». A phrase between commas
    («Roma, capital del imperio y sede del papa, fue…») or a singular verb is no list.
    """
    if not re.match(r"\s*,", after_subject) or re.search(r"[;:()«»]", after_subject.split(" y ")[0]):
        return ""
    conj = re.search(r"\s(?:y|e)\s+", after_subject)
    if not conj:
        return ""
    members = after_subject[: conj.start()].split(",")[1:]
    words_after = after_subject[conj.end() :].split(" ")
    for k in range(1, min(5, len(words_after)) + 1):
        last, rest = " ".join(words_after[:k]), " ".join(words_after[k:])
        verb, _after = _verb_group(rest)
        if not verb:
            continue
        finite = next((w for w in verb.lower().split() if w not in _CLITICS), "")
        if not _plural_verb(finite) or last.endswith(","):
            return ""
        for member in [*members, last]:
            words = member.split()
            if not 1 <= len(words) <= 5 or _ASIDE_CLAUSE.search(member) or _CONNECTIVE_ASIDE.match(member.strip()):
                return ""
            if any(is_finite_verb(w.lower()) for w in words):
                return ""
        return after_subject[: len(after_subject) - len(rest)].rstrip()
    return ""


_NAME = r"[A-ZÁÉÍÓÚÑ][\w-]*"
# A direct object that is a name right after the verb: «Quito», «San Juan de Puerto Rico» (not «a Lima»: a place).
_NAMED_OBJECT = re.compile(
    r"(" + _NAME + r"(?:\s+(?:de|del|de\s+la|de\s+los|y|e)\s+" + _NAME + r"|\s+" + _NAME + r")*)"
    r"(?=\s+(?:en|a|al|tras|con|de|del|desde|durante|hasta|por|para|sin|sobre|ante|entre|hacia)\b|\s*$)"
)
# A work's title said in sentence case: a common word capitalised, then its lower-case complement.
_TITLE_COMPLEMENT = re.compile(r"\s+(?:sobre|de|del|acerca\s+de)\s+(?:(?:el|la|los|las)\s+)?[a-záéíóúñ]")


def _work_title_goes_on(name: str, after: str) -> bool:
    """Return whether a one-word «name» is a common word opening a work's title that goes on in lower case
    («Reflexiones sobre la potencia motriz del fuego»)."""
    return (
        " " not in name and _TITLE_COMPLEMENT.match(after) is not None and simplemma.is_known(name.lower(), lang="es")
    )


# A capitalised name that goes on after the match: «Patrimonio» in «Patrimonio de la Humanidad».
_NAME_GOES_ON = re.compile(r"\s+(?:de|del|de\s+la|de\s+las|de\s+los|y|e)\s+[A-ZÁÉÍÓÚÑ]")
# Verbs that make one predicate with a bare noun after them («puso fin», «tuvo lugar», «tomó posesión»).
_LIGHT_VERBS = {"poner", "tener", "tomar", "dar", "hacer", "prestar", "rendir", "contraer", "echar", "sacar"}
# Verbs that make one predicate with the adjective or participle after them («estaba amenazada»).
_COPULAS = {"estar", "ser", "quedar", "permanecer", "resultar", "seguir", "parecer"}
# Verbs whose infinitive belongs to them alone («la suerte pareció cambiar»).
_RAISING = {"parecer", "soler"}
# Fixed phrases that finish a verb («llevó a cabo», «entró en vigor», «puso en marcha»).
_FIXED_TAIL = re.compile(
    r"(?:a\s+cabo|en\s+vigor|en\s+marcha|en\s+práctica|en\s+libertad|de\s+manifiesto|a\s+la\s+luz|a\s+luz"
    r"|a\s+conocer|en\s+cuenta)\b",
    re.IGNORECASE,
)
_DETERMINERS = {
    "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "su", "sus", "este", "esta", "estos", "estas",
    "ese", "esa", "esos", "esas", "aquel", "aquella", "todo", "toda", "todos", "todas", "cada", "ambos", "ambas",
    "a", "al", "de", "del", "en", "con", "por", "para", "sin", "sobre", "contra", "hacia", "hasta", "desde",
    "tras", "entre", "ante", "bajo", "durante", "mediante", "según", "que", "si", "cuando", "como", "no",
}  # fmt: skip


def _verb_tail(verb: str, after: str) -> int | None:
    """Return how many characters of `after` belong to the verb's own predicate (0 for none; None: unsure).

    Spanish puts the subject after the verb of a question, but not inside the verb's predicate: the bare noun of
    a light-verb phrase («pusieron fin los Reyes Católicos al reino…», «tuvo lugar la batalla»), a fixed phrase
    («llevó a cabo»), the adjective or participle after a copula («estaba amenazada la República…») and the
    infinitive of «parecer / soler» («pareció cambiar la suerte») stay beside the verb, and the subject comes
    after them. A bare noun, adjective or participle after any other verb is a predicative or a secondary
    predicate, which may follow the subject («nombró el rey primer ministro a Bismarck», «derrotaron Prusia y
    Austria juntas a Dinamarca»). When the words do not say, the parse of the statement does.
    """
    tail = _FIXED_TAIL.match(after)
    if tail:
        return tail.end()
    verb_lemma = lemma(verb.split()[-1].lower())
    tail = re.match(r"que\s+(?:se\s+)?[a-záéíóúñ]+(?:ar|er|ir)\b", after)
    if tail and verb_lemma == "tener":
        return tail.end()  # «tuvo que vender»: the subject comes after the whole periphrasis
    m = re.match(r"([a-záéíóúñü]+)\b", after)
    if not m or m.group(1) in _DETERMINERS or m.group(1).endswith("mente"):
        return 0
    word = m.group(1)
    if re.fullmatch(r"[a-záéíóúñ]{2,}(?:ar|er|ir)", word) and lemma(word) == word and verb_lemma not in _LIGHT_VERBS:
        return m.end() if verb_lemma in _RAISING else 0  # «intentó huir» keeps its order; «pareció cambiar» not
    if verb_lemma not in _LIGHT_VERBS | _COPULAS:
        return 0
    from .nlp import parse  # late import: the model is read only when the words do not say

    p = parse(f"{verb} {after}")
    tok = next((t for t in p.tokens if t.start > len(verb) and t.text == word), None)
    if tok is None:
        return None
    if verb_lemma in _LIGHT_VERBS and tok.pos == "NOUN" and tok.feature("Number") != "Plur":
        return m.end()  # «puso fin», «tuvo lugar»
    if tok.pos == "ADJ" and tok.dep in {"amod", "nummod"} and tok.head > tok.i:
        return 0  # «hicieron grandes esfuerzos»: the adjective of the object after it
    if tok.pos == "ADJ" or re.search(r"(?:ad|id)[oa]s?$", word):
        return m.end()  # «estaba amenazada», «quedó destruida», «hizo posible»
    if verb_lemma in _LIGHT_VERBS and tok.pos == "NOUN":
        return 0  # «hicieron grandes …»: a plural object
    return 0 if tok.pos in {"NOUN", "PROPN", "NUM", "ADV"} else None


# Words between a verb and its infinitive («intentaron … sin éxito tomar»).
_SPLIT_INFINITIVE = re.compile(
    r"(?:[a-záéíóúñ]+\s+){1,3}?(?:[a-záéíóúñ]{2,}(?:ar|er|ir))\s+(?:[A-ZÁÉÍÓÚÑ]\w*|el|la|los|las|un|una)\b"
)

# A question that runs two clauses together or ends on a word that wants more.
_SPLICED = re.compile(r"[:;]|\bes decir\b|\s(?:y|e|o|u|ni|de|del|a|al|en|que|con|por)\?$", re.IGNORECASE)
# Said of the sentence before: "poco después", "entonces", "allí", "él".
_LEANS_BACK = re.compile(
    r"\b(?:entonces|después|más tarde|allí|allá|así|él|ella|ellos|ellas)\b(?!\s+(?:de|que)\b)", re.IGNORECASE
)


def _before_christ(fact: Fact) -> bool:
    """Return whether the fact's date is a year before Christ («221 a. C.», «el 44 a. C.»)."""
    year = (fact.value or {}).get("year")
    return (isinstance(year, int) and year < 0) or bool(re.search(r"\ba\.\s?C\.", fact.answer))


# A date said of the noun a time preposition governs: «hasta su consagración en _____», «tras la muerte del rey en».
_NOUN_DATED = re.compile(
    r"\b(?:hasta|desde|tras|antes\s+de|después\s+de)\s+(?:su|sus|la|el|los|las)\s+[a-záéíóúñü]+(?:\s+(?:de|del)\s+"
    r"(?:(?:la|el|los|las)\s+)?[\wáéíóúñü]+)?\s+en\s+(?:el\s+(?:año\s+)?)?$",
    re.IGNORECASE,
)


def wh_prompt(fact: Fact, stem_with_mark: str, disc: Discourse | None) -> str:
    """Return a question for the fact, or "" when the rules cannot build a whole one."""
    q = _wh_prompt(fact, stem_with_mark, disc)
    if not q or _LEANS_BACK.search(q) or MARK in q:
        return ""
    if _NOUN_DATED.search(fact.sentence[: getattr(fact, "local_start", 0)]):
        return ""  # «las obras avanzaron … hasta su consagración en 1541»: the date is the noun's, not the verb's
    m = re.search(r"¿(?:\w+)(?:\s+(?:qué|cuántos|cuántas)\s+\w+)?\s+(?:se\s+)?(\w+)", q)
    if m and re.search(r"\b(?:que|quien|quienes|donde)\s+(?:se\s+)?" + re.escape(m.group(1)) + r"\b", fact.sentence):
        return ""  # the verb moved to the front is a relative clause's («un ejército que bajaba…»)
    if re.match(r"¿Dónde\s+(?:es|era|fue|son|eran|fueron)\b", q):
        return ""  # «¿Dónde es el Amazonas un río…?»: a copula does not say where
    if _BELIEF_THEN_CLAUSE.match(q):
        # «¿En qué año cree la mayoría de los historiadores hoy que fue encargado…?»: the date is the reported
        # clause's (or a noun's in it), not the belief's
        return ""
    if _SPLICED.search(q):
        return ""  # «¿Cuándo se disolvió la Unión Soviética: Gorbachov dimitió?»: two clauses in one question
    q = _cut_second_clause(q, fact, disc)
    q = _PLUPERFECT.sub(_as_preterite, q, count=1)  # «¿En qué año había descrito…?» asks «¿En qué año describió…?»
    dangling = _PREP_RELATIVE_END.search(q)
    if dangling and is_finite_verb(dangling.group(1).lower()) and _SE_MAIN.match(q):
        # «¿En qué año se proclamó el Partido…, del que fue elegido delegado?»: the relative's subject is nobody the
        # question names (the main clause has none); what it adds goes.
        q = q[: dangling.start()] + "?"
    last_verb = re.search(r"\s(?:y|e)\s+(?:se\s+)?([a-záéíóúñ]+)\?$", q)
    if last_verb and is_finite_verb(last_verb.group(1)):
        return ""  # «¿Cuándo comenzaron las obras… y terminaron?»: the second verb lost its own date
    comma_verb = re.search(r",\s+(?:se\s+)?([a-záéíóúñ]+)\b", q)
    if comma_verb and is_finite_verb(comma_verb.group(1)):
        return ""  # «¿En qué año se rebeló Manco Inca, reunió un gran ejército?»: a second verb spliced on
    q = re.sub(r"\s+([,;.?])", r"\1", q)
    if re.search(r"\s(\w+)\?$", q) and re.search(r"\s(\w+)\?$", q).group(1).lower() in _DETERMINERS | {"y", "e", "o"}:
        return ""  # «¿En qué año reunió Cortés en Tlaxcala a los?»: the object left behind, a preposition dangles
    for se_verb in re.finditer(r"\bse\s+([a-záéíóúñ]+)", q):
        said = f"{fact.sentence} {stem_with_mark}"
        said_so = re.search(r"\bse\s+" + re.escape(se_verb.group(1)) + r"\b", said, re.IGNORECASE)
        participle = said_so or any(preterite(w) == se_verb.group(1) for w in re.findall(r"[a-záéíóúñ]+", said))
        if not participle:
            return ""  # «¿Cuándo se entró en vigor…?»: a «se» the sentence does not say with that verb
    # A word capitalised only because it opened the sentence is lower case inside the question («¿… Durante la…?»).
    # (Not an article that opens a name, «la batalla de Las Salinas», nor the phrase kept before the question.)
    lead, q = (q.split("¿", 1)[0], "¿" + q.split("¿", 1)[1]) if "¿" in q else ("", q)
    head, body = q.split(" ", 1) if " " in q else (q, "")
    head = lead + head
    body = re.sub(
        # (nor a title's first word in quotes: «El avaro», «La liberación de la mujer»)
        r"(?<![«\"“'‘])\b([A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)\b(?!\s+[A-ZÁÉÍÓÚÑ])(?=(\s+[a-záéíóúñ]+)?)",
        lambda m: (
            m.group(1).lower()
            if m.group(1).lower() in _DETERMINERS | _OPENING_WORDS
            and not _capital_inside(m.group(1), fact.sentence)
            # «La jungla» (a work's title) written so inside another sentence of the text keeps its capital
            and not (m.group(2) and _capital_article(m.group(1) + m.group(2), disc))
            else m.group(1)
        ),
        body,
    )
    q = f"{head} {body}" if body else head
    return _membership_of(q, disc)


# A question whose verb reports what someone thinks or says, then the clause it reports («cree … que fue…»).
_BELIEF_THEN_CLAUSE = re.compile(
    r"¿[^?]*?\b(?:cree|creen|creía|creían|piensa|piensan|opina|opinan|sostiene|sostienen|supone|suponen|considera|"
    r"consideran|afirma|afirman|estima|estiman)\b[^?]*?\bque\s",
    re.IGNORECASE,
)


# Joining or leaving with what is joined or left unsaid («¿Cuándo ingresó China?», «¿En qué año se retiró Italia?»):
# in a text about an organisation it is the organisation (judged «contexto»: «falta en la OMC», «de la Sociedad de
# Naciones»). The preposition each verb takes.
_MEMBERSHIP = re.compile(
    r"^(¿(?:Cuándo|En qué año|Hacia qué año|En qué fecha)\s+)"
    r"(ingresó|ingresaron|entró|entraron|se incorporó|se incorporaron|se adhirió|se adhirieron|se unió|se unieron|"
    r"se sumó|se sumaron|se retiró|se retiraron|salió|salieron)\s+([^?,]{2,60})\?$"
)
_MEMBERSHIP_PREP = {"ingres": "en", "entr": "en", "sal": "de", "se retir": "de"}
_CONTRACTED = {("a", "el"): "al", ("de", "el"): "del"}
_ACRONYM_TOPIC = re.compile(r"[A-Z]{2,6}")  # a title that is an acronym («OTAN», «UNESCO»)


def _membership_of(q: str, disc: Discourse | None) -> str:
    """Return the question with the organisation a member joined or left, when the text is about one."""
    m = _MEMBERSHIP.match(q)
    if m is None or disc is None or re.search(r"\b(?:a|al|en|de|del|con)\b", m.group(3)):
        return q
    topic = disc.document_subject()
    if not topic and disc.title and disc.title.split()[0][:1].isupper():
        # the title, with the article its head takes («Organización Mundial del Comercio» → «la Organización…»)
        article = _noun_article(disc.title.split()[0].lower(), False)
        topic = f"{article} {disc.title}" if article else ""
    head = next((w for w in topic.split() if w[:1].isupper() and w.lower() not in {"el", "la", "los", "las"}), "")
    if head not in ORG_HEADS and head != "Unión" and not _ACRONYM_TOPIC.fullmatch(head):
        return q
    prep = next((p for stem, p in _MEMBERSHIP_PREP.items() if m.group(2).startswith(stem)), "a")
    topic = lower_first(topic)
    article, _, rest = topic.partition(" ")
    said = f"{_CONTRACTED[prep, article]} {rest}" if (prep, article) in _CONTRACTED and rest else f"{prep} {topic}"
    return f"{m.group(1)}{m.group(2)} {m.group(3)} {said}?"


# A relative clause after a preposition closing a question, its verb right after the pronoun («, del que fue elegido
# delegado?», «, con quien colaboraba?»): its subject is left unsaid.
_PREP_RELATIVE_END = re.compile(
    r",\s+(?:del|de|con|en|por|para|a|al|sobre|desde)\s+(?:(?:el|la|los|las)\s+)?(?:que|quien|quienes|cual|cuales)\s+"
    r"(?:(?:se|le|les|lo|la|no)\s+)?([a-záéíóúñ]+)\b[^,?]*\?$"
)
# A question whose main verb is a «se» form («¿En qué año se proclamó…?»): it names no agent.
_SE_MAIN = re.compile(r"¿[^?,]*?\bse\s+[a-záéíóúñ]+")


# The last phrase before a date at the end opened by a participle after a comma («, inaugurada en Nueva York»).
_PARTICIPLE_CLAUSE_END = re.compile(
    rf",\s+(?:[a-záéíóúñ]{{3,}}(?:ad|id)[oa]s?|{IRREGULAR_PARTICIPLE_STEM}[oa]s?)"
    r"\b[^,;]*$"  # (and the irregular ones: «…, muerto por un oso en 739» dates the death, not the main verb)
)


def _capital_inside(word: str, sentence: str) -> bool:
    """Return whether the sentence writes the word capitalised after its start: a title's article («pintó La lección
    de anatomía…»), not the capital of an opening word."""
    return re.search(r"(?<=\s)" + re.escape(word) + r"\b", sentence) is not None


_SECOND_CLAUSE = re.compile(r"\s(?:y|e)\s+((?:(?:se|le|les|lo|la|los|las|no)\s+)?([a-záéíóúñ]+)\b[^?]*)\?$")


def _cut_second_clause(q: str, fact: Fact, disc: Discourse | None) -> str:
    """Return the question without a second clause coordinated after what it asks: «¿En qué año comenzó la represa
    a generar electricidad y cuenta con una potencia de 14 000 MW?» ends at «electricidad?» — when the sentence
    says that clause after the answer (the date was the first verb's), and its verb is finite and not the last
    word (a lone «… y terminaron?» lost its own date: held below)."""
    m = _SECOND_CLAUSE.search(q)
    if getattr(fact, "kind", "") not in {"date", "number"} or not m or len(m.group(1).split()) < 2:
        return q  # (a person or a thing asked is the subject both verbs share: «¿Quién se rebeló y reunió…?»)
    said = fact.sentence.find(" " + m.group(1).split()[0] + " " + m.group(1).split()[1], fact.local_end)
    if said < 0 or not re.search(r"\s(?:y|e)$", fact.sentence[:said]):
        return q
    before = re.search(r"(\w+)\s+(?:y|e)$", fact.sentence[:said])
    if before and is_finite_verb(before.group(1).lower()):
        return q  # «Tamerlán derrotó y capturó al sultán…»: the verbs share their object; cut, «derrotó» has none
    verb = m.group(2)
    if not is_finite_verb(verb):
        parse = _fact_parse(fact, disc)  # «cuenta», «forma»: a noun or a verb, as the parse reads it here
        at = said + 1 + m.group(1).find(verb) if parse is not None and parse.text == fact.sentence else -1
        if not any(t.start == at and t.pos in {"VERB", "AUX"} and t.finite for t in (parse.tokens if at >= 0 else ())):
            return q
    return q[: m.start()] + "?"


# Common words that open a sentence and are no names (lower case once moved inside a question).
_OPENING_WORDS = {
    "muchos", "muchas", "varios", "varias", "otros", "otras", "algunos", "algunas", "pocos", "pocas", "durante",
    "tras", "según", "mediante", "después", "antes", "entonces", "finalmente",
}  # fmt: skip


# A possessed noun or a noun of an event, then a comma, before a date that ends the clause: the date is that event's
# («hasta su muerte, el 9 de abril de 1483»; «tras la abdicación, en 1555»), not the main verb's.
_EVENT_NOUN_BEFORE = re.compile(
    r"(?:\b(?:su|sus)\s+[a-záéíóúñü]+|\b(?:muerte|fallecimiento|nacimiento|boda|coronación|abdicación|llegada|"
    r"regreso|caída|fundación|inauguración|ejecución|asesinato|dimisión|jubilación|retirada|rendición))\s*,\s*$",
    re.IGNORECASE,
)


def _wh_prompt(fact: Fact, stem_with_mark: str, disc: Discourse | None) -> str:
    """Return a question for the fact, or "" when the rules cannot build a whole one.

    `stem_with_mark` is the fact's stem with MARK in place of the answer (article included).
    """
    kind = wh_kind(fact)
    if not kind or stem_with_mark.count(MARK) != 1:
        return ""
    after = stem_with_mark.index(MARK) + len(MARK)
    day = DAY_APPOSITION.match(stem_with_mark, after) if kind in {"year", "when"} else None
    if day:
        stem_with_mark = stem_with_mark[:after] + stem_with_mark[day.end() :]  # the day's apposition goes with it
    s, problem = stand_alone(stem_with_mark, fact.sentence_index, disc, blank=MARK, answer=fact.answer)
    if problem or MARK not in s:
        return ""
    s = s.strip()
    s = s if re.search(r"\b[ad]\. C\.$", s) else s.rstrip(".").strip()
    if kind in {"year", "when"}:
        named = _named_participle_question(fact, s, kind)
        if named:
            return named
        # «En el 58 a. C., …» opens the clause as «En 1519, …» does.
        m = re.search(
            r"(?:^|\s)(?P<p>(?:en|durante)\s+el|en|el|durante|hacia(?:\s+el)?|a\s+partir\s+de(?:l)?|desde(?:\s+el)?)\s+"
            r"(?:el\s+año\s+)?" + MARK + r"\s*,?",
            s,
            re.I,
        )
        if not m:
            return ""
        # «hacia 1764», «a partir de 1778», «desde 1713»: the question keeps the preposition («¿Hacia qué año…?»); a day
        # or a month is not asked so («¿A partir de cuándo…?» reads as a date of another kind).
        bound = re.match(r"(hacia|a\s+partir\s+de|desde)", m.group("p"), re.I)
        if bound and kind != "year":
            return ""
        fronted = m.start() == 0
        pre = s[: m.start()].rstrip()
        if not fronted and pre.endswith(",") and m.group(0).rstrip().endswith(",") and kind == "when":
            # «En la batalla de Las Salinas, el _____, los pizarristas derrotaron…»: the day set off after a phrase
            # «en / durante + an event» is the day of what happens in it; the phrase stays before the question. Not
            # after «para / tras…» («Para el desembarco de Normandía, en _____, se habían preparado…»: another day).
            lead = pre.rstrip(" ,")
            fronted = (
                bool(re.match(r"(?:en|durante)\s", lead, re.IGNORECASE)) and _fronted_adjunct(lead + ", x") == lead
            )
        at_end = s[m.end() :].strip() == ""
        if at_end and re.search(r"[A-ZÁÉÍÓÚÑ][\w-]*\s*,\s*$", s[: m.start()]):
            return ""  # «continuó hasta la Paz de los Pirineos, en 1659»: the date is the name's, not the verb's
        if at_end and _EVENT_NOUN_BEFORE.search(s[: m.start()]):
            return ""  # «reinó sin oposición hasta su muerte, el 9 de abril de 1483»: the date is the death's
        if at_end and _PARTICIPLE_CLAUSE_END.search(s[: m.start()]):
            return ""  # «…, la estatua de la Libertad, inaugurada en Nueva York en 1886»: the participle's date
        if at_end and _in_subordinate(s[: m.start()]):
            return ""  # «tiene doce estrellas, que se dispusieron en círculo en 1955»: the date is the relative's
        # «compartieron en _____ el Premio Nobel»: a date inside the clause, of its main verb (the parse says).
        inside = not (fronted or at_end) and _inside_ok(s[: m.start()], m.group(0), s[m.end() :])
        inside = inside and _dates_main_verb(fact, disc)
        if (
            not (fronted or at_end or inside)
            or _PARTICIPLE_BEFORE.search(s[: m.start()])
            or _DANGLING_BEFORE.search(s[: m.start()])
        ):
            return ""
        clause = (s[: m.start()] + " " + s[m.end() :]).strip()
        from .questions import temporal_spans  # late import: questions imports this module

        if temporal_spans(clause, ("date",)) or _year_like(clause):
            return ""  # another date stays: which one is asked?
        wh = "En qué año" if kind == "year" else "Cuándo"
        if bound:
            wh = {"hacia": "Hacia", "desde": "Desde"}.get(bound.group(1).lower(), "A partir de") + " qué año"
        if kind == "year" and _before_christ(fact):
            # «¿En qué año tomó Aníbal el mando?» for 221 a. C. reads as our era: the era the answer has is asked too.
            wh = wh + " antes de Cristo"
    elif kind == "which":
        head = head_noun(fact.answer)
        if s.startswith(MARK):
            # «El Tratado de Madrid sustituyó…» → «¿Qué tratado sustituyó…?»: the subject, asked by its head noun.
            rest = s[len(MARK) :].strip()
            verb, _after = _verb_group(rest)
            if not verb or _plural_verb(verb.split()[-1]) or not has_main_verb(rest) or len(rest.split()) < 3:
                return ""
            if lemma(verb.split()[-1].lower()) in {"ser", "estar"}:
                return ""  # «¿Qué tratado fue un acuerdo firmado…?»: a definition gives its name away in the title
            return f"¿Qué {head} {rest}?"
        return _object_question(fact, s, disc, f"qué {head}")
    elif kind == "who":
        pre = ""
        if not s.startswith(MARK):
            asked = _role_question(fact, s, disc)
            pre = _fronted_adjunct(s) if not asked else ""
            if not asked and not pre:
                return _object_question(fact, s, disc, "quién")
            if not pre or not s[len(pre) :].lstrip(" ,").startswith(MARK):
                return asked
            # «Para recobrar la libertad, _____ ofreció…»: the phrase stays before the question.
            s = s[len(pre) :].lstrip(" ,")
        parse = disc.parse(fact.sentence_index) if disc is not None else None
        people = len({e.text for e in parse.entities if e.label == "PER"}) if parse is not None else 0
        if (people > 1 or pre) and not _person_is_subject(fact, disc):
            # two people in the sentence: «¿Quién…?» may put the act on the wrong one, unless the parse makes the
            # answer the subject of the main verb right after it; so too after a fronted phrase
            return ""
        rest = s[len(MARK) :].strip()
        verb, _after = _verb_group(rest)
        if not verb or rest.startswith(","):
            return ""
        if _plural_verb(verb.split()[-1]) and fact.kind == "person" and not re.search(r"\s(?:y|e)\s", fact.answer):
            return ""  # a plural verb for one person: the answer is part of a pair
        who = "Quiénes" if _plural_verb(verb.split()[-1]) and not verb.split()[-1].endswith(("ado", "ido")) else "Quién"
        # "¿Quién se entregó?" asks too little to have one answer: a verb and its complements are needed.
        if not has_main_verb(rest) or len(rest.split()) < 4:
            return ""
        if pre:
            return "" if who != "Quién" or _plural_verb(verb.split()[-1]) else f"{pre}, ¿quién {rest}?"
        return f"¿{who} {rest}?"
    elif kind == "place":
        word = _PLACE_WORD.get(fact.subtype)
        to = re.search(r"(?:^|\s)(a|hacia|con|contra|desde)\s+" + MARK, s, re.IGNORECASE)
        if word and to and not s.startswith(MARK):
            # «Muchos mexicanos emigraron a _____» → «¿A qué país emigraron muchos mexicanos?» (not a bare object:
            # «¿Qué país ocupó el Reino Unido?» reads both ways; «en _____» is asked by «¿Dónde…?» below).
            return _object_question(fact, s, disc, f"qué {word}")
        if s.startswith(MARK):
            word = _PLACE_WORD.get(fact.subtype)
            rest = s[len(MARK) :].strip()
            verb, after = _verb_group(rest)
            if not word or not verb or _plural_verb(verb.split()[-1]):
                return ""
            if word in {"país", "río", "lago"} and _FEMININE_AFTER.match(after):
                return ""  # "quedó excluida": the name is feminine, «país» is not
            if re.match(rf"(?:fue|es|era|sería)\s+(?:el|la)\s+{re.escape(word)}\b", rest, re.IGNORECASE):
                return ""  # «¿Qué país fue el país con mayor número de víctimas…?»: the noun said twice
            return f"¿Qué {word} {rest}?"
        m = re.search(r"(?:^|\s)en\s+" + MARK + r"\s*,?", s, re.IGNORECASE)
        if not m or not (m.start() == 0 or s[m.end() :].strip() == ""):
            return ""
        clause = (s[: m.start()] + " " + s[m.end() :]).strip()
        if m.start() and not _verb_before(s[: m.start()]):
            return ""  # «por su victoria en _____»: the place is the noun's («victoria en Zama»), not the verb's
        if m.start() and _CLAUSE_BEFORE.search(s[: m.start()]):
            return ""  # «…, donde se instaló en _____»: a place inside a relative clause is not asked by «¿Dónde…?»
        if s[: m.start()].rstrip().endswith(",") or _ANOTHER_PLACE.search(clause):
            return ""  # ", en Madrid" after a museum, or another place in the clause: where exactly?
        verb = re.match(r"\s*(?:se\s+)?([a-záéíóúñ]+)", clause)
        if verb and verbish(verb.group(1)) and _plural_verb(verb.group(1)) and not re.search(r"\s(?:y|e)\s", clause):
            return ""  # «se encuentran el lago Titicaca, a 3812 m»: a plural verb left with one of its subjects
        # «En Estados Unidos, el Senado rechazó…» asks «¿En qué país…?»: a country is no answer to «¿Dónde…?».
        wh = f"En qué {word}" if m.start() == 0 and word in {"país", "continente"} else "Dónde"
    else:  # count
        noun = (fact.value or {}).get("unit", "")
        article = _noun_article(noun, plural=True) if noun.endswith("s") else ""
        if not article or len(noun.split()) != 1:
            return ""
        gender = _parsed_gender(disc, fact.sentence_index, noun)
        if gender:
            article = "las" if gender == "Fem" else "los"  # «fases»: the parse knows what the ending does not
        how = "Cuántas" if article == "las" else "Cuántos"
        if re.match(r"(?:no\s+)?se\s+\S+\s+" + MARK + r"\s", s, re.IGNORECASE):
            return _impersonal_count(s, noun, how, disc)
        m = re.search(r"(?:^|\s)(con|de|a|en|entre|por|para|sobre)?\s*" + MARK, s, re.IGNORECASE)
        if not m:
            return ""
        if _COUNT_DETERMINER.search(s[: m.start()]):
            return ""  # «Colón realizó otros QQQ»: «¿Cuántos viajes realizó Colón otros?» leaves the word behind
        prep = (m.group(1) or "").lower()
        if m.start() == 0 and not prep:
            rest = s[m.end() :].strip()
            return f"¿{how} {noun} {rest}?" if _verb_group(rest)[0] else ""
        if not (m.start() == 0 or s[m.end() :].strip() == "") or _DANGLING_BEFORE.search(s[: m.start()]):
            return ""
        if m.start() and _CLAUSE_BEFORE.search(s[: m.start()]):
            return ""  # «…, que dividió Europa en dos bloques»: the phrase belongs to a clause the question cannot open
        if m.start() and re.search(r"[a-záéíóúñ]{3,}(?:ad|id)[oa]s\s*$", s[: m.start()]):
            return ""  # «… redactadas en griego y divididas en 12 libros»: the figure is a participle's, not the verb's
        participle = _ADJECTIVAL_PARTICIPLE_BEFORE.search(s[: m.start()]) if m.start() else None
        if participle and not any(verbish(w) for w in participle.group("phrase").split()):
            return ""  # «una meseta protegida en sus flancos por dos arroyos»: the noun's participle, not the verb's
        if prep == "de" and m.start() and not _verb_before(s[: m.start()]):
            return ""  # «por los gobiernos de _____ países»: the figure is the noun's («gobiernos de 27 países»)
        clause = (s[: m.start()] + " " + s[m.end() :]).strip()
        wh = f"{prep.capitalize()} {how.lower()} {noun}" if prep else f"{how} {noun}"
    clause = re.sub(r"\s{2,}", " ", clause).strip(" ,")
    if re.search(r"\b(?:él|ella|ellos|ellas)\b", clause):
        return ""  # "murieron en él": what it stands for is not in the question
    if not clause or not has_main_verb(clause):
        return ""
    if not any(
        w.lower() not in _CLITICS and not w.endswith("mente") and not verbish(w) for w in _WORDS.findall(clause)
    ):
        return ""  # «¿Cuándo se inauguró probablemente?»: a verb alone asks of nothing the student is told
    return _invert(wh, clause[0].upper() + clause[1:], disc)


_WORDS = re.compile(r"[\wáéíóúñüÁÉÍÓÚÑÜ]+")
_CLITICS = frozenset({"se", "no", "le", "les", "lo", "la", "los", "las", "me", "te", "nos"})


_COORDINATORS = {"y", "e", "o", "u", "ni"}
# A word before a counted noun that a question by «¿Cuántos…?» cannot keep («otros tres viajes», «sus dos hijos»).
_COUNT_DETERMINER = re.compile(
    r"(?<![\w])(?:otros|otras|sus|los|las|estos|estas|esos|esas|aquellos|aquellas|primeros|primeras|últimos|últimas|"
    r"mismos|mismas|demás)\s*$",
    re.IGNORECASE,
)
# Another place said with «en» in the clause: «en Madrid», «en las islas Canarias», «en el valle de México».
_ANOTHER_PLACE = re.compile(
    r"\ben\s+(?:(?:el|la|los|las)\s+)?(?:(?:islas?|valle|región|provincia|ciudad|río|sierra|península|costa|"
    r"archipiélago|cordillera|montes?|lago|mar|golfo|bahía|desierto|estado|reino|puerto|norte|sur|este|oeste|centro)"
    r"\s+(?:(?:de|del)\s+(?:la\s+|los\s+|las\s+)?)?)?[A-ZÁÉÍÓÚÑ]"
)


_FRAME_PREPOSITION = r"(?:en|sobre|entre|bajo|a|al|de|del|desde|hasta|durante|con|por|para)"


def _impersonal_count(s: str, noun: str, how: str, disc: Discourse | None) -> str:
    """Return «¿Cuántas placas principales se distinguen?» from «Se distinguen QQQ principales y …» (the mark stands
    for the number and its noun, «siete placas»).

    A clause that opens with an impersonal or passive «se» says of what only by its object: the question is made when
    the counted noun is the title's or the document subject's own (the student reads what they are), with the
    adjectives after it, and a prepositional complement says where or of what («sobre el río», «en la meseta»); a
    coordinated member after them («y numerosas placas menores…») or an aside after a comma is another thing counted
    or said and is left out. Without the complement the question has no frame («¿Cuántas placas principales se
    distinguen?»: of what? judged R): "" (the cloze then opens with «Se» and is held as `impersonal`).
    """
    m = re.match(r"((?:no\s+)?se\s+(\S+))\s+" + MARK + r"(?=\s|$)", s, re.IGNORECASE)
    if not m or not verbish(m.group(2)) or not _plural_verb(m.group(2)):
        return ""
    topic = fold(f"{disc.title} {disc.document_subject()}") if disc is not None else ""
    stem = fold(noun)[:-2] if fold(noun).endswith("es") and len(noun) > 5 else fold(noun).rstrip("s")
    if not stem or not re.search(r"\b" + re.escape(stem) + r"(?:s|es)?\b", topic):
        return ""  # «Se publicaron _____ capítulos»: of what?
    words = s[m.end() :].split()
    adjectives = []
    while words and re.fullmatch(r"[a-záéíóúñü]+", words[0]) and len(adjectives) < 2:
        w = words[0]
        if w in _COORDINATORS or w in _DETERMINERS or w in {"que", "de", "del", "en", "a", "al", "con", "por", "para"}:
            break
        if verbish(w) and not w.endswith(("ales", "ares", "ores", "ivas", "ivos")):
            break
        adjectives.append(words.pop(0))
    rest = " ".join(words)
    if rest and (rest[0] in ",(;" or rest.split()[0] in _COORDINATORS):
        if rest[0] != "," and any(is_finite_verb(w) for w in re.findall(r"[a-záéíóúñü]+", rest)):
            return ""  # «…y se hundieron otras»: a second clause, not a member
        rest = ""
    elif rest and not re.match(_FRAME_PREPOSITION + r"\s", rest):
        return ""  # the object goes on in a way the question cannot carry
    if not rest:
        return ""  # no frame: counted where, of what?
    # «en el parque, y numerosas lagunas menores»: the frame ends where another thing counted or an aside begins
    # (not «en Asia y África», «en el norte y en el sur»).
    rest = re.split(r"\s*[,;(]|\s+(?:y|e)\s+(?!" + _FRAME_PREPOSITION + r"\s|[A-ZÁÉÍÓÚÑ])", rest)[0]
    verb = m.group(1)
    verb = verb[0].lower() + verb[1:]
    phrase = " ".join([noun, *adjectives])
    question = f"¿{how} {phrase} {verb}{(' ' + rest.rstrip(' .')) if rest else ''}?"
    return question if len(question.split()) >= 4 else ""


# The prepositions an object question keeps before its wh-word («¿Con qué tratado…?», «¿A quién…?»).
_OBJECT_PREPOSITIONS = {"a", "con", "contra", "en", "por", "hacia", "sobre", "ante", "tras", "desde"}


def _object_question(fact: Fact, s: str, disc: Discourse | None, what: str) -> str:
    """Return «¿Qué ley aprobó el Parlamento británico?», «¿Con quién regresó Bolívar?» from a clause that ends with
    its answer, the main verb's object or its complement with a preposition; "" when the parse says otherwise.

    The answer closes the clause (nothing of the clause is left after it, so the question keeps every word but the
    answer's); the parse makes it the object («obj») or a complement («obl», with the preposition the stem has before
    the blank) of the sentence's main verb, with no second verb joined to it; the clause names its subject (a
    question without one, «¿Qué premio recibió?», leans on the sentence before). The subject then follows the verb.
    """
    m = re.search(r"(?:^|\s)(?P<prep>[a-záéíóú]+)\s+" + MARK, s)
    if not m:
        return ""
    prep, after = m.group("prep").lower(), s[m.end() :].strip()
    if prep in _OBJECT_PREPOSITIONS:
        clause = s[: m.start("prep")]
    elif prep in _DETERMINERS or prep in {"y", "e", "o", "u", "ni"}:
        return ""  # «la llegada de _____», «Chile y _____»: a noun's complement or a list member
    else:
        prep, clause = "", s[: m.end("prep")]  # «aprobó _____»: the verb's object
    parse = _fact_parse(fact, disc)
    if parse is None:
        return ""
    head = parse.span_head(fact.local_start, fact.local_end)
    if head is None:
        return ""
    if any(t.dep == "conj" and t.head == head.i for t in parse.tokens):
        return ""  # «lucharon contra Austria, Francia y Rusia»: one member of a list would be asked as the whole answer
    if after.startswith(","):
        # «…aprobó la Ley del Timbre, que gravaba los periódicos»: what is said of the answer after a comma (a relative
        # clause, an apposition) is dropped with it; anything else after the comma stays the clause's, and is refused.
        nxt = next((t for t in parse.tokens if t.start >= fact.local_end and t.pos != "PUNCT"), None)
        said_of_answer = nxt is not None and (
            _descends(parse, nxt, head)
            # «el Tratado de París, firmado el…», «…, que…»: a participle or a relative right after the name's comma
            or re.match(r",\s*(?:que\s|[a-záéíóúñ]+(?:ad|id)[oa]s?\b)", after) is not None
        )
        if not said_of_answer:
            return ""
        after = ""
    elif after:
        # «compartieron con _____ el Premio Nobel»: the answer right after its verb, the clause going on after it.
        last = clause.split()[-1].lower() if clause.split() else ""
        nxt = next((t for t in parse.tokens if t.start >= fact.local_end), None)
        if parse.tokens[head.head].text.lower() != last or nxt is None or _descends(parse, nxt, head):
            return ""  # «se firmó en _____ de 1713»: what follows is still the answer's («Tratado de Utrecht de 1713»)
    clause = re.sub(r"\s{2,}", " ", f"{clause} {after}").strip(" ,")
    if not clause or _CLAUSE_BEFORE.search(clause) or s[: m.start()].rstrip().endswith(","):
        return ""
    deps = {"obl", "obj", "iobj"} if prep == "a" else {"obl"} if prep else {"obj"}
    if head is None or head.head == head.i or head.dep not in deps:
        return ""
    verb = parse.tokens[head.head]
    if verb.dep != "ROOT" or verb.pos != "VERB" or not verb.finite or verb.end > fact.local_start:
        return ""
    if any(t.dep in {"conj", "parataxis"} and t.head == verb.i and t.pos in {"VERB", "AUX"} for t in parse.tokens):
        return ""  # «…y entró en la guerra»: the question would give both acts the answer
    case = [t.text.lower() for t in parse.tokens if t.head == head.i and t.dep == "case"]
    if prep and case and case[-1] != prep and not (prep == "a" and case[-1] == "al"):
        return ""
    if fact.kind == "person" and (
        not prep
        or not any(e.label == "PER" and e.start <= head.start < e.end for e in parse.entities)
        or fact.answer.split()[0] in _NOT_PERSON_HEADS
    ):
        return ""  # a person as a direct object is said with «a» («a _____»); no «quién» for what is not a person
    body = clause[len(_fronted_adjunct(clause)) :].strip(" ,")
    first, second = ([*body.lower().split(), "", ""])[:2]
    clitic = first in {"se", "le", "les", "lo", "no"} or (first in _CLITICS and verbish(second))
    if not body or verbish(first) or clitic:
        return ""  # «Recibió _____»: no subject in the clause, the question would not say whose act it asks
    if not has_main_verb(clause) or re.search(r"\b(?:él|ella|ellos|ellas)\b", clause):
        return ""
    if re.search(r"\w+mente$", clause):
        return ""  # «endeudó gravemente a _____»: the adverb would be left after the subject («…la obra gravemente?»)
    wh = f"{prep.capitalize()} {what}" if prep else what[0].upper() + what[1:]
    q = _invert(wh, clause[0].upper() + clause[1:], disc)
    if not q or len(q.split()) < 5:
        return ""
    return q


# Heads of names that are no person, whatever the recogniser says («el Plan de Agua Prieta»).
_NOT_PERSON_HEADS = {*EVENT_HEADS, *ORG_HEADS, *STATE_HEAD_WORDS, *LANDMARK_HEADS, "Plan", "Programa", "Proyecto"}


def _descends(parse, tok, ancestor) -> bool:
    """Return whether a token hangs, through its heads, on another one (a relative clause on its noun)."""
    steps = 0
    while tok.head != tok.i and steps < 40:
        if tok.head == ancestor.i:
            return True
        tok, steps = parse.tokens[tok.head], steps + 1
    return False


# «el Tratado de París, firmado el _____»: a name, its article, and a participle that dates it, right before the blank.
_NAMED_PARTICIPLE = re.compile(
    r"(?:^|\s)(?P<art>(?i:el|la|los|las|del|al))\s+(?P<name>"
    + _NAME
    + r"(?:\s+(?:de|del|de\s+la|de\s+las|de\s+los)\s+"
    + _NAME
    + r"|\s+"
    + _NAME
    + r")*),\s+(?P<part>[a-záéíóúñ]+(?:ad|id)(?P<end>[oa]s?))\s+(?P<prep>en|el|hacia|en\s+el)\s+"
    + MARK
    + r"\s*(?:,|$)"
)
_ARTICLE_ENDING = {"el": "o", "del": "o", "al": "o", "la": "a", "los": "os", "las": "as"}
# Participle stems whose preterite is irregular («dado» → «dio», «tenido» → «tuvo», «conducido» → «condujo»).
_IRREGULAR_ADO = re.compile(r"^(?:d|est|and)$")
_IRREGULAR_IDO = re.compile(r"(?:duc|tra|sab|cab|hab|ten|ven|quer|pod|sat)$|^s?$")


# «¿En qué año había descrito…?»: a pluperfect right after the question's opening.
_PLUPERFECT = re.compile(r"^(¿(?:En qué año|Cuándo|Hacia qué año)\s+)(había|habían)\s+([a-záéíóúñ]+)\b")
_IRREGULAR_PRETERITE = {
    "escrito": ("escribió", "escribieron"),
    "descrito": ("describió", "describieron"),
    "hecho": ("hizo", "hicieron"),
    "dicho": ("dijo", "dijeron"),
    "puesto": ("puso", "pusieron"),
    "visto": ("vio", "vieron"),
    "muerto": ("murió", "murieron"),
    "abierto": ("abrió", "abrieron"),
    "vuelto": ("volvió", "volvieron"),
    "cubierto": ("cubrió", "cubrieron"),
    "descubierto": ("descubrió", "descubrieron"),
    "resuelto": ("resolvió", "resolvieron"),
    "roto": ("rompió", "rompieron"),
    "impreso": ("imprimió", "imprimieron"),
}


def _as_preterite(m: re.Match) -> str:
    """Return a question's pluperfect said in the preterite, as a question of a year asks it; as it was when the rules
    do not know the verb."""
    plural = m.group(2) == "habían"
    said = _IRREGULAR_PRETERITE.get(m.group(3))
    verb = said[plural] if said else preterite(m.group(3) + ("s" if plural else ""))
    if not verb:
        return m.group(0)
    return m.group(1) + verb


def preterite(participle: str) -> str:
    """Return the third-person preterite of a regular participle («firmado» → «firmó», «firmados» → «firmaron»,
    «construido» → «construyó», «dividida» → «dividió»), "" when it is irregular or the rules cannot say.

    Every «-ado» comes from an «-ar» verb. An «-ido» whose stem's last vowel is «e» or «o» may come from an «-ir» verb
    that changes it («elegido» → «eligió», «pedido» → «pidió»): only when the lemma says it is an «-er» verb
    («vencido» → «venció»).
    """
    m = re.fullmatch(r"([a-záéíóúñ]+?)(ad|íd|id)([oa])(s?)", participle.lower())
    if not m:
        return ""
    stem, ending, plural = m.group(1), m.group(2), bool(m.group(4))
    if ending == "ad":
        return "" if _IRREGULAR_ADO.match(stem) else stem + ("aron" if plural else "ó")
    if _IRREGULAR_IDO.search(stem):
        return ""
    if re.search(r"(?<![gq])u$", stem) or (ending == "íd" and stem[-1:] in {"a", "e", "o"}):
        return stem + ("yeron" if plural else "yó")  # «construido» → «construyó», «leído» → «leyó»
    vowels = re.findall(r"[aeiouáéíóú]", re.sub(r"(?<=[gq])u", "", stem))
    if not vowels:
        return ""
    if vowels[-1] in {"e", "o"} and lemma(participle.lower()) != stem + "er":
        return ""
    return stem + ("ieron" if plural else "ió")


def _named_participle_question(fact: Fact, s: str, kind: str) -> str:
    """Return «¿En qué año se firmó el Tratado de San Ildefonso?» from «…el Tratado de San Ildefonso, firmado en
    _____, …», "" when the words do not say so.

    The date belongs to the participle, and the participle to the name before its comma: it agrees with the name's
    article («el … firmado», «las Leyes Nuevas, promulgadas»), so «un cuadro del pintor Diego Velázquez, pintado en…»
    (no article before the name) is refused. Nothing but a comma or the end may follow the date. The question says the
    act in the passive with «se» and the name alone: what the rest of the sentence says is not asked.
    """
    m = _NAMED_PARTICIPLE.search(s)
    if not m or _ARTICLE_ENDING[m.group("art").lower()] != m.group("end"):
        return ""
    if re.search(r"\bde\s+$", s[: m.start("art")]):
        # «una sentencia de la Corte Suprema, dictada el…»: the name completes a noun the participle may agree with
        # (not «¿Cuándo se dictó la Corte Suprema?»)
        return ""
    before = re.search(r"\b([A-ZÁÉÍÓÚÑ][\wáéíóúñü-]*)\s+$", s[: m.start("art")])
    if before and before.group(1).lower() not in SENTENCE_INITIAL_STOP:
        # «es Puerto del Sol, admitido en…»: the article is inside a longer name, whose tail alone («el Sol») is no
        # name of anything (judged «enunciado roto»).
        return ""
    if EVENT_HEADS.get(m.group("name").split()[0]) in {"treaty", "period"}:
        # A treaty or a peace is named after the town where it was signed, and towns saw several («el Tratado de
        # París» of 1763, 1783, 1856…): asked alone, the question has more than one answer; the cloze keeps what
        # the sentence says of it («La guerra terminó con el Tratado de París, firmado el…»).
        return ""
    verb = preterite(m.group("part"))
    if not verb:
        return ""
    bound = m.group("prep").lower() == "hacia"
    if bound and kind != "year":
        return ""
    wh = "Hacia qué año" if bound else "En qué año" if kind == "year" else "Cuándo"
    if kind == "year" and _before_christ(fact):
        wh += " antes de Cristo"
    article = {"del": "el", "al": "el"}.get(m.group("art").lower(), m.group("art").lower())
    return f"¿{wh} se {verb} {article} {m.group('name')}?"


# The subject «el / la + role + name», after a phrase set off by a comma or not: «En 1542, el emperador _____ dijo…».
_ROLE_SUBJECT = re.compile(
    r"^(?:(?P<pre>[^,;:()«»]+?),\s+)?(?:el|la|El|La)\s+(?P<role>[a-záéíóúñ]+(?:\s+[a-záéíóúñ]+){0,2})\s+"
    + MARK
    + r"\s+(?P<rest>\S.*)$"
)
# Words before a name that say no role or kind the question could ask by («el joven _____», «el propio _____»).
_NO_ROLE = {
    "joven", "viejo", "vieja", "anciano", "anciana", "propio", "propia", "mismo", "misma", "célebre", "famoso",
    "famosa", "gran", "pobre", "pequeño", "pequeña", "citado", "citada", "dicho", "dicha", "llamado", "llamada",
}  # fmt: skip


def _role_question(fact: Fact, s: str, disc: Discourse | None) -> str:
    """Return «¿Qué emperador promulgó…?» from «el emperador _____ promulgó…», "" when the words or the parse differ.

    The role noun (and its adjectives) before the name is the subject of the sentence's main verb, which comes right
    after the name: the question keeps the noun and asks which one («¿Qué químico estadounidense describió…?»). A
    phrase before it, set off by a comma, stays before the question («En 1542, ¿qué emperador…?»).
    """
    m = _ROLE_SUBJECT.match(s)
    if not m:
        return ""
    pre, role, rest = (m.group("pre") or "").strip(), m.group("role"), m.group("rest").strip()
    words = role.split()
    if words[0] in _NO_ROLE or any(w in _DETERMINERS or verbish(w) for w in words):
        return ""
    if pre and (
        len(pre.split()) > 10 or _CLAUSE_BEFORE.search(pre) or any(is_finite_verb(w.lower()) for w in pre.split())
    ):
        return ""
    verb, _after = _verb_group(rest)
    finite = next((w for w in verb.lower().split() if w not in _CLITICS), "")
    if not verb or _plural_verb(finite) or not has_main_verb(rest) or len(rest.split()) < 4:
        return ""
    if not _role_is_subject(fact, disc, words, verb.lower().split()):
        return ""
    question = f"¿qué {role} {rest}?"
    question = f"{pre}, {question}" if pre else "¿Q" + question[2:]
    # «¿Qué neerlandés demostró que las plantas … en sus partes verdes?»: the publication's check finds no name before
    # the possessive (the cloze has the blank there) and would refuse the item: the cloze stays.
    return "" if outside_reference(question) else question


def _fact_parse(fact: Fact, disc: Discourse | None):
    """Return the parse of the fact's sentence (the discourse's, else parsed now), or None when there is none.

    No model, or a sentence the parser gives no tokens: the parse-based checks answer no, and the item stays a cloze.
    """
    from .nlp import parse as parse_sentence  # late import: the model is read only when a check needs the parse

    parse = disc.parse(fact.sentence_index) if disc is not None else None
    if parse is None:
        try:
            parse = parse_sentence(fact.sentence)
        except Exception:  # noqa: BLE001 - no model: the item stays a cloze
            return None
    return parse if parse is not None and parse.tokens else None


def _role_is_subject(fact: Fact, disc: Discourse | None, role: list[str], verb_words: list[str]) -> bool:
    """Return whether the parse makes the role noun before the name the subject of the main verb after it, the name
    its apposition, and the role's other words its adjectives; and whether the sentence names no other person."""
    parse = _fact_parse(fact, disc)
    if parse is None:
        return False
    if len({e.text for e in parse.entities if e.label == "PER"}) > 1:
        return False  # another person in the sentence: the question may seem to ask about the wrong one
    before = [t for t in parse.tokens if t.end <= fact.local_start]
    if len(before) < len(role) or [t.text.lower() for t in before[-len(role) :]] != role:
        return False
    noun, adjectives = before[-len(role)], before[len(before) - len(role) + 1 :]
    if (
        noun.pos not in {"NOUN", "PROPN"}
        or noun.dep != "nsubj"
        or any(t.pos != "ADJ" or t.head != noun.i for t in adjectives)
    ):
        return False
    name = next((t for t in parse.tokens if t.start >= fact.local_start), None)
    head = parse.tokens[noun.head]
    return (
        name is not None
        and name.head == noun.i
        and name.dep in {"appos", "flat", "nmod"}
        and head.dep == "ROOT"
        and head.text.lower() in verb_words
        and head.start >= fact.local_end
    )


# A relative or completive clause opened before the date and not closed by a comma: the date is its verb's.
_OPEN_SUBORDINATE = re.compile(r"\b(?:que|quien|quienes|donde|cuy[oa]s?|cuando|cual|cuales)\b[^,;:()]*$", re.IGNORECASE)


def _in_subordinate(text: str) -> bool:
    """Return whether the end of `text` lies inside a relative or completive clause («…, título que recibió»)."""
    return _OPEN_SUBORDINATE.search(text) is not None


def _person_is_subject(fact: Fact, disc: Discourse | None) -> bool:
    """Return whether the parse makes the person the subject of the sentence's main verb, said right after the name.

    «En la primavera de 1520, Velázquez envió contra Cortés una expedición…»: «Velázquez» is the subject of «envió»,
    the root; «¿Quién envió contra Cortés…?» asks for him alone, though the sentence names other people.
    """
    parse = _fact_parse(fact, disc)
    if parse is None:
        return False
    head = parse.span_head(fact.local_start, fact.local_end)
    if head is None or head.dep != "nsubj" or head.head == head.i:
        return False
    if re.search(r"(?<![\w])(?:y|e|ni|de|del|entre|con)\s*$", fact.sentence[: fact.local_start], re.IGNORECASE):
        return False  # «La rivalidad entre Carlos V … y Francisco I tenía…»: the name is part of the subject
    verb = parse.tokens[head.head]
    if verb.dep != "ROOT" or verb.start < fact.local_end:
        return False
    between = [t for t in parse.tokens if fact.local_end <= t.start < verb.start]
    # only clitics between the name and its verb («Manco Inca se rebeló»): no apposition, no comma
    return all(t.text.lower() in _CLITICS for t in between)


def _dates_main_verb(fact: Fact, disc: Discourse | None) -> bool:
    """Return whether the parse makes the date an adjunct of the sentence's main verb, said after it.

    «Fleming y Chain compartieron en 1945 el Premio Nobel»: the year dates «compartieron», the sentence's root, and
    the question may drop it from the middle («¿En qué año compartieron Fleming y Chain el Premio Nobel?»). Not a date
    under a noun («la derrota de Alemania en 1945»), a participle («firmado en 1713») or any clause but the main one.
    """
    parse = _fact_parse(fact, disc)
    if parse is None:
        return False
    head = parse.span_head(fact.local_start, fact.local_end)
    if head is None:
        return False
    if head.head == head.i or head.dep not in {"obl", "obl:tmod"}:
        return False
    verb = parse.tokens[head.head]
    return (
        verb.dep == "ROOT"
        and verb.pos == "VERB"
        and "VerbForm=Part" not in verb.morph
        and verb.finite
        and verb.end <= fact.local_start
        # «llegaron en 1620 y fundaron una aldea»: the date is the first verb's; the question would date both
        and not any(
            t.dep in {"conj", "parataxis"} and t.head == verb.i and t.pos in {"VERB", "AUX"} for t in parse.tokens
        )
    )


def _inside_ok(before: str, phrase: str, after: str) -> bool:
    """Return whether a date phrase inside the clause can go without leaving its words astray: words on both sides
    of it, and no comma around it (an aside, «…, en 1945, …», or the date of what comes before)."""
    return (
        bool(before.strip())
        and bool(after.strip())
        and not before.rstrip().endswith(",")
        and not phrase.rstrip().endswith(",")
        and not after.lstrip().startswith(",")
    )


def _year_like(text: str) -> bool:
    """Return whether a figure of three or four digits, read whole, stands in the text: a year (not «80 000»)."""
    return any(
        re.fullmatch(r"\d{3,4}", m.group().strip())
        for m in re.finditer(r"\d+(?:[.\u00a0\u202f ]\d{3})*(?:,\d+)?", text)
    )


def _verb_before(text: str) -> bool:
    """Return whether the phrase after `text` hangs on a verb: its last word is a verb, a participle, «se» or a
    comma (an adjunct of the clause), not a noun («victoria en _____», «gobiernos de _____ países»)."""
    before = re.findall(r"[\wáéíóúñü]+|[^\w\s]", text)
    last = before[-1].lower() if before else ""
    return bool(verbish(last) or re.search(r"(?:ad|id)[oa]s?$", last) or last in {",", "se"})


def _parsed_gender(disc, index: int, noun: str) -> str:
    """Return the parse's gender of a noun of the sentence ("Fem", "Masc"; "" when it cannot say)."""
    parse = disc.parse(index) if disc is not None else None
    if parse is None:
        return ""
    for tok in parse.tokens:
        if tok.text.lower() == noun.lower() and tok.pos == "NOUN":
            return tok.feature("Gender")
    return ""
