"""What the learned decision sees of a candidate, on sentences written for the tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from crosswire import nlp, stages
from crosswire.events.candidates import Candidate, candidates
from crosswire.events.coder import proposals
from crosswire.events.context import Context, article_context
from crosswire.events.features import HASH_WIDTH, candidate_features, hashed
from crosswire.model import Article


def _analysed(text: str) -> tuple[Span, Context]:
    article = Article(id="t", text=text, path="t.txt", published="2021-03-02")
    state = stages.run(stages.ArticleState(article, next(nlp.parse([text]))), until="scope")
    context = article_context(state.doc, article, state.mentions, state.times, state.attributions)
    return next(iter(state.doc.sents)), context


def _candidate(text: str, word: str) -> tuple[Candidate, Context]:
    sentence, context = _analysed(text)
    found = candidates(sentence, proposals(sentence, context))
    return next(c for c in found if c.token.text == word), context


def test_candidates_are_the_predicates_with_what_the_patterns_propose() -> None:
    sentence, context = _analysed("Kenyan police arrested two opposition leaders in Nairobi.")
    found = {c.token.text: c for c in candidates(sentence, proposals(sentence, context))}
    assert {"arrested", "leaders"} <= set(found)
    assert "Nairobi" not in found and "two" not in found
    arrested = found["arrested"].proposed
    assert arrested is not None and arrested.type == "COERCE"
    assert found["leaders"].proposed is None
    assert found["leaders"].governor is arrested  # the object of the arrest


def test_features_of_a_proposed_verb() -> None:
    candidate, context = _candidate(
        "Kenyan police arrested two opposition leaders in Nairobi.", "arrested"
    )
    features = candidate_features(candidate, context)
    assert {"l=arrest", "p=VERB", "t=VBD", "root", "r=COERCE", "rm=COERCE/arrest"} <= set(features)
    assert {"cl=nsubj|police", "sh=police", "oh=leader", "cpk=in|PLACE"} <= set(features)
    assert "lex-verb=COERCE" in features  # the pattern files know the verb
    assert "w=opposition" in features and "n=police" in features  # its sentence, its window


def test_features_of_a_passive_with_an_agent_and_a_negation() -> None:
    candidate, context = _candidate(
        "The envoy was not received by the Finnish minister.", "received"
    )
    features = candidate_features(candidate, context)
    assert {"c=neg", "c=nsubjpass", "cp=by", "cpo=by|minister"} <= set(features)
    assert "r=none" in features or any(f.startswith("r=") for f in features)


def test_nouns_are_read_as_the_verbs_they_are_made_of() -> None:
    candidate, context = _candidate("The shooting of the protester shocked the town.", "shooting")
    features = candidate_features(candidate, context)
    assert "lex-deverbal=ASSAULT" in features
    assert "cpo=of|protester" in features


def test_hashed_features_are_counts_in_a_fixed_width() -> None:
    matrix = hashed([["l=arrest", "r=COERCE", "w=police", "w=police"], []])
    assert matrix.shape == (2, HASH_WIDTH)
    assert matrix[0].sum() == 4 and matrix[1].nnz == 0


def test_a_phrase_pattern_gives_its_word_no_lexicon_type() -> None:
    # "take into custody" is an arrest; "take" alone is not, and the model must not read
    # the phrase's type off the word wherever it stands
    candidate, context = _candidate("Police took the complaints into account.", "took")
    features = candidate_features(candidate, context)
    assert not any(f.startswith("lex-verb=") for f in features)
    custody, context = _candidate("Police took the mayor into custody.", "took")
    assert custody.proposed is not None and custody.proposed.type == "COERCE"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Inspectors found the documents in a drawer.", "found"),  # "find guilty"
        ("The ministry turned the page on the dispute.", "turned"),  # "turn oneself in"
    ],
)
def test_a_complement_or_particle_pattern_gives_its_word_no_lexicon_type(
    text: str, word: str
) -> None:
    candidate, context = _candidate(text, word)
    assert not any(f.startswith("lex-verb=") for f in candidate_features(candidate, context))
