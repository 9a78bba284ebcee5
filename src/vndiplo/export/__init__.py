"""Exports: the events as JSON, CSV, iCalendar, TimelineJS or Markdown text, one module per format.

:func:`export` picks a text format by name; each format module also has its
own function (``to_csv``, ``to_ics``, ...). A pandas DataFrame
(:func:`vndiplo.export.frame.to_frame`) and a Frictionless data package
(:mod:`vndiplo.export.datapackage`) are not text, so they live in their own
modules only. Heavy libraries (icalendar, pandas) are imported by the
functions that need them, never here; without them those functions raise
:class:`MissingDependencyError` (an ImportError) naming the extra to install.

Every text format takes ``language="en"`` or ``"vi"``. Markdown, iCalendar
and TimelineJS follow it (titles, summaries, dates, kind names and their own
words); JSON and CSV carry both languages in every record, so they only check
it. The DataFrame and the data package carry both languages too and take no
``language``. An unknown language raises :class:`~vndiplo.errors.QueryError`.

>>> import vndiplo
>>> from vndiplo.export import export
>>> rows = export(vndiplo.timeline().on_this_day("07-28").of_kind("membership"), "csv").splitlines()
>>> rows[1].startswith("1995-07-28-asean-accession,membership,1995-07-28,")
True
>>> export(vndiplo.timeline().on_this_day("07-28").of_kind("membership"), "markdown", language="vi").splitlines()[6]
'- **28/7/1995** — Việt Nam gia nhập ASEAN, trở thành thành viên thứ bảy *(thành viên)*'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Protocol

from ..dates import Language, check_language
from ..errors import MissingDependencyError, choice_error
from ..records import Event
from .csvfile import to_csv
from .ics import to_ics
from .jsonfile import to_json
from .markdown import to_markdown
from .timelinejs import to_timelinejs

__all__ = ["FORMATS", "Formatter", "MissingDependencyError", "export"]


class Formatter(Protocol):
    """A text export: events in, the whole file's text out, in a language ("en" or "vi")."""

    def __call__(self, events: Iterable[Event], /, *, language: Language = ...) -> str: ...


FORMATS: Mapping[str, Formatter] = MappingProxyType(
    {
        "json": to_json,
        "csv": to_csv,
        "ics": to_ics,
        "timelinejs": to_timelinejs,
        "markdown": to_markdown,
    }
)
"""The text formats of :func:`export`, by name (read-only)."""


def export(timeline_or_events: Iterable[Event], format: str, *, language: Language = "en") -> str:
    """The events as the text of one file in ``format`` ("json", "csv", "ics", "timelinejs" or "markdown").

    Events are written in date order whatever order they come in; a
    Timeline, a list or any iterable of events will do. ``language`` ("en"
    or "vi") is the language of the text where the format has one language
    (markdown, ics, timelinejs); json and csv carry both.
    """
    if not isinstance(format, str):
        raise TypeError(f"format must be a str such as 'csv', got {format!r}")
    formatter = FORMATS.get(format)
    if formatter is None:
        raise choice_error("export format", format, list(FORMATS))
    return formatter(timeline_or_events, language=check_language(language))
