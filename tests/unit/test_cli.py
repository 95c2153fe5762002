"""The command line: extract, ingest (idempotent, replacing), delete, stats, clear errors."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from api.cli import main
from extract.document import validate
from graph.embedded import EmbeddedStore
from graph.model import StoreStats
from tests.conftest import FIXTURES, SAMPLE


def _stats(store: Path) -> StoreStats:
    return asyncio.run(EmbeddedStore(store).stats())


def test_extract_writes_a_valid_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.json"
    code = main(["extract", str(SAMPLE), "--title", "Demo", "--show", "Demo Show", "--date", "2024-05-01",
                 "--speakers", "Maya Okafor,Tomas Lindqvist", "-o", str(out)])
    assert code == 0
    data = json.loads(out.read_text())
    validate(data)
    assert data["episode"]["title"] == "Demo"
    assert data["episode"]["published"] == "2024-05-01"
    assert [s["name"] for s in data["speakers"]] == ["Maya Okafor", "Tomas Lindqvist"]
    assert "claims" in capsys.readouterr().err


def test_malformed_file_is_one_clear_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "g.podgraph"
    bad = FIXTURES / "transcripts" / "whisper_backwards.txt"
    assert main(["ingest", "--store", str(store), str(SAMPLE), str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("podgraph: error: ") and "whisper_backwards.txt:" in err[0]
    assert not store.exists()  # nothing was written: every file is parsed first


def test_bad_date_is_rejected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SAMPLE), "--date", "May 2024"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_ingest_twice_changes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "g.podgraph"
    assert main(["ingest", "--store", str(store), str(SAMPLE)]) == 0
    first, raw = _stats(store), store.read_bytes()
    assert first.nodes["Episode"] == 1 and first.nodes["Claim"] > 0
    assert main(["ingest", "--store", str(store), str(SAMPLE)]) == 0
    assert _stats(store) == first
    after, before = json.loads(store.read_bytes()), json.loads(raw)
    key = json.dumps
    assert sorted(map(key, after["nodes"])) == sorted(map(key, before["nodes"]))
    assert sorted(map(key, after["edges"])) == sorted(map(key, before["edges"]))


def test_new_only_skips_stored_content_without_extracting_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "g.podgraph"
    copy = tmp_path / "episode.txt"
    copy.write_text(SAMPLE.read_text())
    assert main(["ingest", "--store", str(store), str(SAMPLE)]) == 0
    raw = store.read_bytes()
    import api.ingest

    def no_extraction(*args: object, **kwargs: object) -> None:
        raise AssertionError("a stored file was extracted again")

    monkeypatch.setattr(api.ingest, "extract", no_extraction)
    capsys.readouterr()
    # The same bytes under another name are the same episode: skipped, the store untouched.
    assert main(["ingest", "--new-only", "--store", str(store), str(SAMPLE), str(copy)]) == 0
    out = capsys.readouterr().out
    assert out.count("already stored, skipped") == 2 and str(copy) in out
    assert store.read_bytes() == raw
    # Changed content is new: it is extracted (here refused by the stub, so the run fails).
    copy.write_text(SAMPLE.read_text() + "\n[99:00:00.000 --> 99:00:02.000]  One more line.\n")
    with pytest.raises(AssertionError, match="extracted again"):
        main(["ingest", "--new-only", "--store", str(store), str(copy)])


def test_changed_file_replaces_its_episode_without_orphans(tmp_path: Path) -> None:
    store = tmp_path / "g.podgraph"
    copy = tmp_path / "episode.txt"
    copy.write_text(SAMPLE.read_text())
    assert main(["ingest", "--store", str(store), str(copy)]) == 0
    lines = SAMPLE.read_text().splitlines()
    copy.write_text("\n".join(lines[: len(lines) // 2]) + "\n")  # the file shrinks to its first half
    assert main(["ingest", "--store", str(store), str(copy)]) == 0
    half = _stats(store)
    fresh = tmp_path / "fresh.podgraph"
    assert main(["ingest", "--store", str(fresh), str(copy)]) == 0
    assert half == _stats(fresh)  # exactly what ingesting only the new file gives
    assert half.nodes["Episode"] == 1


def test_delete_and_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "g.podgraph"
    assert main(["ingest", "--store", str(store), str(SAMPLE)]) == 0
    ep = asyncio.run(EmbeddedStore(store).episodes())[0]
    capsys.readouterr()
    assert main(["stats", "--store", str(store)]) == 0
    assert "Claim" in capsys.readouterr().out
    assert main(["delete", "--store", str(store), ep.id]) == 0
    assert _stats(store).nodes == {}
    assert main(["delete", "--store", str(store), ep.id]) == 1


def test_the_host_of_a_show_is_reused_for_its_unlabelled_episodes(tmp_path: Path) -> None:
    store = tmp_path / "g.podgraph"
    labelled = tmp_path / "earlier.md"
    labelled.write_text(
        "Maya Okafor: Welcome to the show. Today my guest is Ravi Menon. Ravi, what are you building?\n\n"
        "Ravi Menon: Thanks for having me. We build tools that check model outputs against sources.\n\n"
        "Maya Okafor: How do you decide what counts as a source?\n\n"
        "Ravi Menon: We keep a list of trusted documents, and every claim has to point at one of them.\n"
    )
    assert main(["ingest", "--store", str(store), "--show", "The Gradient Hour", str(labelled)]) == 0
    # The sample never says the host's name: it must come from the earlier episode of the show.
    assert main(["ingest", "--store", str(store), "--show", "The Gradient Hour", str(SAMPLE)]) == 0
    people = asyncio.run(EmbeddedStore(store).people())
    maya = next(p for p in people if p.name == "Maya Okafor")
    roles = sorted(a.role for a in asyncio.run(EmbeddedStore(store).appearances(person_id=maya.id)))
    assert roles == ["host", "host"]
    assert "Host" not in {p.name for p in people}


def test_the_store_keeps_every_host_of_a_show_most_often_first(tmp_path: Path) -> None:
    from queries.hosts import known_hosts

    store = tmp_path / "g.podgraph"
    files = []
    for n, (host, guest) in enumerate([("Maya Okafor", "Ravi Menon"), ("Lena Ortiz", "Sam Hale"), ("Maya Okafor", "Ivo Kral")]):
        f = tmp_path / f"ep{n}.md"
        f.write_text(
            f"{host}: Welcome to the show. What are you building?\n\n"
            f"{guest}: Tools that check model outputs against their sources.\n\n"
            f"{host}: How do you decide what counts as a source?\n\n"
            f"{guest}: We keep a list of trusted documents.\n"
        )
        files.append(str(f))
    assert main(["ingest", "--store", str(store), "--show", "The Gradient Hour", *files]) == 0
    assert asyncio.run(known_hosts(EmbeddedStore(store))) == {"The Gradient Hour": ("Maya Okafor", "Lena Ortiz")}


def test_a_shows_labelled_episodes_give_its_speakers_voices(tmp_path: Path) -> None:
    from queries.voices import known_voices

    store = tmp_path / "g.podgraph"
    labelled = tmp_path / "labelled.md"
    labelled.write_text(
        "**Ada Finch:** Honestly, the pumps in our valley still run on diesel.\n\n"
        "**Rob Lister:** Basically, the farmers want water they can count on.\n\n"
        "**Ada Finch:** Honestly, the solar pumps surprised me this year.\n\n"
        "**Rob Lister:** Basically, a battery keeps the pump going after sunset.\n\n"
        * 4  # enough words on record for a voice (MIN_WORDS)
    )
    other_show = tmp_path / "other.md"
    other_show.write_text(labelled.read_text().replace("Ada Finch", "Cy Park"))
    unlabelled = tmp_path / "later.txt"
    unlabelled.write_text(
        "[00:00:00.000 --> 00:00:04.000]   Honestly, the wells ran dry in August.\n"
        "[00:00:04.000 --> 00:00:08.000]   Basically, we need deeper boreholes.\n"
    )
    assert main(["ingest", "--store", str(store), "--show", "Dry Valley", str(labelled), str(unlabelled)]) == 0
    assert main(["ingest", "--store", str(store), "--show", "Elsewhere", str(other_show)]) == 0
    voices = asyncio.run(known_voices(EmbeddedStore(store), "dry valley"))
    # Only the labelled episode of the show counts: its two speakers and their own words.
    assert sorted(voices) == ["Ada Finch", "Rob Lister"]
    assert voices["Ada Finch"]["honestly"] == 8 and voices["Ada Finch"]["basically"] == 0
    assert voices["Rob Lister"]["basically"] == 8 and "wells" not in voices["Rob Lister"]
    assert asyncio.run(known_voices(EmbeddedStore(store), None)) == {}


def test_a_shows_known_voices_name_the_stand_in_labels_of_its_diarised_episode(tmp_path: Path) -> None:
    store = tmp_path / "g.podgraph"
    labelled = tmp_path / "labelled.md"
    labelled.write_text(
        "**Ada Finch:** Honestly, the pumps in our valley still run on diesel.\n\n"
        "**Rob Lister:** Basically, the farmers want water they can count on.\n\n" * 8
    )
    diarised = tmp_path / "diarised.txt"
    diarised.write_text(
        "Speaker 1: Basically, the farmers want a battery they can count on.\n\n"
        "Speaker 2: Honestly, Rob, the pumps in our valley surprised me.\n\n" * 3
    )
    assert main(["ingest", "--store", str(store), "--show", "Dry Valley", str(labelled)]) == 0
    assert main(["ingest", "--store", str(store), "--show", "Dry Valley", str(diarised)]) == 0

    async def names() -> dict[str, str]:
        s = EmbeddedStore(store)
        episode = next(e for e in await s.episodes(show="Dry Valley") if "diarised" in e.title)
        segments = await s.segments(episode.id)
        people = {p.id: p.name for p in await s.people(sorted({x.speaker_id for x in segments}))}
        return {x.text.split(",")[0]: people[x.speaker_id] for x in segments}

    # Each stand-in label is the speaker whose words on record it shares.
    assert asyncio.run(names()) == {"Basically": "Rob Lister", "Honestly": "Ada Finch"}


def test_diarised_captions_and_speech_api_json_ingest_with_names(tmp_path: Path) -> None:
    cues = [
        "Welcome to the show. Today I'm speaking with Ravi Menon, who builds checkers.",
        "Thanks for having me.",
        "Ravi, what do your tools check?",
        "Whether each claim in a model's answer points at a trusted source.",
        "How do you pick the sources?",
        "We keep a short list and review it every month.",
        "Does the list ever shrink?",
        "Often. Sources go stale faster than people expect.",
    ]
    srt = tmp_path / "diarised.srt"
    srt.write_text(
        "".join(
            f"{i + 1}\n00:00:{2 * i:02d},000 --> 00:00:{2 * i + 2:02d},000\n[SPEAKER_0{i % 2}]: {c}\n\n"
            for i, c in enumerate(cues)
        )
    )
    api = tmp_path / "api.json"
    utterances = [
        {"speaker": "AB"[i % 2], "start": 2000 * i, "end": 2000 * i + 1900, "text": c} for i, c in enumerate(cues)
    ]
    api.write_text(json.dumps({"utterances": utterances}))
    for path in (srt, api):
        store = tmp_path / f"{path.stem}.podgraph"
        assert main(["ingest", "--store", str(store), "--speakers", "Maya Okafor", str(path)]) == 0
        assert {p.name for p in asyncio.run(EmbeddedStore(store).people())} == {"Maya Okafor", "Ravi Menon"}


def test_captions_without_punctuation_or_capitals_are_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cues = ["WEBVTT", ""]
    phrases = ["so how do you test the blades", "we put them in a flume tank first", "and then out in the bay"] * 10
    for i, phrase in enumerate(phrases):
        cues += [f"00:{i // 60:02d}:{i % 60:02d}.000 --> 00:{i // 60:02d}:{i % 60:02d}.900", phrase, ""]
    captions = tmp_path / "captions.vtt"
    captions.write_text("\n".join(cues))
    assert main(["extract", str(captions), "-o", str(tmp_path / "c.json")]) == 0
    err = capsys.readouterr().err
    assert "podgraph: warning: " in err and "0 sentence marks in 210 words" in err and "no capital letters" in err
    assert main(["ingest", "--store", str(tmp_path / "g.podgraph"), str(captions)]) == 0
    assert "0 sentence marks" in capsys.readouterr().err
    assert main(["extract", str(SAMPLE), "-o", str(tmp_path / "s.json")]) == 0
    assert "warning" not in capsys.readouterr().err  # the shipped sample is punctuated


def test_a_file_decoded_into_other_scripts_is_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Bytes behind a UTF-16 byte order mark that were never UTF-16 text decode to other scripts.
    odd = tmp_path / "odd.txt"
    odd.write_bytes(b"\xff\xfe" + b"Ann: the tide is high.")
    assert main(["extract", str(odd), "-o", str(tmp_path / "o.json")]) == 0
    assert "odd.txt: few English letters" in capsys.readouterr().err
