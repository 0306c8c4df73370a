"""The import pages in the admin, in Chromium at laptop and phone widths (screenshots to look at)."""

import pytest

from quizzes.models import Question
from tests import factories
from tests.browser.conftest import login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

GOOD = """// Banco de prueba
::Capital::¿Cuál es la capital de Finlandia?{=Helsinki ~Turku ~Tampere####Helsinki está en el sur.}

::Paz::¿En qué año se firmó la paz de Moscú?{#1940:0}

::Orden::Ordene los hechos:{>3 ALL
Invasión soviética
Batalla de Suomussalmi
Paz de Moscú
}
"""
BAD = "::Capital::¿Cuál es la capital de Finlandia?{=Helsinki ~Turku\n\n¿Capital de Suecia?{~Oslo ~Copenhague}\n"


@pytest.mark.parametrize("viewport", ["page", "phone_page"])
def test_teacher_imports_a_gift_file(request, viewport, tmp_path):
    page = request.getfixturevalue(viewport)
    factories.make_teacher(username="profe", password="profe-clave-larga")
    factories.make_question(prompt="¿Cuál es la capital de Finlandia?")  # so that one row is a duplicate
    login(page, "profe", "profe-clave-larga")

    bad = tmp_path / "malo.txt"
    bad.write_text(BAD, encoding="utf-8")
    page.goto(page.base_url + "/admin/quizzes/question/importar/")
    page.set_input_files("input[type=file]", str(bad))
    page.get_by_role("button", name="Leer el archivo").click()
    page.wait_for_load_state()
    assert page.get_by_text("no se ha importado nada").is_visible()
    assert page.get_by_text("Todas las opciones son incorrectas").is_visible()
    screenshot(page, f"interop-import-errors-{viewport}")

    good = tmp_path / "banco.txt"
    good.write_text(GOOD, encoding="utf-8")
    page.set_input_files("input[type=file]", str(good))
    page.get_by_role("button", name="Leer el archivo").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Ya existe").is_visible()
    assert page.get_by_text("1940", exact=True).is_visible()
    screenshot(page, f"interop-import-preview-{viewport}")

    page.get_by_role("button", name="Confirmar la importación").click()
    page.wait_for_load_state()
    assert page.get_by_text("2 preguntas importadas como borradores").is_visible()
    screenshot(page, f"interop-import-done-{viewport}")
    assert Question.objects.filter(origin="imported").count() == 2
