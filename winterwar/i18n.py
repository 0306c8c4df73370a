"""``{% load i18n %}`` as Django's, with a constant ``{% translate "…" %}`` rendered once per language.

Django's TranslateNode builds a lazy translation, turns it into a string, localizes it and escapes it on every render,
and a page has a dozen (the review page) to thirty (the class page) of them. Its output depends only on the message,
its context, the active language and autoescaping, and the catalogues change only with a restart, so the rendered
string is kept in the process for those four. Anything else (a variable, a filter, ``noop``) renders as Django
renders it. Installed in TEMPLATES' "libraries" under the name ``i18n``: every ``{% load i18n %}`` (the admin's too)
gets Django's tags and filters, with this ``translate``/``trans``.
"""

from django import template
from django.template.base import render_value_in_context
from django.templatetags import i18n
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language

register = template.Library()
register.tags.update(i18n.register.tags)
register.filters.update(i18n.register.filters)

# (message, context, language, autoescape) -> the rendered text; bounded by the templates' constant messages.
_rendered: dict[tuple, str] = {}


class KeptTranslateNode(i18n.TranslateNode):
    def render(self, context):
        expression = self.filter_expression
        if self.noop or expression.filters or getattr(expression.var, "lookups", True) is not None:
            return super().render(context)  # not a constant message: Django's rendering
        message_context = self.message_context.resolve(context) if self.message_context else None
        key = (expression.var.literal, message_context, get_language(), context.autoescape)
        value = _rendered.get(key)
        if value is None:
            value = _rendered[key] = self.translated(context)
        if self.asvar:
            context[self.asvar] = value
            return ""
        return value

    def translated(self, context):
        """The message rendered as Django's TranslateNode renders it (its ``render`` without the ``as``)."""
        self.filter_expression.var.translate = True
        if self.message_context:
            self.filter_expression.var.message_context = self.message_context.resolve(context)
        value = render_value_in_context(self.filter_expression.resolve(context), context)
        is_safe = isinstance(value, SafeData)
        value = value.replace("%%", "%")
        return mark_safe(value) if is_safe else value


@register.tag("translate")
@register.tag("trans")
def do_translate(parser, token):
    """Django's ``{% translate %}``, a constant message kept rendered per language (see the module)."""
    node = i18n.do_translate(parser, token)
    return KeptTranslateNode(node.filter_expression, node.noop, node.asvar, node.message_context)
