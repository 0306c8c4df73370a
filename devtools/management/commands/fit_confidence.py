"""Fit the publication confidence on the historical blind verdicts of dev items and write its constants."""

from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from devtools import confidence
from quizzes.management.base import Command as TranslatedCommand


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Ajusta la confianza de publicación (regresión logística) con los veredictos históricos de los textos de "
        "desarrollo, da la validación por mitades de textos y, si se pide, escribe los coeficientes en "
        "quizzes/generation/confidence.py."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "verdicts",
            nargs="?",
            default=str(confidence.VERDICTS),
            help=_(
                "archivo JSON de veredictos (prompt, answer, kind, verdict, slug); por omisión, los del repositorio"
            ),
        )
        parser.add_argument("--l2", type=float, default=confidence.L2, help=_("penalización L2"))
        parser.add_argument("--write", action="store_true", help=_("escribe los coeficientes en el módulo"))
        parser.add_argument("--note", default="", help=_("línea añadida al comentario de los coeficientes"))

    def handle(self, *args, **options):
        items = confidence.load_items(Path(options["verdicts"]))
        report = confidence.validate(items, options["l2"])
        intercept, coef = confidence.fit(*confidence.arrays(items), options["l2"])
        self.stdout.write(confidence.format_report(report))
        self.stdout.write(confidence.describe(intercept, coef))
        if options["write"]:
            confidence.write_module(intercept, coef, confidence.summary(report, options["l2"], options["note"]))
            self.stdout.write(_("coeficientes escritos"))
