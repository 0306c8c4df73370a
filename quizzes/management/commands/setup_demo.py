"""Load the Winter War bank and the demo accounts (idempotent: `make run` calls it every time)."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quizzes.management.base import Command as TranslatedCommand

from ...demo.activity import demo_activity_create
from ...demo.setup import DEMO_CLASS_CODE, DEMO_CLASS_NAME, demo_setup
from ...models import Classroom


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Carga el documento de la Guerra de Invierno, su banco de preguntas y las cuentas de demostración."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-activity",
            action="store_true",
            help=_("No simular unos días de estudio de los estudiantes de demostración."),
        )

    def handle(self, *args, **options):
        report = demo_setup()
        if not options["no_activity"]:
            with transaction.atomic():
                classroom = Classroom.objects.get(name=DEMO_CLASS_NAME)
                activity = demo_activity_create(classroom=classroom)
            if activity.attempts or activity.reviews:
                self.stdout.write(
                    f"Actividad simulada: {activity.attempts} intentos y {activity.reviews} repasos de tarjetas."
                )
        self.stdout.write(self.style.SUCCESS("Datos de demostración listos."))
        self.stdout.write(f"Código de la clase de demostración: {DEMO_CLASS_CODE}")
        self.stdout.write("Cuentas (usuario / contraseña):")
        for role, username, password in report.accounts:
            self.stdout.write(f"  {role:<11} {username:<10} {password}")
