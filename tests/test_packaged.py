"""The packaged data's fast path: trusted only while the files match the digest the tests recorded."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given
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
    if {break_lock!r}:
        packaged._LOCK = contextlib.nullcontext()
    calls = []
    original = packaged._build_shard
    def slow_build(data):
        calls.append(1)
        time.sleep(0.05)  # wide open window: every thread arrives while the first still builds
        return original(data)
    packaged._build_shard = slow_build
    barrier = threading.Barrier(8)
    results = []
    def worker():
        barrier.wait()
        tl = vndiplo.timeline()
        results.append((id(tl), id(packaged.packaged_events()), id(tl.events)))  # the files first, then the Timeline
    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads: t.start()
    for t in threads: t.join()
    print(len(calls), len(packaged.shards()), *(len(set(column)) for column in zip(*results)), len(results))
    """
)


def _race(*, break_lock: bool) -> tuple[int, ...]:
    code = _RACE.format(break_lock=break_lock)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return tuple(map(int, out.split()))


def test_the_packaged_set_is_read_once_however_many_threads_ask() -> None:
    """Each file is built once; every thread gets the one Timeline, one tuple of its events, one packaged tuple."""
    builds, files, timelines, packaged_tuples, event_tuples, total = _race(break_lock=False)
    assert (builds, timelines, event_tuples, packaged_tuples, total) == (files, 1, 1, 1, 8)


def test_the_race_test_can_fail_without_the_file_lock() -> None:
    """With the files' lock a no-op, threads build a file twice or find its bytes taken: the test above fails."""
    builds, files, *_, total = _race(break_lock=True)
    assert (builds, total) != (files, 8)


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


# -- the lazy packaged Timeline: each decade's file read when a query first needs it

_EAGER = vndiplo.Timeline(packaged.packaged_events())
_DAYS = st.dates(dt.date(1940, 1, 1), dt.date(2030, 12, 31))


def _fresh_lazy() -> vndiplo.Timeline:
    shards = packaged.shards()
    assert shards is not None, "the packaged files match their digest"
    return vndiplo.Timeline._lazy(shards)


@given(_DAYS, _DAYS, st.booleans())
def test_a_lazy_date_range_is_the_eager_one(a: dt.date, b: dt.date, within: bool) -> None:
    low, high = min(a, b), max(a, b)
    lazy = _fresh_lazy()
    assert list(lazy.between(low, high, within=within)) == list(_EAGER.between(low, high, within=within))
    assert lazy._held is None, "a date range reads files, not the whole Timeline"


@given(st.sampled_from([e.id for e in _EAGER]) | st.text(min_size=1, max_size=20))
@example("²³¹⁴-digits-int-cannot-read")  # str.isdigit() is true for these; the lazy look-up once raised
def test_a_lazy_id_lookup_is_the_eager_one(event_id: str) -> None:
    lazy = _fresh_lazy()
    assert lazy.get(event_id) == _EAGER.get(event_id)
    assert (event_id in lazy) == (event_id in _EAGER)


_FORMER = sorted(packaged.renamed().items())


@given(st.sampled_from(_FORMER))
def test_a_former_id_finds_the_event_it_became(pair: tuple[str, str]) -> None:
    former, now = pair
    lazy = _fresh_lazy()
    assert lazy[former] is lazy[now]
    assert lazy._held is None, "a former id reads the file of the id it became, not the whole Timeline"
    assert lazy.get(former) == _EAGER[former] == _EAGER[now]
    assert former in lazy
    assert former in _EAGER
    assert _EAGER.between(_EAGER[now].when.start, _EAGER[now].when.start).get(former) == _EAGER[now]


def test_an_event_whose_id_is_a_former_id_is_found_before_the_one_it_became() -> None:
    former, now = next((f, n) for f, n in _FORMER if f.startswith(f"{_EAGER[n].when.start}-"))
    own = attrs.evolve(_EAGER[now], id=former)  # a user's own event that happens to take the former id
    assert vndiplo.Timeline([own, _EAGER[now]])[former] is own
    assert vndiplo.Timeline([_EAGER["1995-07-28-asean-accession"]]).get(former) is None


def test_a_renamed_file_that_is_not_a_map_of_ids_names_each_bad_entry(tmp_path: Path) -> None:
    path = tmp_path / packaged.RENAMED_NAME
    assert packaged.read_renamed(path) == {}, "no file: nothing was renamed"
    bad = {"1973-x": "1973-02-11-x", "Bad Id": "1990-y", "1990-z": 5, "1991-a": "1991-a", "1972-x": "1973-x"}
    path.write_text(json.dumps(bad))
    with pytest.raises(DataError) as raised:
        packaged.read_renamed(path)
    assert [p.event_id for p in raised.value.problems] == ["Bad Id", "1990-z", "1991-a", "1972-x"]
    assert all(p.file == "renamed.json" for p in raised.value.problems)
    path.write_text("[]")
    with pytest.raises(DataError, match="JSON object"):
        packaged.read_renamed(path)
    path.write_text("{")
    with pytest.raises(DataError, match="cannot be read as JSON"):
        packaged.read_renamed(path)


def test_a_lazy_timeline_is_the_eager_one_whole() -> None:
    lazy = _fresh_lazy()
    assert len(lazy) == len(_EAGER)
    assert repr(lazy) == repr(_EAGER)
    assert lazy._held is None, "its size and repr come from the digest"
    assert lazy == _EAGER
    assert lazy.events == _EAGER.events
    assert lazy.counts("decade") == _EAGER.counts("decade")
    with pytest.raises(vndiplo.UnknownEventError):
        lazy["1995-07-28-asean-accesion"]


def test_a_first_query_reads_only_the_files_it_needs() -> None:
    code = textwrap.dedent(
        """
        import vndiplo
        from vndiplo import packaged
        tl = vndiplo.timeline()
        def read():
            return sorted(k.rsplit(":", 1)[1] for k in packaged._CACHE if k.startswith("shard:"))
        print(len(tl), read())
        print(len(tl.between(1975, 1975)), read())
        print(tl["1995-07-28-asean-accession"].id, read(), "renamed" in packaged._CACHE)
        print(tl.get("1995-01-01-no-such-event"), read())
        print(len(tl.of_kind("visit")) > 0, len(read()))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == f"{len(_EAGER)} []"
    assert out[1] == f"{len(_EAGER.between(1975, 1975))} ['events/1970s.json']"
    assert out[2] == "1995-07-28-asean-accession ['events/1970s.json', 'events/1990s.json'] False"
    assert out[3] == "None ['events/1970s.json', 'events/1990s.json']", "a missing id reads no other file"
    assert out[4] == f"True {len(packaged.packaged_event_files())}"


def test_files_whose_dates_interleave_are_loaded_whole(package_copy: Path) -> None:
    """The lazy load puts files one after another: if their days could interleave, it is not used."""
    digest_path = package_copy / packaged.DIGEST_NAME
    digest = json.loads(digest_path.read_text(encoding="utf-8"))
    digest["events/1970s.json"]["last_start"] = "1985-01-01"
    digest_path.write_text(json.dumps(digest), encoding="utf-8")
    assert packaged.shards(package_copy) is None


def test_the_digest_describes_each_file_for_the_lazy_load() -> None:
    shards = packaged.shards()
    assert shards is not None
    assert sum(s.events for s in shards) == len(_EAGER)
    for shard in shards:
        events = packaged.shard_events(shard)
        assert len(events) == shard.events
        assert min(e.when.earliest for e in events) == shard.first_day
        assert max(e.when.earliest for e in events) == shard.last_start
        assert max(e.when.latest for e in events) == shard.last_day


def test_a_lazy_timeline_keeps_the_files_a_query_read_for_the_next() -> None:
    """Repeated date ranges over the same decades reuse one part and its index, as an eager Timeline would."""
    lazy = _fresh_lazy()
    assert lazy.between(1975, 1975) == _EAGER.between(1975, 1975)
    assert lazy.between("1976-01", "1976-06") == _EAGER.between("1976-01", "1976-06")
    assert lazy["1975-04-30-war-ends-saigon-liberated"] is lazy.get("1975-04-30-war-ends-saigon-liberated")
    assert [key for key in lazy._index if key.startswith("part:")] == ["part:events/1970s.json"]
