"""The built docs site in a real browser: the timeline page draws every event with TimelineJS, from the site alone.

The site comes from ``VNDIPLO_SITE_DIR`` (.ci/run builds it there first) or is
built here with mkdocs (needs the ``docs`` extra and ``npm ci``). It is served
on 127.0.0.1 and opened in headless Chromium (Debian's ``chromium``; another
binary with ``VNDIPLO_CHROMIUM``), driven over the DevTools protocol on a pipe
(``--remote-debugging-pipe``): the test waits for TimelineJS to say it is
ready rather than for a fixed time, and sees every request the page makes and
every script error. ``VNDIPLO_SCREENSHOT=page.png`` also saves a screenshot.

Outside CI the browser tests are skipped when Chromium or what the build needs
is missing; in CI (``CI=true``) that is a failure, so they always run there.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import functools
import http.server
import importlib.util
import json
import os
import select
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

import vndiplo

ROOT = Path(__file__).parent.parent
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
TIMEOUT = 300.0
"""Seconds TimelineJS gets to draw all events (about 10 on two idle cores; CI machines can be slower and busy)."""

LOCAL_SCHEMES = ("data:", "blob:", "about:", "chrome-extension:")
ELSEWHERE_ALLOWED = ("https://api.github.com/",)
"""The one request that may leave the site: Material's repository facts (stars, forks) for the header, optional."""


def unavailable(reason: str) -> NoReturn:
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: the browser test must run in CI)")
    pytest.skip(reason)


def chromium() -> str:
    for name in (os.environ.get("VNDIPLO_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name) if name else None
        if path:
            return path
    unavailable("no Chromium found: apt-get install chromium (or set VNDIPLO_CHROMIUM)")


class DevTools:
    """Just enough of the Chrome DevTools protocol over --remote-debugging-pipe: commands and the events seen."""

    def __init__(self, executable: str, profile: Path) -> None:
        to_browser, from_browser = os.pipe(), os.pipe()
        # The browser's ends, moved to fd 10 or above so bash below can put them on 3 and 4 without a clash.
        reads = fcntl.fcntl(to_browser[0], fcntl.F_DUPFD, 10)
        writes = fcntl.fcntl(from_browser[1], fcntl.F_DUPFD, 10)
        os.close(to_browser[0])
        os.close(from_browser[1])
        arguments = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-extensions",
            "--no-first-run",
            "--hide-scrollbars",
            "--window-size=1400,1000",
            f"--user-data-dir={profile}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        # The protocol pipe is the browser's fd 3 (commands in) and fd 4 (replies and events out). bash's
        # redirections put it there (dash takes single-digit fds only); a preexec_fn would be unsafe with the
        # server's thread running.
        self.process = subprocess.Popen(
            [
                "/bin/bash",
                "-c",
                f'exec "$0" "$@" 3<&{reads} 4>&{writes} {reads}<&- {writes}>&-',
                executable,
                *arguments,
            ],
            pass_fds=(reads, writes),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(reads)
        os.close(writes)
        self._out, self._in = to_browser[1], from_browser[0]
        self._buffer = b""
        self._last_id = 0
        self.events: list[dict[str, Any]] = []

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        self._last_id += 1
        message: dict[str, Any] = {"id": self._last_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 60
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._last_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self.events.append(reply)

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self._in], [], [], remaining)[0]:
                raise TimeoutError("Chromium did not answer within 60 s")
            chunk = os.read(self._in, 1 << 20)
            if not chunk:
                raise EOFError(f"Chromium exited (code {self.process.poll()})")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        reply: dict[str, Any] = json.loads(message)
        return reply

    def close(self) -> None:
        with contextlib.suppress(OSError, EOFError, TimeoutError, RuntimeError):
            self.call("Browser.close")
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._out)
        os.close(self._in)


class Tab:
    """One page in the browser: navigate, evaluate JavaScript, wait for a condition."""

    def __init__(self, browser: DevTools, url: str) -> None:
        self.browser = browser
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session: str = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            browser.call(f"{domain}.enable", session=self.session)
        browser.call("Page.navigate", {"url": url}, self.session)

    def evaluate(self, expression: str) -> Any:
        result = self.browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, self.session)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, what: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not self.evaluate(expression):
            if time.monotonic() > deadline:
                message = self.evaluate("(document.querySelector('.tl-message-content') || {}).textContent || ''")
                pytest.fail(f"{what} did not happen within {TIMEOUT:.0f} s; TimelineJS says: {message!r}")
            time.sleep(0.25)

    def screenshot(self, path: Path) -> None:
        data = self.browser.call("Page.captureScreenshot", {"format": "png"}, self.session)["data"]
        path.write_bytes(base64.b64decode(data))

    def events(self, method: str) -> list[dict[str, Any]]:
        return [
            e["params"] for e in self.browser.events if e["method"] == method and e.get("sessionId") == self.session
        ]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: VNDIPLO_SITE_DIR, or a fresh strict build."""
    given = os.environ.get("VNDIPLO_SITE_DIR")
    if given:
        folder = Path(given)
        if not (folder / "timeline" / "index.html").is_file():
            pytest.fail(f"VNDIPLO_SITE_DIR={given} holds no built site (no timeline/index.html)")
        return folder
    if importlib.util.find_spec("mkdocs") is None:
        unavailable("mkdocs is not installed (pip install -e '.[docs]'), and VNDIPLO_SITE_DIR is not set")
    if not (ROOT / "node_modules" / "@knight-lab" / "timelinejs").is_dir():
        unavailable("TimelineJS is not installed (npm ci), and VNDIPLO_SITE_DIR is not set")
    folder = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(folder)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    if build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{build.stdout}{build.stderr}")
    return folder


@pytest.fixture(scope="module")
def exported(site: Path) -> dict[str, Any]:
    """The TimelineJS document the site serves."""
    document: dict[str, Any] = json.loads((site / "assets" / "vndiplo" / "timeline.json").read_text(encoding="utf-8"))
    return document


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The site over HTTP on 127.0.0.1 (the page fetches its data, which browsers refuse to file:// pages)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(scope="module")
def timeline_page(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tab]:
    """The timeline page, opened and drawn: TimelineJS has fired "ready"."""
    browser = DevTools(chromium(), tmp_path_factory.mktemp("chromium-profile"))
    try:
        tab = Tab(browser, server + "timeline/")
        tab.wait_for("!!(window.vndiploTimeline && window.vndiploTimeline.ready)", "TimelineJS's ready event")
        shot = os.environ.get("VNDIPLO_SCREENSHOT")
        if shot:
            tab.screenshot(Path(shot))
        yield tab
    finally:
        browser.close()


def test_the_site_serves_the_current_export(exported: dict[str, Any]) -> None:
    assert len(exported["events"]) == len(vndiplo.timeline()), "the site is stale: build it again"
    assert exported["eras"][0]["text"]["headline"] == "Resistance against France"


def test_every_event_is_a_slide(timeline_page: Tab, exported: dict[str, Any]) -> None:
    slides = timeline_page.evaluate("document.querySelectorAll('#vndiplo-timeline .tl-slide').length")
    assert slides == len(exported["events"]) + 1  # and the title slide
    assert slides > 1000
    title = timeline_page.evaluate("document.querySelector('.tl-slide-titleslide .tl-headline').textContent")
    assert title == exported["title"]["text"]["headline"]
    markers = timeline_page.evaluate("document.querySelectorAll('#vndiplo-timeline .tl-timemarker').length")
    assert markers == len(exported["events"])
    groups = timeline_page.evaluate(
        "Array.from(document.querySelectorAll('.tl-timegroup-message'), e => e.textContent).sort()"
    )
    assert groups == sorted({event["group"] for event in exported["events"]})


def test_a_slide_shows_the_event_with_its_sources(timeline_page: Tab, exported: dict[str, Any]) -> None:
    event = next(e for e in exported["events"] if e["unique_id"] == "1995-07-28-asean-accession")
    slide = timeline_page.evaluate(
        "(() => { const s = document.getElementById('1995-07-28-asean-accession');"
        " return s && {headline: s.querySelector('.tl-headline').textContent,"
        " links: Array.from(s.querySelectorAll('.tl-text-content a'), a => a.href)}; })()"
    )
    assert slide is not None, "no slide with the event's id"
    assert slide["headline"] == event["text"]["headline"]
    assert slide["links"], "the sources are links"


def test_a_period_can_be_shown_alone(timeline_page: Tab, exported: dict[str, Any]) -> None:
    era = exported["eras"][0]
    first, last = era["start_date"]["year"], era["end_date"]["year"]
    expected = sum(1 for e in exported["events"] if first <= e["start_date"]["year"] <= last)
    timeline_page.evaluate(
        "(() => { const s = document.getElementById('vndiplo-timeline-period');"
        " s.value = '0'; s.dispatchEvent(new Event('change')); })()"
    )
    timeline_page.wait_for(
        f"window.vndiploTimeline.ready && document.querySelectorAll('#vndiplo-timeline .tl-slide').length"
        f" === {expected + 1}",
        f"drawing the {expected} events of {first}-{last}",
    )


def test_the_page_loads_nothing_from_elsewhere(timeline_page: Tab, server: str) -> None:
    urls = [e["request"]["url"] for e in timeline_page.events("Network.requestWillBeSent")]
    assert any(url.endswith("/assets/timelinejs/js/timeline.js") for url in urls)
    assert any(url.endswith("/assets/vndiplo/timeline.json") for url in urls)
    elsewhere = [
        url for url in urls if not url.startswith((server, *LOCAL_SCHEMES)) and not url.startswith(ELSEWHERE_ALLOWED)
    ]
    assert elsewhere == [], "the site must bring everything it needs (no CDN, no web fonts)"


def test_no_script_errors(timeline_page: Tab) -> None:
    exceptions = [e["exceptionDetails"] for e in timeline_page.events("Runtime.exceptionThrown")]
    assert exceptions == []
    errors = [
        e["entry"]
        for e in timeline_page.events("Log.entryAdded")
        if e["entry"]["level"] == "error" and not e["entry"].get("url", "").startswith(ELSEWHERE_ALLOWED)
    ]
    console = [e["args"] for e in timeline_page.events("Runtime.consoleAPICalled") if e["type"] in ("error", "assert")]
    assert errors == []
    assert console == []


def test_a_missing_timelinejs_stops_the_build_with_the_fix(tmp_path: Path) -> None:
    """Run by the docs environment's Python (mkdocs is in the docs extra, not the test one): .ci/run names it."""
    docs_python = os.environ.get("VNDIPLO_DOCS_PYTHON")
    if docs_python is None and importlib.util.find_spec("mkdocs") is not None:
        docs_python = sys.executable
    if docs_python is None:
        unavailable("mkdocs is not installed here and VNDIPLO_DOCS_PYTHON names no docs environment")
    code = (
        "import runpy\n"
        "from mkdocs.exceptions import PluginError\n"
        f"hooks = runpy.run_path({str(ROOT / 'docs' / 'scripts' / 'hooks.py')!r})\n"
        "class Config:\n"
        f"    config_file_path = {str(tmp_path / 'mkdocs.yml')!r}\n"
        "try:\n"
        "    hooks['timelinejs_dir'](Config())\n"
        "except PluginError as exc:\n"
        "    print('PluginError:', exc)\n"
    )
    out = subprocess.run([docs_python, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    assert out.startswith("PluginError:")
    assert "npm ci" in out
