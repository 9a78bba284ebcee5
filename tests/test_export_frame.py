"""Exports: the pandas DataFrame, checked by pandas' dtypes."""

from __future__ import annotations

import io
import re
import sys

import pytest

from vndiplo import Kind, Timeline
from vndiplo.export.csvfile import COLUMNS, to_csv
from vndiplo.export.frame import to_frame

# -- pandas


def test_frame_has_the_csv_columns_and_useful_dtypes(tl: Timeline) -> None:
    import pandas as pd

    df = to_frame(tl)
    assert tuple(df.columns) == COLUMNS
    assert len(df) == len(tl)
    assert list(df["id"]) == [e.id for e in tl]
    assert pd.api.types.is_datetime64_dtype(df["first_day"])
    assert pd.api.types.is_datetime64_dtype(df["last_day"])
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype)
    assert list(df["kind"].cat.categories) == [k.value for k in Kind]
    assert str(df["years"].dtype) == "Int64"
    assert [d.date() for d in df["first_day"]] == [e.when.earliest for e in tl]
    assert df["kind"].value_counts().to_dict() == tl.counts("kind")


def test_frame_agrees_with_the_csv_read_by_pandas(tl: Timeline) -> None:
    import pandas as pd

    events = tl.between(1995, 1995)
    df = to_frame(events)
    read = pd.read_csv(io.StringIO(to_csv(events)), parse_dates=["first_day", "last_day"])
    assert list(read["id"]) == list(df["id"])
    assert list(read["first_day"]) == list(df["first_day"])
    assert list(read["title_vi"].isna()) == list(df["title_vi"].isna())


def test_frame_of_no_events_is_empty_with_the_columns() -> None:
    df = to_frame([])
    assert tuple(df.columns) == COLUMNS
    assert len(df) == 0


def test_frame_without_pandas_says_which_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=re.escape("pip install 'vndiplo[pandas]'")):
        to_frame([])
