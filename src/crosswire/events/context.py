"""What the coder knows about one article while it codes its sentences."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from crosswire.model import Article, Attribution, Mention, TimeExpr


@dataclass
class Context:
    """One article's parse with what the earlier stages found in it; `mentions` are
    ordered by offset and `starts` are their offsets, for lookups by token."""

    doc: Doc
    article: Article
    mentions: list[Mention]
    starts: list[int]
    times: list[TimeExpr]
    attributions: list[Attribution]

    def mention_at(self, token: Token) -> Mention | None:
        i = bisect_right(self.starts, token.idx) - 1
        if i >= 0 and self.mentions[i].start <= token.idx < self.mentions[i].end:
            return self.mentions[i]
        return None

    def previous_person(self, token: Token) -> Mention | None:
        i = bisect_right(self.starts, token.idx) - 1
        while i >= 0:
            if self.mentions[i].type == "PERSON":
                return self.mentions[i]
            i -= 1
        return None


def article_context(
    doc: Doc,
    article: Article,
    mentions: list[Mention],
    times: list[TimeExpr],
    attributions: list[Attribution],
) -> Context:
    ordered = sorted(mentions, key=lambda m: m.start)
    return Context(doc, article, ordered, [m.start for m in ordered], times, attributions)
