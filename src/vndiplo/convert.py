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
import re
from collections.abc import Callable
from typing import Any, TypeVar, get_origin

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from .actors import Actor, ActorKind, Names
from .dates import PartialDate, When
from .records import (
    EVENT_CLASSES,
    AgreementStage,
    AgreementType,
    AltDate,
    ConferenceRole,
    Event,
    Kind,
    MembershipRole,
    RelationLevel,
    Source,
    VisitDirection,
    VisitLevel,
    VnState,
)

__all__ = ["FieldError", "converter", "error_lines", "structure_event", "unstructure_event"]

T = TypeVar("T")
_ENUMS: tuple[type[enum.Enum], ...] = (
    ActorKind,
    Kind,
    VnState,
    VisitDirection,
    VisitLevel,
    AgreementStage,
    AgreementType,
    MembershipRole,
    RelationLevel,
    ConferenceRole,
)
_CLASSES: tuple[type, ...] = (Source, AltDate, Names, Actor, *EVENT_CLASSES.values())
_FIELD_NAMES = frozenset(a.name for cls in _CLASSES for a in attrs.fields(cls))
_LEADING_FIELD = re.compile(r"([a-z_]+)(\[\d+\])?[: ]")
_EXTRA_KEY = re.compile(r"unknown field '([^']*)'")
_FIELD_ORDER: dict[type, tuple[str, ...]] = {cls: tuple(a.name for a in attrs.fields(cls)) for cls in _CLASSES}


class FieldError(ValueError):
    """A value that cannot be structured, with the dotted field it belongs to."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


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
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(int, _strict(int, "an integer"))
    conv.register_structure_hook(bool, _strict(bool, "a boolean"))
    for enum_cls in _ENUMS:  # more specific than str, so StrEnums reach this hook
        conv.register_structure_hook(enum_cls, _structure_enum)
        conv.register_unstructure_hook(enum_cls, _enum_value)
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
        conv.register_structure_hook(cls, make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True))
    # Unstructuring is only needed for exports: generate those hooks on first use.
    conv.register_unstructure_hook_factory(
        functools.partial(_is_one_of, classes),
        lambda cls: make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True),
    )


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

    >>> try:
    ...     structure_event({"kind": "policy", "id": 7})
    ... except Exception as exc:
    ...     sorted(error_lines(exc))[0]
    ('document', 'required field missing')
    """
    if isinstance(exc, FieldError):
        return [(exc.field, exc.message)]
    if isinstance(exc, cattrs.BaseValidationError):
        lines = cattrs.transform_error(exc, path="$", format_exception=_format_exception)
        return [_split(line) for line in lines]
    return [(None, str(exc))]


def _format_exception(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        extra = ", ".join(sorted(map(repr, exc.extra_fields)))
        return f"unknown field {extra}: not a field of {exc.cl.__name__}"
    return str(exc)


def _split(line: str) -> tuple[str | None, str]:
    message, sep, path = line.rpartition(" @ ")
    if not sep:
        return None, line
    field = path.removeprefix("$").removeprefix(".") or None
    # A validator's message starts with the field it checked ("sources: ...", "url '...' ..."):
    # fold that into the field so a problem always says where it is.
    name = None
    extra = _EXTRA_KEY.match(message)
    leading = _LEADING_FIELD.match(message)
    if extra:
        name = extra.group(1)
    elif leading and leading.group(1) in _FIELD_NAMES:
        name = leading.group(1) + (leading.group(2) or "")
        message = message[leading.end() :].lstrip(": ")
    if name is not None:
        field = name if field is None else f"{field}.{name}"
    return field, message
