"""The demo timeline in headless Chromium: no console errors, facets, overview zoom by mouse and
keyboard, reflow, screenshots at 1280 and 375 px, and axe-core with no serious violations.

Needs Debian's chromium at /usr/bin/chromium and the playwright package (never lets playwright
download a browser); skips cleanly without them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import datasette_server

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SCREENSHOTS = Path(os.environ.get("TIMELINE_SCREENSHOTS", ROOT / "screenshots"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def build_demo(path: Path) -> None:
    from click.testing import CliRunner

    from datasette_timeline.cli import cli

    result = CliRunner().invoke(cli, ["extract", str(path), str(ROOT / "examples")])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CHROMIUM.exists():
        pytest.skip(f"no chromium at {CHROMIUM}")
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo(db)
    return db


@pytest.fixture(scope="module")
def server(demo_db: Path) -> Iterator[str]:
    with datasette_server(demo_db, "-m", ROOT / "metadata.json") as base:
        yield base


@pytest.fixture(scope="module")
def deferring_server(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo with every facet counted after the page, as on a large table."""
    metadata = json.loads((ROOT / "metadata.json").read_text())
    events = metadata["databases"]["demo"]["tables"]["events"]
    events["plugins"]["datasette-timeline"]["count_facets_up_to"] = 0
    path = tmp_path_factory.mktemp("deferring") / "metadata.json"
    path.write_text(json.dumps(metadata))
    with datasette_server(demo_db, "-m", path) as base:
        yield base


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Page:
    """A page that remembers console errors and uncaught exceptions."""

    def __init__(
        self, browser: Any, width: int, timezone: str = "UTC", javascript: bool = True
    ) -> None:
        self.context = browser.new_context(
            viewport={"width": width, "height": 900},
            timezone_id=timezone,
            java_script_enabled=javascript,
        )
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def page_at(browser: Any) -> Iterator[Any]:
    pages: list[Page] = []

    def open_page(width: int = 1280, timezone: str = "UTC", javascript: bool = True) -> Page:
        page = Page(browser, width, timezone, javascript)
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.close()


TIMELINE = "/demo/events/-/timeline"


def event_count(page: Any) -> int:
    return int(page.locator(".timeline-events .event").count())


def test_loads_without_console_errors_and_screenshots(server: str, page_at: Any) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 375):
        tab = page_at(width)
        response = tab.page.goto(server + TIMELINE)
        assert response.status == 200
        assert event_count(tab.page) > 5
        assert tab.page.locator("time[datetime]").count() == event_count(tab.page)
        tab.page.screenshot(path=str(SCREENSHOTS / f"timeline-{width}.png"), full_page=True)
        assert tab.errors == []


def test_reflows_to_one_column_at_320(server: str, page_at: Any) -> None:
    tab = page_at(320)
    tab.page.goto(server + TIMELINE)
    overflow = tab.page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    facets = tab.page.locator(".timeline-facets").bounding_box()
    events = tab.page.locator(".timeline-events").bounding_box()
    assert facets and events and events["y"] >= facets["y"] + facets["height"] - 1


def test_actor_facet_narrows_the_list(server: str, page_at: Any) -> None:
    tab = page_at()
    tab.page.goto(server + TIMELINE)
    before = event_count(tab.page)
    link = tab.page.locator(".facet").filter(has_text="Actor").locator(".facet-values a").first
    expected = int(link.locator(".facet-count").inner_text().replace(",", ""))
    link.click()
    tab.page.wait_for_load_state()
    assert "actors__arraycontains=" in tab.page.url
    assert event_count(tab.page) == expected < before
    assert tab.page.locator(".chip-remove").count() == 1
    assert tab.errors == []


@pytest.mark.parametrize("timezone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_overview_zoom_by_dragging(server: str, page_at: Any, timezone: str) -> None:
    # Far east and far west of UTC: the range in the URL is exactly the bars' days.
    tab = page_at(timezone=timezone)
    tab.page.goto(server + TIMELINE)
    bars = tab.page.locator(".axis:visible .overview-bars a")
    assert bars.count() >= 3
    first, third = bars.nth(0).bounding_box(), bars.nth(2).bounding_box()
    assert first and third
    first_day = bars.nth(0).get_attribute("data-first")
    stop_day = bars.nth(2).get_attribute("data-stop")
    mouse = tab.page.mouse
    mouse.move(first["x"] + first["width"] / 2, first["y"] + first["height"] - 5)
    mouse.down()
    mouse.move(third["x"] + third["width"] / 2, third["y"] + third["height"] - 5, steps=5)
    with tab.page.expect_navigation():
        mouse.up()
    assert f"start__gte={first_day}" in tab.page.url
    assert f"start__lt={stop_day}" in tab.page.url
    assert tab.errors == []


def test_overview_zoom_and_event_navigation_by_keyboard(server: str, page_at: Any) -> None:
    tab = page_at()
    tab.page.goto(server + TIMELINE)
    bars = tab.page.locator(".axis:visible .overview-bars a")
    first_day = bars.nth(0).get_attribute("data-first")
    stop_day = bars.nth(1).get_attribute("data-stop")
    bars.nth(0).focus()
    tab.page.keyboard.press("Shift+ArrowRight")
    assert "Selected" in tab.page.locator(".axis:visible .overview-selection").inner_text()
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    assert f"start__gte={first_day}" in tab.page.url
    assert f"start__lt={stop_day}" in tab.page.url
    # the zoom-out button widens the range again
    tab.page.locator("a[data-zoom='out']").click()
    tab.page.wait_for_load_state()
    assert f"start__gte={first_day}" not in tab.page.url
    # j and k move between events
    tab.page.locator("body").focus()
    tab.page.keyboard.press("j")
    tab.page.keyboard.press("j")
    focused = tab.page.evaluate("document.activeElement.id")
    assert focused == "event-2"
    tab.page.keyboard.press("k")
    assert tab.page.evaluate("document.activeElement.id") == "event-1"
    assert tab.errors == []


def test_axe_reports_no_serious_violations(server: str, page_at: Any) -> None:
    views = [
        (1280, "?year=2009"),
        (375, "?year=2009&_lanes=1"),
        (1280, "?start__gte=2009-06-01&start__lt=2009-06-30"),
        (375, ""),
    ]
    for width, query in views:
        tab = page_at(width)
        tab.page.goto(server + TIMELINE + query)
        tab.page.add_script_tag(path=str(AXE))
        result = tab.page.evaluate(
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, "
            "nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"
        )
        serious = [v for v in result if v["impact"] in ("serious", "critical")]
        assert serious == [], (width, query, serious)


def test_table_page_shows_a_timeline_link(server: str, page_at: Any) -> None:
    tab = page_at()
    tab.page.goto(server + "/demo/events?year=2009")
    link = tab.page.locator(".timeline-link a")
    assert link.count() == 1 and link.is_visible()
    assert link.get_attribute("href") == "/demo/events/-/timeline?year=2009"
    link.click()
    tab.page.wait_for_load_state()
    assert tab.page.locator(".timeline-events .event").count() > 0
    assert tab.errors == []


def test_everything_works_without_javascript(server: str, page_at: Any) -> None:
    tab = page_at(javascript=False)
    tab.page.goto(server + TIMELINE + "?_size=5")
    assert event_count(tab.page) == 5
    assert tab.page.locator(".needs-script").count() == 2
    assert tab.page.locator(".needs-script:visible").count() == 0
    # a bar is a link to its period
    bar = tab.page.locator(".axis:visible .overview-bars a").first
    first_day = bar.get_attribute("data-first")
    bar.click()
    tab.page.wait_for_load_state()
    assert f"start__gte={first_day}" in tab.page.url
    # a facet value is a link, and so is the next page
    tab.page.goto(server + TIMELINE + "?_size=5")
    tab.page.locator(".facet").filter(has_text="Year").locator(".facet-values a").first.click()
    tab.page.wait_for_load_state()
    assert "year=" in tab.page.url
    tab.page.goto(server + TIMELINE + "?_size=5")
    first_page = tab.page.locator(".event-text").all_inner_texts()
    tab.page.locator("a[rel=next]").click()
    tab.page.wait_for_load_state()
    assert "Showing 6" in tab.page.locator(".timeline-count").inner_text()
    assert not set(first_page) & set(tab.page.locator(".event-text").all_inner_texts())


def facet_values(page: Any, title: str) -> dict[str, str]:
    facet = page.locator(".facet").filter(has_text=title)
    labels = facet.locator(".facet-label").all_inner_texts()
    counts = facet.locator(".facet-count").all_inner_texts()
    return dict(zip(labels, counts, strict=True))


def test_counts_sent_after_the_page_are_filled_in(
    server: str, deferring_server: str, page_at: Any
) -> None:
    tab = page_at()
    tab.page.goto(server + TIMELINE)
    expected = facet_values(tab.page, "Actor")
    assert expected
    # With JavaScript: the page arrives with "Counting…" and the script swaps in the counts.
    tab.page.goto(deferring_server + TIMELINE)
    tab.page.wait_for_selector(".timeline-facets:not([aria-busy])")
    assert tab.page.locator(".facet-deferred").count() == 0
    assert facet_values(tab.page, "Actor") == expected
    assert tab.errors == []
    # Without: each deferred facet links to the same view with its counts.
    plain = page_at(javascript=False)
    plain.page.goto(deferring_server + TIMELINE + "?year=2009")
    link = plain.page.locator(".facet").filter(has_text="Actor").locator(".facet-counts-link")
    assert link.inner_text() == "Show actor counts"
    link.click()
    plain.page.wait_for_load_state()
    assert "year=2009" in plain.page.url
    assert facet_values(plain.page, "Actor")
