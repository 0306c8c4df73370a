"""Anki packages into flashcards: decks written by Anki's own library (modern and legacy packages), re-imports that
update, our own export coming back, and hostile packages (zip bombs, damaged or hostile SQLite)."""

import io
import sqlite3
import zipfile

import pytest
from anki.collection import Collection, ExportAnkiPackageOptions
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.interop import anki_import
from quizzes.models import Flashcard, ImportBatch
from quizzes.services import interop as services
from tests import factories

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:quizzes_flashcard_import")


def new_collection(tmp_path) -> Collection:
    profile = tmp_path / "perfil"
    profile.mkdir(exist_ok=True)
    return Collection(str(profile / "collection.anki2"))


def fill(collection: Collection) -> dict[str, int]:
    """One note of Basic, Basic (and reversed card), Cloze, a custom note type, and an image-only note."""
    deck = collection.decks.id("Historia::Guerra de Invierno")
    ids = {}

    def add(model_name: str, name: str, **fields):
        note = collection.new_note(collection.models.by_name(model_name))
        for key, value in fields.items():
            note[key] = value
        collection.add_note(note, deck)
        ids[name] = note.id

    add("Basic", "basic", Front="¿Capital de <b>Finlandia</b>?", Back="Helsinki<br>(desde 1812)")
    add("Basic (and reversed card)", "reversed", Front="Mannerheim", Back="Mariscal finlandés")
    add(
        "Cloze", "cloze", Text="La guerra empezó en {{c1::1939::año}} y acabó en {{c2::1940}}.", **{"Back Extra": "Paz"}
    )
    custom = collection.models.copy(collection.models.by_name("Basic"))
    custom["name"] = "Vocabulario"
    collection.models.add_field(custom, collection.models.new_field("Ejemplo"))
    collection.models.update_dict(custom)
    add("Vocabulario", "custom", Front="sisu", Back="tenacidad", Ejemplo="El sisu finlandés.")
    add("Basic", "image", Front='<img src="mapa.png">', Back="Carelia")
    return ids


def package(collection: Collection, tmp_path, *, legacy: bool) -> bytes:
    out = tmp_path / f"mazo-{int(legacy)}.apkg"
    options = ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False, with_media=False, legacy=legacy)
    collection.export_anki_package(out_path=str(out), options=options, limit=None)
    return out.read_bytes()


@pytest.mark.parametrize("legacy", [False, True], ids=["anki21b", "legacy"])
def test_every_note_type_becomes_cards(tmp_path, legacy):
    collection = new_collection(tmp_path)
    fill(collection)
    result = anki_import.read_package(package(collection, tmp_path, legacy=legacy))
    assert result.errors == []
    assert [(c.front, c.back, c.note_type) for c in result.cards] == [
        ("¿Capital de Finlandia?", "Helsinki\n(desde 1812)", "Basic"),
        ("Mannerheim", "Mariscal finlandés", "Basic (and reversed card)"),
        ("Mariscal finlandés", "Mannerheim", "Basic (and reversed card)"),
        ("La guerra empezó en _____ [año] y acabó en 1940.", "1939", "Cloze"),
        ("La guerra empezó en 1939 y acabó en _____.", "1940", "Cloze"),
        ("sisu", "tenacidad", "Vocabulario"),
    ]
    assert result.cards[3].context == "La guerra empezó en 1939 y acabó en 1940.\nPaz"
    assert result.cards[5].context == "El sisu finlandés."
    assert {c.deck for c in result.cards} == {"Historia::Guerra de Invierno"}
    assert len({c.key for c in result.cards}) == 6
    (skipped,) = result.skipped
    assert skipped.where == "nota 5 (Historia::Guerra de Invierno)" and "imagen" in skipped.reason


def test_preview_confirm_and_a_reimport_that_updates_instead_of_duplicating(tmp_path, teacher_client):
    document = factories.make_document(title="Guerra de Invierno")
    collection = new_collection(tmp_path)
    ids = fill(collection)
    first = package(collection, tmp_path, legacy=False)
    response = teacher_client.post(IMPORT, {"upload": SimpleUploadedFile("mazo.apkg", first)})
    assert response.status_code == 302, response.content.decode()[-2000:]
    page = teacher_client.get(response["Location"]).content.decode()
    assert "6 nuevas · 0 se actualizan · 0 sin cambios" in page and "nota 5" in page
    assert Flashcard.objects.count() == 0
    teacher_client.post(response["Location"])
    teacher_client.post(response["Location"])  # a double submit changes nothing
    assert Flashcard.objects.filter(document=document, origin="imported").count() == 6

    note = collection.get_note(ids["basic"])
    note["Back"] = "Helsinki, la capital"
    collection.update_note(note)
    second = package(collection, tmp_path, legacy=True)
    response = teacher_client.post(IMPORT, {"upload": SimpleUploadedFile("mazo.apkg", second)})
    assert "0 nuevas · 1 se actualizan · 5 sin cambios" in teacher_client.get(response["Location"]).content.decode()
    teacher_client.post(response["Location"])
    assert Flashcard.objects.count() == 6
    assert Flashcard.objects.get(front="¿Capital de Finlandia?").back == "Helsinki, la capital"


def test_a_deck_named_like_no_document_needs_one_chosen(tmp_path, teacher_client):
    collection = new_collection(tmp_path)
    fill(collection)
    data = package(collection, tmp_path, legacy=True)
    response = teacher_client.post(IMPORT, {"upload": SimpleUploadedFile("mazo.apkg", data)})
    assert "6 sin documento" in teacher_client.get(response["Location"]).content.decode()
    teacher_client.post(response["Location"])
    assert Flashcard.objects.count() == 0
    chosen = factories.make_document(title="Otro")
    response = teacher_client.post(IMPORT, {"upload": SimpleUploadedFile("mazo.apkg", data), "document": chosen.pk})
    teacher_client.post(response["Location"])
    assert Flashcard.objects.filter(document=chosen).count() == 6


def test_our_own_export_comes_back_without_copies(teacher_client):
    document = factories.make_document(title="Guerra de Invierno")
    Flashcard.objects.create(document=document, front="El mariscal _____ dirigió la defensa.", back="Mannerheim")
    exported = services.export_flashcards(cards=Flashcard.objects.all(), basename="tarjetas").content
    response = teacher_client.post(IMPORT, {"upload": SimpleUploadedFile("tarjetas.apkg", exported)})
    assert "0 nuevas · 0 se actualizan · 1 sin cambios" in teacher_client.get(response["Location"]).content.decode()
    teacher_client.post(response["Location"])
    assert Flashcard.objects.count() == 1


def test_another_teachers_import_is_a_404(tmp_path, client, teacher_client, other_teacher):
    factories.make_document(title="Guerra de Invierno")
    collection = new_collection(tmp_path)
    fill(collection)
    response = teacher_client.post(
        IMPORT, {"upload": SimpleUploadedFile("m.apkg", package(collection, tmp_path, legacy=True))}
    )
    client.force_login(other_teacher)
    assert client.get(response["Location"]).status_code == 404
    assert client.post(response["Location"]).status_code == 404
    assert Flashcard.objects.count() == 0


# ---------------------------------------------------------------------------------------------------- hostile


def _zip(**members: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name.replace("_", "."), data)
    return buffer.getvalue()


def _sqlite(script: str) -> bytes:
    connection = sqlite3.connect(":memory:")
    connection.executescript(script)
    data = connection.serialize()
    connection.close()
    return data


INFINITE_VIEW = """
create table col (models text, decks text);
insert into col values ('{}', '{}');
create table cards (nid integer, did integer);
create view notes as with recursive n(x) as (select 1 union all select x + 1 from n)
  select x as id, 'g' as guid, 1 as mid, 'a' as flds from n where x < 0;
"""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"no es un zip", "no es un archivo zip"),
        (_zip(collection_anki2=b"\0" * (60 * 1024 * 1024)), "descomprimida"),
        (_zip(otra_cosa=b"x"), "ninguna colección"),
        (_zip(collection_anki2=b"SQLite format 3\x00" + b"\xff" * 200), "dañada"),
        (_zip(collection_anki2=b"texto cualquiera"), "no es una base de datos"),
        (_zip(collection_anki21b=b"\x28\xb5\x2f\xfd roto"), "dañada"),
        (_zip(collection_anki2=_sqlite("create table t (x);")), "no es una base de datos"),
        (_zip(collection_anki2=_sqlite(INFINITE_VIEW)), "no es una base de datos"),
    ],
    ids=["not-zip", "zip-bomb", "no-collection", "bad-sqlite", "not-sqlite", "bad-zstd", "other-db", "infinite-view"],
)
def test_hostile_packages_are_refused_with_a_message(teacher_client, data, message):
    result = anki_import.read_package(data)
    assert result.cards == [] and message in str(result.errors[0])
    response = teacher_client.post(IMPORT, {"upload": SimpleUploadedFile("mazo.apkg", data)})
    assert response.status_code == 200 and "No se ha importado nada" in response.content.decode()
    assert ImportBatch.objects.count() == Flashcard.objects.count() == 0


def test_views_in_place_of_tables_are_refused_and_long_queries_are_stopped(tmp_path, monkeypatch):
    # Only tables are read (a view can hide a query that never ends); any query past the step budget is stopped.
    collection = new_collection(tmp_path)
    fill(collection)
    data = package(collection, tmp_path, legacy=True)
    assert anki_import.read_package(data).cards
    monkeypatch.setattr(anki_import, "MAX_STEPS", 0)
    result = anki_import.read_package(data)
    assert result.cards == [] and "no se puede leer" in str(result.errors[0])


def test_a_collection_package_colpkg_is_read_too(tmp_path):
    collection = new_collection(tmp_path)
    fill(collection)
    out = tmp_path / "copia.colpkg"
    collection.export_collection_package(str(out), include_media=False, legacy=False)
    result = anki_import.read_package(out.read_bytes())
    assert result.errors == [] and len(result.cards) == 6


def test_the_import_command_reads_a_deck_into_cards_and_updates_on_the_second_run(tmp_path):
    import json
    from io import StringIO

    from django.core.management import call_command

    document = factories.make_document(title="Guerra de Invierno")
    collection = new_collection(tmp_path)
    fill(collection)
    path = tmp_path / "mazo.apkg"
    path.write_bytes(package(collection, tmp_path, legacy=False))
    out = StringIO()
    call_command("import_questions", str(path), "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["counts"] == {"created": 6, "updated": 0, "same": 0, "no_document": 0}
    assert [s["where"] for s in report["skipped"]] == ["nota 5 (Historia::Guerra de Invierno)"]
    assert Flashcard.objects.filter(document=document).count() == 6
    out = StringIO()
    call_command("import_questions", str(path), "--json", stdout=out)
    assert json.loads(out.getvalue())["counts"]["same"] == 6
    assert Flashcard.objects.count() == 6
    bad = tmp_path / "malo.apkg"
    bad.write_bytes(b"no es un zip")
    with pytest.raises(SystemExit) as exit_status:
        call_command("import_questions", str(bad), "--json", stdout=StringIO())
    assert exit_status.value.code == 1


def test_app_to_apkg_to_app_to_apkg_changes_nothing_but_ids():
    document = factories.make_document(title="Guerra de Invierno")
    sentence = factories.make_sentence(document=document, text="Helsinki es la capital de Finlandia.")
    Flashcard.objects.create(document=document, front="El mariscal _____ dirigió la defensa.", back="Mannerheim")
    Flashcard.objects.create(
        document=document, sentence=sentence, front="¿Capital?", back="Helsinki", context=sentence.text
    )
    first = services.export_flashcards(cards=Flashcard.objects.all(), basename="a", timestamp=1_800_000_000).content
    Flashcard.objects.all().delete()
    result = services.anki_parse(data=first)
    _rows, counts = services.anki_import_now(result=result)
    assert counts["created"] == 2
    second = services.export_flashcards(cards=Flashcard.objects.all(), basename="b", timestamp=1_800_000_000).content

    def notes(data):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            connection = sqlite3.connect(":memory:")
            connection.deserialize(archive.read("collection.anki2"))
        rows = connection.execute("select flds from notes order by id").fetchall()
        return [tuple(f for i, f in enumerate(row[0].split("\x1f")) if i != 3) for row in rows]  # 3: the card's key

    assert notes(second) == notes(first)
    assert sorted(Flashcard.objects.values_list("front", "back", "context")) == [
        ("El mariscal _____ dirigió la defensa.", "Mannerheim", ""),
        ("¿Capital?", "Helsinki", "Helsinki es la capital de Finlandia."),
    ]
