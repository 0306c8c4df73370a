"""The presentation layers stay thin and in order: short view methods, no upward imports."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "quizzes"
MAX_METHOD_LINES = 30


def _modules(package: str) -> list[Path]:
    return sorted((APP / package).rglob("*.py"))


@pytest.mark.parametrize("path", _modules("views"), ids=lambda p: p.name)
def test_every_view_function_is_under_30_lines(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 >= MAX_METHOD_LINES
    ]
    assert not long, f"{path.name}: {long}"


def _imported_packages(path: Path) -> set[str]:
    """The first-level packages of quizzes/ that a module imports (relative or absolute)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    depth = len(path.relative_to(APP).parts) - 1  # how many dots lead back to quizzes/
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                if node.level != depth + 1:
                    continue  # a sibling inside the same package
                parts = (node.module or "").split(".")
                names = [parts[0]] if parts[0] else [alias.name for alias in node.names]
            elif (node.module or "").startswith("quizzes."):
                names = [node.module.split(".")[1]]
            else:
                continue
            found.update(names)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("quizzes."))
    return found


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("presentation", {"views", "admin", "urls", "forms"}),
        ("forms", {"views", "admin", "urls", "presentation"}),
        ("views", {"admin", "urls"}),
    ],
)
def test_no_import_from_a_higher_layer(package, forbidden):
    wrong = {
        str(path.relative_to(APP)): sorted(_imported_packages(path) & forbidden)
        for path in _modules(package)
        if _imported_packages(path) & forbidden
    }
    assert not wrong


def test_the_import_reader_sees_relative_and_absolute_imports():
    assert {"domain", "models", "selectors"} <= _imported_packages(APP / "presentation" / "cards.py")
    assert _imported_packages(APP / "urls" / "converters.py") == {"views"}
