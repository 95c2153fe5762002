"""Entry points: parse text or a file, detecting the format unless it is forced.

>>> parse_text("1\\n00:00:01,000 --> 00:00:02,000\\nHi.", "a.srt").lines[0].start
1.0
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from extract.parsers.detect import detect_format
from extract.parsers.jsonfmt import parse_json
from extract.parsers.labelled import parse_labelled
from extract.parsers.plain import parse_plain
from extract.parsers.srt import parse_srt
from extract.parsers.vtt import parse_vtt
from extract.parsers.whisper import parse_whisper
from extract.transcript import Transcript
from graph.errors import TranscriptParseError

Parser = Callable[[str, str], Transcript]

PARSERS: Mapping[str, Parser] = {
    "whisper": parse_whisper,
    "srt": parse_srt,
    "vtt": parse_vtt,
    "json": parse_json,
    "labelled": parse_labelled,
    "text": parse_plain,
}
FORMATS: tuple[str, ...] = tuple(PARSERS)


def parse_text(text: str, source: str, format: str | None = None) -> Transcript:
    """Parse decoded text with the named parser, or the detected one.

    A leading BOM is dropped and CRLF / CR line ends become LF.

    >>> t = parse_text("[00:00.000 --> 00:01.500]  Hi.\\r\\n", "a.txt")
    >>> t.format, t.lines[0].end
    ('whisper', 1.5)
    >>> parse_text("Hi.", "a.txt", format="mp3")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.TranscriptParseError: a.txt:1: unknown format 'mp3' (expected one of ...)
    """
    if format is not None and format not in PARSERS:
        problem = f"unknown format {format!r} (expected one of {', '.join(FORMATS)})"
        raise TranscriptParseError(source, 1, problem)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        no = text.count("\n", 0, text.index("\x00")) + 1
        raise TranscriptParseError(source, no, "binary data (NUL byte)")
    if not text.strip():
        raise TranscriptParseError(source, 1, "empty file")
    return PARSERS[format or detect_format(text)](text, source)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def decode(data: bytes, source: str) -> str:
    """A file's text: UTF-8 (BOM optional), UTF-16 with its BOM (as some Windows tools
    save subtitles), else Windows-1252 (older subtitle files) when the file holds no
    UTF-8 at all and reads as text; a UTF-8 file with a damaged byte is an error.

    >>> decode("Café.".encode("cp1252"), "a.srt"), decode("Hi.".encode("utf-16"), "a.srt")
    ('Café.', 'Hi.')
    >>> decode(b"ok\\x00\\x01", "a.txt")
    Traceback (most recent call last):
    ...
    graph.errors.TranscriptParseError: a.txt:1: binary data (NUL byte)
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            no = data[: exc.start].decode("utf-16", "replace").count("\n") + 1
            raise TranscriptParseError(source, no, "not UTF-16 after its byte order mark") from None
    if b"\x00" in data:
        no = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise TranscriptParseError(source, no, "binary data (NUL byte)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        no = data.count(b"\n", 0, exc.start) + 1
        start = exc.start
    problem = f"binary data (byte 0x{data[start]:02x} is not UTF-8)"
    if _UTF8_SEQUENCE.search(data):
        raise TranscriptParseError(source, no, problem)  # UTF-8 elsewhere: a damaged file
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise TranscriptParseError(source, no, problem) from None
    if _CONTROL.search(text):
        raise TranscriptParseError(source, no, problem)
    return text


def parse_file(path: str | Path, format: str | None = None) -> Transcript:
    """Read a transcript file (see :func:`decode`), parse it and record the sha256 of its bytes.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
    ...     _ = f.write(b"\\xef\\xbb\\xbfAnn: Hi.\\r\\nBob: Yo.\\r\\n")
    >>> t = parse_file(f.name); os.unlink(f.name)
    >>> t.format, [x.speaker for x in t.lines], len(t.sha256)
    ('labelled', ['Ann', 'Bob'], 64)
    """
    source = str(path)
    data = Path(path).read_bytes()
    text = decode(data, source)
    transcript = parse_text(text, source, format)
    return dataclasses.replace(transcript, sha256=hashlib.sha256(data).hexdigest())
