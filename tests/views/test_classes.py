"""Views of the classes area: access by role, query budgets, joining and assigning through the pages."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from quizzes.models import Assignment, Enrollment, RetiredJoinCode
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(teacher, other_teacher, student, other_student):
    """A class taught by `teacher` with `student` in it; `other_student` is in another teacher's class."""
    classroom = factories.make_classroom(name="4.º ESO A", teachers=[teacher], students=[student], join_code="JOIN2345")
    factories.make_classroom(teachers=[other_teacher], students=[other_student])
    document = factories.make_document()
    sentence = factories.make_sentence(document=document)
    question = factories.make_question(document=document, fact=factories.make_fact(sentence=sentence))
    quiz = factories.make_quiz(questions=[question, factories.make_question()])
    factories.make_assignment(classroom=classroom, quiz=quiz)
    factories.make_attempt(user=student, quiz=quiz, fractions=[1, 0])
    return classroom, quiz


def report_urls(classroom, quiz, student):
    pk = classroom.pk
    return [
        reverse("quizzes:teacher_class", args=[pk]),
        reverse("quizzes:teacher_class_csv", args=[pk]),
        reverse("quizzes:teacher_class_xlsx", args=[pk]),
        reverse("quizzes:teacher_student", args=[pk, student.pk]),
        reverse("quizzes:teacher_item_analysis", args=[pk, quiz.pk]),
        reverse("quizzes:teacher_item_analysis_csv", args=[pk, quiz.pk]),
        reverse("quizzes:teacher_item_analysis_xlsx", args=[pk, quiz.pk]),
        reverse("quizzes:teacher_mastery", args=[pk]),
    ]


# role -> expected status for every report URL of `teacher`'s class
EXPECTED = {
    "anonymous": 302,
    "student": 403,
    "other_student": 403,
    "teacher": 200,
    "other_teacher": 404,
    "superuser": 200,
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_every_report_url_with_every_role(client, request, school, role, student):
    classroom, quiz = school
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    for url in report_urls(classroom, quiz, student):
        response = client.get(url)
        assert response.status_code == EXPECTED[role], (role, url)
        if role == "anonymous":
            assert reverse("login") in response["Location"]


@pytest.mark.parametrize("role", list(EXPECTED))
def test_class_list_with_every_role(client, request, school, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("quizzes:teacher_classes"))
    expected = {"other_teacher": 200}.get(role, EXPECTED[role])
    assert response.status_code == expected
    if role in {"teacher", "superuser"}:
        assertContains(response, "4.º ESO A")
    if role == "other_teacher":
        assertNotContains(response, "4.º ESO A")


@pytest.mark.parametrize("role", list(EXPECTED))
def test_every_teacher_post_with_every_role(client, request, school, role, student):
    """Posts by anyone but the class's teachers change nothing."""
    classroom, quiz = school
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    pk = classroom.pk
    assignment = Assignment.objects.get()
    posts = [
        reverse("quizzes:teacher_class_new_code", args=[pk]),
        reverse("quizzes:teacher_remove_student", args=[pk, student.pk]),
        reverse("quizzes:teacher_assignment_delete", args=[pk, assignment.pk]),
    ]
    for url in posts:
        status = client.post(url).status_code
        if EXPECTED[role] == 200:
            assert status == 302
        else:
            assert status == EXPECTED[role], (role, url)
    changed = not Enrollment.objects.filter(classroom=classroom, student=student).exists()
    assert changed == (EXPECTED[role] == 200)


def test_student_page_of_a_student_not_in_the_class_is_404(teacher_client, school, other_student):
    classroom, _quiz = school
    response = teacher_client.get(reverse("quizzes:teacher_student", args=[classroom.pk, other_student.pk]))
    assert response.status_code == 404


def test_item_analysis_of_a_quiz_not_assigned_to_the_class_is_404(teacher_client, school):
    classroom, _quiz = school
    other_quiz = factories.make_quiz(n_questions=1)
    response = teacher_client.get(reverse("quizzes:teacher_item_analysis", args=[classroom.pk, other_quiz.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/docente/clases/abc/",
        "/docente/clases/-1/",
        "/docente/clases/99999999999999999999999999/",
        "/docente/clases/9223372036854775807/",
        "/docente/clases/1.5/",
        "/docente/clases/%00/",
    ],
)
def test_malformed_class_ids_are_404(teacher_client, school, path):
    assert teacher_client.get(path).status_code == 404


@pytest.mark.parametrize("raw", ["x", "1e9", "99999999999999999999", "-3"])
def test_malformed_document_choice_on_mastery_is_404(teacher_client, school, raw):
    classroom, _quiz = school
    url = reverse("quizzes:teacher_mastery", args=[classroom.pk]) + f"?documento={raw}"
    assert teacher_client.get(url).status_code == 404


def test_unknown_which_falls_back_to_first(teacher_client, school):
    classroom, quiz = school
    url = reverse("quizzes:teacher_item_analysis", args=[classroom.pk, quiz.pk]) + "?intentos=%3Cscript%3E"
    response = teacher_client.get(url)
    assert response.status_code == 200
    assert response.context["analysis"].which == "first"


def test_item_analysis_page_links_flagged_questions_to_the_admin(teacher_client, school):
    classroom, quiz = school
    response = teacher_client.get(reverse("quizzes:teacher_item_analysis", args=[classroom.pk, quiz.pk]))
    question = quiz.items.first().question
    assertContains(response, reverse("admin:quizzes_question_change", args=[question.pk]))
    assertContains(response, "<svg", html=False)


@pytest.mark.parametrize(("minimum", "flagged"), [(30, False), (1, True)])
def test_item_analysis_page_shows_n_and_greys_out_flags_below_the_minimum(
    teacher_client, school, settings, minimum, flagged
):
    classroom, quiz = school
    settings.ITEM_ANALYSIS_MIN_ANSWERS = minimum
    response = teacher_client.get(reverse("quizzes:teacher_item_analysis", args=[classroom.pk, quiz.pk]))
    assertContains(response, f"Los avisos cuentan desde {minimum} respuesta")
    assertContains(response, '<abbr title="Respuestas">n</abbr>', html=False)
    analysis = response.context["analysis"]
    assert analysis.questions[0].flags  # one answer, right: «too easy»
    assert bool(analysis.flagged) == flagged
    assert ("ww-flag-tentative" in response.content.decode()) == (not flagged)


def test_class_page_shows_code_link_and_grid(teacher_client, school, student):
    classroom, quiz = school
    response = teacher_client.get(reverse("quizzes:teacher_class", args=[classroom.pk]))
    assertContains(response, "JOIN2345")
    assertContains(response, reverse("quizzes:join_link", args=["JOIN2345"]))
    assertContains(response, quiz.title)
    assertContains(response, "50 %")


# ------------------------------------------------------------------ teacher actions through the pages


def test_teacher_creates_a_class(teacher_client, teacher):
    response = teacher_client.post(reverse("quizzes:teacher_classes"), {"name": "1.º Bach"})
    classroom = teacher.classrooms_taught.get()
    assert response.status_code == 302 and response["Location"] == reverse("quizzes:teacher_class", args=[classroom.pk])


def test_create_class_with_empty_name_is_a_form_error(teacher_client, teacher):
    response = teacher_client.post(reverse("quizzes:teacher_classes"), {"name": "  "})
    assert response.status_code == 400
    assert not teacher.classrooms_taught.exists()


def test_new_code_keeps_the_old_one_as_retired(teacher_client, school):
    classroom, _quiz = school
    teacher_client.post(reverse("quizzes:teacher_class_new_code", args=[classroom.pk]))
    classroom.refresh_from_db()
    assert classroom.join_code != "JOIN2345"
    assert RetiredJoinCode.objects.filter(code="JOIN2345").exists()


def test_assign_through_the_page(teacher_client, school):
    classroom, _quiz = school
    quiz = factories.make_quiz(n_questions=1)
    url = reverse("quizzes:teacher_assign", args=[classroom.pk])
    response = teacher_client.post(url, {"quiz": quiz.pk, "due_at": "2030-05-01T10:00"})
    assert response.status_code == 302
    assert Assignment.objects.get(quiz=quiz).due_at.year == 2030


def test_assign_twice_through_the_page_is_a_clear_message(teacher_client, school):
    classroom, quiz = school
    url = reverse("quizzes:teacher_assign", args=[classroom.pk])
    response = teacher_client.post(url, {"quiz": quiz.pk})
    assert response.status_code == 400
    assertContains(response, "ya está asignado", status_code=400)
    assert Assignment.objects.filter(quiz=quiz).count() == 1


def test_assign_to_a_class_you_do_not_teach_is_404(client, other_teacher, school):
    classroom, _quiz = school
    client.force_login(other_teacher)
    quiz = factories.make_quiz(n_questions=1)
    response = client.post(reverse("quizzes:teacher_assign", args=[classroom.pk]), {"quiz": quiz.pk})
    assert response.status_code == 404
    assert not Assignment.objects.filter(quiz=quiz).exists()


@pytest.mark.parametrize("value", ["abc", "99999999999999999999999", "", "-1"])
def test_assign_with_a_bad_quiz_id_is_a_form_error(teacher_client, school, value):
    classroom, _quiz = school
    before = Assignment.objects.count()
    response = teacher_client.post(reverse("quizzes:teacher_assign", args=[classroom.pk]), {"quiz": value})
    assert response.status_code == 400
    assert Assignment.objects.count() == before


def test_assign_a_draft_quiz_is_a_form_error(teacher_client, school):
    classroom, _quiz = school
    draft = factories.make_quiz(n_questions=1, status="draft")
    response = teacher_client.post(reverse("quizzes:teacher_assign", args=[classroom.pk]), {"quiz": draft.pk})
    assert response.status_code == 400
    assert not Assignment.objects.filter(quiz=draft).exists()


# ------------------------------------------------------------------ students joining


def test_join_link_prefills_the_code(student_client, school):
    response = student_client.get(reverse("quizzes:join_link", args=["JOIN2345"]))
    assertContains(response, 'value="JOIN2345"')


def test_join_link_offers_an_anonymous_visitor_to_sign_up_or_log_in(client, school):
    response = client.get(reverse("quizzes:join_link", args=["JOIN2345"]))
    assertContains(response, "Crear una cuenta de estudiante")
    assertContains(response, "4.º ESO A")
    assertContains(response, reverse("login") + "?next=" + reverse("quizzes:join_link", args=["JOIN2345"]))


def test_student_joins_with_the_code(client, other_student, school):
    classroom, _quiz = school
    client.force_login(other_student)
    response = client.post(reverse("quizzes:join"), {"code": "join2345"}, follow=True)
    assertContains(response, "Se ha unido a la clase")
    assert Enrollment.objects.filter(classroom=classroom, student=other_student).exists()


def test_joining_twice_is_a_friendly_message(student_client, school, student):
    response = student_client.post(reverse("quizzes:join"), {"code": "JOIN2345"}, follow=True)
    assertContains(response, "Ya estaba en la clase")
    assert Enrollment.objects.filter(student=student).count() == 1


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("NOPE2345", "No hay ninguna clase con ese código"),
        ("<b>x</b>", "Ese código no es válido"),
        ("A" * 10_240, "Ese código no es válido"),
        ("", "Escriba el código"),
    ],
)
def test_bad_codes_get_a_clear_message(client, other_student, school, code, message):
    client.force_login(other_student)
    response = client.post(reverse("quizzes:join"), {"code": code})
    assertContains(response, message, status_code=400)
    assert not Enrollment.objects.filter(student=other_student, classroom=school[0]).exists()


def test_retired_code_gets_the_retired_message(client, other_student, teacher_client, school):
    classroom, _quiz = school
    teacher_client.post(reverse("quizzes:teacher_class_new_code", args=[classroom.pk]))
    client.force_login(other_student)
    response = client.post(reverse("quizzes:join"), {"code": "JOIN2345"})
    assertContains(response, "ya no está en uso", status_code=400)


def test_join_link_with_a_huge_code_is_not_a_500(student_client):
    response = student_client.get("/clases/unirse/" + "Z" * 10_240 + "/")
    assert response.status_code == 200


def test_student_home_lists_assignments_with_late_ones(student_client, school, student):
    from django.utils import timezone

    classroom, _quiz = school
    late = factories.make_quiz(n_questions=1, title="Tarea atrasada")
    factories.make_assignment(classroom=classroom, quiz=late, due_at=timezone.now() - timezone.timedelta(days=1))
    response = student_client.get(reverse("quizzes:home"))
    assertContains(response, "Tarea atrasada")
    assertContains(response, "Atrasada")
    assertContains(response, "1 hecha")  # the quiz the student already submitted is counted, not listed again
    assert [a.quiz.title for a in response.context["home"].assignments][0] == "Tarea atrasada"  # late ones first


# ------------------------------------------------------------------ query budgets


def _class_of(n_students, teacher):
    students = [factories.make_student() for _ in range(n_students)]
    classroom = factories.make_classroom(teachers=[teacher], students=students)
    document = factories.make_document()
    sentences = [
        factories.make_sentence(document=document, index=i, text=f"Oración {i}.", start=i * 20) for i in range(3)
    ]
    facts = [factories.make_fact(sentence=sentences[i % 3]) for i in range(4)]
    questions = [factories.make_question(document=document, fact=fact) for fact in facts]
    quizzes = [factories.make_quiz(questions=questions), factories.make_quiz(n_questions=3)]
    for quiz in quizzes:
        factories.make_assignment(classroom=classroom, quiz=quiz)
    for i, student in enumerate(students):
        card = factories.make_card(user=student, fact=facts[0], is_leech=i % 2 == 0)
        factories.make_review(student_card=card)
        for quiz in quizzes:
            n = quiz.items.count()
            factories.make_attempt(user=student, quiz=quiz, fractions=[(i + j) % 2 for j in range(n)])
            factories.make_attempt(user=student, quiz=quiz, fractions=[1] * n)
    return classroom, quizzes[0], students[0]


# Why these numbers matter: a report that queries per student or per question melts down with a class of 40 on
# a laptop's SQLite. Session + user + groups are 3 of each budget; the rest is the report's fixed set of queries.
# The pages cached per class (tests/selectors/test_report_cache.py) are measured on a miss: the item analysis reads
# the class's student ids once more then, to pin their versions before its queries.
BUDGETS = {
    "teacher_class": 12,
    "teacher_class_csv": 9,
    "teacher_class_xlsx": 9,
    "teacher_student": 10,
    "teacher_item_analysis": 14,
    "teacher_item_analysis_csv": 13,
    "teacher_item_analysis_xlsx": 13,
    "teacher_mastery": 10,
}


@pytest.mark.parametrize("n_students", [1, 40])
def test_report_pages_run_the_same_bounded_queries_for_1_and_40_students(
    client, teacher, django_assert_max_num_queries, n_students
):
    classroom, quiz, student = _class_of(n_students, teacher)
    client.force_login(teacher)
    for name, budget in BUDGETS.items():
        with django_assert_max_num_queries(budget):
            assert client.get(_url_for(name, classroom, quiz, student)).status_code == 200


def _url_for(name, classroom, quiz, student):
    args = {
        "teacher_student": [classroom.pk, student.pk],
        "teacher_item_analysis": [classroom.pk, quiz.pk],
        "teacher_item_analysis_csv": [classroom.pk, quiz.pk],
        "teacher_item_analysis_xlsx": [classroom.pk, quiz.pk],
    }.get(name, [classroom.pk])
    return reverse(f"quizzes:{name}", args=args)


def test_query_counts_do_not_grow_with_class_size(client, teacher):
    """The exact count is the same for 1 and 40 students (a stricter check than the budget)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for n in (1, 40):
        classroom, quiz, student = _class_of(n, teacher)
        client.force_login(teacher)
        for name in BUDGETS:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(_url_for(name, classroom, quiz, student)).status_code == 200
            counts.setdefault(name, []).append(len(ctx.captured_queries))
    for name, (small, large) in counts.items():
        assert small == large, (name, small, large)


def test_student_home_says_all_done_when_nothing_is_pending(student_client, school):
    response = student_client.get(reverse("quizzes:home"))
    assertContains(response, "Todo al día")


def test_all_done_is_never_said_beside_a_quiz_marked_pending(student_client, school):
    """A published quiz nobody assigned is «Sin empezar», not «Pendiente», under «Todo al día»."""
    factories.make_quiz(title="Práctica libre", n_questions=1)
    response = student_client.get(reverse("quizzes:home"))
    assertContains(response, "Todo al día")
    assertContains(response, "Sin empezar")
    assertNotContains(response, ">Pendiente<")


@pytest.mark.parametrize("n_assignments", [1, 8])
def test_student_assignments_selector_is_one_query(student, django_assert_num_queries, n_assignments):
    """The home page must not query per assignment: one query whatever the number of assignments."""
    from quizzes.selectors import quizzes as selectors

    classroom = factories.make_classroom(students=[student])
    for _ in range(n_assignments):
        quiz = factories.make_quiz(n_questions=1)
        factories.make_assignment(classroom=classroom, quiz=quiz)
        factories.make_attempt(user=student, quiz=quiz, fractions=[1])
    with django_assert_num_queries(1):
        rows = selectors.student_assignments(user=student)
    assert len(rows) == n_assignments and all(r.n_submitted == 1 and r.best == 100 for r in rows)


def test_mastery_of_a_document_the_class_does_not_study_is_404(teacher_client, school):
    classroom, _quiz = school
    foreign = factories.make_document(title="Otro texto")
    url = reverse("quizzes:teacher_mastery", args=[classroom.pk]) + f"?documento={foreign.pk}"
    assert teacher_client.get(url).status_code == 404


# ------------------------------------------------------------------ an assignment's dates, from the class page


def test_the_class_page_links_to_each_assignments_dates(teacher_client, school):
    classroom, quiz = school
    assignment = classroom.assignments.get()
    url = reverse("quizzes:teacher_assignment_dates", args=[classroom.pk, assignment.pk])
    assertContains(teacher_client.get(reverse("quizzes:teacher_class", args=[classroom.pk])), url)
    assertContains(teacher_client.get(url), "Guardar las fechas")


def test_the_teacher_changes_the_due_date_and_an_open_attempt_follows_the_new_close(teacher_client, school, student):
    from datetime import timedelta

    from django.utils import timezone

    from quizzes.services import attempts as attempt_services

    classroom, quiz = school
    assignment = classroom.assignments.get()
    attempt = attempt_services.attempt_start(user=student, quiz=quiz)
    url = reverse("quizzes:teacher_assignment_dates", args=[classroom.pk, assignment.pk])
    soon = (timezone.localtime() + timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M")
    data = {"due_at": soon, "opens_at": "", "closes_at": soon}
    response = teacher_client.post(url, data)
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.closes_at is not None and assignment.due_at == assignment.closes_at
    assert teacher_client.post(url, data).status_code == 302  # a double submit saves the same dates again
    from quizzes.selectors.availability import attempt_deadline

    assert attempt_deadline(attempt) == assignment.closes_at  # the open attempt now ends at the new close


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"due_at": "mañana"}, "Introduzca una fecha/hora válida."),
        ({"due_at": "9" * 500}, "Introduzca una fecha/hora válida."),
        ({"opens_at": "2030-01-02T10:00", "closes_at": "2030-01-01T10:00"}, "posterior a la de apertura"),
        ({"due_at": "2030-02-01T10:00", "closes_at": "2030-01-01T10:00"}, "antes del cierre"),
    ],
)
def test_bad_dates_are_a_form_error_and_nothing_changes(teacher_client, school, data, message):
    classroom, _quiz = school
    assignment = classroom.assignments.get()
    before = (assignment.due_at, assignment.opens_at, assignment.closes_at)
    response = teacher_client.post(
        reverse("quizzes:teacher_assignment_dates", args=[classroom.pk, assignment.pk]), data
    )
    assert response.status_code == 400
    assertContains(response, message, status_code=400)
    assignment.refresh_from_db()
    assert (assignment.due_at, assignment.opens_at, assignment.closes_at) == before


def test_another_teachers_assignment_is_a_404(client, other_teacher, school):
    classroom, _quiz = school
    assignment = classroom.assignments.get()
    client.force_login(other_teacher)
    url = reverse("quizzes:teacher_assignment_dates", args=[classroom.pk, assignment.pk])
    assert client.post(url, {"due_at": "2030-01-01T10:00"}).status_code == 404
    assert client.get(url).status_code == 404


def test_a_failing_best_score_is_not_drawn_in_the_passing_colour(teacher_client, school, student):
    classroom, quiz = school  # the student's attempt scored 50 % against a pass mark of 50 %: passed
    quiz.pass_mark = 60
    quiz.save(update_fields=["pass_mark"])
    response = teacher_client.get(reverse("quizzes:teacher_class", args=[classroom.pk]))
    cell = response.context["grid"].rows[0].cells[0]
    assert (cell.best, cell.passed) == (50, False)
    assertContains(response, "ww-cell-done ww-cell-failed")
    assertContains(response, "no aprobado")
    quiz.pass_mark = 50
    quiz.save(update_fields=["pass_mark"])
    response = teacher_client.get(reverse("quizzes:teacher_class", args=[classroom.pk]))
    assert response.context["grid"].rows[0].cells[0].passed is True
    assertNotContains(response, "ww-cell-failed")
