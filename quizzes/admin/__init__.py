"""The authoring admin, one module per area; every admin extends :mod:`.base`."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import cards, classes, content, questions, quizzes, users  # noqa: F401  (each module registers its admins)

admin.site.site_header = _("winterwar · autoría y clases")
admin.site.site_title = _("winterwar")
admin.site.index_title = _("Contenido, cuestionarios y clases")
