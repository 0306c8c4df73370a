"""``{% load i18n %}`` with a constant ``{% translate %}`` kept per language (winterwar/i18n.py): Django's output."""

import pytest
from django.template import Context, Engine, engines
from django.templatetags import i18n as django_i18n
from django.utils import translation

from winterwar import i18n

SOURCES = [
    '{% translate "Cerrar" %}',
    "{% trans 'Cerrar' %}",
    '{% translate "Cerrar" as label %}[{{ label }}]',
    '{% translate "j \\d\\e F, H:i" context "formato de fecha" %}',
    '{% translate "Cerrar" noop %}',
    '{% translate "Cerrar"|upper %}',
    "{% translate word %}",
    '{% translate "<b>%% & «Cerrar»</b>" %}',
    '{% autoescape off %}{% translate "<b>%% & «Cerrar»</b>" %}{% endautoescape %}',
    '{% translate "Cerrar" context ctx %}',
]


def _ours(source, context):
    return engines["django"].from_string("{% load i18n %}" + source).render(context)


def _djangos(source, context):
    engine = Engine(libraries={"i18n": "django.templatetags.i18n"})
    return engine.from_string("{% load i18n %}" + source).render(Context(context))


@pytest.mark.parametrize("source", SOURCES)
def test_the_output_is_djangos_in_each_language_every_time(source):
    i18n._rendered.clear()
    for language in ("es", "en", "es", "en"):  # the second round from what was kept
        with translation.override(language):
            context = {"word": "Cerrar", "ctx": "formato de fecha"}
            assert _ours(source, context) == _djangos(source, context), (language, source)


def test_every_load_of_i18n_gets_the_kept_translate_and_djangos_other_tags():
    library = engines["django"].engine.template_libraries["i18n"]
    assert library is i18n.register
    assert library.tags["translate"] is library.tags["trans"] is i18n.do_translate
    for name in set(django_i18n.register.tags) - {"translate", "trans"}:
        assert library.tags[name] is django_i18n.register.tags[name]
    assert library.filters == django_i18n.register.filters


def test_only_constant_messages_are_kept():
    i18n._rendered.clear()
    with translation.override("en"):
        _ours('{% translate "Cerrar" %}{% translate word %}{% translate "Cerrar"|upper %}', {"word": "Cerrar"})
    assert list(i18n._rendered) == [("Cerrar", None, "en", True)]


def test_the_only_library_name_clash_is_the_intended_i18n():
    """templates.W003 is silenced in settings for this one clash: any other would go unseen, so it is checked here."""
    warnings = [w for w in engines["django"].check() if w.id == "templates.W003"]
    assert [w.id for w in warnings] == ["templates.W003"]
    assert "'i18n' is used for multiple template tag modules" in warnings[0].msg
