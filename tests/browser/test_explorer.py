"""The explorer in a real browser: search, render, click, read claims, filter."""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import MEDIA_URL

pytestmark = pytest.mark.browser

IDLE = "!window.podgraphExplorer.busy"
CONCEPT_GREEN = (0x2E, 0x9E, 0x6A)


def state(page: Any) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(
        "({nodes: podgraphExplorer.nodeCount, edges: podgraphExplorer.edgeCount,"
        " selected: podgraphExplorer.selected, claims: podgraphExplorer.claimCount})"
    )
    return result


def search_and_pick(page: Any, text: str) -> None:
    page.fill("#search", text)
    page.wait_for_selector("#suggestions li", timeout=10_000)
    page.keyboard.press("Enter")
    page.wait_for_function(f"podgraphExplorer.nodeCount > 0 && podgraphExplorer.claimCount > 0 && {IDLE}",
                           timeout=15_000)


def pixel_at(page: Any, x: float, y: float) -> tuple[int, int, int]:
    """The colour on screen at page coordinates (x, y), read from a screenshot."""
    png = page.screenshot(clip={"x": round(x), "y": round(y), "width": 1, "height": 1})
    rgb: list[int] = page.evaluate(
        """async (data) => {
             const blob = await (await fetch('data:image/png;base64,' + data)).blob();
             const bitmap = await createImageBitmap(blob);
             const canvas = new OffscreenCanvas(1, 1);
             const ctx = canvas.getContext('2d');
             ctx.drawImage(bitmap, 0, 0);
             return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
           }""",
        base64.b64encode(png).decode(),
    )
    return (rgb[0], rgb[1], rgb[2])


def test_search_suggests_the_concept_first(page: Any) -> None:
    page.fill("#search", "RLHF")
    page.wait_for_selector("#suggestions li", timeout=10_000)
    first = page.locator("#suggestions li").first
    assert first.get_attribute("data-kind") == "Concept"
    assert "reinforcement learning from human feedback" in first.inner_text()


def test_search_renders_click_lists_claims(page: Any, tmp_path: Path) -> None:
    search_and_pick(page, "RLHF")
    s = state(page)
    assert s["nodes"] >= 10 and s["edges"] >= s["nodes"] - 1
    rlhf = s["selected"]
    assert rlhf.startswith("concept_")
    assert page.inner_text("#subject-label") == "reinforcement learning from human feedback"
    # the legend counts what is drawn
    legend = {row.get_attribute("data-kind"): int(row.locator(".count").inner_text())
              for row in page.locator("#legend [data-kind]").all()}
    assert sum(legend.values()) == s["nodes"] and legend["Concept"] >= 5 and legend["Person"] >= 2

    # the selected concept is drawn where the explorer says, in the concept colour
    pos = page.evaluate(f"podgraphExplorer.nodePosition({rlhf!r})")
    box = page.locator("#graph").bounding_box()
    assert box["x"] <= pos["x"] <= box["x"] + box["width"] and box["y"] <= pos["y"] <= box["y"] + box["height"]
    colour = pixel_at(page, pos["x"], pos["y"])
    assert all(abs(a - b) <= 40 for a, b in zip(colour, CONCEPT_GREEN, strict=True)), colour

    # click the guest: the panel lists his claims, grouped by speaker, with timestamps
    guest = page.evaluate("podgraphExplorer.nodesOfKind('Person')")
    names = {pid: page.evaluate(f"podgraphExplorer.nodePosition({pid!r})") for pid in guest}
    target = next(pid for pid in guest if pid != rlhf)
    page.mouse.move(names[target]["x"], names[target]["y"])
    page.mouse.click(names[target]["x"], names[target]["y"])
    page.wait_for_function(f"podgraphExplorer.selected === {target!r} && {IDLE}", timeout=15_000)
    page.wait_for_function("podgraphExplorer.claimCount > 0 && document.querySelectorAll('.claim').length > 0",
                           timeout=15_000)
    person = page.inner_text("#subject-label")
    groups = page.locator(".speaker-group")
    assert groups.count() == 1 and groups.first.get_attribute("data-speaker") == person
    claims = page.locator(".claim")
    assert claims.count() == state(page)["claims"]
    for i in range(claims.count()):
        item = claims.nth(i)
        stamp = item.locator(".timestamp")
        assert re.fullmatch(r"\d\d:\d\d", stamp.inner_text())
        href = stamp.get_attribute("href")
        assert href and href.startswith(MEDIA_URL + "&t=")
        minutes, seconds = map(int, stamp.inner_text().split(":"))
        assert int(href.rsplit("=", 1)[1]) == minutes * 60 + seconds
        assert item.locator(".claim-text").inner_text().strip()
        assert item.locator(".claim-type").inner_text() in (
            "prediction", "opinion", "explanation", "fact", "recommendation")
        assert item.locator(".claim-episode").inner_text() == "interview"

    shot = tmp_path / "explorer.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_filters_narrow_claims_and_graph(page: Any) -> None:
    search_and_pick(page, "RLHF")
    before = state(page)["claims"]
    types = page.locator(".claim-type").all_inner_texts()
    assert len(set(types)) >= 2, "the sample has RLHF claims of several types"
    wanted = types[0]
    page.select_option("#filter-type", wanted)
    page.wait_for_function(f"podgraphExplorer.claimCount < {before} && {IDLE}", timeout=15_000)
    assert set(page.locator(".claim-type").all_inner_texts()) == {wanted}
    hidden = page.evaluate(
        """() => podgraphExplorer.nodesOfKind('Claim')
                 .filter((id) => podgraphExplorer.nodePosition(id) !== null)
                 .length"""
    )
    assert hidden > 0
    # the speaker filter lists who made claims about the concept
    speakers = page.locator("#filter-speaker option").all_inner_texts()[1:]
    assert len(speakers) >= 1
    page.select_option("#filter-type", "")
    page.select_option("#filter-speaker", label=speakers[0])
    page.wait_for_function(f"{IDLE} && document.querySelectorAll('.speaker-group').length === 1", timeout=15_000)
    assert page.locator(".speaker-group").first.get_attribute("data-speaker") == speakers[0]
