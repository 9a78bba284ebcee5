"""Draw the home page figure: events per year, stacked by kind (needs the plot extra).

python docs/scripts/figure.py   # writes docs/img/events-per-year.png
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

import vndiplo
from vndiplo import Kind

OUT = Path(__file__).parent.parent / "img" / "events-per-year.png"


def main() -> None:
    tl = vndiplo.timeline()
    years = list(range(1945, 2026))
    fig, ax = plt.subplots(figsize=(11, 4.2), dpi=110)
    bottom = [0] * len(years)
    colours = [plt.get_cmap("tab10")(i) for i in range(len(Kind))]
    for colour, kind in zip(colours, Kind, strict=False):
        counts = tl.of_kind(kind).counts("year")
        values = [counts.get(str(y), 0) for y in years]
        ax.bar(years, values, bottom=bottom, color=colour, label=kind.value, width=0.85)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    for year, label in [
        (1954, "Geneva"),
        (1973, "Paris Accords"),
        (1986, "Đổi Mới"),
        (1995, "ASEAN, US"),
        (2007, "WTO"),
    ]:
        ax.annotate(
            label, (year, bottom[years.index(year)]), xytext=(0, 6), textcoords="offset points", ha="center", fontsize=8
        )
    ax.set_xlim(1944, 2026)
    ax.set_ylabel("events")
    ax.set_title(f"vndiplo: {len(tl)} events of Vietnam's diplomacy by year and kind (1945-2025)")
    ax.legend(ncol=4, fontsize=8, frameon=False, loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    OUT.parent.mkdir(exist_ok=True)
    fig.savefig(OUT, metadata={"Software": None})


if __name__ == "__main__":
    main()
