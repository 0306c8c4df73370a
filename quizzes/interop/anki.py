"""Anki decks (.apkg, written with genanki): flashcards as cloze notes of the card's own front and back, as the
app's review page shows them, that carry the card's source sentence as context.

Every id is derived from our own stable keys, never from time or row order, so that importing a newer export into
Anki updates the notes it already has instead of adding copies:
- the note type id from a fixed name (one "winterwar · cloze" note type for every deck);
- a deck id per document, from the document's id (one deck per document, named ``winterwar::<title>``);
- a note's GUID from the document id and the fact's stable key (or the card's id for a card without a fact).
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import os
import sqlite3
import tempfile
import time
import zipfile
from dataclasses import dataclass, field

import genanki

DECK_PREFIX = "winterwar"
FIELDS = ("Texto", "Oración", "Documento", "Clave")
CSS = """.card { font-family: system-ui, sans-serif; font-size: 22px; line-height: 1.5; color: #1f2933;
  background: #fffdf8; text-align: left; max-width: 40em; margin: 0 auto; }
.cloze { font-weight: 700; color: #1d4e89; }
.oracion { margin-top: 1em; font-size: 18px; color: #3e4c59; }
.fuente { margin-top: .75em; font-size: 14px; color: #616e7c; }
"""


def stable_id(*parts: object) -> int:
    """Return a positive 31-bit id from the parts (sha1), in Anki's usual id range and stable across runs."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


MODEL_ID = stable_id(DECK_PREFIX, "cloze-model", 1)


def cloze_model() -> genanki.Model:
    return genanki.Model(
        MODEL_ID,
        "winterwar · cloze",
        fields=[{"name": name} for name in FIELDS],
        templates=[
            {
                "name": "Cloze",
                "qfmt": "{{cloze:Texto}}",
                "afmt": "{{cloze:Texto}}<hr id=answer>"
                '<div class="oracion">{{Oración}}</div><div class="fuente">{{Documento}}</div>',
            }
        ],
        css=CSS,
        model_type=genanki.Model.CLOZE,
        sort_field_index=0,
    )


@dataclass
class AnkiNote:
    """One card as Anki will see it; ``guid_parts`` make its GUID (same parts → same note in Anki)."""

    guid_parts: tuple
    front: str
    back: str
    sentence: str = ""  # the context: the card's source sentence
    key: str = ""
    tags: list[str] = field(default_factory=list)
    modified: float | None = None  # when the card last changed in the app (seconds since 1970), Anki's note "mod"


@dataclass
class AnkiDeck:
    document_id: int
    title: str
    source: str = ""
    notes: list[AnkiNote] = field(default_factory=list)


def cloze_text(note: AnkiNote) -> str:
    """Return the cloze field: the card's front with its back as ``{{c1::...}}`` (HTML-escaped), what the app shows.

    A front with a blank (``_____``, a statement's cloze) has the back in the blank; a question («¿En qué año…?»)
    has it on the next line (``QUESTION_BREAK``). Never the fact's source sentence: the generator rewrites the
    sentences that do not stand alone into the fronts the app shows (docs/flashcards.md), and the sentence goes in
    its own field as the context.
    """
    front = html.escape(note.front.strip(), quote=False)
    cloze = "{{c1::" + _cloze_safe(note.back.strip()) + "}}"
    return front.replace("_____", cloze, 1) if "_____" in front else f"{front}{QUESTION_BREAK}{cloze}"


# When the notes' text became the card's front and back (it was the source sentence's cloze): a note exported since is
# at least this new, so a re-import replaces the sentence's cloze that a learner imported before, once.
FRONT_AND_BACK_SINCE = 1_796_340_600  # 2026-12-03 23:30 UTC

# Between a question and its cloze: the answer on a line of its own, below the question (read back as a new line).
QUESTION_BREAK = "<br>"


def _cloze_safe(text: str) -> str:
    # "::" would start a hint and "}}" would close the cloze early.
    return html.escape(text, quote=False).replace("::", ": :").replace("}}", "} }")


def deck_name(title: str) -> str:
    return f"{DECK_PREFIX}::{title.replace('::', ':')}"


def build_decks(decks: list[AnkiDeck]) -> list[genanki.Deck]:
    model = cloze_model()
    built = []
    for deck in decks:
        anki_deck = genanki.Deck(stable_id(DECK_PREFIX, "deck", deck.document_id), deck_name(deck.title))
        source = html.escape(deck.title, quote=False)
        if deck.source:
            source += " · " + html.escape(deck.source, quote=False)
        for note in deck.notes:
            anki_deck.add_note(
                genanki.Note(
                    model=model,
                    fields=[cloze_text(note), html.escape(note.sentence, quote=False), source, note.key],
                    guid=genanki.guid_for(*note.guid_parts),
                    tags=[t.replace(" ", "_") for t in note.tags],
                )
            )
        built.append(anki_deck)
    return built


def package_bytes(decks: list[AnkiDeck], *, timestamp: float | None = None) -> bytes:
    """Return the .apkg file (a zip holding an Anki collection) for these decks.

    A note's modification time is when its card last changed in the app (``AnkiNote.modified``, at the earliest
    ``FRONT_AND_BACK_SINCE``; ``timestamp``, the time of the export by default, for a note that does not say). Anki
    updates a note on re-import only when the incoming one is newer, so a learner's own edit in Anki, made after the
    card last changed here, is kept; a card edited here since then wins. (genanki's own write_to_file leaves its
    temporary database behind; this writes the same package and removes it.)
    """
    package = genanki.Package(build_decks(decks))
    timestamp = time.time() if timestamp is None else timestamp
    with tempfile.TemporaryDirectory(prefix="winterwar-anki-") as tmp:
        path = os.path.join(tmp, "collection.anki2")
        conn = sqlite3.connect(path)
        try:
            package.write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            conn.executemany(
                "update notes set mod = ? where guid = ?",
                [
                    (int(max(note.modified, FRONT_AND_BACK_SINCE)), genanki.guid_for(*note.guid_parts))
                    for deck in decks
                    for note in deck.notes
                    if note.modified is not None
                ],
            )
            conn.commit()
        finally:
            conn.close()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(path, "collection.anki2")
            archive.writestr("media", "{}")
    return out.getvalue()
