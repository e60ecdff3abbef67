"""Shared helpers for the actors tests: parse a text once and run the stage on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from crosswire.actors import find_attributions, find_mentions, find_quotes
from crosswire.model import Article, Attribution, Mention, Quote
from crosswire.nlp import parse


@dataclass
class Analysed:
    text: str
    mentions: list[Mention]
    attributions: list[Attribution]
    quotes: list[Quote]

    def find(self, text: str, nth: int = 0) -> Mention:
        """The nth mention whose text is exactly ``text``."""
        found = [m for m in self.mentions if m.text == text]
        assert len(found) > nth, f"no mention {text!r} among {[m.text for m in self.mentions]}"
        return found[nth]

    def keys(self, kind: str) -> set[str]:
        return {m.actor.key for m in self.mentions if m.type == kind}


def analyse_text(text: str) -> Analysed:
    doc = next(parse([text]))
    article = Article(id="t", text=text, path="test")
    mentions = find_mentions(doc, article)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    return Analysed(
        text,
        mentions,
        find_attributions(doc, article, mentions),
        find_quotes(doc, article, mentions),
    )


@pytest.fixture
def analyse() -> Callable[[str], Analysed]:
    return analyse_text
