"""Production settings refuse to start without a secret; DEBUG is off unless asked."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_check(env_overrides: dict[str, str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_overrides)
    env["DJANGO_SETTINGS_MODULE"] = "winterwar.settings"
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check({"DJANGO_ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_check({"DJANGO_SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_debug_gives_a_development_default_key():
    assert run_check({"DJANGO_DEBUG": "1"}).returncode == 0


def test_production_with_a_secret_starts():
    assert run_check({"DJANGO_SECRET_KEY": "x" * 60, "DJANGO_ALLOWED_HOSTS": "example.org"}).returncode == 0


def test_settings_under_test_are_production_like(settings):
    assert settings.DEBUG is False
    assert settings.LANGUAGE_CODE == "es"
    assert settings.AUTH_USER_MODEL == "quizzes.User"
    assert "bootstrap" in settings.INSTALLED_APPS


def test_password_reset_mail_goes_to_the_log_unless_a_mail_host_is_set():
    """Without a mail host a reset request must not try SMTP on localhost (that was a 500)."""
    base = {"DJANGO_SECRET_KEY": "x" * 60, "DJANGO_ALLOWED_HOSTS": "example.org"}
    code = "from django.conf import settings; print(settings.EMAIL_BACKEND)"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    for extra, expected in [({}, "console"), ({"DJANGO_EMAIL_HOST": "smtp.example.org"}, "smtp")]:
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env={**env, **base, **extra, "DJANGO_SETTINGS_MODULE": "winterwar.settings"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert expected in result.stdout, result.stderr


def settings_value(expression: str, env_overrides: dict[str, str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_overrides)
    env["DJANGO_SETTINGS_MODULE"] = "winterwar.settings"
    code = f"from django.conf import settings; print({expression})"
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_devtools_are_installed_only_for_development():
    """Benchmarks and load-test helpers are not commands of a production deployment."""
    production = {"DJANGO_SECRET_KEY": "x" * 60, "DJANGO_ALLOWED_HOSTS": "example.org"}
    expression = "'devtools' in settings.INSTALLED_APPS"
    assert settings_value(expression, production).stdout.strip() == "False"
    assert settings_value(expression, {**production, "DJANGO_DEVTOOLS": "1"}).stdout.strip() == "True"
    assert settings_value(expression, {"DJANGO_DEBUG": "1"}).stdout.strip() == "True"


def test_devtools_are_installed_under_tests(settings):
    assert "devtools" in settings.INSTALLED_APPS


def test_a_boolean_setting_with_an_unknown_value_stops_the_start_up():
    """DJANGO_SECURE_COOKIES=ture used to mean "false": secure cookies silently off."""
    production = {"DJANGO_SECRET_KEY": "x" * 60, "DJANGO_ALLOWED_HOSTS": "example.org"}
    result = run_check({**production, "DJANGO_SECURE_COOKIES": "ture"})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECURE_COOKIES='ture' is not a boolean" in result.stderr


def test_an_integer_setting_with_junk_stops_the_start_up():
    result = run_check({"DJANGO_DEBUG": "1", "DJANGO_HSTS_SECONDS": "un año"})
    assert result.returncode != 0
    assert "DJANGO_HSTS_SECONDS='un año' is not an integer" in result.stderr


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        (" Yes ", True),
        ("ON", True),
        ("0", False),
        ("false", False),
        ("no", False),
        ("off", False),
        ("", None),
        (None, None),
    ],
)
def test_env_bool_words(monkeypatch, raw, expected):
    from winterwar.settings import env_bool

    if raw is None:
        monkeypatch.delenv("WW_TEST_FLAG", raising=False)
    else:
        monkeypatch.setenv("WW_TEST_FLAG", raw)
    assert env_bool("WW_TEST_FLAG", default=None) is expected


@pytest.mark.parametrize("raw", ["ture", "y", "2", "verdadero", "enabled"])
def test_env_bool_refuses_other_words(monkeypatch, raw):
    from django.core.exceptions import ImproperlyConfigured

    from winterwar.settings import env_bool

    monkeypatch.setenv("WW_TEST_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="WW_TEST_FLAG"):
        env_bool("WW_TEST_FLAG")


def test_translation_folders_exist(settings):
    """LOCALE_PATHS pointed at a folder that did not exist, so makemessages had nowhere to write."""
    assert settings.LOCALE_PATHS
    for path in settings.LOCALE_PATHS:
        assert Path(path).is_dir(), path


def test_database_health_checks_are_on_unless_turned_off():
    """Persistent connections are checked before reuse (a database restart costs no 503); DJANGO_CONN_HEALTH_CHECKS=0."""
    base = {
        "DJANGO_SECRET_KEY": "x" * 60,
        "DJANGO_ALLOWED_HOSTS": "example.org",
        "DJANGO_SETTINGS_MODULE": "winterwar.settings",
    }
    code = "from django.conf import settings; print(settings.DATABASES['default']['CONN_HEALTH_CHECKS'])"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    for extra, expected in [({}, "True"), ({"DJANGO_CONN_HEALTH_CHECKS": "0"}, "False")]:
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env={**env, **base, **extra},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.stdout.strip().splitlines()[-1] == expected, result.stderr


def test_postgresql_prepares_its_statements_unless_turned_off():
    """PostgreSQL: parameters bound by the server and hot statements prepared (docs/production.md, fifth round);
    DJANGO_DB_PREPARED_STATEMENTS=0 behind a pooler in transaction mode. SQLite has no such options."""
    base = {"DJANGO_SECRET_KEY": "x" * 60, "DJANGO_ALLOWED_HOSTS": "example.org"}
    options = "settings.DATABASES['default'].get('OPTIONS', {})"
    expression = f"({options}.get('server_side_binding'), {options}.get('prepare_threshold'))"
    postgres = {"DATABASE_URL": "postgres://user@db.example.org:5432/winterwar"}
    for extra, expected in [
        (postgres, "(True, 5)"),
        ({**postgres, "DJANGO_DB_PREPARED_STATEMENTS": "0"}, "(None, None)"),
        ({"DATABASE_URL": "sqlite:///tmp/ww.sqlite3"}, "(None, None)"),
    ]:
        result = settings_value(expression, {**base, **extra})
        assert result.stdout.strip().splitlines()[-1] == expected, result.stderr
