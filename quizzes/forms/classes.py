"""Forms of the classes area (joining, creating a class, assigning a quiz). They validate; services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Quiz

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M", "%Y-%m-%d"]


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class JoinForm(forms.Form):
    # No max_length: the service gives the one clear message for any malformed code, however long.
    code = forms.CharField(
        label=_("Código de la clase"),
        strip=True,
        error_messages={"required": _("Escriba el código de la clase.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false", "maxlength": "16"}
        ),
    )


class ClassroomForm(forms.Form):
    name = forms.CharField(
        label=_("Nombre de la clase"),
        max_length=200,
        error_messages={
            "required": _("Escriba un nombre para la clase."),
            "max_length": _("El nombre es demasiado largo (200 caracteres como máximo)."),
        },
        widget=forms.TextInput(attrs={"placeholder": _("Por ejemplo, 4.º ESO B")}),
    )


class AssignmentDatesForm(forms.Form):
    """An assignment's due date and window (changed from the class page)."""

    due_at = forms.DateTimeField(
        label=_("Fecha de entrega"), required=False, input_formats=DATETIME_FORMATS, widget=DateTimeLocalInput()
    )
    opens_at = forms.DateTimeField(
        label=_("Se abre"), required=False, input_formats=DATETIME_FORMATS, widget=DateTimeLocalInput()
    )
    closes_at = forms.DateTimeField(
        label=_("Se cierra"), required=False, input_formats=DATETIME_FORMATS, widget=DateTimeLocalInput()
    )


class AssignmentForm(AssignmentDatesForm):
    quiz = forms.ModelChoiceField(
        label=_("Cuestionario"),
        queryset=Quiz.objects.published().order_by("title"),
        empty_label=_("Elija un cuestionario publicado"),
        error_messages={
            "required": _("Elija un cuestionario."),
            "invalid_choice": _("Ese cuestionario no existe o no está publicado."),
        },
    )
    field_order = ["quiz", "due_at", "opens_at", "closes_at"]
