"""The parse structures the coder reads (`crosswire.events.syntax`)."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc
from spacy.vocab import Vocab

from crosswire.events.syntax import (
    clause_subject,
    direct_object,
    disagrees,
    doc_text,
    joins_clause_above,
    object_matches,
    prep_objects,
    prepositional_objects,
    stray_conjunct,
)


def test_a_doc_s_text_is_joined_once_and_is_the_doc_s_text() -> None:
    doc = Doc(Vocab(), words=["Talks", "resumed", "."], spaces=[True, False, False])
    first = doc_text(doc)
    assert first == doc.text == "Talks resumed."
    assert doc_text(doc) is first  # kept, not joined again


def test_each_doc_has_its_own_text() -> None:
    one = Doc(Vocab(), words=["Talks"])
    other = Doc(Vocab(), words=["Strikes"])
    assert (doc_text(one), doc_text(other)) == (one.text, other.text) == ("Talks ", "Strikes ")


def _parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    """A parse written by hand: the parser's shape under test, whatever a model makes."""
    return Doc(English().vocab, words=words, heads=heads, deps=deps, tags=tags)


def test_the_subject_of_an_infinitive_hung_on_a_preposition_is_its_object() -> None:
    # "pleaded with [the government to reconsider]": the parser's shape for the one asked
    doc = _parsed(
        ["Doctors", "pleaded", "with", "the", "government", "to", "reconsider", "."],
        [1, 1, 1, 4, 6, 6, 2, 1],
        ["nsubj", "ROOT", "prep", "det", "nsubj", "aux", "pcomp", "punct"],
        ["NNS", "VBD", "IN", "DT", "NN", "TO", "VB", "."],
    )
    assert [t.text for t in prep_objects(doc[2])] == ["government"]
    assert [t.text for t in prepositional_objects(doc[1], {"with"})] == ["government"]
    assert prepositional_objects(doc[1], {"to"}) == []


def test_a_clause_marked_by_the_preposition_gives_its_subject() -> None:
    # "pleaded with the administration to reconsider", parsed as an adverbial clause
    doc = _parsed(
        ["Doctors", "pleaded", "with", "the", "administration", "to", "reconsider", "."],
        [1, 1, 6, 4, 6, 6, 1, 1],
        ["nsubj", "ROOT", "mark", "det", "nsubj", "aux", "advcl", "punct"],
        ["NNS", "VBD", "IN", "DT", "NN", "TO", "VB", "."],
    )
    assert [t.text for t in prepositional_objects(doc[1], {"with"})] == ["administration"]


def test_an_absolute_with_and_a_participle_is_no_object() -> None:
    # "arrested, with police looking on": the police are no one the arrest is done with
    doc = _parsed(
        ["Ali", "was", "arrested", "with", "police", "looking", "on"],
        [2, 2, 2, 2, 5, 3, 5],
        ["nsubjpass", "auxpass", "ROOT", "prep", "nsubj", "pcomp", "prt"],
        ["NNP", "VBD", "VBN", "IN", "NNS", "VBG", "RP"],
    )
    assert prep_objects(doc[3]) == []


def test_the_subject_of_a_participle_hung_on_a_preposition_is_its_object() -> None:
    # "pulled a gun on [two officers driving him]": the officers are the ones threatened
    doc = _parsed(
        ["He", "pulled", "a", "gun", "on", "officers", "driving", "him"],
        [1, 1, 3, 1, 1, 6, 4, 6],
        ["nsubj", "ROOT", "det", "dobj", "prep", "nsubj", "pcomp", "dobj"],
        ["PRP", "VBD", "DT", "NN", "IN", "NNS", "VBG", "PRP"],
    )
    assert [t.text for t in prep_objects(doc[4])] == ["officers"]


def test_the_first_of_two_complements_is_the_object() -> None:
    # "called Magruder a liar", both nouns parsed as complements of "called"
    doc = _parsed(
        ["LaRue", "called", "Magruder", "a", "liar"],
        [1, 1, 1, 4, 1],
        ["nsubj", "ROOT", "oprd", "det", "oprd"],
        ["NNP", "VBD", "NNP", "DT", "NN"],
    )
    assert direct_object(doc[1]) == doc[2]
    one = _parsed(
        ["They", "called", "it", "wrong"],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "oprd"],
        ["PRP", "VBD", "PRP", "JJ"],
    )
    assert direct_object(one[1]) == one[2]
    alone = _parsed(
        ["He", "was", "named", "chairman"],
        [2, 2, 2, 2],
        ["nsubjpass", "auxpass", "ROOT", "oprd"],
        ["PRP", "VBD", "VBN", "NN"],
    )
    assert direct_object(alone[2]) is None


def test_a_participle_the_parser_took_for_a_nominal_subject_hands_over_to_its_own() -> None:
    # "Turkey, worried about war spilling over, urged ...": "spilling" the subject of
    # "urged", "Turkey" the subject of "spilling"
    words = ["Turkey", ",", "worried", "about", "war", "spilling", "over", ",", "urged", "."]
    doc = Doc(
        English().vocab,
        words=words,
        heads=[5, 0, 0, 2, 3, 8, 5, 5, 8, 8],
        deps=["nsubj", "punct", "amod", "prep", "pobj", "nsubj", "prt", "punct", "ROOT", "punct"],
        tags=["NNP", ",", "VBN", "IN", "NN", "VBG", "RP", ",", "VBD", "."],
        pos=["PROPN", "PUNCT", "VERB", "ADP", "NOUN", "VERB", "ADP", "PUNCT", "VERB", "PUNCT"],
    )
    assert clause_subject(doc[5]).text == "Turkey"
    assert clause_subject(doc[0]).text == "Turkey"  # a noun subject is itself


def test_a_tensed_verb_disagrees_with_a_subject_of_the_other_number() -> None:
    # "he will have a better life and have attempted": "have" is not the verb of "he"
    doc = _parsed(
        ["he", "have", "attempted", "they", "has", "left", "he", "was", "arrested", "it", "went"],
        [2, 2, 2, 5, 5, 5, 8, 8, 8, 10, 10],
        ["nsubj", "aux", "ROOT", "nsubj", "aux", "ROOT", "nsubjpass", "auxpass", "ROOT",
         "nsubj", "ROOT"],
        ["PRP", "VBP", "VBN", "PRP", "VBZ", "VBN", "PRP", "VBD", "VBN", "PRP", "VBD"],
    )  # fmt: skip
    assert disagrees(doc[2], doc[0]) and disagrees(doc[5], doc[3])
    assert not disagrees(doc[8], doc[6])  # "he was arrested"
    assert not disagrees(doc[10], doc[9])  # a past says nothing of its number


def test_an_object_written_with_a_hyphen_matches_the_hyphened_word() -> None:
    # the tokenizer splits "sit-in" into "sit", "-", "in", whose head is "in"
    doc = Doc(
        English().vocab,
        words=["staged", "a", "sit", "-", "in"],
        spaces=[True, True, False, False, False],
        heads=[0, 4, 4, 4, 0],
        deps=["ROOT", "det", "compound", "punct", "dobj"],
    )
    assert object_matches(doc[4], {"sit-in"})
    assert not object_matches(doc[4], {"walkout"})


def test_a_tensed_conjunct_of_a_modal_s_verb_joins_the_clause_above() -> None:
    # "X said it would strengthen defences and called on Russia": "called" cannot share
    # "would"; a bare conjunct ("and stop") and one of another tense can
    words = ["X", "said", "it", "would", "strengthen", "defences", "and", "called", "on", "Y"]
    heads = [1, 1, 4, 4, 1, 4, 4, 4, 7, 8]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj", "cc", "conj", "prep", "pobj"]
    tags = ["NNP", "VBD", "PRP", "MD", "VB", "NNS", "CC", "VBD", "IN", "NNP"]
    assert joins_clause_above(_parsed(words, heads, deps, tags)[7]).text == "said"
    bare = [*tags[:7], "VB", *tags[8:]]
    assert joins_clause_above(_parsed(words, heads, deps, bare)[7]) is None
    present = ["NNP", "VBZ", *tags[2:]]
    assert joins_clause_above(_parsed(words, heads, deps, present)[7]) is None
    unmodal = [*tags[:3], "RB", *tags[4:]]
    assert joins_clause_above(_parsed(words, heads, deps, unmodal)[7]) is None


def test_a_subjectless_tensed_complement_after_and_is_a_stray_conjunct() -> None:
    words = ["X", "said", "drills", "were", "rehearsals", "and", "warned", "that", "Y", "would"]
    heads = [1, 1, 3, 1, 3, 3, 1, 9, 9, 6]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "attr", "cc", "ccomp", "mark", "nsubj", "ccomp"]
    tags = ["NNP", "VBD", "NNS", "VBD", "NNS", "CC", "VBD", "IN", "NNP", "MD"]
    assert stray_conjunct(_parsed(words, heads, deps, tags)[6])
    assert not stray_conjunct(_parsed(words, heads, deps, tags)[3])  # has its own subject
