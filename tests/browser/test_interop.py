"""The import pages in the admin, in Chromium at laptop and phone widths (screenshots to look at)."""

import pytest
from playwright.sync_api import expect

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

::Ensayo:: Explique las causas de la guerra.{}
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
    expect(page.get_by_text("no se ha importado nada")).to_be_visible()
    expect(page.get_by_text("Todas las opciones son incorrectas")).to_be_visible()
    screenshot(page, f"interop-import-errors-{viewport}")

    good = tmp_path / "banco.txt"
    good.write_text(GOOD, encoding="utf-8")
    page.set_input_files("input[type=file]", str(good))
    page.get_by_role("button", name="Leer el archivo").click()
    page.wait_for_load_state()
    expect(page.get_by_role("link", name="Ya existe")).to_be_visible()
    expect(page.get_by_text("1940", exact=True)).to_be_visible()
    expect(page.get_by_text("1 pregunta del archivo no se importa")).to_be_visible()
    expect(page.get_by_text("Pregunta de ensayo")).to_be_visible()
    screenshot(page, f"interop-import-preview-{viewport}")

    page.get_by_role("button", name="Confirmar la importación").click()
    page.wait_for_load_state()
    expect(page.get_by_text("2 preguntas importadas como borradores")).to_be_visible()
    screenshot(page, f"interop-import-done-{viewport}")
    assert Question.objects.filter(origin="imported").count() == 2


@pytest.mark.parametrize("viewport", ["page", "phone_page"])
def test_teacher_imports_an_anki_deck(request, viewport, tmp_path):
    from anki.collection import Collection, ExportAnkiPackageOptions

    page = request.getfixturevalue(viewport)
    factories.make_teacher(username="profe", password="profe-clave-larga")
    factories.make_document(title="Guerra de Invierno")
    login(page, "profe", "profe-clave-larga")

    (tmp_path / "perfil").mkdir()
    collection = Collection(str(tmp_path / "perfil" / "collection.anki2"))
    deck = collection.decks.id("Guerra de Invierno")
    basic = collection.new_note(collection.models.by_name("Basic (and reversed card)"))
    basic["Front"], basic["Back"] = "Mannerheim", "Mariscal finlandés que dirigió la defensa"
    collection.add_note(basic, deck)
    cloze = collection.new_note(collection.models.by_name("Cloze"))
    cloze["Text"] = "La guerra empezó el {{c1::30 de noviembre}} de {{c2::1939}}."
    collection.add_note(cloze, deck)
    out = tmp_path / "mazo.apkg"
    options = ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False, with_media=False, legacy=False)
    collection.export_anki_package(out_path=str(out), options=options, limit=None)
    collection.close()

    page.goto(page.base_url + "/admin/quizzes/flashcard/importar-anki/")
    page.set_input_files("input[type=file]", str(out))
    page.get_by_role("button", name="Leer el mazo").click()
    page.wait_for_load_state()
    expect(page.get_by_text("4 nuevas · 0 se actualizan · 0 sin cambios")).to_be_visible()
    screenshot(page, f"interop-anki-preview-{viewport}")
    page.get_by_role("button", name="Confirmar la importación").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Tarjetas creadas: 4")).to_be_visible()
    screenshot(page, f"interop-anki-done-{viewport}")
