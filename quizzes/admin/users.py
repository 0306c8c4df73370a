"""Accounts: users, their groups and the sign-in records of django-axes.

Groups and sign-in records are registered by ``django.contrib.auth`` and ``axes`` (both listed before this app, so
their admins are loaded first); they are registered again here on top of :class:`~.base.SafeActionsMixin`, so that
every admin of the site treats a malformed selected id the same way.
"""

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from ..models import User
from .base import SafeActionsMixin


@admin.register(User)
class UserAdmin(SafeActionsMixin, auth_admin.UserAdmin):
    fieldsets = (*auth_admin.UserAdmin.fieldsets, (_("Estudio"), {"fields": ("daily_new_cards",)}))
    list_display = ("username", "first_name", "last_name", "is_staff", "is_active", "last_login")
    search_fields = ("username", "first_name", "last_name", "email")


class GroupAdmin(SafeActionsMixin, auth_admin.GroupAdmin):
    pass


class AccessAttemptAdmin(SafeActionsMixin, axes_admin.AccessAttemptAdmin):
    pass


class AccessLogAdmin(SafeActionsMixin, axes_admin.AccessLogAdmin):
    pass


class AccessFailureLogAdmin(SafeActionsMixin, axes_admin.AccessFailureLogAdmin):
    pass


for _model, _admin_class in [
    (Group, GroupAdmin),
    (AccessAttempt, AccessAttemptAdmin),
    (AccessLog, AccessLogAdmin),
    (AccessFailureLog, AccessFailureLogAdmin),
]:
    if admin.site.is_registered(_model):  # axes registers its admins only with AXES_ENABLE_ADMIN
        admin.site.unregister(_model)
        admin.site.register(_model, _admin_class)
