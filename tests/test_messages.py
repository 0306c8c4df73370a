"""The catalogue check (scripts/check_messages.sh → scripts/messages.py): what it refuses, and the catalogue itself."""

import runpy
import shutil
from pathlib import Path

import polib
import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
messages = runpy.run_path(str(ROOT / "scripts" / "messages.py"))
needs_gettext = pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext is not installed")


def write_po(path: Path, entries: list[polib.POEntry]) -> Path:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    po.extend(entries)
    po.save(str(path))
    return path


@needs_gettext
def test_a_complete_catalogue_passes(tmp_path):
    path = write_po(
        tmp_path / "ok.po",
        [
            polib.POEntry(msgid="Hola", msgstr="Hello"),
            polib.POEntry(
                msgid="%(n)d día",
                msgid_plural="%(n)d días",
                msgstr_plural={0: "%(n)d day", 1: "%(n)d days"},
                flags=["python-format"],
            ),
            polib.POEntry(msgctxt="formato de fecha", msgid="j \\d\\e F", msgstr="j F"),
        ],
    )
    assert messages["problems"](path) == []


@needs_gettext
@pytest.mark.parametrize(
    ("entry", "complaint"),
    [
        (polib.POEntry(msgid="Hola", msgstr=""), "untranslated"),
        (polib.POEntry(msgid="Hola", msgstr="Hello", flags=["fuzzy"]), "fuzzy"),
        (polib.POEntry(msgid="%(n)s meses", msgstr="months", flags=["python-format"]), "placeholders differ"),
        (polib.POEntry(msgid="%(n)s meses", msgstr="%(m)s months", flags=["python-format"]), "placeholders differ"),
    ],
)
def test_what_the_check_refuses(tmp_path, entry, complaint):
    found = messages["problems"](write_po(tmp_path / "bad.po", [entry]))
    assert any(line.startswith(complaint) for line in found), found


def test_out_of_date_names_new_and_gone_strings(tmp_path):
    committed = write_po(
        tmp_path / "a.po", [polib.POEntry(msgid="Viejo", msgstr="Old"), polib.POEntry(msgid="Igual", msgstr="Same")]
    )
    fresh = write_po(
        tmp_path / "b.po", [polib.POEntry(msgid="Igual", msgstr="Same"), polib.POEntry(msgid="Nuevo", msgstr="")]
    )
    found = messages["out_of_date"](committed, fresh)
    assert found == ["new string, not in the catalogue: 'Nuevo'", "in the catalogue, no longer in the code: 'Viejo'"]
    assert messages["out_of_date"](committed, committed) == []


def test_the_english_catalogue_is_complete_and_loaded():
    po = polib.pofile(str(ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    assert len(po) > 1000
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []
    with translation.override("en"):
        assert translation.gettext("Iniciar sesión") == "Log in"
