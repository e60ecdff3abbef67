"""The spaCy pass: sentence boundaries at blank lines."""

from __future__ import annotations

from crosswire.nlp import parse, sentence_spans


def test_a_blank_line_ends_a_sentence_without_a_full_stop() -> None:
    text = (
        "The minister steps off a plane at the airport on Thursday\n\n"
        "A dinner between the two envoys was held in the capital on Friday\n\n"
        "Talks went on. They ended late."
    )
    [doc] = list(parse([text]))
    sentences = [text[a:b] for a, b in sentence_spans(doc)]
    assert sentences[:2] == [
        "The minister steps off a plane at the airport on Thursday",
        "A dinner between the two envoys was held in the capital on Friday",
    ]
    assert "Talks went on." in sentences
