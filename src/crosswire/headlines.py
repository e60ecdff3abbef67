"""Headlines in title case parsed as sentences: "Suspended Worker Kills 2 Women" is tagged
as a run of names (every capitalised word a PROPN), so its verb and its nouns go unseen.
The parser reads a headline parsed apart (`pipeline.parse_articles`) written in sentence
case instead (each word as the article body writes it, `clean.casing.body_casing`), and
its analysis is laid back onto the words as written, so every offset and every token's
text stay those of the headline. A headline that opens the text is parsed with it,
recased like each title-case line of the text (`recased_lines`): a line ends its sentence
(`nlp.paragraph_breaks`), so the recased words parse as a sentence of their own."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from spacy.tokens import Doc, Token

from crosswire.actors.countries import country_code
from crosswire.clean.casing import body_casing
from crosswire.clean.phrases import words_of
from crosswire.nlp import load_nlp

if TYPE_CHECKING:
    from thinc.types import Ints2d  # spaCy's array type, for the checker alone

# What a parse of the recased text lends the words as written
ANALYSIS: list[int | str] = ["TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE"]
MIN_CAPITALISED = 3  # content words: fewer say nothing of the casing
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
PHRASE_OPENERS = (":", "|", "—", "–", '"', "“", "‘", "(")
VOWELS = frozenset("aeiou")
NOT_DOUBLED = frozenset("aeiouwxy")  # final letters a past form never doubles
SUBJECT_TAGS = {"PROPN", "NOUN", "PUNCT"}  # what stands before a headline's verb
NAMED_ENTITIES = {"GPE", "NORP", "ORG", "PERSON"}


def title_case(line: str) -> bool:
    """Every content word capitalised, enough of them, and the line not all capitals."""
    words = [w for w in WORD.findall(line) if w.lower() not in words_of("minor_words")]
    if len(words) < MIN_CAPITALISED or all(w.isupper() for w in words):
        return False
    return all(w[0].isupper() for w in words)


def sentence_cased(line: str, body: str) -> str | None:
    """`line` in sentence case, of the same length (None: it is not in title case): its
    first word and the first after a colon or quote as they are, acronyms and country names
    kept, each other word as the body writes it where the body shows it, else in lower
    case."""
    if not title_case(line):
        return None
    return _recased(line, body_casing(body))


def recased_lines(text: str) -> str | None:
    """`text` with each line in title case (a headline, a subheading that opens or heads a
    section) written in sentence case by the casing of its other lines, of the same length;
    None where no line changes."""
    lines = text.split("\n")
    titled = {i for i, line in enumerate(lines) if title_case(line)}
    if not titled:
        return None
    casing = body_casing("\n".join(line for i, line in enumerate(lines) if i not in titled))
    recased = "\n".join(
        _recased(line, casing) if i in titled else line for i, line in enumerate(lines)
    )
    return recased if recased != text else None


def _recased(line: str, casing: dict[str, str]) -> str:
    out = list(line)
    for match in WORD.finditer(line):
        word = match.group(0)
        before = line[: match.start()].rstrip()
        if not before or before.endswith(PHRASE_OPENERS) or (len(word) > 1 and word.isupper()):
            continue
        cased = casing.get(word.lower()) or (word if country_code(word) else word.lower())
        if len(cased) == len(word):
            out[match.start() : match.end()] = cased
    return "".join(out)


def as_written(parsed: Doc, text: str) -> Doc:
    """`parsed` (the parse of a recased copy of `text`, same length) laid onto `text`."""
    if parsed.text == text:
        return parsed
    words = [text[t.idx : t.idx + len(t.text)] for t in parsed]
    spaces = [bool(t.whitespace_) for t in parsed]
    doc = Doc(parsed.vocab, words=words, spaces=spaces)
    doc.from_array(ANALYSIS, cast("Ints2d", parsed.to_array(ANALYSIS)))
    return doc


def verbal_reading(headline: Doc, is_verb: Callable[[str], bool]) -> Doc:
    """A headline the parser read with no verb ("EU sanctions Russian oligarchs", "Court
    sentences opposition leader", "Armenia, Azerbaijan sign peace deal": each word a noun),
    or whose one verb it left with neither subject nor object ("Mali junta expels French
    ambassador"), parsed again with that verb, or its first noun after a name or noun
    outside a prepositional phrase that is a verb of the event files (`is_verb`, by
    lemma), in its past form, the tense a parser reads as a verb; its analysis is laid
    back onto the words as written, the word keeping the verb's lemma. Unchanged where no
    such word is one, or the verb so read takes no object (a noun phrase: "US sanctions
    on Iran")."""
    token, lemma = _verb_to_read(headline, is_verb)
    if token is None or lemma is None:
        return headline
    words = [t.text for t in headline]
    spaces = [bool(t.whitespace_) for t in headline]
    for past in _pasts(lemma):
        words[token.i] = past
        variant = load_nlp()(Doc(headline.vocab, words=words, spaces=spaces))
        verb = variant[token.i]
        if verb.pos_ == "VERB" and any(c.dep_ == "dobj" for c in verb.children):
            read = Doc(headline.vocab, words=[t.text for t in headline], spaces=spaces)
            read.from_array(ANALYSIS, cast("Ints2d", variant.to_array(ANALYSIS)))
            read[token.i].lemma_ = lemma
            return read
    return headline  # "Russian attacks on Ukraine": a noun phrase, no clause


def _verb_to_read(headline: Doc, is_verb: Callable[[str], bool]) -> tuple[Token | None, str | None]:
    """The word to read as the headline's verb, with its lemma: its one verb where the
    parse left it with neither subject nor object, else, where it has no verb, the first
    noun after a name that is a verb of the event files."""
    verbs = [t for t in headline if t.pos_ in {"VERB", "AUX"}]
    if len(verbs) == 1 and _stranded(verbs[0]) and is_verb(verbs[0].lemma_.lower()):
        return verbs[0], verbs[0].lemma_.lower()
    if verbs:
        return None, None
    read_as = ((t, _verb_lemma(t, is_verb)) for t in headline[1:])
    return next(((t, v) for t, v in read_as if v and _after_subject(t)), (None, None))


def _stranded(verb: Token) -> bool:
    """A verb in the present with no subject and no object of its own."""
    links = {c.dep_ for c in verb.children}
    return verb.tag_ in {"VBZ", "VBP"} and not links & {"nsubj", "nsubjpass", "dobj"}


def _after_subject(token: Token) -> bool:
    """A word right after a name or a noun (the parser may tag a name an adjective:
    "Pakistan summons", "Houthis attack"), outside any prepositional phrase ("over border
    clashes")."""
    before = token.nbor(-1)
    named = before.pos_ in SUBJECT_TAGS or before.ent_type_ in NAMED_ENTITIES
    named = named or before.is_title  # "Houthis attack cargo ship": a name tagged ADJ
    in_phrase = any(a.dep_ in {"prep", "agent"} for a in token.ancestors)
    return named and not in_phrase and token.dep_ != "pobj"


def _verb_lemma(token: Token, is_verb: Callable[[str], bool]) -> str | None:
    """The verb a noun of a headline may be ("sanctions": sanction), or None."""
    if token.pos_ != "NOUN":
        return None
    forms = [token.lemma_.lower(), token.lower_.removesuffix("s")]
    return next((form for form in forms if is_verb(form)), None)


def _pasts(lemma: str) -> list[str]:
    """The regular past forms a verb may take, the likelier first: "sentenced",
    "sanctioned", "banned"; a final consonant after one vowel doubles or not as the stress
    falls ("expelled", "visited"), so a longer verb is tried both ways."""
    if lemma.endswith("e"):
        return [lemma + "d"]
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in VOWELS:
        return [lemma[:-1] + "ied"]
    single = (
        len(lemma) >= 3
        and lemma[-1] not in NOT_DOUBLED
        and lemma[-2] in VOWELS
        and lemma[-3] not in VOWELS
    )
    if single and len(lemma) <= 4:
        return [lemma + lemma[-1] + "ed"]
    if single:
        return [lemma + "ed", lemma + lemma[-1] + "ed"]
    return [lemma + "ed"]
