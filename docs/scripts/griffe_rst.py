# mypy: disable-error-code="import-not-found"
# mypy: allow-subclassing-any
# (mkdocs and griffe come with the docs extra; without it, mypy takes them as Any here.)
"""A griffe extension for the API reference: the reStructuredText habits of vndiplo's docstrings, as Markdown.

mkdocstrings renders docstrings as Markdown. vndiplo's docstrings are prose
written with Sphinx's inline markup, and three of its habits would come out
wrong: roles (``:func:`timeline```) would be printed as written, a ``>>>``
example would turn into nested block quotes, and a ``::`` literal block would
keep its ``::``. Before the docstrings are parsed this extension turns

- a role into inline code (``:func:`~vndiplo.dataset.timeline``` into
  ``timeline()``, ``:class:`Event``` into ``Event``);
- a doctest block (lines from ``>>>`` to the next blank line) into a fenced
  ``pycon`` block;
- a paragraph ending in ``::`` and the indented block after it into the
  paragraph ending in ``:`` and a fenced block.

The docstrings themselves stay as they are, so doctest and Sphinx habits keep
working. mkdocs.yml loads this file through the Python handler's
``extensions`` option.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

from griffe import Extension, Object

ROLE = re.compile(r":(?:py:)?(func|meth|class|mod|data|attr|exc|obj|const|type):`(~?)([^`<]+?)(?:\s*<([^`>]+)>)?`")
"""A Sphinx role: ``:func:`name```, ``:class:`~module.Name```, ``:meth:`text <target>```."""


def _role(match: re.Match[str]) -> str:
    role, short, name, target = match.groups()
    if target is not None:  # :func:`text <target>`: the text is what the reader sees
        return f"`{name.strip()}`"
    shown = name.rsplit(".", 1)[-1] if short else name
    if role in ("func", "meth") and not shown.endswith(")"):
        shown += "()"
    return f"`{shown}`"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _fence(lines: list[str]) -> list[str]:
    body = textwrap.dedent("\n".join(lines)).strip("\n").splitlines()
    language = "pycon" if body and body[0].startswith(">>>") else "text"
    return [f"```{language}", *body, "```"]


def markdown(docstring: str) -> str:
    """The docstring with its roles, doctest blocks and literal blocks written as Markdown."""
    lines = docstring.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.endswith("::") and not stripped.startswith(">>>"):
            # A literal block: the paragraph keeps one colon (none when it was only "::").
            base = _indent(line)
            if stripped != "::":
                out.append(ROLE.sub(_role, line.rstrip()[:-1]))
            block: list[str] = []
            i += 1
            while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > base):
                block.append(lines[i])
                i += 1
            out += ["", *_fence(block), ""]
            continue
        if stripped.startswith(">>>"):
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i])
                i += 1
            out += _fence(block)
            continue
        out.append(ROLE.sub(_role, line))
        i += 1
    return "\n".join(out)


class RstToMarkdown(Extension):
    """Rewrite each docstring with :func:`markdown` as griffe loads the object."""

    def on_instance(self, *, obj: Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown(obj.docstring.value)
