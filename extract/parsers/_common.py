"""Helpers shared by the format parsers: clock times, ordering checks, metadata.

>>> parse_clock("01:02:03.500")
3723.5
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import html
import re
from collections.abc import Iterable, Mapping

from extract.transcript import Line, Transcript
from graph.errors import TranscriptParseError

#: A start may run this many seconds before the previous line's start without being an
#: error: Whisper and caption tools emit small overlaps when they re-segment.
BACKWARDS_TOLERANCE_S = 1.0
# Turn times typed into a labelled transcript overlap more where speakers talk over each
# other (an interjection timed inside the turn it interrupts).
LABELLED_TOLERANCE_S = 3.0
# Times a person typed (a labelled file's turn times, a plain file's markers) can be
# mistyped: up to this share of them out of order ("00:15:52" for 00:14:52) are read as
# missing and interpolated, with a warning, in a file with at least REPAIR_MIN_LINES times.
TYPED_TIMES = frozenset({"labelled", "text"})
REPAIR_SHARE = 0.05
REPAIR_MIN_LINES = 20

_CLOCK = re.compile(r"(?:(\d+):)?(\d+):(\d+)(?:[.,](\d+))?")
_DATE_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y")
# Caption markup, not speech: tags (<i>, <font …>, <v Name>, <c>), word times
# (<00:00:01.500>) and {\an8}-style position codes.
_CAPTION_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|<\d[\d:.]*>|\{\\[^}]*\}")


# A subtitle line opening with a dialogue dash ("- Ten metres."), not "--" or "-5".
_DIALOGUE_DASH = re.compile(r"^[-–](?![-–])\s*(?=[^\s\d])")


def dialogue_turns(rows: list[str]) -> list[str]:
    """A cue's text lines with the subtitle convention for two speakers in one cue read:
    where a line after the first opens with a dash, each dashed line after the first
    starts a new speaker (as a ">>" marker) and the first line's dash is dropped.

    >>> dialogue_turns(["- How deep?", "- Ten metres."])
    ['How deep?', '>> Ten metres.']
    >>> dialogue_turns(["It was -", "-- cold."]), dialogue_turns(["- Alone."])
    (['It was -', '-- cold.'], ['- Alone.'])
    """
    if not any(_DIALOGUE_DASH.match(r) for r in rows[1:]):
        return rows
    return [_DIALOGUE_DASH.sub(">> " if i else "", r) for i, r in enumerate(rows)]


def caption_text(text: str) -> str:
    """Caption text as spoken: markup dropped, entities decoded, spaces collapsed.

    >>> caption_text("<i>Fish</i> &amp; <c.red>chips</c><00:00:01.500>  now")
    'Fish & chips now'
    """
    return " ".join(html.unescape(_CAPTION_MARKUP.sub("", text)).split())


def parse_clock(value: str) -> float:
    """Seconds from ``HH:MM:SS.mmm``, ``H:MM:SS,mmm``, ``MM:SS.mmm`` or ``MM:SS``.

    Minutes and seconds must be below 60 (minutes may exceed 59 only when there is no
    hours field). Raises ValueError on anything else.

    >>> parse_clock("00:01:02,250"), parse_clock("75:00.0"), parse_clock("1:00:01.960")
    (62.25, 4500.0, 3601.96)
    """
    m = _CLOCK.fullmatch(value.strip())
    if m is None:
        raise ValueError(f"unreadable time {value!r}")
    hours, minutes, seconds, frac = m.groups()
    if int(seconds) >= 60 or len(seconds) != 2 or (hours is not None and int(minutes) >= 60):
        raise ValueError(f"unreadable time {value!r}")
    total = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return round(total + (int(frac) / 10 ** len(frac) if frac else 0.0), 3)


def clock_or_error(value: str, source: str, line_no: int, line: str) -> float:
    """:func:`parse_clock`, raising TranscriptParseError naming the file line.

    >>> clock_or_error("00:00:01.5", "a.srt", 3, "")
    1.5
    """
    try:
        return parse_clock(value)
    except ValueError:
        raise TranscriptParseError(source, line_no, f"unreadable time {value!r}", line) from None


def build(source: str, fmt: str, lines: Iterable[Line], meta: Mapping[str, str] | None = None) -> Transcript:
    """Check the times of ``lines`` (see :func:`check_times`) and wrap them.

    >>> build("a.txt", "text", [Line(1, None, None, "Hi.")]).lines[0].text
    'Hi.'
    """
    checked = tuple(lines)
    tolerance = LABELLED_TOLERANCE_S if fmt == "labelled" else BACKWARDS_TOLERANCE_S
    notes: tuple[str, ...] = ()
    try:
        check_times(source, checked, tolerance)
    except TranscriptParseError:
        if fmt not in TYPED_TIMES:
            raise
        checked, notes = mend_typed_times(source, checked)
        check_times(source, checked, tolerance)  # still out of order: too many to mend
    return Transcript(source=source, format=fmt, lines=checked, meta=dict(meta or {}), notes=notes)


def _off_order(starts: list[float]) -> set[int]:
    """Indices of the starts off one longest non-decreasing run through them.

    >>> sorted(_off_order([1.0, 2.0, 9.0, 3.0, 4.0])), sorted(_off_order([5.0, 1.0, 2.0]))
    ([2], [0])
    """
    tails: list[float] = []  # the smallest last start of a run of each length
    ends: list[int] = []  # … and its index
    before = [-1] * len(starts)
    for i, x in enumerate(starts):
        k = bisect.bisect_right(tails, x)
        before[i] = ends[k - 1] if k else -1
        if k == len(tails):
            tails.append(x)
            ends.append(i)
        else:
            tails[k], ends[k] = x, i
    kept: set[int] = set()
    i = ends[-1] if ends else -1
    while i >= 0:
        kept.add(i)
        i = before[i]
    return set(range(len(starts))) - kept


def mend_typed_times(source: str, lines: tuple[Line, ...]) -> tuple[tuple[Line, ...], tuple[str, ...]]:
    """Lines whose few times off the longest run in order are read as missing (mistyped),
    and a note saying which; the lines unchanged when too many are off to be typing slips.

    >>> rows = [Line(i + 1, 10.0 * i, None, "x") for i in range(30)]
    >>> rows[7] = Line(8, 500.0, None, "x")
    >>> mended, notes = mend_typed_times("a.md", tuple(rows))
    >>> mended[7].start, notes
    (None, ('a.md: 1 timestamp out of order (line 8), read as missing and interpolated',))
    """
    timed = [i for i, line in enumerate(lines) if line.start is not None]
    off = {timed[k] for k in _off_order([lines[i].start or 0.0 for i in timed])}
    if len(timed) < REPAIR_MIN_LINES or len(off) > REPAIR_SHARE * len(timed):
        return lines, ()
    mended = tuple(
        dataclasses.replace(line, start=None, end=None) if i in off else line for i, line in enumerate(lines)
    )
    numbers = ", ".join(str(lines[i].line_no) for i in sorted(off))
    plural = "s" if len(off) > 1 else ""
    note = f"{source}: {len(off)} timestamp{plural} out of order (line{plural} {numbers}), "
    note += "read as missing and interpolated"
    return mended, (note,)


def check_times(source: str, lines: Iterable[Line], tolerance: float = BACKWARDS_TOLERANCE_S) -> None:
    """Raise if a line ends before it starts or starts more than ``tolerance`` seconds
    before the previous start.

    >>> check_times("a", [Line(1, 5.0, 6.0, "a"), Line(2, 4.5, 6.0, "b")])  # tiny overlap
    >>> check_times("a", [Line(1, 5.0, 6.0, "a"), Line(2, 3.0, 4.0, "b")])
    Traceback (most recent call last):
    ...
    graph.errors.TranscriptParseError: a:2: timestamp goes backwards (3.000 s after 5.000 s): 'b'
    """
    previous: float | None = None
    for line in lines:
        if line.start is not None and line.end is not None and line.end < line.start:
            problem = f"end before start ({line.end:.3f} s < {line.start:.3f} s)"
            raise TranscriptParseError(source, line.line_no, problem, line.text)
        if line.start is None:
            continue
        if previous is not None and line.start < previous - tolerance:
            problem = f"timestamp goes backwards ({line.start:.3f} s after {previous:.3f} s)"
            raise TranscriptParseError(source, line.line_no, problem, line.text)
        previous = line.start


def iso_date(value: object) -> str | None:
    """A date as ``YYYY-MM-DD``, or None when it cannot be read.

    >>> iso_date("20260429"), iso_date("2025-10-23T08:00:00Z"), iso_date("soon")
    ('2026-04-29', '2025-10-23', None)
    """
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    text = str(value).strip()
    if re.match(r"\d{4}-\d{2}-\d{2}T", text):
        text = text[:10]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def collect_meta(raw: Mapping[str, object], keys: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Pick metadata: for each target key, the first present, non-empty source key.

    ``published`` is normalised to ``YYYY-MM-DD`` (dropped when unreadable),
    ``duration_s`` only takes numbers; co-hosts may be a list; every value becomes a string.

    >>> collect_meta({"date": "2024-01-02", "url": "u", "co-hosts": ["Ann", "Bo"]}, META_KEYS)
    {'published': '2024-01-02', 'cohost': 'Ann, Bo', 'media_url': 'u'}
    >>> collect_meta({"speakers": [{"id": 0}, {"id": 1}]}, META_KEYS)  # a speech API's records
    {}
    >>> collect_meta({"facilitators": ["Ann Lee"], "storyteller": "Bo Chen"}, META_KEYS)
    {'guest': 'Bo Chen', 'host': 'Ann Lee'}
    >>> collect_meta({"guests": ["bochen"], "host": "ann lee"}, META_KEYS)  # a handle is no name
    {'host': 'ann lee'}
    """
    meta: dict[str, str] = {}
    for target, names in keys.items():
        for name in names:
            value = raw.get(name)
            if target in _LISTS and isinstance(value, list):  # of names; not of records
                value = ", ".join(v.strip() for v in value if isinstance(v, str) and v.strip())
            elif target in _ONE_OF_LIST and isinstance(value, list):  # ["Jane Doe"]: the first
                value = next((v.strip() for v in value if isinstance(v, str) and v.strip()), None)
            if target in _ONE_OF_LIST and isinstance(value, str) and _HANDLE.fullmatch(value.strip()):
                continue  # a site's handle or slug for the person ("janedoe"), not a name
            if value is None or value == "" or isinstance(value, list | dict):
                continue
            if target == "duration_s" and not _is_number(value):
                continue
            text = iso_date(value) if target == "published" else str(value).strip()
            if text:
                meta[target] = text
            break
    return meta


_LISTS = frozenset({"cohost", "speakers"})  # keys whose value may be a list, kept as "A, B"
_ONE_OF_LIST = frozenset({"host", "guest"})  # keys whose value may be a list: its first name
_HANDLE = re.compile(r"[a-z0-9_.-]+")

#: Where each metadata key may come from, in order of preference.
META_KEYS: Mapping[str, tuple[str, ...]] = {
    "title": ("title",),
    "show": ("show", "podcast", "channel"),
    "published": ("published", "publish_date", "date"),
    # Interview sites name the roles in their own words ("facilitators", "storyteller").
    "guest": ("guest", "guests", "interviewee", "storyteller"),
    "host": ("host", "hosts", "interviewer", "interviewers", "facilitator", "facilitators", "moderator"),
    "cohost": ("cohost", "co-host", "co_host", "cohosts", "co-hosts", "co_hosts"),
    "speakers": ("speakers", "participants"),  # names, roles unsaid
    "media_url": ("source_url", "url", "youtube_url", "media_url"),
    "duration_s": ("duration_seconds", "duration_s", "duration"),
}


def _is_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    try:
        float(str(value))
    except ValueError:
        return False
    return True
