"""A class gets its accounts: a student signs up from the join link; a teacher uploads a roster of 30 and prints the
login slips; a student logs in with a slip and is made to choose a password (phone and laptop widths)."""

import re

import pytest
from playwright.sync_api import expect

from quizzes.models import Enrollment, User
from tests import factories
from tests.browser.conftest import login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

FIRST = ["Ana", "Bruno", "Carla", "Diego", "Elena", "Íñigo", "Lucía", "Marcos", "Nerea", "Óscar"]
LAST = ["López", "García", "Martín"]


def _roster_csv() -> bytes:
    lines = ["nombre;apellidos;usuario;correo"]
    for i in range(30):
        lines.append(f"{FIRST[i % 10]};{LAST[i // 10]} {i + 1};;")
    return ("\n".join(lines) + "\n").encode("cp1252")  # as Excel in Spanish saves it


@pytest.mark.parametrize("viewport", ["page", "phone_page"])
def test_a_student_signs_up_from_the_join_link(request, viewport):
    page = request.getfixturevalue(viewport)
    teacher = factories.make_teacher(username="profesora")
    classroom = factories.make_classroom(name="4.º ESO A", teachers=[teacher], join_code="INVIERNO")
    page.goto(page.base_url + "/clases/unirse/INVIERNO/")
    expect(page.get_by_role("heading", name="Unirse a «4.º ESO A»")).to_be_visible()
    screenshot(page, f"accounts-signup-{viewport}")
    page.locator("#id_first_name").fill("Aino")
    page.locator("#id_last_name").fill("Virtanen")
    page.locator("#id_username").fill(f"aino-{viewport}")
    page.locator("#id_password1").fill("talvisota-1939-k")
    page.locator("#id_password2").fill("talvisota-1939-k")
    page.get_by_role("button", name="Crear la cuenta y unirme").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Ya está en la clase «4.º ESO A»")).to_be_visible()
    screenshot(page, f"accounts-signed-up-home-{viewport}")
    assert Enrollment.objects.filter(classroom=classroom, student__username=f"aino-{viewport}").exists()

    # An unknown code says so before any password is asked for.
    page.context.clear_cookies()  # a visitor without an account
    page.goto(page.base_url + "/clases/unirse/NOEXISTE/")
    expect(page.get_by_text("No hay ninguna clase con ese código")).to_be_visible()
    assert page.locator('input[name="password1"]').count() == 0


@pytest.mark.parametrize("viewport", ["page", "phone_page"])
def test_teacher_uploads_a_roster_prints_slips_and_a_student_logs_in(request, viewport, tmp_path, chromium):
    page = request.getfixturevalue(viewport)
    teacher = factories.make_teacher(username="profesora", first_name="Marta", password="profesora-clave")
    classroom = factories.make_classroom(name="2.º Bach B", teachers=[teacher], join_code="ROSTER23")
    login(page, "profesora", "profesora-clave")
    page.goto(page.base_url + f"/docente/clases/{classroom.pk}/")
    page.get_by_role("link", name="Importar la lista de la clase (CSV)").click()
    roster = tmp_path / "lista.csv"
    roster.write_bytes(_roster_csv())
    page.locator("#id_file").set_input_files(str(roster))
    page.get_by_role("button", name="Ver la vista previa").click()
    expect(page.get_by_text("Se crearán 30 cuentas nuevas")).to_be_visible()
    expect(page.get_by_text("Íñigo García 16")).to_be_visible()
    screenshot(page, f"accounts-roster-preview-{viewport}")
    assert not User.objects.filter(created_by=teacher).exists()  # the preview wrote nothing

    page.get_by_role("button", name="Crear las cuentas y ver las hojas de acceso").click()
    page.wait_for_load_state()
    slips = page.locator(".ww-slip")
    assert slips.count() == 30
    screenshot(page, f"accounts-slips-{viewport}")
    page.emulate_media(media="print")
    screenshot(page, f"accounts-slips-print-{viewport}")
    page.emulate_media(media="screen")
    first = slips.first
    username = first.locator(".ww-slip-username").inner_text()
    password = first.locator(".ww-slip-password").inner_text()
    assert re.fullmatch(r"[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}", password)
    assert Enrollment.objects.filter(classroom=classroom).count() == 30

    # The student, on another device, logs in with the slip and must choose a password first.
    student_context = chromium.new_context(viewport=page.viewport_size, locale="es-ES", reduced_motion="reduce")
    student = student_context.new_page()
    student.set_default_timeout(10_000)
    student.base_url = page.base_url
    login(student, username, password)
    assert student.url.endswith("/cuentas/password_change/")
    expect(student.get_by_text("Su contraseña es provisional")).to_be_visible()
    screenshot(student, f"accounts-first-login-{viewport}")
    student.locator("#id_old_password").fill(password)
    student.locator("#id_new_password1").fill("mi-clave-de-invierno-7")
    student.locator("#id_new_password2").fill("mi-clave-de-invierno-7")
    student.get_by_role("button", name="Guardar la nueva contraseña").click()
    student.wait_for_load_state()
    student.goto(student.base_url + "/")
    assert student.url.rstrip("/") == student.base_url.rstrip("/")
    expect(student.get_by_text("2.º Bach B").first).to_be_visible()
    student_context.close()
    assert not User.objects.get(username=username).must_change_password
