"""Entry points of extract.parsers: detection, dispatch, file reading."""

from __future__ import annotations

import doctest
import hashlib
import importlib
import pkgutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import extract.parsers
from extract.parsers import FORMATS, detect_format, parse_file, parse_text
from graph.errors import TranscriptParseError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "transcripts"


def test_formats_tuple() -> None:
    assert FORMATS == ("whisper", "srt", "vtt", "json", "labelled", "text")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("whisper.txt", "whisper"),
        ("whisper_mmss.txt", "whisper"),
        ("sample.srt", "srt"),
        ("srt_loose.srt", "srt"),
        ("sample.vtt", "vtt"),
        ("segments.json", "json"),
        ("whisperx.json", "json"),
        ("full_transcript.json", "json"),
        ("turns.md", "labelled"),
        ("bold.md", "labelled"),
        ("chat.txt", "labelled"),
        ("diarised.txt", "labelled"),
        ("prose.txt", "text"),
        ("lines.txt", "text"),
    ],
)
def test_detect_format_by_content(name: str, expected: str, tmp_path: Path) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert detect_format(text) == expected
    # the file name plays no part: the same bytes under a misleading name
    misnamed = tmp_path / "episode.srt"
    misnamed.write_text(text, encoding="utf-8")
    assert parse_file(misnamed).format == expected


def test_parse_file_sets_sha256_and_source() -> None:
    path = FIXTURES / "whisper_mmss.txt"
    t = parse_file(path)
    assert t.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert t.source == str(path)


def test_crlf_and_bom_are_normalised(tmp_path: Path) -> None:
    original = (FIXTURES / "sample.srt").read_bytes()
    path = tmp_path / "x.srt"
    path.write_bytes(b"\xef\xbb\xbf" + original.replace(b"\n", b"\r\n"))
    crlf = parse_file(path)
    plain = parse_file(FIXTURES / "sample.srt")
    assert crlf.lines == plain.lines
    assert crlf.sha256 != plain.sha256
    path.write_bytes(original.replace(b"\n", b"\r"))
    assert parse_file(path).lines == plain.lines


def test_bom_before_webvtt_header(tmp_path: Path) -> None:
    path = tmp_path / "x"
    path.write_bytes(b"\xef\xbb\xbf" + (FIXTURES / "sample.vtt").read_bytes())
    t = parse_file(path)
    assert t.format == "vtt"
    assert t.lines[0].speaker == "Mara Quill"


def test_crlf_in_labelled_markdown(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_bytes((FIXTURES / "turns.md").read_bytes().replace(b"\n", b"\r\n"))
    t = parse_file(path)
    assert t.meta["title"] == "Knots for Sailors"
    assert [x.text for x in t.lines][-1] == "Show me."


def test_forced_format_is_used() -> None:
    text = (FIXTURES / "chat.txt").read_text(encoding="utf-8")
    t = parse_text(text, "chat.txt", format="text")
    assert t.format == "text"
    assert t.lines[0].text == "Lena: Did you fix the bike?"
    assert t.lines[0].speaker is None


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_parses_its_fixture_when_forced(fmt: str) -> None:
    name = {
        "whisper": "whisper.txt",
        "srt": "sample.srt",
        "vtt": "sample.vtt",
        "json": "segments.json",
        "labelled": "chat.txt",
        "text": "prose.txt",
    }[fmt]
    t = parse_file(FIXTURES / name, format=fmt)
    assert t.format == fmt
    assert t.lines


def _module_names() -> list[str]:
    names = [f"extract.parsers.{m.name}" for m in pkgutil.iter_modules(extract.parsers.__path__)]
    return ["extract.parsers", *sorted(names)]


@pytest.mark.parametrize("module", _module_names())
def test_parsers_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), verbose=False)
    assert result.failed == 0


def _big_whisper(size: int) -> str:
    rows: list[str] = []
    t = 0.0
    while sum(len(r) for r in rows) < size:
        rows.append(f"[{_clock(t)} --> {_clock(t + 3.5)}]   and the hive needs a dry spot for winter")
        t += 3.5
    return "\n".join(rows)


def _clock(t: float) -> str:
    h, rest = divmod(t, 3600)
    m, s = divmod(rest, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}"


def _big_labelled(size: int) -> str:
    rows = ["---", "title: Big", "---", ""]
    i = 0
    while sum(len(r) for r in rows) < size:
        rows += [f"Ann Lee ({_clock(i * 5.0)[:8]}):", "We talked about hives. " * 8, ""]
        rows += ["**Bo Ray:** Sure, \\[" + _clock(i * 5.0 + 2)[3:8] + "\\] go on.", ""]
        i += 1
    return "\n".join(rows)


@pytest.mark.parametrize("make", [_big_whisper, _big_labelled])
def test_parsing_120_kb_is_fast(make: Callable[[int], str]) -> None:
    text = make(120_000)
    best = min(_timed(text) for _ in range(3))
    assert best < 0.1, f"{best * 1000:.1f} ms"


def _timed(text: str) -> float:
    t0 = time.perf_counter()
    t = parse_text(text, "big")
    elapsed = time.perf_counter() - t0
    assert len(t.lines) > 1000
    return elapsed


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(TranscriptParseError, match="unknown format 'mp3'"):
        parse_file(FIXTURES / "whisper.txt", format="mp3")


def test_hugo_show_page_with_notes_and_long_turns_is_labelled(tmp_path: Path) -> None:
    notes = '+++\ntitle = "Salt marshes with Ines Duarte"\ndate = 2023-05-01\n+++\n\nShow notes.\n\n- Tides\n- Reeds\n\n'
    turn = (
        "Kai: What brought you to the marshes?\n\nInes: My grandmother farmed salt.\n\n"
        "She showed me the pans.\n\nWe raked them every dawn.\n\n"
    )
    path = tmp_path / "episode.txt"
    path.write_text(notes + turn * 3)
    t = parse_file(path)
    # Turns that run over several paragraphs: fewer than half the blocks open with a
    # label, but the same two names open a turn again and again.
    assert t.format == "labelled" and t.meta["title"] == "Salt marshes with Ines Duarte"
    assert [ln.speaker for ln in t.lines if ln.speaker] == ["Kai", "Ines"] * 3
    assert not any("title =" in ln.text for ln in t.lines)


def test_bold_name_then_time_outside_the_bold(tmp_path: Path) -> None:
    path = tmp_path / "axrp.md"
    path.write_text("**Kai Moss** (00:09):\nHello there.\n\n**Ines Duarte** (00:32):\nHi, Kai.\n\n(00:40):\nStill me.\n")
    t = parse_file(path)
    # A bare "(00:40):" goes on with the same speaker.
    expected = [("Kai Moss", 9.0), ("Ines Duarte", 32.0), ("Ines Duarte", 40.0)]
    assert [(ln.speaker, ln.start) for ln in t.lines if ln.speaker] == expected


def _lines(tmp_path: Path, name: str, text: str) -> list[tuple[str | None, float | None, str]]:
    """Each line of the file ``text`` written as ``name``: its speaker, start and text."""
    path = tmp_path / name
    path.write_text(text)
    return [(ln.speaker, ln.start, ln.text) for ln in parse_file(path).lines]


def test_markdown_links_become_the_words_said(tmp_path: Path) -> None:
    page = (
        "**Kai:** \\[00:05\\] Read [our paper](https://example.org/p_(v2).pdf) first.\n\n"
        "**Ines:** Mail me at <ines@example.org>, or see ![a chart](img/c.png \"c\").\n"
    )
    assert _lines(tmp_path, "page.md", page) == [
        ("Kai", 5.0, "Read our paper first."),
        ("Ines", None, "Mail me at ines@example.org, or see a chart."),
    ]
    plain = tmp_path / "notes.md"
    plain.write_text("We tried [the flume](https://example.org/flume) twice.\n")
    assert parse_file(plain).lines[0].text == "We tried the flume twice."


def test_a_bold_label_may_be_written_in_lower_case(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("**ines duarte**: Hello, I'm ines.\n\n**Kai Moss**: Hi.\n\n**ines duarte**: Welcome.\n")
    t = parse_file(path)
    assert [ln.speaker for ln in t.lines] == ["ines duarte", "Kai Moss", "ines duarte"]


def test_questions_set_in_bold_with_their_label_inside_and_plain_answers(tmp_path: Path) -> None:
    path = tmp_path / "interview.md"
    turn = (
        "**KAI MOSS: What brought you to the marshes?**\n\n"
        "INES DUARTE: My grandmother farmed salt.\n\nWe raked the pans at dawn.\n\n"
        "<b>BO CHEN: And [the reeds](https://example.org/reeds)?</b>\n\n"
        "INES DUARTE: They hold the bank.\n\n"
    )
    path.write_text("---\ntitle: Salt\n---\n\n" + turn * 3)
    t = parse_file(path)
    # The bold turns are labelled plainly enough; the plain answers come back often enough.
    assert [ln.speaker for ln in t.lines if ln.speaker] == ["KAI MOSS", "INES DUARTE", "BO CHEN", "INES DUARTE"] * 3
    assert t.lines[0].text == "What brought you to the marshes?" and t.lines[3].text == "And the reeds?"
    # One bold line of notes set the same way is no turn.
    notes = tmp_path / "notes.md"
    notes.write_text("**Update: we moved the show.**\n\nSome prose about salt.\n\nMore prose.\n")
    assert not any(ln.speaker for ln in parse_file(notes).lines)


def test_turns_written_as_page_elements(tmp_path: Path) -> None:
    path = tmp_path / "episode.md"
    path.write_text(
        '---\ntitle: "Salt, with Ines Duarte"\n---\n\n<Turn speaker="Kai Moss" timestamp="00:00">\n\n'
        "Welcome to the show,\nwhere we talk about salt.\n\n</Turn>\n\n"
        '<Turn speaker="Ines Duarte" timestamp="00:07">\n\nGood to be here.\n\nTruly.\n\n</Turn>\n'
    )
    t = parse_file(path)
    assert t.format == "labelled"
    assert [(ln.speaker, ln.start, ln.text) for ln in t.lines] == [
        ("Kai Moss", 0.0, "Welcome to the show, where we talk about salt."),
        ("Ines Duarte", 7.0, "Good to be here."),
        ("Ines Duarte", None, "Truly."),
    ]


def test_a_bold_name_with_its_time_in_italics_heads_the_paragraphs_below(tmp_path: Path) -> None:
    review = (
        "**Kai Moss** *(00:00:00)*\n\nWelcome.\n\nToday, salt.\n\n"
        "**Ines Duarte** *(00:00:34)*\n\nThanks.\n\n**Kai Moss** _(00:00:41)_\n\nSo.\n"
    )
    assert _lines(tmp_path, "review.md", review) == [
        ("Kai Moss", 0.0, "Welcome."),
        ("Kai Moss", None, "Today, salt."),
        ("Ines Duarte", 34.0, "Thanks."),
        ("Kai Moss", 41.0, "So."),
    ]


def test_a_label_with_its_time_in_square_brackets(tmp_path: Path) -> None:
    chat = "Kai Moss: Ines, welcome back.\n\nInes Duarte [0:04]: Thanks, Kai.\n\nKai Moss: So.\n\nInes Duarte [0:12]: Yes.\n"
    assert _lines(tmp_path, "chat.md", chat) == [
        ("Kai Moss", None, "Ines, welcome back."),
        ("Ines Duarte", 4.0, "Thanks, Kai."),
        ("Kai Moss", None, "So."),
        ("Ines Duarte", 12.0, "Yes."),
    ]


def test_a_bold_label_may_hold_a_particle(tmp_path: Path) -> None:
    path = tmp_path / "tides.md"
    path.write_text("**Kai Moss:** Welcome, Ines.\n\n**Inés Duarte y Lobo:** Thank you, Kai.\n\n**Kai Moss:** So.\n")
    assert [ln.speaker for ln in parse_file(path).lines] == ["Kai Moss", "Inés Duarte y Lobo", "Kai Moss"]


def test_front_matter_lists_speakers_without_roles(tmp_path: Path) -> None:
    path = tmp_path / "talk.md"
    path.write_text("---\ntitle: Tides\nspeakers: ['Ines Duarte', 'Kai Moss']\n---\nKai: Hi.\nInes: Hello.\n")
    assert parse_file(path).meta["speakers"] == "Ines Duarte, Kai Moss"


def test_a_time_alone_after_a_label_times_the_turn_below_it(tmp_path: Path) -> None:
    path = tmp_path / "archive.md"
    path.write_text(
        "Ines van Duarte: 00:00:20\n\nWelcome back to the harbour.\n\n"
        "Kai Moss: 00:00:24\n\nGlad to be here.\nThe tide is out.\n\n"
        "Ines van Duarte: 00:01:02\n\nAt 10:30 we start.\n"
    )
    t = parse_file(path)
    assert [(ln.speaker, ln.start, ln.turn_start, ln.text) for ln in t.lines] == [
        ("Ines van Duarte", 20.0, True, "Welcome back to the harbour."),
        ("Kai Moss", 24.0, True, "Glad to be here. The tide is out."),
        ("Ines van Duarte", 62.0, True, "At 10:30 we start."),
    ]
    # A typed time that goes back more than the labelled tolerance names its line.
    path.write_text("Ines: 00:02:00\n\nHello.\n\nKai: 00:01:00\n\nHi.\n")
    with pytest.raises(TranscriptParseError, match=r"archive.md:7: timestamp goes backwards"):
        parse_file(path)
