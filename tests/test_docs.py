"""The docs' command-line examples run against the packaged data (Python examples run as doctests)."""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pytest

from vndiplo.cli import main

DOCS = Path(__file__).parent.parent / "docs"
CONSOLE = re.compile(r"```console\n(.*?)```", re.S)


def console_examples() -> list[tuple[str, str, str]]:
    """(page, command, expected output) for every `$ vndiplo ...` line in a console block."""
    examples = []
    for page in [*sorted(DOCS.glob("*.md")), DOCS.parent / "README.md"]:
        for block in CONSOLE.findall(page.read_text(encoding="utf-8")):
            for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
                command, _, output = chunk.partition("\n")
                examples.append((page.name, command, output))
    return examples


def matches(expected: str, actual: str) -> bool:
    """Line by line; a line '...' stands for any number of lines."""
    pattern = "".join(".*?\n" if line == "..." else re.escape(line) + "\n" for line in expected.splitlines())
    return re.fullmatch(pattern, actual, re.S) is not None


@pytest.mark.parametrize(("page", "command", "expected"), console_examples())
def test_console_example(page: str, command: str, expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = shlex.split(command)
    assert argv[0] == "vndiplo"
    out = io.StringIO()
    code = main(argv[1:], out)
    actual = out.getvalue() + capsys.readouterr().err
    assert code == (2 if "vndiplo: error:" in expected else 0)
    assert matches(expected, actual), f"{page}: $ {command}\n--- expected\n{expected}--- got\n{actual}"


def test_there_are_console_examples() -> None:
    assert len(console_examples()) >= 9
    assert any(page == "README.md" for page, _, _ in console_examples())


def test_coverage_section_is_current() -> None:
    import runpy

    script = runpy.run_path(str(DOCS / "scripts" / "coverage.py"))
    page = (DOCS / "data-set.md").read_text(encoding="utf-8")
    import vndiplo

    section = script["coverage_markdown"](vndiplo.timeline())
    assert script["rewrite"](page, section) == page, "run python docs/scripts/coverage.py"


def test_the_data_model_tables_list_every_kind_field_and_value() -> None:
    """docs/data-model.md's table of kinds is held to records.py: classes, own fields and enum values."""
    import enum
    import re
    import typing

    import attrs

    from vndiplo.records import EVENT_CLASSES, Event

    page = (DOCS / "data-model.md").read_text(encoding="utf-8")
    kinds_section = page.split("## Kinds", 1)[1].split("\n## ", 1)[0]
    pattern = r"^\| `(\w+)` \| (\w+) \| (.+) \|$"
    rows = {m.group(2): m.group(3) for m in re.finditer(pattern, kinds_section, re.MULTILINE)}
    base = {a.name for a in attrs.fields(Event)}
    assert set(rows) == {k.value for k in EVENT_CLASSES}
    for kind, cls in EVENT_CLASSES.items():
        cell = rows[kind.value]
        own = [a.name for a in attrs.fields(cls) if a.name not in base]
        assert re.findall(r"`(\w+)`", cell) == own, kind
        hints = typing.get_type_hints(cls)
        for name in own:
            hint = hints[name]
            if isinstance(hint, type) and issubclass(hint, enum.Enum):
                listed = re.search(rf"`{name}` \(([^)]*)\)", cell)
                assert listed is not None, (kind, name)
                assert {v.strip() for v in listed.group(1).split(",")} == {m.value for m in hint}, (kind, name)
    common = set(re.findall(r"^\| `(\w+)`(?:, `(\w+)`)? \|", page, re.MULTILINE))
    listed_common = {name for pair in common for name in pair if name}
    assert base | {"kind"} <= listed_common
