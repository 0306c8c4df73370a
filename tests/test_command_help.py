"""Every command of ours explains itself, and its options, in Spanish (through gettext), and in English with
DJANGO_LANGUAGE_CODE=en (the English catalogue)."""

import re

import pytest
from django.core.management import get_commands, load_command_class
from django.utils import translation

OURS = sorted((name, app) for name, app in get_commands().items() if app in {"quizzes", "devtools"})
DJANGO_OPTIONS = {
    "help", "version", "verbosity", "settings", "pythonpath", "traceback", "no_color", "force_color", "skip_checks",
}  # fmt: skip
SPANISH = re.compile(r"\b(el|la|los|las|de|del|que|con|para|por|una|sale|archivo|escribe|también)\b", re.IGNORECASE)
ENGLISH = re.compile(r"\b(the|and|with|when|write|also|this|file|exit|time)\b", re.IGNORECASE)


def test_the_product_and_the_dev_tools_have_their_commands():
    names = {name for name, _app in OURS}
    assert {"setup_demo", "generate_questions", "close_expired_attempts", "check_integrity"} <= names
    assert {"bench_cards", "bench_reports", "build_synthetic_school", "loadtest_prepare", "loadtest_verify"} <= names


@pytest.mark.parametrize(("name", "app"), OURS)
def test_command_help_is_spanish_and_complete(name, app):
    command = load_command_class(app, name)
    parser = command.create_parser("manage.py", name)
    texts = {"": str(command.help)}
    texts.update({a.dest: a.help and str(a.help) for a in parser._actions if a.dest not in DJANGO_OPTIONS})
    for dest, text in texts.items():
        assert text, f"{name} {dest}: no help"
        assert not ENGLISH.search(text), f"{name} {dest}: {text!r}"
    assert parser.description == command.help


@pytest.mark.parametrize(("name", "app"), OURS)
def test_command_help_in_english(name, app):
    with translation.override("en"):
        command = load_command_class(app, name)
        parser = command.create_parser("manage.py", name)
        texts = {"": str(command.help)}
        texts.update({a.dest: str(a.help) for a in parser._actions if a.dest not in DJANGO_OPTIONS and a.help})
    for dest, text in texts.items():
        assert not SPANISH.search(text), f"{name} {dest}: {text!r}"


@pytest.mark.parametrize(("name", "app"), OURS)
@pytest.mark.parametrize("language", ["es", "en"])
def test_command_help_prints(name, app, language):
    """`manage.py NAME --help` prints (argparse refused the lazy translations: a TypeError on every command)."""
    with translation.override(language):
        command = load_command_class(app, name)
        text = command.create_parser("manage.py", name).format_help()
        first_word = str(command.help).split()[0]
    assert text.startswith("usage: manage.py " + name) and first_word in text
