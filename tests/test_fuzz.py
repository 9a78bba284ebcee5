"""Fuzzing the boundaries: arbitrary input raises only the documented exceptions, never anything else."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import vndiplo
from vndiplo import DataError, Timeline
from vndiplo.cli import main
from vndiplo.dataset import read_events

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=20,
)
ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(),
    st.text(max_size=20),
    st.binary(max_size=10),
    st.dates(),
    st.lists(st.text(max_size=5), max_size=3),
    st.tuples(st.integers(), st.integers()),
    st.sampled_from(["1995", "1995-07", "1995-07-28", "07-28", "USA", "Hà Nội", "visit", "2008/2009", "", "02-29"]),
)
DOCUMENTED = (ValueError, TypeError, KeyError)
TL = vndiplo.timeline()
SAMPLE = json.loads((Path(vndiplo.__file__).parent / "data" / "events" / "1990s.json").read_text("utf-8"))


@given(JSON)
def test_any_json_into_the_loader_gives_events_or_data_problems(value: Any) -> None:
    events, problems = read_events(json.dumps(value).encode(), "fuzz.json")
    assert events or problems or value == []
    assert all(p.file == "fuzz.json" for p in problems)


@given(st.binary(max_size=200))
def test_any_bytes_into_the_loader_give_problems_not_crashes(data: bytes) -> None:
    events, problems = read_events(data, "fuzz.json")
    assert all(p.file == "fuzz.json" and p.message for p in problems)
    if not problems:  # only a JSON list of valid events (in practice: an empty list) reads without problems
        assert json.loads(data) == [] or events


@given(st.integers(0, len(SAMPLE) - 1), st.text(min_size=1, max_size=12), JSON)
def test_a_real_record_with_any_field_replaced_is_loaded_or_rejected_as_data(index: int, key: str, value: Any) -> None:
    record = {**SAMPLE[index], key: value}
    events, problems = read_events(json.dumps([record]).encode(), "fuzz.json")
    assert len(events) + len({p.event_id for p in problems}) >= 1


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(JSON)
def test_load_raises_only_data_error(tmp_path: Path, value: Any) -> None:
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    problems: tuple[object, ...] = ()
    try:
        vndiplo.load(path)
    except DataError as exc:
        problems = exc.problems
    assert problems or value == []


QUERIES: list[tuple[str, Any]] = [
    ("between", lambda tl, a, b: tl.between(a, b)),
    ("between-within", lambda tl, a, b: tl.between(a, b, within=True)),
    ("on", lambda tl, a, b: tl.on(a)),
    ("in_year", lambda tl, a, b: tl.in_year(a)),
    ("of_kind", lambda tl, a, b: tl.of_kind(a, b)),
    ("of_state", lambda tl, a, b: tl.of_state(a)),
    ("involving", lambda tl, a, b: tl.involving(a, b)),
    ("search", lambda tl, a, b: tl.search(a)),
    ("on_this_day", lambda tl, a, b: tl.on_this_day(a)),
    ("anniversaries", lambda tl, a, b: tl.anniversaries(a, every=b)),
    ("partners", lambda tl, a, b: tl.partners(a, level=b)),
    ("getitem", lambda tl, a, b: tl[a]),
    ("get", lambda tl, a, b: tl.get(a)),
    ("counts", lambda tl, a, b: tl.counts(a)),
    ("contains", lambda tl, a, b: a in tl),
    ("parse", lambda tl, a, b: vndiplo.When.parse(a)),
    ("partial", lambda tl, a, b: vndiplo.PartialDate(a, b)),
    ("actors.get", lambda tl, a, b: vndiplo.actors().get(a)),
    ("actors.lookup", lambda tl, a, b: vndiplo.actors().lookup(a)),
]


@pytest.mark.parametrize(("name", "query"), QUERIES, ids=[q[0] for q in QUERIES])
@given(a=ANYTHING, b=ANYTHING)
def test_queries_raise_only_documented_exceptions(name: str, query: Any, a: Any, b: Any) -> None:
    try:
        result = query(TL, a, b)
    except DOCUMENTED:
        return
    assert (
        result is None
        or isinstance(result, (Timeline, dict, list, bool, vndiplo.Event, vndiplo.Actor))
        or (name in ("parse", "partial"))
    )


WORDS = st.sampled_from(
    [
        "list",
        "show",
        "on-this-day",
        "anniversaries",
        "partners",
        "stats",
        "validate",
        "format",
        "--from",
        "--to",
        "--kind",
        "--with",
        "--search",
        "--state",
        "--every",
        "--as-of",
        "--level",
        "--check",
        "--organisations",
        "visit",
        "DRV",
        "1995",
        "1995-13",
        "07-28",
        "2025",
        "0",
        "-1",
        "USA",
        "Pháp",
        "",
        "--",
        "-x",
        "--help",
        "1995-07-28-asean-accession",
        "strategic_partnership",
        "/no/such/file",
    ]
)


@given(st.lists(WORDS | st.text(max_size=8), max_size=6))
@example(["validate", "\x00"])  # a file name the OS cannot hold: once a ValueError from pathlib
def test_cli_exits_0_1_or_2_and_never_raises(argv: list[str]) -> None:
    if "--help" in argv or (argv and argv[0] == "format" and not argv[1:]):
        argv = [a for a in argv if a != "--help"]
    if argv[:1] == ["format"]:
        argv = ["format", "--check", *argv[1:]]  # never rewrite anything while fuzzing
    code = main(argv, io.StringIO())
    assert code in (0, 1, 2)


def test_dates_far_outside_the_data_are_fine() -> None:
    assert len(TL.between(dt.date(1, 1, 1), dt.date(9999, 12, 31))) == len(TL)
    assert len(TL.between(1000, 1001)) == 0
