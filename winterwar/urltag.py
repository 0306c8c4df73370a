"""``{% url %}`` as Django's, with each URL reversed once per process for its name, arguments and prefix.

Reversing walks the URL patterns' candidates, quotes and checks the result against the pattern: ~10 µs a tag, and the
class page has a dozen. The result depends only on the view name, the arguments, the current app, the URLconf and the
script prefix (all in the key), and the patterns change only with a restart. Only plain arguments (strings and
integers) are kept; anything else, and a name that does not reverse, goes through Django's tag unchanged. Installed
as a builtin (TEMPLATES' "builtins", after Django's), so it is the tag of every template.
"""

from django import template
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = template.Library()

MAX_ENTRIES = 4096  # pages of many classes and quizzes: emptied when full, so the hot URLs come back at once
_reversed: dict[tuple, str] = {}


def _key(view_name, args, kwargs, current_app) -> tuple:
    return (view_name, tuple(args), tuple(sorted(kwargs.items())), current_app, get_script_prefix(), get_urlconf())


def kept_reverse(view_name: str, args=(), kwargs=None, *, current_app=None) -> str:
    """``reverse()`` kept per process, as the tag keeps it: for a view's own URLs of plain arguments (int, str)."""
    kwargs = kwargs or {}
    key = _key(view_name, args, kwargs, current_app)
    url = _reversed.get(key)
    if url is None:
        url = reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
        if len(_reversed) >= MAX_ENTRIES:
            _reversed.clear()
        _reversed[key] = url
    return url


class KeptURLNode(URLNode):
    def render(self, context):
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        values = [*args, *kwargs.values()]
        if not all(isinstance(value, (int, str)) for value in values):
            return super().render(context)  # an object's str() may change: Django's rendering
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        if self.asvar is not None and _key(view_name, args, kwargs, current_app) not in _reversed:
            return super().render(context)  # «as var» swallows a NoReverseMatch: Django's rendering, not kept
        url = kept_reverse(view_name, args, kwargs, current_app=current_app)
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    """Django's ``{% url %}``, each URL reversed once per process (see the module)."""
    node = django_url(parser, token)
    return KeptURLNode(node.view_name, node.args, node.kwargs, node.asvar)
