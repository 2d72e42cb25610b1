"""The resolver: anchors underspecified values with the clause's tense and the reference
time. It knows no language.

A language's patterns read what the words say ("Tuesday", "last May", "the 12 April",
"yesterday evening") into an ``Underspecified`` value, written as HeidelTime writes its
UNDEF values ("UNDEF-tense-weekday-2": the Tuesday on the side of the reference time the
clause's tense points to). ``resolve`` then chooses the reference time (the creation date
in news, the date in discussion in a story, passage by passage with auto anchoring: see
``Context``) and the occurrence the direction asks for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from . import calendar_math as cal
from .calendar_math import Holiday
from .context import Context, Reference, Resolution
from .reading import Direction

# Relations a pattern may give; "" leaves the choice to the clause's tense. The anaphoric
# ones count from the date in discussion ("the following Monday", "that April").
RELATIONS = ("", "last", "next", "this", "previous", "following", "same")
ANAPHORIC_RELATIONS = frozenset(["previous", "following", "same"])
_YEAR_STEPS = {"last": -1, "this": 0, "next": 1}


# The unit words a pack may give the resolver, and the duration letter of each.
_UNIT_LETTERS = {
    "day": "D", "week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "CE", "millennium": "ML",
}  # fmt: skip
TIME_UNITS = frozenset(["hour", "minute", "second"])


@dataclass(frozen=True)
class Underspecified:
    """What a pattern says of a date it cannot finish alone.

    ``kind`` is one of:

    - "weekday" (``weekday`` 1-7, with ``part`` of the day when the text names one);
    - "month" (``month``);
    - "month_day" (``month`` and ``day``, with ``weekday`` when the text names it too);
      relation "last" or "next" without ``by_year`` picks the occurrence before or after
      the anchor ("el pasado 10 de marzo");
    - "day_of_month" (``day``, with ``weekday``): that day of the anchor's month or a
      month next to it, the one whose weekday agrees, on the side the tense points to
      ("el lunes 3");
    - "day": the anchor moved by ``offset`` days ("yesterday" -1, "the next morning" +1
      from the date in discussion), with ``part`` of the day;
    - "unit": the ``unit``-sized period (day, week, weekend, month, quarter, year,
      decade, century) ``offset`` units from the anchor ("last month" is -1 from the
      creation date, "the following year" +1 from the date in discussion); relation ""
      is the period in discussion ("the end of the year", "the weekend");
    - "offset": the day (or coarser) ``offset`` units away ("three years ago" -3 years
      from the creation date, "two days later" +2 days from the date in discussion), a
      clock time of that day for the units in ``TIME_UNITS``; ``keep_unit`` names the
      period the offset falls in ("in two weeks' time": that week);
    - "season" (``season``: SP, SU, FA, WI);
    - "quarter" (``number`` of the quarter, or of the half when ``unit`` is "half"):
      relation "" leaves its year to the tense, "this" moves the anchor's year by
      ``offset``; ``definite`` marks one named as known ("the fourth quarter"); with
      ``month``, the quarter that ends that month ("the December quarter");
    - "holiday" (``holiday``, as the calendar computes it), ``week`` asking for its week.

    ``relation`` is "" (the clause's tense chooses), "last", "next", "this", or an
    anaphoric one counted from the date in discussion: "previous", "following", "same".
    ``by_year`` says the relation moves the year ("May 3 next year", "May last year",
    "summer last year") rather than picking an occurrence ("last May").
    ``part`` is a part of the day (MO, AF, EV, NI); ``possessive`` marks a name of
    something that has happened ("Wednesday's ruling"); ``week`` asks for the week of the
    day ("the week of March 6").
    """

    kind: str
    unit: str = ""
    month: int = 0
    day: int = 0
    weekday: int = 0
    relation: str = ""
    by_year: bool = False
    offset: int = 0
    part: str | None = None
    possessive: bool = False
    week: bool = False
    mod: str | None = None
    season: str = ""
    number: int = 0
    definite: bool = False
    keep_unit: bool = False
    holiday: Holiday | None = None

    def __post_init__(self) -> None:
        if self.relation not in RELATIONS:
            raise ValueError(f"unknown relation {self.relation!r}")

    def __str__(self) -> str:
        relation = self.relation or "tense"
        if self.relation in ANAPHORIC_RELATIONS:
            relation = "REF-" + relation
        part = f"T{self.part}" if self.part else ""
        where = "REF" if self.relation in ANAPHORIC_RELATIONS else "this"
        sign = "PLUS" if self.offset >= 0 else "MINUS"
        if self.kind == "weekday":
            return f"UNDEF-{relation}-weekday-{self.weekday}{part}"
        if self.kind == "month":
            unit = "year-month" if self.by_year else "month"
            return f"UNDEF-{relation}-{unit}-{self.month:02d}"
        if self.kind == "month_day":
            unit = "year" if self.by_year else "XXXX"
            return f"UNDEF-{relation}-{unit}-{self.month:02d}-{self.day:02d}"
        if self.kind == "day_of_month":
            return f"UNDEF-{relation}-XXXX-XX-{self.day:02d}-weekday-{self.weekday}"
        if self.kind == "season":
            unit = "year-season" if self.by_year else "season"
            return f"UNDEF-{relation}-{unit}-{self.season}"
        if self.kind == "quarter":
            label = f"{'H' if self.unit == 'half' else 'Q'}{self.number}"
            if self.month:
                return f"UNDEF-tense-quarter-ending-{self.month:02d}"
            if not self.relation:
                return f"UNDEF-tense-{label}"
            return f"UNDEF-this-year-{sign}-{abs(self.offset)}-{label}"
        if self.kind == "holiday":
            return f"UNDEF-{relation}-holiday-{self.holiday}"
        if self.kind in {"unit", "offset"}:
            if self.kind == "unit" and not self.relation:
                return f"UNDEF-REF-{self.unit}"
            return f"UNDEF-{where}-{self.unit}-{sign}-{abs(self.offset)}"
        return f"UNDEF-{where}-day-{sign}-{abs(self.offset)}{part}"


def resolve(value: Underspecified, ctx: Context, start: int, end: int) -> Resolution | None:
    """The TIMEX3 value of ``value`` said at ``ctx.text[start:end]``."""
    resolution: Resolution | None
    if value.kind == "weekday":
        resolution = _weekday(value, ctx, start, end)
    elif value.kind == "month":
        resolution = _month(value, ctx, start, end)
    elif value.kind == "month_day":
        resolution = _month_day(value, ctx, start, end)
    elif value.kind == "day_of_month":
        resolution = _day_of_month(value, ctx, start, end)
    elif value.kind == "unit":
        resolution = _unit(value, ctx, start, end)
    elif value.kind == "offset":
        resolution = _offset(value, ctx, start)
    elif value.kind == "season":
        resolution = _season(value, ctx, start, end)
    elif value.kind == "quarter":
        resolution = _quarter(value, ctx, start, end)
    elif value.kind == "holiday":
        resolution = _holiday(value, ctx, start, end)
    else:
        resolution = _day(value, ctx)
    if resolution is not None:
        resolution.underspecified = str(value)
    return resolution


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def unanchored(granularity: str, mod: str | None = None, kind: str = "DATE") -> Resolution:
    return Resolution(kind, cal.unknown_value(granularity), mod, anchored=False)


# --- choosing the occurrence ------------------------------------------------------------


def year_for_month(anchor: date, month: int, direction: Direction) -> int:
    """Past: the latest such month up to the anchor; future: the next one from it;
    unknown: the nearest."""
    if direction == "past":
        return anchor.year - 1 if month > anchor.month else anchor.year
    if direction == "future":
        return anchor.year + 1 if month < anchor.month else anchor.year
    if month - anchor.month > 6:
        return anchor.year - 1
    if anchor.month - month > 6:
        return anchor.year + 1
    return anchor.year


def year_for_day(anchor: date, month: int, day_of_month: int, direction: Direction) -> int:
    """Year of a month-day written without one: the occurrence nearest the anchor, unless
    the direction points the other way and the other occurrence is not far off."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        candidate = safe_date(year, month, day_of_month)
        if candidate is not None:
            candidates.append((abs((candidate - anchor).days), candidate))
    if not candidates:
        return anchor.year
    candidates.sort()
    nearest = candidates[0][1]
    others = [day for _, day in candidates[1:]]
    if direction == "past" and (nearest - anchor).days > 30:
        earlier = [day for day in others if day <= anchor and (anchor - day).days <= 365]
        if earlier:
            return earlier[0].year
    if direction == "future" and (anchor - nearest).days > 30:
        later = [day for day in others if day >= anchor and (day - anchor).days <= 365]
        if later:
            return later[0].year
    return nearest.year


def year_of_weekday(year: int, month: int, day_of_month: int, weekday: int) -> int:
    """ "Friday 13 September": of the years next to ``year``, the one where that day is a
    Friday (``year`` itself when none is, or when it is)."""
    for candidate in (year, year + 1, year - 1):
        day = safe_date(candidate, month, day_of_month)
        if day is not None and day.isoweekday() == weekday:
            return candidate
    return year


_RECENT_DAYS = 92


def _within_recent_months(anchor: date, month: int, day_of_month: int | None) -> bool:
    """Whether the month (or month-day) last came round within three months of ``anchor``."""
    for year in (anchor.year, anchor.year - 1):
        day = safe_date(year, month, day_of_month or 1)
        if day is not None and day <= anchor:
            return (anchor - day).days <= _RECENT_DAYS
    return False


def story_anchor(
    ctx: Context,
    start: int,
    end: int,
    anchor: date | None,
    month: int | None = None,
    day_of_month: int | None = None,
) -> tuple[date | None, Direction]:
    """Where a month or month-day without a year is looked for, and the direction that
    may move it.

    A date named earlier in the same sentence ("war broke out on 27 September 2020 and
    ended on 10 November") is the story's time, unless the clause speaks of the future
    ("invited in July 1997, they will join on March 12"). In a story (narrative, or no
    creation date) a year or season in discussion gives the year ("The 1755 earthquake
    struck on 1 November"); news names other years in passing ("since its launch in 2003,
    as of February"), so there the creation date counts unless the passage is a story of
    its own (``Context.story_passage``).
    """
    direction = ctx.tense(start, end)
    if direction == "future":
        return anchor, direction
    in_sentence = ctx.reference_in_sentence(start)
    if (
        in_sentence is not None
        and in_sentence.granularity in {"day", "month"}
        # A date near the anchor ("on Monday, six months after the invasion began on
        # Feb. 24") says no more than the anchor; the tense does.
        and (anchor is None or abs((in_sentence.day - anchor).days) > 90)
    ):
        return in_sentence.day, None
    story = in_sentence if in_sentence is not None else ctx.reference
    if anchor is not None and ctx.mode != "narrative":
        # News: a background passage is told in its own time ("It was the deadliest since
        # August 1999 ... That tremor struck on 17 August"); but a date of the last few
        # months after a sentence about the past is news ("agreed in April").
        story = ctx.story_passage(start, end)
        recent = month is not None and _within_recent_months(anchor, month, day_of_month)
        if story is not None and in_sentence is None and recent:
            story = None
    elif ctx.leaves_the_story(start, end):
        return ctx.dct, direction  # a story-like text speaking of today ("as of February")
    if story is None:
        return anchor, direction
    if story.granularity in {"year", "season", "quarter", "half"}:
        # The middle of that year is nearer to any of its days than to those of others.
        return date(story.day.year, 7, 2), None
    return story.day, None  # a story is told in the past: no direction in that


# --- the kinds of underspecified values -------------------------------------------------


def weekday_date(
    ctx: Context, start: int, end: int, weekday: int, relation: str, possessive: bool = False
) -> date | None:
    """The day a weekday names, from its relation or the clause's direction."""
    if relation in ANAPHORIC_RELATIONS:
        # "the previous Friday", "the following Monday": counted from the day in discussion;
        # "same": that weekday of its week ("el 20 de mayo, lunes").
        reference = ctx.anaphoric_anchor()
        if reference is None:
            return None
        if relation == "previous":
            return cal.nearest_weekday(reference.day - timedelta(days=1), weekday, -1)
        if relation == "same":
            return reference.day + timedelta(days=weekday - reference.day.isoweekday())
        return cal.nearest_weekday(reference.day, weekday, 1)
    anchor = ctx.deictic_anchor()
    if anchor is None:
        return None
    if relation == "last":
        return cal.nearest_weekday(anchor - timedelta(days=1), weekday, -1)
    if relation == "next":
        return cal.nearest_weekday(anchor, weekday, 1)
    if relation == "this":
        return anchor + timedelta(days=weekday - anchor.isoweekday())
    # "Wednesday's ruling" names something that has happened.
    if not possessive and ctx.tense(start, end) == "future":
        # "The summit opens on Thursday" written on a Thursday is that day.
        return cal.nearest_weekday(anchor - timedelta(days=1), weekday, 1)
    return cal.nearest_weekday(anchor, weekday, -1)


def _weekday(value: Underspecified, ctx: Context, start: int, end: int) -> Resolution:
    day = weekday_date(ctx, start, end, value.weekday, value.relation, value.possessive)
    part = value.part
    if day is None:
        text = f"XXXX-WXX-{value.weekday}" + (f"T{part}" if part else "")
        return Resolution("TIME" if part else "DATE", text, value.mod, anchored=False)
    if part:
        return Resolution("TIME", f"{day.isoformat()}T{part}", value.mod)
    return Resolution("DATE", day.isoformat(), value.mod)


def _month(value: Underspecified, ctx: Context, start: int, end: int) -> Resolution:
    number, relation, mod = value.month, value.relation, value.mod
    reference: Reference | None
    if relation in ANAPHORIC_RELATIONS:
        reference = ctx.anaphoric_anchor()
        anchor = reference.day if reference else None
    else:
        anchor = ctx.deictic_anchor()
        reference = ctx.reference if ctx.mode == "narrative" else None
    if anchor is None and not relation:
        around, direction = story_anchor(ctx, start, end, None, number)  # earlier in the sentence
        if around is not None:
            year = year_for_month(around, number, direction)
            return Resolution("DATE", f"{year:04d}-{number:02d}", mod)
    if anchor is None:
        return Resolution("DATE", f"XXXX-{number:02d}", mod, anchored=False)
    if reference is not None and reference.granularity == "year" and anchor == reference.day:
        # After "in 1860", "the next April" is April 1861 and "that April" April 1860.
        step = {"next": 1, "following": 1, "last": -1, "previous": -1}.get(relation, 0)
        return Resolution("DATE", f"{anchor.year + step:04d}-{number:02d}", mod)
    relation = {"following": "next", "same": "this", "previous": "last"}.get(relation, relation)
    if value.by_year:
        year = anchor.year + _YEAR_STEPS[relation]
    elif relation == "this":
        year = anchor.year
    elif relation == "last":
        year = anchor.year if number < anchor.month else anchor.year - 1
    elif relation == "next":
        year = anchor.year if number > anchor.month else anchor.year + 1
    else:
        around, direction = story_anchor(ctx, start, end, anchor, number)
        year = year_for_month(around or anchor, number, direction)
    return Resolution("DATE", f"{year:04d}-{number:02d}", mod)


def _month_day(value: Underspecified, ctx: Context, start: int, end: int) -> Resolution | None:
    month, day_of_month = value.month, value.day
    anchor = ctx.deictic_anchor()
    if value.by_year:
        around, direction = anchor, None
    else:
        around, direction = story_anchor(ctx, start, end, anchor, month, day_of_month)
        if value.relation in {"last", "next"}:
            direction = "past" if value.relation == "last" else "future"
    if around is None:
        return Resolution("DATE", f"XXXX-{month:02d}-{day_of_month:02d}", anchored=False)
    if value.by_year:  # "the 3rd of May last year"
        year = around.year + _YEAR_STEPS[value.relation]
    elif (month, day_of_month) in ctx.named_days:
        year = ctx.named_days[month, day_of_month]  # the year of its first mention
    else:
        year = year_for_day(around, month, day_of_month, direction)
    if value.weekday:
        year = year_of_weekday(year, month, day_of_month, value.weekday)
    return calendar_date(ctx, year, month, day_of_month, value.week)


def _day_of_month(value: Underspecified, ctx: Context, start: int, end: int) -> Resolution | None:
    anchor = ctx.deictic_anchor()
    if anchor is None:
        return Resolution("DATE", f"XXXX-XX-{value.day:02d}", anchored=False)
    options = []
    for step in (-1, 0, 1):
        first = cal.add_months(anchor.replace(day=1), step)
        day = safe_date(first.year, first.month, value.day)
        if day is not None:
            options.append(day)
    agreeing = [day for day in options if value.weekday and day.isoweekday() == value.weekday]
    options = agreeing or options
    if not options:
        return None
    direction = ctx.tense(start, end)
    if value.relation in {"last", "next"}:
        direction = "past" if value.relation == "last" else "future"
    if direction == "past" and any(day <= anchor for day in options):
        options = [day for day in options if day <= anchor]
    elif direction == "future" and any(day >= anchor for day in options):
        options = [day for day in options if day >= anchor]
    return Resolution("DATE", min(options, key=lambda day: abs((day - anchor).days)).isoformat())


def calendar_date(
    ctx: Context, year: int, month: int, day_of_month: int, week: bool = False
) -> Resolution | None:
    """A month-day in a known year (None when there is no such day); later mentions of
    the same month-day without a year take this year."""
    day = safe_date(year, month, day_of_month)
    if day is None:
        return None
    ctx.named_days.setdefault((month, day_of_month), year)
    if week:  # "the week of March 6"
        return Resolution("DATE", cal.format_value(day, "week"))
    return Resolution("DATE", day.isoformat())


def _day(value: Underspecified, ctx: Context) -> Resolution:
    if value.relation in ANAPHORIC_RELATIONS:
        reference = ctx.anaphoric_anchor()  # "the next morning", "that night"
        anchor = reference.day if reference else None
    else:
        anchor = ctx.deictic_anchor()
    if anchor is None and value.part:
        return Resolution("TIME", f"XXXX-XX-XXT{value.part}", value.mod, anchored=False)
    if anchor is None:
        return unanchored("day", value.mod)
    day = anchor + timedelta(days=value.offset)
    if value.part:
        return Resolution("TIME", f"{day.isoformat()}T{value.part}", value.mod)
    return Resolution("DATE", day.isoformat(), value.mod)


# How coarse each granularity is: a value is never finer than the date it counts from.
_COARSENESS = {"day": 1, "week": 2, "month": 3, "quarter": 4, "half": 5, "year": 6}


def no_finer_than(granularity: str, anchor: Reference) -> str:
    """ "The next day" after "in March 1990" is known to the month, not to the day."""
    if granularity not in _COARSENESS or anchor.granularity not in _COARSENESS:
        return granularity  # decades and centuries, seasons: nothing finer to lose
    if _COARSENESS[anchor.granularity] > _COARSENESS[granularity]:
        return anchor.granularity
    return granularity


def _unit(value: Underspecified, ctx: Context, start: int, end: int) -> Resolution:
    if value.relation in ANAPHORIC_RELATIONS:
        anchor = ctx.anaphoric_anchor()
    else:
        day = ctx.deictic_anchor()
        anchor = Reference(day, "day") if day else None
        if anchor is None and not value.relation:
            anchor = ctx.reference  # "by the end of the year" in a story without a date
    if anchor is None:
        return unanchored("week" if value.unit == "weekend" else value.unit, value.mod)
    if value.unit == "weekend":
        return _weekend(value, ctx, anchor.day, start, end)
    day = cal.shift(anchor.day, _UNIT_LETTERS[value.unit], value.offset)
    if value.unit == "week" and value.relation == "this" and anchor.day.isoweekday() == 7:
        day = anchor.day + timedelta(days=1)  # on a Sunday, "this week" is the one beginning
    return Resolution("DATE", cal.format_value(day, no_finer_than(value.unit, anchor)), value.mod)


def _weekend(value: Underspecified, ctx: Context, anchor: date, start: int, end: int) -> Resolution:
    """The weekend ``offset`` weeks away; "the weekend" is the nearest one on the side
    the tense points to."""
    if value.offset < 0:
        day = cal.shift(anchor - timedelta(days=anchor.isoweekday()), "W", value.offset + 1)
    else:
        day = cal.shift(anchor, "W", value.offset)
    if value.offset == 0 and not value.relation:
        forward = 1 if ctx.tense(start, end) == "future" else -1
        day = cal.nearest_weekday(anchor, 6, forward)
    year, week, _ = day.isocalendar()
    return Resolution("DATE", f"{year:04d}-W{week:02d}-WE", value.mod)


def _offset(value: Underspecified, ctx: Context, start: int) -> Resolution | None:
    """A day (or coarser period) some units from the creation date ("three years ago")
    or from the date in discussion ("two days later")."""
    anchor: Reference | None
    anaphoric = value.relation in ANAPHORIC_RELATIONS
    if anaphoric:
        anchor = ctx.anaphoric_anchor()
    else:
        day = ctx.deictic_anchor()
        anchor = Reference(day, "day") if day else None
    mod = value.mod
    if value.unit in TIME_UNITS:
        if anchor is None:
            return None
        if anchor.granularity != "day":  # "two hours later" after "in 1354": day unknown
            return Resolution("TIME", "XXXX-XX-XXTXX:XX", mod, anchored=False)
        return Resolution("TIME", cal.format_value(anchor.day, "day") + "T" + "XX:XX", mod)
    letter = _UNIT_LETTERS[value.unit]
    granularity = cal.unit_granularity(letter)
    if anchor is None:
        return unanchored(granularity, mod)
    day = cal.shift(anchor.day, letter, value.offset)
    if value.keep_unit:
        granularity = "year" if letter == "DE" else granularity
        return Resolution("DATE", cal.format_value(day, granularity), mod, is_reference=False)
    forward = value.offset > 0
    quarter = ctx.recent_quarter(start)
    if letter == "Y" and abs(value.offset) == 1 and quarter is not None:
        # "a year ago/earlier" in a report about a quarter means that quarter a year before.
        day = cal.shift(quarter.day, "Y", value.offset)
        return Resolution("DATE", cal.format_value(day, "quarter"), mod, is_reference=False)
    if letter == "DE":
        granularity = "year"
    compared = ctx.reference_in_sentence(start)
    if (
        letter == "Y"
        and abs(value.offset) == 1
        and compared is not None
        and compared.granularity == "month"
    ):
        granularity = "month"  # "sales in November rose 2% from a year earlier": that month
    if letter == "W" and abs(value.offset) <= 2 and mod is None:
        granularity = "day"  # "a week ago", "two weeks ago" name a day (TimeBank)
    granularity = no_finer_than(granularity, anchor)
    # "Four days later" moves a story on to a new day ("it sank the next morning"); other
    # offsets ("a year ago", "two weeks earlier", "in two days") only look aside from it.
    moves_the_story = forward and anaphoric and granularity == "day" and mod is None
    return Resolution("DATE", cal.format_value(day, granularity), mod, is_reference=moves_the_story)


_SEASON_ORDER = ("SP", "SU", "FA", "WI")
_SEASON_STEPS = {"same": 0, "following": 1, "previous": -1}


def _season(value: Underspecified, ctx: Context, start: int, end: int) -> Resolution:
    code, mod, relation = value.season, value.mod, value.relation
    if (not relation or value.by_year) and ctx.dct is None and ctx.reference is not None:
        relation = "same"  # "through the autumn" in a story: the season of its year
    index = _SEASON_ORDER.index(code)
    if relation in ANAPHORIC_RELATIONS:
        # "later that summer", "the following spring": counted from the date in discussion.
        reference = ctx.anaphoric_anchor()
        if reference is None:
            return Resolution("DATE", f"XXXX-{code}", mod, anchored=False)
        year, reference_season = cal.season_of(reference.day)
        step = _SEASON_STEPS[relation]
        reference_index = _SEASON_ORDER.index(reference_season)
        if step == 0 and code != "WI":
            year = reference.day.year  # "that summer" after 31 January 1958 is 1958's
        if step > 0 and index <= reference_index:
            year += 1
        elif step < 0 and index >= reference_index:
            year -= 1
        return Resolution("DATE", f"{year:04d}-{code}", mod)
    anchor = ctx.deictic_anchor()
    if anchor is None:
        return Resolution("DATE", f"XXXX-{code}", mod, anchored=False)
    current_year, current = cal.season_of(anchor)
    current_index = _SEASON_ORDER.index(current)
    if value.by_year:
        year = anchor.year + _YEAR_STEPS[relation]
    elif relation == "this":
        year = current_year if code == "WI" else anchor.year
    elif relation == "last":
        year = current_year if index < current_index else current_year - 1
    elif relation == "next":
        year = current_year if index > current_index else current_year + 1
    else:
        direction = ctx.tense(start, end)
        year = current_year
        if direction == "past" and index > current_index:
            year -= 1
        elif direction == "future" and index < current_index:
            year += 1
    return Resolution("DATE", f"{year:04d}-{code}", mod)


def _quarter(value: Underspecified, ctx: Context, start: int, end: int) -> Resolution:
    label = f"{'H' if value.unit == 'half' else 'Q'}{value.number}"
    anchor = ctx.deictic_anchor()
    if anchor is None:
        return Resolution("DATE", f"XXXX-{label}", anchored=False)
    if value.month:  # "the December quarter": its year as for the month
        year = year_for_month(anchor, value.month, ctx.tense(start, end))
        return Resolution("DATE", f"{year:04d}-{label}")
    year = anchor.year + value.offset
    first_month = (value.number - 1) * (6 if value.unit == "half" else 3) + 1
    if not value.relation and first_month > anchor.month:
        # A period that has not begun yet is last year's if told in the past ("the fourth
        # quarter" said in March), or without a tense unless named as the known one.
        direction = ctx.tense(start, end)
        if direction == "past" or (direction is None and not value.definite):
            year -= 1
    return Resolution("DATE", f"{year:04d}-{label}")


def _holiday_value(day: date | None, week: bool) -> Resolution | None:
    if day is None:
        return None
    if week:  # "Easter week": the week of the holiday
        return Resolution("DATE", cal.format_value(day, "week"))
    return Resolution("DATE", day.isoformat())


def holiday_value(holiday: Holiday, year: int, week: bool = False) -> Resolution | None:
    """A holiday in a year the text names ("Christmas 1914")."""
    return _holiday_value(cal.holiday_date(holiday, year), week)


def _holiday(value: Underspecified, ctx: Context, start: int, end: int) -> Resolution | None:
    holiday, relation = value.holiday, value.relation
    if holiday is None:
        raise ValueError("a holiday value names no holiday")
    anchor = ctx.deictic_anchor()
    if anchor is None and not relation and ctx.deixis_from_text is False:
        # A story without a creation date: the holiday of the year in discussion
        # ("William was crowned on Christmas Day" in a story of 1066).
        around, _ = story_anchor(ctx, start, end, None)
        if around is not None:
            return holiday_value(holiday, around.year, value.week)
    if anchor is None:
        if holiday.day and not value.week:
            return Resolution("DATE", f"XXXX-{holiday.month:02d}-{holiday.day:02d}", anchored=False)
        return unanchored("week" if value.week else "day")
    this_year = cal.holiday_date(holiday, anchor.year)
    if this_year is None:
        return None
    # A holiday a few days off is this year's whatever the tense ("as Easter week began").
    near = abs((this_year - anchor).days) <= 7
    day: date | None
    if relation == "last" or (relation != "next" and ctx.tense(start, end) == "past" and not near):
        day = this_year if this_year <= anchor else cal.holiday_date(holiday, anchor.year - 1)
    elif relation == "next" or (ctx.tense(start, end) == "future" and not near):
        day = this_year if this_year >= anchor else cal.holiday_date(holiday, anchor.year + 1)
    else:  # no tense: the nearest occurrence
        options = [cal.holiday_date(holiday, anchor.year + offset) for offset in (-1, 0, 1)]
        day = min((d for d in options if d), key=lambda d: abs((d - anchor).days))
    return _holiday_value(day, value.week)


def period_a_year_before(ctx: Context, start: int, what: str) -> Resolution:
    """ "the same period last year", "the year-earlier quarter", "el mismo mes del año
    anterior": the period in discussion one year before. ``what`` is the period named:
    "" or "period"/"time" (the one in discussion), "quarter", "month", "week", "day",
    "year"."""
    quarter = ctx.recent_quarter(start)
    if quarter is not None and what in {"", "quarter", "period", "time"}:
        day = cal.shift(quarter.day, "Y", -1)
        return Resolution("DATE", cal.format_value(day, "quarter"), is_reference=False)
    reference = ctx.reference
    # A "period" is longer than the day last named ("Christmas ... the same period last
    # year" is not Christmas Day).
    period_of_a_day = what in {"period", "time"} and (
        reference is None or reference.granularity == "day"
    )
    if (
        reference is not None
        and what in {"period", "time", "month", "week", "day"}
        and not period_of_a_day
    ):
        granularity = reference.granularity if what in {"period", "time"} else what
        day = cal.shift(reference.day, "Y", -1)
        return Resolution("DATE", cal.format_value(day, granularity), is_reference=False)
    anchor = ctx.deictic_anchor()
    if anchor is None:
        return unanchored("year")
    granularity = "quarter" if what == "quarter" else "year"
    return Resolution(
        "DATE", cal.format_value(cal.shift(anchor, "Y", -1), granularity), is_reference=False
    )
