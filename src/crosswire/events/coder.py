"""The parse-based coder: each sentence's predicates and event nouns matched against the
pattern files (`triggers`), with actors, place, time, negation and modality taken from the
same sentence's structure (`arguments`, `targets`, `attributes`, `modality`); a learned
model then decides, for every candidate predicate, whether it is an event and of which
type (`candidates`, `decision`); events inside a speech act's content are folded into it
(`content`)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from crosswire.events.candidates import candidates
from crosswire.events.codes import appeal_code
from crosswire.events.content import Coded, absorb_content, obligations
from crosswire.events.context import Context, article_context
from crosswire.events.coordinated import one_act
from crosswire.events.decision import decide
from crosswire.events.nominal import code_noun
from crosswire.events.patterns import noun_patterns, verb_lemma, verb_patterns
from crosswire.events.purposes import visits_purposes
from crosswire.events.senses import self_inflicted
from crosswire.events.triggers import code_verb
from crosswire.model import Article, Attribution, EventMention, Mention, TimeExpr


def code_events(
    doc: Doc,
    article: Article,
    mentions: list[Mention],
    times: list[TimeExpr],
    attributions: list[Attribution],
) -> list[EventMention]:
    """Zero or more coded events per sentence of `doc` (the parse of `article.text`)."""
    context = article_context(doc, article, mentions, times, attributions)
    sentences = context.sentences
    found = [candidates(sentence, proposals(sentence, context)) for sentence in sentences]
    events: list[EventMention] = []
    for coded in decide(sentences, found, context):
        acts = [(token, e) for token, e in coded if not self_inflicted(token, e.type)]
        coded_acts = visits_purposes(absorb_content(one_act(acts)))
        events.extend(_no_self_loop(appeal_code(token, e)) for token, e in coded_acts)
    return events


def _no_self_loop(event: EventMention) -> EventMention:
    """The event without a target that is its source: whatever step found it (a pronoun
    resolved to the doer, a content clause's subject), an actor acting on itself is told
    by a reflexive, which `self_inflicted` has already set apart ("shot himself")."""
    source, target = event.source, event.target
    if source is not None and target is not None and source.key == target.key:
        event.target = None
    return event


def proposals(sentence: Span, context: Context) -> Coded:
    """What the patterns code in the sentence, by trigger, before content is folded in."""
    return obligations(sentence, context, _triggered(sentence, context))


def _triggered(sentence: Span, context: Context) -> Coded:
    """The events of the sentence's verbs, then of its nouns that no verb's event took."""
    found: Coded = []
    claimed: set[int] = set()  # nouns that belong to a verb's event ("held talks")
    for token in sentence:
        if token.pos_ in {"VERB", "AUX"} and verb_lemma(token) in verb_patterns():
            event = code_verb(token, sentence, context, claimed)
            if event:
                found.append((token, event))
    for token in sentence:
        if token.i in claimed or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        if token.lemma_.lower() in noun_patterns() or token.lower_ in noun_patterns():
            event = code_noun(token, sentence, context)
            if event:
                found.append((token, event))
    return found
