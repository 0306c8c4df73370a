"""What every admin of the project shares: malformed ids in a posted form are a message, never a 500.

Django's admin looks up some posted values as they came, and a value that is not a valid key for the field raises
(both found by tests/views/test_fuzz.py; an id beyond 64 bits is an OverflowError on SQLite):
- when a form with errors is shown again, the autocomplete widget looks up the submitted values
  (``document=":"`` on the question form); :class:`AutocompleteSelect` and :class:`AutocompleteSelectMultiple`
  drop the values the target field cannot read before the lookup (the form still reports them);
- a bulk action filters the changelist by the posted ``_selected_action`` values; :class:`SafeActionsMixin` drops
  the unreadable ones, and with none left the admin says that items must be selected, as for an empty selection.

:class:`ModelAdmin` and :class:`TabularInline` are the classes to extend;
the mixins are for admins that start from another class (``django.contrib.auth``'s ``UserAdmin``).

Privacy and ownership, for every admin alike (:class:`ScopedMixin`):
- rows about students (``student_field``: attempts, reviews, cards, enrolments) are limited, for a teacher, to the
  students :func:`~quizzes.selectors.people.visible_students` lets them see; so is every choice of a user in a
  form, an inline or an autocomplete (the autocomplete asks the user admin, which is limited the same way);
- content (``owner_paths``: documents, questions, quizzes, facts, flashcards) belongs to whoever made it (a question
  generated from a document, to the document's owner); a teacher edits and deletes only their own and sees the
  rest read-only (and may duplicate a question); content without an owner is shared, edited only by superusers.
  Bulk actions that change things run only on the teacher's own rows (``read_only_actions`` are the exceptions).
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin import widgets as admin_widgets
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..selectors.people import visible_student_ids, visible_students
from .wording import LabelledInlineMixin, SplitDateTimeWidget, WordingMixin


def is_readable(field, value) -> bool:
    """Whether ``field`` accepts ``value`` as a lookup value (a primary key "x", or one beyond 64 bits, is not)."""
    try:
        field.run_validators(field.to_python(value))
    except (ValidationError, TypeError, ValueError):
        return False
    return True


class _ReadableValuesMixin:
    """An autocomplete widget that looks up only the values its target field can read."""

    def optgroups(self, name, value, attr=None):
        opts = self.field.remote_field.model._meta
        target = opts.get_field(getattr(self.field.remote_field, "field_name", opts.pk.attname))
        return super().optgroups(name, [v for v in value if is_readable(target, v)], attr)


class AutocompleteSelect(_ReadableValuesMixin, admin_widgets.AutocompleteSelect):
    pass


class AutocompleteSelectMultiple(_ReadableValuesMixin, admin_widgets.AutocompleteSelectMultiple):
    pass


class SafeAutocompleteMixin:
    """For any ModelAdmin or inline: ``autocomplete_fields`` get the widgets above."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class SafeActionsMixin(SafeAutocompleteMixin):
    """For any ModelAdmin: a bulk action ignores selected ids that are not valid primary keys."""

    def response_action(self, request, queryset):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        readable = [v for v in selected if is_readable(self.model._meta.pk, v)]
        if len(readable) != len(selected):
            post = request.POST.copy()
            post.setlist(helpers.ACTION_CHECKBOX_NAME, readable)
            request.POST = post
        return super().response_action(request, queryset)


def owner_id(obj, owner_paths) -> int | None:
    """The id of the user who owns ``obj``: the first of ``owner_paths`` ("created_by", "document__created_by")
    that is set; None when none is (shared content)."""
    for path in owner_paths:
        *hops, last = path.split("__")
        target = obj
        for hop in hops:
            target = getattr(target, hop, None)
            if target is None:
                break
        if target is not None and getattr(target, f"{last}_id", None) is not None:
            return getattr(target, f"{last}_id")
    return None


def _is_user_model(model) -> bool:
    return f"{model._meta.app_label}.{model._meta.object_name}" == settings.AUTH_USER_MODEL


class ScopedMixin:
    """Teachers see only their students' rows and users, and change only the content they own (see above)."""

    student_field: str | None = None
    owner_paths: tuple[str, ...] = ()

    def scope_queryset(self, request, queryset):
        if request.user.is_superuser or not self.student_field:
            return queryset
        return queryset.filter(**{f"{self.student_field}__in": visible_student_ids(request.user)})

    def owned_q(self, user) -> Q:
        """The rows ``user`` owns, as a filter (the same rule as :func:`owner_id`)."""
        condition, earlier_unset = Q(pk__in=[]), Q()
        for path in self.owner_paths:
            condition |= earlier_unset & Q(**{path: user})
            earlier_unset &= Q(**{f"{path}__isnull": True})
        return condition

    def owns(self, request, obj) -> bool:
        if request.user.is_superuser or obj is None or not self.owner_paths:
            return True
        return owner_id(obj, self.owner_paths) == request.user.pk

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if _is_user_model(db_field.related_model) and not request.user.is_superuser:
            kwargs["queryset"] = visible_students(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if _is_user_model(db_field.related_model) and not request.user.is_superuser:
            kwargs["queryset"] = visible_students(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class DecimalNumberInput(forms.NumberInput):
    """A number field that holds «50» and «62.5», not «50.00» and «62.50»: the browser shows it in its own locale
    («62,5» in Spanish), which it cannot do with the trailing zeros of a DecimalField's value."""

    def format_value(self, value):
        if isinstance(value, Decimal) and value.is_finite():
            value = format(value.normalize(), "f")
        return super().format_value(value)


# The widgets of every admin form: date and time apart, numbers without trailing zeros.
FORMFIELD_OVERRIDES = {
    models.DateTimeField: {"widget": SplitDateTimeWidget},
    models.DecimalField: {"widget": DecimalNumberInput},
}


class ModelAdmin(WordingMixin, ScopedMixin, SafeActionsMixin, admin.ModelAdmin):
    """The base of every ModelAdmin in the project."""

    read_only_actions: tuple[str, ...] = ()
    formfield_overrides = FORMFIELD_OVERRIDES

    class Media:
        css = {"all": ("quizzes/admin.css",)}
        js = ("quizzes/admin_a11y.js",)

    def get_fieldsets(self, request, obj=None):
        """A superuser also sees the owner, to share content (no owner) or hand it to another teacher."""
        fieldsets = super().get_fieldsets(request, obj)
        owned = request.user.is_superuser and self.owner_paths[:1] == ("created_by",)
        if owned and "created_by" not in flatten_fieldsets(fieldsets):
            description = _("Vacío: contenido compartido, que todos los docentes leen y solo la administración edita.")
            fieldsets = [*fieldsets, (_("Dueño"), {"fields": ["created_by"], "description": description})]
        return fieldsets

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "created_by" and "widget" not in kwargs:
            kwargs["widget"] = admin_widgets.ForeignKeyRawIdWidget(db_field.remote_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        return self.scope_queryset(request, super().get_queryset(request))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.owns(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.owns(request, obj)

    def response_action(self, request, queryset):
        name = request.POST.get("action", "")
        changes = name not in self.read_only_actions and not name.startswith("export_")
        if self.owner_paths and not request.user.is_superuser and changes:
            queryset = self._own_rows(request, queryset)
        return super().response_action(request, queryset)

    def _own_rows(self, request, queryset):
        own = self.owned_q(request.user)
        if request.POST.get("select_across") == "1":
            skipped = queryset.exclude(own).count()
        else:
            selected = [
                v for v in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME) if is_readable(self.model._meta.pk, v)
            ]
            skipped = queryset.filter(pk__in=selected).exclude(own).count()
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%d elemento no es suyo y no se ha cambiado (puede duplicarlo).",
                    "%d elementos no son suyos y no se han cambiado (puede duplicarlos).",
                    skipped,
                )
                % skipped,
                messages.WARNING,
            )
        return queryset.filter(own)


class TabularInline(LabelledInlineMixin, ScopedMixin, SafeAutocompleteMixin, admin.TabularInline):
    """An inline is editable only where its parent is (a teacher's own quiz, question or document)."""

    formfield_overrides = FORMFIELD_OVERRIDES

    def _parent_owned(self, request, obj) -> bool:
        parent_admin = self.admin_site._registry.get(self.parent_model)
        return parent_admin is None or not hasattr(parent_admin, "owns") or parent_admin.owns(request, obj)

    def get_queryset(self, request):
        return self.scope_queryset(request, super().get_queryset(request))

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._parent_owned(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._parent_owned(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._parent_owned(request, obj)
