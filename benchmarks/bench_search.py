"""Text search benchmark: the word index against the scan it replaced, on the same queries.

Run on demand (not part of the test suite):

    python benchmarks/bench_search.py

The baseline is the old ``Timeline.search``, copied here: fold each event's
title, Vietnamese title, summary, people and places once, then test every
query word as a substring of every event's text. The index answers the same
20 queries from a :class:`vndiplo.search.WordIndex` built once. Both sides
are timed after their one-off build (which is reported too), in CPU time, as
the mean over several rounds of the 20 queries. Target: the index is at
least 10 times faster per query.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence

import vndiplo
from vndiplo import Event
from vndiplo.search import WordIndex
from vndiplo.text import fold

QUERIES = (
    "geneva",
    "geneva accords",
    "paris agreement",
    "ha noi",
    "hanoi",
    "Hà Nội",
    "ASEAN summit",
    "UN",
    "WTO",
    "Hoàng Sa",
    "hiệp định",
    "Nhật Bản",
    "Ho Chi Minh",
    "strategic partnership",
    "comprehensive strategic partnership",
    "Soviet Union",
    "Bắc Kinh",
    "normalisation",
    "Trường Sa",
    "đối tác chiến lược toàn diện",
)
ROUNDS = 15
TARGET = 10.0


def build_scan(events: Sequence[Event]) -> list[tuple[str, str]]:
    """The old search's text, as its ``_build_text`` made it: folded fields and the same without spaces."""
    texts = []
    for e in events:
        text = fold(" | ".join((e.title, e.title_vi or "", e.summary, *e.people, *e.places)))
        texts.append((text, text.replace(" ", "")))
    return texts


def scan(texts: list[tuple[str, str]], query: str) -> list[int]:
    """The old search: every folded query word is a substring of the text or of the text without spaces."""
    words = fold(query).split()
    return [i for i, (text, squeezed) in enumerate(texts) if all(w in text or w in squeezed for w in words)]


def cpu(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def per_query(run: Callable[[str], object]) -> float:
    """The mean CPU time of one query: the median over ROUNDS of a round of all QUERIES, divided by their number."""
    rounds = [cpu(lambda: [run(q) for q in QUERIES]) for _ in range(ROUNDS)]
    return statistics.median(rounds) / len(QUERIES)


def main() -> None:
    events = vndiplo.timeline().events
    registry = vndiplo.actors()
    WordIndex([])  # read the spelling variants outside the timed build

    texts: list[tuple[str, str]] = []
    index: WordIndex | None = None

    def build_old() -> None:
        nonlocal texts
        texts = build_scan(events)

    def build_new() -> None:
        nonlocal index
        index = WordIndex(events, registry)

    old_build = cpu(build_old)
    new_build = cpu(build_new)
    assert index is not None
    built = index

    print(f"{len(events)} events, {len(QUERIES)} queries, median of {ROUNDS} rounds (CPU time)")
    print(f"{'query':<38} {'scan hits':>9} {'index hits':>10}")
    for query in QUERIES:
        print(f"{query:<38} {len(scan(texts, query)):>9} {len(built.find(query)):>10}")

    old = per_query(lambda q: scan(texts, q))
    new = per_query(built.find)
    speedup = old / new
    print(f"build: scan texts {old_build * 1000:8.1f} ms   word index {new_build * 1000:8.1f} ms")
    print(f"per query: scan {old * 1e6:8.1f} µs   index {new * 1e6:8.1f} µs   speed-up {speedup:5.1f}x")
    print(f"target >= {TARGET:g}x: {'ok' if speedup >= TARGET else 'MISSED'}")


if __name__ == "__main__":
    main()
