"""iCalendar export (RFC 5545) with the icalendar package: one all-day VEVENT per event.

How dates map, and why:

- A day-precise event is an all-day event: ``DTSTART;VALUE=DATE`` on its
  first day, ``DTEND`` the day after its last (iCalendar's end is exclusive).
- An event known only to the month or year (``1998-12``, ``1954``) cannot be
  put on a day without inventing one, so it also becomes an all-day event
  over every day it can mean (1-31 Dec 1998, the whole of 1954), marked
  ``X-VNDIPLO-PRECISION:month`` or ``year``, with the human date ("Dec 1998",
  "c. 1954") in the DESCRIPTION. A calendar shows it as a long bar rather
  than a wrong day.
- Every event carries ``X-VNDIPLO-WHEN``, its EDTF-style date, so a reader
  can recover the exact value, approximate and uncertain marks included.

Re-exports are byte-identical: ``UID`` is ``<event id>@vndiplo`` and
``DTSTAMP`` is derived from the data (midnight UTC on the newest last day
among the events), never from the clock. The text has the CRLF line ends
that RFC 5545 requires: write it in binary or with ``newline=""``.

With ``language="vi"`` the SUMMARY is ``title_vi``, the DESCRIPTION
``summary_vi`` with the Vietnamese date ("Thời gian: 28/7/1995"), CATEGORIES
the Vietnamese kind name and the calendar's name Vietnamese; SUMMARY and
DESCRIPTION carry a ``LANGUAGE`` parameter saying which language their text
is in (English where a record has no Vietnamese text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..collection import Timeline
from ..dataset import PACKAGED_RANGE
from ..dates import Language, check_language
from ..errors import MissingDependencyError
from ..records import Event, Source, label
from ._language import WORDS, summary_in, title_in
from .csvfile import precision_name

if TYPE_CHECKING:
    import icalendar

__all__ = ["PRODID", "UID_DOMAIN", "to_ics", "uid"]

PRODID = "-//vndiplo//Vietnam diplomatic history//EN"
"""The product identifier of the calendar (no version: re-exports by later releases compare equal)."""

UID_DOMAIN = "vndiplo"
"""The right-hand side of every UID."""


def uid(event: Event) -> str:
    """The stable UID of an event's VEVENT: ``1995-07-28-asean-accession@vndiplo``."""
    return f"{event.id}@{UID_DOMAIN}"


def _stamp(events: Timeline) -> dt.datetime:
    """DTSTAMP for every VEVENT: midnight UTC on the newest last day (the packaged range's end if none)."""
    newest = max((e.when.latest for e in events), default=dt.date.fromisoformat(PACKAGED_RANGE[1]))
    return dt.datetime.combine(newest, dt.time(), tzinfo=dt.UTC)


def _first_url(event: Event) -> str | None:
    return next((s.url for s in event.sources if s.url is not None), None)


def _cite(source: Source) -> str:
    return source.url or f"{source.publisher}, {source.title}"


def _description(event: Event, language: Language) -> str:
    url = _first_url(event)
    source = url if url is not None else _cite(event.sources[0])
    words = WORDS[language]
    return f"{summary_in(event, language)}\n\n{words.date}: {event.when.human(language)}\n{words.source}: {source}"


def _text_language(language: Language, translated: str | None) -> Language:
    """The language a text is really in: English where the Vietnamese one is missing."""
    return "vi" if language == "vi" and translated is not None else "en"


def _vevent(event: Event, stamp: dt.datetime, language: Language) -> icalendar.Event:
    import icalendar

    item = icalendar.Event()
    item.add("uid", uid(event))
    item.add("dtstamp", stamp)
    item.add("dtstart", event.when.earliest)
    item.add("dtend", event.when.latest + dt.timedelta(days=1))
    item.add("summary", title_in(event, language), parameters={"LANGUAGE": _text_language(language, event.title_vi)})
    item.add(
        "description",
        _description(event, language),
        parameters={"LANGUAGE": _text_language(language, event.summary_vi)},
    )
    url = _first_url(event)
    if url is not None:
        item.add("url", url)
    if event.places:
        item.add("location", ", ".join(event.places))
    item.add("categories", [label(event.kind, language)])
    item.add("transp", "TRANSPARENT")  # a historical date never makes anyone busy
    precision = precision_name(event.when)
    if precision != "day":
        item.add("x-vndiplo-precision", precision)
    item.add("x-vndiplo-when", str(event.when))
    return item


def to_ics(events: Iterable[Event], *, name: str | None = None, language: Language = "en") -> str:
    """The events as an iCalendar file (text with CRLF line ends), in date order.

    ``language`` ("en" or "vi") picks the titles, summaries, dates and kind
    names; ``name`` becomes the calendar's display name (``X-WR-CALNAME``),
    by default "Vietnam's diplomatic history" in that language. Without the
    icalendar package, raises :class:`~vndiplo.export.MissingDependencyError`
    (an ImportError) naming the extra to install.
    """
    words = WORDS[check_language(language)]
    try:
        import icalendar
    except ImportError as exc:
        raise MissingDependencyError("icalendar", needed_by="the ics format", extra="ics") from exc

    timeline = Timeline(events)
    stamp = _stamp(timeline)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", words.title if name is None else name)
    for event in timeline:
        calendar.add_component(_vevent(event, stamp, language))
    text: str = calendar.to_ical().decode("utf-8")
    return text
