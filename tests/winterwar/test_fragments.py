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


def test_a_live_part_is_rendered_every_time_the_rest_once_per_key():
    fragments._rendered.clear()
    source = (
        '{% fragment "l" lang %}<{{ lang }}:{{ text }}|{% live %}{{ name }}{% endlive %}|'
        "{% live %}{% if admin %}a{% endif %}{% endlive %}>{% endfragment %}"
    )
    assert _render(source, lang="es", text="uno", name="Ana") == "<es:uno|Ana|>"
    assert _render(source, lang="es", text="dos", name="<b>", admin=True) == "<es:uno|&lt;b&gt;|a>"  # kept, live
    assert _render(source, lang="en", text="two", name="Bo") == "<en:two|Bo|>"
    assert len(fragments._rendered) == 2
    assert _render("{% live %}{{ name }}{% endlive %}", name="x") == "x"  # outside a fragment: in place


def test_a_fragment_inside_one_being_kept_is_part_of_it():
    fragments._rendered.clear()
    source = (
        '{% fragment "outer" %}[{% fragment "inner" %}{{ text }}{% live %}{{ name }}{% endlive %}{% endfragment %}]'
        "{% endfragment %}"
    )
    assert _render(source, text="uno", name="Ana") == "[unoAna]"
    assert _render(source, text="dos", name="Bo") == "[unoBo]"
    assert list(fragments._rendered) == [('"outer"',)]


@pytest.mark.parametrize(
    "inside",
    [
        "{% for x in items %}{% live %}{{ x }}{% endlive %}{% endfor %}",
        "{% with x=1 %}{% live %}{{ x }}{% endlive %}{% endwith %}",
    ],
)
def test_a_live_part_whose_values_would_be_gone_is_refused(inside):
    from django.template import TemplateSyntaxError

    fragments._rendered.clear()
    with pytest.raises(TemplateSyntaxError):
        _render('{% fragment "bad" %}' + inside + "{% endfragment %}", items=[1, 2])


def test_a_live_part_whose_mark_a_filter_changed_is_not_kept():
    fragments._rendered.clear()
    source = '{% fragment "f" %}{% filter cut:"w" %}{% live %}{{ name }}{% endlive %}{% endfilter %}{% endfragment %}'
    assert _render(source, name="Ana") == "Ana"
    assert _render(source, name="Bo") == "Bo"
    assert fragments._rendered == {}


def test_every_page_is_the_layout_rendered_without_kept_pieces(client, student, teacher, monkeypatch, settings):
    """base.html is one piece per language and kind of user with its per-request parts live: the pages of a
    student, a teacher, staff and a visitor, in both languages, are those rendered without keeping anything."""
    import re

    settings.WINTERWAR_REQUIRE_2FA_SUPERUSERS = False
    pages = [(None, reverse("login")), (student, reverse("quizzes:home")), (student, reverse("quizzes:progress"))]
    pages += [(teacher, reverse("quizzes:home")), (student, reverse("quizzes:cards_review"))]

    def render_all():
        shown = []
        for user, url in pages:
            for lang in ("es", "en"):
                client.logout()
                if user is not None:
                    client.force_login(user)
                html = client.get(url, headers={"accept-language": lang}).content.decode()
                shown.append(re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html))
        return shown

    fragments._rendered.clear()
    kept, kept_again = render_all(), render_all()
    with monkeypatch.context() as patched:
        patched.setattr(fragments.FragmentNode, "render", lambda self, context: self.nodelist.render(context))
        plain = render_all()
    assert kept == plain and kept_again == plain
    assert {('"page"', "es", True, False), ('"page"', "en", False, False)} <= set(fragments._rendered)


def test_a_recent_piece_is_kept_under_the_views_key_its_live_parts_rendered_each_time(monkeypatch):
    fragments._recent.clear()
    monkeypatch.setattr(fragments, "MAX_RECENT", 2)
    source = '{% fragment "body" recent=piece %}<{{ text }}|{% live %}{{ token }}{% endlive %}>{% endfragment %}'

    def show(key, **context):
        return _render(source, piece=fragments.recent("body", key), **context)

    assert show(1, text="uno", token="a") == "<uno|a>"
    piece = fragments.recent("body", 1)
    assert piece.kept is not None  # the view knows before it builds the context
    assert _render(source, piece=piece, token="b") == "<uno|b>"  # no text in the context: kept, the token live
    assert show(2, text="dos", token="c") == "<dos|c>"
    assert fragments.recent("body", 1).kept is not None  # used last: the oldest is now 2
    assert show(3, text="tres", token="d") == "<tres|d>"
    assert list(fragments._recent) == [("body", 1), ("body", 3)]  # 2 dropped
    assert fragments.recent("body", 2).kept is None
    assert show(None, text="cinco", token="e") == "<cinco|e>"  # no key: rendered, not kept
    assert fragments.recent("body", None).kept is None and len(fragments._recent) == 2
    other = fragments.recent("other", 4)  # a piece of another name: rendered, not kept
    assert _render(source, piece=other, text="seis", token="f") == "<seis|f>" and len(fragments._recent) == 2
    assert _render(source, text="siete", token="g") == "<siete|g>"  # no piece at all (a POST's page)


def test_a_recent_piece_is_refused_inside_a_kept_piece_and_with_keys():
    from django.template import TemplateSyntaxError

    fragments._rendered.clear()
    fragments._recent.clear()
    inner = '{% fragment "outer" %}[{% fragment "body" recent=piece %}{{ text }}{% endfragment %}]{% endfragment %}'
    with pytest.raises(TemplateSyntaxError):
        _render(inner, piece=fragments.recent("body", 1), text="uno")
    with pytest.raises(TemplateSyntaxError):
        _render('{% fragment "body" lang recent=piece %}{% endfragment %}')
