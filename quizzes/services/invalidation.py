"""Keeping the cached per-user summaries (quizzes/selectors/summaries.py) true: bump their versions on every change.

Every save and delete of a model the summaries read bumps a version (signals, so the admin's edits count as well as the
services'): the student's own version for the rows that belong to one student, the content version for the rest
(a teacher's or the administrator's change may reach any student). Writes that send no signal (bulk_create,
bulk_update, QuerySet.update) call ``changed()`` themselves. The other models (answers, choices, facts, the audit
log...) change no summary and bump nothing: their deletes stay fast.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from ..selectors import summaries

# Rows that belong to one student: the field that names them.
PER_USER = {"Attempt": "user_id", "StudentCard": "user_id", "Review": "user_id", "Enrollment": "student_id"}
# What the summaries read, besides: a change to any of these may reach any student.
CONTENT = {"Document", "Question", "Quiz", "QuizItem", "Flashcard", "Classroom", "Assignment"}


def changed(*, user_ids: Iterable[int] = (), everyone: bool = False, class_ids: Iterable[int] = ()) -> None:
    """Make the summaries of these users (or everyone's) stale.

    Outside a transaction the write is already committed: one bump, at once. Inside one, the bump is made once, when
    the transaction commits (summaries.bump_at_commit: a rating saves the card's state and logs a review, one Redis
    round trip), so that a summary built by another process from the rows as they were before the commit is never
    kept; a summary read in the same transaction after the change bumps first (it must not be served the entry of
    before the change).
    """
    user_ids = sorted({u for u in user_ids if u is not None})
    class_ids = sorted({c for c in class_ids if c is not None})
    if not transaction.get_connection().in_atomic_block:
        summaries.bump(user_ids=user_ids, everyone=everyone, class_ids=class_ids)
        return
    summaries.bump_at_commit(user_ids=user_ids, everyone=everyone, class_ids=class_ids)


def _model_changed(sender, instance, **kwargs) -> None:
    name = sender.__name__
    if name == "User":
        changed(user_ids=[instance.pk])
    elif name == "Enrollment":  # the class's reports list its students: a student joining or leaving changes them
        changed(user_ids=[instance.student_id], class_ids=[instance.classroom_id])
    elif name in PER_USER:
        changed(user_ids=[getattr(instance, PER_USER[name])])
    else:
        changed(everyone=True)


def connect() -> None:
    """Connect the receivers (from QuizzesConfig.ready)."""
    for model in apps.get_app_config("quizzes").get_models():
        if model.__name__ not in {"User", *PER_USER, *CONTENT}:
            continue
        uid = f"summaries-{model.__name__}"
        post_save.connect(_model_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_model_changed, sender=model, dispatch_uid=f"{uid}-delete")
