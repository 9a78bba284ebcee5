# mypy: disable-error-code="import-not-found"
# (mkdocs and griffe come with the docs extra; without it, mypy takes them as Any here.)
"""mkdocs hooks (``hooks:`` in mkdocs.yml): the parts of the site that are built from the data, not written.

On every build (``mkdocs build``, ``mkdocs serve``) they add to the site:

- ``assets/vndiplo/timeline.json``: the TimelineJS export of the packaged data
  (``vndiplo.export.export(vndiplo.timeline(), "timelinejs")``), which the
  timeline page loads;
- ``assets/timelinejs/``: TimelineJS itself, copied from
  ``node_modules/@knight-lab/timelinejs/dist`` (``npm ci`` installs the version
  package-lock.json pins), so the site needs no CDN;
- ``img/*.png``: the figures of docs/scripts/figure.py (matplotlib, which the
  ``docs`` extra installs), drawn from the data being documented.

A page refers to the assets folder as ``@ASSETS@``; it becomes the path
relative to that page, so the links hold with or without directory URLs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import vndiplo
from vndiplo.export import export

TIMELINEJS = Path("node_modules", "@knight-lab", "timelinejs")
"""Where ``npm ci`` puts TimelineJS, relative to the folder of mkdocs.yml."""

TIMELINEJS_FILES = (
    "js/timeline.js",
    "js/timeline.js.LICENSE.txt",
    "css/timeline.css",
    "css/icons/tl-icons.eot",
    "css/icons/tl-icons.svg",
    "css/icons/tl-icons.ttf",
    "css/icons/tl-icons.woff",
    "css/icons/tl-icons.woff2",
)
"""The files of TimelineJS's dist folder the page uses (no fonts: those load from Google; the page sets its own)."""

TIMELINE_JSON = "assets/vndiplo/timeline.json"
PLACEHOLDER = "@ASSETS@"


def timelinejs_dir(config: MkDocsConfig) -> Path:
    """TimelineJS's package folder, or a PluginError that says how to install it."""
    package = Path(config.config_file_path).parent / TIMELINEJS
    missing = [name for name in TIMELINEJS_FILES if not (package / "dist" / name).is_file()]
    if missing:
        raise PluginError(
            f"TimelineJS is not installed: {package / 'dist' / missing[0]} is missing. "
            "Run `npm ci` in the repository root (package.json and package-lock.json pin "
            "@knight-lab/timelinejs), then build the docs again."
        )
    return package


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    timelinejs_dir(config)  # fail before anything is built
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    package = timelinejs_dir(config)
    tl = vndiplo.timeline()
    generated = [File.generated(config, TIMELINE_JSON, content=export(tl, "timelinejs"))]
    generated += [
        File.generated(config, f"assets/timelinejs/{name}", abs_src_path=str(package / "dist" / name))
        for name in TIMELINEJS_FILES
    ]
    generated.append(File.generated(config, "assets/timelinejs/LICENSE.txt", abs_src_path=str(package / "LICENSE")))
    generated += [File.generated(config, f"img/{name}", content=png) for name, png in _figures(tl).items()]
    for file in generated:
        old = files.get_file_from_path(file.src_uri)
        if old is not None:  # e.g. a figure someone wrote into docs/img by hand: the generated one wins
            files.remove(old)
        files.append(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return markdown.replace(PLACEHOLDER, get_relative_url("assets", page.url))


def _figures(tl: vndiplo.Timeline) -> dict[str, bytes]:
    """The PNG figures by file name, drawn by docs/scripts/figure.py."""
    sys.path.insert(0, str(Path(__file__).parent))
    try:
        import figure
    except ImportError as error:
        raise PluginError(
            f"the docs' figures need matplotlib ({error}): pip install -e '.[docs]' installs it"
        ) from error
    finally:
        sys.path.remove(str(Path(__file__).parent))
    return figure.render(tl)
