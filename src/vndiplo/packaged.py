"""The packaged data: where it lives, the validated fast path, the lazy load, and the cache.

The test suite checks every packaged record in full, then ``digest.json``
records the SHA-256 of each data file as checked, and for each event file
(one per decade) how many events it holds and the first and last day they
reach. On load, files that match their digest are read on a fast path that
trusts them (no per-field validation), one file at a time and only when a
query needs it: the load does not grow with the data set. A file that does
not match (edited, corrupt, a new version without a new digest) sends the
whole set through the full checks, as a user's file would go. Either way the
result is the same records.

>>> from vndiplo.packaged import packaged_events
>>> len(packaged_events()) > 1500
True
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hashlib
import itertools
import json
import os
import sys
import threading
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from .actors import Actor, ActorRegistry
from .dataset import check_set, read_actors, read_events
from .dates import PartialDate, When
from .errors import DataError, Problem
from .records import EVENT_CLASSES, ID_RE, Event, Kind, Source

__all__ = [
    "DATA_DIR",
    "DIGEST_NAME",
    "RENAMED_NAME",
    "Shard",
    "actors",
    "compute_digest",
    "load_actors",
    "load_packaged",
    "packaged_event_files",
    "packaged_events",
    "read_renamed",
    "renamed",
    "shard_events",
    "shards",
    "write_digest",
]

DATA_DIR = Path(__file__).parent / "data"
"""The packaged data files: a plain folder inside the package, as pycountry keeps its databases.

(importlib.resources would also cover zipped installs, but costs ~7 ms at import; wheels are unpacked.)
"""

DIGEST_NAME = "digest.json"
"""The file in the data folder holding the SHA-256 of each data file as the tests checked it."""

RENAMED_NAME = "renamed.json"
"""The file in the data folder mapping each former id of a packaged event to its id now.

An id begins with the event's start date, so it changes when research
sharpens the date ("1973-relations-bangladesh" became "1973-02-11-relations-bangladesh").
The map keeps ids that scripts saved working: id look-ups follow it.
"""

_LOCK = threading.Lock()
_CACHE: dict[str, Any] = {}


def packaged_event_files(data_dir: Path = DATA_DIR) -> list[Path]:
    """The packaged event files (one per decade), in name order."""
    folder = data_dir / "events"
    return sorted(folder / name for name in os.listdir(folder) if name.endswith(".json"))


def _data_files(data_dir: Path) -> list[Path]:
    return [data_dir / "actors.json", *packaged_event_files(data_dir)]


def compute_digest(data_dir: Path = DATA_DIR) -> dict[str, dict[str, Any]]:
    """Each data file's SHA-256 and, for an event file, what the lazy load needs to know before reading it.

    Keys are paths relative to ``data_dir``. An event file's entry also holds
    its number of events, the first and last day they can mean, and the
    latest first day. The files are read with the full checks; DataError if
    they fail them.
    """
    digest: dict[str, dict[str, Any]] = {}
    for name, data in _read_files(data_dir).items():
        entry: dict[str, Any] = {"sha256": hashlib.sha256(data).hexdigest()}
        if name.startswith("events/"):
            events, problems = read_events(data, name)
            if problems:
                raise DataError(problems)
            if events:
                entry["events"] = len(events)
                entry["first_day"] = min(e.when.earliest for e in events).isoformat()
                entry["last_start"] = max(e.when.earliest for e in events).isoformat()
                entry["last_day"] = max(e.when.latest for e in events).isoformat()
        digest[name] = entry
    return digest


def write_digest(data_dir: Path = DATA_DIR) -> Path:
    """Record the current files' digest; run after the test suite passed on them.

    ``python -c "from vndiplo.packaged import write_digest; write_digest()"``
    """
    path = data_dir / DIGEST_NAME
    path.write_text(json.dumps(compute_digest(data_dir), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def _recorded_digest(data_dir: Path) -> dict[str, Any] | None:
    try:
        recorded = json.loads((data_dir / DIGEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(recorded, dict) or not all(isinstance(v, dict) for v in recorded.values()):
        return None
    return recorded


@attrs.frozen(slots=True)
class Shard:
    """One packaged event file as its digest describes it: enough to tell whether a query needs to read it.

    Its events can mean days from ``first_day`` to ``last_day``; ``last_start``
    is the latest day one of them can start on.
    """

    file: str
    events: int
    first_day: dt.date
    last_start: dt.date
    last_day: dt.date


def actors() -> ActorRegistry:
    """The packaged actor registry (countries, former states, organisations), read once."""
    registry = _CACHE.get("actors")
    if registry is None:
        with _LOCK:
            registry = _CACHE.get("actors")
            if registry is None:
                registry = _CACHE["actors"] = load_actors(DATA_DIR)
    result: ActorRegistry = registry
    return result


def renamed() -> Mapping[str, str]:
    """Each former id of a packaged event and the id it has now, read once (see ``RENAMED_NAME``)."""
    found = _CACHE.get("renamed")
    if found is None:
        with _LOCK:
            found = _CACHE.get("renamed")
            if found is None:
                found = _CACHE["renamed"] = types.MappingProxyType(read_renamed(DATA_DIR / RENAMED_NAME))
    result: Mapping[str, str] = found
    return result


def read_renamed(path: Path) -> dict[str, str]:
    """A map of former ids to ids now, from a JSON object; DataError listing every entry that is not two ids.

    A missing file means no event was ever renamed.
    """
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise DataError([Problem(path.name, None, None, f"cannot be read as JSON: {exc}")]) from None
    if not isinstance(data, dict):
        raise DataError([Problem(path.name, None, None, "must be a JSON object of former id to id now")])
    problems = [
        Problem(path.name, str(old), None, f"{old!r} -> {new!r}: both must be ids [a-z0-9]+(-[a-z0-9]+)*, and differ")
        for old, new in data.items()
        if not (isinstance(new, str) and ID_RE.fullmatch(old) and ID_RE.fullmatch(new) and new != old)
    ]
    problems += [
        Problem(path.name, old, None, f"{old!r} -> {new!r} leads to another former id: map it to the id now")
        for old, new in data.items()
        if isinstance(new, str) and new != old and new in data
    ]
    if problems:
        raise DataError(problems)
    return data


def packaged_events() -> tuple[Event, ...]:
    """The packaged events, loaded once (thread-safe) and then shared; each file's events in date order."""
    events = _CACHE.get("events")
    if events is None:
        found = shards()
        if found is not None:
            events = tuple(e for shard in found for e in shard_events(shard))
            _CACHE.setdefault("events", events)
        else:
            registry = actors()
            with _LOCK:
                events = _CACHE.get("events")
                if events is None:
                    events = _CACHE["events"] = load_packaged(DATA_DIR, registry)
    result: tuple[Event, ...] = _CACHE["events"]
    return result


def shards(data_dir: Path = DATA_DIR) -> tuple[Shard, ...] | None:
    """The event files as the digest describes them, in date order; None unless every file matches it.

    When the files match, their bytes (the ones just hashed) are kept until
    :func:`shard_events` builds them, so what is built is what was checked.
    None also when the files' date ranges interleave: then only the whole set
    can be put in date order, and the caller loads it whole.
    """
    key = f"shards:{data_dir}"
    if key not in _CACHE:
        with _LOCK:
            if key not in _CACHE:
                _CACHE[key] = _read_shards(data_dir)
    found: tuple[Shard, ...] | None = _CACHE[key]
    return found


def _read_shards(data_dir: Path) -> tuple[Shard, ...] | None:
    recorded = _recorded_digest(data_dir)
    files = _read_files(data_dir)
    matches = recorded is not None and _hashes_match(recorded, files)
    _CACHE[f"digest:{data_dir}"] = matches  # load_actors asks the same question: it need not hash again
    if recorded is None or not matches:
        return None
    found = []
    try:
        for name, entry in recorded.items():
            if name.startswith("events/") and entry.get("events"):
                found.append(
                    Shard(
                        name,
                        int(entry["events"]),
                        dt.date.fromisoformat(entry["first_day"]),
                        dt.date.fromisoformat(entry["last_start"]),
                        dt.date.fromisoformat(entry["last_day"]),
                    )
                )
    except (KeyError, TypeError, ValueError):
        return None
    found.sort(key=lambda shard: shard.first_day)
    if any(before.last_start >= after.first_day for before, after in itertools.pairwise(found)):
        return None
    for shard in found:
        _CACHE[f"bytes:{data_dir}:{shard.file}"] = files[shard.file]
    return tuple(found)


def shard_events(shard: Shard, data_dir: Path = DATA_DIR) -> tuple[Event, ...]:
    """The events of one packaged file, in date order, built once (thread-safe) on the trusted fast path."""
    key = f"shard:{data_dir}:{shard.file}"
    events = _CACHE.get(key)
    if events is None:
        with _LOCK:
            events = _CACHE.get(key)
            if events is None:
                data = _CACHE.pop(f"bytes:{data_dir}:{shard.file}")
                events = _CACHE[key] = tuple(sorted(_build_shard(data), key=Event.sort_key))
    result: tuple[Event, ...] = events
    return result


def _build_shard(data: bytes) -> list[Event]:
    """Build one file's events on the fast path (a seam for the tests that count loads)."""
    return _trusted_events(data)


def load_actors(data_dir: Path, *, trust_digest: bool = True) -> ActorRegistry:
    """The actor registry of ``data_dir``: fast when its files match their digest, else fully checked."""
    data = (data_dir / "actors.json").read_bytes()
    if trust_digest and _matches_digest(data_dir):
        build = _builder(Actor)
        return ActorRegistry(build(item) for item in json.loads(data))
    return read_actors(data, "actors.json")


def load_packaged(data_dir: Path, registry: ActorRegistry, *, trust_digest: bool = True) -> tuple[Event, ...]:
    """Read the event files of ``data_dir`` whole: fast when they match its digest, else with every check.

    Each file's events come in date order, files in name order. Raises
    DataError listing every problem when the files do not match and fail the
    checks.
    """
    files = [(f"events/{path.name}", path.read_bytes()) for path in packaged_event_files(data_dir)]
    if trust_digest and _matches_digest(data_dir):
        try:
            return tuple(e for _, data in files for e in sorted(_trusted_events(data), key=Event.sort_key))
        finally:
            _SOURCES.clear()  # equal sources are shared within one load; the cache need not outlive it
    problems: list[Problem] = []
    read: list[tuple[str, list[Event]]] = []
    for name, data in files:
        events, file_problems = read_events(data, name)
        problems.extend(file_problems)
        read.append((name, events))
    problems.extend(check_set(read, registry, packaged=True))
    if problems:
        raise DataError(problems)
    return tuple(e for _, events in read for e in sorted(events, key=Event.sort_key))


def _matches_digest(data_dir: Path) -> bool:
    """Whether every data file (and no other) is as recorded in the digest; the result is kept per folder."""
    key = f"digest:{data_dir}"
    matches = _CACHE.get(key)
    if matches is None:
        recorded = _recorded_digest(data_dir)
        matches = _CACHE[key] = recorded is not None and _hashes_match(recorded, _read_files(data_dir))
    return bool(matches)


def _read_files(data_dir: Path) -> dict[str, bytes]:
    """Each data file's bytes, by its path relative to ``data_dir`` (the digest's keys)."""
    return {path.relative_to(data_dir).as_posix(): path.read_bytes() for path in _data_files(data_dir)}


def _hashes_match(recorded: dict[str, Any], files: dict[str, bytes]) -> bool:
    return set(recorded) == set(files) and all(
        recorded[name].get("sha256") == hashlib.sha256(data).hexdigest() for name, data in files.items()
    )


# -- the fast path: build records straight from files the tests have checked


def _trusted_events(data: bytes) -> list[Event]:
    builders = _builders()
    return [builders[Kind(item["kind"])](item) for item in json.loads(data)]


@functools.cache
def _builders() -> dict[Kind, Callable[[dict[str, Any]], Event]]:
    """One builder per record class, made from its field types (so a new field or kind needs no change here)."""
    return {kind: _builder(cls) for kind, cls in EVENT_CLASSES.items()}


def _builder(cls: type[Any]) -> Callable[[dict[str, Any]], Any]:
    """A function building ``cls`` from its trusted JSON object, made from the field types (cached per class)."""
    built = _BUILDERS.get(cls)
    if built is None:
        built = _BUILDERS[cls] = _make_builder(cls)
    return built


_BUILDERS: dict[type, Callable[[dict[str, Any]], Any]] = {}


def _make_builder(cls: type[Any]) -> Callable[[dict[str, Any]], Any]:
    """A function setting each field straight onto a new instance, as attrs' own ``__init__`` does.

    Its steps come from the field types, so a new field or kind needs no change here. No validator
    runs (the files are as the tests checked them), and no process-wide switch such as
    ``attrs.validators.disabled()`` is needed, so records other threads build meanwhile stay
    checked. A loop over the steps builds records about as fast as generated code did, without
    the ~1 ms per class that compiling it cost on every cold start. An event's "kind" key is its
    class, not a field, and is not read.
    """
    steps: list[tuple[str, Callable[[Any], Any] | None, bool, Any]] = []
    for field in attrs.fields(cls):
        hint = _evaluate(field.type, cls.__module__) if isinstance(field.type, str) else field.type
        convert = _value_builder(hint)
        required = field.default is attrs.NOTHING
        steps.append((field.name, None if convert is _same else convert, required, field.default))
    plan = tuple(steps)
    new = object.__new__
    put = object.__setattr__

    def build(item: dict[str, Any]) -> Any:
        made = new(cls)
        for name, convert, required, default in plan:
            if required:
                value = item[name]
            else:
                value = item.get(name, _ABSENT)
                if value is _ABSENT:
                    put(made, name, default)
                    continue
            put(made, name, value if convert is None else convert(value))
        return made

    return build


_ABSENT = object()


@functools.cache
def _evaluate(annotation: str, module_name: str) -> Any:
    """A string annotation's type in its module, as typing.get_type_hints finds it, but once per text:
    the record classes repeat a few annotations ("str", "tuple[str, ...]") many times."""
    return eval(annotation, vars(sys.modules[module_name]))


@functools.lru_cache(maxsize=8192)
def _trusted_partial(text: str) -> PartialDate:
    """A PartialDate from text the tests checked: split, not matched, and no validator run."""
    mark = text[-1]
    if mark in "~?%":
        text = text[:-1]
    parts = text.split("-")
    made = object.__new__(PartialDate)
    put = object.__setattr__
    put(made, "year", int(parts[0]))
    put(made, "month", int(parts[1]) if len(parts) > 1 else None)
    put(made, "day", int(parts[2]) if len(parts) > 2 else None)
    put(made, "approximate", mark == "~" or mark == "%")
    put(made, "uncertain", mark == "?" or mark == "%")
    return made


@functools.lru_cache(maxsize=8192)
def _trusted_when(text: str) -> When:
    """A When from text the tests checked (see :func:`_trusted_partial`)."""
    head, _, tail = text.partition("/")
    made = object.__new__(When)
    object.__setattr__(made, "start", _trusted_partial(head))
    object.__setattr__(made, "end", _trusted_partial(tail) if tail else None)
    return made


def _value_builder(hint: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = _value_builder(next(a for a in args if a is not type(None)))
        if inner is _same:
            return _same
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        item = _value_builder(args[0])
        if args[0] is str:  # codes, names, places, tags and ids repeat across events: keep one copy of each
            return lambda value: tuple(map(sys.intern, value))
        if item is _same:
            return tuple
        return lambda value: tuple(map(item, value))
    if origin is frozenset:
        if args[0] is str:
            return lambda value: frozenset(map(sys.intern, value))
        return frozenset
    if hint is When:
        return _trusted_when
    if hint is PartialDate:
        return _trusted_partial
    if hint is Source:
        return _shared_source
    if attrs.has(hint):
        return _builder(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        members = hint._value2member_map_
        return members.__getitem__
    return _same


def _same(value: Any) -> Any:
    return value


_SOURCES: dict[tuple[Any, ...], Source] = {}


def _shared_source(value: dict[str, Any]) -> Source:
    """One Source object for equal sources (many events cite the same article): less memory."""
    published = value.get("published")
    key = (value["publisher"], value["title"], value.get("url"), published)
    source = _SOURCES.get(key)
    if source is None:
        source = _SOURCES[key] = _builder(Source)(value)
    return source
