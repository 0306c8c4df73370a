"""How the admin speaks to a teacher: messages that agree in gender, one verb for adding, labelled controls.

Django's own admin messages put the model's ``verbose_name`` into one Spanish sentence written for a masculine
noun («El pregunta “…” fue agregado correctamente. Puede editarlo…»). :class:`WordingMixin` replaces the
messages of a save and a delete with sentences chosen by the noun's gender (``grammatical_gender``) and says
«Añadir» where Django's Spanish says «Agregar» (the «Añadir otra fila» link of every inline).

:class:`LabelledInlineMixin` and :class:`SplitDateTimeWidget` give a name to the controls that Django's admin leaves
without one (axe-core's ``label`` rule): an inline row's «delete» checkbox and the date and time boxes of a
date-time field.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin import widgets as admin_widgets
from django.contrib.admin.utils import quote
from django.forms import MultiWidget
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

FEMININE, MASCULINE = "f", "m"

# (what happened, gender) -> the sentence; {name} is the model's verbose_name, {obj} the object (a link).
DONE = {
    ("added", FEMININE): _("La {name} «{obj}» se ha añadido."),
    ("added", MASCULINE): _("El {name} «{obj}» se ha añadido."),
    ("changed", FEMININE): _("La {name} «{obj}» se ha guardado."),
    ("changed", MASCULINE): _("El {name} «{obj}» se ha guardado."),
    ("deleted", FEMININE): _("La {name} «{obj}» se ha eliminado."),
    ("deleted", MASCULINE): _("El {name} «{obj}» se ha eliminado."),
}
# (the button pressed, gender) -> what the page offers next.
NEXT = {
    ("_continue", FEMININE): _("Puede seguir editándola a continuación."),
    ("_continue", MASCULINE): _("Puede seguir editándolo a continuación."),
    ("_saveasnew", FEMININE): _("Puede seguir editándola a continuación."),
    ("_saveasnew", MASCULINE): _("Puede seguir editándolo a continuación."),
    ("_addanother", FEMININE): _("Puede añadir otra a continuación."),
    ("_addanother", MASCULINE): _("Puede añadir otro a continuación."),
}
ADD_ROW = _("Añadir %(verbose_name)s")
DELETE_ROW = _("Eliminar esta fila")
VIEW_TITLE = _("Ver %(name)s")
DATE_LABEL = _("Fecha")
TIME_LABEL = _("Hora")


def saved_message(*, event: str, gender: str, name, obj_repr, button: str = ""):
    """The sentence for a saved or deleted object, and what the page offers next (already HTML-safe)."""
    text = str(DONE[(event, gender)])
    follow = NEXT.get((button, gender)) if event != "deleted" else None
    if follow:
        text += " " + str(follow)
    return format_html(text, name=name, obj=obj_repr)


class _InlineAdminFormSet(helpers.InlineAdminFormSet):
    """An inline whose «add a row» link says «Añadir …»."""

    def inline_formset_data(self):
        data = json.loads(super().inline_formset_data())
        data["options"]["addText"] = gettext(ADD_ROW) % {"verbose_name": self.opts.verbose_name}
        return json.dumps(data)


class WordingMixin:
    """For any ModelAdmin: save and delete messages that agree with the model's noun; «Añadir» in the inlines."""

    grammatical_gender = MASCULINE

    def _object_repr(self, request, obj):
        opts = obj._meta
        if not self.has_change_permission(request, obj):
            return str(obj)
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=(quote(obj.pk),))
        return format_html('<a href="{}">{}</a>', url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        request._ww_saved = ("added", obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        request._ww_saved = ("added" if "_saveasnew" in request.POST else "changed", obj)
        return super().response_change(request, obj)

    def response_delete(self, request, obj_display, obj_id):
        request._ww_saved = ("deleted", obj_display)
        return super().response_delete(request, obj_display, obj_id)

    def message_user(self, request, message, level=messages.INFO, extra_tags="", fail_silently=False):
        saved = getattr(request, "_ww_saved", None)
        if saved and level == messages.SUCCESS:
            request._ww_saved = None  # the first success message of a save is Django's: only that one
            event, obj = saved
            button = next((b for b in ("_continue", "_addanother", "_saveasnew") if b in request.POST), "")
            message = saved_message(
                event=event,
                gender=self.grammatical_gender,
                name=self.model._meta.verbose_name,
                obj_repr=str(obj) if event == "deleted" else self._object_repr(request, obj),
                button=button,
            )
        super().message_user(request, message, level, extra_tags, fail_silently)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["grammatical_gender"] = self.grammatical_gender  # for the save buttons (admin/quizzes/submit_line.html)
        if change and obj is not None and not self.has_change_permission(request, obj):
            context["title"] = gettext(VIEW_TITLE) % {"name": self.model._meta.verbose_name}  # not «Vista pregunta»
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_admin_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_admin_formset in inline_admin_formsets:
            inline_admin_formset.__class__ = _InlineAdminFormSet
        return inline_admin_formsets


class SplitDateTimeWidget(admin_widgets.AdminSplitDateTime):
    """The admin's date and time boxes, each with its own <label> (Django writes the words as bare text)."""

    template_name = "quizzes/admin/widgets/split_datetime.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["date_label"], context["time_label"] = DATE_LABEL, TIME_LABEL
        return context


class LabelledInlineMixin:
    """For any inline: every control of a row is named for screen readers (a table cell has no <label>: the column
    header names it for the eye only), the checkbox that deletes the row included."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class Labelled(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                for name, field in form.fields.items():
                    label = DELETE_ROW if name == "DELETE" else field.label
                    if label and not field.widget.is_hidden and not isinstance(field.widget, MultiWidget):
                        field.widget.attrs.setdefault("aria-label", capfirst(label))

        Labelled.__name__ = formset.__name__
        return Labelled
