"""Mutation tests over real packaged records: every careless edit is rejected whole and clearly.

Each case takes a packaged event (one of each kind), breaks it the way a
careless user or editor might, and checks that loading raises DataError whose
problem names the file, the event id (where there is one) and the field.
"""

from __future__ import annotations

import copy
import json
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import vndiplo
from vndiplo import DataError, Kind
from vndiplo.records import EVENT_CLASSES, Conflict, ConflictPhase, Event

Raw = dict[str, Any]


def _samples() -> list[Raw]:
    """The first packaged event of each kind, as its canonical JSON object."""
    from vndiplo.convert import unstructure_event

    picked: dict[Kind, Event] = {}
    for event in vndiplo.timeline():
        # A one-off conflict: a beginning or end would need its partner to name the copy back.
        if not (isinstance(event, Conflict) and event.phase is not ConflictPhase.SINGLE):
            picked.setdefault(event.kind, event)
    # A fresh id each, so that the samples can be loaded beside the packaged set they link into;
    # each names its original in related, so that a copied visit is not taken for a duplicate.
    return [
        {
            **unstructure_event(picked[kind]),
            "id": f"{picked[kind].id}-mutant",
            "related": [*picked[kind].related, picked[kind].id],
        }
        for kind in Kind
    ]


SAMPLES = _samples()
WRONG_TYPES: list[object] = [None, 17, 2.5, True, "text", [], ["A", 1], {"a": 1}]


def _is_acceptable(cls: type[Event], name: str, value: object) -> bool:
    """Whether a replacement value is in fact valid for the field (then it is not a mutation)."""
    declared = attrs.fields_dict(attrs.resolve_types(cls))[name].type
    is_union = typing.get_origin(declared) in (typing.Union, types.UnionType)
    options = set(typing.get_args(declared)) if is_union else {declared}
    if value is None:
        return type(None) in options
    if isinstance(value, list) and not value:
        return any(typing.get_origin(t) in (tuple, frozenset) for t in options)
    if isinstance(value, str):
        return str in options
    if isinstance(value, int) and not isinstance(value, bool):
        return int in options
    return False


def _cases() -> list[tuple[str, Raw, list[Raw], str | None, str]]:
    """(case name, the original, the mutated file content, event id to report, field to report)."""
    cases: list[tuple[str, Raw, list[Raw], str | None, str]] = []
    for raw in SAMPLES:
        cls = EVENT_CLASSES[Kind(raw["kind"])]
        rid = raw["id"]

        def add(name: str, events: list[Raw], field: str, event_id: str | None = rid, raw: Raw = raw) -> None:
            cases.append((f"{raw['kind']}-{name}", raw, events, event_id, field))

        def changed(fields: dict[str, object], raw: Raw = raw) -> Raw:
            return {**copy.deepcopy(raw), **fields}

        for field in attrs.fields(cls):
            if field.default is attrs.NOTHING:
                dropped = [{k: v for k, v in raw.items() if k != field.name}]
                add(f"drop-{field.name}", dropped, field.name, event_id="#0" if field.name == "id" else rid)
            for value in WRONG_TYPES:
                if not _is_acceptable(cls, field.name, value) and value != raw.get(field.name):
                    label = f"type-{field.name}-{type(value).__name__}-{value!r}"
                    add(
                        label,
                        [changed({field.name: value})],
                        field.name,
                        event_id="#0" if field.name == "id" else rid,
                    )
        add("unknown-key", [changed({"colour": "red"})], "colour")
        add("missing-kind", [{k: v for k, v in raw.items() if k != "kind"}], "kind")
        add("unknown-kind", [changed({"kind": "treaty"})], "kind")
        for bad in ["1995-7-28", "July 1995", "", "1995-13", "1995-02-30", "95", "1995/1994", "2025-01-01/2024", "x"]:
            add(f"date-{bad!r}", [changed({"when": bad})], "when")
        add("state-mismatch", [changed({"state": "SRV" if raw["state"] != "SRV" else "DRV"})], "state")
        add("duplicate-id", [raw, copy.deepcopy(raw)], "id")
        add("dangling-related", [changed({"related": ["1900-no-such-event"]})], "related[0]")
        add(
            "unknown-counterpart",
            [changed({"counterparts": [*raw.get("counterparts", []), "ATLANTIS"]})],
            "counterparts",
        )
        add("lowercase-counterpart", [changed({"counterparts": ["usa"]})], "counterparts[0]")
        add("empty-sources", [changed({"sources": []})], "sources")
        add(
            "source-without-title",
            [changed({"sources": [{"publisher": "P", "url": "https://x.org"}]})],
            "sources[0].title",
        )
        add(
            "source-bad-url",
            [changed({"sources": [{"publisher": "P", "title": "T", "url": "ftp://x"}]})],
            "sources[0].url",
        )
        add("id-not-slug", [changed({"id": "Not A Slug"})], "id", event_id="Not A Slug")
        add("id-number", [changed({"id": 42})], "id", event_id="#0")
        add("tags-uppercase", [changed({"tags": ["Trade"]})], "tags")
        add("title-multiline", [changed({"title": "one\ntwo"})], "title")
        add("disputed-bad", [changed({"disputed": [{"when": "1995", "note": "n"}]})], "disputed[0].source")
        add("summary-vi-empty", [changed({"summary_vi": ""})], "summary_vi")
        add("summary-vi-blank", [changed({"summary_vi": "   "})], "summary_vi")
        mismatched = "1999-01-01-mutant" if not rid.startswith("1999-01-01") else "2000-01-01-mutant"
        add("id-date-mismatch", [changed({"id": mismatched})], "id", event_id=mismatched)
        if raw["kind"] == "visit":
            add("host-not-a-counterpart", [changed({"host": "NZL", "counterparts": ["FRA"]})], "host")
        if raw["kind"] == "mission":
            add("host-not-a-counterpart", [changed({"host": "NZL", "counterparts": ["FRA"]})], "host")
            add("in-vietnam-without-its-state", [changed({"host": "VNM", "counterparts": []})], "counterparts")
            add("unknown-mission", [changed({"mission": "castle"})], "mission")
            add("unknown-action", [changed({"action": "demolished"})], "action")
        if raw["kind"] == "conflict":
            add("unknown-nature", [changed({"nature": "skirmish"})], "nature")
            add("unknown-phase", [changed({"phase": "paused"})], "phase")
            add("began-without-its-end", [changed({"phase": "began", "related": []})], "related")
            add("ended-without-its-beginning", [changed({"phase": "ended", "related": []})], "related")
        if raw["kind"] == "anniversary":
            add("dangling-commemorates", [changed({"commemorates": "1900-no-such-event"})], "commemorates")
            add("wrong-years", [changed({"years": raw["years"] + 1})], "years")
    return cases


CASES = _cases()


def test_the_suite_tries_many_mutations() -> None:
    assert len(CASES) >= 500


@pytest.mark.parametrize(("name", "original", "events", "event_id", "field"), CASES, ids=[c[0] for c in CASES])
def test_mutation_is_rejected_naming_file_event_and_field(
    tmp_path: Path, name: str, original: Raw, events: list[Raw], event_id: str | None, field: str
) -> None:
    path = tmp_path / "mutated.json"
    path.write_text(json.dumps(events, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataError) as info:
        vndiplo.load(path, with_packaged=True)
    problems = info.value.problems
    assert problems, name
    where = [p for p in problems if p.file == str(path)]
    assert where, f"{name}: no problem names the file: {problems}"
    if event_id is not None:
        assert any(p.event_id == event_id for p in where), f"{name}: {problems}"
    assert any(p.field is not None and p.field.startswith(field) for p in where), f"{name}: {problems}"


FILE_CASES: list[tuple[str, Callable[[bytes], bytes], str]] = [
    ("top-level-object", lambda data: json.dumps({"events": json.loads(data)}).encode(), "expected a JSON list"),
    ("top-level-string", lambda data: b'"events"', "expected a JSON list"),
    # cut at a character, not a byte: a cut inside a multi-byte letter would be a UTF-8 error instead
    ("truncated", lambda data: (text := data.decode())[: len(text) // 2].encode(), "not valid JSON"),
    ("not-utf8", lambda data: data.replace("ệ".encode(), "ệ".encode("utf-16-le"), 1) + b"\xff", "not UTF-8"),
    ("latin-1", lambda data: data.decode("utf-8").encode("utf-8", "replace").replace(b"\xc3", b"\xff", 1), "not UTF-8"),
    ("empty", lambda data: b"", "empty"),
    ("whitespace", lambda data: b" \n\t", "empty"),
    ("duplicate-key", lambda data: data.replace(b'"kind":', b'"title": "x", "kind":', 1), "appears twice"),
    ("nan", lambda data: data.replace(b"[", b"[NaN, ", 1), "not valid JSON"),
]


@pytest.mark.parametrize(("name", "mutate", "message"), FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_broken_files_are_rejected_whole(
    tmp_path: Path, name: str, mutate: Callable[[bytes], bytes], message: str
) -> None:
    from vndiplo.packaged import packaged_event_files

    data = packaged_event_files()[-1].read_bytes()
    path = tmp_path / "broken.json"
    path.write_bytes(mutate(data))
    with pytest.raises(DataError) as info:
        vndiplo.load(path)
    assert any(p.file == str(path) and message in p.message for p in info.value.problems), info.value.problems


def test_packaged_checks_reject_dates_outside_the_range() -> None:
    """Users' files may go past 2025; the packaged set may not."""
    from vndiplo.convert import structure_event
    from vndiplo.dataset import check_set

    late = structure_event({**SAMPLES[0], "id": "2031-01-01-late", "when": "2031-01-01", "state": "SRV", "related": []})
    problems = check_set([("events/2030s.json", [late])], vndiplo.actors(), packaged=True)
    assert [(p.file, p.event_id, p.field) for p in problems] == [("events/2030s.json", "2031-01-01-late", "when")]


def test_one_bad_event_rejects_the_whole_load(tmp_path: Path) -> None:
    """Nothing is half-loaded: a good file beside a bad one gives no Timeline at all."""
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(SAMPLES[:1]), encoding="utf-8")
    bad.write_text(json.dumps([{**SAMPLES[1], "id": "2020-02-30-x", "when": "2020-02-30"}]), encoding="utf-8")
    assert len(vndiplo.load(good, with_packaged=True)) == len(vndiplo.timeline()) + 1
    with pytest.raises(DataError):
        vndiplo.load([good, bad], with_packaged=True)
