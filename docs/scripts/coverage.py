"""Regenerate the coverage tables of docs/data-set.md from the packaged data.

python docs/scripts/coverage.py          # rewrite the section
python docs/scripts/coverage.py --check  # exit 1 if it is out of date (the tests do this)
"""

from __future__ import annotations

import sys
from pathlib import Path

import vndiplo
from vndiplo import Kind, Timeline

PAGE = Path(__file__).parent.parent / "data-set.md"
START, END = "<!-- coverage:start -->", "<!-- coverage:end -->"


def coverage_markdown(tl: Timeline) -> str:
    """Counts by kind and decade as a Markdown table, plus the headline numbers."""
    decades = list(tl.counts("decade"))
    kinds = [k.value for k in Kind]
    lines = ["| kind | " + " | ".join(decades) + " | all |", "|---|" + "---:|" * (len(decades) + 1)]
    for kind in kinds:
        counts = tl.of_kind(kind).counts("decade")
        row = [str(counts.get(d, 0)) for d in decades]
        lines.append(f"| {kind} | " + " | ".join(row) + f" | {sum(counts.values())} |")
    totals = tl.counts("decade")
    lines.append("| **all** | " + " | ".join(f"**{totals[d]}**" for d in decades) + f" | **{len(tl)}** |")
    partners = tl.partners("2024-12-31")
    disputed = sum(1 for e in tl if e.disputed)
    sources = {s.url for e in tl for s in e.sources}
    lines += [
        "",
        f"- {len(tl)} events, {len(sources)} distinct sources; {disputed} events record a disputed date.",
        f'- {len(partners)} states with diplomatic relations on 31 Dec 2024 (`partners(as_of="2024-12-31")`).',
        f"- {len(vndiplo.actors())} actors in the registry.",
    ]
    return "\n".join(lines) + "\n"


def rewrite(text: str, section: str) -> str:
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{section}{END}{tail}"


def main() -> int:
    text = PAGE.read_text(encoding="utf-8")
    new = rewrite(text, coverage_markdown(vndiplo.timeline()))
    if "--check" in sys.argv:
        return 0 if new == text else 1
    PAGE.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
