"""Moodle XML question types that map onto ours: cloze, matching, description; files written for these tests."""

from quizzes.interop import moodle_xml
from quizzes.interop.schema import QuestionData

CLOZE = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Historia/Siglo XX/Guerra de Invierno</text></category>
  </question>
  <question type="multianswer">
    <name><text>Resumen</text></name>
    <questiontext format="html"><text><![CDATA[<p>La guerra empezó en {1:NUMERICAL:=1939:0#Bien} cuando
    {1:MULTICHOICE:=la Unión Soviética~Suecia#No~%0%Alemania} invadió {1:SHORTANSWER:=Finlandia~=Suomi~%50%Finland}.</p>
    <p>Lugares: {2:MULTIRESPONSE:%50%Salla~%50%Petsamo~%-100%Madrid}. Llaves: {1:SA:=a\\}b}</p>]]></text></questiontext>
    <generalfeedback format="html"><text>Según el texto.</text></generalfeedback>
    <idnumber>resumen</idnumber>
  </question>
  <question type="matching">
    <name><text>Capitales</text></name>
    <questiontext format="html"><text><![CDATA[<p>Empareje cada ciudad con su país.</p>]]></text></questiontext>
    <subquestion format="html"><text><![CDATA[<p>Helsinki</p>]]></text><answer><text>Finlandia</text></answer></subquestion>
    <subquestion format="html"><text><![CDATA[<p>Estocolmo</p>]]></text><answer><text>Suecia</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>Noruega</text></answer></subquestion>
  </question>
  <question type="matching">
    <name><text>Orden</text></name>
    <questiontext format="html"><text>Ponga en orden los hechos.</text></questiontext>
    <subquestion format="html"><text>Paz de Moscú</text><answer><text>3</text></answer></subquestion>
    <subquestion format="html"><text>Incidente de Mainila</text><answer><text>1</text></answer></subquestion>
    <subquestion format="html"><text>Invasión</text><answer><text>2</text></answer></subquestion>
  </question>
  <question type="description">
    <name><text>Intro</text></name>
    <questiontext format="html"><text><![CDATA[<p>Lea el texto <img src="@@PLUGINFILE@@/mapa.png"></p>]]></text></questiontext>
  </question>
  <question type="calculated">
    <name><text>Cálculo</text></name>
    <questiontext format="html"><text>¿{a} + {b}?</text></questiontext>
  </question>
</quiz>
"""


def test_cloze_becomes_one_question_per_gap():
    result = moodle_xml.loads(CLOZE)
    assert result.errors == []
    cloze = [i for i in result.items if i.name.startswith("Resumen")]
    assert [(i.kind, i.where) for i in cloze] == [
        ("numeric", "pregunta 2 «Resumen», hueco 1"),
        ("single_choice", "pregunta 2 «Resumen», hueco 2"),
        ("short_answer", "pregunta 2 «Resumen», hueco 3"),
        ("multiple_choice", "pregunta 2 «Resumen», hueco 4"),
        ("short_answer", "pregunta 2 «Resumen», hueco 5"),
    ]
    year, country, invaded, places, braces = cloze
    assert year.prompt.startswith("La guerra empezó en _____ cuando la Unión Soviética invadió Finlandia.")
    assert (year.numeric_value, year.numeric_tolerance) == (1939, 0)
    assert [(c.text, c.is_correct) for c in country.choices] == [
        ("la Unión Soviética", True), ("Suecia", False), ("Alemania", False),
    ]  # fmt: skip
    assert invaded.accepted == ["Finlandia", "Suomi"] and invaded.warnings
    assert [(c.text, c.is_correct) for c in places.choices] == [("Salla", True), ("Petsamo", True), ("Madrid", False)]
    assert braces.accepted == ["a}b"]
    assert {i.explanation for i in cloze} == {"Según el texto."}
    assert [i.idnumber for i in cloze][:2] == ["resumen-1", "resumen-2"]
    assert {i.document for i in cloze} == {"Guerra de Invierno"}


def test_matching_becomes_single_choice_items_or_an_ordering():
    result = moodle_xml.loads(CLOZE)
    pairs = [i for i in result.items if i.name.startswith("Capitales")]
    assert [i.prompt for i in pairs] == [
        "Empareje cada ciudad con su país.\nHelsinki",
        "Empareje cada ciudad con su país.\nEstocolmo",
    ]
    assert [(c.text, c.is_correct) for c in pairs[1].choices] == [
        ("Finlandia", False), ("Suecia", True), ("Noruega", False),
    ]  # fmt: skip
    (ordering,) = [i for i in result.items if i.name == "Orden"]
    assert ordering.kind == "ordering"
    assert [c.text for c in ordering.choices] == ["Incidente de Mainila", "Invasión", "Paz de Moscú"]


def test_descriptions_and_other_types_are_skipped_with_a_reason():
    result = moodle_xml.loads(CLOZE)
    assert [(s.where, s.prompt) for s in result.skipped] == [
        ("pregunta 5 «Intro»", "Lea el texto"),
        ("pregunta 6 «Cálculo»", "¿{a} + {b}?"),
    ]
    assert "descripción" in result.skipped[0].reason and "calculada" in result.skipped[1].reason


def test_every_imported_question_passes_the_checks():
    from quizzes.interop.schema import validate

    for item in moodle_xml.loads(CLOZE).items:
        assert validate(item) == [], item.label


def test_a_nested_category_is_kept_on_import_and_written_back():
    from quizzes.interop import gift

    items = moodle_xml.loads(CLOZE).items
    assert {i.category for i in items} == {"$course$/top/Historia/Siglo XX/Guerra de Invierno"}
    written = moodle_xml.dumps(items[:1])
    assert "<text>$course$/top/Historia/Siglo XX/Guerra de Invierno</text>" in written
    assert "$CATEGORY: $course$/top/Historia/Siglo XX/Guerra de Invierno" in gift.dumps(items[:1])
    # Our own path for the document is not kept: it is what the export writes anyway.
    ours = moodle_xml.loads(moodle_xml.dumps([QuestionData.from_dict({**items[0].to_dict(), "category": ""})]))
    assert ours.items[0].category == ""
