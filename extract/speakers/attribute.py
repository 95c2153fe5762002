"""Speaker attribution: labelled files keep their labels; unlabelled ones are decoded.

Unlabelled transcripts are cut into units (sentences split at inner sentence
ends), each unit gets role features, and a turn-taking HMM whose role rates are
adapted per episode by EM decides who said each unit (``model.fit_decode``).
Strong cues (sponsor reads, a host's introduction, "thanks for having me",
vocatives: ``anchors``) are added as log-odds. Names come from ``--speakers`` and
metadata, then from the transcript's introductions and vocatives, else ``Host`` /
``Guest``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from spacy.tokens import Doc

from extract.input_warnings import unpunctuated
from extract.people import full_name
from extract.speakers import Attribution, Speaker, SpeakerHints, SpeakerSpan
from extract.speakers.addressing import (
    BARE_THANKS,
    GREETED_BY_NAME,
    addressed,
    best_vocative,
    named_by_the_other,
    self_named,
    vocatives,
)
from extract.speakers.ads import detect_ads
from extract.speakers.anchors import HOST_CUE, anchor_parts, anchors, opening
from extract.speakers.caption_ends import recut
from extract.speakers.caseless import name_spans, named_opening
from extract.speakers.cohosts import fit_decode_cohosts
from extract.speakers.features import (
    GUEST_CUE,
    GUEST_FAREWELL,
    BoundaryFeatures,
    UnitFeatures,
    boundary_features,
    unit_features,
)
from extract.speakers.intros import co_hosts, intro_names, introduced, named_beside_co_host, signed_by_host
from extract.speakers.known_names import (
    PLACEHOLDER,
    completed,
    hosted_by,
    listed,
    listed_names,
    meta_co_hosts,
    meta_names,
    meta_value,
    names_the_show,
    show_hosts,
    show_owner,
    store_host,
)
from extract.speakers.model import fit_decode, state_roles
from extract.speakers.name_checks import NameCheck, non_people
from extract.speakers.name_forms import GREETINGS, one_of, same_person
from extract.speakers.sponsor_names import site_names, vanity_host
from extract.speakers.titles import said_as, unsaid_title_guest
from extract.speakers.units import Unit, split_units
from extract.speakers.voices import Voices, regulars
from extract.state import DocState

MIN_ANSWERS = 2  # turns answering a name that give a diarisation label that name
HOST_SHARE = 0.1  # of the most talkative speaker's units, that a labelled host says at least
_HOST_ROLE = re.compile(r"^(host|interviewer|moderator)( ?\d+)?$", re.I)
THIRD_VOICE = "Speaker 3"  # a third voice only a count asks for, whom nothing names


# Typographic apostrophes read as plain ones, so "I’m Jane Doe" is read like "I'm Jane Doe".
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def make_units(
    state: DocState, restore_ends: bool = False, names: Sequence[tuple[int, int]] = ()
) -> list[Unit]:
    """The units of every sentence, with line starts, gaps, the file's labels and ad flags;
    their text has plain apostrophes (the spans keep the transcript's own characters).
    With ``restore_ends`` (a transcript without punctuation) they are also cut where the
    caption model restores a sentence end (not before or inside ``names``), and closed
    with its mark."""
    timed, lines = state.timed, state.transcript.lines
    gap_at: dict[int, float] = {}
    for i, span in enumerate(timed.spans):
        prev = timed.spans[i - 1].end_s if i else span.start_s
        gap_at[span.char_start] = max(0.0, span.start_s - prev)
    # Outside labelled files and plain paragraphs, a line that starts a turn was marked by
    # the captioner (">>"): a new speaker.
    markers = not state.transcript.labelled and state.transcript.format != "text"
    pieces = [u for s in state.sentences for u in split_units(s.text, s.char_start, s.index)]
    if restore_ends:
        pieces = recut(pieces, names=names)
    units: list[Unit] = []
    for u in pieces:
        line = lines[timed.span_index_at(u.char_start)] if lines else None
        units.append(
            Unit(
                u.char_start,
                u.char_end,
                u.text.translate(_APOSTROPHES),
                u.sentence,
                u.first_in_sentence,
                u.char_start in gap_at,
                gap_at.get(u.char_start, 0.0),
                line.ad if line else None,
                line.speaker if line else None,
                markers and line is not None and line.turn_start and u.char_start in gap_at,
            )
        )
    return units


def _cased(units: Sequence[Unit]) -> bool:
    """Whether most units open with a capital, as punctuated transcripts do (auto-captions
    in lower case do not)."""
    starts = [c for u in units for c in u.text.lstrip()[:1] if c.isalpha()]
    return sum(c.isupper() for c in starts) * 2 >= len(starts)


def _count(hints: SpeakerHints) -> int:
    if hints.count:
        return max(1, hints.count)
    return max(2, len(hints.names))


def _before_thanks(text: str) -> str:
    """The text before a guest's thanks for the invitation (all of it without one).

    >>> _before_thanks("please welcome Jane Doe. thanks for having me"), _before_thanks("Hi.")
    ('please welcome Jane Doe. ', 'Hi.')
    """
    m = GUEST_CUE.search(text)
    return text[: m.start()] if m else text


def _name_check(units: Sequence[Unit], hints: SpeakerHints, not_people: frozenset[str]) -> NameCheck:
    """The episode's check of the names its cues find."""
    return NameCheck([u.text for u in units], listed(hints), not_people, _cased(units))


def _names_unlabelled(
    units: Sequence[Unit],
    path: Sequence[int],
    hints: SpeakerHints,
    n: int,
    ads: Sequence[bool],
    not_people: frozenset[str] = frozenset(),
    check: NameCheck | None = None,
) -> list[str]:
    """Names for the decoded states: hints and metadata, then introductions and vocatives.

    Introductions are read in the opening, whoever the decoder gave them to: a
    self-introduction ("I'm Jane Doe") there is the host's, as is an introduction
    of someone else ("my guest is …", "joined by my co-host …"), which names the
    guest. A name addressed at least twice by one speaker names the other; in the
    guest's thanks or next to it ("great to be here, Jane"), or in the host's welcome
    ("Jane, welcome to the show"), it counts three times.
    A web address spelling a full name said in the episode names whoever gives it; two
    people the metadata lists, still unnamed, are told apart by who says whose name.
    Every name a cue finds must pass the episode's ``NameCheck`` (``not_people``: what
    the entity recogniser reads as places or organisations); a ``check`` built for these
    units already, with what it has judged, may be passed instead.
    """
    host, guest = meta_names(hints, " ".join(u.text for u in units))
    known = listed(hints)
    # Whom a vocative most likely names: the speakers the metadata lists, else the show's
    # speakers on record (its labelled episodes in the store).
    on_record = regulars(hints.voices)
    addressable = known or on_record
    check = check or _name_check(units, hints, not_people)
    head = max(1, opening(len(units)))
    # "This is Tide Talk." names the show, not its host.
    show = meta_value(hints, "show")
    found = [check(f) if not names_the_show(f, show) else "" for f in _introductions(units)]
    # A self-introduction of the metadata's guest ("Hi, this is Jane Doe" under a title
    # "… with Jane Doe") is the guest's own, not the host's.
    host = host or ("" if guest and same_person(found[0], guest) else found[0])
    if not guest:
        # A caption's unit may run from the host's introduction into the guest's thanks
        # ("… please welcome Jane Doe thanks for having me"): what comes before the thanks
        # can still introduce the guest.
        guest = found[1] or check(intro_names(_before_thanks(u.text) for u in units[:head])[1])
        if guest and host and same_person(guest, host):
            guest = ""
    by_host = check.keep(v for u, s in zip(units, path, strict=True) if s == 0 for v in addressed(u.text))
    by_guest = check.keep(v for u, s in zip(units, path, strict=True) if s != 0 for v in addressed(u.text))
    if not (host and guest):
        # Two greetings by name open the show ("Hello, Jane." "Hi, Bo."): each greets the other.
        g_host, g_guest = (check(g) for g in _greeted_each_other(units[:head], path))
        if g_host and g_guest:
            if (host and same_person(host, g_guest)) or (guest and same_person(guest, g_host)):
                g_host, g_guest = g_guest, g_host  # a name found already says who is who
            host, guest = host or g_host, guest or g_guest
    # The show's name ("Jane's Podcast" in the metadata or the opening) names its host,
    # and gives the full name of a host found by first name alone ("Hi, Jane.").
    owner = check(show_owner(hints, (u.text for u in units[:head])))
    if owner and not (guest and same_person(owner, guest)) and (not host or same_person(owner, host)):
        host = owner if len(owner) > len(host) else host
    # Whoever gives a web address spelling a full name said in the episode ("janedoe.com")
    # is that person: a host gives their show's site, a guest their own.
    sites = [check(s) for s in site_names([u.text for u in units])]
    for role in (0, 1):
        given = Counter(s for s, p in zip(sites, path, strict=True) if s and (p == 0) == (role == 0))
        if len(given) == 1 and not (host, guest)[role]:
            own = next(iter(given))
            if not any(x and same_person(own, x) for x in (host, guest)):
                host, guest = (own, guest) if role == 0 else (host, own)
    if not guest:
        # The host's welcome or thanks for coming in the opening ("Jane, welcome to the
        # show"; "Well, Jane, thanks for joining me") names the guest: a vocative in it
        # counts three times, as one in the guest's thanks does for the host.
        opening_vocatives = [
            (u.text, v) for u, s in zip(units[:head], path, strict=False) if s == 0 for v in vocatives(u.text)
        ]
        welcomed = check.keep(
            v for t, v in opening_vocatives if HOST_CUE.search(t) or GREETED_BY_NAME.match(t.strip())
        )
        guest = best_vocative(by_host + welcomed * 2, exclude=host, known=addressable)
        # Addressed once, in the opening, by a host who addresses no one else ("Jane, let's
        # begin with …"): the one person the host talks to is the guest (where no list of
        # speakers says whom a vocative may name).
        first = check.keep(v for _, v in opening_vocatives)
        if not guest and first and not addressable and len({n.split()[0] for n in by_host + first}) == 1:
            guest = first[0] if not (host and same_person(first[0], host)) else ""
    if not host and show:
        # A host signs the show by name, in the opening or the closing ("I'm Jane Doe, and
        # this is Tide Talk."; "I'm Jane Doe here with Tide Talk!").
        signed = check(signed_by_host((u.text for u in units), show))
        host = "" if guest and same_person(signed, guest) else signed
    if not host:
        # The guest's thanks ("Hey Jane, great to be here"; "Absolutely, Jane. Thanks for
        # having me.") or farewell in the closing ("You're welcome. Nice talking to you,
        # Jane.") names the host: a vocative in it or next to it counts three times.
        closing = len(units) - head
        thanks = [
            i
            for i, u in enumerate(units)
            if GUEST_CUE.search(u.text) or (i >= closing and GUEST_FAREWELL.search(u.text))
        ]
        # A bare "Thanks, Jane." just before the thanks is the guest's reply to the welcome,
        # even when the decoder ran it into the host's introduction.
        near = {
            j
            for i in thanks
            for j in (i - 1, i, i + 1)
            if 0 <= j < len(units)
            and (path[j] == path[i] or (j == i - 1 and BARE_THANKS.match(units[j].text.strip())))
        }
        # The reply the thanks closes, two units back in the same turn ("It's going great,
        # Jane." "Thanks." "Thanks for having me.").
        near |= {i - 2 for i in thanks if i >= 2 and path[i - 2] == path[i]}
        # So does the guest's own introduction ("Hi Jane, my name is Bo Chen, …").
        near |= {i for i, u in enumerate(units[:head]) if guest and _names_self(u.text, guest)}
        thanked = check.keep(v for j in sorted(near) for v in addressed(units[j].text))
        host = best_vocative(by_guest + thanked * 2, exclude=guest, known=addressable)
    if not host:
        # A sponsor's vanity address, unless it is the guest.
        vanity = check(vanity_host(u.text for u, ad in zip(units, ads, strict=True) if ad))
        host = vanity if vanity and not same_person(vanity, guest) else ""
    if not host:
        # Thanked or greeted once, in the opening, by a guest who addresses no one else
        # ("Thank you so much, Jane. That was a great intro."): the one person the guest
        # answers is the host. A bare "Thanks, Jane." counts even where the decoder ran it
        # into the host's introduction, unless it thanks the guest. Only a unit that thanks
        # or greets: elsewhere a capitalised word before a comma is often a product or a
        # term ("Vite, pronounced …"), and a word of the show's name ("…, Acme.") is the
        # company or the show the guest speaks of.
        first = check.keep(
            v
            for u, s in zip(units[:head], path, strict=False)
            if (s != 0 and _THANKS_OR_GREETING.search(u.text)) or BARE_THANKS.match(u.text.strip())
            for v in vocatives(u.text)
            if not (guest and same_person(v, guest)) and not said_as(v, show, ignore_case=True)
        )
        if first and not addressable and len({n.split()[0] for n in by_guest + first}) == 1:
            host = first[0]
    if bool(host) != bool(guest) and not known:
        # A show with two speakers on record, one found here: the other is the second
        # voice when the episode says their first name.
        other = _other_regular([u.text for u in units], on_record, host or guest)
        host, guest = (host or other, guest or other)
    if not host and not guest:
        # Two people the metadata lists, and no cue said which is which: each is the one
        # the other speaker names.
        host, guest = named_by_the_other([u.text for u in units], path, known)
    if not guest:
        # Last, a title's name the episode never says ("… with Jane Doe"): a transcript
        # page's labels were the only place it named its guest.
        title = meta_value(hints, "title")
        guest = check(unsaid_title_guest(title, " ".join(u.text for u in units))) if title else ""
        if known and not any(same_person(guest, n) for n in known):
            guest = ""
    # A host or guest known only by a first name gets the full name the metadata lists or
    # the show's speakers on record give, else that of the one well-known person with that
    # rare first name ("Lenny's Podcast").
    host, guest = listed_names(hints, host, guest)
    host, guest = completed(host, addressable), completed(guest, addressable)
    host, guest = full_name(host), full_name(guest)
    if host and guest and same_person(guest, host):
        guest = ""
    names = [host or "Host", guest or "Guest", *hints.names[2:]]
    while len(names) < n:
        names.append(f"Guest {len(names)}")
    return names[:n]


_THANKS_OR_GREETING = re.compile(
    r"\b(?:thanks|thank you|" + "|".join(GREETINGS) + r"|good (?:morning|afternoon|evening))\b", re.I
)


def _names_self(text: str, name: str) -> bool:
    """Whether the speaker of ``text`` gives ``name`` as their own ("my name is Jane Doe")."""
    return one_of(name, self_named(text))


def _self_namers(units: Sequence[Unit], labels: Sequence[str]) -> dict[str, set[str]]:
    """Each full name a speaker gives as their own ("I'm Jane Doe"), and a first name given
    so beside a co-host's introduction ("I'm Jane." "And this is my co-host, Bo."), with
    the labels of the units that give it."""
    givers: dict[str, set[str]] = {}
    texts = [u.text for u in units]
    for i, (u, lab) in enumerate(zip(units, labels, strict=True)):
        for name in [*self_named(u.text), named_beside_co_host(texts, i)]:
            if name:
                givers.setdefault(name, set()).add(lab)
    return givers


def _labels_self_named(givers: dict[str, set[str]], among: Sequence[str], name: str) -> set[str]:
    """The labels of ``among`` whose speaker gives ``name`` as their own (``givers``:
    ``_self_namers``)."""
    if not name:
        return set()
    return {lab for given, labs in givers.items() if one_of(name, [given]) for lab in labs if lab in among}


def _greeted_each_other(units: Sequence[Unit], path: Sequence[int]) -> tuple[str, str]:
    """(host, guest) from the first two units in a row that each greet someone else by
    name ("Hello, Jane." "Hi, Bo."; or a welcome, "Welcome to the show, Jane.", and the
    bare greeting that answers it, "Hey, Bo."): whoever says the first is the one the
    second greets, and the host is whoever the decoder gave the first to, whoever it gave
    the second (a bare greeting is short enough to be run into the turn before it)."""
    for i in range(len(units) - 1):
        second = GREETED_BY_NAME.match(units[i + 1].text.strip())
        first = _greeting_name(units[i].text) if second else ""
        if first and second and not same_person(first, second.group(1)):
            return (second.group(1), first) if path[i] == 0 else (first, second.group(1))
    return "", ""


def _greeting_name(text: str) -> str:
    """The one name ``text`` greets or welcomes ("Hello, Jane."; "Welcome to the show,
    Jane."), else ''.

    >>> _greeting_name("Hi, Jane."), _greeting_name("Welcome to the show, Jane.")
    ('Jane', 'Jane')
    >>> _greeting_name("Welcome to the show, Jane. Bo, say hi."), _greeting_name("Jane, what next?")
    ('', '')
    """
    bare = GREETED_BY_NAME.match(text.strip())
    if bare:
        return bare.group(1)
    named = set(vocatives(text)) if HOST_CUE.search(text) else set()
    return named.pop() if len(named) == 1 else ""


def _other_regular(texts: Sequence[str], regular: Sequence[str], found: str) -> str:
    """The one of a show's two speakers on record (``regular``) who is not ``found``, if
    ``texts`` say their first name; else ''.

    >>> _other_regular(["Thanks, bo."], ["Ann Lee", "Bo Chen"], "Ann")
    'Bo Chen'
    >>> _other_regular(["Thanks."], ["Ann Lee", "Bo Chen"], "Ann")
    ''
    >>> _other_regular(["Bo!"], ["Ann Lee", "Bo Chen", "Cy Park"], "Ann")
    ''
    """
    others = [r for r in regular if not one_of(r, [found])]
    if len(regular) != 2 or len(others) != 1:
        return ""
    first = re.compile(rf"\b{re.escape(others[0].split()[0])}\b", re.I)
    return others[0] if any(first.search(t) for t in texts) else ""


def _co_hosts(units: Sequence[Unit], hints: SpeakerHints) -> list[str]:
    """Co-hosts the metadata or the opening names, but one the opening says is away and the
    metadata's guest ("And I'm Jane Doe from Acme." under a title "… with Jane Doe")."""
    listed = meta_co_hosts(hints)
    guest = meta_names(hints, " ".join(u.text for u in units))[1]
    guest = "" if one_of(guest, listed) else guest  # with no guest, the metadata's co-host stands in
    opened = co_hosts((u.text for u in units[: opening(len(units))]), here=True)
    heard = [c for c in opened if not (guest and one_of(c, [guest]))]
    return list(dict.fromkeys(listed + heard))


def _this_episode(units: Sequence[Unit], hints: SpeakerHints, partners: Sequence[str]) -> SpeakerHints:
    """``hints`` without the store's host of the show when this episode's opening introduces
    that person as a co-host or a guest (``partners``: the co-hosts it names), or another of
    the show's speakers on record as its host ("I'm Jane Doe"): on a show with two hosts the
    store records one of them, and here the other one hosts."""
    recorded = store_host(hints)
    if not recorded:
        return hints
    others = [*partners, *_opening_introduced(units)]
    own = _introductions(units)[0]
    another_host = bool(own) and not one_of(own, [recorded]) and one_of(own, regulars(hints.voices))
    if another_host or any(one_of(o, [recorded]) for o in others):
        return replace(hints, known_hosts={})
    return hints


def _opening_introduced(units: Sequence[Unit]) -> list[str]:
    """Everyone the opening's units introduce (``introduced``), in order."""
    return [name for u in units[: opening(len(units))] for name in introduced(u.text)]


def _introductions(units: Sequence[Unit]) -> tuple[str, str]:
    """(host, guest) the opening's introductions name (``intro_names``), or '', leaving out
    the guest's thanks for the invitation."""
    return intro_names(u.text for u in units[: opening(len(units))] if not GUEST_CUE.search(u.text))


def _voiced_show_host(
    units: Sequence[Unit], path: Sequence[int], hints: SpeakerHints, decoded: bool = False
) -> str:
    """Of the show's hosts on record with a voice, the one whose voice fits the words of
    the units decoded as the host's (``path`` 0) best, per word; the recorded host when the
    opening introduces them or no other host has a voice. A ``decoded`` path (not labels
    read from the file) also rules out a host whom its host's side addresses by name."""
    recorded, *others = show_hosts(hints)
    own = _introductions(units)[0]
    if not others or not hints.voices or (own and one_of(own, [recorded])):
        return recorded
    said = [u.text for u, s in zip(units, path, strict=True) if s == 0]
    hosts = [recorded, *others]
    if decoded:
        called = [(s != 0, v) for u, s in zip(units, path, strict=True) for v in vocatives(u.text)]
        hosts = [h for h in hosts if not _addressed_by_host(called, h)]
    voices = Voices(hints.voices)
    fits = {h: f for h in hosts if (f := voices.fit(said, h)) is not None}
    return max(fits, key=lambda h: fits[h]) if recorded in fits else recorded


def _addressed_by_host(called: Sequence[tuple[bool, str]], name: str) -> bool:
    """Whether the host's side addresses ``name`` ("Bo, what did you see?") more often than
    the other side does; ``called`` holds each vocative with whether the other side said
    it. No one addresses themselves, so the host is not that person.

    >>> _addressed_by_host([(False, "Bo"), (True, "Ann")], "Bo Chen")
    True
    >>> _addressed_by_host([(True, "Bo")], "Bo")
    False
    """
    count = [0, 0]
    for other, v in called:
        count[other] += one_of(v, [name])
    return count[0] > count[1]


def _guests_named(units: Sequence[Unit], guest: str) -> list[str]:
    """The metadata's ``guest`` (or ''), the guest the opening's introductions name and
    everyone the opening introduces."""
    return [guest, _introductions(units)[1], *_opening_introduced(units)]


def _two_co_hosts(guests: Sequence[str], partners: Sequence[str]) -> bool:
    """Whether the episode is two co-hosts talking, who take turns at asking and explaining:
    the metadata or the opening names a co-host (``partners``) and no guest other than them
    (``guests``: ``_guests_named``)."""
    return bool(partners) and all(one_of(g, partners) for g in guests if g)


_GUEST_ANNOUNCED = re.compile(
    r"\b(?:our|a|my|the|today's|this week's|special) (?:(?:very |really )?[a-z]+ )?guests?\b"
    r"(?! (?:host|list))",
    re.I,
)
_NO_GUEST = re.compile(r"\b(?:no|without an?|not have an?|don't have an?) guests?\b", re.I)


def _recorded_hosts(names: Sequence[str], hints: SpeakerHints) -> bool:
    """Whether two speakers found are two different people the store records as hosts of
    the show: of two voices, such a pair co-hosts the episode.

    >>> h = SpeakerHints(meta={"show": "Tide Talk"}, known_hosts={"tide talk": ("Ann Lee", "Bo Chen")})
    >>> _recorded_hosts(["Ann Lee", "Bo Chen"], h), _recorded_hosts(["Ann Lee", "Cy Park"], h)
    (True, False)
    """
    recorded = show_hosts(hints)
    return len(names) == 2 and not same_person(names[0], names[1]) and all(one_of(x, recorded) for x in names)


def _guest_announced(units: Sequence[Unit]) -> bool:
    """Whether the opening announces a guest, named or not ("we have a luminary guest").

    >>> _guest_announced([Unit(0, 9, "We have a special guest today.")])
    True
    >>> _guest_announced([Unit(0, 9, "No guest today, just us.")])
    False
    """
    texts = [u.text for u in units[: opening(len(units))]]
    return any(_GUEST_ANNOUNCED.search(t) for t in texts) and not any(_NO_GUEST.search(t) for t in texts)


def _co_hosted_interview(guests: Sequence[str], partners: Sequence[str]) -> bool:
    """Whether the metadata or the opening names a co-host (``partners``) and a guest besides."""
    return bool(partners) and any(g and not one_of(g, partners) for g in guests)


def _decode(
    units: Sequence[Unit],
    feats: Sequence[UnitFeatures],
    bounds: Sequence[BoundaryFeatures | None],
    ads: Sequence[bool],
    hints: SpeakerHints,
    n: int,
    partners: Sequence[str],
    named: Sequence[Unit],
    not_people: frozenset[str] = frozenset(),
) -> tuple[list[int], np.ndarray, list[str]]:
    """Decode the speakers and name them; ``named`` are the units whose text the names
    and strong cues are read from (``units`` with names restored in caseless captions).
    An episode that names a co-host and a guest has three voices, unless ``hints`` give a
    count or two names."""
    texts = [u.text for u in units]
    host, guest = meta_names(hints, " ".join(texts))
    # Who is introduced matters only to an episode that names a co-host.
    guests = _guests_named(named, guest) if partners else []
    # A guest announced without a name ("we have a luminary guest"): an interview all the same.
    unnamed = bool(partners) and not _co_hosted_interview(guests, partners) and _guest_announced(named)
    shared = n == 2 and _two_co_hosts(guests, partners) and not unnamed
    if not hints.count and len(hints.names) < 2 and (_co_hosted_interview(guests, partners) or unnamed):
        n = 3  # the host, the guest and the co-host, unless a count or two names were given
    # Three voices or more, one of them a co-host the metadata or the opening names: the
    # third is a second host.
    found = [x for x in (host, guest) if x]
    co_host = "" if n < 3 else next((p for p in partners if not one_of(p, found)), "")
    # Three voices and nothing says who the third is (a count alone): decoded as a second
    # host, not a second guest. Two guests share one role's rates, and EM splits the guest
    # who talks most between them by topic; a second host shares the host's rates and the
    # host's share of the words, so it cannot take the guest's.
    unknown_third = n == 3 and not co_host and len(hints.names) < 3
    roles = state_roles(n, co_host=bool(co_host) or unknown_third)
    voices = Voices(hints.voices) if hints.voices else None

    def decode(host: str, guest: str) -> tuple[np.ndarray, np.ndarray]:
        # Known voices of both speakers (the show's labelled episodes) add their log-odds.
        known = voices.log_odds(texts, host, guest) if voices else None
        if shared:
            role, who = anchor_parts(named, ads, host, guest)
            return fit_decode_cohosts(feats, bounds, role, who if known is None else who + known, texts=texts)
        evidence = anchors(named, ads, n, host, guest, co_host)
        if known is not None:
            evidence[:, 0] += known / 2
            evidence[:, 1] -= known / 2
        return fit_decode(feats, bounds, evidence, n, texts=texts, roles=roles, ads=ads)

    path, post = decode(host, guest)
    if host and host == store_host(hints):
        # The store's host of a show whose hosts take turns: the one on record whose voice
        # fits the words decoded as the host's best.
        hints = hosted_by(hints, _voiced_show_host(named, path.tolist(), hints, decoded=True))
    check = _name_check(named, hints, not_people)

    def name(path: np.ndarray) -> list[str]:
        # The two hosts are read on one side: whoever addresses the guest, or is thanked
        # for the invitation, is on the hosts' side.
        sides = np.array(roles)[path] if co_host or unknown_third else path
        return _names_unlabelled(named, sides.tolist(), hints, n, ads, not_people, check)

    names = name(path)
    if names[0] != host or names[1] != guest:
        # Second pass: vocatives of the names found now anchor the speakers.
        path, post = decode(names[0], names[1])
        names = name(path)
    if n == 2 and not shared and _recorded_hosts(names, hints):
        # A show whose hosts take turns: the second voice is no guest but the other host.
        shared = True
        path, post = decode(names[0], names[1])
    if co_host and len(hints.names) < 3:
        names[2] = co_host
    if unknown_third:
        names[2] = THIRD_VOICE  # decoded on the hosts' side, but nothing says whose voice it is
    if shared and names[1] == "Guest":
        # Two co-hosts, the second named only as a co-host ("I'm Jane Doe." "And I'm Bo Chen.").
        names[1] = next((p for p in partners if not same_person(p, names[0])), names[1])
    return path.tolist(), post, names


def _labelled(
    units: Sequence[Unit],
    feats: Sequence[UnitFeatures],
    ads: Sequence[bool],
    hints: SpeakerHints,
    doc: Doc | None = None,
) -> Attribution:
    """Keep the file's labels; decide roles; give diarisation labels names where the text does
    (``doc``'s entities check the names found)."""
    labels: list[str] = []
    current = units[0].label if units else None
    for u in units:
        current = u.label or current or "Speaker"
        labels.append(current)
    order = list(dict.fromkeys(labels))
    partners = _co_hosts(units, hints)
    hints = _this_episode(units, hints, partners)
    host, guest = meta_names(hints, " ".join(u.text for u in units))
    asks: Counter[str] = Counter()
    said = Counter(labels)
    head = opening(len(units))
    for lab, f, u, i in zip(labels, feats, units, range(len(units)), strict=True):
        asks[lab] += (f.end == 1) + 3 * bool(HOST_CUE.search(u.text) and i < head)
    host_label = next((lab for lab in order if host and same_person(lab, host)), None)
    guest_label = next((lab for lab in order if guest and same_person(lab, guest)), None)
    roles = [lab for lab in order if _HOST_ROLE.match(lab)]
    if host_label is None and len(roles) == 1:
        host_label = roles[0]  # labelled "Host" or "Interviewer"
    if host_label is None:
        # The metadata's guest is never the host; among the others who say at least a
        # tenth as much as the most talkative, the one who asks most per unit (a guest
        # who talks much asks many rhetorical questions, but few per unit).
        most = max(said.values())
        candidates = [lab for lab in order if lab != guest_label and said[lab] >= HOST_SHARE * most] or order
        host_label = max(candidates, key=lambda lab: (asks[lab] / said[lab], -order.index(lab)))
    rename: dict[str, str] = {}
    if any(PLACEHOLDER.match(lab) for lab in order):
        path = [0 if lab == host_label else 1 for lab in labels]
        if host and host == store_host(hints):
            hints = hosted_by(hints, _voiced_show_host(units, path, hints))
        not_people = non_people(doc) if doc else frozenset()
        check = _name_check(units, hints, not_people)
        found = _names_unlabelled(units, path, hints, 2, ads, not_people, check)
        placeholders = [lab for lab in order if PLACEHOLDER.match(lab)]
        # Whoever gives the host's name as their own ("I'm Jane Doe") is the host, whoever
        # asks more; the names are read again from that host's side.
        host_name, guest_name = (f if f not in ("Host", "Guest") else "" for f in found[:2])
        givers = _self_namers(units, labels)
        own = _labels_self_named(givers, placeholders, host_name)
        own_label = own.pop() if len(own) == 1 else None
        # And whoever gives the guest's name as their own ("my name is Bo Chen") is not.
        guests_own = _labels_self_named(givers, placeholders, guest_name)
        if own_label is None and len(placeholders) == 2 and guests_own == {host_label}:
            own_label = next(lab for lab in placeholders if lab != host_label)
        if own_label is None and len(order) == 2 and len(placeholders) == 2:
            host_label = _voiced_host(units, labels, order, hints, found) or host_label
        elif own_label is not None and own_label != host_label:
            host_label = own_label
            path = [0 if lab == host_label else 1 for lab in labels]
            found = _names_unlabelled(units, path, hints, 2, ads, not_people, check)
        if len(order) > 2:
            # Among more than two voices, who answers a name tells more than the two-way
            # cues, which pool everyone but the host into one guest.
            answered = _answerers(units, labels, placeholders, check, order)
            # A first name answered is completed by a full name the two-way cues found ("Jane Doe").
            full = [f for f in found if " " in f]
            for lab, name in answered.items():
                rename[lab] = next((f for f in full if same_person(name, f)), name)

        def free(name: str) -> bool:
            return not one_of(name, [*order, *rename.values()])

        if host_label in placeholders and host_label not in rename and found[0] != "Host" and free(found[0]):
            rename[host_label] = found[0]
        others = [lab for lab in placeholders if lab != host_label and lab not in rename]
        if len(others) > 1:
            # A voice heard only briefly (a tenth as much as the most talkative) is no guest.
            most = max(said.values())
            others = [lab for lab in others if said[lab] >= HOST_SHARE * most]
        if len(others) > 1:
            # Among several others, the guest is the one who thanks for the invitation.
            thanked = {lab for lab, u in zip(labels, units, strict=True) if GUEST_CUE.search(u.text)}
            others = [lab for lab in others if lab in thanked]
        if len(others) == 1 and found[1] != "Guest" and free(found[1]):
            rename[others[0]] = found[1]
        if len(order) <= 2:
            left = [lab for lab in placeholders if lab not in rename]
            rename.update(_answerers(units, labels, left, check, [rename.get(lab, lab) for lab in order]))
        else:
            # A voice that gives its own full name takes it; then the voices still unnamed
            # besides the host's (and brief ones) are the guests the opening introduced
            # whom no label has yet.
            left = [lab for lab in placeholders if lab not in rename]
            rename.update(_own_names(givers, left, [*order, *rename.values()], check))
            most = max(said.values())
            heard = [lab for lab in left if said[lab] >= HOST_SHARE * most]
            unnamed = [lab for lab in heard if lab not in rename and lab != host_label]
            guests = _guests_left(units, partners, [*order, *rename.values()], check)
            rename.update(_left_over(units, labels, unnamed, guests))
    speakers = tuple(
        Speaker(
            rename.get(lab, lab),
            "host"
            if lab == host_label or any(same_person(rename.get(lab, lab), c) for c in partners)
            else "guest"
            if not guest or lab == guest_label or len(order) == 2
            else "speaker",
        )
        for lab in order
    )
    spans = tuple(
        SpeakerSpan(u.char_start, u.char_end, order.index(lab), 1.0, ad)
        for u, lab, ad in zip(units, labels, ads, strict=True)
    )
    return Attribution(speakers, spans)


def _voiced_host(
    units: Sequence[Unit],
    labels: Sequence[str],
    order: Sequence[str],
    hints: SpeakerHints,
    found: Sequence[str],
) -> str | None:
    """Of two stand-in labels, the one whose words the host's known voice fits better than
    the guest's (both names ``found``, both with a voice on record), or None."""
    voices = Voices(hints.voices) if hints.voices else None
    odds = voices.log_odds([u.text for u in units], found[0], found[1]) if voices else None
    if odds is None:
        return None
    per_word = {
        lab: sum(o for o, la in zip(odds, labels, strict=True) if la == lab)
        / max(1, sum(len(u.text.split()) for u, la in zip(units, labels, strict=True) if la == lab))
        for lab in order
    }
    first, second = order
    if per_word[first] == per_word[second]:
        return None
    return first if per_word[first] > per_word[second] else second


def _own_names(
    givers: dict[str, set[str]], left: Sequence[str], named: Sequence[str], check: NameCheck
) -> dict[str, str]:
    """Names for the diarisation labels ``left`` from their speakers' own words (``givers``:
    ``_self_namers``): a label whose speaker gives one full name as their own ("My name is
    Jane Doe"), which no other label gives and none of the ``named`` speakers is, takes it."""
    out: dict[str, str] = {}
    for lab in left:
        mine = [name for name, labs in givers.items() if labs == {lab} and check(name)]
        if len(mine) == 1 and not one_of(mine[0], named):
            out[lab] = mine[0]
    return out


def _guests_left(
    units: Sequence[Unit], partners: Sequence[str], named: Sequence[str], check: NameCheck
) -> list[str]:
    """The guests the opening introduces who are none of the ``named`` speakers. Co-hosts
    (``partners``) are left out: a host's label named wrong would pass its name on to the
    other host."""
    people: list[str] = []
    for name in check.keep(_opening_introduced(units)):
        if not one_of(name, [*people, *partners]):
            people.append(name)
    return [name for name in people if not one_of(name, named)]


def _left_over(
    units: Sequence[Unit], labels: Sequence[str], unnamed: Sequence[str], guests: Sequence[str]
) -> dict[str, str]:
    """Names for the diarisation labels ``unnamed`` from the introduced ``guests`` that no
    label has: one label and one guest go together; of two and two, each guest's label is
    the one that says the other's first name more than its own (``named_by_the_other``)."""
    if len(unnamed) == 1 and len(guests) == 1:
        return {unnamed[0]: guests[0]}
    if len(unnamed) == 2 and len(guests) == 2:
        theirs = [(u.text, lab) for u, lab in zip(units, labels, strict=True) if lab in unnamed]
        sides = [unnamed.index(lab) for _, lab in theirs]
        first, second = named_by_the_other([text for text, _ in theirs], sides, guests)
        if first:
            return {unnamed[0]: first, unnamed[1]: second}
    return {}


def _answerers(
    units: Sequence[Unit], labels: Sequence[str], left: Sequence[str], check: NameCheck, used: Sequence[str]
) -> dict[str, str]:
    """Names for the diarisation labels ``left``: a name addressed in the unit just before
    a label's turn ("Jane, what do you think?") is whoever answers. A label takes the name
    that at least ``MIN_ANSWERS`` of its turns answer, two thirds of its votes, more often
    than the label itself addresses it; a name ``used`` already, or taken by a label with
    more votes, is not given twice."""
    votes: dict[str, Counter[str]] = {lab: Counter() for lab in left}
    own: dict[str, Counter[str]] = {lab: Counter() for lab in left}
    for i, (u, lab) in enumerate(zip(units, labels, strict=True)):
        addressed = check.keep(vocatives(u.text))
        if lab in own:
            own[lab].update(addressed)
        nxt = labels[i + 1] if i + 1 < len(labels) else lab
        if nxt != lab and nxt in votes:
            votes[nxt].update(addressed)
    out: dict[str, str] = {}
    taken = list(used)
    ranked = sorted(((n, lab, name) for lab, c in votes.items() for name, n in c.items()), reverse=True)
    for n, lab, name in ranked:
        if lab in out or n < MIN_ANSWERS or 3 * n < 2 * sum(votes[lab].values()) or own[lab][name] >= n:
            continue
        if one_of(name, taken):
            continue
        out[lab] = name
        taken.append(name)
    return out


def _role(i: int, name: str, hosting: Sequence[str]) -> str:
    """The role of the ``i``-th decoded speaker: the first and anyone ``hosting`` host, a
    third voice nothing names has none known, everyone else is a guest."""
    if i == 0 or any(same_person(name, c) for c in hosting):
        return "host"
    return "speaker" if name == THIRD_VOICE else "guest"


def attribute(doc: Doc, state: DocState) -> Attribution:
    """Who said each part of the text; spans cover every sentence in order."""
    units = make_units(state)
    if state.transcript.labelled:
        feats = [unit_features(u) for u in units]
        return _labelled(units, feats, detect_ads(units), state.hints, doc)
    cased = _cased(units)
    if not cased or unpunctuated(" ".join(u.text for u in units)):
        # Captions have lost their sentence ends: the units are cut again where the
        # caption model puts them back, but not before a name the opening says.
        said = name_spans(doc, units, opening(len(units)))
        units = make_units(state, restore_ends=True, names=said)
    feats = [unit_features(u) for u in units]
    ads = detect_ads(units)
    n = _count(state.hints)
    bounds: list[BoundaryFeatures | None] = [None] + [
        boundary_features(feats[i - 1], feats[i], units[i]) for i in range(1, len(units))
    ]
    named = units
    if not cased:
        # Caseless captions: a unit opening in lower case says nothing of who speaks, and
        # names are read from the opening with its likely names capitalised.
        bounds = [None if b is None else replace(b, continues=False) for b in bounds]
        named = named_opening(doc, units, opening(len(units)))
    if n == 1 or not units:
        names = [meta_names(state.hints)[0] or "Speaker"]
        spans = tuple(
            SpeakerSpan(u.char_start, u.char_end, 0, 1.0, a) for u, a in zip(units, ads, strict=True)
        )
        return Attribution((Speaker(names[0], "host"),), spans)
    partners = _co_hosts(named, state.hints)
    hints = _this_episode(named, state.hints, partners)
    path, post, names = _decode(units, feats, bounds, ads, hints, n, partners, named, non_people(doc))
    hosting = [*partners, *(names if _recorded_hosts(names, hints) else [])]
    speakers = tuple(Speaker(name, _role(i, name, hosting)) for i, name in enumerate(names))
    spans = tuple(
        SpeakerSpan(u.char_start, u.char_end, s, round(float(post[i, s]), 3), ad)
        for i, (u, s, ad) in enumerate(zip(units, path, ads, strict=True))
    )
    return Attribution(speakers, spans)
