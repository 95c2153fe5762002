"""A show's labelled episodes, each stripped and added to a store that holds the others.

A user who keeps a show in the store adds a new, unlabelled episode with ``podgraph
ingest --show``; the store then gives the show's recorded host and the known voices of
its labelled episodes. For each labelled file given, this ingests the other files into a
fresh embedded store with ``--show`` (in the order given), strips the file as
``eval.strip_labels`` does, writes it as a Whisper file (which carries no metadata),
ingests it the same way and scores the speakers stored for its words against the labels
removed. Run ``python -m eval.show_store --show NAME EP1.md EP2.md …``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import statistics
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from api.ingest import ingest_files
from eval.speakers import Scores, score
from eval.strip_labels import as_labelled, gold_chars, one_label_per_person, strip
from extract.align import join_lines
from extract.parsers import parse_file
from extract.transcript import Transcript
from graph.embedded import EmbeddedStore
from graph.ids import episode_id
from graph.settings import Settings


def whisper_text(transcript: Transcript) -> str:
    """The transcript's lines in Whisper's ``[HH:MM:SS.mmm --> HH:MM:SS.mmm]  text`` form.

    >>> from extract.transcript import Line
    >>> whisper_text(Transcript("x", "whisper", (Line(1, 61.5, 3725.0, "Hi there."),)))
    '[00:01:01.500 --> 01:02:05.000]  Hi there.\\n'
    """

    def stamp(seconds: float) -> str:
        ms = round(seconds * 1000)
        return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"

    return "".join(f"[{stamp(ln.start or 0.0)} --> {stamp(ln.end or 0.0)}]  {ln.text}\n" for ln in transcript.lines)


async def _stored_labels(store_path: Path, episode: str, size: int) -> list[str | None]:
    """The speaker name stored for every character of the stored ``episode``'s text."""
    store = EmbeddedStore(store_path)
    await store.open()
    try:
        segments = await store.segments(episode, limit=1_000_000)
        people = {p.id: p.name for p in await store.people(sorted({s.speaker_id for s in segments}))}
    finally:
        await store.close()
    out: list[str | None] = [None] * size
    for s in segments:
        out[s.char_start : s.char_end] = [people[s.speaker_id]] * (s.char_end - s.char_start)
    return out


def diarised(transcript: Transcript) -> tuple[str, list[str]]:
    """The labelled transcript as ``Speaker 1: …`` turns (stand-in labels in order of first
    appearance, one per person), and each word's real label.

    >>> from extract.transcript import Line
    >>> lines = (Line(1, None, None, "Hi Bo.", "Ann"), Line(2, None, None, "Hi.", "Bo"), Line(3, None, None, "So.", "Ann"))
    >>> diarised(Transcript("x", "labelled", lines))
    ('Speaker 1: Hi Bo.\\n\\nSpeaker 2: Hi.\\n\\nSpeaker 1: So.\\n', ['Ann', 'Ann', 'Bo', 'Ann'])
    """
    spoken: list[tuple[str, str]] = []
    current = None
    for line in transcript.lines:
        current = line.speaker or current
        if current is not None:  # words before the first label are show notes
            spoken.append((current, " ".join(line.text.split())))
    people = one_label_per_person([who for who, _ in spoken])
    stand_in: dict[str, str] = {}
    turns = [f"{stand_in.setdefault(who, f'Speaker {len(stand_in) + 1}')}: {text}" for who, (_, text) in zip(people, spoken, strict=True)]
    labels = [who for who, (_, text) in zip(people, spoken, strict=True) for _ in text.split()]
    return "\n\n".join(turns) + "\n", labels


def _ingest(files: Sequence[Path], show: str, settings: Settings) -> None:
    """``podgraph ingest --show SHOW FILES`` into the store ``settings`` name, quietly."""
    args = argparse.Namespace(files=list(files), title=None, show=show, date=None, speakers=None, format=None, new_only=False)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        asyncio.run(ingest_files(settings, args))


def scored(
    target: Path, others: Sequence[Path], show: str, settings: Settings, seed: int = 0, diarise: bool = False
) -> tuple[Scores, dict[str, float]]:
    """Score ``target`` stripped (or with ``diarise``, its labels replaced by ``Speaker 1``,
    ``Speaker 2``, …) and ingested with ``--show`` into a store of ``others`` (ingested
    with ``--show`` before it, in the order given); also each stored speaker's share of the
    episode's text, largest first."""
    source = parse_file(target)
    if diarise:
        body, labels = diarised(source)
    else:
        stripped, labels = strip(source, seed, bare=True)
        body = whisper_text(stripped)
    labels = one_label_per_person(labels)
    with tempfile.TemporaryDirectory() as tmp:
        store_path = Path(tmp) / "show.podgraph"
        in_store = settings.with_overrides(backend="embedded", store_path=store_path)
        _ingest(others, show, in_store)
        written = Path(tmp) / f"{target.stem}.txt"
        written.write_text(body, encoding="utf-8")
        _ingest([written], show, in_store)
        episode = parse_file(written)
        text = join_lines(episode).text
        pred = asyncio.run(_stored_labels(store_path, episode_id(episode.sha256), len(text)))
    said = Counter(name for name in pred if name)
    total = max(1, sum(said.values()))
    shares = {name: n / total for name, n in said.most_common()}
    return score(text, gold_chars(text, labels), as_labelled(pred, labels)), shares


def main(argv: list[str] | None = None) -> int:
    """Score each file with the show's other files in the store; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="labelled episodes of one show")
    parser.add_argument("--show", required=True, help="the show's name, as given to podgraph ingest --show")
    parser.add_argument("--seed", type=int, default=0, help="chunking seed (default: 0)")
    parser.add_argument(
        "--diarised", action="store_true", help="replace each file's labels by Speaker 1, Speaker 2, … instead of stripping them"
    )
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    accuracies: list[float] = []
    for target in args.files:
        others = [p for p in args.files if p != target]
        sc, shares = scored(target, others, args.show, settings, args.seed, args.diarised)
        form = "labels replaced by Speaker 1, 2, …" if args.diarised else "stripped"
        print(
            f"{target.name} ({form}, the show's {len(others)} other episodes in the store): words {sc.words}"
            f"  word accuracy {sc.accuracy:.4f}  (best speaker mapping {sc.mapped_accuracy:.4f})",
            flush=True,
        )
        print("  stored speakers: " + ", ".join(f"{name} {share:.0%}" for name, share in shares.items()), flush=True)
        accuracies.append(sc.accuracy)
    if len(accuracies) > 1:
        print(f"{len(accuracies)} files: mean word accuracy {statistics.mean(accuracies):.3f}, lowest {min(accuracies):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
