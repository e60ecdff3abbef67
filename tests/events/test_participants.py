"""Unnamed actors by their noun: the country their adjective names and the sector their
noun gives (crosswire's agent tables, then the Phoenix agent nouns, the longest phrase
first; see crosswire.actors.agents)."""

from __future__ import annotations

import pytest
from tests.events.conftest import built, code, headline_events
from tests.events.conftest import only_one as _one

from crosswire.model import ActorRef

pytestmark = pytest.mark.slow


def _coded(actor: ActorRef | None) -> tuple[str | None, str | None]:
    return (actor.country, actor.sector) if actor else (None, None)


def test_a_noun_only_the_phoenix_table_knows_gets_its_sector() -> None:
    event = _one("Israeli troops detained two Somali traders.", "COERCE")
    assert _coded(event.source) == ("ISR", "MIL")
    assert _coded(event.target) == ("SOM", "BUS")  # "traders": BUS in Phoenix only


def test_the_longer_agent_phrase_beats_its_head_word() -> None:
    # "guards" alone are police (COP, data/events/agents.yaml); "border guards" are MIL
    event = _one("Kenyan border guards detained two Somali traders.", "COERCE")
    assert _coded(event.source) == ("KEN", "MIL")


def test_cameo_codes_become_plover_sectors() -> None:
    # Phoenix codes monks REL and a newspaper CAMEO MED (the media): PLOVER JRN
    event = _one("Buddhist monks attacked a newspaper in Yangon.", "ASSAULT")
    assert _coded(event.source)[1] == "REL"
    assert _coded(event.target)[1] == "JRN"


def test_an_agent_is_named_with_every_word_of_a_place_before_it() -> None:
    # the place's own first word hangs on its second ("Hong" on "Kong"), not on the noun
    event = _one("The Hong Kong garrison detained two Filipino traders.", "COERCE")
    assert event.source is not None and event.source.name == "Hong Kong garrison"
    event = _one("The New York State Attorney General sued Apple.", "ACCUSE")
    assert event.source is not None
    assert event.source.name == "New York State Attorney General"
    assert event.source.country == "USA"


def test_a_hyphened_modifier_keeps_its_hyphen_in_the_name() -> None:
    event = _one("US-led forces detained two Somali traders.", "COERCE")
    assert event.source is not None and event.source.name == "US-led forces"


def test_a_unit_of_an_unnamed_agent_is_that_agent_named_by_the_whole_phrase() -> None:
    event = _one("Orozco was arrested on Friday by a sheriff's SWAT team.", "COERCE")
    assert event.source is not None and event.source.sector == "COP"
    assert event.source.name == "sheriff's SWAT team"


def test_a_relative_clause_on_a_predicate_noun_is_about_its_subject() -> None:
    event = _one("Andrew Lopez is the gunman who shot the officer.", "ASSAULT")
    assert event.source is not None and event.source.name == "Andrew Lopez"


def test_a_relative_clause_on_an_apposition_is_about_the_named_one() -> None:
    event = _one("Tom Hardy, a retired officer who shot two men, was arrested.", "ASSAULT")
    assert event.source is not None and event.source.name == "Tom Hardy"


def test_a_second_relative_clause_joined_by_and_is_about_the_same_noun() -> None:
    text = "Reporters met Senator Tom Hardy, who chairs the panel and who backed Ali Farah."
    event = _one(text, "SUPPORT")
    assert event.source is not None and event.source.name == "Tom Hardy"


def test_a_person_named_before_a_role_noun_is_whose_it_is_not_who() -> None:
    event = _one("A senior Putin aide who attacked a journalist was fired.", "ASSAULT")
    assert event.source is not None and "putin" not in event.source.key


def test_a_role_noun_with_a_name_after_it_is_that_person() -> None:
    event = _one("The Kenyan president met his Somali counterpart Ali Farah in Nairobi.", "CONSULT")
    assert event.target is not None and event.target.name == "Ali Farah"


def test_an_office_title_after_an_organisation_names_the_office_holder() -> None:
    # the organisation's name says whose office it is; the passive agent is the holder
    event = _one("Exxon is being investigated by the New York State Attorney General.", "ACCUSE")
    assert event.source is not None
    assert event.source.name == "New York State Attorney General"


def test_an_unknown_thing_from_a_country_is_no_actor() -> None:
    # "concessions from China" are not Chinese people: the request is made of China
    event = _one("Japan's foreign ministry demanded concessions from China.", "REQUEST")
    assert event.target is not None and event.target.key == "country:CHN"


def test_a_quoted_he_is_not_the_one_who_speaks_the_quote() -> None:
    for text in (
        'Police found the gunman. "He shot one man right away," said spokesman Tom Baker.',
        '"Two people were hurt. He shot one man right away," said spokesman Tom Baker.',
    ):  # the quotation opens in the sentence or before it
        event = _one(text, "ASSAULT")
        assert event.source is None or event.source.key != "person:tom baker"


def test_a_reported_he_may_be_the_speaker() -> None:
    event = _one("Tom Baker said he had arrested the gunman.", "COERCE")
    assert event.source is not None and event.source.key == "person:tom baker"


def test_a_nationality_noun_for_one_person_is_a_person_not_the_state() -> None:
    event = _one("Russian police arrested a 30-year-old American on Friday.", "COERCE")
    assert event.target is not None and event.target.key == "agent:USA:CVL"
    assert event.target.name == "30-year-old American"


def test_an_apposition_names_the_one_before_the_body_that_qualifies_him() -> None:
    events = code("Italian police arrested the Mafia leader Salvatore Riina on Friday.")
    assert [(e.type, e.target and e.target.name) for e in events] == [("COERCE", "Salvatore Riina")]


def test_a_person_an_organisation_is_written_before_is_named_as_that_person() -> None:
    # coded as the organisation (its key), named by the words for the one arrested
    event = _one("Police arrested a suspected Mafia boss in Palermo on Monday.", "COERCE")
    assert event.target is not None and event.target.name.endswith("Mafia boss")
    assert event.target.key == "org:mafia"


def test_a_noun_the_dictionary_gives_as_a_person_names_a_doer() -> None:
    text = "A fired accountant returned to the office and opened fire on his bosses."
    event = _one(text, "ASSAULT")
    assert event.source is not None and event.source.name == "fired accountant"
    assert event.source.sector == "CVL"


def test_no_one_is_no_doer() -> None:
    assert all(e.source is None for e in code("Nobody talks to Fidel Castro."))


def test_people_of_a_mission_from_a_named_body_are_that_body() -> None:
    text = "The prime minister received a mission of observers from the OSCE on Monday."
    targets = [e.target.name for e in code(text) if e.target is not None]
    assert targets and all("OSCE" in name for name in targets)


def test_a_dateline_is_no_part_of_the_name_of_the_doer_after_it() -> None:
    text = "BLOOMINGTON, Minn. - Police used a Taser to arrest a hit-and-run suspect on Friday."
    event = _one(text, "COERCE")
    assert event.source is not None and event.source.name == "Police"


def test_a_host_of_people_are_those_people() -> None:
    event = _one("Police arrested a host of protesters.", "COERCE")
    assert event.target is not None and "protesters" in event.target.name


def test_an_amount_of_a_country_s_money_is_not_its_people() -> None:
    text = "On Friday, the Kenyan government planned to pay the first 32 death claims of 100,000 Kenyan shillings each."
    planned = built(text, "planned", "AGREE")
    assert planned.target is None or "shilling" not in planned.target.name
    marched = _one("Thousands of Kenyan farmers marched in Nairobi on Monday.", "PROTEST")
    assert marched.source is not None and marched.source.name.endswith("Kenyan farmers")


def test_a_relative_who_stands_for_the_list_member_right_before_it() -> None:
    # the parse hangs the clause on "talks" or on the list's first member; a relative
    # clause follows the noun it describes
    for rebels in ("rebels", "Taliban"):
        text = f"He hoped for talks between his government and the {rebels}, who have long refused to negotiate with Kabul."
        sources = [e.source.name if e.source else None for e in code(text) if e.type == "REJECT"]
        assert sources == [rebels]


def test_a_word_with_a_capital_inside_is_a_name_however_it_was_tagged() -> None:
    event = _one("WeWork is being investigated by the New York attorney general.", "ACCUSE")
    assert event.target is not None and event.target.name == "WeWork"


def test_a_countrys_goods_are_not_its_people() -> None:
    # "Chinese goods" names what China sells; its owner, China, is the target
    event = _one("The United States raised tariffs on Chinese goods on Monday.", "SANCTION")
    assert event.target is not None and event.target.name == "China"


def test_a_body_of_people_is_who_it_names_not_a_person_named_in_its_phrase() -> None:
    # the parser hangs "of a 15-year-old boy" on "police"; the boy was killed, not killing
    text = (
        "Riots spread in protest at the killing by police of a 15-year-old boy, Alexandros Kostas."
    )
    event = _one(text, "ASSAULT")
    assert event.source is not None and event.source.name == "police"


def test_a_country_adjective_on_an_act_noun_names_no_people() -> None:
    # "Israeli airstrikes" are what Israel did, not Israeli people
    event = _one("Israeli airstrikes on Gaza killed twelve people on Monday.", "ASSAULT")
    assert event.source is not None and event.source.key == "country:ISR"


def test_a_sum_of_a_countrys_money_is_no_one() -> None:
    text = "The minister offered a reward of up to 2 million U.S. dollars for information."
    event = _one(text, "REQUEST")
    assert event.target is None


def test_a_countrys_security_service_is_its_intelligence_body() -> None:
    event = _one("Ukraine's security service said it had detained two men.", "COERCE")
    assert event.source is not None
    assert (event.source.country, event.source.sector) == ("UKR", "SPY")


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Indian and Chinese troops clashed along their border.", {"IND", "CHN"}),
        ("Israeli and Palestinian negotiators met in Cairo on Monday.", {"ISR", "PSE"}),
    ],
)
def test_coordinated_nationalities_of_one_noun_are_two_sides(text: str, sides: set[str]) -> None:
    [event] = code(text)
    assert event.source is not None and event.target is not None
    assert {event.source.country, event.target.country} == sides


def test_two_countries_side_by_side_are_a_list() -> None:
    [event] = code("Armenia, Azerbaijan signed a peace deal on Monday.")
    assert event.source is not None and event.target is not None
    assert {event.source.country, event.target.country} == {"ARM", "AZE"}


@pytest.mark.parametrize(
    ("text", "key", "name"),
    [
        ("The head of the IAEA met Iran's foreign minister in Vienna.", "iaea", "head of IAEA"),
        ("The president of France called for a ceasefire.", "country:FRA", "president of France"),
        ("The leader of Hamas rejected the proposal on Monday.", "hamas", "leader of Hamas"),
    ],
)
def test_the_holder_of_an_office_of_a_named_body_acts_for_it(
    text: str, key: str, name: str
) -> None:
    [event] = code(text)
    assert event.source is not None and key in event.source.key and event.source.name == name


def test_a_named_holder_of_an_office_is_that_person() -> None:
    text = "The prime minister of Israel, Benjamin Netanyahu, rejected the proposal."
    [event] = code(text)
    assert event.source is not None and event.source.name == "Benjamin Netanyahu"


@pytest.mark.parametrize(
    ("title", "first", "second"),
    [
        ("Armenia, Azerbaijan agree to border delimitation", "Armenia", "Azerbaijan"),
        ("Biden, Xi agree to resume military talks", "Biden", "Xi"),
    ],
)
def test_a_headline_s_list_without_and_names_both_sides_first_named_first(
    title: str, first: str, second: str
) -> None:
    [event] = headline_events(title)
    assert event.source is not None and first in event.source.name
    assert event.target is not None and second in event.target.name
