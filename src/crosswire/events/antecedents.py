"""Whom a pronoun stands for, from the parse: the subject of the clause that reports it
("Syria says it will ...", "Iraq renewed its demand ..."), else, for he/she, the person
named last, and a main clause's "they" the previous sentence's main subject. The
candidate must fit the pronoun: "he" is a person, never "police"; "it" is no person; an
object pronoun is not the subject of its own clause ("police killed him");
and a pronoun inside a quotation is not the speaker outside it, unless it is the speaker's
own "we"."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from crosswire.actors.keys import media_key
from crosswire.actors.lexicon import group_heads, reporting_verbs, roles
from crosswire.actors.noun_senses import names_a_person
from crosswire.events.context import Context
from crosswire.events.data import agents, frames
from crosswire.events.syntax import (
    PASSIVE_SUBJECTS,
    RELATIVE_TAGS,
    SUBJECTS,
    doc_text,
    verb_of_argument,
)
from crosswire.model import ActorRef, Mention
from crosswire.nlp import MAX_CLIMB

Resolve = Callable[[Token, Context], list[ActorRef]]  # the actors a noun phrase names

OBJECTS = {"dobj", "obj", "dative", "pobj"}
DIRECT_OBJECTS = {"dobj", "obj"}
REPORTING_CLAUSES = {"ccomp", "xcomp", "advcl", "conj", "relcl"}
MEDIA_PREFIX = media_key("")  # how an outlet's key begins
CONTROLLED = {"xcomp", "advcl", "conj"}  # clauses whose missing subject is the one above
MAX_REPORTING_STEPS = 4
QUOTES = ('"', "“", "”", "``", "''")  # straight, curly and typeset quotation marks
MAX_QUOTE_TOKENS = 400  # how far back a quotation's opening mark is looked for
# Whom a pronoun stands for where the text does not name them: no other candidate is sought
UNNAMED = ActorRef(key="", name="")
MAX_INFINITIVES = 2  # "threatened to try to use force on them": infinitives climbed to the verb


def antecedent(pronoun: Token, context: Context, resolve: Resolve) -> ActorRef | None:
    """The actor `pronoun` stands for (module docstring), or None."""
    first_person = speaker_pronoun(pronoun)
    speaking = first_person and _quoted(pronoun)
    if first_person and pronoun.lower_ not in frames().pronouns:
        return _speaker(pronoun, context, resolve) if speaking else None  # "I", "me", "my"
    # "pulled a gun on two guards and held them hostage, authorities said": an object's
    # continuity comes before the reporter's
    found = _parallel_object(pronoun, context, resolve) or _subject_above(pronoun, context, resolve)
    if found is UNNAMED:
        return None  # "a man who told prosecutors he had been threatened": not named
    if found is None and speaking:
        found = _speaker(pronoun, context, resolve)  # '"We will punish them," the president said'
    if found is not None:
        return found
    found = _participle_host(pronoun, context, resolve) or _leading_clause_subject(
        pronoun, context, resolve
    )
    if found is not None:
        return found
    if pronoun.lower_ in frames().person_pronouns:
        found = _previous_subject(pronoun, context, resolve)
        if found is not None:
            return found  # "Nichols shot the judge. ... he shot the court reporter"
        previous = context.previous_person(
            pronoun, _bound_subjects(pronoun, context), _bound_objects(pronoun, context)
        )
        if previous is not None and _reporter(previous, context) and not _reporting(pronoun):
            previous = _reported_person(previous, context) or previous
        return previous.actor if previous else None
    if pronoun.lower_ in frames().continuing_pronouns:
        return _previous_subject(pronoun, context, resolve)
    return None


def speaker_pronoun(token: Token) -> bool:
    """A first-person pronoun ("I", "we"), not the capitals of a name ("the US")."""
    return (
        token.lower_ in frames().speaker_pronouns
        and token.pos_ == "PRON"
        and (token.text == "I" or not token.text.isupper())
    )


def _speaker(pronoun: Token, context: Context, resolve: Resolve) -> ActorRef | None:
    """Who says a quotation's "I" or "we": the one its sentence is attributed to, not the
    outlet that reports it ('... police said, according to The New York Times'); a
    spokesman's "we" is the body he speaks for ("Sinha, a navy spokesman": the navy)."""
    speaker = next(
        (
            a.source
            for a in context.attributions
            if a.sentence_start <= pronoun.idx < a.sentence_end
            and a.source is not None
            and not a.source.key.startswith(MEDIA_PREFIX)
        ),
        None,
    )
    if speaker is None or pronoun.lower_ not in frames().plural_speaker_pronouns:
        return speaker
    return _spoken_for(speaker, context.sentence_of(pronoun), context, resolve) or speaker


def _spoken_for(
    speaker: ActorRef, sentence: Span, context: Context, resolve: Resolve
) -> ActorRef | None:
    """The body a spokesman's apposition names: "a navy spokesman", "a spokesman for the
    Somali government"."""
    for token in sentence:
        mention = context.mention_at(token)
        if mention is None or mention.actor.key != speaker.key:
            continue
        for role in (c for c in token.children if c.dep_ == "appos"):
            if role.lemma_.lower() not in frames().spokesman_nouns:
                continue
            bodies = [c for c in role.children if c.dep_ == "compound"]
            bodies += [g for p in role.children if p.lower_ in {"for", "of"} for g in p.children]
            for body in bodies:
                found = resolve(body, context)
                if found:
                    return found[0]
    return None


def _previous_subject(pronoun: Token, context: Context, resolve: Resolve) -> ActorRef | None:
    """For the subject of a sentence's main clause, the named subject of the previous
    sentence's main clause, where the pronoun fits it, or the same person pronoun there,
    whom it stands for in turn (subject continuity: "Police searched the house. They
    arrested two men"; "Nichols shot the judge. ... he shot the court reporter": Nichols,
    not the judge named last); after a sentence that reports, the subject of what it
    reports ("an officer said a gunman entered. He shot ...": the gunman, not the officer);
    not inside a quotation, where "they" is the speaker's to define."""
    sentence = context.sentence_of(pronoun)
    if pronoun.dep_ not in SUBJECTS or pronoun.head.i != sentence.root.i or _quoted(pronoun):
        return None
    if sentence.start == 0:
        return None
    previous = context.sentence_of(context.doc[sentence.start - 1]).root
    if previous.lemma_.lower() in reporting_verbs():
        # "the ministry said two men were held. They ...": not the ministry; "an officer
        # said a gunman entered the store. He shot ...": the reported doer goes on
        reported = [c for c in previous.children if c.dep_ == "ccomp"]
        if not reported:
            return None
        previous = reported[0]
    for subject in (c for c in previous.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS):
        if _quoted(subject):
            continue
        if subject.lower_ in frames().pronouns:
            # "He fled. Later he shot ...": the chain of one person told of
            fits = subject.lower_ == pronoun.lower_ and pronoun.lower_ in frames().person_pronouns
        else:
            fits = _fits(pronoun, subject, context)
        if fits and (actors := resolve(subject, context)):
            return actors[0]
    return None


def _parallel_object(pronoun: Token, context: Context, resolve: Resolve) -> ActorRef | None:
    """For the object of a coordinated verb, the object of the verb before it, where the
    pronoun fits it (object continuity: "police arrested the man and put him in jail",
    "called the Republicans and asked them to act"); a thing is no one's antecedent."""
    verb = _conjoined_verb(pronoun)
    if verb is None or _quoted(pronoun):
        return None
    earlier = [v for v in (verb.head, *verb.head.conjuncts) if v.i < verb.i]
    for other in reversed(earlier):
        for noun in _objects(other):
            if noun.lower_ in frames().pronouns or not _fits_object(pronoun, noun, context):
                continue
            if actors := resolve(noun, context):
                return actors[0]
    return None


def _conjoined_verb(pronoun: Token) -> Token | None:
    """The coordinated verb whose object the pronoun is: directly, through a preposition
    ("fired tear gas at them") or through an infinitive ("threatened to use live ammunition
    on them")."""
    if pronoun.dep_ == "pobj" and pronoun.head.dep_ == "prep":
        verb = pronoun.head.head
    elif pronoun.dep_ in DIRECT_OBJECTS:
        verb = pronoun.head
    else:
        return None
    for _ in range(MAX_INFINITIVES):
        if verb.dep_ != "xcomp" or verb.pos_ != "VERB":
            break
        verb = verb.head
    return verb if verb.dep_ == "conj" and verb.pos_ in {"VERB", "AUX"} else None


def _objects(verb: Token) -> list[Token]:
    """The verb's direct objects, then the objects of its prepositions ("pulled a gun on
    two guards")."""
    direct = [c for c in verb.children if c.dep_ in DIRECT_OBJECTS]
    preps = [c for c in verb.children if c.dep_ == "prep"]
    return direct + [g for p in preps for g in p.children if g.dep_ == "pobj"]


def _participle_host(pronoun: Token, context: Context, resolve: Resolve) -> ActorRef | None:
    """For the object of a participle that adds to a clause ("surrounded the minister,
    urging him to quit"; "sent a letter to the mayor urging him", which the parse may hang
    on the mayor), the one the clause acts on or addresses, where the pronoun fits it."""
    verb = pronoun.head
    if pronoun.dep_ not in DIRECT_OBJECTS or verb.tag_ != "VBG" or _quoted(pronoun):
        return None
    for noun in _addressed(verb):
        if noun.lower_ in frames().pronouns or not _fits_object(pronoun, noun, context):
            continue
        if actors := resolve(noun, context):
            return actors[0]
    return None


def _addressed(participle: Token) -> list[Token]:
    """The nouns a participle's clause acts on or writes to, nearest first."""
    if participle.dep_ == "acl" and verb_of_argument(participle.head) is not None:
        return [participle.head]
    if participle.dep_ != "advcl":
        return []
    clause = participle.head
    nouns = [c for c in clause.children if c.dep_ in DIRECT_OBJECTS]
    nouns += [
        g for c in clause.children if c.dep_ == "dative" for g in c.children if g.dep_ == "pobj"
    ]
    return sorted(nouns, key=lambda t: -t.i)


def _leading_clause_subject(pronoun: Token, context: Context, resolve: Resolve) -> ActorRef | None:
    """The subject of an adverbial clause that opens the pronoun's clause, where the pronoun
    fits it ("after a woman was suspended, she returned"; "when the suspect resisted,
    police tased him"): the clause is told first, so it introduces whom the pronoun is."""
    clause = _clause(pronoun)
    leading = [c for c in clause.children if c.dep_ == "advcl" and c.i < pronoun.i]
    for subordinate in leading:
        for subject in (c for c in subordinate.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS):
            if subject.lower_ in frames().pronouns or not _fits(pronoun, subject, context):
                continue
            if actors := resolve(subject, context):
                return actors[0]
    return None


def _fits_object(pronoun: Token, noun: Token, context: Context) -> bool:
    """He/him stand for one person; they/them for a plural noun, a group or a
    coordination; "it" is left alone (most objects it could stand for are things)."""
    if pronoun.lower_ in frames().person_pronouns:
        return _one_person(noun, context)
    if _singular(pronoun) or pronoun.lower_ not in frames().pronouns:
        return False
    mention = context.mention_at(noun)
    group = mention is not None and mention.type == "GROUP"
    return noun.tag_ in {"NNS", "NNPS"} or group or bool(noun.conjuncts)


def _reporter(mention: Mention, context: Context) -> bool:
    """Whether a person mention is the subject of a verb of saying ("..., Lyons said")."""
    token = _token(mention, context)
    if token is None:
        return False
    return token.dep_ in SUBJECTS and token.head.lemma_.lower() in reporting_verbs()


def _reporting(pronoun: Token) -> bool:
    """Whether the pronoun itself says something ("He added"): it goes on with the speaker."""
    return pronoun.dep_ in SUBJECTS and pronoun.head.lemma_.lower() in reporting_verbs()


def _reported_person(reporter: Mention, context: Context) -> Mention | None:
    """The last person named before the reporter in the reporter's sentence: the one the
    report is about ("Comeaux took the officers' weapons, Lyons said. He was serving a life
    sentence": Comeaux), whom a pronoun that follows the report goes on with."""
    token = _token(reporter, context)
    if token is None:
        return None
    sentence = context.sentence_of(token)
    for mention in reversed(context.mentions):
        before = sentence.start_char <= mention.start < reporter.start
        if before and mention.type == "PERSON" and mention.actor.key != reporter.actor.key:
            return mention
    return None


def _token(mention: Mention, context: Context) -> Token | None:
    span = context.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


def _subject_above(pronoun: Token, context: Context, resolve: Resolve) -> ActorRef | None:
    """The first fitting named subject of the pronoun's clause or of the clauses above it."""
    clause = _clause(pronoun)
    binding = _binding_clause(pronoun)
    for _ in range(MAX_REPORTING_STEPS):
        # "police killed him", "Clinton met Blair, welcoming him": not the subject
        bound = binding is not None and (clause == binding or _controls(clause, binding))
        if not bound:
            actor = _named_subject(pronoun, clause, context, resolve)
            if actor is not None:
                return actor
        if clause.dep_ not in REPORTING_CLAUSES:
            break
        clause = clause.head
    return None


def _binding_clause(pronoun: Token) -> Token | None:
    """The clause whose subject an object pronoun cannot stand for: its own."""
    return _clause(pronoun) if pronoun.dep_ in OBJECTS else None


def _controls(clause: Token, own: Token) -> bool:
    """Whether `clause`'s subject is also the subject of `own`, a clause without one of its
    own below it ("Clinton met Blair, welcoming him": Clinton welcomes)."""
    return (
        own.head.i == clause.i
        and own.dep_ in CONTROLLED
        and not any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS for c in own.children)
    )


def _bound_subjects(pronoun: Token, context: Context) -> list[tuple[int, int]]:
    """The character spans of the subjects an object pronoun cannot stand for: its own
    clause's, or the controlling clause's ("Putin welcomed him": someone named before
    Putin, not Putin); only the subject's own name ("a witness against Timmons identified
    him": Timmons may be him)."""
    own = _binding_clause(pronoun)
    if own is None:
        return []
    clauses = [own, own.head] if _controls(own.head, own) else [own]
    subjects = (c for k in clauses for c in k.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS)
    named = (context.mention_at(s) for s in subjects)
    return [(m.start, m.end) for m in named if m is not None]


def _bound_objects(pronoun: Token, context: Context) -> frozenset[str]:
    """The actors a subject pronoun cannot stand for: the named objects of its own verb
    ("He shot Wilhelm": not Wilhelm, whoever was named last)."""
    if pronoun.dep_ not in SUBJECTS:
        return frozenset()
    objects = (c for c in pronoun.head.children if c.dep_ in DIRECT_OBJECTS)
    named = (context.mention_at(o) for o in objects)
    return frozenset(m.actor.key for m in named if m is not None)


def _clause(pronoun: Token) -> Token:
    """The predicate a pronoun belongs to: the verb above it ("its demand", "to him")."""
    clause = pronoun.head
    for _ in range(MAX_CLIMB):  # bounded: a climb over a parse always ends
        if clause.pos_ in {"VERB", "AUX"} or clause.head.i == clause.i:
            break
        clause = clause.head
    return clause


def _named_subject(
    pronoun: Token, clause: Token, context: Context, resolve: Resolve
) -> ActorRef | None:
    for subject in (c for c in clause.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS):
        if _reported_by_relative(pronoun, subject, clause):
            # "a man who told prosecutors he had been threatened": the man
            return _relative_noun(pronoun, clause.head, context, resolve)
        if subject.i == pronoun.i or pronoun in subject.subtree:
            continue
        if _may_stand_for(pronoun, subject, context):
            actors = resolve(subject, context)
            if actors:
                return actors[0]
    return None


def _reported_by_relative(pronoun: Token, subject: Token, clause: Token) -> bool:
    """Whether `subject` is the relative pronoun of `clause`, a relative clause on a person
    that the pronoun's own clause hangs below ("a man who told prosecutors [he had been
    threatened]"; not "the man who they say hit", where the pronoun is a subject beside it)."""
    return (
        subject.tag_ in RELATIVE_TAGS
        and subject.lower_ in agents().personal_relatives
        and clause.dep_ == "relcl"
        and pronoun.head.i != clause.i
    )


def _relative_noun(
    pronoun: Token, noun: Token, context: Context, resolve: Resolve
) -> ActorRef | None:
    """The actor of the noun a relative clause's subject stands for, where the pronoun may
    stand for it; `UNNAMED` where that noun names no actor ("a man")."""
    if not _fits(pronoun, noun, context):
        return None
    actors = resolve(noun, context)
    return actors[0] if actors else UNNAMED


def _may_stand_for(pronoun: Token, subject: Token, context: Context) -> bool:
    """Whether `pronoun` may stand for `subject`, the subject of its clause or of one that
    reports it."""
    if subject.lower_ in frames().pronouns:
        # "he was uncooperative, refusing to leave his car": his is whom he is
        return _same_kind(pronoun, subject) and not _quoted(pronoun) and not _quoted(subject)
    if not _fits(pronoun, subject, context):
        return False
    # '"He shot one man," said the spokesman': not the spokesman; but '"We implore you,"
    # the physicians wrote': a quoted "we" is its speaker
    speaker = _quoted(pronoun) and not _quoted(subject)
    return not speaker or _first_person(pronoun)


def _first_person(pronoun: Token) -> bool:
    return pronoun.morph.to_dict().get("Person") == "1"


def _same_kind(pronoun: Token, other: Token) -> bool:
    """Two pronouns that may stand for the same actor: both a person's (he, his) or both
    no person's (it, its, they)."""
    person = frames().person_pronouns
    return (pronoun.lower_ in person) == (other.lower_ in person)


def _fits(pronoun: Token, subject: Token, context: Context) -> bool:
    """He/she stand for one person, of their sex; it/they/we for no single person; "it"
    for no plural noun ("police said the bomb was found and it exploded": not police)."""
    personal = pronoun.lower_ in frames().person_pronouns
    if _singular(pronoun) and subject.tag_ == "NNS" and context.mention_at(subject) is None:
        return False
    return _one_person(subject, context) == personal and _same_sex(pronoun, subject, context)


def _same_sex(pronoun: Token, noun: Token, context: Context) -> bool:
    """Whether the person named at `noun` may be the pronoun's: by the title or first name
    of a person a mention names, else by the noun ("he" is no "spokeswoman")."""
    mention = context.mention_at(noun)
    if mention is not None:
        return context.sex_agrees(pronoun, mention.actor.key)
    gender = pronoun.morph.get("Gender", [])
    sex = noun_sex(noun.lower_)
    return not gender or sex is None or sex in gender


def noun_sex(word: str) -> str | None:
    """The sex a noun of people says ("spokeswoman": Fem, "gunman": Masc), if any."""
    data = agents()
    for sex, words in data.sexed_nouns.items():
        if word in words:
            return sex
    if word in data.unsexed_endings:
        return None
    for sex, endings in data.sexed_endings.items():  # "woman" before "man"
        if any(word.endswith(e) for e in endings):
            return sex
    return None


def _singular(pronoun: Token) -> bool:
    return pronoun.morph.to_dict().get("Number") == "Sing"


def _one_person(token: Token, context: Context) -> bool:
    """A person's name, an office one person holds ("the US president", which the actors
    stage names as an ORG with its role), or a singular noun that names one person ("the
    gunman", "the minister"), not a group ("police", "the army")."""
    mention = context.mention_at(token)
    if mention is not None:
        office = mention.type == "ORG" and mention.role is not None and token.tag_ == "NN"
        return (mention.type == "PERSON" or office) and not token.conjuncts
    word = token.lemma_.lower()
    if token.tag_ != "NN" or word in group_heads():
        return False
    return word in agents().individuals or word in roles() or names_a_person(word)


def _quoted(token: Token) -> bool:
    """Inside a quotation: an odd number of quotation marks before it in its paragraph (a
    quotation may run over several sentences, not over a paragraph), counted in the text
    ("``" and "''" are one mark each, whichever token the parser hangs them on)."""
    text = doc_text(token.doc)
    earliest = token.doc[max(0, token.i - MAX_QUOTE_TOKENS)].idx
    start = max(text.rfind("\n", 0, token.idx) + 1, earliest)
    return sum(text.count(mark, start, token.idx) for mark in QUOTES) % 2 == 1
