"""Transcript parsers: one pure function per format, chosen by content.

>>> parse_text("Ann: Hi.\\nBob: Yo.", "chat.txt").format
'labelled'
"""

from __future__ import annotations

from extract.parsers.detect import detect_format
from extract.parsers.dispatch import FORMATS, PARSERS, parse_file, parse_text
from extract.parsers.jsonfmt import parse_json
from extract.parsers.labelled import parse_labelled
from extract.parsers.plain import parse_plain
from extract.parsers.srt import parse_srt
from extract.parsers.vtt import parse_vtt
from extract.parsers.whisper import parse_whisper

__all__ = [
    "FORMATS",
    "PARSERS",
    "detect_format",
    "parse_file",
    "parse_json",
    "parse_labelled",
    "parse_plain",
    "parse_srt",
    "parse_text",
    "parse_vtt",
    "parse_whisper",
]
