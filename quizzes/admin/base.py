"""What every admin of the project shares: malformed ids in a posted form are a message, never a 500.

Django's admin looks up some posted values as they came, and a value that is not a valid key for the field raises
(both found by tests/views/test_fuzz.py; an id beyond 64 bits is an OverflowError on SQLite):
- when a form with errors is shown again, the autocomplete widget looks up the submitted values
  (``document=":"`` on the question form); :class:`AutocompleteSelect` and :class:`AutocompleteSelectMultiple`
  drop the values the target field cannot read before the lookup (the form still reports them);
- a bulk action filters the changelist by the posted ``_selected_action`` values; :class:`SafeActionsMixin` drops
  the unreadable ones, and with none left the admin says that items must be selected, as for an empty selection.

:class:`ModelAdmin` and :class:`TabularInline` are the classes to extend;
the two mixins are for admins that start from another class (``django.contrib.auth``'s ``UserAdmin``).
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin import widgets as admin_widgets
from django.core.exceptions import ValidationError


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


class ModelAdmin(SafeActionsMixin, admin.ModelAdmin):
    """The base of every ModelAdmin in the project."""


class TabularInline(SafeAutocompleteMixin, admin.TabularInline):
    pass
