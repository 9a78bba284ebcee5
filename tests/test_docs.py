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
