"""Names a unit addresses or gives as its speaker's own: vocatives ("Jane, …"),
"Jane and I", "I'm Jane Doe", and who says whose name.

>>> vocatives("Jane, what do you think?")
['Jane']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from extract.concepts.background import zipf
from extract.speakers.name_forms import (
    GREETING,
    GREETINGS,
    I_AM,
    INTRO_FULL,
    NAME,
    PARTICLE_NAME,
    YOUR_HOST,
    clean_name,
    name_pattern,
    same_person,
)

_DISCOURSE = "so|okay|well|oh|yeah|and|but|alright|all right|right|now"  # words that may lead a vocative
_VOC_START = re.compile(
    rf"^(?:(?i:{_DISCOURSE}|hi|hey|hello|thanks|thank you|look|listen),? )?"
    + PARTICLE_NAME
    + r", "
)
# Not a name set after "by me", which is the speaker's own ("mixed by me, Jane Doe."); "Tell me,
# Jane." addresses Jane.
_VOC_END = re.compile(r"(?<!\b(?i:by me)), " + NAME + r"[?.!]$")
# Looser forms, read to name someone but not to rule them out as a unit's speaker: a name
# after a run of discourse words ("Okay, so Jane, …", "First of all, Jane, …"), and one
# set off by commas between words in lower case ("the problem it solves, Jane, is that …";
# not a list, "Jane, Bo, and Al", nor a place, "Austin, Texas, …").
_VOC_LEAD = re.compile(
    rf"^(?:(?i:{_DISCOURSE}|ok|first of all|finally|lastly|anyway|anyways),? ){{2,3}}"
    + NAME
    + r", "
)
_VOC_INNER = re.compile(r"(?<![\w'])[a-z][a-z']*, ([A-Z][a-z]+), (?!(?:and|or|nor)\b)(?=[a-z])")
# "Hi Jane.": a unit that is only a greeting and a name.
GREETED_BY_NAME = re.compile(r"^(?i:hi|hey|hello|morning|good morning),? " + NAME + r"[?.!]?$")
# "Thanks, Jane.": a unit that is only thanks and a name (a guest's reply to a welcome, too).
BARE_THANKS = re.compile(r"^(?i:thanks|thank you)(?: (?i:so|very) much)?,? " + NAME + r"[.!]?$")
# A greeting, a name and a pleasantry inside a unit: "… hey Jane, great to be here".
PLEASANTRIES = ("great", "glad", "good", "happy", "nice", "thanks", "thank", "pleasure")
_VOC_HELLO = re.compile(
    rf"\b(?i:{'|'.join(GREETINGS)}),? " + NAME + rf",? (?=(?i:{'|'.join(PLEASANTRIES)})\b)"
)
_VOC_MID = re.compile(r"(?i:thank you|thanks)(?: so much| very much)?, " + NAME + r", ")
# A name right after a guest's thanks, even where the transcriber ran on without a comma
# ("Thanks for having me, Jane it was fun").
_ON_THE_SHOW = r"(?: on(?: the| this| your)? (?:show|podcast|program))"
_VOC_THANKS = re.compile(
    rf"(?i:for having me{_ON_THE_SHOW}?|to be (?:here|on{_ON_THE_SHOW}|on)),? "
    + name_pattern("{0,1}")
    + r"(?=[ ,.!?;]|$)"
)
_MODALS = frozenset({"will", "may", "can", "might", "must", "shall"})
# Words that address someone without naming them ("Ma'am, thank you", "Sir, go on"), or
# exclaim ("Oh, God.", "Gosh, no.").
_ADDRESS_TERMS = frozenset(
    {"sir", "ma'am", "maam", "madam", "mister", "miss", "man", "dude", "bro", "buddy", "mate", "boss", "doc"}
    | {"god", "gosh", "lord", "jesus", "christ", "goodness", "jeez", "geez"}
)
ADVERB_BASE_ZIPF = 3.6  # "-ly" on a word at least this common makes an adverb ("usual-ly")


_WITH_ME = re.compile(r"\b" + name_pattern("{0,1}") + r" and (?:I|me|myself)\b")  # "Jane and I"
# Not "This is …", which also introduces a guest.
_SELF = re.compile(GREETING + I_AM + " " + INTRO_FULL + r"(?=[,.!;]| and | of | from |$)")


def not_the_speaker(text: str) -> list[str]:
    """Names a unit shows are not its speaker's: vocatives and "Jane and I".

    >>> not_the_speaker("Jane and I tried it. What did you think, Bo?")
    ['Bo', 'Jane']
    """
    out = vocatives(text)
    for m in _WITH_ME.finditer(text):
        name = m.group(1)
        if clean_name(name) == name and name not in out:
            out.append(name)
    return out


def self_named(text: str) -> list[str]:
    """Full names a unit's speaker gives as their own ("I'm Jane Doe, …"); callers
    compare them with the speakers' names, so a capitalised phrase that is no name is harmless.

    >>> self_named("Hi, I'm Jane Doe, and this is the show."), self_named("I'm sure, Jane Doe.")
    (['Jane Doe'], [])
    >>> self_named("This is Acme Talk and I'm your host, Jane Doe."), self_named("I'm your host, Jane.")
    (['Jane Doe'], [])
    >>> self_named("And I'm Jane Doe from Acme Labs."), self_named("I'm Jane Doe of Acme.")
    (['Jane Doe'], ['Jane Doe'])
    """
    found = [*_SELF.finditer(text), *YOUR_HOST.finditer(text)]
    return list(dict.fromkeys(n for m in found if clean_name(n := m.group(1)) == n and " " in n))


def vocatives(text: str) -> list[str]:
    """Names a unit addresses directly ("Jane, …" or "…, Jane?").

    >>> vocatives("Alright, Jane, let's start."), vocatives("However, it works."), vocatives("Will, go on.")
    (['Jane'], [], ['Will'])
    >>> vocatives("Thanks for having me, Jane it was fun."), vocatives("Thanks for having me, It was fun.")
    (['Jane'], [])
    >>> vocatives("Yeah, thanks for having me on the show Jane."), vocatives("Thanks Jane.")
    (['Jane'], ['Jane'])
    >>> vocatives("How are you doing, Emily?"), vocatives("Honestly, it works.")
    (['Emily'], [])
    >>> vocatives("Hi Jane."), vocatives("Hey, Jane!"), vocatives("Hi Jane, welcome.")
    (['Jane'], ['Jane'], ['Jane'])
    >>> vocatives("Bo welcome to the show hey Jane great to be here"), vocatives("Hi Acme Labs team.")
    (['Jane'], [])
    >>> vocatives("Ma'am, thank you for coming on."), vocatives("Thanks, Sir."), vocatives("Oh, God.")
    ([], [], [])
    >>> vocatives("The show is edited by me, Jane Doe."), vocatives("Tell me, Jane.")
    ([], ['Jane'])
    """
    out: list[str] = []
    for pat in (_VOC_START, _VOC_END, _VOC_MID, _VOC_THANKS, GREETED_BY_NAME, BARE_THANKS, _VOC_HELLO):
        m = pat.search(text.strip())
        # An adverb or function word opening a sentence ("Usually, …", "However, …")
        # addresses nobody; a modal before a comma is a name ("Will, …").
        once = pat in (_VOC_THANKS, GREETED_BY_NAME, BARE_THANKS, _VOC_HELLO)
        if m and not (once and m.group(1) in out) and _address(m.group(1)):
            out.append(m.group(1))
    return out


def addressed(text: str) -> list[str]:
    """Names a unit addresses, in the forms ``vocatives`` reads and looser ones that
    name the other speaker well enough, though too loose to rule anyone out.

    >>> addressed("Okay, so Jane, let's start."), addressed("The point, Jane, is that it works.")
    (['Jane'], ['Jane'])
    >>> addressed("We met Jane, Bo, and Al."), addressed("It was in Austin, Texas, back then.")
    ([], [])
    """
    out = vocatives(text)
    for m in (*_VOC_LEAD.finditer(text.strip()), *_VOC_INNER.finditer(text)):
        name = m.group(1)
        if name not in out and _address(name):
            out.append(name)
    return out


def _address(name: str) -> bool:
    """Whether a capitalised word a vocative form finds can be a name."""
    low = name.lower()
    function = (low in STOP_WORDS and low not in _MODALS) or low in _ADDRESS_TERMS
    return name[0].isupper() and clean_name(name) == name and not _adverb(low) and not function


def _adverb(word: str) -> bool:
    """Whether a lower-case word is an adverb made with "-ly" from a common English word
    ("usually", "easily", "basically", "simply"), not a name such as "Emily" or "Kelly".

    >>> [_adverb(w) for w in ("usually", "easily", "basically", "simply", "emily", "kelly", "sally")]
    [True, True, True, True, False, False, False]
    """
    if not word.endswith("ly"):
        return False
    stem = word[:-2]
    bases = [stem, stem + "le"]
    if word.endswith("ily"):
        bases.append(word[:-3] + "y")
    if word.endswith("ally"):
        bases.append(word[:-4])
    return any(len(b) >= 3 and zipf(b) >= ADVERB_BASE_ZIPF for b in bases)


def named_by_the_other(texts: Sequence[str], path: Sequence[int], names: Sequence[str]) -> tuple[str, str]:
    """The names of two voices (``path`` 0 and 1: the host and the guest, or two guests)
    from who says whose first name: people say the name of the one they talk to far more
    often than their own, so the name the units of voice 0 say more is voice 1's. Case and
    punctuation play no part, so captions are read as well; ('', '') unless one way round
    wins by at least two units.

    >>> texts = ["hey bo how are you", "good thanks", "so bo tell me", "sure ann", "right bo"]
    >>> named_by_the_other(texts, [0, 1, 0, 1, 0], ["Bo Chen", "Ann Lee"])
    ('Ann Lee', 'Bo Chen')
    >>> named_by_the_other(texts[:2], [0, 1], ["Bo Chen", "Ann Lee"])
    ('', '')
    """
    if len(names) != 2:
        return "", ""
    firsts = [re.compile(rf"\b{re.escape(n.split()[0].lower())}\b") for n in names]
    said = [[0, 0], [0, 0]]  # said[state][k]: units of the state that say name k
    for text, state in zip(texts, path, strict=True):
        low = text.lower()
        for k, first in enumerate(firsts):
            said[min(state, 1)][k] += bool(first.search(low))
    as_listed = said[0][1] + said[1][0]  # the first listed is the host
    swapped = said[0][0] + said[1][1]
    if as_listed - swapped >= 2:
        return names[0], names[1]
    if swapped - as_listed >= 2:
        return names[1], names[0]
    return "", ""


def best_vocative(addressed: Sequence[str], exclude: str = "", known: Sequence[str] = ()) -> str:
    """The person addressed most often (at least twice, forms sharing a first name counted
    together), skipping one that is ``exclude``; their most frequent form. When some
    of them are ``known`` speakers (the metadata lists them), only those count, and
    once is enough.

    >>> best_vocative(["Jane", "Bo", "Jane Doe", "Jane"]), best_vocative(["Jane", "Bo"])
    ('Jane', '')
    >>> best_vocative(["Jo", "Bo", "Bo"], known=["Jo Park", "Al Lee"])
    'Jo'
    """
    kept = [n for n in addressed if not (exclude and same_person(n, exclude))]
    listed_ones = [n for n in kept if any(same_person(n, full) for full in known)]
    if listed_ones:
        kept = listed_ones * 2
    people = Counter(n.split()[0] for n in kept)
    if not people or people.most_common(1)[0][1] < 2:
        return ""
    first = people.most_common(1)[0][0]
    return Counter(n for n in kept if n.split()[0] == first).most_common(1)[0][0]
