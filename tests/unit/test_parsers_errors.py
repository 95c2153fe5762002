"""Malformed transcripts raise TranscriptParseError naming file, line and problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.input_warnings import transcript_warnings
from extract.parsers import parse_file, parse_text
from graph.errors import TranscriptParseError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "transcripts"


@pytest.mark.parametrize(
    ("name", "line_no", "problem"),
    [
        ("whisper_backwards.txt", 3, "timestamp goes backwards"),
        ("whisper_bad_time.txt", 2, "unreadable time '00:61:00.000'"),
        ("whisper_end_before_start.txt", 1, "end before start"),
        ("srt_bad_time.srt", 2, "unreadable time '00:00:0a,000'"),
        ("json_missing_text.json", 3, "segment without text"),
        ("json_invalid.json", 4, "invalid JSON"),
    ],
)
def test_malformed_fixture(name: str, line_no: int, problem: str) -> None:
    path = FIXTURES / name
    with pytest.raises(TranscriptParseError) as info:
        parse_file(path)
    err = info.value
    assert (err.path, err.line_no) == (str(path), line_no)
    assert problem in err.problem
    assert str(err).startswith(f"{path}:{line_no}: ")


def test_small_whisper_overlap_is_tolerated_but_not_more() -> None:
    ok = "[00:00:05.000 --> 00:00:06.000] a\n[00:00:04.000 --> 00:00:05.000] b"
    assert [x.start for x in parse_text(ok, "o.txt").lines] == [5.0, 4.0]
    bad = "[00:00:05.000 --> 00:00:06.000] a\n[00:00:03.990 --> 00:00:05.000] b"
    with pytest.raises(TranscriptParseError, match=r"o.txt:2: timestamp goes backwards"):
        parse_text(bad, "o.txt")


def test_labelled_turns_may_overlap_by_a_few_seconds_but_not_more() -> None:
    ok = "0:43:45.6 **Ann Lee** Hmm.\n\n0:43:44.4 **Bo Chen** As I said.\n\n0:43:50.0 **Ann Lee** Yes."
    assert [x.start for x in parse_text(ok, "l.md").lines] == [2625.6, 2624.4, 2630.0]
    bad = "Ann (00:01:00):\nHi.\n\nBo (00:00:56):\nYo."
    with pytest.raises(TranscriptParseError, match=r"l.md:5: timestamp goes backwards"):
        parse_text(bad, "l.md")


def _turns(times: list[str]) -> str:
    """A labelled transcript with one turn at each of ``times``."""
    return "\n\n".join(f"{'Ann' if i % 2 else 'Bo'} ({t}):\nTurn {i}." for i, t in enumerate(times))


def test_a_few_mistyped_turn_times_are_read_as_missing_with_a_note() -> None:
    times = [f"00:{m // 2:02d}:{m % 2 * 30:02d}" for m in range(60)]  # a turn every 30 s
    times[12:14] = ["00:16:00", "00:16:30"]  # typed ten minutes ahead; the times after go on
    t = parse_text(_turns(times), "typo.md")
    starts = [x.start for x in t.lines]
    assert starts[12] is None and starts[13] is None
    assert starts[11] == 330.0 and starts[14] == 420.0
    assert t.notes == ("typo.md: 2 timestamps out of order (lines 38, 41), read as missing and interpolated",)
    assert transcript_warnings(t)[0] == t.notes[0]
    # A file whose times are in order has nothing mended.
    assert parse_text(_turns([f"00:{m:02d}:00" for m in range(60)]), "ok.md").notes == ()


def test_times_out_of_order_beyond_typing_slips_are_still_refused() -> None:
    # Two of twenty-five (8 %) are more than slips.
    times = [f"00:{m:02d}:00" for m in range(25)]
    times[5:7] = ["00:40:00", "00:41:00"]
    with pytest.raises(TranscriptParseError, match=r"many.md:23: timestamp goes backwards"):
        parse_text(_turns(times), "many.md")
    # Machine times (a Whisper file) are never mended: going backwards there is a broken file.
    rows = [f"[00:{m:02d}:00.000 --> 00:{m:02d}:05.000] Line {m}." for m in range(30)]
    rows[12] = "[00:25:00.000 --> 00:25:05.000] Line twelve."
    with pytest.raises(TranscriptParseError, match="timestamp goes backwards"):
        parse_text("\n".join(rows), "w.txt")


@pytest.mark.parametrize(
    ("text", "fmt", "line_no", "problem"),
    [
        ("1\n00:00:05,000 --> 00:00:04,000\nNo.", "srt", 2, "end before start"),
        ("WEBVTT\n\n00:05.000 --> 00:04.000\nNo.", "vtt", 3, "end before start"),
        (
            "WEBVTT\n\n00:05.000 --> 00:06.000\nA.\n\n00:01.000 --> 00:02.000\nB.",
            "vtt",
            7,
            "timestamp goes backwards",
        ),
        ("WEBVTT\n\n00:0x.000 --> 00:06.000\nA.", "vtt", 3, "unreadable time"),
        ('[{"start": "soon", "end": 1, "text": "A."}]', "json", 1, "unreadable time"),
        ('[{"start": 9, "end": 1, "text": "A."}]', "json", 1, "end before start"),
        ('{"other": []}', "json", 1, "unrecognised JSON layout"),
        ("Ann (00:01:00):\nHi.\n\nBo (00:00:10):\nYo.", "labelled", 5, "backwards"),
        ("Ann: x [00:61:00] y\nBo: z", "labelled", 1, "unreadable time"),
        ("[00:05:00] A.\n[00:01:00] B.", "text", 2, "timestamp goes backwards"),
        ("[00:05:00] A.\n[00:61:00] B.", "text", 2, "unreadable time"),
    ],
)
def test_malformed_text(text: str, fmt: str, line_no: int, problem: str) -> None:
    with pytest.raises(TranscriptParseError) as info:
        parse_text(text, "m", fmt)
    assert info.value.line_no == line_no
    assert problem in info.value.problem


@pytest.mark.parametrize(
    ("fixture", "fmt", "problem"),
    [
        ("whisper.txt", "srt", "no SRT cue found"),
        ("sample.srt", "whisper", "not a Whisper line"),
        ("whisper.txt", "vtt", "missing WEBVTT header"),
        ("sample.srt", "json", "invalid JSON"),
        ("prose.txt", "labelled", "no speaker label found"),
        ("chat.txt", "whisper", "not a Whisper line"),
    ],
)
def test_forced_format_that_does_not_fit(fixture: str, fmt: str, problem: str) -> None:
    with pytest.raises(TranscriptParseError, match=problem):
        parse_file(FIXTURES / fixture, format=fmt)


def test_binary_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"Ann: hi\nBob: \x00\x01\x02")
    with pytest.raises(TranscriptParseError) as info:
        parse_file(path)
    assert (info.value.line_no, info.value.problem) == (2, "binary data (NUL byte)")


def test_binary_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("line one, naïve\nline two\n".encode() + b"\xff\xfe\xfa rest")
    with pytest.raises(TranscriptParseError) as info:
        parse_file(path)
    assert info.value.line_no == 3
    assert info.value.problem == "binary data (byte 0xff is not UTF-8)"


def test_legacy_and_utf16_subtitles_are_read(tmp_path: Path) -> None:
    cues = "1\n00:00:01,000 --> 00:00:03,000\nThe café opens at nine.\n"
    for encoding in ("cp1252", "utf-16"):
        path = tmp_path / f"{encoding}.srt"
        path.write_bytes(cues.encode(encoding))
        t = parse_file(path)
        assert (t.format, t.lines[0].text) == ("srt", "The café opens at nine.")
    path = tmp_path / "junk.txt"
    path.write_bytes(b"Ann: hi\n\x81\x8d")  # bytes Windows-1252 leaves undefined
    with pytest.raises(TranscriptParseError, match="not UTF-8"):
        parse_file(path)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "e.txt"
    path.write_bytes(content)
    with pytest.raises(TranscriptParseError, match="empty file") as info:
        parse_file(path)
    assert info.value.line_no == 1
