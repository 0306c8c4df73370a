"""Fit the publication confidence (`quizzes.generation.confidence`) on the historical blind verdicts of dev items.

Data: a JSON list of judged items (prompt, answer, kind, distractors, accepted, verdict U/E/R, slug), the slug naming
a development text (tests/data/corpus/dev/<slug>.txt). Each text is read as the generator reads it for the text and
heading it hands to publication (so the features see exactly what they see at generation time). The target is
verdict == U. The model is a logistic regression with an L2 penalty, fitted by Newton's method (numpy only).

Validation is by texts, never by items: the dev texts sorted by slug are split even / odd (A / B), the model fitted on
one half is scored on the other, both ways; and leave-one-text-out. Reported: AUC, and for candidate thresholds the
share of U, E and R items the gate would hold back.
"""

from __future__ import annotations

import json
import math
from collections import Counter, OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from quizzes.generation import confidence as model

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "corpus" / "dev"
# Every blind verdict given on a dev item (all rounds, deduplicated): what the committed weights are fitted on.
VERDICTS = ROOT / "tests" / "data" / "confidence" / "dev_verdicts.json"
L2 = 2.0
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4)


@dataclass
class Item:
    slug: str
    verdict: str
    x: np.ndarray


def text_context(slug: str) -> tuple[str, str]:
    """Return (text, heading) as publication receives them for one dev text (its normalised text, title + headline)."""
    from quizzes.generation import publication_context

    return publication_context((DEV / f"{slug}.txt").read_text(encoding="utf-8"))


def load_items(path: Path) -> list[Item]:
    """Return the judged items of a verdict file, one per (slug, prompt, answer, kind) (the last verdict wins)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    unique: OrderedDict = OrderedDict()
    for v in raw:
        if v.get("kind") == "ordering" or v.get("verdict") not in {"U", "E", "R"}:
            continue  # ordering items never reach publication (the gate holds them)
        unique[(v["slug"], v["prompt"], v["answer"], v.get("kind", ""))] = v
    contexts = {slug: text_context(slug) for slug in sorted({k[0] for k in unique})}
    items = []
    for v in unique.values():
        text, title = contexts[v["slug"]]
        kind, options, accepted = v.get("kind", ""), v.get("distractors") or [], v.get("accepted") or []
        f = model.features(v["prompt"], v["answer"], kind, options, accepted, title, text)
        items.append(Item(v["slug"], v["verdict"], np.array([f[n] for n in model.FEATURES], dtype=float)))
    return items


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[float, np.ndarray]:
    """Return (intercept, coefficients) of an L2-penalised logistic regression (the intercept is not penalised)."""
    n, k = x.shape
    xb = np.hstack([np.ones((n, 1)), x])
    w = np.zeros(k + 1)
    penalty = np.eye(k + 1) * l2
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + penalty @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), w[1:]


def predict(intercept: float, coef: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(intercept + x @ coef)))


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    """Return the area under the ROC curve (ties count half)."""
    pos, neg = scores[y == 1], scores[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(wins / (len(pos) * len(neg)))


def held_back(scores: np.ndarray, verdicts: list[str], threshold: float) -> dict[str, tuple[int, int]]:
    """Return, per verdict, (items under the threshold, items)."""
    out = {}
    for v in ("U", "E", "R"):
        mask = np.array([x == v for x in verdicts])
        out[v] = (int((scores[mask] < threshold).sum()), int(mask.sum()))
    return out


def arrays(items: list[Item]) -> tuple[np.ndarray, np.ndarray]:
    return np.array([i.x for i in items]), np.array([1.0 if i.verdict == "U" else 0.0 for i in items])


def validate(items: list[Item], l2: float = L2) -> dict:
    """Return the cross-validated figures: halves by sorted slug (A even, B odd) both ways, and leave-one-text-out."""
    slugs = sorted({i.slug for i in items})
    half = {s: "AB"[n % 2] for n, s in enumerate(slugs)}
    report = {"items": len(items), "verdicts": dict(Counter(i.verdict for i in items)), "halves": {}}
    for train, test in (("A", "B"), ("B", "A")):
        tr = [i for i in items if half[i.slug] == train]
        te = [i for i in items if half[i.slug] == test]
        b, w = fit(*arrays(tr), l2)
        x, y = arrays(te)
        s = predict(b, w, x)
        report["halves"][f"{train}->{test}"] = {
            "train": len(tr),
            "test": len(te),
            "auc": round(auc(s, y), 3),
            "held": {t: held_back(s, [i.verdict for i in te], t) for t in THRESHOLDS},
        }
    # Leave one text out: every item scored by a model that never saw its text.
    scores = np.zeros(len(items))
    for slug in slugs:
        tr = [i for i in items if i.slug != slug]
        idx = [n for n, i in enumerate(items) if i.slug == slug]
        b, w = fit(*arrays(tr), l2)
        scores[idx] = predict(b, w, np.array([items[n].x for n in idx]))
    _, y = arrays(items)
    report["loto"] = {
        "auc": round(auc(scores, y), 3),
        "held": {t: held_back(scores, [i.verdict for i in items], t) for t in THRESHOLDS},
    }
    return report


def write_module(intercept: float, coef: np.ndarray, note: str, path: Path | None = None) -> None:
    """Write the fitted constants into quizzes/generation/confidence.py (between the markers)."""
    path = path or Path(model.__file__)
    source = path.read_text(encoding="utf-8")
    start = source.index("# Fitted by `manage.py fit_confidence`")
    end = source.index("\n\n\ndef confidence(")
    lines = ["# Fitted by `manage.py fit_confidence` (see the module docstring); replaced by its output."]
    lines += [f"# {line}" if line else "#" for line in note.splitlines()]
    lines.append(f"INTERCEPT = {intercept:.4f}")
    lines.append("COEFFICIENTS: dict[str, float] = {")
    lines += [f'    "{name}": {value:.4f},' for name, value in zip(model.FEATURES, coef, strict=True)]
    lines.append("}")
    path.write_text(source[:start] + "\n".join(lines) + source[end:], encoding="utf-8")


def format_report(report: dict) -> str:
    out = [f"items {report['items']} {report['verdicts']}"]
    for name, h in (*report["halves"].items(), ("leave-one-text-out", report["loto"])):
        out.append(f"{name}: AUC {h['auc']}" + (f" (train {h['train']}, test {h['test']})" if "train" in h else ""))
        for t, held in h["held"].items():
            parts = " · ".join(f"{v} {a}/{n} ({a / n:.0%})" if n else f"{v} 0/0" for v, (a, n) in held.items())
            out.append(f"  under {t:.2f}: {parts}")
    return "\n".join(out)


def describe(intercept: float, coef: np.ndarray) -> str:
    rows = sorted(zip(model.FEATURES, coef, strict=True), key=lambda r: -abs(r[1]))
    return f"intercept {intercept:+.3f}\n" + "\n".join(f"  {n:20s} {c:+.3f}" for n, c in rows)


def mean_probability(intercept: float, coef: np.ndarray, x: np.ndarray) -> float:
    return float(np.mean(predict(intercept, coef, x))) if len(x) else math.nan


def summary(report: dict, l2: float, note: str = "") -> str:
    """Return the comment written above the constants: data, penalty, cross-validated figures."""
    v = report["verdicts"]
    halves = report["halves"]
    lines = [
        f"Data: {report['items']} judged dev items (U {v.get('U', 0)}, E {v.get('E', 0)}, R {v.get('R', 0)}; "
        f"ordering items left out); L2 {l2}.",
        f"AUC by texts: halves by sorted slug A->B {halves['A->B']['auc']}, B->A {halves['B->A']['auc']}; "
        f"leave-one-text-out {report['loto']['auc']}.",
        "Held back (leave-one-text-out), items under the threshold of those judged U / E / R:",
    ]
    for t in (0.15, 0.2, 0.25, 0.3):
        held = report["loto"]["held"][t]
        lines.append(f"  {t:.2f}: " + " · ".join(f"{k} {a}/{n}" for k, (a, n) in held.items()))
    if note:
        lines.append(note)
    return "\n".join(lines)
