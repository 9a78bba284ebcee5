"""The one cattrs Converter: how records cross between JSON-like data and objects.

Structuring is strict (no coercion, unknown keys rejected, ``kind`` as the tag
of a tagged union); unstructuring gives the canonical form of the data files:
keys in field order, fields at their default left out, dates as EDTF strings.
The converter is built on first use, so ``import vndiplo`` stays cheap.

>>> from vndiplo.convert import structure_event, unstructure_event
>>> e = structure_event({"id": "1954-07-21-geneva-accords", "kind": "agreement", "when": "1954-07-21",
...     "state": "DRV", "title": "Geneva Accords", "summary": "Signed at Geneva.",
...     "sources": [{"publisher": "P", "title": "T", "url": "https://example.org"}],
...     "stage": "signed", "agreement_type": "peace_accord"})
>>> type(e).__name__, e.when.human()
('Agreement', '21 Jul 1954')
>>> list(unstructure_event(e))[:3]
['id', 'kind', 'when']
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, get_origin

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from .actors import Actor, Names
from .dates import PartialDate, When
from .errors import FieldError
from .records import CHECK, EVENT_CLASSES, AltDate, Check, Event, Kind, Source

__all__ = ["converter", "error_lines", "structure_event", "unstructure_event"]

T = TypeVar("T")
_CLASSES: tuple[type, ...] = (Source, AltDate, Names, Actor, *EVENT_CLASSES.values())
_FIELD_ORDER: dict[type, tuple[str, ...]] = {cls: tuple(a.name for a in attrs.fields(cls)) for cls in _CLASSES}


def _type_name(value: object) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _strict(expected: type, label: str) -> Callable[[object, type], Any]:
    def structure(value: object, _: type) -> Any:
        if type(value) is not expected:
            raise TypeError(f"expected {label}, got {value!r} ({_type_name(value)})")
        return value

    return structure


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    member = cls._value2member_map_.get(value) if isinstance(value, str) else None
    if member is not None:
        return member
    accepted = ", ".join(str(m.value) for m in cls)
    raise ValueError(f"{value!r} is not one of: {accepted}")


def _enum_value(value: enum.Enum) -> Any:
    return value.value


def _is_enum(candidate: object) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, enum.Enum)


def _has_origin(origin: type, candidate: object) -> bool:
    return candidate is origin or get_origin(candidate) is origin


def _structure_date(parse: Callable[[str], T]) -> Callable[[object, type], T]:
    def structure(value: object, _: type) -> T:
        if not isinstance(value, str):
            raise TypeError(f"expected a date string like '1995-07-28', got {value!r} ({_type_name(value)})")
        return parse(value)

    return structure


_SHARED_MAX = 8192
"""How many distinct values :func:`_shared` remembers; bounded so loading many files cannot grow it forever."""


def _shared(base: Callable[[Any, type], T]) -> Callable[[object, type], T]:
    """Return one object for equal values (many events cite the same article): less memory."""
    seen: dict[T, T] = {}

    def structure(value: object, cls: type) -> T:
        made = base(value, cls)
        if len(seen) >= _SHARED_MAX:
            seen.clear()
        return seen.setdefault(made, made)

    return structure


def _require_list(base: Callable[[Any, type], T]) -> Callable[[object, type], T]:
    """Wrap cattrs' own hook for a tuple or frozenset so that only a JSON list is accepted."""

    def structure(value: object, cls: type) -> T:
        if type(value) is not list:
            raise TypeError(f"expected a list, got {value!r} ({_type_name(value)})")
        return base(value, cls)

    return structure


@functools.cache
def converter() -> cattrs.Converter:
    """The configured converter, built once on first use."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    # Primitive and date hooks come before the class hooks (cattrs issue 243).
    conv.register_structure_hook(int, _strict(int, "an integer"))
    conv.register_structure_hook(bool, _strict(bool, "a boolean"))
    # One hook for every enum, chosen by predicate: a new enum cannot be missed. A StrEnum is also
    # a str, and cattrs asks singledispatch (str's hook) before predicates, so str's hook hands on.
    strict_str = _strict(str, "a string")
    conv.register_structure_hook(
        str, lambda value, cls: _structure_enum(value, cls) if _is_enum(cls) else strict_str(value, cls)
    )
    conv.register_structure_hook_func(_is_enum, _structure_enum)
    conv.register_unstructure_hook_func(_is_enum, _enum_value)
    # Equal dates and sources are shared between records (they are immutable): less memory.
    conv.register_structure_hook(When, _structure_date(functools.lru_cache(maxsize=4096)(When.parse)))
    conv.register_structure_hook(PartialDate, _structure_date(functools.lru_cache(maxsize=4096)(PartialDate.parse)))
    conv.register_unstructure_hook(When, str)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_unstructure_hook_func(functools.partial(_has_origin, frozenset), sorted)
    conv.register_unstructure_hook_func(
        functools.partial(_has_origin, tuple), lambda value: [conv.unstructure(v) for v in value]
    )

    # Leaf classes, then the list wrappers (they wrap cattrs' own hooks), then the records
    # whose generated hooks pick those wrappers up.
    _register_classes(conv, (Source, AltDate, Names))
    conv.register_structure_hook(Source, _shared(conv.get_structure_hook(Source)))
    for many in (tuple[str, ...], frozenset[str], tuple[Source, ...], tuple[AltDate, ...]):
        hook = _require_list(conv.get_structure_hook(many))
        conv.register_structure_hook_func(functools.partial(_is, many), hook)
    _register_classes(conv, (Actor, *EVENT_CLASSES.values()))
    # By exact type, not singledispatch: the subclasses have hooks of their own.
    conv.register_structure_hook_func(functools.partial(_is, Event), lambda value, _: structure_event(value))
    conv.register_unstructure_hook_func(functools.partial(_is, Event), unstructure_event)
    return conv


def _is(expected: object, candidate: object) -> bool:
    return candidate == expected


def _register_classes(conv: cattrs.Converter, classes: tuple[type, ...]) -> None:
    for cls in classes:
        attrs.resolve_types(cls)
        # Each field is structured and then checked on its own, so one bad field never hides another.
        checked: dict[str, Any] = {
            a.name: override(struct_hook=_checking(conv.get_structure_hook(a.type), a.metadata[CHECK], a.name))
            for a in attrs.fields(cls)
            if CHECK in a.metadata
        }
        conv.register_structure_hook(cls, make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, **checked))
    # Unstructuring is only needed for exports: generate those hooks on first use.
    conv.register_unstructure_hook_factory(
        functools.partial(_is_one_of, classes),
        lambda cls: make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True),
    )


def _checking(base: Callable[[Any, Any], T], check: Check, name: str) -> Callable[[Any, Any], T]:
    """A field's structure hook followed by the field's own check (its FieldError names the field)."""

    def structure(value: object, cls: Any) -> T:
        made = base(value, cls)
        check(name, made)
        return made

    return structure


def _is_one_of(classes: tuple[type, ...], candidate: object) -> bool:
    return candidate in classes


def structure_event(data: object) -> Event:
    """Build the record of the right kind from a JSON object, strictly.

    Raises FieldError for a missing or unknown ``kind``, and cattrs' validation
    errors (see :func:`error_lines`) for everything else.
    """
    if not isinstance(data, dict):
        raise FieldError("$", f"an event must be a JSON object, got {_type_name(data)}")
    if "kind" not in data:
        raise FieldError("kind", f"missing; expected one of: {', '.join(Kind)}")
    kind = data["kind"]
    cls = EVENT_CLASSES.get(kind) if isinstance(kind, str) else None  # type: ignore[call-overload]
    if cls is None:
        raise FieldError("kind", f"{kind!r} is not one of: {', '.join(Kind)}")
    fields = {k: v for k, v in data.items() if k != "kind"}
    event: Event = converter().structure(fields, cls)
    return event


def unstructure_event(event: Event) -> dict[str, Any]:
    """The canonical JSON-ready dict of an event: id, kind, then the fields in order, defaults left out."""
    fields: dict[str, Any] = converter().unstructure(event, type(event))
    ordered = {"id": fields["id"], "kind": event.kind.value}
    ordered.update((name, fields[name]) for name in _FIELD_ORDER[type(event)] if name in fields)
    return ordered


def structure_actor(data: object) -> Actor:
    """Build an Actor from its actors.json object, strictly."""
    if not isinstance(data, dict):
        raise FieldError("$", f"an actor must be a JSON object, got {_type_name(data)}")
    return converter().structure(data, Actor)


def error_lines(exc: BaseException) -> list[tuple[str | None, str]]:
    """Every failure inside a structuring error, as (field, message) pairs.

    The field is read from the errors' data (cattrs' notes, FieldError.field), never from a message.

    >>> try:
    ...     structure_event({"kind": "policy", "id": 7})
    ... except Exception as exc:
    ...     sorted(error_lines(exc))[0]
    ('document', 'required field missing')
    """
    return list(_walk(exc, "", ""))


def _join(path: str, name: str) -> str:
    if not path:
        return name
    return f"{path}{name}" if name.startswith("[") else f"{path}.{name}"


def _walk(exc: BaseException, path: str, owner: str) -> Iterator[tuple[str | None, str]]:
    """Yield (field path, message) for each leaf error; ``owner`` is the path of the record holding ``path``."""
    if isinstance(exc, cattrs.ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for inner, note in with_notes:
            yield from _walk(inner, _join(path, note.name), path)
        for inner in without:
            yield from _walk(inner, path, path)
    elif isinstance(exc, cattrs.IterableValidationError):
        with_index, without = exc.group_exceptions()
        for inner, index_note in with_index:
            yield from _walk(inner, f"{path}[{index_note.index}]", path)
        for inner in without:
            yield from _walk(inner, path, path)
    elif isinstance(exc, cattrs.ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield _join(path, key), f"unknown field: not a field of {exc.cl.__name__}"
    elif isinstance(exc, FieldError):
        field = "" if exc.field == "$" else exc.field
        yield _join(owner, field) or None, exc.message
    elif isinstance(exc, KeyError):
        yield path or None, "required field missing"
    elif isinstance(exc, BaseExceptionGroup):
        for nested in exc.exceptions:
            yield from _walk(nested, path, owner)
    else:
        yield path or None, str(exc)
