"""One canonical actor per person across the articles of a story.

The actors stage resolves each article alone, so the same person can reach a story under a
surname-only key in one report ("Biden") and a full one in another ("Joe Biden"), spelled
two ways under one key ("Kim Jong-un", "Kim Jong Un"), or with the country one article
states and another does not. `story_actors` maps every key of a story's actor references
to one canonical reference: a surname-only key joins the one full name of the story that
ends with it (never when two people of the story share the surname), the name shown is the
fullest form any article gives, and the country and sector are the ones most reports give.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from crosswire.labels import display_name, most_common
from crosswire.model import ActorRef, Entity

PERSON = "person:"
AGENT = "agent:"  # an unnamed actor known by its kind (`events.participants.agent_key`)
GENERATIONS = frozenset({"jr", "sr", "junior", "senior", "ii", "iii", "iv"})


def story_actors(refs: Iterable[ActorRef]) -> dict[str, ActorRef]:
    """Key -> the canonical reference of the actor it denotes, for every key in `refs`."""
    by_key: dict[str, list[ActorRef]] = defaultdict(list)
    for ref in refs:
        by_key[ref.key].append(ref)
    target = {key: _full_key(key, by_key) for key in by_key}
    members: dict[str, list[ActorRef]] = defaultdict(list)
    for key, found in by_key.items():
        members[target[key]].extend(found)
    canonical = {key: _canonical(key, found) for key, found in members.items()}
    return {key: canonical[target[key]] for key in by_key}


def canonical_ref(ref: ActorRef | None, table: dict[str, ActorRef]) -> ActorRef | None:
    """The canonical reference of `ref`'s actor; an unnamed agent keeps the words its own
    report names it by: its key is a kind ("agent:XXX:CVL:woman"), and one report's "a
    woman" he kidnapped is not another's "six black women" of the jury."""
    if ref is None:
        return None
    found = table.get(ref.key, ref)
    return replace(found, name=ref.name) if ref.key.startswith(AGENT) else found


def merge_entities(entities: list[Entity]) -> list[Entity]:
    """The story's entities with a person's surname-only entity folded into the full one."""
    table = story_actors(
        ActorRef(e.key, e.name, e.country, e.sector) for e in entities for _ in e.article_ids
    )
    merged: dict[str, Entity] = {}
    for entity in sorted(entities, key=lambda e: table[e.key].key != e.key):  # full first
        ref = table[entity.key]
        into = merged.get(ref.key)
        if into is None:
            merged[ref.key] = replace(
                entity, key=ref.key, name=ref.name, country=ref.country, sector=ref.sector
            )
            continue
        into.aliases = sorted({*into.aliases, *entity.aliases})
        into.roles = sorted({*into.roles, *entity.roles})
        into.article_ids = sorted({*into.article_ids, *entity.article_ids})
    return list(merged.values())


def _words(key: str) -> list[str]:
    return key.removeprefix(PERSON).split()


def _full_key(key: str, by_key: dict[str, list[ActorRef]]) -> str:
    """The one longer person key of the story that extends this one and whose country does
    not disagree; the key itself when there is none or several. A surname extends to the
    full name ending with it ("Biden"); a name of two words or more also to the longer form
    starting with it ("Abdullah bin Zayed" ... "Al Nahyan"), but not to a son named after
    his father ("Donald Trump Jr")."""
    if not key.startswith(PERSON):
        return key
    words = _words(key)
    countries = {r.country for r in by_key[key]} - {None}
    longer = [
        other
        for other, found in by_key.items()
        if other.startswith(PERSON)
        and _extends(_words(other), words)
        and not (countries and {r.country for r in found} - {None} - countries)
    ]
    return longer[0] if len(longer) == 1 else key


def _extends(longer: list[str], words: list[str]) -> bool:
    if len(longer) <= len(words):
        return False
    if longer[-len(words) :] == words:
        return True
    rest = longer[len(words) :]
    return len(words) >= 2 and longer[: len(words)] == words and not set(rest) & GENERATIONS


def _canonical(key: str, refs: list[ActorRef]) -> ActorRef:
    return ActorRef(
        key,
        display_name(key, (r.name for r in refs)) or refs[0].name,
        most_common(r.country for r in refs),
        most_common(r.sector for r in refs),
    )
