"""A guest's name in an episode's title ("Deep nets with Jane Doe", "Jane Doe: why …").

>>> title_guest("Deep nets and beyond with Jane Doe (Acme)")
'Jane Doe'
>>> title_guest("Jane Doe: why scaling works")
'Jane Doe'
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from extract.concepts.background import zipf
from extract.people import RARE_SURNAME_ZIPF, looks_like_person
from extract.speakers.name_forms import (
    FULL_NAME,
    HONORIFIC,
    clean_name,
    known_thing,
    name_pattern,
)
from graph.names import without_nickname

_TITLE = (
    # Up to five words: a role may come first ("with Acme Chief Scientist Jane Doe").
    re.compile(
        r"\b(?:[Ww]ith|[Ff]eaturing|ft\.|feat\.|guest:?|"
        r"(?:[Tt]alking|[Tt]alks|[Ss]peaking) to|[Ii]nterviewing|"
        r"(?:[Oo]ral [Hh]istory|[Ii]nterview) of)\s+"
        + HONORIFIC
        + name_pattern("{1,4}")
    ),
    re.compile(r"^" + HONORIFIC + FULL_NAME + r"\s*[:|–—(]"),  # "Jane Doe: …", "Jane Doe (Acme) - …"
    # "Tides | Jane Doe (Acme)"; a hyphen only between words ("Out-Of-Band Signals" names nobody)
    re.compile(r"(?:[|–—]|(?<!\S)-)\s*" + HONORIFIC + FULL_NAME + r"\s*(?:\(|$)"),
)
# "Jane Doe: An Interview Conducted by Bo Chen, …": the interviewer, the host.
_TITLE_HOST = re.compile(
    r"\b(?:[Cc]onducted|[Ii]nterviewed|[Hh]osted|[Mm]oderated) by\s+" + HONORIFIC + FULL_NAME + r"(?![\w'-])"
)
# "#12.1 – ", "Episode 7: ", and a transcript page's "Transcript: Episode 7 - " or "Transcript Episode 7: "
_EPISODE_NUMBER = re.compile(
    r"^\s*(?:(?i:transcript)(?:\s*[:|–—-])?\s+)?(?:#|(?i:ep(?:isode)?)\.?\s*)?\d+(?:\.\d+)?\s*[:.|–—-]\s*"
)
# "Tide Talk: Episode 7: Tides", "Tide Talk #7 – Tides": the show's name before the number.
_SHOW_BEFORE_NUMBER = re.compile(
    r"^[^:|–—#]{2,60}?\s*[:|–—-]?\s*(?=(?:#|(?i:ep(?:isode)?)\.?\s*)\d+(?:\.\d+)?\s*[:.|–—-]\s*\S)"
)
# "Jane Doe - Tides and charts": a hyphen also joins topic words ("Code Review - Acme"),
# so this one is trusted only for a name that looks like a person's.
_TITLE_DASH = re.compile(r"^" + HONORIFIC + FULL_NAME + r" - ")
# "Jane Doe on tides": trusted only when the body never writes the surname in lower case.
_TITLE_ON = re.compile(r"^" + HONORIFIC + FULL_NAME + r" on ")
# A title that is a name and nothing else ("Episode 10 - Jane Doe"): trusted only when the
# body calls the person by the first name alone and never says the surname alone (``_alone_in``).
_TITLE_BARE = re.compile(r"^" + HONORIFIC + FULL_NAME + r"\s*$")
# A title whose subject is a person ("Jane Doe is excited about tides", "Jane Doe's
# passion", "Jane Doe knows tides"; not "Jane Doe interviews …", the host): trusted as
# the bare name is, when the body calls them by the first name alone.
_TITLE_SUBJECT = re.compile(
    r"^" + HONORIFIC + FULL_NAME + r"(?:['’]s| is| was| has| (?!interviews|hosts|asks)[a-z]+s)\b"
)


def title_guest(title: str, body: str = "") -> str:
    """A guest's full name stated in an episode title, or ''.

    A title of the form "Jane Doe on tides" names its guest only when ``body`` (the
    transcript) says the surname and always capitalised: "Scaling Laws on trial" is a topic.
    Any other form needs the body, when given, to say the first name or the surname as
    the title writes it: "Replace-by-Fee Bug (CVE-1)" is a topic the body calls a "bug".
    A body without case (auto-captions) cannot write a name so; there, saying it will do.
    A title that is only a name counts when the body says the first name alone and the
    surname only after it.

    >>> title_guest("#12 – Dr. Jane Doe (Acme) - Why tides matter")
    'Jane Doe'
    >>> title_guest("Machine Learning: a primer")
    ''
    >>> title_guest("3.1 - Jane Doe on Tides", "Hello, Jane Doe.")
    'Jane Doe'
    >>> title_guest("Scaling Laws on Trial", "Laws and laws.")
    ''
    >>> title_guest("Tide Tables (CVE-1)", "A bug in the tables."), title_guest("Jane Doe: tides", "Hi Jane.")
    ('', 'Jane Doe')
    >>> title_guest("Tides – Jane Doe", "hi jane"), title_guest("Tides – Jane Doe", "Hi jane.")
    ('Jane Doe', '')
    >>> title_guest("Ep. 7 - Jane Doe", "So, Jane, hi."), title_guest("Tide Tables", "Tide Tables rule.")
    ('Jane Doe', '')
    >>> title_guest("Transcript Episode 7: Jane Doe", "So, Jane, hi.")
    'Jane Doe'
    >>> title_guest("Charting Tides | Jane Doe (Acme, Tidal)", "My guest is Jane Doe. Tides matter.")
    'Jane Doe'
    >>> title_guest("Jane Doe is excited about tides", "Jane Doe's boat. But Jane is no sailor.")
    'Jane Doe'
    >>> title_guest("Jane Doe is wrong about tides", "Doe says so, and Jane agrees with Doe.")
    ''
    >>> title_guest("Jane Doe knows tides", "Jane sails."), title_guest("Jane Doe interviews Bo", "Jane.")
    ('Jane Doe', '')
    >>> title_guest("Beating Tides with Open Charts — with Jane Doe of Acme", "Open Charts, said Jane Doe.")
    'Jane Doe'
    >>> title_guest("Tides with Acme Chief Scientist Jane Doe", "Today I'm here with Jane Doe.")
    'Jane Doe'
    >>> title_guest("Jane Okafor - Tides, Charts and Boats", "Hi, Jane.")
    'Jane Okafor'
    >>> title_guest("Code Review - Tides", "Code.")
    ''
    >>> title_guest("Tidal Charts: Talking to Jane Doe about Boats", "Jane, welcome.")
    'Jane Doe'
    >>> title_guest("JANE DOE: An Interview", "So, Jane Doe.")
    'Jane Doe'
    >>> title_guest("Oral History of Jane Doe", "Doe."), title_guest("Oral History of Jane (Jo) Doe", "Doe.")
    ('Jane Doe', 'Jane Doe')
    >>> title_guest("Even Acme uses tide tables", "Even so, it works. Even then.")
    ''
    >>> title_guest("Tidal Reckoning - Part 2", "We are reading “Tidal Reckoning” by Jane Doe.")
    ''
    >>> title_guest("Static Sites and Tide Charts With Jane Okafor", "So, Jane, hi.")
    'Jane Okafor'
    >>> title_guest("Tide Talk: Episode 7: Reading the tables", "Welcome to Tide Talk.")
    ''
    >>> title_guest("Tide Talk #7 – Jane Doe: Tides", "Hi Jane.")
    'Jane Doe'
    """
    title = _plain(title)
    # Every match, the last first: a title puts its topic before its guest ("Beating Acme
    # with Open Charts — with Jane Doe").
    found = [m.group(1) for pat in _TITLE for m in reversed(list(pat.finditer(title)))]
    dash = _TITLE_DASH.match(title)
    if dash and looks_like_person(dash.group(1)):
        found.append(dash.group(1))
    caseless = _caseless(body)
    if body:
        found = [n for n in found if any(said_as(w, body, caseless) for w in (n.split()[0], n.split()[-1]))]
        found = [n for n in found if not _quoted(n, body)]
    on = _TITLE_ON.match(title)
    if on and _proper_in(on.group(1).split()[-1], body):
        found.append(on.group(1))
    for bare in (_TITLE_BARE.match(title.strip()), _TITLE_SUBJECT.match(title.strip())):
        # A name never opens with a function word ("Even Acme uses …").
        if bare and body and bare.group(1).split()[0].lower() not in STOP_WORDS and _alone_in(
            bare.group(1), body, caseless
        ):
            found.append(bare.group(1))
    if body:
        # A name the body says whole beats one it only says part of ("Building Acme |
        # Jane Doe (Acme)": "Acme" is said, "Building Acme" never).
        found.sort(key=lambda n: not said_as(n, body, caseless))
    for name in found:
        if clean_name(name) == name and not known_thing(name):
            return _said_part(name, body, caseless) if body else name
    return ""


def _quoted(name: str, body: str) -> bool:
    """Whether ``body`` writes ``name`` in quotation marks, as the name of a work (a book, a
    talk) is written and a person's is not.

    >>> _quoted("Tidal Reckoning", 'I read "Tidal Reckoning" twice.'), _quoted("Jane Doe", "Hi, Jane Doe.")
    (True, False)
    """
    return re.search(r"[\"“‘']" + re.escape(name) + r"[\"”’',.!?]*[\"”’]", body) is not None


def _plain(title: str) -> str:
    """``title`` without its episode number, a name in capitals written as names are, and
    no nickname inside a name: the form every title pattern reads."""
    return without_nickname(_capitalised(_EPISODE_NUMBER.sub("", _SHOW_BEFORE_NUMBER.sub("", title))))


def _capitalised(title: str) -> str:
    """``title`` with a run of two to four words in capitals at its start written as a name
    is ("JANE DOE: An Interview" → "Jane Doe: An Interview"), as archives write titles.

    >>> _capitalised("JANE DOE: An Interview"), _capitalised("NASA: Tides"), _capitalised("Tides")
    ('Jane Doe: An Interview', 'NASA: Tides', 'Tides')
    """
    m = re.match(r"(?:[A-Z][A-Z'\-]+ ){1,3}[A-Z][A-Z'\-]+(?=\s*[:|–—(-]|$)", title)
    return m.group(0).title() + title[m.end() :] if m else title


def _said_part(name: str, body: str, caseless: bool) -> str:
    """``name``, or the longest run of two words or more in it that ``body`` says whole
    when it never says all of it, the last of equal length: a title runs a name into a
    topic ("Jane Doe Tidecraft (2019)") or puts a role before it ("Acme Chief Scientist
    Jane Doe").

    >>> _said_part("Jane Doe Tidecraft", "I'm Jane Doe.", False), _said_part("Ana de Souza", "Ana!", False)
    ('Jane Doe', 'Ana de Souza')
    >>> _said_part("Acme Chief Scientist Jane Doe", "I'm here with Jane Doe of Acme.", False)
    'Jane Doe'
    """
    words = name.split()
    runs = [
        " ".join(words[i : i + n]) for n in range(len(words), 1, -1) for i in range(len(words) - n, -1, -1)
    ]
    return next((run for run in runs if said_as(run, body, caseless)), name)


def title_host(title: str) -> str:
    """The interviewer a title names ("… An Interview Conducted by Jane Doe, …", "hosted by
    Jane Doe"), a full name shaped as a person's, or ''. An oral history's interviewer
    may never be named in the transcript itself.

    >>> title_host("BO CHEN: An Interview Conducted by Jane Okafor, Tide Center, 2 May 2010.")
    'Jane Okafor'
    >>> title_host("Tides with Bo Chen, hosted by Dr. Jane Okafor"), title_host("Hosted by Acme Web Services")
    ('Jane Okafor', '')
    """
    for m in _TITLE_HOST.finditer(_plain(title)):
        name = m.group(1)
        if clean_name(name) == name and looks_like_person(name) and not known_thing(name):
            return name
    return ""


def unsaid_title_guest(title: str, body: str) -> str:
    """A guest the title names ("Tides with Jane Doe", "Jane Doe on Tides", "Jane Doe") whom
    the body never mentions by either name, as a transcript page that names its speakers only
    in labels has them, or captions of an interview that never says the guest's name; read
    only when nothing in the episode names the guest. The name must look like a person's
    (its last word rare in English), so a topic is never taken.

    >>> unsaid_title_guest("Static Sites with Jane Okafor", "Thanks for having me.")
    'Jane Okafor'
    >>> unsaid_title_guest("Static Sites with Jane Okafor", "So, Okafor's law.")
    ''
    >>> unsaid_title_guest("Bugs with Memory Safety", "It is safe.")
    ''
    >>> unsaid_title_guest("Jane Okafor on Static Sites", "Thanks for having me.")
    'Jane Okafor'
    >>> unsaid_title_guest("Jane Okafor on Out-Of-Band Signals", "Thanks for having me.")
    'Jane Okafor'
    >>> unsaid_title_guest("Jane Okafor", "Hi."), unsaid_title_guest("Tide Tables", "Tides.")
    ('Jane Okafor', '')
    >>> unsaid_title_guest("Interview with Jane Okafor", "so how did it start")  # captions
    'Jane Okafor'
    """
    plain = _plain(title)
    on = _TITLE_ON.match(plain)
    # A title that is only a name, with no word to say it is a guest: a surname rare in English.
    bare = _TITLE_BARE.match(plain.strip())
    bare = bare if bare and zipf(bare.group(1).split()[-1]) < RARE_SURNAME_ZIPF else None
    name = title_guest(title) or (on.group(1) if on else "") or (bare.group(1) if bare else "")
    if not name or not looks_like_person(name):
        return ""
    words = name.split()
    return "" if any(said_as(w, body, ignore_case=True) for w in (words[0], words[-1])) else name


def _caseless(body: str) -> bool:
    """Whether ``body`` is written without case (auto-captions): under one word in fifty
    capitalised, so the names restored in a caption's opening (``caseless``) leave it so.

    >>> _caseless("so jane how did it start"), _caseless(". I'm Jo Park. so " + "we " * 200)
    (True, True)
    >>> _caseless("So, Jane, how did it start?")
    False
    """
    words = re.findall(r"[^\W\d_]+", body)
    return sum(w[0].isupper() for w in words) * 50 < max(len(words), 1)


def said_as(word: str, body: str, ignore_case: bool = False) -> bool:
    """Whether ``body`` says ``word`` written exactly so (in any case with ``ignore_case``),
    as a whole word."""
    flags = re.I if ignore_case else 0
    return re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", body, flags) is not None


def _alone_in(name: str, body: str, ignore_case: bool = False) -> bool:
    """Whether ``body`` calls ``name`` as one calls a person: its first word as written, at
    least once without the rest (in any case with ``ignore_case``), and its last word only
    ever after the word before it. A topic is said whole or by its last word ("Rust
    Ownership": "ownership").

    >>> _alone_in("Jane Doe", "Welcome, Jane."), _alone_in("Memento Mori", "Memento Mori, they said.")
    (True, False)
    >>> _alone_in("Rust Ownership", "Rust, for one, moves ownership.")
    False
    >>> _alone_in("Jane Doe", "so jane came. that's jane. doe rows too", ignore_case=True)
    True
    >>> _alone_in("Jane Doe", "so jane came. janet doe rows too", ignore_case=True)  # another Doe
    False
    """
    words = name.split()
    flags = re.I if ignore_case else 0
    alone = r"(?<![\w-])" + re.escape(words[0]) + r"(?![\w-])(?! " + re.escape(words[1]) + ")"
    # A caption's restored sentence end may fall between the two ("… jane. doe check out …").
    before = "".join("(?<!" + re.escape(words[-2] + mark) + " )" for mark in ("", ".", ","))
    last = r"(?<![\w-])" + before + re.escape(words[-1]) + r"(?![\w-])"
    return re.search(alone, body, flags) is not None and re.search(last, body, re.I) is None


def _proper_in(word: str, body: str) -> bool:
    """Whether ``body`` says ``word`` and only ever with a capital, as a proper noun."""
    said = re.findall(r"\b" + re.escape(word) + r"\b", body, re.I)
    return bool(said) and all(w[0].isupper() for w in said)
