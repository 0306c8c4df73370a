"""The .apkg export, opened by Anki's own library (the `anki` package) in a fresh collection."""

import io
import re
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from quizzes.interop import anki
from quizzes.models import Flashcard
from quizzes.services import interop as services
from tests import factories

pytestmark = pytest.mark.django_db

SENTENCE = "¿Sabías que la guerra empezó el 30 de noviembre de 1939? ¡Sí! Ñandú & <cía>."
ANSWER = "30 de noviembre de 1939"


def make_cards():
    document = factories.make_document(title="Guerra de Invierno", text=SENTENCE, source="es.wikipedia.org")
    sentence = factories.make_sentence(document=document, text=SENTENCE, start=0)
    start = SENTENCE.index(ANSWER)
    fact = factories.make_fact(
        sentence=sentence, kind="date", answer=ANSWER, start=start, end=start + len(ANSWER), key="date-1939-11-30"
    )
    with_fact = Flashcard.objects.create(
        document=document, fact=fact, sentence=sentence, front="¿Cuándo empezó?", back=ANSWER, context=SENTENCE
    )
    without_fact = Flashcard.objects.create(
        document=document, front="El mariscal _____ dirigió la defensa.", back="Mannerheim"
    )
    other = factories.make_document(title="Otro documento")
    elsewhere = Flashcard.objects.create(
        document=other, front="¿Capital de Finlandia?", back="Helsinki", context="Helsinki es la capital de Finlandia."
    )
    return document, with_fact, without_fact, elsewhere


def new_collection(tmp_path) -> Collection:
    """A fresh, empty Anki profile collection in a temporary directory."""
    profile = tmp_path / "perfil"
    profile.mkdir()
    return Collection(str(profile / "collection.anki2"))


def import_into(collection: Collection, content: bytes, tmp_path, name: str):
    path = tmp_path / name
    path.write_bytes(content)
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return collection.import_anki_package(request).log


def notes_by_key(collection: Collection) -> dict[str, dict]:
    result = {}
    for note_id in collection.find_notes(""):
        note = collection.get_note(note_id)
        result[note["Clave"]] = {
            "fields": dict(note.items()),
            "deck": collection.decks.name(note.cards()[0].did),
            "type": note.note_type()["type"],
            "cards": len(note.cards()),
            "guid": note.guid,
        }
    return result


def test_apkg_imports_into_a_fresh_anki_collection_with_cloze_notes(tmp_path):
    document, with_fact, without_fact, elsewhere = make_cards()
    export = services.export_flashcards(cards=Flashcard.objects.all(), basename="tarjetas", timestamp=1_800_000_000)
    collection = new_collection(tmp_path)
    try:
        log = import_into(collection, export.content, tmp_path, "tarjetas.apkg")
        assert len(log.new) == 3
        notes = notes_by_key(collection)
    finally:
        collection.close()

    fact_note = notes["date-1939-11-30"]
    assert fact_note["type"] == 1  # Anki's cloze note type
    assert fact_note["cards"] == 1
    assert fact_note["deck"] == "winterwar::Guerra de Invierno"
    # The card's own front and back, as the app shows them; the sentence is the context.
    assert fact_note["fields"]["Texto"] == "¿Cuándo empezó?<br>{{c1::30 de noviembre de 1939}}"
    assert (
        fact_note["fields"]["Oración"]
        == "¿Sabías que la guerra empezó el 30 de noviembre de 1939? ¡Sí! Ñandú &amp; &lt;cía&gt;."
    )
    assert fact_note["fields"]["Documento"] == "Guerra de Invierno · es.wikipedia.org"

    loose = notes[f"card-{without_fact.pk}"]
    assert loose["fields"]["Texto"] == "El mariscal {{c1::Mannerheim}} dirigió la defensa."
    assert loose["fields"]["Oración"] == ""  # no sentence: no context
    assert notes[f"card-{elsewhere.pk}"]["deck"] == "winterwar::Otro documento"
    # A card with only a context sentence: its front still, the sentence as the context.
    assert notes[f"card-{elsewhere.pk}"]["fields"]["Texto"] == "¿Capital de Finlandia?<br>{{c1::Helsinki}}"
    assert notes[f"card-{elsewhere.pk}"]["fields"]["Oración"] == "Helsinki es la capital de Finlandia."


def test_reimporting_a_newer_export_updates_notes_instead_of_duplicating(tmp_path):
    _document, _with_fact, without_fact, _elsewhere = make_cards()
    first = services.export_flashcards(cards=Flashcard.objects.all(), basename="a", timestamp=1_800_000_000)
    without_fact.back = "Carl Gustaf Emil Mannerheim"
    without_fact.save()
    # A teacher's edit comes minutes after the first export (Anki compares modification times in seconds).
    Flashcard.objects.filter(pk=without_fact.pk).update(updated_at=without_fact.updated_at + timedelta(minutes=5))
    second = services.export_flashcards(cards=Flashcard.objects.all(), basename="b", timestamp=1_800_000_600)
    collection = new_collection(tmp_path)
    try:
        import_into(collection, first.content, tmp_path, "a.apkg")
        guids_before = {n["guid"] for n in notes_by_key(collection).values()}
        log = import_into(collection, second.content, tmp_path, "b.apkg")
        assert len(log.new) == 0
        assert len(log.updated) >= 1
        assert collection.note_count() == 3
        notes = notes_by_key(collection)
        decks = sorted(name for name in collection.decks.all_names() if name.startswith("winterwar"))
    finally:
        collection.close()
    assert {n["guid"] for n in notes.values()} == guids_before
    assert notes[f"card-{without_fact.pk}"]["fields"]["Texto"] == (
        "El mariscal {{c1::Carl Gustaf Emil Mannerheim}} dirigió la defensa."
    )
    assert decks == ["winterwar", "winterwar::Guerra de Invierno", "winterwar::Otro documento"]


def test_ids_are_derived_from_document_and_fact_not_from_time_or_order():
    document, with_fact, _without_fact, _elsewhere = make_cards()
    packages = [
        services.export_flashcards(cards=Flashcard.objects.order_by(order), basename="x", timestamp=ts).content
        for order, ts in (("id", 1_800_000_000), ("-id", 1_900_000_000))
    ]
    rows = []
    for content in packages:
        with zipfile.ZipFile(io.BytesIO(content)) as archive, open_collection(archive) as db:
            rows.append(
                (
                    sorted(db.execute("select guid from notes").fetchall()),
                    sorted(db.execute("select distinct did from cards").fetchall()),
                    db.execute("select distinct mid from notes").fetchall(),
                )
            )
    assert rows[0] == rows[1]
    assert (anki.stable_id("winterwar", "deck", document.pk),) in rows[0][1]
    assert rows[0][2] == [(anki.MODEL_ID,)]


class open_collection:
    """Open the collection.anki2 inside an .apkg with sqlite3 (read-only copy in memory)."""

    def __init__(self, archive: zipfile.ZipFile):
        self.data = archive.read("collection.anki2")

    def __enter__(self):
        self.db = sqlite3.connect(":memory:")
        self.db.deserialize(self.data)
        return self.db

    def __exit__(self, *exc):
        self.db.close()


def test_the_cloze_is_the_cards_front_and_back_never_the_source_sentence():
    sentence = "Tras aquello, en 1921, la liga de Korvia firmó la paz en Tarvaland."
    question = anki.AnkiNote(guid_parts=("x",), front="¿En qué año se firmó la paz?", back="1921", sentence=sentence)
    assert anki.cloze_text(question) == "¿En qué año se firmó la paz?<br>{{c1::1921}}"
    statement = anki.AnkiNote(
        guid_parts=("x",), front="La liga de _____ firmó la paz en Tarvaland.", back="Korvia", sentence=sentence
    )
    assert anki.cloze_text(statement) == "La liga de {{c1::Korvia}} firmó la paz en Tarvaland."
    hint = anki.AnkiNote(guid_parts=("x",), front="a <b>", back="x::y}}z", sentence="")
    assert anki.cloze_text(hint) == "a &lt;b&gt;<br>{{c1::x: :y} }z}}"


def test_the_export_shows_in_anki_the_front_and_back_the_app_shows(tmp_path):
    """A card whose front the generator rewrote from a sentence that does not stand alone: Anki asks that front,
    not the sentence with a blank, and shows the back and the sentence on the answer side."""
    document = factories.make_document(title="Korvia")
    sentence = factories.make_sentence(document=document, text="Tras aquello, en 1921, la liga firmó la paz.")
    card = Flashcard.objects.create(
        document=document, sentence=sentence, front="¿En qué año firmó la paz la liga de Korvia?", back="1921",
        context=sentence.text,
    )  # fmt: skip
    export = services.export_flashcards(cards=Flashcard.objects.all(), basename="k", timestamp=1_800_000_000)
    collection = new_collection(tmp_path)
    try:
        import_into(collection, export.content, tmp_path, "k.apkg")
        anki_card = collection.get_note(collection.find_notes("")[0]).cards()[0]
        sides = [anki_card.question(), anki_card.answer()]
    finally:
        collection.close()
    question, answer = (re.sub(r"<style>.*?</style>|<[^>]+>", " ", side, flags=re.S) for side in sides)
    assert question.split() == [*card.front.split(), "[...]"]  # what the student sees: the front, a blank
    assert "1921" in answer and sentence.text in answer and card.front in answer


def test_a_card_unchanged_since_the_export_showed_the_sentence_replaces_the_note_a_learner_imported():
    """Anki updates a note only from a newer one: a card last changed before the notes became the front and back is
    exported as changed then, so a re-import replaces the sentence's cloze once."""
    _document, with_fact, _without_fact, _elsewhere = make_cards()
    old = datetime(2026, 11, 1, tzinfo=UTC)
    Flashcard.objects.filter(pk=with_fact.pk).update(updated_at=old)
    content = services.export_flashcards(cards=Flashcard.objects.all(), basename="x").content
    with zipfile.ZipFile(io.BytesIO(content)) as archive, open_collection(archive) as db:
        mods = dict(db.execute("select flds, mod from notes").fetchall())
    mod = next(m for flds, m in mods.items() if flds.endswith("date-1939-11-30"))
    assert mod == anki.FRONT_AND_BACK_SINCE > old.timestamp()
    assert all(m >= anki.FRONT_AND_BACK_SINCE for m in mods.values())


def test_a_learners_edit_in_anki_is_kept_until_the_card_changes_here(tmp_path):
    _document, _with_fact, without_fact, _elsewhere = make_cards()
    collection = new_collection(tmp_path)
    try:
        import_into(collection, services.export_flashcards(cards=Flashcard.objects.all(), basename="a").content,
                    tmp_path, "a.apkg")  # fmt: skip
        note = collection.get_note(next(n for n in collection.find_notes("") if collection.get_note(n)["Clave"]
                                        == f"card-{without_fact.pk}"))  # fmt: skip
        note["Oración"] = "Mi propia nota de estudio."
        note.mod = int(without_fact.updated_at.timestamp()) + 60  # the learner edits after the export
        collection.update_note(note, skip_undo_entry=True)
        collection.db.execute("update notes set mod = ? where id = ?", note.mod, note.id)

        # The same card, exported again later: older than the learner's edit, so Anki keeps the edit.
        again = services.export_flashcards(cards=Flashcard.objects.all(), basename="b").content
        import_into(collection, again, tmp_path, "b.apkg")
        assert collection.get_note(note.id)["Oración"] == "Mi propia nota de estudio."

        # The card changes here after that: the newer version wins.
        Flashcard.objects.filter(pk=without_fact.pk).update(
            back="Carl Gustaf Emil Mannerheim", updated_at=without_fact.updated_at + timedelta(minutes=5)
        )
        newer = services.export_flashcards(cards=Flashcard.objects.all(), basename="c").content
        import_into(collection, newer, tmp_path, "c.apkg")
        assert "Carl Gustaf Emil Mannerheim" in collection.get_note(note.id)["Texto"]
    finally:
        collection.close()


def test_retired_cards_are_counted_for_the_export_report():
    _document, with_fact, _without_fact, _elsewhere = make_cards()
    with_fact.is_active = False
    with_fact.save()
    assert services.retired_flashcards(cards=Flashcard.objects.all()) == 1
