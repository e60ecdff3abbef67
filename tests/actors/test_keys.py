import pytest

from crosswire.actors.keys import fold, org_key, person_key


def test_transliteration_variants_share_a_key() -> None:
    assert person_key("Sergey Lavrov") == person_key("Sergei Lavrov") == "person:sergei lavrov"
    assert person_key("SERGEI LAVROV") == "person:sergei lavrov"
    assert person_key("Yury Gagarin") == person_key("Yuri Gagarin")
    assert person_key("Aleksei Navalny") == person_key("Alexei Navalny")


def test_korean_hyphen_and_case_forms_share_a_key() -> None:
    forms = ["Kim Jong Un", "Kim Jong-un", "KIM JONG UN", "Kim Jong-Un"]
    assert {person_key(f) for f in forms} == {"person:kim jong un"}


def test_accents_and_middle_initials_fold() -> None:
    assert person_key("José Martí") == person_key("Jose Marti")
    assert person_key("Donald J. Trump") == person_key("Donald Trump")


def test_different_people_keep_different_keys() -> None:
    assert person_key("Kim Jong Un") != person_key("Kim Jong Il")
    assert person_key("Kim Yong Chol") != person_key("Kim Jong Un")


def test_org_key_carries_country() -> None:
    assert org_key("Foreign Ministry", "RUS") == "org:RUS:foreign ministry"
    assert fold("Foreign  Ministry’s") == "foreign ministrys"


def test_hebrew_given_name_spellings_give_one_key() -> None:
    keys = {
        person_key(n) for n in ("Benjamin Netanyahu", "Binyamin Netanyahu", "Benyamin Netanyahu")
    }
    assert keys == {"person:benjamin netanyahu"}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The UN said on Tuesday that the aid convoy had reached the town.",
        "The African Union said on Tuesday that the aid convoy had reached the town.",
    ],
)
def test_a_leading_determiner_is_no_part_of_an_organisation_s_name(analyse, text: str) -> None:
    mention = next(m for m in analyse(text).mentions if m.type == "ORG")
    assert not mention.actor.name.lower().startswith("the ")
    assert ":the " not in mention.actor.key


@pytest.mark.slow
def test_a_city_named_with_the_keeps_its_article() -> None:
    from crosswire.actors.classify import classify

    typed = classify("The Hague", 0, 9, "ORG", set())
    assert (typed.actor.key, typed.actor.country) == ("place:NLD:the hague", "NLD")
