"""Admin authoring: every ModelAdmin opens; each validation rule is refused with a clear message, never a 500."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains

from quizzes.models import Choice, Document, Question, Quiz, Status
from quizzes.permissions import teacher_codenames
from tests import factories

pytestmark = pytest.mark.django_db

MODEL_ADMINS = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label == "quizzes"
)


@pytest.fixture
def content(db):
    """One object of every model, so that every change page has something to open."""
    from django.utils import timezone

    from quizzes.models import Assignment, Attempt, Flashcard, Response, Review, StudentCard

    student = factories.make_student()
    fact = factories.make_fact()
    question = factories.make_question(document=fact.document, fact=fact, sentence=fact.sentence)
    quiz = factories.make_quiz(questions=[question], document=fact.document)
    classroom = factories.make_classroom(students=[student])
    Assignment.objects.create(classroom=classroom, quiz=quiz)
    attempt = Attempt.objects.create(user=student, quiz=quiz, number=1, started_at=timezone.now())
    Response.objects.create(attempt=attempt, question=question, slot=1, max_points=1)
    card = Flashcard.objects.create(document=fact.document, fact=fact, front="_____ es un país.", back="Finlandia")
    state = StudentCard.objects.create(user=student, card=card, due=timezone.now())
    Review.objects.create(
        student_card=state,
        user=student,
        rating=3,
        reviewed_at=timezone.now(),
        state_before=0,
        interval_after=timezone.timedelta(minutes=10),
    )


@pytest.mark.parametrize(("app_label", "model_name"), MODEL_ADMINS)
def test_every_model_admin_opens(admin_client, content, app_label, model_name):
    changelist = reverse(f"admin:{app_label}_{model_name}_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "Finlandia ñ ¿"}).status_code == 200
    model = next(m for m in admin.site._registry if m._meta.model_name == model_name)
    model_admin = admin.site._registry[model]
    add_status = admin_client.get(reverse(f"admin:{app_label}_{model_name}_add")).status_code
    assert add_status == (200 if model_admin.has_add_permission(_FakeRequest()) else 403)
    obj = model.objects.first()
    assert obj is not None, f"the fixture made no {model_name}"
    assert admin_client.get(reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk])).status_code == 200


class _FakeRequest:
    class user:  # noqa: N801 - a stand-in for request.user in has_add_permission
        is_active = is_staff = is_superuser = True

        @staticmethod
        def has_perm(perm, obj=None):
            return True


# ---------------------------------------------------------------- question validation


def question_post(kind: str, *, choices=(), accepted=(), **fields) -> dict:
    data = {
        "kind": kind,
        "prompt": fields.pop("prompt", "¿En qué año empezó la guerra?"),
        "explanation": "",
        "status": "draft",
        "unit": "",
        "review_note": "",
        "choices-TOTAL_FORMS": str(len(choices)),
        "choices-INITIAL_FORMS": "0",
        "accepted_answers-TOTAL_FORMS": str(len(accepted)),
        "accepted_answers-INITIAL_FORMS": "0",
    }
    for i, (text, correct) in enumerate(choices):
        data[f"choices-{i}-text"] = text
        data[f"choices-{i}-position"] = str(i + 1)
        if correct:
            data[f"choices-{i}-is_correct"] = "on"
    for i, text in enumerate(accepted):
        data[f"accepted_answers-{i}-text"] = text
    data.update({k: v for k, v in fields.items() if v is not None})
    return data


INVALID = [
    (
        "single_choice",
        {"choices": [("1939", True), ("1940", True), ("1941", False)]},
        "exactamente una opción correcta",
    ),
    ("single_choice", {"choices": [("1939", False), ("1940", False)]}, "exactamente una opción correcta"),
    (
        "multiple_choice",
        {"choices": [("Salla", True), ("Petsamo", True)]},
        "al menos una opción correcta y una incorrecta",
    ),
    (
        "multiple_choice",
        {"choices": [("Salla", False), ("Madrid", False)]},
        "al menos una opción correcta y una incorrecta",
    ),
    ("true_false", {}, "verdadera o falsa"),
    ("ordering", {"choices": [("a", False), ("b", False)]}, "al menos tres elementos"),
    ("numeric", {"numeric_value": "1939", "numeric_tolerance": "-1"}, "no puede ser negativa"),
    ("numeric", {}, "Indique el valor correcto"),
    ("short_answer", {}, "al menos una respuesta aceptada"),
    ("short_answer", {"accepted": ["URSS"], "prompt": "   "}, "Este campo es obligatorio"),
    ("single_choice", {"choices": [("Finlandia", True), ("finlandia", False)]}, "opciones repetidas"),
    ("true_false", {"correct_bool": "true", "choices": [("x", True)]}, "no usan opciones"),
]


@pytest.mark.parametrize(("kind", "parts", "message"), INVALID)
def test_admin_refuses_invalid_questions_with_a_clear_message(admin_client, kind, parts, message):
    response = admin_client.post(reverse("admin:quizzes_question_add"), question_post(kind, **parts))
    assert response.status_code == 200  # the form again, with the error next to the field
    assertContains(response, message)
    assert not Question.objects.exists()


VALID = [
    ("single_choice", {"choices": [("1939", True), ("1940", False), ("1941", False), ("1938", False)]}),
    ("multiple_choice", {"choices": [("Salla", True), ("Petsamo", True), ("Madrid", False)]}),
    ("true_false", {"correct_bool": "false"}),
    ("short_answer", {"accepted": ["Unión Soviética", "URSS"]}),
    ("numeric", {"numeric_value": "1939", "numeric_tolerance": "0", "unit": "año"}),
    ("ordering", {"choices": [("Invasión", False), ("Tratado", False), ("Barbarroja", False)]}),
]


@pytest.mark.parametrize(("kind", "parts"), VALID)
def test_teacher_authors_a_question_of_every_kind(client, kind, parts):
    teacher = factories.make_teacher()
    client.force_login(teacher)
    response = client.post(reverse("admin:quizzes_question_add"), question_post(kind, **parts))
    assert response.status_code == 302, response.context["errors"] if response.context else response
    question = Question.objects.get()
    assert question.kind == kind
    assert question.created_by == teacher
    assert question.origin == "authored"


def test_editing_a_generated_question_marks_it_teacher_edited(admin_client):
    question = factories.make_question(kind="short_answer", origin="generated", status="draft", key="k")
    data = question_post("short_answer", accepted=["Unión Soviética"], prompt="¿Qué país invadió Finlandia?")
    data["accepted_answers-TOTAL_FORMS"] = "0"
    answers = list(question.accepted_answers.all())
    data["accepted_answers-TOTAL_FORMS"] = str(len(answers))
    data["accepted_answers-INITIAL_FORMS"] = str(len(answers))
    for i, answer in enumerate(answers):
        data[f"accepted_answers-{i}-id"] = str(answer.pk)
        data[f"accepted_answers-{i}-question"] = str(question.pk)
        data[f"accepted_answers-{i}-text"] = answer.text
    response = admin_client.post(reverse("admin:quizzes_question_change", args=[question.pk]), data)
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.edited_by_teacher is True


def test_publish_action_skips_invalid_questions(admin_client):
    good = factories.make_question(status="draft")
    bad = factories.make_question(status="draft", choices=[("a", False), ("b", False)])
    response = admin_client.post(
        reverse("admin:quizzes_question_changelist"),
        {"action": "publish", "_selected_action": [good.pk, bad.pk]},
        follow=True,
    )
    assertContains(response, "1 pregunta publicada")
    assertContains(response, "exactamente una opción correcta")
    good.refresh_from_db()
    bad.refresh_from_db()
    assert (good.status, bad.status) == ("published", "draft")


def test_duplicate_action_copies_options_as_a_draft(admin_client):
    question = factories.make_question()
    admin_client.post(
        reverse("admin:quizzes_question_changelist"), {"action": "duplicate", "_selected_action": [question.pk]}
    )
    copy = Question.objects.exclude(pk=question.pk).get()
    assert copy.status == Status.DRAFT
    assert sorted(Choice.objects.filter(question=copy).values_list("text", flat=True)) == sorted(
        question.choices.values_list("text", flat=True)
    )


def test_archive_action(admin_client):
    question = factories.make_question()
    admin_client.post(
        reverse("admin:quizzes_question_changelist"), {"action": "archive", "_selected_action": [question.pk]}
    )
    question.refresh_from_db()
    assert question.status == Status.ARCHIVED


def test_preview_link_renders_the_question_for_a_teacher(teacher_client):
    question = factories.make_question(prompt="¿Qué país invadió Finlandia?")
    url = reverse("quizzes:question_preview", args=[question.pk])
    assertContains(teacher_client.get(url), "¿Qué país invadió Finlandia?")


def test_students_cannot_preview_questions(student_client):
    question = factories.make_question()
    assert student_client.get(reverse("quizzes:question_preview", args=[question.pk])).status_code == 403


# ---------------------------------------------------------------- quizzes


def quiz_post(title: str, status: str, questions) -> dict:
    data = {
        "title": title,
        "description": "",
        "status": status,
        "attempts_allowed": "0",
        "grading_method": "highest",
        "pass_mark": "50",
        "feedback_timing": "after_submit",
        "shuffle_choices": "on",
        "items-TOTAL_FORMS": str(len(questions)),
        "items-INITIAL_FORMS": "0",
    }
    for i, question in enumerate(questions):
        data[f"items-{i}-position"] = str(i + 1)
        data[f"items-{i}-question"] = str(question.pk)
        data[f"items-{i}-points"] = "1"
    return data


def test_quiz_cannot_be_published_with_unpublished_questions(admin_client):
    draft = factories.make_question(status="draft", prompt="Borrador sin revisar")
    response = admin_client.post(reverse("admin:quizzes_quiz_add"), quiz_post("Fechas", "published", [draft]))
    assert response.status_code == 200
    assertContains(response, "no está publicada")
    assert not Quiz.objects.exists()


def test_quiz_with_published_questions_is_published(admin_client):
    question = factories.make_question()
    response = admin_client.post(reverse("admin:quizzes_quiz_add"), quiz_post("Fechas", "published", [question]))
    assert response.status_code == 302
    assert Quiz.objects.get().status == "published"


def test_quiz_publish_action_reports_problems(admin_client):
    quiz = factories.make_quiz(status="draft", questions=[factories.make_question(status="draft")])
    response = admin_client.post(
        reverse("admin:quizzes_quiz_changelist"), {"action": "publish", "_selected_action": [quiz.pk]}, follow=True
    )
    assertContains(response, "no está publicada")
    quiz.refresh_from_db()
    assert quiz.status == "draft"


# ---------------------------------------------------------------- documents


def document_post(title="Texto", text="", upload=None) -> dict:
    data = {
        "title": title,
        "text": text,
        "source": "",
        "licence": "",
        "is_published": "on",
        "sentences-TOTAL_FORMS": "0",
        "sentences-INITIAL_FORMS": "0",
    }
    if upload is not None:
        data["upload"] = upload
    return data


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("vacio.txt", b""), "vac"),
        (SimpleUploadedFile("latin1.txt", "Año de la guerra".encode("latin-1")), "UTF-8"),
        (SimpleUploadedFile("imagen.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binario"),
        (SimpleUploadedFile("grande.txt", b"a" * (1024 * 1024 + 1)), "1 MB"),
    ],
)
def test_bad_document_uploads_get_a_form_error_and_nothing_is_saved(admin_client, upload, message):
    response = admin_client.post(reverse("admin:quizzes_document_add"), document_post(upload=upload))
    assert response.status_code == 200
    assertContains(response, message)
    assert not Document.objects.exists()


def test_empty_pasted_text_is_refused(admin_client):
    response = admin_client.post(reverse("admin:quizzes_document_add"), document_post(text="   "))
    assertContains(response, "Pegue el texto o suba un archivo")
    assert not Document.objects.exists()


def test_document_from_an_uploaded_utf8_file(admin_client):
    upload = SimpleUploadedFile("t.txt", "Finlandia cedió el 9 % de su territorio. ¿Por qué?".encode())
    response = admin_client.post(reverse("admin:quizzes_document_add"), document_post(upload=upload))
    assert response.status_code == 302
    assert Document.objects.get().text.startswith("Finlandia cedió")


# ---------------------------------------------------------------- teachers group


def test_teachers_group_has_exactly_the_authoring_permissions():
    teacher = factories.make_teacher()
    granted = set(Permission.objects.filter(group__user=teacher).values_list("codename", flat=True))
    assert granted == set(teacher_codenames())
    assert teacher.has_perm("quizzes.add_question")
    assert teacher.has_perm("quizzes.change_quiz")
    assert not teacher.has_perm("quizzes.add_user")
    assert not teacher.has_perm("quizzes.change_user")
    assert not teacher.has_perm("auth.change_group")


def test_teacher_cannot_manage_users_in_the_admin(client):
    client.force_login(factories.make_teacher())
    assert client.get(reverse("admin:quizzes_user_add")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert client.get(reverse("admin:quizzes_question_add")).status_code == 200


def test_teacher_sees_only_own_classrooms_in_the_admin(client):
    teacher, other = factories.make_teacher(), factories.make_teacher()
    mine = factories.make_classroom(teachers=[teacher], name="Mía")
    theirs = factories.make_classroom(teachers=[other], name="Ajena")
    client.force_login(teacher)
    response = client.get(reverse("admin:quizzes_classroom_changelist"))
    assertContains(response, mine.name)
    assert theirs.name not in response.content.decode()
    assert client.get(reverse("admin:quizzes_classroom_change", args=[theirs.pk])).status_code == 302


def test_new_code_action_replaces_the_join_code(admin_client):
    classroom = factories.make_classroom()
    old = classroom.join_code
    admin_client.post(
        reverse("admin:quizzes_classroom_changelist"), {"action": "new_code", "_selected_action": [classroom.pk]}
    )
    classroom.refresh_from_db()
    assert classroom.join_code != old


@pytest.mark.parametrize(
    ("typed", "value"), [("23,9", 23.9), ("23.9", 23.9), ("450 000", 450_000), ("1.939", 1939), ("-43,5", -43.5)]
)
def test_question_form_reads_numbers_the_spanish_way(typed, value):
    from quizzes.admin.forms import QuestionForm

    form = QuestionForm(data={"kind": "numeric", "prompt": "¿Cuántos?", "status": "draft", "numeric_value": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["numeric_value"] == value


@pytest.mark.parametrize("typed", ["12abc", "0x20", "1e309", "1.2.3", "x" * 500])
def test_question_form_refuses_what_is_not_a_number(typed):
    from quizzes.admin.forms import QuestionForm

    data = {
        "kind": "numeric",
        "prompt": "¿Cuántos?",
        "status": "draft",
        "numeric_value": "3",
        "numeric_tolerance": typed,
    }
    form = QuestionForm(data=data)
    assert not form.is_valid()
    assert form.errors["numeric_tolerance"] == ["Introduzca un número."]


def test_question_form_shows_numbers_the_spanish_way_without_float_noise():
    from quizzes.admin.forms import QuestionForm

    question = Question(kind="numeric", prompt="¿Cuántos?", numeric_value=2520.7, numeric_tolerance=239 * 0.1)
    form = QuestionForm(instance=question)
    assert 'value="2520,7"' in str(form["numeric_value"])
    assert 'value="23,9"' in str(form["numeric_tolerance"])


def test_the_question_list_shows_published_items_first_then_the_best_drafts_with_why(teacher_client, teacher):
    """After a generation a text has some 150 drafts: the list puts the published ones first, then the drafts the
    generator rates best, and says on each draft what to check, without opening it."""
    document = factories.make_document(created_by=teacher)
    weak = factories.make_question(
        document=document, prompt="Débil _____.", status=Status.DRAFT, quality=0.3, checks={"failed": ["stands_alone"]}
    )
    good = factories.make_question(document=document, prompt="Buena _____.", status=Status.DRAFT, quality=0.9)
    published = factories.make_question(document=document, prompt="Publicada _____.", quality=0.5)
    unrated = factories.make_question(document=document, prompt="Sin nota _____.", status=Status.DRAFT, quality=None)
    archived = factories.make_question(document=document, prompt="Archivada _____.", status=Status.ARCHIVED)
    page = teacher_client.get(reverse("admin:quizzes_question_changelist"), {"document__id__exact": document.pk})
    assert page.status_code == 200
    shown = [q.pk for q in page.context["cl"].result_list]
    assert shown == [published.pk, good.pk, weak.pk, unrated.pk, archived.pk]
    assertContains(page, "El enunciado no se entiende solo")  # the weak draft's first problem, in its row
    # A search reaches choices and accepted answers (SELECT DISTINCT): the same order, on PostgreSQL too.
    page = teacher_client.get(
        reverse("admin:quizzes_question_changelist"), {"document__id__exact": document.pk, "q": "_____"}
    )
    assert page.status_code == 200
    assert [q.pk for q in page.context["cl"].result_list] == [published.pk, good.pk, weak.pk, unrated.pk, archived.pk]
