"""Where a document happens, and the actors coded by it.

PLOVER and CAMEO code an actor whose country is not stated — an official named in passing,
a local party, a rebel group, a village, an ethnic minority — by the country where it acts
("Ethnic Albanians ... near Macedonia's border" are coded MKD, not ALB). The evidence for
that country is the document's places and its domestic institutions ("Sudan's government",
"Egyptian police"); media, international bodies and the actor itself do not count.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from crosswire.actors import countries
from crosswire.actors.classify import STATE_SECTORS, Typed
from crosswire.actors.keys import fold, group_key, org_key, people_key, place_key
from crosswire.actors.lexicon import non_state_codes, role_pattern_any_case, supranational
from crosswire.actors.regions import region_names
from crosswire.model import ActorRef

# Sectors of people and bodies that act for a state inside its borders
# Bodies that act inside their own country: where they are named, the story happens there
# (troops and rebels cross borders, so MIL and REB are no evidence)
_DOMESTIC_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "PTY", "OPP", None})
# Organisations take the host country only when they are of a kind that acts at home
# (a party, a ministry, a court, a university); a named movement, forum or company may act
# anywhere, and no country beats a wrong one
_LOCAL_ORG_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "PTY", "OPP", "EDU"})
# Words of a title between a country and the name it belongs to ("Secretary of State")
MAX_TITLE_WORDS = 4
# "US$50 million", "US $50 million": a currency, not a place
_CURRENCY_AFTER = re.compile(r"^\s?\$")
# "ethnic Albanians", "Ethnic Turks": a people named by its kin state, living elsewhere
_ETHNIC = re.compile(r"\bethnic\s+$", re.IGNORECASE)
# "Albanians of southern Serbia", "Kurds in northern Iraq"
_RESIDENCE = re.compile(
    r"^\s+(?:of|in|from)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|"
    r"(?:north|south)(?:east|west)(?:ern)?\s+|central\s+)?$",
    re.IGNORECASE,
)


def mark_ethnic_groups(text: str, typed: list[Typed]) -> set[int]:
    """Re-type demonyms that name a people living outside its kin state as GROUPs with no
    country yet (the residence fills it); returns their indexes."""
    ethnic: set[int] = set()
    for index, mention in enumerate(typed):
        if mention.type not in {"COUNTRY", "GROUP"} or not mention.actor.country:
            continue
        if mention.actor.sector in STATE_SECTORS:
            continue  # "U.S. troops in Iraq", "Russian diplomats in London": a state's own
        residence = _residence_after(text, index, typed)
        if not _ETHNIC.search(text[max(0, mention.start - 8) : mention.start]) and not residence:
            continue
        if residence == mention.actor.country:
            continue
        name = f"ethnic {mention.text}" if not residence else mention.text
        mention.type = "GROUP"
        # a people are civilians, unless named by what they do ("ethnic Albanian guerrillas")
        sector = mention.actor.sector or "CVL"
        mention.actor = ActorRef(group_key(name, residence), name, residence, sector)
        ethnic.add(index)
    return ethnic


def _residence_after(text: str, index: int, typed: list[Typed]) -> str | None:
    """The country of the place named right after a plural demonym ("... of southern
    Serbia"), if any."""
    mention = typed[index]
    if not mention.text.endswith("s") or index + 1 >= len(typed):
        return None
    following = typed[index + 1]
    if following.type not in {"COUNTRY", "PLACE"} or not following.actor.country:
        return None
    if not _RESIDENCE.match(text[mention.end : following.start]):
        return None
    return following.actor.country


@dataclass(slots=True)
class LocationVotes:
    """Country -> how many mentions point to it: places (cities, regions) and, apart, country
    names and domestic bodies. Places say best where a story happens; country names also
    name who acts, so they decide only where no place does."""

    places: Counter[str] = field(default_factory=Counter)
    others: Counter[str] = field(default_factory=Counter)
    # of `others`, the countries stated in someone's title ("Russian President Putin"):
    # they say whose that person is, which is weak evidence of where the story is
    titles: Counter[str] = field(default_factory=Counter)

    def host(self) -> str | None:
        """The country the document happens in, when clear: at least twice the votes of any
        other."""
        return _dominant(self.places) if self.places else _dominant(self.places + self.others)

    def host_of_officials(self) -> str | None:
        """The host for officials named in passing: the place-based host, when the story
        also names that country more often than any other among its actors. A summit held
        in a third country (Vienna, Singapore, Geneva) is no home of the delegations named
        there."""
        host = self.host()
        if host is None or not self.others:
            return host
        rivals = [n for code, n in self.others.items() if code != host]
        return host if self.others[host] > max(rivals, default=0) else None

    def sole(self) -> str | None:
        """The only country the document points to (a stricter test than the host: for
        actors who often appear abroad, such as presidents)."""
        every = self.places + (self.others - self.titles)
        return next(iter(every)) if len(every) == 1 else None


def location_votes(text: str, typed: list[Typed], skip: set[int]) -> LocationVotes:
    """Count what the document's mentions say about where it happens."""
    votes = LocationVotes()
    for index, mention in enumerate(typed):
        code = mention.actor.country
        if index in skip or not code or code in non_state_codes():
            continue
        if _CURRENCY_AFTER.match(text[mention.end : mention.end + 2]):
            continue
        domestic = mention.type in {"ORG", "GROUP"} and mention.actor.sector in _DOMESTIC_SECTORS
        # "Young Algerians": a country's people say where as its name does
        domestic = domestic or mention.actor.key == people_key(code)
        if mention.type == "PLACE":
            votes.places[code] += 1
        elif mention.type == "COUNTRY" or domestic:
            votes.others[code] += 1
            if _in_title(text, typed, index):
                votes.titles[code] += 1
    return votes


def reread_places(typed: list[Typed], votes: LocationVotes) -> bool:
    """A place whose name is a town of one country and a region or a town of others
    ("Florida": a town in Cuba and in Colombia, a US state, a department of Uruguay) is the
    one of them the rest of the document points to more often than to the town's; whether
    any was read again."""
    pointed = votes.places + votes.others
    changed = False
    for mention in typed:
        town = mention.actor.country
        if mention.type != "PLACE" or mention.is_capital or mention.qualified or town is None:
            continue
        name = mention.actor.name
        elsewhere = region_names().get(fold(name), frozenset()) | countries.town_countries(name)
        best = max(sorted(elsewhere - {town}), key=lambda code: pointed[code], default=None)
        if best is not None and pointed[best] > max(pointed[town] - 1, 0):  # less its own
            mention.actor = ActorRef(place_key(name, best), name, best, mention.actor.sector)
            changed = True
    return changed


def _in_title(text: str, typed: list[Typed], index: int) -> bool:
    """A country word that opens a person's title ("Russian President Vladimir Putin")."""
    if index + 1 >= len(typed) or typed[index + 1].type != "PERSON":
        return False
    between = text[typed[index].end : typed[index + 1].start]
    return len(between.split()) <= MAX_TITLE_WORDS and bool(role_pattern_any_case().search(between))


def _dominant(votes: Counter[str]) -> str | None:
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def fill_local_actors(typed: list[Typed], host: str | None) -> None:
    """Groups, parties and small places with no country stated act in the host country."""
    if host is None:
        return
    for mention in typed:
        actor = mention.actor
        if actor.country or mention.type not in {"GROUP", "ORG", "PLACE"}:
            continue
        if mention.type == "ORG" and actor.sector not in _LOCAL_ORG_SECTORS:
            continue
        if supranational(actor.name):
            continue
        if _community(mention):
            continue
        mention.actor = with_country(mention, host)


def _community(mention: Typed) -> bool:
    """ "Muslims", "Christians": a whole community named by a plural noun lives in many
    countries; "Moslem forces", "Islamic fundamentalists" (the adjective) act in one, and
    ethnic kin ("ethnic Hungarians", a demonym) where they live."""
    words = mention.text.split()
    return (
        mention.type == "GROUP"
        and mention.actor.sector in {None, "CVL"}
        and len(words) == 1
        and words[0].endswith("s")
        and countries.country_code(words[0]) is None
    )


def with_country(mention: Typed, code: str) -> ActorRef:
    """The mention's actor, keyed anew as of the country `code`."""
    actor = mention.actor
    if mention.type == "PLACE":
        key = place_key(actor.name, code)
    elif mention.type == "ORG":
        key = org_key(actor.name, code)
    else:
        key = group_key(actor.name, code)
    return ActorRef(key, actor.name, code, actor.sector)
