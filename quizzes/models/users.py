from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

TEACHERS_GROUP = "Teachers"


class User(AbstractUser):
    """A student, a teacher (staff in the Teachers group) or an administrator."""

    daily_new_cards = models.PositiveSmallIntegerField(
        _("tarjetas nuevas por día"),
        default=20,
        help_text=_("Cuántas tarjetas nuevas como máximo se presentan cada día."),
    )
    must_change_password = models.BooleanField(
        _("debe cambiar la contraseña"),
        default=False,
        help_text=_("La contraseña es provisional (la dio un docente): se pide una nueva al entrar."),
    )
    language = models.CharField(
        _("idioma"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        default="",
        help_text=_("El idioma de la interfaz; vacío: el del navegador (español si no pide ninguno que tengamos)."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cuenta creada por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accounts_created",
        help_text=_("El docente que creó o importó esta cuenta de estudiante."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("usuario")
        verbose_name_plural = _("usuarios")
        constraints = [
            models.CheckConstraint(condition=models.Q(daily_new_cards__lte=1000), name="user_daily_new_cards_max"),
        ]

    def __str__(self) -> str:
        full = self.get_full_name()
        return f"{full} ({self.username})" if full else self.username

    @property
    def is_teacher(self) -> bool:
        """Return True for staff users in the Teachers group and superusers."""
        if self.is_superuser:
            return True
        if not self.is_staff:
            return False
        cache = getattr(self, "_is_teacher_cache", None)
        if cache is None:
            cache = self.groups.filter(name=TEACHERS_GROUP).exists()
            self._is_teacher_cache = cache
        return cache
