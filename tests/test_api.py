"""The public API: its names are pinned, and importing it stays light."""

from __future__ import annotations

import subprocess
import sys

import vndiplo

PUBLIC = {
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
    "MissingDependencyError",
    "Membership",
    "MembershipRole",
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
    "VndiploError",
    "VnState",
    "When",
    "actors",
    "load",
    "timeline",
}


def test_public_names_are_pinned() -> None:
    assert set(vndiplo.__all__) == PUBLIC
    for name in PUBLIC:
        assert getattr(vndiplo, name) is not None


def test_timeline_methods_are_pinned() -> None:
    methods = {
        "between",
        "on",
        "in_year",
        "of_kind",
        "involving",
        "search",
        "on_this_day",
        "anniversaries",
        "partners",
        "by_year",
        "counts",
        "get",
        "events",
        "actors",
    }
    assert methods <= set(dir(vndiplo.Timeline))


def test_import_does_not_load_heavy_modules() -> None:
    code = (
        "import sys, vndiplo; heavy = {'pandas', 'icalendar', 'matplotlib', 'hypothesis', 'pendulum', 'cattrs',"
        " 'pycountry', 'jsonschema'}; print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_loading_the_data_does_not_load_pendulum_or_pandas() -> None:
    code = (
        "import sys, vndiplo; vndiplo.timeline(); print(sorted({'pandas', 'pendulum', 'pycountry'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_errors_are_builtin_subclasses() -> None:
    assert issubclass(vndiplo.DataError, ValueError)
    assert issubclass(vndiplo.UnknownEventError, KeyError)
