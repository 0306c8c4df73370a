"""``{% fragment "name" key ... %}…{% endfragment %}``: a piece of a template rendered once per process and key.

For the parts of the base layout that depend on nothing but their keys (the language, the user's role): the head's
links, the menu, the theme and language switches, the footer. Every page renders them, and their translations,
URLs and static paths cost more than the rest of the layout. Nothing that varies per request or per user (a CSRF
token, a name, the current path) may sit inside one: say what the piece depends on in its keys. Kept in the
process's memory (a template or a translation changes only with a restart); a bounded number of keys.

``version=value`` is for a piece that also shows data (a form's list of quizzes): it is kept for one version per key,
rendered again when the version read for this request differs (the content version, shared by every worker through
the cache), and not kept at all when the version is None (the shared cache is off). Unlike ``{% cache %}`` it costs
no round trip to the cache.
"""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

MAX_ENTRIES = 1024
_rendered: dict[tuple, str] = {}


class FragmentNode(template.Node):
    def __init__(self, nodelist, name: str, keys, version=None):
        self.nodelist, self.name, self.keys, self.version = nodelist, name, keys, version

    def render(self, context):
        key = (self.name, *(k.resolve(context) for k in self.keys))
        if self.version is not None:
            return self._render_versioned(context, key, self.version.resolve(context))
        html = _rendered.get(key)
        if html is None:
            html = self.nodelist.render(context)
            if len(_rendered) < MAX_ENTRIES:
                _rendered[key] = html
        return html

    def _render_versioned(self, context, key, version):
        kept = _rendered.get(key)
        if version is not None and kept is not None and kept[0] == version:
            return kept[1]
        html = self.nodelist.render(context)
        if version is not None and (kept is not None or len(_rendered) < MAX_ENTRIES):
            _rendered[key] = (version, html)
        return html


@register.tag
def fragment(parser, token):
    """Render the enclosed template once per process for each value of its keys."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment needs a name")
    keys = [bit for bit in bits[2:] if not bit.startswith("version=")]
    versions = [bit.removeprefix("version=") for bit in bits[2:] if bit.startswith("version=")]
    if len(versions) > 1:
        raise template.TemplateSyntaxError("fragment takes one version")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    version = parser.compile_filter(versions[0]) if versions else None
    return FragmentNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in keys], version)


# The csrf_token of a piece rendered once and kept (render it with ``csrf_token=CSRF_SLOT``): {% csrf_token %} writes
# the slot where the token goes, and {% csrf_filled %} puts the page's own token there on every request.
CSRF_SLOT = "ww-csrf-slot-0b7c1e"
_CSRF_INPUT = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'


@register.simple_tag(takes_context=True)
def csrf_filled(context, html):
    """``html`` (rendered with CSRF_SLOT as its csrf_token, kept) with this page's CSRF token in its forms: the same
    token and markup as {% csrf_token %} gives the page's other forms (none where the page has no token)."""
    token = context.get("csrf_token")
    html = str(html)
    if token and token != "NOTPROVIDED":
        return mark_safe(html.replace(CSRF_SLOT, str(token)))
    return mark_safe(html.replace(_CSRF_INPUT.format(CSRF_SLOT), ""))
