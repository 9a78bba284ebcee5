"""The registry of actors: countries, former states and organisations, read from actors.json.

Events name their counterparts by code (ISO 3166-1 alpha-3 for countries,
ISO 3166-3 for former states, short ids for organisations). The registry
resolves codes, English and Vietnamese names and aliases to actors.

>>> import vndiplo
>>> vndiplo.actors().lookup("Liên Xô").code
'SUN'
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator

import attrs

from .dates import PartialDate
from .errors import FieldError
from .text import fold

__all__ = ["Actor", "ActorKind", "ActorRegistry", "Names"]


class ActorKind(enum.StrEnum):
    COUNTRY = "country"
    FORMER_STATE = "former_state"
    ORGANISATION = "organisation"


def _name(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise FieldError(attribute.name, f"must be non-empty text, got {value!r}")


@attrs.frozen(kw_only=True, slots=True)
class Names:
    """An actor's name in English and in Vietnamese."""

    en: str = attrs.field(validator=_name)
    vi: str = attrs.field(validator=_name)


@attrs.frozen(kw_only=True, slots=True)
class Actor:
    """A country, former state or organisation that events can name as a counterpart."""

    code: str
    kind: ActorKind = attrs.field(validator=attrs.validators.instance_of(ActorKind))
    names: Names
    aliases: tuple[str, ...] = ()
    ended: PartialDate | None = None
    successors: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        is_former = self.kind is ActorKind.FORMER_STATE
        if is_former != (self.ended is not None):
            raise FieldError("ended", f"a former state needs an end date and only a former state has one ({self.code})")
        if self.successors and not is_former:
            raise FieldError("successors", f"only a former state has successors ({self.code})")

    @property
    def is_state(self) -> bool:
        """Countries and former states are states; organisations are not."""
        return self.kind is not ActorKind.ORGANISATION


class ActorRegistry:
    """All actors, indexed by code and by folded name and alias.

    ``get`` returns a default when nothing matches; ``lookup`` raises
    ValueError with close matches, as pycountry does.
    """

    __slots__ = ("_by_code", "_by_name", "_predecessors")

    def __init__(self, actors: Iterable[Actor]) -> None:
        self._by_code: dict[str, Actor] = {}
        self._by_name: dict[str, Actor] = {}
        self._predecessors: dict[str, tuple[str, ...]] = {}
        for actor in actors:
            if actor.code in self._by_code:
                raise ValueError(f"duplicate actor code {actor.code!r}")
            self._by_code[actor.code] = actor
        for actor in self._by_code.values():
            for key in (actor.code, actor.names.en, actor.names.vi, *actor.aliases):
                self._by_name.setdefault(fold(key), actor)
            for successor in actor.successors:
                if successor not in self._by_code:
                    raise ValueError(f"successor {successor!r} of {actor.code!r} is not a known actor")
                self._predecessors[successor] = (*self._predecessors.get(successor, ()), actor.code)

    def __setattr__(self, name: str, value: object) -> None:
        if hasattr(self, "_predecessors"):  # set last in __init__: from then on the registry is frozen
            raise attrs.exceptions.FrozenInstanceError()
        object.__setattr__(self, name, value)

    def __getitem__(self, code: str) -> Actor:
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"unknown actor code {code!r}") from None

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, name: str, default: Actor | None = None) -> Actor | None:
        """The actor with this code, name or alias (any case, accents optional), else ``default``."""
        if not isinstance(name, str):
            raise TypeError(f"an actor is named by a str, got {name!r}")
        return self._by_code.get(name) or self._by_name.get(fold(name.strip()), default)

    def lookup(self, name: str) -> Actor:
        """Like :meth:`get`, but raises ValueError naming the value and close matches."""
        actor = self.get(name)
        if actor is None:
            import difflib  # only on this error path

            close = difflib.get_close_matches(fold(name), list(self._by_name), n=3)
            hint = f"; did you mean {', '.join(repr(self._by_name[c].code) for c in close)}?" if close else ""
            raise ValueError(
                f"unknown actor {name!r}: give a code (USA, ASEAN), an English or Vietnamese name or an alias{hint}"
            )
        return actor

    def predecessors(self, code: str) -> tuple[str, ...]:
        """Codes of the former states this actor succeeded (RUS -> ('SUN',))."""
        return self._predecessors.get(code, ())
