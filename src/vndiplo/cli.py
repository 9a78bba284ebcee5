"""The ``vndiplo`` command: browse, query, export and check the data from a shell.

A user mistake (a bad option, date, kind, id or actor; a missing optional
dependency) ends with exit code 2 and one line on stderr. A broken data file
(``validate``, or a file given with ``--data``) ends with exit code 1 and one
line per problem. Only the library's own errors (:class:`~vndiplo.errors.VndiploError`)
count as mistakes: anything else is a bug and keeps its traceback.

``--lang``, ``--data`` and ``--print-completion`` are global options, given
before the command; ``--lang`` and ``--data`` may also follow it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import NoReturn, TextIO, TypeVar

import attrs

from .actors import Actor, ActorKind
from .collection import Timeline, load, timeline
from .dataset import read_events
from .dates import LANGUAGES, Language
from .errors import DataError, VndiploError
from .export import FORMATS, MissingDependencyError
from .export._language import summary_in, title_in
from .records import Event, Kind, RelationLevel, VnState, label

__all__ = ["EXPORT_FORMATS", "main"]

EXPORT_FORMATS: tuple[str, ...] = (*FORMATS, "datapackage")
"""The choices of ``export --format``: the text formats of :data:`vndiplo.export.FORMATS`, then the data package."""

COMPLETION_SHELLS = ("bash", "zsh", "tcsh")
"""The shells ``--print-completion`` writes a script for (those shtab supports)."""

Row = dict[str, object]
"""One listed item: what ``--json`` writes as one line, and what a table row is cut from."""

Columns = Sequence[tuple[str, str]]
"""A table's columns: (header, key of the row's value)."""


class UsageError(Exception):
    """A mistake in the command line: reported in one line, exit code 2."""


class _CompletionRequest(Exception):
    """``--print-completion SHELL`` was given: print the script instead of running a command."""

    def __init__(self, shell: str) -> None:
        super().__init__(shell)
        self.shell = shell


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


class _PrintCompletion(argparse.Action):
    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[object] | None,
        option_string: str | None = None,
    ) -> None:
        raise _CompletionRequest(str(values))


# -- output


def _is_terminal(out: TextIO) -> bool:
    return hasattr(out, "isatty") and out.isatty()


def _table(rows: Sequence[Sequence[str]], out: TextIO, *, header: Sequence[str] | None = None) -> None:
    """Aligned columns on a terminal (the last one cut to fit); tab-separated when piped, the header first."""
    lines = [list(header)] if header else []
    lines += [list(r) for r in rows]
    if not _is_terminal(out):
        for line in lines:
            out.write("\t".join(cell.replace("\t", " ") for cell in line) + "\n")
        return
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


def _emit(args: argparse.Namespace, out: TextIO, rows: Iterable[Row], columns: Columns) -> None:
    """The rows as JSON Lines (``--json``: every key) or as a table of ``columns``."""
    if args.json:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    _table([[str(row[key]) for _, key in columns] for row in rows], out, header=[name for name, _ in columns])


_T = TypeVar("_T")


def _limited(args: argparse.Namespace, items: Sequence[_T]) -> Sequence[_T]:
    """The first ``--limit`` items (all without it)."""
    return items if args.limit is None else items[: args.limit]


def _actor_name(actor: Actor, language: Language) -> str:
    return actor.names.vi if language == "vi" else actor.names.en


def _event_row(event: Event, language: Language) -> Row:
    return {
        "id": event.id,
        "when": str(event.when),
        "date": event.when.human(language),
        "kind": event.kind.value,
        "kind_name": label(event.kind, language),
        "title": title_in(event, language),
        "summary": summary_in(event, language),
    }


_EVENT_COLUMNS: Columns = (("date", "date"), ("kind", "kind_name"), ("id", "id"), ("title", "title"))


# -- the data the query commands read


def _timeline(args: argparse.Namespace) -> Timeline:
    """The packaged data set, with the user's files of ``--data`` (checked in full) when given."""
    files = [*(args.global_data or ()), *(args.data or ())]
    return load(files, with_packaged=True) if files else timeline()


def _filtered(args: argparse.Namespace) -> Timeline:
    tl = _timeline(args)
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


# -- the commands


def _list(args: argparse.Namespace, out: TextIO) -> int:
    events = _limited(args, _filtered(args).events)
    _emit(args, out, [_event_row(e, args.lang) for e in events], _EVENT_COLUMNS)
    return 0


def _show(args: argparse.Namespace, out: TextIO) -> int:
    tl = _timeline(args)
    event = tl[args.id]
    language: Language = args.lang
    state = event.state.value if language == "en" else f"{event.state.value} ({label(event.state, language)})"
    lines = [
        (title_in(event, language), ""),
        ("", ""),
        ("id", event.id),
        ("kind", label(event.kind, language)),
        ("when", f"{event.when.human(language)}  ({event.when})"),
        ("state", state),
    ]
    other_title = event.title_vi if language == "en" else event.title
    if other_title and other_title != title_in(event, language):
        lines.append((f"title ({'vi' if language == 'en' else 'en'})", other_title))
    actors = tl.actors
    names = [f"{code} ({_actor_name(a, language)})" if (a := actors.get(code)) else code for code in event.counterparts]
    for name, values in (("counterparts", names), ("people", event.people), ("places", event.places)):
        if values:
            lines.append((name, ", ".join(values)))
    lines.append(("summary", summary_in(event, language)))
    for name in _kind_fields(event):
        value = getattr(event, name)
        lines.append((name, label(value, language) if isinstance(value, enum.Enum) else str(value)))
    if event.related:
        lines.append(("related", ", ".join(event.related)))
    if event.tags:
        lines.append(("tags", ", ".join(sorted(event.tags))))
    for number, source in enumerate(event.sources, 1):
        lines.append(
            (f"source {number}", f"{source.publisher}: {source.title}" + (f" <{source.url}>" if source.url else ""))
        )
    per = "theo" if language == "vi" else "per"
    for alt in event.disputed:
        lines.append(("disputed", f"{alt.when.human(language)} {per} {alt.source.publisher} ({alt.note})"))
    for name, value in lines:
        out.write(f"{name:<16}{value}\n" if name and value else f"{name or value}\n")
    return 0


def _kind_fields(event: Event) -> list[str]:
    base = {a.name for a in attrs.fields(Event)}
    return [a.name for a in attrs.fields(type(event)) if a.name not in base and getattr(event, a.name) is not None]


def _on_this_day(args: argparse.Namespace, out: TextIO) -> int:
    day = args.month_day or dt.date.today().strftime("%m-%d")
    events = _limited(args, _timeline(args).on_this_day(day).events)
    _emit(args, out, [_event_row(e, args.lang) for e in events], _EVENT_COLUMNS)
    return 0


def _anniversaries(args: argparse.Namespace, out: TextIO) -> int:
    year = args.year if args.year is not None else dt.date.today().year
    found = _limited(args, _timeline(args).anniversaries(year, every=args.every))
    rows = [{"years": years, **_event_row(e, args.lang)} for e, years in found]
    _emit(args, out, rows, (("years", "years"), ("date", "date"), ("id", "id"), ("title", "title")))
    return 0


def _partners(args: argparse.Namespace, out: TextIO) -> int:
    tl = _timeline(args)
    language: Language = args.lang
    found = tl.partners(args.as_of, level=args.level, organisations=args.organisations)
    rows: list[Row] = []
    for code, event in _limited(args, list(found.items())):
        actor = tl.actors.get(code)
        rows.append(
            {
                "code": code,
                "name": _actor_name(actor, language) if actor else code,
                "level": event.level.value,
                "level_name": label(event.level, language),
                "id": event.id,
                "when": str(event.when),
                "date": event.when.human(language),
            }
        )
    _emit(args, out, rows, (("code", "code"), ("name", "name"), ("level", "level_name"), ("since", "date")))
    if _is_terminal(out) and not args.json:
        shown = f"{len(rows)} of {len(found)}" if len(rows) < len(found) else str(len(found))
        out.write(f"\n{shown} partners\n")
    return 0


def _actors(args: argparse.Namespace, out: TextIO) -> int:
    language: Language = args.lang
    kinds = {ActorKind(k) for k in args.kind} if args.kind else set(ActorKind)
    registry = timeline().actors
    chosen = sorted((a for a in registry if a.kind in kinds), key=lambda a: a.code)
    rows: list[Row] = [
        {
            "code": a.code,
            "kind": a.kind.value,
            "kind_name": label(a.kind, language),
            "alpha_2": a.alpha_2,
            "name_en": a.names.en,
            "name_vi": a.names.vi,
        }
        for a in _limited(args, chosen)
    ]
    _emit(args, out, rows, (("code", "code"), ("kind", "kind_name"), ("name_en", "name_en"), ("name_vi", "name_vi")))
    return 0


def _stats(args: argparse.Namespace, out: TextIO) -> int:
    tl = _timeline(args)
    language: Language = args.lang
    first, last = tl.events[0].when.human(language), tl.events[-1].when.human(language)
    out.write(f"{len(tl)} events, {first} to {last}\n")
    for field in ("kind", "decade", "state"):
        out.write(f"\nby {field}:\n")
        counts = tl.counts(field).items()
        _table([[label(Kind(k), language) if field == "kind" else k, str(n)] for k, n in counts], out)
    return 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    tl = _filtered(args)
    if args.format == "datapackage":
        if not args.output:
            raise UsageError("the datapackage format writes a folder: give it with -o FOLDER")
        from .export.datapackage import write_package

        if "\x00" in args.output:  # checked here, not caught as ValueError: that would hide a bug in the writer
            raise UsageError(f"cannot write {args.output!r}: the name holds a NUL byte")
        try:
            write_package(Path(args.output), tl)
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
        return 0
    from .export import export

    text = export(tl, args.format, language=args.lang)
    if args.output:
        try:  # bytes, so that the CRLF line ends iCalendar requires survive on every platform
            Path(args.output).write_bytes(text.encode("utf-8"))
        except (OSError, ValueError) as exc:  # ValueError: a name with a NUL byte
            raise UsageError(f"cannot write {args.output}: {getattr(exc, 'strerror', None) or exc}") from None
    else:
        out.write(text)
    return 0


def _report(exc: DataError) -> int:
    """Every problem of a broken data file on its own line of stderr; exit code 1."""
    for problem in exc.problems:
        sys.stderr.write(f"{problem}\n")
    sys.stderr.write(f"{len(exc.problems)} problem(s)\n")
    return 1


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    try:
        tl = load(args.files, with_packaged=args.with_packaged)
    except DataError as exc:
        return _report(exc)
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
        except (OSError, ValueError) as exc:  # ValueError: a name with a NUL byte
            raise UsageError(f"cannot read {name}: {getattr(exc, 'strerror', None) or exc}") from None
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


def _completion(shell: str) -> str:
    """The completion script for ``shell``, written by shtab from the parser itself."""
    try:
        import shtab
    except ImportError as exc:
        raise MissingDependencyError("shtab", needed_by="shell completion", extra=None) from exc
    parser = _parser(files=shtab.FILE)
    script: str = shtab.complete(parser, shell=shell)
    return script


# -- the parser


Hint = Mapping[str, object] | None
"""What shtab completes a path argument with (its FILE, by shell), or None when not completing."""


def _hint(action: argparse.Action, hint: Hint) -> None:
    if hint is not None:
        action.complete = hint  # type: ignore[attr-defined]  # read by shtab


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, got {text!r}")
    return number


def _add_query_options(parser: argparse.ArgumentParser, files: Hint) -> None:
    """--lang and --data after a command (they may also come before it)."""
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help="language of titles, summaries, dates and names: en (default) or vi",
    )
    data = parser.add_argument(
        "--data",
        action="append",
        metavar="FILE",
        help="also read your own JSON event file, checked in full, with the packaged data (repeatable)",
    )
    _hint(data, files)


def _add_listing_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON object per line (JSON Lines), with stable keys")
    parser.add_argument("--limit", type=_positive, metavar="N", help="at most N rows")


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="events overlapping from DATE (1954, 1995-07)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="events overlapping up to DATE")
    parser.add_argument("--kind", action="append", choices=[k.value for k in Kind], help="only this kind (repeatable)")
    parser.add_argument("--with", dest="involving", action="append", metavar="ACTOR", help="code or name (repeatable)")
    parser.add_argument("--search", metavar="WORDS", help="every word in title, summary, people or places")
    parser.add_argument("--state", action="append", choices=[s.value for s in VnState], help="the acting state")


def _parser(*, files: Hint = None) -> argparse.ArgumentParser:
    """The command's parser; ``files`` marks the path arguments for shtab's completion."""
    parser = _Parser(prog="vndiplo", description="Vietnam's diplomatic history 1945-2025, queried from a shell.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of titles, summaries, dates and names (default en)"
    )
    data = parser.add_argument(
        "--data",
        dest="global_data",
        action="append",
        metavar="FILE",
        help="also read your own JSON event file with the packaged data, for every query command (repeatable)",
    )
    _hint(data, files)
    parser.add_argument(
        "--print-completion",
        action=_PrintCompletion,
        choices=COMPLETION_SHELLS,
        metavar="SHELL",
        help=f"print a shell completion script ({', '.join(COMPLETION_SHELLS)}) and exit",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    listing = commands.add_parser("list", help="list events, filtered")
    _add_filters(listing)
    _add_listing_options(listing)
    _add_query_options(listing, files)
    listing.set_defaults(run=_list)

    show = commands.add_parser("show", help="everything about one event")
    show.add_argument("id", help="the event's id, e.g. 1995-07-28-asean-accession")
    _add_query_options(show, files)
    show.set_defaults(run=_show)

    today = commands.add_parser("on-this-day", help="events on a month and day (default: today)")
    today.add_argument("month_day", nargs="?", metavar="MM-DD", help="the month and day, e.g. 07-28 (default: today)")
    _add_listing_options(today)
    _add_query_options(today, files)
    today.set_defaults(run=_on_this_day)

    anniversaries = commands.add_parser("anniversaries", help="round anniversaries falling in a year")
    anniversaries.add_argument("year", nargs="?", type=int, metavar="YEAR", help="the year (default: this year)")
    anniversaries.add_argument("--every", type=int, default=5, metavar="N", help="multiples of N years (default 5)")
    _add_listing_options(anniversaries)
    _add_query_options(anniversaries, files)
    anniversaries.set_defaults(run=_anniversaries)

    partners = commands.add_parser("partners", help="states with relations on a date, by level")
    partners.add_argument("--as-of", metavar="DATE", help="the date (default: today)")
    partners.add_argument(
        "--level", choices=[lv.value for lv in RelationLevel if lv is not RelationLevel.SEVERED], help="minimum level"
    )
    partners.add_argument("--organisations", action="store_true", help="include organisations")
    _add_listing_options(partners)
    _add_query_options(partners, files)
    partners.set_defaults(run=_partners)

    actors = commands.add_parser("actors", help="the countries, former states and organisations events name")
    actors.add_argument(
        "--kind", action="append", choices=[k.value for k in ActorKind], help="only this kind of actor (repeatable)"
    )
    actors.add_argument(
        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="language of the kind names: en (default) or vi"
    )
    _add_listing_options(actors)
    actors.set_defaults(run=_actors)

    stats = commands.add_parser("stats", help="counts by kind, decade and state")
    _add_query_options(stats, files)
    stats.set_defaults(run=_stats)

    export = commands.add_parser("export", help="write the (filtered) events in a format")
    export.add_argument(
        "--format",
        required=True,
        choices=EXPORT_FORMATS,
        help="the file format; datapackage writes a folder (events.csv and datapackage.json)",
    )
    output = export.add_argument(
        "-o", "--output", metavar="PATH", help="write to this file (a folder for datapackage) instead of stdout"
    )
    _hint(output, files)
    _add_filters(export)
    _add_query_options(export, files)
    export.set_defaults(run=_export)

    validate = commands.add_parser("validate", help="check your own data files")
    _hint(validate.add_argument("files", nargs="+", metavar="FILE", help="JSON event files"), files)
    validate.add_argument("--with-packaged", action="store_true", help="check links into the packaged data set")
    validate.set_defaults(run=_validate)

    fmt = commands.add_parser("format", help="rewrite data files into the canonical form")
    _hint(fmt.add_argument("files", nargs="+", metavar="FILE", help="JSON event files"), files)
    fmt.add_argument("--check", action="store_true", help="only report files that would change (exit 1)")
    fmt.set_defaults(run=_format)
    return parser


def _version() -> str:
    from ._version import __version__

    return __version__


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command; returns the exit code (0 ok, 1 a broken data file, 2 a usage error)."""
    out = out or sys.stdout
    try:
        try:
            args = _parser().parse_args(argv)
        except _CompletionRequest as request:
            out.write(_completion(request.shell))
            return 0
        if args.global_data and not hasattr(args, "data"):
            raise UsageError(f"--data does not apply to {args.command}")
        run: Callable[[argparse.Namespace, TextIO], int] = args.run
        return run(args, out)
    except DataError as exc:  # a file of --data
        return _report(exc)
    except (UsageError, VndiploError) as exc:  # the library's own errors: a bad value, id, actor or missing extra
        sys.stderr.write(f"vndiplo: error: {exc}\n")
        return 2
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0
    except BrokenPipeError:  # `vndiplo list | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
