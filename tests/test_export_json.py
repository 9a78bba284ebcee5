"""Exports: JSON, read back by jsonschema against the shipped schema and by the loader."""

from __future__ import annotations

import copy
import enum
import json
import typing
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import given

from tests.export_support import SMALL
from tests.samples import GENEVA
from vndiplo import Kind, Timeline
from vndiplo.dataset import read_events
from vndiplo.export.jsonfile import schema, to_json
from vndiplo.packaged import packaged_event_files
from vndiplo.records import EVENT_CLASSES
from vndiplo.strategies import timelines

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
