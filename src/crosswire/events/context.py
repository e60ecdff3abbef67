"""What the coder knows about one article while it codes its sentences."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from crosswire.events.syntax import doc_text
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
    # The article's sentences and their first tokens: `Token.sent` walks the sentence on
    # every call, and the coder asks for a token's sentence thousands of times an article
    sentences: list[Span] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    # What the features of a sentence's candidates share, by the sentence's first token
    sentence_features: dict[int, list[str]] = field(default_factory=dict)
    text: str = ""  # the doc's text: `Doc.text` joins every token's text on each call
    # The tokens whose actors are being resolved: a pronoun's antecedent may lead back to it
    # ("She said she she talks": each "she" the other's subject), and must end there
    resolving: set[int] = field(default_factory=set)
    # The tokens a rule found to report no event whatever its type ("Clinton arrived in
    # Philadelphia": a trip at home): the learned decision adds none there either
    vetoed: set[int] = field(default_factory=set)

    def sentence_of(self, token: Token) -> Span:
        i = bisect_right(self.sentence_starts, token.i) - 1
        if i >= 0 and token.i < self.sentences[i].end:
            return self.sentences[i]
        return token.sent  # a token of another doc (never in a run): ask spaCy

    def mention_at(self, token: Token) -> Mention | None:
        i = bisect_right(self.starts, token.idx) - 1
        if i >= 0 and self.mentions[i].start <= token.idx < self.mentions[i].end:
            return self.mentions[i]
        return None

    def previous_person(
        self,
        token: Token,
        excluded: list[tuple[int, int]] | None = None,
        others: frozenset[str] = frozenset(),
    ) -> Mention | None:
        """The person named last before `token`, none of whose mention starts inside an
        `excluded` character span, and who is none of the actors keyed `others`."""
        i = bisect_right(self.starts, token.idx) - 1
        while i >= 0:
            mention = self.mentions[i]
            inside = any(start <= mention.start < end for start, end in excluded or ())
            other = mention.actor.key in others
            if mention.type == "PERSON" and not inside and not other:
                return mention
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
    sentences = list(doc.sents)
    starts = [m.start for m in ordered]
    first_tokens = [s.start for s in sentences]
    return Context(
        doc,
        article,
        ordered,
        starts,
        times,
        attributions,
        sentences,
        first_tokens,
        text=doc_text(doc),
    )
