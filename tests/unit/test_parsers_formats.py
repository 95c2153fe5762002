"""Per-format behaviour of the transcript parsers, on fixtures written for podgraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.parsers import (
    parse_file,
    parse_json,
    parse_labelled,
    parse_plain,
    parse_srt,
    parse_text,
    parse_vtt,
    parse_whisper,
)
from extract.parsers.detect import detect_format
from extract.transcript import Line
from graph.errors import TranscriptParseError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "transcripts"


def _read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _rows(lines: tuple[Line, ...]) -> list[tuple[int, float | None, float | None, str]]:
    return [(x.line_no, x.start, x.end, x.text) for x in lines]


def _turns(text: str, source: str) -> list[tuple[float | None, str | None, str]]:
    """(start, speaker, text) of each line a labelled file gives."""
    return [(x.start, x.speaker, x.text) for x in parse_labelled(text, source).lines]


def test_whisper_lines_blank_and_empty_skipped() -> None:
    t = parse_whisper(_read("whisper.txt"), "w.txt")
    assert t.format == "whisper"
    assert _rows(t.lines) == [
        (1, 0.0, 3.2, "Welcome back to the garden hour, today we talk about tomatoes"),
        (2, 3.2, 6.9, "and why they split after a heavy rain."),
        (4, 6.5, 10.0, "So the skin cannot stretch as fast as the fruit swells."),
        (6, 3723.45, 3725.0, "That's all for today."),
    ]
    assert not t.labelled
    assert all(not x.turn_start for x in t.lines)


def test_whisper_minutes_seconds_form() -> None:
    t = parse_whisper(_read("whisper_mmss.txt"), "w.txt")
    assert _rows(t.lines) == [
        (1, 1.0, 4.5, "Bees fly up to five kilometres for nectar."),
        (2, 4.5, 9.25, "Really? That far?"),
    ]


def test_srt_cues_joined_and_missing_blank_before_index() -> None:
    t = parse_srt(_read("sample.srt"), "s.srt")
    assert _rows(t.lines) == [
        (3, 1.0, 3.5, "Have you ever baked sourdough at home?"),
        (8, 3.6, 5.0, "Only once."),
        (11, 5.0, 60.25, "It came out flat & sour."),
    ]


def test_srt_without_index_with_dots_and_settings() -> None:
    t = parse_srt(_read("srt_loose.srt"), "s.srt")
    assert _rows(t.lines) == [
        (2, 1.0, 2.0, "No index on this cue."),
        (5, 2.5, 4.0, "Dots instead of commas."),
    ]


def test_vtt_blocks_voices_tags_entities_hours() -> None:
    t = parse_vtt(_read("sample.vtt"), "v.vtt")
    assert _rows(t.lines) == [
        (14, 1.0, 4.0, "Kites need steady wind, not gusts."),
        (18, 4.0, 6.5, "Tell that to my last kite & its string > mine."),
        (21, 6.5, 8.0, "It flew away."),
        (24, 3598.0, 3601.25, "No voice here, just an hour mark."),
    ]
    assert [x.speaker for x in t.lines] == ["Mara Quill", "Tom O'Hara", "Tom O'Hara", None]
    assert [x.turn_start for x in t.lines] == [True, True, False, False]


def test_vtt_header_metadata_lines_are_skipped() -> None:
    text = "WEBVTT\nKind: captions\nLanguage: en\n\n00:00.500 --> 00:01.000\nHello.\n"
    assert _rows(parse_vtt(text, "v.vtt").lines) == [(6, 0.5, 1.0, "Hello.")]


def test_json_plain_segment_list() -> None:
    t = parse_json(_read("segments.json"), "s.json")
    assert _rows(t.lines) == [
        (2, 0.0, 2.5, "Pottery starts with clay."),
        (3, 2.5, 5.0, "Then the wheel."),
    ]
    assert [x.speaker for x in t.lines] == [None, "Ida"]
    assert t.meta == {}


def test_json_whisperx_segments_ignore_words() -> None:
    t = parse_json(_read("whisperx.json"), "x.json")
    assert _rows(t.lines) == [
        (4, 0.5, 3.0, "Chess openings are memorised first."),
        (11, 3.0, 5.25, "Then you forget them all."),
        (18, 5.25, 6.0, "Yes."),
    ]
    assert [x.speaker for x in t.lines] == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_01"]
    assert [x.turn_start for x in t.lines] == [True, True, False]


def test_json_full_transcript_with_ads_and_meta() -> None:
    t = parse_json(_read("full_transcript.json"), "f.json")
    assert _rows(t.lines) == [
        (7, 0.0, None, "We rowed for fifty-two days."),
        (13, 70.0, None, "This show is sponsored by a blister cream."),
        (19, 3723.0, None, "What did you eat?"),
    ]
    assert [x.ad for x in t.lines] == [False, True, None]
    assert [x.speaker for x in t.lines] == ["Nell Brandt", "Nell Brandt", "Ravi Osei"]
    assert dict(t.meta) == {
        "title": "Rowing the Atlantic",
        "show": "Open Water",
        "published": "2024-03-15",
        "media_url": "https://example.org/rowing",
    }


def test_labelled_turns_with_front_matter() -> None:
    t = parse_labelled(_read("turns.md"), "t.md")
    assert dict(t.meta) == {
        "title": "Knots for Sailors",
        "guest": "Pia Lund",
        "host": "Sam Reyes",
        "published": "2023-06-01",
        "media_url": "https://example.org/knots",
        "show": "Harbour Talk",
        "duration_s": "1830.0",
    }
    assert [(x.line_no, x.start, x.speaker, x.turn_start, x.text) for x in t.lines] == [
        (16, 0.0, "Sam Reyes", True, "Welcome aboard. Today: knots."),
        (19, 5.0, "Pia Lund", True, "The bowline is the king of knots."),
        (21, None, "Pia Lund", False, "It never jams, even under load."),
        (24, 70.0, "Pia Lund", False, "And you can tie it with one hand."),
        (27, 3723.0, "Sam Reyes", True, "Show me."),
    ]
    assert all(x.end is None for x in t.lines)


def test_labelled_markdown_bold_with_inline_markers() -> None:
    t = parse_labelled(_read("bold.md"), "b.md")
    assert t.meta == {"title": "Fermenting at Home"}
    assert [(x.line_no, x.start, x.speaker, x.turn_start, x.text) for x in t.lines] == [
        (3, None, "Ada Byrne", True, "Welcome to the show. Today we talk about kimchi."),
        (5, None, "Jo Park", True, "Thanks for having me."),
        (5, 135.0, "Jo Park", False, "Salt is the first step, always."),
        (7, None, None, False, "The cabbage sits in brine overnight."),
        (11, 300.0, "Ada Byrne", True, "And the chilli?"),
        (11, 390.0, "Ada Byrne", False, "Gochugaru, coarse."),
    ]


def test_a_bold_label_with_a_credential_names_the_person() -> None:
    text = "**Ada Byrne, Ph.D:** Salt first.\n\n**Jo Park:** And then?\n\n**Ada Byrne, Ph.D:** Brine."
    t = parse_labelled(text, "c.md")
    assert [x.speaker for x in t.lines] == ["Ada Byrne", "Jo Park", "Ada Byrne"]
    assert [x.text for x in t.lines] == ["Salt first.", "And then?", "Brine."]


def test_a_label_with_a_nickname_in_parentheses_is_kept_whole() -> None:
    text = "**Ada (Salty) Byrne:** Salt first.\n\n**Jo Park:** And then?\n\n**Ada (Salty) Byrne:** Brine."
    t = parse_labelled(text, "n.md")
    assert [x.speaker for x in t.lines] == ["Ada (Salty) Byrne", "Jo Park", "Ada (Salty) Byrne"]
    plain = parse_labelled(
        "Ada (Salty) Byrne: Salt.\n\nJo Park (01:02): Then?\n\nAda (Salty) Byrne: Brine.", "p.txt"
    )
    assert [(x.speaker, x.start) for x in plain.lines] == [
        ("Ada (Salty) Byrne", None),
        ("Jo Park", 62.0),
        ("Ada (Salty) Byrne", None),
    ]


def test_a_break_given_as_a_span_of_time_is_no_speaker() -> None:
    text = (
        "**Ann:** Salt first. \\[01:10\\] And brine.\n\n**Break:** \\[02:00\\] to \\[03:30\\]\n\n"
        "**Bob:** Then the chilli.\n\n**Ann:** Coarse, from 4 to 5 grams."
    )
    t = parse_labelled(text, "b.md")
    assert [(x.start, x.speaker, x.text) for x in t.lines] == [
        (None, "Ann", "Salt first."),
        (70.0, "Ann", "And brine."),
        (210.0, "Bob", "Then the chilli."),
        (None, "Ann", "Coarse, from 4 to 5 grams."),
    ]


def test_show_notes_before_the_first_label_keep_no_clock() -> None:
    text = "- Tide tables [09:00]\n- Moon phases [04:24]\n\nAnn: Hello. [00:10] Welcome.\n\nBob: Hi."
    t = parse_labelled(text, "n.md")
    assert [(x.start, x.speaker, x.text) for x in t.lines] == [
        (None, None, "- Tide tables - Moon phases"),
        (None, "Ann", "Hello."),
        (10.0, "Ann", "Welcome."),
        (None, "Bob", "Hi."),
    ]


def test_bold_headings_of_show_notes_are_no_speakers() -> None:
    text = (
        "**Learn more about our people:**\n\nLinks here.\n\n**News:**\n\nMore links.\n\n"
        "**Ann Lee:** Hello.\n\n**Bo Chen:** Hi.\n\n**Ann Lee:** Bye.\n\n**Bo Chen:** Bye."
    )
    t = parse_labelled(text, "h.md")
    assert [x.speaker for x in t.lines] == [None] * 4 + ["Ann Lee", "Bo Chen", "Ann Lee", "Bo Chen"]
    assert t.lines[2].text == "**News:**"  # kept as the notes' text


def test_a_name_alone_on_a_line_before_each_turn_is_a_label() -> None:
    turn = ["Ann Lee", "", "Welcome back to the workshop.", "", "Bo Chen", "", "Glad to be here today.", ""]
    text = "\n".join(["## Transcript", ""] + turn * 3)
    assert detect_format(text) == "labelled"
    t = parse_labelled(text, "b.md")
    assert [x.speaker for x in t.lines] == ["Ann Lee", "Bo Chen"] * 3
    assert t.lines[1].text == "Glad to be here today." and t.lines[1].turn_start
    # Short capitalised lines of prose that do not recur are no labels.
    assert detect_format("Notes\n\nSome prose here.\n\nSummary\n\nMore prose.") == "text"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A web export: bold name headers with their time, HTML entities.
        (
            "**Dr. Ann Lee** 00:03\nI&#39;m glad you came.\n\n**Bo Chen** 00:09\nSo am I &amp; my dog.",
            [(3.0, "Dr. Ann Lee", "I'm glad you came."), (9.0, "Bo Chen", "So am I & my dog.")],
        ),
        # An Otter header rendered as a Markdown heading.
        (
            "## Transcript\n\n### Ann Lee  0:00  \nHello there.\n\n### Bo Chen  0:17  \nThanks for having me.",
            [(0.0, "Ann Lee", "Hello there."), (17.0, "Bo Chen", "Thanks for having me.")],
        ),
    ],
)
def test_name_headers_of_web_pages_are_labels(text: str, expected: list[tuple[float, str, str]]) -> None:
    t = parse_labelled(text, "w.md")
    assert [(x.start, x.speaker, x.text) for x in t.lines] == expected


def test_turns_kept_in_the_front_matter_are_the_transcript() -> None:
    page = (
        "---\ntitle: Tides\nguests:\n- bochen\ntranscript:\n- header: Intro\n"
        "- line: Welcome, Bo.\n  who: Ann\n  sec: 0\n"
        "- line: Glad to be here &amp; ready.\n  who: Bo\n  time: '0:04'\n"
        "- line: Then the tides.\n  who: Bo\n  sec: 9\n---\nShow notes."
    )
    assert detect_format(page) == "labelled"
    t = parse_labelled(page, "p.md")
    assert t.meta == {"title": "Tides"}  # the guest's handle is no name
    assert [(x.line_no, x.start, x.speaker, x.turn_start, x.text) for x in t.lines] == [
        (7, 0.0, "Ann", True, "Welcome, Bo."),
        (10, 4.0, "Bo", True, "Glad to be here & ready."),
        (13, 9.0, "Bo", False, "Then the tides."),
    ]
    with pytest.raises(TranscriptParseError, match=r"p.md:13: timestamp goes backwards"):
        parse_labelled(page.replace("sec: 9", "sec: -30"), "p.md")


def test_labelled_marker_on_a_wrapped_line_keeps_its_line_number() -> None:
    text = "Ann: one\ntwo [00:00:09] three\n\nBob: four"
    t = parse_labelled(text, "w.md")
    assert [(x.line_no, x.start, x.text) for x in t.lines] == [
        (1, None, "one two"),
        (2, 9.0, "three"),
        (4, None, "four"),
    ]


def test_labelled_name_colon_lines_decided_per_file() -> None:
    t = parse_labelled(_read("chat.txt"), "c.txt")
    assert [(x.speaker, x.text) for x in t.lines] == [
        ("Lena", "Did you fix the bike?"),
        ("Marco", "The chain, yes. The brakes, no."),
        ("Lena", "The plan: ride it anyway?"),
        ("Marco", "Only downhill."),
    ]


def test_labelled_diarisation_labels() -> None:
    t = parse_file(FIXTURES / "diarised.txt")
    assert [(x.line_no, x.speaker) for x in t.lines] == [
        (1, "SPEAKER_00"),
        (2, "SPEAKER_01"),
        (4, "Speaker 2"),
    ]


def test_labelled_header_name_without_time() -> None:
    text = "Ann Lee:\nFirst paragraph.\n\nSecond one.\n\nBo:\nReply."
    t = parse_labelled(text, "h.txt")
    assert [(x.speaker, x.turn_start, x.text) for x in t.lines] == [
        ("Ann Lee", True, "First paragraph."),
        ("Ann Lee", False, "Second one."),
        ("Bo", True, "Reply."),
    ]


def test_prose_with_a_colon_is_plain_text() -> None:
    t = parse_file(FIXTURES / "prose.txt")
    assert t.format == "text"
    assert [(x.line_no, x.text) for x in t.lines] == [
        (1, "The plan: build it before winter."),
        (3, "We cut the timber in August and let it dry for a month. The roof went on last."),
        (6, "Nobody expected the chimney to be the hard part."),
    ]
    assert not t.labelled


def test_plain_one_line_per_line_without_blank_lines() -> None:
    t = parse_plain(_read("lines.txt"), "l.txt")
    assert [(x.line_no, x.start, x.end, x.text) for x in t.lines] == [
        (1, None, None, "First line of notes."),
        (2, None, None, "Second line of notes."),
    ]


def test_plain_front_matter_and_headings() -> None:
    t = parse_plain("---\ndate: 2022-02-03\n---\n# Notes\n\nBody text.", "p.md")
    assert dict(t.meta) == {"published": "2022-02-03", "title": "Notes"}
    assert [(x.line_no, x.text) for x in t.lines] == [(6, "Body text.")]


def test_front_matter_roles_in_an_interview_sites_own_words() -> None:
    text = '---\nfacilitators: ["Ann Lee"]\nstoryteller: "Bo Chen"\n---\nBody text.'
    assert dict(parse_plain(text, "p.md").meta) == {"host": "Ann Lee", "guest": "Bo Chen"}
    text = "---\ninterviewer: Ann Lee\nguests: [Bo Chen, Cy Dee]\n---\nBody text."
    assert dict(parse_plain(text, "p.md").meta) == {"host": "Ann Lee", "guest": "Bo Chen"}


def test_timed_formats_read_a_label_opening_the_cue_text() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\n[SPEAKER_00]: Who planted the hedge?\n\n"
        "2\n00:00:02,000 --> 00:00:04,000\nSPEAKER_01:\nMy grandfather did.\n\n"
        "3\n00:00:04,000 --> 00:00:05,000\nIt is older than the house.\n"
    )
    t = parse_srt(srt, "d.srt")
    assert [(x.speaker, x.text, x.turn_start) for x in t.lines] == [
        ("SPEAKER_00", "Who planted the hedge?", True),
        ("SPEAKER_01", "My grandfather did.", True),
        (None, "It is older than the house.", False),
    ]
    assert t.labelled
    whisper = "[00:00.000 --> 00:02.000] Ann Lee: Is it a yew?\n[00:02.000 --> 00:03.000] Bo Chan: A box hedge."
    assert [x.speaker for x in parse_whisper(whisper, "w.txt").lines] == ["Ann Lee", "Bo Chan"]
    vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nSpeaker 1: Hello.\n\n00:01.000 --> 00:02.000\nSpeaker 2: Hi.\n"
    assert [(x.speaker, x.text) for x in parse_vtt(vtt, "v.vtt").lines] == [
        ("Speaker 1", "Hello."),
        ("Speaker 2", "Hi."),
    ]


def test_a_stray_name_colon_in_captions_stays_text() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nBasically: it rained.\n\n"
        "2\n00:00:02,000 --> 00:00:04,000\nThe roots rotted.\n\n"
        "3\n00:00:04,000 --> 00:00:05,000\nWe dug them out.\n"
    )
    t = parse_srt(srt, "s.srt")
    assert not t.labelled and t.lines[0].text == "Basically: it rained."


def test_rolling_auto_captions_keep_each_word_once() -> None:
    # Auto-caption cues hold a row of one space, word times in <c> tags, and repeat the
    # previous cue's last row before their new words (plus 10 ms cues that only repeat).
    vtt = (
        "WEBVTT\nKind: captions\nLanguage: en\n\n"
        "00:00:00.000 --> 00:00:02.000 align:start position:0%\n \n"
        "plant<00:00:00.500><c> the</c><00:00:00.900><c> bulbs</c>\n\n"
        "00:00:02.000 --> 00:00:02.010 align:start position:0%\nplant the bulbs\n \n\n"
        "00:00:02.005 --> 00:00:02.010 align:start position:0%\n \n\n"
        "00:00:02.010 --> 00:00:04.000 align:start position:0%\nplant the bulbs\n"
        "in<00:00:02.600><c> late</c><00:00:03.100><c> autumn</c>\n"
    )
    t = parse_vtt(vtt, "yt.vtt")
    assert [(x.start, x.text) for x in t.lines] == [(0.0, "plant the bulbs"), (2.01, "in late autumn")]


def test_plain_captions_that_repeat_a_line_keep_both() -> None:
    vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nYeah.\n\n00:02.000 --> 00:03.000\nYeah.\n"
    assert [x.text for x in parse_vtt(vtt, "v.vtt").lines] == ["Yeah.", "Yeah."]


def test_json_utterances_in_milliseconds_or_nested_under_results() -> None:
    ms = (
        '{"utterances": [\n'
        ' {"speaker": "A", "start": 250, "end": 4100, "text": "Which apples keep best?"},\n'
        ' {"speaker": "B", "start": 4300, "end": 9800, "text": "The late ones, picked hard."}]}'
    )
    t = parse_json(ms, "a.json")
    assert [(x.line_no, x.start, x.end, x.speaker) for x in t.lines] == [(2, 0.25, 4.1, "A"), (3, 4.3, 9.8, "B")]
    nested = (
        '{"results": {"utterances": [{"start": 0.5, "end": 2.0, "speaker": 0, "transcript": "Hello."},'
        ' {"start": 2.0, "end": 3.5, "speaker": 1, "transcript": "Hi there."}]}}'
    )
    t = parse_json(nested, "d.json")
    assert [(x.start, x.speaker, x.text) for x in t.lines] == [(0.5, "Speaker 0", "Hello."), (2.0, "Speaker 1", "Hi there.")]
    # Whole seconds stay seconds: the words fit speech.
    secs = '[{"start": 0, "end": 3, "text": "One two three four."}, {"start": 3, "end": 5, "text": "Five six."}]'
    assert [x.end for x in parse_json(secs, "s.json").lines] == [3.0, 5.0]


def test_labelled_name_and_time_headers_as_otter_exports() -> None:
    text = "Speaker 1  0:03\nWhich apples keep best?\n\nAnn Lee  0:15\nThe late ones.\nPicked hard.\n"
    t = parse_labelled(text, "o.txt")
    assert [(x.line_no, x.start, x.speaker, x.turn_start, x.text) for x in t.lines] == [
        (2, 3.0, "Speaker 1", True, "Which apples keep best?"),
        (5, 15.0, "Ann Lee", True, "The late ones. Picked hard."),
    ]
    assert detect_format(text) == "labelled"


def test_plain_lines_that_open_with_their_time() -> None:
    t = parse_plain("[00:00:01] Which apples keep best?\n(00:07) The late ones.\n0:12\nPicked hard,\nkept cold.\n", "t.txt")
    assert [(x.line_no, x.start, x.text) for x in t.lines] == [
        (1, 1.0, "Which apples keep best?"),
        (2, 7.0, "The late ones."),
        (4, 12.0, "Picked hard, kept cold."),
    ]
    prose = parse_plain("10:30 is when we met.\n\nThen we walked home.\n\nIt rained.", "p.txt")
    assert [x.start for x in prose.lines] == [None, None, None]


def test_labelled_time_before_the_name_or_in_brackets_after_it() -> None:
    descript = "[00:00:00] Ann Lee: Which apples keep best?\n[00:00:04] Bo Chan: The late ones.\n"
    assert _turns(descript, "d.txt") == [
        (0.0, "Ann Lee", "Which apples keep best?"),
        (4.0, "Bo Chan", "The late ones."),
    ]
    riverside = "Ann Lee (00:00:03)\nWhich apples keep best?\n\nBo Chan [00:00:09]\nThe late ones.\n"
    t = parse_labelled(riverside, "r.txt")
    assert [(x.start, x.speaker) for x in t.lines] == [(3.0, "Ann Lee"), (9.0, "Bo Chan")]
    assert detect_format(descript) == detect_format(riverside) == "labelled"


def test_caption_turn_markers_cut_cues_into_turns() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:04,000\n>> Which apples keep best?\n\n"
        "2\n00:00:04,000 --> 00:00:08,000\n>> The late ones. >>> Picked hard?\n"
    )
    t = parse_srt(srt, "c.srt")
    assert [(x.start, x.end, x.text, x.turn_start) for x in t.lines] == [
        (1.0, 4.0, "Which apples keep best?", True),
        (4.0, None, "The late ones.", True),
        (None, 8.0, "Picked hard?", True),
    ]
    assert not t.labelled


def test_subtitle_dialogue_dashes_start_a_turn_on_the_dashed_line() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:04,000\n- Which apples keep best?\n- The late ones.\n\n"
        "2\n00:00:04,000 --> 00:00:06,000\nThey last -\n-- well, till spring.\n\n"
        "3\n00:00:06,000 --> 00:00:07,000\nAt\n-5 degrees.\n"
    )
    t = parse_srt(srt, "d.srt")
    assert [(x.text, x.turn_start) for x in t.lines] == [
        ("Which apples keep best?", False),
        ("The late ones.", True),
        ("They last - -- well, till spring.", False),
        ("At -5 degrees.", False),
    ]
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n- Which apples keep best?\n- The late ones.\n"
    assert [(x.text, x.turn_start) for x in parse_vtt(vtt, "d.vtt").lines] == [
        ("Which apples keep best?", False),
        ("The late ones.", True),
    ]


def test_srt_formatting_tags_and_position_codes_are_not_speech() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:03,000\n<i>Which</i> apples <b>keep</b>?\n\n"
        "2\n00:00:03,000 --> 00:00:05,000\n{\\an8}The late ones &amp; the hard ones.\n\n"
        "3\n00:00:05,000 --> 00:00:06,000\n<i></i>\n"
    )
    assert [x.text for x in parse_srt(srt, "t.srt").lines] == [
        "Which apples keep?",
        "The late ones & the hard ones.",
    ]


def test_whisper_lines_in_seconds_with_either_arrow() -> None:
    text = "[0.00s -> 3.20s] Which apples keep best?\n[3.40 → 5.00] The late ones.\n[61.5 -> 62.25]  Picked hard.\n"
    t = parse_text(text, "f.txt")
    assert t.format == "whisper"
    assert _rows(t.lines) == [
        (1, 0.0, 3.2, "Which apples keep best?"),
        (2, 3.4, 5.0, "The late ones."),
        (3, 61.5, 62.25, "Picked hard."),
    ]
    with pytest.raises(TranscriptParseError, match=r"bad\.txt:2: unreadable time"):
        parse_whisper("[0.00 -> 1.00] Hi.\n[1.5x -> 2.0] Yo.\n", "bad.txt")


def test_labelled_bracketed_diarised_labels_and_headings_with_the_time_first() -> None:
    diarised = "[Speaker 1] [00:00] Which apples keep best?\n[Speaker 2] [00:04] The late ones.\n[Music] [00:09] la\n"
    assert _turns(diarised, "d.txt") == [
        (0.0, "Speaker 1", "Which apples keep best?"),
        (4.0, "Speaker 2", "The late ones. [Music]"),
        (9.0, "Speaker 2", "la"),  # a sound in brackets is no name: its time marks the line
    ]
    headings = "### [00:00:00] Ann Lee\nWhich apples keep best?\n\n### [00:00:07] Bo Chan\nThe late ones.\n"
    assert _turns(headings, "h.md") == [
        (0.0, "Ann Lee", "Which apples keep best?"),
        (7.0, "Bo Chan", "The late ones."),
    ]
    assert detect_format(diarised) == detect_format(headings) == "labelled"
