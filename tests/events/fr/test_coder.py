"""The French coder on sentences written for the test: a meeting, an attack, a
condemnation, a negated event, a passive with "par", a planned visit, dates."""

from __future__ import annotations

import pytest

from crosswire.events.fr.coder import code_events
from crosswire.model import Article, EventMention

pytestmark = pytest.mark.slow  # the French spaCy pipeline


def coded(text: str, published: str | None = "2024-05-15") -> list[EventMention]:
    return code_events(Article(id="t", text=text, path="t.txt", published=published))


def test_a_meeting_between_two_named_ministers() -> None:
    [event] = coded("La ministre grecque Maria Petrou a rencontré mardi le ministre chypriote.")
    assert (event.type, event.trigger) == ("CONSULT", "rencontré")
    assert event.source is not None and event.source.key == "person:maria petrou"
    assert event.source.country == "GRC"  # from "grecque" before the name
    assert event.target is not None and event.target.key == "agent:CYP:GOV"
    assert (event.date, event.date_from) == ("2024-05-14", "text")  # the Tuesday before


def test_a_reflexive_meeting_verb() -> None:
    [event] = coded("Le président tchadien s'est entretenu avec le Premier ministre soudanais.")
    assert event.type == "CONSULT"
    assert event.source is not None and event.source.key == "agent:TCD:GOV"
    assert event.target is not None and event.target.key == "agent:SDN:GOV"


def test_an_attack_by_unnamed_rebels_on_the_army() -> None:
    [event] = coded("Des rebelles ont attaqué une patrouille de l'armée malienne près de Mopti.")
    assert (event.type, event.mode) == ("ASSAULT", None)
    assert event.source is not None and event.source.key == "agent:XXX:REB"
    assert event.target is not None and event.target.key == "agent:MLI:MIL"


def test_a_condemnation_is_a_disapproval_and_a_prison_term_a_conviction() -> None:
    [condemned] = coded("L'Égypte a condamné l'attaque contre le convoi humanitaire.")
    assert (condemned.type, condemned.mode) == ("ACCUSE", "disapprove")
    assert condemned.source is not None and condemned.source.key == "country:EGY"
    [sentenced] = coded("Un tribunal a condamné l'opposant à sept ans de prison.")
    assert (sentenced.type, sentenced.mode) == ("SANCTION", "convict")


def test_ne_pas_negates_the_event() -> None:
    [event] = coded("Le Japon n'a pas condamné l'essai de missile.")
    assert event.type == "ACCUSE" and event.negated
    [plain] = coded("Le Japon a condamné l'essai de missile.")
    assert not plain.negated


def test_a_passive_with_par_has_the_agent_as_source() -> None:
    [event] = coded("Le journaliste a été arrêté par la police à Alger.")
    assert (event.type, event.mode) == ("COERCE", "arrest")
    assert event.source is not None and event.source.key == "agent:XXX:COP"
    assert event.target is not None and event.target.key == "agent:XXX:JRN"


def test_a_future_visit_is_a_planned_agree_and_the_conditional_is_reported() -> None:
    [visit] = coded("Le président kényan se rendra au Japon le mois prochain.")
    assert (visit.type, visit.modality) == ("AGREE", "planned")
    assert visit.target is not None and visit.target.key == "country:JPN"
    assert visit.date is None  # a future event is not dated by the publication
    [fired] = coded("Selon Séoul, Pyongyang aurait tiré deux missiles vers la mer.")
    assert (fired.type, fired.modality) == ("ASSAULT", "reported")  # the conditional
    assert fired.source is not None and fired.source.key == "country:PRK"
    assert fired.attributed_to is not None and fired.attributed_to.key == "country:KOR"


def test_an_attributed_event_stays_asserted_and_a_denied_one_is_negated() -> None:
    [said] = coded("L'armée a bombardé le camp de réfugiés, a affirmé le porte-parole.")
    assert (said.type, said.modality, said.negated) == ("ASSAULT", "asserted", False)
    assert said.attributed_to is not None and said.attributed_to.sector == "GOV"
    [reported] = coded("Le ministère a annoncé que la police avait arrêté trois suspects.")
    assert (reported.type, reported.modality) == ("COERCE", "asserted")
    assert reported.attributed_to is not None and reported.attributed_to.key == "agent:XXX:GOV"
    [denied] = coded("L'armée a démenti avoir bombardé le camp de réfugiés.")
    assert (denied.type, denied.modality, denied.negated) == ("ASSAULT", "denied", True)


def test_dates_from_french_time_expressions_else_the_publication() -> None:
    [dated] = coded("Le Chili et le Pérou ont signé un accord commercial le 3 mars 2024.")
    assert (dated.type, dated.date, dated.date_from) == ("SUPPORT", "2024-03-03", "text")
    assert dated.source is not None and dated.target is not None
    assert (dated.source.key, dated.target.key) == ("country:CHL", "country:PER")
    [yesterday] = coded("La police a interpellé hier une vingtaine de manifestants.")
    assert (yesterday.date, yesterday.date_from) == ("2024-05-14", "text")
    [undated] = coded("Des milliers d'enseignants ont manifesté à Lyon.")
    assert (undated.date, undated.date_from) == ("2024-05-15", "published")


def test_sentences_without_an_event() -> None:
    assert coded("Il fera beau sur toute la côte jusqu'à jeudi.") == []
    assert coded("Le prix du blé a fortement augmenté au dernier trimestre.") == []
