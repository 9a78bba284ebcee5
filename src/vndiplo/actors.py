"""The registry of actors: countries, former states, organisations and others, read from actors.json.

Events name their counterparts by code (ISO 3166-1 alpha-3 for countries,
ISO 3166-3 for former states, short ids for organisations). The registry
resolves codes, ISO alpha-2 codes, English and Vietnamese names and aliases
(common Vietnamese names such as Mỹ or Triều Tiên, ISO 3166 official names)
to actors, as pycountry does for countries.

>>> import vndiplo
>>> registry = vndiplo.actors()
>>> registry.lookup("Liên Xô").code, registry.lookup("Triều Tiên").code, registry.get(alpha_2="jp").code
('SUN', 'PRK', 'JPN')
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from typing import Final, overload

import attrs

from .dates import PartialDate
from .errors import FieldError, UnknownActorError, did_you_mean
from .records import add_vietnamese_labels
from .text import fold

__all__ = ["Actor", "ActorKind", "ActorRegistry", "Names"]


class ActorKind(enum.StrEnum):
    """What an actor is; ``OTHER`` is an entity Vietnam has no diplomatic relations with (the Holy See, Taiwan)."""

    COUNTRY = "country"
    FORMER_STATE = "former_state"
    ORGANISATION = "organisation"
    OTHER = "other"


add_vietnamese_labels(
    {
        ActorKind.COUNTRY: "quốc gia",
        ActorKind.FORMER_STATE: "quốc gia không còn tồn tại",
        ActorKind.ORGANISATION: "tổ chức",
        ActorKind.OTHER: "thực thể khác",
    }
)

_ISO_3166_1: Final = frozenset({ActorKind.COUNTRY, ActorKind.OTHER})
"""The kinds whose actors ISO 3166-1 lists, and so may have an alpha-2 code."""


def _name(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise FieldError(attribute.name, f"must be non-empty text, got {value!r}")


def _alpha_2(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and not (isinstance(value, str) and len(value) == 2 and value.isascii() and value.isupper()):
        raise FieldError(attribute.name, f"must be two capital letters (an ISO 3166-1 alpha-2 code), got {value!r}")


@attrs.frozen(kw_only=True, slots=True)
class Names:
    """An actor's name in English and in Vietnamese."""

    en: str = attrs.field(validator=_name)
    vi: str = attrs.field(validator=_name)


@attrs.frozen(kw_only=True, slots=True)
class Actor:
    """A country, former state, organisation or other entity that events can name as a counterpart.

    ``alpha_2`` is the ISO 3166-1 alpha-2 code of a country (or of another
    entity ISO 3166-1 lists: VA, TW); None for former states and organisations.
    """

    code: str
    kind: ActorKind = attrs.field(validator=attrs.validators.instance_of(ActorKind))
    names: Names
    alpha_2: str | None = attrs.field(default=None, validator=_alpha_2)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=attrs.validators.deep_iterable(_name))
    ended: PartialDate | None = None
    successors: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        is_former = self.kind is ActorKind.FORMER_STATE
        if is_former != (self.ended is not None):
            raise FieldError("ended", f"a former state needs an end date and only a former state has one ({self.code})")
        if self.successors and not is_former:
            raise FieldError("successors", f"only a former state has successors ({self.code})")
        if self.alpha_2 is not None and self.kind not in _ISO_3166_1:
            raise FieldError(
                "alpha_2", f"only an actor ISO 3166-1 lists has an alpha-2 code ({self.code} is {self.kind})"
            )

    @property
    def is_state(self) -> bool:
        """Countries and former states are states; organisations and others (the Holy See, Taiwan) are not."""
        return self.kind is ActorKind.COUNTRY or self.kind is ActorKind.FORMER_STATE


def _key(text: str) -> str:
    """The form names are matched in: case and accents folded, spaces collapsed."""
    return " ".join(fold(text).split())


_NOTHING: Final = object()

_FIELDS: Final = ("code", "alpha_3", "alpha_2", "name")
"""The keywords :meth:`ActorRegistry.get` accepts (besides ``default``), as pycountry's ``get`` does."""


class ActorRegistry:
    """All actors, indexed by code, alpha-2 code and folded name and alias.

    ``get`` returns a default when nothing matches; ``lookup`` raises
    :class:`~vndiplo.errors.UnknownActorError` (a LookupError) with close
    matches, as pycountry does. A value written exactly as a code (``"NGA"``,
    ``"MY"``) is that code; any other spelling is read as a name first, then as
    a code in any case: ``"Nga"`` is Russia (its Vietnamese name), ``"NGA"``
    Nigeria, ``"Mỹ"`` and ``"my"`` the United States, ``"MY"`` Malaysia.

    No name or alias may name two actors: building a registry where one does
    raises ValueError (``"Korea"`` alone names neither Korea).
    """

    __slots__ = ("_by_alpha_2", "_by_code", "_by_code_key", "_by_name", "_predecessors", "_spellings")

    def __init__(self, actors: Iterable[Actor]) -> None:
        by_code: dict[str, Actor] = {}
        by_alpha_2: dict[str, Actor] = {}
        for actor in actors:
            if actor.code in by_code:
                raise ValueError(f"duplicate actor code {actor.code!r}")
            by_code[actor.code] = actor
            if actor.alpha_2 is not None:
                if actor.alpha_2 in by_alpha_2:
                    raise ValueError(
                        f"alpha-2 code {actor.alpha_2!r} of {actor.code} is also {by_alpha_2[actor.alpha_2].code}'s"
                    )
                by_alpha_2[actor.alpha_2] = actor
        by_code_key: dict[str, Actor] = {}  # codes and alpha-2 codes in any case
        for code, actor in (*by_code.items(), *by_alpha_2.items()):
            other = by_code_key.setdefault(code.casefold(), actor)
            if other is not actor:
                raise ValueError(f"code {code!r} of {actor.code} differs only in case from a code of {other.code}")
        by_name: dict[str, Actor] = {}
        spellings: dict[str, str] = {}  # folded name -> the name as written, for suggestions
        for actor in by_code.values():
            for text in (actor.names.en, actor.names.vi, *actor.aliases):
                key = _key(text)
                other = by_name.setdefault(key, actor)
                spellings.setdefault(key, text)
                if other is not actor:
                    raise ValueError(
                        f"{text!r} names both {other.code} and {actor.code}: a name or alias must name one actor"
                    )
                shadow = by_code.get(text) or by_alpha_2.get(text)
                if shadow is not None and shadow is not actor:
                    raise ValueError(
                        f"alias {text!r} of {actor.code} is {shadow.code}'s code: it could never find {actor.code}"
                    )
        predecessors: dict[str, tuple[str, ...]] = {}
        for actor in by_code.values():
            for successor in actor.successors:
                if successor not in by_code:
                    raise ValueError(f"successor {successor!r} of {actor.code!r} is not a known actor")
                predecessors[successor] = (*predecessors.get(successor, ()), actor.code)
        self._by_code = by_code
        self._by_alpha_2 = by_alpha_2
        self._by_code_key = by_code_key
        self._by_name = by_name
        self._spellings = spellings
        self._predecessors = predecessors  # last: from here on the registry is frozen

    def __setattr__(self, name: str, value: object) -> None:
        if hasattr(self, "_predecessors"):
            raise attrs.exceptions.FrozenInstanceError()
        object.__setattr__(self, name, value)

    def __getitem__(self, code: str) -> Actor:
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"unknown actor code {code!r}") from None

    def __contains__(self, code: object) -> bool:
        """Whether ``code`` is an actor's code, exactly as written (``"USA" in registry``; not names)."""
        return code in self._by_code

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    @overload
    def get(self, value: str, /, default: Actor | None = None) -> Actor | None: ...
    @overload
    def get(self, *, code: str, default: Actor | None = None) -> Actor | None: ...
    @overload
    def get(self, *, alpha_3: str, default: Actor | None = None) -> Actor | None: ...
    @overload
    def get(self, *, alpha_2: str, default: Actor | None = None) -> Actor | None: ...
    @overload
    def get(self, *, name: str, default: Actor | None = None) -> Actor | None: ...

    def get(self, value: object = _NOTHING, default: Actor | None = None, **field: object) -> Actor | None:
        """The actor matching one value, else ``default`` (None), as pycountry's ``get``.

        Give one of: a value (anything :meth:`lookup` accepts), ``code=`` (any
        case), ``alpha_3=`` (the code of a state or other ISO-listed entity,
        not of an organisation), ``alpha_2=`` (any case), or ``name=`` (an
        English or Vietnamese name or alias; any case, accents optional).

        >>> import vndiplo
        >>> registry = vndiplo.actors()
        >>> registry.get(alpha_2="VN").names.vi, registry.get(name="nhat ban").code, registry.get(code="XYZ")
        ('Việt Nam', 'JPN', None)
        """
        unknown = [k for k in field if k not in _FIELDS]
        if unknown:
            accepted = ", ".join(f"{k}=" for k in (*_FIELDS, "default"))
            raise TypeError(
                f"get() got an unexpected keyword argument {unknown[0]!r}; it accepts a value or {accepted}"
            )
        given = [*field.items()] if value is _NOTHING else [("value", value), *field.items()]
        if len(given) != 1:
            accepted = ", ".join(f"{k}=" for k in _FIELDS)
            raise TypeError(f"get() takes exactly one of a value, {accepted}; got {len(given)}")
        how, text = given[0]
        if not isinstance(text, str):
            raise TypeError(f"an actor is named by a str, got {text!r}")
        actor = self._find(how, text.strip())
        return default if actor is None else actor

    def _find(self, how: str, text: str) -> Actor | None:
        if how == "name":
            return self._by_name.get(_key(text))
        folded = text.casefold()
        actor = self._by_code_key.get(folded)
        if how == "alpha_2":
            return actor if actor is not None and (actor.alpha_2 or "").casefold() == folded else None
        if how in ("code", "alpha_3"):
            if actor is None or actor.code.casefold() != folded:
                return None
            return None if how == "alpha_3" and actor.kind is ActorKind.ORGANISATION else actor
        # Anything: a code as written, then a name or alias, then a code in any case.
        return self._by_code.get(text) or self._by_alpha_2.get(text) or self._by_name.get(_key(text)) or actor

    def lookup(self, value: str) -> Actor:
        """The actor with this code, alpha-2 code, name or alias (any case, accents optional).

        Raises :class:`~vndiplo.errors.UnknownActorError` (a LookupError and a
        ValueError) naming the value and the closest names.

        >>> import vndiplo
        >>> registry = vndiplo.actors()
        >>> [registry.lookup(v).code for v in ("Anh", "Korea, Republic of", "JP", "hoa ky")]
        ['GBR', 'KOR', 'JPN', 'USA']
        """
        actor = self.get(value)
        if actor is None:
            raise UnknownActorError(value, self._suggestions(value))
        return actor

    def _suggestions(self, value: str) -> list[str]:
        """The names closest to ``value``, one per actor: those it begins, then difflib's close matches.

        Every word-start tail of a folded name is a choice, so "america" finds
        "united states of america" and "korea" both Koreas.
        """
        tails = {key: key for key in self._by_name}  # whole names first: they win over a tail of another
        for key in self._by_name:
            words = key.split()
            for i in range(1, len(words)):
                tails.setdefault(" ".join(words[i:]), key)
        found: list[str] = []
        seen: set[str] = set()
        for tail in did_you_mean(_key(value), tails, n=12):
            key = tails[tail]
            code = self._by_name[key].code
            if code not in seen:
                seen.add(code)
                found.append(self._spellings[key])
        return found[:3]

    def predecessors(self, code: str) -> tuple[str, ...]:
        """Codes of the former states this actor succeeded (RUS -> ('SUN',))."""
        return self._predecessors.get(code, ())
