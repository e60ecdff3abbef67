"""Small model objects for the stories tests: articles, analyses and event mentions written
for the tests (fictional texts, real-looking structure)."""

from __future__ import annotations

import hashlib
import re

from crosswire.clean import normalise_text
from crosswire.model import ActorRef, Analysis, Article, EventMention, Mention, Place

HARBOUR = (
    "The port authority of Valparaiso opened a new container terminal on Monday after three "
    "years of construction, doubling the harbour's capacity. The terminal was built by a "
    "consortium of Chilean and Spanish firms and cost about 400 million dollars. Dock workers "
    "staged a short protest at the gate over shift patterns, but the opening ceremony went "
    "ahead with the transport minister cutting a ribbon. Shipping lines said the new berths "
    "would cut waiting times for vessels arriving from Asia. Local traders expect more "
    "business in the old town as crews come ashore. The authority plans a second phase of "
    "works to deepen the channel for the largest ships by the end of the decade."
)
HARBOUR_OTHER_OUTLET = (
    "Chile's transport minister inaugurated a container terminal in Valparaiso on Monday, a "
    "project that doubles the port's capacity after three years of works. Ship operators "
    "welcomed the berths, saying vessels from Asia would wait less. A group of dock workers "
    "protested briefly over shift patterns outside the terminal gate."
)
VOLCANO = (
    "A volcano on the Indonesian island of Java erupted on Saturday, sending a column of ash "
    "five kilometres into the sky and forcing the evacuation of several villages. Officials "
    "said there were no immediate reports of casualties. Flights at two nearby airports were "
    "suspended as the ash cloud drifted west. Rescue teams set up shelters in schools and "
    "mosques for the evacuated families, and the disaster agency raised the alert level."
)
ELECTION = (
    "Voters in the coastal province went to the polls on Sunday to choose a new governor in "
    "a race dominated by debates over water rights and road building. Turnout was higher "
    "than four years ago, the electoral commission said, and counting continued overnight "
    "in the mountain districts where ballots arrive by truck."
)

CHILE = ActorRef(key="country:CHL", name="Chile", country="CHL")
PERU = ActorRef(key="country:PER", name="Peru", country="PER")
ROJAS = ActorRef(key="person:ana rojas", name="Ana Rojas", country="CHL")
SOTO = ActorRef(key="person:luis soto", name="Luis Soto", country="PER")
VEGA = ActorRef(key="person:marta vega", name="Marta Vega", country="PER")
WIRE = ActorRef(key="media:andes wire", name="Andes Wire")
MINISTRY = ActorRef(key="org:PER:foreign ministry", name="Foreign Ministry", country="PER")


def article(
    article_id: str, text: str, published: str | None = "2021-03-01", **extra: object
) -> Article:
    digest = hashlib.sha1(normalise_text(text).encode()).hexdigest()
    return Article(
        id=article_id, text=text, path=f"{article_id}.txt", published=published,
        text_hash=digest, **extra,
    )  # type: ignore[arg-type]  # fmt: skip


def analysis(
    item: Article, *actors: ActorRef, events: list[EventMention] | None = None
) -> Analysis:
    """An analysis with sentence spans, one mention per actor, and the given events."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.", item.text)]
    mentions = [Mention(0, 1, a.name, "PERSON", a) for a in actors]
    return Analysis(item.id, sentences=spans, mentions=mentions, events=events or [])


def meeting(
    article_id: str,
    date: str | None = "2021-03-01",
    start: int = 0,
    place: Place | None = None,
    source: ActorRef | None = ROJAS,
    target: ActorRef | None = SOTO,
    **extra: object,
) -> EventMention:
    """A CONSULT mention (Rojas meets Soto in Lima by default)."""
    actors = [a for a in (source, target) if a is not None]
    return EventMention(
        article_id=article_id, type="CONSULT", start=start, end=start + 3,
        sentence_start=start, sentence_end=start + 40, source=source, target=target,
        participants=actors, location=place if place is not None else Place("Lima", "PER"),
        date=date, date_from="text" if date else None, **extra,
    )  # type: ignore[arg-type]  # fmt: skip


def parsed(item: Article, typed: dict[str, str]) -> Analysis:
    """Sentence spans, and one mention per name in `typed` (name -> the type a parser gave
    it) at its first place in the text."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.", item.text)]
    mentions = []
    for name, kind in typed.items():
        start = item.text.index(name)
        key = f"{kind.lower()}:{name.lower()}"
        mentions.append(Mention(start, start + len(name), name, kind, ActorRef(key, name)))
    return Analysis(item.id, sentences=spans, mentions=mentions)
