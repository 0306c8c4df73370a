"""Production settings refuse to start without a secret; DEBUG is off unless asked."""

import os
import subprocess
import sys
from pathlib import Path

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
