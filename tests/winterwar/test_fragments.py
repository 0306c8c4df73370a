"""The base layout's pieces rendered once per process and key (winterwar/fragments.py): never one user's for another."""

import pytest
from django.template import engines
from django.urls import reverse

from winterwar import fragments

pytestmark = pytest.mark.django_db


def _render(source, **context):
    return engines["django"].from_string("{% load fragments %}" + source).render(context)


def test_a_fragment_is_rendered_once_per_key():
    fragments._rendered.clear()
    source = '{% fragment "t" lang %}{{ text }}{% endfragment %}'
    assert _render(source, lang="es", text="uno") == "uno"
    assert _render(source, lang="es", text="dos") == "uno"  # the same key: kept
    assert _render(source, lang="en", text="two") == "two"  # another key: its own


def test_a_versioned_fragment_is_kept_for_its_version_only():
    fragments._rendered.clear()
    source = '{% fragment "v" lang version=v %}{{ text }}{% endfragment %}'
    assert _render(source, lang="es", v=1, text="uno") == "uno"
    assert _render(source, lang="es", v=1, text="dos") == "uno"  # the same version: kept
    assert _render(source, lang="es", v=2, text="tres") == "tres"  # a new version: rendered again, and kept
    assert _render(source, lang="es", v=2, text="cuatro") == "tres"
    assert _render(source, lang="en", v=2, text="four") == "four"  # another key: its own
    assert _render(source, lang="es", v=None, text="cinco") == "cinco"  # no version (no shared cache): never kept
    assert _render(source, lang="es", v=None, text="seis") == "seis"
    assert len(fragments._rendered) == 2


def test_the_menu_of_a_student_a_teacher_and_staff_and_each_language(client, student, teacher, settings):
    settings.WINTERWAR_REQUIRE_2FA_SUPERUSERS = False
    fragments._rendered.clear()
    for _ in range(2):  # the second time from the fragments
        client.force_login(student)
        student_page = client.get(reverse("quizzes:home")).content.decode()
        english_page = client.get(reverse("quizzes:home"), headers={"accept-language": "en"}).content.decode()
        client.force_login(teacher)
        teacher_page = client.get(reverse("quizzes:home")).content.decode()
        assert "Mi progreso" in student_page and "Mis clases" not in student_page
        assert reverse("two_factor_setup") not in student_page and reverse("admin:index") not in student_page
        assert "My progress" in english_page and "Mi progreso" not in english_page
        assert "Mis clases" in teacher_page and "Mi progreso" not in teacher_page
        assert reverse("two_factor_setup") in teacher_page and reverse("admin:index") in teacher_page
        assert "Eva" in student_page and "Marta" not in student_page  # each one's own name
        assert "Marta" in teacher_page and "Eva" not in teacher_page


def test_a_kept_pieces_csrf_slot_gets_the_pages_token_or_nothing():
    kept = _render("<form>{% csrf_token %}</form>", csrf_token=fragments.CSRF_SLOT)
    assert kept == f'<form><input type="hidden" name="csrfmiddlewaretoken" value="{fragments.CSRF_SLOT}"></form>'
    source = "{% csrf_token %}|{% csrf_filled kept %}"
    assert _render(source, kept=kept, csrf_token="abc") == (
        '<input type="hidden" name="csrfmiddlewaretoken" value="abc">|'
        '<form><input type="hidden" name="csrfmiddlewaretoken" value="abc"></form>'
    )
    for none in ("NOTPROVIDED", "", None):  # as {% csrf_token %}: no input where the page has no token
        assert _render("{% csrf_filled kept %}", kept=kept, csrf_token=none) == "<form></form>"
