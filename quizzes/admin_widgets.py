"""Guards for two places where Django's admin turns a malformed id into a 500 (installed from QuizzesConfig.ready).

Both were found by tests/test_fuzz.py:
- When a form with errors is shown again, AutocompleteMixin.optgroups looks up the submitted values as they came; a
  value that is not a valid key for the target field (document=":" on the question form) raises ValueError inside
  the template. Values the target field cannot read are dropped before the lookup; the form still reports them.
- A bulk action filters the changelist by the posted ``_selected_action`` values as they came; one that is not a
  valid primary key (an empty string) raises ValueError. Such values are dropped; with none left, the admin says
  that items must be selected, as it does for an empty selection.
"""

from django.contrib.admin import helpers
from django.contrib.admin.options import ModelAdmin
from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import ValidationError

_optgroups = AutocompleteMixin.optgroups
_response_action = ModelAdmin.response_action


def _readable(field, value) -> bool:
    try:
        field.to_python(value)
    except (ValidationError, TypeError, ValueError):
        return False
    return True


def optgroups(self, name, value, attr=None):
    opts = self.field.remote_field.model._meta
    target = opts.get_field(getattr(self.field.remote_field, "field_name", opts.pk.attname))
    return _optgroups(self, name, [v for v in value if _readable(target, v)], attr)


def response_action(self, request, queryset):
    selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
    readable = [v for v in selected if _readable(self.model._meta.pk, v)]
    if len(readable) != len(selected):
        post = request.POST.copy()
        post.setlist(helpers.ACTION_CHECKBOX_NAME, readable)
        request.POST = post
    return _response_action(self, request, queryset)


def install() -> None:
    if AutocompleteMixin.optgroups is not optgroups:
        AutocompleteMixin.optgroups = optgroups
    if ModelAdmin.response_action is not response_action:
        ModelAdmin.response_action = response_action
