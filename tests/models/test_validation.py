"""Validation in one place: the question rules and the document text limit, and every way in that uses them."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from quizzes.interop.schema import ChoiceData, QuestionData
from quizzes.interop.schema import validate as validate_import
from quizzes.models import (
    MAX_DOCUMENT_BYTES,
    Document,
    Question,
    validate_accepted,
    validate_choices,
    validate_document_text,
    validate_question,
    validate_question_parts,
)
from quizzes.services import generation
from quizzes.services.content import question_problems
from tests import factories
from tests.admin.test_admin import document_post, question_post


@pytest.fixture(autouse=True)
def spanish():
    with translation.override("es"):
        yield


def codes(exc: ValidationError):
    if hasattr(exc, "error_dict"):
        return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}
    return [e.code for e in exc.error_list]


def refused(check, **kwargs):
    with pytest.raises(ValidationError) as exc:
        check(**kwargs)
    return exc.value


# ---------------------------------------------------------------- the question's own fields (by field)

FIELDS = {"prompt": "¿Año?", "correct_bool": None, "numeric_value": None, "tolerance": None}


@pytest.mark.parametrize(
    ("kind", "fields", "expected"),
    [
        ("true_false", {}, {"correct_bool": ["true_false_answer"]}),
        ("numeric", {}, {"numeric_value": ["numeric_value"]}),
        ("numeric", {"numeric_value": 1939, "tolerance": -0.5}, {"numeric_tolerance": ["numeric_tolerance"]}),
        ("short_answer", {"prompt": " \n\t"}, {"prompt": ["empty_prompt"]}),
        (
            "numeric",
            {"prompt": "", "tolerance": -1},
            {
                "prompt": ["empty_prompt"],
                "numeric_value": ["numeric_value"],
                "numeric_tolerance": ["numeric_tolerance"],
            },
        ),
    ],
)
def test_question_fields_are_checked_by_field(kind, fields, expected):
    assert codes(refused(validate_question, kind=kind, **{**FIELDS, **fields})) == expected


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        ("true_false", {"correct_bool": False}),
        ("numeric", {"numeric_value": 0.0, "tolerance": 0.0}),
        ("numeric", {"numeric_value": -43.5}),  # no tolerance: exact
        ("short_answer", {"prompt": None}),  # a form reports a missing prompt itself
        ("single_choice", {"correct_bool": True, "numeric_value": 3.0}),  # other kinds' fields are not its business
    ],
)
def test_question_fields_that_fit_their_kind_pass(kind, fields):
    validate_question(kind=kind, **{**FIELDS, **fields})


# ---------------------------------------------------------------- options and accepted answers


@pytest.mark.parametrize(
    ("kind", "choices", "expected"),
    [
        ("single_choice", [("1939", True)], ["few_choices"]),
        ("single_choice", [("1939", True), ("1940", True)], ["single_correct"]),
        ("single_choice", [("Finlandia", True), (" finlandia ", False)], ["duplicate_choices"]),
        ("multiple_choice", [("Salla", True), ("Petsamo", True)], ["multiple_correct_and_wrong"]),
        ("multiple_choice", [("Salla", False), ("Madrid", False)], ["multiple_correct_and_wrong"]),
        ("ordering", [("a", False), ("b", False)], ["ordering_three"]),
        ("true_false", [("Verdadero", True)], ["choices_unused"]),
        ("numeric", [("1939", True)], ["choices_unused"]),
        ("short_answer", [("URSS", True)], ["choices_unused"]),
    ],
)
def test_options_that_do_not_fit_the_kind_are_refused(kind, choices, expected):
    assert codes(refused(validate_choices, kind=kind, choices=choices)) == expected


def test_ordering_items_ignore_is_correct():
    validate_choices(kind="ordering", choices=[("Mainila", True), ("Invasión", False), ("Paz de Moscú", True)])


def test_unused_options_name_the_kind():
    assert refused(validate_choices, kind="numeric", choices=[("1", False)]).messages == [
        "Las preguntas de tipo «Numérica» no usan opciones: borre las opciones."
    ]


@pytest.mark.parametrize(
    ("kind", "accepted", "expected"),
    [
        ("short_answer", [], ["short_answer_accepted"]),
        ("short_answer", ["  "], ["short_answer_accepted"]),
        ("single_choice", ["URSS"], ["accepted_unused"]),
    ],
)
def test_accepted_answers_only_for_short_answers(kind, accepted, expected):
    assert codes(refused(validate_accepted, kind=kind, accepted=accepted)) == expected


def test_a_whole_question_lists_every_problem_once():
    exc = refused(
        validate_question_parts,
        kind="single_choice",
        prompt="  ",
        choices=[("a", True), ("A", True)],
        accepted=["x"],
        correct_bool=None,
        numeric_value=None,
        tolerance=None,
    )
    assert codes(exc) == ["empty_prompt", "duplicate_choices", "single_correct", "accepted_unused"]


# ---------------------------------------------------------------- the same rule from every way in


@pytest.mark.django_db
def test_a_negative_tolerance_gets_the_same_message_everywhere(admin_client):
    message = "La tolerancia no puede ser negativa."
    # the model
    question = Question(kind="numeric", prompt="¿Año?", numeric_value=1939, numeric_tolerance=-1)
    with pytest.raises(ValidationError) as exc:
        question.full_clean()
    assert message in exc.value.message_dict["numeric_tolerance"]
    # the admin's form, next to the field
    response = admin_client.post(
        reverse("admin:quizzes_question_add"), question_post("numeric", numeric_value="1939", numeric_tolerance="-1")
    )
    assert response.context["adminform"].form.errors["numeric_tolerance"] == [message]
    # the publishing service (the database refuses to store it, so the question is changed in memory)
    stored = factories.make_question(kind="numeric", numeric_value=1939, numeric_tolerance=0)
    stored.numeric_tolerance = -1
    assert question_problems(question=stored) == [message]
    # the import
    item = QuestionData(kind="numeric", prompt="¿Año?", numeric_value=1939, numeric_tolerance=-1)
    assert message in validate_import(item)


@pytest.mark.django_db
def test_an_unused_option_is_refused_by_the_admin_and_the_import(admin_client):
    response = admin_client.post(
        reverse("admin:quizzes_question_add"), question_post("true_false", correct_bool="true", choices=[("x", True)])
    )
    assert response.status_code == 200
    assert not Question.objects.exists()
    message = "Las preguntas de tipo «Verdadero o falso» no usan opciones: borre las opciones."
    assert message in response.context["inline_admin_formsets"][0].formset.non_form_errors()
    item = QuestionData(kind="true_false", prompt="¿Sí?", correct_bool=True, choices=[ChoiceData("x", True)])
    assert message in validate_import(item)


# ---------------------------------------------------------------- the document text limit


def test_the_limit_is_in_bytes_of_utf8():
    validate_document_text("a" * MAX_DOCUMENT_BYTES)
    validate_document_text("ñ" * (MAX_DOCUMENT_BYTES // 2))  # two bytes each
    for text in ("a" * (MAX_DOCUMENT_BYTES + 1), "ñ" * (MAX_DOCUMENT_BYTES // 2 + 1)):
        assert refused(validate_document_text, text=text).messages == [
            "El texto es demasiado largo: ocupa 1,0 MB y el máximo es 1 MB."
        ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        (" \n\t ", "empty"),
        ("Finlandia\x00 es un país.", "binary"),
        ("Finlandia" + "\x01\x02\x03" * 3, "binary"),
    ],
)
def test_a_document_text_must_be_text(text, code):
    assert refused(validate_document_text, text=text).code == code


def test_pasted_line_and_page_breaks_are_text():
    validate_document_text("Primera línea\x0bsegunda línea (Word)\x0cotra página\r\n\t" * 10)


OVER = ("Finlandia es un país. " * (MAX_DOCUMENT_BYTES // 23 + 1)).encode()


@pytest.mark.django_db
def test_one_limit_for_the_admin_the_service_and_the_command(admin_client, tmp_path):
    assert len(OVER) > MAX_DOCUMENT_BYTES
    response = admin_client.post(reverse("admin:quizzes_document_add"), document_post(text=OVER.decode()))
    assert "el máximo es 1 MB" in str(response.context["adminform"].form.errors["text"])
    upload = SimpleUploadedFile("largo.txt", OVER)
    response = admin_client.post(reverse("admin:quizzes_document_add"), document_post(upload=upload))
    assert "el máximo es 1 MB" in str(response.context["adminform"].form.errors["upload"])
    with pytest.raises(ValidationError, match="el máximo es 1 MB"):
        generation.document_import(text=OVER.decode(), title="Largo")
    path = tmp_path / "largo.txt"
    path.write_bytes(OVER)
    with pytest.raises(CommandError, match="el máximo es 1 MB"):
        call_command("generate_questions", str(path), stdout=io.StringIO())
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_an_uploaded_document_at_the_limit_is_accepted(admin_client):
    text = "Finlandia es un país. " * ((MAX_DOCUMENT_BYTES - 3) // 23)  # 23 bytes each («í» takes two)
    upload = SimpleUploadedFile("justo.txt", b"\xef\xbb\xbf" + text.encode())  # with a BOM: 3 bytes more
    response = admin_client.post(reverse("admin:quizzes_document_add"), document_post(upload=upload))
    assert response.status_code == 302
    assert Document.objects.get().text == text.strip()
