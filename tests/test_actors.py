"""The actor registry: pycountry's contracts (get, lookup), its data against pycountry, names that name one actor."""

from __future__ import annotations

import runpy
import unicodedata
from pathlib import Path

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

import vndiplo
from tests.samples import relation
from vndiplo import Actor, ActorKind, ActorRegistry, Names, Timeline, UnknownActorError, VndiploError
from vndiplo.errors import FieldError
from vndiplo.packaged import DATA_DIR
from vndiplo.text import fold

REGISTRY = vndiplo.actors()
ACTORS = list(REGISTRY)
SCRIPT = Path(__file__).parent.parent / "docs" / "scripts" / "actor_aliases.py"


def key(text: str) -> str:
    """A name as the registry matches it: case and accents folded, spaces collapsed."""
    return " ".join(fold(text).split())


def spellings(actor: Actor) -> list[str]:
    return [actor.names.en, actor.names.vi, *actor.aliases]


def written_as_code(text: str) -> Actor | None:
    """The actor whose code or alpha-2 code is exactly ``text``: such a spelling is read as that code."""
    return next((a for a in ACTORS if text in (a.code, a.alpha_2)), None)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@st.composite
def variants(draw: st.DrawFn, text: str) -> str:
    """``text`` with its accents perhaps stripped, each letter in a random case, and spaces around it."""
    if draw(st.booleans()):
        text = strip_accents(text)
    cases = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    text = "".join(c.upper() if up else c.lower() for c, up in zip(text, cases, strict=True))
    return draw(st.sampled_from(["", " "])) + text + draw(st.sampled_from(["", "  "]))


# -- the data against pycountry


@pytest.mark.parametrize(
    "actor", [a for a in ACTORS if a.kind in (ActorKind.COUNTRY, ActorKind.OTHER)], ids=lambda a: str(a.code)
)
def test_each_iso_listed_actor_has_pycountrys_names_and_alpha_2(actor: Actor) -> None:
    country = pycountry.countries.get(alpha_3=actor.code)
    assert country is not None
    assert actor.alpha_2 == country.alpha_2
    names = {key(name) for name in spellings(actor)}
    for field in ("name", "official_name", "common_name"):
        iso = getattr(country, field, None)
        assert iso is None or key(iso) in names, f"{field} {iso!r}"


def test_only_iso_listed_actors_have_an_alpha_2() -> None:
    for actor in ACTORS:
        if actor.kind in (ActorKind.FORMER_STATE, ActorKind.ORGANISATION):
            assert actor.alpha_2 is None, actor.code
        else:
            assert actor.alpha_2 is not None, actor.code


def test_actors_file_is_what_the_alias_script_writes() -> None:
    """The ISO aliases and alpha-2 codes come from pycountry through docs/scripts/actor_aliases.py, not by hand."""
    script = runpy.run_path(str(SCRIPT))
    text = (DATA_DIR / "actors.json").read_text(encoding="utf-8")
    dropped: list[str] = []
    assert script["rewrite"](text, dropped) == text, "run python docs/scripts/actor_aliases.py"
    assert dropped == []


def test_alias_script_drops_an_alias_that_names_two_actors() -> None:
    script = runpy.run_path(str(SCRIPT))
    country = ActorKind.COUNTRY
    south = Actor(code="KOR", kind=country, names=Names(en="South Korea", vi="Hàn Quốc"), aliases=("Korea",))
    north = Actor(code="PRK", kind=country, names=Names(en="North Korea", vi="Triều Tiên"), aliases=("KOREA",))
    dropped: list[str] = []
    kor, prk = script["regenerate"]([north, south], dropped)
    assert (kor.code, kor.alpha_2, prk.alpha_2) == ("KOR", "KR", "KP")
    assert "Korea, Republic of" in kor.aliases
    assert not {"korea"} & {key(a) for a in (*kor.aliases, *prk.aliases)}
    assert len(dropped) == 2
    ActorRegistry([kor, prk])  # the result is a valid registry


# -- one name, one actor


def test_no_folded_name_or_alias_names_two_actors() -> None:
    owners: dict[str, set[str]] = {}
    for actor in ACTORS:
        for name in spellings(actor):
            owners.setdefault(key(name), set()).add(actor.code)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}
    assert "korea" not in owners, '"Korea" alone would name either Korea'


def test_the_registry_refuses_a_name_of_two_actors() -> None:
    a = Actor(code="AAA", kind=ActorKind.ORGANISATION, names=Names(en="Alpha", vi="Anpha"), aliases=("Korea",))
    b = Actor(code="BBB", kind=ActorKind.ORGANISATION, names=Names(en="Beta", vi="Bêta"), aliases=("KOREA ",))
    with pytest.raises(ValueError, match="'KOREA ' names both AAA and BBB"):
        ActorRegistry([a, b])


def test_the_registry_refuses_an_alias_written_as_another_actors_code() -> None:
    a = Actor(code="AAA", kind=ActorKind.ORGANISATION, names=Names(en="Alpha", vi="Anpha"))
    b = Actor(code="BBB", kind=ActorKind.ORGANISATION, names=Names(en="Beta", vi="Bêta"), aliases=("AAA",))
    with pytest.raises(ValueError, match="alias 'AAA' of BBB is AAA's code"):
        ActorRegistry([a, b])


# Names that fold to another actor's code: written exactly as the code they are the code, else the name.
CODE_OR_NAME = {"Nga": "NGA", "Mỹ": "MY", "Áo": "AO", "Bỉ": "BI"}  # Russia, the US, Austria, Belgium


def test_the_names_that_fold_to_another_actors_code_are_known() -> None:
    """A new clash between a name and a code must be looked at (and listed here) before it ships."""
    codes = {c.casefold(): a for a in ACTORS for c in (a.code, a.alpha_2) if c}
    clashes = {
        name: next(c for c in (codes[key(name)].code, codes[key(name)].alpha_2) if c and c.casefold() == key(name))
        for actor in ACTORS
        for name in spellings(actor)
        if key(name) in codes and codes[key(name)] is not actor
    }
    assert clashes == CODE_OR_NAME


@pytest.mark.parametrize(
    ("value", "code"),
    [
        *[("NGA", "NGA"), ("Nga", "RUS"), ("nga", "RUS"), ("MY", "MYS"), ("Mỹ", "USA"), ("my", "USA"), ("My", "USA")],
        *[("AO", "AGO"), ("Áo", "AUT"), ("ao", "AUT"), ("BI", "BDI"), ("Bỉ", "BEL"), ("bi", "BEL")],
    ],
)
def test_a_value_written_as_a_code_is_that_code_else_a_name(value: str, code: str) -> None:
    assert REGISTRY.lookup(value).code == code


# -- get and lookup: pycountry's habits


@given(data=st.data(), actor=st.sampled_from(ACTORS))
def test_every_name_and_alias_finds_its_actor_in_any_case_with_or_without_accents(
    data: st.DataObject, actor: Actor
) -> None:
    """lookup(v) and get(name=v) find the actor for every case and accent variant v of each of its names,
    except a variant written exactly as another actor's code (it is that code)."""
    name = data.draw(st.sampled_from(spellings(actor)))
    variant = data.draw(variants(name))
    assert REGISTRY.get(name=variant) is actor
    code_owner = written_as_code(variant.strip())
    assert REGISTRY.lookup(variant) is (actor if code_owner is None else code_owner)


@given(data=st.data(), actor=st.sampled_from(ACTORS))
def test_every_code_and_alpha_2_finds_its_actor_in_any_case(data: st.DataObject, actor: Actor) -> None:
    """get(code=), get(alpha_2=) and lookup find an actor by its code and alpha-2 code in any case;
    lookup reads a code written otherwise than exactly as a code as a name first ("Nga" is Russia)."""
    code = data.draw(st.sampled_from([c for c in (actor.code, actor.alpha_2) if c]))
    variant = data.draw(variants(code))
    assert REGISTRY.get(code=variant) is (actor if code == actor.code else None)
    assert REGISTRY.get(alpha_2=variant) is (actor if code == actor.alpha_2 else None)
    named = REGISTRY.get(name=variant)
    expected = actor if variant.strip() == code or named is None else named
    assert REGISTRY.lookup(variant) is expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Triều Tiên", "PRK"),
        ("Bắc Triều Tiên", "PRK"),
        ("trieu tien", "PRK"),
        ("Hàn Quốc", "KOR"),
        ("Nam Triều Tiên", "KOR"),
        ("Korea, Republic of", "KOR"),
        ("Republic of Korea", "KOR"),
        ("Korea, Democratic People's Republic of", "PRK"),
        ("Anh", "GBR"),
        ("Vương quốc Anh", "GBR"),
        ("Mỹ", "USA"),
        ("Hoa Kỳ", "USA"),
        ("hoa ky", "USA"),
        ("Nhật", "JPN"),
        ("Nhật Bản", "JPN"),
        ("Trung Quốc", "CHN"),
        ("Nga", "RUS"),
        ("Pháp", "FRA"),
        ("Đức", "DEU"),
        ("duc", "DEU"),
        ("Úc", "AUS"),
        ("Ô-xtrây-li-a", "AUS"),
        ("Ấn Độ", "IND"),
        ("Lào", "LAO"),
        ("Campuchia", "KHM"),
        ("Thái Lan", "THA"),
        ("Liên Xô", "SUN"),
        ("JP", "JPN"),
        ("vn", "VNM"),
        ("Viet Nam", "VNM"),
        ("Socialist Republic of Viet Nam", "VNM"),
        ("  usa ", "USA"),
        ("asean", "ASEAN"),
        ("Holy See", "VAT"),
        ("Tòa Thánh Vatican", "VAT"),
        ("vatican", "VAT"),
        ("VA", "VAT"),
        ("Đài Loan", "TWN"),
        ("Taiwan, Province of China", "TWN"),
    ],
)
def test_lookup_reads_codes_alpha_2_names_aliases_and_iso_names(value: str, code: str) -> None:
    assert REGISTRY.lookup(value).code == code
    assert REGISTRY.get(value).code == code  # type: ignore[union-attr]


def test_get_takes_exactly_one_of_a_value_code_alpha_3_alpha_2_or_name() -> None:
    japan = REGISTRY["JPN"]
    assert REGISTRY.get("Japan") is REGISTRY.get(code="jpn") is REGISTRY.get(alpha_3="JPN") is japan
    assert REGISTRY.get(alpha_2="jp") is REGISTRY.get(name="nhat ban") is japan
    assert REGISTRY.get(code="ASEAN") is REGISTRY["ASEAN"]
    assert REGISTRY.get(alpha_3="ASEAN") is None  # an organisation's code is not an ISO alpha-3 code
    assert REGISTRY.get(alpha_3="SUN") is REGISTRY["SUN"]
    assert REGISTRY.get(alpha_2="JPN") is REGISTRY.get(code="JP") is REGISTRY.get(name="JPN") is None
    assert REGISTRY.get("Atlantis") is None
    assert REGISTRY.get("Atlantis", japan) is REGISTRY.get(code="XXX", default=japan) is japan
    assert REGISTRY.get(name="Japan", default=None) is japan


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda r: r.get(), "exactly one of a value, code=, alpha_3=, alpha_2=, name=; got 0"),
        (lambda r: r.get("Japan", code="JPN"), "exactly one of .*; got 2"),
        (lambda r: r.get(code="JPN", alpha_2="JP"), "exactly one of .*; got 2"),
        (lambda r: r.get(alpha2="JP"), "unexpected keyword argument 'alpha2'; it accepts .*alpha_2=, name=, default="),
        (lambda r: r.get(numeric="392"), "unexpected keyword argument 'numeric'"),
        (lambda r: r.get(392), "an actor is named by a str, got 392"),
        (lambda r: r.get(code=None), "an actor is named by a str, got None"),
        (lambda r: r.lookup(["USA"]), "an actor is named by a str"),
    ],
)
def test_get_and_lookup_raise_type_error_for_a_wrong_call(call: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        call(REGISTRY)  # type: ignore[operator]


def test_lookup_of_an_unknown_actor_raises_a_lookup_error_suggesting_names() -> None:
    with pytest.raises(UnknownActorError) as info:
        REGISTRY.lookup("America")
    error = info.value
    assert isinstance(error, LookupError)
    assert isinstance(error, ValueError)
    assert isinstance(error, VndiploError)
    assert error.name == "America"
    assert [REGISTRY.lookup(s).code for s in error.suggestions] == ["USA"]
    assert str(error) == (
        "unknown actor 'America': give a code (USA, VN, ASEAN), an English or Vietnamese name or an alias; "
        "did you mean 'United States of America'?"
    )


def test_korea_alone_is_unknown_and_suggests_both_koreas() -> None:
    with pytest.raises(UnknownActorError) as info:
        REGISTRY.lookup("Korea")
    assert {REGISTRY.lookup(s).code for s in info.value.suggestions} == {"KOR", "PRK"}


@pytest.mark.parametrize(("typo", "code"), [("Germny", "DEU"), ("Trieu Tien x", "PRK"), ("Phillipines", "PHL")])
def test_suggestions_put_the_closest_name_first(typo: str, code: str) -> None:
    with pytest.raises(UnknownActorError) as info:
        REGISTRY.lookup(typo)
    assert REGISTRY.lookup(info.value.suggestions[0]).code == code


NAMES = {name for actor in ACTORS for name in spellings(actor)}


@given(st.text(max_size=12))
def test_lookup_finds_an_actor_or_suggests_up_to_three_names_of_different_actors(value: str) -> None:
    """Never a code: suggestions are names and aliases as written, one per actor."""
    actor = REGISTRY.get(value)
    if actor is not None:
        assert REGISTRY.lookup(value) is actor
        return
    with pytest.raises(UnknownActorError) as info:
        REGISTRY.lookup(value)
    suggestions = info.value.suggestions
    assert len(suggestions) <= 3
    assert set(suggestions) <= NAMES
    assert len({REGISTRY.lookup(s).code for s in suggestions}) == len(suggestions)


def test_contains_tests_codes_only() -> None:
    assert "USA" in REGISTRY
    assert "VNM" in REGISTRY
    assert "VAT" in REGISTRY
    for value in ("usa", "US", "United States", "Mỹ", 840, None):
        assert value not in REGISTRY


# -- the actors themselves


def test_vietnam_is_in_the_registry() -> None:
    vietnam = REGISTRY["VNM"]
    assert (vietnam.kind, vietnam.alpha_2, vietnam.names.vi) == (ActorKind.COUNTRY, "VN", "Việt Nam")


OTHERS = [("VAT", "Holy See", "Tòa Thánh Vatican"), ("TWN", "Taiwan", "Đài Loan")]


@pytest.mark.parametrize(("code", "en", "vi"), OTHERS)
def test_entities_vietnam_has_no_relations_with_are_of_kind_other(code: str, en: str, vi: str) -> None:
    actor = REGISTRY[code]
    assert actor.kind is ActorKind.OTHER
    assert (actor.names.en, actor.names.vi) == (en, vi)
    assert not actor.is_state
    assert ActorKind("other") is ActorKind.OTHER


def test_partners_never_count_an_entity_without_relations() -> None:
    tl = Timeline([relation("VAT", "2023-07-27", "diplomatic_relations")])
    assert tl.partners("2024") == {}
    assert tl.partners("2024", organisations=True) == {}


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": ActorKind.ORGANISATION, "alpha_2": "XA"}, "alpha_2"),
        ({"kind": ActorKind.FORMER_STATE, "alpha_2": "SU", "ended": vndiplo.PartialDate(1991)}, "alpha_2"),
        ({"kind": ActorKind.COUNTRY, "alpha_2": "jp"}, "alpha_2"),
        ({"kind": ActorKind.COUNTRY, "alpha_2": "JPN"}, "alpha_2"),
        ({"kind": ActorKind.COUNTRY, "aliases": ("Nippon", " ")}, "aliases"),
    ],
)
def test_an_actor_checks_its_alpha_2_and_aliases(fields: dict[str, object], field: str) -> None:
    with pytest.raises(FieldError) as info:
        Actor(code="XXA", names=Names(en="X", vi="X"), **fields)  # type: ignore[arg-type]
    assert info.value.field == field
