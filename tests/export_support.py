"""What the export tests share: a smaller example budget and the date parts of a When."""

from __future__ import annotations

import icalendar
from hypothesis import settings

from vndiplo import When

# Each example exports a whole timeline: a third of the profile's examples keeps the modules fast.
SMALL = settings(max_examples=max(10, settings().max_examples // 3))


def parts(when: When) -> list[tuple[int, int | None, int | None]]:
    """The (year, month, day) of the start and, for a span, the end."""
    dates = [when.start] if when.end is None else [when.start, when.end]
    return [(d.year, d.month, d.day) for d in dates]


def vevents(text: str) -> list[icalendar.Event]:
    """The VEVENTs of an iCalendar text, as parsed by icalendar."""
    calendar = icalendar.Calendar.from_ical(text)
    return [item for item in calendar.walk("VEVENT") if isinstance(item, icalendar.Event)]
