"""TimelineJS3 export: the JSON that Knight Lab's TimelineJS reads (timeline.knightlab.com/docs/json-format.html).

A record's date becomes ``start_date`` (and ``end_date`` for a span) with
exactly the parts the record has: ``1998-12`` is ``{"year": 1998, "month":
12}``, never a made-up day. Where the date is coarser than a day, or
approximate or uncertain, the event's ``display_date`` carries the human
form ("Dec 1998", "c. 1954") so the viewer shows what the sources support.
Events are grouped by kind; the historical periods (:data:`ERAS`) that the
events touch are the timeline's eras. Headline and text are HTML, so they are
escaped; the text ends with links to the sources.

With ``language="vi"`` the headlines, texts, display dates ("tháng 12/1998"),
groups (kind names), eras and title slide are Vietnamese; give TimelineJS the
option ``language: "vi"`` too, so that the dates it formats itself match.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from typing import Any

import attrs

from ..collection import Timeline
from ..dates import Language, PartialDate, Precision, When, check_language
from ..records import Event, label
from ._language import WORDS, summary_in, title_in
from .markdown import about

__all__ = ["ERAS", "Era", "date_object", "document", "to_timelinejs"]


@attrs.frozen(kw_only=True)
class Era:
    """A period of Vietnam's diplomatic history, from one year to another (both inclusive), in both languages."""

    start: int
    end: int
    headline: str
    text: str
    headline_vi: str
    text_vi: str


ERAS: tuple[Era, ...] = (
    Era(
        start=1945,
        end=1954,
        headline="Resistance against France",
        text="From the founding of the Democratic Republic to the Geneva Accords.",
        headline_vi="Kháng chiến chống thực dân Pháp",
        text_vi="Từ khi nước Việt Nam Dân chủ Cộng hòa ra đời đến Hiệp định Genève.",
    ),
    Era(
        start=1954,
        end=1975,
        headline="Two Vietnams and the American war",
        text="A divided country, the war with the United States and the Paris Peace Accords.",
        headline_vi="Đất nước chia cắt và cuộc kháng chiến chống Mỹ",
        text_vi="Đất nước bị chia cắt, cuộc chiến tranh với Hoa Kỳ và Hiệp định Paris.",
    ),
    Era(
        start=1975,
        end=1986,
        headline="Reunification and isolation",
        text="A reunified Vietnam, the Cambodian conflict, the 1979 border war with China and the US embargo.",
        headline_vi="Thống nhất và bị bao vây, cấm vận",
        text_vi=(
            "Việt Nam thống nhất, vấn đề Campuchia, chiến tranh biên giới với Trung Quốc năm 1979 "
            "và lệnh cấm vận của Mỹ."
        ),
    ),
    Era(
        start=1986,
        end=2006,
        headline="Đổi Mới and opening up",
        text="Renovation: normalisation with China and the United States, ASEAN and APEC, the road to the WTO.",
        headline_vi="Đổi Mới và mở cửa",
        text_vi=(
            "Công cuộc Đổi Mới: bình thường hóa quan hệ với Trung Quốc và Hoa Kỳ, gia nhập ASEAN và APEC, "
            "con đường vào WTO."
        ),
    ),
    Era(
        start=2007,
        end=2025,
        headline="Deep international integration",
        text="WTO membership, two terms on the UN Security Council and a web of strategic partnerships.",
        headline_vi="Hội nhập quốc tế sâu rộng",
        text_vi=(
            "Gia nhập WTO, hai nhiệm kỳ ủy viên không thường trực Hội đồng Bảo an Liên hợp quốc "
            "và mạng lưới đối tác chiến lược."
        ),
    ),
)
"""The historical periods shown as eras (the years where two meet belong to both)."""


def _escape(text: str) -> str:
    """Text made safe inside HTML elements (quotes stay readable; only attributes need them escaped)."""
    return html.escape(text, quote=False)


def date_object(date: PartialDate) -> dict[str, int]:
    """A TimelineJS date with only the parts the date has: ``{"year": 1998, "month": 12}``."""
    parts = {"year": date.year}
    if date.month is not None:
        parts["month"] = date.month
        if date.day is not None:
            parts["day"] = date.day
    return parts


def _needs_display_date(when: When) -> bool:
    parts = (when.start,) if when.end is None else (when.start, when.end)
    return any(p.precision is not Precision.DAY or p.approximate or p.uncertain for p in parts)


def _text(event: Event, language: Language) -> str:
    links = [
        f'<a href="{html.escape(s.url)}">{_escape(s.publisher)}</a>' if s.url else _escape(s.publisher)
        for s in event.sources
    ]
    return f"<p>{_escape(summary_in(event, language))}</p><p>{WORDS[language].sources}: {', '.join(links)}</p>"


def _slide(event: Event, language: Language) -> dict[str, Any]:
    when = event.when
    slide: dict[str, Any] = {"start_date": date_object(when.start)}
    if when.end is not None:
        slide["end_date"] = date_object(when.end)
    if _needs_display_date(when):
        slide["display_date"] = when.human(language)
    slide["text"] = {"headline": _escape(title_in(event, language)), "text": _text(event, language)}
    slide["group"] = label(event.kind, language)
    slide["unique_id"] = event.id
    return slide


def _era(era: Era, language: Language) -> dict[str, Any]:
    headline, text = (era.headline_vi, era.text_vi) if language == "vi" else (era.headline, era.text)
    return {
        "start_date": {"year": era.start},
        "end_date": {"year": era.end},
        "text": {"headline": _escape(headline), "text": _escape(text)},
    }


def document(events: Iterable[Event], *, title: str | None = None, language: Language = "en") -> dict[str, Any]:
    """The TimelineJS document as a dict: a title slide, one slide per event, and the eras the events touch.

    ``language`` ("en" or "vi") picks the titles, summaries, display dates,
    groups (kind names) and eras; ``title`` defaults to "Vietnam's diplomatic
    history" in that language.

    >>> import vndiplo
    >>> doc = document(vndiplo.timeline().between("1998-12", "1998-12"), language="vi")
    >>> doc["title"]["text"]["headline"], doc["eras"][0]["text"]["headline"]
    ('Lịch sử ngoại giao Việt Nam', 'Đổi Mới và mở cửa')
    """
    words = WORDS[check_language(language)]
    timeline = Timeline(events)
    eras = []
    if timeline.events:
        first = timeline.events[0].when.earliest.year
        last = max(e.when.latest.year for e in timeline)
        eras = [_era(era, language) for era in ERAS if era.start <= last and era.end >= first]
    headline = words.title if title is None else title
    return {
        "title": {"text": {"headline": _escape(headline), "text": _escape(about(timeline, language))}},
        "events": [_slide(event, language) for event in timeline],
        "eras": eras,
    }


def to_timelinejs(events: Iterable[Event], *, title: str | None = None, language: Language = "en") -> str:
    """The TimelineJS JSON text of the events (UTF-8, indented), ready for ``new TL.Timeline(id, url)``.

    ``title`` and ``language`` are those of :func:`document`.
    """
    return json.dumps(document(events, title=title, language=language), ensure_ascii=False, indent=2) + "\n"
