"""Headless Chromium (Debian's package) driven by Playwright, against a real podgraph server.

Skipped when Chromium or Playwright is missing, unless ``PODGRAPH_REQUIRE_BROWSER=1``
(CI sets it), where a missing browser is a failure. No browser is ever downloaded.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from extract.build import build_fragment
from extract.document import Extraction
from graph.embedded import EmbeddedStore
from graph.settings import Settings
from queries.links import refresh_links
from tests.server import running_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
MEDIA_URL = "https://www.youtube.com/watch?v=podgraph-sample"


def browser_unavailable(reason: str) -> None:
    """Skip with ``reason``, or fail when the browser is required."""
    if os.environ.get("PODGRAPH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}, and PODGRAPH_REQUIRE_BROWSER=1 requires the browser tests to run")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """A headless Chromium browser shared by a module's tests, to keep runs short.

    Module scope, not session: Playwright's sync API keeps an event loop running in
    this thread while it is open, and other tests call ``asyncio.run``.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_unavailable("Playwright for Python is not installed (pip install -e '.[dev]')")
        raise AssertionError("unreachable") from None
    if not CHROMIUM.exists():
        browser_unavailable(f"{CHROMIUM} is missing (run .ci/browser-deps.sh)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def explorer_url(tmp_path_factory: pytest.TempPathFactory, sample_extraction: Extraction) -> Iterator[str]:
    """A server holding the shipped sample (with a media URL), RELATED_TO edges computed."""
    path = tmp_path_factory.mktemp("browser") / "g.podgraph"
    fragment = build_fragment(sample_extraction)
    fragment = replace(fragment, episode=replace(fragment.episode, media_url=MEDIA_URL))

    async def fill() -> None:
        store = EmbeddedStore(path)
        await store.open()
        await store.upsert(fragment)
        await refresh_links(store)
        await store.close()

    # Playwright's loop may be running in this thread already: fill the store in another.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, fill()).result()
    with running_server(Settings(store_path=path)) as url:
        yield url


@pytest.fixture
def page(chromium: Any, explorer_url: str) -> Iterator[Any]:
    """A fresh page on the explorer; page errors fail the test."""
    context = chromium.new_context(viewport={"width": 1400, "height": 850})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(explorer_url + "/")
    pg.wait_for_function("window.podgraphExplorer && window.podgraphExplorer.ready", timeout=15_000)
    try:
        yield pg
    finally:
        context.close()
    assert not errors, f"errors in the page: {errors}"
