"""Speaker labels in text transcripts, and the per-file decision to trust them.

>>> match_label("**Ann Lee:** Hello.")
Label(name='Ann Lee', time=None, rest='Hello.', strong=True)
>>> match_label("The plan: build it") is None
True
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from extract.transcript import Line
from graph.names import NAME_PARTICLES

_TIME = r"\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d+)?"
# A nickname in parentheses inside a name ("Elizabeth (Jake) Feinler"); a time never is one.
_NICK = r"(?:\s\([^\W\d_][\w.'’-]{0,20}\)\s[^*:()\[\]]+?)?"
_BOLD = re.compile(  # "**Ann Lee:**", "**Ann Lee (01:02):**", "**Ann Lee**:", "**Ann Lee** (01:02):"
    rf"\*\*(?P<name>[^*:()\[\]]+?{_NICK})\s*(?:[(\[](?P<time>{_TIME})[)\]])?\s*"
    rf"(?::\*\*|\*\*\s*(?:[(\[](?P<after>{_TIME})[)\]]\s*)?:)\s*(?P<rest>.*)"
)
# A bold name without a colon: "**Ann Lee** 00:03" above its paragraph, or "**Ann Lee** text".
_BOLD_BARE = re.compile(  # the time may be in italics: "**Ann Lee** *(00:03)*"
    rf"\*\*(?P<name>[^*:()\[\]]+?)\*\*\s+(?:(?P<em>[*_]?)[(\[]?(?P<time>{_TIME})[)\]]?(?P=em)\s*)?(?P<rest>.*)"
)
_PLAIN = re.compile(  # "Ann Lee: …", "Ann Lee (01:02): …", "Ann Lee [4:30]: …"
    rf"(?P<name>[^\W\d_][\w.'’ -]{{0,60}}?{_NICK})\s*(?:\((?P<time>{_TIME})\)|\[(?P<at>{_TIME})\])?\s*:"
    r"(?:\s+(?P<rest>.*))?"
)
# A turn set wholly in bold, its label inside ("**JO PARK: Why tides?**", "<b>Jo Park: …</b>"),
# as some interview pages set the interviewer's questions.
_WRAPPED = re.compile(
    r"(?:\*\*|<(?P<tag>b|strong)>)(?P<name>[^\W\d_][\w.'’ -]{0,60}?):\s*(?P<rest>.+?)\s*(?:\*\*|</(?P=tag)>)"
)
# A turn as an element of the page ('<Turn speaker="Jo Park" timestamp="00:06">', then the
# paragraphs, then '</Turn>'), as some podcast sites write their transcripts.
_TURN_TAG = re.compile(
    rf"<turn\s+speaker=\"(?P<name>[^\"]{{1,60}})\"(?:\s+(?:timestamp|time|start)=\"(?P<time>{_TIME})\")?\s*>"
    r"\s*(?P<rest>.*)",
    re.I,
)
_TURN_END = re.compile(r"</turn>", re.I)
_TIME_ONLY = re.compile(rf"\((?P<time>{_TIME})\):?")
# A name and a time alone on a line, the paragraph below ("Ann Lee  0:03" as Otter
# exports, "Ann Lee (00:00:03)"); and a time before a label ("[00:00:03] Ann Lee: text").
_HEADER = re.compile(rf"(?P<name>[^\W\d_][\w.'’ -]{{0,60}}?)\s+[(\[]?(?P<time>{_TIME})[)\]]?")
# A time before the name in a heading ("### [00:00:03] Ann Lee", the paragraph below).
_HEADER_TIME_FIRST = re.compile(rf"[(\[]?(?P<time>{_TIME})[)\]]?\s+(?P<name>[^\W\d_][\w.'’ -]{{0,60}}?)")
# A name in brackets, then its time in brackets, then the text ("[Speaker 1] [00:17] Hi.").
_BRACKETED_NAME = re.compile(rf"\[(?P<name>[^\]]{{1,60}})\]\s*[\[(](?P<time>{_TIME})[\])]\s*(?P<rest>.*)")
# A line that opens with its time ("[00:00:03] …", "(01:02) …", "1:02 …") or is only one.
TIMED_LINE = re.compile(r"[\[(]?(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?)[\])]?(?:\s+(?P<rest>\S.*))?")
_DIARISED_LABEL = r"(?:speaker|spk)[ _-]?\d+|[A-Z]+_\d+"
_DIARISED = re.compile(_DIARISED_LABEL, re.I)
_BRACKETED = re.compile(rf"[\[(]\s*({_DIARISED_LABEL})\s*[\])]\s*:?\s*", re.I)  # "[SPEAKER_00] …"
# What captions put in brackets besides names ("[Music] [00:03] …").
_SOUNDS = frozenset({"music", "laughter", "laughs", "applause", "inaudible", "crosstalk", "silence", "noise"})
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
# A line that is only a web address ("Video: <https://…>") gives a link, not a turn.
_ONLY_LINK = re.compile(r"<?(?:https?://|www\.)\S+>?|\[[^\]]*\]\((?:https?://|www\.)[^)]*\)")
# Letters after a bold name ("**Jane Doe, PhD:**"): a credential, not part of the name.
_CREDENTIAL = re.compile(r",\s*(?:[A-Z][A-Za-z]{0,3}\.?){1,3}$")
_PARTICLES = frozenset(NAME_PARTICLES)  # lower-case words inside a name ("Ana dos Santos")


class Label(NamedTuple):
    """A speaker label: ``name`` (None for a bare ``(time):`` marker), its ``time``
    text if any, the ``rest`` of the line ("" when the label stands alone), and
    whether it is ``strong`` (bold, timed or diarised, so trusted in any file)."""

    name: str | None
    time: str | None
    rest: str
    strong: bool


def is_speaker_name(name: str) -> bool:
    """1–5 capitalised words, initials, hyphens, apostrophes; or a diarisation label.

    >>> [is_speaker_name(n) for n in ("Mary-Jo O'Neil", "J. R. Smith", "SPEAKER_01",
    ...                               "Speaker 2", "The plan", "Why, then", "Ludwig van Beethoven")]
    [True, True, True, True, False, False, True]
    >>> is_speaker_name("José Ortega y Gasset"), is_speaker_name("Ana dos Santos"), is_speaker_name("Jo y")
    (True, True, False)
    >>> is_speaker_name("Ann (Jo) Lee"), is_speaker_name("Ann (Jo)"), is_speaker_name("(Jo) Li")
    (True, False, False)
    """
    if _DIARISED.fullmatch(name):
        return True
    words = name.split()
    if not 1 <= len(words) <= 5:
        return False
    for i, word in enumerate(words):
        if i and (word.isdigit() or (word in _PARTICLES and i < len(words) - 1)):
            continue
        if 0 < i < len(words) - 1 and word[:1] == "(" and word[-1:] == ")" and word[1:2].isupper():
            continue  # a nickname: "Elizabeth (Jake) Feinler"
        if _INITIALS.fullmatch(word):
            if word[0].isupper():
                continue
            return False
        core = word[:-1] if word.endswith(".") and len(word) <= 4 else word
        if not (core[:1].isupper() and all(c.isalpha() or c in "-'’" for c in core)):
            return False
    return True


def match_label(stripped: str) -> Label | None:
    """The speaker label that starts a stripped line, or None.

    >>> match_label("Chip Lee (01:02:03):")
    Label(name='Chip Lee', time='01:02:03', rest='', strong=True)
    >>> match_label("Chip Lee [4:30]: Hi.")
    Label(name='Chip Lee', time='4:30', rest='Hi.', strong=True)
    >>> match_label("**Ann Lee** (00:09): Hi.")
    Label(name='Ann Lee', time='00:09', rest='Hi.', strong=True)
    >>> match_label("(00:01:41):")
    Label(name=None, time='00:01:41', rest='', strong=True)
    >>> match_label("**ann lee**: Hi.")
    Label(name='ann lee', time=None, rest='Hi.', strong=True)
    >>> match_label("**Jo B. Park, Psy.D:** Hi.").name, match_label("**Jo Park, PhD**: Hi.").name
    ('Jo B. Park', 'Jo Park')
    >>> match_label("### Jo Park  0:03"), match_label("## Part 2") is None
    (Label(name='Jo Park', time='0:03', rest='', strong=True), True)
    >>> match_label("**Jo Park** *(00:00:34)*")
    Label(name='Jo Park', time='00:00:34', rest='', strong=True)
    >>> match_label("**Dr. Jo Park** 00:03"), match_label("**Jo Park** Hi.").strong
    (Label(name='Dr. Jo Park', time='00:03', rest='', strong=True), False)
    >>> match_label("Bo: yes").strong, match_label("SPEAKER_00: yes").strong
    (False, True)
    >>> match_label("Video: <https://example.org/v/1>"), match_label("Notes: [here](https://example.org)")
    (None, None)
    >>> match_label("Ann Lee  1:02:09"), match_label("Page 3  0:03 more") is None
    (Label(name='Ann Lee', time='1:02:09', rest='', strong=True), True)
    >>> match_label("Ann Lee (00:00:03)").time, match_label("[00:00:03] Ann Lee: Hi.")
    ('00:00:03', Label(name='Ann Lee', time='00:00:03', rest='Hi.', strong=True))
    >>> match_label("Ann van Lee: 00:01:11"), match_label("**Ann:** [01:11]").time
    (Label(name='Ann van Lee', time='00:01:11', rest='', strong=True), '01:11')
    >>> match_label("### [00:00:25] Jo Park")
    Label(name='Jo Park', time='00:00:25', rest='', strong=True)
    >>> match_label("[Speaker 2] [00:03] No. We")
    Label(name='Speaker 2', time='00:03', rest='No. We', strong=True)
    >>> match_label("[Music] [00:03] la la") is None, match_label("### [00:01] Part two of it") is None
    (True, True)
    >>> match_label('<Turn speaker="Jo Park" timestamp="00:06">'), match_label("</Turn>").name
    (Label(name='Jo Park', time='00:06', rest='', strong=True), None)
    >>> match_label("**JO PARK: Why tides?**"), match_label("<b>Jo Park: Why?</b>").rest
    (Label(name='JO PARK', time=None, rest='Why tides?', strong=False), 'Why?')
    >>> match_label("**Note: this is** not a label"), match_label("**The plan: go.**")
    (None, None)
    """
    if stripped[:2].lower() in ("<t", "</"):
        tag = _TURN_TAG.fullmatch(stripped)
        if tag and is_speaker_name(tag["name"].strip()):
            return Label(tag["name"].strip(), tag["time"], tag["rest"].strip(), True)
        if _TURN_END.fullmatch(stripped):
            return Label(None, None, "", True)  # the turn's end: no text, the speaker goes on
    wrapped = _WRAPPED.fullmatch(stripped) if stripped.startswith(("**", "<b>", "<strong>")) else None
    if wrapped and is_speaker_name(wrapped["name"].strip()) and "**" not in wrapped["rest"]:
        # Weak: a bold line of show notes is set so too ("**Update: we moved.**").
        return Label(wrapped["name"].strip(), None, wrapped["rest"], False)
    if stripped.startswith("**"):
        m = _BOLD.fullmatch(stripped)
        name = _CREDENTIAL.sub("", m["name"].strip()) if m else ""
        # Bold marks a label plainly enough to take a name its owner writes in lower case
        # (not a bold heading in sentence case: "**Learn more about us:**").
        if m and is_speaker_name(name.title() if name.islower() else name):
            return _time_after(Label(name, m["time"] or m["after"], m["rest"].strip(), True))
        bare = _BOLD_BARE.fullmatch(stripped)
        if bare and is_speaker_name(bare["name"].strip()) and (bare["time"] or bare["rest"]):
            # A time alone after it marks a header; text after it is weak, as emphasis can open prose.
            rest = bare["rest"].strip()
            return Label(bare["name"].strip(), bare["time"], rest, bool(bare["time"]) and not rest)
        return None
    if stripped.startswith("("):
        m = _TIME_ONLY.fullmatch(stripped)
        return Label(None, m["time"], "", True) if m else None
    if stripped.startswith("#"):
        # A Markdown heading holding a name and a time ("### Ann Lee  0:03"), as some
        # sites render Otter exports; any other heading is no label.
        heading = stripped.lstrip("#").strip()
        header = _HEADER.fullmatch(heading) or _HEADER_TIME_FIRST.fullmatch(heading)
        if header and is_speaker_name(header["name"].strip()):
            return Label(header["name"].strip(), header["time"], "", True)
        return None
    if stripped.startswith("["):
        bracketed = _BRACKETED_NAME.fullmatch(stripped)
        name = bracketed["name"].strip() if bracketed else ""
        if bracketed and is_speaker_name(name) and name.lower() not in _SOUNDS:
            return Label(name, bracketed["time"], bracketed["rest"].strip(), True)
    header = _HEADER.fullmatch(stripped)
    if header and is_speaker_name(header["name"].strip()):
        return Label(header["name"].strip(), header["time"], "", True)
    first = TIMED_LINE.fullmatch(stripped)
    if first and first["rest"]:
        label = match_label(first["rest"])
        if label is not None and label.name and label.time is None:
            return Label(label.name, first["time"], label.rest, True)
    if ":" not in stripped:
        return None
    m = _PLAIN.fullmatch(stripped)
    if m is None:
        return None
    name = m["name"].strip()
    if not is_speaker_name(name) or _ONLY_LINK.fullmatch(m["rest"] or ""):
        return None
    time = m["time"] or m["at"]
    strong = time is not None or _DIARISED.fullmatch(name) is not None
    return _time_after(Label(name, time, (m["rest"] or "").strip(), strong))


def _time_after(label: Label) -> Label:
    """A label whose text is only a time ("Ann Lee: 00:01:11" above its paragraph, as
    some archives write turns) is a timed header: the time is the turn's, not speech.

    >>> _time_after(Label("Ann", None, "00:01:11", False))
    Label(name='Ann', time='00:01:11', rest='', strong=True)
    >>> _time_after(Label("Ann", None, "At 10:30.", False)).rest
    'At 10:30.'
    """
    timed = TIMED_LINE.fullmatch(label.rest) if label.rest and label.time is None else None
    if timed is None or timed["rest"]:
        return label
    return Label(label.name, timed["time"], "", True)


def file_labels(rows: list[str]) -> list[Label | None]:
    """The trusted label of each row, decided for the whole file.

    Strong labels are always trusted. Weak ``Name: text`` labels are trusted only when
    at least two blocks start with one and they start at least half of the file's
    blocks (a block starts after a blank line or at a label), so a stray
    ``Summary: ...`` in prose stays text.

    >>> [bool(x) for x in file_labels(["Ann: Hi.", "Bob: Yo.", "Ann: Bye."])]
    [True, True, True]
    >>> [bool(x) for x in file_labels(["Plan A: go.", "", "Some prose.", "", "More prose."])]
    [False, False, False, False, False]
    """
    found: list[Label | None] = []
    blocks = weak = 0
    after_blank = True
    for raw in rows:
        stripped = raw.strip()
        label = match_label(stripped) if stripped else None
        found.append(label)
        if label is not None or (stripped and after_blank and not stripped.startswith("#")):
            blocks += 1
            weak += label is not None and not label.strong
        after_blank = not stripped
    if not any(x is not None and x.name for x in found):
        found = _bare_names(rows, found)
    return _trusted(_without_headings(found), weak, blocks)


def _bare_names(rows: list[str], found: list[Label | None]) -> list[Label | None]:
    """A file with no other labels whose turns open with the speaker's name alone on a
    line ("Ann Lee", then the paragraph): trusted when two to six such names each come
    back at least three times, each before a paragraph. Strong, so the file reads as labelled.

    >>> rows = ["Ann", "", "Hi there.", "", "Bo Chen", "", "Hello to you.", "", "Ann", "So then.", ""] * 3
    >>> [x.name for x in _bare_names(rows, [None] * len(rows)) if x][:3]
    ['Ann', 'Bo Chen', 'Ann']
    >>> any(_bare_names(["Notes", "", "Some prose."], [None] * 3))
    False
    >>> [x.name for x in _bare_names(["Summary", "Of it all."] + rows, [None] * (len(rows) + 2)) if x][:2]
    ['Ann', 'Bo Chen']
    """
    def next_text(i: int) -> str:
        return next((r.strip() for r in rows[i + 1 :] if r.strip()), "")

    bare = {
        i: row.strip()
        for i, row in enumerate(rows)
        if 0 < len(row.split()) <= 4
        and row.strip()[-1].isalpha()
        and is_speaker_name(row.strip())
        and not _DIARISED.fullmatch(row.strip())
        and next_text(i)
        and not is_speaker_name(next_text(i))
    }
    names = {n for n, count in Counter(bare.values()).items() if count >= 3}  # a stray "Summary" is none
    if not 2 <= len(names) <= 6:
        return found
    return [Label(bare[i], None, "", True) if bare.get(i) in names else x for i, x in enumerate(found)]


def _without_headings(found: list[Label | None]) -> list[Label | None]:
    """``found`` without bold labels standing alone that name someone once while other
    names come back: those are section headings of show notes ("**News:**"), not turns.

    >>> ann, news = Label("Ann", None, "Hi.", True), Label("News", None, "", True)
    >>> [x and x.name for x in _without_headings([news, ann, ann])]
    [None, 'Ann', 'Ann']
    """
    names = Counter(x.name for x in found if x is not None and x.name)
    if not names or max(names.values()) < 2:
        return found
    return [
        None if x is not None and x.name and names[x.name] == 1 and not x.rest and x.time is None else x
        for x in found
    ]


def _trusted(found: list[Label | None], weak: int, blocks: int) -> list[Label | None]:
    """``found`` with weak labels kept only when at least two of the ``blocks`` and half
    of them open with one, or a quarter do and the labels are two to six names each
    said at least three times (turns that run over several paragraphs).

    >>> turn = [Label("Ann", None, "Hi.", False), None, None, Label("Bo", None, "Yo.", False)]
    >>> sum(x is not None for x in _trusted(turn * 3 + [None] * 6, 6, 18))
    6
    """
    names = Counter(x.name for x in found if x is not None and not x.strong)
    repeated = 2 <= len(names) <= 6 and min(names.values()) >= 3
    if weak >= 2 and (weak * 2 >= blocks or (repeated and weak * 4 >= blocks)):
        return found
    return [x if x is not None and x.strong else None for x in found]


_MARKER = re.compile(r"(?:^|\s)>>>?(?=\s|$)")


def split_turn_markers(lines: Sequence[Line]) -> list[Line]:
    """Lines cut where closed captions mark a new speaker with ">>", each piece after a
    marker starting a turn; times inside a cut line are left to the aligner.

    >>> cut = split_turn_markers([Line(4, 1.0, 3.0, ">> How deep? >> Ten metres.")])
    >>> [(x.line_no, x.start, x.end, x.text, x.turn_start) for x in cut]
    [(4, 1.0, None, 'How deep?', True), (4, None, 3.0, 'Ten metres.', True)]
    """
    out: list[Line] = []
    for line in lines:
        if ">>" not in line.text:
            out.append(line)
            continue
        cuts = [m.start() for m in _MARKER.finditer(line.text)]
        bounds = [0, *cuts, len(line.text)]
        pieces = [(line.text[a:b], i > 0) for i, (a, b) in enumerate(itertools.pairwise(bounds))]
        kept = [(_MARKER.sub(" ", text).strip(), marked) for text, marked in pieces]
        kept = [(text, marked) for text, marked in kept if text]
        for i, (text, marked) in enumerate(kept):
            start = line.start if i == 0 else None
            end = line.end if i == len(kept) - 1 else None
            out.append(replace(line, start=start, end=end, text=text, turn_start=marked or line.turn_start))
    return out


def cue_labels(lines: Sequence[Line]) -> list[Line]:
    """Lines of a timed format (SRT, Whisper, WebVTT without voices) cut at ">>" turn
    markers (:func:`split_turn_markers`); where the text opens with a speaker label
    ("SPEAKER_00: …", "[SPEAKER_00] …", "Ann Lee: …"), the label moved to ``speaker``
    and ``turn_start`` where it changes.

    Diarisation labels are always trusted; ``Name:`` labels only when at least two
    cues and half of all cues open with one, so "Basically: …" in captions stays text.
    A label standing alone names the next cue with text.

    >>> cues = [Line(1, 0.0, 1.0, "[SPEAKER_00]: Hi."), Line(2, 1.0, 2.0, "So: no."),
    ...         Line(3, 2.0, 3.0, "SPEAKER_01:"), Line(4, 3.0, 4.0, "Yes.")]
    >>> [(x.line_no, x.speaker, x.text, x.turn_start) for x in cue_labels(cues)]
    [(1, 'SPEAKER_00', 'Hi.', True), (2, None, 'So: no.', False), (4, 'SPEAKER_01', 'Yes.', True)]
    """
    lines = split_turn_markers(lines)
    found: list[Label | None] = []
    for line in lines:
        text = line.text.strip()
        bracketed = _BRACKETED.match(text)  # "[SPEAKER_00] …" reads as "SPEAKER_00: …"
        label = match_label(f"{bracketed[1]}: {text[bracketed.end() :]}" if bracketed else text)
        found.append(label if label is not None and label.name else None)
    found = _trusted(found, sum(1 for x in found if x is not None and not x.strong), len(lines))
    if not any(found):
        return list(lines)
    out: list[Line] = []
    pending: str | None = None
    previous: str | None = None
    for line, label in zip(lines, found, strict=True):
        text, speaker = line.text, pending
        if label is not None:
            text, speaker = label.rest, label.name
        if not text:
            pending = speaker
            continue
        pending = None
        turn = speaker is not None and speaker != previous
        previous = speaker or previous
        out.append(replace(line, text=text, speaker=speaker, turn_start=turn or line.turn_start))
    return out
