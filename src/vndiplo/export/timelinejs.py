"""TimelineJS3 export: the JSON that Knight Lab's TimelineJS reads (timeline.knightlab.com/docs/json-format.html).

A record's date becomes ``start_date`` (and ``end_date`` for a span) with
exactly the parts the record has: ``1998-12`` is ``{"year": 1998, "month":
12}``, never a made-up day. Where the date is coarser than a day, or
approximate or uncertain, the event's ``display_date`` carries the human
form ("Dec 1998", "c. 1954") so the viewer shows what the sources support.
Events are grouped by kind; the historical periods (:data:`ERAS`) that the
events touch are the timeline's eras. Headline and text are HTML, so they are
escaped; the text ends with links to the sources.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from typing import Any

import attrs

from ..collection import Timeline
from ..dates import PartialDate, Precision, When
from ..records import Event
from .markdown import about

__all__ = ["ERAS", "Era", "date_object", "document", "to_timelinejs"]


@attrs.frozen(kw_only=True)
class Era:
    """A period of Vietnam's diplomatic history, from one year to another (both inclusive)."""

    start: int
    end: int
    headline: str
    text: str


ERAS: tuple[Era, ...] = (
    Era(
        start=1945,
        end=1954,
        headline="Resistance against France",
        text="From the founding of the Democratic Republic to the Geneva Accords.",
    ),
    Era(
        start=1954,
        end=1975,
        headline="Two Vietnams and the American war",
        text="A divided country, the war with the United States and the Paris Peace Accords.",
    ),
    Era(
        start=1975,
        end=1986,
        headline="Reunification and isolation",
        text="A reunified Vietnam, the Cambodian conflict, the 1979 border war with China and the US embargo.",
    ),
    Era(
        start=1986,
        end=2006,
        headline="Đổi Mới and opening up",
        text="Renovation: normalisation with China and the United States, ASEAN and APEC, the road to the WTO.",
    ),
    Era(
        start=2007,
        end=2025,
        headline="Deep international integration",
        text="WTO membership, two terms on the UN Security Council and a web of strategic partnerships.",
    ),
)
"""The historical periods shown as eras (the years where two meet belong to both)."""


def _escape(text: str) -> str:
    """Text made safe inside HTML elements (quotes stay readable; only attributes need them escaped)."""
    return html.escape(text, quote=False)


def date_object(date: PartialDate) -> dict[str, int]:
    """A TimelineJS date with only the parts the date has: ``{"year": 1998, "month": 12}``."""
    parts = {"year": date.year}
    if date.month is not None:
        parts["month"] = date.month
        if date.day is not None:
            parts["day"] = date.day
    return parts


def _needs_display_date(when: When) -> bool:
    parts = (when.start,) if when.end is None else (when.start, when.end)
    return any(p.precision is not Precision.DAY or p.approximate or p.uncertain for p in parts)


def _text(event: Event) -> str:
    links = [
        f'<a href="{html.escape(s.url)}">{_escape(s.publisher)}</a>' if s.url else _escape(s.publisher)
        for s in event.sources
    ]
    return f"<p>{_escape(event.summary)}</p><p>Sources: {', '.join(links)}</p>"


def _slide(event: Event) -> dict[str, Any]:
    when = event.when
    slide: dict[str, Any] = {"start_date": date_object(when.start)}
    if when.end is not None:
        slide["end_date"] = date_object(when.end)
    if _needs_display_date(when):
        slide["display_date"] = when.human()
    slide["text"] = {"headline": _escape(event.title), "text": _text(event)}
    slide["group"] = event.kind.value
    slide["unique_id"] = event.id
    return slide


def _era(era: Era) -> dict[str, Any]:
    return {
        "start_date": {"year": era.start},
        "end_date": {"year": era.end},
        "text": {"headline": _escape(era.headline), "text": _escape(era.text)},
    }


def document(events: Iterable[Event], *, title: str = "Vietnam's diplomatic history") -> dict[str, Any]:
    """The TimelineJS document as a dict: a title slide, one slide per event, and the eras the events touch."""
    timeline = Timeline(events)
    eras = []
    if timeline.events:
        first = timeline.events[0].when.earliest.year
        last = max(e.when.latest.year for e in timeline)
        eras = [_era(era) for era in ERAS if era.start <= last and era.end >= first]
    return {
        "title": {"text": {"headline": _escape(title), "text": _escape(about(timeline))}},
        "events": [_slide(event) for event in timeline],
        "eras": eras,
    }


def to_timelinejs(events: Iterable[Event], *, title: str = "Vietnam's diplomatic history") -> str:
    """The TimelineJS JSON text of the events (UTF-8, indented), ready for ``new TL.Timeline(id, url)``."""
    return json.dumps(document(events, title=title), ensure_ascii=False, indent=2) + "\n"
