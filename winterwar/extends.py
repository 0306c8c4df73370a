"""``{% extends %}`` as Django's, with a root template's blocks listed once per compiled template, not per render.

Django's ExtendsNode walks the whole parent template (base.html: its menu, its fragments, ~150 nodes) on every render
of every page to find its ``{% block %}``s; the list never changes for a compiled template, which the cached loader
keeps for the process. Installed as a builtin (TEMPLATES' "builtins"), so it is the tag of every template; the
rendering is Django's own.
"""

from django import template
from django.template.base import TextNode
from django.template.loader_tags import BLOCK_CONTEXT_KEY, BlockContext, BlockNode, ExtendsNode, do_extends

register = template.Library()


def root_blocks(compiled_parent) -> dict | None:
    """The blocks of a parent that extends nothing, by name (None if it extends another), found once per template."""
    try:
        return compiled_parent._root_blocks
    except AttributeError:
        pass
    blocks = None
    for node in compiled_parent.nodelist:
        # As Django: the {% extends %} has to be the first non-text node.
        if not isinstance(node, TextNode):
            if not isinstance(node, ExtendsNode):
                blocks = {n.name: n for n in compiled_parent.nodelist.get_nodes_by_type(BlockNode)}
            break
    compiled_parent._root_blocks = blocks
    return blocks


class KnownBlocksExtendsNode(ExtendsNode):
    def render(self, context):
        compiled_parent = self.get_parent(context)
        if BLOCK_CONTEXT_KEY not in context.render_context:
            context.render_context[BLOCK_CONTEXT_KEY] = BlockContext()
        block_context = context.render_context[BLOCK_CONTEXT_KEY]
        block_context.add_blocks(self.blocks)
        blocks = root_blocks(compiled_parent)
        if blocks is not None:
            block_context.add_blocks(blocks)  # reads the dict: one per template, shared by every render
        with context.render_context.push_state(compiled_parent, isolated_context=False):
            return compiled_parent._render(context)


@register.tag("extends")
def do_extends_known_blocks(parser, token):
    """Django's ``{% extends %}``, its parent's blocks found once (see the module)."""
    node = do_extends(parser, token)
    return KnownBlocksExtendsNode(node.nodelist, node.parent_name)
