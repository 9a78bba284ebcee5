"""Load and query benchmarks: ratios against baselines measured in the same run.

Run on demand (not part of the test suite):

    pip install -e '.[bench]' && python benchmarks/bench.py

Targets: cold ``import vndiplo; vndiplo.timeline()`` <= 0.6x holidays.VN(1945-2025)
and <= 0.3x pandas.read_csv of the same events, and the same with a first date query
(the packaged files are read lazily, so both rows matter; reading the whole set is
reported beside them); between() on 100,000 events
<= 3x a bisect on a plain list and >= 50x faster than a pandas boolean mask;
retained memory <= 1.5 KB per event.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import vndiplo
from vndiplo import Event, Policy, Source, Timeline, VnState, When
from vndiplo.dates import PartialDate

RUNS = 15


def cold(*codes: str) -> list[float]:
    """Median wall time of each snippet in a fresh interpreter, minus a bare interpreter's start.

    The snippets and the bare start run in turn, round after round, so that a change in the
    machine's load during the benchmark falls on every side alike rather than on whichever ran
    then. Both sides run from bytecode, as they do once installed (pip compiles a wheel's
    modules): the interpreters write and read ``.pyc`` files under a private cache prefix even
    where PYTHONDONTWRITEBYTECODE is set, and one untimed round first fills that cache.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = _PYCACHE.name

    def once(snippet: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", snippet], check=True, env=env)
        return time.perf_counter() - start

    snippets = ["pass", *codes]
    for snippet in snippets:
        once(snippet)
    times: list[list[float]] = [[] for _ in snippets]
    for _ in range(RUNS):
        for i, snippet in enumerate(snippets):
            times[i].append(once(snippet))
    bare, *medians = (statistics.median(t) for t in times)
    return [m - bare for m in medians]


_PYCACHE = tempfile.TemporaryDirectory(prefix="vndiplo-bench-pyc-")
"""The bytecode both sides of the cold runs write and read; removed when the benchmark exits."""


def best(fn: Callable[[], object], repeat: int = 200) -> float:
    """The best time of ``fn`` over ``repeat`` calls (seconds)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def report(name: str, value: float, baseline: float, target: str, ok: bool) -> None:
    print(
        f"{name:<52} {value * 1000:9.3f} ms vs {baseline * 1000:9.3f} ms  ratio {value / baseline:7.3f}  "
        f"target {target:<8} {('ok' if ok else 'MISSED') if target != '-' else ''}"
    )


def write_csv(tl: Timeline, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "kind", "when", "first_day", "last_day", "state", "title", "title_vi", "summary"])
        for e in tl:
            writer.writerow(
                [
                    e.id,
                    e.kind.value,
                    str(e.when),
                    e.when.earliest,
                    e.when.latest,
                    e.state.value,
                    e.title,
                    e.title_vi or "",
                    e.summary,
                ]
            )


def text_bytes(tl: Timeline) -> int:
    """Memory of the records' own strings (each distinct string once): the floor for retained memory."""
    seen: dict[int, int] = {}
    for e in tl:
        strings = [e.id, e.title, e.title_vi or "", e.summary, e.summary_vi or "", *e.people, *e.places, *e.tags]
        strings += [*e.counterparts, *e.related, *(d.note or "" for d in e.disputed)]
        for source in e.sources:
            strings += [source.publisher, source.title, source.url or ""]
        for text in strings:
            seen[id(text)] = sys.getsizeof(text)
    return sum(seen.values())


def synthetic(n: int) -> Timeline:
    rng = random.Random(7)
    source = (Source(publisher="p", title="t"),)
    events = []
    for i in range(n):
        day = dt.date(1977, 1, 1) + dt.timedelta(days=rng.randrange(17_000))
        when = When(PartialDate(day.year, day.month, day.day))
        events.append(
            Policy(
                id=f"{day.isoformat()}-e{i}",
                when=when,
                state=VnState.SRV,
                title="t",
                summary="s",
                sources=source,
                document="d",
                issuer="i",
            )
        )
    return Timeline(events)


def main() -> None:
    tl = vndiplo.timeline()
    print(f"data set: {len(tl)} events\n")

    # The files are read lazily: a first date query reads one decade's file, anything else reads them all.
    ours, first_query, whole, holidays = cold(
        "import vndiplo; vndiplo.timeline()",
        "import vndiplo; [e.title for e in vndiplo.timeline().between(1975, 1975)]",
        "import vndiplo; [e.title for e in vndiplo.timeline()]",
        "import holidays; holidays.VN(years=range(1945, 2026))",
    )
    report("cold import + timeline() vs holidays.VN 1945-2025", ours, holidays, "<= 0.6x", ours <= 0.6 * holidays)
    report("  + a first query, between(1975, 1975)", first_query, holidays, "<= 0.6x", first_query <= 0.6 * holidays)
    report("  + reading every event (the whole set)", whole, holidays, "-", True)
    # Before the fast path: every file checked in full, as when a packaged file does not match the digest.
    (checked,) = cold(
        "import vndiplo; from vndiplo import packaged as p; "
        "p.load_packaged(p.DATA_DIR, p.load_actors(p.DATA_DIR, trust_digest=False), trust_digest=False)"
    )
    report("  same, every file checked in full (no fast path)", checked, holidays, "-", True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.csv"
        write_csv(tl, path)
        (pandas_cold,) = cold(f"import pandas; pandas.read_csv({str(path)!r})")
    report("cold import + timeline() vs pandas.read_csv", ours, pandas_cold, "<= 0.3x", ours <= 0.3 * pandas_cold)
    report("  + reading every event (the whole set)", whole, pandas_cold, "-", True)

    big = synthetic(100_000)
    low, high = dt.date(1990, 1, 1), dt.date(1990, 12, 31)
    starts = [e.when.earliest for e in big]
    plain = list(big)

    def bisect_plain() -> list[Event]:
        return plain[bisect.bisect_left(starts, low) : bisect.bisect_right(starts, high)]

    assert len(bisect_plain()) == len(big.between("1990", "1990")), "same hits"
    ours_q = best(lambda: big.between("1990", "1990"))
    base_q = best(bisect_plain)
    report("between() on 100k events vs bisect on a list", ours_q, base_q, "<= 3x", ours_q <= 3 * base_q)

    import pandas

    frame = pandas.DataFrame({"first": pandas.to_datetime(starts), "last": pandas.to_datetime(starts)})
    lo, hi = pandas.Timestamp(low), pandas.Timestamp(high)
    mask_q = best(lambda: frame[(frame["first"] <= hi) & (frame["last"] >= lo)], repeat=50)
    print(
        f"{'between() on 100k events vs pandas boolean mask':<52} {ours_q * 1000:9.3f} ms vs {mask_q * 1000:9.3f} ms  "
        f"{mask_q / ours_q:6.1f}x faster  target >= 50x   {'ok' if mask_q >= 50 * ours_q else 'MISSED'}"
    )

    memory = subprocess.run(
        [
            sys.executable,
            "-c",
            "import tracemalloc, vndiplo.convert, gc; vndiplo.convert.converter(); tracemalloc.start();"
            "import vndiplo; tl = vndiplo.timeline(); tl.events; gc.collect();"
            "print(tracemalloc.get_traced_memory()[0], len(tl))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    per_event = int(memory[0]) / int(memory[1])
    print(
        f"{'retained memory per event':<52} {per_event / 1024:9.3f} KB (target <= 1.5 KB) "
        f"{'ok' if per_event <= 1.5 * 1024 else 'MISSED'}; the records' own text alone: "
        f"{text_bytes(tl) / len(tl) / 1024:.3f} KB"
    )

    print("\nqueries on the real data set (best of 200):")
    for label, query in [
        ("between('1954', '1975')", lambda: tl.between("1954", "1975")),
        ("of_kind('visit')", lambda: tl.of_kind("visit")),
        ("involving('USA')", lambda: tl.involving("USA")),
        ("search('ha noi')", lambda: tl.search("ha noi")),
        ("on_this_day('07-28')", lambda: tl.on_this_day("07-28")),
        ("anniversaries(2025, every=5)", lambda: tl.anniversaries(2025, every=5)),
        ("partners('2024-12-31')", lambda: tl.partners("2024-12-31")),
    ]:
        print(f"  {label:<40} {best(query) * 1e6:9.1f} µs")


if __name__ == "__main__":
    main()
