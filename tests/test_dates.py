"""Dates with precision: parsing, string and human forms, bounds, order."""

from __future__ import annotations

import datetime as dt
import itertools

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vndiplo import PartialDate, Precision, When
from vndiplo.dates import as_bounds
from vndiplo.strategies import partial_dates, whens


@given(whens())
def test_string_form_round_trips(when: When) -> None:
    """When.parse(str(w)) == w for every When."""
    assert When.parse(str(when)) == when


@given(partial_dates())
def test_partial_date_string_round_trips(date: PartialDate) -> None:
    assert PartialDate.parse(str(date)) == date


@given(whens())
def test_first_day_is_not_after_last_day(when: When) -> None:
    assert when.first_day <= when.last_day
    assert isinstance(when.first_day, pendulum.Date)
    assert when.first_day == pendulum.Date(when.earliest.year, when.earliest.month, when.earliest.day)


@given(partial_dates())
def test_bounds_follow_precision(date: PartialDate) -> None:
    """A year covers Jan 1..Dec 31, a month its first..last day, a day itself."""
    first, last = date.earliest, date.latest
    if date.precision is Precision.YEAR:
        assert (first, last) == (dt.date(date.year, 1, 1), dt.date(date.year, 12, 31))
    elif date.precision is Precision.MONTH:
        assert first.day == 1
        assert (last + dt.timedelta(days=1)).day == 1
        assert first.month == last.month
    else:
        assert first == last


@given(st.lists(whens(), min_size=2, max_size=10))
def test_sort_key_is_a_total_order_consistent_with_equality(items: list[When]) -> None:
    ordered = sorted(items, key=When.sort_key)
    for a, b in itertools.pairwise(ordered):
        assert a.sort_key() <= b.sort_key()
    for a in items:
        for b in items:
            if a == b:
                assert a.sort_key() == b.sort_key()


def test_partial_date_has_no_ordering() -> None:
    with pytest.raises(TypeError):
        _ = PartialDate(1995) < PartialDate(1996)


@pytest.mark.parametrize(
    ("text", "human"),
    [
        ("1995-07-28", "28 Jul 1995"),
        ("1998-12", "Dec 1998"),
        ("1954", "1954"),
        ("1954~", "c. 1954"),
        ("1954?", "1954 (?)"),
        ("1954%", "c. 1954 (?)"),
        ("1946-07-06/1946-09-10", "6 Jul – 10 Sep 1946"),
        ("2010-10-28/2010-10-30", "28–30 Oct 2010"),
        ("2008/2009", "2008 – 2009"),
        ("1946-07/1946-09", "Jul – Sep 1946"),
        ("1968-05-13/1973-01-27", "13 May 1968 – 27 Jan 1973"),
        ("1954~/1955", "c. 1954 – 1955"),
    ],
)
def test_human_form(text: str, human: str) -> None:
    assert When.parse(text).human() == human
    assert str(When.parse(text)) == text


@pytest.mark.parametrize(
    "bad",
    [
        "1995-13",
        "1995-02-30",
        "1995-7-28",
        "July 1995",
        "",
        "95",
        "1995-00",
        "1995-07-00",
        "0999",
        "1995-07-28/1995-07-01",
        "1996/1995",
        "1995/1995",
        "1995-07-28 ",
        "1995/",
        "/1995",
        "1995~~",
        "2023-02-29",
        "1995-07-28/1995-07-28",
        "１９９５",
    ],
)
def test_invalid_strings_raise_value_error_naming_the_value(bad: str) -> None:
    with pytest.raises(ValueError, match="invalid") as info:
        When.parse(bad)
    assert repr(bad) in str(info.value)


@pytest.mark.parametrize("bad", [None, 1995, 1995.0, b"1995", ["1995"]])
def test_non_strings_raise_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        When.parse(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "message"),
    [((1995, 13), "month 13"), ((1995, 2, 30), "day 30"), ((999,), "year 999"), ((1995, None, 3), "without a month")],
)
def test_invalid_parts_raise_value_error(args: tuple[int, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PartialDate(*args)


def test_leap_day_is_valid_only_in_leap_years() -> None:
    assert PartialDate.parse("2024-02-29").latest == dt.date(2024, 2, 29)
    with pytest.raises(ValueError, match="day 29"):
        PartialDate.parse("2100-02-29")


def test_month_bounds_know_february() -> None:
    assert When.parse("2024-02").last_day == pendulum.Date(2024, 2, 29)
    assert When.parse("2023-02").last_day == pendulum.Date(2023, 2, 28)


def test_span_bounds() -> None:
    span = When.parse("2008/2009")
    assert (span.first_day, span.last_day) == (pendulum.Date(2008, 1, 1), pendulum.Date(2009, 12, 31))


@pytest.mark.parametrize(
    ("value", "bounds"),
    [
        (1995, (dt.date(1995, 1, 1), dt.date(1995, 12, 31))),
        ("1995-07", (dt.date(1995, 7, 1), dt.date(1995, 7, 31))),
        (dt.date(1995, 7, 28), (dt.date(1995, 7, 28), dt.date(1995, 7, 28))),
        (dt.datetime(1995, 7, 28, 12), (dt.date(1995, 7, 28), dt.date(1995, 7, 28))),
        (pendulum.Date(1995, 7, 28), (dt.date(1995, 7, 28), dt.date(1995, 7, 28))),
        (PartialDate(1995, 7), (dt.date(1995, 7, 1), dt.date(1995, 7, 31))),
    ],
)
def test_query_bounds(value: object, bounds: tuple[dt.date, dt.date]) -> None:
    assert as_bounds(value) == bounds


@pytest.mark.parametrize(("value", "error"), [(True, TypeError), (None, TypeError), (3.5, TypeError), (12, ValueError)])
def test_bad_query_bounds(value: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        as_bounds(value)


@given(st.integers(1, 9999), st.integers(1, 12))
def test_days_in_month_agrees_with_the_calendar_module(year: int, month: int) -> None:
    """dates.py counts a month's days itself (importing calendar costs time at import): it must agree."""
    import calendar

    from vndiplo.dates import _days_in_month

    assert _days_in_month(year, month) == calendar.monthrange(year, month)[1]
