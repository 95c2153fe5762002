"""``podgraph ingest``: parse every file first, then extract and upsert one by one.

Parsing everything before writing means a malformed file stops the run with
the store untouched; each episode is then written atomically on its own. With
``--new-only`` a file whose exact bytes are already stored is not extracted again.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from api.progress import Progress
from extract.build import build_fragment
from extract.document import Extraction, from_json
from extract.hints import make_hints, with_metadata
from extract.input_warnings import transcript_warnings
from extract.parsers import parse_file
from extract.pipeline import extract
from extract.transcript import Transcript
from graph.backend import make_store
from graph.ids import VOICE_LABEL, episode_id
from graph.settings import Settings
from queries.hosts import known_hosts
from queries.links import refresh_links
from queries.resolve import resolve_people
from queries.voices import known_voices


def _sha256(item: Transcript | Extraction) -> str:
    """The sha256 of the transcript's bytes, which the episode's id is made from."""
    return item.sha256 if isinstance(item, Transcript) else item.episode.sha256


def _maybe_extraction(path: Path) -> Extraction | None:
    """An extraction document written by ``podgraph extract``, or None for a transcript."""
    if path.suffix.lower() != ".json":
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return None
    if isinstance(data, dict) and "utterances" in data and "version" in data:
        return from_json(data, str(path))
    return None


async def ingest_files(settings: Settings, args: argparse.Namespace) -> int:
    """Ingest ``args.files`` into the configured store; print one line per episode."""
    inputs: list[tuple[Path, Transcript | Extraction]] = []
    for path in args.files:
        ready = _maybe_extraction(path)
        if ready is not None:
            inputs.append((path, ready))
        else:
            parsed = parse_file(path, args.format)
            inputs.append((path, with_metadata(parsed, args.title, args.show, args.date)))
    store = make_store(settings)
    await store.open()
    try:
        written = 0
        for path, item in inputs:
            if getattr(args, "new_only", False):
                stored = await store.episode(episode_id(_sha256(item)))
                if stored is not None:
                    print(f"{path}: episode {stored.id} already stored, skipped", flush=True)
                    continue
            progress = Progress(str(path))
            if isinstance(item, Transcript):
                for warning in transcript_warnings(item):
                    progress.warn(warning)
                hosts = await known_hosts(store)
                # A file labelled with names keeps them: it needs no voices. Stand-in labels
                # ("SPEAKER_00") are named, and the show's known voices tell them apart.
                stand_in = any(ln.speaker and VOICE_LABEL.match(ln.speaker) for ln in item.lines)
                named = item.labelled and not stand_in
                voices = await known_voices(store, item.meta.get("show")) if not named else {}
                hints = make_hints(item, args.speakers, hosts, voices)
                doc = extract(item, hints, settings.spacy_model, progress)
            else:
                doc = item
            fragment = await resolve_people(store, build_fragment(doc))
            await store.upsert(fragment)
            written += 1
            progress.done(
                f"{path}: episode {fragment.episode.id} ({len(fragment.segments)} segments, "
                f"{len(fragment.concepts)} concepts, {len(fragment.claims)} claims)"
            )
        if written:
            await refresh_links(store)
    finally:
        await store.close()
    return 0
