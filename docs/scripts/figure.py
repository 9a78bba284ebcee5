"""The docs' figures, drawn from the packaged data with matplotlib (the ``plot`` extra).

The docs build draws them (docs/scripts/hooks.py calls :func:`render`), so
they always show the data being documented; to look at them without
building the site:

python docs/scripts/figure.py [FOLDER]   # writes the PNGs into FOLDER (default: build/figures)
"""

from __future__ import annotations

import io
import itertools
import math
import sys
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

import vndiplo
from vndiplo import Kind, RelationLevel, Relations, Timeline

YEARS = range(1945, 2026)

LEVELS = (
    (RelationLevel.DIPLOMATIC_RELATIONS, "diplomatic relations", "#c9d3dd"),
    (RelationLevel.COMPREHENSIVE_PARTNERSHIP, "comprehensive partnership", "#f2b134"),
    (RelationLevel.STRATEGIC_PARTNERSHIP, "strategic partnership", "#e0603a"),
    (RelationLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP, "comprehensive strategic partnership", "#a4161a"),
)
"""The levels counted by ``partners(level=...)`` (each a minimum), their labels and colours, lowest first."""

SHORT = {
    RelationLevel.COMPREHENSIVE_PARTNERSHIP: "CP",
    RelationLevel.STRATEGIC_PARTNERSHIP: "SP",
    RelationLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP: "CSP",
}

MILESTONES = [(1954, "Geneva"), (1973, "Paris Accords"), (1986, "Đổi Mới"), (1995, "ASEAN, US"), (2007, "WTO")]


DPI = 150
"""Sharp on high-density screens; the pages show the figures at their column's width."""


def _year_end(year: int) -> str:
    return f"{year}-12-31"


def events_per_year(tl: Timeline) -> Figure:
    """Stacked bars: events per start year, by kind."""
    years = list(YEARS)
    fig, ax = plt.subplots(figsize=(9, 4.2))
    bottom = [0] * len(years)
    colours = [plt.get_cmap("tab10")(i) for i in range(len(Kind))]
    for colour, kind in zip(colours, Kind, strict=True):
        counts = tl.of_kind(kind).counts("year")
        values = [counts.get(str(y), 0) for y in years]
        ax.bar(years, values, bottom=bottom, color=colour, label=kind.value, width=0.85)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    for year, label in MILESTONES:
        ax.annotate(
            label, (year, bottom[years.index(year)]), xytext=(0, 6), textcoords="offset points", ha="center", fontsize=8
        )
    ax.set_xlim(1944, 2026)
    ax.set_ylim(0, max(bottom) * 1.08)
    ax.set_ylabel("events")
    ax.set_title(f"{len(tl)} events of Vietnam's diplomacy by year and kind (1945-2025)", pad=30)
    ax.legend(
        ncol=len(Kind),
        fontsize=7.5,
        frameon=False,
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        handlelength=1,
        columnspacing=1,
    )
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def partner_counts(tl: Timeline) -> dict[RelationLevel, list[int]]:
    """For each level of :data:`LEVELS`, the number of states at that level or higher at the end of each year."""
    return {
        level: [len(tl.partners(_year_end(year), level=level)) for year in YEARS] for level, _label, _colour in LEVELS
    }


def partners_over_time(tl: Timeline) -> Figure:
    """Stacked areas: the states Vietnam had relations with at the end of each year, by the level of the relations."""
    counts = partner_counts(tl)
    years = list(YEARS)
    levels = [level for level, _label, _colour in LEVELS]
    # partners(level=...) counts a minimum; the bands are the differences between successive levels.
    bands = [
        [n - m for n, m in zip(counts[level], counts[above], strict=True)]
        for level, above in itertools.pairwise(levels)
    ]
    bands.append(counts[levels[-1]])
    labels = [label for _level, label, _colour in LEVELS]
    colours = [colour for _level, _label, colour in LEVELS]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 6.4), gridspec_kw={"height_ratios": [3, 2], "hspace": 0.4})
    top.stackplot(years, bands, labels=labels, colors=colours)
    top.set_xlim(1945, 2025)
    top.set_ylabel("states")
    total = counts[levels[0]][-1]
    top.set_title(f"States with diplomatic relations at the end of each year ({total} at the end of 2025)")
    for year, label in MILESTONES:
        top.annotate(
            label,
            (year, counts[levels[0]][years.index(year)]),
            xytext=(0, 8),
            textcoords="offset points",
            ha="center",
            fontsize=8,
        )
    top.legend(fontsize=8, frameon=False, loc="upper left")

    since = years.index(2000)
    bottom.stackplot(years[since:], [band[since:] for band in bands[1:]], colors=colours[1:])
    for level, label, colour in LEVELS[1:]:
        bottom.plot([], [], color=colour, linewidth=6, label=f"{label}: {counts[level][-1]} at or above")
    bottom.set_xlim(2000, 2025)
    bottom.set_ylabel("states")
    bottom.set_title("The partnership frameworks since 2000 (a band: the states at exactly that level)")
    bottom.legend(fontsize=8, frameon=False, loc="upper left")
    for ax in (top, bottom):
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_ylim(bottom=0)
    fig.tight_layout()
    return fig


def upgrades(tl: Timeline, code: str) -> list[tuple[RelationLevel, int]]:
    """The first year the relations with ``code`` reached each partnership level, in date order."""
    firsts: dict[RelationLevel, int] = {}
    for event in tl.of_kind("relations"):
        assert isinstance(event, Relations)
        if event.counterpart == code and event.level.rank >= RelationLevel.COMPREHENSIVE_PARTNERSHIP.rank:
            firsts.setdefault(event.level, event.when.start.year)
    return list(firsts.items())


def partnership_network(tl: Timeline, as_of: str = "2025-12-31") -> Figure:
    """Vietnam and its strategic and comprehensive strategic partners, clockwise by the date of the first of these."""
    partners = tl.partners(as_of, level=RelationLevel.STRATEGIC_PARTNERSHIP)
    registry = vndiplo.actors()

    def first_strategic(code: str) -> tuple[str, str]:
        days = [
            str(event.when.first_day)
            for event in tl.of_kind("relations")
            if isinstance(event, Relations)
            and event.counterpart == code
            and event.level.rank >= RelationLevel.STRATEGIC_PARTNERSHIP.rank
        ]
        return min(days), code

    codes = sorted(partners, key=first_strategic)
    colour = {level: c for level, _label, c in LEVELS}
    fig, ax = plt.subplots(figsize=(9.5, 8.6))
    ax.set_aspect("equal")
    ax.axis("off")
    for i, code in enumerate(codes):
        angle = math.pi / 2 - 2 * math.pi * i / len(codes)
        x, y = math.cos(angle), math.sin(angle)
        level = partners[code].level
        highest = level is RelationLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP
        ax.plot([0, x], [0, y], color=colour[level], linewidth=3 if highest else 1.6, zorder=1)
        ax.scatter([x], [y], s=240 if highest else 150, color=colour[level], edgecolors="white", zorder=2)
        steps = " → ".join(f"{SHORT[step]} {year}" for step, year in upgrades(tl, code))
        # Near the top and bottom neighbours are close side by side: every other label sits further out.
        outside = 1.3 if abs(y) > 0.8 and i % 2 else 1.09
        if outside > 1.09:
            ax.plot([x * 1.04, x * 1.27], [y * 1.04, y * 1.27], color="#999999", linewidth=0.8, linestyle=":")
        ax.text(
            x * outside,
            y * outside,
            f"{registry[code].names.en}\n{steps}",
            ha="left" if x > 0.05 else "right" if x < -0.05 else "center",
            va="bottom" if y > 0.5 else "top" if y < -0.5 else "center",
            fontsize=9,
        )
    ax.scatter([0], [0], s=2600, color="#da251d", zorder=3)
    ax.text(0, 0, "Việt Nam", color="#ffde00", ha="center", va="center", fontsize=9, weight="bold", zorder=4)
    ax.set_xlim(-1.8, 1.8)
    ax.set_ylim(-1.55, 1.55)
    for level, label, c in LEVELS[2:]:
        count = sum(1 for code in codes if partners[code].level is level)
        ax.plot([], [], color=c, linewidth=3, marker="o", markersize=10, label=f"{label} ({count})")
    ax.legend(loc="upper left", frameon=False, fontsize=9)
    ax.text(
        -1.8,
        -1.55,
        "CP comprehensive partnership, SP strategic partnership, CSP comprehensive strategic partnership",
        fontsize=8,
        color="#555555",
    )
    ax.set_title(
        f"Vietnam's {len(codes)} strategic and comprehensive strategic partners at the end of 2025:\n"
        "clockwise from the top in the order they first became strategic partners, with the year of each upgrade",
        fontsize=11,
    )
    fig.tight_layout()
    return fig


FIGURES: dict[str, Callable[[Timeline], Figure]] = {
    "events-per-year.png": events_per_year,
    "partners-over-time.png": partners_over_time,
    "partnership-network.png": partnership_network,
}
"""The figures by file name (the docs show them as ``img/<name>``)."""


def render(tl: Timeline) -> dict[str, bytes]:
    """Every figure of :data:`FIGURES` as PNG bytes."""
    images = {}
    for name, draw in FIGURES.items():
        fig = draw(tl)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        plt.close(fig)
        images[name] = buffer.getvalue()
    return images


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("build", "figures")
    folder.mkdir(parents=True, exist_ok=True)
    for name, png in render(vndiplo.timeline()).items():
        (folder / name).write_bytes(png)
        print(folder / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
