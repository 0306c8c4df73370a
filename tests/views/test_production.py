"""Production serving: the health check, and sessions shared by several gunicorn processes."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.urls import reverse

from tests.reachable import tcp_reachable

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN = {"host": "127.0.0.1", "port": 5432, "user": "postgres", "dbname": "postgres"}


@pytest.mark.django_db
def test_healthz_answers_ok_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("quizzes:healthz"))
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-store" in response["Cache-Control"]


def test_healthz_is_exempt_from_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(reverse("quizzes:healthz")).status_code == 200
    assert client.get(reverse("login")).status_code == 301


def test_healthz_refuses_post(client):
    assert client.post(reverse("quizzes:healthz")).status_code == 405


def test_healthz_is_answered_before_sessions_and_csp(client):
    """The first middleware answers it: no session cookie, no CSP work, still no-store and nosniff."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in response
    assert "Vary" not in response  # the session middleware never saw it
    assert client.head("/healthz").status_code == 200
    assert client.get("/healthz/").status_code in (301, 404)  # only the exact path is short-circuited


def test_cached_template_loader_is_on_without_debug(settings):
    from django.template import engines

    assert not settings.DEBUG
    loaders = engines["django"].engine.loaders
    assert loaders[0][0] == "django.template.loaders.cached.Loader"


# --- two gunicorn processes, one session ------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"gunicorn exited with {proc.returncode}: {proc.stderr.read()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not come up in {timeout} s")


@pytest.fixture
def site_env(tmp_path):
    """A fresh database (PostgreSQL when reachable, else a SQLite file), migrated, with one student."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(
        # Production settings with static files served from the apps (no collectstatic needed for the test).
        DJANGO_SETTINGS_MODULE="winterwar.settings_test",
        DJANGO_SECRET_KEY="shared-by-every-process-" + uuid.uuid4().hex * 2,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_HSTS_SECONDS="0",
    )
    dbname = None
    if tcp_reachable(PG_ADMIN["host"], PG_ADMIN["port"]):
        import psycopg

        dbname = f"ww_sessions_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(**PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{dbname}"')
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{dbname}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'site.sqlite3'}"
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True, timeout=300)
    create = (
        "from quizzes.models import User; "
        "User.objects.create_user(username='viajera', password='clave-de-viaje-42', first_name='Vera')"
    )
    subprocess.run([*manage, "shell", "-c", create], cwd=ROOT, env=env, check=True, timeout=120)
    yield env
    if dbname:
        import psycopg

        with psycopg.connect(**PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


def _start_gunicorn(env: dict, port: int) -> subprocess.Popen:
    cmd = [
        str(Path(sys.executable).with_name("gunicorn")),
        "winterwar.wsgi:application",
        "-c",
        "winterwar/gunicorn.conf.py",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
    ]
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _opener() -> tuple[urllib.request.OpenerDirector, http.cookiejar.CookieJar]:
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)), jar


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["database", "redis"])
def test_a_session_made_by_one_gunicorn_process_is_valid_in_another(site_env, backend):
    env = dict(site_env)
    if backend == "redis":
        if not tcp_reachable("127.0.0.1", 6379):
            pytest.skip("Redis is not running on 127.0.0.1:6379")
        env["REDIS_URL"] = "redis://127.0.0.1:6379/15"
    port_a, port_b = _free_port(), _free_port()
    server_a, server_b = _start_gunicorn(env, port_a), _start_gunicorn(env, port_b)
    try:
        a, b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
        _wait_until_up(a + "/healthz", server_a)
        _wait_until_up(b + "/healthz", server_b)

        opener, jar = _opener()
        login_page = opener.open(a + "/cuentas/login/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
        form = urllib.parse.urlencode(
            {"username": "viajera", "password": "clave-de-viaje-42", "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(a + "/cuentas/login/", data=form, headers={"Referer": a + "/cuentas/login/"})
        home_on_a = opener.open(request).read().decode()  # follows the redirect to the home page on A
        assert "Vera" in home_on_a
        session = {c.name: c.value for c in jar}["sessionid"]

        # The same cookie on the other process: still logged in.
        other = urllib.request.build_opener(_NoRedirect)
        response = other.open(urllib.request.Request(b + "/", headers={"Cookie": f"sessionid={session}"}))
        assert response.status == 200
        assert "Vera" in response.read().decode()

        # And an unknown cookie is not: the home page sends it to the login page.
        with pytest.raises(urllib.error.HTTPError) as redirect:
            other.open(urllib.request.Request(b + "/", headers={"Cookie": "sessionid=forged"}))
        assert redirect.value.code == 302
    finally:
        for server in (server_a, server_b):
            server.terminate()
            server.wait(timeout=30)


def test_every_static_file_a_template_names_exists():
    """With DEBUG off the manifest storage turns a missing static file into a 500 on every page that names it
    (the test settings serve files straight from the apps and would not notice)."""
    from django.contrib.staticfiles import finders
    from django.template.loaders.app_directories import get_app_template_dirs

    static_tag = re.compile(r"""{%\s*static\s+['"]([^'"]+)['"]""")
    missing, checked = [], 0
    for directory in [ROOT / "winterwar" / "templates", *get_app_template_dirs("templates")]:
        if ROOT not in Path(directory).parents:
            continue  # Django's and third-party apps' own templates
        for template in Path(directory).rglob("*.html"):
            for name in static_tag.findall(template.read_text(encoding="utf-8")):
                checked += 1
                if finders.find(name) is None:
                    missing.append(f"{template.relative_to(ROOT)}: {name}")
    assert checked > 5, "no {% static %} tag found: is the pattern right?"
    assert not missing, missing


@pytest.mark.django_db
def test_a_database_outage_is_a_503_with_retry_after(student_client, monkeypatch):
    from django.db import OperationalError

    from quizzes.selectors import quizzes as selectors

    def down(**kwargs):
        raise OperationalError("the database system is starting up")

    monkeypatch.setattr(selectors, "student_home", down)
    response = student_client.get(reverse("quizzes:home"))
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Un momento" in response.content.decode()


@pytest.mark.django_db
def test_other_errors_are_still_500(student_client, monkeypatch):
    from quizzes.selectors import quizzes as selectors

    def broken(**kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(selectors, "student_home", broken)
    student_client.raise_request_exception = False
    assert student_client.get(reverse("quizzes:home")).status_code == 500
