"""Sample records shared by the tests: small, valid, and written out in full."""

from __future__ import annotations

from typing import Any

from vndiplo import RelationLevel, Relations, Source, VnState, When

GENEVA: dict[str, Any] = {
    "id": "1954-07-21-geneva-accords",
    "kind": "agreement",
    "when": "1954-07-21",
    "state": "DRV",
    "title": "Geneva Accords signed",
    "summary": "The agreements ending the war in Indochina were signed at Geneva.",
    "counterparts": ["FRA"],
    "sources": [{"publisher": "Wikipedia", "title": "1954 Geneva Conference", "url": "https://en.wikipedia.org/x"}],
    "stage": "signed",
    "agreement_type": "peace_accord",
}
"""A valid agreement in its canonical JSON form (copy it before changing it)."""


def relation(code: str, day: str, level: str) -> Relations:
    """A minimal Relations record with ``code`` on ``day`` at ``level`` (a RelationLevel value)."""
    return Relations(
        id=f"{day}-{code.lower()}-{level.replace('_', '-')}",
        when=When.parse(day),
        state=VnState.SRV if day >= "1976-07-02" else VnState.DRV,
        title="t",
        summary="s",
        counterparts=(code,),
        sources=(Source(publisher="p", title="t"),),
        counterpart=code,
        level=RelationLevel(level),
    )
