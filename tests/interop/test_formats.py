"""GIFT, Moodle XML and CSV: every kind round-trips, Spanish survives, and the files are shaped as Moodle reads them."""

import re
import xml.etree.ElementTree as ET

import pytest

from quizzes.interop import csv_io, gift, moodle_xml
from quizzes.interop.schema import MOODLE_FRACTIONS, ChoiceData, QuestionData, validate

SPANISH = "¿Quién firmó la paz de Moscú? ¡Año 1940! Ñandú, pingüino, acción"
GIFT_SPECIALS = "llaves {x} tilde ~ igual = almohadilla # dos puntos : barra \\ fin"


def every_kind(document: str = "Guerra de Invierno") -> list[QuestionData]:
    return [
        QuestionData(
            kind="single_choice",
            prompt=f"{SPANISH} {GIFT_SPECIALS} _____",
            explanation="Según el texto: «la paz se firmó en Moscú» ~ = # { } :",
            choices=[
                ChoiceData("Finlandia ~ y = Suomi", True),
                ChoiceData("Unión Soviética {URSS}", False),
                ChoiceData("Suecia: neutral # 1", False),
            ],
            document=document,
        ),
        QuestionData(
            kind="multiple_choice",
            prompt="¿Qué lugares se citan?",
            explanation="Salla y Petsamo.",
            choices=[
                ChoiceData("Salla", True),
                ChoiceData("Petsamo", True),
                ChoiceData("Madrid", False),
                ChoiceData("Lisboa", False),
                ChoiceData("París", False),
            ],
            document=document,
        ),
        QuestionData(kind="true_false", prompt="La guerra empezó en 1939.", correct_bool=True, document=document),
        QuestionData(kind="true_false", prompt="Terminó en 1945.", correct_bool=False, explanation="En 1940."),
        QuestionData(
            kind="short_answer",
            prompt="¿Qué país invadió Finlandia?",
            accepted=["Unión Soviética", "URSS", "la U.R.S.S."],
            explanation="La URSS atacó el 30 de noviembre.",
            document=document,
        ),
        QuestionData(
            kind="numeric",
            prompt="¿Cuántos días duró la guerra?",
            numeric_value=105,
            numeric_tolerance=2,
            unit="días",
            document=document,
        ),
        QuestionData(kind="numeric", prompt="¿Temperatura mínima?", numeric_value=-43.5, numeric_tolerance=0.5),
        QuestionData(
            kind="ordering",
            prompt="Ordene los hechos:",
            explanation="Cronología: 1939 → 1940.",
            choices=[ChoiceData("Invasión: 30 de noviembre"), ChoiceData("Batalla de Suomussalmi"), ChoiceData("Paz")],
            document=document,
        ),
    ]


COMPARED = ("kind", "prompt", "explanation", "accepted", "correct_bool", "numeric_value", "unit", "document")


def same_question(a: QuestionData, b: QuestionData) -> None:
    for name in COMPARED:
        assert getattr(a, name) == getattr(b, name), (name, getattr(a, name), getattr(b, name))
    assert (a.numeric_tolerance or 0) == (b.numeric_tolerance or 0)
    assert [(c.text, c.is_correct) for c in a.choices] == [(c.text, c.is_correct) for c in b.choices]


@pytest.mark.parametrize("module", [gift, moodle_xml, csv_io], ids=["gift", "moodle_xml", "csv"])
def test_every_kind_round_trips(module):
    items = every_kind()
    result = module.loads(module.dumps(items))
    assert result.errors == []
    assert len(result.items) == len(items)
    for original, read in zip(items, result.items, strict=True):
        same_question(original, read)
        assert validate(read) == []


def test_gift_escapes_special_characters_as_moodle_repchar():
    text = gift.dumps(every_kind())
    line = next(line for line in text.splitlines() if line.startswith("¿Quién"))
    # Every reserved character in the prompt is preceded by a backslash; Spanish letters and marks are untouched.
    assert "\\{x\\} tilde \\~ igual \\= almohadilla \\# dos puntos \\: barra \\\\ fin" in line
    assert SPANISH in line
    assert "\t=Finlandia \\~ y \\= Suomi" in text
    assert "\t~Unión Soviética \\{URSS\\}" in text
    assert "####Según el texto\\: «la paz se firmó en Moscú» \\~ \\= \\# \\{ \\} \\:" in text


def test_gift_escape_covers_every_reserved_character():
    assert gift.escape("~=#{}:\\\nñ") == "\\~\\=\\#\\{\\}\\:\\\\\\nñ"


def _moodle_qtype(block: str) -> str:
    """Moodle's GIFT type detection (qformat_gift::readquestion), ported to classify our own output."""
    lines = [line for line in block.splitlines() if not line.strip().startswith("//")]
    text = "\n".join(lines).strip()
    text = re.sub(r"\\[\\:#={}~n]", "@", text)  # escaped characters never count (escapedchar_pre)
    if text.startswith("$CATEGORY:"):
        return "category"
    if text.startswith("::"):
        text = text[text.index("::", 2) + 2 :]
    answers = text[text.index("{") + 1 : text.index("}")].strip()
    if "####" in answers:
        answers = answers[: answers.rindex("####")].strip()
    if answers.startswith(">"):
        return "ordering"  # qtype_ordering gets the first try (try_importing_using_qtypes)
    if answers.startswith("#"):
        return "numerical"
    if "~" in answers:
        return "multichoice-single" if "=" in answers else "multichoice-multi"
    if answers.split("#")[0].strip() in {"T", "TRUE", "F", "FALSE"}:
        return "truefalse"
    return "shortanswer"


def test_gift_blocks_are_typed_by_moodle_rules_as_intended():
    blocks = [b for b in gift.dumps(every_kind()).split("\n\n") if not b.startswith("// winterwar")]
    types = [_moodle_qtype(b) for b in blocks]
    assert types == [
        "category",
        "multichoice-single",
        "multichoice-multi",
        "truefalse",
        "category",
        "truefalse",
        "category",
        "shortanswer",
        "numerical",
        "category",
        "numerical",
        "category",
        "ordering",
    ]


def test_gift_multiple_choice_weights_are_moodle_grades():
    text = gift.dumps([every_kind()[1]])
    weights = [float(w) / 100 for w in re.findall(r"~%(-?[\d.]+)%", text)]
    assert weights == pytest.approx([0.5, 0.5, -0.3333333, -0.3333333, -0.3333333])
    for weight in weights:
        assert min(abs(abs(weight) - f) for f in MOODLE_FRACTIONS) < 1e-5


def test_gift_ordering_uses_qtype_ordering_header_and_one_item_per_line():
    text = gift.write_question(every_kind()[-1])
    assert "Ordene los hechos\\:{>3 ALL VERTICAL RELATIVE_ALL_PREVIOUS_AND_NEXT SHOW none\n" in text
    assert "\nInvasión: 30 de noviembre\nBatalla de Suomussalmi\nPaz\n####Cronología\\: 1939 → 1940.\n}" in text


def test_gift_reads_moodle_style_input():
    source = """// A comment
::Capital::¿Cuál es la capital de Finlandia?{=Helsinki#Bien ~Turku#No ~%50%Tampere####Está en el sur.}

Grant está {~enterrado =sepultado ~vivo} en su tumba.

::V/F::La Tierra es plana.{F}

¿Quién?{=%100%Mannerheim#sí =%50%Carl Gustaf}

¿Año?{#1939..1941}

::Orden::Ordene{>3 ALL
uno
dos
tres
}
"""
    result = gift.loads(source)
    assert result.errors == []
    capital, missing, tf, short, numeric, ordering = result.items
    assert capital.name == "Capital" and capital.kind == "single_choice"
    assert [(c.text, c.is_correct) for c in capital.choices] == [
        ("Helsinki", True),
        ("Turku", False),
        ("Tampere", False),
    ]
    assert capital.explanation == "Está en el sur."
    assert [c.fraction for c in capital.choices] == [1.0, 0.0, 0.5]  # Tampere keeps its 50 %
    assert missing.prompt == "Grant está _____ en su tumba."
    assert tf.correct_bool is False
    assert short.accepted == ["Mannerheim"] and short.warnings
    assert (numeric.numeric_value, numeric.numeric_tolerance) == (1940, 1)
    assert [c.text for c in ordering.choices] == ["uno", "dos", "tres"]
    assert capital.where == "línea 2"


def test_gift_all_options_wrong_is_an_error_naming_the_question():
    result = gift.loads("¿Capital de Finlandia?{~Madrid ~Lisboa}")
    assert result.errors == []
    problems = validate(result.items[0])
    assert problems == ["Todas las opciones son incorrectas: marque al menos una como correcta."]


@pytest.mark.parametrize(
    "path, title",
    [
        ("$course$/top/winterwar/Guerra // Paz", "Guerra / Paz"),
        ("$system$/top/Historia/Guerra de Invierno", "Guerra de Invierno"),
        ("$course$/top/winterwar", ""),
        ("$course$/top", ""),
        ("Sin contexto", ""),
    ],
)
def test_document_from_moodle_category(path, title):
    assert gift.document_from_category(path) == title


def test_gift_numbers_must_be_finite():
    result = gift.loads("¿Año?{#1e999}")
    assert not result.items
    assert "«1e999» no es un número" in str(result.errors[0])
    item = QuestionData(kind="numeric", prompt="¿Año?", numeric_value=float("inf"))
    assert validate(item) == ["El número «inf» no es finito."]


@pytest.mark.parametrize(
    "source, message",
    [
        ("¿Año?{=1939", "no están emparejadas"),
        ("::Sin cierre ¿Año?{=1939}", "«::»"),
        ("¿Año?{#mil novecientos}", "no es un número"),
    ],
)
def test_gift_malformed_blocks_are_errors_with_their_line(source, message):
    result = gift.loads("// cabecera\n\n" + source)
    assert result.items == []
    assert len(result.errors) == 1
    assert result.errors[0].where == "línea 3"
    assert message in result.errors[0].message


# ---------------------------------------------------------------------------------------------------- Moodle XML

# The elements Moodle's qformat_xml (and qtype_ordering) read for each type; anything else would be ignored.
COMMON = {"name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden", "idnumber", "tags", "answer"}
COMBINED = {"correctfeedback", "partiallycorrectfeedback", "incorrectfeedback", "shownumcorrect"}
KNOWN = {
    "multichoice": COMMON | COMBINED | {"single", "shuffleanswers", "answernumbering", "showstandardinstruction"},
    "truefalse": COMMON,
    "shortanswer": COMMON | {"usecase"},
    "numerical": COMMON | {"units", "unitgradingtype", "unitpenalty", "showunits", "unitsleft"},
    "ordering": COMMON
    | COMBINED
    | {"layouttype", "selecttype", "selectcount", "gradingtype", "showgrading", "numberingstyle"},
    "category": {"category", "info", "idnumber"},
}
TEXT_FORMATS = {"moodle_auto_format", "html", "plain_text", "wiki_like", "markdown"}  # qformat_xml::trans_format


def test_moodle_xml_has_the_structure_moodles_importer_reads():
    text = moodle_xml.dumps(every_kind())
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "quiz"
    types = [q.get("type") for q in root.findall("question")]
    assert types == [
        "category",
        "multichoice",
        "multichoice",
        "truefalse",
        "category",
        "truefalse",
        "category",
        "shortanswer",
        "numerical",
        "category",
        "numerical",
        "category",
        "ordering",
    ]
    for question in root.findall("question"):
        qtype = question.get("type")
        children = {child.tag for child in question}
        assert children <= KNOWN[qtype], (qtype, children - KNOWN[qtype])
        for element in question.iter():
            if "format" in element.attrib:
                assert element.get("format") in TEXT_FORMATS
        if qtype == "category":
            assert question.findtext("category/text").startswith("$course$/top/winterwar")
            continue
        # import_headers: name/text is required; questiontext and generalfeedback hold a <text>.
        assert question.findtext("name/text")
        assert question.find("questiontext").get("format") and question.find("questiontext/text") is not None
        assert question.find("generalfeedback/text") is not None
        answers = question.findall("answer")
        assert answers and all(a.find("text") is not None and a.get("fraction") for a in answers)
        if qtype in {"multichoice", "truefalse", "shortanswer", "numerical"}:
            for answer in answers:  # Moodle rejects a fraction that is not one of its grades
                fraction = float(answer.get("fraction")) / 100
                assert fraction == 0 or min(abs(abs(fraction) - f) for f in MOODLE_FRACTIONS) < 1e-5
        if qtype == "numerical":
            assert answers[0].findtext("tolerance") is not None
        if qtype == "ordering":
            assert [a.get("fraction") for a in answers] == ["1.0000000", "2.0000000", "3.0000000"]
            assert question.findtext("selecttype") == "ALL"


def test_moodle_xml_keeps_spanish_text_and_names_the_document():
    text = moodle_xml.dumps(every_kind())
    assert SPANISH in text
    assert "<text>documento: Guerra de Invierno</text>" in text
    assert "<text>$course$/top/winterwar/Guerra de Invierno</text>" in text
    assert "<text>Según el texto: «la paz se firmó en Moscú» ~ = # { } :</text>" in text


def test_moodle_xml_reads_html_and_single_false():
    source = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Historia/Guerra de Invierno</text></category></question>
  <question type="multichoice">
    <name><text>Lugares</text></name>
    <questiontext format="html"><text><![CDATA[<p>¿Qué lugares <b>se citan</b>?</p>]]></text></questiontext>
    <generalfeedback format="html"><text>Salla &amp; Petsamo</text></generalfeedback>
    <single>false</single>
    <answer fraction="50" format="html"><text>Salla</text></answer>
    <answer fraction="50" format="html"><text>Petsamo</text></answer>
    <answer fraction="-100" format="html"><text>Madrid</text></answer>
  </question>
  <question type="essay"><name><text>Ensayo</text></name><questiontext><text>Escriba</text></questiontext></question>
</quiz>"""
    result = moodle_xml.loads(source)
    assert result.errors == []
    (item,) = result.items
    assert item.kind == "multiple_choice"
    assert item.prompt == "¿Qué lugares se citan?"
    assert item.explanation == "Salla & Petsamo"
    assert item.document == "Guerra de Invierno"
    assert [(c.text, c.is_correct) for c in item.choices] == [("Salla", True), ("Petsamo", True), ("Madrid", False)]
    (skipped,) = result.skipped
    assert (skipped.where, skipped.prompt) == ("pregunta 3 «Ensayo»", "Escriba")
    assert "ensayo" in skipped.reason


@pytest.mark.parametrize(
    "source, message",
    [
        ("<html><body>Hola</body></html>", "raíz es <html>"),
        ("<quiz><question type='multichoice'>", "mal formado"),
        ("<quiz></quiz>", "ningún elemento <question>"),
        ('<!DOCTYPE quiz [<!ENTITY a "aaaa">]><quiz>&a;</quiz>', "DTD"),
    ],
)
def test_xml_that_is_not_moodles_is_an_error(source, message):
    result = moodle_xml.loads(source)
    assert result.items == []
    assert message in str(result.errors[0])


# ---------------------------------------------------------------------------------------------------- CSV


def test_csv_reads_semicolons_spanish_kind_names_and_decimal_commas():
    source = (
        "\ufefftipo;enunciado;respuesta;distractores;tolerancia;unidad;explicación;documento\n"
        "opción única;¿Capital?;Helsinki;Turku | Tampere;;;Está al sur.;Guerra de Invierno\n"
        "numérica;¿Distancia?;3,5;;0,5;km;;\n"
        "verdadero_falso;¿Hubo paz?;verdadero;;;;;\n"
        "ordenación;Ordene;a | b \\| c | d;;;;;\n"
    )
    result = csv_io.loads(source)
    assert result.errors == []
    capital, distance, peace, order = result.items
    assert capital.kind == "single_choice" and capital.explanation == "Está al sur."
    assert [(c.text, c.is_correct) for c in capital.choices] == [
        ("Helsinki", True),
        ("Turku", False),
        ("Tampere", False),
    ]
    assert (distance.numeric_value, distance.numeric_tolerance, distance.unit) == (3.5, 0.5, "km")
    assert peace.correct_bool is True
    assert [c.text for c in order.choices] == ["a", "b | c", "d"]
    assert capital.where == "línea 2"


@pytest.mark.parametrize(
    ("cell", "value"), [("500.000", 500_000), ("40 000", 40_000), ("2 520,7", 2520.7), ("3.5", 3.5), ("-43,5", -43.5)]
)
def test_csv_reads_numbers_as_the_grader_reads_a_students_answer(cell, value):
    """A CSV cell «500.000» is five hundred thousand, as it is when a student types it."""
    result = csv_io.loads(f"tipo;enunciado;respuesta\nnumérica;¿Cuántos?;{cell}\n")
    assert result.errors == []
    assert result.items[0].numeric_value == value


@pytest.mark.parametrize("cell", ["12abc", "0x20", "1e309", "inf", "nan", "105 km"])
def test_csv_refuses_what_is_not_a_number(cell):
    result = csv_io.loads(f"tipo;enunciado;respuesta\nnumérica;¿Cuántos?;{cell}\n")
    assert result.items == []
    assert f"«{cell}» no es un número" in result.errors[0].message


def test_csv_writes_numbers_with_a_decimal_comma_that_read_back():
    item = QuestionData(kind="numeric", prompt="¿Cuánto?", numeric_value=1.234, numeric_tolerance=0.001)
    row = csv_io.to_row(item)
    assert (row["respuesta"], row["tolerancia"]) == ("1,234", "0,001")
    (back,) = csv_io.loads(csv_io.dumps([item])).items
    assert (back.numeric_value, back.numeric_tolerance) == (1.234, 0.001)


def test_csv_missing_columns_is_one_error_naming_them():
    result = csv_io.loads("tipo,pregunta\nsingle_choice,¿Capital?\n")
    assert result.items == []
    assert result.errors[0].where == "línea 1"
    assert "enunciado, respuesta" in result.errors[0].message


def test_csv_bad_rows_name_their_line():
    result = csv_io.loads("tipo,enunciado,respuesta\nsingle_choice,¿Capital?,Helsinki\nensayo,Escriba,\n")
    assert result.errors[0].where == "línea 3"
    assert "ensayo" in result.errors[0].message


def test_the_csv_example_in_the_docs_reads_without_errors():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "interop.md").read_text(encoding="utf-8")
    example = doc.split("```csv\n", 1)[1].split("```", 1)[0]
    result = csv_io.loads(example)
    assert result.errors == []
    assert [i.kind for i in result.items] == [
        "single_choice",
        "multiple_choice",
        "true_false",
        "short_answer",
        "numeric",
        "ordering",
    ]
    assert all(validate(i) == [] for i in result.items)


def test_gift_and_moodle_xml_write_tolerances_without_float_noise():
    """A tolerance computed as 10 % of 239 (23.900000000000002) is written «23.9» in both exchange formats."""
    item = QuestionData(kind="numeric", prompt="¿Cuántos?", numeric_value=239 * 1.0, numeric_tolerance=239 * 0.1)
    assert item.numeric_tolerance != 23.9  # the float noise is really there
    text = gift.dumps([item])
    assert "=239:23.9}" in text.replace("\t", "").replace("\n", "")
    assert "00000" not in text
    xml = moodle_xml.dumps([item])
    tolerance = ET.fromstring(xml.encode() if isinstance(xml, str) else xml).find(".//answer/tolerance").text
    assert tolerance == "23.9"
    (back,) = gift.loads(text).items
    assert back.numeric_tolerance == pytest.approx(23.9)
