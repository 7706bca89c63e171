"""Reference dates for vague event phrases ("the early days of the war"), chosen per article.

Pure: the table comes from ``data/anchors.json``; an anchor applies only when the article was
published in its window and its text mentions one of its cues, so that "the war" in a 2022
report from Kharkiv and "the war" in a report from elsewhere are not confused. Without an
anchor such phrases stay unresolved.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .model import Article


@dataclass(frozen=True)
class Anchor:
    key: str
    day: date
    aliases: tuple[str, ...]
    cues: re.Pattern
    published_from: date | None
    published_until: date | None


class AnchorTable:
    def __init__(self, anchors: list[Anchor]):
        self.anchors = anchors

    @classmethod
    def load(cls, path: Path) -> AnchorTable:
        data = json.loads(path.read_text("utf-8"))
        anchors = []
        for a in data["anchors"]:
            cues = "|".join(re.escape(c) for c in a["cues"])
            anchors.append(Anchor(
                key=a["key"], day=date.fromisoformat(a["date"]),
                aliases=tuple(a.get("aliases", ())),
                cues=re.compile(rf"\b(?:{cues})", re.IGNORECASE),
                published_from=_day(a.get("published_from")),
                published_until=_day(a.get("published_until"))))
        return cls(anchors)

    def for_article(self, article: Article) -> dict[str, date]:
        """The anchors that apply to this article (none when it has no publication date)."""
        published = article.published_date
        out: dict[str, date] = {}
        if published is None:
            return out
        for a in self.anchors:
            if a.published_from and published < a.published_from:
                continue
            if a.published_until and published > a.published_until:
                continue
            if a.cues.search(article.text):
                for key in (a.key, *a.aliases):
                    out.setdefault(key, a.day)
        return out


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
