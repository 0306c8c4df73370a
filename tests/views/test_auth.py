"""Login, logout and password change through Django's auth views, with django-axes throttling."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from quizzes.models import User
from tests import factories

pytestmark = pytest.mark.django_db


def test_login_with_the_form_redirects_home(client):
    factories.make_student(username="ana", password="clave-secreta-1")
    response = client.post(reverse("login"), {"username": "ana", "password": "clave-secreta-1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("quizzes:home")


def test_wrong_password_is_a_form_error(client):
    factories.make_student(username="ana", password="clave-secreta-1")
    response = client.post(reverse("login"), {"username": "ana", "password": "mala"})
    assert response.status_code == 200
    assertContains(response, "Por favor, introduzca un nombre de usuario y clave correctos")


def test_repeated_failures_lock_the_account_out_with_a_clear_message(client, settings):
    factories.make_student(username="ana", password="clave-secreta-1")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "ana", "password": "mala"})
    response = client.post(reverse("login"), {"username": "ana", "password": "clave-secreta-1"})
    assert response.status_code == 429
    assertContains(response, "Demasiados intentos fallidos", status_code=429)


def test_logout_is_post_only_and_works(student_client):
    response = student_client.post(reverse("logout"))
    assert response.status_code in (200, 302)
    assert student_client.get(reverse("quizzes:home")).status_code == 302


def test_password_change_page(student_client):
    assertContains(student_client.get(reverse("password_change")), "Cambiar contraseña")


def test_error_pages_are_spanish(client):
    response = client.get("/no-existe/")
    assert response.status_code == 404
    assertContains(response, "No encontramos esta página", status_code=404)


def test_a_huge_username_is_a_form_error_not_a_500(client):
    """django-axes records failed usernames in a 255-character column: a longer one must not reach it whole."""
    from axes.models import AccessAttempt

    response = client.post(reverse("login"), {"username": "a" * 5000, "password": "mala"})
    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "a" * 150


def test_lockout_still_counts_a_long_username(client, settings):
    long_name = "ñ" * 400
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": long_name, "password": "mala"})
    response = client.post(reverse("login"), {"username": long_name, "password": "mala"})
    assert response.status_code == 429


def test_password_reset_sends_a_link_that_works_once(client, mailoutbox):
    factories.make_student(username="ana", password="clave-secreta-1", email="ana@example.org")
    response = client.post(reverse("password_reset"), {"email": "ana@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    link = next(line for line in mailoutbox[0].body.splitlines() if "/cuentas/reset/" in line)
    path = link.split("testserver", 1)[1]
    form = client.get(path, follow=True)
    assertContains(form, "Elegir una contraseña nueva")
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": "otra-clave-larga-9", "new_password2": "otra-clave-larga-9"}
    )
    assert done.status_code == 302
    assert User.objects.get(username="ana").check_password("otra-clave-larga-9")
    assertContains(client.get(path, follow=True), "Este enlace ya no sirve")


def test_password_reset_pages_are_ours_not_the_admins(client):
    assertContains(client.get(reverse("password_reset")), "Recuperar la contraseña")
    assert b"breadcrumbs" not in client.get(reverse("password_reset")).content
