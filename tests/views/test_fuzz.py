"""Hostile input: every form and POST endpoint (and every page that reads its query string) fuzzed with hypothesis.

Missing and extra fields, huge values, odd unicode (NUL, right-to-left marks, emoji, other scripts' digits), wrong
types, repeated fields and other users' ids. The only property: the server never answers 500 (the test client
re-raises the exception behind a 500, so a failure shows the traceback). Each target runs FUZZ_EXAMPLES examples
(25 by default, fewer for the slow admin pages) against one world of objects, so the whole file takes a minute or
two. The examples are the same on every run; for a longer hunt: FUZZ_RANDOM=1 FUZZ_EXAMPLES=200.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzes.services import attempts as attempt_services
from tests import factories
from tests.views.test_access_matrix import MATRIX, World

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))


def fuzz_settings(examples: int):
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        # The same examples on every run (CI stays reproducible); FUZZ_RANDOM=1 explores new ones.
        derandomize=os.environ.get("FUZZ_RANDOM", "") != "1",
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )


ODD = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "0",
    "-1",
    "1.5",
    "1,5",
    "1e309",
    "NaN",
    "-inf",
    "99999999999999999999999999",
    "２０",
    "٣",
    "null",
    "true",
    "[]",
    '{"a": 1}',
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "\u202eevil",
    "🇫🇮🔥",
    "ÑANDÚ ü",
    "\r\n\t",
    "%00",
    "goto-",
    "goto-99999999999",
    "1.1.1",
    "9" * 40 + "." + "9" * 40,
]

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
huge = st.builds(lambda n, c: c * n, st.sampled_from([5_000, 120_000]), st.sampled_from(["a", "é", "🇫🇮", "\x00", "9"]))
numbers = st.integers(min_value=-(2**70), max_value=2**70).map(str)
hostile = st.one_of(st.sampled_from(ODD), text, numbers, huge)


class FuzzWorld(World):
    """The access-matrix world, plus objects of the other student to aim foreign ids at."""

    def __init__(self):
        super().__init__()
        self.foreign_attempt = attempt_services.attempt_start(user=self.other_student, quiz=self.quiz)
        self.foreign_response = self.foreign_attempt.responses.get(slot=1)
        self.foreign_card = factories.make_student_card(user=self.other_student)
        self.foreign_ids = [
            str(x)
            for x in (
                self.foreign_attempt.pk,
                self.foreign_response.pk,
                self.foreign_card.pk,
                self.other_classroom.pk,
                self.other_quiz.pk,
                self.other_student.pk,
                self.foreign_response.question_id,
                *self.foreign_response.choice_order,
            )
        ]


@dataclass
class Target:
    role: str
    fields: Callable[[FuzzWorld], dict[str, list[str]]]  # field name -> plausible values (mixed with hostile ones)
    kwargs: Callable[[FuzzWorld], dict] | None = None  # default: the access matrix's
    method: str = "post"
    files: tuple[str, ...] = ()  # file fields (random bytes)
    share: float = 1.0  # of FUZZ_EXAMPLES: the admin's pages are slow to render, they get fewer
    note: str = field(default="")


def _matrix_kwargs(name: str) -> Callable[[FuzzWorld], dict]:
    return MATRIX[name].kwargs if name in MATRIX else (lambda w: {})


def _answer_fields(w: FuzzWorld) -> dict[str, list[str]]:
    response = w.open_response
    choices = [str(c) for c in response.choice_order]
    return {
        "token": [attempt_services.response_token(response), f"{response.pk}.99", f"{w.foreign_response.pk}.0"],
        "action": ["next", "prev", "review", "finish", "check", "stay", "timeup", "goto-1", "goto-2"],
        "choice": choices,
        "choices": choices,
        "value": ["true", "false"],
        "text": ["la Unión Soviética", "1939", "1.939,5"],
        **{f"pos-{c}": ["1", "2", "3"] for c in choices},
    }


TARGETS: dict[str, Target] = {
    "login": Target("anonymous", lambda w: {"username": ["estudiante"], "password": [factories.PASSWORD]}),
    "logout": Target("student", lambda w: {}),
    "password_change": Target(
        "student",
        lambda w: {
            "old_password": [factories.PASSWORD],
            "new_password1": ["una-clave-nueva-larga"],
            "new_password2": ["una-clave-nueva-larga"],
        },
    ),
    "password_reset": Target("anonymous", lambda w: {"email": ["estudiante@example.org"]}),
    "password_reset_confirm": Target(
        "anonymous", lambda w: {"new_password1": ["una-clave-nueva-larga"], "new_password2": ["una-clave-nueva-larga"]}
    ),
    "quizzes:quiz_start": Target("student", lambda w: {}),
    "quizzes:attempt_question": Target("student", _answer_fields),
    "quizzes:attempt_autosave": Target("student", _answer_fields),
    "quizzes:attempt_submit": Target("student", lambda w: {}),
    "quizzes:cards_review": Target(
        "student",
        lambda w: {
            "card": [str(w.card.pk)],
            "rating": ["1", "2", "3", "4"],
            "token": ["a" * 32, "f" * 64],
            "reps": ["0", "1"],
            "shown": ["0", "1700000000000"],
            "modo": ["", "escribir"],
            "respuesta": ["Helsinki", "en 1939", "U.R.S.S."],  # without a rating: the typed answer's check
        },
    ),
    "quizzes:cards_settings": Target("student", lambda w: {"daily_new_cards": ["0", "20", "1000"]}),
    "quizzes:join": Target("other_student", lambda w: {"code": [w.classroom.join_code]}),
    "quizzes:join_link": Target("other_student", lambda w: {"code": [w.classroom.join_code]}),
    "quizzes:teacher_classes": Target("teacher", lambda w: {"name": ["4.º ESO C"]}),
    "quizzes:teacher_class_new_code": Target("teacher", lambda w: {}),
    "quizzes:teacher_assign": Target(
        "teacher",
        lambda w: {
            "quiz": [str(w.other_quiz.pk), str(w.quiz.pk)],
            "due_at": ["2030-01-01T10:00", "31/12/2029 23:59"],
            "opens_at": ["2029-01-01"],
            "closes_at": ["2028-01-01T00:00"],
        },
    ),
    "quizzes:teacher_assignment_dates": Target(
        "teacher",
        lambda w: {
            "due_at": ["2030-01-01T10:00", "31/12/2029 23:59", "mañana"],
            "opens_at": ["2029-01-01", ""],
            "closes_at": ["2028-01-01T00:00", "9" * 400],
        },
    ),
    "quizzes:teacher_assignment_delete": Target("teacher", lambda w: {}),
    "quizzes:teacher_remove_student": Target("teacher", lambda w: {}),
    "two_factor_setup": Target("teacher", lambda w: {"token": ["123456", "", "12 34 56"]}),
    "two_factor_verify": Target("teacher", lambda w: {"token": ["123456", ""], "next": ["/", "https://x.example/"]}),
    "signup": Target("anonymous", lambda w: {"username": ["nuevo"]}, note="off by default: a 404 whatever comes"),
    "quizzes:join_link:anonymous": Target(
        "anonymous",
        lambda w: {
            "username": ["nuevo", "estudiante", "a" * 151],
            "first_name": ["Aino", "x" * 300],
            "last_name": ["Virtanen"],
            "email": ["", "aino@example.org", "no"],
            "password1": ["talvisota-1939-k", "1"],
            "password2": ["talvisota-1939-k"],
        },
        note="an anonymous visitor signing up at the join link",
    ),
    "quizzes:teacher_add_student": Target(
        "teacher",
        lambda w: {
            "first_name": ["Ana", "=1+1", "x" * 200],
            "last_name": ["García", ""],
            "username": ["", "estudiante", "otro_estudiante", "docente", "a b"],
            "email": ["", "ana@example.org", "x"],
        },
    ),
    "quizzes:teacher_roster": Target(
        "teacher", lambda w: {"token": ["", "x" * 100, "abc"]}, files=("file",), note="an upload, or a confirmation"
    ),
    "quizzes:teacher_reset_password": Target("teacher", lambda w: {}),
    # Pages that read their query string
    "quizzes:document_read": Target("student", lambda w: {"s": ["0", "1"]}, method="get"),
    "quizzes:cards_review:get": Target(
        "student",
        lambda w: {"mostrar": [str(w.card.pk)], "respuesta": ["Helsinki"], "modo": ["escribir", ""]},
        kwargs=lambda w: {},
        method="get",
    ),
    "quizzes:teacher_item_analysis": Target("teacher", lambda w: {"intentos": ["first", "all", "best"]}, method="get"),
    "quizzes:teacher_item_analysis_csv": Target("teacher", lambda w: {"intentos": ["first", "all"]}, method="get"),
    "quizzes:teacher_mastery": Target("teacher", lambda w: {"documento": [str(w.document.pk)]}, method="get"),
    # Admin forms: authoring a question, the bulk actions, the import upload
    "admin:quizzes_question_add": Target(
        "teacher",
        lambda w: {
            "kind": ["single_choice", "numeric", "ordering"],
            "prompt": ["¿Cuándo empezó la guerra?"],
            "status": ["draft", "published"],
            "numeric_value": ["1939"],
            "numeric_tolerance": ["0"],
            "document": [str(w.document.pk)],
            "choices-TOTAL_FORMS": ["0", "2", "1000000"],
            "choices-INITIAL_FORMS": ["0"],
            "choices-0-text": ["Finlandia"],
            "choices-0-is_correct": ["on"],
        },
        share=0.5,
    ),
    "admin:quizzes_question_changelist": Target(
        "teacher",
        lambda w: {
            "action": ["publish", "archive", "duplicate", "export_gift", "export_csv", "export_moodle_xml"],
            "_selected_action": [str(w.question.pk)],
            "select_across": ["0", "1"],
            "index": ["0"],
        },
        share=0.5,
    ),
    "admin:quizzes_question_import": Target(
        "teacher",
        lambda w: {"format": ["", "gift", "moodle_xml", "csv"], "document": [str(w.document.pk)]},
        files=("upload",),
        share=0.5,
    ),
}


def _post_views() -> list[str]:
    """Names of our (non-admin) URLs whose view accepts POST, read from the URL patterns' view classes."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, namespace: str):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(
                    pattern.url_patterns, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                )
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}{pattern.name}", pattern.callback

    names = []
    for name, callback in walk(get_resolver().url_patterns, ""):
        view_class = getattr(callback, "view_class", None)
        if name.startswith("admin:") or view_class is None:
            continue
        if hasattr(view_class, "post") and "post" in view_class.http_method_names:
            names.append(name)
    assert "quizzes:attempt_question" in names  # the walk itself works
    return names


def test_every_post_endpoint_is_fuzzed():
    missing = [n for n in _post_views() if n not in TARGETS]
    assert not missing, "POST endpoints without a fuzz target in tests/views/test_fuzz.py TARGETS: " + ", ".join(
        missing
    )


@st.composite
def form_data(draw, plausible: dict[str, list[str]], foreign: list[str]):
    """Some of the form's fields (plausible, hostile, foreign or repeated values) plus a few unknown ones."""
    data: dict[str, list[str]] = {}
    for name, values in plausible.items():
        if draw(st.integers(0, 4)) == 0:
            continue  # missing
        value = st.one_of(st.sampled_from(values), st.sampled_from(values), hostile, st.sampled_from(foreign))
        data[name] = draw(st.lists(value, min_size=1, max_size=3 if draw(st.booleans()) else 1))
    extra = draw(
        st.dictionaries(
            st.sampled_from(["id", "pk", "user", "attempt", "slot", "score", "x\x00"]) | text,
            st.lists(hostile, min_size=1, max_size=2),
            max_size=2,
        )
    )
    for name, values in extra.items():
        data.setdefault(name, values)
    return data


def _run(client, world: FuzzWorld, name: str, target: Target, data: dict, upload: bytes | None):
    url_name = name.removesuffix(":get").removesuffix(":anonymous")
    kwargs = (target.kwargs or _matrix_kwargs(url_name))(world)
    url = reverse(url_name, kwargs=kwargs)
    if target.method == "get":
        response = client.get(url, data)
    else:
        payload = dict(data)
        for file_field in target.files:
            if upload is not None:
                payload[file_field] = SimpleUploadedFile("datos.txt", upload, content_type="text/plain")
        response = client.post(url, payload)
    assert response.status_code < 500, (name, data)


@pytest.mark.parametrize("name", list(TARGETS))
def test_no_500_on_hostile_input(client, name):
    target = TARGETS[name]
    world = FuzzWorld()
    user = world.user(target.role)
    plausible = target.fields(world)

    @fuzz_settings(max(3, int(EXAMPLES * target.share)))
    @given(
        data=form_data(plausible, world.foreign_ids),
        upload=st.none() | st.binary(max_size=2000) | st.text(max_size=500).map(lambda s: s.encode("utf-8", "replace")),
    )
    def check(data, upload):
        client.logout()
        if user is not None:
            client.force_login(user)
        _run(client, world, name, target, data, upload)

    check()


@pytest.mark.parametrize("name", ["quizzes:attempt_question", "quizzes:cards_review", "quizzes:teacher_assign"])
def test_no_500_on_a_body_that_is_not_a_form(client, name):
    """JSON, binary and a huge urlencoded body where a form is expected."""
    target = TARGETS[name]
    world = FuzzWorld()
    client.force_login(world.user(target.role))
    url = reverse(name, kwargs=_matrix_kwargs(name)(world))
    for content_type, body in [
        ("application/json", b'{"choice": [1, 2], "token": null}'),
        ("application/octet-stream", bytes(range(256)) * 4),
        ("application/x-www-form-urlencoded", b"choice=%ff%fe&token=%00&" + b"a" * 200_000),
        ("multipart/form-data; boundary=xyz", b"--xyz\r\nnot a part\r\n--xyz--"),
        ("text/plain; charset=nonsense", "ñ".encode()),
    ]:
        response = client.generic("POST", url, body, content_type=content_type)
        assert response.status_code < 500, content_type


def test_admin_autocomplete_with_a_malformed_id_is_a_form_error(client):
    """Found by the fuzzer: Django's autocomplete widget re-rendered document=":" with a ValueError (a 500)."""
    world = FuzzWorld()
    client.force_login(world.teacher)
    response = client.post(reverse("admin:quizzes_question_add"), {"kind": "single_choice", "document": ":"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["document"]


def test_admin_bulk_action_with_a_malformed_id_is_not_a_500(client):
    """Found by the fuzzer: an empty or non-numeric _selected_action made the admin's action filter raise."""
    world = FuzzWorld()
    world.question.created_by = world.teacher  # a teacher's actions change only her own questions
    world.question.save(update_fields=["created_by"])
    client.force_login(world.teacher)
    url = reverse("admin:quizzes_question_changelist")
    response = client.post(url, {"action": "publish", "_selected_action": ["", "x"], "index": "0"})
    assert response.status_code == 302  # "items must be selected", as for an empty selection
    response = client.post(url, {"action": "archive", "_selected_action": [str(world.question.pk), ":"], "index": "0"})
    assert response.status_code == 302
    world.question.refresh_from_db()
    assert world.question.status == "archived"
