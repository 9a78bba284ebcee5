"""Words and the word index behind :meth:`vndiplo.Timeline.search`.

Text is folded (case and diacritics, đ -> d) and cut into words at anything
that is not a letter or a digit, so the hyphens of a Vietnamese
transliteration split it: "Giơ-ne-vơ" is the words gio ne vo. A query word
matches whole words only ("WTO" is not in "flew to"), also in their joined or
split form (two adjacent words, :data:`JOIN_LIMIT`, match their joined form:
"hanoi" and "ha noi"; numbers never join, so "2021" is not in "20-21 May");
the spelling variants of one name listed in data/variants.json are one word
(Genève, Geneva, Giơ-ne-vơ), however many words a spelling has.

>>> parse_query('hanoi "hiệp định"')
(Term(words=('hanoi',), phrase=False), Term(words=('hiep', 'dinh'), phrase=True))
"""

from __future__ import annotations

import json
import re
import threading
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import accumulate
from operator import add
from pathlib import Path

import attrs

from .actors import ActorRegistry
from .errors import DataError, Problem, QueryError
from .records import Event
from .text import fold

__all__ = ["JOIN_LIMIT", "Term", "WordIndex", "parse_query", "tokens"]

JOIN_LIMIT = 2
"""The longest run of adjacent words that also matches as one joined word ("ha noi" and "hanoi").

Longer transliterations ("Ca-na-đa") match as listed spellings of a variant.
"""

VARIANTS_FILE = Path(__file__).parent / "data" / "variants.json"

_WORD = re.compile(r"[^\W_]+")
_QUOTE = re.compile('["\u201c\u201d\u201e]')  # straight and typographic double quotes

# fold() maps each character on its own (the combining marks whose order NFKD might change are all
# dropped), so a table of it per character folds whole texts at the speed of str.translate.
_FOLDED: dict[int, str] = {}
_SEEN: set[str] = set()


def _fold(text: str) -> str:
    new = set(text).difference(_SEEN)
    if new:
        for char in new:
            _FOLDED[ord(char)] = fold(char)
        _SEEN.update(new)
    return text.translate(_FOLDED)


def tokens(text: str) -> tuple[str, ...]:
    """The words of ``text``, folded: letters and digits, split at everything else.

    >>> tokens("Hiệp định Giơ-ne-vơ (1954)")
    ('hiep', 'dinh', 'gio', 'ne', 'vo', '1954')
    """
    return tuple(_WORD.findall(_fold(text)))


@attrs.frozen
class Term:
    """One part of a query: words that must each match somewhere, or a quoted phrase (in order, adjacent)."""

    words: tuple[str, ...]
    phrase: bool = False


def parse_query(query: str) -> tuple[Term, ...]:
    """The terms of a search query: runs of loose words, and "quoted phrases".

    >>> [(t.words, t.phrase) for t in parse_query('Geneva "hiệp định" 1954')]
    [(('geneva',), False), (('hiep', 'dinh'), True), (('1954',), False)]

    An empty query, one of only punctuation, an empty phrase or an unbalanced
    quote raises QueryError (a ValueError):

    >>> parse_query('"hiep dinh')
    Traceback (most recent call last):
    ...
    vndiplo.errors.QueryError: unbalanced quote in the search '"hiep dinh': close each "phrase"
    """
    if not isinstance(query, str):
        raise TypeError(f"a search query is a str, got {query!r}")
    parts = _QUOTE.split(query)
    if len(parts) % 2 == 0:
        raise QueryError(f'unbalanced quote in the search {query!r}: close each "phrase"')
    terms = []
    for number, part in enumerate(parts):
        words = tokens(part)
        quoted = number % 2 == 1
        if quoted and not words:
            raise QueryError(f"empty phrase in the search {query!r}: quote one or more words")
        if words:
            terms.append(Term(words, phrase=quoted))
    if not terms:
        raise QueryError(f"a search needs at least one word (letters or digits), got {query!r}")
    return tuple(terms)


@attrs.frozen
class _Variants:
    """Spelling variants: the joined forms of a group's spellings share one key (its first spelling's)."""

    keys: dict[str, str]  # joined spelling -> key
    long: dict[tuple[str, ...], str]  # spellings of more than JOIN_LIMIT words -> key
    long_by_first: dict[str, tuple[tuple[str, ...], ...]]
    long_heads: frozenset[str]  # the first two words of each long spelling, joined: a quick test for any
    forms: dict[str, tuple[str, ...]]  # key -> the joined spellings of its group
    longest: int  # words in the longest run that can match: JOIN_LIMIT or a longer spelling

    @classmethod
    def from_groups(cls, groups: object, source: str) -> _Variants:
        problems: list[str] = []
        keys: dict[str, str] = {}
        long: dict[tuple[str, ...], str] = {}
        forms: dict[str, tuple[str, ...]] = {}
        owner: dict[str, int] = {}  # joined spelling -> the number of its group
        if not isinstance(groups, list | tuple):
            raise DataError([Problem(source, None, None, f"expected a list of groups of spellings, got {groups!r}")])
        for number, group in enumerate(groups):
            if not isinstance(group, list | tuple) or not all(isinstance(s, str) and tokens(s) for s in group):
                problems.append(f"[{number}]: a group is a list of spellings with letters, got {group!r}")
                continue
            spellings = [tokens(s) for s in group]
            joined = list(dict.fromkeys("".join(s) for s in spellings))
            if len(joined) < 2 and all(len(s) <= JOIN_LIMIT for s in spellings):
                problems.append(f"[{number}]: {group!r} has fewer than two spellings that differ once joined")
                continue
            key = joined[0]
            for spelling, form in zip(group, ("".join(s) for s in spellings), strict=True):
                if owner.setdefault(form, number) != number:
                    problems.append(f"[{number}]: {spelling!r} is already a spelling in group [{owner[form]}]")
                keys.setdefault(form, key)
            forms[key] = tuple(joined)
            long.update((s, key) for s in spellings if len(s) > JOIN_LIMIT)
        if problems:
            raise DataError(Problem(source, None, None, p) for p in problems)
        by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for spelling in long:
            by_first[spelling[0]].append(spelling)
        longest = max([JOIN_LIMIT, *map(len, long)])
        heads = frozenset("".join(s[:2]) for s in long)
        return cls(keys, long, {k: tuple(v) for k, v in by_first.items()}, heads, forms, longest)

    def key(self, words: tuple[str, ...]) -> str | None:
        """The index key of a run of words: its joined form, or its variant group's.

        None when the run cannot match as one word: longer than JOIN_LIMIT and
        not a spelling, or numbers that would join into one ("20 21").
        """
        if len(words) > JOIN_LIMIT:
            return self.long.get(words)
        joined = "".join(words)
        if len(words) > 1 and joined.isdigit():
            return None
        return self.keys.get(joined, joined)


_PACKAGED_VARIANTS: list[_Variants] = []
_LOCK = threading.Lock()


def _packaged_variants() -> _Variants:
    """The packaged spelling variants, read on first use."""
    if not _PACKAGED_VARIANTS:
        with _LOCK:
            if not _PACKAGED_VARIANTS:
                try:
                    groups = json.loads(VARIANTS_FILE.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError, ValueError) as exc:
                    raise DataError([Problem(str(VARIANTS_FILE), None, None, str(exc))]) from None
                _PACKAGED_VARIANTS.append(_Variants.from_groups(groups, str(VARIANTS_FILE)))
    return _PACKAGED_VARIANTS[0]


def _names(code: str, actors: ActorRegistry | None) -> list[tuple[str, ...]]:
    """The words of an actor's code, names and aliases (of the code alone when the registry lacks it)."""
    actor = actors[code] if actors is not None and code in actors else None
    names = [code] if actor is None else [code, actor.names.en, actor.names.vi, *actor.aliases]
    return list(dict.fromkeys(words for words in map(tokens, names) if words))


class WordIndex:
    """An inverted index of the words of events: folded word -> sorted positions of the events holding it.

    An event's words are those of its title, title_vi, summary, summary_vi,
    people and places, and the code, names and aliases of its counterparts
    (from ``actors``; without a registry, the codes alone). Each is a field of
    its own, kept for phrases, which match only inside one field.

    >>> import vndiplo
    >>> index = WordIndex(vndiplo.timeline().events, vndiplo.actors())
    >>> with_japan = set(index.find("JPN"))  # counterpart JPN
    >>> with_japan <= set(index.find("Japan")) and with_japan <= set(index.find('"Nhật Bản"'))
    True
    """

    __slots__ = ("_fields", "_postings", "_variants", "_words")

    _fields: list[str]  # per event: its fields as " word word ... " (spaces at both ends), one a line
    _postings: dict[str, list[int]]  # key (a word, or its variant group's key) -> sorted positions
    _variants: _Variants
    _words: frozenset[str]  # every word as written (folded), to find the words a joined query word splits into

    def __init__(
        self,
        events: Sequence[Event],
        actors: ActorRegistry | None = None,
        *,
        variants: Sequence[Sequence[str]] | None = None,
    ) -> None:
        self._variants = _packaged_variants() if variants is None else _Variants.from_groups(variants, "variants")
        self._fields = []
        owns: list[list[tuple[str, ...]]] = []  # per event: the words of its own fields
        counterparts: list[tuple[str, ...]] = []
        names: dict[str, list[tuple[str, ...]]] = {}  # code -> the words of the actor's code, names and aliases
        for event in events:
            if not isinstance(event, Event):
                raise TypeError(f"a WordIndex indexes Event records, got {event!r}")
            texts = (event.title, event.title_vi, event.summary, event.summary_vi, *event.people, *event.places)
            own = [words for words in map(tokens, filter(None, texts)) if words]
            for code in event.counterparts:
                if code not in names:
                    names[code] = _names(code, actors)
            fields = [*own, *(words for code in event.counterparts for words in names[code])]
            self._fields.append("\n".join(dict.fromkeys(f" {' '.join(words)} " for words in fields)))
            owns.append(own)
            counterparts.append(event.counterparts)
        written: set[str] = set()
        for fields in (*owns, *names.values()):
            for words in fields:
                written.update(words)
        self._words = frozenset(written)
        # A run of words is indexed under its joined form when that is a word too ("ha noi" as "hanoi") or a
        # spelling of a variant; any other joined form is found by splitting the query word (see _joined).
        # Numbers never join ("20 21" is not "2021").
        joinable = {word for word in written.union(self._variants.keys) if not word.isdigit()}
        by_code = {code: self._keys(words, joinable) for code, words in names.items()}
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for position, (own, codes) in enumerate(zip(owns, counterparts, strict=True)):
            keys = self._keys(own, joinable)
            for code in codes:
                keys |= by_code[code]
            for key in keys:
                postings[key].append(position)
        self._postings = dict(postings)

    def _keys(self, fields: Iterable[tuple[str, ...]], joinable: set[str]) -> set[str]:
        """The keys of the fields' words and of their runs of words that join into a word or a variant's spelling."""
        variants = self._variants
        keys: set[str] = set()
        for words in fields:
            keys.update(words)
            runs = pairs = list(map(add, words, words[1:]))
            for size in range(2, JOIN_LIMIT + 1):
                if size > 2:
                    runs = list(map(add, runs, words[size - 1 :]))
                keys.update(joinable.intersection(runs))
            if not variants.long_heads.isdisjoint(pairs):
                for start, word in enumerate(words):
                    for spelling in variants.long_by_first.get(word, ()):
                        if words[start : start + len(spelling)] == spelling:
                            keys.add(variants.long[spelling])
        spelled = keys.intersection(variants.keys)
        if spelled:
            keys -= spelled
            keys.update(variants.keys[s] for s in spelled)
        return keys

    def __len__(self) -> int:
        """The number of events indexed."""
        return len(self._fields)

    def find(self, query: str | Sequence[Term]) -> list[int]:
        """The sorted positions of the events matching every term of ``query`` (a str or parsed terms).

        A loose word matches a whole word (or the joined form of adjacent
        words) of any field; adjacent loose words also match as one joined
        word ("ha noi" finds "Hanoi"); a phrase matches its words in order and
        adjacent within one field.
        """
        terms = parse_query(query) if isinstance(query, str) else tuple(query)
        found: set[int] | None = None
        for term in sorted(terms, key=lambda t: t.phrase):  # phrases last: they check only what is left
            if term.phrase:
                hits = self._phrase(term.words, found)
            else:
                hits = self._loose(term.words)
                if found is not None:
                    hits &= found
            if not hits:
                return []
            found = hits
        return sorted(found or ())

    def _options(self, words: tuple[str, ...]) -> list[list[tuple[str, int]]]:
        """For each query word, the keys of the runs of query words starting there: (key, number of words)."""
        options: list[list[tuple[str, int]]] = []
        for start in range(len(words)):
            here = []
            for size in range(1, min(len(words) - start, self._variants.longest) + 1):
                key = self._variants.key(words[start : start + size])
                if key is not None:
                    here.append((key, size))
            options.append(here)
        return options

    def _loose(self, words: tuple[str, ...]) -> set[int]:
        """Events holding every word, where adjacent words may also match as one joined word."""
        options = self._options(words)
        after: list[set[int] | None] = [None] * (len(words) + 1)  # after[i]: events matching words[i:]
        for start in range(len(words) - 1, -1, -1):
            hits: set[int] = set()
            for key, size in options[start]:
                rest = after[start + size]
                positions = self._matching(key, words[start : start + size], rest)
                if positions:
                    hits.update(positions if rest is None else rest.intersection(positions))
            after[start] = hits
        result = after[0]
        assert result is not None
        return result

    def _matching(self, key: str, words: tuple[str, ...], within: set[int] | None) -> Collection[int]:
        """Events with a run of words whose key is ``key``, that of the query's ``words`` (some outside ``within``)."""
        positions = self._postings.get(key, ())
        joined = "".join(words)
        if len(words) > JOIN_LIMIT or joined in self._words or joined in self._variants.keys or joined.isdigit():
            return positions  # runs joining into a word or a variant's spelling are indexed; numbers never join
        if within is not None and not within:
            return ()
        split = self._joined(words, within)
        return split.union(positions) if split else positions

    def _joined(self, words: tuple[str, ...], within: set[int] | None) -> set[int]:
        """Events with a run of 2 to JOIN_LIMIT adjacent words that join into the query's ``words``.

        A run cut where the query's words are cut is left out: its events
        already match these words one by one.
        """
        keys = self._variants.keys
        cuts = set(accumulate(map(len, words[:-1])))
        found: set[int] = set()
        for pieces in self._splits("".join(words), JOIN_LIMIT):
            if cuts.issuperset(accumulate(map(len, pieces[:-1]))):
                continue
            postings = sorted((self._postings.get(keys.get(p, p), ()) for p in pieces), key=len)
            candidates = set(postings[0]).intersection(*postings[1:], *([] if within is None else [within]))
            spaced = f" {' '.join(pieces)} "
            found.update(i for i in candidates if spaced in self._fields[i])
        return found

    def _splits(self, joined: str, most: int) -> list[tuple[str, ...]]:
        """The ways to cut ``joined`` into 2 to ``most`` words of the index."""
        written = self._words

        def cut(rest: str, parts: int) -> Iterator[tuple[str, ...]]:
            if rest in written:
                yield (rest,)
            if parts > 1:
                for end in range(1, len(rest)):
                    if rest[:end] in written:
                        yield from ((rest[:end], *tail) for tail in cut(rest[end:], parts - 1))

        return [pieces for pieces in cut(joined, most) if len(pieces) > 1]

    def _phrase(self, words: tuple[str, ...], within: set[int] | None) -> set[int]:
        """Events with the words in order and adjacent inside one field."""
        candidates = self._loose(words)  # every event holding the phrase holds its words
        if within is not None:
            candidates &= within
        if not candidates:
            return candidates
        options = self._options(words)
        literal = f" {' '.join(words)} "
        surfaces = self._surfaces(options)
        return {
            position
            for position in candidates
            if literal in (text := self._fields[position]) or self._phrase_in(text, options, surfaces)
        }

    def _surfaces(self, options: list[list[tuple[str, int]]]) -> list[str]:
        """Every joined form the words of a phrase can take in a text (with the other spellings of variants)."""
        forms = self._variants.forms
        ends: list[set[str]] = [set() for _ in options] + [{""}]
        for start in range(len(options) - 1, -1, -1):
            for key, size in options[start]:
                ends[start].update(form + rest for form in forms.get(key, (key,)) for rest in ends[start + size])
        return sorted(ends[0])

    def _phrase_in(self, text: str, options: list[list[tuple[str, int]]], surfaces: list[str]) -> bool:
        """Whether an event's fields (not holding the phrase literally) hold it through joined words or variants."""
        squeezed = text.replace(" ", "")
        if not any(surface in squeezed for surface in surfaces):
            return False
        return any(self._phrase_in_field(field, options, surfaces) for field in text.split("\n"))

    def _phrase_in_field(self, field: str, options: list[list[tuple[str, int]]], surfaces: list[str]) -> bool:
        squeezed = field.replace(" ", "")
        offsets = set()
        for surface in surfaces:
            at = squeezed.find(surface)
            while at >= 0:
                offsets.add(at)
                at = squeezed.find(surface, at + 1)
        if not offsets:
            return False
        words = tuple(field.split())
        starts: dict[int, int] = {}  # offset in the squeezed field -> the word starting there
        offset = 0
        for number, word in enumerate(words):
            starts[offset] = number
            offset += len(word)
        key = self._variants.key
        longest = self._variants.longest

        def match(i: int, j: int) -> bool:  # words of the phrase from i, words of the field from j
            if i == len(options):
                return True
            return any(
                key(words[j : j + run]) == wanted and match(i + size, j + run)
                for wanted, size in options[i]
                for run in range(1, min(longest, len(words) - j) + 1)
            )

        return any(match(0, starts[at]) for at in sorted(offsets) if at in starts)
