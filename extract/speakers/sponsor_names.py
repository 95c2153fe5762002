"""The host's or a speaker's name that sponsor reads and web addresses carry
("acme.com/jane", "use code JANEPODCAST", "janedoe.com").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from extract.concepts.background import zipf
from extract.people import full_name, looks_like_person

RARE_HANDLE_ZIPF = 1.5  # a handle rarer than this as an English word reads as a name


_VANITY = re.compile(r"\b[a-z0-9-]+\.(?:com|ai|io|co|org|net|fm)/([a-z]{3,20})\b", re.I)
_PROMO = re.compile(r"\b(?i:use|enter|with) (?i:the )?(?i:promo |discount )?(?i:code):? ([A-Za-z]{3,20})\b")
_SHOW_WORD = re.compile(r"^(?:pod|podcast|show|radio|fm|tv)$", re.I)


def vanity_host(ad_texts: Iterable[str]) -> str:
    """The host's name that a sponsor's vanity address or promo code carries
    ("acme.com/ilya", "use code ILYAPODCAST" → Ilya Sutskever): sponsors give a show its
    own address and code, named after the show or its host. A well-known person's full
    name when the handle is their rare first name; else a handle that reads as a name
    (rare as a word, the same across the reads: "acme.com/marek" → Marek); '' when the
    reads name nobody or more than one.

    >>> vanity_host(["Go to acme.com/ilya for a free trial."])
    'Ilya Sutskever'
    >>> vanity_host(["Go to acme.com/pricing today."]), vanity_host(["Use code ILYAPODCAST."])
    ('', 'Ilya Sutskever')
    >>> vanity_host(["Try acme.com/marek today.", "Visit zeta.io/marek for more."])
    'Marek'
    >>> vanity_host(["Back us at acme.com/qxzpodcast.", "Or at zeta.io/qxzpodcast."])
    ''
    """
    found: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    for text in ad_texts:
        handles = [(m.group(1), False) for m in _VANITY.finditer(text)]
        handles += [(m.group(1), True) for m in _PROMO.finditer(text)]
        for handle, code in handles:
            # "JANEPODCAST": a name, then the show word; a web address so named is the
            # show's own ("x.com/axrpodcast"), unless the name is a well-known person's.
            split = [handle[:i] for i in range(3, len(handle)) if _SHOW_WORD.match(handle[i:])]
            for part in split or [handle]:
                word = part.capitalize()
                name = full_name(word)
                if name != word:
                    found[name] += 1
                elif zipf(part.lower()) < RARE_HANDLE_ZIPF and (code or not split):
                    unknown[word] += 1
    if found:
        return found.most_common(1)[0][0] if len(found) == 1 else ""
    return next(iter(unknown)) if len(unknown) == 1 and sum(unknown.values()) >= 2 else ""


_SITE = re.compile(
    r"\b(?:https?://)?(?:www\.)?([a-z][a-z-]{4,40})\.(?:com|net|org|io|ai|co|fm|me|show)\b", re.I
)
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\b")


def site_names(texts: Sequence[str]) -> list[str]:
    """The person whose own web address each text gives: an address written as a full
    name that the transcript also spells out ("janedoe.com" with "Jane Doe" said
    somewhere); '' for a text that gives none. People give their own show's or their
    own site's address, so it names whoever gives it.

    >>> site_names(["Find the show at www.janedoe.com.", "Thanks.", "Ask Jane Doe."])
    ['Jane Doe', '', '']
    >>> site_names(["See acme.com or janedoe.com.", "Ask Jane Smith."])
    ['', '']
    """
    spelt: dict[str, str] = {}
    for text in texts:
        for m in _CAPITALISED_RUN.finditer(text):
            run = m.group(0).split()
            for k in range(2, len(run) + 1):  # each run of two words or more: "Ask Jane Doe" gives "Jane Doe"
                for i in range(len(run) - k + 1):
                    name = " ".join(run[i : i + k])
                    spelt.setdefault("".join(run[i : i + k]).lower(), name)
    out = []
    for text in texts:
        found = [spelt.get(m.group(1).replace("-", "").lower(), "") for m in _SITE.finditer(text)]
        out.append(next((f for f in found if f and looks_like_person(f)), ""))
    return out
