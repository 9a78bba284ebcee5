"""Exports: CSV, read back by csv.DictReader and pandas.read_csv."""

from __future__ import annotations

import csv
import datetime as dt
import io

import attrs
from hypothesis import given

from tests.export_support import SMALL
from vndiplo import Event, Timeline, When
from vndiplo.export.csvfile import BASE_COLUMNS, COLUMNS, KIND_COLUMNS, to_csv
from vndiplo.records import EVENT_CLASSES
from vndiplo.strategies import timelines

# -- CSV


def test_csv_reads_back_with_dictreader(tl: Timeline) -> None:
    reader = csv.DictReader(io.StringIO(to_csv(tl)))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    rows = list(reader)
    assert [r["id"] for r in rows] == [e.id for e in tl]
    for row, event in zip(rows, tl, strict=True):
        assert When.parse(row["when"]) == event.when
        assert (row["first_day"], row["last_day"]) == (event.when.earliest.isoformat(), event.when.latest.isoformat())
        assert row["kind"] == event.kind.value
        assert [c for c in row["counterparts"].split(";") if c] == list(event.counterparts)
        assert row["source_urls"].split() == [s.url for s in event.sources if s.url]


def test_csv_reads_back_with_pandas(tl: Timeline) -> None:
    import pandas as pd

    df = pd.read_csv(io.StringIO(to_csv(tl)), dtype=str, keep_default_na=False)
    assert tuple(df.columns) == COLUMNS
    assert len(df) == len(tl)
    assert list(df["id"]) == [e.id for e in tl]
    assert list(df["title_vi"]) == [e.title_vi or "" for e in tl]


def test_csv_kind_columns_are_every_kinds_fields_in_kind_order() -> None:
    expected: list[str] = []
    for cls in EVENT_CLASSES.values():
        expected += [a.name for a in attrs.fields(cls)[len(attrs.fields(Event)) :] if a.name not in expected]
    assert list(KIND_COLUMNS) == expected
    assert not set(BASE_COLUMNS) & set(KIND_COLUMNS)


def test_csv_leaves_the_columns_of_other_kinds_empty(tl: Timeline) -> None:
    for row, event in zip(csv.DictReader(io.StringIO(to_csv(tl))), tl, strict=True):
        own = {a.name for a in attrs.fields(type(event))}
        assert all(row[c] == "" for c in KIND_COLUMNS if c not in own), event.id


def test_csv_keeps_a_url_holding_a_semicolon_whole(tl: Timeline) -> None:
    event = tl["2014-03-18-japan-extensive-strategic-partnership"]
    (row,) = csv.DictReader(io.StringIO(to_csv([event])))
    assert row["source_urls"].split(" ") == [s.url for s in event.sources if s.url]
    assert any(";" in url for url in row["source_urls"].split(" "))


@SMALL
@given(timelines())
def test_csv_round_trips_ids_dates_and_lists(timeline: Timeline) -> None:
    """Reading the CSV back gives every event's id, EDTF date, bounds, precision and lists."""
    rows = list(csv.DictReader(io.StringIO(to_csv(timeline))))
    assert [r["id"] for r in rows] == [e.id for e in timeline]
    for row, event in zip(rows, timeline, strict=True):
        assert When.parse(row["when"]) == event.when
        assert dt.date.fromisoformat(row["first_day"]) == event.when.first_day
        assert dt.date.fromisoformat(row["last_day"]) == event.when.last_day
        coarsest = min(p.precision for p in (event.when.start, event.when.end or event.when.start))
        assert row["precision"] == coarsest.name.lower()
        assert [p for p in row["people"].split(";") if p] == list(event.people)
        assert set(filter(None, row["tags"].split(";"))) == event.tags
