"""«Leer el texto» from the menu and from the home page, at phone and laptop widths (screenshots to look at)."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", ["phone_page", "page"])
def test_student_opens_the_text_from_the_home_and_the_menu(request, viewport):
    page = request.getfixturevalue(viewport)
    document = factories.make_document(title="La Guerra de Invierno", is_published=True)
    factories.make_sentence(document=document, text="Finlandia es un país.")
    student = factories.make_student(username="ana", password="ana-demo-clave")
    classroom = factories.make_classroom(students=[student])
    factories.make_assignment(classroom=classroom, quiz=factories.make_quiz(n_questions=1, document=document))
    login(page, "ana", "ana-demo-clave")

    link = page.get_by_role("link", name="Leer el texto: La Guerra de Invierno")
    expect(link).to_be_visible()
    screenshot(page, f"read-text-home-{viewport}")
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/documentos/{document.pk}/")

    if viewport == "phone_page":
        page.get_by_role("button", name="Abrir el menú").click()
    page.get_by_role("navigation", name="Navegación principal").get_by_role("link", name="Leer el texto").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Leer el texto")).to_be_visible()
    screenshot(page, f"read-text-list-{viewport}")
    page.get_by_role("link", name="La Guerra de Invierno").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/documentos/{document.pk}/")
