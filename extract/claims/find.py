"""Claim finder: the spans a careful note-taker would write down, typed and tied to concepts.

Units are the transcript's sentences, inside one speaker turn and outside sponsor
reads. A sentence that continues the previous one ("Because...", "So...", "Whereas..."),
is too short to stand alone, or follows a short one (under ``JOIN_BELOW`` words) is
joined to it. Each unit gets a claim score from
its cues (opinion, prediction, explanation, recommendation, reported fact), the
concepts it mentions and its length; questions without an assertion, back-channel
("Yeah, exactly.") and small talk score nothing. The best units are kept, at most
one per ``WORDS_PER_CLAIM`` words of the episode.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from extract.claims import ClaimFound
from extract.claims.clean import clean_text
from extract.claims.cues import certainty, classify, horizon
from extract.concepts import ConceptFound
from extract.sentences import Sentence
from extract.state import DocState

MIN_WORDS = 7
JOIN_BELOW = 16  # a unit shorter than this takes in the next sentence of its turn
MAX_WORDS = 70
WORDS_PER_CLAIM = 45  # at most one claim per this many words of transcript
MIN_SCORE = 0.85
INHERIT = 3  # concepts a claim may inherit from the question that opened its turn
TOPIC = 3  # concepts it inherits from its turn's topic so far
TOPIC_BACKREF = 4  # ... when it refers back ("that", "it") or names no concept itself

_CONTINUES = re.compile(
    r"^(?:and |but |because |so |since |whereas |otherwise|which |that's why|for example|"
    r"like |or |then |also |plus )",
    re.I,
)
_BACKCHANNEL = re.compile(
    r"^(?:yeah|yes|no|right|okay|ok|sure|exactly|totally|great|cool|interesting|thanks?|thank you|"
    r"mm-?hmm|um|uh|wow|got it|makes sense)\b[\s,.!?]*",
    re.I,
)
_SMALL_TALK = re.compile(
    r"\b(thanks for (?:having|coming)|thank you for|welcome to|great to have you|"
    r"excited to (?:chat|talk|have)|let's (?:move on|talk about|go back)|this episode|the podcast|"
    r"subscribe|sponsor)\b",
    re.I,
)
_CUE = re.compile(
    r"\b(I think|I'd say|I would say|I believe|I expect|I would expect|I'm not sure|I don't think|"
    r"I wouldn't|will|going to|should|need to|want to|because|the reason|so that|by definition|"
    r"probably|it's (?:not )?(?:like|that)|the (?:problem|key|thing) is|we found|we had|turns out|"
    r"is (?:basically|actually|really|pretty|very|quite|much|more|less|not)|are (?:basically|actually|"
    r"really|pretty|very|quite|much|more|less|not)|I hope|I'd love|expect)\b",
    re.I,
)
_FUTURE = re.compile(
    r"\b(will|won't|'ll|going to|gonna|would|expect|soon|next|in \w+ (?:or \w+ )?years?)\b", re.I
)
_PRONOUN = re.compile(r"\b(it|this|that|they|these|those|them)\b", re.I)
_QUESTION_START = re.compile(
    r"^(?:what|why|how|when|where|who|which|do|does|did|is|are|can|could|would|will|should|have|has)\b",
    re.I,
)


@dataclass
class Unit:
    """One or more consecutive sentences of one turn: a claim candidate."""

    start: int
    end: int
    speaker: int
    sentences: list[Sentence]

    @property
    def words(self) -> int:
        """Number of words, not counting sentences that are a bare acknowledgement ("Right.", "Yeah.")."""
        return sum(len(s.text.split()) for s in self.sentences if _BACKCHANNEL.sub("", s.text.strip()))


def _turns(state: DocState) -> tuple[list[int], list[tuple[int, int, int, bool]]]:
    """Turn spans (start, end, speaker, ad) from the attribution; starts for bisect."""
    assert state.attribution is not None
    turns: list[tuple[int, int, int, bool]] = []
    for s in state.attribution.spans:
        if turns and turns[-1][2] == s.speaker and turns[-1][3] == s.ad:
            a, _, who, ad = turns[-1]
            turns[-1] = (a, s.char_end, who, ad)
        else:
            turns.append((s.char_start, s.char_end, s.speaker, s.ad))
    return [t[0] for t in turns], turns


def _units(state: DocState) -> list[Unit]:
    starts, turns = _turns(state)
    units: list[Unit] = []
    prev_turn = -1
    for s in state.sentences:
        ti = bisect_right(starts, s.char_start) - 1
        if ti < 0 or turns[ti][3] or s.ad:
            prev_turn = -1
            continue
        text = s.text.strip()
        same = ti == prev_turn and units
        if (
            same
            and (_CONTINUES.match(text) or len(text.split()) < MIN_WORDS or units[-1].words < JOIN_BELOW)
            and units[-1].words + len(text.split()) <= MAX_WORDS
            and not units[-1].sentences[-1].text.endswith("?")
        ):
            u = units[-1]
            u.sentences.append(s)
            u.end = min(s.char_end, turns[ti][1])
        else:
            units.append(Unit(s.char_start, min(s.char_end, turns[ti][1]), turns[ti][2], [s]))
        prev_turn = ti
    return units


def _assertive(u: Unit) -> str:
    """The unit's text without trailing questions (a question asserts nothing)."""
    parts = [s.text for s in u.sentences if not s.text.rstrip().endswith("?")]
    return " ".join(parts)


def _score(u: Unit, body: str, n_concepts: int) -> float:
    words = len(body.split())
    if words < MIN_WORDS:
        return 0.0
    stripped = _BACKCHANNEL.sub("", body).strip()
    if len(stripped.split()) < MIN_WORDS or _SMALL_TALK.search(body):
        return 0.0
    if _QUESTION_START.match(stripped) and "?" in body:
        return 0.0
    score = 0.5 * len(_CUE.findall(body)) + 0.6 * min(n_concepts, 3) + min(words, 40) / 40
    return score


def find_claims(doc: Doc, state: DocState) -> list[ClaimFound]:
    """Typed claims with certainty, horizon, clean text and the concepts they are about."""
    units = _units(state)
    mentions = sorted((a, b, c.name) for c in state.concepts for a, b in c.mentions)
    mstarts = [m[0] for m in mentions]
    published = state.transcript.meta.get("published") or state.hints.meta.get("published")
    text = state.timed.text
    scored: list[tuple[float, int, Unit, str, tuple[str, ...]]] = []
    rank = {c.name: i for i, c in enumerate(state.concepts)}
    turn_counts: Counter[str] = Counter()  # concepts said so far in this turn
    prev_speaker = -1
    last_question: tuple[str, ...] = ()
    opened_by: tuple[str, ...] = ()
    abouts = [_about(mentions, mstarts, u.start, u.end) for u in units]
    timelines = _timelines_concept(state.concepts)
    if timelines:
        # A sentence that places something ahead in time ("in five years", "next year",
        # "soon") is about the episode's timelines; a reply to it inherits them.
        for i, u in enumerate(units):
            body = text[u.start : u.end]
            if timelines not in abouts[i] and horizon(body) and _FUTURE.search(body):
                abouts[i] = (timelines, *abouts[i])
    speakers = _turn_speakers(units)
    whole = _turn_counts(speakers, abouts)
    for i, u in enumerate(units):
        body = _assertive(u)
        about = abouts[i]
        if speakers[i] != prev_speaker:
            # The turn replies to the previous one, asked or stated: it is about what the
            # whole previous turn set up, most-said first (else the last question's topic).
            asked_turn = sorted(turn_counts, key=lambda n: (-turn_counts[n], rank.get(n, 1 << 30)))
            opened_by = tuple(asked_turn) or last_question
            turn_counts = Counter()
        if "?" in text[u.start : u.end]:
            last_question = about
        about_all = _attach(about, opened_by, turn_counts + whole[i], rank, bool(_PRONOUN.search(body[:80])))
        turn_counts.update(about)
        prev_speaker = speakers[i]
        sc = _score(u, body, len(about))
        if sc >= MIN_SCORE:
            scored.append((sc, i, u, body, about_all))
    budget = max(1, len(text.split()) // WORDS_PER_CLAIM)
    keep = sorted(sorted(scored, key=lambda x: -x[0])[:budget], key=lambda x: x[1])
    out: list[ClaimFound] = []
    for _, _, u, body, about in keep:
        kind = classify(body)
        quote = text[u.start : u.end]
        when = horizon(body, published) if kind == "prediction" else None
        out.append(ClaimFound(u.start, u.end, kind, certainty(body), clean_text(quote), about, when))
    return out


def _timelines_concept(concepts: list[ConceptFound]) -> str | None:
    """The episode's concept of timelines (when things will happen), if it has one."""
    for c in concepts:
        if any("timeline" in form.lower() for form in (c.name, *c.aliases)):
            return c.name
    return None


def _turn_speakers(units: list[Unit]) -> list[int]:
    """Whose turn each unit belongs to: a bare acknowledgement ("Interesting.") between two
    units of the other speaker does not end that speaker's turn."""
    out = [u.speaker for u in units]
    for i in range(1, len(units) - 1):
        if units[i].words == 0 and units[i - 1].speaker == units[i + 1].speaker:
            out[i] = units[i - 1].speaker
    return out


def _turn_counts(speakers: list[int], abouts: list[tuple[str, ...]]) -> list[Counter[str]]:
    """For each unit, the concepts its whole turn names (how many of its units name each):
    an answer often names its topic only after referring back to it ("it", "that")."""
    out: list[Counter[str]] = []
    start = 0
    for i in range(1, len(speakers) + 1):
        if i == len(speakers) or speakers[i] != speakers[start]:
            counts: Counter[str] = Counter()
            for a in abouts[start:i]:
                counts.update(a)
            out.extend(counts for _ in range(start, i))
            start = i
    return out


def _attach(
    own: tuple[str, ...],
    asked: tuple[str, ...],
    turn: Counter[str],
    rank: dict[str, int],
    refers_back: bool,
) -> tuple[str, ...]:
    """What a claim is about: the concepts it names, the question that opened its turn,
    and the turn's topic so far (the concepts the speaker has kept coming back to; more
    of them when the claim refers back with a pronoun or names no concept itself)."""
    k = TOPIC_BACKREF if refers_back or not own else TOPIC
    topic = sorted(turn, key=lambda n: (-turn[n], rank.get(n, 1 << 30)))[:k]
    return tuple(dict.fromkeys((*own, *asked[:INHERIT], *topic)))


def _about(mentions: list[tuple[int, int, str]], starts: list[int], a: int, b: int) -> tuple[str, ...]:
    i = bisect_right(starts, a - 1)
    names: list[str] = []
    while i < len(mentions) and mentions[i][0] < b:
        if mentions[i][1] <= b:
            names.append(mentions[i][2])
        i += 1
    return tuple(dict.fromkeys(names))


__all__ = ["ConceptFound", "find_claims"]
