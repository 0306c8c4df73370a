"""Export actions and the upload → preview → confirm import, through the real admin views."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.interop import gift, moodle_xml
from quizzes.models import Document, ImportBatch, ImportStatus, Question, QuestionKind
from quizzes.services import interop as services
from tests import factories

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:quizzes_question_changelist")
IMPORT = reverse("admin:quizzes_question_import")


def make_bank(document=None) -> list[Question]:
    """One question of every kind, with Spanish text and GIFT's special characters."""
    document = document or factories.make_document(title="Guerra de Invierno")
    extra = {"document": document, "explanation": "Fuente: «Guerra de Invierno» ~ = # { } : ¿¡ñ"}
    return [
        factories.make_question(kind=QuestionKind.SINGLE_CHOICE, prompt="¿País atacado? {~=#:}", **extra),
        factories.make_question(kind=QuestionKind.MULTIPLE_CHOICE, prompt="¿Qué lugares se citan?", **extra),
        factories.make_question(kind=QuestionKind.TRUE_FALSE, prompt="¿La guerra empezó en 1939?", **extra),
        factories.make_question(kind=QuestionKind.SHORT_ANSWER, prompt="¿Quién invadió Finlandia?", **extra),
        factories.make_question(
            kind=QuestionKind.NUMERIC,
            prompt="¿Cuántos días duró?",
            numeric_value=105,
            numeric_tolerance=1.5,
            unit="días",
            **extra,
        ),
        factories.make_question(
            kind=QuestionKind.ORDERING,
            prompt="Ordene: ¿qué pasó antes?",
            choices=[("Invasión", False), ("Mainila: incidente", False), ("Paz de Moscú", False)],
            **extra,
        ),
    ]


def snapshot(questions) -> list[tuple]:
    data = services.questions_to_data(questions=Question.objects.filter(pk__in=[q.pk for q in questions]))
    return [
        (
            d.kind,
            d.prompt,
            d.explanation,
            [(c.text, c.is_correct) for c in d.choices],
            d.accepted,
            d.correct_bool,
            d.numeric_value,
            d.numeric_tolerance or 0,
            d.unit,
            d.document,
        )
        for d in data
    ]


def export(client, fmt: str, questions) -> bytes:
    response = client.post(CHANGELIST, {"action": f"export_{fmt}", "_selected_action": [q.pk for q in questions]})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content


def upload(client, name: str, content: bytes, **data):
    return client.post(IMPORT, {"upload": SimpleUploadedFile(name, content), **data})


# ---------------------------------------------------------------------------------------------------- export


@pytest.mark.parametrize(
    "fmt, extension, marker",
    [("moodle_xml", ".xml", b"<quiz>"), ("gift", ".gift.txt", b"$CATEGORY:"), ("csv", ".csv", b"tipo;enunciado")],
)
def test_question_export_action_downloads_a_file(teacher_client, fmt, extension, marker):
    questions = make_bank()
    response = teacher_client.post(
        CHANGELIST, {"action": f"export_{fmt}", "_selected_action": [q.pk for q in questions]}
    )
    assert response.status_code == 200
    assert extension in response["Content-Disposition"]
    assert marker in response.content
    assert "¿Qué lugares se citan?".encode() in response.content


def test_export_reads_the_same_number_of_queries_for_few_and_many_questions(django_assert_num_queries):
    """Exporting a whole bank must not query per question (select_related + two prefetches)."""
    make_bank()
    with django_assert_num_queries(3):
        assert len(services.questions_to_data(questions=Question.objects.all())) == 6
    make_bank(factories.make_document(title="Otro"))
    with django_assert_num_queries(3):
        assert len(services.questions_to_data(questions=Question.objects.all())) == 12


def test_quiz_export_keeps_the_quiz_order(teacher_client):
    first, second, third = make_bank()[:3]
    quiz = factories.make_quiz(questions=[third, first, second], title="Examen de invierno")
    response = teacher_client.post(
        reverse("admin:quizzes_quiz_changelist"), {"action": "export_quiz_gift", "_selected_action": [quiz.pk]}
    )
    assert response.status_code == 200
    assert "examen-de-invierno" in response["Content-Disposition"]
    items = gift.loads(response.content.decode()).items
    assert [i.prompt for i in items] == [third.prompt, first.prompt, second.prompt]


def test_quiz_export_to_moodle_xml_carries_the_points(teacher_client):
    first, second = make_bank()[:2]
    quiz = factories.make_quiz(questions=[second, first], title="Examen")
    quiz.items.filter(question=second).update(points=2.5)
    response = teacher_client.post(
        reverse("admin:quizzes_quiz_changelist"), {"action": "export_quiz_moodle_xml", "_selected_action": [quiz.pk]}
    )
    content = response.content.decode()
    assert content.count("<defaultgrade>") == 2
    assert content.index("<defaultgrade>2.5</defaultgrade>") < content.index("<defaultgrade>1</defaultgrade>")


def test_document_action_downloads_an_anki_package(teacher_client):
    document = factories.make_document(title="Guerra de Invierno")
    from quizzes.models import Flashcard

    Flashcard.objects.create(document=document, front="¿Año?", back="1939")
    response = teacher_client.post(
        reverse("admin:quizzes_document_changelist"), {"action": "export_anki", "_selected_action": [document.pk]}
    )
    assert response.status_code == 200
    assert "guerra-de-invierno" in response["Content-Disposition"]
    assert ".apkg" in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert "collection.anki2" in archive.namelist()


# ---------------------------------------------------------------------------------------------------- round trip


@pytest.mark.parametrize("fmt, filename", [("gift", "banco.txt"), ("moodle_xml", "banco.xml"), ("csv", "banco.csv")])
def test_export_then_import_gives_back_the_same_questions(teacher_client, teacher, fmt, filename):
    questions = make_bank()
    before = snapshot(questions)
    content = export(teacher_client, fmt, questions)
    Question.objects.all().delete()

    response = upload(teacher_client, filename, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    preview = teacher_client.get(response["Location"])
    assert preview.status_code == 200
    assert preview.content.decode().count("Nueva") == 6
    assert Question.objects.count() == 0  # nothing is stored before the teacher confirms

    confirm = teacher_client.post(response["Location"], {"skip_duplicates": "on"})
    assert confirm.status_code == 302
    imported = list(Question.objects.order_by("id"))
    assert snapshot(imported) == before
    assert {q.origin for q in imported} == {"imported"}
    assert {q.status for q in imported} == {"draft"}
    assert {q.created_by_id for q in imported} == {teacher.pk}


def test_preview_lists_duplicates_and_skips_them(teacher_client):
    questions = make_bank()
    content = export(teacher_client, "moodle_xml", questions)
    response = upload(teacher_client, "banco.xml", content)
    preview = teacher_client.get(response["Location"])
    page = preview.content.decode()
    assert page.count("Ya existe") == 6
    assert reverse("admin:quizzes_question_change", args=[questions[0].pk]) in page
    teacher_client.post(response["Location"], {"skip_duplicates": "on"})
    assert Question.objects.count() == 6


def test_duplicates_can_be_imported_on_purpose(teacher_client):
    questions = make_bank()
    response = upload(teacher_client, "banco.txt", export(teacher_client, "gift", questions))
    teacher_client.post(response["Location"], {})
    assert Question.objects.count() == 12


def test_confirming_twice_imports_once(teacher_client):
    response = upload(teacher_client, "uno.txt", "¿Capital de Finlandia?{=Helsinki ~Turku}".encode())
    first = teacher_client.post(response["Location"], {"skip_duplicates": "on"})
    second = teacher_client.post(response["Location"], {"skip_duplicates": "on"})
    assert first.status_code == second.status_code == 302
    assert Question.objects.count() == 1
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.IMPORTED
    assert batch.payload == {"notes": [], "n_read": 1, "skipped": []}  # the parsed questions are not kept
    messages = [str(m) for m in second.wsgi_request._messages]
    assert any("ya se confirmó" in m for m in messages)


def test_chosen_document_applies_to_every_question(teacher_client):
    document = factories.make_document(title="Elegido")
    response = upload(teacher_client, "uno.txt", "¿Capital?{=Helsinki ~Turku}".encode(), document=document.pk)
    teacher_client.post(response["Location"], {"skip_duplicates": "on"})
    assert Question.objects.get().document == document


def test_unknown_document_title_is_announced_and_left_empty(teacher_client):
    content = "tipo,enunciado,respuesta,documento\ntrue_false,¿Sí?,verdadero,No existe\n".encode()
    response = upload(teacher_client, "a.csv", content)
    assert "No hay ningún documento «No existe»" in teacher_client.get(response["Location"]).content.decode()
    teacher_client.post(response["Location"], {})
    assert Question.objects.get().document is None


def test_another_teachers_import_is_a_404(client, teacher_client, other_teacher):
    response = upload(teacher_client, "uno.txt", "¿Capital?{=Helsinki ~Turku}".encode())
    client.force_login(other_teacher)
    assert client.get(response["Location"]).status_code == 404
    assert client.post(response["Location"], {}).status_code == 404
    assert Question.objects.count() == 0


def test_students_and_anonymous_users_cannot_import(client, student):
    assert client.get(IMPORT).status_code == 302  # to the admin login
    client.force_login(student)
    assert client.get(IMPORT).status_code == 302
    assert upload(client, "uno.txt", b"x{=a ~b}").status_code == 302
    assert ImportBatch.objects.count() == 0


def test_staff_without_add_permission_is_refused(client):
    viewer = factories.make_user(is_staff=True)
    client.force_login(viewer)
    assert client.get(IMPORT).status_code == 403


def test_csv_template_downloads_and_imports_cleanly(teacher_client):
    response = teacher_client.get(reverse("admin:quizzes_question_import_template"))
    assert response.status_code == 200
    assert "plantilla.csv" in response["Content-Disposition"]
    fmt, result = services.import_parse(data=response.content, filename="plantilla.csv")
    assert fmt == "csv" and result.errors == [] and len(result.items) == 6


def test_changelist_has_the_import_button(teacher_client):
    factories.make_question()
    page = teacher_client.get(CHANGELIST).content.decode()
    assert IMPORT in page
    assert "Exportar a Moodle XML" in page


# ---------------------------------------------------------------------------------------------------- bad input


def assert_nothing_imported(response, *fragments):
    assert response.status_code == 200
    page = response.content.decode()
    assert "no se ha importado nada" in page
    for fragment in fragments:
        assert fragment in page, fragment
    assert Question.objects.count() == 0
    assert ImportBatch.objects.count() == 0


def test_malformed_gift_names_the_line(teacher_client):
    content = "¿Capital?{=Helsinki ~Turku}\n\n// comentario\n¿Año de la paz?{#1940\n\n¿Otra?{=a ~b}\n".encode()
    assert_nothing_imported(upload(teacher_client, "malo.txt", content), "línea 4", "no están emparejadas")


def test_xml_that_is_not_moodles_says_so(teacher_client):
    content = b'<?xml version="1.0"?><assessment><item>1</item></assessment>'
    assert_nothing_imported(
        upload(teacher_client, "qti.xml", content), "No es un archivo Moodle XML", "&lt;assessment&gt;"
    )


def test_broken_xml_names_the_line(teacher_client):
    content = b'<?xml version="1.0"?>\n<quiz>\n<question type="truefalse">\n</quiz>'
    assert_nothing_imported(upload(teacher_client, "roto.xml", content), "línea 4", "mal formado")


def test_csv_with_missing_columns_names_them(teacher_client):
    content = "tipo;pregunta\nsingle_choice;¿Capital?\n".encode()
    assert_nothing_imported(upload(teacher_client, "malo.csv", content), "Faltan columnas obligatorias", "respuesta")


def test_file_in_no_known_encoding_names_the_line(teacher_client):
    # 0x81 is not a character in Windows-1252, and the file is not UTF-8 either.
    content = "¿Capital?{=Helsinki ~Turku}\n\n¿Año?{=1939 ~1945}\n".encode() + b"\n\x81\xff{TRUE}\n"
    assert_nothing_imported(upload(teacher_client, "raro.txt", content), "ni en UTF-8 ni en Windows-1252", "línea 5")


def test_twenty_megabyte_file_is_refused(teacher_client):
    content = b"x" * (20 * 1024 * 1024)
    assert_nothing_imported(upload(teacher_client, "enorme.txt", content), "20,0 MB", "el máximo es 5 MB")


def test_question_with_every_option_wrong_is_named(teacher_client):
    content = "¿Capital?{=Helsinki ~Turku}\n\n::Lugares::¿Capital de Suecia?{~Oslo ~Copenhague}\n".encode()
    assert_nothing_imported(
        upload(teacher_client, "mal.txt", content),
        "línea 3",
        "¿Capital de Suecia?",
        "Todas las opciones son incorrectas",
    )


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("vacio.txt", b"", "vac"),  # Django's own "the submitted file is empty"
        ("binario.txt", b"PK\x03\x04\x00\x00binary", "binario"),
        ("solo-comentarios.txt", b"// nada\n", "ninguna pregunta"),
    ],
)
def test_other_bad_files_are_clear_errors(teacher_client, name, content, message):
    response = upload(teacher_client, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Question.objects.count() == 0


def test_too_many_questions_is_refused(teacher_client):
    content = "\n\n".join(f"¿Pregunta {i}?{{TRUE}}" for i in range(2001)).encode()
    assert_nothing_imported(upload(teacher_client, "muchas.txt", content), "2001 preguntas", "divídalo")


def test_unknown_format_choice_is_a_form_error(teacher_client):
    response = upload(teacher_client, "a.txt", "¿Sí?{TRUE}".encode(), format="pdf")
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert ImportBatch.objects.count() == 0


def test_a_token_that_is_not_a_uuid_is_never_a_500(teacher_client):
    # Not our URL pattern: the admin's catch-all takes it and says that no such question exists.
    response = teacher_client.get(IMPORT + "no-es-un-uuid/", follow=True)
    assert response.status_code == 200
    assert teacher_client.post(IMPORT + "00000000-0000-0000-0000-000000000000/", {}).status_code == 404


def test_missing_file_is_a_form_error(teacher_client):
    response = teacher_client.post(IMPORT, {})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_imported_xml_round_trip_keeps_spanish_and_tolerance():
    document = Document.objects.create(title="Año ñ", text="Texto.")
    question = factories.make_question(
        kind=QuestionKind.NUMERIC, prompt="¿Cuántos?", numeric_value=2.5, numeric_tolerance=0.25, document=document
    )
    items = moodle_xml.loads(moodle_xml.dumps(services.questions_to_data(questions=Question.objects.all()))).items
    assert (items[0].numeric_value, items[0].numeric_tolerance, items[0].document) == (2.5, 0.25, "Año ñ")
    assert question.pk


@pytest.mark.parametrize("n", [3, 60])
def test_confirming_costs_the_same_queries_for_small_and_large_files(teacher, n, django_assert_max_num_queries):
    """A 60-question file must not cost 60× the queries of a 3-question one (bulk inserts, one duplicate check).

    8 queries for 3 questions; SQLite's limit on bound variables splits the 60 questions' INSERTs (questions and
    their 180 options) in two each.
    """
    factories.make_document(title="Guerra de Invierno")
    source = "\n\n".join(
        f"// [tag:documento: Guerra de Invierno]\n¿Pregunta {i}?{{=Sí ~No ~Quizá}}" for i in range(n)
    ).encode()
    fmt, result = services.import_parse(data=source, filename="banco.txt")
    batch = services.import_batch_create(user=teacher, fmt=fmt, filename="banco.txt", result=result)
    with django_assert_max_num_queries(10):
        created = services.import_batch_confirm(batch=batch, user=teacher)
    assert len(created) == n
    assert Question.objects.filter(document__title="Guerra de Invierno", choices__text="Quizá").count() == n
