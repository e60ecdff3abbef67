"""French coding in the declared stages: the events stage hands a French page to the
French coder (body and headline), keeps the English coder for an English paragraph on it,
leaves a page in another language uncoded, and a run over English alone never loads the
French pipeline."""

from __future__ import annotations

import subprocess
import sys

import pytest

from crosswire import nlp, stages
from crosswire.model import Article
from crosswire.stages import ArticleState

pytestmark = pytest.mark.slow

FRENCH_PAGE = (
    "Le président tchadien s'est entretenu mardi avec le Premier ministre soudanais à"
    " N'Djamena. Les deux dirigeants ont discuté de la sécurité à la frontière.\n\n"
    "Des rebelles ont attaqué un poste de l'armée tchadienne dans la nuit, selon un"
    " porte-parole du gouvernement."
)
ENGLISH = "Police arrested two protesters outside the ministry in Khartoum on Tuesday."
GERMAN_PAGE = (
    "Der tschadische Präsident hat am Dienstag in N'Djamena den sudanesischen"
    " Ministerpräsidenten getroffen. Rebellen haben in der Nacht einen Posten der Armee"
    " angegriffen, sagte ein Regierungssprecher. Die beiden Politiker sprachen auch über die"
    " Lage der Flüchtlinge im Osten des Landes."
)


def _analysed(text: str, language: str, title: str | None = None) -> ArticleState:
    article = Article(
        id="t", text=text, path="t.txt", published="2024-05-15", language=language, title=title
    )
    headline = next(nlp.parse([title])) if title else None
    return stages.run(ArticleState(article, next(nlp.parse([text])), headline))


def test_a_french_page_is_coded_by_the_french_coder() -> None:
    state = _analysed(FRENCH_PAGE, "fr", title="Le Tchad accuse le Soudan d'abriter des rebelles")
    assert state.scope is not None and state.scope.language == "fr"
    body = [(e.type, e.trigger) for e in state.events if e.section == "body"]
    assert body == [("CONSULT", "entretenu"), ("ASSAULT", "attaqué")]
    [headline] = [e for e in state.events if e.section == "headline"]
    assert (headline.type, headline.trigger) == ("ACCUSE", "accuse")
    assert headline.source is not None and headline.source.key == "country:TCD"


def test_an_english_paragraph_on_a_french_page_keeps_the_english_coder() -> None:
    text = f"{FRENCH_PAGE}\n\n{ENGLISH}"
    state = _analysed(text, "fr")
    coded = [(e.type, e.trigger) for e in state.events]
    assert ("COERCE", "arrested") in coded and ("CONSULT", "entretenu") in coded
    arrested = next(e for e in state.events if e.trigger == "arrested")
    assert arrested.start >= text.index(ENGLISH)


def test_a_page_in_a_language_without_a_coder_is_not_coded() -> None:
    state = _analysed(GERMAN_PAGE, "de")
    assert state.scope is not None and state.scope.language == "de"
    assert state.events == []


def test_english_alone_never_loads_the_french_pipeline() -> None:
    program = (
        "from crosswire import nlp\n"
        "from crosswire.model import Article\n"
        "from crosswire.pipeline import analyse_articles\n"
        f"text = {ENGLISH!r}\n"
        "[a] = analyse_articles([Article(id='t', text=text, path='t', language='en')])\n"
        "assert a.events, 'the English article is coded'\n"
        "print(nlp.load_french.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0"
