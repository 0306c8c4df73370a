"""Excel workbooks (.xlsx) of the question bank: written and read with openpyxl, formulas off both ways."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from quizzes.interop import csv_io, xlsx_io
from quizzes.interop.schema import ChoiceData, QuestionData
from quizzes.models import ImportBatch, Question, QuestionKind
from quizzes.services import interop as services

IMPORT = reverse("admin:quizzes_question_import")
FORMULA = '=HYPERLINK("http://ejemplo.invalid";"clic")'


def test_every_kind_round_trips_through_a_workbook():
    items = [*csv_io.EXAMPLE, QuestionData(kind=QuestionKind.SINGLE_CHOICE, prompt=FORMULA,
             choices=[ChoiceData("=1+1", True), ChoiceData('"Mariscal")')])]  # fmt: skip
    result = xlsx_io.loads(xlsx_io.dumps(items))
    assert result.errors == []
    assert [(i.kind, i.prompt, i.explanation) for i in result.items] == [
        (i.kind, i.prompt, i.explanation) for i in items
    ]
    assert [[(c.text, c.is_correct) for c in i.choices] for i in result.items] == [
        [(c.text, c.is_correct) for c in i.choices] for i in items
    ]
    numeric = result.items[4]
    assert (numeric.numeric_value, numeric.numeric_tolerance, numeric.unit) == (105, 2, "días")


def test_texts_are_written_as_text_cells_and_numbers_as_numbers():
    item = QuestionData(kind=QuestionKind.NUMERIC, prompt=FORMULA, numeric_value=-43.5, numeric_tolerance=0.5)
    sheet = load_workbook(io.BytesIO(xlsx_io.dumps([item]))).active
    assert sheet["B2"].data_type == "s" and sheet["B2"].value == FORMULA  # a text: Excel never runs it
    assert (sheet["C2"].value, sheet["E2"].value) == (-43.5, 0.5)


def _workbook(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_a_teachers_workbook_reads_values_never_formulas():
    data = _workbook(
        [
            ["Tipo", "Enunciado", "Respuesta", "Tolerancia"],
            ["numérica", "¿Cuántos soldados?", 500000, 10000],
            ["numerica", "¿Suma?", "=1+1", None],  # a formula without a stored value: nothing to read
            ["verdadero_falso", "¿1939?", True, None],
            [None, None, None, None],
            ["respuesta_corta", "¿Año?", 1939, None],
        ]
    )
    result = xlsx_io.loads(data)
    assert [str(e) for e in result.errors] == ["fila 3: Falta el valor de la respuesta numérica."]
    assert [(i.kind, i.numeric_value, i.correct_bool, i.accepted) for i in result.items] == [
        ("numeric", 500000, None, []),
        ("true_false", None, True, []),
        ("short_answer", None, None, ["1939"]),
    ]


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (60 * 1024 * 1024))
    result = xlsx_io.loads(buffer.getvalue())
    assert "descomprimido" in str(result.errors[0])


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 roto", b"no es un zip", _workbook([])])
def test_a_broken_workbook_is_a_clear_error(data):
    result = xlsx_io.loads(data)
    assert result.items == [] and len(result.errors) == 1


@pytest.mark.django_db
def test_admin_exports_and_imports_a_workbook(teacher_client, teacher):
    items = csv_io.EXAMPLE
    data = services.export_questions(items=items, fmt="xlsx", basename="banco").content
    response = teacher_client.post(IMPORT, {"upload": SimpleUploadedFile("banco.xlsx", data)})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert ImportBatch.objects.get().format == "xlsx"
    teacher_client.post(response["Location"], {"skip_duplicates": "on"})
    assert Question.objects.count() == len(items)
    changelist = reverse("admin:quizzes_question_changelist")
    exported = teacher_client.post(
        changelist, {"action": "export_xlsx", "_selected_action": list(Question.objects.values_list("pk", flat=True))}
    )
    assert exported.status_code == 200 and exported["Content-Type"] == xlsx_io.CONTENT_TYPE
    assert len(xlsx_io.loads(exported.content).items) == len(items)


@pytest.mark.django_db
def test_a_broken_workbook_upload_is_never_a_500(teacher_client):
    response = teacher_client.post(IMPORT, {"upload": SimpleUploadedFile("roto.xlsx", b"PK\x03\x04 roto")})
    assert response.status_code == 200
    assert "no se ha importado nada" in response.content.decode()
    assert ImportBatch.objects.count() == 0
