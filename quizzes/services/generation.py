"""Store generated facts and questions: idempotent regeneration that never overwrites a teacher's edit."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from ..domain.uploads import read_text
from ..generation import Bank, generate_bank
from ..generation import Question as DraftQuestion
from ..models import (
    MAX_DOCUMENT_BYTES,
    AcceptedAnswer,
    Choice,
    Document,
    Fact,
    Origin,
    Question,
    QuestionKind,
    Sentence,
    Status,
    validate_document_text,
)
from .cards import cards_sync_for_document
from .errors import Code, ServiceError

ORPHAN_NOTE = "La oración de origen cambió o desapareció al regenerar: revise la pregunta."
FIXTURE_TIMESTAMP = "2026-01-01T00:00:00Z"


@dataclass
class GenerationReport:
    """What a generation run did."""

    facts: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_edited: int = 0
    sent_to_draft: int = 0
    published: int = 0

    def __str__(self) -> str:
        return _(
            "%(facts)d hechos; preguntas: %(created)d creadas, %(updated)d actualizadas, %(unchanged)d sin cambios, "
            "%(kept)d conservadas por estar editadas por un docente, %(draft)d devueltas a borrador."
        ) % {
            "facts": self.facts,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "kept": self.kept_edited,
            "draft": self.sent_to_draft,
        }

    def as_dict(self) -> dict[str, int]:
        """Return the counts by name."""
        return dict(self.__dict__)


# ---------------------------------------------------------------- input checks
def text_read(path: str | Path) -> str:
    """Read a document's text file, refusing binary, non-UTF-8 and oversized files (raise ValidationError)."""
    path = Path(path)
    with path.open("rb") as fh:
        return read_text(fh, size=path.stat().st_size, max_bytes=MAX_DOCUMENT_BYTES)


def bank_build(text: str, *, title: str = "") -> Bank:
    """Check the text and generate its bank; raise ValidationError for a text that cannot be a document and
    ServiceError NO_FACTS when nothing can be asked."""
    validate_document_text(text)
    bank = generate_bank(text, title=title)
    if not bank.facts or not bank.questions:
        raise ServiceError(Code.NO_FACTS)
    return bank


# ---------------------------------------------------------------- from a bank to rows
# The one mapping from a generated bank to model fields, used by the store (document_generate_questions) and by the
# fixture builder (bank_to_fixture); relations are left to each (rows in one, primary keys in the other).
def _signature(q: DraftQuestion) -> str:
    payload = [
        q.kind,
        q.prompt,
        q.explanation,
        q.correct,
        q.distractors,
        q.accepted,
        q.numeric,
        q.items,
        q.status,
        q.quality,
        q.checks_failed,
        q.fact_keys,
    ]
    return hashlib.sha1(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _checks(q: DraftQuestion) -> dict:
    return {
        "passed": q.checks_passed,
        "failed": q.checks_failed,
        "fact_keys": q.fact_keys,
        "notes": q.notes,
        "signature": _signature(q),
    }


def _fit(model, name: str, value: str) -> str:
    """Cut a generated text to the model field's length (a generated item never makes a save fail)."""
    return value[: model._meta.get_field(name).max_length]


def _sentence_fields(bank: Bank, sent) -> dict:
    start, end = bank.sentence_offsets[sent.index]
    return {"index": sent.index, "text": sent.text, "start": start, "end": end}


def _fact_fields(fact) -> dict:
    """A fact's fields but its document, sentence and key."""
    return {
        "kind": fact.kind,
        "subtype": _fit(Fact, "subtype", fact.subtype),
        "answer": _fit(Fact, "answer", fact.answer),
        "start": fact.start,
        "end": fact.end,
        "value": fact.value,
        "aliases": fact.aliases,
        "uncertain": bool((fact.value or {}).get("uncertain")),
        "is_active": True,
    }


def _question_fields(q: DraftQuestion) -> dict:
    """A question's fields but its relations, origin, key and authoring fields."""
    return {
        "kind": q.kind,
        "prompt": q.prompt,
        "explanation": q.explanation,
        "status": q.status,
        "quality": q.quality,
        "checks": _checks(q),
        "correct_bool": (q.correct == ["Verdadero"]) if q.kind == QuestionKind.TRUE_FALSE else None,
        "numeric_value": q.numeric["value"] if q.numeric else None,
        "numeric_tolerance": q.numeric["tolerance"] if q.numeric else None,
        "unit": _fit(Question, "unit", (q.numeric or {}).get("unit", "")),
        "review_note": "",
    }


def _question_links(q: DraftQuestion) -> tuple[str | None, int | None]:
    """The key of the fact a question asks about and the index of its source sentence (None: several or none)."""
    fact_key = q.fact_keys[0] if q.fact_keys else None
    sentence_index = q.sentence_indexes[0] if len(q.sentence_indexes) == 1 else None
    return fact_key, sentence_index


def _answer_rows(q: DraftQuestion) -> tuple[list[tuple[dict, str]], list[dict]]:
    """Return a draft's choices as (fields, key of the fact it stands for, or "") and its accepted answers' fields."""
    rows: list[tuple[str, bool, int, str]] = []
    if q.kind in {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}:
        rows = [(text, ok, i, "") for i, (text, ok) in enumerate(q.choices)]
    elif q.kind == QuestionKind.ORDERING:
        rows = [(text, False, i + 1, q.fact_keys[i]) for i, text in enumerate(q.items)]
    choices = [
        ({"text": _fit(Choice, "text", text), "is_correct": ok, "position": position}, key)
        for text, ok, position, key in rows
    ]
    accepted = q.accepted if q.kind == QuestionKind.SHORT_ANSWER else []
    return choices, [{"text": _fit(AcceptedAnswer, "text", text)} for text in accepted]


# ---------------------------------------------------------------- storing
@transaction.atomic
def document_generate_questions(*, document: Document, bank: Bank | None = None) -> GenerationReport:
    """Generate and store the document's facts and questions in one transaction; return the counts."""
    bank = bank or bank_build(document.text, title=document.title)
    report = GenerationReport(facts=len(bank.facts))
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.text != bank.text:
        # Fact offsets point into the canonical text (NFC, Unix newlines): store that.
        document.text = bank.text
        document.save(update_fields=["text", "updated_at"])

    # Sentences are positional rows: update in place, add, drop the surplus.
    existing_sentences = {s.index: s for s in document.sentences.all()}
    sentence_rows: dict[int, Sentence] = {}
    new_sentences: list[Sentence] = []
    for sent in bank.sentences:
        values = _sentence_fields(bank, sent)
        row = existing_sentences.pop(sent.index, None)
        if row is None:
            row = Sentence(document=document, **values)
            new_sentences.append(row)
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            row.save(update_fields=["text", "start", "end"])
        sentence_rows[sent.index] = row
    Sentence.objects.bulk_create(new_sentences)
    if existing_sentences:
        Sentence.objects.filter(pk__in=[s.pk for s in existing_sentences.values()]).delete()

    # Facts by stable key.
    existing_facts = {f.key: f for f in document.facts.all()}
    fact_rows: dict[str, Fact] = {}
    new_facts: list[Fact] = []
    for fact in bank.facts:
        values = {"sentence": sentence_rows[fact.sentence_index], **_fact_fields(fact)}
        row = existing_facts.pop(fact.key, None)
        if row is None:
            row = Fact(document=document, key=fact.key, **values)
            new_facts.append(row)
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            row.save()
        fact_rows[fact.key] = row
    # One INSERT for all new rows: a long text has thousands of facts and questions.
    Fact.objects.bulk_create(new_facts)
    for row in existing_facts.values():
        if row.is_active or row.sentence_id:
            row.is_active = False
            row.sentence = None
            row.save(update_fields=["is_active", "sentence"])

    # Questions by stable key.
    existing = {q.key: q for q in Question.objects.filter(document=document, origin=Origin.GENERATED).exclude(key="")}
    new_rows: list[Question] = []
    updated_rows: list[Question] = []
    parts: list[tuple[Question, DraftQuestion]] = []
    for q in bank.questions:
        row = existing.pop(q.key, None)
        fields = _question_fields(q)
        fact_key, sentence_index = _question_links(q)
        first_fact, sentence = fact_rows.get(fact_key), sentence_rows.get(sentence_index)
        if row is not None and row.edited_by_teacher:
            report.kept_edited += 1
            continue
        same = row is not None and (row.checks or {}).get("signature") == fields["checks"]["signature"]
        if same and row.review_note != ORPHAN_NOTE:
            if row.fact_id != getattr(first_fact, "pk", None) or row.sentence_id != getattr(sentence, "pk", None):
                row.fact, row.sentence = first_fact, sentence
                row.save(update_fields=["fact", "sentence"])
            report.unchanged += 1
            continue
        if row is None:
            row = Question(document=document, key=q.key, origin=Origin.GENERATED)
            report.created += 1
            new_rows.append(row)
        else:
            report.updated += 1
            updated_rows.append(row)
        for k, v in fields.items():
            setattr(row, k, v)
        row.fact, row.sentence = first_fact, sentence
        # Field checks only: constraints are in the database and the transaction undoes everything.
        row.clean_fields(exclude=["document", "fact", "sentence", "created_by"])
        parts.append((row, q))
    for row in updated_rows:
        row.save()
    Question.objects.bulk_create(new_rows)
    Choice.objects.filter(question__in=updated_rows).delete()
    AcceptedAnswer.objects.filter(question__in=updated_rows).delete()
    new_choices, new_accepted = [], []
    for row, q in parts:
        choices, accepted = _answer_rows(q)
        new_choices += [Choice(question=row, fact=fact_rows.get(key), **values) for values, key in choices]
        new_accepted += [AcceptedAnswer(question=row, **values) for values in accepted]
    Choice.objects.bulk_create(new_choices)
    AcceptedAnswer.objects.bulk_create(new_accepted)
    # Items whose source sentence changed or vanished go back to draft, with the reason.
    for row in existing.values():
        if row.edited_by_teacher:
            if row.review_note != ORPHAN_NOTE:
                row.review_note = ORPHAN_NOTE
                row.save(update_fields=["review_note", "updated_at"])
            continue
        if row.status != Status.DRAFT or row.review_note != ORPHAN_NOTE or row.sentence_id:
            row.status = Status.DRAFT
            row.review_note = ORPHAN_NOTE
            row.sentence = None
            row.save(update_fields=["status", "review_note", "sentence", "updated_at"])
            report.sent_to_draft += 1
    report.published = Question.objects.published().filter(document=document, origin=Origin.GENERATED).count()
    cards_sync_for_document(
        document=document
    )  # a card per active fact with a question that makes one (docs/flashcards.md)
    return report


@transaction.atomic
def document_import(
    *, text: str, title: str = "", source: str = "", licence: str = "", fallback_title: str = ""
) -> tuple[Document, GenerationReport]:
    """Create or update the document with this title and generate its questions, all or nothing.

    Without a title, the text's headline is used, else fallback_title (the command passes the file name).
    """
    bank = bank_build(text, title=title)
    title = (title or bank.title or fallback_title or _("Documento sin título"))[:200]
    document, created = Document.objects.get_or_create(
        title=title, defaults={"text": bank.text, "source": source, "licence": licence}
    )
    if not created and document.text != bank.text:
        document.text = bank.text
        document.save(update_fields=["text", "updated_at"])
    return document, document_generate_questions(document=document, bank=bank)


# ---------------------------------------------------------------- fixture
def bank_to_fixture(bank: Bank, *, title: str, source: str = "", licence: str = "", document_pk: int = 1) -> list[dict]:
    """Return a loaddata fixture (stable primary keys) equal to what the service stores for this bank."""
    rows: list[dict] = []
    ts = {"created_at": FIXTURE_TIMESTAMP, "updated_at": FIXTURE_TIMESTAMP}
    rows.append(
        {
            "model": "quizzes.document",
            "pk": document_pk,
            "fields": {
                "title": title,
                "language": bank.language,
                "text": bank.text,
                "source": source,
                "licence": licence,
                "is_published": True,
                "created_by": None,
                **ts,
            },
        }
    )
    base = document_pk * 100_000
    sentence_pk = {sent.index: base + sent.index + 1 for sent in bank.sentences}
    rows += [
        {
            "model": "quizzes.sentence",
            "pk": sentence_pk[sent.index],
            "fields": {"document": document_pk, **_sentence_fields(bank, sent)},
        }
        for sent in bank.sentences
    ]
    fact_pk = {fact.key: base + i for i, fact in enumerate(bank.facts, start=1)}
    rows += [
        {
            "model": "quizzes.fact",
            "pk": fact_pk[fact.key],
            "fields": {
                "document": document_pk,
                "sentence": sentence_pk[fact.sentence_index],
                "key": fact.key,
                **_fact_fields(fact),
            },
        }
        for fact in bank.facts
    ]
    choice_pk, answer_pk = base, base
    for i, q in enumerate(bank.questions, start=1):
        fact_key, sentence_index = _question_links(q)
        rows.append(
            {
                "model": "quizzes.question",
                "pk": base + i,
                "fields": {
                    **_question_fields(q),
                    "document": document_pk,
                    "fact": fact_pk.get(fact_key),
                    "sentence": sentence_pk.get(sentence_index),
                    "origin": Origin.GENERATED.value,
                    "edited_by_teacher": False,
                    "key": q.key,
                    "created_by": None,
                    **ts,
                },
            }
        )
        choices, accepted = _answer_rows(q)
        for values, key in choices:
            choice_pk += 1
            fields = {"question": base + i, **values, "fact": fact_pk.get(key)}
            rows.append({"model": "quizzes.choice", "pk": choice_pk, "fields": fields})
        for values in accepted:
            answer_pk += 1
            fields = {"question": base + i, **values}
            rows.append({"model": "quizzes.acceptedanswer", "pk": answer_pk, "fields": fields})
    return rows
