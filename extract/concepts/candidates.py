"""Concept candidates from the Doc's annotations: noun phrases, entities, acronyms, known terms.

Each candidate is a surface form with its character span and a source flag; grouping
and ranking happen in ``extract.concepts.find``.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> [c.text for c in acronym_candidates(nlp("We used RLHF and PPO. I did."))]
['RLHF', 'PPO']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extract.concepts.background import specificity
from extract.concepts.normalise import acronym_matches, concept_key, is_acronym
from extract.concepts.salience import RARE_MODIFIER
from extract.concepts.vocabulary import Vocabulary, form_key, generic_words

ENT_KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "PRODUCT": "product",
    "WORK_OF_ART": "product",
    "EVENT": "topic",
    "LAW": "other",
    "NORP": "other",
    "GPE": "other",
    "LOC": "other",
    "LANGUAGE": "other",
    "FAC": "other",
}
_DROP_POS = frozenset(
    {"DET", "PRON", "NUM", "PUNCT", "ADP", "CCONJ", "SCONJ", "PART", "INTJ", "AUX", "SPACE"}
)
_NOT_ACRONYMS = frozenset({"I", "OK", "TV", "AM", "PM", "US", "UK"})
_DEFINED = re.compile(r"\b([A-Za-z][A-Za-z\- ]{3,80}?)\s*\(([A-Z][A-Za-z0-9]{1,6})\)")
_STANDS = re.compile(
    r"\b([A-Z][A-Z0-9]{1,6})s?,? (?:which )?(?:stands for|short for|meaning) ([a-z][a-z\- ]{3,80})"
)
_POSSESSIVE_LAW = re.compile(
    r"\b([A-Z][a-z]+)'s (law|principle|paradox|theorem|razor|dilemma|fallacy|test)\b"
)
MAX_WORDS = 4
GERUND = 0.3  # a gerund modifier at least this specific belongs to the concept


@dataclass(frozen=True)
class Candidate:
    """A surface form seen in the text and where."""

    text: str
    start: int
    end: int
    source: str  # ent | acronym | phrase | described | vocab | defined | pattern | model | name | verb
    kind: str | None = None
    key_text: str | None = None  # what to key the candidate by, when not its surface form

    @property
    def keyed(self) -> str:
        """The text the grouping key is computed from."""
        return self.key_text or self.text


def _hyphen_joined(tok: Token) -> bool:
    """Is ``tok`` the first part of a hyphenated word ("long" in "long-horizon")?"""
    doc = tok.doc
    return (
        not tok.whitespace_
        and tok.i + 2 < len(doc)
        and doc[tok.i + 1].text == "-"
        and not doc[tok.i + 1].whitespace_
        and doc[tok.i + 2].text[:1].isalnum()
    )


def _specific_modifier(tok: Token, head: Token) -> bool:
    """A leading word that narrows a specific head and so belongs to the concept: a noun
    compound ("data wall"), a participle ("simulated social science") or the first part
    of a hyphenated word ("long-horizon tasks")."""
    if tok.is_stop or not tok.text[0].isalnum():
        return False
    if _hyphen_joined(tok):
        return True
    if head.lower_ in generic_words():
        # A generic head ("project", "thing") keeps only a rare noun or gerund before it,
        # which then carries the meaning ("coding project"; not "data point").
        return (
            tok.dep_ in ("compound", "amod")
            and (tok.pos_ == "NOUN" or tok.tag_ == "VBG")
            and specificity(tok.lower_) >= RARE_MODIFIER
        )
    if tok.dep_ == "compound" and tok.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
        return True
    if tok.tag_ == "VBG" and tok.dep_ in ("amod", "compound"):
        return specificity(tok.lower_) >= GERUND  # "coding project", not "existing models"
    return tok.tag_ == "VBN" and tok.dep_ == "amod"


DESCRIPTIVE = 0.35  # an adjective less specific than this describes rather than names


def _descriptive(tok: Token) -> bool:
    """Is ``tok`` an everyday adjective leading a phrase ("useful thing", "reasonable
    behavior")? Such phrases describe; a noun compound ("phase transition"), a hyphenated
    or a rare modifier ("discontinuous jump") more often names a concept."""
    return (
        tok.pos_ == "ADJ"
        # Not a proper adjective ("English data"), unless capitalised only as a sentence's
        # first word ("Excellent question.").
        and (tok.text[:1].islower() or bool(tok.is_sent_start))
        and tok.tag_ not in ("VBN", "VBG", "JJR")  # "longer projects" keys as "long projects"
        and not _hyphen_joined(tok)
        and specificity(tok.lower_) < DESCRIPTIVE
    )


def _known_start(tokens: list[Token], vocab: Vocabulary | None) -> bool:
    """Do the first two words form a known term ("long horizon" in "long horizon RL")?"""
    if vocab is None or len(tokens) < 3:
        return False
    return vocab.get(concept_key(tokens[0].text) + concept_key(tokens[1].text)) is not None


def _trim(tokens: list[Token], vocab: Vocabulary | None = None) -> list[Token]:
    generic = generic_words()
    head = tokens[-1] if tokens else None
    if _known_start(tokens, vocab):
        while tokens and (tokens[-1].pos_ in _DROP_POS or not tokens[-1].text[-1].isalnum()):
            tokens = tokens[:-1]
        return tokens
    while tokens and (
        tokens[0].pos_ in _DROP_POS
        or tokens[0].is_stop
        or tokens[0].lower_ in generic
        or tokens[0].pos_ in ("ADV", "VERB")
        or not tokens[0].text[0].isalnum()
    ):
        if head is not None and len(tokens) > 1 and _specific_modifier(tokens[0], tokens[-1]):
            break
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].pos_ in _DROP_POS or tokens[-1].is_stop or not tokens[-1].text[-1].isalnum()
    ):
        tokens = tokens[:-1]
    return tokens


def _positive(word: str) -> str:
    """The positive of a comparative adjective: "longer" → "long", "bigger" → "big",
    "larger" → "larg" (keys drop a final "e" anyway), "easier" → "easy"."""
    w = word.lower()
    if w.endswith("ier"):
        return w[:-3] + "y"
    base = w[:-2]
    if len(base) >= 3 and base[-1] == base[-2] and base[-1] not in "aeiouls":
        base = base[:-1]
    return base


def _positive_form(tokens: list[Token]) -> str | None:
    """The phrase with comparative adjectives in the positive ("longer projects" →
    "long projects"), so both group together; None when there is none.

    >>> import spacy
    >>> doc = spacy.blank("en")("bigger models")
    >>> doc[0].tag_ = "JJR"
    >>> _positive_form(list(doc))
    'big models'
    """
    if not any(t.tag_ == "JJR" and t.lower_.endswith("er") and len(t.text) > 4 for t in tokens):
        return None
    return " ".join(
        _positive(t.text) if t.tag_ == "JJR" and t.lower_.endswith("er") and len(t.text) > 4 else t.text
        for t in tokens
    )


def _span_text(text: str, tokens: list[Token]) -> tuple[str, int, int]:
    a, b = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return text[a:b], a, b


def phrase_candidates(doc: Doc, vocab: Vocabulary | None = None) -> Iterator[Candidate]:
    """Trimmed noun chunks and their compound cores ("the new reward models" → "reward models")."""
    if not doc.has_annotation("DEP"):
        return
    text = doc.text
    generic = generic_words()
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.pos_ not in ("NOUN", "PROPN") or (root.lower_ in generic and root.pos_ == "NOUN"):
            # A generic head ("a lot", "the thing") is no concept; a modifier may still be.
            pass
        toks = _trim(list(chunk), vocab)
        if not toks or len(toks) > MAX_WORDS + 2:
            continue
        if len(toks) <= MAX_WORDS:
            form, a, b = _span_text(text, toks)
            source = "described" if len(toks) >= 2 and _descriptive(toks[0]) else "phrase"
            yield Candidate(form, a, b, source, key_text=_positive_form(toks))
        # The compound core: the head with its compound / hyphenated modifiers.
        core = [
            t
            for t in toks
            if t.i == root.i or (t.dep_ in ("compound", "amod", "nmod") and t.head.i == root.i)
        ]
        while (
            core and core[0].lower_ in generic and not (len(core) > 1 and _specific_modifier(core[0], root))
        ) or (len(core) > 2 and (_descriptive(core[0]) or core[0].tag_ == "JJR")):
            core = core[1:]  # "higher tail risk" → "tail risk"
        while core and core[0].i >= 2 and _hyphen_joined(doc[core[0].i - 2]) and core[0].i - 2 >= toks[0].i:
            core = toks[toks.index(doc[core[0].i - 2]) :]  # keep "long-horizon" whole
        if _known_start(toks, vocab):
            continue
        if core and len(core) < len(toks) and core == toks[len(toks) - len(core) :]:
            form, a, b = _span_text(text, core)
            yield Candidate(form, a, b, "phrase")


def entity_candidates(doc: Doc) -> Iterator[Candidate]:
    """Named entities of the kinds a concept can be (dates, numbers and money are not)."""
    text = doc.text
    for ent in doc.ents:
        kind = ENT_KIND.get(ent.label_)
        if kind is None:
            continue
        toks = [t for t in ent if not t.is_punct]
        while toks and (toks[0].pos_ in ("DET", "PRON") or toks[0].lower_ in ("the", "a")):
            toks = toks[1:]
        if toks and toks[-1].text in ("'s", "’s"):
            toks = toks[:-1]
        if not toks:
            continue
        form, a, b = _span_text(text, toks)
        if len(form) > 1 and any(c.isalpha() for c in form):
            yield Candidate(form, a, b, "ent", kind)


def acronym_candidates(doc: Doc) -> Iterator[Candidate]:
    """Upper-case tokens like ``RLHF`` or ``LLMs`` (not "I", "OK"), and mixed-case names
    like ``ChatGPT`` or ``iPhone`` (a capital after the first letter)."""
    for tok in doc:
        t = tok.text
        if is_acronym(t) and t not in _NOT_ACRONYMS:
            yield Candidate(t, tok.idx, tok.idx + len(t), "acronym")
        elif len(t) > 3 and t.isalnum() and any(c.isupper() for c in t[1:]) and any(c.islower() for c in t):
            yield Candidate(t, tok.idx, tok.idx + len(t), "name", "product")


_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}
_VERSION = re.compile(r"^\d{1,2}(?:\.\d)?[a-z]?$")


def _version(tok: Token) -> str | None:
    """A version number said after a model family: "4", "3.5", "4o", "three"."""
    t = tok.text.lower()
    if _VERSION.match(t):
        return t
    return _NUMBER_WORDS.get(t)


def model_name_candidates(doc: Doc) -> Iterator[Candidate]:
    """Model names said as an acronym and a version, split by the transcriber ("GPT 3.5",
    "GPT three"): one candidate keyed as the written name ("GPT-3.5", "GPT-3").

    >>> import spacy
    >>> [(c.text, c.keyed) for c in model_name_candidates(spacy.blank("en")("on GPT three and GPT 3.5 now"))]
    [('GPT three', 'GPT-3'), ('GPT 3.5', 'GPT-3.5')]
    """
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if not (tok.whitespace_ and is_acronym(tok.text) and not tok.text.endswith("s")):
            continue
        v = _version(nxt)
        if v is None:
            continue
        end = nxt.idx + len(nxt.text)
        yield Candidate(doc.text[tok.idx : end], tok.idx, end, "model", "product", f"{tok.text}-{v}")


def joined_name_candidates(doc: Doc) -> Iterator[Candidate]:
    """Product names the transcriber split in two ("chat GBT", "web GPT"): a word followed
    by an acronym, when the acronym is a model family (said with a version number in the
    episode) or the two words written together are a mixed-case name said elsewhere
    ("ChatGBT"). Keyed as one word, so the split and the whole forms group together.

    >>> import spacy
    >>> doc = spacy.blank("en")("We used web GPT before GPT-4. The chat, GBT team wrote ChatGBT. We like RL.")
    >>> [(c.text, c.keyed) for c in joined_name_candidates(doc)]
    [('web GPT', 'webGPT'), ('chat, GBT', 'chatGBT')]
    """
    text = doc.text
    families = {m.group(1) for m in re.finditer(r"\b([A-Z]{2,5})[- ]?\d", text)}
    joined = {t.text.lower() for t in doc if len(t.text) > 4 and t.text[1:] != t.text[1:].lower()}
    for tok in doc[1:]:
        if not is_acronym(tok.text) or tok.text in _NOT_ACRONYMS:
            continue
        prev = doc[tok.i - 1]
        if prev.text == "," and tok.i >= 2:
            prev = doc[tok.i - 2]
        if not prev.is_alpha or prev.is_stop or len(prev.text) < 3 or is_acronym(prev.text):
            continue
        if prev.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "ADV", "ADJ"):
            continue
        whole = prev.text + tok.text
        if tok.text in families or whole.lower() in joined:
            end = tok.idx + len(tok.text)
            yield Candidate(text[prev.idx : end], prev.idx, end, "name", "product", whole)


def vocabulary_candidates(doc: Doc, vocab: Vocabulary, max_tokens: int = 8) -> Iterator[Candidate]:
    """Every token n-gram that is a form of a known term (spelling variants folded)."""
    if not len(vocab):
        return
    toks = [t for t in doc if not t.is_space]
    keys = [concept_key(t.text) for t in toks]
    text = doc.text
    n = len(toks)
    for i in range(n):
        tok = toks[i]
        if is_acronym(tok.text):
            term = vocab.get(form_key(tok.text))
            if term is not None:
                yield Candidate(tok.text, tok.idx, tok.idx + len(tok.text), "vocab", term.kind)
            continue
        if not keys[i]:
            continue
        key = ""
        for j in range(i, min(n, i + max_tokens)):
            if toks[j].text in (".", ",", "?", "!", ";", ":"):
                break
            key += keys[j]
            if not vocab.is_prefix(key):
                break
            term = vocab.get(key)
            if term is not None and keys[j]:
                end = toks[j].idx + len(toks[j].text)
                yield Candidate(text[tok.idx : end], tok.idx, end, "vocab", term.kind)


def defined_acronyms(text: str) -> list[tuple[str, str]]:
    """Acronyms the text defines: "reinforcement learning from human feedback (RLHF)".

    >>> defined_acronyms("We use reinforcement learning from human feedback (RLHF) here.")
    [('RLHF', 'reinforcement learning from human feedback')]
    """
    out: list[tuple[str, str]] = []
    for m in _DEFINED.finditer(text):
        words = m.group(1).split()
        acro = m.group(2)
        for k in range(1, min(len(words), 8) + 1):
            exp = " ".join(words[-k:])
            if acronym_matches(acro, exp):
                out.append((acro, exp))
                break
    for m in _STANDS.finditer(text):
        words = m.group(2).split()
        for k in range(len(words), 0, -1):
            exp = " ".join(words[:k])
            if acronym_matches(m.group(1), exp):
                out.append((m.group(1), exp))
                break
    return out


def pattern_candidates(doc: Doc) -> Iterator[Candidate]:
    """Named laws and principles ("Moore's law"), whatever the tagger made of them."""
    for m in _POSSESSIVE_LAW.finditer(doc.text):  # doc.text is built anew on each access
        yield Candidate(m.group(0), m.start(), m.end(), "pattern", "other")


def all_candidates(doc: Doc, vocab: Vocabulary) -> list[Candidate]:
    """Every candidate, in text order."""
    out: list[Candidate] = []
    out.extend(entity_candidates(doc))
    out.extend(acronym_candidates(doc))
    out.extend(phrase_candidates(doc, vocab))
    out.extend(vocabulary_candidates(doc, vocab))
    out.extend(pattern_candidates(doc))
    out.extend(model_name_candidates(doc))
    out.extend(joined_name_candidates(doc))
    out.sort(key=lambda c: (c.start, -c.end))
    return _drop_fragments([c for c in out if not junk_form(c.text, c.kind)])


_FILLER_FORM = re.compile(r"^(?:u+h*m*|u+m+|h*m+|m+-?h+m+|uh-?huh|ah+|er+m*|oh+)$", re.I)
_NUMBER_FORM = re.compile(r"^[\d.,]+\s*[kmbt]?$", re.I)


def junk_form(text: str, kind: str | None = None) -> bool:
    """A surface form that names nothing: a filler or back-channel ("Mm-hmm"), a number
    ("200k"), a single character, a form with unbalanced brackets ("f(x"), or a person or
    organisation written all in lower case (a tagging error in a cased transcript).

    >>> [junk_form(t) for t in ("Mm-hmm", "200k", "X", "f(x", "GPT-4", "H100")]
    [True, True, True, True, False, False]
    >>> junk_form("max", "person"), junk_form("Max", "person")
    (True, False)
    """
    t = text.strip()
    core = re.sub(r"[^\w]", "", t)
    if len(core) <= 1 or _FILLER_FORM.match(t) or _NUMBER_FORM.match(t):
        return True
    if t.count("(") != t.count(")") or t.count("[") != t.count("]"):
        return True
    return kind in ("person", "organization") and t.islower()


def _drop_fragments(cands: list[Candidate]) -> list[Candidate]:
    """Drop acronyms, names and known terms inside a longer known term or entity
    ("GPT" in "GPT-4", "human feedback" in "reinforcement learning from human feedback")."""
    strong = sorted(
        (c.start, c.end) for c in cands if c.source in ("vocab", "ent", "pattern", "model") or c.key_text
    )
    # A phrase inside a known term is a fragment of it ("loop" in "humans in the loop").
    out = []
    j = 0
    open_spans: list[tuple[int, int]] = []
    for c in cands:  # sorted by start
        while j < len(strong) and strong[j][0] <= c.start:
            open_spans.append(strong[j])
            j += 1
        open_spans = [s for s in open_spans if s[1] > c.start]
        if c.source in ("acronym", "ent", "vocab", "name", "phrase", "described") and any(
            a <= c.start and c.end <= b and (b - a) > (c.end - c.start) for a, b in open_spans
        ):
            continue
        out.append(c)
    return out


def span_key(span: Span) -> str:
    """Vocabulary key of a span's text (for callers holding spans)."""
    return form_key(span.text)
