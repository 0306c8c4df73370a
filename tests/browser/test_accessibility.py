"""Accessibility audit in Chromium: axe-core (axe-playwright-python, offline) on every student and teacher page, and a
keyboard walk: pressing Tab from the top of each page reaches every control in its main content.

No serious or critical axe violation is allowed, nor a page without its <h1> or with two landmarks of the same name
(axe rates those two «moderate»). One test per role visits all of its pages and reports every problem at once (page,
rule, elements), so a fix can be checked in one run. The admin pages a teacher authors with are audited too.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from quizzes.models import QuestionKind, Status
from quizzes.services import attempts as attempt_services
from tests import factories
from tests.browser.conftest import login
from tests.views.test_access_matrix import World

pytestmark = pytest.mark.django_db(transaction=True)

BLOCKING = {"serious", "critical"}
BLOCKING_RULES = {"page-has-heading-one", "landmark-unique"}  # «moderate» for axe, but a reader gets lost without

# Marks each visible, focusable control in <main> (radio groups count once: Tab stops on one radio per group).
MARK_CONTROLS = """() => {
  const main = document.querySelector('main') || document.body;
  const keys = [];
  let i = 0;
  for (const el of main.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')) {
    if (el.matches(':disabled') || el.tabIndex < 0 || el.type === 'hidden') continue;
    if (el.closest('[hidden], [inert], [aria-hidden="true"]')) continue;
    const closed = el.closest('details:not([open])');  // a closed <details>: only its summary is reachable
    if (closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed)) continue;
    if (el.checkVisibility && !el.checkVisibility({checkVisibilityCSS: true})) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const key = el.type === 'radio' ? 'radio:' + el.name : 'c' + (i++);
    el.dataset.a11yKey = key;
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}"""
DESCRIBE = """(key) => {
  const el = document.querySelector(`[data-a11y-key="${key}"]`);
  return el ? `${el.tagName.toLowerCase()} ${(el.getAttribute('name') || el.textContent || '').trim().slice(0, 40)}` : key;
}"""


def axe_problems(page, label: str) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    problems = []
    for violation in Axe().run(page).response["violations"]:
        if violation.get("impact") in BLOCKING or violation["id"] in BLOCKING_RULES:
            targets = [n["target"] for n in violation["nodes"]][:4]
            problems.append(f"{label}: axe {violation['impact']} {violation['id']} ({violation['help']}) at {targets}")
    return problems


def keyboard_problems(page, label: str) -> list[str]:
    """Tab from the top of the page; every control in <main> must receive the focus."""
    wanted = page.evaluate(MARK_CONTROLS)
    reached: set[str] = set()
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    for _press in range(len(wanted) + 40):
        page.keyboard.press("Tab")
        key = page.evaluate("() => document.activeElement && document.activeElement.dataset.a11yKey")
        if key:
            reached.add(key)
        if reached >= set(wanted):
            break
    missed = [page.evaluate(DESCRIBE, key) for key in wanted if key not in reached]
    return [f"{label}: not reachable with Tab: {missed}"] if missed else []


def audit(page, pages: list[tuple[str, str]], *, keyboard: bool = True, theme: str | None = None) -> list[str]:
    problems = []
    for label, url in pages:
        response = page.goto(page.base_url + url)
        if response is None or response.status >= 400:
            problems.append(f"{label}: HTTP {response.status if response else '?'} for {url}")
            continue
        page.wait_for_load_state()
        drawn = page.evaluate("() => document.documentElement.getAttribute('data-bs-theme')")
        if theme and drawn != theme:
            problems.append(f"{label}: drawn in the {drawn} theme, not {theme}")
        problems += axe_problems(page, label)
        if keyboard:
            problems += keyboard_problems(page, label)
    return problems


@pytest.fixture
def world(live_server):
    world = World()
    every_kind = factories.make_quiz_of_every_kind(title="Todas las clases de pregunta", document=world.document)
    factories.make_assignment(classroom=world.classroom, quiz=every_kind)
    world.every_kind_attempt = attempt_services.attempt_start(user=world.student, quiz=every_kind)
    return world


def student_pages(world) -> list[tuple[str, str]]:
    attempt = world.every_kind_attempt
    return [
        ("home", reverse("quizzes:home")),
        ("quiz", reverse("quizzes:quiz_detail", args=[world.quiz.pk])),
        *[
            (f"question {slot}", reverse("quizzes:attempt_question", args=[attempt.pk, slot]))
            for slot in range(1, attempt.responses.count() + 1)
        ],
        ("attempt review", reverse("quizzes:attempt_review", args=[attempt.pk])),
        ("result", reverse("quizzes:attempt_result", args=[world.done.pk])),
        ("progress", reverse("quizzes:progress")),
        ("cards (front)", reverse("quizzes:cards_review")),
        ("cards (back)", reverse("quizzes:cards_review") + f"?mostrar={world.card.pk}"),
        ("cards (typed)", reverse("quizzes:cards_review") + "?modo=escribir"),
        ("card stats", reverse("quizzes:cards_stats")),
        ("card settings", reverse("quizzes:cards_settings")),
        ("join a class", reverse("quizzes:join")),
        ("document", reverse("quizzes:document_read", args=[world.document.pk]) + "?s=0"),
        ("password change", reverse("password_change")),
    ]


def teacher_pages(world) -> list[tuple[str, str]]:
    classroom = world.classroom.pk
    return [
        ("home", reverse("quizzes:home")),
        ("classes", reverse("quizzes:teacher_classes")),
        ("class report", reverse("quizzes:teacher_class", args=[classroom])),
        ("student report", reverse("quizzes:teacher_student", args=[classroom, world.student.pk])),
        ("item analysis", reverse("quizzes:teacher_item_analysis", args=[classroom, world.quiz.pk])),
        ("mastery", reverse("quizzes:teacher_mastery", args=[classroom])),
        ("question preview", reverse("quizzes:question_preview", args=[world.question.pk])),
        ("document", reverse("quizzes:document_read", args=[world.document.pk])),
    ]


def test_student_pages(page, world):
    login(page, world.student.username, factories.PASSWORD)
    problems = audit(page, student_pages(world))
    assert not problems, "\n".join(problems)


def test_student_pages_in_the_dark_theme(dark_page, world):
    """The system asks for dark: every page is drawn dark (theme.js) and keeps its contrast."""
    login(dark_page, world.student.username, factories.PASSWORD)
    problems = audit(dark_page, student_pages(world), keyboard=False, theme="dark")
    assert not problems, "\n".join(problems)


def test_teacher_pages(page, world):
    login(page, world.teacher.username, factories.PASSWORD)
    problems = audit(page, teacher_pages(world))
    assert not problems, "\n".join(problems)


def test_teacher_pages_in_the_dark_theme(dark_page, world):
    login(dark_page, world.teacher.username, factories.PASSWORD)
    problems = audit(dark_page, teacher_pages(world), keyboard=False, theme="dark")
    assert not problems, "\n".join(problems)


def test_admin_authoring_pages(page, world):
    """The admin pages a teacher authors with: a document (without questions yet: the next step is offered), a
    generated draft with its checks, a quiz, a class. Django's admin is axe-audited like our own pages."""
    teacher = world.teacher
    draft = factories.make_question(
        kind=QuestionKind.SHORT_ANSWER,
        document=world.own_document,
        status=Status.DRAFT,
        origin="generated",
        checks={"passed": ["has_blank", "stands_alone"], "failed": ["typable_answer", "swap_reviewed"]},
    )
    true_false = factories.make_question(kind=QuestionKind.TRUE_FALSE, created_by=teacher)
    quiz = factories.make_quiz(questions=[true_false], created_by=teacher, document=world.own_document)
    login(page, teacher.username, factories.PASSWORD)
    pages = [
        ("admin index", reverse("admin:index")),
        ("document add", reverse("admin:quizzes_document_add")),
        ("document change", reverse("admin:quizzes_document_change", args=[world.own_document.pk])),
        ("question list", reverse("admin:quizzes_question_changelist")),
        ("question add", reverse("admin:quizzes_question_add")),
        ("draft question", reverse("admin:quizzes_question_change", args=[draft.pk])),
        ("true/false question", reverse("admin:quizzes_question_change", args=[true_false.pk])),
        ("shared question (read-only)", reverse("admin:quizzes_question_change", args=[world.question.pk])),
        ("quiz add", reverse("admin:quizzes_quiz_add")),
        ("quiz change", reverse("admin:quizzes_quiz_change", args=[quiz.pk])),
        ("class add", reverse("admin:quizzes_classroom_add")),
        ("class change", reverse("admin:quizzes_classroom_change", args=[world.classroom.pk])),
    ]
    problems = audit(page, pages, keyboard=False)
    assert not problems, "\n".join(problems)


def test_pages_without_login(page, world):
    pages = [
        ("login", reverse("login")),
        ("password reset", reverse("password_reset")),
        ("not found", "/no-existe/"),
    ]
    problems = audit(page, [p for p in pages if p[0] != "not found"])
    page.goto(page.base_url + "/no-existe/")
    problems += axe_problems(page, "not found")
    assert not problems, "\n".join(problems)


def test_student_pages_on_a_phone(phone_page, world):
    """The same audit at 375 px (collapsed menu, stacked layouts) on the pages students use most."""
    login(phone_page, world.student.username, factories.PASSWORD)
    attempt = world.every_kind_attempt
    pages = [
        ("phone home", reverse("quizzes:home")),
        ("phone quiz", reverse("quizzes:quiz_detail", args=[world.quiz.pk])),
        *[
            (f"phone question {slot}", reverse("quizzes:attempt_question", args=[attempt.pk, slot]))
            for slot in range(1, attempt.responses.count() + 1)
        ],
        ("phone attempt review", reverse("quizzes:attempt_review", args=[attempt.pk])),
        ("phone result", reverse("quizzes:attempt_result", args=[world.done.pk])),
        ("phone progress", reverse("quizzes:progress")),
        ("phone cards (back)", reverse("quizzes:cards_review") + f"?mostrar={world.card.pk}"),
        ("phone card stats", reverse("quizzes:cards_stats")),
    ]
    problems = audit(phone_page, pages)
    assert not problems, "\n".join(problems)


def test_teacher_pages_on_a_phone(phone_page, world):
    login(phone_page, world.teacher.username, factories.PASSWORD)
    classroom = world.classroom.pk
    pages = [
        ("phone class report", reverse("quizzes:teacher_class", args=[classroom])),
        ("phone item analysis", reverse("quizzes:teacher_item_analysis", args=[classroom, world.quiz.pk])),
        ("phone mastery", reverse("quizzes:teacher_mastery", args=[classroom])),
    ]
    problems = audit(phone_page, pages)
    assert not problems, "\n".join(problems)
