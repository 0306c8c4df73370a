"""The one shape every format reads and writes: a question as plain data (no ORM), plus shared checks.

Exporters turn ``QuestionData`` into GIFT / Moodle XML / CSV; importers turn files into ``QuestionData``. The
service layer (quizzes/services/interop.py) is the only place that converts between this and the models.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..domain.grading import normalize_answer
from ..models.content import AcceptedAnswer, Choice, Document, Question, QuestionKind, validate_question_parts

# Largest file accepted by an import (a full bank of several thousand questions is well under 1 MB).
MAX_IMPORT_BYTES = 5 * 1024 * 1024
# Most questions one import may bring (the review page lists them all; a bigger bank is split in several files).
MAX_IMPORT_QUESTIONS = 2000

KINDS = tuple(QuestionKind.values)

# Model field limits, checked before anything reaches the database.
MAX_CHOICE = Choice._meta.get_field("text").max_length
MAX_ACCEPTED = AcceptedAnswer._meta.get_field("text").max_length
MAX_UNIT = Question._meta.get_field("unit").max_length
MAX_TITLE = Document._meta.get_field("title").max_length


class ImportFormatError(Exception):
    """A file cannot be read as the format it claims to be; ``where`` names the line or the question."""

    def __init__(self, message: str, *, where: str = ""):
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class ChoiceData:
    """An option (choice kinds; ``fraction`` is Moodle's grade share) or an item to order (in its right place)."""

    text: str
    is_correct: bool = False
    fraction: float = 0.0


@dataclass
class QuestionData:
    """A question of any kind, as every format sees it."""

    kind: str
    prompt: str
    explanation: str = ""
    choices: list[ChoiceData] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    correct_bool: bool | None = None
    numeric_value: float | None = None
    numeric_tolerance: float | None = None
    unit: str = ""
    document: str = ""  # the source document's title
    category: str = ""  # the Moodle category path it came with, when not our own for its document
    name: str = ""  # a short name (Moodle's question name)
    idnumber: str = ""  # a stable reference (Moodle's ID number), e.g. "winterwar-12"
    points: float = 1.0  # Moodle's default mark (a quiz item's points when a quiz is exported)
    where: str = ""  # where it was read from ("línea 12", "pregunta 3"), for messages
    warnings: list[str] = field(default_factory=list)

    # ------------------------------------------------------------------ helpers

    @property
    def label(self) -> str:
        """Name the question in a message: where it was read and the start of its prompt."""
        prompt = " ".join(self.prompt.split())
        prompt = prompt if len(prompt) <= 60 else prompt[:59].rstrip() + "…"
        return f"{self.where} («{prompt}»)" if self.where else f"«{prompt}»"

    def fingerprint(self) -> tuple[str, str]:
        """Return what makes two questions the same for duplicate detection: kind and normalised prompt."""
        return fingerprint(self.kind, self.prompt)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> QuestionData:
        data = dict(data)
        data["choices"] = [ChoiceData(**c) for c in data.get("choices", [])]
        return cls(**data)


def fingerprint(kind: str, prompt: str) -> tuple[str, str]:
    return kind, normalize_answer(prompt)


# Characters XML 1.0 cannot hold (C0 controls but tab and new line, lone surrogates, U+FFFE/U+FFFF) and the C1
# controls: none of them is text a teacher meant to write. A tab becomes a space.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def strip_controls(text: str) -> str:
    """Remove control characters (a tab becomes a space); new lines are kept."""
    return _CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))


def clean_text(text: str | None) -> str:
    """Trim a text, normalise its line breaks (the formats disagree on \\r\\n) and drop control characters."""
    return strip_controls(text or "").strip()


# ---------------------------------------------------------------------------------------------------- HTML

_BLOCK_END_RE = re.compile(r"(?i)<br\s*/?>|</(?:p|div|li|h[1-6]|tr|blockquote|pre|table|ul|ol)\s*>")
_MEDIA_RE = re.compile(
    r"""(?is)<(img|audio|video|source|object|embed|iframe)\b[^>]*?(?:\s(?:src|data)\s*=\s*["']([^"']*)["'])?[^>]*>"""
)
_PLUGINFILE_RE = re.compile(r"@@PLUGINFILE@@/([^\s\"'<>]+)")
_COMMENT_RE = re.compile(r"(?s)<!--.*?-->|<(script|style)\b.*?</\1\s*>")
_TAG_RE = re.compile(r"(?s)<[^>]*>")


def media_names(raw: str) -> list[str]:
    """Return the images, audio and video an HTML text refers to (file names; "imagen" when it has none)."""
    names: list[str] = []
    for tag, src in _MEDIA_RE.findall(raw or ""):
        if tag.lower() == "source" and not src:
            continue
        name = src.rsplit("/", 1)[-1].split("?", 1)[0] if src else ""
        names.append(html.unescape(name) or tag.lower())
    for name in _PLUGINFILE_RE.findall(raw or ""):
        name = html.unescape(name.split("?", 1)[0])
        if name not in names:
            names.append(name)
    return names


def html_to_text(raw: str, *, one_line: bool = False) -> str:
    """Return an HTML text as plain text, as Moodle's ``html_to_text`` reads it.

    ``<br>`` and the end of a paragraph, list item or heading become a new line (a space for ``one_line`` texts,
    an option or an answer), every other tag goes, entities are decoded and runs of spaces are one space.
    """
    # Line ends in HTML source are spaces; only <br> and the end of a block make a new line.
    raw = _COMMENT_RE.sub("", raw or "").replace("\r", " ").replace("\n", " ")
    raw = _BLOCK_END_RE.sub("\n", raw)
    raw = html.unescape(_TAG_RE.sub("", raw)).replace("\u00a0", " ")
    lines = [" ".join(line.split()) for line in strip_controls(raw).split("\n")]
    lines = [line for line in lines if line]
    return (" " if one_line else "\n").join(lines).strip()


def looks_like_html(raw: str) -> bool:
    return bool(re.search(r"(?i)</?[a-z][a-z0-9]*\b[^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);", raw or ""))


def choice_fractions(n_correct: int, n_wrong: int) -> tuple[float, float]:
    """Return Moodle's answer fractions for a multiple-choice question: right share +1, wrong share -1.

    This is what quizzes/domain/grading.py grades, and every 1/n for n ≤ 10 is one of Moodle's allowed grades.
    """
    right = moodle_fraction(1 / n_correct) if n_correct else 0.0
    wrong = -moodle_fraction(1 / n_wrong) if n_wrong else 0.0
    return right, wrong


# Moodle's allowed grades (question_bank::fraction_options_full), positive half; negatives mirror them.
MOODLE_FRACTIONS = (
    1.0,
    0.9,
    0.8333333,
    0.8,
    0.75,
    0.7,
    0.6666667,
    0.6,
    0.5,
    0.4,
    0.3333333,
    0.3,
    0.25,
    0.2,
    0.1666667,
    0.1428571,
    0.125,
    0.1111111,
    0.1,
    0.05,
)


def moodle_fraction(value: float) -> float:
    """Snap a positive fraction to the nearest grade Moodle accepts (its importer rejects any other)."""
    return min(MOODLE_FRACTIONS, key=lambda option: abs(option - value))


def validate(item: QuestionData) -> list[str]:
    """Return what is wrong with an imported question (empty when it can be saved), in Spanish."""
    problems: list[str] = []
    if item.kind not in KINDS:
        return [_("tipo de pregunta desconocido: «%(kind)s».") % {"kind": item.kind}]
    for choice in item.choices:
        if not choice.text.strip():
            problems.append(_("Hay una opción vacía."))
        elif len(choice.text) > MAX_CHOICE:
            problems.append(_("Una opción pasa de %(n)d caracteres.") % {"n": MAX_CHOICE})
    for answer in item.accepted:
        if len(answer) > MAX_ACCEPTED:
            problems.append(_("Una respuesta aceptada pasa de %(n)d caracteres.") % {"n": MAX_ACCEPTED})
    for number in (item.numeric_value, item.numeric_tolerance):
        if number is not None and not math.isfinite(number):
            problems.append(_("El número «%(n)s» no es finito.") % {"n": number})
    if len(item.unit) > MAX_UNIT:
        problems.append(_("La unidad pasa de %(n)d caracteres.") % {"n": MAX_UNIT})
    is_choice = item.kind in {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}
    if is_choice and item.choices and not any(c.is_correct for c in item.choices):
        problems.append(_("Todas las opciones son incorrectas: marque al menos una como correcta."))
        return problems
    try:
        validate_question_parts(
            kind=item.kind,
            prompt=item.prompt,
            choices=[(c.text, c.is_correct) for c in item.choices],
            accepted=item.accepted,
            correct_bool=item.correct_bool,
            numeric_value=item.numeric_value,
            tolerance=item.numeric_tolerance,
        )
    except ValidationError as exc:
        problems.extend(m for m in exc.messages if m not in problems)
    return problems


def sanitize(item: QuestionData) -> QuestionData:
    """Drop control characters from every text of an imported question (whatever format it came from)."""
    item.prompt = clean_text(item.prompt)
    item.explanation = clean_text(item.explanation)
    item.name = " ".join(clean_text(item.name).split())
    item.unit = " ".join(clean_text(item.unit).split())
    item.document = " ".join(clean_text(item.document).split())
    item.accepted = [" ".join(clean_text(a).split()) for a in item.accepted]
    item.accepted = [a for a in item.accepted if a]
    for choice in item.choices:
        choice.text = " ".join(clean_text(choice.text).split())
    return item


@dataclass
class Skipped:
    """A part of a file left out on purpose (a kind we do not have), with where it is and why."""

    where: str
    reason: str
    prompt: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}" if self.where else self.reason

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class ParseResult:
    """What a reader found: the questions it could read and an error for each part it could not."""

    items: list[QuestionData] = field(default_factory=list)
    errors: list[ImportFormatError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # remarks on the whole file (columns not used, the encoding)
    skipped: list[Skipped] = field(default_factory=list)  # each question left out on purpose, with its reason
    encoding: str = ""  # how the file was decoded ("UTF-8", "Windows-1252", "UTF-16")


def matching_to_items(base: QuestionData, pairs: list[tuple[str, str]]) -> list[QuestionData]:
    """Map a matching question (pairs of item → answer; an empty item is an extra wrong answer) onto our kinds.

    When the answers are the positions 1…n of the n items, it is an ordering question; otherwise each item becomes
    a single-choice question whose options are all the answers.
    """
    pairs = [(" ".join(q.split()), " ".join(a.split())) for q, a in pairs]
    questions = [(q, a) for q, a in pairs if q]
    if len(questions) < 2:
        raise ImportFormatError(_("Una pregunta de emparejamiento necesita al menos dos parejas."))
    answers = list(dict.fromkeys(a for _q, a in pairs if a))
    if sorted(a for _q, a in questions) == [str(n) for n in range(1, len(questions) + 1)] and len(answers) == len(
        questions
    ):
        ordered = sorted(questions, key=lambda pair: int(pair[1]))
        item = QuestionData(
            kind=QuestionKind.ORDERING,
            prompt=base.prompt,
            explanation=base.explanation,
            name=base.name,
            idnumber=base.idnumber,
            document=base.document,
            category=base.category,
            where=base.where,
            choices=[ChoiceData(text=q) for q, _a in ordered],
            warnings=[*base.warnings, _("Emparejamiento con las posiciones 1…n: se importa como ordenación.")],
        )
        return [item]
    if len(answers) < 2:
        raise ImportFormatError(_("Una pregunta de emparejamiento necesita al menos dos respuestas distintas."))
    items = []
    for number, (question, answer) in enumerate(questions, start=1):
        items.append(
            QuestionData(
                kind=QuestionKind.SINGLE_CHOICE,
                prompt=f"{base.prompt}\n{question}".strip(),
                explanation=base.explanation,
                name=f"{base.name} ({number})" if base.name else "",
                idnumber=f"{base.idnumber}-{number}" if base.idnumber else "",
                document=base.document,
                category=base.category,
                where=_("%(where)s, pareja %(n)d") % {"where": base.where, "n": number},
                choices=[ChoiceData(text=a, is_correct=a == answer, fraction=float(a == answer)) for a in answers],
                warnings=[
                    *base.warnings,
                    _("Emparejamiento: cada pareja se importa como una pregunta de opción única."),
                ],
            )
        )
    return items
