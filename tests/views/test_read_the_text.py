"""«Leer el texto»: in the menu and on the home page, one entry per document the student studies."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def studied(student, teacher):
    mine = factories.make_document(title="La Guerra de Invierno", is_published=True)
    factories.make_document(title="Otro texto publicado", is_published=True)
    factories.make_document(title="Un borrador", is_published=False)
    classroom = factories.make_classroom(teachers=[teacher], students=[student])
    factories.make_assignment(classroom=classroom, quiz=factories.make_quiz(n_questions=1, document=mine))
    return mine


def test_the_home_page_links_each_studied_text(student_client, studied):
    response = student_client.get(reverse("quizzes:home"))
    url = reverse("quizzes:document_read", args=[studied.pk])
    assertContains(response, f'href="{url}"')
    assertContains(response, "Leer el texto: La Guerra de Invierno")
    assertNotContains(response, "Otro texto publicado")  # the class studies only its assigned text
    assertNotContains(response, "Un borrador")


def test_the_menu_leads_to_the_texts(student_client, studied):
    assertContains(student_client.get(reverse("quizzes:home")), f'href="{reverse("quizzes:documents")}"')
    response = student_client.get(reverse("quizzes:documents"))
    assertContains(response, reverse("quizzes:document_read", args=[studied.pk]))
    assertNotContains(response, "Otro texto publicado")


def test_a_student_in_no_class_reads_every_published_text(client, other_student, studied):
    client.force_login(other_student)
    response = client.get(reverse("quizzes:documents"))
    assertContains(response, "La Guerra de Invierno")
    assertContains(response, "Otro texto publicado")
    assertNotContains(response, "Un borrador")


def test_anonymous_users_are_sent_to_log_in(client):
    assert client.get(reverse("quizzes:documents")).status_code == 302
