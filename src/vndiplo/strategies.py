"""Hypothesis strategies for vndiplo values, for property-based tests of your own code.

Hypothesis is imported when this module is, never by ``import vndiplo``.

>>> from hypothesis import given
>>> from vndiplo.strategies import whens
>>> @given(whens())
... def test_bounds(when):
...     assert when.first_day <= when.last_day
>>> test_bounds()
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from .collection import Timeline
from .dates import PartialDate, When
from .records import (
    EVENT_CLASSES,
    AgreementStage,
    AgreementType,
    AltDate,
    Anniversary,
    ConferenceRole,
    ConflictNature,
    ConflictPhase,
    Event,
    Kind,
    Membership,
    MembershipRole,
    MissionAction,
    MissionType,
    RelationLevel,
    Relations,
    Source,
    VisitDirection,
    VisitLevel,
    VnState,
)

__all__ = ["events", "partial_dates", "sources", "timelines", "whens"]

_FIRST_YEAR, _LAST_YEAR = 1945, 2030
_WORDS = st.sampled_from(
    [
        "Hanoi",
        "Hà Nội",
        "Geneva",
        "Paris",
        "accord",
        "visit",
        "summit",
        "treaty",
        "Việt Nam",
        "partnership",
        "ASEAN",
        "Đà Nẵng",
        "trade",
        "peace",
        "relations",
        "Bắc Kinh",
    ]
)
_TEXT = st.lists(_WORDS, min_size=1, max_size=5).map(" ".join)


@st.composite
def partial_dates(draw: st.DrawFn, /, min_year: int = _FIRST_YEAR, max_year: int = _LAST_YEAR) -> PartialDate:
    """A PartialDate at year, month or day precision, sometimes approximate or uncertain."""
    year = draw(st.integers(min_year, max_year))
    month = draw(st.none() | st.integers(1, 12))
    day = None
    if month is not None:
        day = draw(st.none() | st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(year, month, day, approximate=draw(st.booleans()), uncertain=draw(st.booleans()))


@st.composite
def whens(draw: st.DrawFn, /, min_year: int = _FIRST_YEAR, max_year: int = _LAST_YEAR) -> When:
    """A When: a single PartialDate or a valid span (end not before start)."""
    start = draw(partial_dates(min_year, max_year))
    if draw(st.booleans()):
        return When(start)
    end = draw(partial_dates(start.year, min(max_year, start.year + 3)))
    if end == start or end.earliest < start.earliest or end.latest < start.latest:
        return When(start)
    return When(start, end)


def sources() -> st.SearchStrategy[Source]:
    """A Source with a publisher, title and (usually) an https URL."""
    return st.builds(
        Source,
        publisher=_TEXT,
        title=_TEXT,
        url=st.none()
        | st.sampled_from(["https://vietnamplus.vn/a", "https://en.wikipedia.org/wiki/B", "http://x.org"]),
        published=st.none() | partial_dates(),
    )


def _states_for(when: When) -> list[VnState]:
    fitting = []
    for state in VnState:
        first, last = state.span
        if when.latest >= first and (last is None or when.earliest <= last):
            fitting.append(state)
    return fitting


_SLUGS = st.lists(st.sampled_from(["geneva", "visit", "asean", "x1", "accord", "un"]), min_size=1, max_size=3).map(
    "-".join
)
_PEOPLE = st.lists(st.sampled_from(["Ho Chi Minh", "Pham Van Dong", "To Lam"]), unique=True).map(tuple)
_PLACES = st.lists(st.sampled_from(["Hanoi", "Geneva", "Paris", "Da Nang"]), unique=True).map(tuple)
_TAGS = st.lists(st.sampled_from(["fta", "un", "border", "summit"]), max_size=2).map(frozenset)
_OPTIONAL_TEXT = st.none() | _TEXT
_SOURCES = st.lists(sources(), min_size=1, max_size=2, unique=True).map(tuple)
_DISPUTED = st.lists(st.builds(AltDate, when=whens(), source=sources(), note=_TEXT), max_size=1).map(tuple)
_WHENS = whens(min_year=1946)
_KINDS = st.sampled_from(list(Kind))
_ENUM_STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "relation_level": st.sampled_from(list(RelationLevel)),
    "membership_role": st.sampled_from(list(MembershipRole)),
    "direction": st.sampled_from(list(VisitDirection)),
    "visit_level": st.sampled_from(list(VisitLevel)),
    "stage": st.sampled_from(list(AgreementStage)),
    "agreement_type": st.sampled_from(list(AgreementType)),
    "conference_role": st.sampled_from(list(ConferenceRole)),
    "nature": st.sampled_from(list(ConflictNature)),
    "phase": st.sampled_from(list(ConflictPhase)),
    "mission": st.sampled_from(list(MissionType)),
    "action": st.sampled_from(list(MissionAction)),
    "edition": st.none() | st.integers(1, 60),
    "issuer": st.sampled_from(["Politburo", "Government", "Secretariat"]),
    "years": st.integers(1, 80),
}
_DEFAULT_CODES = ("USA", "CHN", "FRA", "RUS", "JPN", "LAO", "KHM", "GBR", "SUN")
_DEFAULT_ORGANISATIONS = ("ASEAN", "UN", "APEC", "WTO")


@st.composite
def events(
    draw: st.DrawFn,
    /,
    kind: Kind | str | None = None,
    *,
    event_id: str | None = None,
    codes: Sequence[str] = _DEFAULT_CODES,
    organisations: Sequence[str] = _DEFAULT_ORGANISATIONS,
    commemorates: str | None = None,
) -> Event:
    """One valid record of ``kind`` (any kind when None), dated 1945-2030.

    Counterparts come from ``codes`` (states) and ``organisations``; the
    defaults exist in the packaged actors.json. An anniversary
    ``commemorates`` the given id (default: an id of its own making).
    """
    chosen = Kind(kind) if kind is not None else draw(_KINDS)
    cls = EVENT_CLASSES[chosen]
    when = draw(_WHENS)
    slug = draw(_SLUGS)
    pool = [*codes, *organisations]
    counterparts = [pool[i] for i in draw(st.lists(st.integers(0, len(pool) - 1), max_size=3, unique=True))]
    fields: dict[str, Any] = {
        "id": event_id or f"{when.start.iso}-{slug}",
        "when": when,
        "state": (states := _states_for(when))[draw(st.integers(0, len(states) - 1))],
        "title": draw(_TEXT),
        "title_vi": draw(_OPTIONAL_TEXT),
        "summary": draw(_TEXT),
        "summary_vi": draw(_OPTIONAL_TEXT),
        "people": draw(_PEOPLE),
        "places": draw(_PLACES),
        "tags": draw(_TAGS),
        "sources": draw(_SOURCES),
        "disputed": draw(_DISPUTED),
    }
    e = _ENUM_STRATEGIES
    if cls is Relations:
        fields["counterpart"] = codes[draw(st.integers(0, len(codes) - 1))]
        counterparts = [fields["counterpart"], *(c for c in counterparts if c != fields["counterpart"])]
        fields["level"] = draw(e["relation_level"])
    elif cls is Membership:
        fields["organisation"] = organisations[draw(st.integers(0, len(organisations) - 1))]
        counterparts = [fields["organisation"], *(c for c in counterparts if c != fields["organisation"])]
        fields["role"] = draw(e["membership_role"])
    elif cls is Anniversary:
        fields["commemorates"] = commemorates or "1945-08-28-foreign-ministry-founded"
        fields["years"] = draw(e["years"])
    elif chosen is Kind.VISIT:
        host = ("VNM", *codes)[draw(st.integers(0, len(codes)))]
        if host != "VNM" and host not in counterparts:
            counterparts = [host, *counterparts]
        fields.update(direction=draw(e["direction"]), level=draw(e["visit_level"]), host=host)
    elif chosen is Kind.AGREEMENT:
        fields.update(
            stage=draw(e["stage"]),
            agreement_type=draw(e["agreement_type"]),
        )
    elif chosen is Kind.CONFERENCE:
        fields.update(
            role=draw(e["conference_role"]),
            series=draw(_OPTIONAL_TEXT),
            edition=draw(e["edition"]),
        )
    elif chosen is Kind.POLICY:
        fields.update(document=draw(_TEXT), issuer=draw(e["issuer"]))
    elif chosen is Kind.CONFLICT:
        fields.update(nature=draw(e["nature"]), phase=draw(e["phase"]))
    elif chosen is Kind.MISSION:
        host = ("VNM", *codes)[draw(st.integers(0, len(codes)))]
        sending = codes[draw(st.integers(0, len(codes) - 1))]
        needed = [c for c in (host if host != "VNM" else sending,) if c not in counterparts]
        counterparts = [*needed, *counterparts]
        fields.update(mission=draw(e["mission"]), action=draw(e["action"]), host=host)
    else:
        fields.update(body="UNESCO", recognised=draw(_TEXT))
    fields["counterparts"] = tuple(counterparts)
    event: Event = cls(**fields)
    return event


@st.composite
def timelines(draw: st.DrawFn, /, max_size: int = 20, **event_options: Any) -> Timeline:
    """A Timeline of up to ``max_size`` events with unique ids (links are not resolved)."""
    size = draw(st.integers(0, max_size))
    items = [draw(events(**event_options)) for _ in range(size)]
    unique = [attrs.evolve(e, id=f"{e.id}-{i}") for i, e in enumerate(items)]
    return Timeline(unique)
