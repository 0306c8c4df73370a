"""Benchmark the generator on the seed text and on texts 10x and 100x its size.

Run: ``.venv/bin/python -m quizzes.generation.bench [TEXT]`` (pure Python, no database).
Bigger texts are made of copies of the seed whose years are shifted and whose sentences carry
their copy number, so that no sentence repeats (a repeated sentence gives its facts once, and the
larger texts would not be larger work).
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from . import generate_bank, nlp

DEFAULT = Path(__file__).resolve().parents[2] / "fixtures" / "guerra-de-invierno.txt"


def scaled(text: str, factor: int) -> str:
    """Return factor copies of text, each with its years shifted so no sentence repeats."""
    parts = []
    for i in range(factor):
        copy = re.sub(r"\b(1[89]\d\d)\b", lambda m, i=i: str(int(m.group()) + i), text)
        if i:
            # Sentences without a year would still repeat: tag each with its copy number.
            copy = re.sub(r"(?<=\w)\.(?=\s|$)", f" (copia {i}).", copy)
        parts.append(copy)
    return "\n".join(parts)


def run(text: str, factors=(1, 10, 100)) -> list[dict]:
    """Return, per factor, the size, the time and the output counts."""
    start = time.perf_counter()
    generate_bank(text)  # warm-up: the Spanish model and the gazetteers load once per process
    load_seconds = time.perf_counter() - start
    rows = []
    for factor in factors:
        big = scaled(text, factor)
        nlp.clear_cache()  # parses are cached by sentence: time them, not the cache
        start = time.perf_counter()
        bank = generate_bank(big)
        seconds = time.perf_counter() - start
        rows.append(
            {
                "factor": factor,
                "chars": len(big),
                "sentences": len(bank.sentences),
                "facts": len(bank.facts),
                "questions": len(bank.questions),
                "seconds": seconds,
                "ms_per_1000_chars": 1000 * seconds / (len(big) / 1000),
                "load_seconds": load_seconds,
            }
        )
    return rows


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    text = path.read_text(encoding="utf-8")
    rows = run(text)
    print(f"first run, with the model and gazetteers loading: {rows[0]['load_seconds']:.2f} s")
    print(f"{'size':>6} {'chars':>9} {'sentences':>9} {'facts':>6} {'questions':>9} {'seconds':>8} {'ms/1k chars':>11}")
    for r in rows:
        print(
            f"{r['factor']:>5}x {r['chars']:>9} {r['sentences']:>9} {r['facts']:>6} {r['questions']:>9} "
            f"{r['seconds']:>8.2f} {r['ms_per_1000_chars']:>11.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
