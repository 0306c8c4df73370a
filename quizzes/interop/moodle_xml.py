"""Moodle XML (question/format/xml/format.php), read and written, with qtype_ordering's elements.

The writer produces what Moodle's exporter produces: ``<quiz>`` holding ``<question type="...">`` elements with
``<name>``, ``<questiontext format>``, ``<generalfeedback format>``, ``<defaultgrade>``, ``<penalty>``,
``<hidden>``, ``<idnumber>``, the type's own elements, ``<answer fraction="percent" format>`` with ``<text>`` and
``<feedback>``, and ``<tags>``. A ``<question type="category">`` before each document's questions names it.
The reader accepts the same structure (and HTML text, which it reduces to plain text); it never expands
entities or DTDs (defusedxml).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ..domain.numbers import format_plain, parse_plain
from ..models.content import QuestionKind
from .cloze import split_cloze
from .gift import DOCUMENT_TAG, UNIT_TAG, category_path, document_from_category, foreign_category
from .schema import (
    ChoiceData,
    ImportFormatError,
    ParseResult,
    QuestionData,
    Skipped,
    choice_fractions,
    html_to_text,
    looks_like_html,
    matching_to_items,
    media_names,
    moodle_fraction,
    strip_controls,
)

MOODLE_TYPES = {
    QuestionKind.SINGLE_CHOICE: "multichoice",
    QuestionKind.MULTIPLE_CHOICE: "multichoice",
    QuestionKind.TRUE_FALSE: "truefalse",
    QuestionKind.SHORT_ANSWER: "shortanswer",
    QuestionKind.NUMERIC: "numerical",
    QuestionKind.ORDERING: "ordering",
}
TEXT_FORMAT = "plain_text"
# Why Moodle's other question types are left out (docs/interop.md has the whole table).
SKIP_REASONS = {
    "essay": _lazy("pregunta de ensayo: aquí no hay respuestas abiertas corregidas a mano."),
    "description": _lazy("descripción: es un texto entre preguntas, no una pregunta."),
    "calculated": _lazy("pregunta calculada: sus números cambian en cada intento y aquí son fijos."),
    "calculatedsimple": _lazy("pregunta calculada: sus números cambian en cada intento y aquí son fijos."),
    "calculatedmulti": _lazy("pregunta calculada: sus números cambian en cada intento y aquí son fijos."),
    "randomsamatch": _lazy("emparejamiento aleatorio: toma sus preguntas del banco de Moodle al azar."),
    "random": _lazy("pregunta aleatoria: Moodle la elige del banco en cada intento."),
    "ddwtos": _lazy("arrastrar y soltar: aquí no hay ese tipo."),
    "ddimageortext": _lazy("arrastrar sobre una imagen: aquí no hay ese tipo."),
    "ddmarker": _lazy("arrastrar marcadores: aquí no hay ese tipo."),
    "gapselect": _lazy("seleccionar palabras que faltan: aquí no hay ese tipo."),
}


# ---------------------------------------------------------------------------------------------------- writing


def _sub(parent: ET.Element, tag: str, value: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if value is not None:
        # XML 1.0 cannot hold most control characters: one in any text would make the whole file unreadable.
        element.text = strip_controls(value)
    return element


def _text(parent: ET.Element, tag: str, value: str, *, format: str | None = TEXT_FORMAT) -> ET.Element:
    """Add ``<tag format="..."><text>value</text></tag>`` (Moodle's writetext)."""
    element = _sub(parent, tag, **({"format": format} if format else {}))
    _sub(element, "text", value)
    return element


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.5f}".rstrip("0").rstrip(".")


def _answer(parent: ET.Element, text: str, fraction: float, *, format: str = TEXT_FORMAT) -> ET.Element:
    answer = _sub(parent, "answer", fraction=_percent(fraction), format=format)
    _sub(answer, "text", text)
    _text(answer, "feedback", "")
    return answer


def write_question(quiz: ET.Element, item: QuestionData) -> ET.Element:
    """Append one ``<question>`` to a ``<quiz>`` element."""
    question = _sub(quiz, "question", type=MOODLE_TYPES[item.kind])
    _text(question, "name", item.name or item.prompt[:80], format=None)
    _text(question, "questiontext", item.prompt)
    _text(question, "generalfeedback", item.explanation)
    _sub(question, "defaultgrade", format_plain(item.points))
    _sub(question, "penalty", "1" if item.kind == QuestionKind.TRUE_FALSE else "0.3333333")
    _sub(question, "hidden", "0")
    _sub(question, "idnumber", item.idnumber)
    kind = item.kind
    if kind in {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}:
        single = kind == QuestionKind.SINGLE_CHOICE
        _sub(question, "single", "true" if single else "false")
        _sub(question, "shuffleanswers", "true")
        _sub(question, "answernumbering", "abc")
        _sub(question, "showstandardinstruction", "0")
        _combined_feedback(question)
        n_right = sum(1 for c in item.choices if c.is_correct)
        right, wrong = (1.0, 0.0) if single else choice_fractions(n_right, len(item.choices) - n_right)
        for choice in item.choices:
            partial = moodle_fraction(choice.fraction) if single and choice.fraction > 0 else wrong
            _answer(question, choice.text, right if choice.is_correct else partial)
    elif kind == QuestionKind.TRUE_FALSE:
        _answer(question, "true", 1.0 if item.correct_bool else 0.0, format="moodle_auto_format")
        _answer(question, "false", 0.0 if item.correct_bool else 1.0, format="moodle_auto_format")
    elif kind == QuestionKind.SHORT_ANSWER:
        _sub(question, "usecase", "0")
        for accepted in item.accepted:
            _answer(question, accepted, 1.0, format="moodle_auto_format")
    elif kind == QuestionKind.NUMERIC:
        answer = _answer(question, format_plain(item.numeric_value), 1.0, format="moodle_auto_format")
        _sub(answer, "tolerance", format_plain(item.numeric_tolerance or 0))
        if item.unit:
            unit = _sub(_sub(question, "units"), "unit")
            _sub(unit, "multiplier", "1")
            _sub(unit, "unit_name", item.unit)
            # Units optional, written after the number (Moodle's qtype_numerical UNITOPTIONAL).
            _sub(question, "unitgradingtype", "0")
            _sub(question, "unitpenalty", "0.1000000")
            _sub(question, "showunits", "0")
            _sub(question, "unitsleft", "0")
    elif kind == QuestionKind.ORDERING:
        _sub(question, "layouttype", "VERTICAL")
        _sub(question, "selecttype", "ALL")
        _sub(question, "selectcount", str(len(item.choices)))
        _sub(question, "gradingtype", "RELATIVE_ALL_PREVIOUS_AND_NEXT")
        _sub(question, "showgrading", "SHOW")
        _sub(question, "numberingstyle", "none")
        _combined_feedback(question)
        _sub(question, "shownumcorrect", "1")
        for position, choice in enumerate(item.choices, start=1):
            answer = _sub(question, "answer", fraction=f"{position}.0000000", format=TEXT_FORMAT)
            _sub(answer, "text", choice.text)
    tags = [DOCUMENT_TAG + item.document] if item.document else []
    if item.unit:
        tags.append(UNIT_TAG + item.unit)
    if tags:
        container = _sub(question, "tags")
        for tag in tags:
            _text(container, "tag", tag, format=None)
    return question


def _combined_feedback(question: ET.Element) -> None:
    for field in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(question, field, "")


def _category(quiz: ET.Element, path: str, title: str) -> None:
    category = _sub(quiz, "question", type="category")
    _text(category, "category", path, format=None)
    _text(category, "info", title, format="moodle_auto_format")
    _sub(category, "idnumber", "")


def dumps(items: Iterable[QuestionData]) -> str:
    """Return a Moodle XML file (UTF-8): a category per source document, then its questions."""
    quiz = ET.Element("quiz")
    category = None
    for item in items:
        path = item.category or category_path(item.document)
        if path != category:
            category = path
            _category(quiz, path, item.document)
        write_question(quiz, item)
    ET.indent(quiz, space="  ")
    # Empty elements as <text></text>, the way Moodle writes them.
    body = ET.tostring(quiz, encoding="unicode", short_empty_elements=False)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


# ---------------------------------------------------------------------------------------------------- reading


def _raw(element: ET.Element | None) -> str:
    if element is None:
        return ""
    node = element.find("text")
    return (node.text if node is not None else element.text) or ""


def _plain(element: ET.Element | None, *, one_line: bool = False) -> str:
    """Return the ``<text>`` of an element as plain text (HTML, Moodle's default, is reduced to its text)."""
    raw = _raw(element)
    fmt = element.get("format", "html") if element is not None else "html"
    if fmt == "html" or (fmt in {"moodle_auto_format", "markdown"} and looks_like_html(raw)):
        return html_to_text(raw, one_line=one_line)
    lines = [" ".join(line.split()) for line in strip_controls(raw).split("\n")]
    return (" " if one_line else "\n").join(line for line in lines if line).strip()


def _media(question: ET.Element) -> list[str]:
    """Return the files (images, audio) a question carries or points to: ``<file>`` elements and HTML media."""
    names: list[str] = []
    for element in question.iter():
        if element.tag == "file":
            names.append((element.get("name") or "").strip() or "archivo")
        elif element.tag == "text" and element.text and "<" in element.text:
            names.extend(media_names(element.text))
    return list(dict.fromkeys(names))


def _fraction(answer: ET.Element, where: str) -> float:
    raw = (answer.get("fraction") or "0").strip()
    try:
        return float(raw) / 100
    except ValueError:
        raise ImportFormatError(
            _("La fracción «%(raw)s» de una respuesta no es un número.") % {"raw": raw}, where=where
        ) from None


def _number(raw: str, where: str) -> float:
    raw = (raw or "").strip()
    value = parse_plain(raw)
    if value is None:
        raise ImportFormatError(_("«%(raw)s» no es un número (use punto decimal: 3.5).") % {"raw": raw}, where=where)
    return value


def loads(text: str) -> ParseResult:
    """Read a Moodle XML file; anything that is not Moodle's ``<quiz>`` of questions is an error."""
    result = ParseResult()
    try:
        # A str: the file was decoded as UTF-8 already, whatever its declaration says.
        root = fromstring(text, forbid_dtd=True)
    except ET.ParseError as exc:
        line, column = exc.position
        result.errors.append(
            ImportFormatError(
                _("El XML está mal formado (columna %(col)d): %(msg)s.")
                % {"col": column + 1, "msg": str(exc).split(":")[0]},
                where=_("línea %(n)d") % {"n": line},
            )
        )
        return result
    except DefusedXmlException:
        result.errors.append(ImportFormatError(_("El XML declara un DTD o entidades: Moodle no los usa.")))
        return result
    if root.tag != "quiz":
        result.errors.append(
            ImportFormatError(
                _("No es un archivo Moodle XML: el elemento raíz es <%(tag)s> y Moodle exporta <quiz>.")
                % {"tag": root.tag}
            )
        )
        return result
    questions = root.findall("question")
    if not questions:
        result.errors.append(ImportFormatError(_("El archivo Moodle XML no contiene ningún elemento <question>.")))
        return result
    category = ""
    for index, question in enumerate(questions, start=1):
        qtype = question.get("type", "")
        name = " ".join(strip_controls(_raw(question.find("name"))).split())
        where = _("pregunta %(n)d") % {"n": index} + (f" «{name}»" if name else "")
        if qtype == "category":
            category = " ".join(strip_controls(_raw(question.find("category"))).split())
            continue
        try:
            read = _read_question(question, qtype, where, name)
        except ImportFormatError as exc:
            exc.where = exc.where or where
            result.errors.append(exc)
            continue
        if read is None:
            reason = SKIP_REASONS.get(qtype) or _("el tipo «%(type)s» de Moodle no existe aquí.") % {"type": qtype}
            prompt = _plain(question.find("questiontext"), one_line=True)
            result.skipped.append(Skipped(where=where, reason=str(reason), prompt=prompt[:200]))
            continue
        media = _media(question)
        for item in read if isinstance(read, list) else [read]:
            if media:
                item.warnings.append(
                    _("Las imágenes o el audio de la pregunta no se importan: %(files)s.") % {"files": ", ".join(media)}
                )
            item.name = item.name or name
            item.document = item.document or document_from_category(category)
            item.category = foreign_category(category, item.document)
            result.items.append(item)
    if not result.items and not result.errors and not result.skipped:
        result.errors.append(ImportFormatError(_("El archivo no contiene ninguna pregunta que se pueda importar.")))
    return result


def _read_question(
    question: ET.Element, qtype: str, where: str, name: str = ""
) -> QuestionData | list[QuestionData] | None:
    if not qtype:
        raise ImportFormatError(_("El elemento <question> no tiene el atributo type."))
    if qtype not in {"multichoice", "truefalse", "shortanswer", "numerical", "ordering", "matching", "multianswer"}:
        return None
    item = QuestionData(
        kind="",
        prompt=_plain(question.find("questiontext")),
        explanation=_plain(question.find("generalfeedback")),
        idnumber=(question.findtext("idnumber") or "").strip(),
        name=name,
        where=where,
    )
    for tag in question.findall("tags/tag"):
        value = " ".join(strip_controls(_raw(tag)).split())
        if value.startswith(DOCUMENT_TAG.strip()):
            item.document = value[len(DOCUMENT_TAG.strip()) :].strip()
        elif value.startswith(UNIT_TAG.strip()):
            item.unit = value[len(UNIT_TAG.strip()) :].strip()
    answers = question.findall("answer")
    if qtype == "multianswer":
        return split_cloze(item, item.prompt)
    if qtype == "matching":
        pairs = [
            (_plain(sub, one_line=True), _plain(sub.find("answer"), one_line=True))
            for sub in question.findall("subquestion")
        ]
        return matching_to_items(item, pairs)
    if qtype == "multichoice":
        single = (question.findtext("single") or "true").strip() not in {"false", "0", ""}
        item.kind = QuestionKind.SINGLE_CHOICE if single else QuestionKind.MULTIPLE_CHOICE
        for answer in answers:
            fraction = _fraction(answer, where)
            correct = fraction >= 0.999 if single else fraction > 0
            text = _plain(answer, one_line=True)
            item.choices.append(ChoiceData(text=text, is_correct=correct, fraction=fraction))
    elif qtype == "truefalse":
        item.kind = QuestionKind.TRUE_FALSE
        for answer in answers:
            if _fraction(answer, where) >= 0.999:
                item.correct_bool = _plain(answer, one_line=True).casefold() in {"true", "verdadero", "1"}
    elif qtype == "shortanswer":
        item.kind = QuestionKind.SHORT_ANSWER
        for answer in answers:
            text = _plain(answer, one_line=True)
            if _fraction(answer, where) >= 0.999 and text:
                item.accepted.append(text)
            elif text:
                item.warnings.append(_("La respuesta «%(a)s» con crédito parcial no se importa.") % {"a": text})
    elif qtype == "numerical":
        item.kind = QuestionKind.NUMERIC
        for answer in answers:
            text = _plain(answer, one_line=True)
            if text == "*" or _fraction(answer, where) < 0.999:
                continue
            if item.numeric_value is None:
                item.numeric_value = _number(text, where)
                item.numeric_tolerance = abs(_number(answer.findtext("tolerance") or "0", where))
            else:
                item.warnings.append(_("Solo se importa la primera respuesta numérica con el 100 %."))
        for unit in question.findall("units/unit"):
            if (unit.findtext("multiplier") or "1").strip() in {"1", "1.0", "1.0000000"}:
                item.unit = item.unit or (unit.findtext("unit_name") or "").strip()
    elif qtype == "ordering":
        item.kind = QuestionKind.ORDERING
        item.choices = [ChoiceData(text=_plain(answer, one_line=True)) for answer in answers]
    return item
