"""The ``podgraph`` command line: extract, ingest, delete, stats, serve."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from api.progress import Progress
from graph.errors import PodgraphError
from graph.settings import Settings


def _add_meta_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--title", help="episode title (overrides the file's)")
    p.add_argument("--show", help="show name; the host of earlier episodes of it is reused")
    p.add_argument("--date", help="publication date, YYYY-MM-DD")
    p.add_argument("--speakers", help='speaker names, host first ("Host Name,Guest Name"), or a count')
    p.add_argument("--format", help="force a transcript format instead of detecting it")


def _add_store_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", help="embedded store file (default: $PODGRAPH_STORE or ~/.local/share/...)")
    p.add_argument("--backend", choices=["embedded", "neo4j"], help="storage backend")
    p.add_argument("--neo4j-uri", help="Bolt URI of the Neo4j server")
    p.add_argument("--neo4j-user", help="Neo4j user")
    p.add_argument("--neo4j-password", help="Neo4j password")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = argparse.ArgumentParser(
        prog="podgraph",
        description="Turn transcripts into a knowledge graph of who said what, and serve it.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract speakers, concepts and claims to a JSON document")
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    _add_meta_flags(p)

    p = sub.add_parser("ingest", help="extract transcripts and store them in the graph")
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument(
        "--new-only", action="store_true",
        help="skip files whose exact content is already stored, without extracting them again",
    )
    _add_meta_flags(p)
    _add_store_flags(p)

    p = sub.add_parser("delete", help="remove an episode and what only it held")
    p.add_argument("episode_id")
    _add_store_flags(p)

    p = sub.add_parser("stats", help="count nodes and edges per kind")
    _add_store_flags(p)

    p = sub.add_parser("serve", help="serve the GraphQL API and the explorer")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    _add_store_flags(p)

    p = sub.add_parser("export", help="write the graph for Gephi, Cytoscape, Neo4j import or jq")
    p.add_argument("--format", required=True, choices=["graphml", "gexf", "cytoscape", "csv", "jsonl"])
    p.add_argument("--episode", action="append", help="only these episodes (repeatable)")
    p.add_argument("-o", "--output", type=Path, required=True, help="output file (a folder for csv)")
    _add_store_flags(p)
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    """Environment settings, overridden by the command-line flags given."""
    return Settings.from_env().with_overrides(
        backend=getattr(args, "backend", None),
        store_path=getattr(args, "store", None),
        neo4j_uri=getattr(args, "neo4j_uri", None),
        neo4j_user=getattr(args, "neo4j_user", None),
        neo4j_password=getattr(args, "neo4j_password", None),
    )


def _cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    from extract.hints import make_hints, with_metadata
    from extract.input_warnings import transcript_warnings
    from extract.parsers import parse_file
    from extract.pipeline import extract

    transcript = with_metadata(parse_file(args.file, args.format), args.title, args.show, args.date)
    progress = Progress(str(args.file))
    for warning in transcript_warnings(transcript):
        progress.warn(warning)
    doc = extract(transcript, make_hints(transcript, args.speakers), settings.spacy_model, progress)
    data = doc.to_json()
    text = json.dumps(data, indent=2, ensure_ascii=False)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
        progress.done(
            f"{args.file}: {len(doc.utterances)} utterances, {len(doc.concepts)} concepts, "
            f"{len(doc.claims)} claims -> {args.output}"
        )
    else:
        sys.stdout.write(text + "\n")
    return 0


async def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from api.ingest import ingest_files

    return await ingest_files(settings, args)


async def _with_store(settings: Settings, action: str, arg: Any = None) -> Any:
    from graph.backend import make_store

    store = make_store(settings)
    await store.open()
    try:
        if action == "stats":
            return await store.stats()
        if action == "delete":
            from queries.links import refresh_links

            deleted = await store.delete_episode(arg)
            if deleted:
                await refresh_links(store)
            return deleted
        raise ValueError(action)
    finally:
        await store.close()


def _cmd_stats(settings: Settings) -> int:
    st = asyncio.run(_with_store(settings, "stats"))
    width = max([len(k) for k in [*st.nodes, *st.edges]] + [5])
    print("nodes")
    for k, v in st.nodes.items():
        print(f"  {k:<{width}} {v}")
    print("edges")
    for k, v in st.edges.items():
        print(f"  {k:<{width}} {v}")
    return 0


def _cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from api.app import create_app

    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    return 0


def _cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from api.export import run_export

    return asyncio.run(run_export(settings, args.format, args.output, args.episode))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``podgraph`` console script."""
    args = build_parser().parse_args(argv)
    try:
        settings = settings_from(args)
        if args.command == "extract":
            return _cmd_extract(args, settings)
        if args.command == "ingest":
            return asyncio.run(_ingest(args, settings))
        if args.command == "delete":
            if not asyncio.run(_with_store(settings, "delete", args.episode_id)):
                print(f"podgraph: no episode {args.episode_id!r}", file=sys.stderr)
                return 1
            print(f"deleted {args.episode_id}")
            return 0
        if args.command == "stats":
            return _cmd_stats(settings)
        if args.command == "serve":
            return _cmd_serve(args, settings)
        if args.command == "export":
            return _cmd_export(args, settings)
    except PodgraphError as exc:
        print(f"podgraph: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("podgraph: interrupted", file=sys.stderr)
        return 130
    return 2


if __name__ == "__main__":
    sys.exit(main())
