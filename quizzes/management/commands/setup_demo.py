"""Load the Winter War bank and the demo accounts (idempotent: `make run` calls it every time)."""

from django.core.management.base import BaseCommand

from ...services.demo import DEMO_CLASS_CODE, demo_setup


class Command(BaseCommand):
    help = "Carga el documento de la Guerra de Invierno, su banco de preguntas y las cuentas de demostración."

    def handle(self, *args, **options):
        report = demo_setup()
        self.stdout.write(self.style.SUCCESS("Datos de demostración listos."))
        self.stdout.write(f"Código de la clase de demostración: {DEMO_CLASS_CODE}")
        self.stdout.write("Cuentas (usuario / contraseña):")
        for role, username, password in report.accounts:
            self.stdout.write(f"  {role:<11} {username:<10} {password}")
