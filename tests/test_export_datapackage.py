"""Exports: the Frictionless data package, validated by frictionless."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import vndiplo
from vndiplo import Timeline
from vndiplo.export.csvfile import COLUMNS
from vndiplo.export.datapackage import descriptor, write_package

# -- Frictionless data package


def test_descriptor_describes_the_csv_columns() -> None:
    resource = descriptor()["resources"][0]
    assert resource["path"] == "events.csv"
    fields = resource["schema"]["fields"]
    assert [f["name"] for f in fields] == list(COLUMNS)
    types = {f["name"]: f["type"] for f in fields}
    assert types["first_day"] == types["last_day"] == "date"
    assert {types[c] for c in COLUMNS if c not in ("first_day", "last_day", "edition", "years")} == {"string"}
    assert resource["schema"]["primaryKey"] == ["id"]
    assert descriptor("data/e.csv")["resources"][0]["path"] == "data/e.csv"


def test_data_package_is_valid_for_frictionless(tmp_path: Path) -> None:
    import frictionless

    path = write_package(tmp_path / "package")
    assert path == tmp_path / "package" / "datapackage.json"
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    assert report.tasks[0].stats["rows"] == len(vndiplo.timeline())


def test_frictionless_catches_a_broken_package(tmp_path: Path, tl: Timeline) -> None:
    """The validator really reads the cells: a bad date and a repeated id are reported."""
    import frictionless

    path = write_package(tmp_path, tl.between(1995, 1995))
    csv_path = tmp_path / "events.csv"
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    rows[0]["first_day"] = "1995-02-30"
    rows.append(rows[1])
    with csv_path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    report = frictionless.validate(str(path))
    assert not report.valid
    assert {"type-error", "primary-key"} <= {error.type for error in report.tasks[0].errors}
