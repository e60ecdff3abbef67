"""Word sense: a trigger in a sense that is no event of its type (data/events/senses.yaml),
whatever proposed it. An accident is no assault ("was struck by a car", "killed in a
crash"), an idiom is not the verb's event ("struck out on his own"), firing a board is a
dismissal, people evacuating a building aid no one, a prisoner serving a sentence is in a
state, a patient released from hospital is no freed captive, committing a crime is no
pledge, and a source's terms with the reporter ("requested anonymity") are no request."""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from spacy.tokens import Token

from crosswire.actors.lexicon import reporting_verbs
from crosswire.datafiles import DataModel, Sector, load
from crosswire.events.codes import verbal_attack
from crosswire.events.context import Context
from crosswire.events.counted import counted_people
from crosswire.events.data import frames
from crosswire.events.harmed import harmed
from crosswire.events.modality import counselled_against
from crosswire.events.participants import generic_actor
from crosswire.events.patterns import verb_patterns
from crosswire.events.recipients import is_case
from crosswire.events.syntax import (
    PASSIVE_SUBJECTS,
    RELATIVE_TAGS,
    SUBJECTS,
    complement_preps,
    direct_object,
    marked_infinitives,
    passive_subject,
    phoned_for,
    phrases,
    predicatives,
)
from crosswire.model import PloverType

Words = frozenset[str]
# Entity labels of a preposition's object that is when, not what ("on Monday")
TIMES = {"DATE", "TIME"}


class Monologue(DataModel):
    """Talk about a topic with no partner: speech, no consultation."""

    verbs: Words
    topic_preps: Words
    partner_preps: Words


class Discharges(DataModel):
    verbs: Words
    places: Words
    care_verbs: Words


class Sourcing(DataModel):
    objects: Words
    verbs: Words
    questions: Words


class Inquiries(DataModel):
    verbs: Words
    openers: Words
    permissions: Words


class PrivatePosts(DataModel):
    verbs: Words
    posts: Words
    dismissing_verbs: Words
    jobs: Words


class KeptInState(DataModel):
    verbs: Words
    preps: Words


class Senses(DataModel):
    harm_types: frozenset[PloverType]
    vehicles: Words
    natural_forces: Words
    mishaps: Words
    accident_harms: Words
    collision_verbs: Words
    unprotesting_sectors: frozenset[Sector]
    idioms: dict[str, Words]
    kept_in_state: KeptInState
    seeming: Words
    means_objects: Words
    reflexives: Words
    needs_people_object: dict[str, frozenset[PloverType]]
    people_objects: dict[str, frozenset[PloverType]]
    objectless: dict[str, frozenset[PloverType]]
    needs_complement: dict[str, dict[PloverType, Words]]
    stating_clause: dict[str, frozenset[PloverType]]
    state_objects: dict[str, Words]
    monologue: Monologue
    discharges: Discharges
    private_posts: PrivatePosts
    sourcing: Sourcing
    inquiries: Inquiries


PLACE_TYPES = {"PLACE", "COUNTRY"}  # mentions of where, not of whom
MAX_CLIMB = 3  # clauses climbed for the doer of a verb without a subject


@cache
def senses() -> Senses:
    return load("events/senses.yaml", Senses)


def no_event(verb: Token, lemma: str, event_types: Collection[str], context: Context) -> bool:
    """True where `verb` (keyed by `lemma`), which could be an event of `event_types`, is
    none in this sentence: an idiom, or an accident of a verb that could be harm (then it is
    no other event either: "was struck by a car" is no labour strike), also one the article
    tells elsewhere (`_told_collision`)."""
    if _idiom(verb, lemma) or _kept_in_state(verb, lemma):
        return True
    data = senses()
    if _state_object(verb, lemma) or _discharge(verb, lemma) or _seeming(verb, lemma):
        return True
    if _private_post(verb, lemma):
        return True
    if _sourcing(verb) or _inquiry(verb, lemma) or counselled_against(verb, to_no_one=True):
        return True  # ... "warned against raising tariffs": advice, no one's act
    harm = bool(data.harm_types & set(event_types))
    accident = _vehicle_doer(verb) or _in_mishap(verb) or _after_a_force(verb)
    accident = accident or _mishap_named_beside(verb)
    return harm and (accident or _told_collision(verb, lemma, context))


def _idiom(verb: Token, lemma: str) -> bool:
    """The verb with a particle of its idioms: marked as one, or read as an adverb, or as
    a preposition right after it ("held off the army")."""
    words = senses().idioms.get(lemma, frozenset())
    return any(
        c.lower_ in words
        and (c.dep_ in {"prt", "advmod"} or (c.dep_ == "prep" and c.i == verb.i + 1))
        for c in verb.children
    )


def _kept_in_state(verb: Token, lemma: str) -> bool:
    """'held Echenique scoreless', 'was held to two catches': a verb of keeping with a
    complement, or a phrase of the kept-to prepositions, that none of its patterns codes."""
    data = senses().kept_in_state
    if lemma not in data.verbs:
        return False
    patterns = verb_patterns().get(lemma, ())
    coded = {word for p in patterns for word in p.complement}
    phrased = {phrase for p in patterns for phrase in p.phrase}
    if any(c.lemma_.lower() not in coded for c in predicatives(verb)):
        return True
    return any(
        phrase.partition(" ")[0] in data.preps and phrase not in phrased for phrase in phrases(verb)
    )


def _mishap_named_beside(verb: Token) -> bool:
    """'Woman killed in Queens hit-and-run': a harm with no doer of its own in a sentence
    that names a road accident by its hyphenated name, which the parse may split into verbs
    ("hit", "run") and so hide from `_in_mishap`."""
    if _own_doers(verb) or verb.lemma_.lower() not in senses().accident_harms:
        return False
    text = verb.sent.text.lower()
    return any(mishap in text for mishap in senses().mishaps if "-" in mishap)


def _told_collision(verb: Token, lemma: str, context: Context) -> bool:
    """'she was struck in the crosswalk' in an article that says a car struck her (or
    names the hit-and-run): a collision verb with no doer of its own is in the sense the
    article gives it elsewhere, one sense per discourse (a named doer, "LaSalle hit a
    woman", is left to its sentence)."""
    if lemma not in senses().collision_verbs or _own_doers(verb):
        return False
    if context.road_accident is None:
        context.road_accident = _road_accident(context)
    return context.road_accident


def _own_doers(verb: Token) -> list[Token]:
    """The doers of the verb's own clause: a passive's are its "by" agents only (the clause
    it hangs on has a doer of its own: "was walking when she was struck")."""
    if any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children):
        # at the deepest climb `_doers` climbs no further: the verb's own "by" agents only
        return [d for d in _doers(verb, MAX_CLIMB) if d.dep_ == "pobj"]
    return _doers(verb)


def _road_accident(context: Context) -> bool:
    """Whether the article tells a road accident: a collision verb with a vehicle as its
    doer, or the accident's name ("hit-and-run")."""
    text = context.text.lower()
    # a hyphenated name of a road accident only (the parse splits it): no "crash" of markets
    if any(mishap in text for mishap in senses().mishaps if "-" in mishap):
        return True
    verbs = senses().collision_verbs
    return any(t.lemma_.lower() in verbs and _vehicle_doer(t) for t in context.doc)


def other_sense(
    verb: Token, lemma: str, event_type: str, context: Context, object_named: bool = False
) -> bool:
    """True where `verb` (keyed by `lemma`) is, in this sentence, no event of `event_type`
    though it may be one of another type. `object_named`: the pattern's own object words
    matched ("prevented the rally"), which decide the sense where a thing is the object."""
    data = senses()
    if event_type in data.harm_types and lemma in data.means_objects:
        return _patient_not_means(verb) or _people_let_go(verb, context)
    harm = event_type in data.harm_types and lemma not in frames().criticism_verbs
    if harm and verbal_attack(verb):
        return True  # "beating the law", "killed the bill": no harm, no criticism
    if harm and is_case(direct_object(verb)):
        return True  # "face murder and kidnapping charges": the charge's name, parsed a verb
    if event_type in data.needs_people_object.get(lemma, ()) and not object_named:
        return not _people_object(verb, context)
    people = event_type in data.people_objects.get(lemma, ()) and not object_named
    if people and _thing_object(verb, context):
        return True  # "to arrest global warming"
    if event_type in data.objectless.get(lemma, ()) and direct_object(verb) is not None:
        return True  # "demonstrated hostility": shown, no protest
    stating = event_type in data.stating_clause.get(lemma, ())
    if stating and any(c.dep_ == "ccomp" for c in verb.children):
        return True  # "concede that the government was forced": admitted, not yielded
    if lemma in data.monologue.verbs and _monologue(verb, data.monologue):
        return True  # "talking about his appearance": speech, no talks
    if event_type == "PROTEST" and _armed_doer(verb, context):
        return True  # "jewel thieves have struck": a crime, no strike
    if event_type != "CONSULT" and phoned_for(verb):
        return True  # "called Erdogan to express his condolences": a call, no request
    needs = data.needs_complement.get(lemma, {})
    preps = next((p for kind, p in needs.items() if kind == event_type), None)
    if preps is not None:
        return not _complement(verb, preps)
    return False


def _armed_doer(verb: Token, context: Context) -> bool:
    """The verb's subject is criminals, armed irregulars or an army (`unprotesting_sectors`),
    who do not protest: "thieves have struck", "gunmen stormed", "the army took to the
    streets"."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if verb.dep_ == "relcl":  # "a gunman who marched into a party": the gunman
        subjects = [verb.head if s.tag_ in RELATIVE_TAGS else s for s in subjects]
    return any(_sector(s, context) in senses().unprotesting_sectors for s in subjects)


def _sector(noun: Token, context: Context) -> str | None:
    """The sector of the actor a noun names: its mention's, else its agent noun's."""
    mention = context.mention_at(noun)
    actor = mention.actor if mention is not None else generic_actor(noun, context)
    return actor.sector if actor is not None else None


def self_inflicted(trigger: Token, event_type: str) -> bool:
    """Harm whose object is the doer's own self and no one else ("killed himself", not
    "shot himself and his wife"). Read once the model has decided the sentence's events,
    whose features see the sentence's proposals: "blew himself up, killing 20 people"
    keeps the killing."""
    if event_type not in senses().harm_types or trigger.pos_ not in {"VERB", "AUX"}:
        return False
    found = direct_object(trigger)
    return found is not None and found.lower_ in senses().reflexives and not found.conjuncts


def _monologue(verb: Token, data: Monologue) -> bool:
    """A verb of talk with a topic ("about ...") or nothing at all ("he doesn't talk"),
    and no one it is with or to, its subject one party (not "he and Bushnell had been
    talking about the visit", "the two sides talked about trade", "they were talking")."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if any(s.conjuncts or s.tag_ in {"NNS", "NNPS"} for s in subjects):
        return False
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    # the parse may hang the partner on the topic ("spoke about Syria with Merkel")
    anywhere = {t.lower_ for t in verb.subtree if t.dep_ in {"prep", "dative"}}
    # "He doesn't talk": no one to talk with and nothing said of how
    alone = not any(c.dep_ in {"dobj", "npadvmod"} for c in verb.children)
    alone = alone and all(s.morph.get("Number", ["Sing"]) == ["Sing"] for s in subjects)
    return bool(preps & data.topic_preps or alone) and not anywhere & data.partner_preps


def _state_object(verb: Token, lemma: str) -> bool:
    """'was serving a life sentence', 'is serving ten years in prison'."""
    objects = senses().state_objects.get(lemma, frozenset())
    obj = direct_object(verb)
    return obj is not None and _head_word(obj) in objects


def _sourcing(verb: Token) -> bool:
    """'requested anonymity', 'asked for comment', 'declined to comment', 'asked not to be
    named': a source's terms with the reporter, no act between actors."""
    data = senses().sourcing
    if _question_put(verb, data.questions):
        return True
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    objects += _prep_objects(verb, {"for"})
    if any(_head_word(o) in data.objects and _unowned(o) for o in objects):
        return True
    # the source's own terms ("refused to identify himself"), not a request that another
    # party keep something back ("asked the media not to identify the witnesses")
    own = not objects
    return own and any(c.dep_ == "xcomp" and c.lemma_.lower() in data.verbs for c in verb.children)


def _inquiry(verb: Token, lemma: str) -> bool:
    """ "asked how she felt", "asked whether Iran would release the sailors": a question,
    no request (not "asked if he could see his son")."""
    data = senses().inquiries
    if lemma not in data.verbs:
        return False
    clauses = [c for c in verb.children if c.dep_ in {"ccomp", "advcl"}]
    return any(
        verb.doc[clause.left_edge.i].lower_ in data.openers
        and not any(c.dep_ == "aux" and c.lower_ in data.permissions for c in clause.children)
        for clause in clauses
        if clause.i > verb.i
    )


def _question_put(verb: Token, questions: Collection[str]) -> bool:
    """ "Asked about the appeal, the prosecutor said": a participle clause of asking on a
    verb of reporting is the reporter's question to the one who answers."""
    asked = verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.lemma_.lower() in questions
    return asked and verb.head.lemma_.lower() in reporting_verbs()


def _unowned(noun: Token) -> bool:
    """ "anonymity", "any comments", "no comment": the source's own terms; "his comments",
    "the comments" are someone's words, which an event may be about ("rebuked Australia for
    its comments")."""
    return all(
        c.dep_ != "poss" and (c.dep_ != "det" or c.lower_ in {"any", "no"}) for c in noun.children
    )


def _seeming(verb: Token, lemma: str) -> bool:
    """ "That struck me as different": "as" right after the object, not opening a clause."""
    obj = direct_object(verb)
    if lemma not in senses().seeming or obj is None or obj.right_edge.i + 1 >= len(verb.doc):
        return False
    after = verb.doc[obj.right_edge.i + 1]
    return after.lower_ == "as" and after.dep_ != "mark"


def _discharge(verb: Token, lemma: str) -> bool:
    """'was released from hospital', 'was treated at a hospital and released'."""
    data = senses().discharges
    if lemma not in data.verbs:
        return False
    from_care = any(_head_word(obj) in data.places for obj in _prep_objects(verb, {"from"}))
    joined = [verb.head] if verb.dep_ == "conj" else []
    after_care = any(v.lemma_.lower() in data.care_verbs for v in (*joined, *verb.conjuncts))
    return from_care or after_care


def _private_post(verb: Token, lemma: str) -> bool:
    """'resigned as CEO', 'stepped down as coach of the team', 'fired from his job'."""
    data = senses().private_posts
    if lemma in data.dismissing_verbs:
        return any(_head_word(job) in data.jobs for job in _prep_objects(verb, {"from"}))
    if lemma not in data.verbs:
        return False
    return any(_head_word(post) in data.posts for post in _prep_objects(verb, {"as"}))


def _complement(verb: Token, preps: Collection[str]) -> bool:
    """'committed to a partnership', 'committed itself to ...', 'committed to cut tariffs'."""
    return bool(complement_preps(verb, preps) or marked_infinitives(verb, preps)) or any(
        c.dep_ == "xcomp" for c in verb.children
    )


def _vehicle_doer(verb: Token) -> bool:
    """'A car struck the woman', 'was hit by a train', 'an earthquake destroyed the town':
    the doer's head word is a vehicle or a natural force."""
    return any(_head_word(d) in senses().vehicles or _natural_force(d) for d in _doers(verb))


def _doers(verb: Token, depth: int = 0) -> list[Token]:
    """The words naming who does what `verb` says: its subjects or passive agents, else
    those of the clause it hangs on ("a driver struck and killed a pedestrian", "a driver
    fled after striking a woman"), the noun a relative pronoun stands for ("a driver who
    fled")."""
    doers = [c for c in verb.children if c.dep_ in SUBJECTS]
    # "was struck and killed by a motorist": the joined participle's agent is the doer too
    for agent in (c for v in (verb, *verb.conjuncts) for c in v.children if c.dep_ == "agent"):
        doers += [c for c in agent.children if c.dep_ == "pobj"]
    if verb.dep_ == "relcl" and any(d.tag_ in RELATIVE_TAGS for d in doers):
        return [verb.head]
    if doers or depth >= MAX_CLIMB:
        return doers
    clause = verb.head.head if verb.dep_ == "pcomp" else verb.head
    if verb.dep_ in {"conj", "pcomp", "advcl"} and clause.pos_ in {"VERB", "AUX"}:
        return _doers(clause, depth + 1)
    return []


def _in_mishap(verb: Token) -> bool:
    """'killed in a crash', 'died in a hit-and-run accident', 'died in a fire'; also on a
    verb it is coordinated with ('shot and killed in a hunting accident')."""
    return any(
        _mishap(obj)
        for word in (verb, *verb.conjuncts)
        for obj in _prep_objects(word, {"in", "during"})
    )


def _after_a_force(verb: Token) -> bool:
    """'was destroyed after a fire broke out', 'were killed when a storm hit the coast': a
    harm with no doer of its own, whose adverbial clause has a natural force or a mishap
    as its subject."""
    own = [c for c in verb.children if c.dep_ in SUBJECTS or c.dep_ == "agent"]
    return not own and any(
        _mishap(subject)
        for clause in verb.children
        if clause.dep_ == "advcl"
        for subject in clause.children
        if subject.dep_ in SUBJECTS
    )


def _mishap(noun: Token) -> bool:
    """A crash, an accident ("hit-and-run" as written) or a natural force."""
    mishaps = senses().mishaps
    return _head_word(noun) in mishaps or _word(noun) in mishaps or _natural_force(noun)


def _natural_force(noun: Token) -> bool:
    """A fire, flood, storm or earthquake with no doer named on it: 'Israeli fire' and
    'artillery fire' (a nationality, an actor or a weapon before it) are shooting."""
    if _head_word(noun) not in senses().natural_forces:
        return False
    return not any(
        c.dep_ in {"compound", "poss", "nmod"} or c.ent_type_ in {"NORP", "GPE", "ORG"}
        for c in noun.children
    )


def _patient_not_means(verb: Token) -> bool:
    """'fired the board': an object that is no weapon or shot ("fired shots") makes the
    verb another word, unless it is fired at something ("fired batteries at Russia"). A
    passive's subject decides alone: shots "were fired at police", a man "was fired from
    his job at a firm"."""
    undergoer = passive_subject(verb)
    if undergoer is not None:
        # a sentence's first word may be tagged a name and keep its plural ("Rockets")
        forms = {_head_word(undergoer), undergoer.lower_, undergoer.lower_.removesuffix("s")}
        return not forms & harmed().means
    if any(
        c.dep_ == "prep"
        and c.lower_ in harmed().preps
        and any(o.dep_ == "pobj" and o.ent_type_ not in TIMES for o in c.children)
        for c in verb.children
    ):
        return False  # "fired at the car", not "fired the coach on Monday"
    patient = direct_object(verb) or passive_subject(verb)
    return patient is not None and _head_word(patient) not in harmed().means


def _people_let_go(verb: Token, context: Context) -> bool:
    """ "fired 200 workers at its plant", "fired the coach at the club": people as the
    object of a verb whose harm needs a weapon are dismissed, whatever an "at" phrase says
    (only a weapon or a shot is fired at someone)."""
    patient = direct_object(verb)
    if patient is None or _head_word(patient) in harmed().means:
        return False
    return _people_object(verb, context)


def _people_object(verb: Token, context: Context) -> bool:
    """The object (or passive subject) names people: an actor, an unnamed agent, or an
    adjective used as a noun ("evacuated the wounded"); or people are moved from a place
    ("evacuated the staff from the embassy")."""
    patient = direct_object(verb) or passive_subject(verb) or _shared_passive_subject(verb)
    if patient is None:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children):
        return True
    if patient.pos_ in {"ADJ", "VERB"} and any(c.dep_ == "det" for c in patient.children):
        return True
    return _names_people(patient, context)


def _names_people(noun: Token, context: Context) -> bool:
    """An actor, an unnamed agent, or people stated by their number only ("arrested
    dozens", "evacuated 300"); not a place ("holding Indianapolis to three and out",
    "captured Bakhmut")."""
    mention = context.mention_at(noun)
    if mention is not None:
        return mention.type not in PLACE_TYPES
    return generic_actor(noun, context) is not None or bool(counted_people(noun, context))


def _shared_passive_subject(verb: Token) -> Token | None:
    """The subject a joined passive shares with the one before it ("two men were arrested
    and were being held")."""
    return passive_subject(verb.head) if verb.dep_ == "conj" else None


def _thing_object(verb: Token, context: Context) -> bool:
    """The verb's object is a common noun that names no one ("global warming")."""
    found = direct_object(verb)
    if found is None or found.pos_ != "NOUN":
        return False
    return not _names_people(found, context)


def _prep_objects(word: Token, preps: Collection[str]) -> list[Token]:
    """The objects of the word's prepositions among `preps` ("released from hospital")."""
    return [
        obj
        for prep in word.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _head_word(noun: Token) -> str:
    return noun.lemma_.lower()


def _word(token: Token) -> str:
    """The written word `token` begins, hyphens and all: spaCy splits "hit-and-run" into
    five tokens, the first its head."""
    end = token.i
    while end + 1 < len(token.doc) and not token.doc[end].whitespace_:
        end += 1
    return token.doc[token.i : end + 1].text.lower().rstrip(".,;:!?'\")")
