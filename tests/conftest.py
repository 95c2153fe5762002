"""Shared fixtures: paths, the shipped sample's extraction, the corpus when present."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from extract.document import Extraction
from extract.hints import make_hints
from extract.parsers import parse_file
from extract.pipeline import extract
from graph.settings import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "interview.txt"
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
GOLD = ROOT.parent / "shared" / "gold"
MAIN_SAMPLE = CORPUS / "000_a41d352b52a97b09.txt"


@pytest.fixture(scope="session")
def model() -> spacy.language.Language:
    """The English model, loaded once, for tests that need its tags (concepts, caseless names).

    Its own copy, not ``extract.nlp.load_nlp``'s cached one, to which the pipeline appends
    podgraph's components."""
    return spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])


@pytest.fixture(scope="session")
def sample_extraction() -> Extraction:
    """The shipped sample, extracted once per test session."""
    t = parse_file(SAMPLE)
    return extract(t, make_hints(t, "Maya Okafor"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """``../shared/corpus``; tests that need it skip when it is missing."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here (it is only in CI and development checkouts)")
    return CORPUS
