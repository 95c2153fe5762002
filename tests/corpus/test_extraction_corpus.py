"""Every corpus file extracts completely, verbatim and time-exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.document import from_json
from extract.parsers import parse_file
from tests.corpus.conftest import OPTIONS
from tests.provenance import misplaced_quotes, uncovered_words


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(OPTIONS))
def test_corpus_file_is_complete_and_time_exact(
    name: str, corpus_dir: Path, corpus_documents: dict[str, Path]
) -> None:
    ex = from_json(json.loads(corpus_documents[name].read_text()))  # validates the schema too
    transcript = parse_file(corpus_dir / name)
    assert uncovered_words(transcript, ex) == []
    assert ex.claims and ex.concepts
    assert misplaced_quotes(transcript, ex) == []
    assert all(u.speaker for u in ex.utterances)


@pytest.mark.corpus
def test_labelled_files_keep_their_labels(corpus_dir: Path, corpus_documents: dict[str, Path]) -> None:
    for name in ("lenny_chip-huyen_ai-engineering_pretraining-posttraining.md",
                 "dwarkesh_reiner-pope_how-llms-trained-served_llm-labeled.json"):
        labels = {line.speaker for line in parse_file(corpus_dir / name).lines if line.speaker}
        ex = from_json(json.loads(corpus_documents[name].read_text()))
        assert {u.speaker for u in ex.utterances} == labels
