"""CSV export: one row per event, for spreadsheets and data frames.

The columns, in this order (:data:`COLUMNS`):

- ``id``, ``kind``, ``when`` (the EDTF-style date, e.g. ``1998-12`` or
  ``1946-07-06/1946-09-10``), ``first_day`` and ``last_day`` (ISO days: the
  earliest and latest day ``when`` can mean), ``precision`` (``day``,
  ``month`` or ``year``: the coarsest part of ``when``), ``state``,
  ``title``, ``title_vi``, ``summary``, ``summary_vi``;
- ``counterparts``, ``people``, ``places``, ``tags``, ``related``: lists
  joined with ``;``;
- ``source_urls``: the sources' URLs joined with a space (URLs never hold
  whitespace, but may hold ``;``); sources without a URL (print) are left out;
- then the fields of each kind (:data:`KIND_COLUMNS`), empty where they do
  not apply: ``direction, level, host`` (visit; ``level`` is also the
  relations level), ``stage, agreement_type`` (agreement), ``organisation,
  role`` (membership; ``role`` is also the conference role), ``counterpart``
  (relations), ``series, edition`` (conference), ``commemorates, years``
  (anniversary), ``document, issuer`` (policy), ``body, recognised``
  (recognition), ``nature, phase`` (conflict). They are read from the record
  classes, so a new field cannot be missed.

Every row carries both languages (``title`` and ``title_vi``, ``summary``
and ``summary_vi``), so :func:`to_csv` takes ``language`` only to check it,
for a call like ``export(events, "csv", language="vi")``: the text is the
same for "en" and "vi". Kind and enum cells hold the values (``membership``),
never a translated name, so that they read back into the records' enums.

Disputed dates and source titles are not in the CSV; the JSON export has
every field. The text uses ``\\n`` line ends and UTF-8 without a BOM.

The module is named ``csvfile``, not ``csv``, so that it can never be
mistaken for the standard library's.
"""

from __future__ import annotations

import csv
import enum
import io
from collections.abc import Iterable
from pathlib import Path

import attrs

from ..collection import Timeline
from ..dates import Language, When, check_language
from ..records import EVENT_CLASSES, Event

__all__ = ["BASE_COLUMNS", "COLUMNS", "KIND_COLUMNS", "Value", "precision_name", "rows", "to_csv", "write_csv"]

BASE_COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "when",
    "first_day",
    "last_day",
    "precision",
    "state",
    "title",
    "title_vi",
    "summary",
    "summary_vi",
    "counterparts",
    "people",
    "places",
    "tags",
    "related",
    "source_urls",
)
"""The columns every event fills (``title_vi``, ``summary_vi`` and the lists may be empty)."""

_BASE_FIELDS = frozenset(field.name for field in attrs.fields(Event))

KIND_COLUMNS: tuple[str, ...] = tuple(
    dict.fromkeys(
        field.name for cls in EVENT_CLASSES.values() for field in attrs.fields(cls) if field.name not in _BASE_FIELDS
    )
)
"""The fields of the kinds, in kind order; a field that two kinds share (level, role) has one column."""

COLUMNS: tuple[str, ...] = BASE_COLUMNS + KIND_COLUMNS
"""Every column of the CSV, in order."""

Value = str | int | None
"""A cell before it is written: text, a whole number (edition, years) or None (empty)."""

_LIST_SEPARATOR = ";"
_URL_SEPARATOR = " "


def precision_name(when: When) -> str:
    """The coarsest precision of a date or span: "day", "month" or "year"."""
    parts = (when.start,) if when.end is None else (when.start, when.end)
    return min(part.precision for part in parts).name.lower()


def _row(event: Event) -> dict[str, Value]:
    when = event.when
    row: dict[str, Value] = {
        "id": event.id,
        "kind": event.kind.value,
        "when": str(when),
        "first_day": when.earliest.isoformat(),
        "last_day": when.latest.isoformat(),
        "precision": precision_name(when),
        "state": event.state.value,
        "title": event.title,
        "title_vi": event.title_vi,
        "summary": event.summary,
        "summary_vi": event.summary_vi,
        "counterparts": _LIST_SEPARATOR.join(event.counterparts),
        "people": _LIST_SEPARATOR.join(event.people),
        "places": _LIST_SEPARATOR.join(event.places),
        "tags": _LIST_SEPARATOR.join(sorted(event.tags)),
        "related": _LIST_SEPARATOR.join(event.related),
        "source_urls": _URL_SEPARATOR.join(s.url for s in event.sources if s.url is not None),
    }
    for column in KIND_COLUMNS:
        value = getattr(event, column, None)
        row[column] = value.value if isinstance(value, enum.Enum) else value
    return row


def rows(events: Iterable[Event]) -> list[dict[str, Value]]:
    """The CSV rows as dicts keyed by :data:`COLUMNS`, in date order, before they become text.

    Empty lists give ``""``; fields that do not apply (and a missing
    ``title_vi``) give None.
    """
    return [_row(event) for event in Timeline(events)]


def to_csv(events: Iterable[Event], *, language: Language = "en") -> str:
    """The events as CSV text with a header row of :data:`COLUMNS`, in date order.

    The text holds both languages whatever ``language`` is; an unknown one
    raises :class:`~vndiplo.errors.QueryError` as every export does.
    """
    check_language(language)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(events))  # csv writes None as an empty cell
    return out.getvalue()


def write_csv(events: Iterable[Event], path: Path) -> Path:
    """Write :func:`to_csv` to ``path`` as UTF-8, byte for byte; return the path (both languages, as the CSV)."""
    path.write_text(to_csv(events), encoding="utf-8", newline="")
    return path
