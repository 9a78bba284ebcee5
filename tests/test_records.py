"""Records and the converter: round trips, strictness, readable errors."""

from __future__ import annotations

import copy
import enum
import json
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import vndiplo
from tests.samples import GENEVA
from vndiplo import Agreement, Event, Kind, Relations, records
from vndiplo.actors import ActorKind
from vndiplo.convert import error_lines, structure_event, unstructure_event
from vndiplo.records import EVENT_CLASSES, label
from vndiplo.strategies import events


def problems_of(data: object) -> list[tuple[str | None, str]]:
    with pytest.raises((ValueError, TypeError, cattrs.BaseValidationError)) as info:
        structure_event(data)
    return error_lines(info.value)


@pytest.mark.parametrize("kind", list(Kind))
@given(data=st.data())
def test_unstructure_structure_round_trips_for_every_kind(kind: Kind, data: st.DataObject) -> None:
    """structure(unstructure(e)) == e, through real JSON text, for every record class."""
    event = data.draw(events(kind))
    text = json.dumps(unstructure_event(event), ensure_ascii=False)
    assert structure_event(json.loads(text)) == event


@given(events())
def test_unstructured_keys_are_in_field_order_with_defaults_left_out(event: Event) -> None:
    data = unstructure_event(event)
    names = ["id", "kind", *(a.name for a in attrs.fields(type(event)) if a.name != "id")]
    assert list(data) == [n for n in names if n in data]
    for a in attrs.fields(type(event)):
        if a.default is not attrs.NOTHING and getattr(event, a.name) == a.default:
            assert a.name not in data
    assert data["kind"] == event.kind.value


def test_kind_is_derived_from_the_class() -> None:
    for kind, cls in EVENT_CLASSES.items():
        assert cls.KIND is kind
    event = structure_event(GENEVA)
    assert isinstance(event, Agreement)
    assert event.kind is Kind.AGREEMENT
    with pytest.raises(TypeError):
        Agreement(kind="visit", **{k: v for k, v in GENEVA.items() if k != "kind"})  # type: ignore[call-arg]


def test_records_are_immutable() -> None:
    event = structure_event(GENEVA)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.title = "changed"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        event.extra = 1  # type: ignore[attr-defined]
    assert isinstance(event.counterparts, tuple)
    assert isinstance(event.tags, frozenset)


def test_event_base_class_cannot_be_built() -> None:
    fields = structure_event(GENEVA)
    values = {a.name: getattr(fields, a.name) for a in attrs.fields(Event)}
    with pytest.raises(TypeError, match="abstract"):
        Event(**values)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"title": 5}, "title", "expected a string"),
        ({"title": ""}, "title", "non-empty"),
        ({"counterparts": "FRA"}, "counterparts", "expected a list"),
        ({"counterparts": ["FRA", "FRA"]}, "counterparts", "duplicates"),
        ({"counterparts": ["fra"]}, "counterparts[0]", "not an actor code"),
        ({"when": "1954-02-30"}, "when", "day 30"),
        ({"when": 1954}, "when", "expected a date string"),
        ({"when": "1946-09/1946-07"}, "when", "ends before it starts"),
        ({"state": "RVN"}, "state", "not one of: DRV, PRG, SRV"),
        ({"state": "SRV"}, "state", "not at 1954-07-21"),
        ({"stage": "dreamt"}, "stage", "not one of"),
        ({"sources": []}, "sources", "at least one source"),
        ({"sources": [{"publisher": "P", "title": "T", "url": "not a url"}]}, "sources[0].url", "not an http"),
        ({"sources": [{"publisher": "P"}]}, "sources[0].title", "required field missing"),
        ({"tags": ["Trade"]}, "tags", "lowercase"),
        ({"tags": "trade"}, "tags", "expected a list"),
        ({"id": "Geneva Accords"}, "id", "not a slug"),
        ({"related": ["1954-07-21-geneva-accords"]}, "related", "itself"),
        ({"extra": True}, "extra", "unknown field"),
        ({"kind": "treaty"}, "kind", "not one of"),
        ({"kind": None}, "kind", "not one of"),
        ({"title_vi": 1}, "title_vi", "expected a string"),
        ({"disputed": [{"when": "1954", "note": "n"}]}, "disputed[0].source", "required"),
    ],
)
def test_bad_values_are_named_with_their_field(change: dict[str, Any], field: str, message: str) -> None:
    data = {**copy.deepcopy(GENEVA), **change}
    found = problems_of(data)
    assert any(f == field and message in m for f, m in found), found


@pytest.mark.parametrize("missing", ["id", "when", "state", "title", "summary", "sources", "stage", "agreement_type"])
def test_missing_required_fields_are_named(missing: str) -> None:
    data = {k: v for k, v in GENEVA.items() if k != missing}
    assert (missing, "required field missing") in problems_of(data)


def test_missing_kind_is_reported_as_such() -> None:
    data = {k: v for k, v in GENEVA.items() if k != "kind"}
    assert problems_of(data) == [("kind", "missing; expected one of: " + ", ".join(Kind))]


@pytest.mark.parametrize("bad", [[], "event", 3, None])
def test_an_event_must_be_an_object(bad: object) -> None:
    assert problems_of(bad)[0][1].startswith("an event must be a JSON object")


def test_every_problem_is_reported_at_once() -> None:
    data = {**GENEVA, "title": 1, "stage": "x", "counterparts": "FRA"}
    assert {f for f, _ in problems_of(data)} >= {"title", "stage", "counterparts"}


def test_relations_counterpart_must_be_listed() -> None:
    base = {**GENEVA, "kind": "relations", "id": "1973-04-12-relations-france", "when": "1973-04-12"}
    base.update(counterpart="FRA", level="diplomatic_relations")
    del base["stage"], base["agreement_type"]
    assert isinstance(structure_event(base), Relations)
    found = problems_of({**base, "counterparts": ["GBR"]})
    assert any(f == "counterpart" and "also be listed" in m for f, m in found), found


def test_state_spans() -> None:
    assert vndiplo.VnState.DRV.span[0].isoformat() == "1945-08-28"
    assert vndiplo.VnState.SRV.span == (vndiplo.VnState.PRG.span[1], None)


RECORD_ENUMS = [
    value
    for value in vars(records).values()
    if isinstance(value, type) and issubclass(value, enum.Enum) and value.__module__ == records.__name__
]


@pytest.mark.parametrize("enum_type", [*RECORD_ENUMS, ActorKind])
def test_every_enum_value_has_vietnamese_words(enum_type: type[enum.Enum]) -> None:
    for member in enum_type:
        vietnamese = label(member, "vi")
        assert vietnamese.strip(), member
        assert vietnamese != label(member), member
