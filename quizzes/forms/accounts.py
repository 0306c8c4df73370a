"""Forms of accounts: a student signing up, a teacher adding one student or uploading a class list."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..domain.roster import RosterInvalid, RosterRow, make_row, parse_roster
from ..domain.uploads import MEGABYTE, UnreadableFile, read_text
from ..models import User

ROSTER_MAX_BYTES = MEGABYTE  # 500 students fit in a few dozen kilobytes


class SignupForm(UserCreationForm):
    """A student's own account: Django's username and two passwords, their name, an optional e-mail."""

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("first_name", "last_name", "username", "email")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["email"].required = False
        self.fields["email"].help_text = _("Opcional: sirve para recuperar la contraseña.")
        self.fields["username"].help_text = _("Con él entrará. Letras, números y . @ + - _")
        for name in ("first_name", "last_name"):
            self.fields[name].widget.attrs["autocomplete"] = "given-name" if name == "first_name" else "family-name"


class StudentForm(forms.Form):
    """One student added by their teacher (the username is made from the name when left empty)."""

    first_name = forms.CharField(label=_("Nombre"), max_length=150)
    last_name = forms.CharField(label=_("Apellidos"), max_length=150)
    username = forms.CharField(
        label=_("Usuario (opcional)"),
        max_length=150,
        required=False,
        help_text=_("Vacío: se genera a partir del nombre. Si ya existe y es de sus clases, se matricula esa cuenta."),
    )
    email = forms.EmailField(label=_("Correo (opcional)"), required=False)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            cleaned["rows"] = [
                make_row(1, {k: cleaned.get(k, "") for k in ("first_name", "last_name", "username", "email")})
            ]
        except RosterInvalid as exc:
            raise ValidationError([p.message for p in exc.problems]) from exc
        return cleaned


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Lista de la clase (CSV)"),
        help_text=_(
            "Columnas: nombre; apellidos; usuario (opcional); correo (opcional). Separadas por punto y coma o por "
            "comas, con o sin fila de títulos, en UTF-8 o en la codificación de Excel (Windows-1252)."
        ),
        error_messages={"required": _("Elija el archivo con la lista.")},
    )

    def clean_file(self) -> list[RosterRow]:
        upload = self.cleaned_data["file"]
        try:
            text = read_text(upload, size=upload.size, max_bytes=ROSTER_MAX_BYTES, fallback="cp1252")
        except UnreadableFile as exc:
            raise ValidationError(exc.messages) from exc
        try:
            return parse_roster(text)
        except RosterInvalid as exc:
            raise ValidationError([str(p) for p in exc.problems]) from exc


class TotpForm(forms.Form):
    token = forms.CharField(
        label=_("Código de 6 dígitos"),
        max_length=20,
        error_messages={"required": _("Escriba el código que muestra la aplicación.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )
