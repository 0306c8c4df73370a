"""A teacher opens a class report, reads the item analysis and downloads the CSV (laptop and phone widths)."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = [
    "La Guerra de Invierno empezó el 30 de noviembre de 1939.",
    "La Unión Soviética atacó Finlandia con más de 450 000 soldados.",
    "Los finlandeses defendieron la línea Mannerheim en el istmo de Carelia.",
    "La paz se firmó en Moscú el 13 de marzo de 1940.",
]


def _school():
    teacher = factories.make_teacher(username="profesora", first_name="Marta", password="profesora-clave")
    names = ["Ana López", "Bruno García", "Carla Martín", "Diego Núñez", "Elena Ibáñez", "Íñigo Peña"]
    students = [
        factories.make_student(first_name=n.split()[0], last_name=n.split()[1], username=n.split()[0].lower())
        for n in names
    ]
    classroom = factories.make_classroom(name="4.º ESO A", teachers=[teacher], students=students, join_code="INVIERNO")
    document = factories.make_document(title="La Guerra de Invierno", text=" ".join(TEXT))
    offset, questions = 0, []
    for i, text in enumerate(TEXT):
        sentence = factories.make_sentence(document=document, index=i, text=text, start=offset)
        offset += len(text) + 1
        fact = factories.make_fact(sentence=sentence, answer=f"dato {i}")
        questions.append(
            factories.make_question(
                document=document, fact=fact, sentence=sentence, prompt=f"¿Qué dice la oración {i + 1}? «{text[:40]}…»"
            )
        )
    quiz = factories.make_quiz(title="Guerra de Invierno: repaso", questions=questions)
    factories.make_assignment(classroom=classroom, quiz=quiz)
    marks = [[1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 1, 1], [1, 1, 1, 1], [1, 0, 0, 1], [0, 0, 0, 1]]
    for student, row in zip(students, marks, strict=True):
        factories.make_attempt(user=student, quiz=quiz, fractions=row)
    factories.make_attempt(user=students[1], quiz=quiz, fractions=[1, 1, 1, 0])
    return classroom


@pytest.mark.parametrize("viewport", ["page", "phone_page"])
def test_teacher_reads_the_class_report_and_downloads_csv(request, viewport):
    page = request.getfixturevalue(viewport)
    classroom = _school()
    login(page, "profesora", "profesora-clave")
    page.goto(page.base_url + "/docente/clases/")
    page.get_by_role("link", name="4.º ESO A").click()
    expect(page.get_by_role("heading", name="4.º ESO A")).to_be_visible()
    expect(page.get_by_text("INVIERNO").first).to_be_visible()
    screenshot(page, f"classes-grid-{viewport}")
    # The page itself never scrolls sideways (the wide grid scrolls inside its own box), at 375 px too.
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Descargar CSV").click()
    grid_csv = download_info.value.path().read_bytes().decode("utf-8")
    assert grid_csv.startswith("\ufeff") and "Íñigo" in grid_csv

    # The assignment's dates, changed from the class page.
    page.get_by_role("link", name="Cambiar las fechas de «Guerra de Invierno: repaso»").click()
    page.wait_for_load_state()
    page.get_by_label("Fecha de entrega").fill("2031-03-01T10:00")
    screenshot(page, f"classes-assignment-dates-{viewport}")
    page.get_by_role("button", name="Guardar las fechas").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Fechas de «Guerra de Invierno: repaso» guardadas.")).to_be_visible()
    expect(page.get_by_text("1 mar 2031, 10:00")).to_be_visible()

    page.get_by_role("link", name="Guerra de Invierno: repaso", exact=True).click()
    expect(page.get_by_role("heading", name="Análisis de preguntas: Guerra de Invierno: repaso")).to_be_visible()
    expect(page.locator("svg.ww-chart").first).to_be_visible()
    # Question 4 is answered right by the weakest students: it is flagged for review with a link to the admin.
    expect(page.get_by_text("No discrimina").first).to_be_visible()
    screenshot(page, f"classes-items-{viewport}")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Descargar CSV").click()
    stats_csv = download_info.value.path().read_bytes().decode("utf-8")
    assert stats_csv.startswith("\ufeff") and "Facilidad" in stats_csv and "Alfa de Cronbach" in stats_csv

    page.goto(page.base_url + f"/docente/clases/{classroom.pk}/dominio/")
    expect(page.locator(".ww-mastery-4").first).to_be_visible()
    screenshot(page, f"classes-mastery-{viewport}")


def test_student_joins_with_the_link(page):
    _school()
    factories.make_student(username="nuevo", first_name="Nuevo", password="nuevo-clave")
    login(page, "nuevo", "nuevo-clave")
    page.goto(page.base_url + "/clases/unirse/INVIERNO/")
    page.get_by_role("button", name="Unirme").click()
    expect(page.get_by_text("Se ha unido a la clase «4.º ESO A»")).to_be_visible()
    expect(page.get_by_text("Guerra de Invierno: repaso").first).to_be_visible()
    screenshot(page, "classes-student-home-page")


def test_teacher_creates_a_class_and_removes_a_student_after_confirming(page):
    from quizzes.models import Classroom, Enrollment

    classroom = _school()
    login(page, "profesora", "profesora-clave")
    page.goto(page.base_url + "/docente/clases/")
    page.get_by_label("Nombre de la clase").fill("1.º Bachillerato")
    page.get_by_role("button", name="Añadir la clase").click()
    expect(page.get_by_role("heading", name="1.º Bachillerato")).to_be_visible()
    new = Classroom.objects.get(name="1.º Bachillerato")
    expect(page.get_by_text(new.join_code).first).to_be_visible()

    page.goto(page.base_url + f"/docente/clases/{classroom.pk}/")
    page.get_by_role("link", name="Ana López").click()
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Quitar de la clase").click()
    assert dialogs and Enrollment.objects.filter(classroom=classroom, student__username="ana").exists()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Quitar de la clase").click()
    page.wait_for_url(f"**/docente/clases/{classroom.pk}/")
    expect(page.get_by_text("ya no está en la clase")).to_be_visible()
    assert not Enrollment.objects.filter(classroom=classroom, student__username="ana").exists()
