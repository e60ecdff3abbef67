"""find_attributions: who a sentence's claim is attributed to.

A reporting verb (data/actors/reporting.yaml) whose subject names an actor ("Moscow said",
"KCNA news agency said in a brief dispatch", "X told Y"), or a prepositional cue whose object
does ("according to Tass"). Pronoun subjects ("it", "he") and bare nouns ("the ministry")
take the most recent compatible source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from crosswire.actors.keys import fold
from crosswire.actors.lexicon import prepositional_cues, reporting_verbs
from crosswire.model import ActorRef, Article, Attribution, Mention
from crosswire.nlp import climb

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_THING_PRONOUNS = frozenset({"it"})
_GROUP_PRONOUNS = frozenset({"they", "we"})


@dataclass(slots=True)
class Cue:
    """One reporting cue in a sentence: its words, and the tokens naming the source."""

    start: int
    end: int
    source: Span | None


def find_attributions(doc: Doc, article: Article, mentions: list[Mention]) -> list[Attribution]:
    """Every reporting cue of the article with the actor its claim is attributed to."""
    memory = _Memory()
    found: list[Attribution] = []
    for sent in doc.sents:
        for cue in _cues(sent):
            source = resolve_source(cue.source, mentions, memory)
            found.append(
                Attribution(
                    sentence_start=sent.start_char,
                    sentence_end=sent.end_char,
                    cue=article.text[cue.start : cue.end],
                    source=source,
                )
            )
    return found


def _cues(sent: Span) -> list[Cue]:
    cues = []
    verbs = reporting_verbs()
    for token in sent:
        if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in verbs:
            cue = _verb_cue(token)
            if cue is not None:
                cues.append(cue)
    cues.extend(_prepositional_cues(sent))
    return cues


def _verb_cue(verb: Token) -> Cue | None:
    """ "Tass said": subject + verb; a verb with no subject in its clause is no cue."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None and verb.dep_ in {"conj", "xcomp"}:
        subject = next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None:
        return None
    if subject.dep_ == "nsubjpass":
        # "was quoted by X", "was told by X": the agent is the source
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if pobj is None:
            return None
        subject = pobj
    words = _after_break(subject.doc[subject.left_edge.i : subject.right_edge.i + 1], subject)
    start = min(words.start_char, verb.idx)
    end = max(words.end_char, verb.idx + len(verb.text))
    return Cue(start, end, words)


def _after_break(words: Span, head: Token) -> Span:
    """Cut source words at a line break or bullet before the head (a parse run across list
    items)."""
    start = words.start
    for token in words:
        if token.i >= head.i:
            break
        if "\n" in token.text_with_ws or token.text in {"•", "|"}:
            start = token.i + 1
    return words.doc[start : words.end]


def _prepositional_cues(sent: Span) -> list[Cue]:
    """ "according to KCNA": the object after the cue words is the source."""
    lowered = sent.text.lower()
    cues = []
    for phrase in prepositional_cues():
        match = _whole_words(phrase).search(lowered)
        if match is None:
            continue
        index = match.start()
        cue_end_char = sent.start_char + match.end()
        rest = [t for t in sent if t.idx >= cue_end_char]
        if not rest:
            continue
        head = climb(rest[0], _from_char(cue_end_char))
        words = sent.doc[head.left_edge.i : head.right_edge.i + 1]
        cues.append(Cue(sent.start_char + index, words.end_char, words))
    return cues


def _from_char(start: int) -> Callable[[Token], bool]:
    """Whether a token lies at or after character `start` of the document."""
    return lambda token: token.idx >= start


@cache
def _whole_words(phrase: str) -> re.Pattern[str]:
    """A cue phrase as whole words: "citing" is no cue inside "exciting"."""
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


class _Memory:
    """The most recent sources, for pronouns and bare nouns."""

    def __init__(self) -> None:
        self.person: ActorRef | None = None
        self.other: ActorRef | None = None
        self.recent: list[ActorRef] = []

    def remember(self, actor: ActorRef) -> None:
        if actor.key.startswith("person:"):
            self.person = actor
        else:
            self.other = actor
        self.recent.append(actor)


def resolve_source(words: Span | None, mentions: list[Mention], memory: _Memory) -> ActorRef | None:
    """The actor a cue's source words name; pronouns and bare nouns fall back on memory."""
    if words is None:
        return None
    actor = _mention_actor(words, mentions)
    if actor is None:
        actor = _from_memory(words, mentions, memory)
    if actor is not None:
        memory.remember(actor)
    return actor


def _mention_actor(words: Span, mentions: list[Mention]) -> ActorRef | None:
    """The mention at the head of the source words (the first one if the head has none)."""
    inside = [m for m in mentions if words.start_char <= m.start and m.end <= words.end_char]
    if not inside:
        return None
    root = words.root
    for mention in inside:
        if mention.start <= root.idx < mention.end:
            return mention.actor
    # "the two foreign ministers of X": no mention at the head; a possessor or modifier
    # mention is the source only when it comes before the head ("Russia's Tass ...")
    before = [m for m in inside if m.end <= root.idx]
    return before[-1].actor if before else None


def _last_person(mentions: list[Mention], before: int) -> ActorRef | None:
    people = [m for m in mentions if m.type == "PERSON" and m.end <= before]
    return people[-1].actor if people else None


def _from_memory(words: Span, mentions: list[Mention], memory: _Memory) -> ActorRef | None:
    head = words.root.lower_
    if head in _PERSON_PRONOUNS:
        return memory.person or _last_person(mentions, words.start_char)
    if head in _THING_PRONOUNS:
        return memory.other
    if head in _GROUP_PRONOUNS:
        return None
    # "according to the secretary of state": the person the document gives that role
    phrase = fold(" ".join(t.text for t in words if t.pos_ not in {"DET", "PRON"}))
    for mention in reversed([m for m in mentions if m.end <= words.start_char]):
        if mention.type == "PERSON" and mention.role and fold(mention.role) == phrase:
            return mention.actor
    # "the ministry said": the latest source or mention whose name holds the noun
    noun = fold(words.root.text)
    for actor in reversed(memory.recent):
        if noun in fold(actor.name).split():
            return actor
    for mention in reversed([m for m in mentions if m.end <= words.start_char]):
        if noun in fold(mention.actor.name).split() or noun in fold(mention.text).split():
            return mention.actor
    return None
