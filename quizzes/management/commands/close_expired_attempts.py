"""Close and grade every quiz attempt whose time ran out, and feed to the flashcards the attempts of quizzes that
have closed since (their feedback is now visible). Run it from cron every minute or so."""

from django.utils.translation import gettext_lazy

from quizzes.management.base import Command as TranslatedCommand
from quizzes.services.attempts import close_expired_attempts, feed_cards_after_close


class Command(TranslatedCommand):
    help = gettext_lazy("Cierra y califica los intentos cuyo tiempo se ha agotado (para cron).")

    def handle(self, *args, **options):
        closed = close_expired_attempts()
        fed = feed_cards_after_close()
        self.stdout.write(f"{closed} intento(s) cerrados; {fed} intento(s) pasados a las tarjetas.")
