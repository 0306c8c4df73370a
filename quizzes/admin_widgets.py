"""A guard for Django's admin autocomplete widget (installed from QuizzesConfig.ready).

When a form with errors is shown again, AutocompleteMixin.optgroups looks up the submitted values as they came; a
value that is not a valid key for the target field (document=":" on the question form, found by tests/test_fuzz.py)
raises ValueError inside the template: a 500 instead of the form's own "select a valid choice" error. Values that
the target field cannot read are dropped before the lookup; the form still reports them as invalid.
"""

from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import ValidationError

_optgroups = AutocompleteMixin.optgroups


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


def install() -> None:
    if AutocompleteMixin.optgroups is not optgroups:
        AutocompleteMixin.optgroups = optgroups
