"""File → app → file changes nothing but ids; hostile files are refused with a message, nothing written, no 500."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.models import ImportBatch, Question, QuestionKind
from quizzes.services import interop as services
from tests import factories

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:quizzes_question_import")
HOSTILE_PROMPT = '=HYPERLINK("http://ejemplo.invalid";"clic") "Mariscal") ; | {~=#:} <b>no</b> & «ñ»'


def make_bank():
    document = factories.make_document(title="Guerra de Invierno / 1939")
    extra = {"document": document, "explanation": 'Línea uno.\nLínea dos: "citada" ~ = # { } :'}
    return [
        factories.make_question(kind=QuestionKind.SINGLE_CHOICE, prompt=HOSTILE_PROMPT, **extra),
        factories.make_question(kind=QuestionKind.MULTIPLE_CHOICE, prompt="¿Qué lugares se citan?", **extra),
        factories.make_question(kind=QuestionKind.TRUE_FALSE, prompt="-¿La guerra empezó en 1939?", **extra),
        factories.make_question(kind=QuestionKind.SHORT_ANSWER, prompt="@¿Quién invadió Finlandia?", **extra),
        factories.make_question(
            kind=QuestionKind.NUMERIC, prompt="¿Cuántos soldados?", numeric_value=-1234567.25,
            numeric_tolerance=0.5, unit="soldados", **extra,
        ),
        factories.make_question(
            kind=QuestionKind.ORDERING, prompt="Ordene: ¿qué pasó antes?",
            choices=[("Invasión", False), ("Mainila: incidente", False), ("Paz de Moscú", False)], **extra,
        ),
    ]  # fmt: skip


def _export(fmt: str) -> str:
    items = services.questions_to_data(questions=Question.objects.all())
    return services.export_questions(items=items, fmt=fmt, basename="banco").content.decode("utf-8")


def _without_ids(text: str) -> str:
    return re.sub(r"winterwar-\d+", "winterwar-ID", text)


@pytest.mark.parametrize("fmt, filename", [("gift", "a.gift"), ("moodle_xml", "a.xml"), ("csv", "a.csv")])
def test_file_to_app_to_file_changes_nothing_but_ids(teacher, fmt, filename):
    make_bank()
    first = _export(fmt)
    Question.objects.all().delete()
    read_fmt, result = services.import_parse(data=first.encode("utf-8"), filename=filename)
    assert (read_fmt, result.errors, result.skipped) == (fmt, [], [])
    _rows, created = services.import_now(result=result, user=teacher)
    assert len(created) == 6
    second = _export(fmt)
    assert _without_ids(second) == _without_ids(first)
    assert first != second or fmt == "csv"  # the ids did change (CSV has none)


def test_a_moodle_category_path_survives_import_and_export(teacher):
    source = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
        '<question type="category"><category><text>$course$/top/Historia/Siglo XX</text></category></question>\n'
        '<question type="truefalse"><name><text>Año</text></name><questiontext format="html"><text>¿1939?</text>'
        '</questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text>'
        "</answer></question>\n</quiz>\n"
    )
    _fmt, result = services.import_parse(data=source.encode(), filename="a.xml")
    services.import_now(result=result, user=teacher)
    assert Question.objects.get().moodle_category == "$course$/top/Historia/Siglo XX"
    assert "<text>$course$/top/Historia/Siglo XX</text>" in _export("moodle_xml")
    assert "$CATEGORY: $course$/top/Historia/Siglo XX\n" in _export("gift")


def upload(client, name: str, content: bytes):
    return client.post(IMPORT, {"upload": SimpleUploadedFile(name, content)})


def assert_refused(response, fragment: str):
    assert response.status_code == 200
    page = response.content.decode()
    assert "no se ha importado nada" in page and fragment in page, page[-3000:]
    assert Question.objects.count() == ImportBatch.objects.count() == 0


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<quiz><question type="shortanswer"><name><text>x</text></name><questiontext><text>&xxe;</text></questiontext>
<answer fraction="100"><text>a</text></answer></question></quiz>"""

LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'.encode()
        for i in range(1, 10)
    )
    + b"]>\n<quiz>&lol9;</quiz>"
)


@pytest.mark.parametrize(("name", "content"), [("xxe.xml", XXE), ("laughs.xml", LAUGHS)], ids=["xxe", "billion-laughs"])
def test_entities_and_dtds_are_refused(teacher_client, name, content):
    assert_refused(upload(teacher_client, name, content), "DTD")


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", b"\0" * (50 * 1024 * 1024))  # 50 MB of zeros in ~50 KB
    return buffer.getvalue()


def test_a_zip_bomb_named_apkg_is_refused_without_being_unpacked(teacher_client):
    bomb = _zip_bomb()
    assert len(bomb) < 200_000
    assert_refused(upload(teacher_client, "mazo.apkg", bomb), "Es un mazo de Anki")
    assert_refused(upload(teacher_client, "mazo.txt", bomb), "binario")


def test_a_thirty_megabyte_file_is_refused_by_its_size(teacher_client):
    assert_refused(
        upload(teacher_client, "enorme.csv", b"tipo;enunciado;respuesta\n" * (30 * 1024 * 1024 // 25 + 1)),
        "el máximo es 5 MB",
    )


@pytest.mark.parametrize(
    "content",
    [
        "tipo;enunciado;respuesta\n" + "opcion_unica;" + "x" * 5000 + ";" + "y" * 600 + "\n",
        "tipo;enunciado;respuesta\nnumerica;¿Año?;1e309\n",
        "¿A?{=" + "a" * 600 + " ~b}",
        "<quiz><question type='multianswer'><questiontext><text>{1:NM:=abc}</text></questiontext></question></quiz>",
        "<quiz><question type='matching'><questiontext><text>Solo una</text></questiontext>"
        "<subquestion><text>a</text><answer><text>b</text></answer></subquestion></question></quiz>",
    ],
    ids=["long-option", "huge-number", "long-gift-option", "bad-cloze-number", "one-pair-matching"],
)
def test_malformed_content_is_a_clear_error(teacher_client, content):
    name = "a.xml" if content.startswith("<") else ("a.csv" if content.startswith("tipo") else "a.gift")
    response = upload(teacher_client, name, content.encode())
    assert_refused(response, "no se ha importado nada")
