"""The content of speech acts: an event inside what was agreed, asked, refused or
threatened ("agreed to resign", "urged X to lift sanctions") is no event of its own but
gives the governing one its mode and CAMEO code; "X said Y must ..." is X's demand on Y."""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.events.arguments import arguments
from crosswire.events.context import Context
from crosswire.events.data import ContentCode, modality
from crosswire.events.event import build
from crosswire.events.patterns import Pattern
from crosswire.model import EventMention

Coded = list[tuple[Token, EventMention]]  # the events of a sentence by trigger

# Links from a complement up to the predicate whose content it is ("agreed to resign",
# "called for sanctions to be lifted", "rejected a proposal for signing")
CONTENT_LINKS = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl", "oprd", "advcl"}


def absorb_content(found: Coded) -> Coded:
    """An event inside the content of an AGREE/REQUEST/REJECT/THREATEN/ACCUSE predicate
    ("agreed to resign", "urged X to lift", "refused to meet") is what was promised,
    asked, refused or alleged, not a second event: it gives the governing event its mode
    and CAMEO code and is dropped (one event per predicate)."""
    by_token = {token.i: event for token, event in found}
    kept: Coded = []
    for token, event in found:
        governor = _content_governor(token, by_token)
        if governor is None:
            kept.append((token, event))
            continue
        _code_by_content(governor, event)
        _target_from_content(governor, event)
    return kept


def _code_by_content(governor: EventMention, content: EventMention) -> None:
    """A governor with no mode or only a generic code takes the one its content gives."""
    if governor.mode is None or governor.cameo in {"030", "100", "120", "130"}:
        code = modality().content_codes[governor.type].get(content.type)
        if code is not None and code.cameo is not None:
            governor.mode = code.mode if code.mode is not None else governor.mode
            governor.cameo = code.cameo


def _target_from_content(governor: EventMention, content: EventMention) -> None:
    """'urged X to lift' -> X; 'offered to negotiate with Y' (same actor) -> Y."""
    if governor.target is not None:
        return
    same = content.source is None or content.source == governor.source
    governor.target = content.target if same else content.source
    if governor.target is not None and governor.target not in governor.participants:
        governor.participants.append(governor.target)


def _content_governor(token: Token, by_token: dict[int, EventMention]) -> EventMention | None:
    """The nearest content-taking event above `token` through complement links."""
    current = token
    for _ in range(4):
        if current.dep_ not in CONTENT_LINKS or current.head.i == current.i:
            return None
        current = current.head
        event = by_token.get(current.i)
        if event is not None:
            return event if event.type in modality().content_codes else None
    return None


def obligations(sentence: Span, context: Context, found: Coded) -> Coded:
    """ "X said Y must/should do Z": a demand by X on Y (REQUEST), from the parse alone. A
    coded Z ("must release") is the demand's content: it sets the mode and is dropped."""
    coded = {token.i: event for token, event in found}
    for token in sentence:
        event = _demand(token, sentence, context)
        if event is None:
            continue
        content = coded.get(token.i)
        if content is not None:
            code = modality().content_codes["REQUEST"].get(content.type, ContentCode())
            event.mode, event.cameo = code.mode, code.cameo or "100"
            found = [(t, e) for t, e in found if t.i != token.i]
        found.append((token, event))
    return found


def _demand(token: Token, sentence: Span, context: Context) -> EventMention | None:
    """The demand a reported clause with an obligation modal makes, if both sides are named."""
    if token.pos_ != "VERB" or token.dep_ != "ccomp":
        return None
    cues = modality().obligation_auxiliaries
    if not any(c.dep_ == "aux" and c.lower_ in cues for c in token.children):
        return None
    speakers, _ = arguments(token.head, context)
    addressees, _ = arguments(token, context)
    if not speakers or not addressees:
        return None
    pattern = Pattern(lemma=token.lemma_, type="REQUEST", example="", cameo="100")
    event = build(token, pattern, sentence, context, speakers, addressees, [], [token])
    if event is not None:
        event.modality, event.negated = "asserted", False
    return event
