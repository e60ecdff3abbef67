"""Names in headline-cased lines: a title-case or all-capital line ("Obama Reverses Bush on
Species Protection", "PROVISIONAL TRIAL DATE SET FOR CUMBRIA DOUBLE MURDER ACCUSED")
capitalises every word, so the tagger runs names into the verbs and nouns around them
("Obama Reverses Bush", "Fred LaRue Dies"). Such a line's capitals say nothing; the body
of the article says which of its words are names. A name found in one keeps only the runs
of words the body writes capitalised in the same sequence, or that the knowledge base
names; a word the body writes in lower case, or does not write at all, ends the name. Only
a person's given names may be words the body never writes, where they open the name and a
word the body writes as a name follows them.
Mentions a lexicon or the knowledge base found are kept as they are."""

from __future__ import annotations

import re

from crosswire.actors.repair import Candidate
from crosswire.actors.story import GENERATIONS
from crosswire.clean.casing import all_capitals, body_casing
from crosswire.headlines import MIN_CAPITALISED, title_case
from crosswire.kb.matcher import kb_spans

_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")
_LINE = re.compile(r"[^\n]+")


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of `text` written in title case or all in capitals."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if _headline_cased(m.group(0))]


def _headline_cased(line: str) -> bool:
    if all_capitals(line):
        return len(_WORD.findall(line)) >= MIN_CAPITALISED
    return title_case(line)


def body_of(text: str, lines: list[tuple[int, int]]) -> str:
    """`text` with its headline-cased lines blanked out (same length)."""
    out = list(text)
    for start, end in lines:
        out[start:end] = " " * (end - start)
    return "".join(out)


def written_forms(body: str) -> dict[str, str]:
    """Each word's form in `body`: as `body_casing` gives it, else (a word the body writes
    only where a sentence starts: "Comeaux, 49, took ...") as written there."""
    casing = body_casing(body)
    for match in _WORD.finditer(body):
        casing.setdefault(match.group(0).lower(), match.group(0))
    return casing


def confirmed_names(text: str, found: list[Candidate]) -> list[Candidate]:
    """`found` with each tagged name of a headline-cased line cut to the runs of it the
    body confirms (a name with none is dropped). A text written mostly in such lines (a
    wire story in capitals) has no body to say which words are names: left as it is."""
    lines = headline_lines(text)
    body = body_of(text, lines)
    if not lines or len(_WORD.findall(body)) < len(_WORD.findall(text)) / 2:
        return found
    inside = [c for c in found if c.origin == "ner" and _in_lines(c, lines)]
    if not inside:
        return found
    casing = written_forms(body)
    known = _kb_names(text, lines)
    out: list[Candidate] = []
    for cand in found:
        out.extend(_confirmed_runs(text, body, cand, casing, known) if cand in inside else [cand])
    return out


def _in_lines(cand: Candidate, lines: list[tuple[int, int]]) -> bool:
    return any(s <= cand.start and cand.end <= e for s, e in lines)


def _kb_names(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the names the knowledge base knows in the headline-cased lines."""
    return [
        (start + m.start, start + m.end) for start, end in lines for m in kb_spans(text[start:end])
    ]


def _confirmed_runs(
    text: str,
    body: str,
    cand: Candidate,
    casing: dict[str, str],
    known: list[tuple[int, int]],
) -> list[Candidate]:
    words = [
        (cand.start + m.start(), cand.start + m.end()) for m in _WORD.finditer(cand.text(text))
    ]
    runs: list[Candidate] = []
    i = _given_names(text, words, casing, known) if cand.label == "PERSON" else 0
    first = 0  # given names the body never writes open the first run
    while i < len(words):
        end = _run_end(text, body, words, i, casing, known)
        if end > i:
            stop = _run_stop(text, cand, words, end)
            runs.append(Candidate(words[first][0], stop, cand.label, cand.origin))
            i = end
        else:
            i += 1
        first = i
    return runs


def _run_stop(text: str, cand: Candidate, words: list[tuple[int, int]], end: int) -> int:
    """Where the run of words up to `end` stops in the text: past a generation ("Jr.",
    "III") that follows it in the tagged name."""
    last = end if end < len(words) and _generation(text, words[end]) else end - 1
    stop = words[last][1]
    if _generation(text, words[last]) and stop < cand.end and text[stop] == ".":
        return stop + 1
    return stop


def _generation(text: str, span: tuple[int, int]) -> bool:
    return text[span[0] : span[1]].lower() in GENERATIONS


def _given_names(
    text: str, words: list[tuple[int, int]], casing: dict[str, str], known: list[tuple[int, int]]
) -> int:
    """How many words open a person's name ("Arcade Joseph" of "Arcade Joseph Comeaux Jr")
    that the body never writes, in any case, before a word it writes as a name: a headline
    gives a full name the body shortens to the surname (0: none, or no such word follows)."""
    count = 0
    while count < len(words) and text[words[count][0] : words[count][1]].lower() not in casing:
        count += 1
    if count < len(words) and _name_word(text, words[count], casing, known):
        return count
    return 0


def _run_end(
    text: str,
    body: str,
    words: list[tuple[int, int]],
    first: int,
    casing: dict[str, str],
    known: list[tuple[int, int]],
) -> int:
    """The end of the longest run from word `first` the body writes in the same sequence
    (`first` itself: none)."""
    end = first
    while end < len(words) and _name_word(text, words[end], casing, known):
        if end > first and not _in_body(text, body, words[first][0], words[end][1], known):
            break
        end += 1
    return end


def _name_word(
    text: str, span: tuple[int, int], casing: dict[str, str], known: list[tuple[int, int]]
) -> bool:
    if any(s <= span[0] and span[1] <= e for s, e in known):
        return True
    seen = casing.get(text[span[0] : span[1]].lower())
    return seen is not None and not seen.islower()


def _in_body(text: str, body: str, start: int, end: int, known: list[tuple[int, int]]) -> bool:
    """The words text[start:end] appear in this sequence in the body, or the KB names them."""
    if any(s <= start and end <= e for s, e in known):
        return True
    words = _WORD.findall(text[start:end])
    pattern = r"\b" + r"\W+".join(re.escape(w) for w in words) + r"\b"
    return re.search(pattern, body, re.IGNORECASE) is not None
