"""Names a transcript's opening introduces: the guest ("today I'm speaking with …"),
the host's own ("I'm your host, …") and co-hosts ("joined by my co-host …").

>>> intro_names(["Today I'm speaking with Jane Doe, who leads Acme."])
('', 'Jane Doe')
>>> intro_names(["I'm your host, Ann Lee, and with me is Dr. Maria de la Cruz."])
('Ann Lee', 'Maria de la Cruz')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from extract.people import looks_like_person
from extract.speakers.name_forms import (
    FULL_NAME,
    GREETING,
    GREETINGS,
    I_AM,
    INTRO_END,
    INTRO_FULL,
    INTRO_NAME,
    NAME,
    SELF_START,
    YOUR_HOST,
    YOUR_ROLE,
    clean_name,
    known_thing,
    one_of,
    same_person,
)

_GUEST_INTRO = re.compile(
    # Talking to someone introduces them when said of now ("I'm talking with", "today I talk
    # to"), not in passing ("I remember talking to Jane about it").
    r"(?:(?<![\w'])(?i:i|we|i'm|we're|i am|we are|am|are|be|been|will|i'll|we'll|"
    r"(?:excited|happy|glad|pleased|thrilled|delighted|honou?red|lucky|great|good|nice|pleasure|"
    r"going|get|got|able) to|(?:pleasure|honou?r|privilege) of),? "
    r"(?:(?i:here|now|today|also|really|so|very) )?"
    r"(?i:speak(?:ing)?|talk(?:ing)?|chat(?:ting)?|hang(?:ing)? out) (?:with|to)|"
    # "we had a great time talking with …", said of the episode recorded
    r"\b(?i:had|have) (?:a (?:great|fun|good|wonderful|lovely) time|(?:so much |a lot of )?fun) "
    r"(?i:talking|chatting|speaking|hanging out) (?:with|to)|"
    r"(?:^|[.,] )(?i:today|this week|this time),? (?:(?:speak|talk)ing|chatting) (?:with|to)|"
    r"(?:[Mm]y|[Oo]ur) guests? (?:today |this week |this time |on the (?:show|podcast) |"
    r"for (?:[a-z']+ ){1,2})?(?:is|are)|"
    r"(?:[Mm]y|[Oo]ur) guests?(?: today| this week| this time)?,?|"
    r"(?:[Mm]y|[Oo]ur|\b[Aa]) (?:former|past|previous|returning|special|favou?rite|long-?time) guests?,|"
    r"guest (?:today )?is|joined (?:[a-z]+ ){0,3}by(?: my (?:co-?host|guest|friend)s?,?)?|"
    r"(?:[Ww]ith|[Jj]oining) me (?:today |this week |here |now )?(?:is|are)|"
    r"(?:sat|sit|sitting) down with|my co-?host,?|interviewing|"
    # "here at RubyConf with", "here today on May 3rd with", "here today, May 3rd, 2009, with"
    r"\bhere (?:(?:today|now|this week),? )?"
    r"(?:(?:at|in|on) [^.?!]{1,40}? |[A-Z][a-z]+ \d[\w ,]{0,20}? )?with|"
    r"(?<![\w'])(?i:i'm|we're|i am|we are) back with|"
    r"i have with me|(?:got|have|having) (?:with (?:us|me)|(?:here )?in the studio)(?: today| here)?,?|"
    r"[Ww]elcome(?: back)?,?(?: to the (?:show|podcast),?)?|please welcome|"
    r"\bintroduc(?:e|ing)(?: (?:to )?(?:you|everyone)(?: all)?(?: to)?)?)\s+"
    + r"(?:(?i:none other than|the one and only) )?"  # "my guest today is none other than …"
    + INTRO_NAME
)
# The name before its cue: "Jane Doe is with us", "Jane Doe joins me", "Jane Doe is joining
# us", "we've got Jane Doe with us", "Jane, welcome to the show".
_OF_ORG = r"(?:,? (?:of|from|at) (?:the )?[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3},?)"  # "of Acme Labs"
_AFFILIATION = _OF_ORG + "?"
# "have Jane Doe": a title may come first; the name starts with a capital and a small
# letter, so it is not the acronym of a title. "I've got Jane Doe from Acme Labs with me":
# the name right after, before any title.
_HAVE_NAME = (
    r"\b(?:got|have|having) (?:(?=[A-Z][a-z])"
    + INTRO_FULL
    + _OF_ORG
    + r"|(?:[^.?!,]{0,60}? )?(?=[A-Z][a-z])"
    + INTRO_FULL
    + r")"
)
_GUEST_JOINS = re.compile(
    INTRO_FULL
    + _AFFILIATION
    + r",? (?:(?:is|are) (?:here )?with (?:me|us)|joins (?:me|us|the (?:show|podcast|program))|"
    r"(?:is|are) joining (?:me|us))\b|"
    # "we have (Acme's CTO) Jane Doe with us", "… on the show", "… (, CEO of Acme,) in the studio".
    + _HAVE_NAME
    + r"(?:(?:,? [^.?!]{0,60}?)? in the studio\b"
    + r"| (?:(?:on )?(?:here )?with (?:me|us)|on (?:the|this|our) (?:show|podcast|program)\b|"
    + r"here(?: today)?,? (?:with|who|from|to)\b|here(?: today)?[.!])\b)|"  # "we have Jane Doe here, who …"
    + INTRO_NAME + r",? welcome (?:back )?to the (?:show|podcast|program)\b|"
    # A guest presented to the audience: "I give you Jane Doe", "please welcome Jane Doe".
    + r"\b(?i:i give you|please welcome|let's welcome|give it up for),? " + INTRO_FULL + INTRO_END + "|"
    # "we're very grateful to have Jane Doe, who …"
    + r"\b(?i:grateful|happy|excited|thrilled|lucky|pleased|delighted|glad|honou?red|privileged) to "
    + r"(?:have|welcome) " + INTRO_FULL + r"(?=,? who\b|[,.!]|$| (?:on|here|with)\b)|"
    # "we've got Jane, who's joining us from Acme"
    + r"\b(?:got|have|having) " + INTRO_NAME + r",? who(?:'s| is) (?:joining|here with|with) (?:me|us)\b|"
    # "Jane, welcome." opening a sentence (not "This is Jane Doe, welcome.", the host's own).
    + r"(?:^|(?<=[.!?] ))" + INTRO_NAME + r", welcome(?: back)?[.!]"
)
# Past talks introduce only when about this episode: "today I spoke with Jane", "this is my
# conversation with Jane", not "I talked to Jane earlier" or "my conversation with Jane".
_PAST_INTRO = re.compile(
    r"(?i:\b(?:episode(?! ?#?\d)|this transcript|today|this week|this time|this is|here's|here is|"
    r"following)\b)"
    r"[^.?!]{0,60}?"
    r"\b(?:(?:talked|spoke|chatted) (?:with|to)|(?:conversation|interview) with)\s+" + INTRO_NAME
    # … and not a past episode's: "we talked to Jane from Acme in episode 46".
    + r"(?![\w'’-])(?!(?: [\w'-]+){0,3},? (?i:in|on) (?i:episode|ep\.?) ?#?\d)"
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
    r"(?i:talking|speaking),? of course,? about (?:the (?:" + _PRAISE + r",? ){1,3})?)" + INTRO_FULL
)
# Naming who was heard in a cold open: "That was Jane Doe."
_HEARD = re.compile(r"(?:^|[.!?] )That was " + INTRO_FULL + r"(?=[.!])")
# Greeting someone by their full name: "So, hello, Jane Doe."
_GREETED = re.compile(rf"\b(?i:{'|'.join(GREETINGS)}),? " + INTRO_FULL + r"(?=[.!?]|$)")
_HOST_INTRO = re.compile(SELF_START + rf"(?: {YOUR_ROLE},?)? " + INTRO_FULL + INTRO_END)
_SELF_NAME = SELF_START + " " + INTRO_NAME  # "I'm Jane", "This is Jane Doe"
# "… introducing our guest." "His name is Jane Doe.": a name given right after the guest is announced.
_THEIR_NAME = re.compile(r"^(?:(?i:and|so),? )?(?:His|Her|Their) name is " + INTRO_FULL + INTRO_END)
_GUEST_WORD = re.compile(r"\bguests?\b", re.I)
# "I am Jane, your host"
_NAME_YOUR_HOST = re.compile(_SELF_NAME + r",? your host\b")
# "I'm Jane.": a first name alone, read only as the answer to a request to introduce oneself,
# or beside the introduction of a co-host ("I'm Jane. And this is my co-host, Bo.").
_SELF_ONE = re.compile(_SELF_NAME + INTRO_END)
# An answer to "state your name" may give the name as "It's Jane Doe." (a full name only:
# "It's Monday" names no one).
_ITS_NAME = re.compile(GREETING + r"(?:It's|It is) " + INTRO_FULL + INTRO_END)
# "My name is Jane, and …": said so, a first name alone is a self-introduction too.
_MY_NAME_ONE = re.compile(r"\b[Mm]y name(?:'s| is) " + INTRO_NAME + INTRO_END)
# "I'm Jane, technical editor at Acme, joined by Bo Chen": a first name alone will do in a
# sentence that goes on to introduce someone else.
_SELF_THEN_INTRO = re.compile(_SELF_NAME + ",")
_THIS_IS = re.compile(r"^\W*(?:\w+,? )*?[Tt]his is ")
# "This is Tide Talk with myself, Jane Doe, …": the host names themselves in the show's line.
_WITH_MYSELF = re.compile(r"\bwith myself,? (?:your host,? )?" + INTRO_FULL + INTRO_END)
# An oral history's slate: "The interviewer is Jane Doe." names who asks.
_INTERVIEWER = re.compile(
    r"\b(?i:the|your|our) interviewer(?: (?i:today|here))? (?:is|will be) " + INTRO_FULL + INTRO_END
)
# "I'm Jane, and this is Tide Talk, a weekly podcast …", "I'm Jane and welcome to …": a
# first name alone will do beside the show's own introduction.
_SHOW_WORD = r"\b(?:podcast|show|radio|news|hour)\b"
_SELF_AND_SHOW = re.compile(
    _SELF_NAME
    + r"(?:,? (?i:and )|[.!] (?i:and )?)(?i:(?:welcome to|you're listening to|this is (?:the )?[^.!?,]{0,40}?"
    + _SHOW_WORD
    + r"|this is [^.!?,]{1,40}, an? [^.!?,]{0,40}?"
    + _SHOW_WORD
    + r"))"
)


_INTRODUCING = (_GUEST_INTRO, _GUEST_JOINS, _PAST_INTRO, _PRAISED, _HEARD, _GREETED)
# A second full name introduced with the first: "… chatting with Jane Doe and Bo Chen".
_AND_ANOTHER = re.compile(r",? (?:and|&) " + INTRO_FULL + r"(?=[,.!?;]| who\b| from\b| of\b| at\b|$)")


def introduced(text: str) -> list[str]:
    """Everyone a unit introduces ("my guest is …", "joined by my co-host, …").

    >>> introduced("I'm joined by my co-host, Ann Lee, and our guest today is Bo Chen.")
    ['Ann Lee', 'Bo Chen']
    >>> introduced("Bo Chen is with us today."), introduced("Today I talked with Ann Lee.")
    (['Bo Chen'], ['Ann Lee'])
    >>> introduced("I talked to Ann earlier."), introduced("This is my conversation with Bo Chen.")
    ([], ['Bo Chen'])
    >>> introduced("In episode 9 we talked to Al Li.")
    []
    >>> introduced("This is our third: we spoke with Bo Chen of Acme in episode 12.")
    []
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
    >>> introduced("Today we've got Bo who's joining us from Acme."), introduced("I give you Mr. Bo Chen.")
    (['Bo'], ['Bo Chen'])
    >>> introduced("Grateful to have Bo Chen who builds boats."), introduced("Happy to have Bo Chen's help.")
    (['Bo Chen'], [])
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
    >>> introduced("We're happy to have Bo Chen on with us."), introduced("Glad to have Al Li on the show.")
    (['Bo Chen'], ['Al Li'])
    >>> introduced("Today we have in the studio Bo Chen from Acme.")
    ['Bo Chen']
    >>> introduced("We have Al Li, CTO of Acme, in the studio.")
    ['Al Li']
    >>> introduced("Today we have a special guest, Bo Chen."), introduced("Meet Jose Ortega y Gasset.")
    (['Bo Chen'], [])
    >>> introduced("Today we have José Núñez with us."), introduced("I'm joined by Bo Pățan.")
    (['José Núñez'], ['Bo Pățan'])
    >>> introduced("We have Bo Chen here, who is from Acme."), introduced("We have Acme Cloud here as host.")
    (['Bo Chen'], [])
    >>> introduced("I'm talking with Bo Chen and Al Li."), introduced("I'm talking with Bo Chen and Google.")
    (['Bo Chen', 'Al Li'], ['Bo Chen'])
    >>> introduced("The following is a conversation with Bo Chen and Al Li, who build boats.")
    ['Bo Chen', 'Al Li']
    """
    found = sorted(
        (m for pat in _INTRODUCING for m in pat.finditer(text)),
        key=lambda m: m.start(),
    )
    out: list[str] = []
    for m in found:
        given = next(g for g in m.groups() if g)
        name = clean_name(given)
        if name and name == given and not known_thing(name) and not _NOT_JOINED.search(text[: m.start()]):
            out.append(name)
            other = _AND_ANOTHER.match(text, m.end()) if " " in name else None
            if other and clean_name(other.group(1)) == other.group(1) and not known_thing(other.group(1)):
                out.append(other.group(1))
    return list(dict.fromkeys(out))


# "I'm not joined by Bo today", "I am not joined today by my co-host, Bo": no introduction.
_NOT_JOINED = re.compile(r"(?:\b(?i:not)|n't) (?:joined(?: [a-z]+){0,3} by )?$")


_NAME_ALONE = re.compile(INTRO_NAME + r"[.!]")
_WELCOME_SHOW = re.compile(r"(?i:welcome)(?: back)? to (?:the|our|my) (?:show|podcast|program)\b")
# Asking the other to say who they are: the next self-introduction is theirs.
_INTRO_REQUEST = re.compile(
    r"\b(?:introduce yourself|state your name|(?:say|tell \w+) who you are|your name and|"
    r"tell (?:us|me|everyone|the audience|our listeners|folks)(?: a (?:little )?bit)?(?: more)? "
    r"about yourself|"
    r"give (?:us|me|everyone) (?:a |an )?(?:brief |quick |short |little )?intro(?:duction)?)\b",
    re.I,
)
INTRO_ANSWER_UNITS = 3  # units after such a request that may hold the answer
# Someone the host describes right after introducing themselves: "I'm Ann Lee. Bo Chen
# is an engineer who …" introduces the guest when no one else is introduced.
_DESCRIBED = re.compile(
    r"(?:^|[.!?] )" + INTRO_FULL + r"(?:,[^.?!]{1,60},)? (?:is|has been) (?:a|an|the|one of)\b"
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
    >>> intro_names(["Please state your name and where we are.", "It's Bo Chen, Boston."])
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
    >>> intro_names(["Welcome to Acme Radio.", "I'm Ann Lee of Acme Labs.", "Hi, this is Bo Chen."])
    ('Ann Lee', '')
    >>> intro_names(["My name is Ann, and I edit the show.", "Today I'm joined by Bo Chen."])
    ('Ann', 'Bo Chen')
    >>> intro_names(["I'm Ann.", "And this is my co-host, Jo.", "We have Bo Chen on the show."])
    ('Ann', 'Bo Chen')
    >>> intro_names(["Bo, give us a brief introduction.", "Sure. I'm Bo Chen, and I fix boats."])
    ('', 'Bo Chen')
    >>> intro_names(["Tell our listeners a little bit more about yourself.", "Sure. I'm Bo Chen."])
    ('', 'Bo Chen')
    >>> intro_names(["I'm talking with Jose Ortega y Gasset today."])
    ('', 'Jose Ortega y Gasset')
    >>> intro_names(["I'm Ann, editor at Acme, joined by Bo Chen."]), intro_names(["I'm Ann, and I'm happy."])
    (('Ann', 'Bo Chen'), ('', ''))
    >>> intro_names(["Bo.", "Welcome to the show, mate."]), intro_names(["Perfect.", "Welcome to the show."])
    (('', 'Bo'), ('', ''))

    Someone described just after the host's self-introduction, when no one is introduced:

    >>> intro_names(["I'm Ann Lee, and this is Acme Talk.", "Bo Chen is an engineer who fixes boats."])
    ('Ann Lee', 'Bo Chen')
    >>> intro_names(["Bo Chen is an engineer who fixes boats.", "Hello, it's me."])
    ('', '')

    A third person giving their full name after the host and a co-host is the guest:

    >>> intro_names(["I'm Ann.", "And this is my co-host, Jo.", "Hi, my name is Jo.", "Hi, I'm Bo Chen."])
    ('Ann', 'Bo Chen')
    >>> intro_names(["Today we had a great time hanging out with Bo Chen, who fixes boats."])
    ('', 'Bo Chen')
    >>> intro_names(["And I'm here today on May 3rd with Bo Chen."])
    ('', 'Bo Chen')
    >>> intro_names(["I'm here today, May 3rd, 2009, with Bo Chen."])
    ('', 'Bo Chen')
    >>> intro_names(["I met a professor there. This is Professor Lind."])  # an honorific is no first name
    ('', '')
    >>> intro_names(["I'm Ann Lee.", "Hi, I'm Bo Chen."])
    ('Ann Lee', '')

    "This is Tide Talk." may name the show; an "I'm …" after it is the host's:

    >>> intro_names(["Welcome. This is Tide Talk.", "I'm Ann Lee, and my guest is Bo Chen."])
    ('Ann Lee', 'Bo Chen')
    >>> intro_names(["This is Ann Lee.", "I'm Ann Lee, and my guest is Bo Chen."])
    ('Ann Lee', 'Bo Chen')
    >>> intro_names(["Hi, this is Ann Okafor.", "And I'm Bo Chen."])  # a person's name stands
    ('Ann Okafor', '')

    >>> intro_names(["This is Tide Talk with myself, Ann Lee, my co-host Jo Park, and our guest, Bo Chen."])
    ('Ann Lee', 'Bo Chen')

    An oral history's slate names the interviewer:

    >>> intro_names(["This is an interview with Bo Chen, on May 3rd. The interviewer is Ann Lee."])
    ('Ann Lee', 'Bo Chen')

    A first name given beside the show's own introduction is the host's:

    >>> intro_names(["Hi, I'm Ann, and this is Tide Talk, a weekly podcast about the sea."])
    ('Ann', '')
    >>> intro_names(["I'm Ann and welcome to the show."]), intro_names(["I'm Ann, and this is Bo."])
    (('Ann', ''), ('', ''))
    >>> intro_names(["Hi, I'm Ann.", "And this is Tide Talk, a weekly podcast."])
    ('Ann', '')
    """
    host = ""
    host_at = 0
    people: list[str] = []
    later: list[str] = []  # full names given as one's own after the host and a co-host
    partners: list[str] = []
    asked: int | None = None  # the unit that last asked someone to introduce themselves
    texts = list(texts)
    seconds = _second_selves(texts)
    shown = False  # the host was found by "This is …", which may be the show's name
    for i, text in enumerate(texts):
        following = texts[i + 1] if i + 1 < len(texts) else ""
        h = YOUR_HOST.search(text) or _SELF_AND_SHOW.search(f"{text} {following}")
        h = h or _WITH_MYSELF.search(text) or _HOST_INTRO.search(text) or _NAME_YOUR_HOST.search(text)
        h = h or _MY_NAME_ONE.search(text) or _INTERVIEWER.search(text)
        if h is None and (h := _SELF_THEN_INTRO.search(text)) is not None:
            sentence = re.split(r"(?<=[.!?]) ", text[h.start() :])[0]
            h = h if any(n != h.group(1) for n in introduced(sentence)) else None
        request = _INTRO_REQUEST.search(text)
        # The request may sit in the answer's unit (captions run the two together).
        answers = h is not None and request is not None and request.start() < h.start()
        answering = asked is not None and i - asked <= INTRO_ANSWER_UNITS
        if h is None and answering:
            h = _SELF_ONE.search(text) or _ITS_NAME.search(text)
        elif h is None and not host:
            h = _beside_co_host(texts, i)  # "I'm Jane." "And this is my co-host, Bo."
        if h and clean_name(h.group(1)) == h.group(1):
            this_is = _THIS_IS.match(h.group(0)) is not None
            if answering or answers:
                people.append(h.group(1))
                asked = None  # one answer to one request
            elif (not host or (shown and not this_is)) and not any(
                same_person(h.group(1), p) for p in people
            ):
                # "This is Tide Talk." may name the show: "I'm Jane Doe." after it is the host.
                host, host_at, shown = h.group(1), i, this_is and not looks_like_person(h.group(1))
            elif host and partners and " " in h.group(1) and not one_of(h.group(1), [host, *partners]):
                later.append(h.group(1))  # after the host's and a co-host's, a third person's
        if request and not answers:
            asked = i
        people += introduced(text)
        their = _THEIR_NAME.match(text.strip())
        if their and i and _GUEST_WORD.search(texts[i - 1]) and clean_name(their.group(1)) == their.group(1):
            people.append(their.group(1))
        partners += co_hosts([text]) + seconds[i]
        # A name said alone, then the welcome ("Jane. Welcome to the show, mate.").
        alone = _NAME_ALONE.fullmatch(text.strip())
        if alone and i + 1 < len(texts) and _WELCOME_SHOW.match(texts[i + 1].strip()):
            name = alone.group(1)
            if clean_name(name) == name and not known_thing(name):
                people.append(name)
    if host and not people:
        after = texts[host_at : host_at + DESCRIBED_UNITS + 1]
        people = [
            name
            for t in after
            for m in _DESCRIBED.finditer(t)
            if clean_name(name := m.group(1)) == name
            and not known_thing(name)
            and not same_person(name, host)
        ]
    guests = [p for p in people if not one_of(p, partners)] or [p for p in later if not one_of(p, partners)]
    guest = next(iter(guests), people[0] if people else "")
    return host, guest


# "my co-host, Jane Doe", "my other co-host Jane Doe"; "joined as always by Jane Doe" (a
# regular is a co-host); "Jane and I talk with …" (hosting the talk together); "Jane is
# here to co-host".
_CO_HOST = re.compile(
    r"\b(?i:my|our) (?:(?i:other|fellow) )?(?i:co-?hosts?),? (?:as (?:always|usual|ever),? )?"
    + NAME
    + r"|\bjoined,? as (?:always|usual|ever),? by (?:my \w+,? )?"
    + FULL_NAME
    + r"|(?:^|[.,!?] |\b(?i:today|this week|on today's show|in this episode),? )"
    + NAME
    + r" and I (?:(?:will|are going to|get to) )?(?:talk|speak|chat|sit down) (?:with|to) (?=[A-Z])"
    + r"|(?:^|[.,!?] )"
    + NAME
    + r" is (?:here to co-?host|co-?hosting|(?:here )?filling in as (?:my |our )?co-?host)\b"
)
# "I'm Jane Doe." "And I'm Bo Chen.": a second host introducing themselves after the first;
# where they speak from may follow ("I'm Bo Chen, coming to you from Oslo.").
_SELF_WORDS = r"(?:I'm|I am|[Mm]y name's|[Mm]y name is)"
_WHERE_FROM = r"(?:,? (?:coming|speaking|calling|joining)(?: to)? you(?: \w+){0,2} from [^.!?]+)"
_FROM = r"(?:,? (?:of|from) [^.!?]+|" + _WHERE_FROM + ")"
_AND_I_AM = re.compile(
    r"^(?:(?i:and),? )?(?:" + _SELF_WORDS + r"|(?i:and),? this is) " + FULL_NAME + _FROM + r"?[.!]?$"
)
# "My name's Jane." "And I'm Bo.": a first name alone, when the hosts are then named as such.
_AND_I_AM_ONE = re.compile(r"^(?:(?i:and),? )?" + _SELF_WORDS + " " + NAME + r"[.!,]?$")
# "I'm Bo, coming to you from Oslo.": a first name where a host says where they speak from.
_AND_I_AM_FROM = re.compile(r"^(?:(?i:and),? )?" + _SELF_WORDS + " " + NAME + _WHERE_FROM + r"[.!]?$")
# "My name's Jane, my name's Bo.": two people's self-introductions in one unit.
_TWO_SELVES = re.compile(
    r"\b" + _SELF_WORDS + " " + NAME + r"(?:,| and)(?: and)? " + _SELF_WORDS + " " + NAME + INTRO_END
)
_OUR_HOSTS = re.compile(r"\b(?:we're|we are) (?:your|the) (?:co-?)?hosts\b", re.I)
# "I'm Jane", not "This is Jane", which may name the show ("This is Tide Talk.").
_I_AM_ONE = re.compile(GREETING + I_AM + " " + INTRO_NAME + INTRO_END)
# Any form of giving one's own name, for rounds of introductions.
_OWN_NAMES = (_TWO_SELVES, _AND_I_AM, _AND_I_AM_FROM, _MY_NAME_ONE, _I_AM_ONE, YOUR_HOST)


def _own_names(text: str) -> list[str]:
    """The names a unit's speaker gives as their own, in any form ``_OWN_NAMES`` reads.

    >>> _own_names("And I'm Bo Chen."), _own_names("This is Tide Talk.")
    (['Bo Chen'], [])
    """
    found = [m for pattern in _OWN_NAMES if (m := pattern.search(text))]
    return list(dict.fromkeys(n for m in found for n in m.groups() if n and clean_name(n) == n))


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
    >>> co_hosts(["I'm Ann Lee.", "I'm Bo Chen.", "And I'm Al Li."])
    ['Bo Chen']
    >>> co_hosts(["With my co-host, as ever, Bo."])
    ['Bo']
    >>> co_hosts(["I'm Ann Lee from Acme Radio.", "And I'm Bo Chen of Tidal Works."])
    ['Bo Chen']
    >>> co_hosts(["Awesome! Bo is here to co-host, and I'll introduce our guest."])
    ['Bo']
    >>> co_hosts(["I'm Ann.", "And this is my co-host, Bo."]), co_hosts(["My co-host Bo Chen is here."])
    (['Bo'], ['Bo Chen'])
    >>> co_hosts(["I am not joined today by my co-host, Bo, but by a guest."], here=True)
    []
    """
    out: list[str] = []
    units = list(texts)
    seconds = _second_selves(units)
    for i, text in enumerate(units):
        for name in seconds[i]:
            if name not in out:
                out.append(name)
        for m in _CO_HOST.finditer(text):
            given = next(g for g in m.groups() if g)
            name = clean_name(given)
            if name and name == given and name not in out and not (here and _away(name, units, i, m)):
                out.append(name)
    return out


def _second_selves(units: Sequence[str]) -> list[list[str]]:
    """Each unit's second host giving their own name (``_second_self``): the second name in
    a round of self-introductions only, as a third is a guest's after the hosts' round.

    >>> _second_selves(["I'm Ann Lee.", "I'm Bo Chen.", "I'm Bo Chen.", "And I'm Al Li."])
    [[], ['Bo Chen'], ['Bo Chen'], []]
    >>> _second_selves(["This is Tide Talk.", "I'm Ann Lee."])  # the show's name is no one's
    [[], []]
    """
    out: list[list[str]] = []
    run: list[str] = []  # distinct names of the round so far
    last = -10  # the last unit that gave a name as its own
    for i, text in enumerate(units):
        own = _own_names(text)
        if own:
            run = run if i - last <= 2 else []
            run += [n for n in own if n not in run]
            last = i
        out.append([n for n in _second_self(units, i) if run[1:2] == [n]])
    return out


def _second_self(units: Sequence[str], i: int) -> list[str]:
    """A second host's name given as their own in ``units[i]``, after the first host's:
    "I'm Jane Doe." "And I'm Bo Chen." A first name alone counts when the hosts are then
    called so ("My name's Jane," "and I'm Bo." "And we're your hosts.").

    >>> _second_self(["I'm Ann Lee, speaking from Oslo.", "I'm Bo Chen, coming to you from Lima."], 1)
    ['Bo Chen']
    >>> hosts = ["My name's Ann", "and I'm Bo.", "And we're your hosts."]
    >>> _second_self(hosts, 1), _second_self(hosts[:2], 1), _second_self(["My name's Ann, my name's Bo."], 0)
    (['Bo'], [], ['Bo'])
    >>> _second_self(["I'm Ann Lee coming to you from Oslo.", "I'm Bo coming to you from Lima."], 1)
    ['Bo']
    >>> _second_self(["I'm Ann Lee.", "I'm Bo Chen, and I study whales."], 1)
    []
    >>> _second_self(["I'm Ann Lee. Introduce yourself?", "I'm Bo Chen."], 1)
    []
    """
    text = units[i].strip()
    out = []
    both = _TWO_SELVES.search(text)
    if both and both.group(1) != both.group(2):
        out.append(both.group(2))
    before = units[i - 1] if i else ""
    asked = any(_INTRO_REQUEST.search(u) for u in units[max(0, i - 2) : i])  # an answer, not a host's
    if not asked and _own_names(before):
        full = _AND_I_AM.match(text) or _AND_I_AM_FROM.match(text)
        one = _AND_I_AM_ONE.match(text)
        if full:
            out.append(full.group(1))
        elif one and any(_OUR_HOSTS.search(u) for u in units[i + 1 : i + 3]):
            out.append(one.group(1))
    return [n for n in out if clean_name(n) == n]


def _away(name: str, units: Sequence[str], i: int, m: re.Match[str]) -> bool:
    """Whether the co-host ``name`` that ``m`` finds in ``units[i]`` is said to be away:
    in the rest of the sentence, in the framing before it ("normally I'm joined by …"),
    or in the next sentence when it is about them ("He couldn't make it this week").
    """
    text = units[i]
    rest, *after = re.split(r"(?<=[.!?])\s", text[m.end() :], maxsplit=1)
    if _AWAY.search(rest) or _USUALLY.search(text[: m.start()]) or _NOT_JOINED.search(text[: m.start()]):
        return True
    after = after or list(units[i + 1 : i + 2])
    about = re.compile(rf"^(?:(?i:he|she|they)|{re.escape(name.split()[0])})\b")
    return bool(after) and bool(about.match(after[0].strip())) and bool(_AWAY.search(after[0]))


def named_beside_co_host(texts: Sequence[str], i: int) -> str:
    """A first name the speaker of ``texts[i]`` gives as their own beside the introduction of
    a co-host, which makes it a host's ("I'm Jane." "And this is my co-host, Bo."), or ''.

    >>> named_beside_co_host(["I'm Jane.", "And this is my co-host, Bo."], 0)
    'Jane'
    >>> named_beside_co_host(["I'm Jane.", "And this is my friend, Bo."], 0)
    ''
    """
    m = _beside_co_host(texts, i)
    return m.group(1) if m and clean_name(m.group(1)) == m.group(1) else ""


def _beside_co_host(texts: Sequence[str], i: int) -> re.Match[str] | None:
    """A first-name self-introduction in ``texts[i]`` when it or the next text introduces a co-host."""
    m = _SELF_ONE.search(texts[i])
    return m if m and co_hosts(texts[i : i + 2]) else None


# Where a host signs the show: "I'm Jane Doe, and this is Tide Talk.", "I'm Jane Doe here
# with Tide Talk!", "… and you've been listening to Tide Talk".
_SIGN_OFF = (
    r",? (?:and )?(?:here with|this is|this has been|you(?:'ve been| have been|'re) listening to) (?:the )?"
)


def signed_by_host(texts: Iterable[str], show: str) -> str:
    """The name given as one's own beside the show's name, anywhere in the episode: only
    the host signs the show so ("I'm Jane Doe, and this is Tide Talk."), or ''. The show
    is matched by the words of its name before any punctuation ("Tide Talk! Interviews
    with …" is signed "Tide Talk"), in any case.

    >>> signed_by_host(["Bye.", "I'm Jane Doe, and this is Tide Talk."], "Tide Talk")
    'Jane Doe'
    >>> signed_by_host(["I'm Jane Doe here with tide talk!"], "Tide Talk! Interviews from the coast")
    'Jane Doe'
    >>> signed_by_host(["I'm Bo Chen, and this is my first time on Tide Talk."], "Tide Talk")
    ''
    """
    lead = re.split(r"\s*[!?:|(–—]|\s-\s", show.strip())[0].strip()
    if len(lead) < 3:
        return ""
    pattern = re.compile(
        GREETING + I_AM + " " + INTRO_FULL + _SIGN_OFF + "(?i:" + re.escape(lead) + r")(?![\w-])"
    )
    for text in texts:
        m = pattern.search(text)
        if m and clean_name(m.group(1)) == m.group(1):
            return m.group(1)
    return ""
