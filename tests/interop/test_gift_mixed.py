"""GIFT files as Moodle writes them: mixed kinds, HTML text, media, several right answers.

The files here are written for these tests with the constructs of Moodle's own examples and exports.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.interop import gift
from quizzes.models import ImportBatch, Question

IMPORT = reverse("admin:quizzes_question_import")

MIXED = r"""// Un banco mezclado, con los tipos que Moodle acepta en GIFT
$CATEGORY: $course$/top/Historia/Guerra de Invierno

::Ensayo:: Describa la guerra en doscientas palabras.{}

::Capital::[html]<p dir\="ltr" style\="text-align\: left;">¿Capital de <b>Finlandia</b>?<br>Elija una.</p>{
	=[html]<p dir\="ltr" style\="text-align\: left;">Helsinki</p>#[html]<p>¡Bien!</p>
	~[html]Turku<br>(antigua capital)
	####[html]<p>Helsinki es la capital.</p><p>Desde 1812.</p>
}

Solo un texto de presentación, sin respuestas.

::Empareje:: Empareje cada capital con su país. {
	=Helsinki -> Finlandia
	=Estocolmo -> Suecia
}

::Finlandesas:: ¿Qué ciudades son finlandesas?{=Helsinki =Turku ~Oslo}

::Imagen::[html]<p><img src\="@@PLUGINFILE@@/mapa-carelia.png" alt\="mapa"></p>¿Qué región muestra el mapa?{=Carelia ~Laponia}

::Año:: ¿En qué año empezó?{#1939:0}
"""


def test_a_mixed_file_keeps_every_supported_question_and_names_each_skipped_one():
    result = gift.loads(MIXED)
    assert result.errors == []
    assert [(i.name, i.kind, i.where) for i in result.items] == [
        ("Capital", "single_choice", "línea 6"),
        ("Empareje (1)", "single_choice", "línea 14, pareja 1"),
        ("Empareje (2)", "single_choice", "línea 14, pareja 2"),
        ("Finlandesas", "multiple_choice", "línea 19"),
        ("Imagen", "single_choice", "línea 21"),
        ("Año", "numeric", "línea 23"),
    ]
    assert [(s.where, s.prompt) for s in result.skipped] == [
        ("línea 4", "Describa la guerra en doscientas palabras."),
        ("línea 12", "Solo un texto de presentación, sin respuestas."),
    ]
    reasons = [s.reason for s in result.skipped]
    assert "ensayo" in reasons[0] and "descripción" in reasons[1]
    pair = result.items[1]
    assert pair.prompt == "Empareje cada capital con su país.\nHelsinki"
    assert [(c.text, c.is_correct) for c in pair.choices] == [("Finlandia", True), ("Suecia", False)]
    assert {i.document for i in result.items} == {"Guerra de Invierno"}


def test_html_answers_and_feedback_become_text_as_moodle_reads_them():
    capital = gift.loads(MIXED).items[0]
    # <br> and paragraphs are line breaks in a prompt or feedback and a space inside an option; no markup is left.
    assert capital.prompt == "¿Capital de Finlandia?\nElija una."
    assert [(c.text, c.is_correct) for c in capital.choices] == [("Helsinki", True), ("Turku (antigua capital)", False)]
    assert capital.explanation == "Helsinki es la capital.\nDesde 1812."


def test_several_fully_right_answers_are_a_multiple_choice_question():
    item = gift.loads("¿Qué ciudades son finlandesas?{=Helsinki =Turku ~Oslo ~Bergen}").items[0]
    assert item.kind == "multiple_choice"
    assert [(c.text, c.is_correct) for c in item.choices] == [
        ("Helsinki", True), ("Turku", True), ("Oslo", False), ("Bergen", False),
    ]  # fmt: skip
    assert any("opción múltiple" in w for w in item.warnings)


def test_weights_after_an_equals_sign_are_read_as_weights():
    item = gift.loads("¿Quién?{=%100%Mannerheim ~Ryti}").items[0]
    assert [(c.text, c.is_correct) for c in item.choices] == [("Mannerheim", True), ("Ryti", False)]


def test_partial_credit_is_read():
    item = gift.loads("¿Quién dirigió la defensa?{=Mannerheim ~%50%Ryti ~Stalin}").items[0]
    assert [(c.fraction, c.is_correct) for c in item.choices] == [(1.0, True), (0.5, False), (0.0, False)]


def test_images_are_reported_not_dropped_silently():
    image = gift.loads(MIXED).items[4]
    assert image.prompt == "¿Qué región muestra el mapa?"
    assert image.warnings == ["Las imágenes o el audio de la pregunta no se importan: mapa-carelia.png."]


def test_text_with_a_less_than_sign_is_not_taken_for_html():
    item = gift.loads("¿Es 3 < 5 y 7 > 2?{TRUE}").items[0]
    assert item.prompt == "¿Es 3 < 5 y 7 > 2?"


@pytest.mark.django_db
def test_the_preview_lists_the_skipped_questions_with_line_and_reason(teacher_client):
    response = teacher_client.post(IMPORT, {"upload": SimpleUploadedFile("banco.gift", MIXED.encode())})
    assert response.status_code == 302
    page = teacher_client.get(response["Location"]).content.decode()
    assert "2 preguntas del archivo no se importan" in page
    for where in ("línea 4", "línea 12"):
        assert f"<strong>{where}</strong>" in page
    assert "mapa-carelia.png" in page
    confirmed = teacher_client.post(response["Location"], {"skip_duplicates": "on"})
    assert confirmed.status_code == 302
    assert Question.objects.count() == 6
    assert len(ImportBatch.objects.get().payload["skipped"]) == 2


@pytest.mark.django_db
def test_a_file_with_only_skipped_questions_imports_nothing_and_says_why(teacher_client):
    content = b"::Ensayo:: Escriba.{}\n\nUn texto.\n"
    response = teacher_client.post(IMPORT, {"upload": SimpleUploadedFile("ensayos.gift", content)})
    page = response.content.decode()
    assert response.status_code == 200
    assert "no se ha importado nada" in page and "Ninguna pregunta del archivo se puede importar" in page
    assert "<strong>línea 1</strong>" in page and "<strong>línea 3</strong>" in page
    assert ImportBatch.objects.count() == Question.objects.count() == 0


@pytest.mark.django_db
def test_partial_credit_is_kept_through_import_grading_and_export(teacher):
    from quizzes.domain import grading
    from quizzes.interop import moodle_xml
    from quizzes.services import attempts
    from quizzes.services import interop as services

    source = "::Defensa::¿Quién dirigió la defensa?{=Mannerheim ~%50%Ryti ~Stalin}"
    _fmt, result = services.import_parse(data=source.encode(), filename="a.gift")
    assert result.errors == [] and result.items[0].warnings == []
    _rows, (question,) = services.import_now(result=result, user=teacher)
    choices = list(question.choices.order_by("position"))
    assert [(c.text, c.is_correct, c.partial_credit) for c in choices] == [
        ("Mannerheim", True, 0.0), ("Ryti", False, 0.5), ("Stalin", False, 0.0),
    ]  # fmt: skip
    key = attempts.answer_key(question, choices)
    assert [grading.grade(key, {"choice": c.pk}) for c in choices] == [1.0, 0.5, 0.0]
    items = services.questions_to_data(questions=Question.objects.filter(pk=question.pk))
    assert "\t~%50%Ryti" in gift.dumps(items)
    assert '<answer fraction="50" format="plain_text">' in moodle_xml.dumps(items)
    again = moodle_xml.loads(moodle_xml.dumps(items)).items[0]
    assert [c.fraction for c in again.choices] == [1.0, 0.5, 0.0]
