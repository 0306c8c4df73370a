from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes"
    verbose_name = _("Estudio")

    def ready(self):
        from .services import audit, two_factor

        audit.connect()
        two_factor.connect()
