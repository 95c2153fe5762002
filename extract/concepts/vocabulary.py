"""The concept vocabulary: known terms with kinds and aliases, shipped and user-extended.

The shipped file ``extract/data/vocabulary/general.tsv`` holds general AI/ML and
general-interest terms; users add their own files in the same format with
``PODGRAPH_VOCABULARY`` (paths separated by ``os.pathsep``). ``generic.txt`` lists
general-English words too vague to be a concept alone.

>>> v = Vocabulary.from_lines(["reinforcement learning\\ttechnique\\tRL"])
>>> v.lookup("RL").name, v.lookup("Reinforcement-Learning").kind
('reinforcement learning', 'technique')
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from extract.concepts.normalise import concept_key, is_acronym

DATA = Path(__file__).resolve().parent.parent / "data" / "vocabulary"
SHIPPED = DATA / "general.tsv"
GENERIC = DATA / "generic.txt"
ENV = "PODGRAPH_VOCABULARY"
KINDS = frozenset({"person", "organization", "product", "technique", "topic", "other"})


@dataclass(frozen=True)
class Term:
    """A known concept: canonical name, kind and aliases."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Vocabulary:
    """Known terms indexed by the key of every form (acronyms by their exact case)."""

    terms: tuple[Term, ...] = ()
    _by_key: dict[str, Term] = field(default_factory=dict, compare=False, repr=False)
    _prefixes: set[str] = field(default_factory=set, compare=False, repr=False)

    def __post_init__(self) -> None:
        for term in self.terms:
            for form in term.forms:
                key = form_key(form)
                if key:
                    self._by_key.setdefault(key, term)
                    self._prefixes.update(key[:i] for i in range(1, len(key) + 1))

    @classmethod
    def empty(cls) -> Vocabulary:
        """A vocabulary knowing no term."""
        return cls(())

    @classmethod
    def from_lines(cls, lines: Iterable[str], source: str = "<lines>") -> Vocabulary:
        """Parse ``name<TAB>kind<TAB>alias|alias`` lines (``#`` comments, blank lines skipped)."""
        terms: list[Term] = []
        for n, raw in enumerate(lines, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = line.split("\t")
            name = parts[0].strip()
            kind = parts[1].strip() if len(parts) > 1 and parts[1].strip() else "topic"
            if kind not in KINDS:
                raise ValueError(f"{source}:{n}: unknown kind {kind!r}")
            aliases = tuple(a.strip() for a in (parts[2] if len(parts) > 2 else "").split("|") if a.strip())
            terms.append(Term(name, kind, aliases))
        return cls(tuple(terms))

    @classmethod
    def load(cls, paths: Sequence[Path]) -> Vocabulary:
        """Read and merge vocabulary files (earlier files win on a shared form)."""
        terms: list[Term] = []
        for p in paths:
            with p.open(encoding="utf-8") as fh:
                terms.extend(cls.from_lines(fh, str(p)).terms)
        return cls(tuple(terms))

    def lookup(self, text: str) -> Term | None:
        """The term one of whose forms ``text`` is (variants folded), if any."""
        return self._by_key.get(form_key(text))

    def get(self, key: str) -> Term | None:
        """The term with this exact key (``form_key`` of one of its forms)."""
        return self._by_key.get(key)

    def is_prefix(self, key: str) -> bool:
        """Does some form key start with ``key``?"""
        return key in self._prefixes

    def keys(self) -> list[str]:
        """Every form key (for fuzzy matching)."""
        return list(self._by_key)

    def __len__(self) -> int:
        return len(self.terms)


def form_key(text: str) -> str:
    """Lookup key of a form: acronyms keep their case (``"US"`` is not ``"us"``)."""
    t = text.strip()
    if is_acronym(t):
        return "#" + (t[:-1] if t.endswith("s") and t[:-1].isupper() else t)
    return concept_key(t)


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """General-English words too vague to be a concept alone (from ``generic.txt``)."""
    words: set[str] = set()
    for line in GENERIC.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(w.lower() for w in line.split())
    return frozenset(words)


@lru_cache(maxsize=4)
def _cached(paths: tuple[str, ...]) -> Vocabulary:
    return Vocabulary.load([Path(p) for p in paths])


def default_vocabulary() -> Vocabulary:
    """The shipped vocabulary plus the files named in ``PODGRAPH_VOCABULARY`` (read once)."""
    extra = tuple(p for p in os.environ.get(ENV, "").split(os.pathsep) if p.strip())
    return _cached((str(SHIPPED), *extra))
