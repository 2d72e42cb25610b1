"""The timeline's axis and exports in headless Chromium, on news plus long histories: bars
placed in proportion to time, nothing overflowing at 1280, 375 and 320 px, axis labels that
never overlap, events before 1 AD on the axis, the skip link, focus kept after a keyboard
range selection, and the TimelineJS export loaded into the real TimelineJS (vendored from
npm under tests/browser/vendor/timelinejs) with its slides and navigation drawn.

Needs Debian's chromium and the playwright package; skips cleanly without them. No request
leaves 127.0.0.1.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import datasette_server
from .test_timeline_browser import CHROMIUM, CHROMIUM_ARGS, build_demo

pytestmark = pytest.mark.browser

VENDOR = Path(__file__).parent / "vendor" / "timelinejs"
SCREENSHOTS = Path(
    os.environ.get("TIMELINE_SCREENSHOTS", Path(__file__).resolve().parents[2] / "screenshots")
)
WIDTHS = (1280, 375, 320)

# Long histories beside the news: years before 1 AD, centuries, decades and bare years.
HISTORY = [
    ("hist-rome", "BC0753", "year", "-0752-01-01", "-0752-12-31", "Rome was founded", "Rome"),
    (
        "hist-caesar",
        "BC0044-03-15",
        "day",
        "-0043-03-15",
        "-0043-03-15",
        "Caesar was killed",
        "Rome",
    ),
    ("hist-1400s", "14", "century", "1400-01-01", "1499-12-31", "Turkmen tribes ruled", "Karabakh"),
    ("hist-1805", "1805", "year", "1805-01-01", "1805-12-31", "A treaty with Russia", "Russia"),
    ("hist-1918", "1918", "year", "1918-01-01", "1918-12-31", "Both claimed the region", "Armenia"),
    (
        "hist-1960s",
        "196",
        "decade",
        "1960-01-01",
        "1969-12-31",
        "Petitions were refused",
        "Armenia",
    ),
    ("hist-1988", "1988-02", "month", "1988-02-01", "1988-02-29", "The council voted", "Armenia"),
]


def add_history(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        document = conn.execute("select id from documents limit 1").fetchone()[0]
        for key, value, precision, start, end, text, actor in HISTORY:
            year = -int(start[1:5]) if start.startswith("-") else int(start[:4])
            conn.execute(
                'insert into events (id, document_id, date, precision, start, "end", year, '
                "expression, text, sentence, actors, places, resolved, char_start, char_end, "
                "event_type) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', 1, 0, 1, 'other')",
                [
                    key,
                    document,
                    value,
                    precision,
                    start,
                    end,
                    year,
                    value,
                    text,
                    text,
                    json.dumps([actor]),
                ],
            )


@pytest.fixture(scope="module")
def history_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CHROMIUM.exists():
        pytest.skip(f"no chromium at {CHROMIUM}")
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    path = tmp_path_factory.mktemp("history") / "demo.db"
    build_demo(path)
    add_history(path)
    return path


@pytest.fixture(scope="module")
def server(history_db: Path) -> Iterator[str]:
    with datasette_server(history_db) as base:
        yield base


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Any, server: str) -> Iterator[Any]:
    contexts: list[Any] = []

    def open_at(width: int, path: str) -> tuple[Any, list[str]]:
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        # Nothing may leave this machine: every other request is refused.
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith((server, "data:", "about:"))
                else route.abort()
            ),
        )
        if path:
            page.goto(server + path)
        return page, errors

    yield open_at
    for context in contexts:
        context.close()


TIMELINE = "/demo/events/-/timeline"
VIEWS = [
    "",
    "?actors__arraycontains=Armenia&_lanes=1",
    "?start__gte=2009-01-01&start__lt=2010-01-01",
]

# Days since 1970 of signed ISO days, in the page (no Date objects: years before 1 AD).
DAY_NUMBER_JS = """
function dayNumber(iso) {
  const m = /^(-?)(\\d{4})-(\\d{2})-(\\d{2})/.exec(iso);
  let y = (m[1] ? -1 : 1) * Number(m[2]);
  const mo = Number(m[3]), d = Number(m[4]);
  y -= mo <= 2 ? 1 : 0;
  const era = Math.floor(y / 400), yoe = y - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
"""

VISIBLE_AXIS_JS = (
    "() => { "
    + DAY_NUMBER_JS
    + """
  const axis = Array.from(document.querySelectorAll('.axis')).find((a) => a.offsetParent !== null);
  const plot = axis.querySelector('.overview-bars').getBoundingClientRect();
  const first = dayNumber(axis.dataset.first), stop = dayNumber(axis.dataset.stop);
  const bars = Array.from(axis.querySelectorAll('.overview-bars li')).map((li) => {
    const box = li.getBoundingClientRect();
    const link = li.querySelector('a');
    return {
      left: box.left - plot.left, width: box.width,
      expected: (dayNumber(link.dataset.first) - first) / (stop - first) * plot.width,
      expectedWidth: (dayNumber(link.dataset.stop) - dayNumber(link.dataset.first))
        / (stop - first) * plot.width,
    };
  });
  const ticks = Array.from(axis.querySelectorAll('.tick')).map((t) => {
    const box = t.getBoundingClientRect();
    return {left: box.left, right: box.right, text: t.textContent};
  });
  const overview = document.querySelector('.timeline-overview').getBoundingClientRect();
  return {bars, ticks, plotWidth: plot.width, overviewLeft: overview.left,
          overviewRight: overview.right, name: axis.className};
}"""
)


@pytest.mark.parametrize("width", WIDTHS)
def test_axis_is_linear_fits_and_its_labels_never_overlap(open_page: Any, width: int) -> None:
    for view in VIEWS:
        page, errors = open_page(width, TIMELINE + view)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (width, view, overflow)
        axis = page.evaluate(VISIBLE_AXIS_JS)
        assert axis["bars"], (width, view)
        for bar in axis["bars"]:
            # Positions and widths in proportion to time (to a pixel; bars are at least 3 px).
            assert abs(bar["left"] - bar["expected"]) <= 1.5, (width, view, bar)
            assert abs(bar["width"] - max(bar["expectedWidth"], 3)) <= 1.5, (width, view, bar)
            assert bar["left"] + bar["width"] <= axis["plotWidth"] + 1.5
        ticks = sorted(axis["ticks"], key=lambda t: t["left"])
        assert ticks, (width, view)
        for before, after in itertools.pairwise(ticks):
            assert before["right"] + 4 <= after["left"], (width, view, before, after)
        assert (
            ticks[0]["left"] >= axis["overviewLeft"] and ticks[-1]["right"] <= axis["overviewRight"]
        )
        assert errors == []


def test_events_before_1_ad_are_on_the_axis_and_in_the_list(open_page: Any) -> None:
    for width in (1280, 320):
        page, errors = open_page(width, TIMELINE)
        first_bar = page.evaluate(
            "() => Array.from(document.querySelectorAll('.overview-bars a'))"
            ".find((a) => a.offsetParent !== null).dataset.first"
        )
        assert first_bar.startswith("-"), first_bar
        headings = page.locator(".year-heading").all_inner_texts()
        assert headings[:2] == ["753 BC", "44 BC"]
        assert page.locator(".event-text", has_text="Caesar was killed").is_visible()
        assert errors == []


def test_skip_link_leads_to_the_events(open_page: Any) -> None:
    page, errors = open_page(1280, TIMELINE)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "events-heading"
    assert errors == []


@pytest.mark.parametrize("width", [1280, 375])
def test_focus_stays_in_the_overview_after_a_keyboard_range(open_page: Any, width: int) -> None:
    page, errors = open_page(width, TIMELINE)
    bar = page.locator(".axis:visible .overview-bars a").first
    bar.focus()
    page.keyboard.press("Shift+ArrowRight")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "__gte=" in page.url
    focused = page.evaluate(
        "document.activeElement.closest('.timeline-overview') !== null "
        "&& document.activeElement.matches('.overview-bars a')"
    )
    assert focused
    assert errors == []


def test_bars_are_of_a_usable_size_on_a_phone(open_page: Any) -> None:
    page, errors = open_page(320, TIMELINE)
    widths = page.evaluate(
        "() => { const axis = Array.from(document.querySelectorAll('.axis'))"
        ".find((a) => a.offsetParent !== null);"
        "return Array.from(axis.querySelectorAll('.overview-bars li'))"
        ".map((li) => li.getBoundingClientRect().width); }"
    )
    # At most 16 buckets on a phone: each about a sixteenth of the axis, never 6 px.
    assert widths and len(widths) <= 16 and min(widths) >= 14, widths
    assert errors == []


def timelinejs_export(server: str, query: str) -> dict[str, Any]:
    url = server + TIMELINE.replace("/-/timeline", "/-/timeline.timelinejs.json") + query
    with urllib.request.urlopen(url, timeout=30) as response:
        return dict(json.loads(response.read()))


TIMELINEJS_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>TimelineJS</title>
</head><body style="margin:0"><div id="timeline-embed" style="width: 100%; height: 600px"></div>
</body></html>"""


@pytest.mark.parametrize("width", [1280, 375])
def test_timelinejs_export_renders_in_timelinejs_with_its_navigation(
    open_page: Any, server: str, width: int
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    data = timelinejs_export(server, "")
    assert len({slide.get("group") for slide in data["events"]}) <= 8
    page, errors = open_page(width, "")
    page.set_content(TIMELINEJS_PAGE)
    page.add_style_tag(path=str(VENDOR / "timeline.css"))
    page.add_script_tag(path=str(VENDOR / "timeline.js"))
    page.evaluate(
        "(data) => { window.tl = new TL.Timeline('timeline-embed', data, "
        "{font: null, script_path: ''}); }",
        data,
    )
    page.wait_for_selector(".tl-timemarker", state="attached", timeout=20_000)
    page.wait_for_timeout(1000)
    page.screenshot(path=str(SCREENSHOTS / f"timelinejs-{width}.png"))
    slides = page.locator(".tl-slide").count()
    assert slides >= len(data["events"])  # the title slide and one per event
    nav = page.locator(".tl-timenav").bounding_box()
    assert nav is not None and nav["height"] > 50
    # The navigation fits the embed: neither wider than the page nor pushed below it.
    assert nav["x"] >= -1 and nav["x"] + nav["width"] <= width + 1
    assert nav["y"] + 20 < 600
    assert page.locator(".tl-timemarker").count() >= 1
    page.locator(".tl-slidenav-next").first.click()
    page.wait_for_timeout(800)
    headline = page.locator(".tl-slide.tl-slide-current .tl-headline, .tl-slide .tl-headline")
    texts = [t.strip() for t in headline.all_inner_texts() if t.strip()]
    first = json.loads(json.dumps(data["events"][0]["text"]["headline"]))
    assert any(first.split(":")[0] in text for text in texts)
    assert [e for e in errors if "Failed to load resource" not in e] == []
