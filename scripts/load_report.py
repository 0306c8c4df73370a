"""Turn a load or chaos run's files (locust CSVs, verify.json, integrity.json, events) into Markdown.

    python scripts/load_report.py load  --out var/load  [--docs docs/production.md]
    python scripts/load_report.py chaos --out var/chaos [--docs docs/production.md]

Writes OUT/report.md and, with --docs, replaces the block between `<!-- BEGIN <kind> -->` and `<!-- END <kind> -->`.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path


def read_stats(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def num(row: dict, key: str) -> float:
    try:
        return float(row.get(key) or 0)
    except ValueError:
        return 0.0


def stats_table(rows: list[dict]) -> list[str]:
    lines = [
        "| endpoint | requests | failures | req/s | p50 ms | p95 ms | p99 ms | max ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in sorted(rows, key=lambda r: (r["Name"] == "Aggregated", r["Name"])):
        name = "**all requests**" if row["Name"] == "Aggregated" else f"`{row['Name']}`"
        lines.append(
            f"| {name} | {int(num(row, 'Request Count'))} | {int(num(row, 'Failure Count'))} | "
            f"{num(row, 'Requests/s'):.1f} | {num(row, '50%'):.0f} | {num(row, '95%'):.0f} | {num(row, '99%'):.0f} | "
            f"{num(row, 'Max Response Time'):.0f} |"
        )
    return lines


def failures_table(path: Path) -> list[str]:
    rows = read_stats(path)
    if not rows:
        return ["No failed requests."]
    lines = ["| endpoint | error | count |", "| --- | --- | ---: |"]
    for row in sorted(rows, key=lambda r: -num(r, "Occurrences"))[:15]:
        error = row["Error"].replace("|", "/").replace("\n", " ")[:140]
        lines.append(f"| `{row['Name']}` | {error} | {int(num(row, 'Occurrences'))} |")
    return lines


def aggregated(rows: list[dict]) -> dict:
    return next((r for r in rows if r["Name"] == "Aggregated"), {})


LOGIN_ROWS = {"GET login", "POST login"}


def rps_without_login(rows: list[dict]) -> float:
    """Requests per second of the app's pages, leaving out the logins (deliberately slow password hashing)."""
    return sum(num(r, "Requests/s") for r in rows if r["Name"] != "Aggregated" and r["Name"] not in LOGIN_ROWS)


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def environment(args) -> list[str]:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()
    return [
        f"- Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC at commit `{commit}`, {os.cpu_count()} CPU cores "
        f"({platform.machine()}), load average {load[0]:.1f} before the report; PostgreSQL 15 and the app on loopback.",
        f"- gunicorn: {args.workers} sync workers, production settings (DEBUG off, plain HTTP on loopback), "
        + ("Redis cache with cached sessions and per-user summaries" if args.redis else "database sessions")
        + ", `CONN_MAX_AGE=60` with health checks.",
    ]


def integrity_lines(out: Path) -> list[str]:
    verify, integrity = load_json(out / "verify.json"), load_json(out / "integrity.json")
    lines = []
    if verify:
        lines.append(
            f"- Acknowledged answers: **{verify['answers_acknowledged']}** "
            f"({verify['responses_acknowledged']} responses), lost: **{verify['answers_lost']}**; "
            f"acknowledged card ratings: **{verify['ratings_acknowledged']}**, lost: **{verify['ratings_lost']}** "
            "(`manage.py loadtest_verify`)."
        )
    if integrity:
        problems = integrity.get("problems") or {}
        lines.append(
            f"- Database after the run: {integrity['attempts']} attempts ({integrity['attempts_submitted']} submitted, "
            f"{integrity['attempts_in_progress']} in progress), {integrity['responses_answered']} answered responses, "
            f"{integrity['reviews']} reviews; broken invariants: "
            + ("**none**" if not problems else "**" + ", ".join(f"{k} {v}" for k, v in problems.items()) + "**")
            + " (`manage.py check_integrity`)."
        )
    return lines


def load_report(args) -> list[str]:
    out = Path(args.out)
    app, ceiling = read_stats(out / "app_stats.csv"), read_stats(out / "ceiling_stats.csv")
    saturated = read_stats(out / "saturated_stats.csv")
    ceiling_rps = num(aggregated(ceiling), "Requests/s")
    app_rps, sat_rps = rps_without_login(app), rps_without_login(saturated)
    lines = environment(args)
    lines.append(
        f"- Three locust runs against one server: the ceiling, {args.ceiling_users} users on `/healthz` without think "
        f"time for {args.ceiling_duration}; the app, {args.users} users (5 students : 1 teacher, 0.5-2 s / 1-3 s think "
        f"time) for {args.duration}; the app at saturation, {args.saturation_users} users without think time for "
        f"{args.saturation_duration}."
    )
    lines += [
        "",
        f"**Ceiling (`/healthz`): {ceiling_rps:.0f} req/s. App at saturation (the server's capacity for the page mix, "
        f"logins left out): {sat_rps:.1f} req/s, ratio {sat_rps / ceiling_rps if ceiling_rps else 0:.3f}. "
        f"App with think time: {app_rps:.1f} req/s "
        f"(ratio {app_rps / ceiling_rps if ceiling_rps else 0:.3f}).**",
        "",
        f"App with think time ({args.users} users), per endpoint:",
        "",
        *stats_table(app),
        "",
        f"App at saturation ({args.saturation_users} users, no think time), per endpoint:",
        "",
        *stats_table(saturated),
        "",
        "Ceiling:",
        "",
        *stats_table([r for r in ceiling if r["Name"] != "Aggregated"]),
        "",
        "Failures:",
        "",
        *failures_table(out / "app_failures.csv"),
        *(["", "At saturation:", "", *failures_table(out / "saturated_failures.csv")] if saturated else []),
        "",
        *integrity_lines(out),
    ]
    return lines


def chaos_report(args) -> list[str]:
    out = Path(args.out)
    app = read_stats(out / "app_stats.csv")
    lines = environment(args)
    lines.append(f"- Load during the faults: {args.users} users (students and teachers) for {args.duration}.")
    lines += ["", "Timeline (seconds after the load started):", ""]
    events = out / "events.tsv"
    for line in events.read_text(encoding="utf-8").splitlines() if events.exists() else []:
        t, what = line.split("\t", 1)
        lines.append(f"- t={float(t):.1f} s: {what}")
    lines += ["", "App requests during the run (failures are requests caught by a fault):", "", *stats_table(app)]
    lines += ["", "Failures:", "", *failures_table(out / "app_failures.csv"), ""]
    lines += integrity_lines(out)
    after = out / "after.txt"
    if after.exists():
        lines.append(f"- {after.read_text(encoding='utf-8').strip()}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["load", "chaos"])
    parser.add_argument("--out", required=True)
    parser.add_argument("--docs", default="")
    parser.add_argument("--users", default="?")
    parser.add_argument("--duration", default="?")
    parser.add_argument("--ceiling-users", default="?")
    parser.add_argument("--ceiling-duration", default="?")
    parser.add_argument("--workers", default="?")
    parser.add_argument("--saturation-users", default="?")
    parser.add_argument("--saturation-duration", default="?")
    parser.add_argument("--redis", action="store_true", help="the server ran with Redis (cache, sessions, summaries)")
    args = parser.parse_args()
    lines = load_report(args) if args.kind == "load" else chaos_report(args)
    text = "\n".join(lines) + "\n"
    (Path(args.out) / "report.md").write_text(text, encoding="utf-8")
    print(text)
    if args.docs:
        docs = Path(args.docs)
        begin, end = f"<!-- BEGIN {args.kind} -->", f"<!-- END {args.kind} -->"
        current = docs.read_text(encoding="utf-8")
        if begin in current and end in current:
            head, rest = current.split(begin, 1)
            _old, tail = rest.split(end, 1)
            docs.write_text(f"{head}{begin}\n{text}{end}{tail}", encoding="utf-8")
            print(f"updated {docs}")


if __name__ == "__main__":
    main()
