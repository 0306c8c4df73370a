from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes"
    verbose_name = _("Estudio")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from winterwar import csrf, resolving
        from winterwar.middleware import session_started

        from .services import audit, invalidation, two_factor

        csrf.install()  # CSRF tokens masked with one read of the random source (winterwar/csrf.py)
        resolving.install()  # a path's view resolved once per process (winterwar/resolving.py)
        audit.connect()
        two_factor.connect()
        invalidation.connect()
        user_logged_in.connect(session_started, dispatch_uid="winterwar-session-started")
