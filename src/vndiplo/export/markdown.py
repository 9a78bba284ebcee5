"""Markdown export: a readable chronology, a heading per year and a bullet per event.

::

    # Vietnam's diplomatic history

    ## 1995

    - **28 Jul 1995** — Vietnam becomes the seventh member of ASEAN *(membership)*

        Admitted at the 28th ASEAN Foreign Ministers' Meeting in Bandar Seri Begawan.

        Sources: [Publisher](https://…)

With ``language="vi"`` the same chronology is in Vietnamese: ``title_vi``
and ``summary_vi`` (the English text where a record has none), dates as
"28/7/1995", kind names as "thành viên", "Nguồn:" before the sources.

An event sits under the year it starts in. The summary and sources are
paragraphs of the bullet, indented four spaces so that both CommonMark and
Python-Markdown (MkDocs) keep them inside it. Text is escaped, so a ``*`` or
``[`` in a title stays a character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..collection import Timeline
from ..dates import Language, check_language
from ..records import Event, Source, label
from ._language import WORDS, summary_in, title_in

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


def _bullet(event: Event, language: Language) -> str:
    date = _escape(event.when.human(language))
    kind = _escape(label(event.kind, language))
    lines = [
        f"- **{date}** — {_escape(title_in(event, language))} *({kind})*",
        "",
        _INDENT + _escape(summary_in(event, language)),
        "",
        _INDENT + f"{WORDS[language].sources}: " + ", ".join(_link(s) for s in event.sources),
    ]
    return "\n".join(lines)


def about(timeline: Timeline, language: Language = "en") -> str:
    """One line that says what a timeline holds: "696 events, 1945–2025.", in Vietnamese "696 sự kiện, 1945–2025."."""
    words = WORDS[check_language(language)]
    if not timeline.events:
        return words.no_events
    first = timeline.events[0].when.start.year
    last = max(e.when.latest.year for e in timeline)
    years = str(first) if first == last else f"{first}–{last}"
    noun = words.event if len(timeline) == 1 else words.events
    return f"{len(timeline)} {noun}, {years}."


def to_markdown(events: Iterable[Event], *, title: str | None = None, language: Language = "en") -> str:
    """The events as a Markdown chronology: ``# title``, then ``## year`` headings and one bullet per event.

    ``language`` ("en" or "vi") picks the titles, summaries, dates and kind
    names; ``title`` defaults to "Vietnam's diplomatic history" in that language.

    >>> import vndiplo
    >>> asean = vndiplo.timeline().on_this_day("07-28").of_kind("membership")
    >>> print(to_markdown(asean, language="vi").splitlines()[6])
    - **28/7/1995** — Việt Nam gia nhập ASEAN, trở thành thành viên thứ bảy *(thành viên)*
    """
    words = WORDS[check_language(language)]
    timeline = Timeline(events)
    parts = [f"# {_escape(words.title if title is None else title)}", about(timeline, language)]
    for year, events_of_year in timeline.by_year().items():
        parts.append(f"## {year}")
        parts.extend(_bullet(event, language) for event in events_of_year)
    return "\n\n".join(parts) + "\n"
