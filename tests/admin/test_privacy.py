"""Privacy in the admin: a second teacher sees none of the first teacher's students, and edits only her own content.

Two schools' worth of objects: teacher A with a class, a student, attempts, responses, cards, reviews and content of
her own; teacher B (the one logged in) with her own class and student. Every changelist, change form, autocomplete
and action is tried as B; nothing of A's students may show, and A's content is read-only for B.
"""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quizzes.models import (
    Attempt,
    Classroom,
    Document,
    Enrollment,
    Flashcard,
    Question,
    Quiz,
    Response,
    Review,
    Status,
    StudentCard,
    User,
)
from quizzes.permissions import TEACHERS_GROUP
from tests import factories

pytestmark = pytest.mark.django_db

MARK_A = "Zzsecretoa"  # in every name of A's world: it must never appear on B's pages


def _student_world(teacher, name: str):
    student = factories.make_student(username=f"alumno_{name}", first_name=name, email=f"{name}@example.org")
    document = factories.make_document(title=f"Documento {name}", created_by=teacher)
    fact = factories.make_fact(document=document)
    question = factories.make_question(document=document, fact=fact, prompt=f"Pregunta {name}", created_by=teacher)
    quiz = factories.make_quiz(questions=[question], document=document, title=f"Cuestionario {name}")
    Quiz.objects.filter(pk=quiz.pk).update(created_by=teacher)
    classroom = factories.make_classroom(name=f"Clase {name}", teachers=[teacher], students=[student])
    attempt = Attempt.objects.create(user=student, quiz=quiz, number=1, started_at=timezone.now())
    Response.objects.create(attempt=attempt, question=question, slot=1, max_points=1, answer={"text": name})
    card = Flashcard.objects.create(document=document, fact=fact, front=f"_____ {name}", back=name)
    state = StudentCard.objects.create(user=student, card=card, due=timezone.now())
    Review.objects.create(
        student_card=state,
        user=student,
        rating=3,
        reviewed_at=timezone.now(),
        state_before=0,
        interval_after=timezone.timedelta(minutes=10),
    )
    return {
        "student": student,
        "document": document,
        "question": question,
        "quiz": Quiz.objects.get(pk=quiz.pk),
        "classroom": classroom,
        "attempt": attempt,
        "card": card,
        "state": state,
        "review": state.reviews.first(),
        "enrollment": Enrollment.objects.get(classroom=classroom, student=student),
    }


@pytest.fixture
def schools():
    teacher_a = factories.make_teacher(username="docente_a", email="a-secret@example.org")
    teacher_b = factories.make_teacher(username="docente_b")
    superuser = factories.make_user(username="raiz", is_staff=True, is_superuser=True, email="raiz@example.org")
    a = _student_world(teacher_a, MARK_A)
    b = _student_world(teacher_b, "Bbpropio")
    client = Client()
    client.force_login(teacher_b)
    return {"a": a, "b": b, "teacher_a": teacher_a, "teacher_b": teacher_b, "superuser": superuser, "client": client}


QUIZZES_ADMINS = sorted(m._meta.model_name for m in admin.site._registry if m._meta.app_label == "quizzes")


@pytest.mark.parametrize("model_name", QUIZZES_ADMINS)
def test_every_changelist_as_a_second_teacher_shows_no_foreign_student_data(schools, model_name):
    client = schools["client"]
    response = client.get(reverse(f"admin:quizzes_{model_name}_changelist"))
    if response.status_code == 403:
        return  # no view permission at all: nothing shown
    assert response.status_code == 200
    html = response.content.decode()
    a = schools["a"]
    for private in [a["student"].username, f"{MARK_A}@example.org", "a-secret@example.org", "raiz@example.org"]:
        assert private not in html, f"{model_name}: {private} shown to another teacher"
    if model_name == "classroom":
        assert f"Clase {MARK_A}" not in html
    # The changelist's own queryset, without the page's pagination: none of A's students' rows.
    model = next(m for m in admin.site._registry if m._meta.model_name == model_name)
    model_admin = admin.site._registry[model]
    student_field = getattr(model_admin, "student_field", None)
    if student_field:
        request = response.wsgi_request
        rows = model_admin.get_queryset(request)
        assert not rows.filter(**{student_field: a["student"]}).exists()
        assert rows.filter(**{student_field: schools["b"]["student"]}).exists()


FOREIGN_PRIVATE = [
    ("user", "student"),
    ("attempt", "attempt"),
    ("studentcard", "state"),
    ("review", "review"),
    ("classroom", "classroom"),
]


@pytest.mark.parametrize(("model_name", "key"), FOREIGN_PRIVATE)
def test_foreign_private_rows_cannot_be_opened_by_id(schools, model_name, key):
    client = schools["client"]
    obj = schools["a"][key]
    for url in [
        reverse(f"admin:quizzes_{model_name}_change", args=[obj.pk]),
        reverse(f"admin:quizzes_{model_name}_history", args=[obj.pk]),
        reverse(f"admin:quizzes_{model_name}_delete", args=[obj.pk]),
    ]:
        response = client.get(url, follow=True)
        assert MARK_A not in response.content.decode(), url
        assert response.status_code in (200, 403, 404)
    # The own one opens.
    own = schools["b"][key]
    assert client.get(reverse(f"admin:quizzes_{model_name}_change", args=[own.pk])).status_code == 200


def test_the_user_autocomplete_offers_only_own_students(schools):
    client = schools["client"]
    url = reverse("admin:autocomplete")
    params = {"app_label": "quizzes", "model_name": "enrollment", "field_name": "student", "term": "alumno"}
    response = client.get(url, params)
    assert response.status_code == 200
    texts = [r["text"] for r in response.json()["results"]]
    assert any("Bbpropio" in t for t in texts)
    assert not any(MARK_A in t for t in texts)


def test_a_teacher_cannot_enrol_another_teachers_student(schools):
    """Posting the foreign student's id in the class's enrolment inline is refused by the form."""
    client = schools["client"]
    classroom = schools["b"]["classroom"]
    foreign = schools["a"]["student"]
    url = reverse("admin:quizzes_classroom_change", args=[classroom.pk])
    own = schools["b"]["enrollment"]
    data = {
        "name": classroom.name,
        "enrollments-TOTAL_FORMS": "2",
        "enrollments-INITIAL_FORMS": "1",
        "enrollments-0-id": str(own.pk),
        "enrollments-0-classroom": str(classroom.pk),
        "enrollments-0-student": str(own.student_id),
        "enrollments-1-classroom": str(classroom.pk),
        "enrollments-1-student": str(foreign.pk),
        "assignments-TOTAL_FORMS": "0",
        "assignments-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with an error
    assert not Enrollment.objects.filter(classroom=classroom, student=foreign).exists()


def test_a_teacher_cannot_make_herself_teacher_of_another_class_or_add_teachers(schools):
    client = schools["client"]
    classroom = schools["b"]["classroom"]
    url = reverse("admin:quizzes_classroom_change", args=[classroom.pk])
    data = {
        "name": "Renombrada",
        "teachers": [str(schools["teacher_a"].pk), str(schools["teacher_b"].pk)],
        "enrollments-TOTAL_FORMS": "0",
        "enrollments-INITIAL_FORMS": "0",
        "assignments-TOTAL_FORMS": "0",
        "assignments-INITIAL_FORMS": "0",
    }
    client.post(url, data)
    assert list(Classroom.objects.get(pk=classroom.pk).teachers.all()) == [schools["teacher_b"]]


@pytest.mark.parametrize("key", ["document", "question", "quiz"])
def test_foreign_content_is_read_only(schools, key):
    client = schools["client"]
    obj = schools["a"][key]
    url = reverse(f"admin:quizzes_{key}_change", args=[obj.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    assert not response.context["has_delete_permission"]
    assert client.post(url, {"title": "cambiado", "prompt": "cambiado"}).status_code == 403
    delete = client.post(reverse(f"admin:quizzes_{key}_delete", args=[obj.pk]), {"post": "yes"})
    assert delete.status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).exists()
    own = schools["b"][key]
    response = client.get(reverse(f"admin:quizzes_{key}_change", args=[own.pk]))
    assert response.context["has_change_permission"]


def test_shared_content_without_an_owner_is_editable_only_by_a_superuser(schools):
    shared = factories.make_document(title="Compartido")
    assert shared.created_by is None
    url = reverse("admin:quizzes_document_change", args=[shared.pk])
    assert not schools["client"].get(url).context["has_change_permission"]
    root = Client()
    root.force_login(schools["superuser"])
    assert root.get(url).context["has_change_permission"]


def test_bulk_actions_change_only_own_rows_and_duplicate_works_on_shared(schools):
    client = schools["client"]
    foreign = schools["a"]["question"]
    own = schools["b"]["question"]
    url = reverse("admin:quizzes_question_changelist")
    response = client.post(
        url, {"action": "archive", "_selected_action": [foreign.pk, own.pk], "index": "0"}, follow=True
    )
    assert "no es suyo" in response.content.decode()
    foreign.refresh_from_db()
    own.refresh_from_db()
    assert foreign.status == Status.PUBLISHED and own.status == Status.ARCHIVED
    n = Question.objects.count()
    client.post(url, {"action": "duplicate", "_selected_action": [foreign.pk], "index": "0"})
    copy = Question.objects.order_by("-pk").first()
    assert Question.objects.count() == n + 1 and copy.created_by == schools["teacher_b"]
    # select_across: everything in the changelist, still only her own
    client.post(url, {"action": "publish", "_selected_action": [own.pk], "select_across": "1", "index": "0"})
    foreign.refresh_from_db()
    assert foreign.status == Status.PUBLISHED


def test_delete_selected_leaves_foreign_documents(schools):
    client = schools["client"]
    foreign = schools["a"]["document"]
    client.post(
        reverse("admin:quizzes_document_changelist"),
        {"action": "delete_selected", "_selected_action": [foreign.pk], "post": "yes", "index": "0"},
    )
    assert Document.objects.filter(pk=foreign.pk).exists()


def test_the_superuser_creates_a_teacher_in_the_admin(schools):
    root = Client()
    root.force_login(schools["superuser"])
    response = root.post(
        reverse("admin:quizzes_user_add"),
        {
            "role": "teacher",
            "username": "nueva_docente",
            "first_name": "Nueva",
            "last_name": "Docente",
            "email": "",
            "usable_password": "true",
            "password1": "clave-larga-segura-99",
            "password2": "clave-larga-segura-99",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(username="nueva_docente")
    assert user.is_staff and user.is_teacher and not user.is_superuser
    assert user.groups.filter(name=TEACHERS_GROUP).exists()


def test_a_teacher_never_creates_a_teacher(schools):
    client = schools["client"]
    response = client.post(
        reverse("admin:quizzes_user_add"),
        {"role": "teacher", "username": "colega", "password1": "x" * 20, "password2": "x" * 20},
    )
    assert response.status_code == 403
    assert not User.objects.filter(username="colega").exists()


def test_a_teacher_reads_no_permissions_of_her_students(schools):
    client = schools["client"]
    response = client.get(reverse("admin:quizzes_user_change", args=[schools["b"]["student"].pk]))
    assert response.status_code == 200
    assert "is_superuser" not in response.content.decode()


@pytest.mark.parametrize("key", ["document", "question", "quiz"])
def test_the_superuser_hands_content_over_or_shares_it(schools, key):
    root = Client()
    root.force_login(schools["superuser"])
    obj = schools["a"][key]
    url = reverse(f"admin:quizzes_{key}_change", args=[obj.pk])
    response = root.get(url)
    assert 'name="created_by"' in response.content.decode()
    assert 'name="created_by"' not in schools["client"].get(url).content.decode()  # teachers do not see it
    type(obj).objects.filter(pk=obj.pk).update(created_by=schools["teacher_b"])  # what the form's field saves
    assert schools["client"].get(url).context["has_change_permission"]


def test_the_superuser_shares_a_document_through_its_form(schools):
    root = Client()
    root.force_login(schools["superuser"])
    document = schools["a"]["document"]
    url = reverse("admin:quizzes_document_change", args=[document.pk])
    data = {
        "title": document.title,
        "text": document.text,
        "source": "",
        "licence": "",
        "is_published": "on",
        "created_by": "",
        "sentences-TOTAL_FORMS": "0",
        "sentences-INITIAL_FORMS": "0",
    }
    response = root.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    document.refresh_from_db()
    assert document.created_by is None  # shared: every teacher reads it, only the administration edits it
