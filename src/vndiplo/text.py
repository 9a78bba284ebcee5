"""Folding text for matching: case- and diacritic-insensitive, so "ha noi" finds "Hà Nội"."""

from __future__ import annotations

import unicodedata

__all__ = ["fold"]

# Letters that do not decompose into a base letter and a combining mark.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss"})


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents.

    >>> fold("Hà Nội, Đà Nẵng")
    'ha noi, da nang'
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_EXTRA)
