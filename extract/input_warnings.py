"""Warnings about an input that attribution cannot read well, printed by the CLI.

Speaker attribution reads turn changes from sentence punctuation ("?" ending a
question, a "Yeah." opening an answer) and names mostly from capitals. Auto-captions
without punctuation or case carry neither: with labels, punctuation and case
stripped (``python -m eval.strip_labels --captions``), the corpus's three labelled
episodes fall from 0.78–0.95 of words right to 0.55–0.77, with sentence ends put back
by a model (``speakers.caption_ends``) and names found only where the opening
introduces someone or greets them in a few set phrases (``speakers.caseless``).

>>> from extract.transcript import Line, Transcript
>>> words = "so what do you think about tides i think they matter a lot " * 8
>>> transcript_warnings(Transcript("a.vtt", "vtt", (Line(1, 0.0, 9.0, words),)))  # doctest: +ELLIPSIS
['a.vtt: 0 sentence marks in 104 words: ...', 'a.vtt: no capital letters: ...']
>>> transcript_warnings(Transcript("b.txt", "whisper", (Line(1, 0.0, 2.0, "Is it? Yes, it is."),)))
[]
>>> mojibake = Transcript("c.txt", "text", (Line(1, None, None, "最牡慢敧 café"),))
>>> transcript_warnings(mojibake)  # doctest: +ELLIPSIS
['c.txt: few English letters (3 of 8): podgraph reads English transcripts; ...']
"""

from __future__ import annotations

import re

from extract.transcript import Transcript

WORDS_PER_MARK = 60  # fewer sentence marks than one per this many words: unpunctuated
MIN_WORDS = 50  # a shorter transcript is not judged on punctuation and case
LATIN_SHARE = 0.5  # fewer of the letters plain Latin than this: not English, or decoded wrongly
_MARK = re.compile(r"[.?!](?=\s|$|[\"')\]])")


def unpunctuated(text: str) -> bool:
    """Fewer sentence marks than one per ``WORDS_PER_MARK`` words (in a text long enough to judge).

    >>> unpunctuated("so what do you think about tides " * 10), unpunctuated("Hi. " * 60)
    (True, False)
    """
    words = len(text.split())
    return words >= MIN_WORDS and _too_few_marks(len(_MARK.findall(text)), words)


def _too_few_marks(marks: int, words: int) -> bool:
    return marks * WORDS_PER_MARK < words


def transcript_warnings(transcript: Transcript) -> list[str]:
    """What the parser mended in the file; what a transcript lacks for podgraph: English
    letters (any transcript); sentence punctuation and capitals (an unlabelled one, for
    attribution)."""
    return [*transcript.notes, *_lacks(transcript)]


def _lacks(transcript: Transcript) -> list[str]:
    text = " ".join(line.text for line in transcript.lines)
    letters = [c for c in text if c.isalpha()]
    latin = sum(c.isascii() for c in letters)
    if letters and latin < LATIN_SHARE * len(letters):
        return [
            f"{transcript.source}: few English letters ({latin} of {len(letters)}): "
            "podgraph reads English transcripts; check the language and encoding of the file"
        ]
    if transcript.labelled:
        return []
    words = len(text.split())
    if words < MIN_WORDS:
        return []
    out: list[str] = []
    marks = len(_MARK.findall(text))
    if _too_few_marks(marks, words):
        out.append(
            f"{transcript.source}: {marks} sentence mark{'s' if marks != 1 else ''} in {words} words: "
            "speaker turns are read from punctuation, here restored by a model, so attribution is "
            "less reliable (a punctuated transcript, e.g. from Whisper, or --speakers 1 for one voice, "
            "avoids this)"
        )
    if not any(c.isupper() for c in text):
        out.append(
            f"{transcript.source}: no capital letters: names are found only where the opening "
            'introduces or greets someone (give them with --speakers "Host,Guest")'
        )
    return out
