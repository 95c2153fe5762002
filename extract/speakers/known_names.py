"""Names known before the transcript is read: ``--speakers``, the metadata (host, guest,
title, co-hosts, listed speakers), the store's hosts of the show and a show named
after its host.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from extract.concepts.background import zipf
from extract.people import LETTERS, RARE_SURNAME_ZIPF, UPPER, full_name, looks_like_person
from extract.speakers import SpeakerHints
from extract.speakers.name_forms import (
    clean_name,
    same_person,
)
from extract.speakers.titles import title_guest, title_host
from graph.ids import VOICE_LABEL

_OWNER = rf"([{UPPER}][{LETTERS}\-]+(?: [{UPPER}][{LETTERS}\-]+)?)['’]s "  # "Jane Doe's "
_SHOW_OWNER = re.compile(r"^\s*(?i:the )?" + _OWNER + r"(?i:podcast|show|newsletter)\b")  # metadata
_SHOW_MENTION = re.compile(r"\b" + _OWNER + r"(?:Podcast|Show)\b")  # said in the transcript
# "the Jane Okafor podcast": a full name before the word, one that looks like a person's
# and ends in a word rare in English ("the Acme Explained podcast" names no one).
_PERSON_SHOW = rf"([{UPPER}][{LETTERS}\-]+ ([{UPPER}][{LETTERS}\-]+)) (?i:podcast|show)"
_NAMED_SHOW = re.compile(r"\b(?i:the) " + _PERSON_SHOW + r"\b")
_NAMED_SHOW_META = re.compile(r"^\s*(?i:the )?" + _PERSON_SHOW + r"\s*$")  # the metadata's show
# "The Ilya Podcast": one word before it, which counts only as the rare first name of one
# well-known person (``full_name`` completes it), so "Acme Podcast" names no one.
_FIRST_NAME_SHOW = rf"([{UPPER}][{LETTERS}\-]+) (?i:podcast|show)"
_FIRST_NAME_SHOW_META = re.compile(r"^\s*(?i:the )?" + _FIRST_NAME_SHOW + r"\s*$")
_FIRST_NAME_SHOW_SAID = re.compile(r"\b(?i:the) " + _FIRST_NAME_SHOW + r"\b")


def meta_co_hosts(hints: SpeakerHints) -> list[str]:
    """Co-hosts the metadata names (front matter ``cohost``, ``co-hosts``, …; see parsers).

    >>> meta_co_hosts(SpeakerHints(meta={"cohost": "Ann Lee, Bo Chen"}))
    ['Ann Lee', 'Bo Chen']
    """
    return _meta_list(hints, "cohost")


def meta_value(hints: SpeakerHints, key: str) -> str:
    """The metadata's value for ``key`` (a lower-case key; the file's may be in any case), or ''.

    >>> meta_value(SpeakerHints(meta={"Title": "Tides"}), "title")
    'Tides'
    """
    return next((v for k, v in hints.meta.items() if k.lower() == key), "")


def _meta_list(hints: SpeakerHints, key: str) -> list[str]:
    """The names a metadata list holds (the parsers keep lists as "A, B")."""
    return [n.strip() for n in meta_value(hints, key).split(",") if n.strip()]


# Labels that stand for a voice or a role, not a name: they get names from the transcript.
PLACEHOLDER = VOICE_LABEL


def listed(hints: SpeakerHints) -> list[str]:
    """The speakers the metadata lists without roles (front matter ``speakers``), less
    diarisation and role labels."""
    return [n for n in _meta_list(hints, "speakers") if not PLACEHOLDER.match(n)]


def completed(name: str, people: Sequence[str]) -> str:
    """A first name completed to the one full name of ``people`` it begins, else as given.

    >>> completed("Roy", ["Roy Sheinfeld", "Stephan Livera"]), completed("Roy", ["Roy Lee", "Roy Sheinfeld"])
    ('Roy Sheinfeld', 'Roy')
    """
    matches = [full for full in people if same_person(name, full)]
    return matches[0] if name and len(name.split()) == 1 and len(matches) == 1 else name


def listed_names(hints: SpeakerHints, host: str, guest: str) -> tuple[str, str]:
    """Host and guest completed from the names the metadata lists without roles
    (front matter ``speakers``): a first name to the one listed full name it begins, and
    of two listed people, the one not found is the other speaker.

    >>> hints = SpeakerHints(meta={"speakers": "Roy Sheinfeld, Stephan Livera"})
    >>> listed_names(hints, "", "Roy"), listed_names(hints, "Stephan", "")
    (('Stephan Livera', 'Roy Sheinfeld'), ('Stephan Livera', 'Roy Sheinfeld'))
    >>> listed_names(SpeakerHints(meta={"speakers": "SPEAKER_00, SPEAKER_01"}), "", "Roy")
    ('', 'Roy')
    """
    names = listed(hints)
    host, guest = completed(host, names), completed(guest, names)
    if len(names) == 2:
        rest = [n for n in names if not any(k and same_person(k, n) for k in (host, guest))]
        if len(rest) == 1 and bool(host) != bool(guest):
            host, guest = host or rest[0], guest or rest[0]
    return host, guest


def meta_names(hints: SpeakerHints, body: str = "") -> tuple[str, str]:
    """(host, guest) known before reading: --speakers, metadata (the title's interviewer too),
    the store's host of the show.

    With no guest, a co-host the metadata names is the second voice. ``body`` (the
    transcript) confirms a name the title gives as "Jane Doe on …".
    """
    meta = {k.lower(): v for k, v in hints.meta.items()}
    host = hints.names[0] if hints.names else meta.get("host", "") or _title_host(meta) or show_host(hints)
    guest = hints.names[1] if len(hints.names) > 1 else meta.get("guest", "")
    if not guest and meta.get("title"):
        guest = title_guest(meta["title"], body)
        names = listed(hints)
        if guest and host and same_person(guest, host):
            guest = ""
        if guest and names_the_show(guest, meta.get("show", "")):
            guest = ""  # "Tide News: Episode 6: …" names the show, not a guest
        if guest and names and not any(same_person(guest, n) for n in names):
            guest = ""  # "Acme Decoded: Blocks" names a show, not one of the listed speakers
    return host, guest or next(iter(meta_co_hosts(hints)), "")


def names_the_show(name: str, show: str) -> bool:
    """Whether ``name`` is the show's name, or a run of its words, and not a person's whose
    show it is (a show may be named after its host: "Jane Okafor Podcast").

    >>> names_the_show("Tide News", "The tide news podcast"), names_the_show("Jane Doe", "Tide News")
    (True, False)
    >>> names_the_show("Jane Okafor", "The Jane Okafor Podcast")
    False
    >>> names_the_show("Acme Internals", "Acme Internals News")  # shaped as a name, but the show's
    True
    """
    found = re.search(r"(?<!\w)" + re.escape(name.lower()) + r"(?!\w)", show.lower())
    if not show or found is None:
        return False
    own = r"(?:the )?" + re.escape(name.lower()) + r"(?:'s)? (?:podcast|show|newsletter)"
    return not (re.fullmatch(own, show.lower().strip()) and looks_like_person(name))


def show_hosts(hints: SpeakerHints) -> tuple[str, ...]:
    """The hosts the store has recorded for the metadata's show, most often first.

    >>> show_hosts(SpeakerHints(meta={"show": "Tide Talk "}, known_hosts={"tide talk": ("Ann Lee", "Bo")}))
    ('Ann Lee', 'Bo')
    """
    show = meta_value(hints, "show").strip().lower()
    return next((h for s, h in hints.known_hosts.items() if show and s.strip().lower() == show), ())


def show_host(hints: SpeakerHints) -> str:
    """The host the store has recorded most often for the metadata's show, or ''."""
    return next(iter(show_hosts(hints)), "")


def store_host(hints: SpeakerHints) -> str:
    """The store's host of the show when it is the one ``meta_names`` gives: neither
    ``--speakers`` nor the metadata names the host; else ''.

    >>> h = SpeakerHints(meta={"show": "Tide Talk"}, known_hosts={"tide talk": ("Ann Lee",)})
    >>> store_host(h), store_host(replace(h, meta={**h.meta, "host": "Ann Lee"}))
    ('Ann Lee', '')
    """
    meta = {k.lower(): v for k, v in hints.meta.items()}
    return "" if hints.names or meta.get("host") or _title_host(meta) else show_host(hints)


def _title_host(meta: dict[str, str]) -> str:
    """The interviewer the metadata's title names ("… Conducted by Jane Doe"), or ''."""
    return title_host(meta.get("title", ""))


def hosted_by(hints: SpeakerHints, host: str) -> SpeakerHints:
    """``hints`` with ``host``, one of the show's hosts on record, as the one this episode has.

    >>> h = SpeakerHints(meta={"show": "Tide Talk"}, known_hosts={"tide talk": ("Ann Lee", "Bo Chen")})
    >>> show_host(hosted_by(h, "Bo Chen"))
    'Bo Chen'
    """
    show = meta_value(hints, "show").strip().lower()
    hosts = {
        s: (host, *(h for h in hs if h != host)) if s.strip().lower() == show else hs
        for s, hs in hints.known_hosts.items()
    }
    return replace(hints, known_hosts=hosts)


def show_owner(hints: SpeakerHints, texts: Iterable[str] = ()) -> str:
    """The name in a show called "<Name>'s Podcast" or "The <First Last> Show", which is
    usually its host, or ''.

    The show's name comes from the metadata, else from the transcript ("welcome to
    Jane's Podcast"), where the one name said so most often wins.

    >>> show_owner(SpeakerHints(meta={"show": "Jane Doe's Podcast"}))
    'Jane Doe'
    >>> [show_owner(SpeakerHints(meta={"show": s})) for s in ("Jane Okafor Show", "Acme Explained Podcast")]
    ['Jane Okafor', '']
    >>> show_owner(SpeakerHints(), ["Welcome back to Jane's Podcast.", "Thanks for listening."])
    'Jane'
    >>> show_owner(SpeakerHints(), ["Welcome to the Jane Okafor podcast."])
    'Jane Okafor'
    >>> show_owner(SpeakerHints(), ["Welcome to the Acme Explained podcast."])
    ''
    >>> [show_owner(SpeakerHints(meta={"show": s})) for s in ("Ilya Podcast", "Acme Podcast", "Max Show")]
    ['Ilya Sutskever', '', '']
    >>> show_owner(SpeakerHints(), ["Here at the Ilya Podcast we test things."])
    'Ilya Sutskever'
    """
    meta = {k.lower(): v for k, v in hints.meta.items()}
    m = _SHOW_OWNER.match(meta.get("show", ""))
    if m and clean_name(m.group(1)) == m.group(1):
        return m.group(1)
    m = _NAMED_SHOW_META.match(meta.get("show", ""))
    if m and _person_show(m):
        return m.group(1)
    m = _FIRST_NAME_SHOW_META.match(meta.get("show", ""))
    if m and _known_first_name(m.group(1)):
        return full_name(m.group(1))
    said: Counter[str] = Counter()
    for text in texts:
        said.update(m.group(1) for m in _SHOW_MENTION.finditer(text) if clean_name(m.group(1)) == m.group(1))
        said.update(m.group(1) for m in _NAMED_SHOW.finditer(text) if _person_show(m))
        firsts = (m.group(1) for m in _FIRST_NAME_SHOW_SAID.finditer(text))
        said.update(full_name(f) for f in firsts if _known_first_name(f))
    return said.most_common(1)[0][0] if said else ""


def _known_first_name(word: str) -> bool:
    """Whether ``word`` is the rare first name of one well-known person ("Ilya")."""
    return len(full_name(word).split()) > 1


def _person_show(m: re.Match[str]) -> bool:
    """Whether a show's name that ``m`` finds is a person's ("the Jane Okafor show"): a full
    name shaped as a person's whose surname is rare in English ("Acme Explained" is not)."""
    return looks_like_person(m.group(1)) and zipf(m.group(2).lower()) < RARE_SURNAME_ZIPF
