"""The one shape every format reads and writes: a question as plain data (no ORM), plus shared checks.

Exporters turn ``QuestionData`` into GIFT / Moodle XML / CSV; importers turn files into ``QuestionData``. The
service layer (quizzes/services/interop.py) is the only place that converts between this and the models.
"""

from __future__ import annotations

import math
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
        prompt = prompt if len(prompt) <= 60 else prompt[:57] + "..."
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


def clean_text(text: str | None) -> str:
    """Trim a text and normalise its line breaks (the formats disagree on \\r\\n)."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


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


@dataclass
class ParseResult:
    """What a reader found: the questions it could read and an error for each part it could not."""

    items: list[QuestionData] = field(default_factory=list)
    errors: list[ImportFormatError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was skipped on purpose (e.g. an essay question)
