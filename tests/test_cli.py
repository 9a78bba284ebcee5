"""The vndiplo command: every subcommand, table and JSON Lines output, languages, users' files, bad arguments."""

from __future__ import annotations

import argparse
import inspect
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def rows_of(text: str) -> list[list[str]]:
    """The tab-separated rows of piped output, without the header row."""
    lines = [line.split("\t") for line in text.splitlines()]
    return lines[1:]


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_list_filters_and_prints_tab_separated_rows_when_piped() -> None:
    code, text = run("list", "--kind", "membership", "--from", "1995", "--to", "1995")
    assert code == 0
    assert text.splitlines()[0] == "date\tkind\tid\ttitle"
    rows = rows_of(text)
    asean = vndiplo.timeline()["1995-07-28-asean-accession"]
    assert ["28 Jul 1995", "membership", asean.id, asean.title] in rows
    expected = vndiplo.timeline().between("1995", "1995").of_kind("membership")
    assert [r[2] for r in rows] == [e.id for e in expected]


def test_list_combines_every_filter() -> None:
    code, text = run("list", "--with", "France", "--state", "DRV", "--search", "geneva", "--kind", "agreement")
    assert code == 0
    ids = [row[2] for row in rows_of(text)]
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
    assert rows_of(text)[0][0] in {"80", "70", "60", "50", "40", "30", "20", "10"}
    code, text = run("partners", "--as-of", "2024-12-31", "--level", "comprehensive_strategic_partnership")
    assert code == 0
    assert [row[0] for row in rows_of(text)] == sorted(
        vndiplo.timeline().partners("2024-12-31", level="comprehensive_strategic_partnership")
    )
    code, text = run("stats")
    assert code == 0
    assert text.startswith(f"{len(vndiplo.timeline())} events")


def test_validate_accepts_good_files_and_lists_problems_of_bad_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vndiplo.packaged import packaged_event_files

    good = [str(f) for f in packaged_event_files()]  # together: their links cross the decade files
    assert run("validate", *good) == (0, f"ok: {len(vndiplo.timeline())} events in {len(good)} file(s)\n")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"id": "x", "kind": "visit"}]), encoding="utf-8")
    assert run("validate", str(bad))[0] == 1
    err = capsys.readouterr().err
    assert f"{bad}: event 'x': when: required field missing" in err


def test_format_rewrites_into_canonical_form_and_check_reports(tmp_path: Path) -> None:
    from vndiplo.packaged import packaged_event_files

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
        (["format", "a\x00.json"], "cannot read"),
        (["export", "--format", "csv", "-o", "a\x00.csv"], "cannot write"),
        (["export", "--format", "datapackage", "-o", "a\x00"], "cannot write"),
        (["list", "--limit", "0"], "1 or more"),
        (["list", "--limit", "ten"], "1 or more"),
        (["--lang", "fr", "list"], "invalid choice"),
        (["list", "--lang", "en_GB"], "invalid choice"),
        (["actors", "--kind", "country_club"], "invalid choice"),
        (["--data", "x.json", "validate", "y.json"], "--data does not apply to validate"),
        (["export", "--format", "datapackage"], "give it with -o FOLDER"),
        (["--print-completion", "fish"], "invalid choice"),
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


def test_export_format_choices_are_the_export_registry_and_datapackage() -> None:
    from vndiplo.cli import EXPORT_FORMATS, _parser
    from vndiplo.export import FORMATS

    assert (*FORMATS, "datapackage") == EXPORT_FORMATS
    export = subcommands(_parser())["export"]
    (fmt,) = [a for a in export._actions if a.dest == "format"]
    assert tuple(fmt.choices or ()) == EXPORT_FORMATS


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


# -- helpers for the parser


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


LISTING = {
    "list": ["list", "--kind", "membership", "--from", "1995", "--to", "1995"],
    "on-this-day": ["on-this-day", "07-28"],
    "anniversaries": ["anniversaries", "2025"],
    "partners": ["partners", "--as-of", "2024-12-31"],
    "actors": ["actors"],
}
"""Every command that lists, with arguments that give several rows."""

EVENT_KEYS = ["id", "when", "date", "kind", "kind_name", "title", "summary"]
KEYS = {
    "list": EVENT_KEYS,
    "on-this-day": EVENT_KEYS,
    "anniversaries": ["years", *EVENT_KEYS],
    "partners": ["code", "name", "level", "level_name", "id", "when", "date"],
    "actors": ["code", "kind", "kind_name", "alpha_2", "name_en", "name_vi"],
}
"""The keys of each listing command's JSON Lines, in order, whatever the language."""


def test_every_listing_command_is_covered() -> None:
    from vndiplo.cli import _parser

    listing = {name for name, sub in subcommands(_parser()).items() if any(a.dest == "json" for a in sub._actions)}
    assert listing == set(LISTING) == set(KEYS)


# -- header row, JSON Lines, --limit


@pytest.mark.parametrize("command", list(LISTING))
def test_piped_output_starts_with_a_header_row(command: str) -> None:
    code, text = run(*LISTING[command])
    assert code == 0
    header, *rows = [line.split("\t") for line in text.splitlines()]
    assert header[0] in {"date", "years", "code"}
    assert rows
    assert {len(row) for row in rows} == {len(header)}


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize("command", list(LISTING))
def test_json_lines_parse_with_stable_keys(command: str, language: str) -> None:
    code, text = run(*LISTING[command], "--json", "--lang", language)
    assert code == 0
    objects = json_lines(text)
    assert len(objects) == len(rows_of(run(*LISTING[command])[1]))
    assert all(list(o) == KEYS[command] for o in objects)


def test_json_lines_of_list_are_the_events() -> None:
    _, text = run(*LISTING["list"], "--json")
    expected = vndiplo.timeline().between("1995", "1995").of_kind("membership")
    objects = json_lines(text)
    assert [o["id"] for o in objects] == [e.id for e in expected]
    assert [vndiplo.When.parse(o["when"]) for o in objects] == [e.when for e in expected]
    asean = next(o for o in objects if o["id"] == "1995-07-28-asean-accession")
    event = vndiplo.timeline()["1995-07-28-asean-accession"]
    assert asean == {
        "id": event.id,
        "when": "1995-07-28",
        "date": "28 Jul 1995",
        "kind": "membership",
        "kind_name": "membership",
        "title": event.title,
        "summary": event.summary,
    }


@pytest.mark.parametrize("command", list(LISTING))
def test_limit_keeps_the_first_n_rows(command: str) -> None:
    _, everything = run(*LISTING[command], "--json")
    _, two = run(*LISTING[command], "--json", "--limit", "2")
    assert json_lines(two) == json_lines(everything)[:2]
    _, table = run(*LISTING[command], "--limit", "1")
    assert len(table.splitlines()) == 2  # the header and one row


def test_terminal_partners_says_how_many_were_shown() -> None:
    _, text = run("partners", "--as-of", "2024-12-31", "--limit", "3", terminal=True)
    total = len(vndiplo.timeline().partners("2024-12-31"))
    assert text.endswith(f"\n3 of {total} partners\n")


def test_anniversaries_every_defaults_to_the_timelines_default() -> None:
    from vndiplo.cli import _parser

    default = inspect.signature(vndiplo.Timeline.anniversaries).parameters["every"].default
    assert subcommands(_parser())["anniversaries"].get_default("every") == default == 5
    expected = [(e.id, years) for e, years in vndiplo.timeline().anniversaries(2025)]
    assert [(o["id"], o["years"]) for o in json_lines(run("anniversaries", "2025", "--json")[1])] == expected


# -- --lang


def test_lang_vi_gives_vietnamese_titles_dates_and_kind_names() -> None:
    event = vndiplo.timeline()["1995-07-28-asean-accession"]
    code, text = run("--lang", "vi", "on-this-day", "07-28")
    assert code == 0
    assert ["28/7/1995", "thành viên", event.id, event.title_vi] in rows_of(text)
    assert run("on-this-day", "07-28", "--lang", "vi") == (code, text)  # after the command too
    (row,) = [o for o in json_lines(run("on-this-day", "07-28", "--lang", "vi", "--json")[1]) if o["id"] == event.id]
    assert (row["date"], row["kind"], row["kind_name"]) == ("28/7/1995", "membership", "thành viên")
    assert (row["title"], row["summary"]) == (event.title_vi, event.summary_vi)


def test_lang_vi_in_the_other_commands() -> None:
    _, text = run("--lang", "vi", "show", "1995-07-28-asean-accession")
    assert "28/7/1995  (1995-07-28)" in text
    assert "Hiệp hội các quốc gia Đông Nam Á" in text
    assert "Vietnam joins ASEAN as its seventh member" in text  # the other language's title
    _, text = run("--lang", "vi", "partners", "--as-of", "2024-12-31", "--level", "comprehensive_strategic_partnership")
    assert ["USA", "Hoa Kỳ", "đối tác chiến lược toàn diện", "10/9/2023"] in rows_of(text)
    _, text = run("--lang", "vi", "anniversaries", "2025", "--every", "30")
    asean = vndiplo.timeline()["1995-07-28-asean-accession"]
    assert ["30", "28/7/1995", asean.id, asean.title_vi] in rows_of(text)
    _, text = run("--lang", "vi", "stats")
    assert "28/8/1945" in text.splitlines()[0]
    assert "chuyến thăm\t" in text
    _, text = run("--lang", "vi", "actors", "--kind", "former_state")
    assert ["SUN", "quốc gia không còn tồn tại", "Soviet Union", "Liên Xô"] in rows_of(text)


def test_lang_en_is_the_default() -> None:
    assert run("on-this-day", "07-28") == run("--lang", "en", "on-this-day", "07-28")


# -- actors


def test_actors_lists_codes_kinds_and_both_names() -> None:
    code, text = run("actors")
    registry = vndiplo.actors()
    assert code == 0
    rows = rows_of(text)
    assert [r[0] for r in rows] == sorted(a.code for a in registry)
    assert ["USA", "country", "United States", "Hoa Kỳ"] in rows
    _, text = run("actors", "--kind", "organisation", "--kind", "other", "--json")
    objects = json_lines(text)
    assert {o["kind"] for o in objects} == {"organisation", "other"}
    assert len(objects) == sum(1 for a in registry if a.kind.value in ("organisation", "other"))
    assert {"code": "VAT", "alpha_2": "VA", "name_en": "Holy See"}.items() <= next(
        o for o in objects if o["code"] == "VAT"
    ).items()


# -- --data


MY_EVENT: dict[str, Any] = {
    "id": "2030-05-01-my-own-policy",
    "kind": "policy",
    "when": "2030-05-01",
    "state": "SRV",
    "title": "A policy of my own",
    "title_vi": "Một chính sách của riêng tôi",
    "summary": "Written for a test of the --data option.",
    "summary_vi": "Viết để kiểm tra tùy chọn --data.",
    "related": ["1995-07-28-asean-accession"],
    "sources": [{"publisher": "Me", "title": "My notes"}],
    "document": "Note 1",
    "issuer": "Government",
}


@pytest.fixture
def my_file(tmp_path: Path) -> Path:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps([MY_EVENT], ensure_ascii=False), encoding="utf-8")
    return path


def test_data_adds_a_users_events_to_the_packaged_ones(my_file: Path) -> None:
    code, text = run("list", "--data", str(my_file), "--from", "2030", "--json")
    assert code == 0
    assert [o["id"] for o in json_lines(text)] == [MY_EVENT["id"]]
    assert run("--data", str(my_file), "list", "--from", "2030", "--json") == (0, text)  # before the command too
    _, text = run("--lang", "vi", "--data", str(my_file), "show", MY_EVENT["id"])
    assert text.startswith("Một chính sách của riêng tôi\n")
    _, text = run("stats", "--data", str(my_file))
    assert text.startswith(f"{len(vndiplo.timeline()) + 1} events")
    _, text = run("on-this-day", "05-01", "--data", str(my_file), "--json")
    assert MY_EVENT["id"] in [o["id"] for o in json_lines(text)]


def test_data_from_both_places_is_read_together(my_file: Path, tmp_path: Path) -> None:
    other = dict(MY_EVENT, id="2031-01-01-another", when="2031-01-01", related=[MY_EVENT["id"]])
    second = tmp_path / "second.json"
    second.write_text(json.dumps([other]), encoding="utf-8")
    code, text = run("--data", str(my_file), "list", "--data", str(second), "--from", "2030", "--json")
    assert code == 0
    assert [o["id"] for o in json_lines(text)] == [MY_EVENT["id"], "2031-01-01-another"]


def test_a_broken_data_file_prints_every_problem_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"id": "x", "kind": "visit"}]), encoding="utf-8")
    code, text = run("list", "--data", str(bad))
    assert (code, text) == (1, "")
    lines = capsys.readouterr().err.splitlines()
    assert f"{bad}: event 'x': when: required field missing" in lines
    assert lines[-1] == f"{len(lines) - 1} problem(s)"
    assert not any(line.startswith("vndiplo: error") for line in lines)
    assert run("list", "--data", str(tmp_path / "missing.json"))[0] == 1


# -- export


def test_export_lang_vi_is_the_vietnamese_export(tmp_path: Path) -> None:
    from vndiplo.export import export

    selected = vndiplo.timeline().between("1995", "1995")
    for fmt in ("markdown", "ics", "timelinejs"):
        code, text = run("--lang", "vi", "export", "--format", fmt, "--from", "1995", "--to", "1995")
        assert code == 0
        assert text == export(selected, fmt, language="vi") != export(selected, fmt)
    assert "28/7/1995" in run("export", "--format", "markdown", "--from", "1995", "--to", "1995", "--lang", "vi")[1]


def test_export_datapackage_writes_a_folder_frictionless_validates(tmp_path: Path) -> None:
    import frictionless

    folder = tmp_path / "package"
    assert run("export", "--format", "datapackage", "--from", "1995", "--to", "1995", "-o", str(folder)) == (0, "")
    assert sorted(p.name for p in folder.iterdir()) == ["datapackage.json", "events.csv"]
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    assert report.tasks[0].stats["rows"] == len(vndiplo.timeline().between("1995", "1995"))


def test_export_datapackage_into_a_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert run("export", "--format", "datapackage", "-o", str(blocker))[0] == 2
    assert capsys.readouterr().err.startswith(f"vndiplo: error: cannot write {blocker}")


def test_a_missing_optional_dependency_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)  # as if it were not installed
    assert run("export", "--format", "ics", "--from", "1995", "--to", "1995") == (2, "")
    assert capsys.readouterr().err == ("vndiplo: error: the ics format needs icalendar: pip install 'vndiplo[ics]'\n")


# -- shell completion


@pytest.mark.parametrize("shell", ["bash", "zsh", "tcsh"])
def test_print_completion_writes_a_script_for_every_command(shell: str, tmp_path: Path) -> None:
    from vndiplo.cli import _parser

    code, script = run("--print-completion", shell)
    assert code == 0
    for command in subcommands(_parser()):
        assert command in script
    assert "--lang" in script
    if shell == "bash" and shutil.which("bash"):
        path = tmp_path / "vndiplo.bash"
        path.write_text(script, encoding="utf-8")
        subprocess.run(["bash", "-n", str(path)], check=True)  # the script parses


def test_print_completion_without_shtab_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "shtab", None)
    assert run("--print-completion", "bash") == (2, "")
    assert capsys.readouterr().err == "vndiplo: error: shell completion needs shtab: pip install shtab\n"


# -- help and errors


def test_every_argument_has_help() -> None:
    from vndiplo.cli import _parser

    parser = _parser()
    parsers = {"vndiplo": parser, **subcommands(parser)}
    missing = [
        f"{name} {action.dest}"
        for name, sub in parsers.items()
        for action in sub._actions
        if not isinstance(action, argparse._SubParsersAction) and not action.help
    ]
    assert missing == []


def test_only_the_librarys_own_errors_are_user_mistakes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bare ValueError or KeyError is a bug: it keeps its traceback instead of becoming exit 2."""

    def broken(self: vndiplo.Timeline, field: str = "kind") -> dict[str, int]:
        raise KeyError("an internal bug")

    monkeypatch.setattr(vndiplo.Timeline, "counts", broken)
    with pytest.raises(KeyError, match="an internal bug"):
        run("stats")


def test_importing_the_command_loads_no_optional_library() -> None:
    """shtab, icalendar and pandas are imported by the option that needs them, never on start."""
    code = "import sys, vndiplo.cli; print(sorted({'shtab', 'icalendar', 'pandas', 'frictionless'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_show_finds_an_event_by_a_former_id() -> None:
    code, text = run("show", "1973-relations-bangladesh")
    assert code == 0
    assert "1973-02-11-relations-bangladesh" in text
