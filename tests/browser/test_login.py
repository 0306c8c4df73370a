import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", ["page", "phone_page"])
def test_student_logs_in_and_sees_home(request, viewport):
    page = request.getfixturevalue(viewport)
    factories.make_student(username="ana", first_name="Ana", password="ana-demo-clave")
    login(page, "ana", "ana-demo-clave")
    expect(page.get_by_role("heading", name="Hola, Ana")).to_be_visible()
    path = screenshot(page, f"home-student-{viewport}")
    assert path.stat().st_size > 5000


def test_wrong_password_shows_a_clear_error(page):
    factories.make_student(username="ana", password="ana-demo-clave")
    login(page, "ana", "mala")
    expect(page.locator(".alert-danger, .invalid-feedback, .errorlist").first).to_be_visible()
