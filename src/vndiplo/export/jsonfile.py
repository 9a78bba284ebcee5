"""JSON export: the canonical record form of the data files, and the JSON Schema that describes it.

The module is named ``jsonfile``, not ``json``, so that no reader (nor a
``from vndiplo.export import *``) can mistake it for the standard library's.

>>> from vndiplo.export.jsonfile import schema
>>> schema()["$schema"]
'https://json-schema.org/draft/2020-12/schema'
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..collection import Timeline
from ..dataset import canonical_json
from ..dates import Language, check_language
from ..packaged import DATA_DIR
from ..records import Event

__all__ = ["SCHEMA_PATH", "schema", "to_json"]

SCHEMA_PATH: Path = DATA_DIR / "schema" / "events.schema.json"
"""The JSON Schema (draft 2020-12) of an event file, shipped inside the package."""


def to_json(events: Iterable[Event], *, language: Language = "en") -> str:
    """The events as a data file in canonical form: what ``vndiplo.load`` reads back unchanged.

    Every record keeps both languages (``title_vi``, ``summary_vi``), so the
    text is the same for any ``language``; it is only checked (an unknown one
    raises QueryError), for a uniform ``export(events, "json", language=...)``.
    Raises ValueError for duplicate ids, which no data file may hold.
    """
    check_language(language)
    return canonical_json(Timeline(events))


def schema() -> dict[str, Any]:
    """The JSON Schema of an event file, as a fresh dict (yours to change).

    It describes the canonical form; what a schema cannot say (key order,
    days that exist, links that resolve) is left to the loader's checks.
    """
    result: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return result
