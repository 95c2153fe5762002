"""The whole extraction on the shipped sample: complete, verbatim, time-exact, valid."""

from __future__ import annotations

import itertools

from extract.document import Extraction, from_json, validate
from extract.parsers import parse_file
from tests.conftest import SAMPLE
from tests.provenance import misplaced_quotes, uncovered_words


def test_document_is_valid_against_the_schema(sample_extraction: Extraction) -> None:
    data = sample_extraction.to_json()
    validate(data)
    assert from_json(data) == sample_extraction


def test_utterances_cover_every_word_in_order(sample_extraction: Extraction) -> None:
    assert uncovered_words(parse_file(SAMPLE), sample_extraction) == []


def test_utterances_are_ordered_and_timed(sample_extraction: Extraction) -> None:
    us = sample_extraction.utterances
    assert len(us) > 4
    assert all(a.char_end <= b.char_start for a, b in itertools.pairwise(us))
    assert all(a.start <= b.start for a, b in itertools.pairwise(us))
    assert all(u.start <= u.end for u in us)


def test_claim_quotes_are_verbatim_inside_their_window(sample_extraction: Extraction) -> None:
    assert sample_extraction.claims
    assert misplaced_quotes(parse_file(SAMPLE), sample_extraction) == []


def test_claims_and_concepts_are_found(sample_extraction: Extraction) -> None:
    names = {c.name.lower() for c in sample_extraction.concepts} | {
        a.lower() for c in sample_extraction.concepts for a in c.aliases
    }
    assert "rlhf" in names
    assert any("RLHF" in c.quote for c in sample_extraction.claims)
    assert all(c.type in {"prediction", "opinion", "explanation", "fact", "recommendation"}
               for c in sample_extraction.claims)


def test_metadata_comes_from_the_file_and_the_hints(sample_extraction: Extraction) -> None:
    ep = sample_extraction.episode
    assert ep.format == "whisper"
    assert ep.duration_s > 180
    assert ep.sha256 and len(ep.sha256) == 64
    assert sample_extraction.speakers[0].name == "Maya Okafor"
