"""Names found by cues are checked against what the episode says of them."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from extract.speakers import SpeakerHints
from extract.speakers.attribute import attribute
from extract.speakers.name_checks import NameCheck, non_people, sentence_start_only
from tests.unit.test_speakers import INTERVIEW, _state, _who

_NLP = spacy.blank("en")


def _doc_with(text: str, ents: list[tuple[str, str, int]]) -> spacy.tokens.Doc:
    """A doc of ``text`` whose entities are (words, label, occurrence) as given."""
    doc = _NLP(text)
    spans = []
    for words, label, nth in ents:
        starts = [i for i in range(len(doc)) if doc[i : i + len(words.split())].text == words]
        start = starts[nth]
        spans.append(Span(doc, start, start + len(words.split()), label=label))
    doc.ents = spans
    return doc


def test_capitalised_words_of_grammar_are_not_people() -> None:
    doc = _NLP("Remember, it works. Furthermore, it helps. Mara, hi. Will, go on. Thanks, Will. Grace, hi.")
    tags = {"Remember": ["VERB"], "Furthermore": ["ADV"], "Mara": ["PROPN"], "Will": ["AUX", "PROPN"], "Grace": ["NOUN"]}
    for tok in doc:
        if tok.text in tags:
            tok.pos_ = tags[tok.text].pop(0)
    found = non_people(doc)
    assert {"Remember", "Furthermore"} <= found
    # A name, a word also read as a name somewhere, and a noun may all name someone.
    assert not {"Mara", "Will", "Grace"} & found
    # Nor is a date ("Next Monday, …") the recogniser reads so twice.
    text = "Next Monday, we meet. Next Monday, we talk."
    assert "Next Monday" in non_people(_doc_with(text, [("Next Monday", "DATE", 0), ("Next Monday", "DATE", 1)]))


def test_a_name_given_as_ones_own_or_followed_by_who_is_a_persons_whatever_its_label() -> None:
    text = "I talk with Brenna Holt, who builds boats. Hi, my name is Brenna Holt. Lorvik Labs, Lorvik Labs."
    ents = [("Brenna Holt", "ORG", 0), ("Brenna Holt", "ORG", 1), ("Lorvik Labs", "ORG", 0), ("Lorvik Labs", "ORG", 1)]
    assert non_people(_doc_with(text, ents)) == frozenset({"Lorvik Labs"})
    # Read twice as a company with nothing said of a person, the name is no speaker's.
    text = "I talk with Brenna Holt about boats. Brenna Holt ships them."
    assert non_people(_doc_with(text, ents[:2])) == frozenset({"Brenna Holt"})


def test_places_and_companies_read_so_twice_are_not_people() -> None:
    text = "We met in Lorvik. Lorvik is cold. Brenna Holt runs Brenna and Brenna grew. Vantor once."
    doc = _doc_with(
        text,
        [
            ("Lorvik", "GPE", 0),
            ("Lorvik", "GPE", 1),
            ("Brenna Holt", "PERSON", 0),
            ("Brenna", "ORG", 1),
            ("Brenna", "ORG", 2),
            ("Vantor", "ORG", 0),
        ],
    )
    # A first name the recogniser also reads inside a person's name stays a name; one
    # reading is not enough to overrule a cue.
    assert non_people(doc) == frozenset({"Lorvik"})


def test_a_common_word_capitalised_only_where_sentences_open_is_no_name() -> None:
    texts = ["Remember, the tide turns.", "I remember it well.", "Listen: \"Remember, it turns.\""]
    assert sentence_start_only("Remember", texts)
    assert not sentence_start_only("Remember", [*texts, "They call him Remember at home."])
    assert not sentence_start_only("Mara", ["Mara, go on.", "Thanks, Mara."])


def test_a_name_the_metadata_does_not_list_is_dropped() -> None:
    check = NameCheck(["Live from the harbour, this is Tide Talk."], ["Tom Reyes", "Mara Quill"])
    assert [check(n) for n in ("Tide Talk", "Mara", "Tom Reyes")] == ["", "Mara", "Tom Reyes"]
    # With one listed speaker the list says nothing about the other.
    assert NameCheck([], ["Mara Quill"])("Tom") == "Tom"
    # Caseless text cannot tell a sentence's first word from a name.
    assert NameCheck(["Remember, it turns.", "i remember"], cased=False)("Remember") == "Remember"


def test_the_guests_sentence_opening_verb_does_not_name_the_host() -> None:
    answers = [
        "Yeah, um, remember that the sea always wins in the end, uh, whatever you build.",
        "Remember, salt gets into everything, um, and I mean everything we put in the water.",
        "Remember, the bearings go first, uh, every single time we pull a turbine out.",
    ]
    doc, st = _state([*INTERVIEW[:8], *answers, *INTERVIEW[8:]])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert _who(att, st, "salt gets into everything") == "Mara Quill"
    assert [s.name for s in att.speakers] == ["Host", "Mara Quill"]


def test_listed_speakers_overrule_a_show_name_said_as_an_introduction() -> None:
    opening = ["Live from the harbour, this is Tide Talk.", *INTERVIEW]
    hints = SpeakerHints(meta={"speakers": "Mara Quill, Tom Reyes"})
    doc, st = _state(opening, hints=hints)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tom Reyes", "Mara Quill"]


def test_a_show_called_after_its_host_names_the_host() -> None:
    opening = ["Hello and welcome back to the Orla Brennagh podcast.", *INTERVIEW]
    doc, st = _state(opening)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Orla Brennagh", "Mara Quill"]


def test_a_product_the_guest_addresses_does_not_name_the_host() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Vantor"}])
    answers = [
        "Yeah, um, so we sell Vantor, uh, a turbine monitor, and I wrote most of it myself.",
        "So, Vantor, as a product, um, I think it just watches the blades all day long.",
        "So, Vantor, in the end, uh, is mostly, um, my second year project.",
    ]
    doc, st = _state([*INTERVIEW[:8], *answers, *INTERVIEW[8:]], nlp=nlp)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert _who(att, st, "as a product") == "Mara Quill"
    assert [s.name for s in att.speakers] == ["Host", "Mara Quill"]


def test_a_show_the_audience_listens_to_does_not_name_the_host() -> None:
    opening = ["Live from the harbour, this is Tide Talk.", *INTERVIEW, "Thanks for listening to Tide Talk."]
    doc, st = _state(opening)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Host", "Mara Quill"]
    # A show called after its host still names them.
    assert NameCheck(["This is Orla Brennagh.", "You are listening to the Orla Brennagh Podcast."])(
        "Orla Brennagh"
    ) == "Orla Brennagh"


def test_a_name_ending_in_a_past_form_is_a_shows_not_a_persons() -> None:
    text = "Live from the harbour, this is Tides Explained. Hey Mara. Ann Reed and Bo Chen sailed."
    doc = _doc_with(text, [("Tides Explained", "PERSON", 0), ("Ann Reed", "PERSON", 0), ("Bo Chen", "PERSON", 0)])
    tags = {"Explained": "VBN", "Reed": "NNP", "Chen": "NNP"}
    for tok in doc:
        tok.tag_ = tags.get(tok.text, "NNP" if tok.is_title else "NN")
    found = non_people(doc)
    assert "Tides Explained" in found
    # A surname in "-ed" that the tagger reads as a name is a person's.
    assert not {"Ann Reed", "Bo Chen"} & found
