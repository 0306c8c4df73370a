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
