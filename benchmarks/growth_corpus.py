"""The growth corpus: ECB+ dev's real per-article analyses replayed as many "worlds".

The cross-article stages (dedup, clustering, consolidation, story builds) read an article's
text, its actors, times and events, never the parse, so their growth is measured on stored
analyses: the 772 ECB+ dev articles analysed once by the real pipeline
(`ecb_cache.analysed`, cached in benchmarks/.cache), copied into as many worlds as a size
needs. In world k:

- every capitalised word of the text that is not a stop word (names, places, titles) is
  rewritten letter by letter with world k's own permutation of the alphabet (case and
  length kept, so every offset of the analysis still holds), and so are the mentions' text
  and the actors' names and keys: the same events happen to other people in other places,
  which makes each world's events look-alikes of the other worlds' (the hard case), and
  no article is a copy of another world's;
- the dates: an ECB+ story's dated articles keep their days, its undated articles take a
  day near its first dated article or, for a story with none, a day drawn (seeded) within
  the corpus's years; every day moves by ``7 × k``; 5% of the articles (seeded) stay
  undated; each world is read in date order (its undated articles at their drawn places);
- ids, paths and text hashes are the world's own.

Made lazily, article by article: the driver holds the 772 base analyses, never the corpus.
"""

from __future__ import annotations

import dataclasses
import random
import re
import string
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from spacy.lang.en.stop_words import STOP_WORDS

from crosswire.clean import normalise_text
from crosswire.model import ActorRef, Analysis, Article, Mention, Place, stable_id
from crosswire.pipeline import Analysed
from crosswire.stories.crosslingual import Meaning, meaning_of
from crosswire.stories.dedup import fingerprint
from crosswire.stories.scoring import day_of
from crosswire.stories.vectors import term_counts
from ecb_cache import analysed, ecb_texts

SHIFT_DAYS = 7  # between one world and the next
UNDATED_SHARE = 0.05
SEED = 21
NAMED = re.compile(r"\b[A-Z][A-Za-z]+")  # a capitalised word


@dataclasses.dataclass(frozen=True)
class Base:
    article: Article
    analysis: Analysis
    gold: str  # the ECB+ story
    day: date | None  # the day it has in every world, before the shift
    meaning: Meaning  # its embedding, made once (the names are rewritten per world)


def bases() -> list[Base]:
    """The ECB+ dev articles with their analyses, each with its day in the corpus."""
    texts = ecb_texts()
    gold = {t.id: t.group for t in texts}
    pairs = analysed(texts)
    rng = random.Random(SEED)
    days = [date.fromisoformat(a.published) for a, _ in pairs if a.published]
    first, last = min(days), max(days)
    story_day: dict[str, date] = {}
    for article, _ in sorted(pairs, key=lambda p: (p[0].published or "9", p[0].id)):
        if article.published:
            story_day.setdefault(gold[article.id], date.fromisoformat(article.published))
    for story in sorted(set(gold.values()) - story_day.keys()):
        story_day[story] = first + timedelta(days=rng.randrange((last - first).days + 1))
    found = []
    for article, analysis in pairs:
        day = date.fromisoformat(article.published) if article.published else None
        if day is None:
            day = story_day[gold[article.id]] + timedelta(days=rng.randrange(4))
        if rng.random() < UNDATED_SHARE:
            day = None
        meaning = meaning_of(article, None)
        found.append(Base(article, analysis, gold[article.id], day, meaning))
    return found


def corpus(n: int, base: list[Base]) -> Iterator[tuple[Analysed, str]]:
    """`n` articles of the growth corpus, world after world, each with its gold story (the
    ECB+ story in its world), with the keys the workers would have made."""
    made = 0
    world = 0
    while made < n:
        order = sorted(base, key=lambda b: (b.day or _drawn_day(b), b.article.id))
        for item in order[: n - made]:
            yield in_world(item, world), f"{world}:{item.gold}"
        made += min(len(order), n - made)
        world += 1


def _drawn_day(item: Base) -> date:
    """Where an undated article is read in its world: a day drawn from its id."""
    return date(2000, 1, 1) + timedelta(days=random.Random(item.article.id).randrange(5000))


def in_world(item: Base, world: int) -> Analysed:
    cipher = Cipher(world)
    text = cipher.text(item.article.text)
    article_id = stable_id("g", item.article.id, str(world))
    day = item.day + timedelta(days=SHIFT_DAYS * world) if item.day else None
    article = dataclasses.replace(
        item.article,
        id=article_id,
        text=text,
        title=cipher.text(item.article.title or "") or None,
        path=f"world{world}/{item.article.path}",
        published=day.isoformat() if day else None,
        text_hash=stable_id("h", normalise_text(text), length=16),
    )
    analysis = cipher.analysis(item.analysis, article_id)
    meaning = dataclasses.replace(
        item.meaning, names=tuple(sorted(cipher.word(n) for n in item.meaning.names))
    )
    meaning = dataclasses.replace(meaning, day=day_of(article.published))
    return Analysed(article, analysis, fingerprint(text), term_counts(article), meaning)


class Cipher:
    """World k's rewriting of names: a permutation of the letters, case kept."""

    def __init__(self, world: int) -> None:
        letters = list(string.ascii_lowercase)
        random.Random(f"world {world}").shuffle(letters)
        table = dict(zip(string.ascii_lowercase, letters, strict=True))
        table.update({k.upper(): v.upper() for k, v in table.items()})
        self.table = str.maketrans(table)

    def word(self, word: str) -> str:
        return word.translate(self.table)

    def text(self, text: str) -> str:
        return NAMED.sub(self._named, text)

    def _named(self, match: re.Match[str]) -> str:
        word = match.group()
        return word if word.lower() in STOP_WORDS else self.word(word)

    def actor(self, actor: ActorRef | None) -> ActorRef | None:
        if actor is None:
            return None
        kind, _, name = actor.key.partition(":")
        key = f"{kind}:{self.word(name)}" if name else self.word(actor.key)
        return dataclasses.replace(actor, key=key, name=self.text(actor.name))

    def analysis(self, analysis: Analysis, article_id: str) -> Analysis:
        return dataclasses.replace(
            analysis,
            article_id=article_id,
            mentions=[self._mention(m) for m in analysis.mentions],
            attributions=[_with(a, source=self.actor(a.source)) for a in analysis.attributions],
            quotes=[_with(q, speaker=self.actor(q.speaker)) for q in analysis.quotes],
            events=[
                _with(
                    e,
                    article_id=article_id,
                    source=self.actor(e.source),
                    target=self.actor(e.target),
                    participants=[self.actor(p) for p in e.participants],
                    attributed_to=self.actor(e.attributed_to),
                    location=self._place(e.location),
                    trigger=e.trigger,
                )
                for e in analysis.events
            ],
        )

    def _mention(self, mention: Mention) -> Mention:
        return _with(mention, text=self.text(mention.text), actor=self.actor(mention.actor))

    def _place(self, place: Place | None) -> Place | None:
        return _with(place, name=self.text(place.name)) if place else None


def _with(record: Any, **changes: Any) -> Any:
    return dataclasses.replace(record, **changes)
