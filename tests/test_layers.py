"""The import graph has no arrow from a lower layer to a higher one.

models ← domain, generation, interop (formats) ← selectors ← services ← presentation, forms, demo ← views, admin,
management ← urls. Pure modules (domain/, generation/) import nothing from the models. Every import counts,
including those inside functions.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "quizzes"

# The first part of a module's path under quizzes/ -> its layer (a higher number sits higher).
LAYERS = {
    "models": 0,
    "domain": 1,
    "generation": 1,
    "interop": 1,
    "selectors": 2,
    "services": 3,
    "permissions": 3,  # writes the Teachers group: a service
    "presentation": 4,
    "forms": 4,
    "demo": 4,
    "views": 5,
    "admin": 5,
    "management": 5,
    "context_processors": 5,
    "urls": 6,
}
PURE = {"domain", "generation"}
EXEMPT = {"__init__", "apps", "migrations", "static", "templates", "locale"}


def _area(parts: tuple[str, ...]) -> str:
    return parts[0].removesuffix(".py")


def imported_areas(path: Path, root: Path) -> set[str]:
    """Return the areas of quizzes/ that a module imports (relative and absolute imports, at any depth)."""
    package = path.relative_to(root).parent.parts
    areas = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                target = (*base, *(node.module.split(".") if node.module else ()))
                if not node.module:  # from . import x, y: each name is a module of that package
                    targets = [(*target, alias.name) for alias in node.names]
                else:
                    targets = [target]
            elif node.module and node.module.split(".")[0] == root.name:
                targets = [tuple(node.module.split(".")[1:])]
            else:
                continue
        elif isinstance(node, ast.Import):
            targets = [tuple(a.name.split(".")[1:]) for a in node.names if a.name.split(".")[0] == root.name]
        else:
            continue
        areas.update(_area(t) for t in targets if t)
    return areas


def violations(root: Path) -> list[str]:
    """Return every import from a lower layer to a higher one, and every model import from a pure module."""
    found = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        area = _area(parts)
        if area in EXEMPT or "migrations" in parts:
            continue
        assert area in LAYERS, f"{path.relative_to(root)}: which layer is {area!r}? Add it to LAYERS"
        for target in imported_areas(path, root):
            if target in EXEMPT or target == area:
                continue
            assert target in LAYERS, f"{path.relative_to(root)} imports {target!r}: which layer is it? Add it to LAYERS"
            if LAYERS[target] > LAYERS[area]:
                found.append(f"{path.relative_to(root)} ({area}) imports {target}")
            elif area in PURE and target == "models":
                found.append(f"{path.relative_to(root)} (pure) imports models")
    return found


def test_no_import_goes_up_a_layer():
    assert violations(ROOT) == []


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("selectors/quizzes.py", "def f():\n    from ..services.attempts import x\n", ["services"]),
        ("selectors/reports/grid.py", "from ...presentation import charts\n", ["presentation"]),
        ("services/cards.py", "from .. import views\n", ["views"]),
        ("domain/grading.py", "from ..models import Question\n", ["models"]),
        ("models/cards.py", "import quizzes.selectors.cards\n", ["selectors"]),
        ("views/home.py", "from ..selectors import quizzes\nfrom ..services import cards\n", []),
    ],
)
def test_the_check_sees_upward_imports(tmp_path, module, source, expected):
    root = tmp_path / "quizzes"
    path = root / module
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    assert [v.split(" imports ")[1] for v in violations(root)] == expected
