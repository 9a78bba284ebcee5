"""pandas export: the events as a DataFrame with the CSV's columns and useful dtypes.

The columns are those of :data:`vndiplo.export.csvfile.COLUMNS`, one row
per event in date order, with the values the CSV would read back as:
``first_day`` and ``last_day`` are ``datetime64[s]`` (second resolution
reaches years 1000-9999, where nanoseconds stop at 2262); ``kind``,
``state`` and ``precision`` are categoricals (``precision`` ordered year <
month < day); ``edition`` and ``years`` are nullable ``Int64``; lists stay
``;``-joined text (``df.tags.str.split(";")``); an empty cell is missing.
Like the CSV, a frame holds both languages (``title`` and ``title_vi``,
``summary`` and ``summary_vi``), so it takes no ``language``.
pandas is imported when :func:`to_frame` runs, never before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..errors import MissingDependencyError
from ..records import Event, Kind, VnState
from .csvfile import COLUMNS, rows

if TYPE_CHECKING:
    import pandas

__all__ = ["to_frame"]

_PRECISIONS = ("year", "month", "day")


def to_frame(timeline: Iterable[Event]) -> pandas.DataFrame:
    """The events as a pandas DataFrame, one row per event, with the CSV's columns.

    Without pandas, raises :class:`~vndiplo.export.MissingDependencyError`
    (an ImportError) naming the extra to install.

    >>> import vndiplo
    >>> df = to_frame(vndiplo.timeline().of_kind("membership"))
    >>> str(df["first_day"].dtype), str(df["kind"].dtype)
    ('datetime64[s]', 'category')
    """
    try:
        import numpy as np
        import pandas as pd
    except ImportError as exc:
        raise MissingDependencyError("pandas", needed_by="to_frame()", extra="pandas") from exc

    records = rows(timeline)
    text = {column: [_text(row[column]) for row in records] for column in COLUMNS}
    data: dict[str, object] = dict(text)
    for column in ("first_day", "last_day"):
        data[column] = np.array(text[column], dtype="datetime64[s]")
    data["kind"] = pd.Categorical(text["kind"], categories=[k.value for k in Kind])
    data["state"] = pd.Categorical(text["state"], categories=[s.value for s in VnState])
    data["precision"] = pd.Categorical(text["precision"], categories=_PRECISIONS, ordered=True)
    for column in ("edition", "years"):
        data[column] = pd.array([row[column] for row in records], dtype="Int64")
    return pd.DataFrame(data, columns=list(COLUMNS))


def _text(value: object) -> str | None:
    """A cell as the CSV reader would see it: None for an empty cell."""
    if value is None or value == "":
        return None
    return str(value)
