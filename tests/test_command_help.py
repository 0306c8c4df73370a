"""Every command of ours explains itself, and its options, in Spanish (through gettext, so it can be translated)."""

import re

import pytest
from django.core.management import get_commands, load_command_class

OURS = sorted((name, app) for name, app in get_commands().items() if app in {"quizzes", "devtools"})
DJANGO_OPTIONS = {
    "help", "version", "verbosity", "settings", "pythonpath", "traceback", "no_color", "force_color", "skip_checks",
}  # fmt: skip
ENGLISH = re.compile(r"\b(the|and|with|when|write|also|this|file|exit|time)\b", re.IGNORECASE)


def test_the_product_and_the_dev_tools_have_their_commands():
    names = {name for name, _app in OURS}
    assert {"setup_demo", "generate_questions", "close_expired_attempts", "check_integrity"} <= names
    assert {"bench_cards", "bench_reports", "build_synthetic_school", "loadtest_prepare", "loadtest_verify"} <= names


@pytest.mark.parametrize(("name", "app"), OURS)
def test_command_help_is_spanish_and_complete(name, app):
    command = load_command_class(app, name)
    parser = command.create_parser("manage.py", name)
    texts = {"": command.help}
    texts.update({action.dest: action.help for action in parser._actions if action.dest not in DJANGO_OPTIONS})
    for dest, text in texts.items():
        assert text, f"{name} {dest}: no help"
        assert not ENGLISH.search(text), f"{name} {dest}: {text!r}"
    assert parser.description == command.help
