"""The actors a noun phrase names: a mention the actors stage found, a pronoun's
antecedent, or a generic agent keyed by country and sector ("Egyptian police")."""

from __future__ import annotations

import calendar
from collections.abc import Collection
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Token

from crosswire.actors.agents import agent_sector
from crosswire.actors.countries import country_code, country_name
from crosswire.actors.datelines import dateline_end
from crosswire.actors.keys import fold, person_words
from crosswire.actors.lexicon import group_heads, reporting_verbs, roles
from crosswire.actors.noun_senses import names_a_person
from crosswire.actors.titles import is_title
from crosswire.events.antecedents import QUOTES, antecedent, speaker_pronoun
from crosswire.events.context import Context
from crosswire.events.data import agents, frames
from crosswire.events.patterns import noun_patterns, told_act
from crosswire.events.syntax import CLAUSES, HYPHENS, doc_text, prep_objects, prepositional_objects
from crosswire.model import ActorRef, Mention, Place
from crosswire.timex.months import month_number

ACTOR_TYPES = {"PERSON", "ORG", "COUNTRY", "GROUP", "MEDIA"}
DATELINE_TOKENS = 16  # "SAN DIEGO, Calif., Dec. 3 (Reuters) -" and then some
# A line is in title case (a headline: the tagger makes every word a proper noun there) when
# at least this share of its longer words are capitalised
TITLE_CASE_SHARE = 0.7
TITLE_CASE_MIN_WORDS = 3
TITLE_CASE_SLIPS = 1  # long words a title may leave in lower case
WEEKDAYS = frozenset(d.lower() for d in calendar.day_name)
THIRD_PERSON = frozenset({"he", "him", "his", "she", "her", "they", "them", "their"})
PLURALS = frozenset({"NNS", "NNPS"})
HOLDER_PREPS = frozenset({"of", "from"})  # "members of MASSOB", "observers from the OSCE"


def actors_of(token: Token, context: Context) -> list[ActorRef]:
    """The actors a noun phrase names: its mention, its conjuncts, its apposition. None for
    a phrase whose own resolution asks for it again (a pronoun led back to itself)."""
    if token.i in context.resolving:
        return []
    context.resolving.add(token.i)
    try:
        found: list[ActorRef] = []
        before = [c for c in comma_listed(token) if _two_actors(token, c, context)]
        listed = [*before, token, *(c for c in _listed(token, context) if not dateline(c))]
        for head in listed:
            actor = _actor_of_head(head, context)
            kinds = _coordinated_kinds(head, context)
            if actor is not None and actor not in kinds:
                found.append(actor)
            found += [a for a in kinds if a not in found]
        return found
    finally:
        context.resolving.discard(token.i)


def _coordinated_kinds(noun: Token, context: Context) -> list[ActorRef]:
    """The actors of coordinated modifiers that each name a kind of the noun ("Indian and
    Chinese troops", "Israeli and Palestinian negotiators": the Indian troops and the
    Chinese troops), as the actors stage names each."""
    found = []
    for modifier in (c for c in noun.children if c.dep_ == "amod" and c.conjuncts):
        for word in (modifier, *modifier.conjuncts):
            mention = context.mention_at(word)
            if mention is not None and mention.type in ACTOR_TYPES:
                found.append(mention.actor)
    return found


def _listed(token: Token, context: Context) -> list[Token]:
    """The other members of a list the phrase heads: its conjuncts, and a list the parser
    hung on it as an apposition ("The US, Russia, and Switzerland met": Russia is parsed
    as the US's apposition, Switzerland as the conjunct of either); a true apposition
    ("Kim, the leader") has no conjunct on either side, unless both are countries."""
    members = list(token.conjuncts)
    for appos in (c for c in token.children if c.dep_ == "appos"):
        if appos.conjuncts or token.conjuncts or _two_countries(token, appos, context):
            members += [appos, *(c for c in appos.conjuncts if c not in members)]
    return members


def comma_listed(word: Token) -> list[Token]:
    """Words set before `word` with a comma alone between, that the parser hung on it or
    on its head as a modifier or an unknown relation: a headline's list without "and"
    ("Armenia, Azerbaijan agree", "Biden, Xi agree": Armenia the modifier of Azerbaijan,
    Biden of the verb)."""
    candidates = [c for c in word.children if c.dep_ in COMMA_LIST_DEPS]
    if word.dep_ in {"nsubj", "nsubjpass"}:
        candidates += [c for c in word.head.children if c.dep_ == "dep"]
    return [c for c in candidates if c.i < word.i and _comma_before(c, word)]


def _comma_before(first: Token, word: Token) -> bool:
    """Only a comma, and the word's own modifiers, between `first` and `word`."""
    gap = word.doc[first.right_edge.i + 1 : word.i]
    return (
        len(gap) > 0
        and gap[0].text == ","
        and all(word in t.ancestors and first not in t.ancestors for t in gap[1:])
    )


def _two_countries(token: Token, appos: Token, context: Context) -> bool:
    """Two countries side by side ("Armenia, Azerbaijan sign peace deal"): one country is
    never another's apposition, so they are a list a headline writes without "and"."""
    return _two_of(token, appos, context, {"COUNTRY"})


def _two_actors(token: Token, listed: Token, context: Context) -> bool:
    """Two different actors named side by side (`comma_listed`)."""
    return _two_of(token, listed, context, ACTOR_TYPES)


def _two_of(one: Token, other: Token, context: Context, kinds: Collection[str]) -> bool:
    """Two different mentions, each of one of `kinds`."""
    mentions = [context.mention_at(one), context.mention_at(other)]
    return all(m is not None and m.type in kinds for m in mentions) and (mentions[0] != mentions[1])


COMMA_LIST_DEPS = {"nmod", "compound", "dep", "npadvmod"}


def possessor_actors(noun: Token, context: Context) -> list[ActorRef]:
    """The actors the noun's possessive names ("Ireland's demand", "his arrest")."""
    return [a for c in noun.children if c.dep_ == "poss" for a in actors_of(c, context)]


def actors_under(prep: Token, context: Context) -> list[ActorRef]:
    return [a for child in prep_objects(prep) for a in actors_of(child, context)]


def actors_under_prep(head: Token, preposition: str, context: Context) -> list[ActorRef]:
    """The actors named by the objects of the head's `preposition` ("from the UK"), also
    where the parser calls it a dative ("sent a letter to Reno")."""
    return [a for o in prepositional_objects(head, {preposition}) for a in actors_of(o, context)]


def dateline(token: Token) -> bool:
    """'GENEVA (Meridian Wire) - Putin and Biden agreed': the place opening a wire story
    (its sentence or its line) is where it was filed, never the subject the parser may take
    it for (`crosswire.actors.datelines`)."""
    sentence = token.sent
    opening = sentence.start
    for word in token.doc[sentence.start : token.i]:
        if "\n" in word.text_with_ws:
            opening = word.i + 1  # a dateline opens a line, also one the parser ran on
    if token.i - opening >= DATELINE_TOKENS:
        return False
    words = token.doc[opening : min(opening + DATELINE_TOKENS, sentence.end)]
    end = dateline_end(words.text_with_ws, 0)
    return end is not None and token.idx - words.start_char < end


def title_word(token: Token) -> bool:
    """ "Sen.", or "Col" that the tokenizer cut from its full stop: a title, not a name."""
    if is_title(token.text):
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.text == "." and is_title(token.text + ".")


def owned_thing(noun: Token, context: Context) -> bool:
    """A thing (no actor noun: "bid", "application", not "forces") with a possessor: the
    name written before it says what it is about, not whose it is."""
    owned = any(c.dep_ == "poss" for c in noun.children)
    return owned and generic_actor(noun, context) is None


def _actor_of_head(token: Token, context: Context) -> ActorRef | None:
    if token.lower_ in frames().pronouns or speaker_pronoun(token):
        found = antecedent(token, context, actors_of)
        return None if found is not None and _quoting(token, found, context) else found
    if token.lower_ in agents().relative_pronouns and _relative_clause(token.head):
        return _relative_antecedent(token, context)  # "the man who killed"
    named_by = ("appos", "compound", "nmod")  # "the Hizbollah group": the name is a modifier
    # an apposition names the very one ("the Mafia leader Salvatore Riina": Riina, not the
    # Mafia), so it is tried before the modifiers
    modifiers = sorted(
        (c for c in token.children if c.dep_ in named_by), key=lambda c: c.dep_ != "appos"
    )
    for candidate in [token, *modifiers]:
        if _across_lines(candidate, token, context):
            continue  # "By J. Smith, Associated Press / Police arrested": a byline above
        mention = context.mention_at(candidate)
        if mention is None or bare_demonym(mention, candidate):
            continue  # "Ugandan [candidates]": a modifier, not a person
        before = candidate.dep_ == "compound" and candidate.i < token.i
        whose = before and (  # "a Nixon aide": whose aide, not who ("counterpart Pekka
            # Haavisto" is); "the New York State Attorney General": the office's holder
            (mention.type == "PERSON" and token.pos_ == "NOUN")
            or (mention.type == "ORG" and _office_title(token))
        )
        if candidate.i != token.i and (_names_only_where(mention) or whose):
            generic = generic_actor(token, context)
            if generic is not None:
                return generic  # "Staunton police": the police, of that place
            if token.pos_ == "NOUN" and candidate.dep_ == "compound":
                continue  # "the Hong Kong situation": where it is, not who
        if before and token.pos_ == "NOUN" and owned_thing(token, context):
            continue  # "Sweden's NATO bid": Sweden's, a bid to join NATO
        if before and mention.type in {"ORG", "GROUP"} and _one_of_them(token):
            return _person_of(mention.actor, token, context)  # "a Mafia leader"
        if candidate.i == token.i and _people_of(mention, token):
            return _nationals(token, mention, context)  # "Young Algerians": people, not the state
        if mention.type in ACTOR_TYPES | {"PLACE"}:
            if mention.type == "PLACE":
                return (
                    country_actor(Place(mention.actor.name, mention.actor.country))
                    if mention.actor.country
                    else None
                )
            return mention.actor
    held = _office_of_named(token, context)
    if held is not None:
        return held  # "the head of the IAEA": the IAEA's
    generic = generic_actor(token, context)
    if generic is not None and not (_role_word(token) and fold(token.lemma_) not in group_heads()):
        # "a man in the death of a woman at Sam's Club": the man; "the killing by police
        # of a boy": the police, a body no name follows as a title's does
        return generic
    named = _person_in_phrase(token, context)
    if named is not None:
        return named.actor
    return generic or unrecognised_name(token, context)


OFFICE_BODIES = {"ORG", "GROUP", "COUNTRY"}  # what an office holder may act for


def _office_of_named(token: Token, context: Context) -> ActorRef | None:
    """'the head of the IAEA', 'the leader of Hamas', 'the president of Kenya': one who
    holds an office of the body the "of" phrase names acts for it, coded as that body, as
    `_person_of` codes "a Hamas leader", and named by the office."""
    lemma = fold(token.lemma_)
    office = lemma in agents().office_heads or (lemma in roles() and lemma not in group_heads())
    if token.pos_ != "NOUN" or not office:
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for body in (g for g in prep.children if g.dep_ == "pobj"):
            mention = context.mention_at(body)
            if mention is not None and mention.type in OFFICE_BODIES:
                name = f"{_agent_name(token, context)} of {mention.actor.name}"
                return replace(mention.actor, name=name)
    return None


def _one_of_them(token: Token) -> bool:
    """A common noun of one person or of people by their role ("leader", "man",
    "spokesmen"), not a body ("police") nor a thing ("the Mafia trial")."""
    if token.pos_ != "NOUN":
        return False
    lemma = fold(token.lemma_)
    return lemma in agents().individuals or (lemma in roles() and lemma not in group_heads())


def _person_of(organisation: ActorRef, token: Token, context: Context) -> ActorRef:
    """A person an organisation's name written before the noun says he belongs to ("a
    suspected Mafia leader", "a Hamas official"): coded as the organisation, as event
    datasets code a member by his group (its key, country and sector, so the event stays
    the organisation's), and named by the words for the person, who is the one arrested or
    speaking ("suspected Mafia leader", not "Mafia")."""
    return replace(organisation, name=_agent_name(token, context))


def _quoting(pronoun: Token, actor: ActorRef, context: Context) -> bool:
    """Whether a third-person pronoun inside a direct quotation was resolved to the one who
    speaks it (“"He shot one man," said the spokesman”): a speaker says "I" of
    himself, so the quoted "he" is someone else, whom the sentence does not name."""
    if pronoun.lower_ not in THIRD_PERSON or not _in_quotes(pronoun):
        return False
    speakers = [  # the subjects of the verbs of saying the quotation hangs on
        t
        for verb in pronoun.ancestors
        if verb.lemma_ in reporting_verbs()
        for t in verb.children
        if t.dep_ == "nsubj" and t.lower_ not in frames().pronouns  # "he said": resolved apart
    ]
    return any(a.key == actor.key for s in speakers for a in actors_of(s, context))


def _in_quotes(token: Token) -> bool:
    """An odd number of quotation marks before the token in its line, or after it in its
    sentence (a quotation may open lines or sentences earlier)."""
    text = doc_text(token.doc)
    opening = text.rfind("\n", 0, token.idx) + 1
    before = sum(text.count(mark, opening, token.idx) for mark in QUOTES)
    after = sum(text.count(mark, token.idx, token.sent.end_char) for mark in QUOTES)
    return before % 2 == 1 or after % 2 == 1


def _relative_clause(verb: Token) -> Token | None:
    """The relative clause a verb heads, or is joined to ("Eastland, who was chairman and
    who supported ...": the second "who" is Eastland too)."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb if verb.dep_ == "relcl" else None


def _relative_antecedent(pronoun: Token, context: Context) -> ActorRef | None:
    """The actor a relative pronoun stands for: the noun its clause is on, else the noun
    right before it, past a comma ("the shooting of a deputy who was murdered", "talks
    with the Taliban, who have refused": the parse hung the clause on the shooting or the
    talks, but a relative clause follows the noun it describes). Of a list the clause is
    on, the member right before it ("the government and the Taliban, who")."""
    clause = _relative_clause(pronoun.head) or pronoun.head
    described, before = _described(clause.head), _noun_before(pronoun)
    if before is not None and before in described.conjuncts:
        described = before
    found = _first(actors_of(described, context))
    if found is not None or before is None:
        return found
    return _first(actors_of(before, context))


def _noun_before(word: Token) -> Token | None:
    """The noun right before a word in its sentence, past punctuation, if it is one."""
    i = word.i - 1
    while i >= word.sent.start and word.doc[i].is_punct:
        i -= 1
    found = word.doc[i] if i >= word.sent.start else None
    return found if found is not None and found.pos_ in {"NOUN", "PROPN"} else None


def _described(noun: Token) -> Token:
    """Whom a predicate noun or an apposition describes ("Lopez is the gunman who fired",
    "LaRue, an official who served": the named one)."""
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return noun.head
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subjects = [c for c in noun.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects and subjects[0].lower_ not in frames().pronouns:
            return subjects[0]
    return noun


def _across_lines(a: Token, b: Token, context: Context) -> bool:
    """A line break between two words: the parse ran a byline or a headline into the
    sentence below it, and a word of that line names no one in the sentence."""
    first, last = sorted((a, b), key=lambda t: t.i)
    return "\n" in context.text[first.idx : last.idx]


def unrecognised_name(token: Token, context: Context) -> ActorRef | None:
    """A proper name the entity recogniser left out ("Orozco was arrested", "Armstead was
    shot"): the article's person whose name ends with it, else an actor of its own, keyed
    by the name (its kind unknown). Not in a line in title case, not a title, role, month
    or weekday, and not a word the recogniser gave another label (a date, a number). A word
    with a capital inside it is a name however it was tagged ("WeWork is being
    investigated")."""
    if token.tag_ != "NNP" and not _camel_case(token.text):
        return None
    if token.ent_type_ or not token.text[:1].isupper():
        return None
    if is_title(token.text) or _role_word(token) or _calendar_word(token):
        return None
    if in_title_case(token):
        return None
    words = [c for c in token.lefts if c.dep_ == "compound" and c.tag_ == "NNP"] + [token]
    name = " ".join(w.text for w in words)
    last = person_words(name)[-1:]
    for mention in context.mentions:
        if mention.type == "PERSON" and last and person_words(mention.text)[-1:] == last:
            return mention.actor  # "Luis Orozco ... Orozco was arrested"
    return ActorRef(key=f"name:{fold(name)}", name=name)


def _camel_case(word: str) -> bool:
    """A word of letters with a capital after its first lower-case letter ("WeWork",
    "PayPal", "McAleenan"): written so only as a name."""
    lower = next((i for i, c in enumerate(word) if c.islower()), None)
    return word.isalpha() and lower is not None and any(c.isupper() for c in word[lower:])


def _calendar_word(token: Token) -> bool:
    return month_number(token.text) is not None or token.lower_ in WEEKDAYS


def in_title_case(token: Token) -> bool:
    """Whether the token's sentence is a line in title case ("Man Shot at Dallas Gas
    Station Dies"), where capitals say nothing about names."""
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    if len(words) < TITLE_CASE_MIN_WORDS:
        return False
    capitalised = sum(t.text[0].isupper() for t in words)
    # a sentence full of names still writes its verbs in lower case ("Gomes is scheduled
    # to be arraigned in New Bedford District Court Wednesday"); a title capitalises them
    lower = len(words) - capitalised
    return capitalised >= TITLE_CASE_SHARE * len(words) and lower <= TITLE_CASE_SLIPS


def _role_word(token: Token) -> bool:
    """A title a name may follow ("the Chairman of the Commission Kim Jong Un")."""
    return fold(token.text) in roles() or fold(token.lemma_) in roles()


def _office_title(token: Token) -> bool:
    """A capitalised title of an office ("Attorney General", "Press Secretary") that an
    organisation's name before it says whose office it is."""
    return token.pos_ == "PROPN" and _role_word(token)


def _names_only_where(mention: Mention) -> bool:
    """A modifier that says where people are from, not who they are: a place, a country, or
    one capitalised word the tagger took for a person's name ("Riot police")."""
    single_name = mention.type == "PERSON" and " " not in mention.text.strip()
    return mention.type in {"PLACE", "COUNTRY"} or (single_name and not mention.actor.country)


def _people_of(mention: Mention, token: Token) -> bool:
    """A country's demonym used as a plural noun ("Algerians", "Iraqis"), not its name
    ("the Philippines"), or as a noun for one person ("an American", "the 48-year-old
    Australian": a nationality with an article "a" or a modifier of its own)."""
    code = mention.actor.country
    if mention.type != "COUNTRY" or not code:
        return False
    if token.ent_type_ == "NORP" and any(_one_of(c) for c in token.children if c.i < token.i):
        return True
    plural = token.tag_ in {"NNS", "NNPS"} and token.text.endswith("s")
    return plural and fold(mention.text) != fold(country_name(code) or "")


def _one_of(modifier: Token) -> bool:
    """ "an" in "an American", "48-year-old" in "the 48-year-old Australian"."""
    return (modifier.dep_ == "det" and modifier.lower_ in {"a", "an"}) or modifier.dep_ in {
        "amod",
        "nummod",
    }


def _nationals(token: Token, mention: Mention, context: Context) -> ActorRef:
    code = mention.actor.country
    name = _agent_name(token, context)  # "Young Algerians", "48-year-old Australian"
    return ActorRef(key=agent_key(code, "CVL"), name=name, country=code, sector="CVL")


def _first(actors: list[ActorRef]) -> ActorRef | None:
    return actors[0] if actors else None


# ------------------------------------------------------------------ named and generic actors


def _person_in_phrase(token: Token, context: Context) -> Mention | None:
    """'the Chairman of the State Affairs Commission Kim Jong Un': the person the phrase
    names; a person named in a modifier before the noun says whose it is ("a Nixon
    administration official"), not who (a possessor does: "Trump's call"). A noun of a
    harmful act names whom it harms in its phrase, not who does it ("shelling of Kherson",
    "the arrest of X", "Trump's arrest")."""
    if told_act(token):
        return None
    modifiers = {t.i for c in token.children if c.dep_ in {"amod", "compound"} for t in c.subtree}
    for inner in (t for t in token.subtree if t.i not in modifiers):
        if inner.dep_ in CLAUSES and inner.i != token.i:
            return None
        mention = context.mention_at(inner)
        if mention is not None and mention.type == "PERSON" and not bare_demonym(mention, inner):
            return mention
    return None


def generic_actor(token: Token, context: Context) -> ActorRef | None:
    """'the Egyptian president', 'police', 'thousands of farmers': an actor by its kind,
    keyed by country and sector (all Egyptian government actors are one participant)."""
    if token.lower_ in agents().quantities:
        if _named_holder(token, context, {"from"}):
            return None  # "a mission of observers from the OSCE": the OSCE's, found later
        nested = [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        found = generic_actor(nested[0], context) if nested else None
        if found is not None:  # "hundreds of demonstrators": the demonstrators, so named
            return replace(found, name=f"{token.text} of {found.name}")
        owner = _owner_agent(token, context)
        if owner is not None:  # "a sheriff's SWAT team": the sheriff's, so named
            return owner
    group = _holding_group(token, context)
    if group is not None:  # "leaders of the largest labor unions": the unions' leaders
        return replace(group, name=_agent_name(token, context))
    sector = noun_sector(token)
    if sector is None and not _named_holder(token, context):
        sector = unnamed_sector(token)
    country = _modifier_country(token, context)
    counted = token.lower_ in agents().quantities and token.lower_ not in frames().currency_words
    of_people = (_country_adjective(token, context) and _people_noun(token)) or counted
    if sector is None and not (country and of_people and token.tag_ in PLURALS):
        # an unknown plural a country's name or adjective modifies ("Ugandan opposition
        # candidates"), or a number of a country's people ("thousands of Australians"), is
        # that country's people; anything else unknown is no actor ("concessions from
        # China", "China's demands", "elections in Turkmenistan")
        return None
    name = _agent_name(token, context)
    kind = fold(token.lemma_) if sector in agents().keyed_by_noun else None
    return ActorRef(key=agent_key(country, sector, kind), name=name, country=country, sector=sector)


def _people_noun(token: Token) -> bool:
    """Whether a plural a country's adjective modifies may be that country's people (or,
    by metonymy, its forces, states or towns: "Turkish drones", "US states"); not an
    amount of its money ("100,000 Kenyan shillings", frames.yaml ``currency_words``) nor
    its goods ("Chinese goods", ``goods_words``), nor what it does ("Israeli airstrikes",
    "Iranian protests": a noun the pattern files code as an event)."""
    money = token.ent_type_ in {"MONEY", "QUANTITY", "PERCENT", "CARDINAL"}
    goods = token.lower_ in frames().goods_words or fold(token.lemma_) in frames().goods_words
    act = token.lemma_.lower() in noun_patterns()
    return not money and not goods and not act and token.lower_ not in frames().currency_words


def _holding_group(token: Token, context: Context) -> ActorRef | None:
    """The unnamed group whose role holders a role noun names by its "of" phrase ("leaders
    of labor unions", "members of the opposition"): they act for it, in its sector."""
    if fold(token.lemma_) not in roles() and fold(token.text) not in roles():
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for group in (g for g in prep.children if g.dep_ == "pobj"):
            found = generic_actor(group, context)
            if found is not None and found.sector is not None:
                return found
    return None


def _agent_name(token: Token, context: Context) -> str:
    """The noun with the adjectives and nouns written before it, each with its own
    modifiers ("Hong Kong garrison", "New York State Attorney General"), not with what
    the parse hung on them from another line."""
    modifiers = [
        c
        for c in token.children
        if c.dep_ in {"amod", "compound"}
        and c.i < token.i
        and not _across_lines(c, token, context)
        and not (dateline(c) and not dateline(token))  # "BLOOMINGTON, Minn. - Police"
    ]
    words = [
        w
        for c in modifiers
        for w in c.subtree
        if w.i < token.i
        and (w.tag_ == "HYPH" or not w.is_punct)
        and not _across_lines(w, token, context)
    ]
    ordered = sorted({*words, token}, key=lambda w: w.i)
    # "US-led forces"; "three co-workers", which the parse split at the hyphen; a space
    # where a mark left out stood between two words ("very spiritual' female employee")
    joined = [w.text + (" " if _spaced(w, after) else "") for w, after in pairwise(ordered)]
    return "".join(joined) + written_word(token)


def _spaced(word: Token, following: Token) -> bool:
    """Whether any space is written between `word` and the later `following`."""
    return any(t.whitespace_ for t in word.doc[word.i : following.i])


def written_word(token: Token) -> str:
    """The word as written from `token` through the hyphens joining it to the next words
    ("co-workers": "co", "-", "workers" to spaCy), not a possessive or a mark after it."""
    end = token.i
    doc = token.doc
    while end + 2 < len(doc) and not doc[end].whitespace_ and doc[end + 1].text in HYPHENS:
        if doc[end + 1].whitespace_ or not doc[end + 2].is_alpha:
            break
        end += 2
    return doc[token.i : end + 1].text


def _owner_agent(unit: Token, context: Context) -> ActorRef | None:
    """A unit of an unnamed agent ("the sheriff's SWAT team", "the army's convoy"): that
    agent, named by the whole phrase."""
    owners = [c for c in unit.children if c.dep_ == "poss"]
    found = generic_actor(owners[0], context) if owners else None
    if found is None:
        return None
    start = owners[0].left_edge
    if start.dep_ == "det":
        start = start.nbor(1)  # "a sheriff's": the name starts at its noun
    return replace(found, name=unit.doc[start.i : unit.i + 1].text)


def agent_key(country: str | None, sector: str | None, kind: str | None = None) -> str:
    """An unnamed agent's key: its country and sector, and for ordinary people its noun
    ("the man who killed four people": the man and the people are two participants)."""
    key = f"agent:{country or 'XXX'}:{sector or '-'}"
    return f"{key}:{kind}" if kind else key


def agent_kind(key: str) -> str | None:
    """The noun an agent key ends with, if any (`agent_key`)."""
    parts = key.split(":")
    return parts[3] if key.startswith("agent:") and len(parts) > 3 else None


def noun_sector(token: Token) -> str | None:
    """The sector a noun names, with the words written before it: "riot police" (COP),
    "peacekeepers", "women" (by its lemma, woman). The tables and which answers for a word
    are described in `crosswire.actors.agents`."""
    words = [fold(t.text) for t in _phrase_before(token)]
    lemma = fold(token.lemma_)
    own = _own_sector(words[-1]) or _own_sector(lemma)
    phrase = agent_sector(words) or agent_sector([*words[:-1], lemma])
    if phrase is not None and (own is None or " " in phrase[0]):
        return phrase[1]  # the longer phrase says more than its head word alone
    return own


def unnamed_sector(token: Token) -> str | None:
    """The sector of a common noun of people or of a group that no agent table lists
    (data/events/agents.yaml): an organisation by its head ("conservation groups", "the
    union"), members by their group ("gang members"), a person by the suffix of an agent
    noun ("unionists", "historians"). Other nouns (things, acts: "the report") are none."""
    if token.tag_ not in {"NN", "NNS"}:
        return None  # a name, or a word the tagger took for another part of speech
    lemma = fold(token.lemma_)
    data = agents()
    if lemma in data.organisations:
        return _kind_before(token) or data.organisations[lemma]
    if lemma in data.members:
        return _kind_before(token) or "CVL"
    if lemma in data.not_people:
        return None
    # "a fired accountant opened fire": a person by what the dictionary says the noun
    # most often names
    return _suffix_sector(lemma) or ("CVL" if names_a_person(lemma) else None)


def _named_holder(
    token: Token, context: Context, preps: frozenset[str] | set[str] = HOLDER_PREPS
) -> bool:
    """Whether an "of" or "from" phrase on the noun names whose people they are ("observers
    from the OSCE", "members of MASSOB"): that named actor, found after the generic ones,
    answers for them, not a sector of their noun. (The "of" phrase of a quantity is the
    people themselves: "thousands of Nigerians"; the holder a quantity's phrase names is
    theirs: "a mission of observers from the OSCE".)"""
    owners = [token]
    of_quantity = token.dep_ == "pobj" and token.head.lower_ == "of"
    if of_quantity and token.head.head.lower_ in agents().quantities:
        owners.append(token.head.head)
    preps_on = (c for owner in owners for c in owner.children if c.dep_ == "prep")
    for prep in (c for c in preps_on if c.lower_ in preps):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            mention = context.mention_at(obj)
            if mention is not None and mention.type in ACTOR_TYPES - {"COUNTRY"}:
                return True
    return False


def _kind_before(token: Token) -> str | None:
    """The sector a word written before a group noun names ("gang members": CRM,
    "student union": EDU), if the tables know it."""
    for child in token.children:
        if child.dep_ in {"amod", "compound"} and child.i < token.i:
            found = noun_sector(child) or agents().organisations.get(fold(child.lemma_))
            if found is not None:
                return found
    return None


def _suffix_sector(lemma: str) -> str | None:
    """A noun of people by its suffix ("anarchist", "historian"): of the sector of the
    organisation its stem names ("unionist": LAB), else an ordinary person (CVL)."""
    data = agents()
    if len(lemma) < data.person_suffix_min:
        return None
    for suffix in data.person_suffixes:
        if lemma.endswith(suffix):
            return data.organisations.get(lemma[: -len(suffix)], "CVL")
    return None


def _phrase_before(token: Token) -> list[Token]:
    """The noun and the compounds and adjectives written right before it ("riot police")."""
    start = token.i
    modifiers = {c.i for c in token.children if c.dep_ in {"amod", "compound"}}
    while start - 1 in modifiers:
        start -= 1
    return list(token.doc[start : token.i + 1])


def _own_sector(word: str) -> str | None:
    return group_heads().get(word) or roles().get(word) or agents().agents.get(word)


def _modifier_country(token: Token, context: Context) -> str | None:
    """The country named on a generic agent: 'Egyptian police', 'police of Kenya'."""
    for child in (c for c in token.children if not _across_lines(c, token, context)):
        for target in _modifier_tokens(child):
            mention = context.mention_at(target)
            if mention is not None and mention.actor.country:
                return mention.actor.country
            if target.dep_ in {"amod", "compound"} and (code := demonym(target)):
                return code
    return None


def _country_adjective(token: Token, context: Context) -> bool:
    """Whether a country's name or adjective is written right before the noun ("Ugandan")."""
    for child in token.children:
        if child.dep_ not in {"amod", "compound"} or child.i > token.i:
            continue
        if _across_lines(child, token, context):
            continue
        mention = context.mention_at(child)
        if (mention is not None and mention.actor.country) or demonym(child):
            return True
    return False


def _modifier_tokens(child: Token) -> list[Token]:
    """The words of one dependent of a noun that may name its country."""
    if child.dep_ == "prep" and child.lower_ in {"of", "from", "in", "at"}:
        # "police of Kenya", "journalists at Sudan's main newspaper"
        objects = [g for g in child.children if g.dep_ == "pobj"]
        return objects + [
            m for g in objects for m in g.children if m.dep_ in {"poss", "amod", "compound"}
        ]
    return [child] if child.dep_ in {"amod", "compound", "poss", "nmod"} else []


# ------------------------------------------------------------------ countries


def demonym(token: Token) -> str | None:
    """The country of a nationality adjective the actors stage left without one
    ("Sierra Leonean", "Panamanian")."""
    words = " ".join(t.text for t in token.subtree)
    found = country_code(words) or (country_code(token.text) if words != token.text else None)
    return found or _hyphened_country(token)


def _hyphened_country(token: Token) -> str | None:
    """ "US-led", "Vietnamese-backed": the country written before the hyphen."""
    for child in token.children:
        if child.i + 2 == token.i and token.doc[child.i + 1].text == "-":
            return country_code(child.text)
    return None


def bare_demonym(mention: Mention, token: Token) -> bool:
    return (
        mention.type == "PERSON"
        and not mention.actor.country
        and token.dep_ in {"amod", "compound"}
        and demonym(token) is not None
    )


def is_country(token: Token, context: Context) -> bool:
    mention = context.mention_at(token)
    return mention is not None and mention.type == "COUNTRY"


def modifier_actor(token: Token, context: Context) -> ActorRef | None:
    """A country named by an adjective on a non-actor noun ("a Senegalese peace plan")."""
    if is_country(token, context):
        actors = actors_of(token, context)
        return actors[0] if actors else None
    code = demonym(token) if token.dep_ == "amod" else None
    return country_actor(Place(name=token.text, country=code)) if code else None


def country_actor(place: Place) -> ActorRef:
    code = place.country or ""
    return ActorRef(key=f"country:{code}", name=country_name(code) or code, country=code)


def named_place(token: Token, context: Context) -> bool:
    """A named place that is not a state ("the San Diego County Jail", not "China")."""
    mention = context.mention_at(token)
    return mention is not None and mention.type == "PLACE"


def unique(actors: list[ActorRef]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for actor in actors:
        seen.setdefault(actor.key, actor)
    return list(seen.values())
