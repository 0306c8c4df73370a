"""Moving questions and cards in and out: models ⇄ QuestionData, file exports, and the two-step import."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ..domain.numbers import format_amount, format_number, unit_label
from ..domain.uploads import UTF8, UnreadableFile, check_size, decode_guessing
from ..interop import anki, anki_import, csv_io, gift, moodle_xml, xlsx_io
from ..interop.schema import (
    MAX_IMPORT_BYTES,
    MAX_IMPORT_QUESTIONS,
    ChoiceData,
    ImportFormatError,
    ParseResult,
    QuestionData,
    Skipped,
    clean_text,
    fingerprint,
    sanitize,
    validate,
)
from ..models import (
    AcceptedAnswer,
    Choice,
    Document,
    Flashcard,
    ImportBatch,
    ImportFormat,
    ImportStatus,
    Origin,
    Question,
    QuestionKind,
    Quiz,
    QuizItem,
    Status,
)
from . import invalidation
from .errors import Code, ServiceError

READERS = {ImportFormat.GIFT: gift.loads, ImportFormat.MOODLE_XML: moodle_xml.loads, ImportFormat.CSV: csv_io.loads}
EXTENSIONS = {
    ".gift": ImportFormat.GIFT,
    ".txt": ImportFormat.GIFT,
    ".xml": ImportFormat.MOODLE_XML,
    ".csv": ImportFormat.CSV,
    ".xlsx": ImportFormat.XLSX,
}


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    content_type: str
    filename: str


# ---------------------------------------------------------------------------------------------------- export


def question_to_data(question: Question) -> QuestionData:
    """Return a question (with choices and accepted answers prefetched) in the shared shape."""
    prompt = " ".join(question.prompt.split())
    return QuestionData(
        kind=question.kind,
        prompt=question.prompt,
        explanation=question.explanation,
        choices=[
            ChoiceData(
                text=c.text,
                is_correct=c.is_correct and question.kind != QuestionKind.ORDERING,
                fraction=c.partial_credit if question.kind == QuestionKind.SINGLE_CHOICE and not c.is_correct else 0.0,
            )
            for c in question.choices.all()
        ],
        accepted=[a.text for a in question.accepted_answers.all()],
        correct_bool=question.correct_bool,
        numeric_value=question.numeric_value,
        numeric_tolerance=question.numeric_tolerance,
        unit=question.unit,
        document=question.document.title if question.document_id else "",
        category=question.moodle_category,
        name=prompt if len(prompt) <= 60 else prompt[:59].rstrip() + "…",
        idnumber=f"winterwar-{question.pk}",
    )


def _with_parts(questions: QuerySet[Question]) -> QuerySet[Question]:
    return questions.select_related("document").prefetch_related("choices", "accepted_answers")


def questions_to_data(*, questions: QuerySet[Question]) -> list[QuestionData]:
    """Return the questions, grouped by document then in id order, as QuestionData (three queries)."""
    return [question_to_data(q) for q in _with_parts(questions).order_by("document__title", "document_id", "id")]


def quiz_to_data(*, quizzes: QuerySet[Quiz]) -> list[QuestionData]:
    """Return the questions of these quizzes, quiz after quiz, each in its quiz's order with its points (4 queries)."""
    order = list(
        QuizItem.objects.filter(quiz__in=quizzes)
        .order_by("quiz__title", "quiz_id", "position", "id")
        .values_list("question_id", "points")
    )
    questions = _with_parts(Question.objects.filter(pk__in={pk for pk, _points in order})).in_bulk()
    items = []
    for pk, points in order:
        item = question_to_data(questions[pk])
        item.points = float(points)
        items.append(item)
    return items


def export_questions(*, items: list[QuestionData], fmt: str, basename: str) -> ExportFile:
    """Write the questions as a Moodle XML, GIFT or CSV file."""
    if fmt == ImportFormat.MOODLE_XML:
        return ExportFile(moodle_xml.dumps(items).encode("utf-8"), "application/xml; charset=utf-8", basename + ".xml")
    if fmt == ImportFormat.GIFT:
        return ExportFile(gift.dumps(items).encode("utf-8"), "text/plain; charset=utf-8", basename + ".gift.txt")
    if fmt == ImportFormat.XLSX:
        return ExportFile(xlsx_io.dumps(items), xlsx_io.CONTENT_TYPE, basename + ".xlsx")
    return ExportFile(csv_io.dumps(items).encode("utf-8"), "text/csv; charset=utf-8", basename + ".csv")


def flashcard_decks(*, cards: QuerySet[Flashcard]) -> list[anki.AnkiDeck]:
    """Group active cards into one Anki deck per document, each note the card's front and back (as the app shows
    them) with its source sentence."""
    decks: dict[int, anki.AnkiDeck] = {}
    rows = cards.filter(is_active=True).select_related("document", "sentence", "fact__sentence")
    for card in rows.order_by("document", "id"):
        deck = decks.get(card.document_id)
        if deck is None:
            deck = decks[card.document_id] = anki.AnkiDeck(
                document_id=card.document_id, title=card.document.title, source=card.document.source
            )
        fact = card.fact
        sentence = card.sentence or (fact.sentence if fact else None)
        note = anki.AnkiNote(
            guid_parts=("winterwar", card.document_id, fact.key) if fact else ("winterwar", "card", card.pk),
            front=card.front,
            back=card.back,
            sentence=sentence.text if sentence else card.context,
            key=fact.key if fact else f"card-{card.pk}",
            tags=["winterwar", fact.kind] if fact else ["winterwar"],
            modified=card.updated_at.timestamp() if card.updated_at else None,
        )
        deck.notes.append(note)
    return list(decks.values())


def retired_flashcards(*, cards: QuerySet[Flashcard]) -> int:
    """Count the cards left out of an Anki export because they were retired here (Anki keeps them until deleted)."""
    return cards.filter(is_active=False).count()


def export_flashcards(*, cards: QuerySet[Flashcard], basename: str, timestamp: float | None = None) -> ExportFile:
    decks = flashcard_decks(cards=cards)
    return ExportFile(anki.package_bytes(decks, timestamp=timestamp), "application/apkg", basename + ".apkg")


# ---------------------------------------------------------------------------------------------------- import


def detect_format(*, filename: str, text: str) -> str:
    """Guess the format from the extension, then from the content.

    A ``.txt`` whose first row names our CSV columns is a table (Excel's «Texto Unicode» is tab-separated ``.txt``).
    """
    lower = filename.lower()
    header = {csv_io.column_key(cell) for cell in re.split(r"[,;\t]", text.lstrip("\ufeff").split("\n", 1)[0])}
    if lower.endswith(".txt") and set(csv_io.REQUIRED) <= header:
        return ImportFormat.CSV
    for extension, fmt in EXTENSIONS.items():
        if lower.endswith(extension):
            return fmt
    head = text.lstrip()[:200]
    if head.startswith("<"):
        return ImportFormat.MOODLE_XML
    return ImportFormat.GIFT if "{" in text else ImportFormat.CSV


def import_parse(*, data: bytes, filename: str, fmt: str = "") -> tuple[str, ParseResult]:
    """Decode, read and check an uploaded file; every problem comes back as an error naming a line or question."""
    if filename.lower().endswith((".apkg", ".colpkg")) and fmt != ImportFormat.XLSX:
        message = _("Es un mazo de Anki: se importa como tarjetas, en Tarjetas → «Importar de Anki (.apkg)».")
        return ImportFormat.APKG, ParseResult(errors=[ImportFormatError(message)])
    if fmt == ImportFormat.XLSX or (not fmt and filename.lower().endswith(".xlsx")):
        try:
            check_size(len(data), max_bytes=MAX_IMPORT_BYTES)
        except UnreadableFile as exc:
            return ImportFormat.XLSX, ParseResult(errors=[ImportFormatError(exc.messages[0])])
        return ImportFormat.XLSX, _checked(xlsx_io.loads(data))
    try:
        decoded = decode_guessing(data, max_bytes=MAX_IMPORT_BYTES)
    except UnreadableFile as exc:
        where = _("línea %(n)d") % {"n": exc.line} if exc.line else ""
        return fmt or ImportFormat.GIFT, ParseResult(errors=[ImportFormatError(exc.messages[0], where=where)])
    text = decoded.text
    fmt = fmt or detect_format(filename=filename, text=text)
    result = READERS[fmt](text)
    result.encoding = decoded.encoding
    if decoded.encoding != UTF8:
        result.notes.insert(
            0, _("El archivo no estaba en UTF-8: se ha leído como %(encoding)s.") % {"encoding": decoded.encoding}
        )
    return fmt, _checked(result)


def _checked(result: ParseResult) -> ParseResult:
    """Clean every text, then check the questions as the admin does (each problem named by its question)."""
    result.items = [sanitize(item) for item in result.items]
    if not result.items and not result.errors:
        result.errors.append(ImportFormatError(_("Ninguna pregunta del archivo se puede importar (vea las omitidas).")))
    if len(result.items) > MAX_IMPORT_QUESTIONS:
        result.errors.append(
            ImportFormatError(
                _("El archivo tiene %(n)d preguntas; se importan como mucho %(max)d a la vez: divídalo.")
                % {"n": len(result.items), "max": MAX_IMPORT_QUESTIONS}
            )
        )
        return result
    for item in result.items:
        for problem in validate(item):
            result.errors.append(ImportFormatError(problem, where=item.label))
    return result


def import_batch_create(
    *, user, fmt: str, filename: str, result: ParseResult, document: Document | None = None
) -> ImportBatch:
    """Keep a parsed file for review (only files without errors get here)."""
    assert not result.errors, "an import with errors is never kept"
    # Forget this teacher's unconfirmed imports from earlier days.
    ImportBatch.objects.filter(
        created_by=user, status=ImportStatus.PENDING, created_at__lt=timezone.now() - timedelta(days=1)
    ).delete()
    return ImportBatch.objects.create(
        created_by=user,
        format=fmt,
        filename=filename[:255],
        document=document,
        payload={
            "items": [i.to_dict() for i in result.items],
            "notes": result.notes,
            "skipped": [s.to_dict() for s in result.skipped],
            "encoding": result.encoding,
        },
    )


@dataclass
class PreviewRow:
    number: int
    item: QuestionData
    document: Document | None
    duplicate_of: int | None = None  # an existing question's id
    repeated_from: str = ""  # where the same question appeared earlier in the file
    notes: list[str] = field(default_factory=list)

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of is not None or bool(self.repeated_from)

    @property
    def kind_label(self) -> str:
        return QuestionKind(self.item.kind).label

    @property
    def answer_summary(self) -> str:
        """Say the right answer in a line, for the review table."""
        item = self.item
        if item.kind == QuestionKind.TRUE_FALSE:
            return _("Verdadero") if item.correct_bool else _("Falso")
        if item.kind == QuestionKind.SHORT_ANSWER:
            return " / ".join(item.accepted)
        if item.kind == QuestionKind.NUMERIC:
            if not item.numeric_tolerance:
                return format_amount(item.numeric_value, item.unit)
            tolerance = f"{format_number(item.numeric_value)} ± {format_number(item.numeric_tolerance)}"
            return f"{tolerance} {unit_label(item.unit, item.numeric_value)}".strip()
        if item.kind == QuestionKind.ORDERING:
            return " → ".join(c.text for c in item.choices)
        return " · ".join(("✓ " if c.is_correct else "✗ ") + c.text for c in item.choices)


def import_preview(*, batch: ImportBatch) -> list[PreviewRow]:
    """Say what confirming will create: each question, its document, and whether it already exists (2 queries)."""
    items = [QuestionData.from_dict(d) for d in batch.payload.get("items", [])]
    return preview_items(items=items, document=batch.document)


def preview_items(*, items: list[QuestionData], document: Document | None = None) -> list[PreviewRow]:
    """Say what importing these questions creates (``document``, when given, is the document of them all)."""
    chosen = document
    titles = {i.document for i in items if i.document}
    documents = {d.title: d for d in Document.objects.filter(title__in=titles)} if titles else {}
    existing: dict[tuple[str, str], int] = {}
    wanted = {i.fingerprint() for i in items}
    for pk, kind, prompt in Question.objects.filter(kind__in={k for k, _p in wanted}).values_list(
        "id", "kind", "prompt"
    ):
        key = fingerprint(kind, prompt)
        if key in wanted:
            existing.setdefault(key, pk)
    seen: dict[tuple[str, str], str] = {}
    rows = []
    for number, item in enumerate(items, start=1):
        document = chosen or documents.get(item.document)
        row = PreviewRow(number=number, item=item, document=document, notes=list(item.warnings))
        if item.document and not chosen and document is None:
            row.notes.append(_("No hay ningún documento «%(t)s»: se importará sin documento.") % {"t": item.document})
        key = item.fingerprint()
        row.duplicate_of = existing.get(key)
        if key in seen:
            row.repeated_from = seen[key]
        seen.setdefault(key, item.where or str(number))
        rows.append(row)
    return rows


def import_skipped(*, batch: ImportBatch) -> list[Skipped]:
    """Return what the file held that will not be imported, each with its line or number and the reason."""
    return [Skipped(**s) for s in batch.payload.get("skipped", [])]


def _new_question(*, item: QuestionData, document: Document | None, user) -> Question:
    question = Question(
        kind=item.kind,
        prompt=item.prompt,
        explanation=item.explanation,
        document=document,
        status=Status.DRAFT,
        origin=Origin.IMPORTED,
        created_by=user,
        correct_bool=item.correct_bool if item.kind == QuestionKind.TRUE_FALSE else None,
        numeric_value=item.numeric_value if item.kind == QuestionKind.NUMERIC else None,
        numeric_tolerance=item.numeric_tolerance if item.kind == QuestionKind.NUMERIC else None,
        unit=item.unit if item.kind == QuestionKind.NUMERIC else "",
        moodle_category=item.category[:255],
    )
    # Field checks here; the kind rules were checked by validate(), the document and user are already loaded,
    # and the database enforces its constraints (Django would otherwise query once per constraint and per key).
    question.full_clean(
        exclude=["document", "created_by", "fact", "sentence"], validate_unique=False, validate_constraints=False
    )
    return question


@transaction.atomic
def import_batch_confirm(*, batch: ImportBatch, user, skip_duplicates: bool = True) -> list[Question]:
    """Create the batch's questions as drafts, all or nothing; a second confirmation (a double submit or a
    replayed form) raises ServiceError IMPORT_ALREADY_DONE."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk, created_by=user)
    if batch.status != ImportStatus.PENDING:
        raise ServiceError(Code.IMPORT_ALREADY_DONE)
    created = _create_questions(rows=import_preview(batch=batch), user=user, skip_duplicates=skip_duplicates)
    batch.status = ImportStatus.IMPORTED
    batch.n_created = len(created)
    batch.imported_at = timezone.now()
    # The questions now live in their tables; keep only a summary of the file.
    batch.payload = {
        "notes": batch.payload.get("notes", []),
        "n_read": len(batch.payload.get("items", [])),
        "skipped": batch.payload.get("skipped", []),
    }
    batch.save(update_fields=["status", "n_created", "imported_at", "payload"])
    return created


@transaction.atomic
def import_now(
    *, result: ParseResult, user=None, document: Document | None = None, skip_duplicates: bool = True
) -> tuple[list[PreviewRow], list[Question]]:
    """Import a file read without errors in one step (the command line has no review page); all or nothing."""
    assert not result.errors, "an import with errors is never kept"
    rows = preview_items(items=result.items, document=document)
    return rows, _create_questions(rows=rows, user=user, skip_duplicates=skip_duplicates)


def _partial_credit(item: QuestionData, choice: ChoiceData) -> float:
    """A wrong option's share of the mark in a single-choice question (Moodle's ``~%50%``), else 0."""
    if item.kind != QuestionKind.SINGLE_CHOICE or choice.is_correct or not 0 < choice.fraction < 1:
        return 0.0
    return round(choice.fraction, 7)


def _create_questions(*, rows: list[PreviewRow], user, skip_duplicates: bool) -> list[Question]:
    rows = [row for row in rows if not (skip_duplicates and row.is_duplicate)]
    for row in rows:
        problems = validate(row.item)
        if problems:  # the rules changed since the upload: refuse rather than store a broken question
            raise ImportFormatError(" ".join(problems), where=row.item.label)
    # Three INSERTs whatever the size of the file (primary keys come back on PostgreSQL and SQLite ≥ 3.35).
    created = Question.objects.bulk_create(
        [_new_question(item=row.item, document=row.document, user=user) for row in rows], batch_size=500
    )
    Choice.objects.bulk_create(
        (
            Choice(
                question=question,
                text=c.text,
                is_correct=c.is_correct,
                position=position,
                partial_credit=_partial_credit(row.item, c),
            )
            for question, row in zip(created, rows, strict=True)
            for position, c in enumerate(row.item.choices, start=1)
        ),
        batch_size=500,
    )
    AcceptedAnswer.objects.bulk_create(
        (
            AcceptedAnswer(question=question, text=a)
            for question, row in zip(created, rows, strict=True)
            for a in row.item.accepted
        ),
        batch_size=500,
    )
    return created


# ---------------------------------------------------------------------------------------------------- Anki import


def anki_parse(*, data: bytes) -> anki_import.AnkiResult:
    """Read an Anki package into cards (texts cleaned); every problem comes back as an error or a skipped note."""
    result = anki_import.read_package(data)
    cards, result.cards = result.cards, []
    for card in cards:
        card.front, card.back, card.context = clean_text(card.front), clean_text(card.back), clean_text(card.context)
        if card.front and card.back:
            result.cards.append(card)
        else:
            result.skipped.append(Skipped(where=card.where, reason=_("le falta texto en el anverso o el reverso.")))
    if not result.cards and not result.errors:
        result.errors.append(ImportFormatError(_("El paquete no tiene ninguna nota que se pueda importar.")))
    return result


def anki_batch_create(*, user, filename: str, result: anki_import.AnkiResult, document: Document | None = None):
    """Keep a read package for review (only packages without errors get here)."""
    assert not result.errors, "an import with errors is never kept"
    ImportBatch.objects.filter(
        created_by=user, status=ImportStatus.PENDING, created_at__lt=timezone.now() - timedelta(days=1)
    ).delete()
    return ImportBatch.objects.create(
        created_by=user,
        format=ImportFormat.APKG,
        filename=filename[:255],
        document=document,
        payload={
            "cards": [c.to_dict() for c in result.cards],
            "skipped": [s.to_dict() for s in result.skipped],
            "notes": result.notes,
        },
    )


class CardStatus:
    NEW = "new"
    UPDATE = "update"
    SAME = "same"
    NO_DOCUMENT = "no_document"


@dataclass
class CardRow:
    number: int
    card: anki_import.CardData
    document: Document | None
    existing: Flashcard | None = None
    status: str = CardStatus.NEW

    @property
    def status_label(self) -> str:
        return {
            CardStatus.NEW: _("Nueva"),
            CardStatus.UPDATE: _("Se actualiza"),
            CardStatus.SAME: _("Ya está igual"),
            CardStatus.NO_DOCUMENT: _("Sin documento: no se importa"),
        }[self.status]


def _deck_title(deck: str) -> str:
    parts = [p for p in deck.split("::") if p]
    return parts[-1] if parts else ""


def anki_preview(*, batch: ImportBatch) -> list[CardRow]:
    """Say what confirming does to each card: create it, update the card imported before, or nothing (3 queries)."""
    cards = [anki_import.CardData(**c) for c in batch.payload.get("cards", [])]
    return anki_rows(cards=cards, document=batch.document)


def anki_rows(*, cards: list[anki_import.CardData], document: Document | None = None) -> list[CardRow]:
    """Say what importing these cards does (``document``, when given, receives them all; else the deck's name)."""
    titles = {_deck_title(c.deck) for c in cards}
    documents = {d.title: d for d in Document.objects.filter(title__in=titles)} if not document else {}
    chosen = document
    document_ids = {d.pk for d in documents.values()} | ({chosen.pk} if chosen else set())
    keys = {c.key for c in cards}
    our = {c.our_key for c in cards if c.our_key}
    existing = (
        Flashcard.objects.filter(document_id__in=document_ids)
        .filter(
            Q(anki_key__in=keys)
            | Q(pk__in=[int(k[5:]) for k in our if k.startswith("card-") and k[5:].isascii() and k[5:].isdigit()])
            | Q(fact__key__in=our)
        )
        .select_related("fact")
    )
    by_key: dict[tuple[int, str], Flashcard] = {}
    for card in existing:
        if card.anki_key:
            by_key[(card.document_id, card.anki_key)] = card
        by_key.setdefault((card.document_id, f"card-{card.pk}"), card)
        if card.fact_id:
            by_key.setdefault((card.document_id, card.fact.key), card)
    rows = []
    for number, card in enumerate(cards, start=1):
        document = chosen or documents.get(_deck_title(card.deck))
        row = CardRow(number=number, card=card, document=document)
        if document is None:
            row.status = CardStatus.NO_DOCUMENT
        else:
            found = by_key.get((document.pk, card.key)) or (
                by_key.get((document.pk, card.our_key)) if card.our_key else None
            )
            row.existing = found
            if found is not None:
                same = card.our_key or (found.front, found.back, found.context) == (card.front, card.back, card.context)
                row.status = CardStatus.SAME if same else CardStatus.UPDATE
        rows.append(row)
    return rows


@transaction.atomic
def anki_batch_confirm(*, batch: ImportBatch, user) -> dict[str, int]:
    """Create the new cards and update the ones imported before, all or nothing; a second confirmation raises."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk, created_by=user, format=ImportFormat.APKG)
    if batch.status != ImportStatus.PENDING:
        raise ServiceError(Code.IMPORT_ALREADY_DONE)
    rows = anki_preview(batch=batch)
    counts = _apply_cards(rows)
    batch.status = ImportStatus.IMPORTED
    batch.n_created = counts["created"]
    batch.imported_at = timezone.now()
    batch.payload = {"skipped": batch.payload.get("skipped", []), "n_read": len(rows), **counts}
    batch.save(update_fields=["status", "n_created", "imported_at", "payload"])
    return counts


@transaction.atomic
def anki_import_now(
    *, result: anki_import.AnkiResult, document: Document | None = None
) -> tuple[list[CardRow], dict[str, int]]:
    """Import a package read without errors in one step (the command line has no review page); all or nothing."""
    assert not result.errors, "an import with errors is never kept"
    rows = anki_rows(cards=result.cards, document=document)
    return rows, _apply_cards(rows)


def _apply_cards(rows: list[CardRow]) -> dict[str, int]:
    new = [r for r in rows if r.status == CardStatus.NEW]
    seen: set[tuple[int, str]] = set()
    created = []
    for row in new:
        if (row.document.pk, row.card.key) in seen:
            continue
        seen.add((row.document.pk, row.card.key))
        created.append(
            Flashcard(
                document=row.document,
                front=row.card.front,
                back=row.card.back,
                context=row.card.context,
                origin=Origin.IMPORTED,
                anki_key=row.card.key,
            )
        )
    Flashcard.objects.bulk_create(created, batch_size=500)
    updated = []
    for row in rows:
        if row.status == CardStatus.UPDATE:
            card = row.existing
            card.front, card.back, card.context = row.card.front, row.card.back, row.card.context
            card.updated_at = timezone.now()
            updated.append(card)
    Flashcard.objects.bulk_update(updated, ["front", "back", "context", "updated_at"], batch_size=500)
    invalidation.changed(everyone=True)  # bulk writes send no signal
    return {
        "created": len(created),
        "updated": len(updated),
        "same": sum(1 for r in rows if r.status == CardStatus.SAME),
        "no_document": sum(1 for r in rows if r.status == CardStatus.NO_DOCUMENT),
    }
