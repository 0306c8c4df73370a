"""The same student journey (home → quiz → result → cards) in Spanish and in English, switched with the menu.

The browser asks for Spanish (locale es-ES); the English run switches with the menu's button, and the choice,
saved on the user, holds for the rest of the journey. The questions stay Spanish in both (they are the text's),
with «Verdadero / Falso»; the buttons are the interface's. Screenshots for the README go to docs/screenshots/
(journey-<language>-<step>.png); the axe audit runs on every step in both languages.
"""

import io
import shutil

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from quizzes.demo.quizzes import DEMO_REVIEW_QUIZ
from quizzes.models import Attempt, AttemptState, User
from tests.browser.conftest import SCREENSHOTS, login, screenshot
from tests.browser.test_quiz_flow import answer_current_question, assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)
DOCS = SCREENSHOTS.parents[1] / "docs" / "screenshots"

WORDS = {
    "es": {
        "start": "Empezar",
        "next": "Siguiente",
        "review": "Revisar y entregar",
        "submit": "Entregar el intento",
        "result": "Resultado",
        "cards": "Tarjetas",
        "home": "Inicio",
    },
    "en": {
        "start": "Start",
        "next": "Next",
        "review": "Review and submit",
        "submit": "Submit the attempt",
        "result": "Result",
        "cards": "Flashcards",
        "home": "Home",
    },
}


def step(page, language: str, name: str) -> None:
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)
    path = screenshot(page, f"journey-{language}-{name}")
    DOCS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, DOCS / path.name)


@pytest.mark.parametrize("language", ["es", "en"])
def test_student_journey_in_each_language(page, language):
    words = WORDS[language]
    call_command("setup_demo", no_activity=True, stdout=io.StringIO())
    login(page, "ana", "ana-demo")
    if language == "en":
        page.get_by_role("button", name="English").click()  # the switch in the menu
        page.wait_for_load_state()
        assert User.objects.get(username="ana").language == "en"
        expect(page.get_by_role("button", name="Español")).to_be_visible()  # and back again is offered
    page.get_by_role("link", name=words["home"]).first.click()
    page.wait_for_load_state()
    step(page, language, "home")

    page.get_by_role("link", name=DEMO_REVIEW_QUIZ).first.click()
    page.get_by_role("button", name=words["start"]).click()
    page.wait_for_url("**/preguntas/1/")
    total = int(page.locator("progress.attempt-progress").get_attribute("max"))
    shot = False
    for i in range(1, total + 1):
        kind = answer_current_question(page, i)  # true/false is answered by clicking «Falso»: Spanish in both
        prompt_lang = page.locator("legend.question-prompt").get_attribute("lang")
        assert prompt_lang == "es"  # the question is the text's, whatever the interface's language
        if kind == "true_false" and not shot:
            expect(page.get_by_text("Verdadero", exact=True)).to_be_visible()
            step(page, language, "question")
            shot = True
        with page.expect_navigation():
            button = words["next"] if i < total else words["review"]
            page.get_by_role("button", name=button).first.click()
    assert shot
    page.get_by_role("button", name=words["submit"]).click()
    page.wait_for_url("**/resultado/")
    expect(page.get_by_role("heading", name=words["result"])).to_be_visible()
    step(page, language, "result")
    assert Attempt.objects.get(user__username="ana", quiz__title=DEMO_REVIEW_QUIZ).state == AttemptState.SUBMITTED

    page.get_by_role("link", name=words["cards"]).first.click()
    page.wait_for_load_state()
    step(page, language, "cards")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_navbar_is_one_line_in_both_languages(chromium, live_server, width):
    """At 390 px the bar holds the name, the theme switch (its sign alone there, its name for screen readers), the
    menu button and the other language's name on one line, in Spanish («English») and in English («Español»)."""
    from tests import factories

    context = chromium.new_context(viewport={"width": width, "height": 800}, locale="es-ES")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base_url = live_server.url
    student = factories.make_student()
    login(page, student.username, factories.PASSWORD)
    for language, other, theme in [("es", "English", "Tema"), ("en", "Español", "Theme")]:
        if language == "en":
            page.get_by_role("button", name="English").click()
            page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == language
        brand = page.locator(".navbar-brand").bounding_box()
        switch = page.get_by_role("button", name=other).bounding_box()
        toggle = page.get_by_role("button", name=theme).bounding_box()
        assert switch["y"] < brand["y"] + brand["height"] and toggle["y"] < brand["y"] + brand["height"], language
        assert switch["x"] + switch["width"] <= width and toggle["x"] + toggle["width"] <= width
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.locator("nav.app-navbar").bounding_box()["height"] < 2 * brand["height"] + 16
        screenshot(page, f"navbar-{language}-{width}")
    context.close()
