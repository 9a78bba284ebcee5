"""Exports: Markdown, rendered by CommonMark and Python-Markdown."""

from __future__ import annotations

import re
from html import unescape

import attrs
import pytest
from hypothesis import given

from tests.export_support import SMALL
from vndiplo import Timeline
from vndiplo.dates import Language
from vndiplo.export.markdown import to_markdown
from vndiplo.records import label
from vndiplo.strategies import timelines

# -- Markdown

_HEADING = re.compile(r"^## (\d{4})$", re.MULTILINE)
_BULLET = re.compile(r"^- \*\*(.+?)\*\* — (.+) \*\((\w+)\)\*$", re.MULTILINE)


def test_markdown_has_a_heading_per_year_and_a_bullet_per_event(tl: Timeline) -> None:
    text = to_markdown(tl)
    assert text.startswith("# Vietnam's diplomatic history\n")
    assert [int(y) for y in _HEADING.findall(text)] == sorted({e.when.start.year for e in tl})
    bullets = _BULLET.findall(text)
    assert len(bullets) == len(tl)
    assert [(date, kind) for date, _, kind in bullets] == [(e.when.human(), e.kind.value) for e in tl]
    assert "- **28 Aug 1945** — Ministry of Foreign Affairs established" in text


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize("renderer", ["markdown_it", "markdown"])
def test_markdown_renders_as_a_list_per_year(tl: Timeline, renderer: str, language: Language) -> None:
    """A CommonMark renderer and Python-Markdown (MkDocs) both see one <li> per event, summaries inside."""
    events = tl.between(1954, 1956)
    text = to_markdown(events, language=language)
    if renderer == "markdown_it":
        import markdown_it

        rendered = markdown_it.MarkdownIt().render(text)
    else:
        import markdown

        rendered = markdown.markdown(text)
    assert rendered.count("<h2>") == len(events.by_year())
    items = re.findall(r"<li>(.*?)</li>", rendered, re.DOTALL)
    assert len(items) == len(events)
    for item, event in zip(items, events, strict=True):
        plain = unescape(re.sub(r"<[^>]+>", "", item))
        if language == "vi":
            assert (event.title_vi or event.title) in plain
            assert (event.summary_vi or event.summary) in plain
        else:
            assert event.title in plain
            assert event.summary in plain


def test_markdown_escapes_formatting_characters(tl: Timeline) -> None:
    import markdown_it

    event = attrs.evolve(tl["1995-07-28-asean-accession"], title="A *bold* [link] _claim_")
    rendered = markdown_it.MarkdownIt().render(to_markdown([event]))
    assert "A *bold* [link] _claim_" in rendered


@SMALL
@given(timelines())
def test_markdown_random_timelines_have_one_bullet_per_event(timeline: Timeline) -> None:
    text = to_markdown(timeline)
    assert len(_BULLET.findall(text)) == len(timeline)
    assert [int(y) for y in _HEADING.findall(text)] == list(timeline.by_year())


# -- in Vietnamese

_BULLET_ANY_KIND = re.compile(r"^- \*\*(.+?)\*\* — (.+) \*\((.+?)\)\*$", re.MULTILINE)


def test_markdown_in_vietnamese_has_vietnamese_titles_dates_kinds_and_words(tl: Timeline) -> None:
    text = to_markdown(tl, language="vi")
    assert text.startswith(f"# Lịch sử ngoại giao Việt Nam\n\n{len(tl)} sự kiện, 1945–")
    bullets = _BULLET_ANY_KIND.findall(text)
    assert [(date, kind) for date, _, kind in bullets] == [(e.when.human("vi"), label(e.kind, "vi")) for e in tl]
    assert "- **28/7/1995** — Việt Nam gia nhập ASEAN, trở thành thành viên thứ bảy *(thành viên)*" in text
    assert "    Nguồn: [" in text
    assert "Sources:" not in text
    assert [int(y) for y in _HEADING.findall(text)] == sorted({e.when.start.year for e in tl})


def test_markdown_in_vietnamese_falls_back_to_english_text_and_keeps_a_given_title(tl: Timeline) -> None:
    event = attrs.evolve(tl["1995-07-28-asean-accession"], title_vi=None, summary_vi=None)
    text = to_markdown([event], language="vi", title="Của tôi")
    assert text.startswith("# Của tôi\n\n1 sự kiện, 1995.\n")
    assert f"- **28/7/1995** — {event.title} *(thành viên)*" in text
    assert event.summary in text
    assert to_markdown([], language="vi").endswith("Không có sự kiện nào.\n")


@SMALL
@given(timelines())
def test_markdown_in_vietnamese_random_timelines_have_one_bullet_per_event(timeline: Timeline) -> None:
    text = to_markdown(timeline, language="vi")
    assert len(_BULLET_ANY_KIND.findall(text)) == len(timeline)
