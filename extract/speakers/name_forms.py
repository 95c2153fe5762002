"""The forms a name takes in running text, shared by the readers of introductions,
titles and vocatives: pattern parts for a name ("Jane", "Jane Doe", "Dr. Maria de la
Cruz"), for a self-introduction's opening, the words that open a sentence but name
nobody, and whether two names can be one person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.concepts.vocabulary import default_vocabulary
from extract.people import LETTERS, UPPER
from extract.speakers.features import OPENER_WORDS
from graph.names import NAME_PARTICLES
from graph.names import same_person as full_names_match


def name_pattern(more: str, particles: str = "") -> str:
    """A captured name: a capitalised word, then ``more`` capitalised words or initials,
    each after optional ``particles``."""
    word = rf"[{UPPER}][{LETTERS}']+(?:-[{LETTERS}']+)*"  # a hyphen only inside ("Du-" is cut off)
    return r"(" + word + r"(?:" + particles + r" (?:[A-Z]\.|" + word + r"))" + more + ")"


NAME = name_pattern("{0,2}")  # "Jane", "Jane Doe"
FULL_NAME = name_pattern("{1,2}")  # at least two words
# An honorific before a name is not part of it ("Dr. Jane Doe" → Jane Doe), nor ever a
# first name ("This is Professor Lind" gives no full name): the group does not backtrack.
HONORIFIC = r"(?>(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.? |(?:Professor|Doctor|Sir|Dame) )?)"
# Lower-case particles are part of an introduced name ("Maria de la Cruz", "José Ortega y Gasset").
_PARTICLES = r"(?: (?:" + "|".join(NAME_PARTICLES) + r"))*"
INTRO_NAME = HONORIFIC + name_pattern("{0,3}", _PARTICLES)
INTRO_FULL = HONORIFIC + name_pattern("{1,3}", _PARTICLES)
PARTICLE_NAME = name_pattern("{0,2}", _PARTICLES)  # "Jane", "Jane Doe", "José Ortega y Gasset"
# Greetings that may come before a name or a self-introduction.
GREETINGS = ("hi", "hey", "hello")


def closes_welcome(before: Sequence[str]) -> bool:
    """Whether a name after the lower-case words ``before`` it closes a welcome or a thanks
    ("welcome jane", "thank you jane"), as a vocative does.

    >>> closes_welcome(["so", "welcome"]), closes_welcome(["thank", "you"]), closes_welcome(["with"])
    (True, True, False)
    """
    return list(before[-1:]) == ["welcome"] or list(before[-2:]) == ["thank", "you"]

# A greeting, then discourse words, may come before a self-introduction ("Hi, so I'm …").
GREETING = (
    r"(?:^|[.,!] )(?:(?:[Hh]i|[Hh]ey|[Hh]ello)(?: everyone| everybody| folks)?,? )?"
    r"(?:(?:[Ss]o|[Ww]ell|[Oo]kay|[Yy]eah|[Uu]m|[Uu]h|[Aa]nd|[Aa]ll right|[Aa]lright),? )*"
)
I_AM = r"(?:I'm|I am|[Mm]y name is)"
# "I'm Jane Doe with Acme", "… of Acme", "… from Acme"
INTRO_END = r"(?=[,.!;]| and | here\b| welcome\b| with\b| of\b| from\b| (?:coming|speaking) to you\b|$)"
SELF_START = GREETING + rf"(?:{I_AM}|[Tt]his is)"
YOUR_ROLE = r"your (?:co-?)?host"
# After "your host" a single name will do ("I'm your host, Dr. Jane").
YOUR_HOST = re.compile(
    rf"(?:{SELF_START}|(?<![\w'])(?:I'm|I am)) {YOUR_ROLE},? " + INTRO_NAME + INTRO_END
)  # "… this is the show and I'm your host, Jane Doe"
_NOT_NAMES = {  # words that open a sentence but name nobody (besides features.OPENER_WORDS)
    "I",
    "I'm",
    "It",
    "That",
    "This",
    "There",
    "Today",
    "Like",
    "Also",
    "The",
    "We",
    "You",
    "Then",
    "Actually",
    "Basically",
    "Maybe",
    "Just",
    "Again",
    "Everyone",
    "Everybody",
    "Folks",
    "Guys",
    "Good",
    "For",
    "Very",
    "Sorry",
    "If",
    "When",
    "What",
    "How",
    "Why",
    "In",
    "On",
    "Of",
    "To",
    "As",
    "At",
    "By",
    "With",
    "From",
    "Here",
    "Please",
    "Look",
    "See",
    "Listen",
    "All",
    "Hi",
    "Hello",
    "Friends",
    "Ladies",
    "Listeners",
    "Perfect",
    "Excellent",
    "Wonderful",
    "Fantastic",
    "Brilliant",
    "Lovely",
    "Splendid",
    "Welcome",
    "Inc",  # a company's suffix ("an interview with Inc.")
    "LLC",
    "Ltd",
    "Corp",
}


def clean_name(name: str) -> str:
    words = name.split()
    if any(w.lower().endswith(("'s", "'re", "'ll", "'ve", "'d", "'t", "'m")) for w in words):
        return ""
    while words and (words[0] in _NOT_NAMES or words[0].lower() in OPENER_WORDS):
        words = words[1:]  # "Nope, it goes further" addresses nobody
    return " ".join(words)


def known_thing(name: str) -> bool:
    """Whether the concept vocabulary knows ``name`` as something other than a person
    (a topic such as "Machine Learning", an organization such as "Google").

    >>> known_thing("Machine Learning"), known_thing("Jane Doe")
    (True, False)
    """
    known = default_vocabulary().lookup(name)
    return known is not None and known.kind != "person"


def same_person(short: str, full: str) -> bool:
    """Whether ``short`` (e.g. a first name) can refer to ``full``: a first name its full
    name; two full names when they share a surname ("Nick Harris", "Nicholas Harris") or
    the first name and a surname close in spelling, not two people with one first name.

    >>> same_person("Dan", "Dan Lee"), same_person("Dan Leigh", "Dan Lee"), same_person("Dan Park", "Dan Lee")
    (True, True, False)
    >>> same_person("Lee", "Dan Lee"), same_person("Park", "Dan Lee")
    (True, False)
    >>> same_person("Sir James Dyson", "James"), same_person("Dr. Jo Park", "Jo Park")
    (True, True)
    """
    a, b = _without_title(short), _without_title(full)
    if not a or not b:
        return False
    if len(a) > 1 and len(b) > 1:
        return a[-1] == b[-1] or full_names_match(short, full)
    # A single word is a first name, or a surname when the file calls people so ("Provoost").
    return a[0] == b[0] or (a[-1] == b[-1] and (len(a) > 1 or len(b) > 1))


def one_of(name: str, people: Sequence[str]) -> bool:
    """Whether ``name`` is one of ``people`` (a first name or surname counts).

    >>> one_of("Dan", ["Jo Park", "Dan Lee"]), one_of("Dan Park", ["Dan Lee", ""])
    (True, False)
    """
    return any(same_person(name, p) or same_person(p, name) for p in people)


_LEADING_HONORIFIC = re.compile("^" + HONORIFIC, re.I)


def _without_title(name: str) -> list[str]:
    """Lower-case words of a name without a leading honorific ("Sir James Dyson" → james dyson)."""
    return _LEADING_HONORIFIC.sub("", name.strip()).lower().split()
