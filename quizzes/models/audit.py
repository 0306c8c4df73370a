"""The account audit log: logins, failed logins, lockouts and password changes, for the administrator."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountEventKind(models.TextChoices):
    LOGIN = "login", _("inicio de sesión")
    LOGIN_FAILED = "login_failed", _("inicio de sesión fallido")
    LOCKED_OUT = "locked_out", _("bloqueo por intentos fallidos")
    LOGOUT = "logout", _("cierre de sesión")
    PASSWORD_CHANGED = "password_changed", _("contraseña cambiada por su titular")
    PASSWORD_RESET_EMAIL = "password_reset", _("contraseña restablecida por correo")
    PASSWORD_RESET_BY_TEACHER = "password_reset_by_teacher", _("contraseña provisional dada por un docente")
    ACCOUNT_CREATED = "account_created", _("cuenta creada")


class AccountEvent(models.Model):
    """One event about an account. The username is kept as typed (a failed login may name no account)."""

    kind = models.CharField(_("tipo"), max_length=32, choices=AccountEventKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cuenta"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="account_events",
    )
    username = models.CharField(_("usuario"), max_length=150, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hecho por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Quien lo hizo, cuando no es la propia cuenta (un docente que da una contraseña provisional)."),
    )
    ip_address = models.GenericIPAddressField(_("dirección"), null=True, blank=True)
    at = models.DateTimeField(_("fecha"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("evento de cuenta")
        verbose_name_plural = _("registro de accesos")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["username", "-at"], name="accountevent_username_at"),
            models.Index(fields=["ip_address", "-at"], name="accountevent_address_at"),  # password spraying
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.username}"
