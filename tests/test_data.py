"""The packaged data set: every record checked, files canonical, codes real, facts held."""

from __future__ import annotations

import json
import re
from collections import Counter

import pycountry
import pytest

import vndiplo
from vndiplo import ActorKind, Agreement, AgreementStage, AgreementType, Event
from vndiplo.dataset import PACKAGED_RANGE, canonical_json, packaged_event_files, read_events

TL = vndiplo.timeline()
EVENTS = list(TL)
ACTORS = vndiplo.actors()
OWN_CODES = {"RVN"}  # former states ISO 3166-3 has no code for


def test_the_data_set_is_large_and_covers_every_kind_and_decade() -> None:
    assert len(EVENTS) >= 300
    assert set(TL.counts("kind")) == {k.value for k in vndiplo.Kind}
    assert set(TL.counts("decade")) == {f"{d}s" for d in range(1940, 2030, 10)}


@pytest.mark.parametrize("file", packaged_event_files(), ids=lambda f: f.name)
def test_each_file_is_in_canonical_form_and_holds_its_decade(file: object) -> None:
    data: bytes = file.read_bytes()  # type: ignore[attr-defined]
    events, problems = read_events(data, file.name)  # type: ignore[attr-defined]
    assert problems == []
    assert data.decode("utf-8") == canonical_json(events), "run `vndiplo format` on the file"
    decade = int(re.fullmatch(r"(\d{3}0)s\.json", file.name).group(1))  # type: ignore[attr-defined,union-attr]
    assert all(decade <= e.when.start.year < decade + 10 for e in events)


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.id)
def test_every_record(event: Event) -> None:
    low, high = PACKAGED_RANGE
    assert low <= event.when.earliest.isoformat()
    assert event.when.latest.isoformat() <= high
    assert any(s.url for s in event.sources), "at least one source must have a URL"
    assert event.title_vi, "every event has a Vietnamese title"
    assert event.id.startswith(str(event.when.start.year)), "ids start with the year of the event"
    assert "VNM" not in event.counterparts, "Vietnam is never its own counterpart"
    assert len(event.summary) <= 700, "a summary is one to three sentences"
    for alt in event.disputed:
        assert alt.when != event.when, "a disputed date differs from the main one"


def test_actor_codes_are_real_iso_codes() -> None:
    for actor in ACTORS:
        if actor.kind is ActorKind.COUNTRY:
            assert pycountry.countries.get(alpha_3=actor.code) is not None, actor.code
        elif actor.kind is ActorKind.FORMER_STATE:
            assert actor.code in OWN_CODES or pycountry.historic_countries.get(alpha_3=actor.code), actor.code
        else:
            assert pycountry.countries.get(alpha_3=actor.code) is None, f"{actor.code} clashes with a country"


def test_every_actor_has_names_and_is_used() -> None:
    used = {c for e in EVENTS for c in e.counterparts} | {"VNM"}
    for actor in ACTORS:
        assert actor.names.en, actor.code
        assert actor.names.vi, actor.code
        assert actor.code in used or any(actor.code in a.successors for a in ACTORS), f"{actor.code} is unused"


def test_actors_file_is_sorted_and_canonical() -> None:
    from vndiplo.convert import converter
    from vndiplo.dataset import DATA_DIR

    text = (DATA_DIR / "actors.json").read_text(encoding="utf-8")
    codes = [a["code"] for a in json.loads(text)]
    assert codes == sorted(codes)
    assert text == json.dumps([converter().unstructure(a) for a in ACTORS], ensure_ascii=False, indent=2) + "\n"


def test_no_two_events_share_a_title() -> None:
    repeated = [t for t, n in Counter(e.title for e in EVENTS).items() if n > 1]
    assert repeated == []


# -- facts the sources state


@pytest.mark.parametrize(
    ("event_id", "when"),
    [
        ("1945-08-28-foreign-ministry-founded", "1945-08-28"),
        ("1995-07-28-asean-accession", "1995-07-28"),
        ("1977-09-20-un-membership", "1977-09-20"),
        ("2007-01-11-wto-accession", "2007-01-11"),
    ],
)
def test_landmark_dates(event_id: str, when: str) -> None:
    assert str(TL[event_id].when) == when


def test_ftas_in_force_link_to_what_came_before_and_signings_precede_entry_into_force() -> None:
    ftas = [e for e in TL.of_kind("agreement") if isinstance(e, Agreement) and e.agreement_type is AgreementType.FTA]
    for fta in ftas:
        if fta.stage is AgreementStage.IN_FORCE:
            earlier = [TL[r] for r in fta.related if TL[r].when.earliest <= fta.when.earliest]
            assert earlier, f"{fta.id} links to its signing (or accession)"
        elif fta.stage is AgreementStage.SIGNED:
            for later in (TL[r] for r in fta.related):
                if isinstance(later, Agreement) and later.stage is AgreementStage.IN_FORCE and fta.id in later.related:
                    assert fta.when.earliest <= later.when.earliest, (fta.id, later.id)


# The seeds count 17 FTAs signed by 2025 (seed 000); each is identified by its tag.
FTAS = {
    "afta", "acfta", "akfta", "ajcep", "vjepa", "aifta", "aanzfta", "vcfta", "vkfta", "vn-eaeu-fta", "cptpp",
    "ahkfta", "evfta", "ukvfta", "rcep", "vifta", "cepa",
}  # fmt: skip


def test_the_seventeen_ftas_are_all_there_signed_or_in_force() -> None:
    ftas = [e for e in TL.of_kind("agreement") if isinstance(e, Agreement) and e.agreement_type is AgreementType.FTA]
    found = {tag for e in ftas for tag in e.tags if tag in FTAS}
    assert found == FTAS
    assert len(FTAS) == 17


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2008-12-31", {"CHN"}),
        ("2012-12-31", {"CHN", "RUS"}),
        ("2023-12-31", {"CHN", "IND", "JPN", "KOR", "RUS", "USA"}),
        ("2024-12-31", {"AUS", "CHN", "FRA", "IND", "JPN", "KOR", "MYS", "RUS", "USA"}),
        (
            "2025-12-31",
            {"AUS", "CHN", "FRA", "GBR", "IDN", "IND", "JPN", "KOR", "MYS", "NZL", "RUS", "SGP", "THA", "USA"},
        ),
    ],
)
def test_comprehensive_strategic_partners_at_given_dates(as_of: str, expected: set[str]) -> None:
    assert set(TL.partners(as_of, level="comprehensive_strategic_partnership")) == expected


def test_partners_at_the_end_of_2024() -> None:
    """Vietnam counted 194; the data holds those a source dates (docs/data-set.md lists the rest)."""
    partners = TL.partners("2024-12-31")
    assert 150 <= len(partners) <= 194
    assert "MWI" in partners  # Malawi, the 194th, in 2024
    assert "USA" in partners
    assert partners["USA"].level.value == "comprehensive_strategic_partnership"
    assert "SUN" not in partners
    assert "RUS" in partners
    assert "KHM" in partners  # restored in 1979 after Democratic Kampuchea's break
