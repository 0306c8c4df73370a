"""The import_questions and export_questions commands: what scripts and operators rely on (JSON, exit status)."""

import json
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from quizzes.interop import gift
from quizzes.models import Question, QuestionKind
from tests import factories

from .test_gift_mixed import MIXED

pytestmark = pytest.mark.django_db


def run_import(*args) -> tuple[int, dict]:
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_questions", *args, "--json", stdout=out, stderr=err)
        status = 0
    except SystemExit as exc:
        status = exc.code
    return status, json.loads(out.getvalue())


def test_a_mixed_gift_file_imports_its_questions_and_lists_the_skipped_ones(tmp_path):
    path = tmp_path / "banco.gift"
    path.write_text(MIXED, encoding="utf-8")
    status, report = run_import(str(path))
    assert status == 0
    assert [q["kind"] for q in report["questions"]] == [
        "single_choice", "single_choice", "single_choice", "multiple_choice", "single_choice", "numeric",
    ]  # fmt: skip
    assert [(s["where"], "ensayo" in s["reason"]) for s in report["skipped"]][0] == ("línea 4", True)
    assert len(report["skipped"]) == 2 and report["errors"] == []
    assert sorted(report["created"]) == sorted(Question.objects.values_list("pk", flat=True))
    assert len(report["created"]) == 6


def test_dry_run_writes_nothing_and_a_second_run_finds_the_duplicates(tmp_path):
    path = tmp_path / "banco.gift"
    path.write_text(MIXED, encoding="utf-8")
    status, report = run_import(str(path), "--dry-run")
    assert (status, report["dry_run"], report["created"], Question.objects.count()) == (0, True, [], 0)
    run_import(str(path))
    status, again = run_import(str(path))
    assert status == 0 and again["created"] == [] and all(q["duplicate"] for q in again["questions"])
    assert Question.objects.count() == 6


def test_a_file_with_errors_exits_with_1_and_writes_nothing(tmp_path):
    path = tmp_path / "malo.gift"
    path.write_text("¿Capital?{=Helsinki ~Turku}\n\n¿Año?{#mil}\n", encoding="utf-8")
    status, report = run_import(str(path))
    assert status == 1
    assert report["errors"] == ["línea 3: «mil» no es un número (use punto decimal: 3.5)."]
    assert Question.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binario.csv", b"PK\x03\x04\x00\x00", "binario"),
        ("vacio.txt", b"   ", "vacío"),
        ("roto.xml", b"<quiz><question type='truefalse'>", "mal formado"),
    ],
)
def test_unreadable_files_exit_with_1(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    status, report = run_import(str(path))
    assert status == 1 and message in report["errors"][0]


def test_a_missing_file_or_a_huge_one_exits_with_1(tmp_path):
    status, report = run_import(str(tmp_path / "no-existe.gift"))
    assert status == 1 and report["errors"] == ["No existe el archivo."]
    huge = tmp_path / "enorme.gift"
    with huge.open("wb") as handle:
        handle.truncate(30 * 1024 * 1024)
    status, report = run_import(str(huge))
    assert status == 1 and "el máximo es 5 MB" in report["errors"][0]


def test_the_document_option_puts_every_question_in_it(tmp_path):
    document = factories.make_document(title="Otro")
    path = tmp_path / "banco.gift"
    path.write_text(MIXED, encoding="utf-8")
    assert run_import(str(path), "--document", str(document.pk))[0] == 0
    assert set(Question.objects.values_list("document", flat=True)) == {document.pk}
    with pytest.raises(CommandError, match="ningún documento"):
        call_command("import_questions", str(path), "--document", "999999")


def test_export_then_import_through_the_commands_changes_nothing_but_ids(tmp_path):
    document = factories.make_document(title="Guerra de Invierno")
    factories.make_question(kind=QuestionKind.SHORT_ANSWER, prompt="¿Quién?", document=document)
    factories.make_question(kind=QuestionKind.NUMERIC, prompt="¿Días?", numeric_value=105, document=document)
    for fmt, name in (("gift", "a.gift"), ("moodle_xml", "a.xml"), ("csv", "a.csv")):
        out = tmp_path / name
        call_command("export_questions", "--format", fmt, "--document", str(document.pk), "-o", str(out))
        status, report = run_import(str(out), "--dry-run", "--format", fmt)
        assert status == 0, report
        assert [(q["kind"], q["prompt"], q["duplicate"]) for q in report["questions"]] == [
            ("short_answer", "¿Quién?", True),
            ("numeric", "¿Días?", True),
        ]
    gift_text = (tmp_path / "a.gift").read_text(encoding="utf-8")
    assert [i.prompt for i in gift.loads(gift_text).items] == ["¿Quién?", "¿Días?"]
    ET.fromstring((tmp_path / "a.xml").read_bytes())


def test_export_of_a_quiz_and_of_anki_cards(tmp_path):
    quiz = factories.make_quiz_of_every_kind()
    out = tmp_path / "quiz.xml"
    call_command("export_questions", "--format", "moodle_xml", "--quiz", str(quiz.pk), "-o", str(out))
    exported = ET.fromstring(out.read_bytes()).findall("question")
    assert len([q for q in exported if q.get("type") != "category"]) == quiz.items.count()
    factories.make_flashcard()
    out = tmp_path / "tarjetas.apkg"
    call_command("export_questions", "--format", "apkg", "-o", str(out))
    assert out.read_bytes()[:2] == b"PK"
    with pytest.raises(CommandError, match="ningún cuestionario"):
        call_command("export_questions", "--format", "gift", "--quiz", "999999", "-o", str(out))
