"""Regenerate the ISO parts of actors.json from pycountry: each country's alpha-2 code and ISO names as aliases.

python docs/scripts/actor_aliases.py          # rewrite src/vndiplo/data/actors.json
python docs/scripts/actor_aliases.py --check  # exit 1 if it is out of date (the tests do this)

For every actor ISO 3166-1 lists (countries, and others such as the Holy See),
``alpha_2`` is set from pycountry and pycountry's ``name``, ``official_name``
and ``common_name`` are added after the hand-written aliases (the common
Vietnamese names: Mỹ, Triều Tiên, ...), which are kept as they are. An alias
equal to the actor's own name is left out, and so is one that would be
ambiguous: a folded alias that names another actor too, or an alias written
exactly as another actor's code. Those dropped are printed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs
import pycountry

from vndiplo.actors import Actor, ActorKind
from vndiplo.convert import converter, structure_actor
from vndiplo.text import fold

ACTORS_FILE = Path(__file__).parents[2] / "src" / "vndiplo" / "data" / "actors.json"
ISO_KINDS = (ActorKind.COUNTRY, ActorKind.OTHER)


def key(text: str) -> str:
    """A name as the registry matches it: case and accents folded, spaces collapsed."""
    return " ".join(fold(text).split())


def iso_names(actor: Actor) -> tuple[str | None, list[str]]:
    """The actor's ISO 3166-1 alpha-2 code and names (name, official, common) in pycountry; (None, []) if unlisted."""
    country = pycountry.countries.get(alpha_3=actor.code) if actor.kind in ISO_KINDS else None
    if country is None:
        return None, []
    names = [getattr(country, field, None) for field in ("name", "official_name", "common_name")]
    return country.alpha_2, [name for name in names if name]


def regenerate(actors: Sequence[Actor], dropped: list[str] | None = None) -> list[Actor]:
    """The actors with ``alpha_2`` and ISO aliases from pycountry and ambiguous aliases left out, sorted by code.

    ``dropped`` collects a line for each alias left out for naming two actors.
    """
    wanted: dict[str, tuple[str | None, list[str]]] = {}
    for actor in actors:
        alpha_2, iso = iso_names(actor)
        iso_keys = {key(name) for name in iso}
        hand = [alias for alias in actor.aliases if key(alias) not in iso_keys]
        seen = {key(actor.names.en), key(actor.names.vi)}
        aliases = []
        for alias in (*hand, *iso):
            if key(alias) not in seen:
                seen.add(key(alias))
                aliases.append(alias)
        wanted[actor.code] = alpha_2, aliases

    owners: dict[str, set[str]] = {}
    for actor in actors:
        for name in (actor.names.en, actor.names.vi, *wanted[actor.code][1]):
            owners.setdefault(key(name), set()).add(actor.code)
    codes = {c for code, (alpha_2, _) in wanted.items() for c in (code, alpha_2) if c}
    result = []
    for actor in sorted(actors, key=lambda a: a.code):
        alpha_2, aliases = wanted[actor.code]
        kept = []
        for alias in aliases:
            others = sorted(owners[key(alias)] - {actor.code})
            if others or (alias in codes and alias not in (actor.code, alpha_2)):
                if dropped is not None:
                    dropped.append(f"{actor.code}: dropped {alias!r}, which also names {', '.join(others) or alias}")
            else:
                kept.append(alias)
        result.append(attrs.evolve(actor, alpha_2=alpha_2, aliases=tuple(kept)))
    return result


def render(actors: Sequence[Actor]) -> str:
    """actors.json's canonical text: the converter's form, fields at their default left out."""
    return json.dumps([converter().unstructure(a) for a in actors], ensure_ascii=False, indent=2) + "\n"


def rewrite(text: str, dropped: list[str] | None = None) -> str:
    """actors.json's text regenerated from ``text``."""
    return render(regenerate([structure_actor(item) for item in json.loads(text)], dropped))


def main(argv: Sequence[str]) -> int:
    text = ACTORS_FILE.read_text(encoding="utf-8")
    dropped: list[str] = []
    new = rewrite(text, dropped)
    for line in dropped:
        print(line)
    if "--check" in argv:
        if new != text:
            print(f"{ACTORS_FILE} is out of date: run python docs/scripts/actor_aliases.py")
            return 1
        return 0
    if new != text:
        ACTORS_FILE.write_text(new, encoding="utf-8")
        print(f"rewrote {ACTORS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
