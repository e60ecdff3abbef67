"""The parse structures every part of the coder reads: dependency labels, the direct
object, and whether a noun phrase is one of a list of words."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token

from crosswire.events.data import agents, frames

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
CLAUSAL_SUBJECTS = {"csubj", "csubjpass"}
SINGULAR_PASTS = {"was"}  # a past that agrees with one subject only
PLURAL_PASTS = {"were"}  # ... and one that agrees with several
PARTICIPLES = {"VBG", "VBN", "VBD"}  # the tagger often takes a participle for a past form
CLAUSES = {"ccomp", "advcl", "relcl", "parataxis", "acl", "xcomp", "conj"}
PHONE_WORDS = {"telephone", "phone", "call", "video", "videoconference", "videolink"}
# The links by which a noun is a verb's subject or object, directly or through a preposition
ARGUMENT_LINKS = {"dobj", "obj", "nsubj", "nsubjpass", "pobj", "prep", "dative"}
MAX_ARGUMENT_DEPTH = 3  # "sent letters to the departments": departments -> to -> sent
PLAIN_OBJECT_PRONOUNS = {"him", "her", "them", "it", "us", "me"}  # not "themselves"
HYPHENS = {"-", "\u2010", "\u2011"}  # hyphen-minus, hyphen, non-breaking hyphen
TENSED = {"VBD", "VBZ", "VBP", "MD"}  # a verb or auxiliary with a tense: a clause of its own
FINITE = {"VBD", "VBZ", "VBP"}  # a verb in a tense of its own, with no auxiliary
RELATIVE_TAGS = {"WP", "WDT"}  # "who", "that", "which" as a relative clause's subject
TIME_ENTITIES = {"DATE", "TIME"}  # spaCy's entity labels of a time expression
_TEXT_KEY = "crosswire.text"  # where `doc_text` keeps a doc's text in its user data


def doc_text(doc: Doc) -> str:
    """The doc's text, joined from its tokens once: spaCy joins them again on every
    ``doc.text``, and the coder asks for it per candidate (quotation marks, lines)."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def clause_subject(subject: Token) -> Token:
    """The noun a clausal subject stands for where the parser took a participle on the
    subject for a clause of its own ("Indian Navy patrolling the Gulf thwarted an attack",
    "The brother of a woman found dead has been charged"), or for a nominal subject ("Turkey,
    worried about civil war in Kosovo spilling to the Balkans, urged ...": "spilling" the
    subject, "Turkey" its own): a bare participle (no auxiliary, no marker) with a nominal
    subject is a reduced relative on that noun, which is the subject; any other subject is
    itself."""
    clausal = subject.dep_ in CLAUSAL_SUBJECTS or subject.pos_ == "VERB"
    if not clausal or subject.tag_ not in PARTICIPLES:
        return subject
    own = [c for c in subject.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if len(own) != 1 or any(c.dep_ in {"aux", "auxpass", "mark"} for c in subject.children):
        return subject
    return own[0]


# Adverbs after a counted noun that make it a measure of distance or time ("five buildings
# away", "three years ago"), which the parser may take for an object ("later" may follow an
# object: "arrested two men later")
MEASURE_ADVERBS = {"away", "ago", "apart"}


def direct_object(verb: Token) -> Token | None:
    """The verb's object; not a measure the parser read as one ("was arrested five
    buildings away"); the first of two complements the parser gave the verb, which is its
    object ("called Magruder a liar": both read as complements)."""
    found = next((c for c in verb.children if c.dep_ in {"dobj", "obj"} and not _measure(c)), None)
    if found is not None:
        return found
    complements = [c for c in verb.children if c.dep_ == "oprd"]
    return complements[0] if len(complements) > 1 else None


def phrases(verb: Token) -> list[str]:
    """The verb's prepositional phrases as its preposition and its object's lemma ("into
    custody", "to ransom"), as the pattern files write them."""
    return [
        f"{c.lower_} {g.lemma_.lower()}"
        for c in verb.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def predicatives(verb: Token) -> list[Token]:
    """What the verb says its object is or becomes ("held Russia responsible", "found him
    guilty"): a predicative complement, an adjective clause, or the parser's second object
    ("held Echenique scoreless")."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    complements = [
        c for c in verb.children
        if c.dep_ in {"oprd", "acomp"} or (c.dep_ == "xcomp" and c.pos_ == "ADJ")
    ]  # fmt: skip
    return complements + objects[1:]


def _measure(noun: Token) -> bool:
    if not any(c.dep_ == "nummod" for c in noun.children):
        return False
    after = noun.right_edge.i + 1
    return after < len(noun.doc) and noun.doc[after].lower_ in MEASURE_ADVERBS


def shared_object(verb: Token) -> Token | None:
    """The object of the verb coordinated right after `verb`, when only the conjunction
    and adverbs stand between them: both take it ("striking and fatally injuring a woman":
    the woman was struck)."""
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        between = verb.doc[verb.i + 1 : conj.i]
        if all(t.dep_ in {"cc", "advmod"} for t in between):
            return direct_object(conj)
    return None


def agent_objects(verb: Token) -> list[Token]:
    """The nouns of a passive's "by" phrase the parser marked as its agent ("was shot by
    police": police)."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS), None)


def participle_noun(verb: Token) -> Token | None:
    """The noun a past participle describes, the one it was done to ("the explanation
    offered by the White House", "two officers charged with falsifying records")."""
    return verb.head if verb.dep_ == "acl" and verb.tag_ == "VBN" else None


def object_matches(obj: Token, words: Collection[str]) -> bool:
    """The object's head word, or its compound ("war games", "peacekeeping force"), or the
    thing inside a container noun ("tons of food aid", "part of a military aid program")."""
    for head in (obj, contained(obj)):
        if head is None:
            continue
        # a person's name is no word of the list ("Bill Hakim" is no bill); a title on it
        # is ("Judge Rowland Barnes")
        compounds = [
            c.lemma_.lower()
            for c in head.children
            if c.dep_ == "compound" and c.ent_type_ != "PERSON"
        ]
        lemma = head.lemma_.lower()
        phrase = " ".join([*compounds[-1:], lemma])
        named = head.ent_type_ == "PERSON"
        forms = {lemma, head.lower_, phrase, _hyphened(head)}
        if (not named and forms & set(words)) or set(compounds) & set(words):
            return True
    return False


def _hyphened(head: Token) -> str:
    """The word as written with the one joined to it by a hyphen before it ("sit-in",
    which the tokenizer splits into "sit", "-", "in"), or the word alone."""
    doc, i = head.doc, head.i
    joined = i >= 2 and doc[i - 1].text in HYPHENS and not doc[i - 1].whitespace_
    if joined and not doc[i - 2].whitespace_:
        return f"{doc[i - 2].lower_}-{head.lower_}"
    return head.lower_


def contained(token: Token) -> Token | None:
    """'tons of aid' -> aid: the 'of' object of a quantity or container noun."""
    if token.lower_ not in agents().quantities:
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


def own_tokens(heads: list[Token]) -> list[Token]:
    """The event's own words: its heads' subtrees without embedded clauses."""
    tokens: list[Token] = []
    for head in heads:
        stack = [head]
        while stack:
            token = stack.pop()
            tokens.append(token)
            stack.extend(c for c in token.children if c.dep_ not in CLAUSES or c in heads)
    return tokens


def complement_preps(verb: Token, words: Collection[str]) -> list[Token]:
    """The verb's prepositions among `words` that take a complement, not a time or a number
    ("called on Iran", not "called ... on Sunday" or "call police on 0800 555 111")."""
    return [
        prep
        for prep in verb.children
        if prep.dep_ == "prep"
        and prep.lower_ in words
        and not any(
            o.dep_ == "pobj" and (o.ent_type_ in TIME_ENTITIES or o.pos_ == "NUM")
            for o in prep.children
        )
    ]


def marked_infinitives(verb: Token, marks: Collection[str]) -> list[Token]:
    """The verb's clauses that an infinitive with a subject of its own after one of `marks`
    makes ("called for the minister to resign": the parse hangs "resign" on "called" with
    "for" its mark and "the minister" its subject)."""
    return [
        clause
        for clause in verb.children
        if clause.dep_ in {"advcl", "ccomp", "xcomp"}
        and clause.i > verb.i
        and infinitive_marker(clause) is not None
        and any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)
    ]


ABSOLUTE_PREPS = {"with", "without"}  # "with police looking on": no object of theirs


def prep_objects(prep: Token) -> list[Token]:
    """The nouns a preposition governs: its object, and the subject of a "to" clause the
    parser hung on it in the object's place ("pleaded with [the government to reconsider]",
    "called on [Israel to halt]"): the one asked is the preposition's object; so is the
    subject of a participle it reads so ("pulled a gun on [two officers driving him]"),
    but for an absolute "with" ("with police looking on")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    for clause in (c for c in prep.children if c.dep_ == "pcomp"):
        participle = clause.tag_ == "VBG" and prep.lower_ not in ABSOLUTE_PREPS
        if infinitive_marker(clause) is not None or participle:
            objects += _subjects_before(clause)
    return objects


def prepositional_objects(head: Token, preps: Collection[str]) -> list[Token]:
    """The nouns governed by the head's prepositions in `preps` (also where the parser calls
    one a dative: "sent a letter to Reno"), and the subject of a "to" clause the parser
    marked with one of them ("pleaded [with] the administration to reconsider")."""
    objects = [
        o
        for prep in head.children
        if prep.dep_ in {"prep", "dative"} and prep.lower_ in preps
        for o in prep_objects(prep)
    ]
    for clause in (c for c in head.children if c.dep_ == "advcl" and infinitive_marker(c)):
        if any(m.dep_ == "mark" and m.lower_ in preps for m in clause.children):
            objects += _subjects_before(clause)
    return objects


def _subjects_before(clause: Token) -> list[Token]:
    """The subjects written before a clause's verb (an infinitive's own: "the government
    [to reconsider]")."""
    return [s for s in clause.children if s.dep_ in SUBJECTS and s.i < clause.i]


def infinitive_marker(verb: Token) -> Token | None:
    """The "to" that makes `verb` an infinitive ("[to] visit"), or None."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)


def predicated_infinitive(verb: Token) -> bool:
    """A "to" clause on a predicate noun: "Modi became the first prime minister [to visit
    Israel]". Its doer and its time are those of the copula's subject and tense."""
    infinitival = infinitive_marker(verb) is not None
    on_noun = verb.dep_ in {"acl", "relcl"} and verb.head.dep_ == "attr"
    return infinitival and on_noun and verb.head.head.i != verb.head.i


def verb_of_argument(noun: Token) -> Token | None:
    """The verb whose subject or object `noun` is, directly or through a preposition
    ("sent letters to the departments")."""
    current = noun
    for _ in range(MAX_ARGUMENT_DEPTH):
        if current.dep_ not in ARGUMENT_LINKS:
            return None
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            return current
    return None


def plain_pronoun_object(verb: Token) -> bool:
    """Whether the verb's object is a plain personal pronoun ("urging them"), which never
    names the verb's own subject (that takes "themselves")."""
    obj = direct_object(verb)
    return obj is not None and obj.lower_ in PLAIN_OBJECT_PRONOUNS


def in_purpose_phrase(noun: Token) -> bool:
    """Whether `noun` heads a phrase of purpose on its verb ("in a move to demand", "for a
    rally supporting": frames.yaml ``purpose_preps``)."""
    return noun.dep_ == "pobj" and noun.head.lower_ in frames().purpose_preps


def disagrees(verb: Token, subject: Token) -> bool:
    """Whether the verb's tensed form cannot agree with `subject` ("he ... and have
    attempted": "have" wants another subject than "he"; "they ... and has"); False where
    either says nothing of its number (a past other than "was", a modal, joined subjects)."""
    tensed = next((c for c in verb.children if c.dep_ in {"aux", "auxpass"}), verb)
    if subject.conjuncts:
        return False
    word = subject.lower_
    singular_verb = tensed.tag_ == "VBZ" or tensed.lower_ in SINGULAR_PASTS
    plural_verb = tensed.tag_ == "VBP" or tensed.lower_ in PLURAL_PASTS
    third_singular = word in {"he", "she", "it"} or subject.tag_ in {"NN", "NNP"}
    plural = word in {"we", "they"} or subject.tag_ in {"NNS", "NNPS"}
    return (singular_verb and plural) or (plural_verb and third_singular)


def joins_clause_above(verb: Token) -> Token | None:
    """The verb a tensed conjunct really joins where the parser hung it on the bare verb of
    a reported clause ("X said the alliance would strengthen its defences and called on
    Russia to stop": "called" cannot share "would", so it is joined to "said" and says what
    X did, not what X said): a conjunct in a past or present tense with no auxiliary of its
    own, on a verb a modal or "to" governs, in a clause that hangs on a verb of the
    conjunct's tense. None for any other verb."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in FINITE or head.tag_ != "VB":
        return None
    if any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children):
        return None
    governed = any(c.dep_ == "aux" and c.tag_ in {"MD", "TO"} for c in head.children)
    above = head.head
    if not governed or head.dep_ not in {"ccomp", "xcomp"} or above.i == head.i:
        return None
    return above if above.tag_ == verb.tag_ else None


def phoned_for(verb: Token) -> bool:
    """Whether `verb` calls someone to do what the caller does on the line ("called
    Erdogan to express his condolences", "called his counterpart to discuss the crisis"):
    a calling verb (frames.yaml ``calls``) with a direct object and an infinitive of a
    call's purpose."""
    calls = frames().calls
    if verb.lemma_.lower() not in calls.verbs or direct_object(verb) is None:
        return False
    return any(
        c.dep_ in {"xcomp", "advcl"}
        and c.lemma_.lower() in calls.purposes
        and any(a.tag_ == "TO" for a in c.children)
        for c in verb.children
    )


def stray_conjunct(verb: Token) -> bool:
    """Whether `verb` is a second predicate of the clause it hangs on that the parser took
    for that clause's complement ("KCNA said the drills were a rehearsal and warned that
    ...": "warned" hung on "said" as what was said): a verb with a tense and no subject of
    its own, hung as a complement right after "and" or "but"."""
    if verb.dep_ != "ccomp" or verb.tag_ not in FINITE or verb.left_edge.i == 0:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in verb.children):
        return False
    before = verb.doc[verb.left_edge.i - 1]
    return before.dep_ == "cc" and before.lower_ in {"and", "but"}
