"""The vndiplo command: every subcommand, table output, and bad arguments ending in exit 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import vndiplo
from vndiplo.cli import main


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(*argv: str, terminal: bool = False) -> tuple[int, str]:
    out = Terminal() if terminal else io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


def test_list_filters_and_prints_tab_separated_rows_when_piped() -> None:
    code, text = run("list", "--kind", "membership", "--from", "1995", "--to", "1995")
    assert code == 0
    rows = [line.split("\t") for line in text.splitlines()]
    asean = vndiplo.timeline()["1995-07-28-asean-accession"]
    assert ["28 Jul 1995", "membership", asean.id, asean.title] in rows
    expected = vndiplo.timeline().between("1995", "1995").of_kind("membership")
    assert [r[2] for r in rows] == [e.id for e in expected]


def test_list_combines_every_filter() -> None:
    code, text = run("list", "--with", "France", "--state", "DRV", "--search", "geneva", "--kind", "agreement")
    assert code == 0
    ids = [line.split("\t")[2] for line in text.splitlines()]
    expected = vndiplo.timeline().involving("FRA").of_state("DRV").search("geneva").of_kind("agreement")
    assert ids == [e.id for e in expected]
    assert "1954-07-21-geneva-accords" in ids


def test_terminal_output_is_an_aligned_table_with_a_header() -> None:
    code, text = run("list", "--from", "1945", "--to", "1945", terminal=True)
    lines = text.splitlines()
    assert code == 0
    assert lines[0].split()[:4] == ["date", "kind", "id", "title"]
    assert set(lines[1]) <= {"-", " "}
    assert len({line.index(" policy") for line in lines[2:] if " policy" in line}) <= 1


def test_show_prints_every_part_of_an_event() -> None:
    code, text = run("show", "1995-07-28-asean-accession")
    assert code == 0
    assert "28 Jul 1995" in text
    assert "ASEAN" in text
    assert "source 1" in text


def test_on_this_day_anniversaries_partners_stats() -> None:
    assert "1995-07-28-asean-accession" in run("on-this-day", "07-28")[1]
    code, text = run("anniversaries", "2025", "--every", "10")
    assert code == 0
    assert "1995-07-28-asean-accession" in text
    assert text.splitlines()[0].split("\t")[0] in {"80", "70", "60", "50", "40", "30", "20", "10"}
    code, text = run("partners", "--as-of", "2024-12-31", "--level", "comprehensive_strategic_partnership")
    assert code == 0
    assert [line.split("\t")[0] for line in text.splitlines()] == sorted(
        vndiplo.timeline().partners("2024-12-31", level="comprehensive_strategic_partnership")
    )
    code, text = run("stats")
    assert code == 0
    assert text.startswith(f"{len(vndiplo.timeline())} events")


def test_validate_accepts_good_files_and_lists_problems_of_bad_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vndiplo.dataset import packaged_event_files

    good = [str(f) for f in packaged_event_files()]  # together: their links cross the decade files
    assert run("validate", *good) == (0, f"ok: {len(vndiplo.timeline())} events in {len(good)} file(s)\n")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"id": "x", "kind": "visit"}]), encoding="utf-8")
    assert run("validate", str(bad))[0] == 1
    err = capsys.readouterr().err
    assert f"{bad}: event 'x': when: required field missing" in err


def test_format_rewrites_into_canonical_form_and_check_reports(tmp_path: Path) -> None:
    from vndiplo.dataset import packaged_event_files

    source = packaged_event_files()[0]
    messy = tmp_path / "messy.json"
    messy.write_text(json.dumps(list(reversed(json.loads(source.read_text("utf-8"))))), encoding="utf-8")
    assert run("format", "--check", str(messy)) == (1, f"would reformat {messy}\n")
    assert run("format", str(messy)) == (0, f"reformatted {messy}\n")
    assert messy.read_text("utf-8") == source.read_text("utf-8")
    assert run("format", "--check", str(messy)) == (0, "")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "required"),
        (["bogus"], "invalid choice"),
        (["list", "--from", "1995-13"], "month 13"),
        (["list", "--from", "1960", "--to", "1950"], "reversed range"),
        (["list", "--kind", "treaty"], "invalid choice"),
        (["list", "--with", "Atlantis"], "unknown actor 'Atlantis'"),
        (["list", "--search", " "], "at least one word"),
        (["show", "1995-07-28-asean"], "did you mean"),
        (["on-this-day", "7-28"], "MM-DD"),
        (["anniversaries", "twenty"], "invalid int"),
        (["anniversaries", "2025", "--every", "0"], "every must be"),
        (["partners", "--as-of", "yesterday"], "invalid date"),
        (["partners", "--level", "friends"], "invalid choice"),
        (["export"], "required"),
        (["export", "--format", "pdf"], "invalid choice"),
        (["export", "--format", "csv", "-o", "/no/such/dir/x.csv"], "cannot write"),
        (["validate"], "required"),
        (["format", "/no/such/file.json"], "cannot read"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(*argv)
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("vndiplo: error: ")
    assert err.count("\n") == 1
    assert message in err


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--version")[0] == 0
    assert vndiplo.__version__ in capsys.readouterr().out
    assert run("list", "--help")[0] == 0


def test_python_dash_m_runs_the_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vndiplo", "on-this-day", "01-27"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stderr == ""
    assert "1973-01-27" in result.stdout


def test_export_names_match_the_export_registry() -> None:
    from vndiplo.cli import EXPORT_FORMATS
    from vndiplo.export import FORMATS

    assert tuple(FORMATS) == EXPORT_FORMATS


@pytest.mark.parametrize("fmt", ["json", "csv", "ics", "timelinejs", "markdown"])
def test_export_writes_the_filtered_events(fmt: str, tmp_path: Path) -> None:
    from vndiplo.export import export

    selected = vndiplo.timeline().between("1954", "1954")
    code, text = run("export", "--format", fmt, "--from", "1954", "--to", "1954")
    assert code == 0
    assert text == export(selected, fmt)
    target = tmp_path / f"out.{fmt}"
    assert run("export", "--format", fmt, "--from", "1954", "--to", "1954", "-o", str(target)) == (0, "")
    assert target.read_bytes() == export(selected, fmt).encode("utf-8")
