"""GIFT, Moodle's plain-text question format (question/format/gift/format.php), read and written.

Written the way Moodle's exporter writes it (``repchar`` escaping of ``\\ ~ = # { } :`` and new lines, ``####``
general feedback, ``%n%`` answer weights) and read the way its importer reads it: blocks separated by blank
lines, ``//`` comment lines (with ``[id:...]`` and ``[tag:...]``), ``$CATEGORY:``, ``::name::``, the first
``{...}`` holding the answers. Ordering questions use qtype_ordering's GIFT form ``{>N ALL ... none`` followed by
one item per line; Moodle hands those items to the plugin without unescaping them, so they are written as they
are (only a brace, which would end the answers, is escaped).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

from ..domain.numbers import format_plain, parse_plain
from ..models.content import QuestionKind
from .schema import (
    ChoiceData,
    ImportFormatError,
    ParseResult,
    QuestionData,
    Skipped,
    choice_fractions,
    clean_text,
    html_to_text,
    matching_to_items,
    media_names,
    moodle_fraction,
)

CATEGORY_ROOT = "$course$/top/winterwar"
DOCUMENT_TAG = "documento: "
UNIT_TAG = "unidad: "
ORDERING_HEADER = "ALL VERTICAL RELATIVE_ALL_PREVIOUS_AND_NEXT SHOW none"

_RESERVED = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n"}


# Tags that make an unmarked text HTML (Moodle's default GIFT format, "moodle", lets HTML through).
_HTML_TAG_RE = re.compile(r"(?i)</?(?:p|br|b|i|u|em|strong|span|div|sub|sup|img|a|ul|ol|li|h[1-6]|audio|video|table)\b")


# ---------------------------------------------------------------------------------------------------- writing


def escape(text: str) -> str:
    """Escape GIFT's reserved characters as Moodle's ``repchar`` does (new lines become ``\\n``)."""
    text = clean_text(text)
    return "".join(_RESERVED.get(ch, ch) for ch in text)


def _text(text: str) -> str:
    """Escape a text; one that a reader would take for HTML gets Moodle's ``[plain]`` format (our text is plain)."""
    return (
        "[plain]" if _HTML_TAG_RE.search(text) or re.search(r"^\[(moodle|html|plain|markdown)\]", text) else ""
    ) + escape(text)


def _escape_item(text: str) -> str:
    """Escape an ordering item: one line, braces escaped (qtype_ordering does not unescape anything else)."""
    text = " ".join(clean_text(text).split())
    return text.replace("{", "\\{").replace("}", "\\}")


def _weight(fraction: float) -> str:
    return f"{fraction * 100:.5f}".rstrip("0").rstrip(".")


def category_path(title: str) -> str:
    """Return a Moodle category path for a document (a "/" in a name is written "//", as Moodle does)."""
    return f"{CATEGORY_ROOT}/{title.replace('/', '//')}" if title else CATEGORY_ROOT


def _tag(text: str) -> str:
    # Moodle's tag comment ends at "]" and refuses "<", ">" and control characters.
    return re.sub(r"[\]<>\x00-\x1f]", " ", text).strip()


def write_question(item: QuestionData) -> str:
    """Return one question in GIFT (without the blank line that separates questions)."""
    lines = []
    if item.idnumber:
        lines.append(f"// [id:{_tag(item.idnumber)}]")
    if item.document:
        lines.append(f"// [tag:{_tag(DOCUMENT_TAG + item.document)}]")
    if item.unit:
        lines.append(f"// [tag:{_tag(UNIT_TAG + item.unit)}]")
    head = (f"::{escape(item.name)}::" if item.name else "") + _text(item.prompt)
    feedback = f"####{_text(item.explanation)}" if item.explanation.strip() else ""
    kind = item.kind
    if kind == QuestionKind.TRUE_FALSE:
        lines.append(head + "{" + ("TRUE" if item.correct_bool else "FALSE") + feedback + "}")
        return "\n".join(lines)
    body: list[str] = []
    opener = "{"
    if kind == QuestionKind.SINGLE_CHOICE:
        body = [
            ("\t=" if c.is_correct else f"\t~%{_weight(moodle_fraction(c.fraction))}%" if c.fraction > 0 else "\t~")
            + _text(c.text)
            for c in item.choices
        ]
    elif kind == QuestionKind.MULTIPLE_CHOICE:
        n_right = sum(1 for c in item.choices if c.is_correct)
        right, wrong = choice_fractions(n_right, len(item.choices) - n_right)
        body = [f"\t~%{_weight(right if c.is_correct else wrong)}%{_text(c.text)}" for c in item.choices]
    elif kind == QuestionKind.SHORT_ANSWER:
        body = [f"\t={_text(answer)}" for answer in item.accepted]
    elif kind == QuestionKind.NUMERIC:
        tolerance = format_plain(item.numeric_tolerance or 0)
        body = [f"\t={format_plain(item.numeric_value)}:{tolerance}"]
        opener = "{#"
    elif kind == QuestionKind.ORDERING:
        lines.append(head + "{" + f">{len(item.choices)} {ORDERING_HEADER}")
        lines.extend(_escape_item(c.text) for c in item.choices)
        if feedback:
            lines.append(feedback)
        lines.append("}")
        return "\n".join(lines)
    lines.append(head + opener)
    lines.extend(body)
    if feedback:
        lines.append("\t" + feedback)
    lines.append("}")
    return "\n".join(lines)


def dumps(items: Iterable[QuestionData], *, title: str = "") -> str:
    """Return a GIFT file: a ``$CATEGORY`` per source document, then its questions, blank-line separated."""
    blocks = [f"// {title or 'winterwar'}: preguntas en formato GIFT de Moodle (UTF-8)."]
    category = None
    for item in items:
        path = item.category or category_path(item.document)
        if path != category:
            category = path
            blocks.append(f"$CATEGORY: {category}")
        blocks.append(write_question(item))
    return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------------------------------------------- reading

# Escaped characters become private-use placeholders while the structure is parsed, as Moodle's escapedchar_pre.
_ESCAPABLE = "\\~=#{}:n"
_PLACEHOLDER = {ch: chr(0xE000 + i) for i, ch in enumerate(_ESCAPABLE)}
_RESTORE = {v: ("\n" if k == "n" else k) for k, v in _PLACEHOLDER.items()}
_ESCAPE_RE = re.compile(r"\\(.)", re.S)
_WEIGHT_RE = re.compile(r"^%(-?\d{1,3}(?:\.\d*)?)%")
_ID_RE = re.compile(r"\[id:((?:\\\]|[^\]])+)\]")
_TAG_RE = re.compile(r"\[tag:((?:\\\]|[^\]])+)\]")
_TF = {"T": True, "TRUE": True, "F": False, "FALSE": False}


def _protect(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: _PLACEHOLDER.get(m.group(1), m.group(0)), text)


def _restore(text: str) -> str:
    return "".join(_RESTORE.get(ch, ch) for ch in text)


def _plain(text: str, *, one_line: bool = False) -> str:
    """Restore escaped characters and drop a ``[format]`` prefix; HTML becomes text as Moodle's html_to_text does."""
    text = text.strip()
    match = re.match(r"^\[(moodle|html|plain|markdown)\]", text)
    fmt = match.group(1) if match else "moodle"
    if match:
        text = text[match.end() :]
    text = _restore(text)
    if fmt == "html" or (fmt == "moodle" and _HTML_TAG_RE.search(text)):
        return html_to_text(text, one_line=one_line)
    text = clean_text(text)
    return " ".join(text.split()) if one_line else text


def _blocks(text: str) -> Iterable[tuple[int, list[str]]]:
    """Yield (first line number, lines) for each blank-line separated block."""
    block: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _split_weight(answer: str, default: float) -> tuple[float, str]:
    answer = answer.strip()
    match = _WEIGHT_RE.match(answer)
    if match:
        return float(match.group(1)) / 100, answer[match.end() :]
    return default, answer


def _answer_text(answer: str) -> str:
    """Drop an answer's ``#feedback`` and restore its text (on one line: an option is one line)."""
    return _plain(answer.split("#", 1)[0], one_line=True)


def loads(text: str) -> ParseResult:
    """Read a GIFT file; every block that is not a question we can store becomes an error naming its line."""
    result = ParseResult()
    category = ""
    for line_number, lines in _blocks(text.replace("\r\n", "\n").replace("\r", "\n")):
        # Name the question's own first line, not the comments above it.
        offset = next((i for i, line in enumerate(lines) if not line.strip().startswith("//")), 0)
        where = _("línea %(n)d") % {"n": line_number + offset}
        comments = "\n".join(line.strip() for line in lines if line.strip().startswith("//"))
        body = "\n".join(" " if line.strip().startswith("//") else line for line in lines).strip()
        if not body:
            continue
        body = _protect(body)
        if body.startswith("$CATEGORY:"):
            category = _restore(body[len("$CATEGORY:") :]).strip()
            continue
        try:
            item = _read_question(body, comments, category, where)
        except ImportFormatError as exc:
            exc.where = exc.where or where
            result.errors.append(exc)
            continue
        except _Skip as skip:
            result.skipped.append(Skipped(where=where, reason=skip.reason, prompt=skip.prompt))
            continue
        result.items.extend(item if isinstance(item, list) else [item])
    if not result.items and not result.errors and not result.skipped:
        result.errors.append(ImportFormatError(_("El archivo no contiene ninguna pregunta GIFT.")))
    return result


def foreign_category(category: str, document: str) -> str:
    """Return a category path to keep with a question: "" when it is the one we would write for its document."""
    category = " ".join(category.split())
    return "" if not category or category == category_path(document) else category[:255]


def document_from_category(category: str) -> str:
    """Return the document title a Moodle category path names (its last part; "" for the top or our root)."""
    parts = [p.replace("\x00", "/") for p in category.replace("//", "\x00").split("/") if p]
    if len(parts) >= 3 and parts[0].startswith("$") and parts[0].endswith("$") and parts[1] == "top":
        return parts[-1] if parts[2:] != ["winterwar"] else ""
    return ""


class _Skip(Exception):
    """A question of a kind we do not have: left out, with the reason, and the rest of the file is read."""

    def __init__(self, reason: str, prompt: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.prompt = prompt


def _read_question(text: str, comments: str, category: str, where: str) -> QuestionData | list[QuestionData]:
    name = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end == -1:
            raise ImportFormatError(_("Falta el «::» que cierra el nombre de la pregunta."))
        name = _plain(text[2:end])
        text = text[end + 2 :].strip()
    start, finish = text.find("{"), text.find("}")
    if start == -1 and finish == -1:
        # Moodle reads a block without answers as a "description" (a text shown between questions).
        raise _Skip(
            _("Texto sin respuestas entre llaves { } (una «descripción» de Moodle): no es una pregunta."),
            _plain(text, one_line=True),
        )
    if start == -1 or finish == -1 or finish < start:
        raise ImportFormatError(_("Las llaves { } de las respuestas no están emparejadas."))
    answers = text[start + 1 : finish].strip()
    if "{" in answers:
        raise ImportFormatError(_("Hay una llave «{» dentro de las respuestas sin cerrar la anterior."))
    rest = text[finish + 1 :].strip()
    if "{" in rest or "}" in rest:
        raise ImportFormatError(_("Solo puede haber un bloque de respuestas { } por pregunta."))
    # As Moodle: answers at the end are removed; answers inside the text leave a blank (missing-word format).
    prompt = text[:start] + "_____" + text[finish + 1 :] if rest else text[:start]
    explanation = ""
    separator = answers.rfind("####")
    if separator != -1:
        explanation = _plain(answers[separator + 4 :])
        answers = answers[:separator].strip()

    item = QuestionData(kind="", prompt=_plain(prompt), explanation=explanation, name=name, where=where)
    media = media_names(_restore(text))
    if media:
        item.warnings.append(
            _("Las imágenes o el audio de la pregunta no se importan: %(files)s.") % {"files": ", ".join(media)}
        )
    ids = _ID_RE.search(comments)
    item.idnumber = ids.group(1).replace("\\]", "]").strip() if ids else ""
    for tag in _TAG_RE.findall(comments):
        tag = tag.replace("\\]", "]").strip()
        if tag.startswith(DOCUMENT_TAG.strip()):
            item.document = tag[len(DOCUMENT_TAG.strip()) :].strip()
        elif tag.startswith(UNIT_TAG.strip()):
            item.unit = tag[len(UNIT_TAG.strip()) :].strip()
    item.document = item.document or document_from_category(category)
    item.category = foreign_category(category, item.document)

    if answers.startswith(">"):
        _read_ordering(item, answers)
    elif answers == "":
        raise _Skip(_("Pregunta de ensayo (llaves vacías): aquí no hay respuestas abiertas."), item.prompt)
    elif answers.startswith("#"):
        _read_numeric(item, answers[1:])
    elif "~" in answers:
        _read_choice(item, answers)
    elif "=" in answers and "->" in answers:
        pairs = [part.split("->", 1) for part in answers.split("=") if part.strip()]
        if any(len(pair) != 2 for pair in pairs):
            raise ImportFormatError(_("En un emparejamiento cada respuesta es «=elemento -> pareja»."))
        return matching_to_items(item, [(_plain(q, one_line=True), _plain(a, one_line=True)) for q, a in pairs])
    elif answers.split("#", 1)[0].strip() in _TF:
        item.kind = QuestionKind.TRUE_FALSE
        item.correct_bool = _TF[answers.split("#", 1)[0].strip()]
    else:
        _read_short_answer(item, answers)
    return item


def _read_choice(item: QuestionData, answers: str) -> None:
    # Several fully right answers ({=a =b ~c}): Moodle accepts each one; here it is a multiple-choice question.
    single = answers.count("=") == 1
    parts = answers.replace("=", "~=").split("~")
    if parts and not parts[0].strip():
        parts = parts[1:]
    if len(parts) < 2:
        raise ImportFormatError(_("Una pregunta de opciones necesita al menos dos opciones."))
    for part in parts:
        part = part.strip()
        if part.startswith("="):
            weight, part = _split_weight(part[1:], 1.0)
        else:
            weight, part = _split_weight(part, 0.0)
        item.choices.append(ChoiceData(text=_answer_text(part), fraction=weight))
    if single:
        item.kind = QuestionKind.SINGLE_CHOICE
        for choice in item.choices:  # a wrong option's partial credit (~%50%) is kept in its fraction
            choice.is_correct = choice.fraction >= 0.999
    elif "=" in answers:
        item.kind = QuestionKind.MULTIPLE_CHOICE
        item.warnings.append(
            _("Tiene varias respuestas correctas: se importa como opción múltiple (hay que marcarlas todas).")
        )
        for choice in item.choices:
            choice.is_correct = choice.fraction > 0
    else:
        item.kind = QuestionKind.MULTIPLE_CHOICE
        for choice in item.choices:
            choice.is_correct = choice.fraction > 0


def _read_short_answer(item: QuestionData, answers: str) -> None:
    item.kind = QuestionKind.SHORT_ANSWER
    parts = answers.split("=")
    if parts and not parts[0].strip():
        parts = parts[1:]
    for part in parts:
        weight, part = _split_weight(part, 1.0)
        text = _answer_text(part)
        if not text:
            continue
        if weight >= 0.999:
            item.accepted.append(text)
        else:
            item.warnings.append(_("La respuesta «%(a)s» con crédito parcial no se importa.") % {"a": text})


def _parse_number(raw: str) -> float:
    raw = _restore(raw).strip()
    value = parse_plain(raw)
    if value is None:
        raise ImportFormatError(_("«%(raw)s» no es un número (use punto decimal: 3.5).") % {"raw": raw})
    return value


def _read_numeric(item: QuestionData, answers: str) -> None:
    item.kind = QuestionKind.NUMERIC
    answers = answers.split("~", 1)[0]
    parts = [p for p in answers.split("=") if p.strip()]
    if not parts:
        raise ImportFormatError(_("La pregunta numérica no tiene respuesta."))
    for part in parts:
        weight, part = _split_weight(part, 1.0)
        value = part.split("#", 1)[0].strip()
        if ".." in value[1:]:
            low, high = value.split("..", 1)
            low_value, high_value = _parse_number(low), _parse_number(high)
            number, tolerance = (low_value + high_value) / 2, abs(high_value - low_value) / 2
        elif ":" in value[1:]:
            number_raw, tolerance_raw = value.rsplit(":", 1)
            number, tolerance = _parse_number(number_raw), _parse_number(tolerance_raw)
        else:
            number, tolerance = _parse_number(value), 0.0
        if item.numeric_value is None and weight >= 0.999:
            item.numeric_value, item.numeric_tolerance = number, abs(tolerance)
        else:
            item.warnings.append(_("Solo se importa la primera respuesta numérica con el 100 %."))
    if item.numeric_value is None:
        raise ImportFormatError(_("La pregunta numérica no tiene ninguna respuesta con el 100 %."))


def _read_ordering(item: QuestionData, answers: str) -> None:
    item.kind = QuestionKind.ORDERING
    header, _sep, rest = answers.partition("\n")
    if not re.match(r"^>\s*\d+", header.strip()):
        raise ImportFormatError(_("La cabecera de ordenación debe empezar por «>» y un número, p. ej. «>4 ALL»."))
    item.choices = [
        ChoiceData(text=" ".join(_restore(line).split()), is_correct=False) for line in rest.split("\n") if line.strip()
    ]
