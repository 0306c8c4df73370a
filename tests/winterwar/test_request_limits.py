"""Request size limits: an oversized body is refused from its Content-Length, before anything reads it."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def _post(client, url, *, claimed: int, body: bytes = b"username=a&password=b"):
    # The test client's payload refuses to be read past its real length: a 413 here proves nothing read the body.
    return client.generic(
        "POST", url, body, content_type="application/x-www-form-urlencoded", CONTENT_LENGTH=str(claimed)
    )


def test_a_400_mb_anonymous_post_to_the_login_page_is_refused_before_reading(client):
    response = _post(client, reverse("login"), claimed=400 * MB)
    assert response.status_code == 413
    assert "demasiado grande" in response.content.decode()


def test_an_anonymous_body_just_over_the_limit_is_refused_and_a_login_form_is_not(client):
    assert _post(client, reverse("login"), claimed=settings.ANONYMOUS_MAX_BODY + 1).status_code == 413
    assert client.post(reverse("login"), {"username": "nadie", "password": "x"}).status_code == 200


def test_a_signed_in_user_may_send_an_import_sized_body_but_not_more(student_client):
    url = reverse("quizzes:home")
    assert _post(student_client, url, claimed=settings.MAX_REQUEST_BODY + 1).status_code == 413
    small = _post(student_client, url, claimed=20, body=b"a=1&b=2&c=3&d=4&e=56")
    assert small.status_code != 413


@pytest.mark.parametrize("length", ["abc", "-1", "1e9", "9" * 40, "١٢"])
def test_a_malformed_content_length_is_a_400(client, length):
    response = client.generic("POST", reverse("login"), b"", CONTENT_LENGTH=length)
    assert response.status_code == 400


def test_django_reads_at_most_a_few_megabytes_of_form_data_into_memory():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 4 * MB
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2.5 * MB
    assert settings.ANONYMOUS_MAX_BODY <= 64 * 1024
    assert settings.MAX_REQUEST_BODY <= 32 * MB  # an oversized import still gets the form's own message
