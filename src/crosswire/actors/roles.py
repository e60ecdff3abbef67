"""Roles stated next to a person's name: "Russian Foreign Minister Sergei Lavrov",
"Kim's right-hand man Kim Yong Chol", "Sergei Lavrov, foreign minister of the Russian
Federation". Gives the role words, their PLOVER sector and the country the title names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from crosswire.actors.agents import agent_nouns, agent_sector, former_role, sector_file
from crosswire.actors.classify import Typed
from crosswire.actors.data import roles_file
from crosswire.actors.keys import fold
from crosswire.actors.lexicon import (
    capitalised_role_pattern,
    role_modifiers,
    role_pattern,
    roles,
)
from crosswire.actors.titles import expand_titles

MAX_TITLE_TOKENS = 12  # a title longer than this is a clause, not a title
# Words an apposition may hold before its role ("Algeria's leading human rights activist")
MAX_APPOSITION_LEAD = 5
_TITLE_GLUE = frozenset({"of", "the", "'s", "’s", "-", "–", "and", "for"})


@dataclass(slots=True)
class RoleFound:
    role: str | None
    sector: str | None
    country: str | None
    possessor: int | None  # index of the mention in "X's <role> Y"


# A list joining names: "Kuchma of Ukraine and Yeltsin", "Kuchma, Yeltsin"
_LISTING = re.compile(r",|\b(?:and|or)\b")


def best_role(text: str) -> tuple[str, str] | None:
    """The longest role phrase in a piece of text, with its sector."""
    matches = [m.group() for m in role_pattern().finditer(fold(expand_titles(text)))]
    if not matches:
        return None
    role = max(matches, key=len)
    return role, roles()[role]


def _stated_role(text: str) -> tuple[str, str] | None:
    """The role a title or apposition states: its longest role title (data/actors/roles.yaml
    answers for its words), unless an agent phrase ending the text says more ("rebel
    leader": REB, not the GOV of "leader"; "union official"), or the text has no role title
    but ends with an agent noun ("police officer", "opposition activist"). A role held no
    longer ("former", "ousted": data/actors/sectors.yaml) makes its holder ELI."""
    role = best_role(text)
    words = fold(expand_titles(text)).split()
    agent = agent_sector(words)
    if agent is not None and (
        role is None or (len(agent[0]) > len(role[0]) and f" {role[0]} " in f" {agent[0]} ")
    ):
        role = agent
    if role is not None and former_role(words[: _start_of(role[0], words)]):
        return role[0], "ELI"  # "ousted President X": a former official
    return role


def _start_of(phrase: str, words: list[str]) -> int:
    """Index of the word where `phrase` starts in `words` (their length if it does not)."""
    size = len(phrase.split())
    for index in range(len(words) - size + 1):
        if " ".join(words[index : index + size]) == phrase:
            return index
    return len(words)


def role_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of capitalised role titles ("Secretary of State") in the raw text:
    words such as "State" inside them are not organisations."""
    return [(m.start(), m.end()) for m in capitalised_role_pattern().finditer(text)]


def _title_token(token: Token, vocabulary: frozenset[str]) -> bool:
    return (
        token.text[:1].isupper()
        or token.lower_ in vocabulary
        or token.lower_ in _TITLE_GLUE
        or token.lower_ in role_modifiers()
    )


@cache
def _vocabulary() -> frozenset[str]:
    words: set[str] = set()
    for role in roles():
        words.update(role.split())
    for phrase, agent in agent_nouns().items():  # "rebel leader", "police officer"
        if agent.sector is not None and " " in phrase:
            words.update(w for w in phrase.split() if w.isalpha())
    words.update(sector_file().former_markers)  # "ousted", "former"
    return frozenset(words | {"right", "hand"})


def left_title(
    doc: Doc, span: Span, mentions: list[Typed], at: dict[int, int], sent_starts: set[int]
) -> tuple[int, int | None]:
    """Start char of the title before a name, and the possessor mention inside it if any."""
    vocabulary = _vocabulary()
    start = span.start_char
    possessor = None
    index = span.start - 1
    while index >= 0 and span.start - index <= MAX_TITLE_TOKENS:
        if index + 1 in sent_starts:
            break  # titles do not run across sentences
        token = doc[index]
        owner = at.get(token.idx)
        if owner is not None and mentions[owner].type == "PERSON":
            nxt = doc[index + 1] if index + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ in {"'s", "’s"}:
                possessor = owner
                start = mentions[owner].start
            break
        if (
            token.pos_ in {"VERB", "AUX", "ADP"}
            and token.lower_ not in _TITLE_GLUE
            and not former_role([token.lower_])  # "ousted President X"
        ):
            break
        if token.is_punct and token.text not in {"-", "–", "'s", "’s"}:
            break
        if token.text in {"-", "–"} and token.whitespace_:  # a spaced dash ends a clause
            break
        if not _title_token(token, vocabulary):
            break
        start = token.idx
        index -= 1
    return start, possessor


def right_apposition(
    doc: Doc, text: str, span: Span, at: dict[int, int], mentions: list[Typed]
) -> int:
    """End char of ", foreign minister of X," after a name (or the name's end if none).
    The apposition is a noun phrase: it may not open with a preposition ("Kim, with US
    Secretary of State Mike Pompeo") nor hold another person's name."""
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return span.end_char
    if doc[span.end + 1].pos_ in {"ADP", "CCONJ", "SCONJ", "VERB", "AUX", "PRON"}:
        return span.end_char
    end = span.end_char
    for token in doc[span.end + 1 : span.end + 1 + MAX_TITLE_TOKENS]:
        if token.is_punct and token.text not in {"'s", "’s", "-", "'"}:
            break
        if token.pos_ in {"VERB", "AUX"} and token.dep_ != "amod":
            break  # "Algeria's leading activist": a participle on the role is part of it
        owner = at.get(token.idx)
        if owner is not None and mentions[owner].type == "PERSON":
            return span.end_char
        end = token.idx + len(token.text)
    window = fold(text[span.end_char : end])
    match = role_pattern().search(window)
    if match is None or len(window[: match.start()].split()) > MAX_APPOSITION_LEAD:
        return span.end_char
    return end


def find_role(
    doc: Doc,
    text: str,
    index: int,
    mentions: list[Typed],
    at: dict[int, int],
    sent_starts: set[int],
) -> RoleFound | None:
    """The role stated for the person mention ``mentions[index]``, if any."""
    mention = mentions[index]
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    title_start, possessor = left_title(doc, span, mentions, at, sent_starts)
    appos_end = right_apposition(doc, text, span, at, mentions)
    title = text[title_start : mention.start]
    appos = text[mention.end : appos_end]
    found = (
        _stated_role(title)
        or _stated_role(appos)
        or _organisation_office(title, mentions, title_start, mention.start)
    )
    country = (
        _country_of(text, mention.end, mentions)
        or _country_between(mentions, title_start, mention.start, title)
        or _country_between(mentions, mention.end, appos_end)
    )
    if found is None and country is None:
        return None
    role, sector = found if found else (None, None)
    return RoleFound(role, sector, country, possessor)


def _organisation_office(
    title: str, mentions: list[Typed], start: int, end: int
) -> tuple[str, str] | None:
    """ "FBI Director Louis Freeh": an office of an organisation named in the title, in that
    organisation's sector (roles.yaml `organisation_offices`)."""
    words = fold(title).split()
    if not words or words[-1] not in roles_file().organisation_offices:
        return None
    for mention in sorted(mentions, key=lambda m: -m.start):
        inside = start <= mention.start and mention.end <= end
        if inside and mention.type in {"ORG", "GROUP"} and mention.actor.sector:
            return words[-1], mention.actor.sector
    return None


def _country_of(text: str, end: int, mentions: list[Typed]) -> str | None:
    """ "King Hassan of Morocco", "Sergey Ivanov of Russia": the country right after "of"."""
    match = re.match(r"\s+of\s+(?:the\s+)?", text[end : end + 12])
    if match is None:
        return None
    start = end + match.end()
    for mention in mentions:
        if mention.start == start and mention.type == "COUNTRY":
            return mention.actor.country
    return None


def _country_between(
    mentions: list[Typed], start: int, end: int, listed_before: str = ""
) -> str | None:
    """The country named in a title or apposition: the one nearest the name wins. In a
    title (`listed_before`: the text from its start), none past another person the name
    is listed after ("Leonid Kuchma of Ukraine and Boris Yeltsin": Ukraine is Kuchma's;
    "Putin's spokesman Dmitry Peskov" lists no one)."""
    for mention in sorted(mentions, key=lambda m: -m.start):
        if not (start <= mention.start and mention.end <= end):
            continue
        if mention.type == "PERSON" and _LISTING.search(listed_before[mention.end - start :]):
            return None
        if mention.type in {"COUNTRY", "ORG", "GROUP"} and mention.actor.country:
            return mention.actor.country
    return None
