"""Reading a class list: separators, header rows, and every problem with its line."""

import pytest

from quizzes.domain.roster import MAX_ROWS, RosterInvalid, parse_roster


def problems(text: str) -> list[str]:
    with pytest.raises(RosterInvalid) as info:
        parse_roster(text)
    return [str(p) for p in info.value.problems]


def test_semicolons_without_a_header():
    rows = parse_roster("Ana;García López\nJorge;Pérez;jperez;Jorge@Example.org\n")
    assert [(r.first_name, r.last_name, r.username, r.email) for r in rows] == [
        ("Ana", "García López", "", ""),
        ("Jorge", "Pérez", "jperez", "jorge@example.org"),
    ]
    assert [r.line for r in rows] == [1, 2]


def test_commas_with_a_header_in_any_order():
    rows = parse_roster("Apellidos,Nombre,Correo\nGarcía,Ana,ana@example.org\n\n")
    assert (rows[0].first_name, rows[0].last_name, rows[0].email) == ("Ana", "García", "ana@example.org")


def test_quoted_cells_and_spaces_are_tidied():
    rows = parse_roster('"María  José";"de la  Fuente"\n')
    assert (rows[0].first_name, rows[0].last_name) == ("María José", "de la Fuente")


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)"])
def test_a_formula_cell_is_refused(cell):
    assert "fórmula" in problems(f"Ana;{cell}\n")[0]


def test_empty_names_each_with_their_line():
    found = problems("Ana;García\n;Pérez\nLuis;\n")
    assert found == ["Línea 2: falta el nombre.", "Línea 3: faltan los apellidos."]


def test_duplicate_rows_by_name_and_by_username():
    found = problems("Ana;García\nana;GARCÍA\nLuis;Paz;lpaz\nLuisa;Paz;LPAZ\n")
    assert "Línea 2" in found[0] and "línea 1" in found[0]
    assert "Línea 4" in found[1] and "lpaz" in found[1].lower()


def test_invalid_username_and_email():
    found = problems("Ana;García;ana garcía;\nLuis;Paz;;no-es-correo\n")
    assert "no es válido" in found[0] and "correo" in found[1]


def test_too_many_rows():
    text = "".join(f"N{i};A{i}\n" for i in range(MAX_ROWS + 3))
    assert "más de" in problems(text)[0]


def test_a_header_alone_has_no_students():
    assert "ningún estudiante" in problems("nombre;apellidos\n")[0]


def test_a_malformed_csv_is_a_problem_not_a_crash():
    # An unterminated quote: the csv module reads it whole; a NUL cannot reach here (the decoder refuses it).
    rows = parse_roster('Ana;"García\n')
    assert rows[0].last_name.startswith("García")
