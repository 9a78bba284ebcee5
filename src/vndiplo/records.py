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

from .dates import Language, PartialDate, When, check_language
from .errors import FieldError, FieldTypeError

__all__ = [
    "EVENT_CLASSES",
    "Agreement",
    "AgreementStage",
    "AgreementType",
    "AltDate",
    "Anniversary",
    "Conference",
    "ConferenceRole",
    "Conflict",
    "ConflictNature",
    "ConflictPhase",
    "Event",
    "Kind",
    "Membership",
    "MembershipRole",
    "Mission",
    "MissionAction",
    "MissionType",
    "Policy",
    "Recognition",
    "RelationLevel",
    "Relations",
    "Source",
    "Visit",
    "VisitDirection",
    "VisitLevel",
    "VnState",
    "label",
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
    CONFLICT = "conflict"
    MISSION = "mission"


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


class ConflictNature(enum.StrEnum):
    """What sort of conflict: a war, a clash, an incident, a sanction, a legal step or a protest."""

    WAR = "war"
    BORDER_CLASH = "border_clash"
    MARITIME_INCIDENT = "maritime_incident"
    EMBARGO = "embargo"
    SANCTIONS = "sanctions"
    LEGAL_ACTION = "legal_action"
    PROTEST = "protest"


class ConflictPhase(enum.StrEnum):
    """Whether a record is a conflict's beginning, its end, or the whole of a one-off incident."""

    BEGAN = "began"
    ENDED = "ended"
    SINGLE = "single"


class MissionType(enum.StrEnum):
    """What sort of resident mission: an embassy, a consulate (general), a trade office, or another office."""

    EMBASSY = "embassy"
    CONSULATE = "consulate"
    TRADE_OFFICE = "trade_office"
    OFFICE = "office"


class MissionAction(enum.StrEnum):
    """What happened to a mission; ``credentials`` is an ambassador presenting credentials."""

    OPENED = "opened"
    UPGRADED = "upgraded"
    CLOSED = "closed"
    REOPENED = "reopened"
    CREDENTIALS = "credentials"


_LABELS_VI: dict[enum.Enum, str] = {
    Kind.VISIT: "chuyến thăm",
    Kind.AGREEMENT: "văn kiện",
    Kind.MEMBERSHIP: "thành viên",
    Kind.RELATIONS: "quan hệ",
    Kind.CONFERENCE: "hội nghị",
    Kind.ANNIVERSARY: "kỷ niệm",
    Kind.POLICY: "chính sách",
    Kind.RECOGNITION: "vinh danh",
    Kind.CONFLICT: "xung đột",
    Kind.MISSION: "cơ quan đại diện",
    VnState.DRV: "Việt Nam Dân chủ Cộng hòa",
    VnState.PRG: "Chính phủ Cách mạng lâm thời Cộng hòa miền Nam Việt Nam",
    VnState.SRV: "Cộng hòa Xã hội chủ nghĩa Việt Nam",
    VisitDirection.OUTBOUND: "thăm nước ngoài",
    VisitDirection.INBOUND: "thăm Việt Nam",
    VisitLevel.STATE: "cấp nhà nước",
    VisitLevel.OFFICIAL: "chính thức",
    VisitLevel.WORKING: "làm việc",
    VisitLevel.MULTILATERAL: "đa phương",
    AgreementStage.SIGNED: "ký kết",
    AgreementStage.IN_FORCE: "có hiệu lực",
    AgreementStage.CONCLUDED: "kết thúc đàm phán",
    AgreementStage.RATIFIED: "phê chuẩn",
    AgreementType.PEACE_ACCORD: "hiệp định hòa bình",
    AgreementType.TREATY: "hiệp ước",
    AgreementType.FTA: "hiệp định thương mại tự do",
    AgreementType.JOINT_STATEMENT: "tuyên bố chung",
    AgreementType.FRAMEWORK: "hiệp định khung",
    AgreementType.OTHER: "văn kiện khác",
    MembershipRole.MEMBER: "thành viên",
    MembershipRole.CHAIR: "chủ tịch",
    MembershipRole.NON_PERMANENT_MEMBER: "ủy viên không thường trực",
    MembershipRole.COUNCIL_MEMBER: "thành viên hội đồng",
    MembershipRole.OBSERVER: "quan sát viên",
    RelationLevel.SEVERED: "cắt đứt quan hệ",
    RelationLevel.DIPLOMATIC_RELATIONS: "quan hệ ngoại giao",
    RelationLevel.NORMALISATION: "bình thường hóa quan hệ",
    RelationLevel.RESTORED: "khôi phục quan hệ",
    RelationLevel.COMPREHENSIVE_PARTNERSHIP: "đối tác toàn diện",
    RelationLevel.STRATEGIC_PARTNERSHIP: "đối tác chiến lược",
    RelationLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP: "đối tác chiến lược toàn diện",
    ConferenceRole.HOST: "chủ nhà",
    ConferenceRole.PARTICIPANT: "tham dự",
    ConflictNature.WAR: "chiến tranh",
    ConflictNature.BORDER_CLASH: "xung đột biên giới",
    ConflictNature.MARITIME_INCIDENT: "sự cố trên biển",
    ConflictNature.EMBARGO: "cấm vận",
    ConflictNature.SANCTIONS: "trừng phạt",
    ConflictNature.LEGAL_ACTION: "biện pháp pháp lý",
    ConflictNature.PROTEST: "phản đối",
    ConflictPhase.BEGAN: "bắt đầu",
    ConflictPhase.ENDED: "kết thúc",
    ConflictPhase.SINGLE: "sự kiện đơn lẻ",
    MissionType.EMBASSY: "đại sứ quán",
    MissionType.CONSULATE: "lãnh sự quán",
    MissionType.TRADE_OFFICE: "cơ quan thương mại",
    MissionType.OFFICE: "văn phòng đại diện",
    MissionAction.OPENED: "mở",
    MissionAction.UPGRADED: "nâng cấp",
    MissionAction.CLOSED: "đóng cửa",
    MissionAction.REOPENED: "mở lại",
    MissionAction.CREDENTIALS: "trình quốc thư",
}


def add_vietnamese_labels(labels: dict[enum.Enum, str]) -> None:
    """Teach :func:`label` the Vietnamese words for an enum defined above this module (actors.ActorKind)."""
    _LABELS_VI.update(labels)


def label(member: enum.Enum, language: Language = "en") -> str:
    """A kind, level or other enum value as a reader would say it, in English or Vietnamese.

    >>> label(RelationLevel.STRATEGIC_PARTNERSHIP), label(Kind.VISIT, "vi")
    ('strategic partnership', 'chuyến thăm')
    """
    if check_language(language) == "vi":
        return _LABELS_VI[member]
    return str(member.value).replace("_", " ")


# -- validators: each names its field, so a message always says where it failed.
# A check takes the field's name and value; ``_field`` turns it into an attrs validator.

Check = Callable[[str, object], None]


def _field(check: Check) -> Any:
    def validate(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        check(attribute.name, value)

    return validate


def _check_text(name: str, value: object) -> None:
    if not isinstance(value, str):
        raise FieldTypeError(name, f"must be a str, got {value!r}")
    if not value.strip() or value != value.strip() or "\n" in value:
        raise FieldError(name, f"must be non-empty text without surrounding space or newlines, got {value!r}")


def _check_optional_text(name: str, value: object) -> None:
    if value is not None:
        _check_text(name, value)


def _check_slug(name: str, value: object) -> None:
    if not isinstance(value, str):
        raise FieldTypeError(name, f"must be a str, got {value!r}")
    if ID_RE.fullmatch(value) is None:
        raise FieldError(
            name,
            f"{value!r} is not a slug: lowercase letters, digits and single hyphens, e.g. '1995-07-28-asean-accession'",
        )


def _check_code(name: str, value: object) -> None:
    if not isinstance(value, str):
        raise FieldTypeError(name, f"must be a str, got {value!r}")
    if CODE_RE.fullmatch(value) is None:
        raise FieldError(name, f"{value!r} is not an actor code: uppercase letters and digits, e.g. 'USA', 'ASEAN'")


def _tuple_of(check: Check) -> Check:
    """A check for a tuple whose every item passes ``check``, without duplicates."""

    def check_tuple(name: str, value: object) -> None:
        if not isinstance(value, tuple):
            raise FieldTypeError(name, f"must be a tuple, got {value!r}")
        for index, item in enumerate(value):
            check(f"{name}[{index}]", item)
        if len(set(value)) != len(value):
            raise FieldError(name, f"has duplicates: {list(value)!r}")

    return check_tuple


def _instance_of(cls: type) -> Check:
    def check(name: str, value: object) -> None:
        if not isinstance(value, cls):
            raise FieldTypeError(name, f"must be a {cls.__name__}, got {value!r}")

    return check


def _optional_instance_of(cls: type) -> Check:
    def check(name: str, value: object) -> None:
        if value is not None and not isinstance(value, cls):
            raise FieldTypeError(name, f"must be a {cls.__name__} or None, got {value!r}")

    return check


def _check_tags(name: str, value: object) -> None:
    if not isinstance(value, frozenset):
        raise FieldTypeError(name, f"must be a frozenset, got {value!r}")
    for tag in value:
        if not isinstance(tag, str) or not tag or tag != tag.strip().lower() or "\n" in tag:
            raise FieldError(name, f"tag {tag!r} must be non-empty lowercase text")


def _check_url(name: str, value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise FieldTypeError(name, f"must be a str or None, got {value!r}")
    if not value.startswith(("https://", "http://")) or _SPACE.search(value):
        raise FieldError(name, f"{value!r} is not an http(s) URL")


def _check_positive(name: str, value: object) -> None:
    if type(value) is not int:
        raise FieldTypeError(name, f"must be an int, got {value!r}")
    if value <= 0:
        raise FieldError(name, f"must be positive, got {value}")


def _check_optional_positive(name: str, value: object) -> None:
    if value is not None:
        _check_positive(name, value)


def _enum(cls: type[enum.Enum]) -> Check:
    def check(name: str, value: object) -> None:
        if not isinstance(value, cls):
            accepted = ", ".join(str(m.value) for m in cls)
            raise FieldError(name, f"{value!r} is not one of: {accepted}")

    return check


def _check_sources(name: str, value: object) -> None:
    _tuple_of(_instance_of(Source))(name, value)
    if not value:
        raise FieldError(name, "an event needs at least one source")


CHECK = "vndiplo.check"
"""The metadata key under which a field keeps its own check, so the converter can run each field's check alone."""


def _checked(check: Check, **kwargs: Any) -> Any:
    """An attrs field validated by ``check``, which is also kept in its metadata for the converter."""
    return attrs.field(validator=_field(check), metadata={CHECK: check}, **kwargs)


def _text() -> Any:
    return _checked(_check_text)


def _optional_text() -> Any:
    return _checked(_check_optional_text, default=None)


def _enum_field(cls: type[enum.Enum]) -> Any:
    return _checked(_enum(cls))


def _code() -> Any:
    return _checked(_check_code)


@attrs.frozen(kw_only=True, slots=True)
class Source:
    """Where a fact was read: publisher, title, URL (None only for print) and publication date."""

    publisher: str = _text()
    title: str = _text()
    url: str | None = _checked(_check_url, default=None)
    published: PartialDate | None = _checked(_optional_instance_of(PartialDate), default=None)


@attrs.frozen(kw_only=True, slots=True)
class AltDate:
    """Another date a source gives for the same event, and why it differs."""

    when: When = _checked(_instance_of(When))
    source: Source = _checked(_instance_of(Source))
    note: str = _text()


@attrs.frozen(kw_only=True, slots=True)
class Event:
    """The fields every diplomatic event has. Use one of the subclasses, one per :class:`Kind`."""

    KIND: ClassVar[Kind]

    id: str = _checked(_check_slug)
    when: When = _checked(_instance_of(When))
    state: VnState = _enum_field(VnState)
    title: str = _text()
    title_vi: str | None = _optional_text()
    summary: str = _text()
    summary_vi: str | None = _optional_text()
    counterparts: tuple[str, ...] = _checked(_tuple_of(_check_code), default=())
    people: tuple[str, ...] = _checked(_tuple_of(_check_text), default=())
    places: tuple[str, ...] = _checked(_tuple_of(_check_text), default=())
    related: tuple[str, ...] = _checked(_tuple_of(_check_slug), default=())
    tags: frozenset[str] = _checked(_check_tags, default=frozenset())
    sources: tuple[Source, ...] = _checked(_check_sources)
    disputed: tuple[AltDate, ...] = _checked(_tuple_of(_instance_of(AltDate)), default=())

    def __attrs_post_init__(self) -> None:
        if type(self) is Event:
            raise TypeError("Event is abstract: use Visit, Agreement, Membership, Relations, ...")
        problems = self.cross_field_problems()
        if problems:
            raise problems[0]

    def cross_field_problems(self) -> list[FieldError]:
        """The checks that involve more than one field: id and date, state and date, links to itself."""
        problems = []
        prefix = self.when.start.iso
        if not self.id.startswith(prefix + "-"):
            problems.append(FieldError("id", f"{self.id!r} must begin with its start date: {prefix}-..."))
        first, last = self.state.span
        if self.when.latest < first or (last is not None and self.when.earliest > last):
            until = "" if last is None else f" to {last.isoformat()}"
            problems.append(
                FieldError("state", f"{self.state.value} acted from {first.isoformat()}{until}, not at {self.when}")
            )
        if self.id in self.related:
            problems.append(FieldError("related", f"event {self.id!r} cannot be related to itself"))
        return problems

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

    direction: VisitDirection = _enum_field(VisitDirection)
    level: VisitLevel = _enum_field(VisitLevel)
    host: str = _code()

    def cross_field_problems(self) -> list[FieldError]:
        return [*super().cross_field_problems(), *_hosted(self.host, self.counterparts)]


@attrs.frozen(kw_only=True, slots=True)
class Agreement(Event):
    """A treaty, accord, trade agreement or joint statement at one stage of its life."""

    KIND: ClassVar[Kind] = Kind.AGREEMENT

    stage: AgreementStage = _enum_field(AgreementStage)
    agreement_type: AgreementType = _enum_field(AgreementType)


@attrs.frozen(kw_only=True, slots=True)
class Membership(Event):
    """Joining an organisation, or holding a seat or chair in it; ``when`` spans the term."""

    KIND: ClassVar[Kind] = Kind.MEMBERSHIP

    organisation: str = _code()
    role: MembershipRole = _enum_field(MembershipRole)

    def cross_field_problems(self) -> list[FieldError]:
        return [*super().cross_field_problems(), *_listed("organisation", self.organisation, self.counterparts)]


@attrs.frozen(kw_only=True, slots=True)
class Relations(Event):
    """Establishing, upgrading, normalising, severing or restoring relations with one counterpart."""

    KIND: ClassVar[Kind] = Kind.RELATIONS

    counterpart: str = _code()
    level: RelationLevel = _enum_field(RelationLevel)

    def cross_field_problems(self) -> list[FieldError]:
        return [*super().cross_field_problems(), *_listed("counterpart", self.counterpart, self.counterparts)]


@attrs.frozen(kw_only=True, slots=True)
class Conference(Event):
    """A conference, summit or meeting that Vietnam hosted or took part in."""

    KIND: ClassVar[Kind] = Kind.CONFERENCE

    role: ConferenceRole = _enum_field(ConferenceRole)
    series: str | None = _optional_text()
    edition: int | None = _checked(_check_optional_positive, default=None)


@attrs.frozen(kw_only=True, slots=True)
class Anniversary(Event):
    """A commemorated anniversary of an earlier event in the data set."""

    KIND: ClassVar[Kind] = Kind.ANNIVERSARY

    commemorates: str = _checked(_check_slug)
    years: int = _checked(_check_positive)


@attrs.frozen(kw_only=True, slots=True)
class Policy(Event):
    """A foreign-policy document: a directive, resolution, law or decision."""

    KIND: ClassVar[Kind] = Kind.POLICY

    document: str = _text()
    issuer: str = _text()


@attrs.frozen(kw_only=True, slots=True)
class Recognition(Event):
    """An international recognition counted as a diplomatic result (a UNESCO inscription, ...)."""

    KIND: ClassVar[Kind] = Kind.RECOGNITION

    body: str = _text()
    recognised: str = _text()


@attrs.frozen(kw_only=True, slots=True)
class Conflict(Event):
    """A war, clash, incident, sanction, legal step or protest that shaped relations.

    A conflict with a beginning and an end is two records (``began`` and
    ``ended``) that name each other in ``related``; a one-off is ``single``.
    """

    KIND: ClassVar[Kind] = Kind.CONFLICT

    nature: ConflictNature = _enum_field(ConflictNature)
    phase: ConflictPhase = _enum_field(ConflictPhase)


@attrs.frozen(kw_only=True, slots=True)
class Mission(Event):
    """A resident mission opened, upgraded, closed or reopened, or an ambassador's credentials presented.

    Not a change in relations (that is a :class:`Relations` record): an embassy
    can open years after relations and close while they last. ``host`` is
    where the mission sits: VNM for a foreign mission in Vietnam.
    """

    KIND: ClassVar[Kind] = Kind.MISSION

    mission: MissionType = _enum_field(MissionType)
    action: MissionAction = _enum_field(MissionAction)
    host: str = _code()

    def cross_field_problems(self) -> list[FieldError]:
        problems = [*super().cross_field_problems(), *_hosted(self.host, self.counterparts)]
        if self.host == "VNM" and not self.counterparts:
            problems.append(FieldError("counterparts", "a foreign mission in Vietnam (host VNM) names its state"))
        return problems


def _hosted(host: str, counterparts: tuple[str, ...]) -> list[FieldError]:
    """A visit or mission takes place in Vietnam or in one of its counterparts."""
    if host == "VNM" or host in counterparts:
        return []
    return [FieldError("host", f"{host!r} must be VNM or one of the counterparts {list(counterparts)!r}")]


def _listed(name: str, code: str, counterparts: tuple[str, ...]) -> list[FieldError]:
    if code in counterparts:
        return []
    return [FieldError(name, f"{code!r} must also be listed in counterparts {list(counterparts)!r}")]


EVENT_CLASSES: dict[Kind, type[Event]] = {
    cls.KIND: cls
    for cls in (
        Visit,
        Agreement,
        Membership,
        Relations,
        Conference,
        Anniversary,
        Policy,
        Recognition,
        Conflict,
        Mission,
    )
}
"""The record class of each kind."""
