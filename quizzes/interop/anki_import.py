"""Reading Anki packages (.apkg, .colpkg) into flashcards: Basic, Basic-and-reversed, Cloze and other note types.

A package is a zip holding the collection, an SQLite database: ``collection.anki21b`` (Anki 2.1.50+, compressed with
Zstandard, schema 18: note types in ``notetypes``/``fields``/``templates``, decks in ``decks``), else
``collection.anki21`` or ``collection.anki2`` (schema 11: note types and decks as JSON in ``col``). Media files are
not read. Every limit is checked before the work it bounds: the zip's declared sizes (a zip bomb is refused
unread), the bytes actually unpacked, the database opened in memory from those bytes, its tables checked to be
tables (not views), and a progress handler that stops any query running too long (a hostile database).

Each note becomes cards by its note type:
- a cloze note type (Anki's *Cloze* and ours, *winterwar · cloze*): one card per cloze number, the front the text with
  that deletion as ``_____`` (its hint in brackets) and the others filled in, the back the deleted text;
- any other note type: front = first field, back = second; a second card template that shows the second field first
  (*Basic (and reversed card)*) adds the reversed card;
- a note with no text left in the fields it needs (an image-only field, say) is skipped with the reason.
Each card has a stable ``key`` (the note's GUID and the card's number), so importing the same deck again updates.
"""

from __future__ import annotations

import io
import json
import re
import sqlite3
import zipfile
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _

from .schema import ImportFormatError, Skipped, html_to_text, media_names

MAX_PACKAGE_BYTES = 30 * 1024 * 1024
MAX_COLLECTION_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200
MAX_NOTES = 20_000
MAX_STEPS = 50_000_000  # SQLite virtual machine steps for the whole read (a few seconds at most)
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
OUR_NOTE_TYPE = "winterwar · cloze"
_CLOZE_RE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)


@dataclass
class CardData:
    key: str
    front: str
    back: str
    context: str = ""
    deck: str = ""
    note_type: str = ""
    where: str = ""
    our_key: str = ""  # the "Clave" of our own note type (a fact key or "card-<id>")
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class AnkiResult:
    cards: list[CardData] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    errors: list[ImportFormatError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _NoteType:
    name: str
    fields: list[str]
    cloze: bool
    reversed: bool


# ---------------------------------------------------------------------------------------------------- unpacking


def _collection_bytes(data: bytes) -> tuple[str, bytes]:
    if len(data) > MAX_PACKAGE_BYTES:
        raise ImportFormatError(_("El paquete de Anki pasa de %(n)d MB.") % {"n": MAX_PACKAGE_BYTES // 1024 // 1024})
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ImportFormatError(_("No es un paquete de Anki (.apkg o .colpkg): no es un archivo zip.")) from exc
    with archive:
        names = {info.filename: info for info in archive.infolist()}
        name = next((n for n in COLLECTIONS if n in names), None)
        if name is None:
            raise ImportFormatError(_("El paquete no contiene ninguna colección de Anki (collection.anki2…)."))
        info = names[name]
        if info.file_size > MAX_COLLECTION_BYTES or info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportFormatError(
                _("La colección ocuparía demasiado descomprimida: no se abre (¿un archivo manipulado?).")
            )
        try:
            with archive.open(info) as member:
                raw = member.read(MAX_COLLECTION_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
            raise ImportFormatError(_("El paquete de Anki está dañado: %(e)s") % {"e": exc}) from exc
    if len(raw) > MAX_COLLECTION_BYTES:
        raise ImportFormatError(
            _("La colección ocuparía demasiado descomprimida: no se abre (¿un archivo manipulado?).")
        )
    if name.endswith("anki21b"):
        import zstandard

        try:
            reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(raw))
            raw = reader.read(MAX_COLLECTION_BYTES + 1)
        except zstandard.ZstdError as exc:
            raise ImportFormatError(_("La colección comprimida de Anki está dañada.")) from exc
        if len(raw) > MAX_COLLECTION_BYTES:
            raise ImportFormatError(_("La colección ocuparía demasiado descomprimida: no se abre."))
    return name, raw


def _open(raw: bytes) -> sqlite3.Connection:
    if not raw.startswith(b"SQLite format 3\x00"):
        raise ImportFormatError(_("La colección del paquete no es una base de datos de Anki."))
    if raw[18:20] == b"\x02\x02":  # a database in WAL mode (Anki's own) cannot be opened from memory: say "rollback"
        raw = raw[:18] + b"\x01\x01" + raw[20:]
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(raw)
        connection.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        connection.close()
        raise ImportFormatError(_("La colección del paquete está dañada.")) from exc
    steps = [0]

    def progress() -> int:
        steps[0] += 100
        return 1 if steps[0] > MAX_STEPS else 0  # non-zero aborts the running statement

    connection.set_progress_handler(progress, 100)
    return connection


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {row[0] for row in connection.execute("select name from sqlite_master where type = 'table'")}


# ---------------------------------------------------------------------------------------------------- note types


def _legacy_note_types(connection) -> tuple[dict[int, _NoteType], dict[int, str]]:
    models_json, decks_json = connection.execute("select models, decks from col").fetchone()
    models, decks = json.loads(models_json or "{}"), json.loads(decks_json or "{}")
    types = {}
    for model_id, model in models.items():
        fields = [f.get("name", "") for f in sorted(model.get("flds", []), key=lambda f: f.get("ord", 0))]
        templates = model.get("tmpls", [])
        types[int(model_id)] = _NoteType(
            name=str(model.get("name", "")),
            fields=fields,
            cloze=model.get("type") == 1,
            reversed=_is_reversed([t.get("qfmt", "") for t in templates], fields),
        )
    return types, {int(deck_id): str(deck.get("name", "")) for deck_id, deck in decks.items()}


def _is_reversed(question_formats: list[str], fields: list[str]) -> bool:
    """A second template asking with the second field is the reversed card of *Basic (and reversed card)*."""
    if len(question_formats) < 2 or len(fields) < 2:
        return False
    return "{{" + fields[1] + "}}" in question_formats[1]


def _v18_note_types(connection) -> tuple[dict[int, _NoteType], dict[int, str]]:
    fields: dict[int, list[str]] = {}
    for ntid, _ord, name in connection.execute("select ntid, ord, name from fields order by ntid, ord"):
        fields.setdefault(ntid, []).append(name)
    templates: dict[int, list[bytes]] = {}
    for ntid, _ord, config in connection.execute("select ntid, ord, config from templates order by ntid, ord"):
        templates.setdefault(ntid, []).append(bytes(config or b""))
    types = {}
    for ntid, name, config in connection.execute("select id, name, config from notetypes"):
        config = bytes(config or b"")
        own = templates.get(ntid, [])
        cloze = config.startswith(b"\x08\x01") or any(b"{{cloze:" in t for t in own)
        formats = [t.decode("utf-8", "replace") for t in own]
        types[ntid] = _NoteType(
            name=name, fields=fields.get(ntid, []), cloze=cloze, reversed=_is_reversed(formats, fields.get(ntid, []))
        )
    decks = {deck_id: name.replace("\x1f", "::") for deck_id, name in connection.execute("select id, name from decks")}
    return types, decks


# ---------------------------------------------------------------------------------------------------- notes


def _text(field_html: str) -> str:
    return html_to_text(re.sub(r"\[sound:[^\]]*\]", "", field_html or ""), one_line=False)


def _cloze_cards(note_id, guid: str, text_html: str, note_type: _NoteType, deck: str, where: str) -> list[CardData]:
    numbers = sorted({int(n) for n, _a, _h in _CLOZE_RE.findall(text_html)})
    cards = []
    for number in numbers:

        def fill(match, number=number):
            if int(match.group(1)) == number:
                hint = match.group(3)
                return f"_____ [{hint}]" if hint else "_____"
            return match.group(2)

        front = _text(_CLOZE_RE.sub(fill, text_html))
        back = " … ".join(_text(a) for n, a, _h in _CLOZE_RE.findall(text_html) if int(n) == number)
        context = _text(_CLOZE_RE.sub(lambda m: m.group(2), text_html))
        cards.append(
            CardData(
                key=f"anki:{guid}:c{number}",
                front=front,
                back=back,
                context=context,
                deck=deck,
                note_type=note_type.name,
                where=f"{where}, c{number}",
            )
        )
    return cards


def _our_fields(cards: list[CardData], note_type: _NoteType, values: list[str]) -> None:
    """Our own note type carries the card's key and its sentence; its text is the card's front with the back as the
    cloze, below a question on a line of its own (anki.QUESTION_BREAK), which is no part of the front. (An export
    made before 2026-12-04 clozed the sentence and put a card without one's own front in «Oración».)"""

    def field(name: str) -> str:
        position = note_type.fields.index(name) if name in note_type.fields else len(values)
        return _text(values[position]) if position < len(values) else ""

    key, sentence = field("Clave"), field("Oración")
    for card in cards:
        card.our_key = key
        card.front = card.front.removesuffix("\n_____")
        if "_____" in sentence:  # the card had no sentence: this is its own front
            card.front, card.context = sentence, ""
        else:
            card.context = sentence


def read_package(data: bytes) -> AnkiResult:
    """Read an .apkg or .colpkg; every problem is an error or a skipped note with its reason, never an exception."""
    result = AnkiResult()
    try:
        name, raw = _collection_bytes(data)
        connection = _open(raw)
    except ImportFormatError as exc:
        result.errors.append(exc)
        return result
    try:
        _read(connection, name, result)
    except ImportFormatError as exc:
        result.errors.append(exc)
    except (sqlite3.Error, ValueError, TypeError, KeyError, AttributeError) as exc:
        result.errors.append(ImportFormatError(_("La colección de Anki no se puede leer: %(e)s") % {"e": exc}))
    finally:
        connection.close()
    if not result.cards and not result.errors:
        result.errors.append(ImportFormatError(_("El paquete no tiene ninguna nota que se pueda importar.")))
    return result


def _read(connection: sqlite3.Connection, name: str, result: AnkiResult) -> None:
    tables = _tables(connection)
    if not {"notes", "cards"} <= tables:
        raise ImportFormatError(_("La colección del paquete no es una base de datos de Anki."))
    if {"notetypes", "fields", "templates", "decks"} <= tables:
        types, decks = _v18_note_types(connection)
    elif "col" in tables:
        types, decks = _legacy_note_types(connection)
    else:
        raise ImportFormatError(_("La colección del paquete no es una base de datos de Anki."))
    note_decks = dict(connection.execute("select nid, min(did) from cards group by nid"))
    rows = connection.execute("select id, guid, mid, flds from notes order by id limit ?", (MAX_NOTES + 1,)).fetchall()
    if len(rows) > MAX_NOTES:
        raise ImportFormatError(_("El mazo tiene más de %(n)d notas: divídalo.") % {"n": MAX_NOTES})
    for index, (note_id, guid, model_id, fields_raw) in enumerate(rows, start=1):
        note_type = types.get(model_id)
        deck = decks.get(note_decks.get(note_id), "")
        where = _("nota %(n)d") % {"n": index} + (f" ({deck})" if deck else "")
        values = str(fields_raw or "").split("\x1f")
        if note_type is None:
            result.skipped.append(Skipped(where=where, reason=_("su tipo de nota no está en el paquete.")))
            continue
        media = media_names(" ".join(values)) + re.findall(r"\[sound:([^\]]*)\]", " ".join(values))
        if note_type.cloze:
            text_field = 0
            if note_type.name == OUR_NOTE_TYPE or "Texto" in note_type.fields:
                text_field = note_type.fields.index("Texto") if "Texto" in note_type.fields else 0
            cards = _cloze_cards(note_id, str(guid), values[text_field] if values else "", note_type, deck, where)
            extra = [_text(v) for i, v in enumerate(values) if i != text_field and note_type.name != OUR_NOTE_TYPE]
            for card in cards:
                card.context = "\n".join(t for t in [card.context, *extra] if t)
            if note_type.name == OUR_NOTE_TYPE and "Clave" in note_type.fields:
                _our_fields(cards, note_type, values)
        else:
            front = _text(values[0]) if values else ""
            back = _text(values[1]) if len(values) > 1 else ""
            extra = [_text(v) for v in values[2:] if _text(v)]
            cards = (
                []
                if not (front and back)
                else [
                    CardData(
                        key=f"anki:{guid}:1",
                        front=front,
                        back=back,
                        context="\n".join(extra),
                        deck=deck,
                        note_type=note_type.name,
                        where=where,
                    )
                ]
            )
            if cards and note_type.reversed:
                cards.append(
                    CardData(
                        key=f"anki:{guid}:2",
                        front=back,
                        back=front,
                        context="\n".join(extra),
                        deck=deck,
                        note_type=note_type.name,
                        where=where + _(", inversa"),
                    )
                )
        if not cards:
            reason = (
                _("nota cloze sin ninguna {{c1::…}}.")
                if note_type.cloze
                else _("le falta texto en el anverso o el reverso (¿solo una imagen o un sonido?).")
            )
            result.skipped.append(Skipped(where=where, reason=reason, prompt=_text(values[0])[:200] if values else ""))
            continue
        for card in cards:
            if media:
                card.warnings.append(
                    _("Las imágenes o el audio no se importan: %(f)s.") % {"f": ", ".join(dict.fromkeys(media))}
                )
            result.cards.append(card)
