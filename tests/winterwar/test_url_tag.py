"""``{% url %}`` with each URL reversed once per process (winterwar/urltag.py): Django's output, its errors."""

import pytest
from django.template import Context, Engine, engines
from django.urls import NoReverseMatch, clear_script_prefix, set_script_prefix

from winterwar import urltag

SOURCES = [
    "{% url 'quizzes:home' %}",
    "{% url 'quizzes:teacher_item_analysis' 3 quiz %}",
    "{% url 'quizzes:teacher_item_analysis' pk=3 quiz_id=quiz %}",
    "{% url 'quizzes:join_link' code %}",
    "{% url 'quizzes:join_link' code as link %}[{{ link }}]",
    "{% url 'nothing:here' as link %}[{{ link }}]",
    "{% url name 3 quiz %}",
    "{% autoescape off %}{% url 'quizzes:join_link' code %}{% endautoescape %}",
]
CONTEXT = {"quiz": 4, "code": "AB&C D", "name": "quizzes:teacher_item_analysis"}


def _ours(source, context):
    return engines["django"].from_string(source).render(context)


def _djangos(source, context):
    return Engine().from_string(source).render(Context(context))


@pytest.mark.parametrize("source", SOURCES)
def test_the_output_is_djangos_every_time_and_under_another_prefix(source):
    urltag._reversed.clear()
    try:
        for prefix in ("/", "/", "/sub/", "/sub/"):  # the second time from what was kept
            set_script_prefix(prefix)
            assert _ours(source, CONTEXT) == _djangos(source, CONTEXT), (prefix, source)
    finally:
        clear_script_prefix()


def test_a_name_that_does_not_reverse_raises_as_djangos_does():
    for _ in range(2):
        with pytest.raises(NoReverseMatch):
            _ours("{% url 'nothing:here' %}", {})


def test_only_plain_arguments_are_kept(student):
    urltag._reversed.clear()
    _ours("{% url 'quizzes:join_link' user %}{% url 'quizzes:join_link' 'X' %}", {"user": student})
    assert [key[:2] for key in urltag._reversed] == [("quizzes:join_link", ("X",))]


def test_every_template_gets_the_kept_url_tag():
    library = engines["django"].engine.template_builtins[-1]
    assert library is urltag.register


def test_kept_reverse_is_reverse_every_time_and_under_another_prefix():
    from django.urls import reverse

    urltag._reversed.clear()
    try:
        for prefix in ("/", "/", "/sub/", "/sub/"):
            set_script_prefix(prefix)
            for name, args in (("quizzes:home", ()), ("quizzes:attempt_question", (6, 2))):
                assert urltag.kept_reverse(name, args, current_app="quizzes") == reverse(name, args=args), prefix
        with pytest.raises(NoReverseMatch):
            urltag.kept_reverse("nothing:here")
    finally:
        clear_script_prefix()
