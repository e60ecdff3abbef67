"""The content of speech acts: an event inside what was agreed, asked, refused or
threatened ("agreed to resign", "urged X to lift sanctions") is no event of its own but
gives the governing one its mode and CAMEO code; "X said Y must ..." is X's demand on Y.
An event noun that is an argument of another event ("convicted of the murder", "the attack
was foiled") is part of that event too (guideline section 2)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.events.antecedents import speaker_pronoun
from crosswire.events.arguments import arguments
from crosswire.events.context import Context
from crosswire.events.data import ContentCode, frames, modality
from crosswire.events.event import build
from crosswire.events.modality import cancelled
from crosswire.events.patterns import VISIT, Pattern, noun_patterns, verb_lemma, verb_patterns
from crosswire.events.senses import senses
from crosswire.events.syntax import SUBJECTS, infinitive_marker
from crosswire.events.targets import one_side
from crosswire.model import ActorRef, EventMention

Coded = list[tuple[Token, EventMention]]  # the events of a sentence by trigger

# Links from a complement up to the predicate whose content it is ("agreed to resign",
# "called for sanctions to be lifted", "rejected a proposal for signing")
CONTENT_LINKS = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl", "oprd", "advcl"}
CONTENT_DEPTH = 4  # steps up to the governing predicate ("convicted of the murder of a man shot")
NOMINAL_POS = {"NOUN", "PROPN"}
TRIGGER_POS = {"VERB", "AUX"} | NOMINAL_POS  # the words the pattern files hold
GERUND_LINKS = {"pcomp", "pobj", "dobj", "nsubjpass"}
# Prepositions whose object names what a predicate is about ("accused of", "arrested for",
# "an inquiry into"), and those that name its background ("released after his arrest",
# guideline section 2): only an event noun is background, a gerund there is a clause of its
# own ("shot three people before killing himself"); after others ("killed during the
# protest") an event noun is its own event
ARGUMENT_PREPOSITIONS = {"of", "for", "into"}
BACKGROUND_PREPOSITIONS = {"after", "following", "before", "since", "amid", "over"}
GENERIC_THREAT = "130"  # CAMEO's threaten, not otherwise specified
GENERIC_CODES = {"030", "100", "120", GENERIC_THREAT}  # codes a content makes specific


def absorb_content(found: Coded) -> Coded:
    """An event inside the content of an AGREE/REQUEST/REJECT/THREATEN/ACCUSE predicate
    ("agreed to resign", "urged X to lift", "refused to meet") is what was promised,
    asked, refused or alleged, not a second event: it gives the governing event its mode
    and CAMEO code and is dropped (one event per predicate). An event named by a noun
    phrase that is another event's argument ("accused of shooting", "convicted of the
    murder of a man shot", "the attack was foiled") is that event's object, not a second
    event either: it is dropped and leaves the governor's code as it is. A clause reported
    as a fact under a verb that codes nothing ("police said he shot X") keeps its event."""
    by_token = {token.i: event for token, event in found}
    trigger_of = {id(event): token for token, event in found}
    kept: Coded = []
    for token, event in found:
        governor = None if _harm_result(token, event) else _content_governor(token, by_token)
        if governor is not None and _has_content(governor, trigger_of[id(governor)]):
            _threat_by_content(governor, trigger_of[id(governor)], event)
            _code_by_content(governor, event)
            _target_from_content(governor, event)
        elif governor is not None and _undone_by(token, trigger_of[id(governor)]):
            _target_from_content(governor, event)  # "abandoned their plans to hijack"
        elif not _is_argument(token, by_token) and not _restates(token, event, governor):
            kept.append((token, event))
    for token, event in kept:
        _threat_by_pursuit(token, event)
    return kept


def _has_content(governor: EventMention, trigger: Token) -> bool:
    """A speech act ("agreed to meet", "urged X to lift") has content; an event coded AGREE
    only because it is planned ("to organise a summit, with Pompeo also meeting Kim Yong
    Chol") says nothing of the events below it, which stay events of their own."""
    if governor.type not in modality().content_codes:
        return False
    return not (governor.modality == "planned" and governor.type not in _pattern_types(trigger))


def _undone_by(token: Token, governor: Token) -> bool:
    """Whether `token` says what a plan undone by the `governor` verb was to do ("the
    pirates abandoned their plans to hijack the vessel": the abandoning is the event, the
    hijacking its object, as "cancelled a visit" is)."""
    plan = token.head
    return token.dep_ in {"acl", "xcomp"} and plan.head.i == governor.i and cancelled(plan)


def _pattern_types(token: Token) -> set[str]:
    """The event types the pattern files give the word (before any recoding)."""
    return {p.type for p in _patterns(token)}


def _patterns(token: Token) -> tuple[Pattern, ...]:
    """The word's patterns in the pattern files, as a verb or as a noun."""
    if token.pos_ in {"VERB", "AUX"}:
        return verb_patterns().get(verb_lemma(token), ())
    nouns = noun_patterns()
    return nouns.get(token.lemma_.lower()) or nouns.get(token.lower_, ())


def _is_argument(token: Token, by_token: dict[int, EventMention]) -> bool:
    """Whether `token` is a noun or gerund naming what another event is about: its object
    or passive subject ("dropped the investigation", "the rally was prevented"), or the
    object of "of/for/into" or of a background preposition; after "of/for/into" the
    predicate may be a trigger word that coded nothing here ("the officer accused of
    shooting": the shooting is what he is accused of)."""
    if not _is_nominal(token):
        return False
    if token.dep_ in {"dobj", "nsubjpass"}:
        return token.head.i in by_token
    if token.dep_ not in {"pobj", "pcomp"} or token.head.dep_ != "prep":
        return False
    preposition, predicate = token.head.lower_, token.head.head
    if preposition == "for" and _trip(by_token.get(predicate.i)):
        return False  # "flew to Beijing for talks with Xi": the talks are held there
    if preposition in ARGUMENT_PREPOSITIONS:
        return predicate.i in by_token or is_trigger_word(predicate)
    if preposition == "with" and _pattern_types(predicate) & frames().charging_types:
        return True  # "charged with murdering", "threatened with arrest"
    background = preposition in BACKGROUND_PREPOSITIONS and token.pos_ in NOMINAL_POS
    return background and predicate.i in by_token


def _trip(event: EventMention | None) -> bool:
    return event is not None and event.mode == VISIT


def _restates(token: Token, event: EventMention, governor: EventMention | None) -> bool:
    """A participle on a noun inside another event's argument that tells that same event
    again ("the killing of a man shot at a checkpoint")."""
    if governor is None or governor.type != event.type or token.dep_ != "acl":
        return False
    return token.head.pos_ in NOMINAL_POS


def _threat_by_content(governor: EventMention, trigger: Token, content: EventMention) -> None:
    """A promise of a coercive act is a threat ("vowed to hunt down the bombers"): THREATEN,
    to be coded by what it threatens."""
    cues = modality()
    promise = trigger.pos_ in {"VERB", "AUX"} and verb_lemma(trigger) in cues.promises
    # the promised act, or the threat its future recoding made of it (not a warning made
    # beside the promise: "pledged to stand united with him, warning Saddam")
    recoded = content.type == "THREATEN" and content.modality == "planned"
    threat = content.type in cues.planned_threats or recoded
    if governor.type == "AGREE" and promise and threat:
        governor.type = "THREATEN"
        governor.mode, governor.cameo = None, GENERIC_THREAT


def _threat_by_pursuit(trigger: Token, event: EventMention) -> None:
    """A promise to pursue people is a threat even where the pursuit codes no event of its
    own ("vowed to hunt down the bombers", "promised to bring the killers to justice")."""
    cues = modality()
    if event.type != "AGREE" or trigger.pos_ not in {"VERB", "AUX"}:
        return
    if verb_lemma(trigger) in cues.promises and any(map(_pursues, _promised(trigger))):
        event.type = "THREATEN"
        event.mode, event.cameo = None, GENERIC_THREAT


def _promised(trigger: Token) -> list[Token]:
    """The acts a promise names: its complement clauses and their conjuncts ("vowed to
    find the bombers and bring them to justice")."""
    clauses = [c for c in trigger.children if c.dep_ in {"xcomp", "ccomp"}]
    return clauses + [c for clause in clauses for c in clause.conjuncts]


def _pursues(act: Token) -> bool:
    """Whether a promised act pursues someone: "hunt down", "bring them to justice" (read
    by the words: the parse may hang "to justice" on the object, "bring those responsible
    to justice", or take "to" for an infinitive's, "bring to justice the murderers")."""
    cues = modality()
    if act.lemma_.lower() in cues.pursuits:
        return True
    return act.lemma_.lower() == "bring" and any(
        goal.lemma_.lower() in cues.pursuit_goals and goal.i > 0 and goal.nbor(-1).lower_ == "to"
        for goal in act.subtree
    )


def _code_by_content(governor: EventMention, content: EventMention) -> None:
    """A governor with no mode or only a generic code takes the one its content gives."""
    if governor.mode is None or governor.cameo in GENERIC_CODES:
        code = modality().content_codes[governor.type].get(content.type)
        if content.type == governor.type and content.cameo not in GENERIC_CODES:
            # a content coded as the governor's own act already ("refused to meet": the
            # meeting refused is a REJECT meet) gives its code as it is
            code = ContentCode(mode=content.mode, cameo=content.cameo)
        if code is not None and code.cameo is not None:
            governor.mode = code.mode if code.mode is not None else governor.mode
            governor.cameo = code.cameo


def _target_from_content(governor: EventMention, content: EventMention) -> None:
    """'urged X to lift' -> X; 'offered to negotiate with Y' (same actor) -> Y; never the
    governor's own side ("Turkey traded threats after Turkish forces shot down ...")."""
    if governor.target is not None:
        return
    same = content.source is None or content.source == governor.source
    target = content.target if same else content.source
    if target is not None and one_side(governor.source, target):
        return
    governor.target = target
    if governor.target is not None and governor.target not in governor.participants:
        governor.participants.append(governor.target)


def _content_governor(token: Token, by_token: dict[int, EventMention]) -> EventMention | None:
    """The nearest coded event above `token` through complement links (from a verb joined
    to a complement, the complement's)."""
    current = _first_of_joined_content(token)
    for _ in range(CONTENT_DEPTH):
        if current.dep_ not in CONTENT_LINKS or current.head.i == current.i:
            return None
        if _set_beside(current):
            return None
        current = current.head
        event = by_token.get(current.i)
        if event is not None:
            return event
    return None


def _first_of_joined_content(token: Token) -> Token:
    """The complement a verb is joined to ("threatened to kill the hostages and attack
    towns": "kill" for "attack"); else the token itself (not a verb joined to another
    clause, "demanding ... and saying", nor to a noun, "vandalized property, looted")."""
    first = token.head
    joined = token.dep_ == "conj" and token.pos_ == "VERB" and first.pos_ == "VERB"
    return first if joined and first.dep_ in {"xcomp", "ccomp"} and first.i < token.i else token


def _set_beside(clause: Token) -> bool:
    """A clause of time or cause ("traded threats after Turkish forces shot down two
    jets", "warned them because they had attacked"): what happened beside the act, not
    what it says."""
    marks = (c.lower_ for c in clause.children if c.dep_ == "mark")
    return clause.dep_ == "advcl" and any(m in frames().subordinators for m in marks)


def _harm_result(token: Token, event: EventMention) -> bool:
    """A participle of harm added to a clause with no subordinator ("pointed a revolver at
    the officers, who fired, striking Gray"): the harm the act did, never what was said."""
    if event.type not in senses().harm_types or token.dep_ != "advcl" or token.tag_ != "VBG":
        return False
    return not any(c.dep_ in {"mark", "aux"} for c in token.children)


def is_trigger_word(token: Token) -> bool:
    """A verb or noun some pattern codes as an event (whether or not it coded one here),
    by itself: a word that codes only within a phrase, with a complement or with a
    particle ("go on strike", "find guilty", "turn in") is no event word elsewhere ("went
    on trial for killing a teenager": the killing is no argument of "went")."""
    if token.pos_ not in TRIGGER_POS:
        return False
    return any(p.of_the_word for p in _patterns(token))


def _is_nominal(token: Token) -> bool:
    """A noun, or a gerund standing as one ("accused of shooting")."""
    return token.pos_ in NOMINAL_POS or (token.tag_ == "VBG" and token.dep_ in GERUND_LINKS)


def obligations(sentence: Span, context: Context, found: Coded) -> Coded:
    """ "X said Y must/should do Z", "X wants Y to do Z": a demand by X on Y (REQUEST), from
    the parse alone. A coded Z ("must release") is the demand's content: it sets the mode
    and is dropped."""
    coded = {token.i: event for token, event in found}
    for token in sentence:
        demand = _demand(token, sentence, context) or _wish(token, sentence, context)
        if demand is None:
            continue
        event, inner = demand
        content = coded.get(inner.i)
        if content is not None:
            code = modality().content_codes["REQUEST"].get(content.type, ContentCode())
            event.mode, event.cameo = code.mode, code.cameo or "100"
            found = [(t, e) for t, e in found if t.i != inner.i]
        found.append((token, event))
    return found


def _demanded(verb: Token) -> Token:
    """What an obligation asks done: the verb, or what its predicate adjective governs
    ("the US must be ready to mediate": mediate)."""
    for predicate in (c for c in verb.children if c.dep_ == "acomp"):
        for complement in (c for c in predicate.children if c.dep_ == "xcomp"):
            return complement
    return verb


def _wish(token: Token, sentence: Span, context: Context) -> tuple[EventMention, Token] | None:
    """ "The US wants the UK to extradite Assange": a wish that another named actor act is
    a request of it (the labelling guideline's REQUEST), not that actor's own plan."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in modality().wishing_verbs:
        return None
    if any(c.dep_ == "neg" for c in token.children):
        return None  # "does not want X to": no request
    inner = next((c for c in token.children if c.dep_ == "ccomp" and _infinitive(c)), None)
    if inner is None:
        return None
    speakers, _ = arguments(token, context)
    addressees, _ = arguments(inner, context)
    event = _request(token, [token], sentence, context, speakers, addressees)
    return None if event is None else (event, inner)


def _infinitive(clause: Token) -> bool:
    """A "to" clause with a subject of its own ("wants [the UK to extradite]")."""
    subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
    return infinitive_marker(clause) is not None and subject


def _demand(token: Token, sentence: Span, context: Context) -> tuple[EventMention, Token] | None:
    """The demand a reported clause with an obligation modal makes, if both sides are
    named, and what it asks done."""
    copula = token.pos_ == "AUX" and any(c.dep_ == "acomp" for c in token.children)
    if (token.pos_ != "VERB" and not copula) or token.dep_ != "ccomp":
        return None  # "said the US must be ready to mediate": a demand too
    cues = modality().obligation_auxiliaries
    if not any(c.dep_ == "aux" and c.lower_ in cues for c in token.children):
        return None
    if any(c.dep_ in SUBJECTS and speaker_pronoun(c) for c in token.children):
        return None  # "she added that we must teach the defendant love": the speaker's own duty
    speakers, _ = arguments(token.head, context)
    addressees, _ = arguments(token, context)
    # a copula's demand is named by its predicate ("must be ready")
    trigger = next((c for c in token.children if c.dep_ == "acomp"), token) if copula else token
    heads = sorted({token, trigger}, key=lambda t: t.i)  # "be ready"
    event = _request(trigger, heads, sentence, context, speakers, addressees)
    return None if event is None else (event, _demanded(token))


def _request(
    trigger: Token,
    heads: list[Token],
    sentence: Span,
    context: Context,
    speakers: list[ActorRef],
    addressees: list[ActorRef],
) -> EventMention | None:
    """The REQUEST an obligation or a wish makes, asserted, where both sides are named."""
    if not speakers or not addressees:
        return None
    pattern = Pattern(lemma=trigger.lemma_, type="REQUEST", example="", cameo="100")
    event = build(trigger, pattern, sentence, context, speakers, addressees, [], heads)
    if event is not None:
        event.modality, event.negated = "asserted", False
    return event
