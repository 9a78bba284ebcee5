"""The exports' own words in English and Vietnamese, and a record's text in the language asked for.

A record always has its English title and summary; ``title_vi`` and
``summary_vi`` may be missing in a user's own file, and then the English text
stands in, so that no event is ever shown without a title.

>>> import vndiplo
>>> event = vndiplo.timeline()["1995-07-28-asean-accession"]
>>> title_in(event, "vi")
'Việt Nam gia nhập ASEAN, trở thành thành viên thứ bảy'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ..dates import Language, check_language
from ..records import Event

__all__ = ["WORDS", "Words", "summary_in", "title_in"]


@attrs.frozen(kw_only=True)
class Words:
    """What an export writes around the records, in one language."""

    title: str
    """The default title of a document or calendar."""
    source: str
    """Before one source: "Source"."""
    sources: str
    """Before the list of sources: "Sources"."""
    date: str
    """Before a human date: "Date"."""
    event: str
    """One event: "event"."""
    events: str
    """Several events: "events"."""
    no_events: str
    """What an empty timeline holds."""


WORDS: Mapping[Language, Words] = MappingProxyType(
    {
        "en": Words(
            title="Vietnam's diplomatic history",
            source="Source",
            sources="Sources",
            date="Date",
            event="event",
            events="events",
            no_events="No events.",
        ),
        "vi": Words(
            title="Lịch sử ngoại giao Việt Nam",
            source="Nguồn",
            sources="Nguồn",
            date="Thời gian",
            event="sự kiện",
            events="sự kiện",
            no_events="Không có sự kiện nào.",
        ),
    }
)
"""The exports' words, by language (read-only)."""


def title_in(event: Event, language: Language) -> str:
    """The event's title in ``language``: ``title_vi`` for "vi" (the English title where it has none)."""
    if check_language(language) == "vi" and event.title_vi is not None:
        return event.title_vi
    return event.title


def summary_in(event: Event, language: Language) -> str:
    """The event's summary in ``language``: ``summary_vi`` for "vi" (the English summary where it has none)."""
    if check_language(language) == "vi" and event.summary_vi is not None:
        return event.summary_vi
    return event.summary
