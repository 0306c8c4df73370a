"""CSV as spreadsheets write it: Excel and LibreOffice in Spanish, quotes, encodings, formulas, control characters.

The files are written here byte by byte the way those programs save them (the same encodings, separators, quoting
and line ends), so the tests do not need the programs.
"""

import codecs
import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.interop import csv_io, moodle_xml
from quizzes.interop.schema import ChoiceData, QuestionData, sanitize
from quizzes.models import ImportBatch, Question, QuestionKind
from quizzes.services import interop as services
from tests import factories

IMPORT = reverse("admin:quizzes_question_import")
CHANGELIST = reverse("admin:quizzes_question_changelist")

# What Excel in Spanish saves as «CSV (delimitado por comas)»: Windows-1252, semicolons, CRLF, a cell with a new
# line or a quote in quotes, the quote doubled.
EXCEL_ROWS = [
    "tipo;enunciado;respuesta;distractores;tolerancia;unidad;explicacion;documento",
    'opcion_unica;"¿Quién dijo ""resistiremos"" (Mariscal)?";Mannerheim;Ryti | Stalin;;;'
    '"Lo dijo en la radio.\r\nEn diciembre.";Guerra de Invierno',
    "numerica;¿Cuántos soldados soviéticos había?;500.000;;10.000;soldados;;Guerra de Invierno",
    "numerica;¿Temperatura mínima?;-43,5;;0,5;°C;;",
    'respuesta_corta;"Complete: ""El ____ de Mainila""";incidente;;;;;',
]
EXCEL_CSV = ("\r\n".join(EXCEL_ROWS) + "\r\n").encode("cp1252")


def upload(client, name: str, content: bytes):
    return client.post(IMPORT, {"upload": SimpleUploadedFile(name, content)})


def test_doubled_quotes_are_read_as_one_quote():
    text = 'tipo,enunciado,respuesta\nrespuesta_corta,"¿Quién? ""Mariscal"")",Mannerheim\n'
    (item,) = csv_io.loads(text).items
    assert item.prompt == '¿Quién? "Mariscal")'


QUOTED = [
    '"Mariscal")',
    'Dijo: "no" y "sí"',
    '""',
    "Línea uno\nLínea dos",
    "; , | separadores",
    "'=SUMA(A1:A3)",
    '=HYPERLINK("http://ejemplo.invalid";"clic")',
    "+34 600 000 000",
    "-5 grados bajo cero",
    "@usuario",
]


def test_a_tab_inside_a_text_becomes_a_space():
    text = 'tipo;enunciado;respuesta\nverdadero_falso;"Uno\tdos";verdadero\n'
    assert sanitize(csv_io.loads(text).items[0]).prompt == "Uno dos"


@pytest.mark.parametrize("prompt", QUOTED)
def test_export_then_import_gives_back_the_same_text(prompt):
    item = QuestionData(
        kind=QuestionKind.SINGLE_CHOICE,
        prompt=prompt,
        explanation=prompt,
        choices=[ChoiceData(f"a {prompt}", True), ChoiceData("=1+1")],
    )
    result = csv_io.loads(csv_io.dumps([item]).lstrip("\ufeff"))
    assert result.errors == []
    (back,) = result.items
    assert (back.prompt, back.explanation) == (prompt, prompt)
    assert [(c.text, c.is_correct) for c in back.choices] == [(f"a {prompt}", True), ("=1+1", False)]


def test_exported_cells_never_start_a_formula():
    item = QuestionData(
        kind=QuestionKind.SHORT_ANSWER, prompt='=HYPERLINK("http://ejemplo.invalid";"clic")', accepted=["@x", "-y"]
    )
    negative = QuestionData(kind=QuestionKind.NUMERIC, prompt="-¿Mínima?", numeric_value=-43.5, numeric_tolerance=0)
    rows = [line.split(";") for line in csv_io.dumps([item, negative]).lstrip("\ufeff").splitlines()[1:]]
    cells = [cell.strip('"') for row in rows for cell in row if cell]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@")) or cell.startswith("-") and cell != "-43,5"]
    assert rows[1][2] == "-43,5"  # a number we write stays a number


def test_the_export_is_semicolon_separated_for_spanish_excel():
    header = csv_io.dumps(csv_io.EXAMPLE).lstrip("\ufeff").splitlines()[0]
    assert header == ";".join(csv_io.COLUMNS)


@pytest.mark.django_db
def test_an_excel_csv_in_windows_1252_imports_intact_and_says_its_encoding(teacher_client):
    factories.make_document(title="Guerra de Invierno")
    response = upload(teacher_client, "banco.csv", EXCEL_CSV)
    assert response.status_code == 302, response.content.decode()
    page = teacher_client.get(response["Location"]).content.decode()
    assert "Windows-1252" in page
    teacher_client.post(response["Location"], {"skip_duplicates": "on"})
    questions = {q.kind + str(q.numeric_value): q for q in Question.objects.order_by("id")}
    assert len(questions) == 4
    choice = questions["single_choiceNone"]
    assert choice.prompt == '¿Quién dijo "resistiremos" (Mariscal)?'
    assert choice.explanation == "Lo dijo en la radio.\nEn diciembre."
    assert choice.document.title == "Guerra de Invierno"
    soldiers = questions["numeric500000.0"]  # «500.000» is read as the grader reads it: five hundred thousand
    assert (soldiers.numeric_tolerance, soldiers.unit) == (10000, "soldados")
    assert questions["numeric-43.5"].numeric_tolerance == 0.5
    assert questions["short_answerNone"].prompt == 'Complete: "El ____ de Mainila"'


@pytest.mark.django_db
def test_libreoffice_utf8_with_commas_and_quoted_newlines_imports_intact(teacher_client):
    content = (
        'tipo,enunciado,respuesta,distractores\n"opcion_multiple","¿Qué lugares se citan?\nElija dos.",'
        '"Salla | Petsamo","Madrid, capital | ""Lisboa"""\n'
    ).encode()
    response = upload(teacher_client, "libreoffice.csv", content)
    assert response.status_code == 302
    teacher_client.post(response["Location"], {"skip_duplicates": "on"})
    question = Question.objects.get()
    assert question.prompt == "¿Qué lugares se citan?\nElija dos."
    assert [c.text for c in question.choices.order_by("position")] == [
        "Salla",
        "Petsamo",
        "Madrid, capital",
        '"Lisboa"',
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_excel_unicode_text_utf16_tab_separated_is_read_and_named(teacher_client, bom):
    text = "tipo\tenunciado\trespuesta\r\nverdadero_falso\t¿La guerra empezó en 1939? «sí»\tverdadero\r\n"
    content = (codecs.BOM_UTF16_LE if bom else b"") + text.encode("utf-16-le")
    response = upload(teacher_client, "unicode.txt", content)
    assert response.status_code == 302, response.content.decode()
    assert "UTF-16" in teacher_client.get(response["Location"]).content.decode()
    assert ImportBatch.objects.get().payload["items"][0]["prompt"] == "¿La guerra empezó en 1939? «sí»"


@pytest.mark.django_db
def test_control_characters_are_cleaned_on_the_way_in(teacher_client):
    content = "tipo;enunciado;respuesta\nrespuesta_corta;¿Quién\x0b dirigió\x07 la defensa?\x1b;Manner\x0cheim\n"
    response = upload(teacher_client, "control.csv", content.encode())
    assert response.status_code == 302
    teacher_client.post(response["Location"], {"skip_duplicates": "on"})
    question = Question.objects.get()
    assert question.prompt == "¿Quién dirigió la defensa?"
    assert list(question.accepted_answers.values_list("text", flat=True)) == ["Mannerheim"]


@pytest.mark.django_db
def test_a_stored_control_character_does_not_break_the_moodle_xml_export(teacher_client):
    # Stored before the import cleaned text (or typed through another way): the export must stay well-formed.
    question = factories.make_question(kind=QuestionKind.SHORT_ANSWER, prompt="¿Quién\x0b dirigió\x7f la defensa?")
    question.explanation = "Según\x1f el texto"
    question.save()
    content = teacher_client.post(CHANGELIST, {"action": "export_moodle_xml", "_selected_action": [question.pk]})
    root = ET.fromstring(content.content)
    assert root.find("question[@type='shortanswer']/questiontext/text").text == "¿Quién dirigió la defensa?"
    assert moodle_xml.loads(content.content.decode()).items[0].explanation == "Según el texto"
    items = services.questions_to_data(questions=Question.objects.all())
    for module in (csv_io,):
        assert "\x0b" not in module.dumps(items)
