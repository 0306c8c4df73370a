"""«Crear desde un documento» in Chromium, at laptop and phone widths (screenshots to look at)."""

import pytest
from playwright.sync_api import expect

from quizzes.models import Quiz, Status
from tests import factories
from tests.browser.conftest import login, screenshot
from tests.services.test_quiz_building import make_bank

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", ["page", "phone_page"])
def test_teacher_builds_a_quiz_from_a_document_and_edits_the_draft(request, viewport):
    page = request.getfixturevalue(viewport)
    teacher = factories.make_teacher(username="profe", password="profe-clave-larga")
    document, _q = make_bank(owner=teacher)
    login(page, "profe", "profe-clave-larga")

    page.goto(page.base_url + "/admin/quizzes/quiz/")
    page.get_by_role("link", name="Crear desde un documento").click()
    page.wait_for_load_state()
    screenshot(page, f"quiz-build-form-{viewport}")

    page.get_by_label("Número de preguntas").fill("0")
    page.get_by_role("button", name="Crear el borrador").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Revise el formulario: no se ha creado nada.")).to_be_visible()
    assert not Quiz.objects.exists()

    page.get_by_label("Documento").select_option(label=document.title)
    page.get_by_label("Número de preguntas").fill("10")
    page.get_by_label("Título").fill("Repaso de la invasión")
    page.get_by_role("button", name="Crear el borrador").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Borrador creado con 3 de las 10 preguntas pedidas")).to_be_visible()
    quiz = Quiz.objects.get()
    assert (quiz.title, quiz.status, quiz.items.count()) == ("Repaso de la invasión", Status.DRAFT, 3)
    assert page.url.endswith(f"/admin/quizzes/quiz/{quiz.pk}/change/")
    expect(page.get_by_text("La capital de Finlandia").first).to_be_visible()
    screenshot(page, f"quiz-build-draft-{viewport}")
