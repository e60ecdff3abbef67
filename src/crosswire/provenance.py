"""Who published what: publisher keys (a URL without its decoration, an outlet name reduced to
its letters) and the independent sources behind a fused event. Neutral ground: the
cross-article stages (dedup, fusion) and the store's story cards both count with it.

Independent sources.

Articles are not independent when one copies another: copies of one original
(``Article.duplicate_of``), a page citing another article or outlet it relays, pages citing
the same original, and articles from one outlet count as one source (a page that cites
its source is known by that source, not by the aggregator that shows it). Within such a family,
if every mention of the event is attributed to primary sources ("KCNA said"), the family
only relays those sources, and families relaying a shared primary source count once for
that claim. A family that also reports the event in its own voice counts once on its own.
Articles with no outlet, no URL and no cited source are one family together: an unknown
publisher counts as at most one source, however many posts it makes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from crosswire.model import EVENT_LANGUAGES, Article, EventMention

UNKNOWN_PUBLISHER = "publisher:unknown"


def url_key(url: str | None) -> str | None:
    """A URL without scheme, ``www.``, query, fragment and trailing slash."""
    if not url:
        return None
    url = re.sub(r"^[a-z]+://", "", url.strip().lower())
    url = re.sub(r"^www\.", "", url)
    return re.split(r"[?#]", url)[0].rstrip("/") or None


def outlet_key(outlet: str | None) -> str | None:
    """An outlet name or domain reduced to its letters: "The Straits Times",
    "straitstimes.com" and "StraitsTimes" meet."""
    if not outlet:
        return None
    name = outlet.strip().lower()
    name = re.sub(r"^(https?://)?(www\.)?", "", name)
    name = re.sub(r"\.(com|org|net|co|news|example)(\.[a-z]{2})?(/.*)?$", "", name)
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"[^a-z0-9]", "", name) or None


def outlet_keys(outlet: str | None, url: str | None) -> set[str]:
    """Both names of a publisher: its outlet name and its URL's domain."""
    return {k for k in (outlet_key(outlet), outlet_key(url)) if k}


class _Families:
    """Union-find over hashable keys, deterministic: the smallest key names its set."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def uncoded_articles(articles: Iterable[Article], coded: Iterable[str]) -> list[str]:
    """The articles in a language crosswire does not code (none of their events is coded,
    `scope`), less those an event was coded from all the same (`coded`)."""
    done = set(coded)
    return [
        a.id
        for a in articles
        if a.language and a.language not in EVENT_LANGUAGES and a.id not in done
    ]


def _identity_keys(article: Article) -> set[str]:
    """What ties an article to others in the same copy family."""
    keys = {f"article:{article.duplicate_of or article.id}"}
    if url_key(article.url):
        keys.add(f"url:{url_key(article.url)}")
    known = set()
    if not article.cites:  # an aggregator's own name would tie together all it re-posts
        known |= {f"outlet:{k}" for k in outlet_keys(article.outlet, article.url)}
    for cite in article.cites:
        if url_key(cite.url):
            known.add(f"url:{url_key(cite.url)}")
        known |= {f"outlet:{k}" for k in outlet_keys(cite.outlet, cite.url)}
    # nothing says who published it: all such articles are one source at most (a few
    # anonymous posts must not look like several outlets confirming a story)
    return keys | (known or {UNKNOWN_PUBLISHER})


def independent_sources(
    mentions: list[EventMention], articles: dict[str, Article], uncoded: Iterable[str] = ()
) -> int:
    """How many independent sources report the mentions' event (at least 1). `uncoded` are
    articles that report it in their own voice with no event coded from them (those in a
    language crosswire does not code, linked to the story: `uncoded_articles`)."""
    uncoded = sorted(set(uncoded))
    families = _Families()
    for article_id in sorted({m.article_id for m in mentions} | set(uncoded)):
        article = articles.get(article_id)
        keys = _identity_keys(article) if article else {f"article:{article_id}"}
        for key in sorted(keys):
            families.join(f"article:{article_id}", key)
    relayed: dict[str, set[str]] = {}  # family -> primary sources it relays
    own_voice = {families.find(f"article:{article_id}") for article_id in uncoded}
    for mention in mentions:
        family = families.find(f"article:{mention.article_id}")
        if mention.attributed_to is None:
            own_voice.add(family)
        else:
            relayed.setdefault(family, set()).add(mention.attributed_to.key)
    claims = _Families()
    for family in sorted(set(relayed) | own_voice):
        claims.find(family)
        if family not in own_voice:  # a pure relay: one with every relay of its sources
            for source in sorted(relayed[family]):
                claims.join(family, f"primary:{source}")
    return max(1, len({claims.find(f) for f in sorted(set(relayed) | own_voice)}))
