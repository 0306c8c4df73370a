"""A student takes the demo review quiz (every kind of question) with the keyboard and the mouse, in Chromium.

Reloads in the middle, jumps back through the overview, submits from the review page and reads the result.
Screenshots at 375 px and 1280 px go to test-results/screenshots/quiz-*.png.
"""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from quizzes.demo.quizzes import DEMO_REVIEW_QUIZ
from quizzes.models import Attempt, AttemptState, Quiz, Status
from quizzes.services.content import questions_publish, quiz_add_questions
from tests.browser.conftest import login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


CHOICE_KINDS = {"single_choice", "multiple_choice", "true_false"}


def assert_accessible(page) -> None:
    """Run axe-core on the page: no serious or critical violations."""
    from axe_playwright_python.sync_playwright import Axe

    violations = [v for v in Axe().run(page).response["violations"] if v.get("impact") in {"serious", "critical"}]
    assert not violations, [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


def answer_current_question(page, i: int) -> str:
    """Answer the question on screen, alternating keyboard and mouse; return its kind."""
    fieldset = page.locator("fieldset.question")
    kind = next(c.removeprefix("question-") for c in fieldset.get_attribute("class").split() if c != "question")
    if kind == "single_choice":
        if i % 2:
            page.locator(".option .form-check-label").nth(1).click()  # mouse
        else:
            page.locator("input[name=choice]").first.focus()  # keyboard: the arrow keys move within a radio group
            page.keyboard.press("ArrowDown")
    elif kind == "multiple_choice":
        page.locator("input[name=choices]").first.focus()
        page.keyboard.press("Space")
        page.locator(".option .form-check-label").nth(1).click()
    elif kind == "true_false":
        if i % 2:
            page.get_by_text("Falso", exact=True).click()
        else:
            page.locator("input[name=value]").first.focus()
            page.keyboard.press("Space")
    elif kind in {"short_answer", "numeric"}:
        field = page.locator("input[name=text]")
        field.click()
        field.fill("")
        page.keyboard.type("1.939" if kind == "numeric" else "la unión soviética")
    elif kind == "ordering":
        selects = page.locator("select.ordering-select")
        n = selects.count()
        for k in range(n):
            selects.nth(k).focus()
            # Keyboard: choose position n - k for item k by typing its number.
            selects.nth(k).select_option(str(n - k))
    return kind


def teacher_adds_a_choice_question(quiz: Quiz) -> None:
    """Publish the bank's first choice draft that passes its checks and add it to the quiz, as a teacher does in the
    admin: the seed's bank publishes no choice item (a text with fewer than seven asks them typed)."""
    teacher = quiz.created_by or quiz.document.created_by
    for draft in quiz.document.questions.filter(kind="single_choice", status=Status.DRAFT).order_by("pk"):
        if questions_publish(questions=[draft])[0]:
            draft.refresh_from_db()
            assert quiz_add_questions(quiz=quiz, questions=[draft], user=teacher).added == 1
            return
    raise AssertionError("the demo bank has no choice draft that passes its checks")


def take_quiz(page, name: str) -> None:
    call_command("setup_demo", no_activity=True, stdout=io.StringIO())
    quiz = Quiz.objects.get(title=DEMO_REVIEW_QUIZ)
    teacher_adds_a_choice_question(quiz)
    login(page, "ana", "ana-demo")
    screenshot(page, f"quiz-home-{name}")
    page.get_by_role("link", name=DEMO_REVIEW_QUIZ).first.click()
    page.wait_for_load_state()
    screenshot(page, f"quiz-detail-{name}")
    page.get_by_role("button", name="Empezar").click()
    page.wait_for_url("**/preguntas/1/")

    total = int(page.locator("progress.attempt-progress").get_attribute("max"))
    kinds = []
    reloaded = False
    for i in range(1, total + 1):
        expect(page.get_by_text(f"Pregunta {i} de {total}").first).to_be_visible()
        kind = answer_current_question(page, i)
        kinds.append(kind)
        if kind not in kinds[:-1]:
            screenshot(page, f"quiz-q-{kind}-{name}")
            assert_accessible(page)
        if not reloaded and i >= 2 and kind in CHOICE_KINDS:
            # Reload in the middle: the answer just given was saved by the page's autosave, nothing is lost.
            reloaded = True
            page.get_by_text("Respuesta guardada.").wait_for()
            page.wait_for_load_state("networkidle")
            checked_before = page.locator("fieldset.question input:checked").count()
            page.reload()
            assert page.locator("progress.attempt-progress").get_attribute("value") == str(i)
            assert page.locator("fieldset.question input:checked").count() == checked_before > 0
        if kind == "numeric" and kinds.count("numeric") == 1:
            # A typed answer is saved a moment after the typing stops: a reload keeps it too.
            page.get_by_text("Respuesta guardada.").wait_for()
            page.wait_for_load_state("networkidle")
            page.reload()
            assert page.locator("input[name=text]").input_value() == "1.939"
            page.locator("input[name=text]").click()
        with page.expect_navigation():
            if kind in {"short_answer", "numeric"} and i % 2:
                page.keyboard.press("Enter")  # Enter in a text field goes forward
            elif i < total:
                page.get_by_role("button", name="Siguiente").click()
            else:
                page.get_by_role("button", name="Revisar y entregar").first.click()
        assert page.locator(".alert-danger").count() == 0, page.locator(".alert-danger").first.inner_text()
    # Every kind the bank publishes is in the quiz, and the page handled each one.
    assert set(kinds) == set(quiz.questions.values_list("kind", flat=True))
    assert {"single_choice", "true_false", "short_answer", "numeric", "ordering"} <= set(kinds)
    assert reloaded

    # Back to question 1 through the overview: the saved answer is there.
    page.goto(page.url.replace("/revision/", "/preguntas/2/"))
    page.get_by_role("button", name="Pregunta 1, respondida").click()
    page.wait_for_url("**/preguntas/1/")
    if kinds[0] in CHOICE_KINDS:
        assert page.locator("fieldset.question input:checked").count() >= 1
    elif kinds[0] in {"short_answer", "numeric"}:
        assert page.locator("input[name=text]").input_value() in {"1.939", "la unión soviética"}
    page.get_by_role("button", name="Ver el resumen y entregar").click()
    page.wait_for_url("**/revision/")
    expect(page.get_by_text("Ha respondido todas las preguntas")).to_be_visible()
    screenshot(page, f"quiz-review-{name}")
    assert_accessible(page)

    page.get_by_role("button", name="Entregar el intento").click()
    page.wait_for_url("**/resultado/")
    expect(page.get_by_role("heading", name="Resultado")).to_be_visible()
    expect(page.get_by_text("Intento entregado.")).to_be_visible()
    assert page.get_by_text("La unión soviética", exact=False).count() >= 1
    screenshot(page, f"quiz-result-{name}")
    assert_accessible(page)
    attempt = Attempt.objects.get(quiz=quiz)
    assert attempt.state == AttemptState.SUBMITTED
    assert attempt.responses.filter(answer__isnull=True).count() == 0

    page.get_by_role("link", name="Mi progreso").last.click()
    page.wait_for_load_state()
    assert page.locator("svg.ww-chart circle").count() == 1
    screenshot(page, f"quiz-progress-{name}")
    assert_accessible(page)


def test_take_quiz_laptop(page):
    take_quiz(page, "1280")


def test_take_quiz_phone(phone_page):
    take_quiz(phone_page, "375")


def test_countdown_runs_and_no_csp_errors(page):
    call_command("setup_demo", no_activity=True, stdout=io.StringIO())
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    login(page, "bruno", "bruno-demo")
    quiz = Quiz.objects.get(title__endswith="práctica rápida")
    page.goto(page.base_url + f"/cuestionarios/{quiz.pk}/")
    page.get_by_role("button", name="Empezar").click()
    page.wait_for_url("**/preguntas/1/")
    timer = page.locator("[data-countdown-value]")
    first = timer.inner_text()
    page.wait_for_timeout(1500)
    assert timer.inner_text() != first  # the script runs (no CSP violation) and counts down
    assert ":" in timer.inner_text()
    screenshot(page, "quiz-immediate-1280")
    assert not [e for e in errors if "Content Security Policy" in e], errors

    # At zero the page sends its form: the answer on screen is saved and the attempt submitted.
    attempt = Attempt.objects.get(quiz=quiz, user__username="bruno")
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=10))
    page.reload()
    answer_current_question(page, 1)  # the practice quiz draws its questions at random: any kind may come first
    page.wait_for_url("**/resultado/", timeout=40_000)
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.SUBMITTED
    assert attempt.responses.get(slot=1).answer is not None


def test_an_attempt_whose_quiz_was_closed_early_is_closed_when_its_page_is_opened(page):
    """The teacher closes the quiz while a student is inside: the quiz page says time ran out, no «Continuar»."""
    call_command("setup_demo", no_activity=True, stdout=io.StringIO())
    login(page, "bruno", "bruno-demo")
    quiz = Quiz.objects.get(title__endswith="práctica rápida")
    page.goto(page.base_url + f"/cuestionarios/{quiz.pk}/")
    page.get_by_role("button", name="Empezar").click()
    page.wait_for_url("**/preguntas/1/")
    answer_current_question(page, 1)
    with page.expect_navigation():
        page.get_by_role("button", name="Siguiente").click()
    # As the teacher does it in the admin: a save, which the cached summaries hear of.
    quiz.closes_at = timezone.now() - timedelta(minutes=1)
    quiz.save(update_fields=["closes_at"])
    page.goto(page.base_url + f"/cuestionarios/{quiz.pk}/")
    expect(page.get_by_role("alert").filter(has_text="Se acabó el tiempo")).to_be_visible()
    assert page.get_by_role("link", name="Continuar el intento").count() == 0
    screenshot(page, "quiz-closed-early-1280")
    attempt = Attempt.objects.get(quiz=quiz, user__username="bruno")
    assert attempt.state == AttemptState.SUBMITTED
    assert attempt.responses.get(slot=1).answer is not None  # what was answered is submitted
