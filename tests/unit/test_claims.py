"""Claims: clean text, typing, certainty, horizons, and find_claims on small Docs."""

from __future__ import annotations

import pytest
import spacy

from extract.claims.clean import clean_text
from extract.claims.cues import certainty, classify, horizon
from extract.claims.find import find_claims
from extract.concepts.find import find_concepts
from tests.unit.test_concepts import make_state


@pytest.fixture(scope="module")
def blank() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def test_clean_text_removes_fillers_and_stutters_only() -> None:
    assert clean_text("Um, the the reward model is, uh, noisy.") == "The reward model is noisy."
    assert clean_text("We, we think it looks like a cat.") == "We think it looks like a cat."
    assert clean_text("Plain sentence stays.") == "Plain sentence stays."


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I think agents will book our flights within two years.", "prediction"),
        ("You should always hold out a test set.", "recommendation"),
        ("The loss spikes because the learning rate is too high.", "explanation"),
        ("We released the first version in 2019 and it was small.", "fact"),
        ("I think that approach is pretty elegant.", "opinion"),
    ],
)
def test_classify(text: str, kind: str) -> None:
    assert classify(text) == kind


def test_certainty_falls_with_hedges() -> None:
    assert certainty("Transformers scale.") > certainty("I think transformers scale.")
    assert certainty("I think transformers scale.") > certainty("I'm not sure, maybe transformers scale.")
    assert 0.1 <= certainty("maybe maybe maybe maybe I'm not sure I don't know") <= 0.2


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("in one or two years we'll see", None, "1-2 years"),
        ("in one or two years we'll see", "2024-05-15", "1-2 years (2025-2026)"),
        ("I don't think next year, maybe two or three years", None, "2-3 years"),
        ("next year, agents", "2024-01-01", "1 year (2025)"),
        ("within five years", "2020-01-01", "5 years (2025)"),
        ("by 2030 robots will cook", None, "by 2030"),
        ("pretty soon it will work", None, "pretty soon"),
        ("it will work", None, None),
    ],
)
def test_horizon(text: str, published: str | None, expected: str | None) -> None:
    assert horizon(text, published) == expected


def test_find_claims_skips_questions_backchannel_and_sponsor_reads(blank: spacy.language.Language) -> None:
    lines = [
        "What do you think happens to evaluation benchmarks over the next years?",  # host question
        "I think evaluation benchmarks will saturate within two years because labs train on them.",
        "Yeah, totally, exactly, right, yes.",
        "This episode is brought to you by Zorbex, the GPU cloud I really think you will love.",  # ad
        "Synthetic data is going to matter much more than people expect for reasoning.",
    ]
    doc, st = make_state(blank, lines, ads={3})
    st.concepts = find_concepts(doc, st)
    claims = find_claims(doc, st)
    quotes = [st.timed.text[c.char_start : c.char_end] for c in claims]
    assert not any("?" in q for q in quotes)
    assert not any("Zorbex" in q for q in quotes)
    assert not any(q.startswith("Yeah") for q in quotes)
    first = next(c for c in claims if "saturate" in st.timed.text[c.char_start : c.char_end])
    assert first.type == "prediction" and first.horizon == "2 years"
    assert first.certainty < 1.0
    assert any(name == "benchmark" for name in first.concepts)


def test_find_claims_resolves_back_reference_within_the_turn(blank: spacy.language.Language) -> None:
    lines = [
        "Reinforcement learning from human feedback changed everything for chat assistants.",
        "And honestly it is much cheaper than people assume for the quality it brings.",
    ]
    doc, st = make_state(blank, lines)
    # One speaker for both lines.
    st.attribution = type(st.attribution)(
        st.attribution.speakers,
        tuple(type(s)(s.char_start, s.char_end, 1, 1.0, False) for s in st.attribution.spans),
    )
    st.concepts = find_concepts(doc, st)
    claims = find_claims(doc, st)
    text = st.timed.text
    second = [c for c in claims if "cheaper" in text[c.char_start : c.char_end]]
    assert second
    assert "reinforcement learning from human feedback" in second[0].concepts


def test_claims_inherit_the_question_and_the_turn_topic() -> None:
    from collections import Counter

    from extract.claims.find import _attach

    rank = {"zorb nets": 0, "flux loss": 1, "gleam data": 2}
    turn = Counter({"flux loss": 3, "gleam data": 1})
    about = _attach(("zorb nets",), ("kettle scaling",), turn, rank, refers_back=False)
    assert about[:2] == ("zorb nets", "kettle scaling") and "flux loss" in about
    assert _attach((), (), Counter(), rank, refers_back=True) == ()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The model has to put a probability on every token it reads.", "fact"),
        ("We need to test these systems before we ship them.", "recommendation"),
        ("Robots will probably do the dishes in five years.", "prediction"),
        ("I think the zorb method is overrated compared to older ones.", "opinion"),
        ("It works by comparing two answers and keeping the better one.", "explanation"),
        ("We released the first version in 2019 and it was trained on books.", "fact"),
        # A past narrative with an evaluative word still reports what happened.
        ("We soon realized the demo was surprisingly good at sorting mail.", "fact"),
        # An explicit stance up front frames a reason as part of an opinion.
        ("I would say it is overrated, because nobody measured it carefully.", "opinion"),
        ("It failed because nobody measured it carefully.", "explanation"),
    ],
)
def test_classify_cue_order(text: str, kind: str) -> None:
    assert classify(text) == kind


def test_whole_turn_topic_counts_concepts_named_later_in_the_turn() -> None:
    from extract.claims.find import Unit, _turn_counts

    units = [Unit(0, 10, 0, []), Unit(10, 20, 1, []), Unit(20, 30, 1, []), Unit(30, 40, 0, [])]
    abouts: list[tuple[str, ...]] = [("a",), (), ("zorb nets", "flux loss"), ("b",)]
    counts = _turn_counts([u.speaker for u in units], abouts)
    # The answer's first unit names nothing itself but its turn is about zorb nets.
    assert counts[1] == counts[2] and counts[1]["zorb nets"] == 1
    assert counts[0] == {"a": 1} and counts[3] == {"b": 1}


def test_an_acknowledgement_inside_an_answer_does_not_end_its_turn() -> None:
    from extract.claims.find import Unit, _turn_counts, _turn_speakers
    from extract.sentences import Sentence

    def unit(who: int, text: str) -> Unit:
        return Unit(0, len(text), who, [Sentence(0, 0, len(text), 0, 1, 0.0, 1.0, text, 0, 0)])

    units = [
        unit(0, "Why did the zorb lattice fail?"),
        unit(1, "Mostly the zorb lattice was too brittle in the cold."),
        unit(0, "Interesting."),
        unit(1, "So the second build swapped the struts for carbon."),
        unit(0, "Right."),
    ]
    # The host's "Interesting." sits inside the answer; the closing "Right." ends nothing.
    speakers = _turn_speakers(units)
    assert speakers == [0, 1, 1, 1, 0]
    counts = _turn_counts(speakers, [(), ("zorb lattice",), (), (), ()])
    # The answer's second half is still about what its first half named.
    assert counts[3]["zorb lattice"] == 1
    assert _turn_speakers([unit(1, "It broke."), unit(0, "It broke twice."), unit(1, "Yes.")]) == [1, 0, 1]


def test_a_dated_prediction_is_about_the_episodes_timelines(blank: spacy.language.Language) -> None:
    from extract.concepts import ConceptFound

    lines = [
        "What is your median timeline for robots that fold laundry at home?",
        "I think robots will fold laundry in most homes within five years, probably sooner.",
    ]
    doc, st = make_state(blank, lines)
    st.concepts = [ConceptFound("robot timelines", ("timeline",), "topic", ())]
    claims = find_claims(doc, st)
    dated = [c for c in claims if c.horizon]
    assert dated and "robot timelines" in dated[0].concepts
    st.concepts = []  # no timelines concept in the episode: nothing to attach
    assert all(not c.concepts for c in find_claims(doc, st))


def test_a_reply_to_a_statement_is_about_what_the_statement_named(
    blank: spacy.language.Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extract.claims.find as claims_find
    from extract.concepts import ConceptFound

    monkeypatch.setattr(claims_find, "WORDS_PER_CLAIM", 5)  # room for every claim of a short fixture
    find = claims_find.find_claims

    lines = [
        "I read your notes on the zorb lattice and found the zorb lattice section fascinating.",
        "Yeah, we wanted it to be very concrete so that people would actually use it every day.",
    ]
    doc, st = make_state(blank, lines)
    at = st.timed.text.index("zorb lattice")
    st.concepts = [ConceptFound("zorb lattice", (), "topic", ((at, at + 12),))]
    reply = [c for c in find(doc, st) if "concrete" in st.timed.text[c.char_start : c.char_end]]
    assert reply and "zorb lattice" in reply[0].concepts


@pytest.mark.parametrize(
    ("reply", "opening"),
    [
        (
            "I think it got a lot cheaper last year. The cost of training fell by half because the chips improved.",
            "I think it got",
        ),
        # The first content sentence has fifteen words, one short of standing alone; the
        # "Right." before it must not make it long enough to leave the next sentence out.
        (
            "Right. I think it got a lot cheaper last year for nearly every lab we know. "
            "The cost of training fell by half because the chips improved.",
            "Right. I think it got",
        ),
    ],
)
def test_a_short_sentence_takes_in_the_next_one(
    blank: spacy.language.Language, monkeypatch: pytest.MonkeyPatch, reply: str, opening: str
) -> None:
    import extract.claims.find as claims_find

    monkeypatch.setattr(claims_find, "WORDS_PER_CLAIM", 5)
    doc, st = make_state(blank, ["What changed?", reply])
    claims = find_claims(doc, st)
    text = st.timed.text
    joined = [text[c.char_start : c.char_end] for c in claims]
    assert any(q.startswith(opening) and "chips improved" in q for q in joined)


def test_a_reply_to_a_dated_statement_is_about_timelines(
    blank: spacy.language.Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extract.claims.find as claims_find
    from extract.concepts import ConceptFound

    monkeypatch.setattr(claims_find, "WORDS_PER_CLAIM", 5)
    lines = [
        "It seems like then you should be planning for robots that fold laundry very soon.",
        "Yeah, I think that would be a reasonable plan for the whole industry to make right now.",
    ]
    doc, st = make_state(blank, lines)
    st.concepts = [ConceptFound("robot timelines", ("timeline",), "topic", ())]
    reply = [
        c
        for c in claims_find.find_claims(doc, st)
        if "reasonable" in st.timed.text[c.char_start : c.char_end]
    ]
    assert reply and "robot timelines" in reply[0].concepts
