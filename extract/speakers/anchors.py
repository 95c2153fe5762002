"""Strong cues to who speaks, as log-odds added to the decoder's evidence ("anchors").

Sponsor reads, the host's introduction and thanks for coming, the guest's thanks for the
invitation, restating the other's point, speaking for the show to its audience, bringing
up the other's words, vocatives and "Jane and I" (a unit naming someone so is not
theirs), and a speaker giving their own name ("I'm Jane Doe").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from extract.speakers.addressing import BARE_THANKS, not_the_speaker, self_named
from extract.speakers.features import GUEST_CUE, REFERS, RESTATE
from extract.speakers.intros import introduced
from extract.speakers.name_forms import same_person
from extract.speakers.units import Unit

ANCHOR = 4.0  # log-odds a strong cue adds
GUEST_ANCHOR = 8.0  # "thanks for having me" is said by a guest, whatever the turn around it
VOCATIVE = ANCHOR  # log-odds that a unit addressing someone by name is not theirs
INTRO_SHARE = 0.25  # introductions are looked for in this first share of the units
INTRO_UNITS = 12  # … and at least in this many (a short transcript is all opening)
INTRO_ANCHOR = ANCHOR / 2  # log-odds for a unit of the host's introduction (introduction)
INTRO_GAP = 18  # most units between two opening host cues for them to be the introduction
# The host thanking the guest for coming, in the opening or the closing.
_THANKS_FOR_COMING = (
    r"(thanks|thank you)( so much| very much)?(,? \w+,?)? for (coming on|joining|being here|being on|"
    r"doing this|making the time|taking the time|sitting down)"
)
HOST_THANKS = re.compile(rf"\b{_THANKS_FOR_COMING}\b", re.I)
# The host speaking for the show in its opening: introductions, welcomes, thanks for coming.
HOST_CUE = re.compile(
    r"\b((my|our) ([\w'-]+ ){0,2}guests?|"  # "our guest", "our special guest", "my two guests"
    r"welcome (back )?to (the|this|my|our) ([\w'-]+ ){0,3}(show|podcast|episode|program)|"
    r"(^|[.!?] )((hi|hello|hey|so|okay|and|everyone|everybody|folks|all|there),? ){0,3}"
    r"welcome (back )?to|"  # "Hello, and welcome to Acme Talk"
    # "Jane, welcome to Acme Talk": someone welcomed by name to a named place (not "to the end")
    r"(^|[.!?] )(well,? )?(?-i:[A-Z][\w'-]+( [A-Z][\w'-]+){0,2}), welcome (back )?to (?=(?-i:[A-Z]))|"
    r"(i'?m|i am|this is)( [\w'-]+){0,3},? your (co-?)?host|"  # "I'm your host", "I am Jane, your host"
    rf"{_THANKS_FOR_COMING}|"
    r"(really )?excited to (chat|talk|have you)|today (i|we)('m| am| are| have)|"
    r"looking forward to (chatting|talking|speaking) (to|with) you|"
    r"speak(ing)? with|joined (\w+ ){0,2}by|joining (me|us)|(a|my|our) conversation with|"
    # "glad that you join us"; a bare "Welcome!"
    r"you( could| can|'ve| have)? join(ed)? (me|us)|^welcome( back)?( aboard)?(?=[.!]*$)|"
    r"this is the [\w' ]{1,40}(podcast|show))\b",
    re.I,
)


def host_cue(text: str) -> bool:
    """Whether a unit of the opening speaks as the host: a welcome, a thanks for coming,
    "joining me", or introducing someone by name ("we're excited to have Jane Doe on")."""
    return bool(HOST_CUE.search(text) or introduced(text))


def opening(count: int) -> int:
    """How many of ``count`` units make the opening, where introductions are looked for.

    >>> opening(800), opening(20), opening(5)
    (200, 12, 5)
    """
    return max(min(count, INTRO_UNITS), int(count * INTRO_SHARE))


# The show speaking to its audience: its show notes, newsletter, listeners, past guests.
_AUDIENCE = re.compile(
    r"\bshow ?notes\b|\bpoint (folks|people|listeners|everyone) to\b|"
    r"\b(my|our) (newsletter|listeners|audience)\b|(?<!your )\b(listeners|viewers)\b|"
    r"\b(for|to) (folks|people|those|everyone) (who are )?(listening|watching)\b|"
    r"\b(previous|past|former|another|every) guests?\b|\bhad (\w+ ){0,4}on the (podcast|show)\b|"
    r"\b(shared|said|talked about|mentioned|discussed|covered|heard) (\w+ ){0,3}on the (podcast|show)\b",
    re.I,
)


def introduction(units: Sequence[Unit], ads: Sequence[bool]) -> list[int]:
    """Units of the host's introduction: those between two of the opening's host cues
    (an introduction, an ad read) a few units apart, with no question and no guest's
    thanks among them, so that nobody else is asked or answers in between."""
    limit = opening(len(units))
    cues = [i for i in range(limit) if ads[i] or host_cue(units[i].text)]
    inside: list[int] = []
    for a, b in zip(cues, cues[1:], strict=False):
        gap = range(a + 1, b)
        if 0 < len(gap) <= INTRO_GAP and not any(
            units[i].text.rstrip().endswith("?") or GUEST_CUE.search(units[i].text) for i in gap
        ):
            inside.extend(gap)
    return inside


def anchor_parts(
    units: Sequence[Unit], ads: Sequence[bool], host: str, guest: str
) -> tuple[np.ndarray, np.ndarray]:
    """Log-odds from strong cues, split into two arrays of shape (T,).

    The first is for the host's role (asking: thanks for coming, restating, speaking to
    the audience; against it, thanks for the invitation); the second for the host's
    identity (the one who opens the show and reads its ads; vocatives name the other).
    In an interview the host has both; two co-hosts share the role.
    """
    role, who = np.zeros(len(units)), np.zeros(len(units))
    limit = opening(len(units))
    who[introduction(units, ads)] += INTRO_ANCHOR
    cued = False  # whether the unit before was a host cue of the opening
    for i, (u, ad) in enumerate(zip(units, ads, strict=True)):
        if ad:
            who[i] += ANCHOR
        after_cue, cued = cued, i < limit and host_cue(u.text)
        if cued:
            who[i] += ANCHOR
        elif HOST_THANKS.search(u.text):
            role[i] += ANCHOR  # the host's thanks for coming, as in a closing
        if GUEST_CUE.search(u.text):
            role[i] -= GUEST_ANCHOR
        elif after_cue and BARE_THANKS.match(u.text.strip()):
            role[i] -= ANCHOR  # "Thanks, Jane." answering the host's welcome
        if RESTATE.search(u.text):
            role[i] += ANCHOR / 2  # restating the other's point back to them
        if _AUDIENCE.search(u.text):
            role[i] += ANCHOR / 2  # speaking for the show to its audience
        if REFERS.search(u.text):
            role[i] += ANCHOR / 2  # bringing up what the other has said or written
        for v in not_the_speaker(u.text):
            if guest and same_person(v, guest):
                who[i] += VOCATIVE
            elif host and same_person(v, host):
                who[i] -= VOCATIVE
        for v in self_named(u.text):
            if host and same_person(v, host):
                who[i] += ANCHOR
            elif guest and same_person(v, guest):
                who[i] -= ANCHOR
    return role, who


def anchors(
    units: Sequence[Unit], ads: Sequence[bool], n: int, host: str, guest: str, co_host: str = ""
) -> np.ndarray:
    """Log-odds from strong cues, shape (T, N); column 0 is the host. With a ``co_host``
    (column 2, a second host beside a guest), the host's role cues are the co-host's too,
    and the co-host's identity is read from the names: a unit addressing them is not
    theirs, one addressing the guest is more likely theirs, one where they give their
    own name is theirs."""
    out = np.zeros((len(units), n))
    if n >= 2:
        role, who = anchor_parts(units, ads, host, guest)
        out[:, 0] = role + who
        if co_host and n >= 3:
            out[:, 2] = role
            for i, u in enumerate(units):
                for v in not_the_speaker(u.text):
                    if same_person(v, co_host):
                        out[i, 2] -= VOCATIVE
                    elif guest and same_person(v, guest):
                        out[i, 2] += VOCATIVE
                for v in self_named(u.text):
                    if same_person(v, co_host):
                        out[i, 2] += ANCHOR
    return out
