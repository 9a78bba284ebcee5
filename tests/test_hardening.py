"""Concurrency, immutability and the safety of loading users' files."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import attrs
import pytest

import vndiplo
from vndiplo import Timeline


def test_threads_querying_one_timeline_build_its_indexes_once_and_agree() -> None:
    tl = Timeline(vndiplo.timeline().events, actors=vndiplo.actors())  # fresh: no index built yet
    results: list[tuple[int, ...]] = []
    barrier = threading.Barrier(12)

    def work() -> None:
        barrier.wait()
        found = (
            len(tl.between("1954", "1975")),
            len(tl.of_kind("visit")),
            len(tl.involving("USA")),
            len(tl.search("ha noi")),
            len(tl.on_this_day("07-28")),
            len(tl.partners("2024-12-31")),
        )
        results.append(found)

    threads = [threading.Thread(target=work) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 12
    assert len(set(results)) == 1


def test_the_loaded_data_cannot_be_changed_in_place() -> None:
    tl = vndiplo.timeline()
    event = tl.events[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.title = "x"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.when.start.year = 1  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.sources[0].url = "https://evil.example"  # type: ignore[misc]
    with pytest.raises(TypeError):
        tl.events[0] = event  # type: ignore[index]
    with pytest.raises(AttributeError):
        event.counterparts.append("USA")  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        event.tags.add("x")  # type: ignore[attr-defined]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        tl._held = ()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        vndiplo.actors()._by_code = {}
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        vndiplo.actors()["USA"].code = "XXX"  # type: ignore[misc]
    assert vndiplo.timeline() is tl


def test_loading_never_runs_code_found_in_a_file(tmp_path: Path) -> None:
    """Strings that would be code in pickle, YAML or eval stay plain text."""
    marker = tmp_path / "pwned"
    payloads = [
        f"!!python/object/apply:os.system ['touch {marker}']",
        f"__import__('os').system('touch {marker}')",
        "{{7*7}} ${7*7} %(x)s",
    ]
    events = []
    for n, payload in enumerate(payloads):
        events.append(
            {
                "id": f"2030-payload-{n}",
                "kind": "policy",
                "when": "2030",
                "state": "SRV",
                "title": payload,
                "summary": payload,
                "sources": [{"publisher": payload, "title": payload}],
                "document": payload,
                "issuer": payload,
            }
        )
    path = tmp_path / "payloads.json"
    path.write_text(json.dumps(events), encoding="utf-8")
    tl = vndiplo.load(path)
    assert [e.title for e in tl] == payloads
    assert not marker.exists()


def test_the_loader_uses_no_code_executing_deserialiser() -> None:
    source = "".join(
        (Path(vndiplo.__file__).parent / name).read_text("utf-8") for name in ("dataset.py", "convert.py", "actors.py")
    )
    for word in ("pickle", "marshal", "yaml", "eval(", "exec("):
        assert word not in source


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--from"],
        ["show"],
        ["partners", "--as-of", "1995-02-30"],
        ["anniversaries", "1e9"],
        ["list", "--to", "0"],
        ["on-this-day", "13-01"],
        ["validate", "/dev/null"],
        ["--nope"],
        ["list", "--data", "/dev/null"],
        ["--data", "/no/such/file.json", "stats"],
        ["list", "--limit", "-1"],
        ["--lang", "xx", "list"],
        ["export", "--format", "datapackage", "-o", "/dev/null/package"],
    ],
)
def test_the_command_prints_no_traceback(argv: list[str]) -> None:
    result = subprocess.run([sys.executable, "-m", "vndiplo", *argv], capture_output=True, text=True, check=False)
    assert result.returncode in (1, 2)
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()
