"""Timeline queries: each equals a brute-force filter over the same events."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.samples import relation
from vndiplo import (
    Anniversary,
    Event,
    Kind,
    Source,
    Timeline,
    UnknownEventError,
    Visit,
    VisitDirection,
    VisitLevel,
    VnState,
    When,
)
from vndiplo.dates import as_bounds
from vndiplo.strategies import events, partial_dates, timelines

bounds = st.tuples(partial_dates(1940, 2032), partial_dates(1940, 2032)).map(
    lambda pair: sorted(pair, key=lambda d: d.earliest)
)


@given(timelines())
def test_iteration_is_in_date_order(tl: Timeline) -> None:
    keys = [e.sort_key() for e in tl]
    assert keys == sorted(keys)
    assert len(tl) == len(keys) == len({e.id for e in tl})


@given(timelines(), bounds)
def test_between_matches_brute_force(tl: Timeline, pair: list[object]) -> None:
    """Overlap: first_day <= end's last day and last_day >= start's first day."""
    start, end = pair
    low, high = as_bounds(start)[0], as_bounds(end)[1]
    expected = [e for e in tl if e.when.earliest <= high and e.when.latest >= low]
    assert list(tl.between(start, end)) == expected  # type: ignore[arg-type]


@given(timelines(), bounds)
def test_between_within_matches_brute_force_and_is_a_subset(tl: Timeline, pair: list[object]) -> None:
    start, end = pair
    low, high = as_bounds(start)[0], as_bounds(end)[1]
    within = tl.between(start, end, within=True)  # type: ignore[arg-type]
    assert list(within) == [e for e in tl if low <= e.when.earliest and e.when.latest <= high]
    overlapping = set(tl.between(start, end))  # type: ignore[arg-type]
    assert set(within) <= overlapping


@given(timelines(), st.sets(st.sampled_from(list(Kind)), min_size=1))
def test_of_kind_matches_brute_force(tl: Timeline, kinds: set[Kind]) -> None:
    assert list(tl.of_kind(*kinds)) == [e for e in tl if e.kind in kinds]
    assert list(tl.of_kind(*(k.value for k in kinds))) == list(tl.of_kind(*kinds))


@given(timelines(), st.sets(st.sampled_from(["USA", "CHN", "FRA", "ASEAN", "UN"]), min_size=1))
def test_involving_matches_brute_force(tl: Timeline, codes: set[str]) -> None:
    assert list(tl.involving(*codes)) == [e for e in tl if set(e.counterparts) & codes]


@given(timelines(), st.dates(dt.date(2000, 1, 1), dt.date(2000, 12, 31)))
def test_on_this_day_matches_brute_force(tl: Timeline, day: dt.date) -> None:
    expected = [
        e for e in tl if e.when.start.day is not None and (e.when.start.month, e.when.start.day) == (day.month, day.day)
    ]
    assert list(tl.on_this_day(f"{day.month:02d}-{day.day:02d}")) == expected
    assert list(tl.on_this_day(day)) == expected


@given(timelines(), st.integers(1940, 2040), st.integers(1, 30))
def test_anniversaries_match_brute_force(tl: Timeline, year: int, every: int) -> None:
    """years = year - start year, positive, divisible by every; anniversary records left out."""
    expected = [
        (e, year - e.when.start.year)
        for e in tl
        if not isinstance(e, Anniversary) and year - e.when.start.year > 0 and (year - e.when.start.year) % every == 0
    ]
    assert tl.anniversaries(year, every=every) == expected


@given(timelines(), bounds, st.sampled_from(list(Kind)), st.sampled_from(["USA", "CHN", "ASEAN"]))
def test_filters_commute(tl: Timeline, pair: list[object], kind: Kind, code: str) -> None:
    start, end = pair
    a = tl.between(start, end).of_kind(kind).involving(code)  # type: ignore[arg-type]
    b = tl.involving(code).of_kind(kind).between(start, end)  # type: ignore[arg-type]
    c = tl.of_kind(kind).between(start, end).involving(code)  # type: ignore[arg-type]
    assert a == b == c


@given(timelines())
def test_by_year_and_counts_partition_the_timeline(tl: Timeline) -> None:
    years = tl.by_year()
    assert sum(len(t) for t in years.values()) == len(tl)
    assert all(e.when.start.year == y for y, t in years.items() for e in t)
    assert sum(tl.counts("kind").values()) == len(tl)
    assert sum(tl.counts("decade").values()) == len(tl)


def test_partners_follow_the_latest_event_levels_and_successors() -> None:
    from vndiplo import RelationLevel as L

    tl = Timeline(
        [
            relation("SUN", "1950-01-30", "diplomatic_relations"),
            relation("USA", "1995-07-12", "normalisation"),
            relation("USA", "2013-07-25", "comprehensive_partnership"),
            relation("USA", "2023-09-10", "comprehensive_strategic_partnership"),
            relation("CHL", "1971-03-25", "diplomatic_relations"),
            relation("CHL", "1973-09-27", "severed"),
            relation("CHL", "1990-03-25", "restored"),
        ]
    )
    assert set(tl.partners("1980")) == {"SUN"}  # Chile severed; the US not yet
    assert set(tl.partners("1991-12-31")) == {"CHL", "RUS"}  # the Soviet Union ended, Russia inherits
    assert tl.partners("1991-12-31")["RUS"].counterpart == "SUN"
    assert tl.partners("2014", level="comprehensive_partnership").keys() == {"USA"}
    assert tl.partners("2014", level="strategic_partnership") == {}
    assert tl.partners("2023-12-31", level=L.COMPREHENSIVE_STRATEGIC_PARTNERSHIP)["USA"].when.start.year == 2023
    with pytest.raises(ValueError, match="unknown level 'strategic'"):
        tl.partners("2020", level="strategic")
    with pytest.raises(ValueError, match="severed"):
        tl.partners("2020", level="severed")


def test_lookup_by_id_suggests_close_ids() -> None:
    tl = Timeline([relation("USA", "1995-07-12", "normalisation")])
    event = next(iter(tl))
    assert tl[event.id] is event
    assert event.id in tl
    assert event in tl
    with pytest.raises(UnknownEventError, match="did you mean") as info:
        tl[event.id[:-1] + "x"]
    assert isinstance(info.value, KeyError)
    with pytest.raises(TypeError):
        tl[0]  # type: ignore[index]
    assert tl.get("nope") is None


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda tl: tl.between("1960", "1950"), ValueError, "reversed range"),
        (lambda tl: tl.between("1960-13", "1970"), ValueError, "1960-13"),
        (lambda tl: tl.between(None, "1970"), TypeError, "None"),
        (lambda tl: tl.of_kind("vist"), ValueError, "did you mean 'visit'"),
        (lambda tl: tl.of_kind(3), TypeError, "a kind is"),
        (lambda tl: tl.of_kind(), TypeError, "at least one"),
        (lambda tl: tl.involving("Atlantis"), ValueError, "unknown actor 'Atlantis'"),
        (lambda tl: tl.search("  "), ValueError, "at least one word"),
        (lambda tl: tl.search(None), TypeError, "str"),
        (lambda tl: tl.on_this_day("7-28"), ValueError, "MM-DD"),
        (lambda tl: tl.on_this_day("02-30"), ValueError, "no such day"),
        (lambda tl: tl.anniversaries(2025, every=0), ValueError, "every"),
        (lambda tl: tl.anniversaries("2025"), TypeError, "year"),
        (lambda tl: tl.counts("colour"), ValueError, "choose one of"),
    ],
)
def test_bad_query_arguments_raise_clear_errors(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call(Timeline())  # type: ignore[operator]


def test_involving_accepts_names_in_both_languages_and_aliases() -> None:
    visit = Visit(
        id="2023-09-10-biden",
        when=When.parse("2023-09-10"),
        state=VnState.SRV,
        title="t",
        summary="s",
        counterparts=("USA",),
        sources=(Source(publisher="p", title="t"),),
        direction=VisitDirection.INBOUND,
        level=VisitLevel.STATE,
        host="VNM",
    )
    tl = Timeline([visit])
    for name in ("USA", "United States", "Hoa Kỳ", "hoa ky"):
        assert list(tl.involving(name)) == [visit], name


def test_on_this_day_includes_leap_day_events() -> None:
    tl = Timeline([relation("USA", "1996-02-29", "normalisation")])
    assert len(tl.on_this_day("02-29")) == 1
    assert tl.anniversaries(2000, every=4)[0][1] == 4


def test_timeline_is_immutable() -> None:
    tl = Timeline()
    with pytest.raises(AttributeError):
        tl._held = ()
    with pytest.raises(AttributeError):
        tl.anything = 1


def test_timeline_rejects_duplicates_and_non_events() -> None:
    event = relation("USA", "1995-07-12", "normalisation")
    with pytest.raises(ValueError, match="duplicate"):
        Timeline([event, event])
    with pytest.raises(TypeError):
        Timeline(["not an event"])  # type: ignore[list-item]


@given(events())
def test_single_event_timeline_finds_it_by_its_own_dates(event: Event) -> None:
    tl = Timeline([event])
    assert list(tl.between(event.when.start, event.when.end or event.when.start, within=True)) == [event]
    assert list(tl.in_year(event.when.start.year)) == [event]
