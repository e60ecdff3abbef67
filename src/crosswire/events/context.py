"""What the coder knows about one article while it codes its sentences."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from crosswire.actors.first_names import sex_of_first_name
from crosswire.events.data import frames
from crosswire.events.syntax import doc_text
from crosswire.model import Article, Attribution, Mention, TimeExpr

TITLE_REACH = 12  # characters before a name looked through for its title ("Mrs. ")
FULL_NAME = 2  # words of a full name ("John Jenkin"), not a surname alone
# A word and one space right before a name, with an abbreviation's full stop only
# ("Mrs. ", "Ms ", "Queen "): a longer word with a full stop ends a sentence
TITLE_BEFORE = re.compile(r"(?:^|\s)(\w{1,3}\.|\w+) $")


@dataclass
class Context:
    """One article's parse with what the earlier stages found in it; `mentions` are
    ordered by offset and `starts` are their offsets, for lookups by token."""

    doc: Doc
    article: Article
    mentions: list[Mention]
    starts: list[int]
    times: list[TimeExpr]
    attributions: list[Attribution]
    # The article's sentences and their first tokens: `Token.sent` walks the sentence on
    # every call, and the coder asks for a token's sentence thousands of times an article
    sentences: list[Span] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    # What the features of a sentence's candidates share, by the sentence's first token
    sentence_features: dict[int, list[str]] = field(default_factory=dict)
    text: str = ""  # the doc's text: `Doc.text` joins every token's text on each call
    # The tokens whose actors are being resolved: a pronoun's antecedent may lead back to it
    # ("She said she she talks": each "she" the other's subject), and must end there
    resolving: set[int] = field(default_factory=set)
    # The tokens a rule found to report no event whatever its type ("Clinton arrived in
    # Philadelphia": a trip at home): the learned decision adds none there either
    vetoed: set[int] = field(default_factory=set)
    # The sex each person's title or first name gives, by actor key (`gender_of`), worked
    # out when asked
    genders: dict[str, str] | None = None
    # Whether the article tells a road accident (`senses.no_event`), worked out when asked
    road_accident: bool | None = None

    def sentence_of(self, token: Token) -> Span:
        i = bisect_right(self.sentence_starts, token.i) - 1
        if i >= 0 and token.i < self.sentences[i].end:
            return self.sentences[i]
        return token.sent  # a token of another doc (never in a run): ask spaCy

    def mention_at(self, token: Token) -> Mention | None:
        i = bisect_right(self.starts, token.idx) - 1
        if i >= 0 and self.mentions[i].start <= token.idx < self.mentions[i].end:
            return self.mentions[i]
        return None

    def previous_person(
        self,
        token: Token,
        excluded: list[tuple[int, int]] | None = None,
        others: frozenset[str] = frozenset(),
    ) -> Mention | None:
        """The person named last before `token`, none of whose mention starts inside an
        `excluded` character span, who is none of the actors keyed `others`, and whose
        title, if any says it, has the sex of `token` (a pronoun; "he" is no "Ms. Mendes")."""
        i = bisect_right(self.starts, token.idx) - 1
        while i >= 0:
            mention = self.mentions[i]
            inside = any(start <= mention.start < end for start, end in excluded or ())
            other = mention.actor.key in others
            agrees = self.sex_agrees(token, mention.actor.key)
            if mention.type == "PERSON" and not inside and not other and agrees:
                return mention
            i -= 1
        return None

    def sex_agrees(self, pronoun: Token, key: str) -> bool:
        """Whether no title or first name gives the person keyed `key` the other sex than
        the pronoun's ("he" is no "Ms. Walsh", no "Julie Ann Brandau"); a pronoun without a
        sex agrees with anyone."""
        gender = pronoun.morph.get("Gender", [])
        return not gender or self.gender_of(key) in (None, *gender)

    def gender_of(self, key: str) -> str | None:
        """The sex ("Masc", "Fem") a title before any mention of the person keyed `key`
        gives ("Ms. Mendes", "Mr Gomes"), or the first name of a full one ("Julie Ann
        Brandau"), or None where none says it."""
        if self.genders is None:
            self.genders = _titled_genders(self.mentions, self.text)
        return self.genders.get(key)


def _titled_genders(mentions: list[Mention], text: str) -> dict[str, str]:
    """Actor key -> "Masc"/"Fem" for the people a gendered title is written before or in
    ("Ms. Mendes", "Mrs McMeekin") or whose full name starts with a first name of one sex
    ("Julie Ann Brandau": `actors.first_names`), where all these agree. A title on a surname
    that several people named in the article share says nothing of which one it is ("John
    Jenkin", "Kathryn Jenkin" ... "Miss Jenkin")."""
    people = [m for m in mentions if m.type == "PERSON"]
    shared = _shared_surnames([text[m.start : m.end] for m in people])
    found: dict[str, set[str]] = {}
    for mention in people:
        name = text[mention.start : mention.end].split()
        if not name or (name[-1].lower() in shared and len(name) < FULL_NAME):
            continue
        gender = _title_gender(name[0]) or _title_gender(_word_before(text, mention.start))
        if gender is None and len(name) >= FULL_NAME:
            gender = sex_of_first_name(name[0])  # "Julie Ann Brandau", not "Brandau"
        if gender is not None:
            found.setdefault(mention.actor.key, set()).add(gender)
    return {key: next(iter(g)) for key, g in found.items() if len(g) == 1}


def _word_before(text: str, start: int) -> str:
    """The word written right before `start` on its line and in its sentence ("Ms." in
    "Ms. Mendes", not "sister." ending the sentence before "John Jenkin")."""
    found = TITLE_BEFORE.search(text[max(0, start - TITLE_REACH) : start])
    return found.group(1) if found else ""


def _title_gender(word: str) -> str | None:
    word = word.rstrip(".").lower()
    return next((g for g, words in frames().gendered_titles.items() if word in words), None)


def _shared_surnames(names: list[str]) -> set[str]:
    """The last names of more than one full name ("John Jenkin", "Kathryn Jenkin")."""
    words = [n.split() for n in names]
    full = {tuple(w.lower() for w in n) for n in words if len(n) >= FULL_NAME}
    full = {n for n in full if _title_gender(n[0]) is None}  # "Mrs McMeekin" is no other
    last = [n[-1] for n in full]
    return {name for name in last if last.count(name) > 1}


def article_context(
    doc: Doc,
    article: Article,
    mentions: list[Mention],
    times: list[TimeExpr],
    attributions: list[Attribution],
) -> Context:
    ordered = sorted(mentions, key=lambda m: m.start)
    sentences = list(doc.sents)
    starts = [m.start for m in ordered]
    first_tokens = [s.start for s in sentences]
    return Context(
        doc,
        article,
        ordered,
        starts,
        times,
        attributions,
        sentences,
        first_tokens,
        text=doc_text(doc),
    )
