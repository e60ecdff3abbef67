"""Mention repair: turn spaCy's entities into clean candidate spans.

Fixes the small model's usual faults on news text: spans running over bullets and line
breaks, "X-Y" pairs of names tagged as one, possessives and a leading "the" inside the span,
mentions inside URLs, lowercase URL slugs tagged as names, all-caps names cut short ("KIM
JONG" + "UN"), "Russias Tass" (a possessive without its apostrophe). Mentions spaCy misses
(demonyms, abbreviations such as DPRK, known media and organisations, epithets, "the Russian
foreign ministry") are added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc, Span

from crosswire.actors import countries
from crosswire.actors.agents import agent_of, plural_agents
from crosswire.actors.first_names import sex_of_first_name
from crosswire.actors.keys import fold
from crosswire.actors.lexicon import (
    group_heads,
    known_names,
    known_names_pattern,
    non_state_codes,
    org_heads,
    role_pattern_any_case,
)
from crosswire.actors.regions import regional_bodies
from crosswire.actors.titles import is_title, leading_title, title_before
from crosswire.kb.matcher import kb_spans
from crosswire.nlp import english_nouns

# Up to three lowercase words right after a country word ("Croatian extremists")
# "a", "an" and up to two lowercase modifiers right before a country word
_INDEFINITE = re.compile(r"(?:^|\s)(?:[Aa]n?|[Oo]ne)\s+(?:[a-z-]+\s+){0,2}$")
_HYPHENED = re.compile(r"-[a-z]+\b")  # "rebel-held", "guerrilla-controlled"
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_LOWER_WORDS = re.compile(r"\s+([a-z]+(?:\s+[a-z]+){0,2})\b")
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_URL = re.compile(r"<?(?:https?://|www\.)[^\s>]+>?|<[^\s>]*/[^\s>]*>")
_BREAK = re.compile(r"\s*(?:\n|•|\u2022|\||·)\s*")
_DASH_PAIR = re.compile(r"^([A-Z][\w'’.]+)\s?[-–—]\s?([A-Z][\w'’.]+)$")
_DASH_PAIR_IN_TEXT = re.compile(r"\b([A-Z][a-z]+)[-–—]([A-Z][a-z]+)\b")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE_END = re.compile(r"(?:['’]s|s['’])$")
# An amount or a score the model ran a name into: "fined Apple 1.8 billion euros", "beat
# Inter Milan 2-1" (not a number of the name: "Boeing 737", "Group of 20")
_TRAILING_AMOUNT = re.compile(
    r"\s+(?:[$€£]?\d[\d.,]*\s*(?:billion|million|trillion|thousand|bn|mn)|\d+-\d+)$", re.I
)


@dataclass(slots=True)
class Candidate:
    """A repaired span with the label spaCy (or a repair rule) gave it."""

    start: int
    end: int
    label: str
    origin: str = "ner"  # ner, added, kb

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def url_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of URLs, including a slug wrapped onto the next line."""
    ranges = []
    for match in _URL.finditer(text):
        end = match.end()
        if match.group().endswith("-") or match.group().endswith("->"):
            wrapped = re.match(r"\s*\n\s*[\w./-]+", text[end:])
            end += wrapped.end() if wrapped else 0
        ranges.append((match.start(), end))
    return ranges


def _inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


def _trim(text: str, cand: Candidate) -> Candidate | None:
    """Strip a leading "the", a possessive, surrounding spaces and punctuation, and an
    amount or a score run into the name."""
    span = text[cand.start : cand.end]
    lead = _LEADING_THE.match(span)
    start = cand.start + (lead.end() if lead else 0)
    span = text[start : cand.end]
    end = cand.end
    possessive = _POSSESSIVE_END.search(span)
    if possessive and span[: possessive.start()].strip():
        # "s'" keeps the s ("Philippines'"); "'s" loses both characters
        end = cand.end - (1 if possessive.group()[0] == "s" else 2)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".)":
        end -= 1
    amount = _TRAILING_AMOUNT.search(text[start:end])
    end = start + amount.start() if amount else end
    if end <= start:
        return None
    return Candidate(start, end, cand.label, cand.origin)


def _after_title(text: str, cand: Candidate | None) -> Candidate | None:
    """ "Sen. Warner" -> the person "Warner": a title is no name of its own (nor "Sen."
    Senegal), and the capitalised name written after one is a person."""
    if cand is None:
        return None
    skip = leading_title(cand.text(text))
    if skip and cand.start + skip >= cand.end:
        return None  # the title alone
    start = cand.start + skip
    titled = bool(skip) or title_before(text, start) is not None
    name = text[start : cand.end]
    is_name = name[:1].isupper() and countries.country_code(name) is None
    return Candidate(start, cand.end, "PERSON" if titled and is_name else cand.label, cand.origin)


def _split_breaks(text: str, cand: Candidate) -> list[Candidate]:
    """Cut a span at line breaks and bullets; keep the pieces that hold letters."""
    span = text[cand.start : cand.end]
    pieces, offset = [], cand.start
    for part in _BREAK.split(span):
        index = text.index(part, offset) if part else offset
        if any(ch.isalpha() for ch in part):
            pieces.append(Candidate(index, index + len(part), cand.label, cand.origin))
        offset = index + len(part)
    return pieces


def _split_pair(text: str, cand: Candidate, known_words: set[str]) -> list[Candidate]:
    """ "Lavrov-Kim", "Trump-Kim" -> two mentions when both sides are names known in the doc."""
    span = text[cand.start : cand.end]
    match = _DASH_PAIR.match(span)
    if not match:
        return [cand]
    left, right = match.group(1), match.group(2)
    if not all(_is_known_name(w, known_words) for w in (left, right)):
        return [cand]
    return [
        Candidate(cand.start, cand.start + match.end(1), cand.label, cand.origin),
        Candidate(cand.start + match.start(2), cand.end, cand.label, cand.origin),
    ]


def _is_known_name(word: str, known_words: set[str]) -> bool:
    folded = fold(word)
    return (
        folded in known_words
        or countries.country_code(word) is not None
        or countries.capital_country(word) is not None
        or folded in known_names()
    )


def _split_missing_apostrophe(text: str, cand: Candidate) -> list[Candidate]:
    """ "Russias Tass" -> "Russias" (a country, possessive) + "Tass"."""
    span = text[cand.start : cand.end]
    first, _, rest = span.partition(" ")
    if not rest or not first.endswith("s") or countries.country_code(first[:-1]) is None:
        return [cand]
    rest_start = cand.start + len(first) + 1
    return [
        Candidate(cand.start, cand.start + len(first) - 1, "GPE", cand.origin),
        Candidate(rest_start, cand.end, cand.label, cand.origin),
    ]


def _split_title(text: str, cand: Candidate) -> list[Candidate]:
    """ "Abu Dhabi Crown Prince Mohammed bin Zayed" -> the place "Abu Dhabi" and the person
    "Mohammed bin Zayed": a capitalised title inside a span, with a place before it and a
    name of two words or more after it, splits the span; the title is left to the roles."""
    span = text[cand.start : cand.end]
    for match in role_pattern_any_case().finditer(span):
        before, after = span[: match.start()].strip(), span[match.end() :].strip()
        if not match.group()[:1].isupper() or len(after.split()) < 2 or not after[:1].isupper():
            continue
        if before and not (countries.country_code(before) or countries.city_country(before)):
            continue
        name_start = cand.start + span.index(after, match.end())
        pieces = [Candidate(name_start, name_start + len(after), "PERSON", cand.origin)]
        if before:
            pieces.insert(0, Candidate(cand.start, cand.start + len(before), "GPE", cand.origin))
        return pieces
    return [cand]


def _name_words(doc: Doc) -> set[str]:
    """Folded words of every capitalised PERSON entity: evidence for splitting name pairs."""
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            words.update(fold(w) for w in re.split(r"[\s\-–—]+", ent.text) if w[:1].isupper())
    return words


def repaired_entities(doc: Doc, text: str) -> list[Candidate]:
    """spaCy's entities after the repairs, plus the mentions it missed, in text order."""
    urls = url_ranges(text)
    known_words = _name_words(doc)
    found: list[Candidate] = []
    for ent in (part for whole in doc.ents for part in _around_predicate(whole)):
        label = "PERSON" if _named_after_title(ent) else ent.label_
        if label not in ENTITY_LABELS or _common_word_opening(ent, label):
            continue
        for piece in _split_breaks(text, Candidate(ent.start_char, ent.end_char, label)):
            trimmed = _after_title(text, _trim(text, piece))
            if trimmed is None:
                continue
            for pair in _split_pair(text, trimmed, known_words):
                for piece in _split_missing_apostrophe(text, pair):
                    found.extend(_split_title(text, piece))
    found = [c for c in found if _keep(text, c, urls)]
    found = _surnames_as_people(doc, text, found)
    found = _extend_caps_names(text, found)
    found = _join_place_surnames(doc, text, found)
    found += _added_mentions(doc, text, found, urls)
    found = _with_kb_names(text, found, urls)
    found = _extend_state_bodies(doc, text, found)
    found += _national_branches(text, found)
    # "the Ontario government": the region's body, whether or not spaCy tagged the region
    found += [Candidate(start, end, "ORG", "added") for start, end, _ in regional_bodies(text)]
    return sorted(_dedupe(found), key=lambda c: (c.start, -c.end))


def _around_predicate(ent: Span) -> list[Span]:
    """An entity the model ran over its sentence's main verb, as headlines in title case
    lead it to ("Biden Meets Xi"): the names on either side of the verb."""
    verbs = [t for t in ent if t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"}]
    if not verbs:
        return [ent]
    verb = verbs[0]
    parts = [ent.doc[ent.start : verb.i], ent.doc[verb.i + 1 : ent.end]]
    return [Span(ent.doc, p.start, p.end, label=ent.label_) for p in parts if len(p)]


def _common_word_opening(ent: Span, label: str) -> bool:
    """A sentence's first word, capitalised only for being first, that the model took for a
    person ("Arson is suspected in the burning of the church"): a common noun of English,
    no known first name, place or leader's surname, and no word of another person named in
    the document."""
    if label != "PERSON" or len(ent) != 1 or not ent[0].is_sent_start:
        return False
    word = ent.text.lower()
    if word not in english_nouns() or sex_of_first_name(ent.text) is not None:
        return False
    if countries.country_code(ent.text) or countries.city_country(ent.text):
        return False  # "Jordan condemned the decision": a country tagged a person
    if countries.is_leader_surname(ent.text):
        return False
    others = [e for e in ent.doc.ents if e.label_ == "PERSON" and e.start != ent.start]
    return not any(word in (w.lower_ for w in other) for other in others)


def _national_branches(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "the Pakistani Taliban": a country word right before an organisation's name is one
    organisation mention (classify gives it the word's country and the body's sector)."""
    ordered = sorted(found, key=lambda c: (c.start, -c.end))
    joined = []
    for first, second in pairwise(ordered):
        if first.label not in {"NORP", "GPE"} or second.label not in {"ORG", "GROUP"}:
            continue
        if text[first.end : second.start] != " " or " " in first.text(text).strip():
            continue
        if countries.country_code(first.text(text)):
            joined.append(Candidate(first.start, second.end, "ORG", "added"))
    return joined


def _keep(text: str, cand: Candidate, urls: list[tuple[int, int]]) -> bool:
    span = text[cand.start : cand.end]
    if _inside(urls, cand.start, cand.end):
        return False
    # proper names are capitalised; an all-lowercase "name" is a slug or a tagging slip
    return any(ch.isupper() for ch in span) or span.lower() in countries.epithets()


def _extend_caps_names(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "KIM JONG" + "UN": join an all-caps PERSON with the all-caps word right after it when
    the joined name is written as a person elsewhere in the document; the swallowed word
    (tagged "UN", an organisation) is dropped."""
    people = {fold(c.text(text)) for c in found if c.label == "PERSON"}
    swallowed: list[tuple[int, int]] = []
    result: list[Candidate] = []
    for cand in found:
        span = cand.text(text)
        if cand.label == "PERSON" and span.isupper():
            after = re.match(r" ([A-Z][A-Z'-]*)\b", text[cand.end : cand.end + 20])
            if after and fold(span + " " + after.group(1)) in people:
                swallowed.append((cand.end, cand.end + after.end()))
                cand = Candidate(cand.start, cand.end + after.end(), "PERSON", cand.origin)
        result.append(cand)
    return [c for c in result if not _inside(swallowed, c.start, c.end)]


def _join_place_surnames(doc: Doc, text: str, found: list[Candidate]) -> list[Candidate]:
    """ "Pedro" + "Toledo": a person's name cut before a surname that is also a place
    ("Superintendent Pedro Toledo urged ..."), which the parser still reads as one name (the
    person's last word a compound of the place word): one person, the place dropped."""
    ordered = sorted(found, key=lambda c: (c.start, -c.end))
    joined: dict[int, Candidate] = {}
    swallowed: set[int] = set()
    for first, second in pairwise(ordered):
        if first.label != "PERSON" or second.label != "GPE" or id(first) in swallowed:
            continue
        if text[first.end : second.start] != " " or " " in second.text(text):
            continue
        if countries.country_code(second.text(text)) is not None:
            continue
        name, place = doc.char_span(first.start, first.end), doc.char_span(second.start, second.end)
        if name is None or place is None or name[-1].dep_ != "compound":
            continue
        if name[-1].head.i == place.root.i:
            joined[id(first)] = Candidate(first.start, second.end, "PERSON", first.origin)
            swallowed.add(id(second))
    return [joined.get(id(c), c) for c in found if id(c) not in swallowed]


def _added_mentions(
    doc: Doc, text: str, found: list[Candidate], urls: list[tuple[int, int]]
) -> list[Candidate]:
    """Known media/organisation names, epithets and country words that spaCy left untagged."""
    covered = [(c.start, c.end) for c in found]
    added: list[Candidate] = []
    known_people = _name_words(doc)

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in covered) and not _inside(urls, start, end)

    def only_inside(start: int, end: int) -> bool:
        """Every span it meets lies inside it: "UN refugee agency" over spaCy's "UN" (the
        shorter mention is dropped as nested, mentions.py)."""
        met = [(s, e) for s, e in covered if s < end and start < e]
        return bool(met) and all(start <= s and e <= end and e - s < end - start for s, e in met)

    for match in known_names_pattern().finditer(text):
        start, end = match.start(), match.end()
        if free(start, end) or (only_inside(start, end) and not _inside(urls, start, end)):
            added.append(Candidate(start, end, "ORG", "added"))
            covered.append((start, end))
    for match in _DASH_PAIR_IN_TEXT.finditer(text):
        left, right = match.group(1), match.group(2)
        if free(match.start(), match.end()) and all(fold(w) in known_people for w in (left, right)):
            added.append(Candidate(match.start(1), match.end(1), "PERSON", "added"))
            added.append(Candidate(match.start(2), match.end(2), "PERSON", "added"))
            covered.append((match.start(), match.end()))
    for epithet in countries.epithets():
        for match in re.finditer(r"\b" + re.escape(epithet) + r"\b", text, re.IGNORECASE):
            if free(match.start(), match.end()):
                added.append(Candidate(match.start(), match.end(), "GPE", "added"))
                covered.append((match.start(), match.end()))
    surnames = _surnames(doc)
    for token in doc:
        if token.ent_type_ or not token.text[:1].isupper():
            continue  # spaCy's other labels (LANGUAGE: "in English") are not countries
        if (token.is_stop and not token.text.isupper()) or is_title(token.text):
            continue
        start, end = token.idx, token.idx + len(token.text)
        if not free(start, end):
            continue
        if countries.country_code(token.text):
            added.append(Candidate(start, end, "NORP", "added"))
            covered.append((start, end))
        elif token.text in surnames:
            # "Timmons, who was arrested ...": the surname of a person the article names
            # in full ("Jermayne Timmons"), read as a common noun where it opens a sentence
            added.append(Candidate(start, end, "PERSON", "added"))
            covered.append((start, end))
    return added


def _named_after_title(ent: Span) -> bool:
    """ "Capt. Tennant", which the model may label a product: a name in capitals with an
    abbreviated title of a person written right before it, or as its first word."""
    words = [t for t in ent if not is_title(t.text)]
    titled = (ent.start > 0 and is_title(ent.doc[ent.start - 1].text)) or is_title(ent[0].text)
    return titled and bool(words) and all(t.text[:1].isupper() and t.is_alpha for t in words)


def _surnames_as_people(doc: Doc, text: str, found: list[Candidate]) -> list[Candidate]:
    """ "LaCalamita shot Riva": a name the model took for an organisation or a place that
    is a first name and a surname ("Paul Riva"), or the surname alone of a person the
    article names in full, is that person; a country's name stays a country."""
    people = [c for c in found if c.label == "PERSON" or _first_and_last(c.text(text))]
    surnames = {_surname(c.text(text)) for c in people if " " in c.text(text)} - {None}
    surnames |= _surnames(doc)

    def person(c: Candidate) -> bool:
        written = c.text(text)
        if c.label not in {"ORG", "GPE", "LOC"} or countries.country_code(written):
            return False
        return _first_and_last(written) or written in surnames

    return [replace(c, label="PERSON") if person(c) else c for c in found]


def _first_and_last(written: str) -> bool:
    """Two capitalised words, the first a first name that says its bearer's sex ("Paul
    Riva"; not "Wells Fargo", whose first word is no such name)."""
    words = written.split()
    return (
        len(words) == 2
        and all(w.isalpha() and w[:1].isupper() and not w.isupper() for w in words)
        and sex_of_first_name(words[0]) is not None
    )


def _surname(written: str) -> str | None:
    last = written.split()[-1]
    return last if last.isalpha() and last[:1].isupper() and not last.isupper() else None


def _surnames(doc: Doc) -> set[str]:
    """The last words, as written, of the names of people spaCy found written in full."""
    return {
        last
        for ent in doc.ents
        if ent.label_ == "PERSON" and len(ent) > 1
        for last in [_surname(ent.text)]
        if last is not None
    }


def _with_kb_names(
    text: str, found: list[Candidate], urls: list[tuple[int, int]]
) -> list[Candidate]:
    """Names of the knowledge base spaCy did not tag ("Kim Il Sung"): added where no
    candidate overlaps them, or in place of the candidates they wholly cover (spaCy's "Kim"
    of "Kim Il Sung"); a longer or crossing spaCy span is kept as it is."""
    for match in kb_spans(text):
        if _inside(urls, match.start, match.end):
            continue
        overlapping = [c for c in found if c.start < match.end and match.start < c.end]
        covered = all(
            match.start <= c.start
            and c.end <= match.end
            and (c.start, c.end) != (match.start, match.end)
            for c in overlapping
        )
        if overlapping and not covered:
            continue
        found = [c for c in found if c not in overlapping]
        found.append(Candidate(match.start, match.end, match.label, "kb"))
    return found


def _extend_state_bodies(doc: Doc, text: str, found: list[Candidate]) -> list[Candidate]:
    """ "the Russian foreign ministry", "Israeli troops": a country word followed by the head
    of a state body becomes an organisation mention (spaCy tags only the demonym); followed
    by people the agents table knows ("Croatian extremists"), a group."""
    result = []
    for cand in [_whole_country_word(text, c) for c in found]:
        name = cand.text(text)
        # the small model tags a lone demonym as a person too ("Ugandan opposition")
        if cand.label in {"NORP", "GPE", "PERSON"} and countries.country_code(name):
            body = _state_body_after(text, cand.end)
            people = None if body else _agent_after(text, cand.end, _indefinite(text, cand), doc)
            if people and _has_verb(doc, cand.end, cand.end + people[0]):
                people = None  # "Israel sent troops": a clause, not "Israeli troops"
            if body:
                label = "GROUP" if body[1] in group_heads() else "ORG"
                result.append(Candidate(cand.start, cand.end + body[0], label, "added"))
            elif people:
                result.append(Candidate(cand.start, cand.end + people[0], "GROUP", "added"))
        elif (
            _one_name_word(cand, name)
            and (people := _agent_after(text, cand.end, False, doc))
            and _one_noun_phrase(doc, cand.start, cand.end + people[0])
        ):
            # "Muslim clerics", "Karen guerrillas", "Darfur refugees": a faith, a people or a
            # place qualifying the agents after it
            result.append(Candidate(cand.start, cand.end + people[0], "GROUP", "added"))
        elif cand.label in {"ORG", "GPE", "NORP"} and _international_body(name):
            # "NATO troops", "UN peacekeepers": people serving an international body (the
            # small model tags "AU" a place)
            body = _state_body_after(text, cand.end)
            if body and body[1] in group_heads():
                result.append(Candidate(cand.start, cand.end + body[0], "GROUP", "added"))
        elif cand.label in {"GPE", "ORG"} and countries.capital_country(name):
            # "the Khartoum government": a capital standing for its state's body
            body = _state_body_after(text, cand.end)
            if body and body[1] in org_heads():
                result.append(Candidate(cand.start, cand.end + body[0], "ORG", "added"))
        result.append(cand)
    return result


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    """Whether a verb stands among the words at start..end (the parse's tags)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in {"VERB", "AUX"} for t in span)


def _one_name_word(cand: Candidate, name: str) -> bool:
    """A people's or faith's word ("Muslim"), or one capitalised word the model took for a
    person or a place ("Karen", "Darfur"): what may qualify the agents after it."""
    if cand.label == "NORP":
        return True
    return cand.label in {"PERSON", "GPE", "LOC"} and name.isalpha() and name[:1].isupper()


def _one_noun_phrase(doc: Doc, start: int, end: int) -> bool:
    """Every word of the span but its last modifies a word inside it ("Karen guerrilla",
    "Darfur refugees"), so the span is one noun phrase, not "Ivanov later met students"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return False
    return all(t.dep_ in _MODIFIER_DEPS and span.start <= t.head.i < span.end for t in span[:-1])


def _international_body(name: str) -> bool:
    """A known international organisation (organisations.yaml: the UN, NATO, the AU)."""
    known = known_names().get(fold(name))
    return known is not None and known.kind == "ORG" and known.country in non_state_codes()


def _whole_country_word(text: str, cand: Candidate) -> Candidate:
    """ "Sierra" + "Leonean": a span the model cut inside a two-word country word, when the
    span alone is none, grows by the next capitalised word."""
    following = re.match(r" ([A-Z][a-z]+)\b", text[cand.end : cand.end + 30])
    if following is None or countries.country_code(cand.text(text)) is not None:
        return cand
    if countries.country_code(f"{cand.text(text)} {following.group(1)}") is None:
        return cand
    return Candidate(cand.start, cand.end + following.end(), "NORP", cand.origin)


def _state_body_after(text: str, end: int) -> tuple[int, str] | None:
    """Length and head words of a state body written right after a country word."""
    window = text[end : end + 40]
    window = re.sub(r"^(?:['’]s|s['’]?)(?=\s)", lambda m: " " * len(m.group()), window)
    match = _body_heads().match(window.lower())
    return (match.end(), " ".join(match.group(1).split())) if match else None


@cache
def _body_heads() -> re.Pattern[str]:
    """The heads of state bodies and groups, longest first, as one pattern."""
    heads = sorted([*org_heads(), *group_heads()], key=len, reverse=True)
    alternatives = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
    return re.compile(r"\s+(" + alternatives + r")\b")


def _indefinite(text: str, cand: Candidate) -> bool:
    """ "a senior British minister": one unnamed member of a sector, no office's holder."""
    return _INDEFINITE.search(text[max(0, cand.start - 40) : cand.start]) is not None


def _agent_after(
    text: str, end: int, indefinite: bool = False, doc: Doc | None = None
) -> tuple[int, str] | None:
    """Length and phrase of the people a country word qualifies, from the agents table:
    "Turkish refugees", "Somali pirates" (plural phrases: "the Iraqi prime minister" is one
    person, whom the actors stage resolves as such, unless indefinite: "a British minister" is
    one unnamed member of the sector, or the singular qualifies a noun after it: "a Cambodian
    refugee camp", "Kampuchean guerrilla bases", "Albanian rebel-held villages" are the
    group's; lowercase words only: a capitalised word after a demonym is a name). The people
    are the last word of the phrase, after its modifiers ("French paper workers"); the
    longest span wins."""
    match = _LOWER_WORDS.match(text, end)
    if match is None:
        return None
    words = match.group(1).split()
    for n in range(len(words), 0, -1):
        # the phrase ends the words ("paper workers": the head "workers" with its modifier)
        found = agent_of(words[:n])
        if found is None or not found.sector:
            continue
        length = re.match(r"\s+" + r"\s+".join(map(re.escape, words[:n])), text[end:])
        if length is None:
            return None
        plural = found.phrase in plural_agents()
        if indefinite or plural or _qualifies_a_noun(doc, text, end + length.end()):
            return length.end(), found.phrase
        return None  # one person ("rebel leader X"): no shorter phrase inside is the group
    return None


def _qualifies_a_noun(doc: Doc | None, text: str, end: int) -> bool:
    """The word ending at `end` modifies a noun after it ("refugee camp", "rebel-held"),
    so it names the group the noun belongs to, not one office holder."""
    if _HYPHENED.match(text, end):
        return True
    if doc is None:
        return False
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None:
        return False
    token = span[-1]
    return (
        token.dep_ in _MODIFIER_DEPS
        and token.head.i > token.i
        and token.head.pos_ == "NOUN"  # a name after it: the title of that person
        and agent_of([fold(token.head.text)]) is None
    )


def _dedupe(found: list[Candidate]) -> list[Candidate]:
    """Drop exact duplicates; nested spans are kept (an organisation and its country word)."""
    seen: set[tuple[int, int]] = set()
    unique = []
    for cand in found:
        if (cand.start, cand.end) not in seen:
            seen.add((cand.start, cand.end))
            unique.append(cand)
    return unique
