"""Imports waiting for a teacher's confirmation (and, once confirmed, a record of what came in)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .content import Document


class ImportFormat(models.TextChoices):
    GIFT = "gift", "GIFT"
    MOODLE_XML = "moodle_xml", "Moodle XML"
    CSV = "csv", "CSV"
    XLSX = "xlsx", "Excel (XLSX)"
    APKG = "apkg", "Anki (.apkg)"


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Pendiente de confirmar")
    IMPORTED = "imported", _("Importada")


class ImportBatch(models.Model):
    """An uploaded file, parsed: shown for review, then imported once (a second confirmation does nothing)."""

    token = models.UUIDField(_("identificador"), default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("subida por"), on_delete=models.CASCADE, related_name="import_batches"
    )
    format = models.CharField(_("formato"), max_length=20, choices=ImportFormat.choices)
    filename = models.CharField(_("archivo"), max_length=255)
    document = models.ForeignKey(
        Document,
        verbose_name=_("documento asignado"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_batches",
    )
    payload = models.JSONField(_("preguntas leídas"), default=dict)
    status = models.CharField(_("estado"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.PENDING)
    n_created = models.PositiveIntegerField(_("preguntas creadas"), default=0)
    created_at = models.DateTimeField(_("subida"), auto_now_add=True)
    imported_at = models.DateTimeField(_("importada"), null=True, blank=True)

    class Meta:
        verbose_name = _("importación")
        verbose_name_plural = _("importaciones")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=ImportStatus.values), name="importbatch_status_valid"),
            models.CheckConstraint(condition=Q(format__in=ImportFormat.values), name="importbatch_format_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"
