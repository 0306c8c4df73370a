"""Accounts: users, their groups, the sign-in records of django-axes, two-step login devices and the audit log.

Groups, sign-in records and devices are registered by ``django.contrib.auth``, ``axes`` and ``django_otp`` (listed
before this app, so their admins are loaded first); they are registered again here on top of
:class:`~.base.SafeActionsMixin`, so that every admin of the site treats a malformed selected id the same way.
"""

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.forms import AdminPasswordChangeForm, AdminUserCreationForm
from django.contrib.auth.models import Group
from django.utils.html import format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin as OtpTOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..models import AccountEvent, User
from ..permissions import teachers_group
from ..selectors.people import visible_students
from .base import ModelAdmin, SafeActionsMixin
from .wording import WordingMixin

ROLE_STUDENT = "student"
ROLE_TEACHER = "teacher"

# Django stores a model's permission names at migrate time («Can add pregunta»: half English, half the model's
# Spanish name); the admin shows them rebuilt in the active language instead.
PERMISSION_ACTIONS = {
    "add": _("Puede añadir"),
    "change": _("Puede cambiar"),
    "delete": _("Puede borrar"),
    "view": _("Puede ver"),
}


def permission_label(permission) -> str:
    """«Estudio | pregunta | Puede añadir» in the active language; a permission of another kind as Django names it."""
    model = permission.content_type.model_class()
    action = permission.codename.split("_", 1)[0]
    if model is None or action not in PERMISSION_ACTIONS or permission.codename != f"{action}_{model._meta.model_name}":
        return str(permission)
    return f"{model._meta.app_config.verbose_name} | {model._meta.verbose_name} | {PERMISSION_ACTIONS[action]}"


class PermissionLabelsMixin:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request=request, **kwargs)
        if db_field.name in ("permissions", "user_permissions") and field is not None:
            field.label_from_instance = permission_label
        return field


class PasswordChangeForm(AdminPasswordChangeForm):
    """Django's form, with its help text for «password-based authentication» translated when shown: Django joins it
    into one string when the module is imported, so it stays in the language active then."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "usable_password" in self.fields:
            self.fields["usable_password"].help_text = format_lazy(
                "{}{}",
                _("Si la cuenta puede entrar con una contraseña. Sin ella, aún podría entrar por otros medios."),
                format_html_join(
                    "",
                    '<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
                    [(_("Si la desactiva, se pierde la contraseña actual de este usuario."),)],
                ),
            )


class UserCreationForm(AdminUserCreationForm):
    """The administrator's form for a new account: a student, or a teacher (staff in the Teachers group)."""

    role = forms.ChoiceField(
        label=_("Tipo de cuenta"),
        choices=[(ROLE_TEACHER, _("Docente")), (ROLE_STUDENT, _("Estudiante"))],
        initial=ROLE_TEACHER,
        help_text=_("Un docente entra en la administración y ve solo sus clases; no puede crear otros docentes."),
    )

    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ("username", "first_name", "last_name", "email")

    def save(self, commit=True):
        user = super().save(commit=False)
        user.is_staff = self.cleaned_data["role"] == ROLE_TEACHER
        if commit:
            user.save()
            self._save_m2m()
            self.save_role(user)
        return user

    def save_role(self, user) -> None:
        if self.cleaned_data["role"] == ROLE_TEACHER:
            user.groups.add(teachers_group())


@admin.register(User)
class UserAdmin(PermissionLabelsMixin, WordingMixin, SafeActionsMixin, auth_admin.UserAdmin):
    """Accounts. Only superusers add or change them; a teacher sees (read-only) the students of their classes."""

    add_form = UserCreationForm
    change_password_form = PasswordChangeForm
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("role", "username", "first_name", "last_name", "email")}),
        (_("Contraseña"), {"classes": ("wide",), "fields": ("usable_password", "password1", "password2")}),
    )
    fieldsets = (
        *auth_admin.UserAdmin.fieldsets,
        (_("Estudio"), {"fields": ("daily_new_cards", "language")}),
        (_("Cuenta de estudiante"), {"fields": ("must_change_password", "created_by")}),
    )
    raw_id_fields = ("created_by",)
    list_display = ("username", "first_name", "last_name", "is_staff", "is_active", "last_login")
    search_fields = ("username", "first_name", "last_name", "email")

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(pk__in=visible_students(request.user).values("pk"))

    def get_fieldsets(self, request, obj=None):
        if obj is not None and not request.user.is_superuser:
            # What a teacher may read about a student of theirs: no permissions, groups or staff flags.
            return (
                (None, {"fields": ("username",)}),
                (_("Datos personales"), {"fields": ("first_name", "last_name", "email")}),
                (_("Fechas"), {"fields": ("last_login", "date_joined")}),
            )
        return super().get_fieldsets(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change and isinstance(form, UserCreationForm):
            form.save_role(form.instance)


@admin.register(AccountEvent)
class AccountEventAdmin(ModelAdmin):
    """The audit log of accounts: read-only, for the administrator (teachers have no permission on it)."""

    list_display = ("at", "kind", "username", "actor", "ip_address")
    list_filter = ("kind",)
    search_fields = ("username", "ip_address")
    list_select_related = ("actor",)
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class GroupAdmin(PermissionLabelsMixin, SafeActionsMixin, auth_admin.GroupAdmin):
    pass


class AccessAttemptAdmin(SafeActionsMixin, axes_admin.AccessAttemptAdmin):
    pass


class AccessLogAdmin(SafeActionsMixin, axes_admin.AccessLogAdmin):
    pass


class AccessFailureLogAdmin(SafeActionsMixin, axes_admin.AccessFailureLogAdmin):
    pass


class TOTPDeviceAdmin(SafeActionsMixin, OtpTOTPDeviceAdmin):
    """Two-step login devices: the administrator deletes a lost phone's device here."""


for _model, _admin_class in [
    (Group, GroupAdmin),
    (TOTPDevice, TOTPDeviceAdmin),
    (AccessAttempt, AccessAttemptAdmin),
    (AccessLog, AccessLogAdmin),
    (AccessFailureLog, AccessFailureLogAdmin),
]:
    if admin.site.is_registered(_model):  # axes registers its admins only with AXES_ENABLE_ADMIN
        admin.site.unregister(_model)
        admin.site.register(_model, _admin_class)
