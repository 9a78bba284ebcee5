"""Timeline: an immutable, date-ordered collection of events and its queries.

:func:`timeline` gives the packaged data set as a Timeline and :func:`load`
reads your own files into one.

Every filtering query returns a new Timeline, so queries chain::

    >>> import vndiplo
    >>> tl = vndiplo.timeline()
    >>> geneva = tl.between(1954, 1954).search("geneva")
    >>> all(e.when.earliest.year <= 1954 for e in geneva)
    True

Queries are answered by indexes built on first use: sorted start days with
bisect for date ranges, dicts for kinds, counterparts, years and month-days.

The packaged Timeline reads its files lazily, one decade at a time: a date
range or an id reads only the files it falls in, and any other query reads
them all. The answers are the same as from a Timeline built whole.
"""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from . import packaged
from .actors import ActorKind, ActorRegistry
from .dataset import PathArg, read_files
from .dates import DateLike, as_bounds
from .errors import QueryError, UnknownEventError, choice_error, did_you_mean
from .records import Anniversary, Event, Kind, RelationLevel, Relations, VnState

if TYPE_CHECKING:
    from .search import WordIndex

__all__ = ["Timeline", "load", "timeline"]

_COUNT_FIELDS = ("kind", "state", "year", "decade", "counterpart")


class Timeline:
    """An immutable sequence of events in date order (first day, last day, id).

    Build one with :func:`vndiplo.timeline` (the packaged data set) or
    :func:`vndiplo.load` (your own files); or from any events:

    >>> Timeline([]).between("1945", "1954")
    Timeline(0 events)
    """

    __slots__ = ("_actors", "_base", "_held", "_ids", "_index", "_lock", "_shards")

    _held: tuple[Event, ...] | None  # None until a lazy (packaged) Timeline reads its files
    _shards: tuple[packaged.Shard, ...] | None  # the packaged files a lazy Timeline reads on demand
    _ids: dict[str, Event] | None  # built on first lookup for the results of queries
    _actors: ActorRegistry | None
    _index: dict[str, Any]
    _lock: threading.Lock
    _base: Timeline | None  # the Timeline a query result was filtered from: its word index serves this one too

    def __init__(self, events: Iterable[Event] = (), *, actors: ActorRegistry | None = None) -> None:
        items = list(events)
        for item in items:
            if not isinstance(item, Event):
                raise TypeError(f"a Timeline holds Event records, got {item!r}")
        ids: dict[str, Event] = {}
        for item in items:
            if item.id in ids:
                raise ValueError(f"duplicate event id {item.id!r}")
            ids[item.id] = item
        items.sort(key=Event.sort_key)
        self._init(tuple(items), ids, actors)

    def _init(
        self,
        events: tuple[Event, ...] | None,
        ids: dict[str, Event] | None,
        actors: ActorRegistry | None,
        shards: tuple[packaged.Shard, ...] | None = None,
    ) -> None:
        setter = object.__setattr__
        setter(self, "_held", events)
        setter(self, "_shards", shards)
        setter(self, "_ids", ids)
        setter(self, "_actors", actors)
        setter(self, "_index", {})
        setter(self, "_lock", threading.Lock())
        setter(self, "_base", None)

    @classmethod
    def _lazy(cls, shards: tuple[packaged.Shard, ...]) -> Timeline:
        """The packaged Timeline, reading each file when a query first needs it."""
        new = cls.__new__(cls)
        new._init(None, None, None, shards)
        return new

    @property
    def _events(self) -> tuple[Event, ...]:
        held = self._held
        if held is None:  # a lazy Timeline: its files in date order are the packaged events, read once and shared
            held = packaged.packaged_events()
            object.__setattr__(self, "_held", held)
        return held

    def _unread(self) -> tuple[packaged.Shard, ...] | None:
        """The packaged files, while none has been read into this Timeline whole; else None."""
        return self._shards if self._held is None else None

    def _subset(self, positions: Iterable[int]) -> Timeline:
        """A Timeline of the events at these positions (any order, no repeats)."""
        return self._from_sorted(tuple(self._events[i] for i in sorted(positions)))

    def _slice(self, start: int, stop: int, *, head_positions: list[int], tail_positions: list[int]) -> Timeline:
        """A Timeline of a contiguous run of events, with a few sorted positions just before or after it."""
        events = self._events
        run = events[start:stop]
        if head_positions or tail_positions:
            run = tuple(events[i] for i in head_positions) + run + tuple(events[i] for i in tail_positions)
        return self._from_sorted(run)

    def _from_sorted(self, events: tuple[Event, ...]) -> Timeline:
        new = Timeline.__new__(Timeline)
        new._init(events, None, self._actors)
        object.__setattr__(new, "_base", self._base or self)
        return new

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    # -- the sequence

    def __len__(self) -> int:
        shards = self._unread()
        if shards is not None:
            return sum(shard.events for shard in shards)
        return len(self._events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self._events)

    def __reversed__(self) -> Iterator[Event]:
        return reversed(self._events)

    def _by_id(self) -> dict[str, Event]:
        ids = self._ids
        if ids is None:
            ids = {e.id: e for e in self._events}
            object.__setattr__(self, "_ids", ids)
        return ids

    def _part(self, shards: list[packaged.Shard]) -> Timeline:
        """The events of these packaged files as a Timeline, kept (with its indexes) for the next query."""
        key = "part:" + ",".join(shard.file for shard in shards)
        part: Timeline = self._get_index(
            key, lambda: self._from_sorted(tuple(e for s in shards for e in packaged.shard_events(s)))
        )
        return part

    def _find(self, event_id: str) -> Event | None:
        """The event with this id, or else with the id a packaged event's former id became (``packaged.renamed``)."""
        found = self._find_exactly(event_id)
        if found is None:  # the map is read only when an id misses: a hit costs one look-up
            now = packaged.renamed().get(event_id)
            if now is not None:
                found = self._find_exactly(now)
        return found

    def _find_exactly(self, event_id: str) -> Event | None:
        """The event with this id; a lazy Timeline reads only the file of the decade the id begins with.

        A packaged id begins with its start date and its event sits in that decade's file (a data test), so
        an id missing there is missing everywhere; only an id that begins with no year reads every file.
        """
        shards = self._unread()
        if shards is not None and event_id[:4].isascii() and event_id[:4].isdigit():
            decade = int(event_id[:4]) // 10
            wanted = [s for s in shards if s.first_day.year // 10 <= decade <= s.last_start.year // 10]
            return self._part(wanted)._by_id().get(event_id)
        return self._by_id().get(event_id)

    def __contains__(self, item: object) -> bool:
        """An id (``"1995-07-28-asean-accession" in tl``), an event, or a day: is an event known to fall on it?

        A day counts when an event dated to the day (a single day, or a span
        of days) covers it, as ``date in holidays.VN()`` does; events known
        only to the month or year do not make every day of it count.

        >>> import datetime, vndiplo
        >>> datetime.date(1995, 7, 28) in vndiplo.timeline()
        True
        """
        if isinstance(item, Event):
            return self._find(item.id) == item
        if isinstance(item, str):
            return self._find(item) is not None
        if isinstance(item, dt.date):
            return any(_day_precise(e) for e in self.on(item))
        raise TypeError(f"'in' takes an event id (str), an Event or a datetime.date, got {item!r}")

    def __getitem__(self, event_id: str) -> Event:
        """The event with this id or a former id of it; UnknownEventError (a KeyError) with close ids when absent."""
        if not isinstance(event_id, str):
            raise TypeError(_by_id_only(event_id))
        found = self._find(event_id)
        if found is None:
            raise UnknownEventError(event_id, did_you_mean(event_id, self._by_id(), cutoff=0.8))
        return found

    def get(self, event_id: str, default: Event | None = None) -> Event | None:
        """The event with this id or a former id of it, or ``default``."""
        if not isinstance(event_id, str):
            raise TypeError(_by_id_only(event_id))
        found = self._find(event_id)
        return default if found is None else found

    @property
    def events(self) -> tuple[Event, ...]:
        """The events, in date order."""
        return self._events

    @property
    def actors(self) -> ActorRegistry:
        """The actor registry the codes of these events resolve against."""
        return packaged.actors() if self._actors is None else self._actors

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Timeline):
            return NotImplemented
        return self._events == other._events

    def __hash__(self) -> int:
        return hash(self._events)

    def __repr__(self) -> str:
        shards = self._unread()
        if shards:  # the digest knows the days, so a lazy Timeline reads no file for this
            first, last = shards[0].first_day, max(shard.last_day for shard in shards)
        elif self._events:
            first, last = self._events[0].when.earliest, max(e.when.latest for e in self._events)
        else:
            return "Timeline(0 events)"
        noun = "event" if len(self) == 1 else "events"
        return f"Timeline({len(self)} {noun}, {first.isoformat()}..{last.isoformat()})"

    # -- indexes, built once on first use

    def _get_index(self, name: str, build: Callable[[], Any]) -> Any:
        index = self._index.get(name)
        if index is None:
            with self._lock:
                index = self._index.get(name)
                if index is None:
                    index = self._index[name] = build()
        return index

    def _bounds(self) -> tuple[list[int], list[int], int]:
        """Start and end ordinals in date order, and the longest span in days (bounds overlap searches)."""

        def build() -> tuple[list[int], list[int], int]:
            starts = [e.when.earliest.toordinal() for e in self._events]
            ends = [e.when.latest.toordinal() for e in self._events]
            longest = max((b - a for a, b in zip(starts, ends, strict=True)), default=0)
            return starts, ends, longest

        result: tuple[list[int], list[int], int] = self._get_index("bounds", build)
        return result

    def _positions_by(self, name: str, keys: Callable[[Event], Iterable[Any]]) -> dict[Any, list[int]]:
        def build() -> dict[Any, list[int]]:
            index: dict[Any, list[int]] = {}
            for position, event in enumerate(self._events):
                for key in keys(event):
                    index.setdefault(key, []).append(position)
            return index

        result: dict[Any, list[int]] = self._get_index(name, build)
        return result

    # -- queries

    def between(self, start: DateLike, end: DateLike, *, within: bool = False) -> Timeline:
        """Events overlapping the range from ``start`` to ``end`` (both inclusive).

        ``start`` and ``end`` are years (1954), EDTF strings ("1995", "1995-07",
        "1995-07-28"), dates or PartialDates; a coarse ``end`` means its last
        day. With ``within=True``, only events lying wholly inside the range.
        """
        low = as_bounds(start)[0]
        high = as_bounds(end)[1]
        if low > high:
            raise QueryError(f"reversed range: {start!r} starts after {end!r} ends")
        shards = self._unread()
        if shards is not None:  # read only the files whose days meet the range, then ask them
            wanted = [s for s in shards if s.first_day <= high and s.last_day >= low]
            return self._part(wanted).between(start, end, within=within)
        starts, ends, longest = self._bounds()
        lo, hi = low.toordinal(), high.toordinal()
        # Events are sorted by start. Every event starting inside the range is a hit for overlap;
        # only those starting up to `longest` days before it need their end checked. For `within`,
        # only those starting up to `longest` days before the range's end can overrun it.
        first_inside = bisect.bisect_left(starts, lo)
        stop = bisect.bisect_right(starts, hi)
        if within:
            safe = max(first_inside, bisect.bisect_right(starts, hi - longest))
            tail = [i for i in range(safe, stop) if ends[i] <= hi]
            return self._slice(first_inside, safe, head_positions=[], tail_positions=tail)
        head = [i for i in range(bisect.bisect_left(starts, lo - longest), first_inside) if ends[i] >= lo]
        return self._slice(first_inside, stop, head_positions=head, tail_positions=[])

    def on(self, day: DateLike) -> Timeline:
        """Events going on at any time during ``day`` (a date, or a coarser value such as "1995-07")."""
        return self.between(day, day)

    def in_year(self, year: int) -> Timeline:
        """Events overlapping the calendar year ``year``."""
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year must be an int, got {year!r}")
        return self.between(year, year)

    def of_kind(self, *kinds: str | Kind | type[Event]) -> Timeline:
        """Events of any of these kinds, given as names ("visit"), Kind members or record classes."""
        if not kinds:
            raise TypeError("of_kind() needs at least one kind")
        wanted = {_as_kind(k) for k in kinds}
        index = self._positions_by("kind", lambda e: (e.kind,))
        return self._subset({i for k in wanted for i in index.get(k, ())})

    def of_state(self, *states: str | VnState) -> Timeline:
        """Events where this Vietnamese state acted: "DRV", "PRG" or "SRV"."""
        if not states:
            raise TypeError("of_state() needs at least one state")
        wanted = set()
        for state in states:
            if not isinstance(state, str):
                raise TypeError(f"a state is named by a str such as 'SRV', got {state!r}")
            if state not in VnState.__members__:
                raise choice_error("state", state, list(VnState))
            wanted.add(VnState(state))
        index = self._positions_by("state", lambda e: (e.state,))
        return self._subset({i for s in wanted for i in index.get(s, ())})

    def involving(self, *actors: str) -> Timeline:
        """Events with any of these counterparts: codes, English or Vietnamese names, or aliases."""
        if not actors:
            raise TypeError("involving() needs at least one actor")
        registry = self.actors
        codes = set()
        for name in actors:
            if not isinstance(name, str):
                raise TypeError(f"an actor is named by a str, got {name!r}")
            codes.add(name if name in registry else registry.lookup(name).code)
        index = self._positions_by("counterpart", lambda e: e.counterparts)
        return self._subset({i for c in codes for i in index.get(c, ())})

    def search(self, query: str) -> Timeline:
        """Events matching every word of ``query`` as a whole word, answered from a word index built on first use.

        A word is looked for in the title, title_vi, summary, summary_vi,
        people and places, and among the names of the counterparts (code,
        English and Vietnamese names, aliases: "Japan", "Nhật Bản" and "JPN"
        all find events with Japan). Case and diacritics do not matter, and a
        word matches only a whole word: "WTO" is not in "flew to". A word also
        matches its joined or split form: "hanoi" finds "Hà Nội" and "ha noi"
        finds "Hanoi" (two adjacent words join; numbers never do). A "quoted
        phrase" matches its words in order and adjacent, within one field.
        Spelling variants of one name, listed in data/variants.json, are one
        word: "Genève", "Geneva" and "Giơ-ne-vơ" (hyphens split words, as all
        punctuation does). An empty query, one of only punctuation, an empty
        phrase or an unbalanced quote raises QueryError; see
        :mod:`vndiplo.search`.

        >>> import vndiplo
        >>> tl = vndiplo.timeline()
        >>> "1954-07-21-geneva-accords" in tl.search('"hiệp định Genève"')
        True
        >>> tl.search("Nhật Bản").involving("JPN") == tl.involving("JPN")
        True
        """
        from .search import parse_query  # the word index is built on the first search: import it then

        terms = parse_query(query)
        if self._base is not None:  # a query result: ask the index of the Timeline it came from, keep our events
            mine = {id(e) for e in self._events}
            found = self._base.search(query)
            return self._from_sorted(tuple(e for e in found if id(e) in mine))
        index: WordIndex = self._get_index("words", self._build_words)
        return self._subset(index.find(terms))

    def _build_words(self) -> WordIndex:
        from .search import WordIndex

        # The registry only names counterparts: a Timeline without any need not load the packaged one.
        needs_names = any(e.counterparts for e in self._events)
        return WordIndex(self._events, self.actors if needs_names else None)

    def on_this_day(self, month_day: str | dt.date | tuple[int, int]) -> Timeline:
        """Events whose start is known to the day and falls on this month and day ("07-28").

        >>> import vndiplo
        >>> years = [e.when.start.year for e in vndiplo.timeline().on_this_day("07-28").of_kind("membership")]
        >>> 1995 in years
        True
        """
        month, day = _as_month_day(month_day)
        index = self._positions_by("month_day", _start_month_day)
        return self._subset(index.get((month, day), ()))

    def anniversaries(self, year: int, *, every: int = 5) -> list[tuple[Event, int]]:
        """Events whose round anniversary falls in ``year``: (event, years) pairs in date order.

        ``years`` is ``year`` minus the start year; only positive multiples of
        ``every`` count (5 by default, as in the command line: the round
        anniversaries that are celebrated). Anniversary records themselves are
        left out.
        """
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year must be an int, got {year!r}")
        if isinstance(every, bool) or not isinstance(every, int):
            raise TypeError(f"every must be an int, got {every!r}")
        if every < 1:
            raise QueryError(f"every must be 1 or more, got {every}")
        index = self._positions_by("start_year", lambda e: (e.when.start.year,))
        positions = sorted(
            i for start in range(year - every, min(index, default=year) - 1, -every) for i in index.get(start, ())
        )
        return [
            (e, year - e.when.start.year)
            for e in (self._events[i] for i in positions)
            if not isinstance(e, Anniversary)
        ]

    def partners(
        self,
        as_of: DateLike | None = None,
        *,
        level: str | RelationLevel | None = None,
        organisations: bool = False,
    ) -> dict[str, Relations]:
        """Who Vietnam had relations with on ``as_of`` (default: today): code -> the Relations event in force.

        For each counterpart, the latest Relations event ending on or before
        ``as_of`` is in force; severed relations drop out; ``level`` is a
        minimum (``"strategic_partnership"`` includes comprehensive strategic
        partners). States only (countries, and former states that still
        existed), unless ``organisations=True``. A successor state inherits its
        predecessor's relations (Russia those of the Soviet Union).
        """
        day = dt.date.today() if as_of is None else as_bounds(as_of)[1]
        minimum = 1 if level is None else _as_level(level).rank
        registry = self.actors
        latest: dict[str, Relations] = {}
        for i in self._positions_by("kind", lambda e: (e.kind,)).get(Kind.RELATIONS, ()):
            event = self._events[i]
            assert isinstance(event, Relations)
            if event.when.latest <= day:
                latest[event.counterpart] = event  # date order: the last one seen is the latest
        result: dict[str, Relations] = {}
        for code in sorted({*latest, *(s for a in registry for s in a.successors)}):
            actor = registry.get(code)
            if actor is not None:
                if actor.kind is ActorKind.OTHER or (actor.kind is ActorKind.ORGANISATION and not organisations):
                    continue
                if actor.ended is not None and actor.ended.earliest <= day:
                    continue
            # A successor inherits its predecessors' relations once they have ended (RUS from SUN after 1991).
            inherited = [c for c in _ancestors(registry, code) if _ended_by(registry, c, day)]
            candidates = [latest[c] for c in (code, *inherited) if c in latest]
            if not candidates:
                continue
            in_force = max(candidates, key=Event.sort_key)
            if in_force.level.rank >= minimum:
                result[code] = in_force
        return result

    def by_year(self) -> dict[int, Timeline]:
        """The events grouped by the year they start in, in year order."""
        index = self._positions_by("start_year", lambda e: (e.when.start.year,))
        return {year: self._subset(index[year]) for year in sorted(index)}

    def counts(self, field: str = "kind") -> dict[str, int]:
        """How many events per kind, state, year, decade or counterpart, sorted by key."""
        if field not in _COUNT_FIELDS:
            raise choice_error("field to count by", field, _COUNT_FIELDS)
        counter: Counter[str] = Counter()
        for e in self._events:
            if field == "kind":
                counter[e.kind.value] += 1
            elif field == "state":
                counter[e.state.value] += 1
            elif field == "year":
                counter[str(e.when.start.year)] += 1
            elif field == "decade":
                counter[f"{e.when.start.year // 10 * 10}s"] += 1
            else:
                counter.update(e.counterparts)
        return dict(sorted(counter.items()))


def _by_id_only(value: object) -> str:
    hint = " (for the events on a day, use tl.on(day))" if isinstance(value, dt.date) else ""
    return f"events are looked up by id (a str), got {value!r}{hint}"


def _day_precise(event: Event) -> bool:
    return all(part.day is not None for part in (event.when.start, event.when.end) if part is not None)


def _ancestors(registry: ActorRegistry, code: str) -> list[str]:
    """Predecessors of ``code``, theirs in turn, nearest first (SRB -> YUG -> ...)."""
    seen: list[str] = []
    todo = list(registry.predecessors(code))
    while todo:
        current = todo.pop(0)
        if current not in seen:
            seen.append(current)
            todo.extend(registry.predecessors(current))
    return seen


def _ended_by(registry: ActorRegistry, code: str, day: dt.date) -> bool:
    actor = registry.get(code)
    return actor is not None and actor.ended is not None and actor.ended.earliest <= day


def _as_kind(value: object) -> Kind:
    if isinstance(value, type) and issubclass(value, Event) and value is not Event:
        return value.KIND
    if isinstance(value, str):
        kind = Kind._value2member_map_.get(value)
        if isinstance(kind, Kind):
            return kind
        raise choice_error("kind", value, list(Kind))
    raise TypeError(f"a kind is a name such as 'visit' or a record class such as vndiplo.Visit, got {value!r}")


def _as_level(value: object) -> RelationLevel:
    if isinstance(value, str):
        level = RelationLevel._value2member_map_.get(value)
        if isinstance(level, RelationLevel) and level is not RelationLevel.SEVERED:
            return level
        raise choice_error("level", value, [lv.value for lv in RelationLevel if lv is not RelationLevel.SEVERED])
    raise TypeError(f"level must be a str such as 'strategic_partnership', got {value!r}")


def _as_month_day(value: object) -> tuple[int, int]:
    if isinstance(value, dt.date):
        return value.month, value.day
    if isinstance(value, tuple) and len(value) == 2 and all(type(v) is int for v in value):
        month, day = value
    elif isinstance(value, str):
        parts = value.split("-")
        if len(parts) != 2 or not all(len(p) == 2 and p.isdigit() and p.isascii() for p in parts):
            raise QueryError(f"invalid month and day {value!r}: expected 'MM-DD', e.g. '07-28'")
        month, day = int(parts[0]), int(parts[1])
    else:
        raise TypeError(f"expected 'MM-DD', a (month, day) pair or a date, got {value!r}")
    try:
        dt.date(2000, month, day)  # a leap year, so 02-29 is a valid month-day
    except (ValueError, OverflowError):
        raise QueryError(f"invalid month and day {value!r}: no such day in the calendar") from None
    return month, day


def _start_month_day(event: Event) -> tuple[tuple[int, int], ...]:
    start = event.when.start
    if start.day is None or start.month is None:
        return ()
    return ((start.month, start.day),)


_PACKAGED: list[Timeline] = []
_LOCK = threading.Lock()


def timeline() -> Timeline:
    """The packaged data set, made once (thread-safe) and then shared; its files are read as queries need them.

    >>> import vndiplo
    >>> vndiplo.timeline() is vndiplo.timeline()
    True
    """
    if not _PACKAGED:
        with _LOCK:
            if not _PACKAGED:
                shards = packaged.shards()
                # Files matching their digest are read lazily; any other state is loaded whole, with every check.
                made = Timeline(packaged.packaged_events()) if shards is None else Timeline._lazy(shards)
                _PACKAGED.append(made)
    return _PACKAGED[0]


def load(paths: PathArg | Iterable[PathArg], *, with_packaged: bool = False) -> Timeline:
    """Read your own JSON event files, with the same checks as the packaged data.

    With ``with_packaged=True`` the result also holds the packaged data set;
    your events may then link to packaged ones (by their ids now or by ids
    they had before a date was sharpened), and an id that clashes with one,
    or with a former one, is an error. Raises DataError listing every
    problem; nothing is half-loaded.
    """
    base = timeline() if with_packaged else None
    mine = read_files(paths, packaged.actors(), known=base, former=packaged.renamed() if with_packaged else None)
    return Timeline([*(base or ()), *mine], actors=packaged.actors())
