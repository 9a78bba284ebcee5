"""Reading data files and the checks across records: users' own files, and the packaged ones when checked in full.

Reading succeeds whole or raises one :class:`~vndiplo.errors.DataError`
listing every problem (file, event id, field); nothing is half-read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import Any

from .actors import Actor, ActorKind, ActorRegistry
from .errors import DataError, Problem, QueryError
from .records import Anniversary, Conflict, ConflictPhase, Event, Membership, Relations, Visit

__all__ = [
    "MAX_FILE_BYTES",
    "PACKAGED_RANGE",
    "PathArg",
    "canonical_json",
    "check_set",
    "read_actors",
    "read_events",
    "read_files",
]

MAX_FILE_BYTES = 16 * 1024 * 1024
"""A user's data file larger than this is refused (the packaged files are far smaller)."""

PACKAGED_RANGE = ("1945-08-01", "2025-12-31")
"""The packaged data set lies within these days; users' own files may go beyond."""

PathArg = str | PathLike[str]


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"key {key!r} appears twice in one object")
        result[key] = value
    return result


def _parse_json(data: bytes, name: str) -> tuple[Any, list[Problem]]:
    """Decode and parse one file; a problem (not an exception) when it is not UTF-8 JSON."""
    if not data.strip():
        return None, [Problem(name, None, None, "the file is empty: expected a JSON list")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(name, None, None, f"not UTF-8: byte {data[exc.start]:#04x} at offset {exc.start}")]
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_reject_constant), []
    except json.JSONDecodeError as exc:
        return None, [Problem(name, None, None, f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")]
    except (ValueError, RecursionError) as exc:
        return None, [Problem(name, None, None, f"not valid JSON: {exc}")]


def read_events(data: bytes, name: str) -> tuple[list[Event], list[Problem]]:
    """Structure every event of one file's bytes; problems instead of exceptions."""
    from .convert import error_lines, structure_event

    parsed, problems = _parse_json(data, name)
    if problems:
        return [], problems
    if not isinstance(parsed, list):
        return [], [Problem(name, None, None, f"expected a JSON list of events, got {type(parsed).__name__}")]
    events: list[Event] = []
    for position, item in enumerate(parsed):
        try:
            events.append(structure_event(item))
        except Exception as exc:  # every structuring failure becomes problems, never a crash
            event_id = item.get("id") if isinstance(item, dict) else None
            label = event_id if isinstance(event_id, str) else f"#{position}"
            problems.extend(Problem(name, label, field, message) for field, message in error_lines(exc))
    return events, problems


def read_actors(data: bytes, name: str) -> ActorRegistry:
    """The actor registry of an actors.json file; DataError listing every problem."""
    from .convert import error_lines, structure_actor

    parsed, problems = _parse_json(data, name)
    actors: list[Actor] = []
    if not problems and not isinstance(parsed, list):
        problems.append(Problem(name, None, None, "expected a JSON list of actors"))
    for position, item in enumerate(parsed if isinstance(parsed, list) else ()):
        try:
            actors.append(structure_actor(item))
        except Exception as exc:
            code = item.get("code") if isinstance(item, dict) else None
            label = code if isinstance(code, str) else f"#{position}"
            problems.extend(Problem(name, label, field, message) for field, message in error_lines(exc))
    if problems:
        raise DataError(problems)
    try:
        return ActorRegistry(actors)
    except ValueError as exc:
        raise DataError([Problem(name, None, None, str(exc))]) from None


def check_set(
    files: Sequence[tuple[str, list[Event]]],
    registry: ActorRegistry,
    *,
    known: Iterable[Event] | None = None,
    former: Mapping[str, str] | None = None,
    packaged: bool = False,
) -> list[Problem]:
    """The checks across events: unique ids, links that resolve, known codes, anniversary arithmetic.

    ``known`` is a set the events may link into (the packaged data set when a
    user merges their files with it); an id clashing with it is a problem.
    ``former`` maps ids the known events once had to their ids now: links may
    use them, and an event may not take one.
    """
    known_ids = {} if known is None else {e.id: e for e in known}
    former = {} if former is None else former
    problems: list[Problem] = []
    where: dict[str, str] = {}
    by_id: dict[str, Event] = {}
    for name, events in files:
        for event in events:
            if event.id in where or event.id in known_ids:
                other = where.get(event.id, "the packaged data set")
                problems.append(Problem(name, event.id, "id", f"duplicate id: also in {other}"))
            elif event.id in former:
                message = f"was the id of packaged event {former[event.id]!r}, and still finds it: choose another"
                problems.append(Problem(name, event.id, "id", message))
            else:
                where[event.id] = name
                by_id[event.id] = event

    def find(event_id: str) -> Event | None:
        found = by_id.get(event_id) or known_ids.get(event_id)
        if found is None and event_id in former:
            found = known_ids.get(former[event_id])
        return found

    low, high = PACKAGED_RANGE
    for name, events in files:
        for event in events:

            def problem(field: str, message: str, event: Event = event, name: str = name) -> None:
                problems.append(Problem(name, event.id, field, message))

            for i, code in enumerate(event.counterparts):
                if code not in registry:
                    problem(f"counterparts[{i}]", f"unknown actor code {code!r}: add it to actors.json")
            if isinstance(event, Visit) and event.host not in registry:
                problem("host", f"unknown actor code {event.host!r}")
            if (
                isinstance(event, Membership)
                and event.organisation in registry
                and registry[event.organisation].kind is not ActorKind.ORGANISATION
            ):
                problem("organisation", f"{event.organisation!r} is not an organisation")
            if isinstance(event, Relations) and event.counterpart in registry:
                ended = registry[event.counterpart].ended
                if ended is not None and event.when.earliest > ended.latest:
                    problem("counterpart", f"{event.counterpart!r} no longer existed after {ended}")
            for i, other_id in enumerate(event.related):
                if find(other_id) is None:
                    problem(f"related[{i}]", f"no event with id {other_id!r}")
            if isinstance(event, Anniversary):
                original = find(event.commemorates)
                if original is None:
                    problem("commemorates", f"no event with id {event.commemorates!r}")
                else:
                    expected = event.when.start.year - original.when.start.year
                    if event.years != expected:
                        problem(
                            "years",
                            f"is {event.years}, but {event.when.start.year} - {original.when.start.year} = {expected}",
                        )
            if isinstance(event, Conflict) and event.phase is not ConflictPhase.SINGLE:
                _check_conflict_link(event, find, problem)
            if packaged:
                if not (low <= event.when.earliest.isoformat() and event.when.latest.isoformat() <= high):
                    problem("when", f"{event.when} lies outside the packaged range {low}..{high}")
                if event.summary_vi is None:
                    problem("summary_vi", "missing: every packaged record has a Vietnamese summary")
    problems.extend(_overlapping_visits(files, known_ids.values()))
    return problems


_OTHER_PHASE = {ConflictPhase.BEGAN: ConflictPhase.ENDED, ConflictPhase.ENDED: ConflictPhase.BEGAN}


def _check_conflict_link(
    event: Conflict, find: Callable[[str], Event | None], problem: Callable[[str, str], None]
) -> None:
    """A conflict's beginning names its end in ``related`` and the end names the beginning."""
    wanted = _OTHER_PHASE[event.phase]
    partners = [other for other in map(find, event.related) if isinstance(other, Conflict) and other.phase is wanted]
    if not partners:
        problem("related", f"a conflict that {event.phase.value} must name its {wanted.value} record in related")
    for other in partners:
        if event.id not in other.related:
            problem("related", f"{other.id!r} ({wanted.value}) does not name this record back in its related")


def _overlapping_visits(files: Sequence[tuple[str, list[Event]]], known: Iterable[Event]) -> list[Problem]:
    """Two visits with the same counterparts and overlapping dates, neither naming the other: a duplicate."""
    problems: list[Problem] = []
    groups: dict[frozenset[str], list[tuple[str, Visit]]] = {}
    for event in known:
        if isinstance(event, Visit):
            groups.setdefault(frozenset(event.counterparts), []).append(("the packaged data set", event))
    for name, events in files:
        for event in events:
            if isinstance(event, Visit):
                groups.setdefault(frozenset(event.counterparts), []).append((name, event))
    mine = {id(e) for _, events in files for e in events}
    for group in groups.values():
        group.sort(key=lambda item: item[1].sort_key())
        for i, (name, visit) in enumerate(group):
            for other_name, other in group[i + 1 :]:
                if other.when.earliest > visit.when.latest:
                    break
                if id(visit) not in mine and id(other) not in mine:
                    continue
                if visit.id in other.related or other.id in visit.related:
                    continue
                later_name, later = (other_name, other) if id(other) in mine else (name, visit)
                first = visit if later is other else other
                problems.append(
                    Problem(
                        later_name,
                        later.id,
                        "when",
                        f"overlaps visit {first.id!r} with the same counterparts; name it in related if both are right",
                    )
                )
    return problems


def _read_path(path: PathArg) -> tuple[bytes | None, Problem | None]:
    name = str(path)
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, Problem(name, None, None, f"the file has {size} bytes; the limit is {MAX_FILE_BYTES}")
        return file.read_bytes(), None
    except (OSError, ValueError) as exc:  # ValueError: a name the OS cannot hold, such as one with a NUL byte
        return None, Problem(name, None, None, f"cannot read the file: {getattr(exc, 'strerror', None) or exc}")


def read_files(
    paths: PathArg | Iterable[PathArg],
    registry: ActorRegistry,
    *,
    known: Iterable[Event] | None = None,
    former: Mapping[str, str] | None = None,
) -> list[Event]:
    """Read users' JSON event files with every check; DataError listing every problem, else all their events.

    ``known`` events (the packaged set) may be linked to, also by the ``former``
    ids they once had; an id clashing with one is a problem.
    """
    if isinstance(paths, (str, PathLike)):
        paths = [paths]
    elif isinstance(paths, (bytes, bytearray)) or not isinstance(paths, Iterable):
        raise TypeError(f"load() takes a path or an iterable of paths, got {paths!r}")
    paths = list(paths)
    for path in paths:
        if not isinstance(path, (str, PathLike)):
            raise TypeError(f"a path must be a str or os.PathLike, got {path!r}")
    if not paths:
        raise QueryError("load() needs at least one file")
    problems: list[Problem] = []
    files: list[tuple[str, list[Event]]] = []
    for path in paths:
        data, problem = _read_path(path)
        if problem is not None:
            problems.append(problem)
            continue
        assert data is not None
        events, file_problems = read_events(data, str(path))
        problems.extend(file_problems)
        files.append((str(path), events))
    problems.extend(check_set(files, registry, known=known, former=former))
    if problems:
        raise DataError(problems)
    return [e for _, events in files for e in events]


def canonical_json(events: Iterable[Event]) -> str:
    """The canonical text of a data file: events in date order, keys in field order, defaults left out."""
    from .convert import unstructure_event

    ordered = sorted(events, key=Event.sort_key)
    return json.dumps([unstructure_event(e) for e in ordered], ensure_ascii=False, indent=2) + "\n"
