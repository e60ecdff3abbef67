"""Shared helpers for the actors tests: parse a text once and run the stages up to the
actors' last on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from crosswire import stages
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
    article = Article(id="t", text=text, path="test")
    state = stages.run(stages.ArticleState(article, next(parse([text]))), until="quotes")
    for mention in state.mentions:
        assert text[mention.start : mention.end] == mention.text
    return Analysed(text, state.mentions, state.attributions, state.quotes)


@pytest.fixture
def analyse() -> Callable[[str], Analysed]:
    return analyse_text
