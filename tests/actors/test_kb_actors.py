"""The actors stage with the knowledge base: countries and sectors of the article's day,
names spaCy misses, acronyms that are parties, the analyst's own actors."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire import stages
from crosswire.kb.base import ENV, knowledge_base
from crosswire.kb.matcher import kb_spans
from crosswire.model import Article, Mention
from crosswire.nlp import parse

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not knowledge_base().rows, reason="the compiled KB is absent: python -m crosswire.kb.build"
    ),
]


def mentions(text: str, published: str | None = None) -> list[Mention]:
    article = Article(id="t", text=text, path="test", published=published)
    state = stages.run(stages.ArticleState(article, next(parse([text]))), until="mentions")
    return state.mentions


def person(found: list[Mention], key: str) -> Mention:
    matches = [m for m in found if m.actor.key == key]
    assert matches, [m.actor.key for m in found]
    return matches[0]


def test_role_of_the_article_day() -> None:
    text = "Bill Clinton said on Monday that the talks would continue."
    then = person(mentions(text, "2000-06-01"), "person:bill clinton").actor
    now = person(mentions(text, "2018-01-01"), "person:bill clinton").actor
    assert (then.country, then.sector) == ("USA", "GOV")
    assert (now.country, now.sector) == ("USA", "ELI")


def test_party_acronym_is_not_the_country() -> None:
    found = mentions("The PRI said on Monday that the talks would continue.", "2012-05-01")
    pri = [m for m in found if m.text == "PRI"]
    assert pri and pri[0].type == "ORG"
    assert (pri[0].actor.country, pri[0].actor.sector) == ("MEX", "PTY")


def test_kb_names_found_once() -> None:
    text = "Lavrov laid flowers at the statues of the late leaders Kim Il Sung and Kim Jong Il."
    found = mentions(text, "2018-05-31")
    keys = [m.actor.key for m in found if m.type == "PERSON"]
    assert keys.count("person:kim il sung") == 1
    assert keys.count("person:kim jong il") == 1
    assert person(found, "person:kim il sung").actor.country == "PRK"


def test_matcher_skips_titles_and_short_aliases() -> None:
    text = "President Bill Clinton met PRI leaders and Kim Jong-il."
    spans = {text[s.start : s.end]: s.label for s in kb_spans(text)}
    assert spans == {"Bill Clinton": "PERSON", "Kim Jong-il": "PERSON"}


def test_matcher_finds_an_organisation_s_long_acronym_on_a_mixed_case_line() -> None:
    text = "ECOWAS condemned the coup.\nTARGET CUTS PRICES\nSADC leaders met."
    spans = {text[s.start : s.end]: s.label for s in kb_spans(text)}
    assert spans == {"ECOWAS": "ORG", "SADC": "ORG"}


def test_analyst_file_takes_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "beat.yaml"
    path.write_text(
        "actors:\n"
        "  - name: Bill Clinton\n"
        "    roles: [{country: CAN, sector: BUS}]\n"
        "  - name: Zorblat Quenthar\n"
        "    roles: [{country: NOR, sector: MIL, from: 2020-01-01}]\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(ENV, str(path))
    found = mentions("Bill Clinton and Zorblat Quenthar met on Monday.", "2021-03-01")
    assert person(found, "person:bill clinton").actor.country == "CAN"
    zorblat = person(found, "person:zorblat quenthar").actor
    assert (zorblat.country, zorblat.sector) == ("NOR", "MIL")


def test_kb_person_spacy_took_for_a_place_is_a_person() -> None:
    from crosswire.actors.classify import classify

    assert classify("Jo Myong Rok", 0, 12, "GPE", set()).type == "PERSON"
    # an alias of a person that names a body is no person
    assert classify("The Clinton Administration", 0, 26, "ORG", set()).type == "ORG"


def test_every_spelling_the_kb_lists_is_one_actor_in_every_article() -> None:
    formal = mentions("William Jefferson Clinton said on Monday that the talks would go on.")
    usual = mentions("Bill Clinton said on Monday that the talks would go on.")
    assert person(formal, "person:bill clinton").text == "William Jefferson Clinton"
    assert person(usual, "person:bill clinton").text == "Bill Clinton"


def test_a_surname_alone_keeps_its_own_key() -> None:
    found = mentions("Clinton said on Monday that the talks would go on.")
    assert "person:bill clinton" not in [m.actor.key for m in found]


def test_a_titled_surname_is_the_holder_the_kb_names_so_on_the_day() -> None:
    """ "President Bush": the surname alone is no KB alias (two presidents bore it, and it
    is a common word), the titled form is, and the day chooses George W. Bush's term."""
    found = mentions("President Bush said on Monday that the talks would go on.", "2008-08-06")
    bush = [m for m in found if m.text == "Bush"]
    assert bush and (bush[0].actor.country, bush[0].actor.sector) == ("USA", "GOV")


def test_a_surname_the_dictionary_lists_for_one_person_is_that_person() -> None:
    """Phoenix lists "OBAMA" for Barack Obama alone: in 2015 he was the US government."""
    found = mentions("Obama said on Monday that the talks would go on.", "2015-06-09")
    obama = [m for m in found if m.text == "Obama"]
    assert obama and (obama[0].actor.country, obama[0].actor.sector) == ("USA", "GOV")


def test_a_kb_person_with_a_name_particle_spacy_took_for_an_organisation() -> None:
    """ "Dominique de Villepin": the lower-case "de" inside does not stop the KB's person."""
    text = "Dominique de Villepin said on Monday that the talks would go on."
    found = [m for m in mentions(text, "2003-08-16") if m.text == "Dominique de Villepin"]
    assert found and found[0].type == "PERSON"
    assert (found[0].actor.country, found[0].actor.sector) == ("FRA", "GOV")


def test_a_name_the_kb_knows_only_as_a_body_takes_its_code_when_spacy_says_person() -> None:
    """A company spaCy took for a person keeps spaCy's type but the KB's code and sector."""
    text = "Reed Elsevier said on Monday that the talks would go on."
    found = [m for m in mentions(text, "2010-06-01") if m.text == "Reed Elsevier"]
    assert found and (found[0].actor.country, found[0].actor.sector) == ("MNC", "JRN")


def test_a_surname_before_administration_is_of_the_country_the_kb_lists_it_for() -> None:
    """ "the Bush administration": two Bushes, both American; the dictionaries list the
    phrase for each, so the surname's country is settled though the person is not."""
    found = mentions("The Bush administration declared Tuesday that China must drop barriers.")
    bush = [m for m in found if m.text == "Bush"]
    assert bush and bush[0].actor.country == "USA"
    assert bush[0].actor.key == "person:bush"  # which Bush stays open


def test_a_one_word_name_the_kb_knows_only_as_a_company_is_that_company() -> None:
    found = [m for m in mentions("Petrobras said on Monday that the talks would go on.")]
    petrobras = [m for m in found if m.text == "Petrobras"]
    assert petrobras and (petrobras[0].actor.country, petrobras[0].actor.sector) == ("MNC", "BUS")
