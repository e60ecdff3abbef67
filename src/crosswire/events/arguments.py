"""Who does what to whom: a predicate's subjects and objects as actors, with passives
turned round, datelines and titles skipped, and subjects inherited from the clause or noun
above (the controller of an infinitive or gerund, the noun a participle is on)."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from crosswire.actors.keys import fold
from crosswire.actors.lexicon import reporting_verbs
from crosswire.events.clause_links import governing_object
from crosswire.events.context import Context
from crosswire.events.counted import counted_people
from crosswire.events.data import frames
from crosswire.events.owners import act_doers
from crosswire.events.participants import (
    ACTOR_TYPES,
    actors_of,
    dateline,
    generic_actor,
    named_place,
    title_word,
    unique,
)
from crosswire.events.patterns import told_act, verb_lemma, verb_patterns
from crosswire.events.syntax import (
    PASSIVE_SUBJECTS,
    SINGULAR_PASTS,
    SUBJECTS,
    TENSED,
    agent_objects,
    clause_subject,
    direct_object,
    disagrees,
    doc_text,
    in_purpose_phrase,
    joins_clause_above,
    phoned_for,
    plain_pronoun_object,
    predicated_infinitive,
    stray_conjunct,
    verb_of_argument,
)
from crosswire.model import ActorRef

OBJECTS = {"dobj", "obj", "dative", "pobj"}
MAX_INHERITANCE = 3  # clauses climbed for a subject
MAX_SHARING_GAP = 3  # "shot and killed", "arrested and formally charged"
STATEMENT_ENDS = {".", "!", "?", '"', "\u201d", "'", "\u2019", ":", ";"}
QUOTE_MARKS = {'"', "\u201d", "'", "\u2019", "''"}
PARENTHESIS_MARKS = {"-", "\u2013", "\u2014", ","}  # what closes a clause set in a sentence
# Clauses of a headline whose past form may be a passive without its auxiliary ("Man
# charged after CEO gunned down at party")
HEADLINE_CLAUSES = {"ROOT", "advcl"}


def arguments(verb: Token, context: Context) -> tuple[list[ActorRef], list[ActorRef]]:
    """(subjects, objects) as actors, passives turned round: 'X was met by Y' -> ([Y], [X])."""
    subject_tokens = [t for c in _own_subjects(verb) for t in _undated_subject(c)]
    passive = [t for c in verb.children if c.dep_ in PASSIVE_SUBJECTS for t in _undated_subject(c)]
    agents = agent_objects(verb) or [a for c in _bare_conjuncts(verb) for a in agent_objects(c)]
    if not agents and verb.dep_ == "conj" and _passive_form(verb):
        agents = agent_objects(verb.head)  # "was hauled out by police and taken into custody"
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not passive and not subject_tokens:
        if (
            _misread_main_verb(verb, agents)
            or _active_participle(verb, agents)
            or _after_parenthesis(verb, agents)
        ):
            subject_tokens = [verb.head]  # "Hundreds of people protested outside ... ."
        else:
            passive = [verb.head]  # "citizens abducted by North Korea": the noun is the patient
    if _headline_passive(verb) or _bare_passive(verb) or _headline_fined_by(verb):
        subject_tokens, passive = [], subject_tokens  # "Councillor arrested on suspicion"
        agents = agents or _by_objects(verb)  # "Apple fined 1.8 billion euros by EU"
    if not subject_tokens and not passive:
        inherited = _inherited_subject(verb, context)
        if _passive_form(verb):
            passive = inherited  # "was identified and arrested", "is believed to have been"
        else:
            subject_tokens = inherited
    if passive and not agents and verb_lemma(verb) in frames().stance_participles:
        # "the government is committed to talks", "represents change and is committed to"
        subject_tokens, passive = passive, []
    if passive and not agents and not subject_tokens:
        agents = _doers_when(verb, passive)  # "was killed when two robbers opened fire"
    obj = direct_object(verb) or shared_object(verb)
    subjects = [a for t in subject_tokens for a in _actors(t, context) or _act_doers(t, context)]
    subjects += [a for t in agents for a in agent_actors(t, context)]
    objects = [a for t in passive for a in _actors(t, context)]
    if obj is not None:
        objects += _actors(obj, context)
    return unique(subjects), unique(objects)


def _own_subjects(verb: Token) -> list[Token]:
    """The verb's subject; of two the parser gave it ("Woman killed in hit-and-run, police
    arrest driver": a headline's two clauses read as one), the one nearest before it."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    before = [s for s in subjects if s.i < verb.i]
    if not subjects and verb.tag_ == "VBZ":
        return _name_read_as_adverb(verb)
    return before[-1:] if len(subjects) > 1 and before else subjects


def _name_read_as_adverb(verb: Token) -> list[Token]:
    """ "Turkey attacks Kurdish militants": a name that opens the clause right before a
    present-tense verb with no subject, which the parser took for an adverbial noun, is the
    subject."""
    first = verb.doc[verb.left_edge.i]
    named = first.dep_ == "npadvmod" and first.head.i == verb.i and first.pos_ == "PROPN"
    return [first] if named and first.right_edge.i + 1 == verb.i else []


def _actors(token: Token, context: Context) -> list[ActorRef]:
    """The actors a subject or object names, or the people it counts ("Dozens gathered")."""
    last = _agreeing_conjunct(token)
    if last is not None:
        return _own_actor(last, context)
    return actors_of(token, context) or counted_people(token, context)


def _act_doers(subject: Token, context: Context) -> list[ActorRef]:
    """The doers an act that is a verb's subject names: what it did, they did ("Russian
    shelling of Kherson killed three civilians": Russia; never Kherson, whom it hit)."""
    return act_doers(subject, context) if told_act(subject) else []


def _agreeing_conjunct(subject: Token) -> Token | None:
    """ "witnesses identified the car as a Camry and Smith, 23, of Albany, was arrested": a
    coordinated subject takes a plural verb, so one whose verb is singular ("was", "has",
    "is") was joined by the parse to nouns of the clause before; the subject is its last
    conjunct, the one nearest the verb."""
    if subject.dep_ not in SUBJECTS | PASSIVE_SUBJECTS or not subject.conjuncts:
        return None
    verb = subject.head
    tensed = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.tag_ in TENSED]
    finite = tensed[0] if tensed else verb
    if finite.tag_ != "VBZ" and finite.lower_ not in SINGULAR_PASTS:
        return None
    return max([subject, *subject.conjuncts], key=lambda t: t.i)


def _own_actor(token: Token, context: Context) -> list[ActorRef]:
    """The actor a noun names by itself, not with the nouns joined to it."""
    mention = context.mention_at(token)
    if mention is not None and mention.type in ACTOR_TYPES:
        return [mention.actor]
    found = generic_actor(token, context)
    return [found] if found is not None else []


def inherited_patient(verb: Token, context: Context) -> Token | None:
    """The one acted on by a passive with no subject of its own, taken from the clause it
    hangs on ("X was arrested and released": X is released too), for the patterns that
    want their object to be an actor."""
    own = {c.dep_ for c in verb.children}
    if own & (SUBJECTS | PASSIVE_SUBJECTS) or not _passive_form(verb):
        return None
    return next(iter(_inherited_subject(verb, context)), None)


def shared_object(verb: Token) -> Token | None:
    """ "shot and killed the teen": verbs joined right next to each other, the later with
    no subject or auxiliary of its own, share the object the last one has ("refused to
    deploy troops and has urged its citizens" share nothing)."""
    if any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
        return None
    for conjunct in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        own = {c.dep_ for c in conjunct.children}
        bare = not own & (SUBJECTS | PASSIVE_SUBJECTS | {"aux", "auxpass"})
        if bare and conjunct.i - verb.i <= MAX_SHARING_GAP:
            return direct_object(conjunct) or shared_object(conjunct)
    return None


def _headline_passive(verb: Token) -> bool:
    """ "Chargers' Jackson arrested on suspicion of DUI": a headline drops the auxiliary of
    a passive (and tells an active past in the present: "Police arrest ..."); a past form
    heading a line with no full stop, or an adverbial clause of one ("... after CEO gunned
    down at party"), with a subject, no auxiliary and no object is one.
    In a sentence that ends with one ("Turkish forces attacked on Monday."), the past form
    is the active past whatever the tagger says."""
    children = {c.dep_ for c in verb.children}
    return (
        (verb.tag_ == "VBN" or (verb.tag_ == "VBD" and _one_subject(verb)))
        and bool(children & SUBJECTS)
        and not children & {"aux", "auxpass", "dobj", "obj", "ccomp", "xcomp"}
        and (
            (verb.dep_ in HEADLINE_CLAUSES and _headline(verb))
            or _headline_run_on(verb)
            or _patient_complement(verb)
        )
    )


def _headline_fined_by(verb: Token) -> bool:
    """ "Apple fined 1.8 billion euros by EU": a headline's past form with a subject, no
    auxiliary, an object and a "by" phrase after it is a passive of a verb with two objects
    (fined, sentenced, handed): an active verb takes no "by" phrase of its doer."""
    children = {c.dep_ for c in verb.children}
    return (
        verb.tag_ in {"VBD", "VBN"}
        and verb.dep_ in HEADLINE_CLAUSES
        and _headline(verb)
        and bool(children & SUBJECTS)
        and not children & {"aux", "auxpass"}
        and bool(children & {"dobj", "obj"})
        and bool(_by_objects(verb))
    )


def _by_objects(verb: Token) -> list[Token]:
    """The objects of a "by" phrase after the verb that the parser read as a preposition."""
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "by" and c.i > verb.i
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _patient_complement(verb: Token) -> bool:
    """A preposition only the one acted on takes ("charged with", "accused of": frames.yaml
    ``patient_complements``), or none for a verb that always takes its object ("wounded")."""
    preps = frames().patient_complements.get(verb_lemma(verb))
    if preps is None:
        return False
    return not preps or any(c.dep_ == "prep" and c.lower_ in preps for c in verb.children)


def _one_subject(verb: Token) -> bool:
    """A single, uncoordinated subject: with several ("The US, Russia and Switzerland
    met", "Protesters marched") a past form without object is the intransitive active of
    a joint act, not a passive."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    listed = {"conj", "appos"}  # "The US, Russia and ..." is parsed with an apposition
    return all(
        s.tag_ in {"NN", "NNP"} and not any(c.dep_ in listed for c in s.children) for s in subjects
    )


def _headline_run_on(verb: Token) -> bool:
    """ "Chargers' Jackson arrested on suspicion of DUI / Chargers wide receiver ...": the
    parse ran a headline into the line below (and may hang its verb on a word there); a
    verb whose sentence goes on past its line, hung on the next line or the root, and
    whose own line, opening with its subject, has no closing punctuation, heads that
    headline."""
    text = doc_text(verb.doc)
    start = text.rfind("\n", 0, verb.idx) + 1
    end = text.find("\n", verb.idx)
    if end < 0 or end >= verb.sent.end_char:
        return False  # the sentence ends on the verb's line (`_headline`)
    if verb.dep_ != "ROOT" and verb.head.idx < end:
        return False  # hung on a word of its own line
    line = text[start:end]
    first = start + len(line) - len(line.lstrip())  # where the line's words begin
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    opens = all(s.left_edge.idx == first for s in subjects)
    return bool(line.strip()) and line.strip()[-1] not in STATEMENT_ENDS and opens


def _misread_main_verb(participle: Token, agents: list[Token]) -> bool:
    """A past form the parser hung as a participle on a sentence's root noun, in a
    sentence that ends with a full stop and has no other verb ("Hundreds of people
    protested outside the US embassy in London."), coding only acts their doer is the one
    named (`doers_acts`): the sentence's main verb in the active, its subject that noun
    (as `_headline_passive` reads a past form that heads such a sentence). A headline drops
    a passive's auxiliary ("Man shot dead in Dallas"), as a caption may ("Two people
    killed in Kabul blast.")."""
    head = participle.head
    acts = {p.type for p in verb_patterns().get(verb_lemma(participle), ())}
    return (
        bool(acts)
        and acts <= frames().doers_acts
        and head.dep_ == "ROOT"
        and head.pos_ in {"NOUN", "PROPN", "NUM"}
        and not agents
        and direct_object(participle) is None
        and not _headline(participle)
    )


def _after_parenthesis(participle: Token, agents: list[Token]) -> bool:
    """A past form right after a clause set off by dashes or commas on the sentence's root
    noun ("The Palestinian Authority - which has rejected the US as a mediator - called for
    an emergency meeting"): a participle of the noun follows it directly ("citizens
    abducted by North Korea"), so this one is the noun's main verb."""
    head = participle.head
    if head.dep_ != "ROOT" or head.pos_ not in {"NOUN", "PROPN"} or agents:
        return False
    between = [c for c in head.children if c.dep_ in {"relcl", "appos"} and c.i < participle.i]
    return bool(between) and participle.nbor(-1).text in PARENTHESIS_MARKS


def _active_participle(participle: Token, agents: list[Token]) -> bool:
    """A past form the parser hung on a noun that has an object of its own and no "by"
    phrase: a passive participle takes no object, so in a sentence (not a headline, which
    drops a passive's auxiliary) it is the active verb of that noun ("Israeli airstrikes
    killed at least 20 people in Gaza, officials said")."""
    after = participle.i > participle.head.i
    has_object = direct_object(participle) is not None
    # an all-capitals line is a headline too, whose parse reads "KILLED BY DRUNK DRIVER"
    # with "BY DRUNK DRIVER" for an object
    headline = _headline(participle) or participle.text.isupper()
    return after and has_object and not agents and not headline


def _doers_when(verb: Token, patients: list[Token]) -> list[Token]:
    """The doers a passive with no "by" phrase names in its "when" clause: the clause's
    active subject, a noun (not a pronoun) other than the patient, of an act with an object
    ("was killed when two would-be robbers emptied their pistols", "was arrested when
    police raided his home"; not "was shot when he stepped out of his car", nor "were killed
    when two helicopters crashed")."""
    return [
        subject
        for clause in verb.children
        if clause.dep_ == "advcl"
        and any(m.dep_ in {"mark", "advmod"} and m.lower_ == "when" for m in clause.children)
        and direct_object(clause) is not None  # an act on something, not "helicopters crashed"
        for subject in clause.children
        if subject.dep_ in SUBJECTS
        and subject.pos_ in {"NOUN", "PROPN"}
        and subject.lemma_.lower() not in {p.lemma_.lower() for p in patients}
    ]


def _headline(verb: Token) -> bool:
    """Whether the verb's sentence is a line with no closing punctuation (a headline)."""
    words = [t for t in verb.sent if not t.is_space]
    while words and words[-1].text in QUOTE_MARKS and len(words) > 1:
        words.pop()  # "Hong Kong 'threatened with intervention'": the quote closes no statement
    return bool(words) and words[-1].text not in STATEMENT_ENDS


def _bare_conjuncts(verb: Token) -> list[Token]:
    """ "was shot and killed by police": the participles joined to a passive with no
    subject of their own, which share its "by" phrase."""
    if not {c.dep_ for c in verb.children} & (PASSIVE_SUBJECTS | {"auxpass"}):
        return []
    return [
        c
        for c in verb.conjuncts
        if c.tag_ == "VBN" and not {d.dep_ for d in c.children} & (SUBJECTS | PASSIVE_SUBJECTS)
    ]


def agent_actors(agent: Token, context: Context) -> list[ActorRef]:
    """The doer a passive's "by" phrase names: its actors, else the actor named on what
    it names ("killed by a police bullet": police; "by a sheriff's SWAT team": the
    sheriff)."""
    found = actors_of(agent, context)
    if found:
        return found
    owners = [c for c in agent.children if c.dep_ in {"poss", "compound", "nmod"}]
    return [a for owner in owners for a in actors_of(owner, context)][:1]


def _passive_form(verb: Token) -> bool:
    """A passive without a subject of its own: with its passive auxiliary ("to have been
    arrested"), a bare participle complement ("was seen shot"), or a participle conjoined
    to a passive and sharing its auxiliary ("was identified and arrested")."""
    children = {c.dep_ for c in verb.children}
    if "auxpass" in children or _reduced_passive(verb):
        return True
    # a joined "-ed" form the tagger read as a past is as much a participle ("was evicted
    # in April and sentenced to 50 weeks")
    joined_ed = verb.tag_ == "VBD" and verb.dep_ == "conj" and verb.lower_.endswith("ed")
    if (verb.tag_ != "VBN" and not joined_ed) or children & {"aux", "dobj", "obj"}:
        return False
    if verb.dep_ in {"xcomp", "oprd"}:
        return True
    if verb.dep_ == "advcl" and not children & {"mark", "ccomp"}:
        # "Arrested in Paris, the diplomat ..."; not a clause ("when", "if") and not a
        # question put to the subject ("Asked whether ..., Biden said": his answer is news)
        return True
    if verb.dep_ == "acomp" and verb.head.lemma_ == "be":
        # "Kathina was slain in front of her home": read as an adjective; but "China is
        # committed to the formula" states China's own stance
        return verb_lemma(verb) not in frames().stance_participles
    if verb.dep_ == "conj" and verb.head.dep_ == "acomp" and verb.head.tag_ in {"VBN", "JJ"}:
        return True  # "was Tasered and taken": joined to a participle read as an adjective
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        head = {c.dep_ for c in verb.head.children}
        return bool(head & (PASSIVE_SUBJECTS | {"auxpass"})) or _passive_form(verb.head)
    return False


def _reduced_passive(verb: Token) -> bool:
    """ "responded when directly attacked", "will retaliate if attacked": a past form a
    subordinator opens with no subject, auxiliary or object of its own (the tagger often
    reads it as an active past)."""
    if verb.dep_ != "advcl" or verb.tag_ not in {"VBD", "VBN"}:
        return False
    if {c.dep_ for c in verb.children} & (SUBJECTS | {"aux", "auxpass", "dobj", "obj"}):
        return False
    return _opened_by(verb, frames().reduced_clause_marks)


def _bare_passive(verb: Token) -> bool:
    """ "with Mr Jenkin arrested shortly afterwards": a past form with a subject but no
    auxiliary or object in an absolute "with" phrase is a passive whose subject is the one
    acted on (elsewhere the tagger's participle is often an active past: "after
    authorities boxed in his car", "as soon as Armenia resorted to")."""
    children = {c.dep_ for c in verb.children}
    if not children & SUBJECTS or children & {"aux", "auxpass", "dobj", "obj", "ccomp", "xcomp"}:
        return False
    marked = any(c.dep_ == "mark" and c.lower_ == "with" for c in verb.children)
    absolute = marked or (verb.dep_ == "pcomp" and verb.head.lower_ == "with")
    return absolute and verb.tag_ in {"VBD", "VBN"}


def _undated_subject(subject: Token) -> list[Token]:
    """A dateline or a title ("Col. Ahmed Saleh" parsed as two subjects) taken for the
    subject hands over to the names set beside it; a participle taken for a clausal
    subject, to the noun it is on (`clause_subject`)."""
    subject = clause_subject(subject)
    if title_word(subject) or _run_into_next(subject) or _from_another_line(subject):
        return []
    if not dateline(subject):
        return [subject]
    return [
        a
        for a in subject.children
        if a.dep_ in {"appos", "conj"} and a.i > 0 and a.nbor(-1).text != "(" and not dateline(a)
    ]


def _run_into_next(subject: Token) -> bool:
    """ "San Diego Chargers wide receiver Vincent Jackson was arrested": the parse made two
    subjects of one phrase; the first, written right against the second with no comma or
    conjunction between, only says which one (his team), it is not a subject of its own."""
    last = subject.right_edge
    return not last.is_punct and any(
        other.dep_ == subject.dep_ and other.left_edge.i == last.i + 1
        for other in subject.head.children
        if other.i != subject.i
    )


def _from_another_line(subject: Token) -> bool:
    """ "POSTED: 1052 GMT ... / A Michigan man shot ...": the parse hung a word of the line
    above on the verb as a second subject; the one on the verb's own line is its subject."""
    verb = subject.head

    def apart(a: Token, b: Token) -> bool:
        first, last = sorted((a, b), key=lambda t: t.i)
        return "\n" in first.doc[first.i : last.i].text_with_ws

    return apart(subject, verb) and any(
        other.dep_ in SUBJECTS | PASSIVE_SUBJECTS and not apart(other, verb)
        for other in verb.children
        if other.i != subject.i
    )


def active_subjects(verb: Token, context: Context) -> list[Token]:
    """The words that do what an active `verb` says: its own subjects, else those its
    clause takes from the one it hangs on ("a slab could break loose and destroy")."""
    own = [c for c in verb.children if c.dep_ in SUBJECTS]
    if own or _passive_form(verb):
        return own
    return _inherited_subject(verb, context)


def _inherited_subject(verb: Token, context: Context, depth: int = 0) -> list[Token]:
    """The subject a predicate without one takes from the clause or noun it depends on."""
    first = _headline_first_predicate(verb)
    if first is not None:
        return _subjects(first, passive=False)  # "Indian Navy foils attack, nabs 26 pirates"
    head = _verb_above(verb)
    if depth > MAX_INHERITANCE or head.i == verb.i:
        return []
    found = _controller(verb, head, context)
    if found is None:
        return []
    # "opened fire, killing two before being taken into custody": a phrase's clause is
    # the one its preposition is on
    above = head.head if verb.dep_ == "pcomp" else head
    if not found and above.pos_ in {"VERB", "AUX"}:
        return _inherited_subject(above, context, depth + 1)
    return found


def _headline_first_predicate(verb: Token) -> Token | None:
    """ "Indian Navy foils attack in Gulf of Aden, nabs 26 pirates": in a headline, the
    parser may hang the first of two predicates sharing a subject on the second as its
    complement; the first, of the same tense, with a subject of its own."""
    if verb.dep_ != "ROOT" or not _headline(verb):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "ccomp"
            and c.i < verb.i
            and c.tag_ == verb.tag_
            and any(s.dep_ in SUBJECTS for s in c.children)
        ),
        None,
    )


def _verb_above(verb: Token) -> Token:
    """The word a verb's clause hangs on: for a verb joined to a noun the parse took for
    its conjunct ("to disperse protests and beating", "escorted the Libyan, Atif Issa
    Enhamed, to the airport and put him on a flight": on the named object), the verb whose
    object that noun is."""
    head = verb.head
    if verb.dep_ != "conj" or verb.pos_ != "VERB":
        return head
    above = joins_clause_above(verb)
    if above is not None:
        return above  # "said the alliance would strengthen ... and called on Russia"
    for _ in range(MAX_INHERITANCE):
        # an object, whatever its tag ("brigands" read as a verb), or a name joined to one
        joined = head.dep_ in {"conj", "appos"} and head.pos_ in {"NOUN", "PROPN"}
        if not (head.dep_ in OBJECTS - {"pobj"} or joined) or head.head.i == head.i:
            break
        head = head.head
    return head


def _controller(verb: Token, head: Token, context: Context) -> list[Token] | None:
    """Who does what `verb` says, by how it hangs on `head` ([]: ask the clause above; None:
    no one): 'urged X to lift' (X), 'planned to meet', 'were seen beating', 'met and
    talked', 'opened fire, killing one', 'a declaration demanding', 'forces beating
    protesters', 'the man charged with killing'."""
    if stray_conjunct(verb):
        return _subjects(head, passive=False) or None  # "said ... and warned that": KCNA
    if verb.dep_ in {"xcomp", "advcl"} and phoned_for(head):
        return _subjects(head, passive=False) or None  # "phoned Putin to urge him": Macron
    plan = governing_object(verb)
    if plan is not None:
        # "foiled the pirates' plot to attack": the plotters', not the foilers'; a plan a
        # support verb carries is its subject's ("announced a plan to withdraw")
        owners = [c for c in plan.children if c.dep_ == "poss" and actors_of(c, context)]
        carried = head.lemma_.lower() in frames().support_verbs
        return owners or (_subjects(head, passive=False) if carried else None) or None
    if verb.dep_ == "xcomp":
        return _complement_controller(head, context)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN":
        # "Arrested in Paris, the diplomat was flown home": a participle clause is a passive
        # whose subject is the main clause's, active or passive; never its doer ("Asked
        # whether ..., Biden said": Biden was asked, not asking)
        return _subjects(head, passive=True) if _passive_form(verb) else None
    if verb.dep_ == "acomp":
        # "X was slain": X undergoes it; "X is committed to": X takes its own stance
        return _subjects(head, passive=_passive_form(verb)) or None
    stranded = _stranded_subject(verb) or _subject_read_as_object(verb, head)
    if stranded is not None:
        return [stranded]
    if verb.dep_ == "conj" and _passive_form(verb):
        if head.dep_ == "acomp":
            # "X was Tasered and taken into custody": the predicate adjective's subject
            return _subjects(head.head, passive=True) or None
        # "X was identified and arrested": the passive subject of the first is the second's;
        # "X turned himself in and was charged": so is the active one (joined predicates
        # share their subject, whatever each one's voice)
        passive = [c for c in head.children if c.dep_ in PASSIVE_SUBJECTS]
        return passive or _subjects(head, passive=False) or None
    if verb.dep_ == "conj" and head.pos_ == "NOUN" and head.dep_ in {"ROOT", "ccomp"}:
        # "A sniper shot and killed a doctor" (also reported: "..., the police said"): the
        # parser took the doer and the first verb for one noun ("sniper shot"), whose
        # modifier is the doer
        return [c for c in head.children if c.dep_ == "compound" and actors_of(c, context)]
    if verb.dep_ == "conj":
        # "Officers were called to the scene and arrested the gunman": a bare verb joined
        # to a passive shares its subject; one with a tense of its own ("has been indicted
        # and will resign") may start a clause of its own, left as it was
        bare = not any(c.dep_ == "aux" for c in verb.children)
        found = _subjects(head, passive=False) or (_subjects(head, passive=True) if bare else [])
        if found and all(disagrees(verb, s) for s in found) and head.head.i != head.i:
            # "The relatives say he will have a better life and have attempted to portray":
            # "have" is not the verb of "he" but of the clause above, joined to the wrong verb
            return [s for s in _subjects(head.head, passive=False) if not disagrees(verb, s)]
        return found
    if _reduced_relative_main(verb, head):
        # "A former employee recently let go from his job opened fire": the parser read the
        # participle of a reduced relative as the main verb and the main verb as its
        # complement; a clause with a tense and no subject of its own is the subject's
        return _subjects(head, passive=False) or None
    if verb.dep_ == "advcl":
        harm = _harm_before(verb, head)
        if harm is not None:
            # "pointed it at the officers, who fired 11 rounds, striking Gray", "opened fire
            # on the protesters, who had gathered there, killing three": a harm's result
            # follows the harm, in or out of a relative clause, whatever the parse says
            return _subjects(harm, passive=False)
        if verb.tag_ == "VBG" and _opened_by(verb, frames().time_clause_marks):
            # "the deputy was killed while investigating an attack", "officers were attacked
            # while arresting him": the doer of an "-ing" clause of time is the subject, also
            # the subject of a passive (an unmarked one may be the agent's: "dispersed by
            # police using tear gas")
            return _subjects(head, passive=False) or _subjects(head, passive=True)
        # "the demonstration staged by students to protest": a passive's purpose is its doer's
        return _subjects(head, passive=False) or agent_objects(head)
    if verb.dep_ == "dep" and verb.tag_ == head.tag_ and verb.tag_ in TENSED:
        # "bought a shotgun the day after he lost his job, then returned ... and opened
        # fire": a predicate of the same tense the parse left unlinked after a comma is a
        # further predicate of the same subject
        return _subjects(head, passive=False)
    if predicated_infinitive(verb):
        # "Modi became the first Indian prime minister to visit Israel": the one the
        # predicate noun says is first to do it, the subject of "became"
        return _subjects(head.head, passive=False) or None
    if verb.dep_ == "acl":
        host = verb_of_argument(head)
        if host is not None and plain_pronoun_object(verb):
            # "sent letters to the departments urging them to": the pronoun is the noun,
            # so the parse hung the participle of the clause on its own object
            return active_subjects(host, context) or None
        if fold(head.lemma_) in frames().asking_nouns:
            return _asked(head, context) or None  # "Trump's request to X to investigate"
        if actors_of(head, context):
            return [head]  # "security forces beating protesters"
        owners = [c for c in head.children if c.dep_ == "poss" and actors_of(c, context)]
        if owners:
            return owners  # "foiling the pirates' attempt to attack merchant vessels"
        if _purpose(head) and host is not None and verb.tag_ != "VBN":
            # "issued a declaration demanding", "opened its borders in a move to demand"
            return active_subjects(host, context) or None
        return None
    if verb.dep_ == "pcomp" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        # "the pirates' intention of attacking merchant vessels": the possessor's
        owners = [c for c in head.head.children if c.dep_ == "poss" and actors_of(c, context)]
        return owners or None
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
        if head.lower_ in frames().adverbial_preps:
            # "criticised Germany after meeting X": a time or manner phrase's doer is the
            # clause's subject, not its object (or the subject that clause inherits)
            return _subjects(head.head, passive=True)
        # "X was charged with killing Y", "blamed X for attacking Y"
        return _complement_controller(head.head, context) or None
    return None


def _reduced_relative_main(verb: Token, head: Token) -> bool:
    """A complement clause with a past or present tense but no subject, no opening word
    ("that", "whether") and no auxiliary, after a past form that heads the sentence with no
    object of its own, as a passive participle has none, and says nothing (a verb of
    saying's complement is what was said): the sentence's true main verb (`_controller`)."""
    if verb.dep_ != "ccomp" or verb.tag_ not in {"VBD", "VBZ"} or verb.i < head.i:
        return False
    if head.dep_ != "ROOT" or head.tag_ not in {"VBD", "VBN"} or direct_object(head):
        return False
    if fold(head.lemma_) in reporting_verbs():
        return False
    own = {c.dep_ for c in verb.children}
    return not own & (SUBJECTS | PASSIVE_SUBJECTS | {"mark", "aux", "auxpass", "expl"})


def _asked(noun: Token, context: Context) -> list[Token]:
    """Whom a noun of asking asks ("the request to the Ukrainian president", "the call on
    Iran"): the objects of its ``asked_preps`` that name actors."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in frames().asked_preps]
    return [g for p in preps for g in p.children if g.dep_ == "pobj" and actors_of(g, context)]


def _opened_by(clause: Token, marks: Collection[str]) -> bool:
    """Whether one of the subordinators `marks` opens the clause ("when", "while")."""
    return any(c.dep_ in {"mark", "advmod"} and c.lower_ in marks for c in clause.children)


def _harm_before(participle: Token, head: Token) -> Token | None:
    """For a gerund of harm, the act of harm it results from where the parse hung it on
    another predicate: a relative clause's act of harm ending right before it (a comma
    between at most), or, where it hangs on a relative clause of no harm, the act of harm
    whose argument that clause is on."""
    if participle.tag_ != "VBG" or head.i > participle.i or not _harms(participle):
        return None
    if head.dep_ == "relcl" and not _harms(head):
        outer = verb_of_argument(head.head)
        return outer if outer is not None and _harms(outer) else None
    for verb in participle.doc[head.i + 1 : participle.i]:
        if verb.dep_ != "relcl" or verb.head.i <= head.i:
            continue
        gap = participle.doc[verb.right_edge.i + 1 : participle.i]
        if len(gap) <= 1 and all(t.is_punct for t in gap) and _harms(verb):
            return verb if any(c.dep_ in SUBJECTS for c in verb.children) else None
    return None


def _harms(verb: Token) -> bool:
    """Whether the verb is coded an attack ("killed") or acts with a weapon ("opened fire")."""
    if any(p.type == "ASSAULT" for p in verb_patterns().get(verb_lemma(verb), ())):
        return True
    found = direct_object(verb)
    return found is not None and found.lower_ in frames().harm_objects


def _purpose(noun: Token) -> bool:
    """A noun through which its verb's subject acts: the verb's object ("issued a
    declaration demanding") or "in" phrase ("in a move to demand", "in a bid to"), not a
    noun set beside it ("despite reports urging new rules": the reports urge)."""
    return noun.dep_ in OBJECTS - {"pobj"} or in_purpose_phrase(noun)


def _subject_read_as_object(verb: Token, head: Token) -> Token | None:
    """ "Syrian forces move into town as Turkey vows to keep hammering": a subordinate
    clause whose opening word the parser read as a preposition, so that its subject became
    the preposition's object and its verb, with a tense but no subject, hangs on the main
    clause; the noun right before the verb is its subject."""
    if verb.dep_ != "advcl" or verb.tag_ not in TENSED or verb.i == 0:
        return None
    if any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS for c in verb.children):
        return None
    before = verb.nbor(-1)
    opener = before.head
    subordinator = opener.lower_ in frames().subordinators
    if before.dep_ != "pobj" or not subordinator or opener.head.i not in {head.i, verb.i}:
        return None
    return before if before.pos_ in {"NOUN", "PROPN"} else None


def _stranded_subject(verb: Token) -> Token | None:
    """ "football is a team game and fellow player Vincent Jackson was arrested": a joined
    verb with a tense of its own but no subject, whose subject the parse hung as a
    conjunct on a noun before it; the noun right before its first auxiliary is it."""
    tensed = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.tag_ in TENSED]
    if verb.dep_ != "conj" or not tensed or tensed[0].i == 0:
        return None
    before = tensed[0].nbor(-1)
    joined = before.dep_ == "conj" and before.head.i < before.i
    stranded = before.pos_ in {"NOUN", "PROPN"} and joined and verb not in before.ancestors
    return before if stranded else None


def _complement_controller(head: Token, context: Context) -> list[Token]:
    """The object that names an actor ("urged Iran to", not "used a stun gun to", nor a
    place: "used a Taser to", which the tagger may take for one), else the subject, active
    or passive ("Israel is prepared to", "were seen beating")."""
    if head.dep_ == "acl" and head.tag_ == "VBN":
        return [head.head]  # "a son suspected of killing": the son
    objects = [c for c in head.children if c.dep_ in OBJECTS - {"pobj"}]
    named = [o for o in objects if actors_of(o, context) and not named_place(o, context)]
    if named:
        return named
    found = _subjects(head, passive=True)
    if not found and head.dep_ in {"acomp", "xcomp"} and head.head.i != head.i:
        # "Israel is prepared [to impose]": the adjective's clause holds the subject
        return _subjects(head.head, passive=True)
    return found


def _subjects(verb: Token, passive: bool) -> list[Token]:
    """The verb's subjects as its clause's own are read (`_undated_subject`: not a dateline
    the parser took for one, "BLOOMINGTON, Minn. - Police used a Taser to arrest")."""
    deps = SUBJECTS | PASSIVE_SUBJECTS if passive else SUBJECTS
    return [t for c in verb.children if c.dep_ in deps for t in _undated_subject(c)]
