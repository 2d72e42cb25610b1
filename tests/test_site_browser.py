"""The exported static site opened from disk (file://) in headless Chromium: it
shows the events, loads every resource it asks for, and its facet links and pages
lead to the right exported pages.

Needs Debian's chromium and the playwright package; skips cleanly without them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from datasette_timeline.commands.export_site import export_site_command

from .conftest import EXAMPLES

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CHROMIUM.exists():
        pytest.skip(f"no chromium at {CHROMIUM}")
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    from datasette_timeline.cli import cli

    folder = tmp_path_factory.mktemp("static")
    database = folder / "demo.db"
    result = CliRunner().invoke(cli, ["extract", str(database), str(EXAMPLES), "-q"])
    assert result.exit_code == 0, result.output
    outdir = folder / "site"
    result = CliRunner().invoke(export_site_command, [str(database), str(outdir)])
    assert result.exit_code == 0, result.output
    return outdir


@pytest.fixture(scope="module")
def browser(site: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def tab(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failures: list[str] = []
    page.on("requestfailed", lambda request: failures.append(f"failed: {request.url}"))
    page.on("pageerror", lambda error: failures.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: (
            failures.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(("file://", "data:"))
            else failures.append(f"left the disk: {request.url}")
        ),
    )
    yield page, failures
    context.close()


def events(page: Any) -> int:
    return int(page.locator(".timeline-events .event").count())


def test_front_page_from_disk_styles_and_lists_events(site: Path, tab: Any) -> None:
    page, failures = tab
    page.goto((site / "index.html").as_uri())
    assert events(page) > 5
    # Both stylesheets were read from disk (a missing file fails its request).
    assert page.evaluate("document.styleSheets.length") >= 2
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Times" not in font, f"no site stylesheet applied: {font}"
    # A static site cannot answer a search: no form is offered.
    assert page.locator("form").count() >= 1
    assert page.locator("form:visible").count() == 0
    assert failures == []


def test_facet_link_opens_its_exported_page(site: Path, tab: Any) -> None:
    page, failures = tab
    page.goto((site / "index.html").as_uri())
    link = page.locator(".facet-values a").first
    expected = int(link.locator(".facet-count").inner_text().replace(",", ""))
    link.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and page.url.endswith(".html")
    shown = events(page)
    # All of the facet's events: on this page and the pages after it.
    while page.locator("a[rel=next]").count():
        page.locator("a[rel=next]").click()
        page.wait_for_load_state()
        shown += events(page)
    assert shown == expected
    assert failures == []


def test_next_pages_and_overview_bars_lead_to_files(site: Path, tab: Any) -> None:
    page, failures = tab
    page.goto((site / "index.html").as_uri())
    bars = page.locator(".overview-bars a[href]")
    assert bars.count() >= 1
    bar = bars.first
    count = int(bar.get_attribute("data-count") or "0")
    bar.click()
    page.wait_for_load_state()
    assert page.url.endswith(".html")
    assert events(page) == min(count, events(page)) and (count == 0 or events(page) > 0)
    assert failures == []
