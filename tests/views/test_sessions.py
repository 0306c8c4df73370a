"""Shared school computers: an idle session ends; behind the load balancer each student keeps their own address."""

import time

import pytest
from django.test import RequestFactory
from django.urls import reverse

from winterwar.security import client_ip

pytestmark = pytest.mark.django_db


def test_an_idle_session_ends_and_an_active_one_does_not(client, student, settings, monkeypatch):
    settings.SESSION_IDLE_SECONDS = 2 * 3600
    clock = [1_000_000]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    client.force_login(student)
    assert client.get(reverse("quizzes:home")).status_code == 200
    for _ in range(5):  # active: a page every hour, for five hours
        clock[0] += 3600
        assert client.get(reverse("quizzes:home")).status_code == 200
    clock[0] += 2 * 3600 + 1  # then away from the computer
    response = client.get(reverse("quizzes:home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session


def test_idle_timeout_zero_means_never(client, student, settings, monkeypatch):
    settings.SESSION_IDLE_SECONDS = 0
    clock = [1_000_000]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    client.force_login(student)
    client.get(reverse("quizzes:home"))
    clock[0] += 30 * 24 * 3600
    assert client.get(reverse("quizzes:home")).status_code == 200


def test_the_time_of_use_is_not_written_on_every_request(client, student, settings, monkeypatch):
    settings.SESSION_IDLE_SECONDS = 3600
    clock = [1_000_000]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    client.force_login(student)
    client.get(reverse("quizzes:home"))
    first = client.session["_last_seen"]
    clock[0] += 30
    client.get(reverse("quizzes:home"))
    assert client.session["_last_seen"] == first
    clock[0] += 31
    client.get(reverse("quizzes:home"))
    assert client.session["_last_seen"] == first + 61


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no proxy of ours: the header is the client's and is ignored
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.66, 203.0.113.9", "203.0.113.9"),  # a forged entry on the left is ignored
        (2, "203.0.113.9, 10.0.0.7", "203.0.113.9"),
        (1, "", "10.0.0.1"),
        (2, "203.0.113.9", "10.0.0.1"),  # fewer entries than proxies: not through our proxies
        (1, "<script>", "10.0.0.1"),  # not an address
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_ip_behind_the_proxy(settings, proxies, forwarded, expected):
    settings.WINTERWAR_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_two_computers_behind_the_proxy_are_throttled_separately(client, settings, student):
    settings.WINTERWAR_PROXY_COUNT = 1
    url = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": student.username, "password": "mal"}, HTTP_X_FORWARDED_FOR="203.0.113.1")
    response = client.post(
        url,
        {"username": student.username, "password": "contraseña-de-prueba"},
        HTTP_X_FORWARDED_FOR="203.0.113.2",
    )
    assert response.status_code == 302  # the same account from another student's computer still logs in
