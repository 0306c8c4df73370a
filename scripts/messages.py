"""The interface's translation catalogues (locale/<language>/LC_MESSAGES/django.po; Spanish is the source language).

    python scripts/messages.py make              makemessages, tidied, then compiled (`make messages`)
    python scripts/messages.py compile           the .mo files from the .po files (pure Python: no GNU gettext needed)
    python scripts/messages.py check             fail when a catalogue is incomplete, fuzzy or out of date (CI)
    python scripts/messages.py todo              the empty and fuzzy entries, as JSON to fill in and give to `merge`
    python scripts/messages.py merge FILE.json   fill empty msgstr from a JSON object msgid -> msgstr (plural: a list
                                                 of forms; context: "context\\u0004msgid"); --overwrite replaces
                                                 existing ones too

`make` and `check` need GNU gettext (xgettext, msgmerge, msgfmt: Debian's `gettext` package), as Django's
makemessages does; `compile` needs only polib. The .mo files are not committed (a binary file conflicts whenever two
branches add strings): `make install` and the test suite compile them.

The .po files are kept stable so that branches merge cleanly: entries sorted by msgid, locations by file only (no
line numbers), no obsolete entries, a fixed creation date in the header.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = "locale"
LANGUAGES = ["en"]  # every interface language but the source (settings.LANGUAGES without "es")
# Folders whose strings are not the interface's (tests, load scripts) or are generated.
IGNORE = ["tests/*", "loadtest/*", "docs/*", "scripts/*", "staticfiles/*", "htmlcov/*", "build/*", "var/*", "tmp/*"]
FIXED_DATE = "2026-01-01 00:00+0000"


def po_path(root: Path, language: str) -> Path:
    return root / LOCALE / language / "LC_MESSAGES" / "django.po"


def key(entry: polib.POEntry) -> str:
    return (entry.msgctxt + "\x04" if entry.msgctxt else "") + entry.msgid


def makemessages(root: Path) -> None:
    """Run Django's makemessages in ``root`` for every language, then tidy the result."""
    command = [sys.executable, "manage.py", "makemessages", "--no-obsolete", "--add-location=file"]
    command += [f"--locale={language}" for language in LANGUAGES]
    for pattern in IGNORE:
        command += ["--ignore", pattern]
    env = dict(os.environ, DJANGO_DEBUG="1", DJANGO_SETTINGS_MODULE="winterwar.settings")
    subprocess.run(command, cwd=root, env=env, check=True, stdout=subprocess.DEVNULL)
    for language in LANGUAGES:
        tidy(po_path(root, language), language)


def tidy(path: Path, language: str) -> None:
    """Sort the entries, fix the header: the same code gives the same file, whoever runs it and when."""
    po = polib.pofile(str(path), wrapwidth=120)
    po.header = "The interface of winterwar in English. Spanish is the source language; see locale/README.md."
    po.metadata.update(
        {
            "Project-Id-Version": "winterwar",
            "POT-Creation-Date": FIXED_DATE,
            "PO-Revision-Date": FIXED_DATE,
            "Last-Translator": "winterwar",
            "Language-Team": language,
            "Language": language,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        }
    )
    po.metadata.pop("Report-Msgid-Bugs-To", None)
    po.metadata_is_fuzzy = False
    entries = [e for e in po if not e.obsolete]
    for entry in entries:
        entry.occurrences = sorted({(file, "") for file, _line in entry.occurrences})
    entries.sort(key=lambda e: (e.msgid, e.msgctxt or ""))
    po[:] = entries
    po.save(str(path))


def compile_catalogues(root: Path = ROOT) -> list[Path]:
    """Write each .mo next to its .po when it is missing or older (atomically: test workers may race)."""
    written = []
    for po_file in sorted((root / LOCALE).glob("*/LC_MESSAGES/*.po")):
        mo_file = po_file.with_suffix(".mo")
        if mo_file.exists() and mo_file.stat().st_mtime >= po_file.stat().st_mtime:
            continue
        fd, tmp = tempfile.mkstemp(dir=mo_file.parent, suffix=".mo.tmp")
        os.close(fd)
        polib.pofile(str(po_file)).save_as_mofile(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, mo_file)
        written.append(mo_file)
    return written


def problems(path: Path) -> list[str]:
    """What is wrong with one catalogue on its own: untranslated, fuzzy, formats that do not match."""
    found = []
    po = polib.pofile(str(path))
    for entry in po.untranslated_entries():
        found.append(f"untranslated: {key(entry)!r}")
    for entry in po.fuzzy_entries():
        found.append(f"fuzzy: {key(entry)!r}")
    for entry in po.translated_entries():
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        wanted = placeholders(entry.msgid) | placeholders(entry.msgid_plural or "")
        for form in forms:
            if placeholders(form) - wanted or (not entry.msgid_plural and placeholders(form) != wanted):
                found.append(f"placeholders differ: {key(entry)!r} -> {form!r}")
    result = subprocess.run(
        ["msgfmt", "--check-format", "--statistics", "-o", os.devnull, str(path)], capture_output=True, text=True
    )
    if result.returncode != 0:
        found.append("msgfmt --check-format: " + result.stderr.strip())
    elif "untranslated" in result.stderr or "fuzzy" in result.stderr:
        found.append("msgfmt --statistics: " + result.stderr.strip())
    return found


PLACEHOLDER = re.compile(r"%\((\w+)\)[sdfir]|\{(\w*)\}|%[sdf]")


def placeholders(text: str) -> set[str]:
    return {m.group(0) for m in PLACEHOLDER.finditer(text)}


def copy_tree(destination: Path) -> None:
    """The files git knows (tracked, and new ones not ignored), as they are in the working tree."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, listed):
        source = ROOT / os.fsdecode(name)
        if source.is_file():
            target = destination / os.fsdecode(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def out_of_date(committed: Path, regenerated: Path) -> list[str]:
    """The marked strings of the code (regenerated) against the committed catalogue: new, gone, changed flags."""
    old = {key(e): e for e in polib.pofile(str(committed)) if not e.obsolete}
    new = {key(e): e for e in polib.pofile(str(regenerated)) if not e.obsolete}
    found = [f"new string, not in the catalogue: {k!r}" for k in sorted(new.keys() - old.keys())]
    found += [f"in the catalogue, no longer in the code: {k!r}" for k in sorted(old.keys() - new.keys())]
    for k in sorted(new.keys() & old.keys()):
        if new[k].msgid_plural != old[k].msgid_plural:
            found.append(f"plural changed: {k!r}")
        if set(new[k].flags) - {"fuzzy"} != set(old[k].flags) - {"fuzzy"}:
            found.append(f"flags changed ({', '.join(new[k].flags)}): {k!r}")
    return found


def check() -> int:
    if not shutil.which("msgfmt") or not shutil.which("xgettext"):
        # As with Chromium for the browser tests: skipped with a reason on a machine without it, a failure in CI.
        print("check_messages: GNU gettext is needed (Debian: apt-get install gettext)", file=sys.stderr)
        return 2 if os.environ.get("CI") else 0
    found = []
    for language in LANGUAGES:
        path = po_path(ROOT, language)
        if not path.exists():
            found.append(f"{path.relative_to(ROOT)} is missing: run make messages")
            continue
        found += [f"{language}: {p}" for p in problems(path)]
    with tempfile.TemporaryDirectory(prefix="winterwar-messages-") as tmp:
        copy_tree(Path(tmp))
        makemessages(Path(tmp))
        for language in LANGUAGES:
            path = po_path(ROOT, language)
            if path.exists():
                found += [f"{language}: {p}" for p in out_of_date(path, po_path(Path(tmp), language))]
    if found:
        print("The message catalogue is incomplete or out of date:", file=sys.stderr)
        for line in found:
            print("  " + line, file=sys.stderr)
        print(
            "Fix: `make messages` (makemessages), then give every new string its English msgstr in "
            "locale/en/LC_MESSAGES/django.po (no fuzzy, no empty), then `make messages` again.",
            file=sys.stderr,
        )
        return 1
    print(f"check_messages: {', '.join(LANGUAGES)} complete and up to date")
    return 0


def todo() -> int:
    """Print the entries to translate (empty or fuzzy) as a JSON object key -> msgid (plural: [msgid, msgid_plural])."""
    wanted = {}
    for language in LANGUAGES:
        po = polib.pofile(str(po_path(ROOT, language)))
        for entry in po.untranslated_entries() + po.fuzzy_entries():
            wanted[key(entry)] = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else entry.msgid
    print(json.dumps(wanted, ensure_ascii=False, indent=1))
    return 0


def merge(source: Path, overwrite: bool = False) -> int:
    """Fill msgstr from a JSON object (msgid -> msgstr, or a list of plural forms); report what it left empty."""
    translations = json.loads(source.read_text(encoding="utf-8"))
    filled = 0
    for language in LANGUAGES:
        path = po_path(ROOT, language)
        po = polib.pofile(str(path), wrapwidth=120)
        for entry in po:
            value = translations.get(key(entry))
            if value is None:
                continue
            if entry.msgid_plural:
                forms = [value, value] if isinstance(value, str) else list(value)
                if overwrite or not any(entry.msgstr_plural.values()) or "fuzzy" in entry.flags:
                    entry.msgstr_plural = dict(enumerate(forms[:2]))
                    filled += 1
            elif isinstance(value, str) and (overwrite or not entry.msgstr or "fuzzy" in entry.flags):
                entry.msgstr = value
                filled += 1
            else:
                continue
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        po.save(str(path))
        left = [key(e) for e in po.untranslated_entries()]
        print(f"{language}: {filled} filled, {len(left)} still empty")
        for k in left:
            print("  " + repr(k))
    return 0


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "make":
        makemessages(ROOT)
        compile_catalogues(ROOT)
        return 0
    if command == "compile":
        for path in compile_catalogues(ROOT):
            print(f"compiled {path.relative_to(ROOT)}")
        return 0
    if command == "check":
        return check()
    if command == "todo":
        return todo()
    if command == "merge" and rest:
        return merge(Path(rest[0]), overwrite="--overwrite" in rest)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
