"""Whether a name found by a cue (an introduction, a vocative, a show's name) can be a speaker's.

Cues read capitalised words at places where names go ("Remember, …", "…, Texas.",
"this is Acme Radio"), so they also catch sentence-opening verbs, places, companies
and show names. A candidate is kept unless the episode itself says otherwise: the
named-entity recogniser reads it as a place or an organisation and never as a
person, it is a common word capitalised only where a sentence starts, the episode
uses it as a show's name ("thanks for listening to Acme Explained") or as a thing
("written in Haskell"), or the metadata lists the speakers and it is none of them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from extract.speakers.name_forms import same_person

# Entity types that name no person.
_NOT_PEOPLE = frozenset(
    {"GPE", "LOC", "ORG", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME"}
)
MIN_TAGS = 2  # the recogniser's readings of a name needed to overrule a cue
_PAST_FORMS = frozenset({"VBN", "VBD"})
# Parts of speech no name takes; not AUX ("Will, go on." is read as a modal), nor NOUN or
# ADJ, which the tagger gives names that are words ("Grace", "Sunny").
_GRAMMAR_POS = frozenset({"VERB", "ADV", "ADP", "CCONJ", "SCONJ", "DET", "PRON", "INTJ", "PART"})
_NAMED_AS_SELF = re.compile(r"\b(?i:my name is|i'm|i am) $")
_WHO_AFTER = re.compile(r",? who\b")
_OPENS_SENTENCE = re.compile(r"(?:^|[.?!:;]['\"”’)\]]*)\s*[\"“‘'(\[]*$")
# A plural of an acronym ("CRDs", "GPUs") is things, not a person ("avoid introducing CRDs").
_ACRONYMS = re.compile(r"\b[A-Z]{2,}s\b")
# A last word that makes a name an organisation's ("Acme Labs", "Tidal Systems").
_ORG_ENDS = frozenset(
    {"Labs", "Lab", "Inc", "LLC", "Ltd", "Corp", "Corporation", "Company", "Technologies", "Systems",
     "Solutions", "Software", "Group", "Ventures", "Capital", "Partners", "Studios", "Foundation",
     "Institute", "University", "Networks", "Podcast", "Show"}
)


def non_people(doc: Doc) -> frozenset[str]:
    """Entity texts the recogniser reads as places, organisations, products or the like
    at least ``MIN_TAGS`` times, and never as a person or a part of a person's name (it
    reads a first name alone as an organisation now and then); and capitalised words the
    tagger reads as a verb, an adverb or another word of grammar wherever they stand
    ("Remember, …", "Furthermore, …"), never as a noun or a name."""
    other: Counter[str] = Counter()
    person: set[str] = set()
    text = doc.text
    for ent in doc.ents:
        # What the words around it say of a person overrules the label: "my name is Jane
        # Doe", "… with Jane Doe, who builds robots" (a company is "which").
        said_of_a_person = _NAMED_AS_SELF.search(text, max(0, ent.start_char - 16), ent.start_char) or (
            _WHO_AFTER.match(text, ent.end_char)
        )
        if ent.label_ == "PERSON" or said_of_a_person:
            person.add(ent.text)
            person.update(t.text for t in ent)
        elif ent.label_ in _NOT_PEOPLE:
            other[ent.text] += 1
    tags: dict[str, set[str]] = {}
    past: set[str] = set()  # read as a past form somewhere
    for tok in doc:
        if tok.is_title and tok.is_alpha:
            tags.setdefault(tok.text, set()).add(tok.pos_)
            if tok.tag_ in _PAST_FORMS:
                past.add(tok.text)
    grammar = {w for w, pos in tags.items() if pos <= _GRAMMAR_POS and w not in person}
    # A name of several words ending in a word in "-ed" that the tagger reads as a past form
    # somewhere ("Acme Explained", "Code Unlocked") is a show's, even where the recogniser
    # reads it as a person's.
    shows = {e.text for e in doc.ents if len(e) > 1 and e[-1].lower_.endswith("ed") and e[-1].text in past}
    return frozenset({t for t, n in other.items() if n >= MIN_TAGS and t not in person} | grammar | shows)


def sentence_start_only(name: str, texts: Iterable[str]) -> bool:
    """Whether a one-word ``name`` is a common word: the texts have it in lower case and
    capitalise it only where a sentence opens ("Remember, …"). A name is capitalised
    wherever it stands ("Thanks, Will.").

    >>> sentence_start_only("Remember", ["Remember, it helps.", "I remember that."])
    True
    >>> sentence_start_only("Will", ["Will, go on.", "It will.", "Thanks, Will."])
    False
    >>> sentence_start_only("Jane", ["Jane, go on."]), sentence_start_only("Jo Park", ["Jo Park, hi. jo"])
    (False, False)
    """
    if " " in name.strip():
        return False
    lower = re.compile(rf"\b{re.escape(name.lower())}\b")
    upper = re.compile(rf"\b{re.escape(name)}\b")
    seen_lower = False
    for text in texts:
        seen_lower = seen_lower or bool(lower.search(text))
        if any(not _OPENS_SENTENCE.search(text[: m.start()]) for m in upper.finditer(text)):
            return False
    return seen_lower


def show_name(name: str, texts: Iterable[str]) -> bool:
    """Whether the texts use ``name`` as a show's name: what the audience listens to,
    is welcomed to, or an episode is of ("thank you for listening to Acme Explained").
    A show named after its host ("the Jane Doe podcast") still names a person.

    >>> show_name("Acme Explained", ["Live, this is Acme Explained.", "A special of Acme Explained."])
    True
    >>> show_name("Jane Doe", ["This is Jane Doe.", "Thanks for listening to the Jane Doe Podcast."])
    False
    """
    used = re.compile(
        r"\b(?i:listening to|welcome (?:back )?to|(?:episode|edition|special|season) of|subscribe to) "
        rf"(?:the )?{re.escape(name)}\b(?!'s|’s| (?i:podcast|show))"
    )
    return any(used.search(text) for text in texts)


def used_as_a_thing(name: str, texts: Iterable[str]) -> bool:
    """Whether the texts put a one-word ``name`` where a person seldom stands, after "in" or
    "using" ("written in Haskell", "using Haskell"), at least twice: a language, a tool or
    a place, not a speaker ("in Jane's lab" does not count).

    >>> used_as_a_thing("Haskell", ["So, Haskell, it types.", "Code in Haskell.", "Using Haskell here."])
    True
    >>> used_as_a_thing("Jane", ["So, Jane, it types.", "In Jane's lab.", "In Jane's view."])
    False
    """
    if " " in name.strip():
        return False
    after = re.compile(rf"\b(?i:in|using) {re.escape(name)}\b(?!['’]s)")
    return sum(len(after.findall(text)) for text in texts) >= 2


@dataclass(frozen=True)
class NameCheck:
    """What an episode says of the names its cues find."""

    texts: Sequence[str]
    listed: Sequence[str] = ()  # the speakers the metadata lists
    not_people: frozenset[str] = field(default_factory=frozenset)
    cased: bool = True  # the text is cased, so capitals tell names from words
    _seen: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __call__(self, name: str) -> str:
        """``name`` if it can be a speaker's, else ''.

        >>> texts = ["Remember, it helps.", "I remember."]
        >>> check = NameCheck(texts, ["Jo Park", "Al Lee"], frozenset({"Texas"}))
        >>> [check(n) for n in ("Jo", "Texas", "Remember", "Bo Chen", "")]
        ['Jo', '', '', '', '']
        >>> NameCheck(texts)("Acme Labs"), NameCheck(texts)("Jo Park"), NameCheck(texts)("GPUs")
        ('', 'Jo Park', '')
        """
        if name not in self._seen:
            self._seen[name] = self._check(name)
        return self._seen[name]

    def _check(self, name: str) -> str:
        if not name:
            return ""
        listed = self.listed
        if len(listed) >= 2 and not any(same_person(name, n) or same_person(n, name) for n in listed):
            return ""
        if name in self.not_people or (" " in name and name.split()[-1].rstrip(".") in _ORG_ENDS):
            return ""
        if _ACRONYMS.search(name):
            return ""
        if self.cased and sentence_start_only(name, self.texts):
            return ""
        if show_name(name, self.texts) or used_as_a_thing(name, self.texts):
            return ""
        return name

    def keep(self, names: Iterable[str]) -> list[str]:
        """The names that can be a speaker's."""
        return [n for n in names if self(n)]
