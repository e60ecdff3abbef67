"""The coder's knowledge beyond single patterns, typed: sentence frames, modality cues, date
cues and generic agents (data/events/frames.yaml, modality.yaml, dates.yaml, agents.yaml).
Each field is explained where the data file sets it."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, model_validator

from crosswire.datafiles import Cameo, Code, DataModel, Sector, load
from crosswire.model import Modality, PloverType

APOSTROPHE, TYPOGRAPHIC_APOSTROPHE = "'", "\u2019"


def typographic(words: frozenset[str]) -> frozenset[str]:
    """`words` with each word written with an apostrophe ("'ll", "n't") also as typeset
    pages write it ("\u2019ll"): spaCy keeps the page's character in the token's text."""
    typeset = {w.replace(APOSTROPHE, TYPOGRAPHIC_APOSTROPHE) for w in words if APOSTROPHE in w}
    return words | typeset


def _typographic_keys(table: dict[str, Modality]) -> dict[str, Modality]:
    return {k.replace(APOSTROPHE, TYPOGRAPHIC_APOSTROPHE): v for k, v in table.items()} | table


# The words a data file lists; read in both spellings of the apostrophe
Words = Annotated[frozenset[str], AfterValidator(typographic)]
PLOVER_TYPES = frozenset(get_args(PloverType))


def _plover_type(name: str) -> str:
    if name not in PLOVER_TYPES:
        raise ValueError(f"{name!r} is no PLOVER event type")
    return name


# A PLOVER type as a key events are looked up by (their type is a plain str)
TypeKey = Annotated[str, AfterValidator(_plover_type)]


class Agents(DataModel):
    agents: dict[str, Sector]
    organisations: dict[str, Sector]
    members: Words
    person_suffixes: Words
    person_suffix_min: int
    not_people: Words
    quantities: Words
    individuals: Words
    office_heads: Words
    sexed_nouns: dict[Literal["Masc", "Fem"], Words]
    sexed_endings: dict[Literal["Masc", "Fem"], Words]
    unsexed_endings: Words
    relative_pronouns: Words
    personal_relatives: Words
    home_sectors: frozenset[Sector]
    keyed_by_noun: frozenset[Sector]


class Bombing(DataModel):
    """Means that make an attack a bombing: any of `words` gives it `mode` and `cameo`."""

    words: Words
    mode: str
    cameo: Cameo


class Recode(DataModel):
    """What a stated intention is coded as."""

    type: PloverType
    mode: str | None = None
    cameo: Cameo


class Trials(DataModel):
    """Weapons fired as a test: the words that mark one and what it is coded as."""

    words: Words
    code: Recode


class Calls(DataModel):
    verbs: Words
    purposes: Words


class OfficialProtest(DataModel):
    words: Words
    code: Recode


class Frames(DataModel):
    support_verbs: Words
    undergoer_verbs: Words
    claiming_verbs: Words
    responsibility_nouns: Words
    participation_verbs: Words
    stance_participles: Words
    people_counts: Words
    doer_only_acts: Words
    recordings: Words
    currency_words: Words
    goods_words: Words
    harm_results: Words
    harm_objects: Words
    object_target_types: frozenset[PloverType]
    passive_target_types: frozenset[PloverType]
    undergoer_nouns: Words
    possessor_undergoes: Words
    people_acts: frozenset[PloverType]
    doer_nouns: Words
    light_verb_target_preps: Words
    event_containers: Words
    referring_preps: Words
    verbal_settings: Words
    calls: Calls
    saying_verbs: Words
    said_types: frozenset[PloverType]
    experiencer_verbs: Words
    pronouns: Words
    person_pronouns: Words
    gendered_titles: dict[str, Words]
    speaker_pronouns: Words
    plural_speaker_pronouns: Words
    spokesman_nouns: Words
    continuing_pronouns: Words
    object_target_preps: Words
    topic_nouns: Words
    topic_preps: Words
    suffered_nouns: Words
    state_sectors: frozenset[Sector]
    state_acts: dict[str, Recode]
    official_protest: OfficialProtest
    irregular_sectors: frozenset[Sector]
    irregular_acts: dict[str, Recode]
    trials: Trials
    told_acts: frozenset[PloverType]
    judging_types: frozenset[PloverType]
    binding_types: frozenset[PloverType]
    charging_types: frozenset[PloverType]
    means_named_types: frozenset[PloverType]
    thwarting_verbs: Words
    asking_nouns: Words
    asked_preps: Words
    operation_nouns: Words
    court_types: frozenset[PloverType]
    court_nouns: Words
    justice_modes: Words
    justice_companions: Words
    helper_nouns: Words
    purpose_preps: Words
    setting_preps: Words
    patient_complements: dict[str, Words]
    moved_sectors: frozenset[Sector]
    private_sectors: frozenset[Sector]
    jurisdiction_types: frozenset[PloverType]
    home_types: frozenset[PloverType]
    content_target_preps: Words
    irregular_pasts: dict[str, str]
    verb_target_preps: Words
    site_target_types: frozenset[PloverType]
    site_preps: Words
    doers_acts: frozenset[PloverType]
    adverbial_preps: Words
    reduced_clause_marks: Words
    time_clause_marks: Words
    subordinators: Words
    homeward: Words
    verbal_objects: Words
    criticism_verbs: Words
    verbal_types: frozenset[PloverType]
    talk_types: frozenset[PloverType]
    domestic_types: frozenset[PloverType]
    not_states: frozenset[Code]
    bombings: tuple[Bombing, ...]  # most specific first


class ContentCode(DataModel):
    """The mode and CAMEO code an event's content gives it; empty: the content is absorbed
    without recoding the event."""

    mode: str | None = None
    cameo: Cameo | None = None

    @model_validator(mode="after")
    def _mode_needs_code(self) -> ContentCode:
        if self.mode is not None and self.cameo is None:
            raise ValueError("a content code with a mode needs its cameo")
        return self


class RequestContent(DataModel):
    """A request whose content names one of `nouns` (and, best, one of `verbs`)."""

    nouns: Words
    verbs: Words
    mode: str
    cameo: Cameo


class ModalityCues(DataModel):
    auxiliaries: Annotated[dict[str, Modality], AfterValidator(_typographic_keys)]
    intent_auxiliaries: Words
    obligation_auxiliaries: Words
    wishing_verbs: Words
    governors: dict[str, Modality]
    verbal_governors: dict[str, Modality]
    intent_governors: Words
    intent_codes: dict[TypeKey, Recode]
    announced_codes: dict[TypeKey, Recode]
    intent_cameo_codes: dict[Cameo, Recode]
    planned_threats: frozenset[PloverType]
    promises: Words
    pursuits: Words
    pursuit_goals: Words
    content_codes: dict[TypeKey, dict[TypeKey, ContentCode]]
    noun_modifiers: dict[str, Modality]
    conditional_marks: Words
    inverted_conditionals: Words
    generic_pronouns: Words
    governing_nouns: dict[str, Modality]
    appeal_verbs: Words
    opinion_verbs: Words
    negations: Words
    negative_arguments: Words
    excess_degrees: Words
    counsel_verbs: Words
    negating_governors: Words
    cancelling_verbs: Words
    acceptances: Words
    refusal_governors: Words
    infinitive_governors: dict[str, Modality]
    reported_future: Words
    reported_adverbs: Words
    reported_passives: Words
    report_nouns: Words
    vouching_modifiers: Words
    allegations: Words
    allegation_preps: Words
    not_alleging_preps: Words
    manner_preps: Words
    performed_under_condition: Words
    future_progressives: dict[str, Modality]
    temporal_marks: Words
    negation_bounds: Words
    contrasts: Words
    future_times: Words
    future_modifiers: Words
    request_content: tuple[RequestContent, ...]  # tried in order

    @model_validator(mode="after")
    def _rejections_are_coded(self) -> ModalityCues:
        if "REJECT" not in self.content_codes or "REQUEST" not in self.content_codes:
            raise ValueError("content_codes needs REJECT and REQUEST: the coder reads both")
        return self


class DateCues(DataModel):
    dating_preps: Words
    bounding_preps: Words
    tally_bounds: Words
    near_bounds: Words
    bounding_marks: Words
    close_modifiers: Words
    comparing_preps: Words
    simultaneous_marks: Words
    vague_values: Words
    vague_types: Words
    present_values: Words
    past_perfect_auxiliaries: Words
    present_passive_auxiliaries: Words
    status_verbs: Words
    setting_preps: Words
    period_preps: Words
    period_nouns: Words
    spanning: Words
    frame_openers: Words
    prospective_governors: Words
    preventing_governors: Words
    iterative_adverbs: Words
    occasion_nouns: Words
    times_nouns: Words
    present_perfect_auxiliaries: Words
    earlier_adverbs: Words


@cache
def agents() -> Agents:
    return load("events/agents.yaml", Agents)


@cache
def frames() -> Frames:
    return load("events/frames.yaml", Frames)


@cache
def modality() -> ModalityCues:
    return load("events/modality.yaml", ModalityCues)


@cache
def dates() -> DateCues:
    return load("events/dates.yaml", DateCues)
