"""Exports: every format is read back by a real consumer of that format.

JSON by jsonschema and the loader, CSV by csv.DictReader and pandas.read_csv,
iCalendar by icalendar, TimelineJS by a JSON Schema written from Knight Lab's
format docs, Markdown by CommonMark and Python-Markdown renderers (and a
regex), the DataFrame by pandas' dtypes, the data package by frictionless.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import enum
import io
import json
import re
import subprocess
import sys
import typing
from html import unescape
from pathlib import Path
from typing import Any

import attrs
import icalendar
import jsonschema
import pytest
from hypothesis import given, settings

import vndiplo
from tests.samples import GENEVA
from vndiplo import Event, Kind, Timeline, When
from vndiplo.dataset import packaged_event_files, read_events
from vndiplo.dates import Precision
from vndiplo.export import FORMATS, export
from vndiplo.export.csvfile import BASE_COLUMNS, COLUMNS, KIND_COLUMNS, to_csv
from vndiplo.export.datapackage import descriptor, write_package
from vndiplo.export.frame import to_frame
from vndiplo.export.ics import to_ics
from vndiplo.export.jsonfile import schema, to_json
from vndiplo.export.markdown import to_markdown
from vndiplo.export.timelinejs import ERAS, document, to_timelinejs
from vndiplo.records import EVENT_CLASSES
from vndiplo.strategies import timelines

# Each example exports a whole timeline: a third of the profile's examples keeps the module fast.
SMALL = settings(max_examples=max(10, settings().max_examples // 3))


@pytest.fixture(scope="module")
def tl() -> Timeline:
    return vndiplo.timeline()


def parts(when: When) -> list[tuple[int, int | None, int | None]]:
    """The (year, month, day) of the start and, for a span, the end."""
    dates = [when.start] if when.end is None else [when.start, when.end]
    return [(d.year, d.month, d.day) for d in dates]


# -- the registry


def test_formats_are_the_text_formats() -> None:
    assert list(FORMATS) == ["json", "csv", "ics", "timelinejs", "markdown"]


@pytest.mark.parametrize("name", list(FORMATS))
def test_export_gives_the_format_functions_text_for_events_in_any_order(tl: Timeline, name: str) -> None:
    events = tl.between(1973, 1973)
    assert export(list(reversed(events)), name) == FORMATS[name](events)


def test_export_rejects_an_unknown_format_naming_the_accepted_ones(tl: Timeline) -> None:
    with pytest.raises(ValueError, match=r"'xml'.*json, csv, ics, timelinejs, markdown"):
        export(tl, "xml")
    with pytest.raises(ValueError, match="did you mean 'csv'"):
        export(tl, "CSV")
    with pytest.raises(TypeError, match="format must be a str"):
        export(tl, None)  # type: ignore[arg-type]


def test_export_rejects_duplicate_ids(tl: Timeline) -> None:
    event = tl["1995-07-28-asean-accession"]
    with pytest.raises(ValueError, match="duplicate event id"):
        export([event, event], "json")


def test_importing_the_export_package_loads_no_heavy_library() -> None:
    code = "import sys, vndiplo.export; print(sorted({'icalendar', 'pandas', 'frictionless'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# -- JSON and its schema


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    events_schema = schema()
    jsonschema.Draft202012Validator.check_schema(events_schema)
    return jsonschema.Draft202012Validator(events_schema)


def test_json_export_is_the_packaged_files_in_one_list(tl: Timeline) -> None:
    files = [item for path in packaged_event_files() for item in json.loads(path.read_text(encoding="utf-8"))]
    assert json.loads(to_json(tl)) == files


@pytest.mark.parametrize("path", packaged_event_files(), ids=lambda p: p.name)
def test_every_packaged_file_validates_against_the_schema(
    validator: jsonschema.Draft202012Validator, path: Path
) -> None:
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(json.loads(path.read_bytes()))]
    assert errors == []


@SMALL
@given(timelines())
def test_json_export_validates_and_reads_back_to_the_same_events(
    validator: jsonschema.Draft202012Validator, timeline: Timeline
) -> None:
    """Whatever the library writes, its schema accepts and its reader structures back unchanged."""
    text = to_json(timeline)
    validator.validate(json.loads(text))
    events, problems = read_events(text.encode(), "export.json")
    assert problems == []
    assert Timeline(events) == timeline


REMOVE = object()
"""Stands for a key taken out of the event."""

BROKEN: dict[str, tuple[str, object]] = {
    # case: (key to change, its new value or REMOVE)
    "no sources": ("sources", REMOVE),
    "no kind": ("kind", REMOVE),
    "unknown kind": ("kind", "treaty"),
    "unknown key": ("signatories", ["FRA"]),
    "another kind's field": ("host", "FRA"),
    "missing kind field": ("stage", REMOVE),
    "unknown enum value": ("stage", "initialled"),
    "id not a slug": ("id", "1954_Geneva"),
    "id with a trailing newline": ("id", "1954-geneva\n"),
    "date not zero-padded": ("when", "1954-7-21"),
    "date in words": ("when", "July 1954"),
    "month 13": ("when", "1954-13"),
    "year below 1000": ("when", "0954"),
    "lowercase code": ("counterparts", ["fra"]),
    "empty list (not canonical)": ("people", []),
    "null (not canonical)": ("title_vi", None),
    "title with surrounding space": ("title", " Geneva"),
    "summary on two lines": ("summary", "One.\nTwo."),
    "duplicate counterparts": ("counterparts", ["FRA", "FRA"]),
    "number for a title": ("title", 1954),
    "source without title": ("sources", [{"publisher": "P", "url": "https://x.org"}]),
    "source url not http": ("sources", [{"publisher": "P", "title": "T", "url": "ftp://x.org"}]),
    "uppercase tag": ("tags", ["Geneva"]),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_schema_rejects_broken_events(validator: jsonschema.Draft202012Validator, case: str) -> None:
    key, value = BROKEN[case]
    event = copy.deepcopy(GENEVA)
    if value is REMOVE:
        del event[key]
    else:
        event[key] = value
    assert validator.is_valid([GENEVA])
    assert not validator.is_valid([event])


def test_schema_accepts_every_kind_and_rejects_a_wrong_one(validator: jsonschema.Draft202012Validator) -> None:
    visit = {**GENEVA, "kind": "visit", "direction": "outbound", "level": "state", "host": "FRA"}
    del visit["stage"], visit["agreement_type"]
    assert validator.is_valid([visit])
    assert not validator.is_valid([{**visit, "level": "diplomatic_relations"}])  # a relations level
    assert not validator.is_valid({"not": "a list"})


def test_schema_lists_exactly_each_kinds_fields_and_enums() -> None:
    """The shipped schema and records.py agree: same fields, same required ones, same enum values."""
    defs = schema()["$defs"]
    common = defs["common"]
    assert defs["kind"]["enum"] == [k.value for k in Kind]
    for kind, cls in EVENT_CLASSES.items():
        own = defs[kind.value]
        fields = {a.name: a for a in attrs.fields(cls)}
        properties = {**common["properties"], **own["properties"]}
        assert set(properties) == {"kind", *fields}, kind
        required = {name for name, a in fields.items() if a.default is attrs.NOTHING}
        assert set(common["required"]) | set(own["required"]) == {"kind", *required}, kind
        assert own["unevaluatedProperties"] is False
        for name, hint in typing.get_type_hints(cls).items():
            if isinstance(hint, type) and issubclass(hint, enum.Enum) and name in properties:
                prop = properties[name]
                values = prop["enum"] if "enum" in prop else defs[prop["$ref"].rsplit("/", 1)[1]]["enum"]
                assert values == [m.value for m in hint], (kind, name)


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


# -- iCalendar


def vevents(text: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return [item for item in calendar.walk("VEVENT") if isinstance(item, icalendar.Event)]


def assert_ics_matches(text: str, timeline: Timeline) -> None:
    items = vevents(text)
    assert [str(v["UID"]) for v in items] == [f"{e.id}@vndiplo" for e in timeline]
    for item, event in zip(items, timeline, strict=True):
        start, end = item.decoded("DTSTART"), item.decoded("DTEND")
        assert type(start) is dt.date
        assert type(end) is dt.date  # all-day: VALUE=DATE, no time
        assert start == event.when.earliest
        assert end == event.when.latest + dt.timedelta(days=1)
        assert When.parse(str(item["X-VNDIPLO-WHEN"])) == event.when
        assert str(item["SUMMARY"]) == event.title


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


# -- TimelineJS

_DATE = {
    "type": "object",
    "required": ["year"],
    "properties": {
        "year": {"type": "integer"},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "hour": {"type": "integer"},
        "minute": {"type": "integer"},
        "second": {"type": "integer"},
        "millisecond": {"type": "integer"},
        "display_date": {"type": "string"},
    },
    "additionalProperties": False,
}
_TEXT = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
    "additionalProperties": False,
}
TIMELINEJS_SCHEMA: dict[str, Any] = {
    # Written from https://timeline.knightlab.com/docs/json-format.html: an object with a title
    # slide, events (slides) and eras; a date object has year and optionally finer parts.
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["events"],
    "properties": {
        "title": {"$ref": "#/$defs/slide"},
        "events": {"type": "array", "items": {"$ref": "#/$defs/slide", "required": ["start_date"]}},
        "eras": {"type": "array", "items": {"$ref": "#/$defs/era"}},
        "scale": {"enum": ["human", "cosmological"]},
    },
    "additionalProperties": False,
    "$defs": {
        "date": _DATE,
        "text": _TEXT,
        "slide": {
            "type": "object",
            "properties": {
                "start_date": {"$ref": "#/$defs/date"},
                "end_date": {"$ref": "#/$defs/date"},
                "text": {"$ref": "#/$defs/text"},
                "media": {"type": "object"},
                "group": {"type": "string"},
                "display_date": {"type": "string"},
                "background": {"type": "object"},
                "autolink": {"type": "boolean"},
                "unique_id": {"type": "string"},
            },
            "additionalProperties": False,
        },
        "era": {
            "type": "object",
            "required": ["start_date", "end_date"],
            "properties": {
                "start_date": {"$ref": "#/$defs/date"},
                "end_date": {"$ref": "#/$defs/date"},
                "text": {"$ref": "#/$defs/text"},
            },
            "additionalProperties": False,
        },
    },
}


def assert_timelinejs_matches(doc: dict[str, Any], timeline: Timeline) -> None:
    jsonschema.Draft202012Validator(TIMELINEJS_SCHEMA).validate(doc)
    slides = doc["events"]
    assert [s["unique_id"] for s in slides] == [e.id for e in timeline]
    for slide, event in zip(slides, timeline, strict=True):
        dates = [slide["start_date"]] + ([slide["end_date"]] if "end_date" in slide else [])
        assert [(d["year"], d.get("month"), d.get("day")) for d in dates] == parts(event.when)
        assert slide["group"] == event.kind.value
        plain_days = all(
            p.precision is Precision.DAY and not (p.approximate or p.uncertain)
            for p in (event.when.start, event.when.end or event.when.start)
        )
        assert slide.get("display_date") == (None if plain_days else event.when.human())


def test_timelinejs_has_the_documented_shape_and_invents_no_month_or_day(tl: Timeline) -> None:
    doc = json.loads(to_timelinejs(tl))
    assert_timelinejs_matches(doc, tl)
    assert doc["title"]["text"]["headline"] == "Vietnam's diplomatic history"
    headlines = [era["text"]["headline"] for era in doc["eras"]]
    assert headlines == [era.headline for era in ERAS]
    assert [(e["start_date"], e["end_date"]) for e in doc["eras"]] == [
        ({"year": 1945}, {"year": 1954}),
        ({"year": 1954}, {"year": 1975}),
        ({"year": 1975}, {"year": 1986}),
        ({"year": 1986}, {"year": 2006}),
        ({"year": 2007}, {"year": 2025}),
    ]


def test_timelinejs_shows_only_the_eras_the_events_touch(tl: Timeline) -> None:
    doc = document(tl.between(1978, 1978, within=True))
    assert [era["text"]["headline"] for era in doc["eras"]] == ["Reunification and isolation"]
    assert document([])["eras"] == []


def test_timelinejs_escapes_html(tl: Timeline) -> None:
    event = attrs.evolve(tl["1995-07-28-asean-accession"], title="ASEAN <b>& friends</b>", summary="1 < 2.")
    (slide,) = document([event])["events"]
    assert slide["text"]["headline"] == "ASEAN &lt;b&gt;&amp; friends&lt;/b&gt;"
    assert slide["text"]["text"].startswith("<p>1 &lt; 2.</p><p>Sources: <a href=")


@SMALL
@given(timelines())
def test_timelinejs_random_timelines_have_the_shape_and_only_the_records_date_parts(timeline: Timeline) -> None:
    """No slide has a month or day its record lacks; coarse or qualified dates carry the human form."""
    assert_timelinejs_matches(json.loads(to_timelinejs(timeline)), timeline)


# -- Markdown

_HEADING = re.compile(r"^## (\d{4})$", re.MULTILINE)
_BULLET = re.compile(r"^- \*\*(.+?)\*\* — (.+) \*\((\w+)\)\*$", re.MULTILINE)


def test_markdown_has_a_heading_per_year_and_a_bullet_per_event(tl: Timeline) -> None:
    text = to_markdown(tl)
    assert text.startswith("# Vietnam's diplomatic history\n")
    assert [int(y) for y in _HEADING.findall(text)] == sorted({e.when.start.year for e in tl})
    bullets = _BULLET.findall(text)
    assert len(bullets) == len(tl)
    assert [(date, kind) for date, _, kind in bullets] == [(e.when.human(), e.kind.value) for e in tl]
    assert "- **28 Aug 1945** — Ministry of Foreign Affairs established" in text


@pytest.mark.parametrize("renderer", ["markdown_it", "markdown"])
def test_markdown_renders_as_a_list_per_year(tl: Timeline, renderer: str) -> None:
    """A CommonMark renderer and Python-Markdown (MkDocs) both see one <li> per event, summaries inside."""
    events = tl.between(1954, 1956)
    text = to_markdown(events)
    if renderer == "markdown_it":
        import markdown_it

        rendered = markdown_it.MarkdownIt().render(text)
    else:
        import markdown

        rendered = markdown.markdown(text)
    assert rendered.count("<h2>") == len(events.by_year())
    items = re.findall(r"<li>(.*?)</li>", rendered, re.DOTALL)
    assert len(items) == len(events)
    for item, event in zip(items, events, strict=True):
        text = unescape(re.sub(r"<[^>]+>", "", item))
        assert event.title in text
        assert event.summary in text


def test_markdown_escapes_formatting_characters(tl: Timeline) -> None:
    import markdown_it

    event = attrs.evolve(tl["1995-07-28-asean-accession"], title="A *bold* [link] _claim_")
    rendered = markdown_it.MarkdownIt().render(to_markdown([event]))
    assert "A *bold* [link] _claim_" in rendered


@SMALL
@given(timelines())
def test_markdown_random_timelines_have_one_bullet_per_event(timeline: Timeline) -> None:
    text = to_markdown(timeline)
    assert len(_BULLET.findall(text)) == len(timeline)
    assert [int(y) for y in _HEADING.findall(text)] == list(timeline.by_year())


# -- every text format


def test_a_print_source_without_a_url_is_cited_by_name(tl: Timeline) -> None:
    printed = vndiplo.Source(publisher="Nhân Dân", title="Front page, 29 July 1995")
    event = attrs.evolve(tl["1995-07-28-asean-accession"], sources=(printed,))
    (item,) = vevents(to_ics([event]))
    assert "URL" not in item
    assert str(item["DESCRIPTION"]).endswith("Source: Nhân Dân, Front page, 29 July 1995")
    assert "Sources: Nhân Dân, *Front page, 29 July 1995*" in to_markdown([event])
    assert next(csv.DictReader(io.StringIO(to_csv([event]))))["source_urls"] == ""
    assert document([event])["events"][0]["text"]["text"].endswith("<p>Sources: Nhân Dân</p>")


# -- pandas


def test_frame_has_the_csv_columns_and_useful_dtypes(tl: Timeline) -> None:
    import pandas as pd

    df = to_frame(tl)
    assert tuple(df.columns) == COLUMNS
    assert len(df) == len(tl)
    assert list(df["id"]) == [e.id for e in tl]
    assert pd.api.types.is_datetime64_dtype(df["first_day"])
    assert pd.api.types.is_datetime64_dtype(df["last_day"])
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype)
    assert list(df["kind"].cat.categories) == [k.value for k in Kind]
    assert str(df["years"].dtype) == "Int64"
    assert [d.date() for d in df["first_day"]] == [e.when.earliest for e in tl]
    assert df["kind"].value_counts().to_dict() == tl.counts("kind")


def test_frame_agrees_with_the_csv_read_by_pandas(tl: Timeline) -> None:
    import pandas as pd

    events = tl.between(1995, 1995)
    df = to_frame(events)
    read = pd.read_csv(io.StringIO(to_csv(events)), parse_dates=["first_day", "last_day"])
    assert list(read["id"]) == list(df["id"])
    assert list(read["first_day"]) == list(df["first_day"])
    assert list(read["title_vi"].isna()) == list(df["title_vi"].isna())


def test_frame_of_no_events_is_empty_with_the_columns() -> None:
    df = to_frame([])
    assert tuple(df.columns) == COLUMNS
    assert len(df) == 0


def test_frame_without_pandas_says_which_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=re.escape("pip install 'vndiplo[pandas]'")):
        to_frame([])


# -- Frictionless data package


def test_descriptor_describes_the_csv_columns() -> None:
    resource = descriptor()["resources"][0]
    assert resource["path"] == "events.csv"
    fields = resource["schema"]["fields"]
    assert [f["name"] for f in fields] == list(COLUMNS)
    types = {f["name"]: f["type"] for f in fields}
    assert types["first_day"] == types["last_day"] == "date"
    assert {types[c] for c in COLUMNS if c not in ("first_day", "last_day", "edition", "years")} == {"string"}
    assert resource["schema"]["primaryKey"] == ["id"]
    assert descriptor("data/e.csv")["resources"][0]["path"] == "data/e.csv"


def test_data_package_is_valid_for_frictionless(tmp_path: Path) -> None:
    import frictionless

    path = write_package(tmp_path / "package")
    assert path == tmp_path / "package" / "datapackage.json"
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    assert report.tasks[0].stats["rows"] == len(vndiplo.timeline())


def test_frictionless_catches_a_broken_package(tmp_path: Path, tl: Timeline) -> None:
    """The validator really reads the cells: a bad date and a repeated id are reported."""
    import frictionless

    path = write_package(tmp_path, tl.between(1995, 1995))
    csv_path = tmp_path / "events.csv"
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    rows[0]["first_day"] = "1995-02-30"
    rows.append(rows[1])
    with csv_path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    report = frictionless.validate(str(path))
    assert not report.valid
    assert {"type-error", "primary-key"} <= {error.type for error in report.tasks[0].errors}
