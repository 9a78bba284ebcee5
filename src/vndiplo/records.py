"""The event records: one immutable attrs class per kind of diplomatic event.

Every record shares the fields of :class:`Event` (id, when, state, titles,
counterparts, sources, ...) and adds a few typed fields of its own kind. The
kind is a class constant, so ``Visit(...).kind`` is always ``Kind.VISIT``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable
from typing import Any, ClassVar

import attrs

from .dates import PartialDate, When

__all__ = [
    "EVENT_CLASSES",
    "Agreement",
    "AgreementStage",
    "AgreementType",
    "AltDate",
    "Anniversary",
    "Conference",
    "ConferenceRole",
    "Event",
    "Kind",
    "Membership",
    "MembershipRole",
    "Policy",
    "Recognition",
    "RelationLevel",
    "Relations",
    "Source",
    "Visit",
    "VisitDirection",
    "VisitLevel",
    "VnState",
]

ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SPACE = re.compile(r"\s")
CODE_RE = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")


class Kind(enum.StrEnum):
    """What sort of event a record is."""

    VISIT = "visit"
    AGREEMENT = "agreement"
    MEMBERSHIP = "membership"
    RELATIONS = "relations"
    CONFERENCE = "conference"
    ANNIVERSARY = "anniversary"
    POLICY = "policy"
    RECOGNITION = "recognition"


class VnState(enum.StrEnum):
    """Which Vietnamese state acted."""

    DRV = "DRV"  # Democratic Republic of Vietnam
    PRG = "PRG"  # Provisional Revolutionary Government of the Republic of South Vietnam
    SRV = "SRV"  # Socialist Republic of Vietnam

    @property
    def span(self) -> tuple[dt.date, dt.date | None]:
        """The first and last day the state acted (None: still acting)."""
        return _STATE_SPANS[self]


# The ministry's founding on 28 Aug 1945 counts as the DRV's; the DRV and the
# PRG end on 2 Jul 1976, the day the SRV begins.
_STATE_SPANS: dict[VnState, tuple[dt.date, dt.date | None]] = {
    VnState.DRV: (dt.date(1945, 8, 28), dt.date(1976, 7, 2)),
    VnState.PRG: (dt.date(1969, 6, 6), dt.date(1976, 7, 2)),
    VnState.SRV: (dt.date(1976, 7, 2), None),
}


class VisitDirection(enum.StrEnum):
    OUTBOUND = "outbound"
    INBOUND = "inbound"


class VisitLevel(enum.StrEnum):
    STATE = "state"
    OFFICIAL = "official"
    WORKING = "working"
    MULTILATERAL = "multilateral"


class AgreementStage(enum.StrEnum):
    SIGNED = "signed"
    IN_FORCE = "in_force"
    CONCLUDED = "concluded"
    RATIFIED = "ratified"


class AgreementType(enum.StrEnum):
    PEACE_ACCORD = "peace_accord"
    TREATY = "treaty"
    FTA = "fta"
    JOINT_STATEMENT = "joint_statement"
    FRAMEWORK = "framework"
    OTHER = "other"


class MembershipRole(enum.StrEnum):
    MEMBER = "member"
    CHAIR = "chair"
    NON_PERMANENT_MEMBER = "non_permanent_member"
    COUNCIL_MEMBER = "council_member"
    OBSERVER = "observer"


class RelationLevel(enum.StrEnum):
    """The level of a bilateral relationship, from severed to the highest framework."""

    SEVERED = "severed"
    DIPLOMATIC_RELATIONS = "diplomatic_relations"
    NORMALISATION = "normalisation"
    RESTORED = "restored"
    COMPREHENSIVE_PARTNERSHIP = "comprehensive_partnership"
    STRATEGIC_PARTNERSHIP = "strategic_partnership"
    COMPREHENSIVE_STRATEGIC_PARTNERSHIP = "comprehensive_strategic_partnership"

    @property
    def rank(self) -> int:
        """0 for severed, 1 for plain relations, then 2..4 up the partnership frameworks."""
        return _LEVEL_RANKS[self]


_LEVEL_RANKS = {
    RelationLevel.SEVERED: 0,
    RelationLevel.DIPLOMATIC_RELATIONS: 1,
    RelationLevel.NORMALISATION: 1,
    RelationLevel.RESTORED: 1,
    RelationLevel.COMPREHENSIVE_PARTNERSHIP: 2,
    RelationLevel.STRATEGIC_PARTNERSHIP: 3,
    RelationLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP: 4,
}


class ConferenceRole(enum.StrEnum):
    HOST = "host"
    PARTICIPANT = "participant"


# -- validators: each names its field, so a message always says where it failed.
# A check takes the field's name and value; ``_field`` turns it into an attrs validator.

Check = Callable[[str, object], None]


def _field(check: Check) -> Any:
    def validate(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        check(attribute.name, value)

    return validate


def _check_text(name: str, value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {value!r}")
    if not value.strip() or value != value.strip() or "\n" in value:
        raise ValueError(f"{name} must be non-empty text without surrounding space or newlines, got {value!r}")


def _check_optional_text(name: str, value: object) -> None:
    if value is not None:
        _check_text(name, value)


def _check_slug(name: str, value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {value!r}")
    if ID_RE.fullmatch(value) is None:
        raise ValueError(
            f"{name} {value!r} is not a slug: lowercase letters, digits and single hyphens, "
            "e.g. '1995-07-28-asean-accession'"
        )


def _check_code(name: str, value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {value!r}")
    if CODE_RE.fullmatch(value) is None:
        raise ValueError(f"{name} {value!r} is not an actor code: uppercase letters and digits, e.g. 'USA', 'ASEAN'")


def _tuple_of(check: Check) -> Check:
    """A check for a tuple whose every item passes ``check``, without duplicates."""

    def check_tuple(name: str, value: object) -> None:
        if not isinstance(value, tuple):
            raise TypeError(f"{name} must be a tuple, got {value!r}")
        for index, item in enumerate(value):
            check(f"{name}[{index}]", item)
        if len(set(value)) != len(value):
            raise ValueError(f"{name} has duplicates: {list(value)!r}")

    return check_tuple


def _instance_of(cls: type) -> Check:
    def check(name: str, value: object) -> None:
        if not isinstance(value, cls):
            raise TypeError(f"{name} must be a {cls.__name__}, got {value!r}")

    return check


def _check_tags(name: str, value: object) -> None:
    if not isinstance(value, frozenset):
        raise TypeError(f"{name} must be a frozenset, got {value!r}")
    for tag in value:
        if not isinstance(tag, str) or not tag or tag != tag.strip().lower() or "\n" in tag:
            raise ValueError(f"{name}: tag {tag!r} must be non-empty lowercase text")


def _check_url(name: str, value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str or None, got {value!r}")
    if not value.startswith(("https://", "http://")) or _SPACE.search(value):
        raise ValueError(f"{name} {value!r} is not an http(s) URL")


def _check_positive(name: str, value: object) -> None:
    if type(value) is not int:
        raise TypeError(f"{name} must be an int, got {value!r}")
    if value <= 0:
        raise ValueError(f"{name} must be positive, got {value}")


def _check_optional_positive(name: str, value: object) -> None:
    if value is not None:
        _check_positive(name, value)


def _enum(cls: type[enum.Enum]) -> Check:
    def check(name: str, value: object) -> None:
        if not isinstance(value, cls):
            accepted = ", ".join(str(m.value) for m in cls)
            raise ValueError(f"{name} {value!r} is not one of: {accepted}")

    return check


def _check_sources(name: str, value: object) -> None:
    _tuple_of(_instance_of(Source))(name, value)
    if not value:
        raise ValueError(f"{name}: an event needs at least one source")


def _in_counterparts(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_code(attribute.name, value)
    if value not in instance.counterparts:
        raise ValueError(
            f"{attribute.name} {value!r} must also be listed in counterparts {list(instance.counterparts)!r}"
        )


_text = _field(_check_text)
_optional_text = _field(_check_optional_text)
_slug = _field(_check_slug)
_code = _field(_check_code)
_positive = _field(_check_positive)


@attrs.frozen(kw_only=True, slots=True)
class Source:
    """Where a fact was read: publisher, title, URL (None only for print) and publication date."""

    publisher: str = attrs.field(validator=_text)
    title: str = attrs.field(validator=_text)
    url: str | None = attrs.field(default=None, validator=_field(_check_url))
    published: PartialDate | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(PartialDate))
    )


@attrs.frozen(kw_only=True, slots=True)
class AltDate:
    """Another date a source gives for the same event, and why it differs."""

    when: When = attrs.field(validator=attrs.validators.instance_of(When))
    source: Source = attrs.field(validator=attrs.validators.instance_of(Source))
    note: str = attrs.field(validator=_text)


@attrs.frozen(kw_only=True, slots=True)
class Event:
    """The fields every diplomatic event has. Use one of the subclasses, one per :class:`Kind`."""

    KIND: ClassVar[Kind]

    id: str = attrs.field(validator=_slug)
    when: When = attrs.field(validator=attrs.validators.instance_of(When))
    state: VnState = attrs.field(validator=_field(_enum(VnState)))
    title: str = attrs.field(validator=_text)
    title_vi: str | None = attrs.field(default=None, validator=_optional_text)
    summary: str = attrs.field(validator=_text)
    counterparts: tuple[str, ...] = attrs.field(default=(), validator=_field(_tuple_of(_check_code)))
    people: tuple[str, ...] = attrs.field(default=(), validator=_field(_tuple_of(_check_text)))
    places: tuple[str, ...] = attrs.field(default=(), validator=_field(_tuple_of(_check_text)))
    related: tuple[str, ...] = attrs.field(default=(), validator=_field(_tuple_of(_check_slug)))
    tags: frozenset[str] = attrs.field(default=frozenset(), validator=_field(_check_tags))
    sources: tuple[Source, ...] = attrs.field(validator=_field(_check_sources))
    disputed: tuple[AltDate, ...] = attrs.field(default=(), validator=_field(_tuple_of(_instance_of(AltDate))))

    def __attrs_post_init__(self) -> None:
        if type(self) is Event:
            raise TypeError("Event is abstract: use Visit, Agreement, Membership, Relations, ...")
        first, last = self.state.span
        if self.when.latest < first or (last is not None and self.when.earliest > last):
            until = "" if last is None else f" to {last.isoformat()}"
            raise ValueError(f"state {self.state.value} acted from {first.isoformat()}{until}, not at {self.when}")
        if self.id in self.related:
            raise ValueError(f"related: event {self.id!r} cannot be related to itself")

    @property
    def kind(self) -> Kind:
        """The kind of this event (the record's class constant)."""
        return self.KIND

    def sort_key(self) -> tuple[dt.date, dt.date, str]:
        """The one order of events: first day, last day, then id."""
        return (self.when.earliest, self.when.latest, self.id)


@attrs.frozen(kw_only=True, slots=True)
class Visit(Event):
    """A visit by Vietnamese leaders abroad (outbound) or by foreign leaders to Vietnam (inbound)."""

    KIND: ClassVar[Kind] = Kind.VISIT

    direction: VisitDirection = attrs.field(validator=_field(_enum(VisitDirection)))
    level: VisitLevel = attrs.field(validator=_field(_enum(VisitLevel)))
    host: str = attrs.field(validator=_code)


@attrs.frozen(kw_only=True, slots=True)
class Agreement(Event):
    """A treaty, accord, trade agreement or joint statement at one stage of its life."""

    KIND: ClassVar[Kind] = Kind.AGREEMENT

    stage: AgreementStage = attrs.field(validator=_field(_enum(AgreementStage)))
    agreement_type: AgreementType = attrs.field(validator=_field(_enum(AgreementType)))


@attrs.frozen(kw_only=True, slots=True)
class Membership(Event):
    """Joining an organisation, or holding a seat or chair in it; ``when`` spans the term."""

    KIND: ClassVar[Kind] = Kind.MEMBERSHIP

    organisation: str = attrs.field(validator=_in_counterparts)
    role: MembershipRole = attrs.field(validator=_field(_enum(MembershipRole)))


@attrs.frozen(kw_only=True, slots=True)
class Relations(Event):
    """Establishing, upgrading, normalising, severing or restoring relations with one counterpart."""

    KIND: ClassVar[Kind] = Kind.RELATIONS

    counterpart: str = attrs.field(validator=_in_counterparts)
    level: RelationLevel = attrs.field(validator=_field(_enum(RelationLevel)))


@attrs.frozen(kw_only=True, slots=True)
class Conference(Event):
    """A conference, summit or meeting that Vietnam hosted or took part in."""

    KIND: ClassVar[Kind] = Kind.CONFERENCE

    role: ConferenceRole = attrs.field(validator=_field(_enum(ConferenceRole)))
    series: str | None = attrs.field(default=None, validator=_optional_text)
    edition: int | None = attrs.field(default=None, validator=_field(_check_optional_positive))


@attrs.frozen(kw_only=True, slots=True)
class Anniversary(Event):
    """A commemorated anniversary of an earlier event in the data set."""

    KIND: ClassVar[Kind] = Kind.ANNIVERSARY

    commemorates: str = attrs.field(validator=_slug)
    years: int = attrs.field(validator=_positive)


@attrs.frozen(kw_only=True, slots=True)
class Policy(Event):
    """A foreign-policy document: a directive, resolution, law or decision."""

    KIND: ClassVar[Kind] = Kind.POLICY

    document: str = attrs.field(validator=_text)
    issuer: str = attrs.field(validator=_text)


@attrs.frozen(kw_only=True, slots=True)
class Recognition(Event):
    """An international recognition counted as a diplomatic result (a UNESCO inscription, ...)."""

    KIND: ClassVar[Kind] = Kind.RECOGNITION

    body: str = attrs.field(validator=_text)
    recognised: str = attrs.field(validator=_text)


EVENT_CLASSES: dict[Kind, type[Event]] = {
    cls.KIND: cls for cls in (Visit, Agreement, Membership, Relations, Conference, Anniversary, Policy, Recognition)
}
"""The record class of each kind."""
