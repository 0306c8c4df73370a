"""Dark mode: the pages follow the system setting, the menu's «Tema» switch overrides it and the choice is kept
(localStorage), and the theme is set before the page is drawn (theme.js is a blocking script in <head>)."""

import pytest
from django.urls import reverse

from tests import factories
from tests.browser.conftest import login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

THEME = "() => document.documentElement.getAttribute('data-bs-theme')"


def choose(page, label: str) -> None:
    page.get_by_role("button", name="Tema").click()
    page.get_by_role("button", name=label).click()


def test_the_theme_follows_the_system_and_the_switch_overrides_it(dark_page, live_server):
    student = factories.make_student()
    login(dark_page, student.username, factories.PASSWORD)
    assert dark_page.evaluate(THEME) == "dark"
    choose(dark_page, "Claro")
    assert dark_page.evaluate(THEME) == "light"
    dark_page.goto(live_server.url + reverse("quizzes:progress"))
    assert dark_page.evaluate(THEME) == "light", "the choice is kept across pages"
    assert dark_page.locator("[data-theme-value=light]").get_attribute("aria-pressed") == "true"
    choose(dark_page, "Como el sistema")
    assert dark_page.evaluate(THEME) == "dark"
    dark_page.reload()
    assert dark_page.evaluate(THEME) == "dark"


def test_the_dark_choice_is_kept_on_a_light_system(page, live_server):
    login(page, factories.make_student().username, factories.PASSWORD)
    assert page.evaluate(THEME) == "light"
    choose(page, "Oscuro")
    assert page.evaluate(THEME) == "dark"
    page.goto(live_server.url + "/cuentas/login/")  # another page, even without logging in
    assert page.evaluate(THEME) == "dark"
    assert page.evaluate("() => localStorage.getItem('ww-theme')") == "dark"


def test_the_theme_is_set_before_the_first_paint(dark_page, live_server):
    """theme.js runs in <head>, before any stylesheet and the body: no flash of the light theme."""
    dark_page.goto(live_server.url + "/cuentas/login/")
    order = dark_page.evaluate(
        """() => [...document.head.children].map(el => el.tagName + (el.src ? ':' + el.src.split('/').pop() : ''))"""
    )
    script = order.index("SCRIPT:theme.js")
    assert script < order.index("LINK"), order
    assert dark_page.evaluate(THEME) == "dark"


def test_screenshots_in_both_themes(chromium, live_server):
    """Phone and laptop, light and dark: the student's home and the teacher's class page (looked at by eye)."""
    from quizzes.services import attempts as attempt_services
    from tests.views.test_access_matrix import World

    world = World()
    attempt_services.attempt_start(user=world.student, quiz=factories.make_quiz(n_questions=1))
    for scheme in ("light", "dark"):
        for name, viewport in (("phone", {"width": 375, "height": 812}), ("laptop", {"width": 1280, "height": 800})):
            context = chromium.new_context(viewport=viewport, locale="es-ES", color_scheme=scheme)
            page = context.new_page()
            page.base_url = live_server.url
            login(page, world.student.username, factories.PASSWORD)
            assert page.evaluate(THEME) == scheme
            screenshot(page, f"theme-student-home-{scheme}-{name}")
            context.close()
            context = chromium.new_context(viewport=viewport, locale="es-ES", color_scheme=scheme)
            page = context.new_page()
            page.base_url = live_server.url
            login(page, world.teacher.username, factories.PASSWORD)
            page.goto(live_server.url + reverse("quizzes:teacher_class", args=[world.classroom.pk]))
            screenshot(page, f"theme-teacher-class-{scheme}-{name}")
            context.close()
