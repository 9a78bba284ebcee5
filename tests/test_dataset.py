"""Loading users' files: every problem reported at once, with file, event id and field."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

import vndiplo
from vndiplo import DataError, Timeline
from vndiplo.dataset import MAX_FILE_BYTES, canonical_json

EVENT: dict[str, Any] = {
    "id": "2030-01-01-my-visit",
    "kind": "visit",
    "when": "2030-01-01",
    "state": "SRV",
    "title": "A future visit",
    "summary": "Users' own files may hold events after 2025.",
    "counterparts": ["USA"],
    "sources": [{"publisher": "Me", "title": "Notes", "url": "https://example.org/notes"}],
    "direction": "outbound",
    "level": "official",
    "host": "USA",
}


def write(tmp_path: Path, data: object, name: str = "mine.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def problems(paths: object, **options: Any) -> list[str]:
    with pytest.raises(DataError) as info:
        vndiplo.load(paths, **options)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    return [str(p) for p in info.value.problems]


def test_load_reads_a_users_file(tmp_path: Path) -> None:
    tl = vndiplo.load(write(tmp_path, [EVENT]))
    assert isinstance(tl, Timeline)
    assert len(tl) == 1
    assert tl["2030-01-01-my-visit"].when.human() == "1 Jan 2030"


def test_load_with_packaged_merges_and_links_into_it(tmp_path: Path) -> None:
    packaged = vndiplo.timeline()
    target = next(iter(packaged))
    mine = {**EVENT, "related": [target.id]}
    tl = vndiplo.load([write(tmp_path, [mine])], with_packaged=True)
    assert len(tl) == len(packaged) + 1
    assert target.id in tl
    assert problems(write(tmp_path, [mine], "again.json")) == [
        f"{tmp_path / 'again.json'}: event '2030-01-01-my-visit': related[0]: no event with id {target.id!r}"
    ]


def test_an_id_clashing_with_the_packaged_set_is_an_error(tmp_path: Path) -> None:
    target = next(iter(vndiplo.timeline()))
    clash = {**EVENT, "id": target.id, "when": str(target.when), "state": target.state.value}
    assert any("duplicate id" in p for p in problems(write(tmp_path, [clash]), with_packaged=True))


def test_a_users_file_may_link_to_a_packaged_event_by_a_former_id(tmp_path: Path) -> None:
    former, now = "1973-relations-bangladesh", "1973-02-11-relations-bangladesh"
    assert vndiplo.packaged.renamed()[former] == now
    mine = {**EVENT, "related": [former]}
    tl = vndiplo.load([write(tmp_path, [mine])], with_packaged=True)
    assert tl[tl["2030-01-01-my-visit"].related[0]].id == now


def test_an_id_that_a_packaged_event_once_had_is_an_error(tmp_path: Path) -> None:
    former = "1973-relations-bangladesh"
    clash = {**EVENT, "id": former, "when": "1973", "state": "DRV", "direction": "inbound", "host": "VNM"}
    assert problems(write(tmp_path, [clash]), with_packaged=True) == [
        f"{tmp_path / 'mine.json'}: event {former!r}: id: was the id of packaged event "
        "'1973-02-11-relations-bangladesh', and still finds it: choose another"
    ]
    assert vndiplo.load(write(tmp_path, [clash]))[former].title == EVENT["title"], "alone, a user's ids are their own"


def test_all_problems_of_all_files_are_listed(tmp_path: Path) -> None:
    first = write(
        tmp_path,
        [{**EVENT, "title": 3}, {**EVENT, "id": "2030-01-01-x", "host": "ATLANTIS", "counterparts": ["ATLANTIS"]}],
        "a.json",
    )
    second = write(tmp_path, [{**EVENT, "id": "2030-01-01-x"}], "b.json")
    found = problems([first, second])
    assert f"{first}: event '2030-01-01-my-visit': title: expected a string, got 3 (an integer)" in found
    assert any(p.startswith(f"{second}: event '2030-01-01-x': id: duplicate id") for p in found)
    assert any("'2030-01-01-x': host" in p for p in found)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\xff\xfe[]", "not UTF-8"),
        (b'[{"id": ', "not valid JSON"),
        (b'{"id": "x"}', "expected a JSON list"),
        (b"[NaN]", "not valid JSON"),
        (b'[{"id": "a", "id": "b"}]', "appears twice"),
    ],
)
def test_files_that_are_not_json_lists_are_problems(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    found = problems(path)
    assert len(found) == 1
    assert found[0].startswith(str(path))
    assert message in found[0]


def test_missing_file_and_oversized_file(tmp_path: Path) -> None:
    assert "cannot read" in problems(tmp_path / "absent.json")[0]
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    assert "the limit is" in problems(big)[0]


def test_a_file_name_the_os_cannot_hold_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    """pathlib raises ValueError, not OSError, for a name with a NUL byte: it is reported like a missing file."""
    (found,) = problems(tmp_path / "a\x00.json")
    assert "cannot read the file" in found
    assert "null byte" in found


@pytest.mark.parametrize("bad", [None, 3, b"x.json", [3]])
def test_load_rejects_non_paths(bad: object) -> None:
    with pytest.raises(TypeError):
        vndiplo.load(bad)  # type: ignore[arg-type]


def test_load_needs_a_file() -> None:
    with pytest.raises(ValueError, match="at least one"):
        vndiplo.load([])


def test_anniversary_years_must_match(tmp_path: Path) -> None:
    original = {**EVENT}
    anniversary = {
        **{k: v for k, v in EVENT.items() if k not in ("direction", "level", "host")},
        "id": "2040-01-01-tenth",
        "kind": "anniversary",
        "when": "2040-01-01",
        "commemorates": EVENT["id"],
        "years": 11,
    }
    found = problems(write(tmp_path, [original, anniversary]))
    assert found == [f"{tmp_path / 'mine.json'}: event '2040-01-01-tenth': years: is 11, but 2040 - 2030 = 10"]


def test_canonical_json_is_sorted_and_stable(tmp_path: Path) -> None:
    tl = vndiplo.load(write(tmp_path, [EVENT]))
    text = canonical_json(reversed(list(tl)))
    assert text == canonical_json(tl)
    assert text.endswith("]\n")
    assert list(json.loads(text)[0]) == list(EVENT)


def test_timeline_is_loaded_once_across_threads() -> None:
    results: list[Timeline] = []
    threads = [threading.Thread(target=lambda: results.append(vndiplo.timeline())) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 16
    assert all(r is results[0] for r in results)
