"""Exports: TimelineJS, checked against a JSON Schema written from Knight Lab's format docs."""

from __future__ import annotations

import html
import json
from typing import Any

import attrs
import jsonschema
from hypothesis import given

from tests.export_support import SMALL, parts
from vndiplo import Timeline
from vndiplo.dates import Language, Precision
from vndiplo.export.timelinejs import ERAS, document, to_timelinejs
from vndiplo.records import label
from vndiplo.strategies import timelines

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


def assert_timelinejs_matches(doc: dict[str, Any], timeline: Timeline, language: Language = "en") -> None:
    jsonschema.Draft202012Validator(TIMELINEJS_SCHEMA).validate(doc)
    slides = doc["events"]
    assert [s["unique_id"] for s in slides] == [e.id for e in timeline]
    for slide, event in zip(slides, timeline, strict=True):
        dates = [slide["start_date"]] + ([slide["end_date"]] if "end_date" in slide else [])
        assert [(d["year"], d.get("month"), d.get("day")) for d in dates] == parts(event.when)
        assert slide["group"] == label(event.kind, language)
        plain_days = all(
            p.precision is Precision.DAY and not (p.approximate or p.uncertain)
            for p in (event.when.start, event.when.end or event.when.start)
        )
        assert slide.get("display_date") == (None if plain_days else event.when.human(language))


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


# -- in Vietnamese


def test_timelinejs_in_vietnamese_has_the_shape_and_vietnamese_text(tl: Timeline) -> None:
    doc = json.loads(to_timelinejs(tl, language="vi"))
    assert_timelinejs_matches(doc, tl, "vi")
    assert doc["title"]["text"] == {"headline": "Lịch sử ngoại giao Việt Nam", "text": f"{len(tl)} sự kiện, 1945–2025."}
    assert [era["text"]["headline"] for era in doc["eras"]] == [era.headline_vi for era in ERAS]
    assert doc["eras"][3]["text"]["headline"] == "Đổi Mới và mở cửa"
    for slide, event in zip(doc["events"], tl, strict=True):
        assert slide["text"]["headline"] == html.escape(event.title_vi or event.title, quote=False)
        assert slide["text"]["text"].startswith(f"<p>{html.escape(event.summary_vi or event.summary, quote=False)}</p>")
        assert "<p>Nguồn: " in slide["text"]["text"]


def test_timelinejs_in_vietnamese_shows_coarse_dates_in_vietnamese(tl: Timeline) -> None:
    event = next(e for e in tl if str(e.when) == "1978")
    (slide,) = document([event], language="vi")["events"]
    assert slide["display_date"] == "năm 1978"
    assert slide["start_date"] == {"year": 1978}
    month = next(e for e in tl if e.when.end is None and len(str(e.when)) == 7 and str(e.when).endswith("-12"))
    (slide,) = document([month], language="vi")["events"]
    assert slide["display_date"] == f"tháng 12/{month.when.start.year}"


def test_every_era_has_both_languages() -> None:
    for era in ERAS:
        assert all((era.headline, era.text, era.headline_vi, era.text_vi))
        assert era.headline_vi != era.headline


@SMALL
@given(timelines())
def test_timelinejs_in_vietnamese_random_timelines_keep_the_shape(timeline: Timeline) -> None:
    """In Vietnamese too, no slide has a month or day its record lacks."""
    assert_timelinejs_matches(json.loads(to_timelinejs(timeline, language="vi")), timeline, "vi")
