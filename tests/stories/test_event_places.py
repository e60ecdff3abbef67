"""Where an article's event happens (its title and lead, not its dateline), and when an
article's places and a story's are apart."""

from __future__ import annotations

from tests.stories.factory import article, parsed

from crosswire.stories.event_places import (
    apart,
    event_places,
    place_key,
    where,
    written_places,
)


def test_a_town_after_in_is_a_place_even_when_the_parser_took_it_for_a_person() -> None:
    fire = article("a", "A fire destroyed a warehouse in Cork on Sunday night.", title="Fire")
    [key] = event_places(fire, parsed(fire, {"Cork": "PERSON"}), lead_sentences=2)
    assert key.startswith("IRL/")  # a city: its country and its region


def test_a_title_names_the_place_of_the_event() -> None:
    fire = article(
        "a", "A warehouse burned down. The owner of Cork Ltd said so.", title="Fire in Cork"
    )
    analysis = parsed(fire, {"Cork": "ORG"})
    assert [k[:3] for k in event_places(fire, analysis, lead_sentences=2)] == ["IRL"]
    assert event_places(fire, analysis, lead_sentences=0) == ()


def test_a_dateline_a_nationality_and_places_after_the_lead_are_not_event_places() -> None:
    text = (
        "MOSCOW (Reuters) - The Australian minister met the leader in Pyongyang on Thursday. "
        "They spoke for two hours. Later he gave a speech in Beijing."
    )
    visit = article("a", text)
    names = {"MOSCOW": "PLACE", "Australian": "COUNTRY", "Pyongyang": "PLACE", "Beijing": "PLACE"}
    found = event_places(visit, parsed(visit, names), lead_sentences=2)
    assert [k[:3] for k in found] == ["PRK"]


def test_a_country_is_no_event_place_a_town_in_it_is() -> None:
    quake = article("a", "An earthquake struck near Bam in Iran on Friday.")
    found = event_places(quake, parsed(quake, {"Bam": "PLACE", "Iran": "COUNTRY"}), 2)
    assert found == (place_key("Bam"),)


def test_a_month_is_no_place_though_a_town_is_so_named() -> None:
    assert place_key("March") is None
    assert written_places("Talks began in March in Geneva.", 60) == (place_key("Geneva"),)


def test_places_in_other_countries_or_regions_are_apart() -> None:
    lyon, porto, graz = place_key("Lyon"), place_key("Porto"), place_key("Graz")
    assert lyon and porto and graz
    assert apart([lyon], [porto]) and apart([graz], [lyon, porto])
    assert apart([place_key("Bam")], [place_key("Tehran")])  # two provinces of Iran


def test_a_country_and_its_city_or_a_shared_place_are_not_apart() -> None:
    pyongyang = place_key("Pyongyang")
    assert pyongyang and not apart(["PRK"], [pyongyang])
    # a story of several places: an article naming one of them belongs
    assert not apart([pyongyang, "RUS"], ["USA", pyongyang])
    assert not apart([], [pyongyang]) and not apart([pyongyang], [])


def test_a_reaction_elsewhere_that_names_the_events_town_is_not_apart() -> None:
    text = "Officials in Moscow welcomed the deal reached at the Geneva summit on Tuesday."
    reaction = article("a", text)
    places = event_places(reaction, parsed(reaction, {"Moscow": "PLACE", "Geneva": "ORG"}), 2)
    assert where(places) == [place_key("Moscow")]  # what a story of it would keep
    geneva, lyon = place_key("Geneva"), place_key("Lyon")
    assert geneva and lyon
    assert not apart(places, [geneva]) and apart(places, [lyon])
