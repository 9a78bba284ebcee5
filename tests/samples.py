"""Sample records shared by the tests: small, valid, and written out in full."""

from __future__ import annotations

from typing import Any

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
