"""``{% fragment "name" key ... %}…{% endfragment %}``: a piece of a template rendered once per process and key.

For the parts of the base layout that depend on nothing but their keys (the language, the user's role): the head's
links, the menu, the theme and language switches, the footer. Every page renders them, and their translations,
URLs and static paths cost more than the rest of the layout. Whatever varies per request or per user (a CSRF token,
a name, the current path, a block a page fills) sits in a ``{% live %}…{% endlive %}`` part: the piece is kept with a
mark where each live part goes, and on every request only the live parts are rendered (with the page's context) and
put in their places. Anything else in a piece depends on its keys only: say there what the piece shows. A live part
may not sit in a loop or a ``{% with %}`` of its piece (its values would be gone when it is rendered again: an error);
a piece inside one being kept is part of it. Kept in the process's memory (a template or a translation changes only
with a restart); a bounded number of keys.

``version=value`` is for a piece that also shows data (a form's list of quizzes): it is kept for one version per key,
rendered again when the version read for this request differs (the content version, shared by every worker through
the cache), and not kept at all when the version is None (the shared cache is off). Unlike ``{% cache %}`` it costs
no round trip to the cache.

``recent=piece`` is for a piece that shows one student's own state (the body of a question page of an attempt): its
key is worked out by the view, which knows what the piece depends on, and handed in as ``recent(name, key)``; the
``MAX_RECENT`` pieces used last are kept (the oldest dropped first), and a key None keeps nothing. The view learns
from ``piece.kept`` whether the piece is kept before it builds the context the piece alone needs.
"""

import contextlib
import contextvars
from collections import OrderedDict

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

MAX_ENTRIES = 1024
_rendered: dict[tuple, tuple] = {}  # key -> (version, the kept HTML split at its live parts, those parts' nodes)
MAX_RECENT = 256
_recent: OrderedDict[tuple, tuple] = OrderedDict()  # the pieces of {% fragment … recent=… %}, the last used last


class Recent:
    """The key of a piece kept among the recent ones, and the piece when it is kept (see ``recent``)."""

    __slots__ = ("key", "kept")

    def __init__(self, key: tuple | None, kept: tuple | None):
        self.key, self.kept = key, kept


def recent(name: str, key) -> Recent:
    """The piece ``{% fragment name recent=… %}`` kept for ``key`` (None: not kept, and never kept under it).

    ``key`` must name everything the piece shows outside its live parts."""
    if key is None:
        return Recent(None, None)
    full = (name, key)
    kept = _recent.get(full)
    if kept is not None:
        with contextlib.suppress(KeyError):  # dropped by another thread meanwhile: this request still has it
            _recent.move_to_end(full)
    return Recent(full, kept)


# While a fragment is rendered to be kept: the live parts met so far and the depth of the context they must be at.
_recording: contextvars.ContextVar[tuple[list, int] | None] = contextvars.ContextVar("fragment", default=None)
LIVE_MARK = "\x00ww-live\x00"  # what a live part writes into the kept HTML: no filter or escaping changes it


class FragmentNode(template.Node):
    def __init__(self, nodelist, name: str, keys, version=None, recent=None):
        self.nodelist, self.name, self.keys, self.version, self.recent = nodelist, name, keys, version, recent

    def render(self, context):
        if self.recent is not None:
            return self._render_recent(context)
        if _recording.get() is not None:
            # Inside a fragment being kept: part of it, rendered in place (its live parts are the outer one's).
            return self.nodelist.render(context)
        key = (self.name, *(k.resolve(context) for k in self.keys))
        version = None if self.version is None else self.version.resolve(context)
        kept = _rendered.get(key)
        if kept is None or kept[0] != version:
            kept = self._record(context, version)
            if kept is None:
                return self.nodelist.render(context)  # not to be kept (see _record)
            keep = version is not None or self.version is None  # a versioned piece without a version: not kept
            if keep and (key in _rendered or len(_rendered) < MAX_ENTRIES):
                _rendered[key] = kept
        return self._fill(kept, context)

    def _render_recent(self, context):
        piece = self.recent.resolve(context)
        if not isinstance(piece, Recent) or piece.key is None or piece.key[0] != self.name:
            return self.nodelist.render(context)  # nothing to keep it under: rendered as it is
        if _recording.get() is not None:
            # Its live parts would be frozen into the outer piece, and a kept one's context may not be all there.
            raise template.TemplateSyntaxError("a {% fragment … recent=… %} sits in a fragment being kept")
        kept = piece.kept
        if kept is None:
            kept = self._record(context, None)
            if kept is None:
                return self.nodelist.render(context)
            _recent[piece.key] = kept
            while len(_recent) > MAX_RECENT:
                with contextlib.suppress(KeyError):
                    _recent.popitem(last=False)
        return self._fill(kept, context)

    @staticmethod
    def _fill(kept, context):
        """The kept HTML with its live parts rendered for this request."""
        parts, lives = kept[1], kept[2]
        if not lives:
            return parts[0]
        html = [parts[0]]
        for live, part in zip(lives, parts[1:], strict=True):
            html.append(live.nodelist.render(context))
            html.append(part)
        return "".join(html)

    def _record(self, context, version):
        """Render the piece with a mark where each {% live %} part goes: (version, the HTML split there, the parts).

        None when the marks did not come through (a filter around a live part changed them): rendered each time."""
        lives: list[LiveNode] = []
        token = _recording.set((lives, len(context.dicts)))
        try:
            html = self.nodelist.render(context)
        finally:
            _recording.reset(token)
        parts = html.split(LIVE_MARK)
        if len(parts) != len(lives) + 1:
            return None
        return (version, parts, lives)


class LiveNode(template.Node):
    """``{% live %}…{% endlive %}``: a part of a fragment rendered on every request (a CSRF token, a name, a block)."""

    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        recording = _recording.get()
        if recording is None:
            return self.nodelist.render(context)  # outside a fragment being kept: an ordinary part of the page
        lives, depth = recording
        if "forloop" in context or any(context.dicts[depth:]):
            # Rendered again later with the fragment's own context: a loop's or a {% with %}'s values would be gone.
            raise template.TemplateSyntaxError("{% live %} sits in a loop, a block or a {% with %} of its fragment")
        lives.append(self)
        return LIVE_MARK


@register.tag
def live(parser, token):
    """Inside a {% fragment %}: render the enclosed template on every request, the rest of the fragment once."""
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("live takes no arguments")
    nodelist = parser.parse(("endlive",))
    parser.delete_first_token()
    return LiveNode(nodelist)


@register.tag
def fragment(parser, token):
    """Render the enclosed template once per process for each value of its keys (its {% live %} parts each time)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment needs a name")
    keys = [bit for bit in bits[2:] if not bit.startswith(("version=", "recent="))]
    versions = [bit.removeprefix("version=") for bit in bits[2:] if bit.startswith("version=")]
    recents = [bit.removeprefix("recent=") for bit in bits[2:] if bit.startswith("recent=")]
    if len(versions) > 1:
        raise template.TemplateSyntaxError("fragment takes one version")
    if recents and (len(recents) > 1 or keys or versions):
        raise template.TemplateSyntaxError("fragment takes recent= alone: its key is the view's")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    version = parser.compile_filter(versions[0]) if versions else None
    recent_piece = parser.compile_filter(recents[0]) if recents else None
    name = bits[1][1:-1] if recents and bits[1][:1] == bits[1][-1:] and bits[1][:1] in "\"'" else bits[1]
    keys = [parser.compile_filter(bit) for bit in keys]
    return FragmentNode(nodelist, name, keys, version, recent_piece)


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
