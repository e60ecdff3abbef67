"""find_mentions: repaired spaCy entities resolved to canonical actors."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from datetime import date

from spacy.tokens import Doc, Span, Token

from crosswire.actors import countries
from crosswire.actors.classify import STATE_SECTORS, Typed, classify, display
from crosswire.actors.coordination import share_heads
from crosswire.actors.datelines import in_dateline
from crosswire.actors.headline_names import confirmed_names
from crosswire.actors.host import (
    LocationVotes,
    fill_local_actors,
    location_votes,
    mark_ethnic_groups,
    reread_places,
)
from crosswire.actors.keys import fold, person_words
from crosswire.actors.lexicon import (
    document_heads,
    famous_roles,
    role_pattern_any_case,
    roles,
)
from crosswire.actors.offices import office_mention
from crosswire.actors.persons import DocPerson, resolve_people
from crosswire.actors.qualified import read_qualified_places
from crosswire.actors.repair import Candidate, repaired_entities
from crosswire.actors.retype import retype_by_context
from crosswire.actors.roles import RoleFound, find_role, role_spans
from crosswire.kb.resolve import resolve_as
from crosswire.model import ActorRef, Article, Mention, TimeExpr
from crosswire.timex.values import latest_written_day

# Dependencies under which a capital acts for its state ("Moscow said", "Washington's demand")
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss"})
# An official of a state sector (classify.STATE_SECTORS) with no country stated is taken to be
# of the country where the story happens (datelines leave local officials unmarked) ...
# ... but only an official named in passing: a protagonist named again and again is as likely
# the visitor as the host, and no country beats a wrong one.
LOCAL_MENTIONS = 2
_PATRONYMIC = ("ovich", "evich", "ovna", "evna")
# Words between a state and the official named for it ("Bahrain, represented by Foreign
# Minister"); further away, the state is as likely the one the official deals with
MAX_REPRESENTED_GAP = 5
# Words a name needs before the KB may key it by its own name (a surname alone may be anyone)
MIN_LINKED_WORDS = 2
_ADMINISTRATION = re.compile(r"\s+administration\b", re.IGNORECASE)
PERSON_TYPES = frozenset({"person"})
BODY_TYPES = frozenset({"organisation", "group"})


def find_mentions(doc: Doc, article: Article, times: list[TimeExpr] | None = None) -> list[Mention]:
    """Repaired, typed and resolved actor mentions of one article, in text order. The
    article's day chooses among dated roles: its publication date, else the latest date its
    text writes out with the year (`times`: an undated 2008 report's "the US president" is
    the president of 2008, not of the day it is read)."""
    text = article.text
    day = _article_day(article) or latest_written_day(times or [])
    candidates = _drop_role_words(text, confirmed_names(text, repaired_entities(doc, text)))
    candidates = _drop_documents(text, candidates)
    typed = _classify_all(text, candidates, day)
    typed = _drop_nested(typed)
    share_heads(text, typed, day)
    retype_by_context(text, typed)
    _capitals_as_states(doc, typed)
    read_qualified_places(text, typed)
    ethnic = mark_ethnic_groups(text, typed)
    votes = location_votes(text, typed, skip=ethnic)
    if reread_places(typed, votes):
        votes = location_votes(text, typed, skip=ethnic)
    at = _token_owner(doc, typed)
    people, found_roles = _people(doc, typed, at, votes, day)
    fill_local_actors(typed, votes.host())
    typed, people = _add_title_mentions(text, typed, people, found_roles, day)
    return _build(typed, people, found_roles)


def _drop_role_words(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "State" in "Secretary of State" is a title word, not an organisation."""
    titles = role_spans(text)
    return [
        c
        for c in candidates
        if c.label == "PERSON" or not any(s <= c.start and c.end <= e for s, e in titles)
    ]


def _drop_documents(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "The Hong Kong Human Rights and Democracy Act would impose sanctions": a law, a
    text or an honour ("the National Caring Award") is no actor, whatever the model tagged
    it (organisations.yaml `document_heads`)."""
    heads = document_heads()

    def document(candidate: Candidate) -> bool:
        words = fold(display(candidate.text(text))).split()
        return candidate.label != "PERSON" and len(words) > 1 and words[-1] in heads

    return [c for c in candidates if not document(c)]


def _article_day(article: Article) -> date | None:
    """The article's date, which chooses among the KB's dated roles (None: today's)."""
    try:
        return date.fromisoformat(article.published) if article.published else None
    except ValueError:
        return None


def _classify_all(text: str, candidates: list[Candidate], day: date | None) -> list[Typed]:
    evidence: set[str] = set()
    for cand in candidates:
        shown = display(cand.text(text))
        words = person_words(shown)
        # a country's name tagged as a person ("Sri Lanka") is no evidence of one
        if cand.label == "PERSON" and len(words) >= 2 and countries.country_code(shown) is None:
            evidence.update(words)
    return [classify(c.text(text), c.start, c.end, c.label, evidence, day) for c in candidates]


def _drop_nested(typed: list[Typed]) -> list[Typed]:
    """A mention inside a longer one ("Russian" in "Russian foreign ministry") is covered by
    it: the longer mention carries the country."""
    return [
        m
        for m in typed
        if not any(
            o is not m
            and o.start <= m.start
            and m.end <= o.end
            and (o.end - o.start) > (m.end - m.start)
            for o in typed
        )
    ]


def _capitals_as_states(doc: Doc, typed: list[Typed]) -> None:
    """A capital that acts (subject, possessor) stands for its state: COUNTRY, not PLACE,
    and for its government ("Berlin rejected the calls": GOV, as CAMEO codes it)."""
    for mention in typed:
        if mention.type != "PLACE" or not mention.is_capital or not mention.actor.country:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or in_dateline(doc.text, mention.start, [span.sent.start_char]):
            continue  # "MOSCOW (Reuters) -": where the story was filed, acting or not
        if _inside_a_longer_name(span, typed):
            continue  # "Real Madrid signed the forward": a club the capital names
        if span.root.dep_ in _ACTING_DEPS or _by_agent(span.root):
            code = mention.actor.country
            mention.type = "COUNTRY"
            mention.actor = ActorRef(f"country:{code}", countries.country_name(code), code, "GOV")


def _inside_a_longer_name(span: Span, typed: list[Typed]) -> bool:
    """A capital with a proper noun of no mention of its own written into it ("Real
    Madrid", "Dynamo Kyiv"): the name of something else, a club or a firm."""
    return any(
        c.dep_ == "compound"
        and c.pos_ == "PROPN"
        and c.i < span.start
        and not any(m.start <= c.idx < m.end for m in typed)
        for c in span.root.children
    )


def _by_agent(token: Token) -> bool:
    """ "was condemned by Washington", "an admission by Moscow": the object of "by" is who
    acts (spaCy marks the passive's "by" as agent, the noun's as a plain preposition)."""
    by = token.head
    if token.dep_ != "pobj" or by.lower_ != "by":
        return False
    return by.dep_ == "agent" or (by.dep_ == "prep" and by.head.pos_ == "NOUN")


def _token_owner(doc: Doc, typed: list[Typed]) -> dict[int, int]:
    """Token start char -> index of the mention covering that token."""
    owner: dict[int, int] = {}
    for index, mention in enumerate(typed):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            for token in span:
                owner[token.idx] = index
    return owner


def _people(
    doc: Doc, typed: list[Typed], at: dict[int, int], votes: LocationVotes, day: date | None
) -> tuple[dict[int, DocPerson], dict[int, RoleFound]]:
    sent_starts = {sent.start for sent in doc.sents}
    doc_text = doc.text  # Doc.text joins every token: build it once
    found_roles = {
        i: r
        for i, m in enumerate(typed)
        if m.type == "PERSON"
        and (r := find_role(doc, doc_text, i, typed, at, sent_starts)) is not None
    }
    possessors = {i: r.possessor for i, r in found_roles.items() if r.possessor is not None}
    sentence_of = _sentence_index(doc, typed)
    people = resolve_people(typed, sentence_of, possessors)
    _spread_roles(typed, people, found_roles)
    _fill_countries(doc_text, typed, people, possessors, votes, sentence_of, day)
    return people, found_roles


def _sentence_index(doc: Doc, typed: list[Typed]) -> dict[int, int]:
    starts = [s.start_char for s in doc.sents]
    return {i: bisect_right(starts, mention.start) for i, mention in enumerate(typed)}


def _spread_roles(
    typed: list[Typed], people: dict[int, DocPerson], found_roles: dict[int, RoleFound]
) -> None:
    """A role or country stated once applies to every mention of that person in the doc."""
    for index in sorted(found_roles, key=lambda i: typed[i].start):
        person, found = people.get(index), found_roles[index]
        if person is None:
            continue
        if person.role is None and found.role:
            person.role, person.sector = found.role, found.sector
        if person.country is None and found.country:
            person.country = found.country


def _fill_countries(
    text: str,
    typed: list[Typed],
    people: dict[int, DocPerson],
    possessors: dict[int, int],
    votes: LocationVotes,
    sentence_of: dict[int, int],
    day: date | None,
) -> None:
    """Countries not stated next to the name: the Factbook's list of leaders, the knowledge
    base's roles on the article's day (the story's countries choosing among namesakes), the
    possessor's ("Kim's right-hand man"), a title used alone ("Russia's foreign minister"),
    the state the official is named for ("Bahrain, represented by Foreign Minister X"),
    then where the story happens: for an official named in passing the clear host country,
    for a president or a former official only a sole country."""
    for person in set(people.values()):
        _match_leader(person)
    story = frozenset(m.actor.country for m in typed if m.type == "COUNTRY" and m.actor.country)
    for person in set(people.values()):
        _match_kb(person, day, story)
    _administrations(text, typed, people, day, story)
    for index, owner in possessors.items():
        owned, boss = people.get(index), people.get(owner)
        if owned and boss and owned.country is None:
            owned.country = boss.country
    for _, _, role, country in _nominal_titles(text, typed):
        holders = {p for p in people.values() if p.role == role and p.country in (None, country)}
        if len(holders) == 1:
            holder = holders.pop()
            holder.country = holder.country or country
    _represented_states(text, typed, people, sentence_of)
    host, sole = votes.host_of_officials(), votes.sole()
    mentioned = Counter(id(p) for p in people.values())
    for person in set(people.values()):
        if person.country is not None:
            continue
        if person.role in famous_roles() or person.sector == "ELI":
            person.country = sole
        elif person.sector in STATE_SECTORS and mentioned[id(person)] <= LOCAL_MENTIONS:
            person.country = host


def _represented_states(
    text: str, typed: list[Typed], people: dict[int, DocPerson], sentence_of: dict[int, int]
) -> None:
    """An official whose nearest actor before them, in the same sentence and a few words
    away, is a state speaks for it: "with Bahrain, represented by Foreign Minister X"."""
    for index in sorted(people):
        person = people[index]
        if person.country is not None or person.sector not in STATE_SECTORS or index == 0:
            continue
        before = typed[index - 1]
        gap = text[before.end : typed[index].start]
        near = len(gap.split()) <= MAX_REPRESENTED_GAP
        # "Bahrain, represented by Foreign Minister X", not "the Russian leader, Biden"
        aside = "," in gap and not role_pattern_any_case().search(gap.split(",")[0])
        same_sentence = sentence_of[index - 1] == sentence_of[index]
        if before.type == "COUNTRY" and near and aside and same_sentence:
            person.country = before.actor.country


def _match_leader(person: DocPerson) -> None:
    """A head of state or government the Factbook lists: country, sector and, for a bare
    surname with a matching title ("President Trump"), the full name as key."""
    found = countries.find_leaders(" ".join(person.words), person.role)
    if len({leader.ordered for leader in found}) != 1:
        return  # none, or several different leaders share the name
    leader = found[0]
    if person.country is None:
        person.country = _most_populous([f.country for f in found])
        person.sector = person.sector or "GOV"
    if len(person.words) == 1:
        person.words = _usual_form(leader.ordered)
        if not person.forms:
            person.forms[" ".join(w.title() for w in leader.ordered)] += 1


def _match_kb(person: DocPerson, day: date | None, story: frozenset[str]) -> None:
    """Country and sector from the person's KB role on the day, where the text left them
    open; a name the KB cannot settle (namesakes of different countries) stays open. A full
    name the KB knows is keyed by the KB's own name, so every spelling it lists ("William
    Jefferson Clinton", "Bill Clinton"; "Sergei", "Sergey Lavrov") is one actor in every
    story; a surname alone keeps its own key (the KB cannot tell which Clinton). A surname
    the KB does not know alone is looked up with the title the text gives it ("President
    Bush" on the day: the KB's title variants), as the name is written."""
    found = resolve_as(" ".join(person.words), PERSON_TYPES, day, story)
    if found is None and person.role and len(person.words) == 1:
        found = resolve_as(f"{person.role} {person.words[0]}", PERSON_TYPES, day, story)
    if found is None and (len(person.words) >= MIN_LINKED_WORDS or person.role is None):
        # a name the KB knows only as a body's: a company spaCy took for a person ("Reed
        # Elsevier", "Petrobras": a name the document gives no fuller or titled form of)
        found = resolve_as(" ".join(person.words), BODY_TYPES, day, story)
    if found is None or found.ambiguous or found.entry is None:
        return
    titled = role_pattern_any_case().search(" ".join(person.words)) is not None
    if len(person.words) >= MIN_LINKED_WORDS and not titled:  # "Foreign Minister Lavrov"
        person.words = tuple(person_words(found.entry.name))
    if person.country is None and found.country:
        person.country = found.country
    if person.sector is None and found.country in (person.country, None):
        person.sector = found.sector


def _administrations(
    text: str,
    typed: list[Typed],
    people: dict[int, DocPerson],
    day: date | None,
    story: frozenset[str],
) -> None:
    """ "the Bush administration": a surname the KB cannot settle alone is settled by the
    phrase the dictionaries list for the government its bearer led (Phoenix names George
    Bush and George W. Bush so, both of the United States)."""
    for index, person in people.items():
        if person.country is not None or len(person.words) != 1:
            continue
        if not _ADMINISTRATION.match(text, typed[index].end):
            continue
        found = resolve_as(f"{person.words[0]} administration", PERSON_TYPES, day, story)
        codes = {found.country} if found and found.country else set()
        if found is not None and found.ambiguous:
            codes = {c for e in found.candidates for c in e.countries}
        if len(codes) == 1:
            person.country = codes.pop()


def _usual_form(words: tuple[str, ...]) -> tuple[str, ...]:
    """The name as news writes it: Russian patronymics dropped ("Vladimir Vladimirovich
    Putin" -> "Vladimir Putin"), so the key matches the usual full-name mentions."""
    return tuple(w for i, w in enumerate(words) if i == 0 or not w.endswith(_PATRONYMIC))


def _most_populous(codes: list[str]) -> str:
    return max(codes, key=countries.population)


def _add_title_mentions(
    text: str,
    typed: list[Typed],
    people: dict[int, DocPerson],
    found_roles: dict[int, RoleFound],
    day: date | None,
) -> tuple[list[Typed], dict[int, DocPerson]]:
    """ "the North Korean leader" -> the person the document names with that role; an
    office no person of the document holds ("the German chancellor") -> its holder on the
    day where the KB knows one, else the office of that country (offices.py)."""
    by_role: dict[str, set[DocPerson]] = {}
    for person in set(people.values()):
        if person.role:
            by_role.setdefault(person.role, set()).add(person)
    covered = [(m.start, m.end) for m in typed if m.type == "PERSON"]
    titled = [(typed[i].start, typed[i].end) for i in found_roles]
    added: list[tuple[Typed, DocPerson]] = []
    offices: list[Typed] = []
    for start, end, role, country in _nominal_titles(text, typed):
        if _overlaps(covered, start, end) or _before_name(titled, end, text):
            continue
        candidates = [p for p in by_role.get(role, ()) if p.country in (None, country)]
        if len(candidates) == 1:
            person = candidates[0]
            ref = ActorRef(person.key, person.name, person.country, person.sector)
            added.append((Typed(start, end, text[start:end], "PERSON", ref, "TITLE"), person))
        elif not candidates and country is not None:
            office = office_mention(text[start:end], start, end, role, country, day)
            offices += [office] if office is not None else []
    if not added and not offices:
        return typed, people
    inside = {(t.start, t.end) for t in [*(t for t, _ in added), *offices]}
    kept = [m for m in typed if not any(s <= m.start and m.end <= e for s, e in inside)]
    merged = sorted(kept + [t for t, _ in added] + offices, key=lambda m: (m.start, -m.end))
    by_span = {(t.start, t.end): p for t, p in added}
    old = {(typed[i].start, typed[i].end): p for i, p in people.items()}
    old.update(by_span)
    new_people = {
        i: old[(m.start, m.end)]
        for i, m in enumerate(merged)
        if (m.start, m.end) in old and m.type == "PERSON"
    }
    return merged, new_people


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _before_name(titled: list[tuple[int, int]], end: int, text: str) -> bool:
    """The title is directly followed by a name (then it is that name's title)."""
    gap = len(text[end:]) - len(text[end:].lstrip())
    return any(s == end + gap for s, _ in titled)


def _nominal_titles(text: str, typed: list[Typed]) -> list[tuple[int, int, str, str | None]]:
    """ "the <country word> <role>" or "<country>'s <role>" written without a name:
    (start, end, role, country)."""
    found = []
    lowered = text.lower()
    for mention in typed:
        if mention.type != "COUNTRY":
            continue
        prefix = lowered[max(0, mention.start - 4) : mention.start]
        possessive = text[mention.end : mention.end + 2] in {"'s", "’s"}
        if not (prefix.endswith("the ") or possessive):
            continue  # checked first: most country words are neither
        after = fold(text[mention.end : mention.end + 40].lstrip("'’s "))
        role = next((r for r in roles() if after.startswith(r + " ") or after == r), None)
        if role is None:
            continue
        offset = lowered.find(role.split()[-1], mention.end) + len(role.split()[-1])
        start = mention.start - 4 if prefix.endswith("the ") else mention.start
        found.append((start, offset, role, mention.actor.country))
    return found


def _build(
    typed: list[Typed], people: dict[int, DocPerson], found_roles: dict[int, RoleFound]
) -> list[Mention]:
    mentions = []
    for index, mention in enumerate(typed):
        actor, role = mention.actor, mention.office
        person = people.get(index)
        if mention.type == "PERSON" and person is not None:
            actor = ActorRef(person.key, person.name, person.country, person.sector)
            stated = found_roles.get(index)
            role = stated.role if stated else person.role
        elif mention.type == "PERSON" and mention.label != "TITLE":  # titles: offices.py
            actor = ActorRef("person:" + fold(mention.actor.name), mention.actor.name)
        mentions.append(
            Mention(mention.start, mention.end, mention.text, mention.type, actor, role)
        )
    return mentions
