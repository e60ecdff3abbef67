"""A mention's type read again from the words around it, where the small model's label is
wrong: a one-word "person" before a building noun is the building, after a medium's
descriptor the medium, after a person's ", of" the town the person lives in, before ", <a
state or country>" a town there."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from crosswire.actors import countries
from crosswire.actors.classify import Typed, display
from crosswire.actors.first_names import first_name_sexes
from crosswire.actors.keys import fold, media_key, place_key
from crosswire.actors.lexicon import facility_heads, medium_descriptors
from crosswire.model import ActorRef

MAX_RESIDENCE_GAP = 16  # characters between a name and its ", 66, of"
RESIDENCE = re.compile(r",\s*(?:(?:aged\s+)?\d{1,3},\s*)?of\s+$")  # "Luann Johnson, 66, of "
POSSESSIVE = re.compile(r"^['\u2019]s\b")  # "Ali Farah, Somalia's envoy": the envoy is the person


def retype_by_context(text: str, typed: list[Typed]) -> None:
    facilities_are_places(text, typed)
    capitals_are_places(typed)
    described_media(text, typed)
    residences(text, typed)
    localities(text, typed)


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


def residences(text: str, typed: list[Typed]) -> None:
    """ "LuAnn Johnson, of Burnsville, was hit": a one-word "person" the "of" after a
    person's name and comma introduces is where that person lives."""
    for before, mention in pairwise(typed):
        if not _one_word_person(mention) or before.type != "PERSON":
            continue
        if mention.start - before.end > MAX_RESIDENCE_GAP:
            continue
        if RESIDENCE.search(text[before.end : mention.start]):
            _become_place(mention, countries.city_country(mention.text))


def localities(text: str, typed: list[Typed]) -> None:
    """ "the people of Bayou La Batre, Alabama": a "person" a comma joins to the state or
    country it lies in is a town there (not "Ali Farah, Somalia's envoy")."""
    for mention, where in pairwise(typed):
        if mention.type != "PERSON" or where.type not in {"PLACE", "COUNTRY"}:
            continue
        if text[mention.end : where.start] != ", " or not where.actor.country:
            continue
        if POSSESSIVE.match(text[where.end : where.end + 3]):
            continue
        _become_place(mention, where.actor.country)


def facilities_are_places(text: str, typed: list[Typed]) -> None:
    """ "the Capella hotel": a one-word "person" named before a building noun is the
    building's name."""
    for mention in typed:
        if not _one_word_person(mention):
            continue
        following = re.match(r"\s+(\w+)", text[mention.end : mention.end + 20])
        if following and fold(following.group(1)) in facility_heads():
            _become_place(mention, None)


def capitals_are_places(typed: list[Typed]) -> None:
    """ "Lindsey Graham visited Kyiv": a one-word "person" of no known country that is a
    country's capital is that capital, unless it is a first name ("Victoria") or a word of
    a longer person's name in the article ("Paris Hilton")."""
    longer = [m.text for m in typed if m.type == "PERSON" and " " in m.text.strip()]
    names = {fold(word) for name in longer for word in name.split()}
    for mention in typed:
        if not _one_word_person(mention) or mention.actor.country:
            continue
        country = countries.capital_country(mention.text)
        word = fold(mention.text)
        if country is None or word in names or word in first_name_sexes():
            continue
        _become_place(mention, country)
        mention.actor = replace(mention.actor, country=country)  # it says where, as a place


def _one_word_person(mention: Typed) -> bool:
    return mention.type == "PERSON" and " " not in mention.text.strip()


def _become_place(mention: Typed, country: str | None) -> None:
    mention.type = "PLACE"
    mention.actor = ActorRef(place_key(mention.text, country), mention.text)
