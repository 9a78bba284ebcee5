"""Text search: the word index answers exactly what a brute-force word matcher does.

The reference matcher below is written from the rules, not from the index:
it folds and splits text itself, reads data/variants.json itself and tries
every run of words of every field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import vndiplo
from vndiplo import Event, QueryError, Timeline, Visit, VisitDirection, VisitLevel, VnState, When
from vndiplo.errors import DataError
from vndiplo.search import JOIN_LIMIT, WordIndex, parse_query, tokens
from vndiplo.strategies import events
from vndiplo.text import fold

# -- the reference matcher

WORD = re.compile(r"[^\W_]+")
VARIANT_GROUPS: list[list[str]] = json.loads(
    (Path(vndiplo.__file__).parent / "data" / "variants.json").read_text(encoding="utf-8")
)
Key = tuple[str, str | int]
Query = list[tuple[tuple[str, ...], bool]]  # (words, quoted)


def words_of(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(fold(text)))


class Reference:
    """Brute force: an event matches when every loose word and every phrase is found among its runs of words."""

    def __init__(self, groups: Sequence[Sequence[str]], registry: vndiplo.ActorRegistry) -> None:
        self.group_of_joined: dict[str, int] = {}
        self.group_of_long: dict[tuple[str, ...], int] = {}
        for number, group in enumerate(groups):
            for spelling in group:
                words = words_of(spelling)
                self.group_of_joined["".join(words)] = number
                if len(words) > JOIN_LIMIT:
                    self.group_of_long[words] = number
        self.longest = max([JOIN_LIMIT, *(len(w) for w in self.group_of_long)])
        self.registry = registry

    def key(self, run: tuple[str, ...]) -> Key | None:
        """What a run of words means: a word, joined (up to JOIN_LIMIT words, never numbers), or a variant group."""
        if len(run) > JOIN_LIMIT:
            number = self.group_of_long.get(run)
            return None if number is None else ("variant", number)
        joined = "".join(run)
        if len(run) > 1 and joined.isdigit():
            return None
        number = self.group_of_joined.get(joined)
        return ("word", joined) if number is None else ("variant", number)

    def fields(self, event: Event) -> list[tuple[str, ...]]:
        texts = [event.title, event.title_vi or "", event.summary, event.summary_vi or "", *event.people, *event.places]
        for code in event.counterparts:
            texts.append(code)
            if code in self.registry:
                actor = self.registry[code]
                texts += [actor.names.en, actor.names.vi, *actor.aliases]
        return [words for words in map(words_of, texts) if words]

    def keys(self, event: Event) -> set[Key]:
        found: set[Key | None] = set()
        for words in self.fields(event):
            for start in range(len(words)):
                for size in range(1, self.longest + 1):
                    if start + size <= len(words):
                        found.add(self.key(words[start : start + size]))
        found.discard(None)
        return found  # type: ignore[return-value]

    def loose(self, words: tuple[str, ...], keys: set[Key]) -> bool:
        """Some cut of the words into runs has every run's meaning among the event's."""
        if not words:
            return True
        return any(
            (key := self.key(words[:size])) is not None and key in keys and self.loose(words[size:], keys)
            for size in range(1, min(len(words), self.longest) + 1)
        )

    def phrase(self, words: tuple[str, ...], event: Event) -> bool:
        """Some field has runs, one after another, meaning what the phrase's runs mean, in order."""

        def aligned(query: tuple[str, ...], text: tuple[str, ...]) -> bool:
            if not query:
                return True
            return any(
                (key := self.key(query[:size])) is not None
                and key == self.key(text[:run])
                and aligned(query[size:], text[run:])
                for size in range(1, min(len(query), self.longest) + 1)
                for run in range(1, min(len(text), self.longest) + 1)
            )

        return any(aligned(words, field[start:]) for field in self.fields(event) for start in range(len(field)))

    def matches(self, query: Query, event: Event, keys: set[Key] | None = None) -> bool:
        keys = self.keys(event) if keys is None else keys
        # Every run of a phrase means what one of the event's runs means, so a phrase holds only where its
        # words hold loose: checking that first only saves time.
        return all(self.loose(words, keys) and (not quoted or self.phrase(words, event)) for words, quoted in query)


def render(terms: list[tuple[list[str], bool]]) -> tuple[str, Query]:
    """A query string and what it means: adjacent loose terms run together into one run of words."""
    text = " ".join(f'"{" ".join(raw)}"' if quoted else " ".join(raw) for raw, quoted in terms)
    meaning: Query = []
    for raw, quoted in terms:
        words = words_of(" ".join(raw))
        if not words:
            continue
        if not quoted and meaning and not meaning[-1][1]:
            meaning[-1] = (meaning[-1][0] + words, False)
        else:
            meaning.append((words, quoted))
    return text, meaning


def parse_reference(query: str) -> Query:
    parts = query.split('"')
    return [(words_of(part), number % 2 == 1) for number, part in enumerate(parts) if words_of(part)]


@cache
def reference() -> Reference:
    return Reference(VARIANT_GROUPS, vndiplo.actors())


# -- property tests on generated events

QUERY_WORDS = st.sampled_from(
    [
        "hanoi",
        "Ha",
        "noi",
        "Hà Nội",
        "han",
        "oi",
        "geneva",
        "Genève",
        "Giơ-ne-vơ",
        "gionevo",
        "gio ne",
        "paris",
        "Pa-ri",
        "accord",
        "accords",
        "visit",
        "viet",
        "nam",
        "vietnam",
        "Việt Nam",
        "da",
        "nang",
        "danang",
        "Đà",
        "trade",
        "bac",
        "Bắc Kinh",
        "beijing",
        "Peking",
        "ho",
        "chi",
        "minh",
        "hochiminh",
        "pham van",
        "to",
        "lam",
        "tolam",
        "UN",
        "united nations",
        "WTO",
        "flew",
        "Japan",
        "Nhật Bản",
        "JPN",
        "soviet",
        "union",
        "USSR",
        "Liên Xô",
        "china",
        "Trung Quốc",
        "Hoa Kỳ",
        "us",
        "France",
        "2021",
        "20",
        "21",
        "summit",
        "x",
    ]
)
TERMS = st.lists(st.tuples(st.lists(QUERY_WORDS, min_size=1, max_size=3), st.booleans()), min_size=1, max_size=3)
EXTRA_TEXT = st.lists(
    st.sampled_from(
        [
            "Giơ-ne-vơ",
            "Genève",
            "hiệp định",
            "flew to",
            "WTO",
            "U.N.",
            "UN",
            "Liên Xô",
            "the Soviet Union",
            "20-21 May",
            "2021",
            "ha noi",
            "han oi",
            "Ho Chi Minh",
            "HoChiMinh",
            "Pa-ri",
            "Bắc Kinh",
            "Peking",
            "Đà Nẵng",
            "to Lam",
        ]
    ),
    min_size=1,
    max_size=4,
).map(" ".join)


@st.composite
def rich_events(draw: st.DrawFn) -> Event:
    """A generated event whose summary and Vietnamese title also hold joined, split and variant spellings."""
    event = draw(events())
    return attrs.evolve(event, summary=f"{event.summary} {draw(EXTRA_TEXT)}", title_vi=draw(st.none() | EXTRA_TEXT))


@st.composite
def event_lists(draw: st.DrawFn) -> list[Event]:
    items = draw(st.lists(rich_events(), max_size=12))
    return [attrs.evolve(e, id=f"{e.id}-{i}") for i, e in enumerate(items)]


@given(event_lists(), TERMS)
def test_search_matches_brute_force(items: list[Event], terms: list[tuple[list[str], bool]]) -> None:
    """An event is found exactly when the reference matcher finds every term of the query in it."""
    query, meaning = render(terms)
    if not meaning:
        return
    tl = Timeline(items, actors=vndiplo.actors())
    expected = [e for e in tl if reference().matches(meaning, e)]
    assert list(tl.search(query)) == expected


@given(st.data())
def test_search_for_words_taken_from_an_event_matches_brute_force(data: st.DataObject) -> None:
    """A run of an event's words, apart, joined or quoted, finds that event, and exactly what the reference finds."""
    items = data.draw(event_lists().filter(bool))
    tl = Timeline(items, actors=vndiplo.actors())
    event = data.draw(st.sampled_from(items))
    field = data.draw(st.sampled_from(reference().fields(event)))
    start = data.draw(st.integers(0, len(field) - 1))
    run = field[start : start + data.draw(st.integers(1, JOIN_LIMIT))]
    form = data.draw(st.sampled_from(["apart", "joined", "quoted"]))
    query = {"apart": " ".join(run), "joined": "".join(run), "quoted": f'"{" ".join(run)}"'}[form]
    found = list(tl.search(query))
    assert found == [e for e in tl if reference().matches(parse_reference(query), e)]
    numbers = len(run) > 1 and "".join(run).isdigit()
    assert (event in found) != (form == "joined" and numbers)


@given(event_lists(), TERMS)
def test_word_index_positions_are_sorted_and_match_the_timeline(
    items: list[Event], terms: list[tuple[list[str], bool]]
) -> None:
    query, meaning = render(terms)
    if not meaning:
        return
    tl = Timeline(items, actors=vndiplo.actors())
    positions = WordIndex(tl.events, vndiplo.actors()).find(query)
    assert positions == sorted(set(positions))
    assert [tl.events[i] for i in positions] == list(tl.search(query))


@given(st.text())
def test_tokens_are_the_words_of_the_folded_text(text: str) -> None:
    """tokens() folds character by character for speed; it must equal folding the whole text, then splitting."""
    assert tokens(text) == words_of(text)


@given(st.lists(st.tuples(st.lists(QUERY_WORDS, min_size=1, max_size=3), st.booleans()), min_size=1, max_size=4))
def test_parse_query_reads_quotes_as_phrases(terms: list[tuple[list[str], bool]]) -> None:
    query, meaning = render(terms)
    if meaning:
        assert [(t.words, t.phrase) for t in parse_query(query)] == meaning


# -- the packaged data

REAL_QUERIES = [
    "UN",
    "WTO",
    "hoang sa",
    "Hoàng Sa",
    '"hiep dinh"',
    "Hiệp định Genève",
    '"hiệp định Genève"',
    '"hội nghị Giơ-ne-vơ"',
    "hanoi",
    "ha noi",
    "Triều Tiên",
    "Japan",
    "Nhật Bản",
    '"Nhật Bản"',
    "JPN",
    "geneva accords",
    '"geneva accords"',
    "paris agreement",
    "USSR",
    "soviet union",
    "Indonesia",
    "2021",
    "ho chi minh",
    "hochiminh",
    "doitac",
    "đối tác chiến lược toàn diện",
    '"comprehensive strategic partnership" Japan',
    "Peking",
    "fontainebleau",
    '"Phông-ten-nơ-blô"',
    "In-đô-nê-xi-a",
    "vietnam",
    "viet nam",
]


@pytest.fixture(scope="module")
def packaged_keys(tl: Timeline) -> list[set[Key]]:
    return [reference().keys(e) for e in tl]


@pytest.mark.parametrize("query", REAL_QUERIES)
def test_search_of_the_packaged_data_matches_brute_force(
    tl: Timeline, packaged_keys: list[set[Key]], query: str
) -> None:
    meaning = parse_reference(query)
    expected = [e for e, keys in zip(tl, packaged_keys, strict=True) if reference().matches(meaning, e, keys)]
    assert list(tl.search(query)) == expected


@pytest.mark.parametrize("query", ["geneva", "ha noi", '"hiep dinh"', "Nhật Bản"])
def test_search_commutes_with_other_filters(tl: Timeline, query: str) -> None:
    """Each subset builds its own index; it must agree with the index of the whole set."""
    assert tl.between(1954, 1975).search(query) == tl.search(query).between(1954, 1975)
    assert tl.of_kind("visit").search(query) == tl.search(query).of_kind("visit")


# -- the behaviours asked for


def visit(summary: str, *, counterparts: tuple[str, ...] = (), title: str = "A visit", number: int = 1) -> Visit:
    return Visit(
        id=f"2023-09-10-visit-{number}",
        when=When.parse("2023-09-10"),
        state=VnState.SRV,
        title=title,
        summary=summary,
        counterparts=counterparts,
        sources=(vndiplo.Source(publisher="VNA", title="t", url="https://vietnamplus.vn/a"),),
        direction=VisitDirection.OUTBOUND,
        level=VisitLevel.OFFICIAL,
        host="VNM",
    )


def test_a_word_is_never_found_as_a_fragment() -> None:
    tl = Timeline([visit("The delegation flew to Geneva."), visit("Talks on joining the WTO.", number=2)])
    assert [e.id for e in tl.search("WTO")] == ["2023-09-10-visit-2"]
    assert len(tl.search("flew to")) == 1
    assert not tl.search("gen")  # not a prefix either


def test_an_organisation_is_found_by_its_code_and_names() -> None:
    tl = Timeline([visit("Talks in Geneva.", counterparts=("WTO",))], actors=vndiplo.actors())
    for query in ("WTO", "World Trade Organization", "Tổ chức Thương mại Thế giới"):
        assert len(tl.search(query)) == 1, query


def test_un_matches_the_word_un_only(tl: Timeline) -> None:
    """The old substring search found "un" in 1,088 of 1,582 events (under, fund, union ...)."""
    found = tl.search("UN")
    assert 0 < len(found) < len(tl) // 10
    for event in found:
        assert "UN" in event.counterparts or any("un" in words for words in reference().fields(event)), event.id
    assert len(tl.search("UN")) < len(tl.search("united"))  # "united" is in "United Nations" and more


def test_hoang_sa_does_not_match_mauritius(tl: Timeline) -> None:
    """The old search found "hoang" in a person's name and "sa" inside "ambassador"."""
    found = tl.search("Hoang Sa")
    assert "1994-05-04-relations-mauritius" not in found
    assert "1974-01-19-paracels-battle" in found
    assert found == tl.search("Hoàng Sa") == tl.search("Paracels")


def test_a_quoted_phrase_matches_words_in_order_and_adjacent(tl: Timeline) -> None:
    phrase = tl.search('"hiep dinh"')
    assert phrase
    assert set(phrase) <= set(tl.search("hiep dinh"))
    assert len(phrase) < len(tl.search("hiep dinh"))  # the loose words are also found apart
    assert not tl.search('"dinh hiep"') or len(tl.search('"dinh hiep"')) < len(phrase)
    two = Timeline([visit("Hiệp định thương mại"), visit("Định hiệp", number=2), visit("hiệp ... định", number=3)])
    assert [e.id for e in two.search('"hiep dinh"')] == ["2023-09-10-visit-1", "2023-09-10-visit-3"]


def test_a_phrase_stays_inside_one_field() -> None:
    tl = Timeline([visit("Ends with hiep", title="dinh begins the title")])
    assert tl.search("hiep dinh")
    assert not tl.search('"hiep dinh"')


def test_hiep_dinh_geneve_finds_the_geneva_accords(tl: Timeline) -> None:
    for query in ("Hiệp định Genève", '"Hiệp định Genève"', '"hiep dinh gio ne vo"', "Geneva accords"):
        assert "1954-07-21-geneva-accords" in tl.search(query), query


def test_spelling_variants_are_one_word(tl: Timeline) -> None:
    geneva = tl.search("Geneva")
    assert geneva == tl.search("Genève") == tl.search("Giơ-ne-vơ") == tl.search("gio ne vo") == tl.search("gionevo")
    only_vi = Timeline([visit("Hội nghị Giơ-ne-vơ"), visit("Talks in Bắc Kinh", number=2)])
    assert len(only_vi.search("Geneva")) == 1
    assert len(only_vi.search("Beijing")) == len(only_vi.search("Peking")) == 1
    assert set(tl.involving("SUN")) <= set(tl.search("USSR"))


def test_a_word_matches_its_joined_and_split_forms() -> None:
    tl = Timeline(
        [visit("In Ha Noi"), visit("In Hanoi", number=2), visit("In Hà Nội", number=3), visit("Hano", number=4)]
    )
    every = ["2023-09-10-visit-1", "2023-09-10-visit-2", "2023-09-10-visit-3"]
    for query in ("hanoi", "ha noi", "Hà Nội", "HANOI"):
        assert [e.id for e in tl.search(query)] == every, query
    assert not tl.search("han")
    city = Timeline([visit("Ho Chi Minh City")])
    assert len(city.search("hochi minh")) == len(city.search("ho chiminh")) == 1
    assert not city.search("hochiminh")  # two words join, not three
    assert len(Timeline([visit("Visit to Ca-na-đa")]).search("Canada")) == 1  # a longer one is a listed spelling


def test_numbers_never_join() -> None:
    tl = Timeline([visit("Talks on 20-21 May"), visit("The 2021 summit", number=2)])
    assert [e.id for e in tl.search("2021")] == ["2023-09-10-visit-2"]
    assert [e.id for e in tl.search('"20 21"')] == ["2023-09-10-visit-1"]
    assert [e.id for e in tl.search('"2021"')] == [e.id for e in tl.search('"2021 summit"')] == ["2023-09-10-visit-2"]


def test_actor_names_find_their_events(tl: Timeline) -> None:
    for code, names in {"JPN": ["Japan", '"Nhật Bản"', "JPN"], "PRK": ['"Triều Tiên"', "North Korea", "DPRK"]}.items():
        involved = set(tl.involving(code))
        for name in names:
            assert involved <= set(tl.search(name)), (code, name)


@pytest.mark.parametrize("query", ["", "   ", "!!", "-", '"', '"geneva', 'geneva "hiep', '""', 'geneva ""'])
def test_bad_queries_raise_query_error_naming_the_query(query: str) -> None:
    with pytest.raises(QueryError, match=re.escape(repr(query))):
        Timeline().search(query)
    with pytest.raises(ValueError, match=re.escape(repr(query))):
        parse_query(query)


@pytest.mark.parametrize("query", [None, 3, b"geneva", ["geneva"]])
def test_a_query_that_is_not_a_str_raises_type_error(query: object) -> None:
    with pytest.raises(TypeError, match="str"):
        Timeline().search(query)  # type: ignore[arg-type]


def test_typographic_quotes_make_phrases_too(tl: Timeline) -> None:
    assert tl.search("\u201chiep dinh\u201d") == tl.search('"hiep dinh"')


# -- the variants file


def test_every_variant_group_is_found_in_the_packaged_data(packaged_keys: list[set[Key]]) -> None:
    """Variants are data about this data set: each group names something its events mention."""
    held = set().union(*packaged_keys)
    missing = [group for number, group in enumerate(VARIANT_GROUPS) if ("variant", number) not in held]
    assert not missing


def test_variant_groups_are_checked() -> None:
    with pytest.raises(DataError, match="already a spelling"):
        WordIndex([], variants=[["Paris", "Pa-ri"], ["Paris", "Parigi"]])
    with pytest.raises(DataError, match="differ once joined"):
        WordIndex([], variants=[["Hà Nội", "Hanoi"]])
    with pytest.raises(DataError, match="list of spellings"):
        WordIndex([], variants=[["Paris", 3]])  # type: ignore[list-item]
