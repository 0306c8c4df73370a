"""Measure the generator on the quality corpus (tests/data/corpus): recall, published items and verdicts.

Pure Python over the generator; the management command ``bench_quality`` prints what this module computes.

For each text of a set: recall of its gold facts (by any item, and by published items only), published items,
published items per source sentence, the true/false balance, and, from ``<slug>.verdicts.json``, the
teacher's verdicts (U usable as is, E a minor edit, R reject) on a sample of the published items. The sample
is the ``SAMPLE_SIZE`` published items whose hash with ``SAMPLE_SEED`` is smallest: random, fixed, and a change
of the generator replaces only the sampled items it changed. Verdicts are matched by prompt and answer (and kind,
when the verdict names one). A sampled item without a verdict is counted as «sin veredicto», and a verdict whose
item is no longer in the sample as stale, so an outdated file shows. A verdict counts only for the item as it was
judged: an item whose kind, wrong options or accepted answers changed since is «sin veredicto» again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from quizzes.generation import bank_to_json, generate_bank
from quizzes.generation.evaluation import evaluate, norm

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"
SETS = ("dev", "heldout")
SAMPLE_SEED = "winterwar-corpus-1"
SAMPLE_SIZE = 6
VERDICTS = ("U", "E", "R")
# The shared lint, when the team's reference files stand beside the checkout (never needed).
LINT_DEFAULT = ROOT.parent / "shared" / "tools" / "qgen_lint.py"


class CorpusError(ValueError):
    """A corpus or verdict file that cannot be read: the message says which and why."""


def item_answer(question: dict) -> str:
    """Return the answer an item is judged and matched by: its right answers, in order."""
    return " / ".join(question.get("correct") or [])


def item_id(prompt: str, answer: str) -> tuple[str, str]:
    """Return the key a verdict is matched by (folded prompt and answer: spacing and case do not matter)."""
    return norm(prompt), norm(answer)


def sample(bank: dict, size: int = SAMPLE_SIZE, seed: str = SAMPLE_SEED) -> list[dict]:
    """Return the sampled published items of a bank (JSON schema): the `size` with the smallest seeded hash."""

    def rank(q: dict) -> str:
        return hashlib.sha1(f"{seed}|{q['prompt']}|{item_answer(q)}".encode()).hexdigest()

    published = [q for q in bank.get("questions", []) if q.get("status") == "published"]
    return sorted(published, key=rank)[:size]


def load_verdicts(path: Path) -> list[dict]:
    """Return the verdicts of a file (a list of {prompt, answer, kind, verdict, reason}); [] when absent."""
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{path}: not a UTF-8 JSON file ({exc})") from exc
    if not isinstance(data, list):
        raise CorpusError(f"{path}: expected a list of verdicts")
    for i, v in enumerate(data):
        if not isinstance(v, dict) or not {"prompt", "answer", "verdict"} <= v.keys():
            raise CorpusError(f"{path}: entry {i} needs prompt, answer and verdict")
        if v["verdict"] not in (*VERDICTS, ""):
            raise CorpusError(f"{path}: entry {i} has verdict {v['verdict']!r}; use U, E or R (or '' for none yet)")
    return data


def load_lint(path: Path | None):
    """Return the shared lint module, or None when it is not there."""
    if path is None or not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("qgen_lint", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class TextReport:
    """The figures of one corpus text."""

    set: str
    slug: str
    words: int
    sentences: int
    gold: int
    covered: int
    covered_published: int
    questions: int
    published: int
    sentences_with_items: int
    max_per_sentence: int
    tf_true: int
    tf_false: int
    verdicts: Counter = field(default_factory=Counter)  # U / E / R over the sampled items
    sampled: int = 0
    unjudged: list = field(default_factory=list)  # sampled items without a verdict («sin veredicto»)
    stale: list = field(default_factory=list)  # verdicts whose item is not sampled from the current bank
    reasons: Counter = field(default_factory=Counter)  # categories of the E and R reasons
    missed: list = field(default_factory=list)
    lint: dict | None = None
    lint_ok: bool | None = None
    repeated_options: int = 0  # wrong options offered again by another published choice item of the text

    @property
    def recall(self) -> float:
        return self.covered / self.gold if self.gold else 0.0

    @property
    def per_sentence(self) -> float:
        return self.published / self.sentences_with_items if self.sentences_with_items else 0.0

    @property
    def judged(self) -> int:
        return sum(self.verdicts[v] for v in VERDICTS)


def _published_sentences(bank: dict) -> Counter:
    facts = {f["key"]: f for f in bank.get("facts", [])}
    per_sentence: Counter = Counter()
    for q in bank.get("questions", []):
        if q.get("status") != "published":
            continue
        for sentence in {facts[k]["sentence"] for k in q.get("fact_keys", []) if k in facts}:
            per_sentence[sentence] += 1
    return per_sentence


def repeated_options(bank: dict) -> int:
    """Return how many times the published choice items of a bank offer a wrong option another one offers already.

    The real defect behind the lint's top_distractor on one text: with one to six choice items, each wrong option
    is more than 15 % of the uses even when none repeats; a repeated one tells the student it is wrong.
    """
    uses = Counter(
        norm(d)
        for q in bank.get("questions", [])
        if q.get("status") == "published" and q.get("kind") in {"single_choice", "multiple_choice"}
        for d in q.get("distractors") or []
    )
    return sum(n - 1 for n in uses.values())


def measure_text(txt: Path, set_name: str, lint=None) -> tuple[TextReport, dict]:
    """Generate the bank of one corpus text and return its report and the bank (JSON schema)."""
    gold_path = txt.with_name(txt.stem + ".facts.json")
    try:
        text = txt.read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{txt.stem}: cannot read the text or its gold list ({exc})") from exc
    bank_obj = generate_bank(text)
    bank = bank_to_json(bank_obj)
    score = evaluate(bank, gold)
    published_bank = {**bank, "questions": [q for q in bank["questions"] if q.get("status") == "published"]}
    score_published = evaluate(published_bank, gold)
    per_sentence = _published_sentences(bank)
    tf = [q for q in published_bank["questions"] if q["kind"] == "true_false"]
    tf_true = sum(1 for q in tf if [c.casefold() for c in q.get("correct", [])] == ["verdadero"])
    report = TextReport(
        set=set_name,
        slug=txt.stem,
        words=len(text.split()),
        sentences=len(bank_obj.sentences),
        gold=len(gold),
        covered=len(gold) - len(score.missed),
        covered_published=len(gold) - len(score_published.missed),
        questions=len(bank["questions"]),
        published=len(published_bank["questions"]),
        sentences_with_items=len(per_sentence),
        max_per_sentence=max(per_sentence.values(), default=0),
        tf_true=tf_true,
        tf_false=len(tf) - tf_true,
        missed=[g["answer"] for g in score.missed],
        repeated_options=repeated_options(bank),
    )
    _judge(report, bank, load_verdicts(txt.with_name(txt.stem + ".verdicts.json")))
    if lint is not None:
        figures = lint.lint(bank)
        figures.pop("examples", None)
        report.lint = figures
        report.lint_ok = bool(lint.within_limits(figures))
    return report, bank


def _judge(report: TextReport, bank: dict, verdicts: list[dict]) -> None:
    sampled = sample(bank)
    by_id = {item_id(v["prompt"], v["answer"]): v for v in verdicts}
    sampled_ids = set()
    report.sampled = len(sampled)
    for q in sampled:
        key = item_id(q["prompt"], item_answer(q))
        sampled_ids.add(key)
        v = by_id.get(key)
        if v is not None and not judged_as_is(v, q):
            v = None  # the verdict judged another item: other kind, options or accepted answers
        if v is None or not v["verdict"]:
            report.unjudged.append({"prompt": q["prompt"], "answer": item_answer(q), "kind": q["kind"]})
            continue
        report.verdicts[v["verdict"]] += 1
        if v["verdict"] != "U" and v.get("reason"):
            report.reasons.update(reason_categories(v["reason"]))
    report.stale = [v for key, v in by_id.items() if key not in sampled_ids and v["verdict"]]


def reason_categories(reason: str) -> set[str]:
    """Return the categories of a reason written «categoría, otra: detalle» (the whole reason when it has none)."""
    head, sep, _ = reason.partition(":")
    if not sep:
        return {reason.strip()}
    return {c.strip() for c in head.split(",") if c.strip()}


def judged_as_is(verdict: dict, question: dict) -> bool:
    """Return whether a verdict judged this item as it stands: same kind, same wrong options, same accepted answers.

    A verdict is found by prompt and answer; an item whose options or accepted answers changed since is another
    item for the judge (an E for a bad option may now be a U, a U may now offer a right answer as wrong), so its
    verdict no longer counts. A field the verdict does not record is not compared (older files).
    """
    if verdict.get("kind") and verdict["kind"] != question["kind"]:
        return False
    if "distractors" in verdict and {norm(d) for d in verdict["distractors"]} != {
        norm(d) for d in question.get("distractors") or []
    }:
        return False
    accepted = {norm(a) for a in verdict.get("accepted") or []}
    return accepted == {norm(a) for a in question.get("accepted") or []}


def accepted_range(numeric: dict) -> str:
    """Return the figures a numeric item's grader takes, as a judge reads them: «1448 – 1452»."""
    value, tolerance = numeric["value"], numeric["tolerance"]
    return " – ".join(f"{x:f}".rstrip("0").rstrip(".") for x in (value - tolerance, value + tolerance))


def sample_template(bank: dict, verdicts: list[dict]) -> list[dict]:
    """Return the verdict file for the current sample: kept verdicts, and empty ones for new sampled items."""
    by_id = {item_id(v["prompt"], v["answer"]): v for v in verdicts}
    out = []
    for q in sample(bank):
        old = by_id.get(item_id(q["prompt"], item_answer(q)), {})
        if old and not judged_as_is(old, q):
            old = {}
        out.append(
            {
                "prompt": q["prompt"],
                "answer": item_answer(q),
                "kind": q["kind"],
                "distractors": q.get("distractors", []),
                **({"accepted": q["accepted"]} if q.get("accepted") else {}),
                **(
                    {"accepted_range": accepted_range(q["numeric"])}
                    if (q.get("numeric") or {}).get("tolerance")
                    else {}
                ),
                "verdict": old.get("verdict", ""),
                "reason": old.get("reason", ""),
            }
        )
    return out


def texts_of(set_name: str, corpus: Path = CORPUS, only: list[str] | None = None) -> list[Path]:
    """Return the texts of a set, optionally only the given slugs (an unknown slug is an error)."""
    folder = corpus / set_name
    if set_name not in SETS or not folder.is_dir():
        raise CorpusError(f"unknown corpus set {set_name!r}; sets: {', '.join(SETS)}")
    texts = sorted(folder.glob("*.txt"))
    if only:
        known = {t.stem for t in texts}
        unknown = sorted(set(only) - known)
        if unknown:
            raise CorpusError(f"not in {set_name}: {', '.join(unknown)}")
        texts = [t for t in texts if t.stem in only]
    return texts


@dataclass
class SetReport:
    """The figures of a set: its texts and their sums."""

    set: str
    texts: list[TextReport]
    lint: dict | None = None  # the shared lint on the set's banks merged, as the tool runs on several files
    lint_ok: bool | None = None

    def total(self, name: str) -> int:
        return sum(getattr(t, name) for t in self.texts)

    @property
    def recall(self) -> float:
        gold = self.total("gold")
        return self.total("covered") / gold if gold else 0.0

    @property
    def recall_published(self) -> float:
        gold = self.total("gold")
        return self.total("covered_published") / gold if gold else 0.0

    @property
    def verdicts(self) -> Counter:
        out: Counter = Counter()
        for t in self.texts:
            out.update(t.verdicts)
        return out

    @property
    def reasons(self) -> Counter:
        out: Counter = Counter()
        for t in self.texts:
            out.update(t.reasons)
        return out

    def rates(self) -> dict:
        """Return U/E/R counts, N judged, the usable and usable-after-a-minor-edit rates (None when N is 0)."""
        v = self.verdicts
        n = sum(v[x] for x in VERDICTS)
        return {
            "U": v["U"],
            "E": v["E"],
            "R": v["R"],
            "N": n,
            "usable": v["U"] / n if n else None,
            "usable_after_edit": (v["U"] + v["E"]) / n if n else None,
            "unjudged": sum(len(t.unjudged) for t in self.texts),
            "stale": sum(len(t.stale) for t in self.texts),
        }


def measure_set(set_name: str, *, only: list[str] | None = None, lint=None, corpus: Path = CORPUS) -> SetReport:
    """Return the report of a corpus set."""
    reports, merged = [], {"facts": [], "questions": []}
    for txt in texts_of(set_name, corpus, only):
        report, bank = measure_text(txt, set_name, lint)
        reports.append(report)
        merged["facts"] += bank["facts"]
        merged["questions"] += bank["questions"]
    result = SetReport(set_name, reports)
    if lint is not None:
        result.lint = lint.lint(merged)
        result.lint.pop("examples", None)
        result.lint_ok = bool(lint.within_limits(result.lint))
    return result


def lint_figures(figures: dict) -> str:
    """Return the lint's figures in one short line (the same names as the shared tool prints)."""
    ts = figures.get("true_share")
    return (
        f"dangling {figures['dangling']:.0%} broken {figures['broken']} split_name {figures['split_name']} "
        f"max_per_sentence {figures['max_per_sentence']} true_share {'n/a' if ts is None else f'{ts:.0%}'} "
        f"verbatim_tf {figures['verbatim_tf']:.0%} top_distractor {figures['top_distractor']:.0%}"
    )


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.0%}"


def format_set(report: SetReport) -> str:
    """Return the printed table of a set: one line per text and the overall line."""
    head = (
        f"{'texto':<30} {'palabras':>8} {'oraciones':>9} {'hechos':>6} {'recall':>6} {'rec.pub':>7} "
        f"{'ítems':>5} {'publ.':>5} {'por or.':>7} {'máx':>3} {'V/F':>6} {'U/E/R de N':>11} {'sin ver.':>8}"
    )
    lines = [f"== {report.set} ==", head]
    for t in report.texts:
        judged = f"{t.verdicts['U']}/{t.verdicts['E']}/{t.verdicts['R']} de {t.judged}"
        lines.append(
            f"{t.slug:<30} {t.words:>8} {t.sentences:>9} {t.gold:>6} {t.recall:>6.2f} "
            f"{t.covered_published / t.gold if t.gold else 0:>7.2f} {t.questions:>5} {t.published:>5} "
            f"{t.per_sentence:>7.2f} {t.max_per_sentence:>3} {t.tf_true:>2}/{t.tf_false:<3} {judged:>11} "
            f"{len(t.unjudged):>8}"
            + (f"  lint {'ok' if t.lint_ok else 'FALLA'}: {lint_figures(t.lint)}" if t.lint is not None else "")
            + f"  opciones repetidas: {t.repeated_options}"
        )
    r = report.rates()
    published = report.total("published")
    with_items = report.total("sentences_with_items")
    tf_true, tf_false = report.total("tf_true"), report.total("tf_false")
    covered, gold = report.total("covered"), report.total("gold")
    most = max((t.max_per_sentence for t in report.texts), default=0)
    lines.append(
        f"TOTAL {report.set}: {len(report.texts)} textos; recall {report.recall:.2f} "
        f"({covered}/{gold} hechos; {report.recall_published:.2f} con ítems publicados); "
        f"{published} publicados de {report.total('questions')} ítems; "
        f"{published / with_items if with_items else 0:.2f} por oración (máx {most}); "
        f"verdadero/falso {tf_true}/{tf_false}"
    )
    lines.append(
        f"veredictos {report.set}: U {r['U']} · E {r['E']} · R {r['R']} de N {r['N']}; "
        f"utilizables sin editar {_pct(r['usable'])}, tras una edición menor {_pct(r['usable_after_edit'])}; "
        f"sin veredicto {r['unjudged']}; veredictos obsoletos {r['stale']}"
    )
    linted = [t for t in report.texts if t.lint is not None]
    if linted:
        lines.append(f"lint {report.set}: {sum(1 for t in linted if t.lint_ok)} de {len(linted)} textos pasan --strict")
    if report.lint is not None:
        lines.append(
            f"lint {report.set}, todos los bancos juntos: {'pasa' if report.lint_ok else 'FALLA'} --strict: "
            f"{lint_figures(report.lint)}"
        )
    if report.reasons:
        lines.append(
            "motivos de E y R, más frecuentes primero: "
            + " · ".join(f"{reason} {count}" for reason, count in report.reasons.most_common())
        )
    return "\n".join(lines)


def as_json(report: SetReport) -> dict:
    """Return a set's figures as plain data."""
    return {
        "set": report.set,
        "recall": report.recall,
        "recall_published": report.recall_published,
        "rates": report.rates(),
        "reasons": dict(report.reasons.most_common()),
        "lint": report.lint,
        "lint_ok": report.lint_ok,
        "texts": [
            {
                "slug": t.slug,
                "words": t.words,
                "sentences": t.sentences,
                "gold": t.gold,
                "covered": t.covered,
                "covered_published": t.covered_published,
                "recall": t.recall,
                "questions": t.questions,
                "published": t.published,
                "per_sentence": t.per_sentence,
                "max_per_sentence": t.max_per_sentence,
                "true_false": [t.tf_true, t.tf_false],
                "verdicts": {v: t.verdicts[v] for v in VERDICTS},
                "unjudged": t.unjudged,
                "stale": t.stale,
                "missed": t.missed,
                "lint": t.lint,
                "lint_ok": t.lint_ok,
                "repeated_options": t.repeated_options,
            }
            for t in report.texts
        ],
    }
