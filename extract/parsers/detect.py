"""Guess a transcript's format from its content alone.

>>> detect_format("[00:00.000 --> 00:01.000]  Hi.")
'whisper'
"""

from __future__ import annotations

import re

from extract.parsers.front_turns import has_front_turns
from extract.parsers.labels import file_labels
from extract.parsers.markdown import split_front_matter
from extract.parsers.srt import SRT_TIMING
from extract.parsers.whisper import WHISPER_LINE

_JSON_ARRAY = re.compile(r"\[\s*[{\]]")
_SAMPLE_LINES = 40


def detect_format(text: str) -> str:
    """One of ``whisper``, ``srt``, ``vtt``, ``json``, ``labelled``, ``text``.

    Looks at the content only: a ``WEBVTT`` header, a JSON object or array of
    objects, ``[start --> end]`` lines, SRT timing lines, speaker labels (decided for
    the whole file), else plain text.

    >>> [detect_format(s) for s in ("WEBVTT\\n", '{"segments": []}', "1\\n00:00:01,000 --> 00:00:02,000\\nHi",
    ...                              "Ann: Hi.\\nBob: Yo.", "The plan: build it.\\n\\nThen rest.")]
    ['vtt', 'json', 'srt', 'labelled', 'text']
    """
    body = text.lstrip("\ufeff \t\r\n")
    if body.startswith("WEBVTT"):
        return "vtt"
    if body.startswith("{") or _JSON_ARRAY.match(body):
        return "json"
    sample: list[str] = []
    for raw in body.split("\n", _SAMPLE_LINES * 3)[: _SAMPLE_LINES * 3]:
        if raw.strip():
            sample.append(raw.strip())
        if len(sample) >= _SAMPLE_LINES:
            break
    if sample and WHISPER_LINE.fullmatch(sample[0]):
        return "whisper"
    if any("-->" in s and SRT_TIMING.fullmatch(s) for s in sample):
        return "srt"
    rows, _ = split_front_matter(body)
    if has_front_turns(body) or any(label is not None and label.name for label in file_labels(rows)):
        return "labelled"
    return "text"
