"""Generate (or regenerate) the question bank of a Spanish text file."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quizzes.management.base import Command as TranslatedCommand

from ...generation import bank_to_json
from ...services import generation
from ...services.errors import ServiceError


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Genera hechos y preguntas a partir de un texto en español (UTF-8) y los guarda en una sola transacción. "
        "Con --dry-run --json imprime el banco en JSON sin tocar la base de datos."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("Archivo de texto UTF-8."))
        parser.add_argument("--title", default="", help=_("Título del documento (por defecto, el titular del texto)."))
        parser.add_argument("--source", default="", help=_("Fuente del texto (URL o referencia)."))
        parser.add_argument("--licence", default="", help=_("Licencia del texto, p. ej. CC BY-SA 4.0."))
        parser.add_argument("--dry-run", action="store_true", help=_("No guarda nada."))
        parser.add_argument("--json", action="store_true", help=_("Imprime el banco en JSON (con --dry-run)."))
        parser.add_argument(
            "--fixture",
            metavar="OUT",
            help=_("Escribe el banco como fixture de loaddata en OUT (con --dry-run; no toca la base de datos)."),
        )

    def handle(self, *args, path, title, source, licence, dry_run, json: bool, fixture, **options):
        as_json = json
        try:
            text = generation.text_read(path)
            if dry_run:
                bank = generation.bank_build(text, title=title)
            else:
                document, report = generation.document_import(
                    text=text,
                    title=title,
                    source=source,
                    licence=licence,
                    fallback_title=Path(path).stem.replace("-", " ").replace("_", " ").capitalize(),
                )
        except FileNotFoundError as exc:
            raise CommandError(f"No existe el archivo: {path}") from exc
        except IsADirectoryError as exc:
            raise CommandError(f"Es un directorio, no un archivo: {path}") from exc
        except (ValidationError, ServiceError) as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        if dry_run and fixture:
            rows = generation.bank_to_fixture(bank, title=title or bank.title, source=source, licence=licence)
            with open(fixture, "w", encoding="utf-8") as fh:
                fh.write(_dumps(rows) + "\n")
            self.stdout.write(f"{len(rows)} objetos escritos en {fixture}")
            return
        if dry_run:
            if as_json:
                self.stdout.write(_dumps(bank_to_json(bank)))
            else:
                kinds: dict[str, int] = {}
                for q in bank.questions:
                    kinds[q.kind] = kinds.get(q.kind, 0) + 1
                published = sum(q.status == "published" for q in bank.questions)
                self.stdout.write(
                    f"{len(bank.facts)} hechos; {len(bank.questions)} preguntas ({published} publicables): "
                    + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
                )
            return
        if as_json:
            self.stdout.write(_dumps({"document": document.pk, **report.as_dict()}))
        else:
            self.stdout.write(self.style.SUCCESS(f"«{document.title}»: {report}"))


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)
