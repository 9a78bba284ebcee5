"""Exports: iCalendar, read back by icalendar."""

from __future__ import annotations

import datetime as dt
import re
import sys

import icalendar
import pytest
from hypothesis import given

from tests.export_support import SMALL, vevents
from vndiplo import Timeline, When
from vndiplo.dates import Language, Precision
from vndiplo.export.ics import to_ics
from vndiplo.records import label
from vndiplo.strategies import timelines

# -- iCalendar


def assert_ics_matches(text: str, timeline: Timeline, language: Language = "en") -> None:
    items = vevents(text)
    assert [str(v["UID"]) for v in items] == [f"{e.id}@vndiplo" for e in timeline]
    for item, event in zip(items, timeline, strict=True):
        start, end = item.decoded("DTSTART"), item.decoded("DTEND")
        assert type(start) is dt.date
        assert type(end) is dt.date  # all-day: VALUE=DATE, no time
        assert start == event.when.earliest
        assert end == event.when.latest + dt.timedelta(days=1)
        assert When.parse(str(item["X-VNDIPLO-WHEN"])) == event.when
        vietnamese = language == "vi" and event.title_vi is not None
        assert str(item["SUMMARY"]) == (event.title_vi if vietnamese else event.title)
        assert item["SUMMARY"].params["LANGUAGE"] == ("vi" if vietnamese else "en")


@pytest.fixture(scope="module")
def ics_text(tl: Timeline) -> str:
    return to_ics(tl)


def test_ics_parses_back_with_icalendar(tl: Timeline, ics_text: str) -> None:
    text = ics_text
    assert_ics_matches(text, tl)
    assert "DTSTART;VALUE=DATE:19950728\r\n" in text
    for item, event in zip(vevents(text), tl, strict=True):
        categories = item["CATEGORIES"]
        assert isinstance(categories, icalendar.vCategory)
        assert [str(c) for c in categories.cats] == [event.kind.value]
        description = str(item["DESCRIPTION"])
        assert description.startswith(event.summary)
        assert event.when.human() in description
        first_url = next((s.url for s in event.sources if s.url), None)
        assert item.get("URL") == first_url
        if first_url:
            assert first_url in description
        coarse = event.when.start.precision is not Precision.DAY or (
            event.when.end is not None and event.when.end.precision is not Precision.DAY
        )
        assert ("X-VNDIPLO-PRECISION" in item) == coarse


def test_ics_marks_a_year_precise_event_over_its_whole_year(tl: Timeline) -> None:
    event = next(e for e in tl if str(e.when) == "1978")
    (item,) = vevents(to_ics([event]))
    assert (item.decoded("DTSTART"), item.decoded("DTEND")) == (dt.date(1978, 1, 1), dt.date(1979, 1, 1))
    assert str(item["X-VNDIPLO-PRECISION"]) == "year"


def test_ics_export_is_byte_identical_on_every_run(tl: Timeline, ics_text: str) -> None:
    assert to_ics(tl) == ics_text
    stamps = {item.decoded("DTSTAMP") for item in vevents(ics_text)}
    assert stamps == {dt.datetime(2025, 12, 31, tzinfo=dt.UTC)}  # the newest day in the data, not the clock


def test_ics_without_icalendar_says_which_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)
    with pytest.raises(ImportError, match=re.escape("pip install 'vndiplo[ics]'")):
        to_ics([])


@SMALL
@given(timelines())
def test_ics_round_trips_uids_and_dates(timeline: Timeline) -> None:
    """Parsed back, every VEVENT has its event's UID, first day and exclusive end day."""
    text = to_ics(timeline)
    assert_ics_matches(text, timeline)
    assert to_ics(timeline) == text


# -- in Vietnamese


@pytest.fixture(scope="module")
def ics_vi_text(tl: Timeline) -> str:
    return to_ics(tl, language="vi")


def test_ics_in_vietnamese_parses_back_with_vietnamese_text(tl: Timeline, ics_vi_text: str) -> None:
    text = ics_vi_text
    assert "X-WR-CALNAME:Lịch sử ngoại giao Việt Nam\r\n" in text
    assert "Thời gian: 28/7/1995" in text
    items = vevents(text)
    assert [str(v["UID"]) for v in items] == [f"{e.id}@vndiplo" for e in tl]
    for item, event in zip(items, tl, strict=True):
        assert str(item["SUMMARY"]) == event.title_vi
        assert item["SUMMARY"].params["LANGUAGE"] == "vi"
        categories = item["CATEGORIES"]
        assert isinstance(categories, icalendar.vCategory)
        assert [str(c) for c in categories.cats] == [label(event.kind, "vi")]
        description = str(item["DESCRIPTION"])
        assert description.startswith(event.summary_vi or event.summary)
        assert f"\nThời gian: {event.when.human('vi')}\nNguồn: " in description
        assert item["DESCRIPTION"].params["LANGUAGE"] == "vi"


def test_ics_in_vietnamese_has_the_same_uids_and_days_as_in_english(ics_text: str, ics_vi_text: str) -> None:
    """Only the text changes with the language: a calendar that imported one updates to the other."""
    english, vietnamese = ics_text.split("\r\n"), ics_vi_text.split("\r\n")
    for name in ("UID:", "DTSTART;", "DTEND;", "DTSTAMP:", "X-VNDIPLO-WHEN:", "X-VNDIPLO-PRECISION:"):
        assert [line for line in vietnamese if line.startswith(name)] == [
            line for line in english if line.startswith(name)
        ]


def test_ics_in_vietnamese_falls_back_to_english_text(tl: Timeline) -> None:
    import attrs

    event = attrs.evolve(tl["1995-07-28-asean-accession"], title_vi=None, summary_vi=None)
    (item,) = vevents(to_ics([event], language="vi", name="Lịch của tôi"))
    assert str(item["SUMMARY"]) == event.title
    assert item["SUMMARY"].params["LANGUAGE"] == "en"
    assert str(item["DESCRIPTION"]).startswith(event.summary + "\n\nThời gian: 28/7/1995")
    assert "X-WR-CALNAME:Lịch của tôi" in to_ics([event], language="vi", name="Lịch của tôi")


@SMALL
@given(timelines())
def test_ics_in_vietnamese_round_trips_uids_and_dates(timeline: Timeline) -> None:
    """In Vietnamese too, every VEVENT parses back with its event's UID, days and title."""
    assert_ics_matches(to_ics(timeline, language="vi"), timeline, "vi")
