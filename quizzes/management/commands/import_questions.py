"""Import a question bank file (GIFT, Moodle XML, CSV) from the command line, as the admin's import does."""

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quizzes.management.base import Command as TranslatedCommand

from ...interop import anki_import
from ...interop.schema import MAX_IMPORT_BYTES, ImportFormatError
from ...models import Document
from ...services import interop as services

FORMATS = ["gift", "moodle_xml", "csv", "xlsx", "apkg"]


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Importa preguntas de un archivo GIFT, Moodle XML, CSV o Excel (XLSX) como borradores, igual que la "
        "importación del administrador (un mazo de Anki, .apkg, da tarjetas). Las preguntas de tipos que no "
        "existen aquí se omiten y se dice por qué. "
        "Sale con 0 si el archivo se pudo leer (aunque se omitiera algo) y con 1 si no se pudo leer o tiene "
        "errores (entonces no se guarda nada)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="FILE", help=_("Archivo que se importa."))
        parser.add_argument(
            "--format",
            dest="fmt",
            choices=FORMATS,
            default="",
            help=_("Formato del archivo (por defecto, según la extensión y el contenido)."),
        )
        parser.add_argument(
            "--document", type=int, default=None, help=_("Id del documento al que van todas las preguntas.")
        )
        parser.add_argument("--dry-run", action="store_true", help=_("Lee y comprueba, pero no guarda."))
        parser.add_argument("--json", dest="as_json", action="store_true", help=_("Imprime el resultado en JSON."))
        parser.add_argument(
            "--keep-duplicates",
            action="store_true",
            help=_("Importa también las preguntas que ya existen o se repiten en el archivo."),
        )

    def handle(self, *args, path, fmt, document, dry_run, as_json, keep_duplicates, **options):
        chosen = None
        if document is not None:
            chosen = Document.objects.filter(pk=document).first()
            if chosen is None:
                raise CommandError(_("No hay ningún documento con id %(id)s.") % {"id": document})
        if fmt == "apkg" or (not fmt and path.lower().endswith((".apkg", ".colpkg"))):
            return self._anki(path, chosen, dry_run, as_json)
        file = Path(path)
        try:
            size = file.stat().st_size
            with file.open("rb") as handle:
                data = handle.read(min(size, MAX_IMPORT_BYTES) + 1)
        except FileNotFoundError:
            return self._finish(path, fmt, None, [], [], [_("No existe el archivo.")], as_json)
        except (IsADirectoryError, PermissionError, OSError) as exc:
            return self._finish(
                path, fmt, None, [], [], [_("No se puede leer el archivo: %(e)s") % {"e": exc.strerror}], as_json
            )
        fmt, result = services.import_parse(data=data, filename=file.name, fmt=fmt)
        errors = [str(e) for e in result.errors]
        if errors:
            return self._finish(path, fmt, result, [], [], errors, as_json)
        rows = services.preview_items(items=result.items, document=chosen)
        created = []
        if not dry_run:
            try:
                rows, created = services.import_now(result=result, document=chosen, skip_duplicates=not keep_duplicates)
            except ImportFormatError as exc:
                return self._finish(path, fmt, result, rows, [], [str(exc)], as_json)
        return self._finish(path, fmt, result, rows, created, [], as_json, dry_run=dry_run)

    def _anki(self, path, document, dry_run, as_json):
        """An Anki package becomes flashcards (cards imported before from the same notes are updated)."""
        try:
            with open(path, "rb") as handle:
                data = handle.read(anki_import.MAX_PACKAGE_BYTES + 1)
        except OSError as exc:
            result = anki_import.AnkiResult(errors=[ImportFormatError(exc.strerror or str(exc))])
        else:
            result = services.anki_parse(data=data)
        rows, counts = [], {}
        if not result.errors:
            rows = services.anki_rows(cards=result.cards, document=document)
            if not dry_run:
                rows, counts = services.anki_import_now(result=result, document=document)
        report = {
            "file": str(path),
            "format": "apkg",
            "dry_run": dry_run,
            "questions": [],
            "cards": [
                {
                    "where": row.card.where,
                    "note_type": row.card.note_type,
                    "deck": row.card.deck,
                    "front": row.card.front,
                    "document": row.document.pk if row.document else None,
                    "status": row.status,
                }
                for row in rows
            ],
            "counts": counts,
            "skipped": [s.to_dict() for s in result.skipped],
            "errors": [str(e) for e in result.errors],
        }
        if as_json:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=1))
        else:
            for skipped in report["skipped"]:
                self.stdout.write(_("Omitida, %(where)s: %(reason)s") % skipped)
            for error in report["errors"]:
                self.stderr.write(error)
            if not result.errors:
                self.stdout.write(self.style.SUCCESS(_("%(n)d tarjetas leídas.") % {"n": len(rows)}))
        if result.errors:
            raise SystemExit(1)

    def _finish(self, path, fmt, result, rows, created, errors, as_json, *, dry_run=False):
        report = {
            "file": str(path),
            "format": fmt or "",
            "encoding": result.encoding if result else "",
            "dry_run": dry_run,
            "questions": [
                {
                    "where": row.item.where,
                    "kind": row.item.kind,
                    "prompt": row.item.prompt,
                    "document": row.document.pk if row.document else None,
                    "duplicate": row.is_duplicate,
                    "notes": [str(n) for n in row.notes],
                }
                for row in rows
            ],
            "created": [q.pk for q in created],
            "skipped": [s.to_dict() for s in result.skipped] if result else [],
            "notes": [str(n) for n in result.notes] if result else [],
            "errors": errors,
        }
        if as_json:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=1))
        else:
            for note in report["notes"]:
                self.stdout.write(note)
            for skipped in report["skipped"]:
                self.stdout.write(_("Omitida, %(where)s: %(reason)s") % skipped)
            for error in errors:
                self.stderr.write(error)
            if not errors:
                message = _("%(read)d preguntas leídas, %(created)d creadas como borrador, %(skipped)d omitidas.") % {
                    "read": len(rows),
                    "created": len(created),
                    "skipped": len(report["skipped"]),
                }
                self.stdout.write(self.style.SUCCESS(message))
        if errors:
            raise SystemExit(1)
