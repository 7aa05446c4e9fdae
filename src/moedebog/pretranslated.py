"""Templates kept per language with their fixed texts already translated.

Why: a page's ``{% translate "…" %}`` tags (28 on a meeting page, 41 on the search page) each looked
up the active language and the catalogue, then escaped the result, on every request: some 10 µs a
tag, a tenth of what rendering a page costs. The text of such a tag is fixed, so its translation
only changes with the language. This loader keeps one compiled copy of each template per language
and, when it compiles one, gives every fixed ``translate`` and variable-free ``blocktranslate`` tag
its output for that language, computed by the tag's own code (escaped and not, as the context asks).

Left as they are: tags with a variable, a filter, a context, ``noop`` or ``as``; plural and
variable-carrying ``blocktranslate``; and everything inside ``{% language %}``, which changes the
language while rendering.
"""

from __future__ import annotations

from django.template import Context, Node, NodeList, Template, Variable
from django.template.loaders import cached
from django.templatetags.i18n import BlockTranslateNode, LanguageNode, TranslateNode
from django.utils import translation
from django.utils.safestring import SafeString


class _Fixed:
    """A translation tag with its output for the language its template was compiled for."""

    output: tuple[SafeString | str, SafeString | str]  # (autoescaped, not)

    def render(self, context: Context) -> str:
        return self.output[0] if context.autoescape else self.output[1]


class PretranslatedNode(_Fixed, TranslateNode):
    """A fixed ``translate`` tag."""


class PretranslatedBlockNode(_Fixed, BlockTranslateNode):
    """A ``blocktranslate`` tag without variables or plural."""


def _fixed_translate(node: Node) -> bool:
    if type(node) is not TranslateNode or node.noop or node.asvar or node.message_context:
        return False
    expression = node.filter_expression
    return isinstance(expression.var, Variable) and expression.var.literal is not None and not expression.filters


def _fixed_block(node: Node) -> bool:
    return (type(node) is BlockTranslateNode and not node.extra_context and not node.plural
            and not node.countervar and not node.asvar and not node.message_context
            and all(token.token_type.name == "TEXT" for token in node.singular))


def _outputs(node: Node, template: Template) -> tuple[str, str]:
    """The node's own rendering, with autoescape on and off (its text needs no variables)."""
    out = []
    for autoescape in (True, False):
        context = Context(autoescape=autoescape)
        context.template = template
        out.append(node.render(context))
    return out[0], out[1]


def _nodelists(node: Node) -> list[NodeList]:
    return [getattr(node, name) for name in node.child_nodelists if getattr(node, name, None) is not None]


def pretranslate(nodelist: NodeList, template: Template) -> None:
    """Give the fixed translation tags of ``nodelist`` (and those nested in it) their output in the
    active language."""
    for node in nodelist:
        if isinstance(node, LanguageNode):
            continue  # rendered in another language than the template's
        fixed = (PretranslatedNode if _fixed_translate(node) else
                 PretranslatedBlockNode if _fixed_block(node) else None)
        if fixed is None:
            for child in _nodelists(node):
                pretranslate(child, template)
            continue
        output = _outputs(node, template)
        node.__class__ = fixed
        node.output = output


class Loader(cached.Loader):
    """Django's cached loader, keyed by the active language as well, pretranslating what it compiles."""

    def cache_key(self, template_name: str, skip: list | None = None) -> str:
        return f"{translation.get_language()}:{super().cache_key(template_name, skip)}"

    def get_template(self, template_name: str, skip: list | None = None) -> Template:
        template = super().get_template(template_name, skip)
        if not getattr(template, "pretranslated", False):
            pretranslate(template.nodelist, template)
            template.pretranslated = True
        return template
