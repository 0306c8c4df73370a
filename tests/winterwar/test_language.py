"""The interface language: the browser's Accept-Language, the menu's switch (a cookie, and a preference saved on the
user, which wins), Spanish by default; numbers and dates in the active locale; the content in its own language."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from quizzes.domain.scheduling import interval_label
from quizzes.models import QuestionKind, User
from quizzes.services import attempts as attempt_services
from quizzes.views.errors import server_error
from tests import factories

pytestmark = pytest.mark.django_db
COOKIE = settings.LANGUAGE_COOKIE_NAME


def test_login_page_in_english_when_the_browser_asks(client):
    """`curl -H 'Accept-Language: en' /cuentas/login/` shows English."""
    response = client.get("/cuentas/login/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assertContains(response, 'lang="en"')
    assertContains(response, "Log in")
    assertNotContains(response, "Iniciar sesión")
    assert response["Content-Language"] == "en"
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("accept", [None, "es-ES,es;q=0.9", "fr-FR,fr;q=0.9", "de"])
def test_login_page_in_spanish_by_default(client, accept):
    """Without Accept-Language, or asking for Spanish or a language we do not have: Spanish."""
    response = client.get("/cuentas/login/", **({"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}))
    assertContains(response, 'lang="es"')
    assertContains(response, "Iniciar sesión")
    assert response["Content-Language"] == "es"


def test_the_menu_offers_the_other_language(client):
    page = client.get("/cuentas/login/").content.decode()
    assert f'action="{reverse("set_language")}"' in page
    assert 'name="language" value="en" lang="en">English</button>' in page
    assert 'value="es"' not in page  # the current language is not offered
    page = client.get("/cuentas/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'name="language" value="es" lang="es">Español</button>' in page


def test_anonymous_switch_sets_the_cookie_and_returns_to_the_page(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/cuentas/login/"})
    assert response.status_code == 302
    assert response["Location"] == "/cuentas/login/"
    assert response.cookies[COOKIE].value == "en"
    assertContains(client.get("/cuentas/login/", HTTP_ACCEPT_LANGUAGE="es"), "Log in")  # the cookie beats the browser


def test_switch_saves_the_choice_on_the_user_and_it_wins(student_client, student):
    response = student_client.post(reverse("set_language"), {"language": "en", "next": reverse("quizzes:home")})
    assert response.status_code == 302
    student.refresh_from_db()
    assert student.language == "en"
    # Another browser (no cookie) that asks for Spanish: the user's choice wins.
    student_client.cookies.pop(COOKIE, None)
    response = student_client.get(reverse("quizzes:home"), HTTP_ACCEPT_LANGUAGE="es")
    assert response["Content-Language"] == "en"
    assertContains(response, 'lang="en"')
    assert response.cookies[COOKIE].value == "en"  # the cookie is brought in line, for the pages after logging out


def test_saved_language_applies_at_login(client):
    factories.make_student(username="ana", language="en")
    response = client.post(reverse("login"), {"username": "ana", "password": factories.PASSWORD}, follow=True)
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert client.cookies[COOKIE].value == "en"


def test_user_without_a_choice_follows_the_browser(student_client, student):
    assert student.language == ""
    assert student_client.get(reverse("quizzes:home"), HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "en"
    assert student_client.get(reverse("quizzes:home"))["Content-Language"] == "es"


@pytest.mark.parametrize("language", ["xx", "", "en" * 200, "<script>"])
def test_switch_refuses_a_language_we_do_not_have(student_client, student, language):
    response = student_client.post(reverse("set_language"), {"language": language, "next": "/"})
    assert response.status_code == 302
    assert COOKIE not in response.cookies
    student.refresh_from_db()
    assert student.language == ""


def test_switch_refuses_a_foreign_next_and_get(student_client):
    response = student_client.post(reverse("set_language"), {"language": "en", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert student_client.get(reverse("set_language")).status_code == 405


def test_switch_twice_is_harmless(student_client, student):
    for _ in range(2):
        student_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    student_client.post(reverse("set_language"), {"language": "es", "next": "/"})
    student.refresh_from_db()
    assert student.language == "es"


# ------------------------------------------------------------------------------------------ numbers and dates


def test_numbers_follow_the_active_locale():
    with translation.override("es"):
        assert interval_label(timedelta(days=45)) == "1,5 meses"
    with translation.override("en"):
        assert interval_label(timedelta(days=45)) == "1.5 months"


def test_result_page_decimals_and_dates_in_each_language(student_client, student):
    quiz = factories.make_quiz(n_questions=2, pass_mark=62.5)
    attempt = factories.make_attempt(user=student, quiz=quiz, fractions=[1.0, 0.25])
    url = reverse("quizzes:attempt_result", args=[attempt.pk])
    spanish = student_client.get(url).content.decode()
    assert "62,5 %" in spanish and "1,25 de 2 puntos" in spanish
    english = student_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "62.5 %" in english and "1.25 out of 2 points" in english
    assert "62,5" not in english and " de " not in english.split("<main")[1].split("</main>")[0]


# ------------------------------------------------------------------- the content stays in its own language


def test_spanish_quiz_in_the_english_interface(student_client, student):
    """Spanish questions (and their true/false answers) with English buttons."""
    question = factories.make_question(kind=QuestionKind.TRUE_FALSE, prompt="La guerra empezó en 1939.")
    quiz = factories.make_quiz(questions=[question, factories.make_question()])
    attempt = attempt_services.attempt_start(user=student, quiz=quiz)
    slot = attempt.responses.get(question=question).slot
    page = student_client.get(
        reverse("quizzes:attempt_question", args=[attempt.pk, slot]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert 'lang="en"' in page
    assert '<legend class="question-prompt" lang="es">La guerra empezó en 1939.</legend>' in page
    assert ">Verdadero</label>" in page and ">Falso</label>" in page
    assert ">True</label>" not in page
    assert "Next →" in page or "Review and submit" in page.replace("&amp;", "&")


def test_english_document_keeps_english_answers_in_the_spanish_interface(student_client, student):
    document = factories.make_document(language="en", text="The war began in 1939.")
    question = factories.make_question(kind=QuestionKind.TRUE_FALSE, prompt="The war began in 1939.", document=document)
    quiz = factories.make_quiz(questions=[question], feedback_timing="immediate")
    attempt = factories.make_attempt(user=student, quiz=quiz, answers=[{"value": True}])
    page = student_client.get(reverse("quizzes:attempt_result", args=[attempt.pk])).content.decode()
    assert 'lang="es"' in page
    assert '<dd lang="en">True</dd>' in page  # the answer given and the right one, in the text's language
    assert "Su respuesta" in page


# ------------------------------------------------------------------------ error pages, e-mail, CSV, commands


def test_error_pages_in_english(client):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assertContains(response, "We couldn't find this page", status_code=404)
    with translation.override("en"):
        page = server_error(RequestFactory().get("/")).content.decode()
    assert 'lang="en"' in page and "Something went wrong" in page
    with translation.override("es"):
        assert "Algo ha fallado" in server_error(RequestFactory().get("/")).content.decode()


def test_bad_request_page_in_english(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/cuentas/login/", HTTP_HOST="evil.example", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assertContains(response, "We could not understand this request", status_code=400)


def test_password_reset_mail_in_english(client):
    factories.make_student(username="ana", email="ana@example.org")
    client.post(reverse("password_reset"), {"email": "ana@example.org"}, HTTP_ACCEPT_LANGUAGE="en")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "contraseña" not in mail.outbox[0].subject
    assert "winterwar" in body
    assert "contraseña" not in body.lower() and "password" in body.lower()


def test_class_csv_header_in_english(teacher_client, teacher, student):
    classroom = factories.make_classroom(teachers=[teacher], students=[student])
    response = teacher_client.get(reverse("quizzes:teacher_class_csv", args=[classroom.pk]), HTTP_ACCEPT_LANGUAGE="en")
    header = response.content.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Student;Username") or header.startswith("Student,Username"), header


def test_user_language_is_one_of_ours():
    assert [code for code, _name in User._meta.get_field("language").choices] == ["es", "en"]
