"""Which time expression dates an event, read on the parse (the labelling guideline's
section 6): one attached to the event's own words ("met on Monday", "Tuesday's attack",
"found him guilty in 1997", "killed during a demonstration in 1985"), else one the
sentence applies to it (a conjoined or simultaneous clause: "was shot and killed on
Saturday", "killed three Wednesday as police fought protesters"; the time a relative
clause describes, "on Sunday night when thieves stormed ..."; a time that opens the
sentence, "In 1972, after Mitchell resigned, ..."); never one in another sentence, in a
reported clause ("officials said Monday that ..."), in a relative clause, one that bounds
the event instead of dating it ("the first visit since 2009") or one that spans up to the
report ("this week"). Whether the publication date may stand in is `recent_report`'s
question (not for what did not happen: "was going to be shot", "foiled an attack"), and
`dated_elsewhere`'s (not where the sentence or the article places the event in the past)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Token

from crosswire.events.clause_links import scheduling_participle
from crosswire.events.context import Context
from crosswire.events.data import dates, frames, modality, typographic
from crosswire.events.patterns import VISIT, noun_patterns, verb_lemma, verb_patterns
from crosswire.events.syntax import (
    doc_text,
    in_purpose_phrase,
    joins_clause_above,
    predicated_infinitive,
    verb_of_argument,
)
from crosswire.model import Modality, TimeExpr
from crosswire.timex.values import contract_date

# Links up the tree along which a clause shares its time with the one above it (see
# `_shares_time_upward`); anything else (a reported, relative or object clause) stops.
MAX_LEVELS = 3  # how many clauses up a date is looked for
# The nouns whose "-ing" participle takes the time of their verb (`_shares_time_upward`)
PARTICIPLE_HOSTS = {"dobj", "obj", "nsubj", "nsubjpass", "pobj"}
NOUN_SUBJECTS = {"nsubj", "nsubjpass"}
# Links from a word to the word that governs what it names ("foiled an attack", "foiling
# the intention of attacking", "was going to be shot")
GOVERNED = {"dobj", "pobj", "pcomp", "prep", "xcomp", "nsubjpass", "compound"}
# Links of a predicative adjective, whose date is its verb's: "found him guilty in 1997"
PREDICATIVE = {"acomp", "oprd", "ccomp", "xcomp"}
# Links into an argument of a verb (`_argument_part`)
ARGUMENT_LINKS = {
    *("prep", "pobj", "pcomp", "dobj", "nsubj", "nsubjpass", "acl", "relcl", "attr"),
    *("ccomp", "parataxis"),  # what was said or chanted: "chanted 'will you kill today'"
}
# What a time expression can be to a word without dating it: "2016 was a hard year" (but a
# copula's predicate dates its subject: "the meeting was Monday")
NOT_MODIFIERS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
PRE_MODIFIERS = {"nummod", "compound", "amod", "poss"}  # "the 1967 war", "2016's election"
PARTY_ENTITIES = {"GPE", "ORG", "PERSON", "NORP"}  # the named parties a comparison may name
# A news report tells the past few days' events; a date the article gives that ends more
# than this many days before its publication places the story it tells in that past
RECENT_DAYS = 7
_WEEKDAYS = frozenset(day.lower() for day in calendar.day_name)
# A charge or a verdict for what the sentence dates within the past year is still news
# ("charged with murdering the deputy on June 24"); one for what it dates before is told
# as background ("given life after being convicted of stabbing his wife in 1999")
YEAR = 365
BACKGROUND_CLAUSES = {"relcl", "acl", "advcl"}  # clauses beside a sentence's news
PERFECT_AUXILIARIES = typographic(frozenset({"has", "have", "'ve", "'s"}))
RECENT_ASPECT_AUXILIARIES = PERFECT_AUXILIARIES | typographic(
    frozenset({"is", "are", "am", "'re", "'m"})
)


@dataclass(frozen=True, slots=True)
class Dating:
    """A time expression attached to an event: the date it fixes in the exported form
    (None: it fixes none, "recently", "for years", or an unresolved "Monday")."""

    time: TimeExpr
    date: str | None


def clause_dating(heads: list[Token], context: Context) -> list[Dating]:
    """The time expressions attached to the event's own words (`heads`: the trigger first,
    then its light-verb noun; a noun event that is the subject of its clause has that
    clause's: "fighting has escalated in recent days"), in text order."""
    trigger = heads[0]
    words = list(heads)
    subject = trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ in NOUN_SUBJECTS
    # so has one that a support verb carries ("wrapped up a meeting with Saddam on Monday")
    clause = subject or _supported(trigger)
    if clause and trigger.head.i != trigger.i and trigger.head not in words:
        words.append(trigger.head)
    trip = _trip_made_for(trigger)  # "arrived on Tuesday for talks with Moi"
    if trip is not None:
        words.append(trip)
    # and the other way round: a verb whose subject names the event itself has its
    # subject's time ("the bombings on Aug. 7 killed 259 people")
    words += [c for c in trigger.children if c.dep_ in NOUN_SUBJECTS and _event_noun(c)]
    planning = scheduling_participle(trigger)  # "a summit set for Washington in April"
    if planning is not None:
        words.append(planning)
    return [d for word in words for d in attached(word, context)]


def _supported(noun: Token) -> bool:
    """A noun event that is the object of a support verb, whose time is the event's."""
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ in {"dobj", "obj"}
        and noun.head.lemma_.lower() in frames().support_verbs
    )


def _trip_made_for(noun: Token) -> Token | None:
    """The verb of a trip a noun event is the purpose of ("flew to Kabul on Monday for
    talks"): the talks are held on the trip, at its time."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.pos_ != "VERB":
        return None
    trips = verb_patterns().get(verb_lemma(prep.head), ())
    return prep.head if any(p.mode == VISIT for p in trips) else None


def _event_noun(noun: Token) -> bool:
    """An event noun of the pattern files, a word for a bombing's blast (frames.yaml
    ``bombings``: "the Aug. 7 blasts killed 257 people"), or the "-ing" noun of a pattern
    verb ("the bombing", "the shooting")."""
    lemma = noun.lemma_.lower()
    gerund = lemma.endswith("ing") and lemma[:-3] in verb_patterns()
    blast = any(lemma in means.words for means in frames().bombings)
    return noun.pos_ == "NOUN" and (lemma in noun_patterns() or gerund or blast)


def sentence_date(trigger: Token, context: Context) -> str | None:
    """The date the sentence gives the trigger's clause: the time its clause is a relative
    clause of ("on Sunday night, when thieves stormed ..."), else the date of the nearest
    clause that shares its time with it (its conjuncts, then the clauses above it,
    `MAX_LEVELS`), else the date of a time expression that opens the sentence and frames
    it ("In 1972, after Mitchell resigned, ...")."""
    described = _described_time(trigger, context)
    if described is not None:
        return described
    sharing = [*_sharing(trigger), *_simultaneous_clauses(trigger), *_ongoing_states(trigger)]
    for token in sharing:
        if not _same_line(context.text, token.idx, trigger.idx):
            continue
        for dating in attached(token, context):
            if dating.date is not None:
                return dating.date
    return _frame_date(trigger, context)


def _simultaneous_clauses(trigger: Token) -> list[Token]:
    """The adverbial clauses of the trigger's own clause that tell its time: "fired on
    the crowd when protesters marched on Tuesday", "was shot shortly after he returned
    home on Friday"; not "arrested after he fled on Sunday"."""
    verb = _clause_verb(trigger)
    if verb is None or (trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ not in NOUN_SUBJECTS):
        return []
    return [c for c in verb.children if c.dep_ == "advcl" and _close_in_time(c)]


def _ongoing_states(trigger: Token) -> list[Token]:
    """The present participles that describe the doers or the ones acted on of the
    trigger's clause as they were while it happened ("abducted by gunmen wearing military
    uniforms in August 2016", "protesters marching on Monday were beaten"); not a past
    participle, which tells what was done to them before ("a man accused in 2015")."""
    verb = _clause_verb(trigger)
    if verb is None or (trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ not in NOUN_SUBJECTS):
        return []
    parties = [c for c in verb.children if c.dep_ in PARTICIPLE_HOSTS - {"pobj"}]
    parties += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    return [c for party in parties for c in party.children if c.dep_ == "acl" and c.tag_ == "VBG"]


def _close_in_time(clause: Token) -> bool:
    """A clause introduced as simultaneous ("when", "as", "while"), an opening participle
    clause, or one just after or before ("shortly after"); not one that only places
    ("where a vote will be held Thursday") or bounds ("after he fled on Sunday") the main
    clause."""
    cues = dates()
    links = [c for c in clause.children if c.dep_ in {"mark", "advmod", "npadvmod"}]
    if _opening_participle(clause):
        return True
    if any(c.lower_ in cues.simultaneous_marks for c in links):
        return not _future(clause)
    bounded = any(c.dep_ == "mark" and c.lower_ in cues.bounding_marks for c in links)
    return bounded and any(c.lower_ in cues.close_modifiers for c in links)


def _opening_participle(clause: Token) -> bool:
    """A present participle clause with no opening word, set before its main clause, tells
    what its subject was doing as it acted ("Watching the documentary last summer, LaRue
    called Magruder a liar"); one after it may tell what followed ("fired, killing two")."""
    return (
        clause.tag_ == "VBG"
        and clause.i < clause.head.i
        and not any(c.dep_ in {"mark", "aux", "nsubj"} for c in clause.children)
    )


def _described_time(trigger: Token, context: Context) -> str | None:
    """The date of the time expression the trigger's clause describes: "on Sunday night
    when thieves stormed a depot", "the day the army fired on the crowd"."""
    verb = _clause_verb(trigger)
    while verb is not None and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head  # "April 2003, when he appeared in court and pleaded guilty"
    if verb is None or verb.head.i == verb.i:
        return None
    antecedent = _when_antecedent(verb, context)
    if antecedent is not None:
        return _fixed(antecedent, context.text)
    if verb.dep_ not in {"relcl", "acl"}:
        return None
    for time in _near(verb.head, context):
        if time.start <= verb.head.idx < time.end:
            return _fixed(time, context.text)
    return _described_noun_date(verb.head, context)


def _when_antecedent(verb: Token, context: Context) -> TimeExpr | None:
    """The time a "when" clause describes, whatever the parser hung the clause on: the time
    expression right before its "when" ("the demonstrations of early December, when
    thousands rallied", "in 1998, when he was arrested"). A "when" clause after a time is
    about that time; one in the future tells nothing that happened then."""
    when = next(
        (c for c in verb.children if c.dep_ in {"advmod", "mark"} and c.lower_ == "when"), None
    )
    if when is None or when.i > verb.i or _future(verb):
        return None
    for time in _near(verb, context):
        between = context.text[time.end : when.idx]  # "December, when": a comma at most
        if time.end <= when.idx and not between.strip(" ,"):
            return time
    return None


def _described_noun_date(noun: Token, context: Context) -> str | None:
    """The date of the noun a relative clause describes, which the clause tells part of:
    "the January 1998 bombing of a clinic that killed an officer" (the parser hangs the
    clause on the clinic, the noun after "of"), "the demonstrations of early December,
    when thousands rallied"."""
    described = [noun]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        described.append(noun.head.head)
    for word in (w for w in described if w.pos_ in {"NOUN", "PROPN"}):
        for time in _near(word, context):
            root = _root(time, context)
            if root is not None and (_dates(root, word) or _of_time(root, word)):
                fixed = _fixed(time, context.text)
                if fixed is not None:
                    return fixed
    return None


def _of_time(root: Token, noun: Token) -> bool:
    """ "the demonstrations of early December": a time after "of" dates its noun."""
    link = root.head
    return link.dep_ == "prep" and link.lower_ == "of" and link.head.i == noun.i


def _frame_date(trigger: Token, context: Context) -> str | None:
    """The date of a time expression that opens the sentence ("On Wednesday, ...", "In
    1972, ...") and modifies the clause the trigger's clause is an adverbial clause,
    complement or conjunct of (whatever its subordinator: "until she was arrested"), on
    the same line. An opening time frames all that its sentence tells."""
    if _past_perfect(trigger):
        return None  # "On Monday, police arrested him because he had attacked a guard"
    top = trigger
    if top.pos_ in {"NOUN", "PROPN"}:  # only a subject shares its clause's time
        if top.dep_ not in NOUN_SUBJECTS or top.head.i == top.i:
            return None  # "On Monday, the UN condemned the attack": not a Monday attack
        top = top.head
    for _ in range(MAX_LEVELS):
        if top.dep_ not in {"advcl", "conj", "xcomp"} or top.head.i == top.i:
            break
        top = top.head
    if top.i == trigger.i or not _same_line(context.text, top.idx, trigger.idx):
        return None
    for dating in attached(top, context):
        if dating.date is not None and _opens_sentence(dating.time, context):
            return dating.date
    return None


def _opens_sentence(time: TimeExpr, context: Context) -> bool:
    """Whether only punctuation or an opening preposition ("On", "In") stands between
    the start of its sentence (or line) and `time`."""
    sentence = context.doc.char_span(time.start, time.end, alignment_mode="expand")
    if sentence is None:
        return False
    before = [t for t in sentence.sent if t.idx < time.start]
    line_start = context.text.rfind("\n", 0, time.start)
    openers = dates().frame_openers
    return all(
        t.is_punct or t.is_space or t.lower_ in openers or t.idx < line_start for t in before
    )


def attached(head: Token, context: Context) -> list[Dating]:
    """The time expressions that date `head`: its own dependents ("Monday", "Tuesday's"),
    or the objects of its dating prepositions ("on Monday", "in May 2015"; not "since
    2009", nor "as a 2013 model"), or of its predicative adjective ("found him guilty in
    1997"), in the same sentence and on the same line."""
    found = []
    words = [head, *(c for c in head.children if c.pos_ == "ADJ" and c.dep_ in PREDICATIVE)]
    for time in _near(head, context):
        if (time.value or "") in dates().present_values:
            continue  # "now": the time of the report, which the publication date gives
        root = _root(time, context)
        if time.type == "DURATION" and root is not None and root.dep_ in PRE_MODIFIERS:
            continue  # "a two-day visit": how long, not when (unlike "fought for years")
        if root is not None and any(_dates(root, word) for word in words):
            fixed = _fixed(time, context.text)
            if fixed is not None and _scheduled(head, time, fixed, context):
                fixed = _week_later(fixed)
            found.append(Dating(time, fixed))
    return found


def _scheduled(verb: Token, time: TimeExpr, fixed: str, context: Context) -> bool:
    """A bare weekday dating a verb in the simple present ("he and Arafat meet Monday"):
    news tells a past event in the past, so this one is scheduled, and its
    Monday is the next, not the last (the time stage, which reads no parse, took the
    last)."""
    published = context.article.published
    if not published or len(fixed) != len("2000-01-01") or fixed >= published:
        return False
    if verb.tag_ not in {"VBP", "VBZ"} or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    *before, last = time.text.lower().split() or [""]
    return last in _WEEKDAYS and before in ([], ["on"])


def _week_later(day: str) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=7)).isoformat()


def recent_report(trigger: Token, status: Modality) -> bool:
    """Whether the publication date may stand in for a date the text does not give: a
    report of something that happened or happens (past, present perfect, ongoing, a
    headline), not a planned or hypothetical event, background in the past perfect
    ("had been arrested") or a relative clause about a participant ("the official who
    served a prison term")."""
    if status in {"planned", "hypothetical"} or _unrealised(trigger):
        return False
    verb = _clause_verb(trigger)
    if verb is None:
        return True  # a nominal headline: "Rebel attack on border town"
    if predicated_infinitive(verb):
        verb = verb.head.head  # "was the only Republican to vote against": when "was" is
    if _stative_passive(verb):
        return False  # "he is charged in three attacks": a standing state, done before
    if _iterated(verb) or _tally(verb):
        return False  # "arrested more than a dozen times", "killed since 1985": no one day
    if any(c.dep_ == "advmod" and c.lower_ in dates().earlier_adverbs for c in verb.children):
        return False  # "Earlier, the demand has been refused": before the news
    if verb.dep_ == "relcl":
        return _recent_aspect(verb)  # "Hiller, who has been arrested and charged, ..."
    return not _past_perfect(verb) or verb.dep_ in {"ccomp", "parataxis"}


def _iterated(verb: Token) -> bool:
    """An act told as done several times: an adverb that says so ("repeatedly attacked"),
    or a plural count of occasions on the verb ("in only four cases"; "times" in the
    perfect or before the verb: "has been arrested a dozen times", "Three times, ...")."""
    cues = dates()
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in cues.iterative_adverbs:
            return True
        nouns = [child] if child.dep_ == "npadvmod" else []
        if child.dep_ == "prep":
            nouns = [g for g in child.children if g.dep_ == "pobj"]
        if any(_occasions(noun, verb) for noun in nouns):
            return True
    return False


def _tally(verb: Token) -> bool:
    """A perfect clause bounded by "since" counts up to the report ("Since 1993, three
    doctors have been murdered", "have been searching for Kopp since the slaying")."""
    perfect = bool(_auxiliaries(verb) & PERFECT_AUXILIARIES)
    bounds = dates().tally_bounds
    # a joined predicate shares the first one's bound ("Since 2014, Russia has annexed
    # Crimea and backed separatists")
    clauses = [verb, *([verb.head] if verb.dep_ == "conj" else [])]
    return perfect and any(
        c.dep_ in {"prep", "mark", "advmod"} and c.lower_ in bounds
        for clause in clauses
        for c in (
            *clause.children,
            *(g for a in clause.children if a.dep_ == "advcl" for g in a.children),
        )
    )


def _occasions(noun: Token, verb: Token) -> bool:
    """ "four cases", "a dozen times" (see `_iterated`): a plural count of occasions."""
    cues = dates()
    if noun.tag_ not in {"NNS", "NNPS"} or not any(
        c.dep_ in {"nummod", "amod"} for c in noun.children
    ):
        return False
    lemma = noun.lemma_.lower()
    if lemma in cues.occasion_nouns:
        return True
    perfect = cues.present_perfect_auxiliaries | cues.past_perfect_auxiliaries
    return lemma in cues.times_nouns and (bool(_auxiliaries(verb) & perfect) or noun.i < verb.i)


def _auxiliaries(verb: Token) -> set[str]:
    """The verb's auxiliaries, lower-cased ("has", "been"); a participle joined to a verb
    with neither subject nor auxiliary of its own shares the first one's ("had moved
    troops and said it would strike": "had")."""
    own = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    joined = verb.dep_ == "conj" and verb.tag_ in {"VBN", "VBD"} and verb.head.pos_ == "VERB"
    if own or not joined or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return own
    return _auxiliaries(verb.head)


def _stative_passive(verb: Token) -> bool:
    """A passive in the simple present of a verb whose act leaves a status ("is charged",
    "who is accused of"): the status, not the act; not "is being charged" nor "has been
    charged", nor an act going on ("are shelled")."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in dates().status_verbs:
        return False
    if any(c.dep_ == "aux" for c in verb.children):
        return False
    passive = [c.lower_ for c in verb.children if c.dep_ == "auxpass"]
    return bool(passive) and set(passive) <= dates().present_passive_auxiliaries


def _past_perfect(word: Token) -> bool:
    """Whether `word`'s clause is in the past perfect ("had been arrested"): background,
    told as before the news."""
    verb = _clause_verb(word)
    return verb is not None and bool(_auxiliaries(verb) & dates().past_perfect_auxiliaries)


def dated_elsewhere(trigger: Token, context: Context, published: str) -> bool:
    """Whether a past event the text does not date is placed away from the publication day
    by the article itself, so that the publication date would mislead: a present, present
    perfect or progressive report never is ("has arrested", "are protesting"); a past one
    is when its sentence dates another of its clauses ("went on trial Wednesday for
    killing"; not the saying of a reported one, nor a relative clause about a participant)
    or when an earlier sentence dates what the article tells more than
    `RECENT_DAYS` before publication ("the shooting in October 2011 ... Lopez fired")."""
    verb = _clause_verb(trigger)
    if verb is None:
        return False
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head  # "are beginning to lift": the aspect is the governing verb's
    if _recent_aspect(verb):
        return False
    sentence = context.sentence_of(trigger)
    reporting = _reporting_heads(verb)
    for time, head in _dating_times(context):
        if sentence.start_char <= time.start < sentence.end_char:
            describing = head.dep_ in {"relcl", "acl"}  # "actions launched on Sept. 27"
            part = _argument_part(head, verb)
            if describing or part == "description" or _future(head) or head.i in reporting:
                continue
            if part == "content" and not _older(_fixed(time, context.text), published, YEAR):
                continue  # "charged with murdering the deputy on June 24": still news
            if _same_line(context.text, time.start, trigger.idx):
                return True
        elif time.start < sentence.start_char and _frames_story(time, head, context, published):
            return True
    return False


def _frames_story(time: TimeExpr, head: Token, context: Context, published: str) -> bool:
    """Whether an earlier sentence's time places the story long before publication: it
    dates that sentence's news, not a relative or adverbial clause beside it ("since Sinn
    Fein was expelled from the talks on Feb. 20") or a participle on a noun."""
    older = _older(_fixed(time, context.text), published)
    return older and head.dep_ not in BACKGROUND_CLAUSES


def _unrealised(trigger: Token) -> bool:
    """Whether the trigger's event did not take place, whatever its tense: it was going
    or about to happen ("he was going to be shot"), or what a clause above it foiled
    ("foiling the pirates' intention of attacking", "thwarted an attack")."""
    cues = dates()
    current = trigger
    for _ in range(MAX_LEVELS + 1):
        head = current.head
        if head.i == current.i or current.dep_ not in GOVERNED:
            return False  # a reported, relative or adverbial clause keeps its own status
        if not _same_line(doc_text(trigger.doc), head.idx, trigger.idx):
            return False
        if current.dep_ == "xcomp" and head.lower_ in cues.prospective_governors:
            return True
        if head.lemma_.lower() in cues.preventing_governors:
            return True
        current = head
    return False


def _recent_aspect(verb: Token) -> bool:
    """A present, present perfect or progressive clause: it reports what is so now."""
    return verb.tag_ in {"VBZ", "VBP"} or bool(_auxiliaries(verb) & RECENT_ASPECT_AUXILIARIES)


def _future(verb: Token) -> bool:
    """A clause told in the future ("where a vote will be held Thursday"): its date
    places nothing that happened."""
    future = modality().intent_auxiliaries
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in future for c in verb.children)


def _argument_part(word: Token, verb: Token) -> str | None:
    """What `word` is to `verb` when it lies inside one of its arguments: "description"
    (of a participant, through a relative clause or participle: "a gang member accused of
    gunning down a deputy a month ago"), else "content" (what a charge or a chant is
    about: "charged with murdering the deputy on June 24"); None when it is not below
    `verb` through a noun or a preposition ("shot him after he pointed a gun on
    Saturday": an adverbial clause, whose date places the event)."""
    path = []
    current = word
    while current.head.i != current.i and current.i != verb.i:
        path.append(current)
        current = current.head
    if current.i != verb.i or not path:
        return None
    linked = [t for t in path if t.dep_ in ARGUMENT_LINKS or t.pos_ in {"NOUN", "PROPN"}]
    if not linked and path[-1].dep_ not in ARGUMENT_LINKS:
        return None
    return "description" if any(t.dep_ in {"acl", "relcl"} for t in path) else "content"


def _reporting_heads(verb: Token) -> set[int]:
    """The verbs a reported clause hangs on ("officials said Monday that ..."), whose
    date is the saying's, not the event's."""
    heads: set[int] = set()
    current = verb
    while current.dep_ in {"ccomp", "parataxis"} and current.head.i != current.i:
        current = current.head
        heads.add(current.i)
    return heads


def _dating_times(context: Context) -> list[tuple[TimeExpr, Token]]:
    """The article's time expressions that fix a date and date a clause of the text (not
    a bound, "since 2009", nor a noun, "a 2013 Toyota"), with the verb each dates."""
    found = []
    for time in context.times:
        if _fixed(time, context.text) is None:
            continue
        root = _root(time, context)
        if root is None or root.head.i == root.i:
            continue
        setting = _setting(root)
        heads = [root.head, root.head.head, *([setting.head.head] if setting else [])]
        head = next((h for h in heads if h.pos_ in {"VERB", "AUX"} and _dates(root, h)), None)
        if head is not None:
            found.append((time, head))
    return found


def _older(date: str | None, published: str, days: int = RECENT_DAYS) -> bool:
    """Whether `date` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) ends more than `days`
    (`RECENT_DAYS`) before the day `published`."""
    if date is None:
        return False
    try:
        day = _last_day(date)
        publication = dt.date.fromisoformat(published[:10])
    except ValueError:
        return False
    return (publication - day).days > days


def _last_day(date: str) -> dt.date:
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return dt.date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


def _near(head: Token, context: Context) -> list[TimeExpr]:
    """The time expressions in `head`'s sentence with no line break between them and it."""
    sentence = context.sentence_of(head)
    return [
        time
        for time in context.times
        if sentence.start_char <= time.start and time.end <= sentence.end_char
        and _same_line(context.text, time.start, head.idx)
    ]  # fmt: skip


def _same_line(text: str, a: int, b: int) -> bool:
    """No line break between offsets `a` and `b`: a headline or a paragraph the parse ran
    into the next line's sentence dates nothing there."""
    return "\n" not in text[min(a, b) : max(a, b)]


def _root(time: TimeExpr, context: Context) -> Token | None:
    span = context.doc.char_span(time.start, time.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _dates(root: Token, head: Token) -> bool:
    """Whether the time expression whose root is `root` modifies `head` as its date:
    directly ("met Monday", "met on Monday"; not as its subject, "2016 was ..."), or as
    the date of the setting it happens in ("killed during a demonstration in 1985")."""
    if root.i == head.i:
        return False
    if root.head.i == head.i:
        return root.dep_ not in NOT_MODIFIERS
    link = root.head
    if link.dep_ in {"prep", "agent"} and link.head.i == head.i:
        return _dating_link(link) and not _after_compared_party(link)
    if _between_subject_and_verb(link, head):
        return _dating_link(link)  # "Kenyan police on Monday fired": the parse puts it on "police"
    setting = _setting(root)
    return setting is not None and setting.head.head.i == head.i


def _between_subject_and_verb(link: Token, verb: Token) -> bool:
    """A preposition on the verb's subject that stands right between the subject and the
    verb ("Kenyan police on Monday fired tear gas"): news style dates the verb there."""
    subject = link.head
    return (
        link.dep_ == "prep"
        and subject.dep_ in NOUN_SUBJECTS
        and subject.head.i == verb.i
        and subject.i < link.i < verb.i
        and link.right_edge.i == verb.i - 1
    )


def _dating_link(link: Token) -> bool:
    """Whether the preposition `link` makes its object a date: "on Monday", not "since
    2009", but a near bound, "shortly after 8 p.m. Thursday"."""
    cues = dates()
    if link.lower_ in cues.dating_preps:
        return True
    near = any(c.lower_ in cues.near_bounds for c in link.children)
    return link.lower_ in cues.bounding_preps and near


def _after_compared_party(link: Token) -> bool:
    """Whether the preposition `link` follows a comparison with a named party ("after
    Egypt in 1979", "like Sweden in 2014"): its time is that party's elided event's."""
    if link.i == 0:
        return False
    before = link.doc[link.i - 1]
    named = before.pos_ == "PROPN" or before.ent_type_ in PARTY_ENTITIES
    return before.dep_ == "pobj" and named and before.head.lower_ in dates().comparing_preps


def _setting(root: Token) -> Token | None:
    """The noun a time expression dates when that noun is the setting of a clause: the
    object of a setting preposition ("during a demonstration in 1985", "in a heated
    exchange in 2003", a date after the noun) or the agent ("by the same jury last
    month"). The clause happens in its setting, so the setting's date is the clause's;
    None for any other noun ("charged with the murder in 2005" keeps the charge undated)."""
    link = root.head
    if root.dep_ in {"npadvmod", "nmod"} or (root.dep_ in PRE_MODIFIERS and root.i < link.i):
        noun = link
    elif link.dep_ == "prep" and link.lower_ in dates().dating_preps:
        noun = link.head
    else:
        return None
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ != "pobj" or noun.head.i == noun.i:
        return None
    if root.i < noun.i and not _period(noun):
        return None  # "in the March 2005 rampage": the date of the noun's own event
    if any(_owns_time(c, root) for c in noun.children if noun.i < c.i < root.i):
        return None  # "in connection with the murder in 2005": the murder's date
    preposition = noun.head
    if preposition.dep_ == "agent" or preposition.lower_ in dates().setting_preps:
        return noun if preposition.dep_ in {"prep", "agent"} else None
    return None


def _period(noun: Token) -> bool:
    """A setting the clause happens within, not one it is about (dates.yaml)."""
    cues = dates()
    return noun.head.lower_ in cues.period_preps or noun.lemma_.lower() in cues.period_nouns


def _owns_time(link: Token, root: Token) -> bool:
    """Whether the preposition `link`, between a setting noun and a time expression after
    it, has an object the time may belong to instead: a common noun ("with the murder in
    2005"), not a place ("in Athens in 1985") nor a named party ("with Mr. Magruder in
    2003")."""
    if link.dep_ != "prep" or link.lower_ in dates().setting_preps:
        return False
    objects = [c for c in link.children if c.dep_ == "pobj" and c.i < root.i]
    return any(not o.ent_type_ and o.pos_ != "PROPN" for o in objects)


def _fixed(time: TimeExpr, text: str) -> str | None:
    """The date `time` fixes in the exported form; None for a vague or spanning one
    ("recently", "for years", "this week", "in the past month")."""
    cues = dates()
    if time.type in cues.vague_types or (time.value or "") in cues.vague_values:
        return None
    if _spanning(time, text):
        return None
    return contract_date(time.value)


def _spanning(time: TimeExpr, text: str) -> bool:
    """Whether `time` spans up to the report ("this week", "the past month"): the
    expression as written, with the article before it where there is one."""
    words = " ".join(time.text.lower().split())
    before = text[max(0, time.start - 4) : time.start].lower()
    return words in dates().spanning or (before == "the " and f"the {words}" in dates().spanning)


def _sharing(trigger: Token) -> list[Token]:
    """The words whose date the trigger's event shares, nearest first: its conjuncts, then
    up the tree the clauses it is a subject, a participle, a simultaneous clause or a
    complement of, with their conjuncts."""
    found: list[Token] = []
    # "said the tariffs would take effect on June 1 and urged ...": urged when it said
    current = joins_clause_above(trigger) or trigger
    for _ in range(MAX_LEVELS):
        group = sorted([current, *current.conjuncts], key=lambda t: t.i)
        found.extend(t for t in group if t.i != trigger.i and t not in found)
        first = next(t for t in group if t.dep_ != "conj" or t.head not in group)
        if not _shares_time_upward(first):
            break
        current = first.head
        if first.dep_ == "acl":  # "sent letters last Friday urging them": when sent
            verb = verb_of_argument(current)
            if verb is None:
                break
            current = verb
    return found


def _shares_time_upward(token: Token) -> bool:
    """A noun event that is the subject of its clause ("the shootings happened Thursday"),
    an infinitive complement ("tried to storm"), an "-ing" participle on the subject or
    object of a verb, or on a noun of its prepositions ("sent letters to the departments
    urging them to ...", "protesters chanting slogans were arrested": the verb's time), or
    an adverbial clause that is not introduced by a bounding subordinator ("as police
    fought", a participle) takes the date of the clause above; an object, a reported or a
    relative clause does not."""
    if token.head.i == token.i:
        return False
    if token.dep_ in NOUN_SUBJECTS:
        return token.pos_ in {"NOUN", "PROPN"}
    if token.dep_ == "xcomp":
        return True
    if token.dep_ == "acl":
        # "in a move to demand EU support": the purpose is the clause's, at its time
        infinitive = token.tag_ == "VB" and in_purpose_phrase(token.head)
        return (token.tag_ == "VBG" and token.head.dep_ in PARTICIPLE_HOSTS) or infinitive
    if token.dep_ != "advcl":
        return False
    marks = dates().bounding_marks
    return not any(c.dep_ == "mark" and c.lower_ in marks for c in token.children)


def _clause_verb(trigger: Token) -> Token | None:
    """The verb of the trigger's clause: the trigger, or the verb a noun trigger belongs to."""
    current = trigger
    for _ in range(MAX_LEVELS + 1):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None
