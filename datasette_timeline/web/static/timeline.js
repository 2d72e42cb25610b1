// datasette-timeline: progressive enhancement for the timeline page.
//
// The page works without this file: every bar, facet and page is a link. This adds
//  - a brush on the overview: drag across bars (mouse or pen) to choose a date range;
//  - keyboard ranges: arrow keys move between bars, Shift+arrows extend, Enter applies;
//  - j / k to move between events.
// Dates travel as the ISO day strings the server wrote into data attributes: no Date
// objects are built from them, so no timezone can shift a day. Text goes in via
// textContent only. The scroll wheel is left alone.

let overview = document.querySelector(".timeline-overview");

function rangeUrl(first, stop, keepFocus) {
  const url = new URL(window.location.href);
  const params = url.searchParams;
  params.delete("_next");
  params.set(overview.dataset.gteKey, first);
  params.set(overview.dataset.ltKey, stop);
  url.search = params.toString();
  // After a keyboard selection the new page puts focus back on the overview.
  url.hash = keepFocus ? "overview" : "";
  return url.toString();
}

function setupAxis(axis) {
  const bars = Array.from(axis.querySelectorAll(".overview-bars a[data-first]"));
  if (!bars.length) {
    return;
  }
  const status = document.createElement("p");
  status.className = "overview-selection";
  status.setAttribute("aria-live", "polite");
  axis.appendChild(status);

  let anchor = null; // index where a selection started
  let selection = null; // [low, high] indexes
  let dragging = false;
  let dragged = false;

  function describe(low, high) {
    const first = bars[low].getAttribute("aria-label").split(":")[0];
    const last = bars[high].getAttribute("aria-label").split(":")[0];
    let count = 0;
    for (let i = low; i <= high; i++) {
      count += Number(bars[i].dataset.count) || 0;
    }
    const span = low === high ? first : `${first} to ${last}`;
    return `Selected ${span}: ${count} event${count === 1 ? "" : "s"}. Press Enter to show them, Escape to cancel.`;
  }

  function paint() {
    bars.forEach((bar, i) => {
      const inside = selection !== null && i >= selection[0] && i <= selection[1];
      bar.parentElement.classList.toggle("in-selection", inside);
    });
    status.textContent = selection ? describe(selection[0], selection[1]) : "";
  }

  function select(from, to) {
    selection = [Math.min(from, to), Math.max(from, to)];
    paint();
  }

  function clear() {
    selection = null;
    anchor = null;
    paint();
  }

  function apply(byKeyboard) {
    if (!selection) {
      return;
    }
    const first = bars[selection[0]].dataset.first;
    const stop = bars[selection[1]].dataset.stop;
    window.location.assign(rangeUrl(first, stop, byKeyboard));
  }

  function focusBar(index) {
    const target = Math.max(0, Math.min(bars.length - 1, index));
    bars.forEach((bar, i) => bar.setAttribute("tabindex", i === target ? "0" : "-1"));
    bars[target].focus();
  }

  // Roving focus: one tab stop for the whole chart, arrows inside it.
  bars.forEach((bar, i) => bar.setAttribute("tabindex", i === 0 ? "0" : "-1"));

  function indexOf(target) {
    const link = target instanceof Element ? target.closest("a[data-first]") : null;
    return link ? bars.indexOf(link) : -1;
  }

  const list = axis.querySelector(".overview-bars");
  list.addEventListener("pointerdown", (event) => {
    if (event.pointerType === "touch" || event.button !== 0) {
      return; // touch keeps native scrolling; the buttons and links do the rest
    }
    const index = indexOf(event.target);
    if (index < 0) {
      return;
    }
    event.preventDefault(); // no native link drag
    dragging = true;
    dragged = false;
    anchor = index;
    select(index, index);
  });
  list.addEventListener("pointermove", (event) => {
    if (!dragging) {
      return;
    }
    const under = document.elementFromPoint(event.clientX, event.clientY);
    const index = indexOf(under);
    if (index >= 0 && anchor !== null && (index !== anchor || dragged)) {
      dragged = true;
      select(anchor, index);
    }
  });
  window.addEventListener("pointerup", () => {
    if (!dragging) {
      return;
    }
    dragging = false;
    if (dragged) {
      apply(false);
    } else {
      clear();
    }
  });
  list.addEventListener("click", (event) => {
    // After a drag the range is being applied: do not also follow the bar's own link.
    if (dragged) {
      event.preventDefault();
    }
  });

  list.addEventListener("keydown", (event) => {
    const index = indexOf(event.target);
    if (index < 0) {
      return;
    }
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.max(0, Math.min(bars.length - 1, index + moves[event.key]));
      if (event.shiftKey) {
        if (anchor === null) {
          anchor = index;
        }
        select(anchor, next);
      } else {
        clear();
      }
      focusBar(next);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      focusBar(event.key === "Home" ? 0 : bars.length - 1);
    } else if (event.key === "Enter" && selection) {
      event.preventDefault();
      apply(true);
    } else if (event.key === "Escape" && selection) {
      event.preventDefault();
      clear();
    }
  });
}

function setupOverview() {
  if (!overview) {
    return;
  }
  for (const axis of overview.querySelectorAll(".axis")) {
    setupAxis(axis);
  }
}

function restoreOverviewFocus() {
  // The page was opened from a keyboard range selection: focus stays in the overview,
  // on the first bar of the drawing that is shown.
  if (!overview || window.location.hash !== "#overview") {
    return;
  }
  const bar = Array.from(overview.querySelectorAll(".overview-bars a[tabindex='0']")).find(
    (link) => link.offsetParent !== null,
  );
  if (bar) {
    bar.focus();
  }
}

function typingInField(target) {
  return (
    target instanceof Element &&
    (target.closest("input, textarea, select, [contenteditable='true']") !== null)
  );
}

function setupEventKeys() {
  const events = Array.from(document.querySelectorAll(".timeline-events .event"));
  if (!events.length) {
    return;
  }
  const help = document.querySelector(".keyboard-help");
  if (help) {
    help.hidden = false;
  }
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || typingInField(event.target)) {
      return;
    }
    if (event.key !== "j" && event.key !== "k") {
      return;
    }
    const current = document.activeElement instanceof Element
      ? document.activeElement.closest(".event")
      : null;
    let index = events.indexOf(current);
    if (event.key === "j") {
      index = index < 0 ? 0 : Math.min(events.length - 1, index + 1);
    } else {
      index = index < 0 ? 0 : Math.max(0, index - 1);
    }
    event.preventDefault();
    events[index].focus();
    events[index].scrollIntoView({ block: "nearest" });
  });
}

function collapseFacetsOnNarrowScreens() {
  // One column: the facets sit above the list, so start them folded unless one is in use.
  const details = document.querySelector(".facets-details");
  const chosen = document.querySelector(".chips-chosen");
  if (details && !chosen && window.matchMedia("(max-width: 720px)").matches) {
    details.open = false;
  }
}

async function loadDeferredCounts() {
  // On large selections the server sends the page before counting the facets and counts
  // them right after. Fetch the same view with its counts and swap in the counted facet
  // sections (nodes parsed from the server's escaped HTML; nothing is built from strings).
  // Without this, each facet keeps its "Show counts" link to the same view.
  const container = document.querySelector(".timeline-facets[data-counts-url]");
  if (!container) {
    return;
  }
  try {
    const response = await fetch(new URL(container.dataset.countsUrl, window.location.href), {
      credentials: "same-origin",
    });
    if (!response.ok) {
      return;
    }
    const counted = new DOMParser().parseFromString(await response.text(), "text/html");
    const countedOverview = counted.querySelector(".timeline-overview");
    if (overview && overview.dataset.pending !== undefined && countedOverview) {
      const replacement = document.importNode(countedOverview, true);
      overview.replaceWith(replacement);
      overview = replacement;
      setupOverview();
    }
    for (const note of container.querySelectorAll(".facet-deferred")) {
      const section = note.closest(".facet");
      const heading = section && section.querySelector("h3[id]");
      const replacement = heading && counted.getElementById(heading.id);
      const newSection = replacement && replacement.closest(".facet");
      if (newSection && !newSection.querySelector(".facet-deferred")) {
        section.replaceWith(document.importNode(newSection, true));
      }
    }
  } catch (error) {
    // Offline or interrupted: the links still work.
    return;
  } finally {
    container.removeAttribute("aria-busy");
  }
}

// A static export (export-site) has one file per view: ranges chosen by dragging or
// by keys would have no file to load, so only the bar links stay there.
const isStaticSite = document.body.dataset.timelineStatic !== undefined;

// Instructions for what this script adds appear only when it runs.
if (!isStaticSite) {
  for (const element of document.querySelectorAll(".needs-script")) {
    element.hidden = false;
  }
  setupOverview();
  // After the browser has moved to the #overview fragment (which would move focus itself).
  if (document.readyState === "complete") {
    restoreOverviewFocus();
  } else {
    window.addEventListener("load", () => window.setTimeout(restoreOverviewFocus, 0));
  }
  loadDeferredCounts();
}
setupEventKeys();
collapseFacetsOnNarrowScreens();
