"""Read the forms and links of a page with the standard library (the load test fills forms the way a browser does)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Control:
    tag: str  # input, button, select, textarea
    type: str
    name: str
    value: str
    checked: bool = False
    attrs: dict = field(default_factory=dict)
    options: list[str] = field(default_factory=list)  # a select's option values


@dataclass
class Form:
    action: str
    method: str
    attrs: dict
    controls: list[Control] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.attrs.get("id") or ""

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def hidden(self) -> list[tuple[str, str]]:
        return [(c.name, c.value) for c in self.controls if c.tag == "input" and c.type == "hidden" and c.name]

    def named(self, name: str) -> list[Control]:
        return [c for c in self.controls if c.name == name]

    def buttons(self) -> list[Control]:
        return [c for c in self.controls if c.tag == "button" or (c.tag == "input" and c.type == "submit")]


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.links: list[dict] = []
        self._form: Form | None = None
        self._select: Control | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = Form(action=a.get("action", ""), method=(a.get("method") or "get").lower(), attrs=a)
            self.forms.append(self._form)
        elif tag == "a" and "href" in a:
            self.links.append(a)
        elif self._form is not None and tag in {"input", "button", "select", "textarea"}:
            default_type = {"input": "text", "button": "submit"}.get(tag, tag)
            control = Control(
                tag=tag,
                type=(a.get("type") or default_type).lower(),
                name=a.get("name", ""),
                value=a.get("value", ""),
                checked="checked" in a,
                attrs=a,
            )
            self._form.controls.append(control)
            if tag == "select":
                self._select = control
        elif tag == "option" and self._select is not None:
            self._select.options.append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def parse(html: str) -> tuple[list[Form], list[dict]]:
    """Return the page's forms and its links (each link a dict of the <a> tag's attributes)."""
    parser = _Parser()
    parser.feed(html)
    return parser.forms, parser.links


def find_form(forms: list[Form], *, id: str = "", cls: str = "", action_contains: str = "") -> Form | None:
    for form in forms:
        if id and form.id != id:
            continue
        if cls and cls not in form.classes:
            continue
        if action_contains and action_contains not in form.action:
            continue
        return form
    return None
