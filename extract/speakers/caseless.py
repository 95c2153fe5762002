"""Names in a transcript without capitals (auto-captions), made readable again.

The introduction patterns (``names``) find a name by its capitals and its end by the
punctuation after it; captions have neither ("i'm jane okafor i run the lab"). In the
opening of such a transcript, a run of two or three nouns (by the parser's tags) that
holds a word rare in English, or that the tagger reads as proper nouns throughout,
reads as a full name: it is capitalised and closed with
a period (none where the introduction goes on: "Jane Okafor is with us") in a copy of
the unit kept for reading names, and a self-introduction before it opens a sentence, so
". I'm Jane Okafor. i run the lab" is read as the host's. A word unknown to English is a
name word whatever its tag; a very common word, a role ("host"), a greeting or a word of
the show's own ("interview") is not, and a run after "a" or "an" names nobody. A
lone first name is capitalised where punctuated text would have a vocative or an
introduction ("jane welcome to the show", "thanks for having me jane", "joined by jane").
The units the decoder scores keep their text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from extract.concepts.background import zipf
from extract.speakers.addressing import PLEASANTRIES
from extract.speakers.name_forms import GREETINGS, closes_welcome
from extract.speakers.units import Unit

NAME_RARE_ZIPF = 3.7  # a name holds a word rarer than this in English ("huyen", "benson")
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
COMMON_ZIPF = 5.0  # a word this common is in no name unless the tagger reads it as one ("welcome")
UNKNOWN_ZIPF = 1.0  # a word this rare is no English word, whatever its tag
_MAX_WORDS = 3
# Roles, greetings and the show's own words next to a name are not part of it ("your host
# jane okafor", "jane okafor author of …", "jane hello", "enjoy this interview jane
# welcome to the show").
_NOT_IN_NAMES = frozenset(
    {"host", "hosts", "cohost", "guest", "guests", "ceo", "founder", "cofounder"}
    | {"author", "editor", "creator", "director", "president", "professor", "researcher", "engineer"}
    | {"scientist", "partner", "manager", "developer", "maintainer", "cto", "vp"}
    | {"interview", "episode", "podcast", "show", "conversation"}
    | {"welcome", "hello", "hi", "hey"}
)
# A lone first name in a caption where punctuated text has a vocative: "jane welcome to the
# show", "thanks for having me jane". It is capitalised, so the vocative and introduction
# patterns read it; those drop words that name nobody ("everyone welcome to the show").
_WELCOMED = re.compile(r"^welcome (?:back )?to the (?:show|podcast|program)\b")
# Words after which a lone first name is a vocative or an introduction.
_BEFORE_NAME = (("for", "having", "me"), ("joined", "by"), ("guest", "is"), ("guest", "today", "is"))
# A self-introduction as the tokeniser splits it ("i'm" → "i", "'m"; "im" → "i", "m").
_SELF_WORDS = (["i", "'m"], ["i", "m"], ["i", "am"], ["this", "is"])
_YOUR_HOST = (["your", "host"], ["your", "cohost"])  # "i'm your host jane doe", "with your host jane doe"
_VERB_FORMS = frozenset({"VBG", "VBD", "VBN"})
# Words after a name that go on with its introduction or the show's name ("Jane Okafor is
# with us", "… joins me", "we have jane okafor with us", "the jane okafor podcast").
_GOES_ON = frozenset({"is", "are", "joins", "join", "and", "here", "welcome", "with", "podcast", "show"})
# A self-introduction before a restored name starts a sentence, as it would in punctuated text.
_SELF_CUE = re.compile(r"(?:^|(?<=\s))(i'm|im|i am|my name is|this is)( your (?:co-?)?host)? (?=[A-Z])")


def _plain_word(token: Token) -> bool:
    """A word of letters that is neither a stop word nor a role or a greeting."""
    return token.text.isalpha() and token.lower_ not in STOP_WORDS and token.lower_ not in _NOT_IN_NAMES


def _said_name(token: Token) -> bool:
    """A word that can be part of a name whatever its tag ("my name is kate gregory" may
    tag "kate" as an adjective): a plain word that is not very common in English."""
    return _plain_word(token) and (zipf(token.lower_) < COMMON_ZIPF or token.tag_ == "NNP")


def _name_word(token: Token) -> bool:
    """A noun standing alone between spaces (not the "host" of "co-host"), or before a
    sentence mark ("… with Jane Doe." where a transcript kept its marks), that can be part
    of a name, or any word unknown to English, which the tagger may read as an adjective
    ("mohnacky")."""
    doc = token.doc
    alone = token.i == 0 or bool(doc[token.i - 1].whitespace_)
    ends = token.i == len(doc) - 1 or doc[token.i + 1].text in (".", ",", "!", "?", ";")
    alone = alone and (bool(token.whitespace_) or ends)
    noun = token.tag_ in _NOUN_TAGS or zipf(token.lower_) < UNKNOWN_ZIPF
    return alone and noun and _said_name(token)


def _after_indefinite_article(tokens: Sequence[Token], i: int) -> bool:
    """Whether the words from ``tokens[i]`` follow "a" or "an", adjectives aside: a common
    noun phrase ("we have a tidal turbine expert with us"), never a name."""
    k = i - 1
    while k >= 0 and tokens[k].tag_ in ("JJ", "JJR", "JJS"):
        k -= 1
    return k >= 0 and tokens[k].lower_ in ("a", "an")


def _self_introduction(m: re.Match[str]) -> str:
    """A self-introduction opening a sentence ("im" as the captions of some shows spell it)."""
    cue = "I'm" if m.group(1) == "im" else m.group(1).capitalize()
    return ". " + cue + (m.group(2) or "") + " "


def restore_names(doc: Doc, unit: Unit, found: list[tuple[int, int]] | None = None) -> Unit:
    """The unit with each likely full name in it capitalised and followed by a period;
    the character span of each name restored is added to ``found``.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["i'm", "jane", "okafor", "i", "run", "a", "data", "lab"]
    >>> tags = ["VBP", "NNP", "NNP", "PRP", "VBP", "DT", "NN", "NN"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, spaces=[True] * 7 + [False])
    >>> restore_names(doc, Unit(0, len(doc.text), doc.text)).text
    ". I'm Jane Okafor. i run a data lab"
    >>> words = "im your host bo okafor with ravi menon ravi welcome to the show".split()
    >>> tags = ["VBP", "PRP$", "NN", "NNP", "NNP", "IN", "NNP", "NNP", "NNP", "NNP", "IN", "DT", "NN"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, spaces=[True] * 12 + [False])
    >>> restore_names(doc, Unit(0, len(doc.text), doc.text)).text
    ". I'm your host Bo Okafor with Ravi Menon. Ravi welcome to the show"
    >>> words = "enjoy this interview zorvath welcome to the show".split()
    >>> tags = ["VB", "DT", "NN", "NNP", "VB", "IN", "DT", "NN"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, spaces=[True] * 7 + [False])
    >>> restore_names(doc, Unit(0, len(doc.text), doc.text)).text
    'enjoy this interview Zorvath welcome to the show'
    >>> words = "with zorvath quillby author of a book".split()
    >>> tags = ["IN", "NNP", "NNP", "NN", "IN", "DT", "NN"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, spaces=[True] * 6 + [False])
    >>> restore_names(doc, Unit(0, len(doc.text), doc.text)).text
    'with Zorvath Quillby. author of a book'
    >>> words = "welcome to the zorvath quillby podcast".split()
    >>> tags = ["VB", "IN", "DT", "NNP", "NNP", "NN"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, spaces=[True] * 5 + [False])
    >>> restore_names(doc, Unit(0, len(doc.text), doc.text)).text
    'welcome to the Zorvath Quillby podcast'
    >>> words = ["with", "emily", "nakashimo", "interviewing", "quillfeathery"]
    >>> tags = ["IN", "RB", "NN", "VBG", "NN"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, spaces=[True] * 4 + [False])
    >>> restore_names(doc, Unit(0, len(doc.text), doc.text)).text
    'with Emily Nakashimo. interviewing quillfeathery'
    >>> words, tags = ["with", "jane", "ruth", "okafor", "."], ["IN", "NNP", "NNP", "NNP", "."]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, spaces=[True, True, True, False, False])
    >>> found = []
    >>> _ = restore_names(doc, Unit(0, len(doc.text), doc.text), found)
    >>> found  # the whole name, up to the transcript's own period
    [(5, 21)]
    >>> words = "my cohost bo okafor ravi menon is away".split()
    >>> tags = ["PRP$", "NN", "NNP", "NNP", "NNP", "NNP", "VBZ", "RB"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, spaces=[True] * 7 + [False])
    >>> restore_names(doc, Unit(0, len(doc.text), doc.text)).text  # four name words: two names
    'my cohost Bo Okafor. Ravi Menon is away'
    >>> words, tags = ["i", "'m", "jerod", "santo", "from", "acme"], ["PRP", "VBP", "JJ", "DT", "IN", "NN"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, spaces=[False] + [True] * 4 + [False])
    >>> restore_names(doc, Unit(0, len(doc.text), doc.text)).text
    ". I'm Jerod Santo. from acme"
    >>> words = ["with", "your", "host", "tom", "baker", "today"]
    >>> tags = ["IN", "PRP$", "NN", "NNP", "NN", "NN"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, spaces=[True] * 5 + [False])
    >>> restore_names(doc, Unit(0, len(doc.text), doc.text)).text  # any two name words after "your host"
    'with your host Tom Baker. today'
    """
    pieces: list[str] = []
    pos = unit.char_start
    tokens = list(doc.char_span(unit.char_start, unit.char_end, alignment_mode="expand") or ())
    named: set[str] = set()  # the words of the full names restored in the unit so far
    i = 0
    while i < len(tokens):
        run: list[Token] = []
        # The run's first two words may have any tag after "my name is", after a
        # self-introduction that goes on with a word unknown to English ("i'm jerod
        # santo"), and where a first name the tagger misread precedes a surname unknown
        # to English, unless it is a verb form ("interviewing reiner pope").
        before = [x.lower_ for x in tokens[max(0, i - 3) : i]]
        loose = (
            before == ["my", "name", "is"]
            or before[-2:] in _YOUR_HOST
            or (before[-2:] in _SELF_WORDS and _unknown_name(tokens[i]))
            or (tokens[i].tag_ not in _VERB_FORMS and i + 1 < len(tokens) and _unknown_name(tokens[i + 1]))
        )
        while i + len(run) < len(tokens) and (
            _name_word(tokens[i + len(run)]) or (loose and len(run) < 2 and _said_name(tokens[i + len(run)]))
        ):
            run.append(tokens[i + len(run)])
        words = [t.lower_ for t in run]
        if len(set(words)) < len(words):  # "raymond camden raymond thanks": a name, then a vocative
            run = run[: next(k for k, w in enumerate(words) if w in words[:k])]
        # Four name words in a row are two full names ("my co-host jane doe bo chen is away"),
        # unless a cue let a word of another kind open the run ("this is essentially rlhf
        # reinforcement learning").
        halves = len(run) == 2 * 2 and all(_name_word(t) for t in run)
        restored = False
        for group in [run[:2], run[2:]] if halves else [run]:
            if not _full_name(group, loose) or _after_indefinite_article(tokens, i):
                break
            start = max(group[0].idx, unit.char_start)
            end = min(group[-1].idx + len(group[-1]), unit.char_end)
            pieces.append(unit.text[pos - unit.char_start : start - unit.char_start])
            k = group[-1].i - tokens[0].i + 1
            close = "" if k < len(tokens) and tokens[k].lower_ in _GOES_ON else "."
            pieces.append(" ".join(t.text.capitalize() for t in group) + close)
            pos = end
            named.update(t.lower_ for t in group)
            restored = True
            if found is not None:
                found.append((start, end))
        if not restored and _lone_name(tokens, i, named):
            start = max(tokens[i].idx, unit.char_start)
            pieces.append(unit.text[pos - unit.char_start : start - unit.char_start])
            pieces.append(tokens[i].text.capitalize())
            pos = start + len(tokens[i])
            if found is not None:
                found.append((start, pos))
        i += max(1, len(run))
    pieces.append(unit.text[pos - unit.char_start :])
    text = _SELF_CUE.sub(_self_introduction, "".join(pieces))
    return replace(unit, text=text)


def _full_name(run: Sequence[Token], loose: bool) -> bool:
    """Whether a run of name words reads as a full name: two or three words, one of them
    rare in English or all of them read as proper nouns, or any after a cue such as "my
    name is" (``loose``)."""
    rare = any(zipf(t.lower_) < NAME_RARE_ZIPF for t in run) or all(t.tag_ == "NNP" for t in run)
    return 2 <= len(run) <= _MAX_WORDS and (rare or loose)


def _unknown_name(token: Token) -> bool:
    """A name word unknown to English ("nakashima")."""
    return _name_word(token) and zipf(token.lower_) < UNKNOWN_ZIPF


def _lone_name(tokens: Sequence[Token], k: int, named: AbstractSet[str] = frozenset()) -> bool:
    """Is token ``k`` a first name in a vocative's or an introduction's place: before
    "welcome to the show" (and one of the words ``named``, the full names the unit gave
    before it, if it gave any: "my guest is jane doe ceo of acme welcome to the show"
    welcomes Jane, not Acme), between a greeting and a pleasantry ("hey jane great to be
    here"), or right after "for having me", "joined by" or "my guest is" and not modifying
    a noun ("for having me evolutionary methods …" starts a new sentence)?"""
    t = tokens[k]
    if not (_plain_word(t) and len(t.text) > 2):
        return False
    rest = tokens[k + 1 : k + 6]
    if rest and _WELCOMED.match(" ".join(x.lower_ for x in rest)):
        return (t.tag_ in _NOUN_TAGS or zipf(t.lower_) < UNKNOWN_ZIPF) and (not named or t.lower_ in named)
    before = [x.lower_ for x in tokens[max(0, k - 3) : k]]
    # A greeting, a welcome or thanks, a name, then a pleasantry, as the vocatives read it:
    # "hey jane great to be here", "welcome jane thanks for having me", "thank you bo great".
    welcomed = closes_welcome(before)
    greeted = welcomed or (before[-1:] and before[-1] in GREETINGS)
    if greeted and rest and rest[0].lower_ in PLEASANTRIES:
        return True
    # … or the name closing a welcome or thanks the caption model cut after it ("welcome jane.").
    if welcomed and not rest and _said_name(t) and not t.tag_.startswith(("VB", "RB", "IN")):
        return True
    # A self-introduction with the role after the name: "i'm jane your host".
    if any(before[-len(w) :] == w for w in _SELF_WORDS) and [x.lower_ for x in rest[:2]] == ["your", "host"]:
        return True
    # After the thanks the tagger, reading on, may take the name for a verb ("me stephan i am").
    after = tokens[k + 1].tag_ if k + 1 < len(tokens) else ""
    cued = any(tuple(before[-len(cue) :]) == cue for cue in _BEFORE_NAME)
    return cued and not t.tag_.startswith("JJ") and not after.startswith(("NN", "JJ"))


def named_opening(doc: Doc, units: Sequence[Unit], head: int) -> list[Unit]:
    """The units with names restored in the first ``head`` of them (the opening)."""
    return [restore_names(doc, u) for u in units[:head]] + list(units[head:])


def name_spans(doc: Doc, units: Sequence[Unit], head: int) -> list[tuple[int, int]]:
    """The character spans of the names restored in the first ``head`` units."""
    found: list[tuple[int, int]] = []
    for u in units[:head]:
        restore_names(doc, u, found)
    return found
