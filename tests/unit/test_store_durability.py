"""The embedded store survives a writer killed mid-write, and keeps writers apart."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from extract.build import build_fragment
from extract.document import Extraction
from graph.embedded import EmbeddedStore
from graph.errors import StoreLockedError
from graph.persist import write_lock
from tests.conftest import ROOT

KILLER = textwrap.dedent(
    """
    import asyncio, os, signal, sys
    import graph.persist as persist
    from graph.embedded import EmbeddedStore
    from graph.model import Episode, GraphFragment

    real_fsync = os.fsync
    def dying_fsync(fd):
        os.ftruncate(fd, 1000)  # half the new file reaches the disk ...
        real_fsync(fd)
        os.kill(os.getpid(), signal.SIGKILL)  # ... and the process dies
    persist.os.fsync = dying_fsync
    ep = Episode("ep_new", "New", None, None, "new.txt", 1.0, "ff" * 32)
    asyncio.run(EmbeddedStore(sys.argv[1]).upsert(GraphFragment(ep)))
    """
)


def test_killed_writer_leaves_the_previous_store(tmp_path: Path, sample_extraction: Extraction) -> None:
    path = tmp_path / "g.podgraph"
    store = EmbeddedStore(path)
    asyncio.run(store.upsert(build_fragment(sample_extraction)))
    before = asyncio.run(EmbeddedStore(path).stats())
    proc = subprocess.run([sys.executable, "-c", KILLER, str(path)], cwd=ROOT, capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    after = asyncio.run(EmbeddedStore(path).stats())
    assert after == before
    assert after.nodes["Episode"] == 1
    # The next writer is not disturbed by the dead one's temporary file.
    asyncio.run(EmbeddedStore(path).delete_episode(build_fragment(sample_extraction).episode.id))
    assert asyncio.run(EmbeddedStore(path).stats()).nodes == {}


def test_second_writer_waits_then_gives_up(tmp_path: Path) -> None:
    path = tmp_path / "g.podgraph"
    with write_lock(path), pytest.raises(StoreLockedError), write_lock(path, timeout_s=0.2):
        pass


def test_unreadable_store_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "g.podgraph"
    path.write_text("{not json")
    with pytest.raises(Exception, match=str(path)):
        asyncio.run(EmbeddedStore(path).stats())
