"""``{% fragment "name" key ... %}…{% endfragment %}``: a piece of a template rendered once per process and key.

For the parts of the base layout that depend on nothing but their keys (the language, the user's role): the head's
links, the menu, the theme and language switches, the footer. Every page renders them, and their translations,
URLs and static paths cost more than the rest of the layout. Nothing that varies per request or per user (a CSRF
token, a name, the current path) may sit inside one: say what the piece depends on in its keys. Kept in the
process's memory (a template or a translation changes only with a restart); a bounded number of keys.
"""

from django import template

register = template.Library()

MAX_ENTRIES = 1024
_rendered: dict[tuple, str] = {}


class FragmentNode(template.Node):
    def __init__(self, nodelist, name: str, keys):
        self.nodelist, self.name, self.keys = nodelist, name, keys

    def render(self, context):
        key = (self.name, *(k.resolve(context) for k in self.keys))
        html = _rendered.get(key)
        if html is None:
            html = self.nodelist.render(context)
            if len(_rendered) < MAX_ENTRIES:
                _rendered[key] = html
        return html


@register.tag
def fragment(parser, token):
    """Render the enclosed template once per process for each value of its keys."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])
