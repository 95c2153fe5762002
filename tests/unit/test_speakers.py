"""Speaker attribution on small invented transcripts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import spacy

from extract.align import join_lines
from extract.sentences import timed_sentences
from extract.speakers import Attribution, SpeakerHints
from extract.speakers.addressing import vocatives
from extract.speakers.ads import detect_ads
from extract.speakers.attribute import attribute
from extract.speakers.features import BoundaryFeatures, UnitFeatures, boundary_features, unit_features
from extract.speakers.intros import intro_names
from extract.speakers.known_names import meta_names
from extract.speakers.model import Settings, change_logits
from extract.speakers.titles import title_guest
from extract.speakers.units import Unit, split_units
from extract.state import DocState
from extract.transcript import Line, Transcript

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")

INTERVIEW = [
    "Welcome to the show. Today I'm speaking with Mara Quill, who builds tidal turbines.",
    "Mara, thanks for coming on. What got you into turbines?",
    "Thanks for having me. Yeah, um, so I grew up near the sea and, uh, I always watched the tides.",
    "I studied mechanical engineering and, um, we built a small prototype in my second year.",
    "It broke after a week, uh, but we learned a lot about corrosion and, um, about blade shapes.",
    "Interesting. How do you test a blade before it goes in the water?",
    "Yeah, so we, um, we use a flume tank first and, uh, I run the simulations myself.",
    "Then we move to a sheltered bay for a season, and, uh, only then to open water.",
    "Mara, what would you tell a student who wants to do this?",
    "Yeah, I would say, um, learn the fluid dynamics properly, uh, and get your hands dirty.",
    "Most of what I know, um, I learned from things breaking in the water.",
]


def _feats(text: str) -> UnitFeatures:
    return unit_features(Unit(0, len(text), text))


def _boundary(before: str, after: str) -> BoundaryFeatures:
    """The boundary between two units of these texts."""
    return boundary_features(_feats(before), _feats(after), Unit(0, 1, "x"))


def _state(
    texts: list[str],
    speakers: list[str | None] | None = None,
    hints: SpeakerHints | None = None,
    ads: list[bool | None] | None = None,
    nlp: spacy.language.Language = _NLP,
) -> tuple[object, DocState]:
    lines = tuple(
        Line(
            i + 1,
            4.0 * i,
            4.0 * i + 4.0,
            t,
            (speakers or [None] * len(texts))[i],
            (ads or [None] * len(texts))[i],
            bool(speakers),
        )
        for i, t in enumerate(texts)
    )
    transcript = Transcript("fixture.txt", "whisper", lines)
    timed = join_lines(transcript)
    doc = nlp(timed.text)
    st = DocState(transcript, timed, hints or SpeakerHints())
    st.sentences = timed_sentences(doc, timed, transcript)
    doc._.podgraph = st if doc.has_extension("podgraph") else None
    return doc, st


def _who(att: Attribution, st: DocState, phrase: str) -> str:
    pos = st.timed.text.index(phrase)
    span = next(s for s in att.spans if s.char_start <= pos < s.char_end)
    return att.speakers[span.speaker].name


def _named_roles(texts: list[str]) -> list[tuple[str, str]]:
    """Each speaker's name and role, as attribution gives them for ``texts``."""
    doc, st = _state(texts)
    return [(s.name, s.role) for s in attribute(doc, st).speakers]  # type: ignore[arg-type]


def test_interview_alternation_and_intro_name_the_speakers() -> None:
    doc, st = _state(INTERVIEW, hints=SpeakerHints(names=("Tom Reyes",)))
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tom Reyes", "Mara Quill"]
    assert [s.role for s in att.speakers] == ["host", "guest"]
    assert _who(att, st, "What got you into turbines?") == "Tom Reyes"
    assert _who(att, st, "Thanks for having me.") == "Mara Quill"
    assert _who(att, st, "I studied mechanical") == "Mara Quill"
    assert _who(att, st, "How do you test a blade") == "Tom Reyes"
    assert _who(att, st, "we use a flume tank") == "Mara Quill"
    assert _who(att, st, "what would you tell a student") == "Tom Reyes"
    assert _who(att, st, "learn the fluid dynamics") == "Mara Quill"
    assert all(0.0 <= s.confidence <= 1.0 for s in att.spans)


def test_spans_cover_every_sentence_in_order_and_split_inside_lines() -> None:
    doc, st = _state(INTERVIEW)
    att = attribute(doc, st)  # type: ignore[arg-type]
    starts = [s.char_start for s in att.spans]
    assert starts == sorted(starts)
    for sent in st.sentences:
        covered = [s for s in att.spans if s.char_start < sent.char_end and s.char_end > sent.char_start]
        assert covered and covered[0].char_start == sent.char_start and covered[-1].char_end == sent.char_end
    # The speaker changes inside line 6 ("Interesting." closes the answer line's turn) and line 2.
    assert len({s.speaker for s in att.spans}) == 2


def test_without_hints_names_come_from_the_transcript_or_default() -> None:
    doc, st = _state(INTERVIEW)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Host", "Mara Quill"]


def test_labelled_file_keeps_its_labels_exactly() -> None:
    texts = ["So what is a flume?", "A long tank of water. Right?", "Got it."]
    doc, st = _state(texts, speakers=["Zed Alpha", "Yuki Beta", "Zed Alpha"])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Zed Alpha", "Yuki Beta"]
    assert _who(att, st, "Right?") == "Yuki Beta"
    assert _who(att, st, "Got it.") == "Zed Alpha"
    assert all(s.confidence == 1.0 for s in att.spans)
    assert att.speakers[0].role == "host"


def test_labelled_host_is_who_asks_most_per_unit_not_in_all() -> None:
    """A guest who talks at length asks more questions in all (rhetorical ones) than the
    host, who asks in nearly every short turn; a speaker of a line or two is no host."""
    guest = (
        "Why does a blade crack? Salt gets in. Why salt? It is everywhere at sea. "
        "And why does that matter? Because it eats the resin. We coat it twice."
    )
    texts = []
    for _ in range(4):
        texts += ["So how do blades fail?", guest, "And how long does a coating last?", guest]
    texts += ["Is this thing on?", guest]
    speakers: list[str | None] = ["Tom Reyes", "Mara Quill", "Tom Reyes", "Mara Quill"] * 4
    speakers += ["Sound Desk", "Mara Quill"]
    doc, st = _state(texts, speakers=speakers)
    att = attribute(doc, st)  # type: ignore[arg-type]
    roles = {s.name: s.role for s in att.speakers}
    assert roles == {"Tom Reyes": "host", "Mara Quill": "guest", "Sound Desk": "guest"}


def test_diarisation_labels_get_names_from_the_transcript() -> None:
    texts = [
        "Today I'm speaking with Mara Quill. Mara, what do you build?",
        "Thanks for having me. Turbines.",
    ]
    doc, st = _state(texts, speakers=["SPEAKER_00", "SPEAKER_01"], hints=SpeakerHints(names=("Tom Reyes",)))
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tom Reyes", "Mara Quill"]


def test_more_diarisation_labels_are_named_by_who_answers_a_vocative() -> None:
    texts = [
        "Welcome, everyone. Today the whole crew is in the shed. Nell, what broke this week?",
        "The winch broke again. Ossian, you fixed it last time?",
        "I did, with a bent nail. It held for a day.",
        "Nell, did you order the new part?",
        "Not yet. Ossian, which size was it?",
        "The twelve millimetre one, I think.",
        "Ossian, can you check tonight?",
        "Sure, I will look tonight.",
        "Nell, anything else?",
        "No, that was it. Ossian, thanks.",
    ]
    speakers: list[str | None] = ["SPEAKER_00", "SPEAKER_01", "SPEAKER_02", "SPEAKER_00", "SPEAKER_01"]
    speakers += ["SPEAKER_02", "SPEAKER_00", "SPEAKER_02", "SPEAKER_00", "SPEAKER_01"]
    doc, st = _state(texts, speakers=speakers)
    att = attribute(doc, st)  # type: ignore[arg-type]
    names = [s.name for s in att.speakers]
    # Each of the others answers when named; the host is named by nobody and keeps the label.
    assert names == ["SPEAKER_00", "Nell", "Ossian"]
    assert _who(att, st, "The winch broke") == "Nell"
    assert _who(att, st, "bent nail") == "Ossian"


# Seven units of two diarised voices; Speaker 2 asks more per unit, with the last four
# units after the opening two given by each test.
_TURBINE_TALK = [
    "Did they hold up in the storm? And what about the blades?",
    "They held. The blades flexed, but nothing cracked.",
    "Who tested them? Was it the same crew as last year?",
    "The same crew, and they wrote a long report about it.",
]


def _diarised_roles(opening: list[str]) -> list[tuple[str, str]]:
    """(name, role) of the speakers of ``opening`` and ``_TURBINE_TALK`` labelled
    Speaker 1 and Speaker 2 in turn."""
    texts = [*opening, *_TURBINE_TALK]
    speakers: list[str | None] = ["Speaker 1", "Speaker 2"] * 3 + ["Speaker 1"]
    doc, st = _state(texts, speakers=speakers)
    return [(s.name, s.role) for s in attribute(doc, st).speakers]  # type: ignore[arg-type]


def test_the_label_that_gives_the_hosts_name_as_its_own_is_the_host_whoever_asks_more() -> None:
    opening = [
        "Welcome to Tide Talk. I'm Tom Reyes, joined as always by my co-host, Ada Brennan.",
        "Good to be here. What are we covering today? Is it the new turbines?",
        "Yes, the new turbines. They went in last month near the harbour.",
    ]
    # Speaker 2 asks more per unit, but Speaker 1 introduces themself as the host.
    assert _diarised_roles(opening) == [("Tom Reyes", "host"), ("Ada Brennan", "host")]


def test_the_label_that_gives_the_guests_name_as_its_own_is_not_the_host_whoever_asks_more() -> None:
    opening = [
        "Today I talk with Ada Brennan, who builds turbines.",
        "Hi Tom, my name is Ada Brennan. What should we cover? The new turbines? The storm?",
        "Let's start with the turbines. They went in last month, I hear.",
    ]
    # Speaker 2 asks more per unit, but gives the guest's name as their own.
    assert _diarised_roles(opening) == [("Tom", "host"), ("Ada Brennan", "guest")]


def test_ad_read_is_flagged_and_given_to_the_host() -> None:
    texts = [
        *INTERVIEW[:5],
        "This episode is brought to you by Brinewave. Go to brinewave.com and use code TIDE for 20% off.",
        "Brinewave is the sponsor I trust for my own sailing trips.",
        *INTERVIEW[5:],
    ]
    doc, st = _state(texts, hints=SpeakerHints(names=("Tom Reyes",)))
    att = attribute(doc, st)  # type: ignore[arg-type]
    pos = st.timed.text.index("brought to you by")
    ad_span = next(s for s in att.spans if s.char_start <= pos < s.char_end)
    assert ad_span.ad and att.speakers[ad_span.speaker].role == "host"
    assert not any(s.ad for s in att.spans if s.char_end <= st.timed.text.index("Thanks for having me"))


def test_file_ad_flags_win() -> None:
    units = [Unit(0, 1, "Go to acme.com, use code X.", ad=False), Unit(2, 3, "Plain words.", ad=True)]
    assert detect_ads(units) == [False, True]


def test_units_split_sentences_at_inner_marks() -> None:
    assert [u.text for u in split_units("What now? It works. Yes", 5)] == ["What now?", "It works.", "Yes"]
    assert split_units("What now? It works.", 5)[1].char_start == 15


def test_names_from_metadata_titles_intros_and_vocatives() -> None:
    assert meta_names(SpeakerHints(meta={"show": "Tide Talk"}, known_hosts={"tide talk": ("Tom Reyes",)})) == (
        "Tom Reyes",
        "",
    )
    assert meta_names(SpeakerHints(meta={"title": "Turbines at sea with Mara Quill"})) == ("", "Mara Quill")
    assert title_guest("Nothing to see here") == ""
    assert intro_names(["My guest today is Lee Park.", "I'm Tom Reyes, and this is Tide Talk."]) == (
        "Tom Reyes",
        "Lee Park",
    )
    assert vocatives("So, Lee, how did it start?") == ["Lee"]
    assert vocatives("For example, this works.") == []
    assert vocatives("Usually, the blades hold.") == []


def test_a_host_missing_from_every_list_is_named_from_the_transcript() -> None:
    """No metadata and no well-known name: the show's name, a sponsor handle or the guest's
    vocatives still give the host a first name rather than "Host"."""
    from extract.speakers.addressing import best_vocative
    from extract.speakers.known_names import show_owner
    from extract.speakers.sponsor_names import vanity_host

    assert show_owner(SpeakerHints(), ["Hello and welcome to Orla's Podcast, episode nine."]) == "Orla"
    assert show_owner(SpeakerHints(), ["Welcome back."]) == ""
    reads = ["Head to tidewear.com/orla and save.", "Use code ORLAPODCAST at checkout."]
    assert vanity_host(reads) == "Orla"
    assert vanity_host(["Head to tidewear.com/shop and save.", "Go to tidewear.com/shop."]) == ""
    assert best_vocative(["Orla", "Orla Finch", "Mara"], exclude="Mara Quill") == "Orla"


def test_self_introduction_and_co_host_name_both_speakers() -> None:
    host, other = intro_names(
        ["I'm Ada Finch, a gardener, and I'm joined as always by my co-host, Rob Lister, who grows apples."]
    )
    assert (host, other) == ("Ada Finch", "Rob Lister")
    assert intro_names(["So this is Unified Rules for Large Gardens."]) == ("", "")


def test_a_guest_introduced_after_an_absent_co_host_is_the_guest() -> None:
    opening = [
        "This is Ada Finch. I'm usually joined by my co-host, Rob Lister, but he is away this week.",
        "Luz Ortega is with us, who restores orchards.",
    ]
    assert intro_names(opening) == ("Ada Finch", "Luz Ortega")


def test_show_owner_and_mid_sentence_vocative() -> None:
    from extract.speakers.known_names import show_owner

    assert show_owner(SpeakerHints(meta={"show": "Mara's Podcast"})) == "Mara"
    assert show_owner(SpeakerHints(meta={"show": "Deep Tides"})) == ""
    assert vocatives("Thank you so much, Mara, for having me.") == ["Mara"]


def test_lexicon_separates_two_voices_without_a_role_prior() -> None:
    import numpy as np

    from extract.speakers.word_use import WordUse

    texts = ["sort of kind of sort of", "indeed quite indeed", "sort of kind of", "quite indeed quite"]
    lex = WordUse(texts, min_count=2)
    occ = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    llr = lex.scores(occ, lex.local(0), strength=2.0)
    assert (llr[[0, 2], 0] > llr[[0, 2], 1]).all()
    assert (llr[[1, 3], 1] > llr[[1, 3], 0]).all()


def test_leave_one_out_word_use_gives_a_units_own_rare_word_no_weight() -> None:
    import numpy as np

    from extract.speakers.word_use import WordUse

    # "zebra" is said twice, both times in unit 0: counted with itself it looks like the
    # first voice's habit; left out, only the other units' words speak for unit 0.
    texts = ["zebra zebra", "plain words", "plain words", "more plain words"]
    lex = WordUse(texts, min_count=2, spread=1)
    occ = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [0.0, 1.0]])
    plain = lex.scores(occ, lex.local(0), strength=1.0)
    left_out = lex.scores(occ, lex.local(0), strength=1.0, leave_one_out=True)
    assert plain[0, 0] - plain[0, 1] > 5.0
    assert abs(left_out[0, 0] - left_out[0, 1]) < 1.0
    # Words the other units back still count: "plain" and "words" are the second voice's.
    assert (left_out[1:, 1] > left_out[1:, 0]).all()


def test_a_question_two_units_ahead_ends_a_guests_turn_but_not_the_hosts() -> None:
    from extract.speakers.features import BoundaryFeatures
    from extract.speakers.model import Settings, change_logits

    def bound(question: bool) -> BoundaryFeatures:
        return BoundaryFeatures(False, 0, False, False, False, to_question=question)

    # Units: statement, "Yeah.", framing, question. The boundary before "Yeah." sees the question ahead.
    bounds = [None, bound(False), bound(False), bound(True)]
    cfg = Settings()
    with_ahead = change_logits(bounds, 2, cfg)
    without = change_logits(bounds, 2, Settings(before_ask=0.0))
    assert with_ahead[1, 1] - without[1, 1] == cfg.before_ask
    assert with_ahead[1, 0] == without[1, 0]
    # The boundary right before the question has its own cue and gets no look-ahead on top.
    assert with_ahead[3, 1] == without[3, 1]


def test_lexicon_local_topic_is_shared_by_both_voices() -> None:
    import numpy as np

    from extract.speakers.word_use import WordUse

    # Both voices talk about tides and then about turbines; only "sort of" vs "quite" tells them apart.
    texts = ["tides tides sort of"] * 6 + ["tides tides quite"] * 6
    texts += ["turbines turbines sort of"] * 6 + ["turbines turbines quite"] * 6
    lex = WordUse(texts, min_count=2)
    occ = np.array([[1.0, 0.0]] * 6 + [[0.0, 1.0]] * 6 + [[1.0, 0.0]] * 6 + [[0.0, 1.0]] * 6)
    llr = lex.scores(occ, lex.local(12, block=6), strength=2.0)
    assert (llr[:6, 0] > llr[:6, 1]).all() and (llr[18:, 1] > llr[18:, 0]).all()
    assert (llr[12:18, 0] > llr[12:18, 1]).all()


def test_roles_are_read_against_the_local_background() -> None:
    import numpy as np

    from extract.speakers.model import _background, _log_ratios, _relative

    # Openers: column 0 "none", column 1 a filler. The guest opens with "um" half the time, the host
    # never; in the second half of the episode nobody says "um" (the transcriber dropped them).
    m = np.zeros((80, 2))
    m[:, 0] = 1.0
    m[0:40:2, 0], m[0:40:2, 1] = 0.0, 1.0
    guest = np.zeros(80)
    guest[0:40:2] = guest[1:40:4] = guest[40::2] = 1.0
    post = np.stack([1.0 - guest, guest], axis=1)
    bg = _background(m, window=10, strength=1.0)
    ratios = _log_ratios(post, m, bg, np.array([[0.9, 0.1], [0.6, 0.4]]), strength=1.0)
    rates = _relative(bg, ratios)
    host_edge = rates[:, 0, 0] - rates[:, 1, 0]  # how much an opener without "um" favours the host
    assert host_edge[10] > 0.5
    assert abs(host_edge[70]) < 0.1


def test_lexicon_leaves_fillers_to_the_token_classes() -> None:
    from extract.speakers.word_use import WordUse

    lex = WordUse(["um so um uh", "uh so um", "so um uh"], min_count=2)
    assert lex.size == 1  # only "so"


def test_shipped_interview_questions_hand_the_turn_to_the_guest() -> None:
    """On samples/interview.txt every question is the host's and the guest answers it."""

    from extract.parsers import parse_file
    from extract.pipeline import run
    from extract.speakers.attribute import make_units

    sample = Path(__file__).resolve().parents[2] / "samples" / "interview.txt"
    doc = run(parse_file(sample), SpeakerHints(names=("Maya Okafor",)))
    st = doc._.podgraph
    att = st.attribution
    units = make_units(st)
    assert len(units) == len(att.spans)
    who = [att.speakers[s.speaker].role for s in att.spans]
    questions = [i for i, u in enumerate(units) if u.text.rstrip().endswith("?")]
    assert len(questions) >= 5
    for i in questions:
        assert who[i] == "host", units[i].text
        if i + 1 < len(units) and not units[i + 1].text.rstrip().endswith("?"):
            assert who[i + 1] == "guest", units[i + 1].text
    turns = 1 + sum(a != b for a, b in zip(who, who[1:], strict=False))
    assert turns >= 2 * len(questions)
    assert [s.name for s in att.speakers] == ["Maya Okafor", "Tomas Lindqvist"]


def test_labelled_file_roles_follow_the_metadata_guest() -> None:
    """The front matter's guest is the guest even when they ask more questions than the host."""

    from extract.parsers import parse_file
    from extract.pipeline import run

    path = Path(__file__).resolve().parents[1] / "fixtures" / "speakers" / "labelled_guest_meta.md"
    transcript = parse_file(path)
    assert transcript.labelled
    doc = run(transcript)
    att = doc._.podgraph.attribution
    roles = {s.name: s.role for s in att.speakers}
    assert roles == {"Ines Marlow": "guest", "Tom Reyes": "host"}
    text = doc._.podgraph.timed.text
    pos = text.index("Mostly nitrate")
    span = next(s for s in att.spans if s.char_start <= pos < s.char_end)
    assert att.speakers[span.speaker].name == "Tom Reyes" and span.confidence == 1.0


def test_change_offsets_learn_short_turns_from_the_episode() -> None:
    import numpy as np

    from extract.speakers.model import change_offsets

    # Ten units alternate speakers every unit; the fixed log-odds expect long turns.
    post = np.array([[1.0, 0.0], [0.0, 1.0]] * 5)
    xi = np.zeros((10, 2))
    xi[1:, 0] = post[:-1, 0]
    xi[1:, 1] = post[:-1, 1]
    change = np.full((10, 2), -2.0)
    weak = change_offsets(post, xi, change, np.zeros(2), precision=1.0)
    strong = change_offsets(post, xi, change, np.zeros(2), precision=100.0)
    assert (weak > 1.0).all() and (strong < weak).all() and (strong > 0.0).all()


@pytest.mark.parametrize(
    ("text", "ending"),
    [
        ("What would you change first?", "question"),
        # Reported speech: the speaker quotes a question someone else asked.
        ('My team keeps asking me, "Which vendor is cheaper?"', "period"),
        ('Then I went, "Really?', "period"),
        # A tag asks for no answer.
        ("Right?", "period"),
        ("You know?", "period"),
        # A request to speak asks like a question; the same words inside a statement do not.
        ("So tell us what the new kiln does.", "question"),
        ("Walk me through the first firing.", "question"),
        ("Okay, explain the glaze part.", "question"),
        ("We talk about glazes all day.", "period"),
        ("It is hard to explain.", "period"),
    ],
)
def test_what_counts_as_asking(text: str, ending: str) -> None:
    from extract.speakers.features import ENDS, unit_features

    assert ENDS[unit_features(Unit(0, len(text), text)).end] == ending


def _units(texts: list[str], label: str | None = None) -> list[Unit]:
    out: list[Unit] = []
    for t in texts:
        start = out[-1].char_end + 1 if out else 0
        out += [Unit(u.char_start, u.char_end, u.text, label=label) for u in split_units(t, start)]
    return out


TESTIMONIAL = [
    "Last winter my knee started aching on long hikes.",
    "My physio suggested better insoles, but the shop ones kept slipping.",
    "So I ordered a pair of Stridewell insoles moulded to my footprint.",
    "A month later the aching was gone and I hiked the whole ridge trail.",
    "They ship a foam kit, you press your foot in, and the insoles arrive a week later.",
    "If you want to walk without pain, you can order Stridewell at stridewell.com.",
    "All right, back to Mara.",
]


def _flags_inside(middle: list[str]) -> tuple[list[bool], list[bool]]:
    """Ad flags of ``middle`` placed between two stretches of the interview, and of the rest."""
    talk, inner = _units(INTERVIEW * 2), _units(middle)
    flags = detect_ads([*talk, *inner, *talk])
    return flags[len(talk) : len(talk) + len(inner)], flags[: len(talk)] + flags[len(talk) + len(inner) :]


def test_a_testimonial_read_is_flagged_back_from_its_call_to_action() -> None:
    ad, rest = _flags_inside(TESTIMONIAL)
    assert all(ad) and not any(rest)


def test_an_opener_starts_the_read() -> None:
    ad, rest = _flags_inside(
        [
            "Hey everybody, real quick.",
            "I want to tell you about Ferncopy, a notebook that files your scribbles by itself.",
            "It reads your handwriting and tags every page.",
            "Learn more at ferncopy.com, and thanks to them for sponsoring this episode.",
        ]
    )
    assert all(ad) and not any(rest)


def test_off_topic_talk_alone_is_not_an_ad() -> None:
    story, rest = _flags_inside(
        [
            "My grandmother kept bees in a valley in Wales.",
            "She sold honey and candles at the village fair every August.",
            "The hives were painted blue so the bees would find their way home.",
        ]
    )
    assert not any(story) and not any(rest)


def test_greeting_the_audience_at_the_start_of_the_show_is_no_ad() -> None:
    opening = [
        "Hello everyone.",
        "My name is Ines Duarte and I am in Lisbon, where the jacarandas are out.",
        "My cat watches the trams from the balcony every morning.",
        "Today I'm joined by Mara Quill.",
    ]
    flags = detect_ads(_units([*opening, *INTERVIEW * 2]))
    assert not any(flags)


def test_a_read_ends_at_its_closer_and_at_a_change_of_speaker_label() -> None:
    talk = _units(INTERVIEW * 2)
    ad = _units(TESTIMONIAL)
    story = _units(["My grandmother kept bees in a valley in Wales.", "Her hives were painted blue."])
    flags = detect_ads([*talk, *ad, *story, *talk])
    assert flags[len(talk) + len(ad) - 1] and not any(flags[len(talk) + len(ad) :])
    host, guest = _units(INTERVIEW * 2, "HOST"), _units(INTERVIEW * 2, "GUEST")
    read = _units([*TESTIMONIAL[:-2], "Use code HIKE for ten percent off your first pair."], "HOST")
    aside = _units(["Ha, my grandmother kept bees in a valley in Wales."], "GUEST")
    flags = detect_ads([*host, *read, *aside, *guest])
    assert flags[len(host) : len(host) + len(read)] == [True] * len(read)
    assert not any(flags[len(host) + len(read) :])


def test_host_known_by_first_name_or_vanity_address_gets_the_known_full_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = tmp_path / "people.tsv"
    people.write_text("Tobiah Wrenfield\n", encoding="utf-8")
    monkeypatch.setenv("PODGRAPH_PEOPLE", str(people))
    # The show's name gives the first name only; the list of known people completes it.
    doc, st = _state(INTERVIEW, hints=SpeakerHints(meta={"show": "Tobiah's Podcast"}))
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tobiah Wrenfield", "Mara Quill"]
    # So does a show named with the first name alone, without the possessive; a word that
    # is nobody's first name names no one.
    for show, host in (("The Tobiah Podcast", "Tobiah Wrenfield"), ("Quillo Podcast", "Host")):
        doc, st = _state(INTERVIEW, hints=SpeakerHints(meta={"show": show}))
        assert attribute(doc, st).speakers[0].name == host  # type: ignore[arg-type]
    # Without a show, a sponsor's vanity address names the host.
    read = [
        "This episode is brought to you by Quillo, the notebook for engineers.",
        "Quillo keeps your sketches in order. Go to quillo.com/tobiah for a free trial.",
        "All right, back to the show.",
    ]
    doc, st = _state([*INTERVIEW[:5], *read, *INTERVIEW[5:]])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tobiah Wrenfield", "Mara Quill"]
    # A vanity address that names nobody known leaves the default.
    doc, st = _state([*INTERVIEW[:5], *(r.replace("/tobiah", "/deals") for r in read), *INTERVIEW[5:]])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert att.speakers[0].name == "Host"


def test_a_web_address_spelling_a_name_said_in_the_episode_names_whoever_gives_it() -> None:
    # Nothing else names the host; they give their show's address, and the name is
    # spelt out later in the episode.
    plug = "You can find every episode at tobiahwrenfield.com, that's all one word."
    later = "Search for Tobiah Wrenfield wherever you listen and you'll find the archive."
    doc, st = _state([INTERVIEW[0], plug, *INTERVIEW[1:], later])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tobiah Wrenfield", "Mara Quill"]
    # An address that spells no name said in the episode, or a name said without an
    # address, leaves the default.
    for texts in ([INTERVIEW[0], plug, *INTERVIEW[1:]], [INTERVIEW[0], *INTERVIEW[1:], later]):
        doc, st = _state(texts)
        att = attribute(doc, st)  # type: ignore[arg-type]
        assert att.speakers[0].name == "Host"


def test_two_listed_people_are_told_apart_by_who_says_whose_name() -> None:
    # No introduction and no vocative a comma sets off: only the host says "mara".
    texts = [
        "Welcome to the show. Today we talk about tidal turbines.",
        "So what got you into turbines mara?",
        *INTERVIEW[2:5],
        "Interesting. How do you test a blade before it goes in the water mara?",
        *INTERVIEW[6:8],
        "And what would you tell a student who wants to do this mara?",
        *INTERVIEW[9:],
    ]
    for listed in ("Mara Quill, Tobiah Wrenfield", "Tobiah Wrenfield, Mara Quill"):
        doc, st = _state(texts, hints=SpeakerHints(meta={"speakers": listed}))
        att = attribute(doc, st)  # type: ignore[arg-type]
        assert [s.name for s in att.speakers] == ["Tobiah Wrenfield", "Mara Quill"]
    # Said once only, the name decides nothing.
    once = texts[:5] + [t.replace(" mara?", "?") for t in texts[5:]]
    doc, st = _state(once, hints=SpeakerHints(meta={"speakers": "Mara Quill, Tobiah Wrenfield"}))
    assert [s.name for s in attribute(doc, st).speakers] == ["Host", "Guest"]  # type: ignore[arg-type]


def test_thanks_for_having_me_is_the_guest_even_inside_the_hosts_closing() -> None:
    closing = [
        "Okay, well, Mara, this was super interesting. Thanks so much for making the time.",
        "I think people will learn a lot from this, so it was great to get your thoughts on it.",
        "But yeah, thanks for having me on the show.",
        "Hey everybody, I hope you enjoyed that episode with Mara.",
        "If you did, please share it with a friend, and see you on the next one.",
    ]
    doc, st = _state([*INTERVIEW, *closing], hints=SpeakerHints(names=("Tom Reyes",)))
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert _who(att, st, "thanks for having me on the show") == "Mara Quill"
    assert _who(att, st, "Thanks so much for making the time") == "Tom Reyes"


def test_a_guests_farewell_in_the_closing_names_the_host() -> None:
    thanks = "Mara, thank you so much for coming on."
    farewell = "You're welcome. Nice talking to you, Tobiah."
    doc, st = _state([*INTERVIEW, thanks, farewell])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tobiah", "Mara Quill"]
    # Mid-episode the same words are one vocative among many, which names nobody.
    middle = [*INTERVIEW, *INTERVIEW[5:], thanks, farewell, *INTERVIEW[5:] * 3]
    doc, st = _state(middle)
    assert attribute(doc, st).speakers[0].name == "Host"  # type: ignore[arg-type]


def test_a_host_signing_the_show_by_name_is_the_host() -> None:
    closing = [
        "Mara, thank you so much for coming on.",
        "Thanks for having me.",
        "Our music is by the Gull Band, and the show is edited by me, Tobiah Lind.",
        "I'm Tobiah Lind, and this is Tide Talk.",
    ]
    hints = SpeakerHints(meta={"show": "Tide Talk! Voices of the coast"})
    doc, st = _state([*INTERVIEW, *closing], hints=hints)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tobiah Lind", "Mara Quill"]
    # "by me, Tobiah Lind" gives the speaker's own name; it addresses no one.
    assert _who(att, st, "edited by me") == "Tobiah Lind"
    # Beside the show's name as a first visit, a name is no one's signature.
    visit = [*INTERVIEW, "I'm Tobiah Lind, and this is my first time on Tide Talk."]
    doc, st = _state(visit, hints=hints)
    assert attribute(doc, st).speakers[0].name == "Host"  # type: ignore[arg-type]


def test_its_and_a_full_name_answering_a_request_for_a_name_names_the_guest() -> None:
    opening = [
        "The recorder is on. Would you please state your name and where we are?",
        "It's Mara Quill, in Halifax.",
        "Great. What got you into turbines?",
    ]
    doc, st = _state([*opening, *INTERVIEW[2:8], *INTERVIEW[9:]])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert att.speakers[1].name == "Mara Quill"
    assert _who(att, st, "It's Mara Quill") == "Mara Quill"


def test_a_name_in_the_hosts_welcome_names_the_guest_though_said_once() -> None:
    welcome = "Well, Ravi, thanks for joining me. What got you into turbines?"
    rest = [*INTERVIEW[2:8], *INTERVIEW[9:]]
    doc, st = _state([welcome, *rest])
    assert attribute(doc, st).speakers[1].name == "Ravi"  # type: ignore[arg-type]
    # Said once outside a welcome, a name names the guest only when it is the one person
    # the host addresses: a host who also addresses someone else once names nobody.
    doc, st = _state(["Well, Ravi, what got you into turbines?", *rest])
    assert attribute(doc, st).speakers[1].name == "Ravi"  # type: ignore[arg-type]
    doc, st = _state(["Well, Ravi, what got you into turbines?", *rest[:-1], "Tomas, what do you say?"])
    assert attribute(doc, st).speakers[1].name == "Guest"  # type: ignore[arg-type]


def test_greetings_by_name_in_the_opening_name_both_speakers() -> None:
    rest = [*INTERVIEW[2:8], *INTERVIEW[9:]]
    doc, st = _state(["Hello, Ravi.", "Hi, Tomas.", "What got you into turbines?", *rest])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tomas", "Ravi"]
    assert _who(att, st, "Hi, Tomas") == "Ravi"


def test_a_bare_greeting_answering_a_welcome_by_name_names_the_host() -> None:
    rest = [*INTERVIEW[2:8], *INTERVIEW[9:]]
    # The bare "Hey, Tomas." may be run into the host's welcome; either way it answers it.
    doc, st = _state(["Welcome to the show, Ravi. Hey, Tomas.", "What got you into turbines?", *rest])
    assert [s.name for s in attribute(doc, st).speakers] == ["Tomas", "Ravi"]  # type: ignore[arg-type]
    # The show's name gives the full name of a host greeted by first name.
    hints = SpeakerHints(meta={"show": "Tomas Okafor Podcast"})
    doc, st = _state(["Welcome to the show, Ravi. Hey, Tomas.", "What got you into turbines?", *rest], hints=hints)
    assert [s.name for s in attribute(doc, st).speakers] == ["Tomas Okafor", "Ravi"]  # type: ignore[arg-type]
    # A greeting of the one just welcomed is no answer, and names no host.
    doc, st = _state(["Welcome to the show, Ravi. Hey, Ravi.", "What got you into turbines?", *rest])
    assert [s.name for s in attribute(doc, st).speakers] == ["Host", "Ravi"]  # type: ignore[arg-type]


def test_a_name_in_the_guests_own_introduction_names_the_host() -> None:
    opening = [
        "Welcome to the show. Today I'm speaking with Mara Quill, who builds tidal turbines.",
        "Would you introduce yourself?",
        "Hi Tomas, my name is Mara Quill, and I build turbines.",
    ]
    doc, st = _state([*opening, *INTERVIEW[3:8], *INTERVIEW[9:]])
    assert [s.name for s in attribute(doc, st).speakers] == ["Tomas", "Mara Quill"]  # type: ignore[arg-type]


def test_a_stand_in_co_host_and_a_guest_named_after_the_announcement_make_three_voices() -> None:
    opening = [
        "Welcome to Tide Talk. I'm Tom Reyes.",
        "Ada is here to co-host, and I'd like to introduce our guest.",
        "His name is Mara Quill. Mara, what got you into turbines?",
    ]
    voices = _named_roles([*opening, *INTERVIEW[2:8], *INTERVIEW[9:]])
    assert voices == [("Tom Reyes", "host"), ("Mara Quill", "guest"), ("Ada", "host")]


def test_a_bare_welcome_by_name_introduces_the_guest() -> None:
    rest = [*INTERVIEW[2:8], *INTERVIEW[9:]]
    # The host addresses someone else once too, so only the welcome can name Ravi.
    doc, st = _state(["Ravi, welcome. What got you into turbines?", *rest[:-1], "Tomas, what do you say?"])
    assert attribute(doc, st).speakers[1].name == "Ravi"  # type: ignore[arg-type]


def test_a_title_name_the_episode_never_says_names_a_guest_nothing_else_names() -> None:
    rest = [*INTERVIEW[2:8], *INTERVIEW[9:]]
    hints = SpeakerHints(meta={"title": "Turbines with Ravi Okonkwo"})
    doc, st = _state(["What got you into turbines?", *rest], hints=hints)
    assert attribute(doc, st).speakers[1].name == "Ravi Okonkwo"  # type: ignore[arg-type]
    # The episode's own introduction wins over a title name it never says.
    doc, st = _state(INTERVIEW, hints=hints)
    assert attribute(doc, st).speakers[1].name == "Mara Quill"  # type: ignore[arg-type]


def test_a_title_name_captions_never_say_names_the_guest_as_in_punctuated_text() -> None:
    hints = SpeakerHints(meta={"title": "Interview with Ravi Okonkwo"})
    captions = [t.lower().replace(",", "").replace(".", "").replace("?", "") for t in INTERVIEW[2:8]]
    doc, st = _state(["what got you into turbines", *captions], hints=hints)
    assert attribute(doc, st).speakers[1].name == "Ravi Okonkwo"  # type: ignore[arg-type]
    # The captions' own introduction still wins over a title name they never say.
    intro = "welcome to the show today i'm speaking with mara quillfeather who builds tidal turbines"
    doc, st = _state([intro, "what got you into turbines", *captions], hints=hints)
    assert attribute(doc, st).speakers[1].name == "Mara Quillfeather"  # type: ignore[arg-type]


def test_a_bare_thanks_before_the_guests_thanks_names_the_host() -> None:
    intro = "Hello everybody. Today I'll be speaking to Mara Quill, who builds tidal turbines."
    texts = [intro, "Thanks Tobiah.", "I'm excited to be here.", "Great. What got you into turbines?"]
    doc, st = _state([*texts, *INTERVIEW[2:]])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tobiah", "Mara Quill"]


def test_discourse_words_are_no_vocatives_and_a_recorded_intro_is_the_hosts() -> None:
    assert vocatives("Nope, it goes further than that.") == []
    assert vocatives("Yep, that is right.") == []
    assert vocatives("Mara, what changed?") == ["Mara"]
    intro = "The following is a conversation with Mara Quill, who builds tidal turbines."
    doc, st = _state([intro, *INTERVIEW[1:]])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert _who(att, st, "The following is a conversation") == att.speakers[0].name
    assert att.speakers[1].name == "Mara Quill"


def test_a_name_after_discourse_words_or_set_off_inside_a_sentence_names_the_guest() -> None:
    from extract.speakers.addressing import addressed

    assert addressed("Okay, so Mara, what changed?") == ["Mara"]
    assert addressed("The hard part, Mara, is the salt, right?") == ["Mara"]
    assert addressed("We hired Mara, Lee, and Tom.") == []  # a list
    assert addressed("It was in Leeds, England, that spring.") == []  # a place
    # Too loose to rule anyone out as a unit's speaker: the decoder reads only vocatives.
    assert vocatives("Okay, so Mara, what changed?") == []
    # No introduction; the host addresses the guest only in these looser forms.
    texts = [
        "Welcome to the show.",
        "Okay, so Mara, how did you get into turbines?",
        *INTERVIEW[2:5],
        "And the hard part, Mara, is testing them, right?",
        *INTERVIEW[6:8],
        "So what would you tell a student who wants to do this?",
        *INTERVIEW[9:],
    ]
    doc, st = _state(texts)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert att.speakers[1].name == "Mara"
    assert _who(att, st, "I run the simulations myself") == "Mara"


def test_a_guest_described_right_after_the_hosts_self_introduction_is_the_guest() -> None:
    described = "Mara Quill is an engineer who builds tidal turbines."
    assert intro_names(["I'm Tom Reyes, and this is Tide Talk.", described]) == ("Tom Reyes", "Mara Quill")
    # Not without the host's own introduction before it, nor long after it.
    assert intro_names([described, "I'm Tom Reyes, and this is Tide Talk."]) == ("Tom Reyes", "")
    later = ["I'm Tom Reyes.", "It rained.", "The tide came in.", "We sat down.", "Boats bobbed.", described]
    assert intro_names(later) == ("Tom Reyes", "")
    # An introduction proper wins over a description.
    both = ["I'm Tom Reyes.", "Lee Park is an old friend.", "My guest today is Mara Quill."]
    assert intro_names(both) == ("Tom Reyes", "Mara Quill")


def test_lexicon_ignores_words_said_in_one_stretch_only() -> None:
    from extract.speakers.word_use import WordUse

    texts = ["so basically it works"] * 20
    texts[4] = texts[5] = "the zorbit lattice matters here"  # one tenth of the episode only
    lex = WordUse(texts, min_count=2, spread=2)
    spread_out = WordUse(texts, min_count=2, spread=1)
    assert spread_out.size > lex.size  # "zorbit", "lattice", … drop out as topical
    assert lex.size == WordUse(["so basically it works"] * 20, min_count=2, spread=2).size


def test_a_co_host_named_in_the_opening_is_a_host_too() -> None:
    opening = "Welcome to the show. I'm Tom Reyes, joined as always by my co-host, Ada Brennan."
    texts = [opening, "Ada, what got you into turbines?", *INTERVIEW[2:]]
    doc, st = _state(texts)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [(s.name, s.role) for s in att.speakers] == [("Tom Reyes", "host"), ("Ada Brennan", "host")]
    labelled = ["Tom Reyes", "Tom Reyes", *(["Ada Brennan", "Tom Reyes"] * 5)][: len(texts)]
    doc, st = _state(texts, speakers=labelled)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert {s.name: s.role for s in att.speakers} == {"Tom Reyes": "host", "Ada Brennan": "host"}


def test_the_stores_host_of_a_show_gives_way_when_this_episode_calls_them_co_host() -> None:
    # On a show of two hosts the store records one of them; here the other opens the show.
    opening = "Welcome to the show. I'm Tom Reyes, joined as always by my co-host, Ada Brennan."
    texts = [opening, "Ada, what got you into turbines?", *INTERVIEW[2:]]
    store = SpeakerHints(meta={"show": "Tide Talk"}, known_hosts={"tide talk": ("Ada Brennan",)})
    doc, st = _state(texts, hints=store)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [(s.name, s.role) for s in att.speakers] == [("Tom Reyes", "host"), ("Ada Brennan", "host")]
    assert _who(att, st, "Ada, what got you") == "Tom Reyes"
    labelled = ["Tom Reyes", "Tom Reyes", *(["Ada Brennan", "Tom Reyes"] * 5)][: len(texts)]
    doc, st = _state(texts, speakers=labelled, hints=store)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert {s.name: s.role for s in att.speakers} == {"Tom Reyes": "host", "Ada Brennan": "host"}
    # An episode that does not introduce the recorded host as someone else keeps them as host.
    doc, st = _state(INTERVIEW, hints=SpeakerHints(meta={"show": "Tide Talk"}, known_hosts={"tide talk": ("Tom Reyes",)}))
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [(s.name, s.role) for s in att.speakers] == [("Tom Reyes", "host"), ("Mara Quill", "guest")]


def test_the_stores_host_gives_way_to_another_speaker_on_record_who_introduces_themself() -> None:
    # A show of two hosts who take turns: the store records Tom Reyes, but Ada Brennan,
    # whose voice the store knows, opens this episode as its host.
    texts = ["Welcome to the show. I'm Ada Brennan, and today I'm speaking with Mara Quill.", *INTERVIEW[1:]]
    voices = {"Tom Reyes": {"show": 60}, "Ada Brennan": {"turbines": 60}, "Mara Quill": {"um": 60}}
    store = SpeakerHints(meta={"show": "Tide Talk"}, known_hosts={"tide talk": ("Tom Reyes",)}, voices=voices)
    doc, st = _state(texts, hints=store)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [(s.name, s.role) for s in att.speakers] == [("Ada Brennan", "host"), ("Mara Quill", "guest")]
    assert _who(att, st, "I'm Ada Brennan") == "Ada Brennan"
    # Someone the store has never heard keeps the recorded host: a guest may say "I'm …" unasked.
    unknown = ["Welcome to the show. I'm Cy Park, and today I'm speaking with Mara Quill.", *INTERVIEW[1:]]
    doc, st = _state(unknown, hints=store)
    assert [s.name for s in attribute(doc, st).speakers] == ["Tom Reyes", "Mara Quill"]  # type: ignore[arg-type]


def test_of_a_shows_hosts_on_record_the_one_whose_voice_fits_hosts_the_episode() -> None:
    # Two hosts take turns on the show; this episode never says who hosts it.
    texts = ["Welcome to the show. Today we have Mara Quill with us.", *INTERVIEW[1:]]
    host_words = {"turbines": 30, "blade": 30, "student": 30, "test": 20, "what": 20}
    others = {"ferries": 60, "harbour": 40, "cargo": 20}
    guest = {"um": 60, "uh": 40, "tides": 20}
    recorded = {"tide talk": ("Tom Reyes", "Ada Brennan")}  # Tom Reyes is recorded more often
    for fits, expected in (("Ada Brennan", "Ada Brennan"), ("Tom Reyes", "Tom Reyes")):
        voices = {"Ada Brennan": others, "Tom Reyes": others, fits: host_words, "Mara Quill": guest}
        hints = SpeakerHints(meta={"show": "Tide Talk"}, known_hosts=recorded, voices=voices)
        doc, st = _state(texts, hints=hints)
        att = attribute(doc, st)  # type: ignore[arg-type]
        assert [(s.name, s.role) for s in att.speakers] == [(expected, "host"), ("Mara Quill", "guest")]
        assert _who(att, st, "How do you test a blade") == expected
    # An opening that introduces the recorded host keeps them, whatever the voices say.
    voices = {"Ada Brennan": host_words, "Tom Reyes": others, "Mara Quill": guest}
    intro = ["Welcome to the show. I'm Tom Reyes, and today we have Mara Quill with us.", *INTERVIEW[1:]]
    doc, st = _state(intro, hints=SpeakerHints(meta={"show": "Tide Talk"}, known_hosts=recorded, voices=voices))
    assert attribute(doc, st).speakers[0].name == "Tom Reyes"  # type: ignore[arg-type]
    # So does a host the metadata names.
    meta = {"show": "Tide Talk", "host": "Tom Reyes"}
    doc, st = _state(texts, hints=SpeakerHints(meta=meta, known_hosts=recorded, voices=voices))
    assert attribute(doc, st).speakers[0].name == "Tom Reyes"  # type: ignore[arg-type]


def test_the_shows_speakers_on_record_are_whom_a_vocative_names() -> None:
    # No introduction; the host says "Mara," once and "Ines," once. A name said once names
    # nobody when the host addresses others too, unless the show's labelled episodes in the
    # store know that speaker's voice.
    ines = "Interesting. Ines, how do you test a blade before it goes in the water?"
    texts = ["Welcome back to the show.", "Mara, what got you into turbines?", *INTERVIEW[2:5], ines, *INTERVIEW[6:8]]
    voices = {
        "Tom Reyes": {"what": 30, "show": 30, "turbines": 20},
        "Mara Quill": {"blade": 30, "tides": 30, "um": 20},
    }
    show = {"meta": {"show": "Tide Talk"}, "known_hosts": {"tide talk": ("Tom Reyes",)}}
    doc, st = _state(texts, hints=SpeakerHints(**show))  # type: ignore[arg-type]
    assert [s.name for s in attribute(doc, st).speakers] == ["Tom Reyes", "Guest"]  # type: ignore[arg-type]
    doc, st = _state(texts, hints=SpeakerHints(**show, voices=voices))  # type: ignore[arg-type]
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tom Reyes", "Mara Quill"]  # completed to the full name
    assert _who(att, st, "Mara, what got you") == "Tom Reyes"
    # Named but not addressed: a show of two speakers on record, one found, the other named.
    texts[1] = "I read what Mara wrote about turbines. What got you into them?"
    doc, st = _state(texts, hints=SpeakerHints(**show, voices=voices))  # type: ignore[arg-type]
    assert [s.name for s in attribute(doc, st).speakers] == ["Tom Reyes", "Mara Quill"]  # type: ignore[arg-type]
    # With a third speaker on record, the name said once is no longer enough.
    three = {**voices, "Cy Park": {"ferry": 60}}
    doc, st = _state(texts, hints=SpeakerHints(**show, voices=three))  # type: ignore[arg-type]
    assert [s.name for s in attribute(doc, st).speakers] == ["Tom Reyes", "Guest"]  # type: ignore[arg-type]


def test_known_voices_tell_which_stand_in_label_is_the_host() -> None:
    # A diarised episode of a show in the store: the guest asks more per unit than the
    # host, so the questions alone would make her label the host's.
    texts = [
        "Tides and blades, um, why do the blades crack?",
        "The show covered turbines last week.",
        "Um, why would the tides, um, bend a blade?",
        "The show will cover turbines again.",
        "Why do blades and tides, um, fight?",
        "Mara, the show thanks you.",
    ]
    labels = ["Speaker 1", "Speaker 2"] * 3
    voices = {
        "Tom Reyes": {"the": 40, "show": 40, "turbines": 30},
        "Mara Quill": {"blades": 30, "tides": 40, "um": 40, "why": 20},
    }
    store = SpeakerHints(meta={"show": "Tide Talk"}, known_hosts={"tide talk": ("Tom Reyes",)})
    doc, st = _state(texts, speakers=labels, hints=store)  # type: ignore[arg-type]
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert _who(att, st, "why do the blades crack") == "Tom Reyes"  # taken for the host by its questions
    doc, st = _state(texts, speakers=labels, hints=replace(store, voices=voices))  # type: ignore[arg-type]
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert _who(att, st, "why do the blades crack") == "Mara Quill"
    assert _who(att, st, "The show covered turbines") == "Tom Reyes"


def test_of_a_shows_hosts_on_record_the_one_whose_voice_fits_names_a_stand_in_host_label() -> None:
    texts = [
        "Welcome back. What got you into turbines, Mara?",
        "Um, the tides, uh, I grew up near them.",
        "How do you test a blade before a student sees it?",
        "Uh, we, um, use a flume tank first.",
    ]
    labels = ["Speaker 1", "Speaker 2"] * 2
    host_words = {"turbines": 30, "blade": 30, "student": 30, "test": 20, "what": 20}
    others = {"ferries": 60, "harbour": 40, "cargo": 20}
    recorded = {"tide talk": ("Tom Reyes", "Ada Brennan")}  # Tom Reyes is recorded more often
    for fits in ("Ada Brennan", "Tom Reyes"):
        voices = {"Ada Brennan": others, "Tom Reyes": others, fits: host_words, "Mara Quill": {"um": 60, "uh": 60}}
        hints = SpeakerHints(meta={"show": "Tide Talk"}, known_hosts=recorded, voices=voices)
        doc, st = _state(texts, speakers=labels, hints=hints)
        att = attribute(doc, st)  # type: ignore[arg-type]
        assert _who(att, st, "How do you test a blade") == fits
        assert _who(att, st, "we, um, use a flume") == "Mara Quill"


def test_a_listeners_hmm_reacts_while_um_holds_the_floor() -> None:
    from extract.speakers.features import CLASSES, OPENERS, unit_features

    hmm = unit_features(Unit(0, 4, "Hmm."))
    um = unit_features(Unit(0, 20, "Um, so we tried it."))
    assert OPENERS[hmm.opener] == "react" and hmm.counts[CLASSES.index("filler")] == 0
    assert OPENERS[um.opener] == "filler" and um.counts[CLASSES.index("filler")] == 1


def test_a_unit_that_only_finds_the_answer_interesting_is_a_reaction() -> None:
    from extract.speakers.features import OPENERS, unit_features

    def opener(text: str) -> str:
        return OPENERS[unit_features(Unit(0, len(text), text)).opener]

    assert opener("That's really interesting.") == opener("It is so cool!") == "react"
    # Said of something else and going on, it is the speaker's own statement.
    assert opener("That's interesting because the tide turns.") == "none"
    assert opener("That's good to hear.") == opener("Yes, that sounds lovely.") == "react"
    assert opener("That sounds like the bay in winter.") == "none"


def test_restating_the_other_speakers_point_is_the_hosts_cue() -> None:
    from extract.speakers import anchors as cues

    units = [
        Unit(0, 10, "So what I'm hearing is that the tides matter most."),
        Unit(11, 20, "The tides matter most, yes."),
    ]
    anchors = cues.anchors(units, [False, False], 2, "Tom Reyes", "Mara Quill")
    assert anchors[0, 0] > 0 and anchors[1, 0] == 0
    # Bringing up the other's words or work is the host's too; seeing them smile is not.
    refers = [
        Unit(0, 10, "On the tides, I think I heard you say the bay is the hard part."),
        Unit(11, 20, "You've written that blades fail at the root."),
        Unit(21, 30, "I saw you smiling at that."),
    ]
    anchors = cues.anchors(refers, [False] * 3, 2, "Tom Reyes", "Mara Quill")
    assert anchors[0, 0] > 0 and anchors[1, 0] > 0 and anchors[2, 0] == 0


def test_taking_the_floor_and_thanks_for_the_invitation_mark_a_turn_change() -> None:
    # An interviewer moves on, restates, or brings up what the other said before.
    for text in (
        "Okay, so let's talk about the blades.",
        "I want to switch to funding for a moment.",
        "You mentioned corrosion earlier.",
        "Final question.",
    ):
        assert _feats(text).floor, text
    # The same words later in a sentence, or an answer, take no floor.
    for text in ("We could talk about that later.", "Yeah, the tides matter most."):
        assert not _feats(text).floor, text

    answer = "We tested the blades in a flume tank for a month."
    move_on = _boundary(answer, "Let's move to the money side.")
    plain = _boundary(answer, "The tank was cold.")
    after_thanks = _boundary(thanks := "Thank you so much, Tom, for having me.", "The tank was cold.")
    assert _feats(thanks).thanks and after_thanks.after_thanks and not plain.after_thanks
    assert _feats("Yeah, psyched to be here.").thanks and _feats("Honored to be on the show.").thanks
    logits = change_logits([None, move_on, plain, after_thanks], 2, Settings())
    # Column 0: the host keeps the turn to go on; column 1: a guest's turn ends.
    assert logits[1, 1] > logits[2, 1] and logits[1, 0] < logits[2, 0]
    assert logits[3, 1] > logits[2, 1]
    # A hedged first person ("I think …") after the host starts an answer.
    hedged = _boundary(answer, "Yeah, I think the tank was colder.")
    assert hedged.hedged and not plain.hedged
    assert change_logits([hedged], 2, Settings())[0, 0] > change_logits([plain], 2, Settings())[0, 0]
    # "That's a good question" takes up the host's question: the host's turn ends there.
    praise = _boundary("How cold was it?", "Yeah, that's a good question.")
    flat = _boundary("How cold was it?", "We never checked the water.")
    both = change_logits([praise, flat], 2, Settings())
    assert praise.answer and not flat.answer and both[0, 0] > both[1, 0]


@pytest.mark.parametrize(
    ("cue", "told", "reply", "plain"),
    [
        # "Nine days." opens with no cue word: only its length tells it is a reply.
        ("short", "The turbine ran for nine days before the bearing failed.", "Nine days.", "The seals held up fine."),
        # "Well" prefaces a reply; without the cue it counts as an opener like "so".
        (
            "well",
            "The ferry timetable changes every spring.",
            "Well, the winter one barely changes at all.",
            "The winter one barely changes at all.",
        ),
    ],
)
def test_a_reply_cue_tends_to_end_the_turn(cue: str, told: str, reply: str, plain: str) -> None:
    cued, flat = _boundary(told, reply), _boundary(told, plain)
    assert getattr(cued, cue) and not getattr(flat, cue)
    logits = change_logits([cued, flat], 2, Settings())
    assert logits[0, 0] > logits[1, 0] and logits[0, 1] > logits[1, 1]
    without = change_logits([cued, flat], 2, Settings(**{cue: (0.0, 0.0)}))
    # What the cue adds is its own weight, after the host and after a guest.
    assert (logits - without)[0].tolist() == pytest.approx(list(getattr(Settings(), cue)))
    assert (logits - without)[1].tolist() == [0.0, 0.0]


def test_two_questions_in_a_row_are_seldom_two_speakers() -> None:
    """A host who asks and asks again keeps the turn: the second question is not an answer."""
    b = _boundary("Where did the first prototype fail?", "Was it the valves?")
    assert b.after_question and b.to_question
    change = 1.0 / (1.0 + np.exp(-change_logits([b], 2, Settings())[0]))
    assert change[0] < 0.1  # after the host's question, another is the host's
    assert change[1] > change[0]


def test_confidence_counts_the_unit_evidence_at_part_weight() -> None:
    """The path is the same; the confidence is less sure than the plain posterior."""
    from extract.speakers.attribute import make_units
    from extract.speakers.features import boundary_features, unit_features
    from extract.speakers.model import Settings, fit_decode

    _, st = _state(INTERVIEW)
    units = make_units(st)
    feats = [unit_features(u) for u in units]
    bounds = [None] + [boundary_features(feats[i - 1], feats[i], units[i]) for i in range(1, len(units))]
    anchors = np.zeros((len(units), 2))
    texts = [u.text for u in units]
    path_full, post_full = fit_decode(feats, bounds, anchors, 2, Settings(confidence_weight=1.0), texts)
    path_part, post_part = fit_decode(feats, bounds, anchors, 2, Settings(), texts)
    assert path_full.tolist() == path_part.tolist()
    idx = np.arange(len(units))
    full, part = post_full[idx, path_full], post_part[idx, path_part]
    assert part.mean() < full.mean()
    assert ((part > 0.5) == (full > 0.5)).mean() > 0.8  # mostly the same side of even


def test_speaking_for_the_show_to_its_audience_is_the_hosts_cue() -> None:
    """Show notes, the show's listeners and its past guests are the host's to mention."""

    from extract.speakers import anchors as cues

    units = [
        Unit(0, 10, "I'll put the paper in the show notes for anyone curious."),
        Unit(11, 20, "Our listeners will want to try that."),
        Unit(21, 30, "Your listeners probably know the tides better than I do."),
        Unit(31, 40, "The tides matter most."),
        Unit(41, 50, "A previous guest said the same about kelp farms."),
        Unit(51, 60, "We had a marine biologist on the show last spring."),
    ]
    anchors = cues.anchors(units, [False] * 6, 2, "Tom Reyes", "Mara Quill")
    assert anchors[0, 0] > 0 and anchors[1, 0] > 0 and anchors[4, 0] > 0 and anchors[5, 0] > 0
    assert anchors[2, 0] == 0 and anchors[3, 0] == 0


def test_a_sentence_broken_across_units_stays_with_its_speaker() -> None:
    from extract.speakers.features import boundary_features, unit_features
    from extract.speakers.model import Settings, change_logits

    open_end = unit_features(Unit(0, 30, "I don't know exactly how close"))
    closed = unit_features(Unit(0, 30, "We measured it."))
    nxt = Unit(31, 60, "the blades come to the rocks.")
    going_on = boundary_features(open_end, unit_features(nxt), nxt)
    lower_after_stop = boundary_features(closed, unit_features(nxt), nxt)
    capital = Unit(31, 60, "The blades come close.")
    fresh = boundary_features(open_end, unit_features(capital), capital)
    assert going_on.continues and lower_after_stop.continues and not fresh.continues
    logits = change_logits([going_on, fresh], 2, Settings())
    assert (logits[0] < logits[1]).all()


def test_adding_to_ones_own_list_continues_the_turn() -> None:
    from extract.speakers.features import OPENERS, boundary_features, unit_features
    from extract.speakers.model import Settings, change_logits

    prev = unit_features(Unit(0, 24, "So that is the first fix."))
    also = Unit(25, 60, "Also, the pump needs a new seal.")
    plain = Unit(25, 60, "The pump needs a new seal.")
    assert OPENERS[unit_features(also).opener] == "conj"
    logits = change_logits(
        [boundary_features(prev, unit_features(u), u) for u in (also, plain)], 2, Settings()
    )
    assert (logits[0] < logits[1]).all()


def _opening_cues(opening: list[str], talk_units: int = 30) -> tuple[list[int], np.ndarray]:
    """The host's introduction and the anchors of an opening followed by ``talk_units``
    units of talk, with Mara Quill as the guest."""
    from extract.speakers import anchors as cues

    talk = ["The blades broke in the first winter."] * talk_units
    units = [Unit(i, i + 1, t) for i, t in enumerate(opening + talk)]
    ads = [False] * len(units)
    return cues.introduction(units, ads), cues.anchors(units, ads, 2, "", "Mara Quill")


def test_the_stretch_between_two_opening_host_cues_is_the_hosts_introduction() -> None:
    opening = [
        "My guest today is Mara Quill, who builds tidal turbines.",
        "Few people know more about blades than she does.",
        "I have wanted to talk to her for years.",
        "This is the Harbour Engineering podcast.",
        "Mara, what got you into turbines?",
        "I grew up near the sea.",
        "Today we also speak with Tom Reyes.",
        "Thanks for having me.",
        "We are glad you came.",
        "This is the Harbour Engineering podcast.",
    ]
    inside, anchors = _opening_cues(opening)
    # Units 1-2 lie between two host cues; the gap after the question (4-5) and the one
    # holding the guest's thanks (7-8) are not the host's alone.
    assert inside == [1, 2]
    assert anchors[1, 0] > 0 and anchors[2, 0] > 0 and anchors[5, 0] == 0 and anchors[8, 0] == 0


def test_introducing_the_guest_by_name_in_the_opening_is_the_hosts() -> None:
    opening = [
        "So, in the studio for the last show of the season.",
        "We are thrilled to have Mara Quill, who builds tidal turbines.",
        "She sold her first company at nineteen.",
        "Her turbines now run in four harbours.",
        "So thanks to everyone joining us live.",
    ]
    inside, anchors = _opening_cues(opening)
    # The unit that introduces the guest and the one speaking to those joining are the
    # host's, and so is the description between them (the host's introduction).
    assert inside == [2, 3]
    assert all(anchors[i, 0] > 0 for i in (1, 2, 3, 4))
    assert anchors[0, 0] == 0 and anchors[5, 0] == 0


def test_thanking_the_guest_for_coming_is_the_hosts_in_the_closing_too() -> None:
    from extract.speakers import anchors as cues

    talk = [Unit(i, i + 1, "The blades broke in the first winter.") for i in range(40)]
    closing = [
        Unit(40, 41, "Mara, thank you so much for being here."),
        Unit(41, 42, "Thanks for having me, Tom."),
        Unit(42, 43, "Thank you for the tour of the bay."),
    ]
    anchors = cues.anchors(talk + closing, [False] * 43, 2, "Tom Reyes", "Mara Quill")
    # Thanks for coming plus addressing the guest by name: two strong cues for the host.
    assert anchors[40, 0] == 2 * cues.ANCHOR
    assert anchors[41, 0] < 0 and anchors[42, 0] == 0


def test_bringing_up_what_the_other_just_said_takes_the_floor() -> None:
    from extract.speakers.features import unit_features

    assert unit_features(Unit(0, 30, "So you just mentioned the tides.")).floor
    assert unit_features(Unit(0, 30, "You mentioned the tides.")).floor
    assert not unit_features(Unit(0, 30, "So we just mentioned the tides.")).floor


def test_a_speaker_count_sets_how_many_voices_are_decoded() -> None:
    doc, st = _state(INTERVIEW, hints=SpeakerHints(count=1))
    alone = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.role for s in alone.speakers] == ["host"] and {s.speaker for s in alone.spans} == {0}
    doc, st = _state(INTERVIEW, hints=SpeakerHints(names=("Tom Reyes",), count=3))
    panel = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in panel.speakers] == ["Tom Reyes", "Mara Quill", "Speaker 3"]
    assert [s.role for s in panel.speakers] == ["host", "guest", "speaker"]
    assert {s.speaker for s in panel.spans} <= {0, 1, 2}
    assert _who(panel, st, "What got you into turbines?") == "Tom Reyes"


def test_a_third_voice_asked_for_by_count_alone_does_not_split_the_guest_by_topic() -> None:
    blades = [
        "Yeah, so the blades, um, the blades are carbon and the hub is steel.",
        "We cast the hub ourselves, uh, and the blades come from a yard up the coast.",
        "The carbon blades flex, um, and the steel hub takes the load.",
        "Honestly the blades, uh, the blades wear out before the hub ever does.",
    ]
    kelp = [
        "I mean, the kelp, um, the kelp grows back every spring on the moorings.",
        "Divers scrape the kelp, uh, off the moorings twice a season.",
        "The kelp is heavy, um, and a mooring full of kelp drags the whole frame.",
        "So the kelp, uh, the kelp is honestly our biggest cost now.",
    ]
    texts = ["Welcome to the show. Today I'm speaking with Mara Quill, who builds tidal turbines."]
    texts.append("Thanks for having me.")
    for i in range(6):
        texts += ["What are the blades and the hub made of?" if i % 2 else "And how long do the blades last?"]
        texts += blades
    for i in range(6):
        texts += ["What about the kelp on the moorings?" if i % 2 else "And who cleans the moorings?"]
        texts += kelp
    texts += [
        "Quick note from the booth: we are running late, so two more questions.",
        "Thanks, Bo. Mara, what comes next for you?",
        "More turbines, um, and less kelp, I hope.",
    ]
    doc, st = _state(texts, hints=SpeakerHints(names=("Tom Reyes",), count=3))
    att = attribute(doc, st)  # type: ignore[arg-type]
    # Nothing names the third voice: it is decoded beside the host, and the guest who talks
    # most stays one speaker through both topics instead of being split between two guests.
    assert [(s.name, s.role) for s in att.speakers][2] == ("Speaker 3", "speaker")
    assert _who(att, st, "We cast the hub") == _who(att, st, "Divers scrape the kelp") == "Mara Quill"


def test_among_several_diarised_voices_the_one_who_thanks_for_the_invitation_is_the_guest() -> None:
    texts = [
        "Welcome to the show. My guest today is Mara Quill.",
        "Thanks for having me.",
        "I am only here to hold the microphone.",
        "Mara, what got you into turbines?",
        "I grew up near the sea.",
        "How did the first one go?",
        "It broke after a week.",
    ]
    labels: list[str | None] = ["SPEAKER_00", "SPEAKER_01", "SPEAKER_02", *["SPEAKER_00", "SPEAKER_01"] * 2]
    doc, st = _state(texts, speakers=labels)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["SPEAKER_00", "Mara Quill", "SPEAKER_02"]
    assert _who(att, st, "hold the microphone") == "SPEAKER_02"


def test_a_diarised_voice_heard_only_briefly_does_not_keep_the_guest_unnamed() -> None:
    # Three stand-in labels, no thanks for the invitation: the third says one line.
    answers = ["I grew up near the sea.", "We built one at school.", "It broke after a week."] * 4
    texts = ["Welcome to the show. My guest today is Mara Quill.", "Sorry, the door was open."]
    labels: list[str | None] = ["SPEAKER_00", "SPEAKER_02"]
    for k in range(0, len(answers), 3):
        texts += ["What happened next?", *answers[k : k + 3]]
        labels += ["SPEAKER_00", "SPEAKER_01", "SPEAKER_01", "SPEAKER_01"]
    doc, st = _state(texts, speakers=labels)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert _who(att, st, "We built one at school") == "Mara Quill"
    assert _who(att, st, "the door was open") == "SPEAKER_02"


def test_the_last_diarised_voice_unnamed_is_the_last_person_introduced() -> None:
    # Two guests introduced together; one answers to her name, the other never is addressed.
    texts = [
        "Welcome to the show. Today I'm talking with Mara Quill and Ossian Brand, who build turbines.",
        "Glad to be here.",
        "Happy to be here too.",
        "Mara, how did you two meet?",
        "At school, over a broken kite.",
        "And what did you build first?",
        "A small turbine for the shed roof.",
        "Mara, did it work?",
        "It worked for a week.",
        "What broke?",
        "The bearings, every time.",
    ]
    labels: list[str | None] = ["SPEAKER_00", "SPEAKER_01", "SPEAKER_02", "SPEAKER_00", "SPEAKER_01"]
    labels += ["SPEAKER_00", "SPEAKER_02", "SPEAKER_00", "SPEAKER_01", "SPEAKER_00", "SPEAKER_02"]
    doc, st = _state(texts, speakers=labels)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["SPEAKER_00", "Mara Quill", "Ossian Brand"]
    assert _who(att, st, "The bearings") == "Ossian Brand"


def test_two_diarised_guests_introduced_together_are_told_apart_by_whose_name_each_says() -> None:
    # Nobody addresses a guest before their turn; each guest says the other's name.
    texts = [
        "Welcome. I'm your host, Tom Reyes, and today I'm talking with Mara Quill and Ossian Brand.",
        "Glad to be here.",
        "Happy to be here too.",
        "How did you two meet?",
        "At school. Ossian fixed my kite.",
        "And Ossian, as usual, took the credit.",
        "That is what Mara says, anyway.",
        "What did you build first?",
        "A turbine. Ossian did the wiring.",
        "Mara did the blades, and they held.",
    ]
    labels: list[str | None] = ["SPEAKER_00", "SPEAKER_01", "SPEAKER_02", "SPEAKER_00", "SPEAKER_01"]
    labels += ["SPEAKER_01", "SPEAKER_02", "SPEAKER_00", "SPEAKER_01", "SPEAKER_02"]
    doc, st = _state(texts, speakers=labels)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tom Reyes", "Mara Quill", "Ossian Brand"]
    assert _who(att, st, "Ossian did the wiring") == "Mara Quill"


def test_a_diarised_voice_that_gives_its_own_full_name_takes_it() -> None:
    # A third voice introduces itself; nobody introduces or addresses it.
    texts = [
        "Welcome to the show, I'm your host, Tom Reyes. My guest today is Mara Quill.",
        "Thanks for having me.",
        "Hello, my name is Ossian Brand, and I keep the turbines running.",
        "Mara, what got you into turbines?",
        "I grew up near the sea.",
        "How did the first one go?",
        "It broke after a week.",
        "What did you change?",
        "We changed the bearings, twice.",
    ]
    labels: list[str | None] = ["SPEAKER_00", "SPEAKER_01", "SPEAKER_02", *["SPEAKER_00", "SPEAKER_01"] * 3]
    doc, st = _state(texts, speakers=labels)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [(s.name, s.role) for s in att.speakers][1:] == [("Mara Quill", "guest"), ("Ossian Brand", "guest")]
    assert _who(att, st, "keep the turbines running") == "Ossian Brand"


def test_captions_in_lower_case_still_change_speakers() -> None:
    lower = [t.lower() for t in INTERVIEW]
    doc, st = _state(lower, hints=SpeakerHints(names=("Tom Reyes", "Mara Quill")))
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert _who(att, st, "how do you test a blade") == "Tom Reyes"
    assert _who(att, st, "we use a flume tank") == "Mara Quill"
    assert _who(att, st, "what would you tell a student") == "Tom Reyes"
    assert _who(att, st, "learn the fluid dynamics") == "Mara Quill"


def test_captions_without_capitals_or_punctuation_still_name_the_speakers(model: spacy.language.Language) -> None:
    texts = [
        "welcome to the show i'm tomas okonkwo and today i'm speaking with mara quillfeather who builds tidal turbines",
        "thanks for having me yeah um so i grew up near the sea and uh i always watched the tides",
        "interesting how do you test a blade before it goes in the water",
        "yeah so we um we use a flume tank first and uh i run the simulations myself",
    ]
    doc, st = _state(texts, nlp=model)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [(s.name, s.role) for s in att.speakers] == [("Tomas Okonkwo", "host"), ("Mara Quillfeather", "guest")]
    assert _who(att, st, "we use a flume tank") == "Mara Quillfeather"


_CAPTION_TAIL = [
    "how do you test a blade before it goes in the water",
    "yeah so we um we use a flume tank first and uh i run the simulations myself",
]


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        # One caption unit runs from the host's introduction into the guest's thanks, and
        # the tagger may read a surname unknown to English as an adjective.
        (
            [
                "welcome to tide talk i am your host tomas okonkwo and today i'd like to introduce mara"
                " quillfeathery who builds tidal turbines thanks for having me so glad to be here"
            ],
            [("Tomas Okonkwo", "host"), ("Mara Quillfeathery", "guest")],
        ),
        (
            ["okay mara welcome to the show it is great to finally talk", "thanks for having me tomas i listen"],
            [("Tomas", "host"), ("Mara", "guest")],
        ),
        (
            [
                "hi everyone today we are joined by mara who builds tidal turbines",
                "thank you for having me evolutionary methods are what i studied first",
            ],
            [("Host", "host"), ("Mara", "guest")],
        ),
        (
            [
                "all right we are recording can you state your name and what you do",
                "sure my name is kate gregory and i build tidal turbines for a living",
            ],
            [("Host", "host"), ("Kate Gregory", "guest")],
        ),
        (
            ["mara welcome to the show hey tomas great to be here so mara tell us about turbines"],
            [("Tomas", "host"), ("Mara", "guest")],
        ),
        # A first name the tagger misreads, before a surname unknown to English.
        (
            ["hello im rebecca murphello and i am here today with emily nakashimo", "hi doing great"],
            [("Rebecca Murphello", "host"), ("Emily Nakashimo", "guest")],
        ),
        # A co-host introducing themself, a guest "for this episode", and the guest's company
        # before the welcome, which welcomes the guest, not the company.
        (
            [
                "welcome to tide talk i am your co-host tomas okonkwo and my guest for this episode is"
                " mara quillfeathery who is the founder of tidewerk welcome to the show",
                "thanks for having me i am glad to be here",
            ],
            [("Tomas Okonkwo", "host"), ("Mara Quillfeathery", "guest")],
        ),
        # A first name before the role ("i am tomas your host"), a guest introduced without a
        # comma, and a welcome and thanks by first name.
        (
            [
                "hello i am tomas your host and i would like to introduce our guest today mara"
                " quillfeathery welcome mara thank you tomas great to be here",
            ],
            [("Tomas", "host"), ("Mara Quillfeathery", "guest")],
        ),
    ],
)
def test_captions_name_speakers_from_roles_first_names_and_self_introductions(
    model: spacy.language.Language, opening: list[str], expected: list[tuple[str, str]]
) -> None:
    doc, st = _state(opening + _CAPTION_TAIL, nlp=model)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [(s.name, s.role) for s in att.speakers] == expected


def test_caseless_words_that_are_not_names_name_nobody(model: spacy.language.Language) -> None:
    texts = [
        "welcome to the show i'm super excited today to talk about tidal turbines",
        "thanks for having me yeah um so i grew up near the sea and uh i always watched the tides",
        "everyone welcome to the show we have a tidal turbine expert with us",
        "thanks for having me folks",
    ]
    doc, st = _state(texts, nlp=model)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Host", "Guest"]


def test_role_labels_get_names_like_diarisation_labels() -> None:
    texts = [
        "Welcome to the show. Today I'm speaking with Mara Quill, who builds tidal turbines.",
        "Thanks for having me.",
        "Mara, what got you into turbines?",
        "I grew up near the sea.",
        "How did the first one go?",
        "It broke after a week.",
        "What did you learn?",
        "Mostly about corrosion.",
    ]
    labels: list[str | None] = ["Interviewer", "Guest"] * 4
    doc, st = _state(texts, speakers=labels, hints=SpeakerHints(names=("Tom Reyes",)))
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [(s.name, s.role) for s in att.speakers] == [("Tom Reyes", "host"), ("Mara Quill", "guest")]
    assert _who(att, st, "Thanks for having me.") == "Mara Quill"


def test_a_captioners_new_speaker_marker_changes_the_speaker() -> None:
    from dataclasses import replace

    texts = [
        "Welcome to the show. Today I'm speaking with Mara Quill.",
        "We built the first turbine in a shed.",
        "It broke after a week.",
        "Then we built another one.",
    ]
    doc, st = _state(texts, hints=SpeakerHints(names=("Tom Reyes", "Mara Quill")))
    plain = attribute(doc, st)  # type: ignore[arg-type]
    assert _who(plain, st, "It broke") == _who(plain, st, "We built the first")
    marked = replace(st.transcript, lines=tuple(replace(x, turn_start=i == 2) for i, x in enumerate(st.transcript.lines)))
    st.transcript = marked
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert _who(att, st, "It broke") != _who(att, st, "We built the first")


def test_a_short_transcript_is_all_opening_for_introductions() -> None:
    from extract.speakers.anchors import opening

    texts = ["Welcome to the show. Today my guest is Mara Quill.", "Thanks for having me.", "Mara, why turbines?"]
    doc, st = _state(texts, speakers=["SPEAKER_00", "SPEAKER_01", "SPEAKER_00"])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["SPEAKER_00", "Mara Quill"]
    assert opening(8) == 8 and opening(400) == 100


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My guest today is Dr. Mara Quill, who builds turbines.", ("", "Mara Quill")),
        ("Today I'm joined by Professor Tom Reyes.", ("", "Tom Reyes")),
        ("I'm your host, Ann Lee, and with me is Bo Chan.", ("Ann Lee", "Bo Chan")),
        ("Our guest this week is Maria de la Cruz.", ("", "Maria de la Cruz")),
        ("Joining me today is Ravi Menon, who checks sources.", ("", "Ravi Menon")),
        ("In this episode I talked with Ravi Menon about tides.", ("", "Ravi Menon")),
        ("Here I sat down with Mara Quill at the harbour.", ("", "Mara Quill")),
        ("Tom Reyes is with us, who measures waves.", ("", "Tom Reyes")),
        ("This week Bo Chan joins me from Lisbon.", ("", "Bo Chan")),
        ("I'm here at Tide Fest, in Porto, with Mara Quill, thanks for coming.", ("", "Mara Quill")),
        ("So, hello, Ravi Menon.", ("", "Ravi Menon")),
        ("Bo, welcome to the show.", ("", "Bo")),
        ("This is my conversation with Luz Ortega.", ("", "Luz Ortega")),
        ("I understand from my conversation with Bo that you sail.", ("", "")),
        ("I know I talked to Ravi earlier about this.", ("", "")),
        ("Friends, welcome to the show.", ("", "")),
        ("He builds boats. Welcome, Ravi.", ("", "Ravi")),
        ("Today we've got Luz Ortega with us, who restores orchards.", ("", "Luz Ortega")),
        ("Today, we've got with us Bo Chan, who fixes sails.", ("", "Bo Chan")),
        ("Welcome to another episode of Tide Talk.", ("", "")),
        ("Today I'm joined by the ever amazing Luz Ortega.", ("", "Luz Ortega")),
        ("I'm talking, of course, about the wonderful Bo Chan.", ("", "Bo Chan")),
        ("On this week's show we sit down with Ravi Menon, who maps reefs.", ("", "Ravi Menon")),
        ("Here is my interview with Ravi Menon.", ("", "Ravi Menon")),
        ("I'm joined by the Tide Works crew.", ("", "")),
        ("I'm talking of course about Luz Ortega.", ("", "Luz Ortega")),
        ("That was Bo Chan. Welcome to Tide Talk, I'm Ravi Menon.", ("Ravi Menon", "Bo Chan")),
        ("That was Bo Chan's idea.", ("", "")),
        ("This is Ravi Menon welcome to Tide Talk.", ("Ravi Menon", "")),
        ("Hi all, this is Tide Talk and I'm your host, Ravi Menon.", ("Ravi Menon", "")),
        ("Today oceanographer Luz Ortega joins the show.", ("", "Luz Ortega")),
        ("The decision to speak to Acme pool was theirs.", ("", "")),
        ("I'm excited to talk to Luz Ortega today.", ("", "Luz Ortega")),
        ("My guest today is none other than Luz Ortega.", ("", "Luz Ortega")),
        ("Please enjoy this transcript of my interview with Mara Quill (@mquill).", ("", "Mara Quill")),
        ("I reread the transcript of my interview with Bo Chan.", ("", "")),
    ],
)
def test_introductions_with_titles_particles_and_other_phrasings(text: str, expected: tuple[str, str]) -> None:
    assert intro_names([text]) == expected


def test_episode_titles_name_the_guest_but_not_a_topic() -> None:
    assert title_guest("#12 – Dr. Mara Quill (Tidewater Labs) - Why blades crack") == "Mara Quill"
    assert title_guest("Ep. 4: Tom Reyes: building in salt water") == "Tom Reyes"
    assert title_guest("Machine Learning (Part 2)") == ""
    assert title_guest("Deep Learning: where next?") == ""


def test_a_title_naming_a_guest_on_a_topic_needs_the_name_said_as_a_proper_noun() -> None:
    body = "So, hello, Mara Quill. Thanks, Quill is my name at sea too."
    assert title_guest("38.1 - Mara Quill on Tidal Blades", body) == "Mara Quill"
    assert title_guest("Tidal Blades on Trial", "Blades break, and these blades bend.") == ""
    assert title_guest("Mara Quill on Tidal Blades") == ""  # not said in the transcript
    assert meta_names(SpeakerHints(meta={"title": "Mara Quill on Blades"}), "Hi, Mara Quill.") == ("", "Mara Quill")


def test_a_title_that_is_only_a_name_names_the_guest_the_body_calls_by_first_name() -> None:
    body = "Welcome to the show. Today I talk to Tom Rayes. So, Tom, how did it start?"
    assert title_guest("Episode 9 - Tom Reyes", body) == "Tom Reyes"
    assert title_guest("Tom Reyes", body) == "Tom Reyes"
    assert title_guest("Tom Reyes", "Nobody is named here.") == ""
    # A two-word topic is said whole, never by its first word alone.
    assert title_guest("Salt Marshes", "Salt Marshes are wet, and Salt Marshes flood.") == ""
    # … or by its last word alone: "Tidal Engines" whose engines come up on their own.
    assert title_guest("Tidal Engines", "Tidal, for one, makes engines spin.") == ""


def test_a_title_names_a_guest_after_a_hyphen_or_talking_to_when_the_name_looks_personal() -> None:
    body = "Welcome back. My guest is Tom Rayes. So, Tom, tell me about the harbour."
    assert title_guest("Tom Reyes - Harbours, Tides and Nets", body) == "Tom Reyes"
    # Two topic words before a hyphen are no person, even when the body says them.
    assert title_guest("Code Review - Harbours", "Code Review matters. Code is read.") == ""
    assert title_guest("Harbour Nets: Talking to Tom Reyes about Tides", body) == "Tom Reyes"
    assert title_guest("Speaking to Tom Reyes", body) == "Tom Reyes"
    assert title_guest("Talking to Tom Reyes about Tides", "Nobody here.") == ""


def test_the_interviewer_a_title_names_is_the_host() -> None:
    # An oral history's title names both; the transcript never says the interviewer's name.
    title = "MARA QUILL: An Interview Conducted by Tom Reyes, Tide History Center, 3 May 2011."
    texts = [INTERVIEW[0].replace("Today I'm speaking with Mara Quill", "Today I'm speaking with Mara"), *INTERVIEW[1:]]
    doc, st = _state(texts, hints=SpeakerHints(meta={"title": title}))
    assert [s.name for s in attribute(doc, st).speakers] == ["Tom Reyes", "Mara Quill"]  # type: ignore[arg-type]
    # A title-cased "With" names the guest as "with" does.
    doc, st = _state(texts, hints=SpeakerHints(meta={"title": "Tidal Turbines With Mara Quill"}))
    assert [s.name for s in attribute(doc, st).speakers] == ["Host", "Mara Quill"]  # type: ignore[arg-type]


def test_a_title_name_said_in_captions_without_capitals_counts_as_said() -> None:
    assert title_guest("Tidal power – Mara Quill", "so mara how did it start") == "Mara Quill"
    assert title_guest("Tidal power – Mara Quill", "So, mara, how did it start?") == ""  # cased, never as a name
    # A caption's opening with its names restored is still a caption: the rest has no case.
    restored = ". I'm Jo Park. today i talk to Tom Reyes. so tom how did it start " + "we built it " * 100
    assert title_guest("Episode 9 - Tom Reyes", restored) == "Tom Reyes"
    assert title_guest("Tidal power – Mara Quill", restored.replace("tom", "mara")) == "Mara Quill"


def test_a_show_handle_in_a_sponsor_address_names_nobody() -> None:
    from extract.speakers.sponsor_names import vanity_host

    assert vanity_host(["Back us at patreon.com/tidepodcast.", "That's patreon.com/tidepodcast."]) == ""
    assert vanity_host(["Use code ORLAPOD today.", "Use code ORLAPOD again."]) == "Orla"


def test_a_name_next_to_the_guests_thanks_outweighs_a_thing_addressed_twice() -> None:
    texts = [
        *INTERVIEW[:4],
        "Yeah, um, the first rigs were tiny. Zephyr, the old one, was my first prototype.",
        *INTERVIEW[4:8],
        "Yeah, so, um, we still test on it. Zephyr, I think, will outlive us all.",
        *INTERVIEW[8:],
        "Okay, well, this was great. Thanks so much for making the time.",
        "Absolutely, Tom. Thanks so much for having me.",
    ]
    doc, st = _state(texts)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tom", "Mara Quill"]


def test_the_one_person_the_guest_addresses_in_the_opening_is_the_host() -> None:
    # No "thanks for having me": the guest answers the introduction by the host's name.
    texts = [
        INTERVIEW[0],
        "She started out in a garage and now runs tests in three bays.",
        "Thank you so much, Tom. That was a kind introduction.",
        "Yeah, um, it has been, uh, a long road from that garage.",
        *INTERVIEW[3:],
    ]
    doc, st = _state(texts)
    assert [s.name for s in attribute(doc, st).speakers] == ["Tom", "Mara Quill"]  # type: ignore[arg-type]
    # A guest who addresses two people names neither the host.
    texts[3] = "Yeah, um, Bo, it has been, uh, a long road from that garage, as Bo knows."
    doc, st = _state(texts)
    assert attribute(doc, st).speakers[0].name == "Host"  # type: ignore[arg-type]
    # Nor does a word of the show's name the guest thanks ("…, Zorbix." on Zorbix Talk).
    greeted = [*texts[:2], "Thank you so much, Zorbix. That was a kind introduction.", *texts[4:]]
    doc, st = _state(greeted, hints=SpeakerHints(meta={"show": "Zorbix Talk"}))
    assert attribute(doc, st).speakers[0].name == "Host"  # type: ignore[arg-type]
    doc, st = _state(greeted)
    assert attribute(doc, st).speakers[0].name == "Zorbix"  # type: ignore[arg-type]
    # Nor does a word set off by a comma in a unit that neither thanks nor greets: a
    # product or a term ("Tidewell, as we call the rig, …"), not a person addressed.
    texts[2:4] = ["That was a kind introduction.", "Tidewell, as we call the rig, came from that garage."]
    doc, st = _state(texts)
    assert attribute(doc, st).speakers[0].name == "Host"  # type: ignore[arg-type]


def test_the_speakers_the_metadata_lists_complete_the_names_found() -> None:
    # The transcript names the guest by first name only ("Mara, thanks for coming on")
    # and never the host; the front matter lists both without saying who is who.
    texts = [INTERVIEW[0].replace("Mara Quill", "Mara"), *INTERVIEW[1:]]
    hints = SpeakerHints(meta={"speakers": "Mara Quill, Tom Reyes"})
    doc, st = _state(texts, hints=hints)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tom Reyes", "Mara Quill"]
    doc, st = _state(texts)
    assert [s.name for s in attribute(doc, st).speakers] == ["Host", "Mara"]  # type: ignore[arg-type]


def test_a_guest_sharing_the_hosts_first_name_keeps_their_name() -> None:
    from extract.speakers.name_forms import same_person

    assert not same_person("Mara Lind", "Mara Quill") and same_person("Mara Quil", "Mara Quill")
    assert same_person("Nick Harris", "Nicholas Harris") and same_person("Mara", "Mara Quill")
    texts = [INTERVIEW[0].replace("Mara Quill", "Mara Lind"), *INTERVIEW[1:]]
    doc, st = _state(texts, hints=SpeakerHints(names=("Mara Quill",)))
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Mara Quill", "Mara Lind"]


def test_a_regular_joining_as_always_is_a_co_host_not_the_guest() -> None:
    opening = ["This is Ada Finch, joined as always by Rob Lister.", "Welcome, Luz Ortega."]
    assert intro_names(opening) == ("Ada Finch", "Luz Ortega")


def test_the_guests_thanks_by_name_names_the_host() -> None:
    texts = [INTERVIEW[0], INTERVIEW[1], INTERVIEW[2].replace("having me.", "having me, Tom."), *INTERVIEW[3:]]
    doc, st = _state(texts)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tom", "Mara Quill"]


def test_thanks_run_on_without_a_comma_still_names_the_host() -> None:
    texts = [INTERVIEW[0], INTERVIEW[1], INTERVIEW[2].replace("having me.", "having me, Tom it is fun."), *INTERVIEW[3:]]
    doc, st = _state(texts)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tom", "Mara Quill"]
    assert vocatives("Thanks for having me, It is fun.") == []


def test_the_introduced_guests_own_introduction_does_not_name_the_host() -> None:
    opening = ["Today I'm joined by Luz Ortega.", "Luz, would you introduce yourself?", "I'm Luz Ortega, a potter."]
    assert intro_names(opening) == ("", "Luz Ortega")
    assert intro_names(["I'm Ada Finch.", "Today I'm joined by Luz Ortega."]) == ("Ada Finch", "Luz Ortega")


def test_typographic_apostrophes_read_like_plain_ones() -> None:
    texts = ["Hi, I’m Tom Reyes.", *INTERVIEW]
    doc, st = _state(texts)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tom Reyes", "Mara Quill"]
    # The spans keep the transcript's own characters.
    assert st.timed.text[att.spans[0].char_start : att.spans[0].char_end] == "Hi, I’m Tom Reyes."


def test_a_name_ending_in_ly_is_a_vocative_and_a_greeting_addresses() -> None:
    assert vocatives("What do you think, Emily?") == ["Emily"] and vocatives("Usually, it holds.") == []
    assert vocatives("Hi Emily.") == ["Emily"]


def test_a_host_monologue_of_fifteen_units_between_two_cues_is_the_introduction() -> None:
    monologue = [f"Season {k} had storms in every harbour we visited." for k in range(15)]
    opening = ["Welcome to Tide Talk.", *monologue, "My guest today is Mara Quill."]
    inside, anchors = _opening_cues(opening, talk_units=60)  # an opening of 19 units
    assert inside == list(range(1, 16))
    assert all(anchors[i, 0] > 0 for i in inside)


def test_a_welcome_by_a_name_with_particles_to_a_named_show_is_the_hosts() -> None:
    from extract.speakers.anchors import HOST_CUE

    assert vocatives("Rosa de la Vega, welcome to the Tide Talk podcast.") == ["Rosa de la Vega"]
    # Four capitalised words before a comma are no name to address.
    assert vocatives("After World War II, the tides changed.") == []
    assert HOST_CUE.search("Rosa, welcome to the Tide Talk podcast.")
    assert not HOST_CUE.search("Rosa, welcome to the end of the tide tables.")
    # Opening a unit, a welcome to the show is the host's, whatever the show's name.
    assert HOST_CUE.search("Hello everyone, and welcome to Tide Talk, where we discuss tides.")
    assert not HOST_CUE.search("You are welcome to try it.")
    assert HOST_CUE.search("I am Rosa, your host.")
    assert HOST_CUE.search("And Rosa, our other guest today, builds boats.")
    # Someone welcomed by name to a named show; "glad you join us"; a bare "Welcome!".
    assert HOST_CUE.search("Mara, welcome to Tide Talk. It's been a while.")
    assert HOST_CUE.search("Well, Bo Chen, welcome back to Tide Talk.")
    assert HOST_CUE.search("And I'm so glad that you join us today.")
    assert HOST_CUE.search("Welcome!") and not HOST_CUE.search("You're welcome!")
    assert HOST_CUE.search("Bo, I've been looking forward to talking with you for a while.")


def test_a_bare_thanks_answering_the_hosts_welcome_is_not_the_hosts() -> None:
    from extract.speakers import anchors as cues

    units = [
        Unit(0, 10, "We're glad you join us today, Mara."),
        Unit(11, 20, "Thanks, Tom."),
        Unit(21, 30, "Thanks, Tom."),
    ]
    role, _ = cues.anchor_parts(units, [False] * 3, "", "")
    # Only right after a welcome: later, either speaker may thank the other.
    assert role[1] < 0 and role[2] == 0


def test_the_metadatas_speaker_list_vets_title_names_and_vocatives() -> None:
    from extract.speakers.addressing import best_vocative

    # A title that names a show ("Tide Talk Decoded: …") is no guest when the list says who speaks.
    hints = SpeakerHints(meta={"title": "Tide Talk Decoded: Blades", "speakers": "Mara Quill, Tom Reyes"})
    assert meta_names(hints, "Tide Talk Decoded is back.") == ("", "")
    # A listed name addressed once outweighs an unlisted one addressed twice.
    assert best_vocative(["Mar", "Mar", "Mara"], known=["Mara Quill", "Tom Reyes"]) == "Mara"


def test_a_guest_of_an_organization_who_joins_and_past_mentions() -> None:
    opening = ["Mara Quill of Tidal Works joins me today.", "I remember talking to Ben about it."]
    assert intro_names(opening) == ("", "Mara Quill")


def test_an_organization_after_an_introduction_phrase_is_no_guest() -> None:
    opening = ["Last week I was talking to Google about tides.", "My guest today is Mara Quill."]
    assert intro_names(opening) == ("", "Mara Quill")


def _question_bounds(feats: list[UnitFeatures]) -> list[BoundaryFeatures | None]:
    """Boundaries that show only whether a question comes before or after them."""
    return [None] + [
        BoundaryFeatures(a.end == 1, 0, False, False, False, to_question=b.end == 1)
        for a, b in zip(feats, feats[1:], strict=False)
    ]


def _swapping_cohosts() -> tuple[list[object], list[object], list[str], list[int]]:
    """Two co-hosts: A asks and B explains for ten exchanges, then they swap roles.

    Only their habits of speech ("basically", "folks" vs "honestly", "stuff") tell who is who.
    """
    from extract.speakers.features import UnitFeatures

    ask = UnitFeatures(1, 0, 1, (0, 2, 0, 0, 0, 1, 1, 4), 8)
    explain = UnitFeatures(0, 0, 2, (0, 0, 2, 1, 1, 0, 0, 16), 20)
    habit = {0: "basically the folks here", 1: "honestly all that stuff"}
    feats: list[UnitFeatures] = []
    texts: list[str] = []
    truth: list[int] = []
    for k in range(20):
        asker = 0 if k < 10 else 1
        for i in range(4):
            who = asker if i == 0 else 1 - asker
            feats.append(ask if i == 0 else explain)
            texts.append(f"{habit[who]} part {k} step {i}")
            truth.append(who)
    return feats, _question_bounds(feats), texts, truth  # type: ignore[return-value]


def test_co_hosts_keep_their_identity_when_they_swap_roles() -> None:
    from extract.speakers.cohosts import fit_decode_cohosts
    from extract.speakers.model import fit_decode

    feats, bounds, texts, truth = _swapping_cohosts()
    who = np.zeros(len(feats))
    who[0] = 4.0  # the first speaker opens the show
    path, post = fit_decode_cohosts(feats, bounds, np.zeros(len(feats)), who, texts=texts)  # type: ignore[arg-type]
    assert np.mean(path == np.array(truth)) >= 0.95
    assert post.shape == (len(feats), 2) and np.allclose(post.sum(axis=1), 1.0)
    # The role model gives the explaining to one state all along, so it loses A after the swap.
    roles, _ = fit_decode(feats, bounds, np.stack([who, np.zeros(len(feats))], axis=1), 2, texts=texts)  # type: ignore[arg-type]
    assert np.mean(roles == np.array(truth)) < 0.8
    empty, none = fit_decode_cohosts([], [], np.zeros(0), np.zeros(0), texts=[])
    assert empty.shape == (0,) and none.shape == (0, 2)


def test_a_co_hosts_own_words_do_not_make_the_confidence_surer() -> None:
    from extract.speakers.cohosts import fit_decode_cohosts

    def confidence(repeats: int) -> tuple[int, float]:
        feats, bounds, texts, truth = _swapping_cohosts()
        texts[22] = "part five step two" + " zinc" * repeats  # one of B's explanations
        texts[61] += " zinc" * 4  # A says the word elsewhere
        who = np.zeros(len(feats))
        who[0] = 4.0
        path, post = fit_decode_cohosts(feats, bounds, np.zeros(len(feats)), who, texts=texts)  # type: ignore[arg-type]
        return int(path[22] == truth[22]), float(post[22, truth[22]])

    plain, repeated = confidence(0), confidence(30)
    assert plain[0] and repeated[0]
    # Counted in, the unit's thirty "zinc" would back B, whom EM gave it to; left out, the
    # word is A's, so the unit is no surer than without it.
    assert repeated[1] <= plain[1] + 0.02


def test_word_use_moves_a_co_hosts_confidence_less_than_the_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.speakers.cohosts as cohosts

    feats, bounds, texts, truth = _swapping_cohosts()
    who = np.zeros(len(feats))
    who[0] = 4.0
    args = (feats, bounds, np.zeros(len(feats)), who)
    path, post = cohosts.fit_decode_cohosts(*args, texts=texts)  # type: ignore[arg-type]
    monkeypatch.setattr(cohosts, "CONFIDENCE_WORD_USE", 1.0)
    full_path, full_post = cohosts.fit_decode_cohosts(*args, texts=texts)  # type: ignore[arg-type]
    assert np.array_equal(path, full_path)  # the speakers decoded do not change
    right = np.arange(len(truth)), np.array(truth)
    assert 0.5 < post[right].mean() < full_post[right].mean() - 0.01


@pytest.fixture
def cohost_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Records each call of the co-host decoder, which still runs."""
    import extract.speakers.attribute as attribution

    calls: list[int] = []
    fit = attribution.fit_decode_cohosts

    def spy(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return fit(*args, **kwargs)

    monkeypatch.setattr(attribution, "fit_decode_cohosts", spy)
    return calls


def test_a_co_hosted_episode_is_decoded_with_shared_roles(cohost_calls: list[int]) -> None:
    calls = cohost_calls
    opening = "Welcome to the show. I'm Tom Reyes, joined as always by my co-host, Ada Brennan."
    doc, st = _state([opening, "Ada, what got you into turbines?", *INTERVIEW[2:5]])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert calls and [s.name for s in att.speakers] == ["Tom Reyes", "Ada Brennan"]
    assert _who(att, st, "Ada, what got you") == "Tom Reyes"
    assert _who(att, st, "I studied mechanical") == "Ada Brennan"
    calls.clear()
    doc, st = _state(INTERVIEW)
    attribute(doc, st)  # type: ignore[arg-type]
    assert not calls  # an interview keeps the host and guest roles
    doc, st = _state([opening + " Our guest today is Mara Quill.", *INTERVIEW[1:]])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert not calls  # … and so does a co-hosted show with a guest, with three voices
    assert [(s.name, s.role) for s in att.speakers] == [
        ("Tom Reyes", "host"),
        ("Mara Quill", "guest"),
        ("Ada Brennan", "host"),
    ]
    assert _who(att, st, "Thanks for having me.") == "Mara Quill"
    doc, st = _state([opening + " Our guest today is Mara Quill.", *INTERVIEW[1:]], hints=SpeakerHints(count=2))
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tom Reyes", "Mara Quill"]  # a count given is kept
    away = "Welcome to the show. I'm Tom Reyes; my co-host, Ada Brennan, is away this week."
    doc, st = _state([away + " Our guest today is Mara Quill.", *INTERVIEW[1:]])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tom Reyes", "Mara Quill"]  # she says nothing here
    for absent in (
        "Welcome to the show. I'm Tom Reyes. Normally I'm joined by my co-host, Ada Brennan, but not today.",
        "Welcome to the show. I'm Tom Reyes. My co-host Ada Brennan was going to join me, but had to cancel.",
        "Welcome to the show. I'm Tom Reyes, usually with my co-host Ada Brennan. She couldn't make it.",
    ):
        doc, st = _state([absent + " Our guest today is Mara Quill.", *INTERVIEW[1:]])
        att = attribute(doc, st)  # type: ignore[arg-type]
        assert [s.name for s in att.speakers] == ["Tom Reyes", "Mara Quill"], absent


def _co_hosted_interview(seed: int) -> tuple[list[object], list[object], list[str], list[int]]:
    """A host and a guest, and a co-host who asks one question in ten. Each host turn may
    open with a statement or two before its question; the guest answers in two to five
    units on a topic that changes every five exchanges, in words only the guest uses."""
    from extract.speakers.features import UnitFeatures

    rng = np.random.default_rng(seed)
    ask = UnitFeatures(1, 0, 1, (0, 2, 0, 0, 0, 1, 1, 4), 8)
    say = UnitFeatures(0, 0, 2, (0, 1, 1, 1, 0, 0, 0, 16), 19)
    habit = {0: "basically the folks", 1: "honestly that stuff", 2: "you know kind of"}
    feats: list[UnitFeatures] = []
    texts: list[str] = []
    truth: list[int] = []
    for k in range(30):
        asker = 2 if k % 10 == 4 else 0
        topic = f"zorb{k // 5} quill{k // 5} marl{k // 5}"
        turn = [(asker, say)] * int(rng.integers(0, 3)) + [(asker, ask)] + [(1, say)] * int(rng.integers(2, 6))
        for who, f in turn:
            feats.append(f)
            texts.append(f"{habit[who]} {topic if who == 1 else 'plain words'} part {k}")
            truth.append(who)
    return feats, _question_bounds(feats), texts, truth  # type: ignore[return-value]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_co_host_shares_the_hosts_role_and_word_use_against_the_guest(seed: int) -> None:
    from extract.speakers.model import fit_decode, state_roles

    feats, bounds, texts, truth = _co_hosted_interview(seed)
    roles = state_roles(3, co_host=True)
    path, post = fit_decode(feats, bounds, np.zeros((len(feats), 3)), 3, texts=texts, roles=roles)  # type: ignore[arg-type]
    # Apart, the host's statements went to the guest, whose topic words they lack.
    assert path.tolist() == truth
    assert post.shape == (len(feats), 3) and np.allclose(post.sum(axis=1), 1.0)


def test_a_co_host_takes_the_hosts_turn_cues() -> None:
    bounds = [None, _boundary("What got you into turbines?", "Yeah, so I grew up by the sea."), _boundary("Sure.", "Fine.")]
    logits = change_logits(bounds, 3, Settings(), roles=(0, 1, 0))
    assert np.allclose(logits[:, 2], logits[:, 0])
    assert not np.allclose(logits[:, 1], logits[:, 0])
    assert np.allclose(change_logits(bounds, 3, Settings()), change_logits(bounds, 3, Settings(), roles=(0, 1, 1)))


def test_the_co_hosts_column_reads_their_name() -> None:
    from extract.speakers.anchors import anchors

    texts = [
        "Ada, what do you make of that?",  # addresses the co-host: not hers
        "Mara, how long did the tests take?",  # addresses the guest: a host's
        "I'm Ada Brennan, and I run the lab.",  # the co-host herself
        "The blades were fine.",
    ]
    units = _units(texts)
    out = anchors(units, [False] * len(units), 3, "Tom Reyes", "Mara Quill", "Ada Brennan")
    assert out[0, 2] < 0 < out[1, 2] and out[2, 2] > 0 and out[3, 2] == 0
    assert not anchors(units, [False] * len(units), 3, "Tom Reyes", "Mara Quill")[:, 2].any()


def test_naming_oneself_or_a_partner_anchors_who_speaks() -> None:
    from extract.speakers.anchors import anchor_parts

    texts = [
        "Ada and I tried three blade shapes last spring.",  # not Ada: the host
        "Hi, I'm Ada Brennan, and I build turbines.",  # Ada herself
        "Tom and me, we argued about it for weeks.",  # not Tom: the guest
        "The blades were fine.",  # nothing either way
    ]
    units = _units(texts)
    role, who = anchor_parts(units, [False] * len(units), "Tom Reyes", "Ada Brennan")
    assert who[0] > 0 and who[1] < 0 and who[2] < 0 and who[3] == 0
    assert not role.any()


def test_a_co_host_named_by_first_name_and_a_guest_had_on_the_show() -> None:
    opening = [
        "Hello, welcome to the Tideline podcast, about the people who build at sea.",
        "I'm Tom.",
        "And this is my co-host, Ada.",
        "Hey everyone, we're really excited to have Mara Quill on with us today.",
    ]
    doc, st = _state([*opening, *INTERVIEW[1:]])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert {(s.name, s.role) for s in att.speakers} == {("Tom", "host"), ("Mara Quill", "guest"), ("Ada", "host")}


def test_a_diarised_host_naming_themselves_beside_their_co_host_takes_the_name() -> None:
    texts = [
        "Hello, welcome to the Tideline podcast.",
        "I'm Tom.",
        "And this is my co-host, Ada.",
        "Hey everyone, we're excited to have Mara Quill on with us today. What got you into turbines?",
        *INTERVIEW[2:5],
        "How do you test a blade? Do you use a tank? Is it costly?",
        *INTERVIEW[6:8],
        "Do you sail yourself? Would you tell a student to try it?",
        *INTERVIEW[9:],
    ]
    who = ["Speaker 1"] * 3 + ["Speaker 2"] + ["Speaker 3"] * 3 + ["Speaker 2"] + ["Speaker 3"] * 2
    who += ["Speaker 2"] + ["Speaker 3"] * 2
    doc, st = _state(texts, speakers=who)  # type: ignore[arg-type]
    att = attribute(doc, st)  # type: ignore[arg-type]
    names = [s.name for s in att.speakers]
    assert (names[0], names[2]) == ("Tom", "Mara Quill")


def test_the_titles_guest_introducing_themselves_is_no_co_host() -> None:
    hints = SpeakerHints(meta={"title": "Turbines at sea with Mara Quill of Tidal Works"})
    opening = ["Welcome to the Tideline podcast.", "I'm Tom Reyes.", "And I'm Mara Quill."]
    doc, st = _state([*opening, *INTERVIEW[1:]], hints=hints)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [(s.name, s.role) for s in att.speakers] == [("Tom Reyes", "host"), ("Mara Quill", "guest")]


def test_the_titles_guest_greeting_the_audience_is_not_the_host() -> None:
    hints = SpeakerHints(meta={"title": "Turbines at sea with Mara Quill of Tidal Works"})
    doc, st = _state(["Welcome to the Tideline podcast.", "Hi, this is Mara Quill.", *INTERVIEW[1:]], hints=hints)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Host", "Mara Quill"]


def test_a_host_introduced_with_where_they_work() -> None:
    opening = ["Welcome to the Tideline podcast.", "I'm Tom Reyes of Tideline.", "Today we talk with Mara Quill."]
    doc, st = _state([*opening, *INTERVIEW[1:]])
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tom Reyes", "Mara Quill"]


def test_a_co_host_in_the_metadata_makes_a_co_hosted_episode(cohost_calls: list[int]) -> None:
    hints = SpeakerHints(meta={"host": "Tom Reyes", "cohost": "Ada Brennan"})
    doc, st = _state(["Ada, what got you into turbines?", *INTERVIEW[2:6]], hints=hints)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert cohost_calls
    assert [(s.name, s.role) for s in att.speakers] == [("Tom Reyes", "host"), ("Ada Brennan", "host")]
    labels = ["Tom Reyes", "Ada Brennan", "Ada Brennan", "Tom Reyes", "Ada Brennan"]
    doc, st = _state(["Ada, what got you into turbines?", *INTERVIEW[2:6]], speakers=labels, hints=hints)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert {s.name: s.role for s in att.speakers} == {"Tom Reyes": "host", "Ada Brennan": "host"}


def _co_host_episode() -> tuple[list[str], list[str]]:
    """Two co-hosts who both explain, each with a habit of speech: units and who said each."""
    ada = [
        "Honestly, the pumps in our valley run on old diesel engines.",
        "Honestly, I keep a notebook of every repair we make.",
        "The new solar pump surprised me, honestly.",
        "Honestly, the cost came down faster than I guessed.",
    ]
    rob = [
        "Basically, the farmers want water they can count on.",
        "Basically, a battery lets the pump run after sunset.",
        "So basically the grid never reaches those fields.",
        "Basically, the panels pay for themselves in three seasons.",
    ]
    texts = ["I'm Ada Finch, and I'm joined as always by my co-host, Rob Lister."]
    who = ["Ada Finch"]
    for i in range(4):
        texts += [ada[i], rob[i]]
        who += ["Ada Finch", "Rob Lister"]
    for i in range(4):
        texts += [rob[(i + 1) % 4], ada[(i + 2) % 4]]
        who += ["Rob Lister", "Ada Finch"]
    return texts, who


def test_known_voices_of_both_co_hosts_tell_them_apart() -> None:
    from extract.speakers.voices import Voices

    texts, who = _co_host_episode()
    voices = Voices.from_turns(
        [
            ("Ada Finch", "Honestly, I think it works on the farm. " * 80),
            ("Rob Lister", "Basically, it works on the farm. " * 80),
        ]
    ).counts

    def correct(hints: SpeakerHints) -> int:
        doc, st = _state(texts, hints=hints)
        att = attribute(doc, st)  # type: ignore[arg-type]
        names = [s.name for s in att.speakers]
        assert names == ["Ada Finch", "Rob Lister"]
        return sum(names[sp.speaker] == w for sp, w in zip(att.spans, who, strict=True))

    alone, known = correct(SpeakerHints()), correct(SpeakerHints(voices=voices))
    assert known == len(who) > alone
    # A voice on record for one co-host only is not used: the decode is the same as without.
    assert correct(SpeakerHints(voices={"Ada Finch": voices["Ada Finch"]})) == alone


def test_two_hosts_on_record_with_no_co_host_named_co_host_the_episode() -> None:
    from extract.speakers.voices import Voices

    texts, who = _co_host_episode()
    # No co-host named: Ada opens (two sentences, two units) and asks Rob, who answers.
    texts = ["Welcome back to Tide Talk. Rob, what did you see in the valley this week?", *texts[2:]]
    who = ["Ada Finch", "Ada Finch", *who[2:]]
    voices = Voices.from_turns(
        [
            ("Ada Finch", "Honestly, I think it works on the farm. " * 80),
            ("Rob Lister", "Basically, it works on the farm. " * 80),
            ("Cy Park", "Ferries cross the bay at dawn. " * 80),
        ]
    ).counts
    show = {"meta": {"show": "Tide Talk"}, "voices": voices}
    both = SpeakerHints(**show, known_hosts={"tide talk": ("Ada Finch", "Rob Lister")})  # type: ignore[arg-type]
    doc, st = _state(texts, hints=both)
    att = attribute(doc, st)  # type: ignore[arg-type]
    # Rob is addressed from the host's side, so he is not its host; the two hosts on record
    # co-host the episode (until stop 43: Rob Lister the host, every unit an unnamed guest's).
    assert [(s.name, s.role) for s in att.speakers] == [("Ada Finch", "host"), ("Rob Lister", "host")]
    assert [att.speakers[sp.speaker].name for sp in att.spans] == who
    # A speaker on record who has never hosted the show is its guest.
    one = SpeakerHints(**show, known_hosts={"tide talk": ("Ada Finch",)})  # type: ignore[arg-type]
    doc, st = _state(texts, hints=one)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [(s.name, s.role) for s in att.speakers] == [("Ada Finch", "host"), ("Rob Lister", "guest")]


def test_captions_without_sentence_ends_change_speaker_where_the_model_restores_one(
    model: spacy.language.Language,
) -> None:
    # Caption lines that run from the host's question into the guest's answer.
    caption = (
        "welcome to the show i'm tomas okonkwo and today i'm speaking with mara quillfeather"
        " who builds tidal turbines so mara how did you get started with turbines"
        " well i grew up near the sea and i always watched the tides with my father and"
        " i loved boats so that is where it started what do you test first"
        " we test the blades in a flume tank and then we put them in the harbour for a year"
    )
    words = caption.split(" ")
    doc, st = _state([" ".join(words[i : i + 14]) for i in range(0, len(words), 14)], nlp=model)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert [s.name for s in att.speakers] == ["Tomas Okonkwo", "Mara Quillfeather"]
    assert _who(att, st, "how did you get started") == "Tomas Okonkwo"
    assert _who(att, st, "i grew up near the sea") == "Mara Quillfeather"
    spans = {(s.char_start, s.char_end) for s in att.spans}
    sentences = {(s.char_start, s.char_end) for s in st.sentences}
    assert len(spans) > len(sentences)  # units cut inside the parser's sentences


def test_a_cased_transcript_without_sentence_marks_gets_its_ends_restored(model: spacy.language.Language) -> None:
    from extract.speakers.attribute import make_units

    line = "So how did you get started with turbines well I grew up near the sea and I loved boats"
    doc, st = _state([line] * 6, nlp=model)
    units = make_units(st)
    restored = make_units(st, restore_ends=True)
    assert len(restored) > len(units)
    assert any(u.text.endswith("?") for u in restored)
    att = attribute(doc, st)  # type: ignore[arg-type]
    assert len(att.spans) == len(restored)


def test_a_round_of_self_introductions_gives_two_hosts_and_the_guest_after_them() -> None:
    opening = [
        "Welcome to Tide Talk, a podcast about the sea. My name's Tom",
        "and I'm Ada.",
        "And we're your hosts. Today we're chatting with Mara Quill, who builds tidal turbines.",
    ]
    assert _named_roles([*opening, *INTERVIEW[1:]]) == [("Tom", "host"), ("Mara Quill", "guest"), ("Ada", "host")]


def test_hosts_saying_where_they_speak_from_and_a_guest_announced_unnamed_make_three_voices() -> None:
    opening = [
        "Welcome to Tide Talk. I'm Tom Reyes coming to you from Oslo.",
        "I'm Ada coming to you from Lima.",
        "We have a very special guest today. What got you into turbines?",
    ]
    voices = _named_roles([*opening, *INTERVIEW[2:8], *INTERVIEW[9:]])
    assert voices == [("Tom Reyes", "host"), ("Guest", "guest"), ("Ada", "host")]


def test_a_first_name_beside_the_shows_introduction_names_the_host() -> None:
    opening = ["Hi, I'm Tom. And this is Tide Talk, a weekly podcast about the sea.", *INTERVIEW]
    doc, st = _state(opening)
    assert [s.name for s in attribute(doc, st).speakers] == ["Tom", "Mara Quill"]  # type: ignore[arg-type]


def test_a_title_that_opens_with_the_shows_name_names_no_guest() -> None:
    hints = SpeakerHints(meta={"title": "Tide Talk News: Episode 6: Turbines", "show": "Tide Talk News"})
    assert meta_names(hints, "This is Tide Talk News, with Tom.") == ("", "")
    hints = SpeakerHints(meta={"title": "Mara Quill: Turbines", "show": "Tide Talk News"})
    assert meta_names(hints, "Hi Mara.") == ("", "Mara Quill")


def test_two_co_hosts_who_only_introduce_themselves_are_both_named() -> None:
    talk = [
        "Welcome to Tide Talk, a show about the sea.",
        "I'm Tom Reyes.",
        "And I'm Ada Brennan.",
        "So, um, this week I read about tidal turbines and, uh, how they break.",
        "Oh nice. What breaks first, the blades?",
        "Yeah, the blades, um, and the seals, uh, corrosion gets into everything.",
        "Right. I read that salt water eats the bearings in a single winter.",
        "Exactly, um, so they coat them now, uh, with a ceramic layer.",
    ]
    assert _named_roles(talk) == [("Tom Reyes", "host"), ("Ada Brennan", "host")]


def test_this_is_the_shows_name_names_no_host() -> None:
    opening = ["Welcome to another episode. This is Tide Talk.", "Today my guest is Mara Quill."]
    doc, st = _state([*opening, *INTERVIEW[1:]], hints=SpeakerHints(meta={"show": "Tide Talk"}))
    assert [s.name for s in attribute(doc, st).speakers] == ["Host", "Mara Quill"]  # type: ignore[arg-type]
    opening = ["Welcome to another episode. This is Tide Talk.", "I'm Tom Reyes, and my guest is Mara Quill."]
    doc, st = _state([*opening, *INTERVIEW[1:]])
    assert [s.name for s in attribute(doc, st).speakers] == ["Tom Reyes", "Mara Quill"]  # type: ignore[arg-type]
    # A show named after its host: there the host's own name is the show's.
    opening = ["Welcome to another episode. This is Tom Okonkwo.", "Today my guest is Mara Quill."]
    doc, st = _state([*opening, *INTERVIEW[1:]], hints=SpeakerHints(meta={"show": "The Tom Okonkwo Podcast"}))
    assert [s.name for s in attribute(doc, st).speakers] == ["Tom Okonkwo", "Mara Quill"]  # type: ignore[arg-type]


def test_a_name_two_units_before_the_guests_thanks_names_the_host() -> None:
    opening = [
        "Today we're very grateful to have Mara Quill, who builds tidal turbines. So, Mara, how's it going?",
        "It's going great, Tomas. Thanks. Thanks for having me on here.",
    ]
    doc, st = _state([*opening, *INTERVIEW[3:8], *INTERVIEW[9:]])
    assert [s.name for s in attribute(doc, st).speakers] == ["Tomas", "Mara Quill"]  # type: ignore[arg-type]
