"""Find and normalise the temporal expressions of a text (TIMEX3)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import date, datetime

from ..sentences import sentence_spans
from .context import Context, Reference, Resolution
from .lang import pack_for
from .model import Timex
from .pack import AnalysedSentence, LanguagePack
from .reading import NO_READING, Reading
from .values import bounds, is_valid_value

ANCHORINGS = ("auto", "news", "narrative")
_Candidate = tuple[int, int, int, re.Match[str]]  # start, end, rule index, match


def parse_dct(dct: str | None) -> date | None:
    """The day of a document creation time given as an ISO date or datetime."""
    if not dct:
        return None
    text = dct.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None


def _windows(text: str, pack: LanguagePack) -> dict[int, list[tuple[int, int]]]:
    """For each rule, the merged stretches of text around its trigger tokens."""
    spans: dict[int, list[tuple[int, int]]] = {}
    limit = len(text)
    word_reach, digit_reach = pack.triggers.word_reach, pack.triggers.digit_reach
    for token in pack.triggers.token.finditer(text):
        word = token.group()
        found = digit_reach.get(len(word)) if word[0].isdigit() else word_reach.get(word.lower())
        if not found:
            continue
        first, last = token.span()
        for index, before, after in found:
            start, end = max(0, first - before), min(limit, last + after)
            stretches = spans.get(index)
            if stretches is None:
                spans[index] = [(start, end)]
            elif start <= stretches[-1][1]:
                stretches[-1] = (stretches[-1][0], end)
            else:
                stretches.append((start, end))
    return spans


def _candidates(text: str, pack: LanguagePack) -> list[_Candidate]:
    found: list[_Candidate] = []
    required = pack.triggers.required
    for index, stretches in _windows(text, pack).items():
        pattern = pack.rules[index].pattern
        needed = required[index] if index < len(required) else None
        for window_start, window_end in stretches:
            # Stop at a space so that a window never cuts a word in two.
            end = window_end if window_end == len(text) else _next_space(text, window_end)
            if needed is not None and needed.search(text, window_start, end) is None:
                continue
            for match in pattern.finditer(text, window_start, end):
                start, stop = _trim(text, match.start(), match.end())
                if stop > start:
                    found.append((start, stop, index, match))
    return found


_SPACE = re.compile(r"\s")


def _next_space(text: str, position: int) -> int:
    space = _SPACE.search(text, position)
    return space.start() if space else len(text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave out surrounding spaces and a sentence-final period after a time or abbreviation."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _choose(candidates: list[_Candidate], accept: Callable[[_Candidate], bool]) -> list[_Candidate]:
    """Keep the longest matches that ``accept`` takes, earlier rules winning ties, without
    overlaps. A candidate that overlaps one already kept is never asked about: the
    normalisers (and the clause readings they need) run only for those that may stay."""
    ordered = sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[_Candidate] = []
    # The spans taken are disjoint: kept sorted, an overlap can only be with the spans just
    # before and after a candidate's start, found by bisection.
    starts: list[int] = []
    ends: list[int] = []
    for candidate in ordered:
        start, end = candidate[0], candidate[1]
        index = bisect_right(starts, start)
        if (index and ends[index - 1] > start) or (index < len(starts) and starts[index] < end):
            continue
        if not accept(candidate):
            continue
        taken.append(candidate)
        starts.insert(index, start)
        ends.insert(index, end)
    return sorted(taken, key=lambda c: c[0])


def choose_mode(text: str, dct: date | None, chosen: list[_Candidate], pack: LanguagePack) -> str:
    """The "auto" anchoring: news when the text has a date and speaks relative to it.

    Without a creation time the text can only be read as a narrative. With one, the text
    is news if it uses deictic words ("yesterday", "last week", "ago", a weekday) or if the years it
    names are mostly close to the creation year; otherwise (a history, an encyclopedia
    entry) it is a narrative.
    """
    if dct is None:
        return "narrative"
    if pack.deictic_words.search(text):
        return "news"
    years = [
        int(m.group("year"))
        for _, _, index, m in chosen
        if pack.rules[index].name == pack.year_rule and m.group("year")
    ]
    if not years:
        return "news"
    close = sum(1 for year in years if abs(year - dct.year) <= 2)
    return "news" if close * 2 >= len(years) else "narrative"


def _record(
    start: int, end: int, text: str, resolution: Resolution, reading: Reading, pack: LanguagePack
) -> Timex:
    timex = Timex(
        start=start,
        end=end,
        text=text[start:end],
        type=resolution.type,
        value=resolution.value,
        mod=resolution.mod,
        anchored=resolution.anchored,
        underspecified=resolution.underspecified,
        tense=reading.tense,
        modality=reading.modality,
    )
    if reading.verb is not None:
        timex.verb_start, timex.verb_end = reading.verb
        timex.verb = text[timex.verb_start : timex.verb_end]
    if resolution.type == "DURATION" and resolution.value.startswith("P"):
        anchor = pack.event_anchor(text, end)
        if anchor is not None:
            sign, timex.relative_to_start, timex.relative_to_end = anchor
            timex.offset = ("+" if sign > 0 else "-") + resolution.value
            timex.relative_to = text[timex.relative_to_start : timex.relative_to_end]
    if resolution.type in {"DATE", "TIME"}:
        extent = bounds(resolution.value)
        if extent is not None:
            timex.precision, timex.range_start, timex.range_end = extent
    return timex


def _reference_of(timex: Timex) -> Reference | None:
    if timex.type not in {"DATE", "TIME"} or timex.range_start is None or timex.precision is None:
        return None
    if timex.precision in {"decade", "century", "millennium"}:
        return None
    if timex.range_start.startswith("-") or timex.range_start.startswith("0000"):
        # Years before 1 AD have no Python date: they anchor nothing that follows.
        return None
    granularity = {"hour": "day", "minute": "day", "second": "day"}.get(
        timex.precision, timex.precision
    )
    return Reference(date.fromisoformat(timex.range_start), granularity)


def _normalise(
    index: int, match: re.Match[str], context: Context, pack: LanguagePack
) -> Resolution | None:
    """Run a rule's normaliser; calendar overflow at the ends of time rejects the match."""
    context.span = (match.start(), match.end())
    try:
        return pack.normalisers[pack.rules[index].name](match, context)
    except (OverflowError, ValueError):
        return None


def _acceptance(probe: Context, pack: LanguagePack) -> Callable[[_Candidate], bool]:
    """Whether a candidate stands: its normaliser takes it ("May" the name and "2000
    people" it rejects) and it is no time word of a title ("This Week With David
    Brinkley")."""

    def accept(candidate: _Candidate) -> bool:
        start, end, index, match = candidate
        if _normalise(index, match, probe, pack) is None:
            return False
        return pack.rules[index].name in pack.titled_rules or not pack.names_a_title(
            probe, start, end
        )

    return accept


def _quarter_has_ended(day: date, creation: date | None) -> bool:
    last_month = ((day.month - 1) // 3) * 3 + 3
    return creation is not None and (creation.year, creation.month) > (day.year, last_month)


def _reported_quarter(context: Context, start: int, end: int, day: date, creation: date) -> bool:
    """Whether a quarter may be the one a report is about: it has begun, and if it is still
    running it is not named in a forecast ("expect the trend to continue into the fourth
    quarter")."""
    if day > creation:
        return False
    return _quarter_has_ended(day, creation) or context.tense(start, end) != "future"


def _note_quarter(context: Context, quarter: Reference, end: int, fiscal: bool) -> None:
    """Make ``quarter`` the one in discussion, unless it is an earlier quarter named while a
    later one that has ended is being reported ("after a flat second quarter" in a
    third-quarter report looks back; the report's quarter stays the third). A fiscal quarter
    is a company's own and always starts a new report."""
    context.named_quarter = quarter
    current = context.recent_quarter(end)
    if (
        not fiscal
        and current is not None
        and quarter.day < current.day
        and quarter.day.year == current.day.year
        and _quarter_has_ended(current.day, context.dct)
    ):
        context.quarter_end = end  # still in discussion
        return
    context.quarter, context.quarter_end = quarter, end


def tag(
    text: str,
    dct: str | None = None,
    *,
    anchoring: str = "auto",
    language: str = "en",
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[Timex]:
    """The TIMEX3 expressions of ``text``, sorted by start and not overlapping.

    ``dct`` is the document creation time (ISO date or datetime) or None. ``anchoring``
    is "news" (relative expressions anchor to the DCT), "narrative" (to the last date
    mentioned) or "auto" (see ``choose_mode``). ``language`` is the code of a language
    pack (``timex.lang.LANGUAGES``). ``sentences`` are the (start, end) offsets of the
    text's sentences as ``datasette_timeline.sentences.sentence_spans`` finds them (a
    caller that has them already passes them; they are found when not given).
    """
    if anchoring not in ANCHORINGS:
        raise ValueError(f"anchoring must be one of {', '.join(ANCHORINGS)}")
    pack = pack_for(language)
    creation = parse_dct(dct)
    spans = list(sentences) if sentences is not None else sentence_spans(text)
    tenses: dict[tuple[int, int], Reading] = {}
    analyses: dict[int, AnalysedSentence] = {}
    probe = Context(
        text=text,
        dct=creation or date(2000, 1, 1),
        mode="news",
        tenses=tenses,
        pack=pack,
        sentences=spans,
        analyses=analyses,
    )
    chosen = _choose(_candidates(text, pack), _acceptance(probe, pack))
    mode = anchoring if anchoring != "auto" else choose_mode(text, creation, chosen, pack)
    # Without a creation time, "auto" resolves "the following year" from the text's own
    # dates but leaves "last month" unresolved (it may be news read without its date).
    from_text = anchoring == "narrative" or creation is not None
    context = Context(
        text=text,
        dct=creation,
        mode=mode,
        deixis_from_text=from_text,
        tenses=tenses,
        per_passage=anchoring == "auto",
        pack=pack,
        sentences=spans,
        analyses=analyses,
    )
    timexes: list[Timex] = []
    for start, end, index, match in chosen:
        resolution = _normalise(index, match, context, pack)
        if resolution is None or not is_valid_value(resolution.value):
            continue  # the grammar check guards the edges of the calendar
        # The clause's reading is for dates and times (a plan or a report of an event);
        # durations and sets need none.
        dated = resolution.type in {"DATE", "TIME"}
        reading = context.reading(match.start(), match.end()) if dated else NO_READING
        timex = _record(start, end, text, resolution, reading, pack)
        timexes.append(timex)
        reference = _reference_of(timex) if resolution.is_reference else None
        if reference is not None:
            context.reference, context.reference_end = reference, end
            context.reference_start = start
            if reference.granularity == "day":
                context.day_reference, context.day_reference_end = reference, end
            # The quarter a report is about has begun: forecasts do not count.
            if reference.granularity == "quarter" and (
                creation is None or _reported_quarter(context, start, end, reference.day, creation)
            ):
                fiscal = pack.fiscal.search(timex.text) is not None
                _note_quarter(context, reference, end, fiscal=fiscal)
    return timexes
