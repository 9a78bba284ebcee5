"""The exceptions vndiplo raises, each a subclass of a built-in one users already catch."""

from __future__ import annotations

import attrs

__all__ = ["DataError", "Problem", "UnknownEventError"]


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


class DataError(ValueError):
    """A data file (or set of files) is not valid; lists every problem found.

    Loading either succeeds whole or raises this: nothing is half-loaded.
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the data:\n{lines}")


class UnknownEventError(KeyError):
    """No event has this id; the message suggests close ids."""

    def __init__(self, event_id: object, suggestions: list[str] | tuple[str, ...] = ()) -> None:
        self.event_id = event_id
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(map(repr, self.suggestions))}?" if self.suggestions else ""
        super().__init__(f"no event with id {event_id!r}{hint}")

    def __str__(self) -> str:
        return str(self.args[0])
