"""CSV files: encoding, separators, formula injection, and the rows of the teacher reports (no database)."""

from types import SimpleNamespace as NS

import pytest
from django.utils import translation

from quizzes.presentation.csv_export import (
    BOM,
    Number,
    class_grid_rows,
    csv_response,
    csv_safe,
    item_analysis_rows,
    render_csv,
    render_xlsx,
)


def test_csv_has_bom_semicolons_accents_and_no_formulas():
    with translation.override("es"):
        text = render_csv([["Nombre", "Nota"], ['=HYPERLINK("x")', Number(-0.25)], ["Íñigo Muñoz", Number(87.5, 1)]])
    assert text.startswith(BOM)
    lines = text[1:].split("\r\n")
    assert lines[0] == "Nombre;Nota"
    assert lines[1].startswith("\"'=HYPERLINK")
    assert lines[1].endswith(";-0,25")  # our own negative number stays a number
    assert lines[2] == "Íñigo Muñoz;87,5"


def test_csv_in_english_uses_commas_and_a_decimal_point():
    with translation.override("en"):
        text = render_csv([["a", Number(1.5, 1), None, True, 3, Number(None)]])
    assert text == BOM + "a,1.5,,1,3,\r\n"


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_safe_neutralises_formula_starts(value):
    assert csv_safe(value).startswith("'")


def test_csv_response_is_an_attachment_with_a_safe_file_name():
    response = csv_response([["a"]], filename='clase "4º" / B')
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="clase-4-B.csv"'
    assert response.content.decode("utf-8").startswith(BOM)


def _student(name, username):
    return NS(get_full_name=lambda: name, username=username)


def test_class_grid_rows_one_line_per_student_three_columns_per_assignment():
    quiz = NS(title="Invierno")
    cards = NS(reviews_7d=12, retention=0.875, leeches=1)
    grid = NS(
        assignments=[NS(assignment=NS(quiz=quiz))],
        rows=[
            NS(student=_student("Eva Pérez", "eva"), cells=[NS(best=87.5, attempts=2, label="Entregado")], cards=cards),
            NS(
                student=_student("", "leo"),
                cells=[NS(best=None, attempts=0, label="Sin empezar")],
                cards=NS(reviews_7d=0, retention=None, leeches=0),
            ),
        ],
    )
    with translation.override("es"):
        lines = render_csv(class_grid_rows(grid))[1:].split("\r\n")
    assert lines[0].startswith("Estudiante;Usuario;Invierno: mejor nota (%);Invierno: intentos;Invierno: estado;")
    assert lines[1] == "Eva Pérez;eva;87,5;2;Entregado;12;87,5;1"
    assert lines[2] == "leo;leo;;0;Sin empezar;0;;0"  # no name: the username; no score: an empty cell


def test_item_analysis_rows_summary_then_one_row_per_question():
    option = NS(text="=Helsinki", is_correct=True, rate=0.5)
    stat = NS(
        item=NS(position=1),
        question=NS(prompt="¿Capital?", get_kind_display=lambda: "Opción única"),
        n=4,
        facility=0.5,
        discrimination=-0.25,
        top_wrong="Oslo",
        top_wrong_count=2,
        options=[option],
        flags=["Muy difícil"],
        reliable=True,
        min_answers=3,
    )
    analysis = NS(n_attempts=4, mean=50.0, median=50.0, sd=10.0, alpha=None, questions=[stat])
    with translation.override("es"):
        lines = render_csv(item_analysis_rows(analysis, quiz=NS(title="Invierno")))[1:].split("\r\n")
    assert lines[:7] == [
        "Cuestionario;Invierno",
        "Intentos;4",
        "Media (%);50,0",
        "Mediana (%);50,0",
        "Desviación típica (%);10,0",
        "Alfa de Cronbach;",
        "",
    ]
    assert lines[7].startswith("Posición;Pregunta;Tipo;")
    assert lines[8] == "1;¿Capital?;Opción única;4;50,0;-0,25;Oslo;2;'=Helsinki ✓: 50 %;Muy difícil"
    stat.reliable, stat.min_answers = False, 30  # four answers of the thirty the setting asks for: a hint
    with translation.override("es"):
        lines = render_csv(item_analysis_rows(analysis, quiz=NS(title="Invierno")))[1:].split("\r\n")
    assert lines[8].endswith(";(poco fiable: 4 de 30 respuestas) Muy difícil")


def test_xlsx_keeps_numbers_as_numbers_and_texts_as_texts():
    import io

    from openpyxl import load_workbook

    rows = [
        ["Nombre", "Nota", "Intentos"],
        ['=HYPERLINK("x")', Number(87.456, 1), 3],
        ["Íñigo\x0b", Number(None), None],
    ]
    sheet = load_workbook(io.BytesIO(render_xlsx(rows, sheet="Clase 1/B"))).active
    assert sheet.title == "Clase 1-B"
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Nombre", "Nota", "Intentos"],
        ['=HYPERLINK("x")', 87.5, 3],
        ["Íñigo", None, None],
    ]
    assert sheet["A2"].data_type == "s"  # stored as a text: Excel shows it, never runs it
