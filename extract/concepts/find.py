"""Concept finder: candidates grouped into one canonical concept per idea, ranked by salience.

Steps: collect candidates (noun phrases, entities, acronyms, vocabulary terms); group
them by a key that folds spelling variants, vocabulary aliases and acronyms defined
in the text or spelled out elsewhere in the episode; fold ASR-mangled rare forms into
a known term or a frequent name (``extract.concepts.fuzzy``); rank the groups by
salience (``extract.concepts.salience``) and keep the salient ones.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from extract.concepts import ConceptFound
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

    def add(self, c: Candidate) -> None:
        """Count one candidate into the group."""
        self.forms[c.text] += 1
        self.spans.add((c.start, c.end))
        self.sources[c.source] += 1
        if c.kind:
            self.kinds[c.kind] += 1

    def merge(self, other: Group) -> None:
        """Absorb another group."""
        self.forms.update(other.forms)
        self.spans |= other.spans
        self.sources.update(other.sources)
        self.kinds.update(other.kinds)
        self.term = self.term or other.term


def _key(c: Candidate, vocab: Vocabulary) -> tuple[str, Term | None]:
    term = vocab.lookup(c.text)
    if term is not None:
        return "v:" + term.name, term
    if is_acronym(c.text):
        return form_key(c.text), None
    return concept_key(c.text), None


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
    best = sorted(g.forms.items(), key=lambda kv: (-kv[1], -sum(ch.isupper() for ch in kv[0]), kv[0]))
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
                if pk in groups and any(acronym_matches(acro, n) for n in names):
                    target = pk
                    break
        if target and target in groups and target != k:
            groups[target].merge(groups.pop(k))
    return groups


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
    _mark_known_words(groups, vocab)
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


def _merge_short_names(groups: dict[str, Group]) -> None:
    """Fold a name's last word, said alone, into the name ("the spec" → "Model Spec").

    Only for a multi-word capitalised name (an entity or a mixed-case name) whose last
    word is capitalised and not a generic word, and a single-word group with no other
    evidence (no vocabulary term, no entity kind of its own).
    """
    generic = generic_words()
    last: dict[str, list[str]] = defaultdict(list)
    for k, g in groups.items():
        if g.term is not None or not g.kinds:
            continue
        name = g.forms.most_common(1)[0][0]
        words = name.split()
        if len(words) >= 2 and all(w[:1].isupper() for w in words) and words[-1].lower() not in generic:
            last[concept_key(words[-1])].append(k)
    for k in list(groups):
        g = groups[k]
        if k in last and len(last[k]) == 1 and g.term is None and not g.kinds and last[k][0] in groups:
            groups[last[k][0]].merge(groups.pop(k))


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
