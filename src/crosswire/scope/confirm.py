"""The events stage in scope: the coder's events (`crosswire.events.code_events`), less
those in sentences that are not in English or that the ``full`` model (the sentence's words
and its embedding, mixed with the document model's probability) finds out of scope. A
French page is coded by the French coder instead (`crosswire.events.fr`) when its lead is
in scope (`decide.french_in_scope`); a page in any
other language is linked to stories but not coded. Only
the sentences holding a coded event are embedded: they are the few that matter."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from crosswire import events
from crosswire.events import fr as french
from crosswire.events.data import frames
from crosswire.events.fr import coder as french_coder
from crosswire.model import Article, Attribution, EventMention, Mention, Scope, TimeExpr
from crosswire.scope.decide import french_in_scope
from crosswire.scope.embedding import embed
from crosswire.scope.features import mentions_in, sentence_features, vector
from crosswire.scope.language import is_english
from crosswire.scope.model import load_model
from crosswire.settings import DEFAULT, ScopeSettings, Settings


def scoped_events(
    doc: Doc,
    article: Article,
    mentions: list[Mention],
    times: list[TimeExpr],
    attributions: list[Attribution],
    scope: Scope,
    settings: Settings = DEFAULT,
) -> list[EventMention]:
    """The events coded in `doc` whose sentences are in scope; on a French page in scope by
    its lead (`decide.french_in_scope`: a match report or a shopping page is not), with the
    French coder's events in its sentences that are not English (`crosswire.events.fr`: no
    scope model reads French sentences, so there the page decides and the French triggers
    do the rest)."""
    english: list[EventMention] = []
    if scope.language != french.LANGUAGE or scope.english:
        coded = events.code_events(doc, article, mentions, times, attributions)
        english = in_scope(coded, doc, mentions, scope, settings.scope)
    if scope.language != french.LANGUAGE or not french_in_scope(scope):
        return english
    return english + [e for e in french_coder.code_events(article) if not _in_english(e, scope)]


def _in_english(event: EventMention, scope: Scope) -> bool:
    """Whether the event's words are in a sentence the scope stage read as English."""
    return any(
        s.start <= event.start < s.end and s.scope != "other-language" for s in scope.sentences
    )


def in_scope(
    coded: list[EventMention],
    doc: Doc,
    mentions: list[Mention],
    scope: Scope,
    settings: ScopeSettings = DEFAULT.scope,
) -> list[EventMention]:
    """The events of `coded` (offsets into `doc`) whose sentence is in scope, and the acts
    of justice by the state (`justice_act`: an arrest is crime and justice whatever the
    page's topic) whose sentence is English: those acts and their companions (a release
    beside an arrest), not their sentence's other events."""
    holding = [s for s in doc.sents if any(_inside(e, s) for e in coded)]
    kept = confirmed(holding, mentions, scope, settings)
    language = scope.language or ""
    justice = [e for e in coded if justice_act(e)]
    english = [  # the language guess only for the few sentences holding such an act
        s for s in holding
        if s not in kept and any(_inside(e, s) for e in justice)
        and is_english(s.text, language, settings)
    ]  # fmt: skip
    companion = frames().justice_companions
    return [
        e
        for e in coded
        if not any(_inside(e, s) for s in holding)
        or _kept(e, kept)
        or ((e in justice or e.mode in companion) and _kept(e, english))
    ]


def justice_act(event: EventMention) -> bool:
    """An arrest or a judgement (frames.yaml ``justice_modes``) done by the state: its doer
    unstated, of a country, or of a state's sector ("was fined by the NFL" is not)."""
    if event.mode not in frames().justice_modes:
        return False
    doer = event.source
    return doer is None or doer.country is not None or doer.sector in frames().state_sectors


def confirmed(
    sentences: list[Span],
    mentions: list[Mention],
    scope: Scope,
    settings: ScopeSettings = DEFAULT.scope,
) -> list[Span]:
    """The sentences in English and in scope by the ``full`` model."""
    english = [s for s in sentences if is_english(s.text, scope.language or "", settings)]
    model = load_model()
    decision = model.full_for(scope.english)
    if not english or not decision.in_scope(1.0, scope.document):
        return []  # the page's probability alone keeps it out, whatever its sentences say
    if decision.in_scope(0.0, scope.document):
        return english  # or alone keeps it in: nothing to embed
    inside = mentions_in(english, mentions)
    features = [sentence_features(s, m) for s, m in zip(english, inside, strict=True)]
    rows = vector(features, model.n_features)
    full = model.full.probability(rows, embed([s.text for s in english])).tolist()
    return [s for s, f in zip(english, full, strict=True) if decision.in_scope(f, scope.document)]


def _inside(event: EventMention, sentence: Span) -> bool:
    return sentence.start_char <= event.start < sentence.end_char


def _kept(event: EventMention, kept: list[Span]) -> bool:
    return any(_inside(event, s) for s in kept)
