"""Dates with precision: a day, a month or a year, alone or as a span.

Historical sources date events at different precisions ("28 July 1995",
"December 1998", "1954"). A :class:`PartialDate` keeps exactly what is known;
a :class:`When` is a start with an optional end. Both have a string form in
the style of EDTF (ISO 8601-2) that round-trips, a human form for display and
bounds (:attr:`PartialDate.first_day`, :attr:`PartialDate.last_day`) for
arithmetic.

>>> w = When.parse("1946-07-06/1946-09-10")
>>> str(w), w.human()
('1946-07-06/1946-09-10', '6 Jul – 10 Sep 1946')
>>> When.parse("1998-12").first_day, When.parse("1998-12").last_day
(Date(1998, 12, 1), Date(1998, 12, 31))
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from typing import TYPE_CHECKING, Literal

import attrs

from .errors import InvalidDateError, choice_error

if TYPE_CHECKING:
    import pendulum

__all__ = ["LANGUAGES", "DateLike", "Language", "PartialDate", "Precision", "When", "as_bounds", "check_language"]

Language = Literal["en", "vi"]
"""A language for display text: English or Vietnamese."""

LANGUAGES: tuple[Language, ...] = ("en", "vi")
"""The languages display text comes in."""


def check_language(language: object) -> Language:
    """``language`` itself when it is one of :data:`LANGUAGES`; else a QueryError listing them."""
    if language == "en" or language == "vi":
        return language
    if not isinstance(language, str):
        raise TypeError(f"language must be 'en' or 'vi', got {language!r}")
    raise choice_error("language", language, LANGUAGES)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PARTIAL_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([~?%])?")
_MIN_YEAR, _MAX_YEAR = 1000, 9999


class Precision(enum.IntEnum):
    """How much of a date is known; a larger value is more precise."""

    YEAR = 1
    MONTH = 2
    DAY = 3


def _check_year(instance: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int:
        raise TypeError(f"year must be an int, got {value!r}")
    if not _MIN_YEAR <= value <= _MAX_YEAR:
        raise InvalidDateError(f"year {value} is outside {_MIN_YEAR}..{_MAX_YEAR}")


def _check_month(instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is None:
        return
    if type(value) is not int:
        raise TypeError(f"month must be an int or None, got {value!r}")
    if not 1 <= value <= 12:
        raise InvalidDateError(f"month {value} is outside 1..12")


def _days_in_month(year: int, month: int) -> int:
    """28 to 31, as ``calendar.monthrange`` gives, without importing calendar (and locale) with vndiplo."""
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days


def _check_day(instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is None:
        return
    if type(value) is not int:
        raise TypeError(f"day must be an int or None, got {value!r}")
    if instance.month is None:
        raise InvalidDateError(f"day {value} given without a month")
    last = _days_in_month(instance.year, instance.month)
    if not 1 <= value <= last:
        raise InvalidDateError(f"day {value} is out of range for {instance.year:04d}-{instance.month:02d} (1..{last})")


@attrs.frozen(slots=True)
class PartialDate:
    """A calendar date known to year, month or day precision.

    ``approximate`` (EDTF ``~``) and ``uncertain`` (EDTF ``?``) qualify it;
    both together are written ``%``. There is deliberately no ``<``: sort by
    :meth:`sort_key` so that ordering can never disagree with equality.

    >>> PartialDate.parse("1954~").human()
    'c. 1954'
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None, validator=_check_day)
    approximate: bool = attrs.field(default=False, kw_only=True)
    uncertain: bool = attrs.field(default=False, kw_only=True)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, optionally ending in ``~``, ``?`` or ``%``."""
        if not isinstance(text, str):
            raise TypeError(f"a date must be a str like '1995-07-28', got {text!r}")
        match = _PARTIAL_RE.fullmatch(text)
        if match is None:
            raise InvalidDateError(
                f"invalid date {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD (zero-padded), "
                "optionally followed by ~ (approximate), ? (uncertain) or % (both)"
            )
        year, month, day, mark = match.groups()
        try:
            return cls(
                int(year),
                None if month is None else int(month),
                None if day is None else int(day),
                approximate=mark in ("~", "%"),
                uncertain=mark in ("?", "%"),
            )
        except ValueError as exc:
            raise InvalidDateError(f"invalid date {text!r}: {exc}") from None

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        """The day-precise date of a :class:`datetime.date` (or pendulum Date)."""
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def earliest(self) -> dt.date:
        """The first day this value can mean, as a stdlib date (cheap; no pendulum)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day this value can mean, as a stdlib date."""
        if self.day is not None:
            return dt.date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return dt.date(self.year, month, _days_in_month(self.year, month))

    @property
    def first_day(self) -> pendulum.Date:
        """The first day this value can mean, as a pendulum Date."""
        return _to_pendulum(self.earliest)

    @property
    def last_day(self) -> pendulum.Date:
        """The last day this value can mean, as a pendulum Date."""
        return _to_pendulum(self.latest)

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.earliest, self.latest)

    def _mark(self) -> str:
        if self.approximate and self.uncertain:
            return "%"
        if self.approximate:
            return "~"
        return "?" if self.uncertain else ""

    @property
    def iso(self) -> str:
        """The date without its qualifier marks ("1954" for "1954~"): what an event id begins with."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.iso + self._mark()

    def human(self, language: Language = "en") -> str:
        """'28 Jul 1995', 'Dec 1998', '1954', 'c. 1954', '1954 (?)'; in Vietnamese '28/7/1995', 'tháng 12/1998'.

        >>> PartialDate.parse("1998-12").human(language="vi")
        'tháng 12/1998'
        """
        if check_language(language) == "vi":
            return _qualify(self, _plain_vi(self), about="khoảng ")
        return _qualify(self, _plain_human(self), about="c. ")


def _plain_human(d: PartialDate) -> str:
    if d.month is None:
        return str(d.year)
    if d.day is None:
        return f"{_MONTHS[d.month - 1]} {d.year}"
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _plain_vi(d: PartialDate) -> str:
    """Vietnamese style: day/month/year without leading zeros, 'tháng M/YYYY', 'năm YYYY'."""
    if d.month is None:
        return f"năm {d.year}"
    if d.day is None:
        return f"tháng {d.month}/{d.year}"
    return f"{d.day}/{d.month}/{d.year}"


def _qualify(d: PartialDate, text: str, *, about: str) -> str:
    """Mark an approximate date with ``about`` ("c. ", "khoảng ") and an uncertain one with "(?)"."""
    if d.approximate:
        text = about + text
    if d.uncertain:
        text += " (?)"
    return text


def _to_pendulum(value: dt.date) -> pendulum.Date:
    import pendulum  # imported on first use: it costs ~35 ms

    return pendulum.Date(value.year, value.month, value.day)


def _check_end(instance: When, attribute: attrs.Attribute[PartialDate | None], end: PartialDate | None) -> None:
    if end is None:
        return
    if not isinstance(end, PartialDate):
        raise TypeError(f"end must be a PartialDate or None, got {end!r}")
    start = instance.start
    if end == start:
        raise InvalidDateError(f"span {start}/{end} ends where it starts: write a single date")
    if end.earliest < start.earliest or end.latest < start.latest:
        raise InvalidDateError(f"span {start}/{end} ends before it starts")


@attrs.frozen(slots=True)
class When:
    """When an event happened: a :class:`PartialDate`, or a span from start to end.

    >>> When.parse("2010-10-28/2010-10-30").human()
    '28–30 Oct 2010'
    """

    start: PartialDate = attrs.field(validator=attrs.validators.instance_of(PartialDate))
    end: PartialDate | None = attrs.field(default=None, validator=_check_end)

    @classmethod
    def parse(cls, text: str) -> When:
        """Read an EDTF-style date (``1995-07-28``, ``1998-12``, ``1954~``) or span (``2008/2009``)."""
        if not isinstance(text, str):
            raise TypeError(f"a date must be a str like '1995-07-28' or '2008/2009', got {text!r}")
        head, sep, tail = text.partition("/")
        if not sep:
            return cls(PartialDate.parse(head))
        try:
            return cls(PartialDate.parse(head), PartialDate.parse(tail))
        except ValueError as exc:
            raise InvalidDateError(f"invalid span {text!r}: {exc}") from None

    @property
    def earliest(self) -> dt.date:
        return self.start.earliest

    @property
    def latest(self) -> dt.date:
        return (self.end or self.start).latest

    @property
    def first_day(self) -> pendulum.Date:
        """The first day the event can have started on."""
        return self.start.first_day

    @property
    def last_day(self) -> pendulum.Date:
        """The last day the event can have ended on."""
        return (self.end or self.start).last_day

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.earliest, self.latest)

    def __str__(self) -> str:
        return str(self.start) if self.end is None else f"{self.start}/{self.end}"

    def human(self, language: Language = "en") -> str:
        """'28 Jul 1995', '6 Jul – 10 Sep 1946', '28–30 Oct 2010', '2008 – 2009'; in Vietnamese '6/7 – 10/9/1946'.

        >>> When.parse("2010-10-28/2010-10-30").human(language="vi")
        '28–30/10/2010'
        """
        if check_language(language) == "vi":
            return self._human_vi()
        start, end = self.start, self.end
        if end is None:
            return start.human()
        if self._plain_same_year():
            if start.precision is Precision.DAY:
                assert start.month is not None
                assert end.month is not None
                if start.month == end.month:
                    return f"{start.day}–{end.day} {_MONTHS[end.month - 1]} {end.year}"
                return f"{start.day} {_MONTHS[start.month - 1]} – {end.human()}"
            if start.precision is Precision.MONTH:
                assert start.month is not None
                return f"{_MONTHS[start.month - 1]} – {end.human()}"
        return f"{start.human()} – {end.human()}"

    def _plain_same_year(self) -> bool:
        start, end = self.start, self.end
        if end is None or start.year != end.year or start.precision != end.precision:
            return False
        return not (start.approximate or start.uncertain or end.approximate or end.uncertain)

    def _human_vi(self) -> str:
        start, end = self.start, self.end
        if end is None:
            return start.human("vi")
        if self._plain_same_year():
            if start.precision is Precision.DAY:
                if start.month == end.month:
                    return f"{start.day}–{end.day}/{end.month}/{end.year}"
                return f"{start.day}/{start.month} – {end.human('vi')}"
            if start.precision is Precision.MONTH:
                return f"tháng {start.month} – {end.human('vi')}"
        return f"{start.human('vi')} – {end.human('vi')}"


DateLike = int | str | dt.date | PartialDate
"""What the queries accept as a date: a year, an EDTF string, a date or a PartialDate."""


@functools.lru_cache(maxsize=256)
def _parsed_bounds(text: str) -> tuple[dt.date, dt.date]:
    """Bounds of a query string, cached: queries repeat the same few strings."""
    when = When.parse(text)
    return when.earliest, when.latest


def as_bounds(value: object) -> tuple[dt.date, dt.date]:
    """The first and last day a query argument can mean.

    >>> as_bounds(1995)
    (datetime.date(1995, 1, 1), datetime.date(1995, 12, 31))
    """
    if type(value) is str:  # the common case first
        return _parsed_bounds(value)
    if isinstance(value, bool):
        raise TypeError(f"expected a year, 'YYYY[-MM[-DD]]', a date or a PartialDate, got {value!r}")
    if isinstance(value, int):
        part = PartialDate(value) if _MIN_YEAR <= value <= _MAX_YEAR else None
        if part is None:
            raise InvalidDateError(f"year {value} is outside {_MIN_YEAR}..{_MAX_YEAR}")
        return part.earliest, part.latest
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        plain = dt.date(value.year, value.month, value.day)
        return plain, plain
    if isinstance(value, str):
        return _parsed_bounds(value)
    if isinstance(value, (PartialDate, When)):
        return value.earliest, value.latest
    raise TypeError(f"expected a year, 'YYYY[-MM[-DD]]', a date or a PartialDate, got {value!r}")
