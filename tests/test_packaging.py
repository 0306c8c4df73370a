"""The project describes itself: a licence, and a pyproject.toml from which `pip install .` builds."""

import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[1]


def test_licence_is_gpl3_or_later():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "GPL-3.0-or-later"
    assert project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith("GNU GENERAL PUBLIC LICENSE")
    assert "Version 3, 29 June 2007" in text


def test_pip_install_finds_only_the_three_top_level_packages():
    """Automatic discovery failed with «Multiple top-level packages» (tests, loadtest, fixtures...)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    packages = find_packages(where=str(ROOT), include=config["packages"]["find"]["include"])
    assert {p.split(".")[0] for p in packages} == {"quizzes", "winterwar", "devtools"}
    assert {"quizzes.domain", "quizzes.demo", "quizzes.generation", "devtools.management.commands"} <= set(packages)


def test_dependencies_come_from_the_pinned_requirements():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["dynamic"] == ["dependencies"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["dependencies"] == {"file": ["requirements.txt"]}
    lines = [line for line in (ROOT / "requirements.txt").read_text().splitlines() if line and not line.startswith("#")]
    assert lines and all("==" in line for line in lines)
