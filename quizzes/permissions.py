"""The Teachers group: exactly the model permissions authoring needs (they do not manage accounts)."""

from django.contrib.auth.models import Group, Permission

from .models import TEACHERS_GROUP

# model name -> permission actions granted to teachers
TEACHER_PERMISSIONS: dict[str, tuple[str, ...]] = {
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


def teacher_codenames() -> list[str]:
    return [f"{action}_{model}" for model, actions in TEACHER_PERMISSIONS.items() for action in actions]


def teachers_group() -> Group:
    """Return the Teachers group, creating it and (re)setting its permissions when needed."""
    group, created = Group.objects.get_or_create(name=TEACHERS_GROUP)
    if created or not group.permissions.exists():
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="quizzes", codename__in=teacher_codenames())
        )
    return group
