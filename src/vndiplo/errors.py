"""The exceptions vndiplo raises on purpose, all under :class:`VndiploError`.

Each also derives from the built-in exception users already catch (KeyError
for an unknown id, LookupError for an unknown actor, ValueError for bad data
or query values), so ``except VndiploError`` catches exactly the library's own.
A bad field travels as data (:class:`FieldError` has ``field`` and ``message``):
nothing reads a field name back out of a message.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "DataError",
    "FieldError",
    "FieldTypeError",
    "InvalidDateError",
    "MissingDependencyError",
    "Problem",
    "QueryError",
    "UnknownActorError",
    "UnknownEventError",
    "VndiploError",
    "did_you_mean",
]


class VndiploError(Exception):
    """The base of every error vndiplo raises on purpose."""


class FieldError(VndiploError, ValueError):
    """A bad value in one field of a record: ``field`` (a path such as ``sources[0].url``) and ``message``.

    >>> str(FieldError("title", "must be non-empty text"))
    'title: must be non-empty text'
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)


class FieldTypeError(FieldError, TypeError):
    """A field holding a value of the wrong type (also a TypeError, as attrs raises)."""


class InvalidDateError(VndiploError, ValueError):
    """A date or span that cannot be read or does not exist: month 13, 30 Feb, an end before its start."""


class MissingDependencyError(VndiploError, ImportError):
    """A feature needs a package that is not installed; the message says how to install it.

    Also an ImportError, so ``except ImportError`` still catches it.

    >>> str(MissingDependencyError("icalendar", needed_by="the ics format", extra="ics"))
    "the ics format needs icalendar: pip install 'vndiplo[ics]'"
    """

    def __init__(self, module: str, *, needed_by: str, extra: str | None) -> None:
        self.module = module
        self.extra = extra
        install = module if extra is None else f"'vndiplo[{extra}]'"
        super().__init__(f"{needed_by} needs {module}: pip install {install}", name=module)


class QueryError(VndiploError, ValueError):
    """A query value that is not accepted: an unknown kind, state or level, a reversed range, an empty search."""


@attrs.frozen(slots=True)
class Problem:
    """One thing wrong in a data file: where (file, event id, field) and what."""

    file: str
    event_id: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.event_id is not None:
            where.append(f"event {self.event_id!r}")
        if self.field:
            where.append(self.field)
        return f"{': '.join(where)}: {self.message}"


class DataError(VndiploError, ValueError):
    """A data file (or set of files) is not valid; lists every problem found.

    Loading either succeeds whole or raises this: nothing is half-loaded.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the data:\n{lines}")


class UnknownEventError(VndiploError, KeyError):
    """No event has this id; the message suggests close ids."""

    def __init__(self, event_id: object, suggestions: Sequence[str] = ()) -> None:
        self.event_id = event_id
        self.suggestions = tuple(suggestions)
        super().__init__(f"no event with id {event_id!r}{_hint(self.suggestions)}")

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownActorError(VndiploError, LookupError, ValueError):
    """No actor has this code, name or alias (pycountry's ``lookup`` contract: a LookupError)."""

    def __init__(self, name: object, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        super().__init__(
            f"unknown actor {name!r}: give a code (USA, VN, ASEAN), an English or Vietnamese name "
            f"or an alias{_hint(self.suggestions)}"
        )

    def __str__(self) -> str:
        return str(self.args[0])


def did_you_mean(value: str, choices: Iterable[str], *, n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The choices closest to ``value`` (ignoring case): those it begins, else difflib's close matches.

    The one suggestion helper behind every "did you mean" (difflib is imported
    only on this error path).

    >>> did_you_mean("visti", ["visit", "policy"])
    ['visit']
    """
    import difflib

    by_key = {choice.casefold(): choice for choice in choices}
    key = value.casefold()
    prefixed = [k for k in by_key if key and k.startswith(key)]
    close = prefixed or difflib.get_close_matches(key, list(by_key), n=n, cutoff=cutoff)
    return [by_key[k] for k in close[:n]]


def _hint(suggestions: Sequence[str]) -> str:
    return f"; did you mean {', '.join(map(repr, suggestions))}?" if suggestions else ""


def choice_error(what: str, value: object, accepted: Sequence[str]) -> QueryError:
    """A QueryError for a value outside a fixed set, listing what is accepted and the closest choice."""
    names = [str(choice) for choice in accepted]  # StrEnum members read as their values
    close = did_you_mean(value, names, n=1) if isinstance(value, str) else []
    return QueryError(f"unknown {what} {value!r}: choose one of {', '.join(names)}{_hint(close)}")
