"""vndiplo: Vietnam's diplomatic history 1945-2025 as typed, immutable, sourced records.

>>> import vndiplo
>>> tl = vndiplo.timeline()
>>> tl["1995-07-28-asean-accession"].when.human()
'28 Jul 1995'

Importing is cheap: the data, cattrs and pendulum are loaded on first use.
"""

from __future__ import annotations

from ._version import __version__ as __version__
from .actors import Actor, ActorKind, ActorRegistry, Names
from .collection import Timeline, load, timeline
from .dates import PartialDate, Precision, When
from .errors import (
    DataError,
    FieldError,
    InvalidDateError,
    MissingDependencyError,
    Problem,
    QueryError,
    UnknownActorError,
    UnknownEventError,
    VndiploError,
)
from .packaged import actors
from .records import (
    Agreement,
    AgreementStage,
    AgreementType,
    AltDate,
    Anniversary,
    Conference,
    ConferenceRole,
    Conflict,
    ConflictNature,
    ConflictPhase,
    Event,
    Kind,
    Membership,
    MembershipRole,
    Mission,
    MissionAction,
    MissionType,
    Policy,
    Recognition,
    RelationLevel,
    Relations,
    Source,
    Visit,
    VisitDirection,
    VisitLevel,
    VnState,
)

__all__ = [
    "Actor",
    "ActorKind",
    "ActorRegistry",
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
    "DataError",
    "Event",
    "FieldError",
    "InvalidDateError",
    "Kind",
    "Membership",
    "MembershipRole",
    "MissingDependencyError",
    "Mission",
    "MissionAction",
    "MissionType",
    "Names",
    "PartialDate",
    "Policy",
    "Precision",
    "Problem",
    "QueryError",
    "Recognition",
    "RelationLevel",
    "Relations",
    "Source",
    "Timeline",
    "UnknownActorError",
    "UnknownEventError",
    "Visit",
    "VisitDirection",
    "VisitLevel",
    "VnState",
    "VndiploError",
    "When",
    "actors",
    "load",
    "timeline",
]
