"""Every URL against every role (OWASP access control): anonymous, student, other student, teacher, other teacher,
superuser.

MATRIX declares, per URL name, how to build its kwargs (and POST data) from a small world of objects owned by
"student" and "teacher", and the expected status per role. test_every_url_pattern_is_in_the_matrix walks
get_resolver() and fails when a URL has no entry: a new page must say who may see it. Admin URLs are covered as a
group (a sample of them below, every model in tests/admin/test_admin.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from quizzes.models import Document, Status
from quizzes.services import attempts as attempt_services
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "student", "other_student", "teacher", "other_teacher", "superuser"]
LOGIN = 302  # anonymous users are sent to the login page


def per_role(anonymous, student, other_student, teacher, other_teacher, superuser) -> dict[str, int]:
    return dict(zip(ROLES, (anonymous, student, other_student, teacher, other_teacher, superuser), strict=True))


# Common shapes: who may see a page.
EVERYONE = per_role(200, 200, 200, 200, 200, 200)
LOGGED_IN = per_role(LOGIN, 200, 200, 200, 200, 200)
OWNER_ONLY = per_role(LOGIN, 200, 404, 404, 404, 404)  # the student's own attempt: anybody else gets a 404
TEACHING = per_role(LOGIN, 403, 403, 200, 404, 200)  # the teacher's class: another teacher gets a 404
TEACHERS = per_role(LOGIN, 403, 403, 200, 200, 200)


class World:
    """The objects every matrix check runs against (made fresh for each test)."""

    def __init__(self):
        self.student = factories.make_student(username="estudiante")
        self.other_student = factories.make_student(username="otro_estudiante")
        self.teacher = factories.make_teacher(username="docente")
        self.other_teacher = factories.make_teacher(username="otro_docente")
        self.superuser = factories.make_user(username="raiz", is_staff=True, is_superuser=True)
        self.document = factories.make_document(is_published=True)
        self.sentence = factories.make_sentence(document=self.document)
        self.question = factories.make_question(document=self.document)
        self.quiz = factories.make_quiz(n_questions=2, document=self.document)
        self.other_quiz = factories.make_quiz(n_questions=1)
        self.classroom = factories.make_classroom(teachers=[self.teacher], students=[self.student])
        self.other_classroom = factories.make_classroom(teachers=[self.other_teacher], students=[self.other_student])
        self.assignment = factories.make_assignment(classroom=self.classroom, quiz=self.quiz)
        factories.make_assignment(classroom=self.other_classroom, quiz=self.quiz)
        self.done = factories.make_attempt(user=self.student, quiz=self.quiz, fractions=[1.0, 0.0])
        self.open = attempt_services.attempt_start(user=self.student, quiz=self.quiz)
        self.open_response = self.open.responses.get(slot=1)
        self.card = factories.make_student_card(user=self.student)
        self.review = factories.make_review(student_card=self.card)
        self.own_document = factories.make_document(created_by=self.teacher)

    def user(self, role: str):
        return None if role == "anonymous" else getattr(self, role)


@dataclass
class Entry:
    expect: dict[str, int]
    kwargs: Callable[[World], dict] = lambda w: {}
    method: str = "get"
    data: Callable[[World], dict] = lambda w: {}
    query: str = ""
    note: str = ""
    extra: dict = field(default_factory=dict)


def _reset_kwargs(w: World) -> dict:
    return {"uidb64": urlsafe_base64_encode(force_bytes(w.student.pk)), "token": "set-password"}


MATRIX: dict[str, Entry] = {
    # Accounts (django.contrib.auth.urls)
    "login": Entry(EVERYONE),
    "logout": Entry(per_role(302, 302, 302, 302, 302, 302), method="post"),
    "password_change": Entry(LOGGED_IN),
    "password_change_done": Entry(LOGGED_IN),
    "password_reset": Entry(EVERYONE),
    "password_reset_done": Entry(EVERYONE),
    "password_reset_confirm": Entry(EVERYONE, kwargs=_reset_kwargs, note="an invalid link: a page that says so"),
    "password_reset_complete": Entry(EVERYONE),
    # The language switch (Django's set_language, also saving the choice on a logged-in user): back to the page it
    # was used on (here the login page)
    "set_language": Entry(
        per_role(302, 302, 302, 302, 302, 302),
        method="post",
        data=lambda w: {"language": "en", "next": reverse("login")},
    ),
    # Operations
    "quizzes:healthz": Entry(EVERYONE),
    "favicon": Entry(per_role(301, 301, 301, 301, 301, 301), note="to the app's icon"),
    # Home, reading, authoring preview
    "quizzes:home": Entry(LOGGED_IN),
    "quizzes:document_read": Entry(LOGGED_IN, kwargs=lambda w: {"pk": w.document.pk}, query="?s=0"),
    "quizzes:question_preview": Entry(TEACHERS, kwargs=lambda w: {"pk": w.question.pk}),
    # Quizzes (the student's own attempts)
    "quizzes:quiz_detail": Entry(LOGGED_IN, kwargs=lambda w: {"pk": w.quiz.pk}),
    "quizzes:quiz_start": Entry(
        per_role(LOGIN, 302, 302, 302, 302, 302), kwargs=lambda w: {"pk": w.quiz.pk}, method="post"
    ),
    "quizzes:attempt_resume": Entry(per_role(LOGIN, 302, 404, 404, 404, 404), kwargs=lambda w: {"pk": w.open.pk}),
    "quizzes:attempt_question": Entry(OWNER_ONLY, kwargs=lambda w: {"pk": w.open.pk, "slot": 1}),
    "quizzes:attempt_autosave": Entry(
        per_role(LOGIN, 200, 404, 404, 404, 404),
        kwargs=lambda w: {"pk": w.open.pk, "slot": 1},
        method="post",
        data=lambda w: {"token": attempt_services.response_token(w.open_response)},
        note="JSON for attempt.js; no answer in the body, so nothing is saved",
    ),
    "quizzes:attempt_review": Entry(OWNER_ONLY, kwargs=lambda w: {"pk": w.open.pk}),
    "quizzes:attempt_submit": Entry(
        per_role(LOGIN, 302, 404, 404, 404, 404), kwargs=lambda w: {"pk": w.open.pk}, method="post"
    ),
    "quizzes:attempt_result": Entry(OWNER_ONLY, kwargs=lambda w: {"pk": w.done.pk}),
    "quizzes:progress": Entry(LOGGED_IN),
    # Flashcards (always the user's own)
    "quizzes:cards_review": Entry(LOGGED_IN),
    "quizzes:cards_stats": Entry(LOGGED_IN),
    "quizzes:cards_settings": Entry(LOGGED_IN),
    "two_factor_setup": Entry(per_role(LOGIN, 403, 403, 200, 200, 200), note="staff only"),
    "two_factor_verify": Entry(LOGGED_IN),
    "signup": Entry(per_role(404, 404, 404, 404, 404, 404), note="open sign-up is off by default"),
    # Classes: anyone may join (an anonymous visitor signs up there); teachers see the classes they teach, another
    # teacher's class is a 404
    "quizzes:join": Entry(EVERYONE),
    "quizzes:join_link": Entry(EVERYONE, kwargs=lambda w: {"code": w.classroom.join_code}),
    "quizzes:teacher_classes": Entry(TEACHERS),
    "quizzes:teacher_class": Entry(TEACHING, kwargs=lambda w: {"pk": w.classroom.pk}),
    "quizzes:teacher_class_csv": Entry(TEACHING, kwargs=lambda w: {"pk": w.classroom.pk}),
    "quizzes:teacher_class_xlsx": Entry(TEACHING, kwargs=lambda w: {"pk": w.classroom.pk}),
    "quizzes:teacher_class_new_code": Entry(
        per_role(LOGIN, 403, 403, 302, 404, 302), kwargs=lambda w: {"pk": w.classroom.pk}, method="post"
    ),
    "quizzes:teacher_assign": Entry(
        per_role(LOGIN, 403, 403, 302, 404, 302),
        kwargs=lambda w: {"pk": w.classroom.pk},
        method="post",
        data=lambda w: {"quiz": w.other_quiz.pk},
    ),
    "quizzes:documents": Entry(LOGGED_IN),
    "quizzes:teacher_assignment_dates": Entry(
        TEACHING, kwargs=lambda w: {"pk": w.classroom.pk, "assignment_id": w.assignment.pk}
    ),
    "quizzes:teacher_assignment_delete": Entry(
        per_role(LOGIN, 403, 403, 302, 404, 302),
        kwargs=lambda w: {"pk": w.classroom.pk, "assignment_id": w.assignment.pk},
        method="post",
    ),
    "quizzes:teacher_student": Entry(TEACHING, kwargs=lambda w: {"pk": w.classroom.pk, "student_id": w.student.pk}),
    "quizzes:teacher_remove_student": Entry(
        per_role(LOGIN, 403, 403, 302, 404, 302),
        kwargs=lambda w: {"pk": w.classroom.pk, "student_id": w.student.pk},
        method="post",
    ),
    "quizzes:teacher_item_analysis": Entry(TEACHING, kwargs=lambda w: {"pk": w.classroom.pk, "quiz_id": w.quiz.pk}),
    "quizzes:teacher_item_analysis_csv": Entry(TEACHING, kwargs=lambda w: {"pk": w.classroom.pk, "quiz_id": w.quiz.pk}),
    "quizzes:teacher_item_analysis_xlsx": Entry(
        TEACHING, kwargs=lambda w: {"pk": w.classroom.pk, "quiz_id": w.quiz.pk}
    ),
    "quizzes:teacher_mastery": Entry(TEACHING, kwargs=lambda w: {"pk": w.classroom.pk}),
    # Teachers adding students and resetting passwords: only in their own class
    "quizzes:teacher_roster": Entry(TEACHING, kwargs=lambda w: {"pk": w.classroom.pk}),
    "quizzes:teacher_add_student": Entry(
        per_role(LOGIN, 403, 403, 200, 404, 200),
        kwargs=lambda w: {"pk": w.classroom.pk},
        method="post",
        data=lambda w: {"first_name": "Nuevo", "last_name": "Estudiante"},
        note="200: the page of login slips",
    ),
    "quizzes:teacher_reset_password": Entry(
        per_role(LOGIN, 403, 403, 200, 404, 200),
        kwargs=lambda w: {"pk": w.classroom.pk, "student_id": w.student.pk},
        method="post",
        note="200: the slip with the new one-time password",
    ),
}

# The admin, as a group: teachers author content but do not manage accounts; students never get in.
ADMIN_SAMPLE: dict[str, Entry] = {
    "admin:index": Entry(per_role(302, 302, 302, 200, 200, 200)),
    "admin:login": Entry(per_role(200, 200, 200, 302, 302, 302)),
    "admin:quizzes_question_changelist": Entry(per_role(302, 302, 302, 200, 200, 200)),
    "admin:quizzes_question_add": Entry(per_role(302, 302, 302, 200, 200, 200)),
    "admin:quizzes_question_change": Entry(
        per_role(302, 302, 302, 200, 200, 200), kwargs=lambda w: {"object_id": w.question.pk}
    ),
    "admin:quizzes_quiz_changelist": Entry(per_role(302, 302, 302, 200, 200, 200)),
    "admin:quizzes_user_changelist": Entry(per_role(302, 302, 302, 200, 200, 200)),
    "admin:quizzes_user_add": Entry(per_role(302, 302, 302, 403, 403, 200)),
    "admin:auth_group_changelist": Entry(per_role(302, 302, 302, 403, 403, 200)),
    "admin:quizzes_attempt_changelist": Entry(per_role(302, 302, 302, 200, 200, 200)),
    "admin:quizzes_question_import": Entry(per_role(302, 302, 302, 200, 200, 200)),
    "admin:quizzes_flashcard_import": Entry(per_role(302, 302, 302, 200, 200, 200)),
}


# Admin pages of one object, with objects of the teacher's class: the other teacher must not open what is private
# (the admin answers a row outside her queryset with a redirect to its index, 302) and reads shared content only.
PRIVATE = per_role(302, 302, 302, 200, 302, 200)
READABLE = per_role(302, 302, 302, 200, 200, 200)
ADMIN_OBJECTS: list[tuple[str, Callable[[World], object], dict[str, int]]] = [
    ("admin:quizzes_attempt_change", lambda w: w.done, PRIVATE),
    ("admin:quizzes_attempt_history", lambda w: w.done, PRIVATE),
    ("admin:quizzes_studentcard_change", lambda w: w.card, PRIVATE),
    ("admin:quizzes_review_change", lambda w: w.review, PRIVATE),
    ("admin:quizzes_classroom_change", lambda w: w.classroom, PRIVATE),
    ("admin:quizzes_classroom_delete", lambda w: w.classroom, PRIVATE),
    ("admin:quizzes_user_change", lambda w: w.student, PRIVATE),
    ("admin:quizzes_user_change", lambda w: w.superuser, per_role(302, 302, 302, 302, 302, 200)),
    ("admin:quizzes_user_change", lambda w: w.other_teacher, per_role(302, 302, 302, 302, 200, 200)),
    ("admin:auth_user_password_change", lambda w: w.student, per_role(302, 302, 302, 403, 403, 200)),
    ("admin:quizzes_document_change", lambda w: w.own_document, READABLE),
    ("admin:quizzes_document_delete", lambda w: w.own_document, per_role(302, 302, 302, 200, 403, 200)),
    ("admin:quizzes_question_change", lambda w: w.question, READABLE),
    ("admin:quizzes_quiz_change", lambda w: w.quiz, READABLE),
]


def url_names() -> list[str]:
    """Every URL pattern by name, namespaced ("quizzes:home", "admin:index"); an unnamed one as "<ns>:?<route>"."""

    def walk(patterns, namespace: str, prefix: str):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, ns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield f"{namespace}{pattern.name}" if pattern.name else f"{namespace}?{prefix}{pattern.pattern}"

    return sorted(set(walk(get_resolver().url_patterns, "", "")))


def test_every_url_pattern_is_in_the_matrix():
    names = url_names()
    missing = [n for n in names if n not in MATRIX and not n.startswith("admin:")]
    assert not missing, (
        "These URLs have no entry in tests/views/test_access_matrix.py MATRIX (say who may see them): "
        + ", ".join(missing)
    )
    stale = [n for n in [*MATRIX, *ADMIN_SAMPLE] if n not in names]
    assert not stale, "MATRIX entries for URLs that no longer exist: " + ", ".join(stale)


def request_as(client, world: World, role: str, name: str, entry: Entry):
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    url = reverse(name, kwargs=entry.kwargs(world)) + entry.query
    if entry.method == "post":
        return client.post(url, entry.data(world))
    return client.get(url)


CASES = [(name, role) for name in MATRIX for role in ROLES]


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n}-{r}" for n, r in CASES])
def test_access(client, name, role):
    world = World()
    entry = MATRIX[name]
    response = request_as(client, world, role, name, entry)
    assert response.status_code == entry.expect[role], f"{name} as {role}: {response.status_code}"
    if role == "anonymous" and entry.expect[role] == LOGIN:
        assert response["Location"].startswith(reverse("login"))


ADMIN_CASES = [(name, role) for name in ADMIN_SAMPLE for role in ROLES]


@pytest.mark.parametrize(("name", "role"), ADMIN_CASES, ids=[f"{n}-{r}" for n, r in ADMIN_CASES])
def test_admin_access(client, name, role):
    world = World()
    entry = ADMIN_SAMPLE[name]
    response = request_as(client, world, role, name, entry)
    assert response.status_code == entry.expect[role], f"{name} as {role}: {response.status_code}"


OBJECT_CASES = [(i, role) for i in range(len(ADMIN_OBJECTS)) for role in ROLES]


@pytest.mark.parametrize(
    ("index", "role"), OBJECT_CASES, ids=[f"{ADMIN_OBJECTS[i][0]}-{i}-{r}" for i, r in OBJECT_CASES]
)
def test_admin_object_access(client, index, role):
    world = World()
    name, get_obj, expect = ADMIN_OBJECTS[index]
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    pk = get_obj(world).pk
    kwargs = {"id": pk} if name.endswith("password_change") else {"object_id": pk}
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == expect[role], f"{name} as {role}: {response.status_code}"


def _admin_urls_without_arguments() -> list[str]:
    from django.urls import NoReverseMatch

    names = []
    for name in url_names():
        if name.startswith("admin:") and "?" not in name:
            try:
                reverse(name)
            except NoReverseMatch:
                continue
            names.append(name)
    return names


@pytest.mark.parametrize("name", _admin_urls_without_arguments())
def test_every_admin_page_as_every_role(client, name):
    """Every admin page without an argument: students never get in; nobody gets a 500."""
    world = World()
    for role in ROLES:
        client.logout()
        user = world.user(role)
        if user is not None:
            client.force_login(user)
        status = client.get(reverse(name)).status_code
        if name in ("admin:login", "admin:logout"):
            assert status < 500, (name, role)
        elif role in ("anonymous", "student", "other_student"):
            assert status == 302, (name, role, status)
        else:  # 403: an admin without an add page (attempts, reviews), or not for teachers (groups, sign-in logs)
            assert status in (200, 302, 403), (name, role, status)


def test_a_real_password_reset_link_works_for_its_user_only(client):
    """The matrix uses an invalid reset link; the valid one is checked here once."""
    world = World()
    uid = urlsafe_base64_encode(force_bytes(world.student.pk))
    token = default_token_generator.make_token(world.student)
    response = client.get(reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token}), follow=True)
    assert response.status_code == 200
    assert response.context["validlink"] is True


def test_world_is_what_the_matrix_assumes():
    world = World()
    assert world.open.state == "in_progress" and world.done.state == "submitted"
    assert world.quiz.status == Status.PUBLISHED
    assert Document.objects.filter(pk=world.document.pk, is_published=True).exists()
    assert world.done.submitted_at <= timezone.now()
