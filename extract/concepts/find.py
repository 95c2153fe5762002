"""Concept finder: candidates grouped into one canonical concept per idea, ranked by salience.

Steps: collect candidates (noun phrases, entities, acronyms, vocabulary terms); group
them by a key that folds spelling variants, vocabulary aliases and acronyms defined
in the text or spelled out elsewhere in the episode; fold ASR-mangled rare forms into
a known term or a frequent name (``extract.concepts.fuzzy``); rank the groups by
salience (``extract.concepts.salience``) and keep the salient ones.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from extract.concepts import ConceptFound
from extract.concepts.background import specificity
from extract.concepts.candidates import Candidate, all_candidates, defined_acronyms
from extract.concepts.fuzzy import fuzzy_target
from extract.concepts.normalise import acronym_matches, concept_key, is_acronym, words_key
from extract.concepts.salience import keep_count, salience
from extract.concepts.vocabulary import Term, Vocabulary, default_vocabulary, form_key, generic_words
from extract.state import DocState

_TECH_HEADS = frozenset(
    {
        "learn",
        "train",
        "model",
        "algorithm",
        "method",
        "network",
        "optimization",
        "tun",
        "prompt",
        "distillation",
        "search",
        "architectur",
        "techniqu",
        "regim",
        "objectiv",
        "loss",
        "function",
    }
)


@dataclass
class Group:
    """Candidates believed to name one concept."""

    key: str
    term: Term | None = None
    forms: Counter[str] = field(default_factory=Counter)
    spans: set[tuple[int, int]] = field(default_factory=set)
    sources: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    verb_forms: set[str] = field(default_factory=set)
    full_name: str | None = None  # a person's full name, once a part of it said alone is folded in

    def add(self, c: Candidate) -> None:
        """Count one candidate into the group."""
        self.forms[c.text] += 1
        if c.source == "verb":
            self.verb_forms.add(c.text)
        self.spans.add((c.start, c.end))
        self.sources[c.source] += 1
        if c.kind:
            self.kinds[c.kind] += 1

    def merge(self, other: Group, keep_kind: bool = False) -> None:
        """Absorb another group; with ``keep_kind`` its entity kinds are not counted (a
        part of a person's name, said alone, is often tagged as something else)."""
        self.forms.update(other.forms)
        self.spans |= other.spans
        self.sources.update(other.sources)
        if not keep_kind:
            self.kinds.update(other.kinds)
        self.verb_forms |= other.verb_forms
        self.term = self.term or other.term


def _key(c: Candidate, vocab: Vocabulary) -> tuple[str, Term | None]:
    text = c.keyed
    term = vocab.lookup(text)
    if term is not None:
        return "v:" + term.name, term
    if is_acronym(text):
        return form_key(text), None
    return concept_key(text), None


def _kind(g: Group) -> str:
    if g.term is not None:
        return g.term.kind
    if g.kinds:
        return g.kinds.most_common(1)[0][0]
    name = g.forms.most_common(1)[0][0]
    if is_acronym(name):
        return "technique"
    head = words_key(name).split()[-1] if words_key(name) else ""
    return "technique" if head in _TECH_HEADS else "topic"


def _name(g: Group) -> str:
    if g.term is not None:
        return g.term.name
    if g.full_name is not None:
        return g.full_name  # a person is named in full, however often a part is said alone
    # A noun form names the concept ("coordination", not the verb "coordinate").
    forms = [(f, n) for f, n in g.forms.items() if f not in g.verb_forms] or list(g.forms.items())
    best = sorted(forms, key=lambda kv: (-kv[1], -sum(ch.isupper() for ch in kv[0]), kv[0]))
    return best[0][0]


def _aliases(g: Group, name: str) -> tuple[str, ...]:
    seen = {name.lower()}
    out: list[str] = []
    forms = [f for f, _ in g.forms.most_common()]
    if g.term is not None:
        forms += list(g.term.forms)
    for f in forms:
        if f.lower() not in seen:
            seen.add(f.lower())
            out.append(f)
    return tuple(out)


def group_candidates(cands: list[Candidate], vocab: Vocabulary, text: str) -> dict[str, Group]:
    """Group candidates by variant-folded key, then join acronyms with their expansions."""
    groups: dict[str, Group] = {}
    for c in cands:
        key, term = _key(c, vocab)
        if not key:
            continue
        g = groups.setdefault(key, Group(key, term))
        g.add(c)
    # Acronyms defined in the text, and acronyms whose expansion the episode also says.
    defined = {form_key(a): concept_key(e) for a, e in defined_acronyms(text)}
    phrase_keys: dict[str, list[str]] = defaultdict(list)
    for k, g in groups.items():
        if not k.startswith(("#", "v:")):
            name = g.forms.most_common(1)[0][0]
            if len(name.split()) >= 2 or "-" in name:
                phrase_keys[k].append(name)
    for k in [k for k in groups if k.startswith("#")]:
        target = defined.get(k)
        if target is None:
            acro = k[1:]
            for pk, names in phrase_keys.items():
                if (
                    pk in groups
                    and any(acronym_matches(acro, n) and acro not in n.split() for n in names)
                    and _spelled_out(groups[pk], groups[k])
                ):
                    target = pk
                    break
        if target and target in groups and target != k:
            groups[target].merge(groups.pop(k))
    return groups


NEAR = 1500  # characters: an expansion said this close to its acronym spells it out


def _spelled_out(phrase: Group, acronym: Group) -> bool:
    """Is the phrase a credible expansion of the acronym: said more than once, or said
    near one of the acronym's mentions? A phrase said once far away whose initials
    happen to match ("reasonable rules" for "RR") is not."""
    if len(phrase.spans) >= 2:
        return True
    return any(abs(a - b) <= NEAR for a, _ in phrase.spans for b, _ in acronym.spans)


def find_concepts(doc: Doc, state: DocState, vocabulary: Vocabulary | None = None) -> list[ConceptFound]:
    """The episode's salient concepts, best first, with aliases, kinds and mentions.

    ``vocabulary`` defaults to the shipped one plus ``PODGRAPH_VOCABULARY`` files.
    """
    vocab = default_vocabulary() if vocabulary is None else vocabulary
    ads = _ad_ranges(state)
    cands = [c for c in all_candidates(doc, vocab) if not _inside(c.start, ads)]
    text = doc.text
    groups = group_candidates(cands, vocab, text)
    names = _speaker_names(state)
    for key, target in fuzzy_target(groups, vocab, names).items():
        if target not in groups and target.startswith("v:"):
            groups[target] = Group(target, vocab.lookup(target[2:]))
        if key in groups and target in groups and key != target:
            groups[target].merge(groups.pop(key))
    _merge_short_names(groups)
    _add_verb_mentions(doc, groups, ads)
    _merge_families(groups)
    _mark_known_words(groups, vocab)
    _drop_inner_groups(groups)
    text_len = max(1, len(text))
    scored = []
    for g in groups.values():
        s = salience(g, text_len)
        if s > 0:
            scored.append((s, g))
    scored.sort(key=lambda sg: -sg[0])
    n_words = len(text.split())
    out: list[ConceptFound] = []
    used: set[str] = set()
    for s, g in scored[: keep_count(n_words, len(scored))]:
        name = _name(g)
        if name.lower() in used:
            continue
        used.add(name.lower())
        out.append(ConceptFound(name, _aliases(g, name), _kind(g), tuple(sorted(g.spans)), round(s, 3)))
    return out


VERB_SPECIFIC = 0.5  # a verb form counts only when about this rare in general English
_NOMINAL = ("ion", "ation", "ment", "ity", "ness", "ance", "ence")


def nominal_keys(word: str) -> list[str]:
    """Keys of the nouns a verb or adjective may be the verb form of: "coordinate" →
    "coordination", "aligned" → "alignment", "generalize" → "generalization",
    "verbose" → "verbosity", "scalable" → "scalability".

    >>> concept_key("coordination") in nominal_keys("coordinated")
    True
    >>> concept_key("scalability") in nominal_keys("scalable")
    True
    """
    base = concept_key(word)
    if len(base) < 4 or not base.isalpha():
        return []
    forms = [base + suf for suf in _NOMINAL]
    if base.endswith("bl"):
        forms.append(base[:-2] + "bility")
    if base.endswith("ify"):
        forms.append(base[:-1] + "ication")
    return [concept_key(f) for f in forms]


def _add_verb_mentions(doc: Doc, groups: dict[str, Group], ads: list[tuple[int, int]]) -> None:
    """Count a verb or adjective as a mention of the noun it nominalises, when the episode
    also says the noun ("we need to coordinate" → coordination, "verbose" → verbosity).
    The noun must be a single word and an existing group; the verb form is no group alone
    (one the tagger took for a noun joins the noun's group), and everyday verbs and
    adjectives (specificity below ``VERB_SPECIFIC``) do not count."""
    nouns: dict[str, str] = {}
    for k, g in groups.items():
        for f in g.forms:
            if f.isalpha() and f.islower() and len(f) >= 6:
                nouns.setdefault(concept_key(f), k)
    if not nouns:
        return
    # The tagger sometimes takes the adjective for a noun ("more verbose" as a noun chunk):
    # a one-word group that is another group's verb or adjective form joins that group.
    for k in list(groups):
        g = groups[k]
        form = g.forms.most_common(1)[0][0]
        if g.term is not None or g.kinds or not form.isalpha() or specificity(form.lower()) < VERB_SPECIFIC:
            continue
        target = next((nouns[nk] for nk in nominal_keys(form) if nk in nouns and nouns[nk] != k), None)
        if target is not None and target in groups:
            groups[target].merge(groups.pop(k))
    for tok in doc:
        if tok.pos_ not in ("VERB", "ADJ", "NOUN") or not tok.is_alpha or tok.is_stop:
            continue
        if tok.pos_ == "NOUN" and nouns.get(concept_key(tok.text)) in groups:
            continue  # a noun of its own, not a mis-tagged adjective
        if specificity(tok.lower_) < VERB_SPECIFIC:
            continue  # everyday verbs ("expect", "create") are no mention of "expectation"
        for nk in nominal_keys(tok.lower_):
            target = nouns.get(nk)
            if target is not None and target in groups and not _inside(tok.idx, ads):
                groups[target].add(Candidate(tok.text, tok.idx, tok.idx + len(tok.text), "verb"))
                break


GENERIC_HEAD = 0.5  # a head word at most this specific adds nothing to its modifier
FAMILY_HEAD = 0.7  # heads at most this specific may share a hyphenated modifier's family


def _generic_head(word: str, limit: float = GENERIC_HEAD) -> bool:
    w = word.lower()
    return w in generic_words() or (w.isalpha() and specificity(w) <= limit)


def _merge_families(groups: dict[str, Group]) -> None:
    """Fold phrases that only add a generic head to a concept ("post-training efforts",
    "RLHF systems" → post-training, RLHF), and join phrases sharing a hyphenated
    modifier over generic heads ("AI-run companies", "AI-run firms") into one concept.

    Only a known term, an acronym or a multi-word or hyphenated concept can take in
    such phrases (a plain word cannot: "language model" is not "language"); a family
    needs two phrases and three mentions together.
    """
    modifiers: dict[str, str] = {}
    for k, g in groups.items():
        forms = list(g.forms) + (list(g.term.forms) if g.term is not None else [])
        if g.term is None and not k.startswith("#"):
            forms = [f for f in forms if " " in f.strip() or "-" in f]
        for f in forms:
            modifiers.setdefault(form_key(f), k)
    into: dict[str, str] = {}
    families: dict[str, list[str]] = defaultdict(list)
    for k, g in groups.items():
        if g.term is not None or k.startswith("#") or g.kinds:
            continue
        words = g.forms.most_common(1)[0][0].split()
        if len(words) < 2 or not _generic_head(words[-1], FAMILY_HEAD):
            continue
        mod = " ".join(words[:-1])
        target = modifiers.get(form_key(mod))
        if target is not None and target != k and _generic_head(words[-1]):
            into[k] = target
        elif "-" in mod:
            families[concept_key(mod)].append(k)
    for members in families.values():
        if len(members) >= 2 and sum(len(groups[m].spans) for m in members) >= 3:
            best = max(members, key=lambda m: (len(groups[m].spans), m))
            into.update((m, best) for m in members if m != best)
    for k, target in into.items():
        while target in into:  # a target may itself be folded
            target = into[target]
        if k in groups and target in groups and k != target:
            groups[target].merge(groups.pop(k))


def _merge_short_names(groups: dict[str, Group]) -> None:
    """Fold a name's last word, said alone, into the name ("the spec" → "Model Spec"),
    and a person's first name said alone into the one person named in full with it
    ("Lukas, …" → "Lukas Egger").

    Only for a multi-word capitalised name (an entity or a mixed-case name) whose last
    word is capitalised and not a generic word, and a single-word group with no other
    evidence (no vocabulary term, no entity kind of its own, unless the name is a
    person's: a surname alone is often mis-tagged). A first name shared by two people
    named in full stays apart.
    """
    generic = generic_words()
    last: dict[str, list[str]] = defaultdict(list)
    first: dict[str, list[str]] = defaultdict(list)
    for k, g in groups.items():
        if g.term is not None or not g.kinds:
            continue
        name = g.forms.most_common(1)[0][0]
        words = name.split()
        if len(words) >= 2 and all(w[:1].isupper() for w in words) and words[-1].lower() not in generic:
            last[concept_key(words[-1])].append(k)
            if g.kinds.most_common(1)[0][0] == "person":
                first[concept_key(words[0])].append(k)
    for k in list(groups):
        g = groups[k]
        if g.term is not None:
            continue
        capitalised = g.forms.most_common(1)[0][0][:1].isupper()
        if capitalised and k not in last and len(first.get(k, ())) == 1 and first[k][0] in groups:
            _fold_into_person(groups[first[k][0]], groups.pop(k))
            continue
        if k not in last or len(last[k]) != 1 or last[k][0] not in groups:
            continue
        full = groups[last[k][0]]
        # A surname said alone is the person named in full ("Chomsky" → "Noam Chomsky"),
        # whatever entity type the tagger gave the lone word.
        if full.kinds.most_common(1)[0][0] == "person" and capitalised:
            _fold_into_person(full, groups.pop(k))
        elif not g.kinds:
            full.merge(groups.pop(k))


def _fold_into_person(full: Group, part: Group) -> None:
    """Fold a first name or surname said alone into the person named in full, who keeps
    the full name and the kind (the lone word is often tagged as something else)."""
    full.full_name = full.full_name or full.forms.most_common(1)[0][0]
    full.merge(part, keep_kind=True)


def _drop_inner_groups(groups: dict[str, Group]) -> None:
    """Drop a phrase group every mention of which sits inside a longer mention of another
    group ("center switch" always said as "data center switch"): it is that concept."""
    spans = sorted((a, b, k) for k, g in groups.items() for a, b in g.spans)
    starts = [a for a, _, _ in spans]

    def inside(a: int, b: int, key: str) -> bool:
        before = spans[max(0, bisect_right(starts, a) - 50) : bisect_right(starts, a)]
        return any(s <= a and b <= e and e - s > b - a and o != key for s, e, o in before)

    for k in [k for k, g in groups.items() if g.term is None and not k.startswith("#")]:
        if groups[k].spans and all(inside(a, b, k) for a, b in groups[k].spans):
            del groups[k]


def _mark_known_words(groups: dict[str, Group], vocab: Vocabulary) -> None:
    """Flag multi-word phrases built on a known term or an acronym ("unintentional distillation")."""
    for k, g in groups.items():
        if g.term is not None or k.startswith("#"):
            continue
        form = g.forms.most_common(1)[0][0]
        words = form.replace("-", " ").split()
        if len(words) >= 2 and any(is_acronym(w) or vocab.get(form_key(w)) is not None for w in words):
            g.sources["known_word"] += 1


def _ad_ranges(state: DocState) -> list[tuple[int, int]]:
    """Sponsor reads, from the attribution (or the file's own flags)."""
    if state.attribution is not None:
        return [(s.char_start, s.char_end) for s in state.attribution.spans if s.ad]
    return [(s.char_start, s.char_end) for s in state.sentences if s.ad]


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _speaker_names(state: DocState) -> list[str]:
    names = list(state.hints.names)
    for k in ("host", "guest"):
        v = state.hints.meta.get(k) or state.transcript.meta.get(k)
        if v:
            names.extend(x.strip() for x in v.replace(";", ",").split(","))
    if state.attribution is not None:
        names.extend(s.name for s in state.attribution.speakers)
    return [n for n in dict.fromkeys(names) if n and " " in n.strip()]
