import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db


def test_home_requires_login(client):
    response = client.get(reverse("quizzes:home"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_home_student(student_client):
    assertContains(student_client.get(reverse("quizzes:home")), "Hola, Eva")


def test_home_teacher(teacher_client):
    assertContains(teacher_client.get(reverse("quizzes:home")), "Borradores por revisar")


def test_login_page_is_spanish(client):
    response = client.get(reverse("login"))
    assertContains(response, "Iniciar sesión")
    assertContains(response, 'lang="es"')
