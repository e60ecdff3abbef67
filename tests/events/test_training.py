"""Training examples: candidates labelled by the events whose triggers they anchor."""

from __future__ import annotations

from crosswire import nlp, stages
from crosswire.events.context import Context, article_context
from crosswire.events.training import (
    NONE,
    GoldEvent,
    Tally,
    gold_example,
    gold_half,
    labelled_examples,
)
from crosswire.model import Article

TEXT = "Norway held talks with Finland on Monday. The weather stayed mild all week."


def _context(text: str) -> Context:
    article = Article(id="t", text=text, path="t.txt", published="2021-03-02")
    state = stages.run(stages.ArticleState(article, next(nlp.parse([text]))), until="scope")
    return article_context(state.doc, article, state.mentions, state.times, state.attributions)


def _lemma(features: list[str]) -> str:
    return next(f for f in features if f.startswith("l="))[2:]


def test_a_trigger_of_several_words_is_learned_on_one_candidate() -> None:
    context = _context(TEXT)
    first = (0, TEXT.index(".") + 1)
    second = (TEXT.index("The"), len(TEXT))
    held_talks = GoldEvent(TEXT.index("held"), TEXT.index("talks") + len("talks"), "CONSULT")
    tally = Tally()
    examples = labelled_examples(context, {first: [held_talks], second: []}, tally)
    labels = {_lemma(e.features): e.label for e in examples}
    assert labels["hold"] == "CONSULT"  # the word the patterns code
    assert "talk" not in labels  # the other word of the trigger: neither event nor not
    assert labels["weather"] == NONE and labels["stay"] == NONE
    assert (tally.anchored, tally.missed) == (1, 0)
    assert {e.sentence for e in examples} == {
        f"t:{first[0]}-{first[1]}",
        f"t:{second[0]}-{second[1]}",
    }


def test_a_labelled_event_no_candidate_reaches_is_counted_missed() -> None:
    context = _context(TEXT)
    on_monday = GoldEvent(TEXT.index("on Monday"), TEXT.index("on Monday") + 2, "CONSULT")
    tally = Tally()
    labelled_examples(context, {(0, TEXT.index(".") + 1): [on_monday]}, tally)
    assert (tally.anchored, tally.missed) == (0, 1)


def test_a_gold_sentence_gives_the_positive_its_event_words_mark() -> None:
    context = _context("Chile and Peru signed a trade agreement on Friday.")
    sentence = next(iter(context.doc.sents))
    example = gold_example(sentence, context, "SUPPORT", ["signed"])
    assert example is not None and example.label == "SUPPORT"
    assert _lemma(example.features) == "sign"
    assert gold_example(sentence, context, "ASSAULT") is None  # no candidate of that type


def test_gold_halves_are_fixed_and_both_used() -> None:
    ids = [f"PLOVER-GSR01-AGREE-{n:04d}" for n in range(40)]
    halves = [gold_half(i) for i in ids]
    assert halves == [gold_half(i) for i in ids]
    assert set(halves) == {"train", "report"}


def test_an_unproposed_candidate_knows_the_types_the_coder_could_make_of_it() -> None:
    text = "Russia scolded Ukraine on Monday. The weather stayed mild all week."
    context = _context(text)
    first, second = (0, text.index(".") + 1), (text.index("The"), len(text))
    examples = labelled_examples(context, {first: [], second: []}, Tally())
    builds = {_lemma(e.features): e.builds for e in examples}
    assert builds["scold"] is not None and "ACCUSE" in builds["scold"]  # two actors named
    assert builds["stay"] == frozenset()  # no actor: no event of any type


def test_a_candidate_the_patterns_code_is_buildable_as_any_type() -> None:
    examples = labelled_examples(_context(TEXT), {(0, TEXT.index(".") + 1): []}, Tally())
    assert {_lemma(e.features): e.builds for e in examples}["hold"] is None
