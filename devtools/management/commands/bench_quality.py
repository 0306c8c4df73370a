"""Measure the generator on the quality corpus: recall, published items, balance and the teacher's verdicts."""

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from devtools import quality
from quizzes.management.base import Command as TranslatedCommand


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Genera el banco de cada texto del corpus de calidad (tests/data/corpus) y da, por texto y en total, "
        "el recall de los hechos clave, los ítems publicados, ítems por oración, el equilibrio verdadero/falso "
        "y los veredictos U/E/R de la muestra."
    )

    def add_arguments(self, parser):
        parser.add_argument("--set", choices=[*quality.SETS, "all"], default="all", help=_("conjunto del corpus"))
        parser.add_argument("--text", action="append", default=[], help=_("solo este texto (slug); repetible"))
        parser.add_argument("--lint", default=str(quality.LINT_DEFAULT), help=_("ruta de qgen_lint.py (opcional)"))
        parser.add_argument("--no-lint", action="store_true", help=_("no pasar qgen_lint.py aunque exista"))
        parser.add_argument("--json", action="store_true", help=_("las cifras en JSON"))
        parser.add_argument("--missed", action="store_true", help=_("lista los hechos clave no cubiertos"))
        parser.add_argument(
            "--write-sample",
            action="store_true",
            help=_("escribe <texto>.verdicts.json con la muestra actual (conserva los veredictos que siguen valiendo)"),
        )

    def handle(self, *args, **options):
        sets = quality.SETS if options["set"] == "all" else (options["set"],)
        lint = None if options["no_lint"] else quality.load_lint(Path(options["lint"]))
        results = []
        try:
            for name in sets:
                if options["write_sample"]:
                    self._write_samples(name, options["text"])
                results.append(quality.measure_set(name, only=options["text"] or None, lint=lint))
        except quality.CorpusError as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(json.dumps([quality.as_json(r) for r in results], ensure_ascii=False, indent=1))
            return
        if lint is None:
            self.stdout.write("(qgen_lint.py no está disponible: sin lint)")
        for report in results:
            self.stdout.write(quality.format_set(report))
            if options["missed"]:
                for t in report.texts:
                    if t.missed:
                        self.stdout.write(f"  {t.slug}: " + " · ".join(t.missed))

    def _write_samples(self, name: str, only: list[str]) -> None:
        for txt in quality.texts_of(name, only=only or None):
            path = txt.with_name(txt.stem + ".verdicts.json")
            _, bank = quality.measure_text(txt, name)
            data = quality.sample_template(bank, quality.load_verdicts(path))
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            self.stdout.write(
                f"{path.relative_to(quality.ROOT)}: {sum(1 for v in data if not v['verdict'])} sin veredicto"
            )
