"""The spaCy pass: sentence boundaries at line breaks (at blank lines only in hard-wrapped
prose), titles kept whole."""

from __future__ import annotations

from crosswire.nlp import climb, parse, sentence_spans


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


def test_a_line_break_ends_a_heading_in_sentence_case() -> None:
    text = "Police use stun gun to arrest robbery suspect\nPolice arrested a man on Friday."
    [doc] = list(parse([text]))
    sentences = [text[a:b] for a, b in sentence_spans(doc)]
    assert sentences == [
        "Police use stun gun to arrest robbery suspect",
        "Police arrested a man on Friday.",
    ]


def test_a_line_break_inside_hard_wrapped_prose_ends_nothing() -> None:
    text = (
        "The minister said on Monday that the\ngovernment would not resign over the\n"
        "scandal, which has shaken the country.\n\nHe left."
    )
    [doc] = list(parse([text]))
    assert len(list(doc.sents)) == 2


def test_climb_stops_at_the_root() -> None:
    doc = next(parse(["The exciting, long match ended on Friday, officials said."]))
    top = climb(doc[0], lambda head: True)
    assert top.i == next(doc.sents).root.i


def test_climb_stops_where_the_condition_fails() -> None:
    doc = next(parse(["The exciting, long match ended on Friday, officials said."]))
    # "Friday" -> "on" -> "ended" -> "said": not past "ended"
    top = climb(doc[7], lambda head: head.text != "said")
    assert top.text == "ended"


def test_an_abbreviated_title_ends_no_sentence() -> None:
    [doc] = list(parse(["Nichols shot and killed Deputy Sgt. Hoyt Teasley on Friday."]))
    assert len(list(doc.sents)) == 1
    assert "Sgt." in [t.text for t in doc]
