"""The scope decision on French pages: the page's lead decides whether the French coder's
events are kept (`crosswire.scope.decide`, `crosswire.scope.confirm`). A match report
("l'entraîneur a attaqué l'arbitre"), a shopping page and a lifestyle page give no events;
a diplomatic, a protest and an attack report keep theirs."""

from __future__ import annotations

import pytest

from crosswire import nlp, stages
from crosswire.model import Article
from crosswire.scope.decide import lead_probability
from crosswire.scope.model import load_model
from crosswire.stages import ArticleState

pytestmark = pytest.mark.slow

OUT_OF_SCOPE = {
    "sports": (
        "Ligue 1 : le PSG domine Marseille dans le Classique",
        "Le PSG a battu Marseille 3-1 dimanche soir au Parc des Princes. Mbappé a frappé deux"
        " fois et l'entraîneur a attaqué l'arbitre après le match. Les Marseillais restent"
        " quatrièmes du championnat avant de recevoir Lyon samedi.",
    ),
    "shopping": (
        "Black Friday : les meilleures offres sur les smartphones et les téléviseurs",
        "Les enseignes promettent cette année des remises encore plus fortes sur les"
        " téléviseurs et les ordinateurs portables. Amazon et la Fnac ont annoncé un accord"
        " pour livrer les commandes en vingt-quatre heures. Les prix des smartphones baissent"
        " jusqu'à quarante pour cent ce week-end.",
    ),
    "lifestyle": (
        "Nos conseils pour un brunch réussi le dimanche",
        "Pour un brunch réussi, préparez les pancakes la veille et laissez reposer la pâte"
        " toute la nuit. Le chef a menacé de quitter la cuisine si l'on oubliait le sirop"
        " d'érable. Servez le café bien chaud avec des fruits frais et du jus d'orange.",
    ),
}

IN_SCOPE = {
    "diplomacy": (
        "Le Tchad et le Soudan discutent de la sécurité à la frontière",
        "Le président tchadien s'est entretenu mardi avec le Premier ministre soudanais à"
        " N'Djamena. Les deux dirigeants ont discuté de la sécurité à la frontière et du"
        " retour des réfugiés. Ils doivent se retrouver le mois prochain à Khartoum.",
        "CONSULT",
    ),
    "protest": (
        "Des milliers de manifestants contre la réforme des retraites à Paris",
        "Des milliers de personnes ont manifesté jeudi à Paris contre la réforme des retraites"
        " du gouvernement. Les syndicats appellent à une nouvelle journée de mobilisation la"
        " semaine prochaine. Le ministre du Travail a exclu tout retrait du texte.",
        "PROTEST",
    ),
    "attack": (
        "Mali : une base de l'armée attaquée par des jihadistes",
        "Des jihadistes ont attaqué une base de l'armée malienne dans la nuit de lundi à mardi"
        " près de Gao, selon un porte-parole du gouvernement. Plusieurs soldats ont été tués"
        " et l'armée a lancé une opération de ratissage dans la région.",
        "ASSAULT",
    ),
}


def _analysed(title: str, text: str) -> ArticleState:
    article = Article(
        id="t", text=text, path="t.txt", published="2024-05-15", language="fr", title=title
    )
    return stages.run(ArticleState(article, next(nlp.parse([text]))))


@pytest.mark.parametrize("name", sorted(OUT_OF_SCOPE))
def test_an_out_of_scope_french_page_gives_no_events(name: str) -> None:
    title, text = OUT_OF_SCOPE[name]
    state = _analysed(title, text)
    assert state.scope is not None and state.scope.language == "fr"
    assert state.scope.document < load_model().meta.document.lead_only_threshold
    assert [(e.type, e.trigger) for e in state.events] == []


@pytest.mark.parametrize("name", sorted(IN_SCOPE))
def test_an_in_scope_french_page_keeps_its_events(name: str) -> None:
    title, text, kind = IN_SCOPE[name]
    state = _analysed(title, text)
    assert state.scope is not None
    assert state.scope.document >= load_model().meta.document.lead_only_threshold
    assert kind in {e.type for e in state.events}


def test_the_page_probability_of_a_french_page_comes_from_its_lead() -> None:
    """Not the 0.0 of a page with no English sentence: the lead's embedding moves it."""
    sports = Article(
        id="s", path="s", text=OUT_OF_SCOPE["sports"][1], title=OUT_OF_SCOPE["sports"][0]
    )
    attack = Article(id="a", path="a", text=IN_SCOPE["attack"][1], title=IN_SCOPE["attack"][0])
    assert 0.0 < lead_probability(sports) < lead_probability(attack) < 1.0
