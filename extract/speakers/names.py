"""Speaker names: from metadata first, else from the transcript's own introductions and vocatives.

>>> title_guest("Deep nets and beyond with Jane Doe (Acme)")
'Jane Doe'
>>> title_guest("Jane Doe: why scaling works")
'Jane Doe'
>>> intro_names(["Today I'm speaking with Jane Doe, who leads Acme."])
('', 'Jane Doe')
>>> intro_names(["I'm your host, Ann Lee, and with me is Dr. Maria de la Cruz."])
('Ann Lee', 'Maria de la Cruz')
>>> vocatives("Jane, what do you think?")
['Jane']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from extract.concepts.background import zipf
from extract.concepts.vocabulary import default_vocabulary
from extract.people import LETTERS, UPPER, full_name, looks_like_person
from extract.speakers import SpeakerHints
from extract.speakers.features import OPENER_WORDS
from graph.ids import VOICE_LABEL
from graph.names import same_person as full_names_match


def _name(more: str, particles: str = "") -> str:
    """A captured name: a capitalised word, then ``more`` capitalised words or initials,
    each after optional ``particles``."""
    word = rf"[{UPPER}][{LETTERS}'\-]+"
    return r"(" + word + r"(?:" + particles + r" (?:[A-Z]\.|" + word + r"))" + more + ")"


_NAME = _name("{0,2}")  # "Jane", "Jane Doe"
_FULL = _name("{1,2}")  # at least two words
# An honorific before a name is not part of it ("Dr. Jane Doe" → Jane Doe).
_HONORIFIC = r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.? |(?:Professor|Doctor|Sir|Dame) )?"
_TITLE = (
    re.compile(r"\b(?:with|featuring|ft\.|feat\.|guest:?)\s+" + _HONORIFIC + _FULL),
    re.compile(r"^" + _HONORIFIC + _FULL + r"\s*[:|–—(]"),  # "Jane Doe: …", "Jane Doe (Acme) - …"
    re.compile(r"[|–—-]\s*" + _HONORIFIC + _FULL + r"\s*(?:\(|$)"),  # "Tides | Jane Doe (Acme)"
)
_EPISODE_NUMBER = re.compile(r"^\s*(?:#|(?i:ep(?:isode)?)\.?\s*)?\d+(?:\.\d+)?\s*[:.|–—-]\s*")  # "#12.1 – "
# "Jane Doe on tides": trusted only when the body never writes the surname in lower case.
_TITLE_ON = re.compile(r"^" + _HONORIFIC + _FULL + r" on ")
# A title that is a name and nothing else ("Episode 10 - Jane Doe"): trusted only when the
# body calls the person by the first name alone and never says the surname alone (``_alone_in``).
_TITLE_BARE = re.compile(r"^" + _HONORIFIC + _FULL + r"\s*$")
# A title whose subject is a person ("Jane Doe is excited about tides", "Jane Doe's
# passion", "Jane Doe knows tides"; not "Jane Doe interviews …", the host): trusted as
# the bare name is, when the body calls them by the first name alone.
_TITLE_SUBJECT = re.compile(
    r"^" + _HONORIFIC + _FULL + r"(?:['’]s| is| was| has| (?!interviews|hosts|asks)[a-z]+s)\b"
)
# Lower-case particles are part of an introduced name ("Maria de la Cruz").
_PARTICLES = r"(?: (?:de|da|di|du|del|della|la|le|van|von|der|den|ten|al|bin|ibn))*"
_INTRO_NAME = _HONORIFIC + _name("{0,3}", _PARTICLES)
_INTRO_FULL = _HONORIFIC + _name("{1,3}", _PARTICLES)
_GUEST_INTRO = re.compile(
    # Talking to someone introduces them when said of now ("I'm talking with", "today I talk
    # to"), not in passing ("I remember talking to Jane about it").
    r"(?:(?<![\w'])(?i:i|we|i'm|we're|i am|we are|am|are|be|been|will|i'll|we'll|"
    r"(?:excited|happy|glad|pleased|thrilled|delighted|honou?red|lucky|great|good|nice|pleasure|"
    r"going|get|got|able) to|(?:pleasure|honou?r|privilege) of),? "
    r"(?:(?i:here|now|today|also|really|so|very) )?(?i:speak(?:ing)?|talk(?:ing)?|chat(?:ting)?) (?:with|to)|"
    r"(?:^|[.,] )(?i:today|this week|this time),? (?:(?:speak|talk)ing|chatting) (?:with|to)|"
    r"(?:[Mm]y|[Oo]ur) guests? (?:today |this week |this time |on the (?:show|podcast) )?(?:is|are)|"
    r"(?:[Mm]y|[Oo]ur) guests? (?:today|this week|this time),|"
    r"(?:[Mm]y|[Oo]ur) (?:former|past|previous|returning|special|favou?rite|long-?time) guests?,|"
    r"guest (?:today )?is|joined (?:[a-z]+ ){0,3}by(?: my (?:co-?host|guest|friend)s?,?)?|"
    r"(?:[Ww]ith|[Jj]oining) me (?:today |this week |here |now )?(?:is|are)|"
    r"(?:sat|sit|sitting) down with|my co-?host,?|interviewing|"
    r"\bhere (?:(?:today|now|this week) )?(?:(?:at|in) [^.?!]{1,40}? )?with|"
    r"(?<![\w'])(?i:i'm|we're|i am|we are) back with|"
    r"i have with me|(?:got|have|having) with (?:us|me)(?: today| here)?,?|"
    r"[Ww]elcome(?: back)?,?(?: to the (?:show|podcast),?)?|please welcome|"
    r"\bintroduc(?:e|ing)(?: (?:to )?(?:you|everyone)(?: all)?(?: to)?)?)\s+"
    + r"(?:(?i:none other than|the one and only) )?"  # "my guest today is none other than …"
    + _INTRO_NAME
)
# The name before its cue: "Jane Doe is with us", "Jane Doe joins me", "Jane Doe is joining
# us", "we've got Jane Doe with us", "Jane, welcome to the show".
_OF_ORG = r"(?:,? (?:of|from|at) (?:the )?[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3},?)"  # "of Acme Labs"
_AFFILIATION = _OF_ORG + "?"
_GUEST_JOINS = re.compile(
    _INTRO_FULL
    + _AFFILIATION
    + r",? (?:(?:is|are) (?:here )?with (?:me|us)|joins (?:me|us|the (?:show|podcast|program))|"
    r"(?:is|are) joining (?:me|us))\b|"
    # "we have (Acme's CTO) Jane Doe with us": a title may come first; the name starts
    # with a capital and a small letter, so it is not the acronym of a title.
    # "I've got Jane Doe from Acme Labs with me": the name right after, before any title.
    r"\b(?:got|have|having) (?:(?=[A-Z][a-z])"
    + _INTRO_FULL
    + _OF_ORG
    + r"|(?:[^.?!,]{0,60}? )?(?=[A-Z][a-z])"
    + _INTRO_FULL
    + r") (?:(?:here )?with (?:me|us)|"
    + r"here(?: today)?,? (?:with|who|from|to)\b|here(?: today)?[.!])\b|"  # "we have Jane Doe here, who …"
    + _INTRO_NAME + r",? welcome (?:back )?to the (?:show|podcast|program)\b|"
    # "Jane, welcome." opening a sentence (not "This is Jane Doe, welcome.", the host's own).
    + r"(?:^|(?<=[.!?] ))" + _INTRO_NAME + r", welcome(?: back)?[.!]"
)
# Past talks introduce only when about this episode: "today I spoke with Jane", "this is my
# conversation with Jane", not "I talked to Jane earlier" or "my conversation with Jane".
_PAST_INTRO = re.compile(
    r"(?i:\b(?:episode|this transcript|today|this week|this time|this is|here's|here is|following)\b)"
    r"[^.?!]{0,60}?"
    r"\b(?:(?:talked|spoke|chatted) (?:with|to)|(?:conversation|interview) with)\s+" + _INTRO_NAME
)
# A full name praised as it is introduced, "joined by the ever amazing Jane Doe", or
# pointed to: "I'm talking, of course, about (the wonderful) Jane Doe".
_PRAISE = (
    r"(?:very|ever|truly|one and only|incredible|amazing|wonderful|great|brilliant|fantastic|"
    r"awesome|legendary)"
)
_PRAISED = re.compile(
    r"(?:(?i:joined (?:[a-z]+ ){0,3}by|(?:sat|sit|sitting) down with|(?:speak|talk|chat)(?:ing)? (?:with|to)|"
    r"(?:talking|speaking),? about|welcome) the (?:" + _PRAISE + r",? ){1,3}|"
    r"(?i:talking|speaking),? of course,? about (?:the (?:" + _PRAISE + r",? ){1,3})?)" + _INTRO_FULL
)
# Naming who was heard in a cold open: "That was Jane Doe."
_HEARD = re.compile(r"(?:^|[.!?] )That was " + _INTRO_FULL + r"(?=[.!])")
# Greeting someone by their full name: "So, hello, Jane Doe."
GREETINGS = ("hi", "hey", "hello")
_GREETED = re.compile(rf"\b(?i:{'|'.join(GREETINGS)}),? " + _INTRO_FULL + r"(?=[.!?]|$)")
# A greeting, then discourse words, may come before a self-introduction ("Hi, so I'm …").
_GREETING = (
    r"(?:^|[.,!] )(?:(?:[Hh]i|[Hh]ey|[Hh]ello)(?: everyone| everybody| folks)?,? )?"
    r"(?:(?:[Ss]o|[Ww]ell|[Oo]kay|[Yy]eah|[Uu]m|[Uu]h|[Aa]nd|[Aa]ll right|[Aa]lright),? )*"
)
_I_AM = r"(?:I'm|I am|[Mm]y name is)"
_INTRO_END = r"(?=[,.!;]| and | here\b| welcome\b| with\b|$)"  # "I'm Jane Doe with Acme"
_SELF_START = _GREETING + rf"(?:{_I_AM}|[Tt]his is)"
_YOUR_ROLE = r"your (?:co-?)?host"
_HOST_INTRO = re.compile(_SELF_START + rf"(?: {_YOUR_ROLE},?)? " + _INTRO_FULL + _INTRO_END)
# After "your host" a single name will do ("I'm your host, Dr. Jane").
_YOUR_HOST = re.compile(
    rf"(?:{_SELF_START}|(?<![\w'])(?:I'm|I am)) {_YOUR_ROLE},? " + _INTRO_NAME + _INTRO_END
)  # "… this is the show and I'm your host, Jane Doe"
_SELF_NAME = _SELF_START + " " + _INTRO_NAME  # "I'm Jane", "This is Jane Doe"
# "… introducing our guest." "His name is Jane Doe.": a name given right after the guest is announced.
_THEIR_NAME = re.compile(r"^(?:(?i:and|so),? )?(?:His|Her|Their) name is " + _INTRO_FULL + _INTRO_END)
_GUEST_WORD = re.compile(r"\bguests?\b", re.I)
# "I am Jane, your host"
_NAME_YOUR_HOST = re.compile(_SELF_NAME + r",? your host\b")
# "I'm Jane.": a first name alone, read only as the answer to a request to introduce oneself.
_SELF_ONE = re.compile(_SELF_NAME + _INTRO_END)
# "I'm Jane, technical editor at Acme, joined by Bo Chen": a first name alone will do in a
# sentence that goes on to introduce someone else.
_SELF_THEN_INTRO = re.compile(_SELF_NAME + ",")
_DISCOURSE = "so|okay|well|oh|yeah|and|but|alright|all right|right|now"  # words that may lead a vocative
_VOC_START = re.compile(
    rf"^(?:(?i:{_DISCOURSE}|hi|hey|hello|thanks|thank you|look|listen),? )?"
    + _NAME
    + r", "
)
_VOC_END = re.compile(r", " + _NAME + r"[?.!]$")
# Looser forms, read to name someone but not to rule them out as a unit's speaker: a name
# after a run of discourse words ("Okay, so Jane, …", "First of all, Jane, …"), and one
# set off by commas between words in lower case ("the problem it solves, Jane, is that …";
# not a list, "Jane, Bo, and Al", nor a place, "Austin, Texas, …").
_VOC_LEAD = re.compile(
    rf"^(?:(?i:{_DISCOURSE}|ok|first of all|finally|lastly|anyway|anyways),? ){{2,3}}"
    + _NAME
    + r", "
)
_VOC_INNER = re.compile(r"(?<![\w'])[a-z][a-z']*, ([A-Z][a-z]+), (?!(?:and|or|nor)\b)(?=[a-z])")
# "Hi Jane.": a unit that is only a greeting and a name.
GREETED_BY_NAME = re.compile(r"^(?i:hi|hey|hello|morning|good morning),? " + _NAME + r"[?.!]?$")
# "Thanks, Jane.": a unit that is only thanks and a name (a guest's reply to a welcome, too).
BARE_THANKS = re.compile(r"^(?i:thanks|thank you)(?: (?i:so|very) much)?,? " + _NAME + r"[.!]?$")
# A greeting, a name and a pleasantry inside a unit: "… hey Jane, great to be here".
PLEASANTRIES = ("great", "glad", "good", "happy", "nice", "thanks", "thank", "pleasure")
_VOC_HELLO = re.compile(
    rf"\b(?i:{'|'.join(GREETINGS)}),? " + _NAME + rf",? (?=(?i:{'|'.join(PLEASANTRIES)})\b)"
)
_VOC_MID = re.compile(r"(?i:thank you|thanks)(?: so much| very much)?, " + _NAME + r", ")
# A name right after a guest's thanks, even where the transcriber ran on without a comma
# ("Thanks for having me, Jane it was fun").
_ON_THE_SHOW = r"(?: on(?: the| this| your)? (?:show|podcast|program))"
_VOC_THANKS = re.compile(
    rf"(?i:for having me{_ON_THE_SHOW}?|to be (?:here|on{_ON_THE_SHOW}|on)),? "
    + _name("{0,1}")
    + r"(?=[ ,.!?;]|$)"
)
_MODALS = frozenset({"will", "may", "can", "might", "must", "shall"})
# Words that address someone without naming them ("Ma'am, thank you", "Sir, go on"), or
# exclaim ("Oh, God.", "Gosh, no.").
_ADDRESS_TERMS = frozenset(
    {"sir", "ma'am", "maam", "madam", "mister", "miss", "man", "dude", "bro", "buddy", "mate", "boss", "doc"}
    | {"god", "gosh", "lord", "jesus", "christ", "goodness", "jeez", "geez"}
)
_OWNER = rf"([{UPPER}][{LETTERS}\-]+(?: [{UPPER}][{LETTERS}\-]+)?)['’]s "  # "Jane Doe's "
_SHOW_OWNER = re.compile(r"^\s*(?i:the )?" + _OWNER + r"(?i:podcast|show|newsletter)\b")  # metadata
_SHOW_MENTION = re.compile(r"\b" + _OWNER + r"(?:Podcast|Show)\b")  # said in the transcript
# "the Jane Okafor podcast": a full name before the word, one that looks like a person's
# and ends in a word rare in English ("the Acme Explained podcast" names no one).
_PERSON_SHOW = rf"([{UPPER}][{LETTERS}\-]+ ([{UPPER}][{LETTERS}\-]+)) (?i:podcast|show)"
_NAMED_SHOW = re.compile(r"\b(?i:the) " + _PERSON_SHOW + r"\b")
_NAMED_SHOW_META = re.compile(r"^\s*(?i:the )?" + _PERSON_SHOW + r"\s*$")  # the metadata's show
SHOW_SURNAME_ZIPF = 3.0
ADVERB_BASE_ZIPF = 3.6  # "-ly" on a word at least this common makes an adverb ("usual-ly")
RARE_HANDLE_ZIPF = 1.5  # a handle rarer than this as an English word reads as a name
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


def _clean(name: str) -> str:
    words = name.split()
    if any(w.lower().endswith(("'s", "'re", "'ll", "'ve", "'d", "'t", "'m")) for w in words):
        return ""
    while words and (words[0] in _NOT_NAMES or words[0].lower() in OPENER_WORDS):
        words = words[1:]  # "Nope, it goes further" addresses nobody
    return " ".join(words)


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
    >>> title_guest("Charting Tides | Jane Doe (Acme, Tidal)", "My guest is Jane Doe. Tides matter.")
    'Jane Doe'
    >>> title_guest("Jane Doe is excited about tides", "Jane Doe's boat. But Jane is no sailor.")
    'Jane Doe'
    >>> title_guest("Jane Doe is wrong about tides", "Doe says so, and Jane agrees with Doe.")
    ''
    >>> title_guest("Jane Doe knows tides", "Jane sails."), title_guest("Jane Doe interviews Bo", "Jane.")
    ('Jane Doe', '')
    """
    title = _EPISODE_NUMBER.sub("", title)
    found = [m.group(1) for pat in _TITLE if (m := pat.search(title))]
    caseless = _caseless(body)
    if body:
        found = [n for n in found if any(_said_as(w, body, caseless) for w in (n.split()[0], n.split()[-1]))]
    on = _TITLE_ON.match(title)
    if on and _proper_in(on.group(1).split()[-1], body):
        found.append(on.group(1))
    for bare in (_TITLE_BARE.match(title.strip()), _TITLE_SUBJECT.match(title.strip())):
        if bare and body and _alone_in(bare.group(1), body, caseless):
            found.append(bare.group(1))
    if body:
        # A name the body says whole beats one it only says part of ("Building Acme |
        # Jane Doe (Acme)": "Acme" is said, "Building Acme" never).
        found.sort(key=lambda n: not _said_as(n, body, caseless))
    for name in found:
        if _clean(name) == name and not _known_thing(name):
            return _said_part(name, body, caseless) if body else name
    return ""


def _said_part(name: str, body: str, caseless: bool) -> str:
    """``name``, or the longest start of it of two words or more that ``body`` says whole
    when it never says all of it ("Jane Doe Tidecraft (2019)" runs a name into a topic).

    >>> _said_part("Jane Doe Tidecraft", "I'm Jane Doe.", False), _said_part("Ana de Souza", "Ana!", False)
    ('Jane Doe', 'Ana de Souza')
    """
    words = name.split()
    starts = [" ".join(words[:n]) for n in range(len(words), 1, -1)]
    return next((start for start in starts if _said_as(start, body, caseless)), name)


def unsaid_title_guest(title: str, body: str) -> str:
    """A guest the title names ("Tides with Jane Doe", "Tides | Jane Doe (Acme)") whom the
    body never mentions by either name, as a transcript page that names its speakers only
    in labels has them; read only when nothing in the episode names the guest. The name
    must look like a person's (its last word rare in English), so a topic is never taken.

    >>> unsaid_title_guest("Static Sites with Jane Okafor", "Thanks for having me.")
    'Jane Okafor'
    >>> unsaid_title_guest("Static Sites with Jane Okafor", "So, Okafor's law.")
    ''
    >>> unsaid_title_guest("Bugs with Memory Safety", "It is safe.")
    ''
    """
    name = title_guest(title)
    if not name or not looks_like_person(name) or _caseless(body):
        return ""
    words = name.split()
    return "" if any(_said_as(w, body, ignore_case=True) for w in (words[0], words[-1])) else name


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


def _said_as(word: str, body: str, ignore_case: bool = False) -> bool:
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
    """
    words = name.split()
    flags = re.I if ignore_case else 0
    alone = r"(?<![\w-])" + re.escape(words[0]) + r"(?![\w-])(?! " + re.escape(words[1]) + ")"
    last = r"(?<![\w-])(?<!" + re.escape(words[-2]) + " )" + re.escape(words[-1]) + r"(?![\w-])"
    return re.search(alone, body, flags) is not None and re.search(last, body, re.I) is None


def _proper_in(word: str, body: str) -> bool:
    """Whether ``body`` says ``word`` and only ever with a capital, as a proper noun."""
    said = re.findall(r"\b" + re.escape(word) + r"\b", body, re.I)
    return bool(said) and all(w[0].isupper() for w in said)


def _known_thing(name: str) -> bool:
    """Whether the concept vocabulary knows ``name`` as something other than a person
    (a topic such as "Machine Learning", an organization such as "Google").

    >>> _known_thing("Machine Learning"), _known_thing("Jane Doe")
    (True, False)
    """
    known = default_vocabulary().lookup(name)
    return known is not None and known.kind != "person"


_INTRODUCING = (_GUEST_INTRO, _GUEST_JOINS, _PAST_INTRO, _PRAISED, _HEARD, _GREETED)


def introduced(text: str) -> list[str]:
    """Everyone a unit introduces ("my guest is …", "joined by my co-host, …").

    >>> introduced("I'm joined by my co-host, Ann Lee, and our guest today is Bo Chen.")
    ['Ann Lee', 'Bo Chen']
    >>> introduced("Bo Chen is with us today."), introduced("Today I talked with Ann Lee.")
    (['Bo Chen'], ['Ann Lee'])
    >>> introduced("I talked to Ann earlier."), introduced("This is my conversation with Bo Chen.")
    ([], ['Bo Chen'])
    >>> introduced("Bo Chen of Acme Labs joins me."), introduced("I am here today with Ann Lee.")
    (['Bo Chen'], ['Ann Lee'])
    >>> introduced("I have the pleasure to speak with Bo Chen."), introduced("I remember talking to Al.")
    (['Bo Chen'], [])
    >>> introduced("I had the honor of chatting with Bo Chen."), introduced("The joy of talking to Al.")
    (['Bo Chen'], [])
    >>> introduced("I'm joined by the ever amazing Bo Chen."), introduced("We sit down with Ann Lee.")
    (['Bo Chen'], ['Ann Lee'])
    >>> introduced("Here is my interview with Bo Chen."), introduced("I'm joined by the Acme team.")
    (['Bo Chen'], [])
    >>> introduced("My guest is none other than Bo Chen."), introduced("Our guest is the one and only Al Li.")
    (['Bo Chen'], ['Al Li'])
    >>> introduced("Our guest, Bo Chen, is joining us."), introduced("We have Acme's CTO Al Li with us.")
    (['Bo Chen'], ['Al Li'])
    >>> introduced("Read this transcript of my interview with Bo Chen."), introduced("My talk with Al Li.")
    (['Bo Chen'], [])
    >>> introduced("It just works out there with Bluetooth."), introduced("I'm here with Bo Chen.")
    ([], ['Bo Chen'])
    >>> introduced("Here's me, in an interview with Inc."), introduced("My guest is Ana Sofia Ruiz Vega.")
    ([], ['Ana Sofia Ruiz Vega'])
    >>> introduced("I'm not joined today by my co-host, Bo, but we have with us Al Li.")
    ['Al Li']
    >>> introduced("Welcome back, everyone. We're back with Bo Chen."), introduced("Bo, welcome.")
    (['Bo Chen'], ['Bo'])
    >>> introduced("Hi. Al, welcome back!"), introduced("This is Al Li, welcome.")
    (['Al'], [])
    >>> introduced("He came back with Al."), introduced("I got Al Li from Acme Labs with me.")
    ([], ['Al Li'])
    >>> introduced("Today we have José Núñez with us."), introduced("I'm joined by Bo Pățan.")
    (['José Núñez'], ['Bo Pățan'])
    >>> introduced("We have Bo Chen here, who is from Acme."), introduced("We have Acme Cloud here as host.")
    (['Bo Chen'], [])
    """
    found = sorted(
        (m for pat in _INTRODUCING for m in pat.finditer(text)),
        key=lambda m: m.start(),
    )
    out: list[str] = []
    for m in found:
        given = next(g for g in m.groups() if g)
        name = _clean(given)
        if name and name == given and not _known_thing(name) and not _NOT_JOINED.search(text[: m.start()]):
            out.append(name)
    return out


# "I'm not joined by Bo today", "I am not joined today by my co-host, Bo": no introduction.
_NOT_JOINED = re.compile(r"(?:\b(?i:not)|n't) (?:joined(?: [a-z]+){0,3} by )?$")


_NAME_ALONE = re.compile(_INTRO_NAME + r"[.!]")
_WELCOME_SHOW = re.compile(r"(?i:welcome)(?: back)? to (?:the|our|my) (?:show|podcast|program)\b")
# Asking the other to say who they are: the next self-introduction is theirs.
_INTRO_REQUEST = re.compile(
    r"\b(?:introduce yourself|state your name|(?:say|tell \w+) who you are|your name and|"
    r"tell (?:us|me|everyone|the audience|our listeners|folks)(?: a (?:little )?bit)? about yourself)\b",
    re.I,
)
INTRO_ANSWER_UNITS = 3  # units after such a request that may hold the answer
# Someone the host describes right after introducing themselves: "I'm Ann Lee. Bo Chen
# is an engineer who …" introduces the guest when no one else is introduced.
_DESCRIBED = re.compile(
    r"(?:^|[.!?] )" + _INTRO_FULL + r"(?:,[^.?!]{1,60},)? (?:is|has been) (?:a|an|the|one of)\b"
)
DESCRIBED_UNITS = 3  # units after the host's self-introduction that may describe the guest


def intro_names(texts: Iterable[str]) -> tuple[str, str]:
    """(host, guest) names a host's introduction states, or ''. The guest is the first
    person introduced who is not a co-host, else the co-host (a show of two co-hosts).
    A self-introduction of someone introduced before it is that guest's own answer
    ("Jane, would you introduce yourself?" "I'm Jane Doe."), not the host's.

    >>> intro_names(["This is Ann Lee, usually joined by my co-host, Jo Park.", "Bo Chen is with us."])
    ('Ann Lee', 'Bo Chen')
    >>> intro_names(["Today I'm joined by Bo Chen.", "I'm Bo Chen, and I fix boats."])
    ('', 'Bo Chen')

    So is one that answers a request to introduce oneself:

    >>> intro_names(["Can you state your name?", "My name is Bo Chen and I fix boats.", "I'm Ann Lee."])
    ('Ann Lee', 'Bo Chen')
    >>> intro_names(["say your name and what you do . My name is Bo Chen. and i fix boats"])
    ('', 'Bo Chen')
    >>> intro_names(["Tell us your name and where you are from.", "Sure, so my name is Bo Chen."])
    ('', 'Bo Chen')
    >>> intro_names(["I'm your host, Ann Lee. Would you introduce yourself?", "Hey Ann! Yeah, I'm Bo."])
    ('Ann Lee', 'Bo')
    >>> intro_names(["We have one of our former guests, Bo Chen, back."])
    ('', 'Bo Chen')
    >>> intro_names(["Let me introduce our guest.", "His name is Bo Chen."])
    ('', 'Bo Chen')
    >>> intro_names(["Hi, it's a nice day.", "Her name is Al Li."])
    ('', '')
    >>> intro_names(["I'm your host Dr. Ann, and today I talk to Bo Chen."])
    ('Ann', 'Bo Chen')
    >>> intro_names(["I am Ann, your host."]), intro_names(["Let me introduce our guest today, Bo Chen."])
    (('Ann', ''), ('', 'Bo Chen'))
    >>> intro_names(["I am your co-host, Ann Lee. Let me introduce our guest today, Bo Chen."])
    ('Ann Lee', 'Bo Chen')
    >>> intro_names(["I'm Ann Lee, and I have the pleasure of introducing to you Bo Chen."])
    ('Ann Lee', 'Bo Chen')
    >>> intro_names(["I'm Ann, editor at Acme, joined by Bo Chen."]), intro_names(["I'm Ann, and I'm happy."])
    (('Ann', 'Bo Chen'), ('', ''))
    >>> intro_names(["Bo.", "Welcome to the show, mate."]), intro_names(["Perfect.", "Welcome to the show."])
    (('', 'Bo'), ('', ''))

    Someone described just after the host's self-introduction, when no one is introduced:

    >>> intro_names(["I'm Ann Lee, and this is Acme Talk.", "Bo Chen is an engineer who fixes boats."])
    ('Ann Lee', 'Bo Chen')
    >>> intro_names(["Bo Chen is an engineer who fixes boats.", "Hello, it's me."])
    ('', '')
    """
    host = ""
    host_at = 0
    people: list[str] = []
    partners: list[str] = []
    asked: int | None = None  # the unit that last asked someone to introduce themselves
    texts = list(texts)
    for i, text in enumerate(texts):
        h = _YOUR_HOST.search(text) or _HOST_INTRO.search(text) or _NAME_YOUR_HOST.search(text)
        if h is None and (h := _SELF_THEN_INTRO.search(text)) is not None:
            sentence = re.split(r"(?<=[.!?]) ", text[h.start() :])[0]
            h = h if any(n != h.group(1) for n in introduced(sentence)) else None
        request = _INTRO_REQUEST.search(text)
        # The request may sit in the answer's unit (captions run the two together).
        answers = h is not None and request is not None and request.start() < h.start()
        answering = asked is not None and i - asked <= INTRO_ANSWER_UNITS
        if h is None and answering:
            h = _SELF_ONE.search(text)
        if h and _clean(h.group(1)) == h.group(1):
            if answering or answers:
                people.append(h.group(1))
                asked = None  # one answer to one request
            elif not host and not any(same_person(h.group(1), p) for p in people):
                host, host_at = h.group(1), i
        if request and not answers:
            asked = i
        people += introduced(text)
        their = _THEIR_NAME.match(text.strip())
        if their and i and _GUEST_WORD.search(texts[i - 1]) and _clean(their.group(1)) == their.group(1):
            people.append(their.group(1))
        partners += co_hosts([text])
        # A name said alone, then the welcome ("Jane. Welcome to the show, mate.").
        alone = _NAME_ALONE.fullmatch(text.strip())
        if alone and i + 1 < len(texts) and _WELCOME_SHOW.match(texts[i + 1].strip()):
            name = alone.group(1)
            if _clean(name) == name and not _known_thing(name):
                people.append(name)
    if host and not people:
        after = texts[host_at : host_at + DESCRIBED_UNITS + 1]
        people = [
            name
            for t in after
            for m in _DESCRIBED.finditer(t)
            if _clean(name := m.group(1)) == name and not _known_thing(name) and not same_person(name, host)
        ]
    guests = [p for p in people if not any(same_person(p, c) for c in partners)]
    guest = next(iter(guests), people[0] if people else "")
    return host, guest


# "my co-host, Jane Doe", "my other co-host Jane Doe"; "joined as always by Jane Doe" (a
# regular is a co-host); "Jane and I talk with …" (hosting the talk together); "Jane is
# here to co-host".
_CO_HOST = re.compile(
    r"\b(?i:my|our) (?:(?i:other|fellow) )?(?i:co-?hosts?),? "
    + _FULL
    + r"|\bjoined,? as (?:always|usual|ever),? by (?:my \w+,? )?"
    + _FULL
    + r"|(?:^|[.,!?] |\b(?i:today|this week|on today's show|in this episode),? )"
    + _NAME
    + r" and I (?:(?:will|are going to|get to) )?(?:talk|speak|chat|sit down) (?:with|to) (?=[A-Z])"
    + r"|(?:^|[.,!?] )"
    + _NAME
    + r" is (?:here to co-?host|co-?hosting|(?:here )?filling in as (?:my |our )?co-?host)\b"
)
# "I'm Jane Doe." "And I'm Bo Chen.": a second host introducing themselves after the first.
_AND_I_AM = re.compile(r"^(?i:and),? (?:I'm|I am|this is) " + _FULL + r"[.!]?$")


# A co-host said to be away from this episode ("… my co-host, Jane Doe, but she's out
# this week"), read in the rest of the sentence that names them.
_AWAY = re.compile(
    r"\b(?:is|'s|are|was)\s+(?:(?:currently|still|also) )?"
    r"(?:away|out (?:sick|this|today|for|with|dealing)|off this week|on (?:vacation|holiday|leave))\b|"
    r"\b(?:isn't|is not|wasn't|was not|couldn't|can't|cannot)(?: able to)? "
    r"(?:here|with us|join|joining|make it|be here)\b|"
    r"\bunable to (?:join|make it|be here)\b|"
    r"\b(?:was|were) (?:going|supposed|meant|scheduled) to (?:join|be)\b|"
    r"\bhad to (?:cancel|drop out|bow out|miss)\b",
    re.I,
)
# "Normally I'm joined by my co-host …", "Usually I would have my co-host …": said of
# other weeks, so not this one.
_USUALLY = re.compile(r"\b(?:normally|usually|typically|ordinarily)\b[^.!?]*$", re.I)


def co_hosts(texts: Iterable[str], here: bool = False) -> list[str]:
    """Names the opening gives as co-hosts ("joined by my co-host, Jane Doe"): they host
    the show too, so their role is host, not guest. With ``here``, only those who speak in
    this episode: a co-host said to be away is left out.

    >>> co_hosts(["I'm Ann Lee, joined as always by my co-host, Jane Doe, who builds robots."])
    ['Jane Doe']
    >>> co_hosts(["This is Ann Lee, and I'm joined as usual by Bo Chen, who fixes boats."])
    ['Bo Chen']
    >>> away = ["I'm Ann Lee. My co-host Bo Chen is out sick today, so my guest and I go on."]
    >>> co_hosts(away), co_hosts(away, here=True)
    (['Bo Chen'], [])
    >>> co_hosts(["I'm Ann Lee, joined as always by my co-host Bo Chen, who gives away a mug."], here=True)
    ['Bo Chen']
    >>> usually = ["Normally I'm joined by my co-host, Bo Chen, but today it's me and my guest."]
    >>> later = ["I'd have my co-host Bo Chen with me.", "He was not able to make it this time."]
    >>> co_hosts(usually, here=True), co_hosts(later, here=True), co_hosts(later[:1], here=True)
    ([], [], ['Bo Chen'])
    >>> co_hosts(["My co-host Bo Chen was going to join me, but had to cancel."], here=True)
    []
    >>> co_hosts(["I'm your co-host Ann Lee with my other co-host Bo Chen."])
    ['Bo Chen']
    >>> co_hosts(["Today, Bo and I talk with Al Li."]), co_hosts(["Bo and I talked with Al once."])
    (['Bo'], [])
    >>> co_hosts(["I'm Ann Lee.", "And I'm Bo Chen."]), co_hosts(["Great.", "And I'm Bo Chen."])
    (['Bo Chen'], [])
    >>> co_hosts(["Awesome! Bo is here to co-host, and I'll introduce our guest."])
    ['Bo']
    """
    out: list[str] = []
    units = list(texts)
    for i, text in enumerate(units):
        second = _AND_I_AM.match(text.strip())
        if second and i and self_named(units[i - 1]) and second.group(1) not in out:
            out.append(second.group(1))
        for m in _CO_HOST.finditer(text):
            given = next(g for g in m.groups() if g)
            name = _clean(given)
            if name and name == given and name not in out and not (here and _away(name, units, i, m)):
                out.append(name)
    return out


def _away(name: str, units: Sequence[str], i: int, m: re.Match[str]) -> bool:
    """Whether the co-host ``name`` that ``m`` finds in ``units[i]`` is said to be away:
    in the rest of the sentence, in the framing before it ("normally I'm joined by …"),
    or in the next sentence when it is about them ("He couldn't make it this week").
    """
    text = units[i]
    rest, *after = re.split(r"(?<=[.!?])\s", text[m.end() :], maxsplit=1)
    if _AWAY.search(rest) or _USUALLY.search(text[: m.start()]):
        return True
    after = after or list(units[i + 1 : i + 2])
    about = re.compile(rf"^(?:(?i:he|she|they)|{re.escape(name.split()[0])})\b")
    return bool(after) and bool(about.match(after[0].strip())) and bool(_AWAY.search(after[0]))


_WITH_ME = re.compile(r"\b" + _name("{0,1}") + r" and (?:I|me|myself)\b")  # "Jane and I"
# Not "This is …", which also introduces a guest.
_SELF = re.compile(_GREETING + _I_AM + " " + _INTRO_FULL + r"(?=[,.!;]| and |$)")


def not_the_speaker(text: str) -> list[str]:
    """Names a unit shows are not its speaker's: vocatives and "Jane and I".

    >>> not_the_speaker("Jane and I tried it. What did you think, Bo?")
    ['Bo', 'Jane']
    """
    out = vocatives(text)
    for m in _WITH_ME.finditer(text):
        name = m.group(1)
        if _clean(name) == name and name not in out:
            out.append(name)
    return out


def self_named(text: str) -> list[str]:
    """Full names a unit's speaker gives as their own ("I'm Jane Doe, …"); callers
    compare them with the speakers' names, so a capitalised phrase that is no name is harmless.

    >>> self_named("Hi, I'm Jane Doe, and this is the show."), self_named("I'm sure, Jane Doe.")
    (['Jane Doe'], [])
    >>> self_named("This is Acme Talk and I'm your host, Jane Doe."), self_named("I'm your host, Jane.")
    (['Jane Doe'], [])
    """
    found = [*_SELF.finditer(text), *_YOUR_HOST.finditer(text)]
    return list(dict.fromkeys(n for m in found if _clean(n := m.group(1)) == n and " " in n))


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
    return name[0].isupper() and _clean(name) == name and not _adverb(low) and not function


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


_LEADING_HONORIFIC = re.compile("^" + _HONORIFIC.removesuffix("?"), re.I)


def _without_title(name: str) -> list[str]:
    """Lower-case words of a name without a leading honorific ("Sir James Dyson" → james dyson)."""
    return _LEADING_HONORIFIC.sub("", name.strip()).lower().split()


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


def named_by_the_other(texts: Sequence[str], path: Sequence[int], names: Sequence[str]) -> tuple[str, str]:
    """(host, guest) of two listed people from who says whose first name: people say the
    name of the one they talk to far more often than their own, so the name the host's
    units say more is the guest's. Case and punctuation play no part, so captions are
    read as well; ('', '') unless one way round wins by at least two units.

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


def meta_names(hints: SpeakerHints, body: str = "") -> tuple[str, str]:
    """(host, guest) known before reading: --speakers, metadata, the store's host of the show.

    With no guest, a co-host the metadata names is the second voice. ``body`` (the
    transcript) confirms a name the title gives as "Jane Doe on …".
    """
    meta = {k.lower(): v for k, v in hints.meta.items()}
    host = hints.names[0] if hints.names else meta.get("host", "") or show_host(hints)
    guest = hints.names[1] if len(hints.names) > 1 else meta.get("guest", "")
    if not guest and meta.get("title"):
        guest = title_guest(meta["title"], body)
        names = listed(hints)
        if guest and host and same_person(guest, host):
            guest = ""
        if guest and names and not any(same_person(guest, n) for n in names):
            guest = ""  # "Acme Decoded: Blocks" names a show, not one of the listed speakers
    return host, guest or next(iter(meta_co_hosts(hints)), "")


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
    return "" if hints.names or meta.get("host") else show_host(hints)


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
    """
    meta = {k.lower(): v for k, v in hints.meta.items()}
    m = _SHOW_OWNER.match(meta.get("show", ""))
    if m and _clean(m.group(1)) == m.group(1):
        return m.group(1)
    m = _NAMED_SHOW_META.match(meta.get("show", ""))
    if m and _person_show(m):
        return m.group(1)
    said: Counter[str] = Counter()
    for text in texts:
        said.update(m.group(1) for m in _SHOW_MENTION.finditer(text) if _clean(m.group(1)) == m.group(1))
        said.update(m.group(1) for m in _NAMED_SHOW.finditer(text) if _person_show(m))
    return said.most_common(1)[0][0] if said else ""


def _person_show(m: re.Match[str]) -> bool:
    """Whether a show's name that ``m`` finds is a person's ("the Jane Okafor show"): a full
    name shaped as a person's whose surname is rare in English ("Acme Explained" is not)."""
    return looks_like_person(m.group(1)) and zipf(m.group(2).lower()) < SHOW_SURNAME_ZIPF


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
