"""A mention's type read again from the words around it and the article's other
mentions, where the small model's label is wrong: a one-word "person" before a building
noun is the building, after a medium's descriptor the medium, after a person's ", of" the
town the person lives in, and where the article names a place alike, that place."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from crosswire.actors import countries
from crosswire.actors.classify import Typed, display
from crosswire.actors.first_names import sex_of_first_name
from crosswire.actors.keys import fold, media_key, person_words, place_key
from crosswire.actors.lexicon import facility_heads, medium_descriptors, roles
from crosswire.actors.titles import title_before
from crosswire.model import ActorRef

MAX_RESIDENCE_GAP = 16  # characters between a name and its ", 66, of"
MAX_ROLE_CHARS = 30  # characters before a name read for a role word ("Governor Palin")


def retype_by_context(text: str, typed: list[Typed]) -> None:
    facilities_are_places(text, typed)
    described_media(text, typed)
    places_named_alike(text, typed)
    residences(text, typed)


def described_media(text: str, typed: list[Typed]) -> None:
    """ "the centre-left daily Eleftherotypia", "broadcaster RTS": a name the word before it
    says is a news medium is one, whatever the small model called it."""
    for mention in typed:
        if mention.type == "MEDIA":
            continue
        before = fold(text[max(0, mention.start - 24) : mention.start]).split()
        if any(before[-len(d.split()) :] == d.split() for d in medium_descriptors() if before):
            name = display(mention.text)
            mention.type = "MEDIA"
            mention.actor = ActorRef(media_key(name), name, mention.actor.country, "JRN")


def places_named_alike(text: str, typed: list[Typed]) -> None:
    """ "Outside Bloomington Sam's Club" tagged a person where the article's other
    "Bloomington" is the town: one name, one sense in an article. A one-word "person" the
    article also names as a place is that place, unless a full person name of the article
    holds the word ("Palin" of "Sarah Palin"), a title stands before it anywhere in the
    article ("Governor Palin"), it is a first name ("Eugene") or the article names it a
    person more often than a place."""
    places = {fold(m.text): m for m in typed if m.type == "PLACE"}
    named = Counter(fold(m.text) for m in typed if m.type in {"PERSON", "PLACE"})
    held = {w for m in typed if m.type == "PERSON" for w in person_words(m.text)[:-1]}
    held |= {person_words(m.text)[-1] for m in typed if m.type == "PERSON" and " " in m.text}
    held |= {fold(m.text) for m in typed if _titled(text, m.start)}
    for mention in typed:
        word = fold(mention.text)
        if mention.type != "PERSON" or " " in word or word not in places:
            continue
        if word in held or sex_of_first_name(word) is not None:
            continue
        if 2 * sum(fold(m.text) == word for m in typed if m.type == "PLACE") < named[word]:
            continue  # named a person more often than a place ("Kimani", 8 to 1)
        mention.type = "PLACE"
        mention.actor = places[word].actor


RESIDENCE = re.compile(r",\s*(?:(?:aged\s+)?\d{1,3},\s*)?of\s+$")  # "Luann Johnson, 66, of "


def residences(text: str, typed: list[Typed]) -> None:
    """ "LuAnn Johnson, of Burnsville, was hit": a one-word "person" the "of" after a
    person's name and comma introduces is where that person lives."""
    for before, mention in pairwise(typed):
        if mention.type != "PERSON" or before.type != "PERSON" or " " in mention.text.strip():
            continue
        if mention.start - before.end > MAX_RESIDENCE_GAP:
            continue
        if RESIDENCE.search(text[before.end : mention.start]):
            name = mention.text
            mention.type = "PLACE"
            mention.actor = ActorRef(place_key(name, countries.city_country(name)), name)


def facilities_are_places(text: str, typed: list[Typed]) -> None:
    """ "the Capella hotel": a one-word "person" named before a building noun is the
    building's name."""
    for mention in typed:
        if mention.type != "PERSON" or " " in mention.text.strip():
            continue
        following = re.match(r"\s+(\w+)", text[mention.end : mention.end + 20])
        if following and fold(following.group(1)) in facility_heads():
            name = mention.text
            mention.type = "PLACE"
            mention.actor = ActorRef(place_key(name, None), name)


def _titled(text: str, start: int) -> bool:
    """A title or a role word right before the name ("Gov. Palin", "Governor Palin")."""
    if title_before(text, start) is not None:
        return True
    words = fold(text[max(0, start - MAX_ROLE_CHARS) : start]).split()
    return bool(words) and words[-1] in roles()
