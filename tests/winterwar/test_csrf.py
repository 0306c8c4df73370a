"""CSRF tokens masked with one read of the random source (winterwar/csrf.py): Django's format, uniform characters."""

import pytest
from django.middleware import csrf as django_csrf
from django.test import Client
from django.urls import reverse

from winterwar import csrf


def test_installed_for_djangos_middleware():
    assert django_csrf._mask_cipher_secret is csrf.mask_cipher_secret
    assert django_csrf._get_new_csrf_string is csrf.random_string


def test_a_token_unmasks_to_its_secret_and_has_djangos_format():
    secret = csrf.random_string()
    assert len(secret) == django_csrf.CSRF_SECRET_LENGTH and set(secret) <= set(django_csrf.CSRF_ALLOWED_CHARS)
    tokens = {csrf.mask_cipher_secret(secret) for _ in range(50)}
    assert len(tokens) == 50  # a fresh mask each time
    for token in tokens:
        django_csrf._check_token_format(token)
        assert len(token) == django_csrf.CSRF_TOKEN_LENGTH
        assert django_csrf._unmask_cipher_token(token) == secret
        assert django_csrf._does_token_match(token, secret)


def test_every_character_equally_likely(monkeypatch):
    """Bytes 0-247 map to the 62 characters four times each; 248-255 are dropped (not folded onto the first eight)."""
    chars = django_csrf.CSRF_ALLOWED_CHARS
    feed = iter([bytes(range(256))] * 2)
    monkeypatch.setattr(csrf.os, "urandom", lambda n: next(feed))
    drawn = csrf.random_string(256)
    assert len(drawn) == 256
    first = drawn[:248]
    assert all(first.count(c) == 4 for c in chars)
    assert drawn[248:] == chars[:8]  # the next read, not bytes 248-255 of the first


def test_a_secret_not_of_djangos_format_fails_as_in_django():
    import pytest

    with pytest.raises(ValueError):
        csrf.mask_cipher_secret("!" * django_csrf.CSRF_SECRET_LENGTH)


def test_a_pages_token_passes_the_csrf_check(db, django_user_model):
    client = Client(enforce_csrf_checks=True)
    page = client.get(reverse("login"))
    token = page.context["csrf_token"]
    assert client.post(reverse("login"), {"username": "x", "password": "y"}).status_code == 403
    reply = client.post(reverse("login"), {"username": "x", "password": "y", "csrfmiddlewaretoken": str(token)})
    assert reply.status_code == 200  # the form again, with its error: past the CSRF check


def test_unmasking_is_djangos():
    import random

    assert django_csrf._unmask_cipher_token is csrf.unmask_cipher_token
    chars = django_csrf.CSRF_ALLOWED_CHARS
    rng = random.Random(7)
    tokens = ["".join(rng.choice(chars) for _ in range(64)) for _ in range(200)]
    tokens += [chars[:32] + chars[-32:], chars[-32:] + chars[:32], "a" * 64, "9" * 64]
    for token in tokens:
        assert csrf.unmask_cipher_token(token) == csrf._django_unmask(token)
    for token in ("a" * 63 + "-", "-" + "a" * 63):
        with pytest.raises(ValueError):
            csrf._django_unmask(token)
        with pytest.raises(ValueError):
            csrf.unmask_cipher_token(token)


def test_a_post_with_a_masked_token_passes_and_a_wrong_one_fails(db):
    from quizzes.models import User

    user = User.objects.create_user("tok", password="x-clave-larga-1")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    page = client.get(reverse("quizzes:home"))
    assert page.status_code == 200
    secret = client.cookies["csrftoken"].value
    token = csrf.mask_cipher_secret(secret)
    assert client.post(reverse("set_language"), {"language": "es", "csrfmiddlewaretoken": token}).status_code == 302
    wrong = csrf.mask_cipher_secret(csrf.random_string())
    assert client.post(reverse("set_language"), {"language": "es", "csrfmiddlewaretoken": wrong}).status_code == 403
