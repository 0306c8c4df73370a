"""Create the Teachers group with exactly the permissions authoring needs (no user management)."""

from django.db import migrations

# A snapshot of quizzes.permissions.TEACHER_PERMISSIONS at this migration (migrations must not change
# when the app's code does); later migrations adjust it.
TEACHER_PERMISSIONS = {
    "document": ("add", "change", "delete", "view"),
    "sentence": ("view",),
    "fact": ("change", "view"),
    "question": ("add", "change", "delete", "view"),
    "choice": ("add", "change", "delete", "view"),
    "acceptedanswer": ("add", "change", "delete", "view"),
    "quiz": ("add", "change", "delete", "view"),
    "quizitem": ("add", "change", "delete", "view"),
    "classroom": ("add", "change", "delete", "view"),
    "enrollment": ("add", "change", "delete", "view"),
    "assignment": ("add", "change", "delete", "view"),
    "flashcard": ("add", "change", "delete", "view"),
    "attempt": ("view",),
    "response": ("view",),
    "studentcard": ("view",),
    "review": ("view",),
    # To pick students for a class (autocomplete); no add/change/delete: teachers do not manage accounts.
    "user": ("view",),
}


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; make sure they exist now.
    app_config = apps.get_app_config("quizzes")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Teachers")
    codenames = [f"{action}_{model}" for model, actions in TEACHER_PERMISSIONS.items() for action in actions]
    perms = list(Permission.objects.filter(content_type__app_label="quizzes", codename__in=codenames))
    missing = set(codenames) - {p.codename for p in perms}
    if missing:
        raise RuntimeError(f"Missing permissions: {sorted(missing)}")
    group.permissions.set(perms)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Teachers").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
