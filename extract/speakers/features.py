"""What each unit shows of its speaker's role, and what each boundary shows of a turn change.

Emission features are categorical (how the unit ends, how it opens, its length)
plus counts of token classes (fillers, "you", "I", "we", hedges, question words,
asking phrases); their per-role rates start from a role profile and are adapted
per episode by EM. Boundary features feed the turn-change probability.

>>> f = unit_features(Unit(0, 22, "Yeah, um, do you see?"))
>>> f.end, f.opener, f.counts[CLASSES.index("filler")], f.counts[CLASSES.index("ask")]
(1, 2, 1, 1)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.speakers.units import Unit

ENDS = ("period", "question", "open")
OPENERS = ("none", "filler", "agree", "react", "so", "conj")
LENGTHS = (3, 10, 25)  # upper bounds of the first length bins, in words
SHORT_WORDS = 2  # a unit this short is mostly a reply to the other voice
CLASSES = ("filler", "you", "i", "we", "hedge", "qword", "ask", "other")

_OPENER_WORDS: dict[str, int] = {}
for _i, _words in enumerate(
    (
        (),
        ("um", "uh", "ah", "er", "erm"),
        (
            "yeah",
            "yes",
            "yep",
            "yup",
            "right",
            "exactly",
            "sure",
            "absolutely",
            "definitely",
            "correct",
            "totally",
            "true",
            "no",
            "nope",
            "indeed",
        ),
        (
            "oh",
            "okay",
            "ok",
            "interesting",
            "wow",
            "cool",
            "great",
            "gotcha",
            "fascinating",
            "nice",
            "awesome",
            "fair",
            "thanks",
            "thank",
            "amazing",
            "huh",
            "hmm",  # a listener's "hmm" reacts; "um" and "uh" hold the floor
            "mm",
            "mhm",
        ),
        ("so", "well", "now", "alright", "anyway", "anyways", "hey"),
        ("and", "but", "or", "because", "cause", "though", "although", "also", "plus"),
    )
):
    for _w in _words:
        _OPENER_WORDS[_w] = _i
OPENER_WORDS = frozenset(_OPENER_WORDS)  # discourse words that open a unit ("yeah", "nope", "so")
_REACT_PHRASES = re.compile(
    r"^(i see|got it|makes sense|that makes sense|fair enough|all right|(?:that'?s |that is )?good to hear|"
    r"(?:(?:yes|yeah|oh),? )?(?:that )?sounds (?:(?:so|very|really|pretty) )?"
    r"(?:great|good|lovely|amazing|fun|interesting|cool|fascinating|awesome)[.!,]?$|"
    r"(?:that'?s|it'?s|that is|it is|this is) (?:(?:so|very|really|super|pretty|quite|such an?) )*"
    r"(?:interesting|fascinating|great|cool|amazing|awesome|fair|wild|crazy|incredible|fantastic|funny)[.!,]?$)",
    re.I,
)

CLASS_WORDS: dict[str, int] = {}
for _name, _words in (
    ("filler", ("um", "uh", "ah", "er", "erm")),
    ("you", ("you", "your", "you're", "you've", "you'd", "you'll", "yours", "yourself", "yourselves")),
    ("i", ("i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself")),
    ("we", ("we", "we're", "we've", "we'd", "we'll", "our", "ours", "us", "ourselves")),
    (
        "hedge",
        ("maybe", "probably", "perhaps", "guess", "basically", "actually", "somewhat", "roughly", "might"),
    ),
    ("qword", ("what", "why", "how", "which", "when", "where", "whether", "who")),
):
    for _w in _words:
        CLASS_WORDS[_w] = CLASSES.index(_name)
_ASK = re.compile(
    r"\b(do|did|would|could|can|are|have|will|should|were) you\b|\bi'?m (curious|wondering)\b|"
    r"\bi wonder\b|\btell (me|us)\b|\btalk about\b|\bwhat's your\b|\byour (take|view|sense|thoughts)\b",
    re.I,
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# A request to speak asks as a question does, without its question mark
# ("Tell us what that means.", "Walk me through the build.").
_REQUEST = re.compile(
    r"^(?:(?:so|and|okay|ok|well|now|yeah|um|uh|but)\W+)*(?:please\s+)?"
    r"(?:tell (?:me|us)|walk (?:me|us) through|talk (?:to us |to me )?about|explain|describe|"
    r"help (?:me|us) understand)\b",
    re.I,
)
# A guest taking up a question: "That's a great question", "Good question."
_ANSWER = re.compile(
    r"^(?:(?:yeah|yes|oh|well|so|um|uh|hmm|okay|ok)\W+)*"
    r"(?:(?:that'?s|that is|it'?s|it is|what) (?:a |an )?(?:really |very |such a )?)?"
    r"(?:great|good|tough|hard|fascinating|interesting|fair|big|excellent|difficult|deep|loaded) question\b",
    re.I,
)
# A hedged first person opening the unit: how an answer starts ("I think …", "I guess …").
_HEDGED_I = re.compile(
    r"^(?:(?:yeah|yes|so|well|and|but|um|uh|oh)\W+)*i (?:think|guess|mean|would say|'d say)\b", re.I
)
# A guest thanking the host for the invitation: the host speaks next, to start the interview.
GUEST_CUE = re.compile(
    r"\b(thanks|thank you)( so much)?(,? \w+,)? for having me|"
    r"\b(happy|glad|great|excited|good|thrilled|delighted|psyched|stoked|honou?red|pleased) to be (here|on)|"
    r"\bpleasure to be (here|on)|\bthanks for the invit",
    re.I,
)
# A guest's farewell answering the host's closing thanks ("You're welcome. Nice talking
# to you, Jane."): read in the closing only, where it names the host as the thanks does.
GUEST_FAREWELL = re.compile(
    r"\byou'?re (very |so |most )?welcome\b|"
    r"\b(nice|good|great|lovely|fun|a pleasure) (to )?"
    r"(talk|talking|chat|chatting|speak|speaking) (to|with) you\b",
    re.I,
)
# Restating the other's point back to them, as an interviewer does.
_RESTATING = (
    r"what i'?m hearing|so what you'?re (?:saying|describing|predicting|suggesting|arguing)|"
    r"so you'?re saying|just to (?:make sure|summarize|recap)|"
    r"let me (?:mirror|summarize|recap|play (?:that|it) back)|if i'?m hearing you|"
    r"to (?:summarize|recap|sum up)"
)
RESTATE = re.compile(rf"\b(?:{_RESTATING})\b", re.I)
# Bringing up the other's words or work: "I heard you say", "you've written", "what you're describing".
_REFERRING = (
    r"i (?:think i )?(?:heard|read) you|i saw you (?:say|write|post|mention|talk)|"
    r"you(?:'ve| have) (?:said|written|argued|talked about|mentioned|shared|described)|"
    r"what you(?:'re| are) (?:describing|saying)"
)
REFERS = re.compile(rf"\b(?:{_REFERRING})\b", re.I)
# An interviewer taking the floor: moving to a new topic, restating the other's point,
# or bringing up what the other said or wrote before. Looked for at the unit's start,
# after any discourse words ("Okay, so let's talk about …").
_FLOOR = re.compile(
    r"^(?:(?:yeah|yes|okay|ok|so|well|and|but|um|uh|right|alright|all right|cool|great|"
    r"interesting|now|actually|maybe)\W+)*"
    r"(?:i (?:want|wanted|'d like|would like|'d love|would love) to (?:start|talk|ask|chat|go|move|"
    r"come|switch|shift|dig|spend|turn|pivot|get|touch|pick|follow|zoom|double)|"
    r"let'?s (?:talk|move|go|switch|shift|pause|come|dig|turn|pivot|get|zoom|step|start|chat)|"
    r"let me (?:ask|push|follow|go back|come back|step back|pick up|turn)|"
    r"(?:speaking of|switching gears|shifting gears|moving on|on that note|while we'?re on|"
    r"going back to|coming back to|stepping back|to step back|taking a step back|"
    r"(?:one|my|a) (?:more|last|final|next|other|follow-up|quick) question|"
    r"(?:maybe )?(?:the )?(?:last|final) question|another thing i wanted|"
    rf"{_RESTATING}|{_REFERRING}|"
    r"you (?:just )?(?:said|mentioned|shared|wrote|talked|told|described|tweeted|posted)|"
    r"you (?:have|had) (?:a|this|that) (?:post|tweet|essay|paper|talk|thread|framework|line|quote)|"
    r"in your (?:post|tweet|essay|paper|book|talk|newsletter|blog)))\b",
    re.I,
)
_TAG_QUESTION = re.compile(r"^(right|you know|no|okay|ok|correct|yeah|isn't it|don't you think)\?\W*$")


def _quoted(text: str) -> bool:
    """Does the unit's final question mark sit inside quotation marks: a closing quote
    right after it, or a quote opened in the unit and not closed?

    >>> _quoted('They ask me, "Why bother?"'), _quoted('I said, "Why?'), _quoted("Why bother?")
    (True, True, False)
    """
    t = text.rstrip()
    if t.endswith(('?"', "?”", "?'")):
        return True
    return t.count('"') % 2 == 1 or t.count("“") > t.count("”")


@dataclass(frozen=True)
class UnitFeatures:
    """The categorical features and token-class counts of one unit."""

    end: int
    opener: int
    length: int
    counts: tuple[int, ...]
    words: int
    floor: bool = False  # opens by taking the floor as an interviewer does (_FLOOR)
    thanks: bool = False  # a guest's thanks for the invitation (GUEST_CUE)
    answer: bool = False  # opens by taking up a question ("That's a good question")
    hedged: bool = False  # opens with a hedged first person ("I think …")
    well: bool = False  # opens with "well", which prefaces a reply ("Well, it depends.")


def unit_features(unit: Unit) -> UnitFeatures:
    """Features of one unit's text."""
    text = unit.text.strip()
    low = text.lower()
    words = _WORD.findall(low.replace("’", "'"))
    stripped = text.rstrip("\"') ]”’")
    end = 1 if stripped.endswith("?") else 0 if stripped.endswith((".", "!")) else 2
    if end == 1 and (_quoted(text) or _TAG_QUESTION.match(low)):
        end = 0  # a reported question ("I ask them, 'Why?'") or a tag ("Right?") asks nobody
    elif end == 0 and _REQUEST.match(low):
        end = 1  # a request to speak ("Tell us …") asks without a question mark
    opener = _OPENER_WORDS.get(words[0], 0) if words else 0
    if _REACT_PHRASES.match(low):
        opener = OPENERS.index("react")
    n = len(words)
    length = next((i for i, b in enumerate(LENGTHS) if n <= b), len(LENGTHS))
    counts = [0] * len(CLASSES)
    other = CLASSES.index("other")
    for w in words:
        counts[CLASS_WORDS.get(w, other)] += 1
    counts[CLASSES.index("ask")] = len(_ASK.findall(low))
    return UnitFeatures(
        end,
        opener,
        length,
        tuple(counts),
        n,
        bool(_FLOOR.match(low)),
        bool(GUEST_CUE.search(low)),
        bool(_ANSWER.match(low)),
        bool(_HEDGED_I.match(low)),
        bool(words) and words[0] == "well",
    )


@dataclass(frozen=True)
class BoundaryFeatures:
    """What the boundary before a unit shows of a turn change."""

    after_question: bool
    opener: int
    line_start: bool
    gap: bool
    inner: bool  # the parser kept both sides in one sentence
    to_question: bool = False  # the unit after the boundary is a question
    floor: bool = False  # the unit after the boundary takes the floor ("let's talk about …")
    after_thanks: bool = False  # the unit before it thanks for the invitation
    answer: bool = False  # the unit after the boundary takes up a question
    hedged: bool = False  # the unit after the boundary opens with a hedged first person
    continues: bool = False  # the unit goes on in lower case ("how close" | "the models …")
    marked: bool = False  # the file marks a new speaker at the unit (a caption's ">>")
    short: bool = False  # the unit after the boundary is a word or two ("Right.", "Nine days.")
    well: bool = False  # the unit after the boundary opens with "well" (a reply's preface)


def boundary_features(
    prev: UnitFeatures, cur: UnitFeatures, unit: Unit, gap_s: float = 1.0
) -> BoundaryFeatures:
    """Features of the boundary between two consecutive units."""
    return BoundaryFeatures(
        after_question=prev.end == 1,
        opener=cur.opener,
        line_start=unit.line_start,
        gap=unit.line_start and unit.gap_s >= gap_s,
        inner=not unit.first_in_sentence,
        to_question=cur.end == 1,
        floor=cur.floor,
        after_thanks=prev.thanks,
        answer=cur.answer,
        hedged=cur.hedged,
        continues=unit.text.lstrip()[:1].islower(),
        marked=unit.marked,
        short=cur.words <= SHORT_WORDS,
        well=cur.well,
    )
