"""The packaged data's fast path: trusted only while the files match the digest the tests recorded."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vndiplo
from vndiplo import DataError, dataset, packaged, strategies
from vndiplo.dataset import read_events


def test_the_digest_matches_the_files_the_tests_check() -> None:
    """The data tests ran on exactly these files; after changing them, record the new digest."""
    recorded = json.loads((packaged.DATA_DIR / packaged.DIGEST_NAME).read_text(encoding="utf-8"))
    assert recorded == packaged.compute_digest(), (
        'data files changed: run the tests, then python -c "from vndiplo.packaged import write_digest; write_digest()"'
    )


def test_the_fast_path_gives_the_same_records_as_the_full_checks() -> None:
    registry = packaged.load_actors(packaged.DATA_DIR, trust_digest=False)
    assert list(packaged.load_actors(packaged.DATA_DIR)) == list(registry)
    trusted = packaged.load_packaged(packaged.DATA_DIR, registry)
    checked = packaged.load_packaged(packaged.DATA_DIR, registry, trust_digest=False)
    assert trusted == checked
    assert [type(e) for e in trusted] == [type(e) for e in checked]


def _count_full_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the files read through the full checks (dataset.read_events) from now on."""
    calls: list[str] = []
    original = read_events

    def counting(data: bytes, name: str) -> tuple[list[vndiplo.Event], list[vndiplo.Problem]]:
        calls.append(name)
        return original(data, name)

    monkeypatch.setattr(packaged, "read_events", counting)
    return calls


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(packaged.DATA_DIR, copy)
    return copy


def test_a_corrupted_file_is_checked_in_full_and_rejected(package_copy: Path) -> None:
    victim = package_copy / "events" / "1990s.json"
    events = json.loads(victim.read_text(encoding="utf-8"))
    events[3]["when"] = "1995-02-30"
    events[5]["summary_vi"] = "  "
    victim.write_text(json.dumps(events, ensure_ascii=False), encoding="utf-8")
    registry = packaged.load_actors(package_copy)  # actors.json still matches: the digest is per folder
    with pytest.raises(DataError) as info:
        packaged.load_packaged(package_copy, registry)
    fields = {(p.file, p.event_id, p.field) for p in info.value.problems}
    assert ("events/1990s.json", events[3]["id"], "when") in fields
    assert ("events/1990s.json", events[5]["id"], "summary_vi") in fields


def test_an_edited_but_valid_file_loads_through_the_full_checks(
    package_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = package_copy / "events" / "2000s.json"
    victim.write_text(victim.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # same events, new bytes
    calls = _count_full_reads(monkeypatch)
    events = packaged.load_packaged(package_copy, vndiplo.actors())
    assert len(calls) == len(packaged.packaged_event_files(package_copy))
    assert events == packaged.packaged_events()


def test_a_missing_digest_means_full_checks(package_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (package_copy / packaged.DIGEST_NAME).unlink()
    calls = _count_full_reads(monkeypatch)
    packaged.load_packaged(package_copy, vndiplo.actors())
    assert calls


# -- loaded once across threads. Each run is a fresh interpreter: in this one the data is loaded already.

_RACE = textwrap.dedent(
    """
    import contextlib, threading, time
    import vndiplo
    from vndiplo import packaged
    BREAK_LOCK = {break_lock}
    if BREAK_LOCK:
        packaged._LOCK = contextlib.nullcontext()
    calls = []
    original = packaged.load_packaged
    def slow_load(*args, **kwargs):
        calls.append(1)
        time.sleep(0.05)  # wide open window: every thread arrives while the first still loads
        return original(*args, **kwargs)
    packaged.load_packaged = slow_load
    barrier = threading.Barrier(8)
    results = []
    def worker():
        barrier.wait()
        results.append(vndiplo.timeline())
    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads: t.start()
    for t in threads: t.join()
    print(len(calls), len({{id(r) for r in results}}), len(results))
    """
)


def _race(*, break_lock: bool) -> tuple[int, int, int]:
    code = _RACE.format(break_lock=break_lock)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loads, distinct, total = map(int, out.split())
    return loads, distinct, total


def test_the_packaged_set_is_loaded_once_however_many_threads_ask() -> None:
    assert _race(break_lock=False) == (1, 1, 8)


def test_the_race_test_can_fail_without_the_lock() -> None:
    """The same race with the lock replaced by a no-op loads more than once: the test above can fail."""
    loads, _, total = _race(break_lock=True)
    assert total == 8
    assert loads > 1


def test_nothing_slow_is_imported_on_the_fast_path() -> None:
    code = "import sys, vndiplo; vndiplo.timeline(); print(' '.join(sorted(sys.modules)))"
    modules = set(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    )
    assert not modules & {"cattrs", "pendulum", "pycountry", "hypothesis", "pandas", "difflib", "vndiplo.search"}


@given(st.lists(strategies.events(), max_size=5, unique_by=lambda e: e.id))
def test_the_fast_path_builds_any_valid_record_as_the_full_checks_do(events: list[vndiplo.Event]) -> None:
    """Every field type, optional values and EDTF marks included (the packaged data has few of them)."""
    data = dataset.canonical_json(events).encode()
    checked, problems = read_events(data, "events.json")
    assert problems == []
    assert packaged._trusted_events(data) == checked
    assert sorted(checked, key=lambda e: e.id) == sorted(events, key=lambda e: e.id)
