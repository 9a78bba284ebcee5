"""Exports: the registry of formats, and what every text format shares."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections.abc import Iterable

import attrs
import pytest

import vndiplo
from tests.export_support import vevents
from vndiplo import Event, QueryError, Timeline
from vndiplo.dates import Language
from vndiplo.export import FORMATS, MissingDependencyError, export
from vndiplo.export.csvfile import to_csv
from vndiplo.export.ics import to_ics
from vndiplo.export.markdown import to_markdown
from vndiplo.export.timelinejs import document

# -- the registry


def test_formats_are_the_text_formats() -> None:
    assert list(FORMATS) == ["json", "csv", "ics", "timelinejs", "markdown"]


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize("name", list(FORMATS))
def test_export_gives_the_format_functions_text_for_events_in_any_order(
    tl: Timeline, name: str, language: Language
) -> None:
    events = tl.between(1973, 1973)
    assert export(list(reversed(events)), name, language=language) == FORMATS[name](events, language=language)


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_rejects_an_unknown_language_naming_the_accepted_ones(tl: Timeline, name: str) -> None:
    samples: list[Iterable[Event]] = [tl.between(1973, 1973), []]
    for events in samples:
        with pytest.raises(QueryError, match=r"unknown language 'fr': choose one of en, vi"):
            export(events, name, language="fr")  # type: ignore[arg-type]
        with pytest.raises(QueryError, match="unknown language 'fr'"):
            FORMATS[name](events, language="fr")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["json", "csv"])
def test_json_and_csv_carry_both_languages_whatever_the_language(tl: Timeline, name: str) -> None:
    events = tl.between(1995, 1995)
    text = export(events, name, language="vi")
    assert text == export(events, name)
    event = events["1995-07-28-asean-accession"]
    assert event.title_vi is not None
    assert event.title in text
    assert event.title_vi in text


def test_a_missing_dependency_is_one_of_the_librarys_errors_and_an_import_error() -> None:
    error = MissingDependencyError("icalendar", needed_by="the ics format", extra="ics")
    assert isinstance(error, vndiplo.VndiploError)
    assert isinstance(error, ImportError)
    assert (error.name, error.extra) == ("icalendar", "ics")
    assert str(error) == "the ics format needs icalendar: pip install 'vndiplo[ics]'"


def test_export_rejects_an_unknown_format_naming_the_accepted_ones(tl: Timeline) -> None:
    with pytest.raises(ValueError, match=r"'xml'.*json, csv, ics, timelinejs, markdown"):
        export(tl, "xml")
    with pytest.raises(ValueError, match="did you mean 'csv'"):
        export(tl, "CSV")
    with pytest.raises(TypeError, match="format must be a str"):
        export(tl, None)  # type: ignore[arg-type]


def test_export_rejects_duplicate_ids(tl: Timeline) -> None:
    event = tl["1995-07-28-asean-accession"]
    with pytest.raises(ValueError, match="duplicate event id"):
        export([event, event], "json")


def test_importing_the_export_package_loads_no_heavy_library() -> None:
    code = "import sys, vndiplo.export; print(sorted({'icalendar', 'pandas', 'frictionless'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# -- every text format


def test_a_print_source_without_a_url_is_cited_by_name(tl: Timeline) -> None:
    printed = vndiplo.Source(publisher="Nhân Dân", title="Front page, 29 July 1995")
    event = attrs.evolve(tl["1995-07-28-asean-accession"], sources=(printed,))
    (item,) = vevents(to_ics([event]))
    assert "URL" not in item
    assert str(item["DESCRIPTION"]).endswith("Source: Nhân Dân, Front page, 29 July 1995")
    assert "Sources: Nhân Dân, *Front page, 29 July 1995*" in to_markdown([event])
    assert next(csv.DictReader(io.StringIO(to_csv([event]))))["source_urls"] == ""
    assert document([event])["events"][0]["text"]["text"].endswith("<p>Sources: Nhân Dân</p>")
