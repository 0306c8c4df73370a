"""quizzes/admin/base.py: on every admin of the site, a malformed id in a posted form is a message, never a 500."""

import pytest
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.messages import WARNING, get_messages
from django.test import RequestFactory
from django.urls import reverse

from quizzes.admin.base import AutocompleteSelect, AutocompleteSelectMultiple, SafeActionsMixin, SafeAutocompleteMixin
from quizzes.models import Document, Question
from tests import factories

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
MALFORMED_IDS = ["", "x", ":", "1.5", "-", "1e3", "9" * 30, "-" + "9" * 30]


def _changelist(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def _superuser_request():
    request = RequestFactory().get("/")
    request.user = factories.make_user(username="raiz", is_staff=True, is_superuser=True)
    return request


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=[m._meta.label for m, _a in REGISTERED])
def test_every_admin_extends_the_base(model, model_admin):
    assert isinstance(model_admin, SafeActionsMixin), f"{type(model_admin).__name__} does not extend admin.base"
    for inline in model_admin.inlines:
        assert issubclass(inline, SafeAutocompleteMixin), f"{inline.__name__} does not extend admin.base"


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=[m._meta.label for m, _a in REGISTERED])
def test_a_bulk_action_with_only_malformed_ids_says_nothing_was_selected(admin_client, model, model_admin):
    request = _superuser_request()
    actions = model_admin.get_actions(request)
    if not actions:
        pytest.skip(f"{type(model_admin).__name__} has no bulk actions (a read-only log)")
    action = next(iter(actions))
    response = admin_client.post(
        _changelist(model), {"action": action, helpers.ACTION_CHECKBOX_NAME: MALFORMED_IDS, "index": "0"}
    )
    assert response.status_code == 302
    [message] = list(get_messages(response.wsgi_request))
    assert message.level == WARNING  # Django's «items must be selected»


def test_a_bulk_action_applies_to_the_well_formed_ids_and_ignores_the_rest(admin_client):
    question = factories.make_question()
    other = factories.make_question()
    other_status = other.status
    response = admin_client.post(
        _changelist(Question),
        {"action": "archive", helpers.ACTION_CHECKBOX_NAME: [str(question.pk), "x", ""], "index": "0"},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    other.refresh_from_db()
    assert (question.status, other.status) == ("archived", other_status)


def test_the_delete_confirmation_lists_only_the_well_formed_ids(admin_client):
    document = factories.make_document(title="Documento a borrar")
    response = admin_client.post(
        reverse("admin:quizzes_document_changelist"),
        {"action": "delete_selected", helpers.ACTION_CHECKBOX_NAME: [str(document.pk), "%"], "index": "0"},
    )
    assert response.status_code == 200
    assert list(response.context["queryset"]) == [document]


def _autocomplete_widgets():
    """Every (admin, field name) with an autocomplete widget, across ModelAdmins and their inlines."""
    request = _superuser_request()
    for model, model_admin in REGISTERED:
        admins = [model_admin, *(inline(model, admin.site) for inline in model_admin.inlines)]
        for each in admins:
            for name in each.get_autocomplete_fields(request):
                field = each.model._meta.get_field(name)
                if field.many_to_many:
                    formfield = each.formfield_for_manytomany(field, request)
                else:
                    formfield = each.formfield_for_foreignkey(field, request)
                yield f"{type(each).__name__}.{name}", formfield


def test_every_autocomplete_field_drops_unreadable_values():
    widgets = list(_autocomplete_widgets())
    assert len(widgets) >= 6  # question document/fact, quiz document, quiz item question, enrollment, assignment
    for label, formfield in widgets:
        assert isinstance(formfield.widget, AutocompleteSelect | AutocompleteSelectMultiple), label
        # What a form with errors shows again: the malformed values are not looked up, so nothing raises.
        assert formfield.widget.get_context("f", MALFORMED_IDS, {})["widget"]["optgroups"] is not None, label


def test_the_autocomplete_widget_keeps_the_readable_values():
    document = factories.make_document(title="Guerra de Invierno")
    request = _superuser_request()
    question_admin = admin.site.get_model_admin(Question)
    formfield = question_admin.formfield_for_foreignkey(Question._meta.get_field("document"), request)
    groups = formfield.widget.optgroups("document", [":", str(document.pk), "", "x"])
    options = [option for _group, options, _index in groups for option in options]
    assert [(o["value"], o["label"]) for o in options if o["value"] != ""] == [(document.pk, "Guerra de Invierno")]


def test_a_malformed_autocomplete_value_is_a_form_error(admin_client):
    response = admin_client.post(reverse("admin:quizzes_question_add"), {"kind": "single_choice", "document": ":"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["document"]


def test_the_confirmed_delete_ignores_the_malformed_ids(admin_client):
    """The confirmation page posts again without «index»: the same guard applies on that path."""
    kept, deleted = factories.make_document(title="Se queda"), factories.make_document(title="Se borra")
    response = admin_client.post(
        reverse("admin:quizzes_document_changelist"),
        {"action": "delete_selected", "post": "yes", helpers.ACTION_CHECKBOX_NAME: [str(deleted.pk), "x", ""]},
    )
    assert response.status_code == 302
    assert list(Document.objects.values_list("title", flat=True)) == [kept.title]
