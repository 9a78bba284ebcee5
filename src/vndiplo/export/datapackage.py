"""Frictionless Data Package export: the CSV with a descriptor that says what each column holds.

``write_package(folder)`` writes ``events.csv`` and ``datapackage.json``
side by side; ``frictionless validate folder/datapackage.json`` checks every
cell against the Table Schema (types, required columns, allowed values, the
``id`` primary key). See https://datapackage.org. Like the CSV it holds both
languages in every row (``title`` and ``title_vi``, ``summary`` and
``summary_vi``), so it takes no ``language``.
"""

from __future__ import annotations

import enum
import json
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .._version import __version__
from ..records import EVENT_CLASSES, ID_RE, Event, Kind, VnState
from .csvfile import COLUMNS, KIND_COLUMNS, write_csv

__all__ = ["DESCRIPTOR_NAME", "descriptor", "table_schema", "write_package"]

DESCRIPTOR_NAME = "datapackage.json"
"""The file name the Data Package standard gives the descriptor."""

_HOMEPAGE = "https://vndiplo.readthedocs.io"

# What each CSV column holds; its type is "string" unless _TYPES says otherwise.
_DESCRIPTIONS: dict[str, str] = {
    "id": "Stable slug of the event, e.g. 1995-07-28-asean-accession.",
    "kind": "What sort of event it is.",
    "when": "The date as the sources support it, in the style of EDTF: 1995-07-28, 1998-12, 1954~, 2008/2009.",
    "first_day": "The earliest day `when` can mean.",
    "last_day": "The latest day `when` can mean.",
    "precision": "The coarsest part of `when`: day, month or year.",
    "state": "Which Vietnamese state acted: DRV, PRG or SRV.",
    "title": "English title, one line.",
    "title_vi": "Vietnamese title, with diacritics.",
    "summary": "One to three sentences.",
    "summary_vi": "The summary in Vietnamese, with diacritics (every packaged record has one).",
    "counterparts": "Actor codes of the other parties (ISO 3166 alpha-3 or organisation ids), joined with ';'.",
    "people": "Leaders named, joined with ';'.",
    "places": "Cities where it happened, joined with ';'.",
    "tags": "Free lowercase tags, joined with ';'.",
    "related": "Ids of related events, joined with ';'.",
    "source_urls": "URLs of the sources cited, joined with a space.",
    "direction": "Visit: outbound or inbound.",
    "level": "Visit: state, official, working or multilateral. Relations: the level of the relationship.",
    "host": "Visit: actor code of the host. Mission: where the mission sits (VNM for a foreign mission in Vietnam).",
    "stage": "Agreement: signed, in_force, concluded or ratified.",
    "agreement_type": "Agreement: peace_accord, treaty, fta, joint_statement, framework or other.",
    "organisation": "Membership: actor code of the organisation.",
    "role": "Membership: the role held. Conference: host or participant.",
    "counterpart": "Relations: actor code of the counterpart.",
    "series": "Conference: the series, e.g. ASEAN Summit.",
    "edition": "Conference: the edition's number in its series.",
    "commemorates": "Anniversary: id of the event commemorated.",
    "years": "Anniversary: years since the event commemorated.",
    "document": "Policy: the document, e.g. Directive 15-CT/TW.",
    "issuer": "Policy: who issued it.",
    "body": "Recognition: the body that recognised it, e.g. UNESCO.",
    "recognised": "Recognition: what was inscribed or named.",
    "nature": "Conflict: war, border_clash, maritime_incident, embargo, sanctions, legal_action or protest.",
    "phase": "Conflict: began, ended or single (a one-off).",
    "mission": "Mission: embassy, consulate, trade_office or office.",
    "action": "Mission: opened, upgraded, closed, reopened or credentials (an ambassador presented them).",
}


def _kind_enums() -> dict[str, list[str]]:
    """The allowed values of each kind column that holds an enum, read from the record classes."""
    values: dict[str, list[str]] = {}
    for cls in EVENT_CLASSES.values():
        for name, hint in typing.get_type_hints(cls).items():
            if name in KIND_COLUMNS and isinstance(hint, type) and issubclass(hint, enum.Enum):
                values.setdefault(name, [])
                values[name] += [m.value for m in hint if m.value not in values[name]]
    return values


_TYPES = {"first_day": "date", "last_day": "date", "edition": "integer", "years": "integer"}
_REQUIRED = ("id", "kind", "when", "first_day", "last_day", "precision", "state", "title", "summary")
_ENUMS: dict[str, list[str]] = {
    "kind": [k.value for k in Kind],
    "state": [s.value for s in VnState],
    "precision": ["day", "month", "year"],
    **_kind_enums(),
}


def table_schema() -> dict[str, Any]:
    """The Table Schema of the CSV: every column with its type and meaning, ``id`` the primary key."""
    fields = []
    for column in COLUMNS:
        field: dict[str, Any] = {
            "name": column,
            "type": _TYPES.get(column, "string"),
            "description": _DESCRIPTIONS[column],
        }
        constraints: dict[str, Any] = {}
        if column in _REQUIRED:
            constraints["required"] = True
        if column == "id":
            constraints["unique"] = True
            constraints["pattern"] = ID_RE.pattern
        if column in _ENUMS:
            constraints["enum"] = _ENUMS[column]
        if column in ("edition", "years"):
            constraints["minimum"] = 1
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}


def descriptor(csv_path_name: str = "events.csv") -> dict[str, Any]:
    """The Data Package descriptor (datapackage.json) for the events CSV at ``csv_path_name``.

    ``csv_path_name`` is relative to the descriptor, as the standard wants.
    """
    return {
        "name": "vndiplo-events",
        "title": "Vietnam's diplomatic history (vndiplo)",
        "description": (
            "Events of Vietnam's diplomacy from the founding of the foreign ministry (28 Aug 1945): visits, "
            "agreements, memberships, relations, conferences, anniversaries, policies, recognitions and "
            "conflicts, each dated to the precision its sources support and citing at least one source."
        ),
        "version": __version__,
        "homepage": _HOMEPAGE,
        "keywords": ["vietnam", "diplomacy", "history", "timeline"],
        "licenses": [{"name": "MIT", "path": "https://opensource.org/licenses/MIT", "title": "MIT License"}],
        "sources": [
            {"title": "The vndiplo data set, curated from the sources each event cites", "path": _HOMEPAGE},
        ],
        "resources": [
            {
                "name": "events",
                "title": "Events",
                "path": csv_path_name,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(),
            }
        ],
    }


def write_package(folder: Path, events: Iterable[Event] | None = None) -> Path:
    """Write ``events.csv`` and ``datapackage.json`` into ``folder`` (made if missing); return the descriptor's path.

    ``events`` defaults to the packaged data set.
    """
    if events is None:
        from ..collection import timeline

        events = timeline()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    csv_name = "events.csv"
    write_csv(events, folder / csv_name)
    path = folder / DESCRIPTOR_NAME
    text = json.dumps(descriptor(csv_name), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8", newline="")
    return path
