"""The parse-based coder: predicates and event nouns matched against the pattern files,
with actors, place, time, negation and modality taken from the same sentence's structure."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from crosswire.actors.countries import country_code, country_name
from crosswire.actors.keys import fold
from crosswire.actors.lexicon import group_heads, roles
from crosswire.events.patterns import (
    Pattern,
    agents,
    frames,
    modality,
    noun_patterns,
    verb_patterns,
)
from crosswire.model import ActorRef, Article, Attribution, EventMention, Mention, Place, TimeExpr
from crosswire.nlp import MAX_CLIMB
from crosswire.timex.values import calendar_day

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
CLAUSES = {"ccomp", "advcl", "relcl", "parataxis", "acl", "xcomp", "conj"}
PLACE_PREPS = {"in", "at", "near", "outside", "inside"}
PHONE_WORDS = {"telephone", "phone", "call", "video", "videoconference", "videolink"}
ACTOR_TYPES = {"PERSON", "ORG", "COUNTRY", "GROUP", "MEDIA"}
# Links from a complement up to the predicate whose content it is ("agreed to resign",
# "called for sanctions to be lifted", "rejected a proposal for signing")
CONTENT_LINKS = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl", "oprd", "advcl"}


@dataclass
class Context:
    """What the coder knows about one article while coding its sentences."""

    doc: Doc
    article: Article
    mentions: list[Mention]
    starts: list[int]
    times: list[TimeExpr]
    attributions: list[Attribution]

    def mention_at(self, token: Token) -> Mention | None:
        i = bisect_right(self.starts, token.idx) - 1
        if i >= 0 and self.mentions[i].start <= token.idx < self.mentions[i].end:
            return self.mentions[i]
        return None

    def previous_person(self, token: Token) -> Mention | None:
        i = bisect_right(self.starts, token.idx) - 1
        while i >= 0:
            if self.mentions[i].type == "PERSON":
                return self.mentions[i]
            i -= 1
        return None


def code_events(
    doc: Doc,
    article: Article,
    mentions: list[Mention],
    times: list[TimeExpr],
    attributions: list[Attribution],
) -> list[EventMention]:
    """Zero or more coded events per sentence of `doc` (the parse of `article.text`)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    context = Context(doc, article, ordered, [m.start for m in ordered], times, attributions)
    events: list[EventMention] = []
    for sentence in doc.sents:
        events.extend(_code_sentence(sentence, context))
    return events


def _code_sentence(sentence: Span, context: Context) -> list[EventMention]:
    found: list[tuple[Token, EventMention]] = []
    claimed: set[int] = set()  # nouns that belong to a verb's event ("held talks")
    for token in sentence:
        if token.pos_ in {"VERB", "AUX"} and _verb_lemma(token) in verb_patterns():
            event = _code_verb(token, sentence, context, claimed)
            if event:
                found.append((token, event))
    for token in sentence:
        if token.i in claimed or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        if token.lemma_.lower() in noun_patterns() or token.lower_ in noun_patterns():
            event = _code_noun(token, sentence, context)
            if event:
                found.append((token, event))
    found = _obligations(sentence, context, found)
    return [_appeal_code(token, event) for token, event in _absorb_content(found)]


def _appeal_code(token: Token, event: EventMention) -> EventMention:
    """CAMEO tells an appeal ("urged", "called for", "asked": 02x) from a demand
    ("demanded", "must": 10x) with the same content digits; PLOVER's REQUEST is both."""
    lemma = token.lemma_.lower() if token.pos_ in {"NOUN", "PROPN"} else _verb_lemma(token)
    appeal = lemma in modality()["appeal_verbs"]
    if event.type == "REQUEST" and appeal and event.cameo and event.cameo.startswith("10"):
        event.cameo = "02" + event.cameo[2:]
    return event


# ------------------------------------------------------------------ content of speech acts


def _absorb_content(found: list[tuple[Token, EventMention]]) -> list[tuple[Token, EventMention]]:
    """An event inside the content of an AGREE/REQUEST/REJECT/THREATEN/ACCUSE predicate
    ("agreed to resign", "urged X to lift", "refused to meet") is what was promised,
    asked, refused or alleged, not a second event: it gives the governing event its mode
    and CAMEO code and is dropped (one event per predicate)."""
    by_token = {token.i: event for token, event in found}
    content_types = modality()["content_codes"]
    kept: list[tuple[Token, EventMention]] = []
    for token, event in found:
        governor = _content_governor(token, by_token, content_types)
        if governor is None:
            kept.append((token, event))
            continue
        if governor.mode is None or governor.cameo in {"030", "100", "120", "130"}:
            code = content_types[governor.type].get(event.type)
            if code:
                governor.mode, governor.cameo = code.get("mode", governor.mode), code["cameo"]
        if governor.target is None:
            # "urged X to lift" -> X; "offered to negotiate with Y" (same actor) -> Y
            same = event.source is None or event.source == governor.source
            governor.target = event.target if same else event.source
            if governor.target is not None and governor.target not in governor.participants:
                governor.participants.append(governor.target)
    return kept


def _content_governor(
    token: Token, by_token: dict[int, EventMention], content_types: dict[str, object]
) -> EventMention | None:
    """The nearest content-taking event above `token` through complement links."""
    current = token
    for _ in range(4):
        if current.dep_ not in CONTENT_LINKS or current.head.i == current.i:
            return None
        current = current.head
        event = by_token.get(current.i)
        if event is not None:
            return event if event.type in content_types else None
    return None


def _obligations(
    sentence: Span, context: Context, found: list[tuple[Token, EventMention]]
) -> list[tuple[Token, EventMention]]:
    """ "X said Y must/should do Z": a demand by X on Y (REQUEST), from the parse alone. A
    coded Z ("must release") is the demand's content: it sets the mode and is dropped."""
    cues = modality()["obligation_auxiliaries"]
    coded = {token.i: event for token, event in found}
    for token in sentence:
        if token.pos_ != "VERB" or token.dep_ != "ccomp":
            continue
        if not any(c.dep_ == "aux" and c.lower_ in cues for c in token.children):
            continue
        speakers, _ = _arguments(token.head, context)
        addressees, _ = _arguments(token, context)
        if not speakers or not addressees:
            continue
        pattern = Pattern(lemma=token.lemma_, type="REQUEST", example="", cameo="100")
        event = _build(token, pattern, sentence, context, speakers, addressees, [], [token])
        if event is None:
            continue
        event.modality, event.negated = "asserted", False
        content = coded.get(token.i)
        if content is not None:
            code = modality()["content_codes"]["REQUEST"].get(content.type, {})
            event.mode, event.cameo = code.get("mode"), code.get("cameo", "100")
            found = [(t, e) for t, e in found if t.i != token.i]
        found.append((token, event))
    return found


# ------------------------------------------------------------------ verbs


def _verb_lemma(token: Token) -> str:
    """The lemma, or a regular-inflection guess where the small model's lemmatizer slips
    ("dined" -> "din"): the pattern files are keyed by real lemmas."""
    lemma = token.lemma_.lower()
    if lemma in verb_patterns():
        return lemma
    word = token.lower_
    if word in frames()["irregular_pasts"]:
        return str(frames()["irregular_pasts"][word])
    for suffix, replacement in (
        ("ied", "y"),
        ("ed", "e"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ing", "e"),
        ("ing", ""),
    ):
        if (
            word.endswith(suffix)
            and (guess := word[: -len(suffix)] + replacement) in verb_patterns()
        ):
            return guess
    return lemma


def _code_verb(
    verb: Token, sentence: Span, context: Context, claimed: set[int]
) -> EventMention | None:
    for pattern in verb_patterns()[_verb_lemma(verb)]:
        event = _try_verb_pattern(verb, pattern, sentence, context)
        if event is not None:
            obj = _direct_object(verb)
            if obj is not None:
                claimed.add(obj.i)
            claimed.update(
                t.i for t in verb.subtree if t.lemma_.lower() in noun_patterns() and t.head == verb
            )
            return event
    return None


def _try_verb_pattern(
    verb: Token, pattern: Pattern, sentence: Span, context: Context
) -> EventMention | None:
    obj = _direct_object(verb)
    if pattern.object and (obj is None or not _object_matches(obj, pattern.object)):
        return None
    if pattern.particle and not any(
        c.dep_ == "prt" and c.lower_ == pattern.particle for c in verb.children
    ):
        return None
    if pattern.transitive and obj is None:
        return None
    patient = obj or next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS), None)
    if patient is not None and pattern.object_not and _object_matches(patient, pattern.object_not):
        return None  # "met its commitments", "their demands are met"
    if _states_an_opinion(verb):
        return None
    if pattern.requires_phone and not any(
        t.lower_ in PHONE_WORDS for t in verb.subtree if t.i != verb.i
    ):
        return None
    if (
        pattern.requires_content
        and not any(c.dep_ == "prep" and c.lower_ in pattern.content_preps for c in verb.children)
        and not any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children)
    ):
        return None
    passive = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS), None)
    if pattern.object_types and not _object_is_actor(obj or passive, pattern, context):
        return None
    subjects, objects = _arguments(verb, context)
    targets = list(objects) if not pattern.object else []
    heads = [verb] + ([obj] if pattern.object and obj is not None else [])
    recipients: list[ActorRef] = []
    for head in heads:
        for prep in head.children:
            if prep.dep_ in {"prep", "dative"} and prep.lower_ in pattern.target_preps:
                recipients += _actors_under(prep, context)
            elif prep.dep_ == "dative" and prep.pos_ in {"NOUN", "PROPN"}:
                recipients += _actors_of(prep, context)  # "gave Vietnam a loan"
    if recipients and all(t.key.startswith("agent:") for t in targets):
        # "offered its troops to Lebanon": the unnamed object is what is given or moved,
        # the prepositional actor is the one it is done to
        targets = recipients + targets
    else:
        targets += recipients
    places = _places(verb, context, heads)
    if pattern.mode == "visit" and not pattern.host and _goes_home(verb):
        return None  # "flew home to Washington" is no visit
    own = [p for p in _places(verb, context, [verb], direct=True) if p.country]
    if not targets and pattern.mode == "visit" and not pattern.host and own:
        targets = [_country_actor(own[0])]
    if pattern.requires_target and not targets:
        return None
    return _build(verb, pattern, sentence, context, subjects, targets, places, heads)


def _states_an_opinion(verb: Token) -> bool:
    """'agreed in an interview that Putin was a killer': one actor's agreement with a
    proposition is an opinion, not an accord (no "to", "with" or "on" complement)."""
    if verb.lemma_.lower() not in modality()["opinion_verbs"]:
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    complements = [
        c
        for c in verb.children
        if c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in {"with", "on", "to", "upon"})
    ]
    # "The Philippines and France agree that ...": parties agreeing together is an accord
    together = any(c.dep_ in SUBJECTS and list(c.conjuncts) for c in verb.children)
    return bool(clauses) and not complements and not together


def _goes_home(verb: Token) -> bool:
    return any(
        c.lower_ in frames()["homeward"] and c.dep_ in {"advmod", "npadvmod", "prt"}
        for c in verb.children
    )


def _object_matches(obj: Token, words: tuple[str, ...]) -> bool:
    """The object's head word, or its compound ("war games", "peacekeeping force"), or the
    thing inside a container noun ("tons of food aid", "part of a military aid program")."""
    for head in (obj, _contained(obj)):
        if head is None:
            continue
        compounds = [c.lemma_.lower() for c in head.children if c.dep_ == "compound"]
        lemma = head.lemma_.lower()
        phrase = " ".join([*compounds[-1:], lemma])
        if {lemma, head.lower_, phrase} & set(words) or set(compounds) & set(words):
            return True
    return False


def _contained(token: Token) -> Token | None:
    """'tons of aid' -> aid: the 'of' object of a quantity or container noun."""
    if token.lower_ not in agents()["quantities"]:
        return None
    return next(
        (
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )


def _object_is_actor(obj: Token | None, pattern: Pattern, context: Context) -> bool:
    """The direct object names an actor of an allowed type (a generic agent is a PERSON/GROUP)."""
    if obj is None:
        return False
    mention = context.mention_at(obj)
    if mention is not None:
        return mention.type in pattern.object_types
    generic = _generic_actor(obj, context) is not None
    return generic and bool({"PERSON", "GROUP"} & set(pattern.object_types))


def _direct_object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)


def _arguments(verb: Token, context: Context) -> tuple[list[ActorRef], list[ActorRef]]:
    """(subjects, objects) as actors, passives turned round: 'X was met by Y' -> ([Y], [X])."""
    subject_tokens = [t for c in verb.children if c.dep_ in SUBJECTS for t in _undated_subject(c)]
    passive = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS]
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not passive:
        passive = [verb.head]  # "citizens abducted by North Korea": the noun is the patient
    if not subject_tokens and not passive:
        subject_tokens = _inherited_subject(verb)
    obj = _direct_object(verb)
    subjects = [a for t in subject_tokens + agents for a in _actors_of(t, context)]
    objects = [a for t in passive for a in _actors_of(t, context)]
    if obj is not None:
        objects += _actors_of(obj, context)
    return _unique(subjects), _unique(objects)


def _dateline(token: Token) -> bool:
    """'GENEVA (Meridian Wire) - Putin and Biden agreed': the upper-case place opening a
    wire story is where it was filed, never the subject the parser may take it for."""
    return token.is_upper and len(token.text) > 1 and token.i - token.sent.start < 3


def _undated_subject(subject: Token) -> list[Token]:
    """A dateline parsed as the subject hands over to the names set beside it."""
    if not _dateline(subject):
        return [subject]
    return [
        a
        for a in subject.children
        if a.dep_ in {"appos", "conj"} and a.i > 0 and a.nbor(-1).text != "(" and not _dateline(a)
    ]


def _inherited_subject(verb: Token, depth: int = 0) -> list[Token]:
    """The subject of 'urged X to lift' (X), of 'planned to meet', of 'met and talked', of
    'opened fire, killing one and arresting 12' and of 'a declaration demanding ...'."""
    head = verb.head
    if depth > 3 or head.i == verb.i:
        return []
    found: list[Token] = []
    if verb.dep_ == "xcomp":
        objects = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
        if objects:
            return objects
        found = [c for c in head.children if c.dep_ in SUBJECTS]
        if not found and head.dep_ in {"acomp", "xcomp"} and head.head.i != head.i:
            # "Israel is prepared [to impose]": the adjective's clause holds the subject
            return [c for c in head.head.children if c.dep_ in SUBJECTS]
    elif verb.dep_ == "advcl" and verb.tag_ == "VBN":
        return []  # "Asked whether ..., Biden said": the main subject was asked, not asking
    elif verb.dep_ in {"conj", "advcl"}:
        found = [c for c in head.children if c.dep_ in SUBJECTS]
    elif verb.dep_ == "acl" and head.dep_ in {"dobj", "obj"}:
        # "issued a declaration demanding ...": the issuer demands
        return [c for c in head.head.children if c.dep_ in SUBJECTS]
    else:
        return []
    if not found and head.pos_ in {"VERB", "AUX"}:
        return _inherited_subject(head, depth + 1)
    return found


def _actors_of(token: Token, context: Context) -> list[ActorRef]:
    """The actors a noun phrase names: its mention, its conjuncts, its apposition."""
    found: list[ActorRef] = []
    for head in [token, *(c for c in token.conjuncts if not _dateline(c))]:
        actor = _actor_of_head(head, context)
        if actor is not None:
            found.append(actor)
    return found


def _actor_of_head(token: Token, context: Context) -> ActorRef | None:
    if token.lower_ in frames()["pronouns"]:
        return _antecedent(token, context)
    named_by = {"appos", "compound", "nmod"}  # "the Hizbollah group": the name is a modifier
    for candidate in [token, *(c for c in token.children if c.dep_ in named_by)]:
        mention = context.mention_at(candidate)
        if mention is not None and _bare_demonym(mention, candidate):
            continue  # "Ugandan [candidates]": a modifier, not a person
        if mention is not None and mention.type in ACTOR_TYPES | {"PLACE"}:
            if mention.type == "PLACE":
                return (
                    _country_actor(Place(mention.actor.name, mention.actor.country))
                    if mention.actor.country
                    else None
                )
            return mention.actor
    named = _person_in_phrase(token, context)
    return named.actor if named else _generic_actor(token, context)


def _antecedent(pronoun: Token, context: Context) -> ActorRef | None:
    """A pronoun in a reported or dependent clause is the reporting clause's subject
    ("Syria says it will ...", "Iraq renewed its demand ..."); he/she/his otherwise fall
    back to the previous person named."""
    clause = pronoun.head
    if pronoun.dep_ == "poss":
        for _ in range(MAX_CLIMB):  # bounded: a climb over a parse always ends
            if clause.pos_ in {"VERB", "AUX"} or clause.head.i == clause.i:
                break
            clause = clause.head
    for _ in range(4):
        for subject in (c for c in clause.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS):
            if subject.i == pronoun.i or pronoun in subject.subtree:
                continue
            if subject.lower_ in frames()["pronouns"]:
                continue
            actors = _actors_of(subject, context)
            if actors:
                return actors[0]
        if clause.dep_ not in {"ccomp", "xcomp", "advcl", "conj", "relcl"}:
            break
        clause = clause.head
    if pronoun.lower_ in frames()["person_pronouns"]:
        previous = context.previous_person(pronoun)
        return previous.actor if previous else None
    return None


def _person_in_phrase(token: Token, context: Context) -> Mention | None:
    """'the Chairman of the State Affairs Commission Kim Jong Un': the person the phrase names."""
    for inner in token.subtree:
        if inner.dep_ in CLAUSES and inner.i != token.i:
            return None
        mention = context.mention_at(inner)
        if mention is not None and mention.type == "PERSON" and not _bare_demonym(mention, inner):
            return mention
    return None


def _generic_actor(token: Token, context: Context) -> ActorRef | None:
    """'the Egyptian president', 'police', 'thousands of farmers': an actor by its kind,
    keyed by country and sector (all Egyptian government actors are one participant)."""
    if token.lower_ in agents()["quantities"]:
        nested = [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if nested:
            return _generic_actor(nested[0], context)
    word = fold(token.text)
    sector = group_heads().get(word) or roles().get(word) or agents()["agents"].get(word)
    country = _modifier_country(token, context)
    if sector is None and (country is None or token.tag_ not in {"NNS", "NNPS"}):
        # an unknown plural with a country on it ("Ugandan opposition candidates") is
        # still that country's people; anything else unknown is no actor
        return None
    modifiers = [c.text for c in token.children if c.dep_ in {"amod", "compound"} and c.i < token.i]
    name = " ".join([*modifiers, token.text])
    return ActorRef(
        key=f"agent:{country or 'XXX'}:{sector or '-'}", name=name, country=country, sector=sector
    )


def _modifier_country(token: Token, context: Context) -> str | None:
    """The country named on a generic agent: 'Egyptian police', 'police of Kenya'."""
    for child in token.children:
        targets = [child] if child.dep_ in {"amod", "compound", "poss", "nmod"} else []
        if child.dep_ == "prep" and child.lower_ in {"of", "from", "in", "at"}:
            # "police of Kenya", "journalists at Sudan's main newspaper"
            objects = [g for g in child.children if g.dep_ == "pobj"]
            targets = objects + [
                m for g in objects for m in g.children if m.dep_ in {"poss", "amod", "compound"}
            ]
        for target in targets:
            mention = context.mention_at(target)
            if mention is not None and mention.actor.country:
                return mention.actor.country
            if target.dep_ in {"amod", "compound"} and (code := _demonym(target)):
                return code
    return None


def _demonym(token: Token) -> str | None:
    """The country of a nationality adjective the actors stage left without one
    ("Sierra Leonean", "Panamanian")."""
    words = " ".join(t.text for t in token.subtree)
    return country_code(words) or (country_code(token.text) if words != token.text else None)


def _bare_demonym(mention: Mention, token: Token) -> bool:
    return (
        mention.type == "PERSON"
        and not mention.actor.country
        and token.dep_ in {"amod", "compound"}
        and _demonym(token) is not None
    )


def _is_country(token: Token, context: Context) -> bool:
    mention = context.mention_at(token)
    return mention is not None and mention.type == "COUNTRY"


def _modifier_actor(token: Token, context: Context) -> ActorRef | None:
    """A country named by an adjective on a non-actor noun ("a Senegalese peace plan")."""
    if _is_country(token, context):
        actors = _actors_of(token, context)
        return actors[0] if actors else None
    code = _demonym(token) if token.dep_ == "amod" else None
    return _country_actor(Place(name=token.text, country=code)) if code else None


def _actors_under(prep: Token, context: Context) -> list[ActorRef]:
    return [
        a for child in prep.children if child.dep_ == "pobj" for a in _actors_of(child, context)
    ]


def _country_actor(place: Place) -> ActorRef:
    code = place.country or ""
    return ActorRef(key=f"country:{code}", name=country_name(code) or code, country=code)


def _unique(actors: list[ActorRef]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for actor in actors:
        seen.setdefault(actor.key, actor)
    return list(seen.values())


# ------------------------------------------------------------------ nouns


def _code_noun(noun: Token, sentence: Span, context: Context) -> EventMention | None:
    patterns = noun_patterns().get(noun.lemma_.lower()) or noun_patterns().get(noun.lower_, ())
    for pattern in patterns:
        if pattern.object and not any(
            c.dep_ in {"compound", "amod"} and c.lemma_.lower() in pattern.object
            for c in noun.children
        ):
            continue
        if (
            pattern.requires_phone
            and not any(t.lower_ in PHONE_WORDS for t in noun.subtree if t.i != noun.i)
            and noun.lower_ not in PHONE_WORDS - {"call"}
        ):
            continue
        participants: list[ActorRef] = []
        targets: list[ActorRef] = []
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in pattern.participant_preps:
                participants += _actors_under(prep, context)
            if prep.dep_ == "prep" and prep.lower_ in pattern.target_preps:
                targets += _actors_under(prep, context)
        owners = [
            a
            for c in noun.children
            if c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and _is_country(c, context))
            for a in _actors_of(c, context)
        ]
        subjects = owners + participants[:1] or _support_subjects(noun, context)
        targets = targets + participants[1:]
        if not subjects and not targets:
            continue
        if pattern.requires_actor_pair and not (subjects and targets):
            continue
        places = _places(noun, context, [noun])
        return _build(
            noun, pattern, sentence, context, _unique(subjects), _unique(targets), places, [noun]
        )
    return None


def _support_subjects(noun: Token, context: Context) -> list[ActorRef]:
    """'Teachers began a hunger strike': the subject of a support verb is the noun's actor."""
    verb = noun.head
    if noun.dep_ not in {"dobj", "obj"} or verb.lemma_.lower() not in frames()["support_verbs"]:
        return []
    return _arguments(verb, context)[0]


# ------------------------------------------------------------------ the event


def _build(
    trigger: Token,
    pattern: Pattern,
    sentence: Span,
    context: Context,
    subjects: list[ActorRef],
    targets: list[ActorRef],
    places: list[Place],
    heads: list[Token],
) -> EventMention | None:
    if not subjects and not targets:
        return None
    if pattern.requires_actor_pair and not (subjects and targets):
        return None
    targets = [t for t in targets if t.key not in {s.key for s in subjects}]
    if pattern.type in frames()["verbal_types"] and _only_vague(subjects + targets, places):
        # "the two leaders agreed", "lawmakers urged": a statement is only news by whom it
        # names; an act ("gunmen killed 12") is kept for its place and date
        return None
    if not targets and not (pattern.reciprocal and len(subjects) > 1):
        keys = {s.key for s in subjects}
        targets = [t for t in _fallback_targets(trigger, heads, context) if t.key not in keys]
    subjects = [_located(s, places, None) for s in subjects]
    ruler = subjects[0] if subjects and pattern.type in frames()["jurisdiction_types"] else None
    targets = [_located(t, places, ruler) for t in targets]
    # an act done in another country is done to it ("lifted the curfew in Montenegro")
    abroad = bool(places) and (not subjects or subjects[0].country != places[0].country)
    material = pattern.type not in frames()["talk_types"]  # a talk abroad is not done to it
    if not targets and material and abroad and places[0].country:
        targets = [_country_actor(places[0])]
    if not targets and pattern.type in frames()["domestic_types"]:
        targets = _domestic_target(subjects, places)
    elif not targets and ruler and _is_state(ruler) and pattern.type in frames()["home_types"]:
        # "the government lifted the state of emergency", "police prevented the rally":
        # a state acting on no one named acts on its own country
        targets = _domestic_target([ruler], places)
    source = subjects[0] if subjects else None
    target = (
        targets[0]
        if targets
        else (subjects[1] if pattern.reciprocal and len(subjects) > 1 else None)
    )
    event_type, mode, cameo = pattern.type, pattern.mode, pattern.cameo
    if pattern.type == "REQUEST":
        mode, cameo = _request_content(trigger, mode, cameo)
    if event_type == "ASSAULT" and _verbal_attack(trigger):
        # "attacked the agreement", "attacks on the plan": criticism, not violence
        event_type, mode, cameo = "ACCUSE", "disapprove", "111"
    elif event_type == "ASSAULT" and (means := _bombing(trigger)) is not None:
        mode, cameo = means["mode"], means["cameo"]
    negated, status, intent = _modality(trigger)
    event_type, mode, cameo, negated, status = _stance(
        trigger, (event_type, mode, cameo), negated, status, intent
    )
    if event_type == "CONSULT" and mode == "multilateral" and len(subjects + targets) < 3:
        mode = None
    date, date_from = _date(trigger, heads, context)
    start = min(h.idx for h in heads)
    end = max(h.idx + len(h.text) for h in heads)
    return EventMention(
        article_id=context.article.id,
        type=event_type,
        start=start,
        end=end,
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        mode=mode,
        cameo=cameo,
        source=source,
        target=target,
        participants=_unique(subjects + targets),
        location=places[0] if places else None,
        date=date,
        date_from=date_from,
        negated=negated,
        modality=status,
        attributed_to=_attribution(sentence, context),
        numbers=_numbers(trigger, pattern),
        trigger=context.doc.text[start:end],
    )


def _is_state(actor: ActorRef) -> bool:
    return actor.key.startswith("country:") or actor.sector in frames()["state_sectors"]


def _domestic_target(subjects: list[ActorRef], places: list[Place]) -> list[ActorRef]:
    """A protest that names no one it is against is against the authorities where it is
    held, or else the protesters' own (as event datasets code unnamed protest targets)."""
    country = next((p.country for p in places if p.country), None)
    if country is None and subjects:
        country = subjects[0].country
    if country is None or country in frames()["not_states"]:
        return []
    return [_country_actor(Place(name=country_name(country) or country, country=country))]


def _only_vague(actors: list[ActorRef], places: list[Place]) -> bool:
    """Every actor is an unnamed agent of no known country, and no place says whose."""
    vague = all(a.key.startswith("agent:XXX:") for a in actors)
    return vague and not any(p.country for p in places)


def _fallback_targets(trigger: Token, heads: list[Token], context: Context) -> list[ActorRef]:
    """No target among the arguments: the actor behind a non-actor object ("praised Haiti's
    efforts", "rejected an Indian proposal", "demanded the withdrawal of Serbian forces"),
    else the addressee inside the content clause ("threatened to break relations with
    Russia", "demanded that the US cancel ..."), else a prepositional complement."""
    obj = _direct_object(trigger)
    if obj is not None:
        owners = _owner_actors(obj, context)
        if owners:
            return owners
    for clause in (c for c in trigger.children if c.dep_ in {"xcomp", "ccomp"}):
        subjects = [
            a
            for c in clause.children
            if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS and c.lower_ not in frames()["pronouns"]
            for a in _actors_of(c, context)
        ]
        if subjects:
            return subjects
        for child in clause.children:
            if child.dep_ in {"dobj", "obj", "dative"}:
                found = _actors_of(child, context) or _owner_actors(child, context)
            elif child.dep_ == "prep" and child.lower_ in frames()["content_target_preps"]:
                found = [
                    a
                    for g in child.children
                    if g.dep_ == "pobj"
                    for a in (_actors_of(g, context) or _owner_actors(g, context))
                ]
            else:
                continue
            if found:
                return found
    # last, the predicate's own prepositions ("accepted the offer from Turkey")
    return [
        a
        for prep in trigger.children
        if prep.dep_ == "prep" and prep.lower_ in frames()["verb_target_preps"]
        for a in _actors_under(prep, context)
    ]


def _owner_actors(noun: Token, context: Context, depth: int = 0) -> list[ActorRef]:
    """The actors a non-actor noun phrase belongs to: its possessor, a country modifier or
    the object of one of its prepositions ("offer from Kabul", "boycott of contact with")."""
    found: list[ActorRef] = []
    for child in noun.children:
        if child.dep_ == "poss":
            found += _actors_of(child, context)
        elif child.dep_ in {"amod", "compound", "nmod"} and (
            actor := _modifier_actor(child, context)
        ):
            found.append(actor)
        elif child.dep_ == "prep" and child.lower_ in frames()["object_target_preps"]:
            for g in (g for g in child.children if g.dep_ == "pobj"):
                found += _actors_of(g, context) or (
                    _owner_actors(g, context, depth + 1) if depth < 1 else []
                )
    return _unique(found)


def _located(actor: ActorRef, places: list[Place], source: ActorRef | None) -> ActorRef:
    """An unnamed agent with no country of its own ("police", "12 workers") is of the
    event's place, or, acted on by a state source, of that source's jurisdiction."""
    if actor.country or not actor.key.startswith("agent:"):
        return actor
    country = places[0].country if places and places[0].country else None
    if country is None and source is not None and source.sector in frames()["state_sectors"]:
        country = source.country
    if country is None:
        return actor
    return replace(actor, key=f"agent:{country}:{actor.sector}", country=country)


def _bombing(trigger: Token) -> dict[str, str] | None:
    """'killed in a car bomb explosion', 'suicide bombers killed': a killing or wounding done
    with a bomb is CAMEO 183 (non-military bombing), by its kind where the text says it."""
    words: set[str] = set()
    for token in trigger.subtree:
        if token.i == trigger.i:
            continue
        lemma = token.lemma_.lower()
        words.add(lemma)
        words.update(f"{c.lemma_.lower()} {lemma}" for c in token.children if c.dep_ == "compound")
    return next((m for m in frames()["bombings"] if words & set(m["words"])), None)


def _verbal_attack(trigger: Token) -> bool:
    """The thing attacked is a text, plan or stance (frames.yaml verbal_objects)."""
    words = frames()["verbal_objects"]
    attacked = [c for c in trigger.children if c.dep_ in {"dobj", "obj"} | PASSIVE_SUBJECTS]
    attacked += [
        g
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ in {"on", "against"}
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(_object_matches(token, tuple(words)) for token in attacked)


def _stance(
    trigger: Token,
    code: tuple[str, str | None, str | None],
    negated: bool,
    status: str,
    intent: bool,
) -> tuple[str, str | None, str | None, bool, str]:
    """PLOVER codes what an actor states it will do by its content: a stated future
    CONSULT/AID/RETREAT is an AGREE, a stated future SANCTION/COERCE/ASSAULT (or one the
    actor plans or prepares) a THREATEN, and "will not accept/allow/meet" a REJECT. The
    statement is the event; what it promises or refuses stays planned."""
    event_type, mode, cameo = code
    cues = modality()
    if intent and negated and event_type in cues["content_codes"]["REJECT"]:
        refused = cues["content_codes"]["REJECT"][event_type]
        return "REJECT", refused.get("mode"), refused["cameo"], False, "asserted"
    by_code = cues["intent_cameo_codes"].get((cameo or "")[:3])
    recode = by_code or cues["intent_codes"].get(event_type)
    planned_by_actor = (
        status == "planned"
        and event_type in cues["planned_threats"]
        and _governor_lemma(trigger) in cues["governors"]
    )
    threat = planned_by_actor and recode is not None and recode["type"] == "THREATEN"
    if recode is not None and not negated and (intent or threat):
        return recode["type"], recode.get("mode"), recode["cameo"], negated, status
    return event_type, mode, cameo, negated, status


def _governor_lemma(trigger: Token) -> str | None:
    governor = _modal_governor(trigger)
    return governor.lemma_.lower() if governor is not None else None


def _request_content(
    trigger: Token, mode: str | None, cameo: str | None
) -> tuple[str | None, str | None]:
    lemmas = {t.lemma_.lower() for t in trigger.subtree} | {t.lower_ for t in trigger.subtree}
    for rule in modality()["request_content"]:
        if lemmas & set(rule["nouns"]) and (
            lemmas & set(rule["verbs"]) or trigger.lemma_.lower() in {"invite"}
        ):
            return rule["mode"], rule["cameo"]
    for rule in modality()["request_content"]:
        if lemmas & set(rule["nouns"]):
            return rule["mode"], rule["cameo"]
    return mode, cameo


def _modality(trigger: Token) -> tuple[bool, str, bool]:
    """(negated, modality, intent): intent is True when the cue is the subject's own
    commitment ("will meet", "is ready to send"), not a condition or someone's plan."""
    cues = modality()
    negated = any(
        c.dep_ == "neg" or (c.lower_ in cues["negations"] and c.dep_ in {"neg", "advmod", "det"})
        for c in trigger.children
    )
    status, intent, conditional = "asserted", False, False
    for child in trigger.children:
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in cues["auxiliaries"]:
            status = cues["auxiliaries"][child.lower_]
            intent = child.lower_ in cues["intent_auxiliaries"]
        if child.dep_ == "amod" and child.lower_ in cues["noun_modifiers"]:
            status = cues["noun_modifiers"][child.lower_]
        if child.dep_ == "mark" and child.lower_ in cues["conditional_marks"]:
            status, conditional = "hypothetical", True
    governor = _modal_governor(trigger)
    if governor is not None:
        lemma = governor.lemma_.lower()
        if lemma in cues["governors"]:
            status = cues["governors"][lemma]
            intent = lemma in cues["intent_governors"]
        elif lemma in cues["governing_nouns"]:
            status = cues["governing_nouns"][lemma]
            intent = lemma in cues["intent_governors"]  # "his intention to lift sanctions"
        if any(c.dep_ == "neg" for c in governor.children):
            negated = True
        aux = next(
            (
                c.lower_
                for c in governor.children
                if c.dep_ == "aux" and c.lower_ in cues["auxiliaries"]
            ),
            None,
        )
        if aux is not None and status == "asserted":
            status, intent = cues["auxiliaries"][aux], aux in cues["intent_auxiliaries"]
    if status == "denied":
        negated = True
    return negated, status, intent and not conditional


def _modal_governor(trigger: Token) -> Token | None:
    """The word whose complement the trigger is: "planned [to meet]", "efforts [to salvage]"."""
    if trigger.dep_ not in {"xcomp", "dobj", "obj", "pobj", "acl", "ccomp"}:
        return None
    governor = trigger.head
    if governor.dep_ == "prep":
        governor = governor.head
    return governor if governor.i != trigger.i else None


def _own_tokens(heads: list[Token]) -> list[Token]:
    """The event's own words: its heads' subtrees without embedded clauses."""
    tokens: list[Token] = []
    for head in heads:
        stack = [head]
        while stack:
            token = stack.pop()
            tokens.append(token)
            stack.extend(c for c in token.children if c.dep_ not in CLAUSES or c in heads)
    return tokens


def _places(
    trigger: Token, context: Context, heads: list[Token], direct: bool = False
) -> list[Place]:
    """Places in the event's own words; `direct`: only the trigger's own prepositions
    ("arrived in Canada", not "arrived from the meeting in Canada")."""
    found: list[Place] = []
    for token in _own_tokens(heads):
        if direct and token.head.head.i != trigger.i:
            continue
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS | {"into", "to"}:
            mention = context.mention_at(token)
            if mention is not None and mention.type in {"PLACE", "COUNTRY"}:
                found.append(
                    Place(
                        name=mention.actor.name if mention.type == "COUNTRY" else mention.text,
                        country=mention.actor.country,
                    )
                )
    return found


def _date(trigger: Token, heads: list[Token], context: Context) -> tuple[str | None, str | None]:
    spans = sorted((t.idx, t.idx + len(t.text)) for t in _own_tokens(heads))
    for time in context.times:
        if time.type not in {"DATE", "TIME"} or not time.value or not time.value[:4].isdigit():
            continue
        if any(start < time.end and time.start < end for start, end in spans):
            day = calendar_day(time.value)  # a day without its clock time; else whole
            return (day.isoformat() if day else time.value), "text"
    if context.article.published:
        return context.article.published, "published"
    return None, None


def _attribution(sentence: Span, context: Context) -> ActorRef | None:
    for attribution in context.attributions:
        if (
            attribution.sentence_start <= sentence.start_char < attribution.sentence_end
            or sentence.start_char <= attribution.sentence_start < sentence.end_char
        ):
            return attribution.source
    return None


def _numbers(trigger: Token, pattern: Pattern) -> dict[str, int]:
    if not pattern.count:
        return {}
    obj = _direct_object(trigger) or next(
        (c for c in trigger.children if c.dep_ in PASSIVE_SUBJECTS), None
    )
    if obj is None:
        return {}
    for child in obj.children:
        if child.dep_ == "nummod" and child.text.replace(",", "").isdigit():
            return {pattern.count: int(child.text.replace(",", ""))}
    return {}
