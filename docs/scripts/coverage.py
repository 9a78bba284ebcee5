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
    disputed = sum(1 for e in tl if e.disputed)
    sources = {s.url for e in tl for s in e.sources}
    lines += [
        "",
        f"- {len(tl)} events, {len(sources)} distinct sources; {disputed} events record a disputed date.",
        f"- {len(vndiplo.actors())} actors in the registry.",
        "",
        "Events per year, by start year (the floors the data tests hold are in `tests/test_data.py`):",
        "",
        *_years_table(tl),
        "",
        "Diplomatic partners over time (`partners(as_of=...)`: states with relations on that day; "
        "strategic and comprehensive strategic partners counted by `level=`):",
        "",
        "| as of | states | strategic or higher | comprehensive strategic | organisations |",
        "|---|---:|---:|---:|---:|",
    ]
    for as_of in PARTNER_DAYS:
        states = tl.partners(as_of)
        strategic = tl.partners(as_of, level="strategic_partnership")
        highest = tl.partners(as_of, level="comprehensive_strategic_partnership")
        organisations = len(tl.partners(as_of, organisations=True)) - len(states)
        lines.append(f"| {as_of} | {len(states)} | {len(strategic)} | {len(highest)} | {organisations} |")
    lines += ["", "Relations whose date the sources disagree on (the date kept first, the others after):", ""]
    for event in tl.of_kind("relations"):
        if event.disputed:
            others = ", ".join(alt.when.human() for alt in event.disputed)
            lines.append(f"- {event.title}: {event.when.human()} (also given: {others})")
    return "\n".join(lines) + "\n"


PARTNER_DAYS = [f"{year}-12-31" for year in (1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020, 2023, 2024, 2025)]


def _years_table(tl: Timeline) -> list[str]:
    """Events per start year, ten years a row."""
    by_year = tl.counts("year")
    rows = ["| | +0 | +1 | +2 | +3 | +4 | +5 | +6 | +7 | +8 | +9 |", "|---|" + "---:|" * 10]
    for decade in range(1940, 2030, 10):
        cells = [by_year.get(str(y), "") if 1945 <= y <= 2025 else "" for y in range(decade, decade + 10)]
        rows.append(f"| {decade}s | " + " | ".join(str(c) for c in cells) + " |")
    return rows


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
