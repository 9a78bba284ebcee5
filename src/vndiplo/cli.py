"""The ``vndiplo`` command: browse, query, export and check the data from a shell.

Every user mistake (a bad date, kind, id or file) ends with exit code 2 and
one line on stderr; ``validate`` exits 1 when a data file has problems.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

import attrs

from .collection import Timeline
from .dataset import load, read_events, timeline
from .errors import DataError
from .records import Event, Kind, RelationLevel, VnState

__all__ = ["main"]

EXPORT_FORMATS = ("json", "csv", "ics", "timelinejs", "markdown")  # the names of vndiplo.export.FORMATS


class UsageError(Exception):
    """A mistake in the command line: reported in one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _table(rows: Sequence[Sequence[str]], out: TextIO, *, header: Sequence[str] | None = None) -> None:
    """Aligned columns on a terminal (the last one cut to fit); tab-separated when piped."""
    if not (hasattr(out, "isatty") and out.isatty()):
        for row in rows:
            out.write("\t".join(row) + "\n")
        return
    lines = [list(header)] if header else []
    lines += [list(r) for r in rows]
    if not lines:
        return
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]) - 1)]
    room = shutil.get_terminal_size((100, 24)).columns - sum(widths) - 2 * len(widths)
    for number, line in enumerate(lines):
        cells = [cell.ljust(width) for cell, width in zip(line, widths, strict=False)]
        last = line[-1] if len(line[-1]) <= max(room, 10) else line[-1][: max(room, 10) - 1] + "…"
        out.write("  ".join([*cells, last]).rstrip() + "\n")
        if header and number == 0:
            out.write("  ".join("-" * w for w in [*widths, min(max(room, 10), 40)]) + "\n")


def _event_rows(events: Sequence[Event] | Timeline) -> list[list[str]]:
    return [[e.when.human(), e.kind.value, e.id, e.title] for e in events]


def _filtered(args: argparse.Namespace) -> Timeline:
    tl = timeline()
    if args.date_from or args.date_to:
        tl = tl.between(args.date_from or "1000", args.date_to or "9999")
    if args.kind:
        tl = tl.of_kind(*args.kind)
    if args.involving:
        tl = tl.involving(*args.involving)
    if args.state:
        tl = tl.of_state(*args.state)
    if args.search:
        tl = tl.search(args.search)
    return tl


def _list(args: argparse.Namespace, out: TextIO) -> int:
    tl = _filtered(args)
    _table(_event_rows(tl), out, header=("date", "kind", "id", "title"))
    return 0


def _show(args: argparse.Namespace, out: TextIO) -> int:
    tl = timeline()
    event = tl[args.id]
    actors = tl.actors
    lines = [
        (event.title, ""),
        ("", ""),
        ("id", event.id),
        ("kind", event.kind.value),
        ("when", f"{event.when.human()}  ({event.when})"),
        ("state", event.state.value),
    ]
    if event.title_vi:
        lines.append(("title (vi)", event.title_vi))
    names = [f"{code} ({actor.names.en})" if (actor := actors.get(code)) else code for code in event.counterparts]
    for label, values in (("counterparts", names), ("people", event.people), ("places", event.places)):
        if values:
            lines.append((label, ", ".join(values)))
    lines.append(("summary", event.summary))
    for name in _kind_fields(event):
        lines.append((name, str(getattr(event, name))))
    if event.related:
        lines.append(("related", ", ".join(event.related)))
    if event.tags:
        lines.append(("tags", ", ".join(sorted(event.tags))))
    for number, source in enumerate(event.sources, 1):
        lines.append(
            (f"source {number}", f"{source.publisher}: {source.title}" + (f" <{source.url}>" if source.url else ""))
        )
    for alt in event.disputed:
        lines.append(("disputed", f"{alt.when.human()} per {alt.source.publisher} ({alt.note})"))
    for label, value in lines:
        out.write(f"{label:<16}{value}\n" if label and value else f"{label or value}\n")
    return 0


def _kind_fields(event: Event) -> list[str]:
    base = {a.name for a in attrs.fields(Event)}
    return [a.name for a in attrs.fields(type(event)) if a.name not in base and getattr(event, a.name) is not None]


def _on_this_day(args: argparse.Namespace, out: TextIO) -> int:
    day = args.month_day or dt.date.today().strftime("%m-%d")
    _table(_event_rows(timeline().on_this_day(day)), out, header=("date", "kind", "id", "title"))
    return 0


def _anniversaries(args: argparse.Namespace, out: TextIO) -> int:
    year = args.year if args.year is not None else dt.date.today().year
    rows = [
        [str(years), e.when.human(), e.id, e.title] for e, years in timeline().anniversaries(year, every=args.every)
    ]
    _table(rows, out, header=("years", "date", "id", "title"))
    return 0


def _partners(args: argparse.Namespace, out: TextIO) -> int:
    tl = timeline()
    found = tl.partners(args.as_of, level=args.level, organisations=args.organisations)
    rows = []
    for code, event in found.items():
        actor = tl.actors.get(code)
        rows.append([code, actor.names.en if actor else code, event.level.value, event.when.human()])
    _table(rows, out, header=("code", "name", "level", "since"))
    if hasattr(out, "isatty") and out.isatty():
        out.write(f"\n{len(found)} partners\n")
    return 0


def _stats(args: argparse.Namespace, out: TextIO) -> int:
    tl = timeline()
    out.write(f"{len(tl)} events, {tl.events[0].when.human()} to {tl.events[-1].when.human()}\n")
    for field in ("kind", "decade", "state"):
        out.write(f"\nby {field}:\n")
        _table([[key, str(count)] for key, count in tl.counts(field).items()], out)
    return 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    from .export import export

    text = export(_filtered(args), args.format)
    if args.output:
        try:  # bytes, so that the CRLF line ends iCalendar requires survive on every platform
            Path(args.output).write_bytes(text.encode("utf-8"))
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    else:
        out.write(text)
    return 0


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    try:
        tl = load(args.files, with_packaged=args.with_packaged)
    except DataError as exc:
        for problem in exc.problems:
            sys.stderr.write(f"{problem}\n")
        sys.stderr.write(f"{len(exc.problems)} problem(s)\n")
        return 1
    out.write(f"ok: {len(tl)} events in {len(args.files)} file(s)\n")
    return 0


def _format(args: argparse.Namespace, out: TextIO) -> int:
    """Rewrite data files into their canonical form (or, with --check, report those that are not)."""
    from .dataset import MAX_FILE_BYTES, canonical_json

    status = 0
    for name in args.files:
        path = Path(name)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise UsageError(f"{name}: larger than {MAX_FILE_BYTES} bytes")
            data = path.read_bytes()
        except OSError as exc:
            raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from None
        events, problems = read_events(data, name)
        if problems:
            for problem in problems:
                sys.stderr.write(f"{problem}\n")
            status = 1
            continue
        text = canonical_json(events)
        if text.encode("utf-8") == data:
            continue
        if args.check:
            out.write(f"would reformat {name}\n")
            status = 1
        else:
            path.write_text(text, encoding="utf-8")
            out.write(f"reformatted {name}\n")
    return status


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="events overlapping from DATE (1954, 1995-07)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="events overlapping up to DATE")
    parser.add_argument("--kind", action="append", choices=[k.value for k in Kind], help="only this kind (repeatable)")
    parser.add_argument("--with", dest="involving", action="append", metavar="ACTOR", help="code or name (repeatable)")
    parser.add_argument("--search", metavar="WORDS", help="every word in title, summary, people or places")
    parser.add_argument("--state", action="append", choices=[s.value for s in VnState], help="the acting state")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="vndiplo", description="Vietnam's diplomatic history 1945-2025, queried from a shell.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    listing = commands.add_parser("list", help="list events, filtered")
    _add_filters(listing)
    listing.set_defaults(run=_list)

    show = commands.add_parser("show", help="everything about one event")
    show.add_argument("id")
    show.set_defaults(run=_show)

    today = commands.add_parser("on-this-day", help="events on a month and day (default: today)")
    today.add_argument("month_day", nargs="?", metavar="MM-DD")
    today.set_defaults(run=_on_this_day)

    anniversaries = commands.add_parser("anniversaries", help="round anniversaries falling in a year")
    anniversaries.add_argument("year", nargs="?", type=int, metavar="YEAR")
    anniversaries.add_argument("--every", type=int, default=5, metavar="N", help="multiples of N years (default 5)")
    anniversaries.set_defaults(run=_anniversaries)

    partners = commands.add_parser("partners", help="states with relations on a date, by level")
    partners.add_argument("--as-of", metavar="DATE", help="the date (default: today)")
    partners.add_argument(
        "--level", choices=[lv.value for lv in RelationLevel if lv is not RelationLevel.SEVERED], help="minimum level"
    )
    partners.add_argument("--organisations", action="store_true", help="include organisations")
    partners.set_defaults(run=_partners)

    stats = commands.add_parser("stats", help="counts by kind, decade and state")
    stats.set_defaults(run=_stats)

    export = commands.add_parser("export", help="write the (filtered) events in a format")
    export.add_argument("--format", required=True, choices=list(EXPORT_FORMATS))
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    _add_filters(export)
    export.set_defaults(run=_export)

    validate = commands.add_parser("validate", help="check your own data files")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("--with-packaged", action="store_true", help="check links into the packaged data set")
    validate.set_defaults(run=_validate)

    fmt = commands.add_parser("format", help="rewrite data files into the canonical form")
    fmt.add_argument("files", nargs="+", metavar="FILE")
    fmt.add_argument("--check", action="store_true", help="only report files that would change (exit 1)")
    fmt.set_defaults(run=_format)
    return parser


def _version() -> str:
    from . import __version__

    return __version__


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command; returns the exit code (0 ok, 1 invalid data files, 2 a usage error)."""
    out = out or sys.stdout
    try:
        args = _parser().parse_args(argv)
        run: Callable[[argparse.Namespace, TextIO], int] = args.run
        return run(args, out)
    except (UsageError, ValueError, KeyError) as exc:  # the library's errors for bad values and unknown ids
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        sys.stderr.write(f"vndiplo: error: {message}\n")
        return 2
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0
    except BrokenPipeError:  # `vndiplo list | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
