"""Markdown export: a readable chronology, a heading per year and a bullet per event.

::

    # Vietnam's diplomatic history

    ## 1995

    - **28 Jul 1995** — Vietnam becomes the seventh member of ASEAN *(membership)*

        Admitted at the 28th ASEAN Foreign Ministers' Meeting in Bandar Seri Begawan.

        Sources: [Publisher](https://…)

An event sits under the year it starts in. The summary and sources are
paragraphs of the bullet, indented four spaces so that both CommonMark and
Python-Markdown (MkDocs) keep them inside it. Text is escaped, so a ``*`` or
``[`` in a title stays a character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..collection import Timeline
from ..records import Event, Source

__all__ = ["about", "to_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_INDENT = "    "


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _link(source: Source) -> str:
    label = _escape(source.publisher)
    if source.url is None:
        return f"{label}, *{_escape(source.title)}*"
    # Parentheses would end the link early: percent-encode them (the URL has no whitespace).
    url = source.url.replace("(", "%28").replace(")", "%29")
    return f"[{label}]({url} {_title_attribute(source.title)})"


def _title_attribute(title: str) -> str:
    return '"' + title.replace('"', "&quot;") + '"'


def _bullet(event: Event) -> str:
    lines = [
        f"- **{_escape(event.when.human())}** — {_escape(event.title)} *({event.kind.value})*",
        "",
        _INDENT + _escape(event.summary),
        "",
        _INDENT + "Sources: " + ", ".join(_link(s) for s in event.sources),
    ]
    return "\n".join(lines)


def about(timeline: Timeline) -> str:
    """One line that says what a timeline holds, e.g. "696 events, 1945–2025."."""
    if not timeline.events:
        return "No events."
    first = timeline.events[0].when.start.year
    last = max(e.when.latest.year for e in timeline)
    years = str(first) if first == last else f"{first}–{last}"
    noun = "event" if len(timeline) == 1 else "events"
    return f"{len(timeline)} {noun}, {years}."


def to_markdown(events: Iterable[Event], *, title: str = "Vietnam's diplomatic history") -> str:
    """The events as a Markdown chronology: ``# title``, then ``## year`` headings and one bullet per event."""
    timeline = Timeline(events)
    parts = [f"# {_escape(title)}", about(timeline)]
    for year, events_of_year in timeline.by_year().items():
        parts.append(f"## {year}")
        parts.extend(_bullet(event) for event in events_of_year)
    return "\n\n".join(parts) + "\n"
