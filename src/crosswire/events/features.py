"""What the learned decision sees of a candidate: named string features (the trigger's
lemma, part of speech and dependency, what the patterns propose, its arguments' heads and
kinds, negation and modal cues, the words of its sentence), hashed into a fixed-width
sparse vector, so that the model needs no vocabulary.

`FEATURES_VERSION` names this definition; a model trained on another one is refused."""

from __future__ import annotations

from collections.abc import Iterator

from scipy.sparse import csr_matrix
from sklearn.feature_extraction import FeatureHasher
from spacy.tokens import Span, Token

from crosswire.events.candidates import Candidate
from crosswire.events.context import Context
from crosswire.events.patterns import Pattern, noun_patterns, verb_lemma, verb_patterns

FEATURES_VERSION = "4"
HASH_WIDTH = 2**18

# Dependents whose relation, and whose head word with it, describe the predicate's frame
FRAME_DEPS = {
    "nsubj", "nsubjpass", "dobj", "obj", "dative", "attr", "oprd", "acomp", "xcomp", "ccomp",
    "prt", "neg", "aux", "auxpass", "agent", "compound", "amod", "poss", "advmod", "npadvmod",
}  # fmt: skip
ROLE_DEPS = {
    "nsubj": "s", "nsubjpass": "o", "dobj": "o", "obj": "o", "poss": "s", "dative": "o",
}  # fmt: skip
SENSE_DEPS = {"dobj", "obj", "prt", "attr", "oprd", "nsubjpass", "acomp"}
WINDOW = 3  # words either side of the trigger
# Endings that make nouns of verbs, with what the verb ends in instead
NOMINAL_ENDINGS = (
    ("ation", ("ate", "")), ("ition", ("ite",)), ("ion", ("e", "")), ("ment", ("",)),
    ("ing", ("", "e")), ("al", ("", "e")), ("ure", ("", "e")), ("ance", ("", "e")),
)  # fmt: skip


def lemma_of(token: Token) -> str:
    return verb_lemma(token) if token.pos_ in {"VERB", "AUX"} else token.lemma_.lower()


def candidate_features(candidate: Candidate, context: Context) -> list[str]:
    """The named features of one candidate."""
    token = candidate.token
    sentence = context.sentence_of(token)
    return [
        *_trigger(token, sentence),
        *_proposal(candidate, lemma_of(token)),
        *_head(token),
        *_frame(token, context),
        *_senses(token, lemma_of(token)),
        *_window(token, sentence),
        *_sentence(token, context),
    ]


def hashed(features: list[list[str]]) -> csr_matrix:
    """Candidates' features as rows of a sparse matrix, HASH_WIDTH columns, counts."""
    hasher = FeatureHasher(n_features=HASH_WIDTH, input_type="string", alternate_sign=False)
    matrix: csr_matrix = hasher.transform(features).tocsr()
    return matrix


def _trigger(token: Token, sentence: Span) -> Iterator[str]:
    lemma = lemma_of(token)
    yield f"l={lemma}"
    yield f"p={token.pos_}"
    yield f"t={token.tag_}"
    yield f"d={token.dep_}"
    yield f"lp={lemma}|{token.pos_}"
    yield f"ld={lemma}|{token.dep_}"
    yield f"lt={lemma}|{token.tag_}"
    if token.is_title and token.i > sentence.start:
        yield "title-case"
    if token.pos_ in {"NOUN", "PROPN"}:
        yield f"suffix={lemma[-3:]}"
    for kind, types in lexicon_types(token, lemma):
        yield from (f"{kind}={t}" for t in types)


def lexicon_types(token: Token, lemma: str) -> Iterator[tuple[str, set[str]]]:
    """The types the pattern files give the word, whether or not a pattern held: as a
    verb, as a noun, and, for a noun, as the verb it is made from ("shooting", "arrest").
    A pattern of a phrase ("take into custody") says nothing of its word alone ("took
    the complaints into account") and is left out (`_word_types`)."""
    if types := _word_types(verb_patterns().get(lemma, ())):
        yield "lex-verb", types
    if types := _word_types(noun_patterns().get(lemma, ())):
        yield "lex-noun", types
    if token.pos_ in {"NOUN", "PROPN"}:
        verb = next((v for v in _verbs_of(lemma) if _word_types(verb_patterns().get(v, ()))), None)
        if verb is not None:
            yield "lex-deverbal", _word_types(verb_patterns()[verb])


def _word_types(patterns: tuple[Pattern, ...]) -> set[str]:
    """The types of the word's own patterns (`Pattern.of_the_word`)."""
    return {p.type for p in patterns if p.of_the_word}


def _verbs_of(noun: str) -> Iterator[str]:
    """Verbs a noun may be made from: itself ("arrest"), or without a nominal ending."""
    yield noun
    for suffix, replacements in NOMINAL_ENDINGS:
        if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            yield from (noun[: -len(suffix)] + r for r in replacements)


def _proposal(candidate: Candidate, lemma: str) -> Iterator[str]:
    proposed, governor = candidate.proposed, candidate.governor
    if proposed is None:
        yield "r=none"
    else:
        yield f"r={proposed.type}"
        yield f"rm={proposed.type}/{proposed.mode}"
        yield f"rl={proposed.type}|{lemma}"
        yield f"rmod={proposed.modality}"
        yield f"rsrc={proposed.source is not None}|tgt={proposed.target is not None}"
        if proposed.negated:
            yield "r-negated"
    if governor is not None:
        yield f"g={governor.type}"
        yield f"gr={governor.type}|{proposed.type if proposed else 'none'}"


def _head(token: Token) -> Iterator[str]:
    head = token.head
    if head.i == token.i:
        yield "root"
        return
    yield f"h={lemma_of(head)}"
    yield f"hd={head.dep_}|{token.dep_}"
    if token.dep_ == "pobj":  # "after his arrest", "attack on the embassy"
        yield f"prep={head.lower_}"
        yield f"prep={head.lower_}|{lemma_of(head.head)}"


def _frame(token: Token, context: Context) -> Iterator[str]:
    for child in token.children:
        dep = child.dep_
        if dep in {"prep", "agent"}:
            yield f"cp={child.lower_}"
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield f"cpo={child.lower_}|{pobj.lemma_.lower()}"
                    yield f"cpk={child.lower_}|{_kind(pobj, context)}"
        elif dep in FRAME_DEPS:
            yield f"c={dep}"
            yield f"cl={dep}|{child.lemma_.lower()}"
        role = ROLE_DEPS.get(dep)
        if role is not None:
            yield f"{role}k={_kind(child, context)}"
            yield f"{role}h={child.lemma_.lower()}"


def _senses(token: Token, lemma: str) -> Iterator[str]:
    """The predicate paired with its object or particle: a linear model cannot combine
    "open" and "fire" itself, and the pair is what tells the senses apart ("opened fire",
    "opened an investigation", "struck a deal", "was struck in the back")."""
    for child in token.children:
        if child.dep_ in SENSE_DEPS:
            yield f"sense={lemma}|{child.dep_}|{child.lemma_.lower()}"
        elif child.dep_ == "prep":
            objects = [p for p in child.children if p.dep_ == "pobj"]
            for pobj in objects[:1]:
                yield f"sense={lemma}|{child.lower_}|{pobj.lemma_.lower()}"


def _kind(token: Token, context: Context) -> str:
    """The kind of actor a noun phrase names: its mention's type, else its entity label."""
    for word in [token, *(c for c in token.children if c.dep_ in {"compound", "poss", "amod"})]:
        mention = context.mention_at(word)
        if mention is not None:
            return mention.type
    if token.ent_type_:
        return f"ent:{token.ent_type_}"
    return "pron" if token.pos_ == "PRON" else "none"


def _window(token: Token, sentence: Span) -> Iterator[str]:
    start, end = max(sentence.start, token.i - WINDOW), min(sentence.end, token.i + WINDOW + 1)
    for other in token.doc[start:end]:
        if other.i != token.i and other.is_alpha:
            yield f"n={other.lemma_.lower()}"


def _sentence(token: Token, context: Context) -> list[str]:
    """What the candidates of one sentence share: its length, words and entities (worked
    out once per sentence)."""
    sentence = context.sentence_of(token)
    found = context.sentence_features.get(sentence.start)
    if found is None:
        found = context.sentence_features[sentence.start] = list(_sentence_words(sentence))
    return found


def _sentence_words(sentence: Span) -> Iterator[str]:
    yield f"len={min(len(sentence) // 10, 6)}"
    for word in sentence:
        if word.is_alpha and not word.is_stop:
            yield f"w={word.lemma_.lower()}"
        if word.ent_type_ and word.ent_iob_ == "B":
            yield f"e={word.ent_type_}"
