"""Close and grade every quiz attempt whose time ran out (run it from cron every minute or so)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from quizzes.services.attempts import close_expired_attempts


class Command(BaseCommand):
    help = _("Cierra y califica los intentos cuyo tiempo se ha agotado (para cron).")

    def handle(self, *args, **options):
        closed = close_expired_attempts()
        self.stdout.write(f"{closed} intento(s) cerrados.")
