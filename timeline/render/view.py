"""Which dates the chart shows first: the reporting period, or all dates.

News articles recall background (a 1999 bombing, a plant opened in 2008) beside the story they
report. Drawn at full extent, those years squeeze the story, the weeks the articles were
published in, into one vertical line of diamonds. So the page opens on the reporting period
when that is where the story is. The rule, in three steps:

1. **Reach**: from the first publication date to the last, widened on each side by the
   publication span itself and at least ``REACH_DAYS`` (what is reported tends to have happened
   in the days before, or to be scheduled in the days after).
2. **View**: the publication dates and every event of a week or finer lying wholly inside the
   reach, with a margin of ``MARGIN`` of that span (at least half a day) each side so no
   marker sits on the edge. Coarser events (a month, the year 2013, the 2010s) are drawn across
   the view where they meet it, but do not stretch it: their dates are not the story's.
3. **Open there** only when it pays off and hides little: everything drawn spans at least
   ``MIN_GAIN`` times the view, and the view meets at least ``MIN_SHARE`` of the drawn events.
   A retrospective (articles of 2023 about 1962) opens on all its dates.

The page draws only the rows of the events the view meets (and the publication row), and says
how many lie before and after it, with a button to show them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from timeline.models import GRANULARITY_ORDER, Chronology
from timeline.render.describe import parse_when
from timeline.render.figure import Placed, place_events

REACH_DAYS = 30
MARGIN = 0.04
MIN_GAIN = 4.0
MIN_SHARE = 1 / 3


@dataclass(frozen=True)
class View:
    """A date range of the chart and how the drawn events fall against it."""

    start: datetime
    end: datetime
    #: ids of the events whose interval meets [start, end): their rows are drawn
    shown: tuple[str, ...]
    #: ids of the events wholly before start, and wholly after end
    before: tuple[str, ...]
    after: tuple[str, ...]

    @property
    def hidden(self) -> int:
        return len(self.before) + len(self.after)


def _split(placed: list[Placed], start: datetime, end: datetime) -> View:
    shown, before, after = [], [], []
    for p in placed:
        # A zero-length event (a bare instant) at the start still counts as inside.
        if p.end <= start and not (p.end == p.start == start):
            before.append(p.event.id)
        elif p.start >= end:
            after.append(p.event.id)
        else:
            shown.append(p.event.id)
    return View(start, end, tuple(shown), tuple(before), tuple(after))


def reporting_view(chronology: Chronology) -> View | None:
    """The reporting period as a chart view (steps 1 and 2 of the module's rule), or None
    when no source has a publication date.

    >>> from timeline.models import Event, Source
    >>> c = Chronology(
    ...     sources=[Source(id="a", path="a", published="2013-04-23")],
    ...     events=[Event(id="E1", label="x", value="1999", start="1999-01-01", end="2000-01-01"),
    ...             Event(id="E2", label="y", value="2013-04-15", start="2013-04-15",
    ...                   end="2013-04-16", granularity="day")])
    >>> view = reporting_view(c)
    >>> str(view.start), str(view.end), view.shown, view.before
    ('2013-04-14 12:00:00', '2013-04-24 12:00:00', ('E2',), ('E1',))
    """
    published = sorted(d for d in (parse_when(s.published) for s in chronology.sources) if d)
    if not published:
        return None
    first, last = published[0], published[-1]
    reach = max(last - first, timedelta(days=REACH_DAYS))
    low, high = first - reach, last + reach
    placed, _ = place_events(chronology.events)
    finest = GRANULARITY_ORDER["week"]
    inside = [
        p
        for p in placed
        if p.start >= low
        and p.end <= high
        and GRANULARITY_ORDER.get(p.event.granularity or "", 99) <= finest
    ]
    start = min([first] + [p.start for p in inside])
    # A publication date is a day, whatever its time: the view takes in the whole of it.
    last_day = last.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    end = max([last_day] + [p.end for p in inside])
    margin = max((end - start) * MARGIN, timedelta(hours=12))
    return _split(placed, start - margin, end + margin)


def initial_view(chronology: Chronology) -> View | None:
    """The view the chart opens on: the reporting period when it pays off (step 3 of the
    module's rule), else None (all dates).

    >>> from timeline.models import Event, Source
    >>> day = lambda n, d: Event(id=n, label=n, value=d, start=d, end=d + "T23:59",
    ...                          granularity="day")
    >>> c = Chronology(
    ...     sources=[Source(id="a", path="a", published="2013-04-23")],
    ...     events=[Event(id="E1", label="x", value="1999", start="1999-01-01", end="2000-01-01"),
    ...             day("E2", "2013-04-15"), day("E3", "2013-04-19")])
    >>> initial_view(c).shown
    ('E2', 'E3')
    >>> c.events = c.events[:2] + [Event(id=f"B{n}", label="b", value=str(1990 + n),
    ...     start=f"{1990 + n}-01-01", end=f"{1991 + n}-01-01") for n in range(3)]
    >>> initial_view(c) is None  # one event of five in the reporting period
    True
    """
    view = reporting_view(chronology)
    placed, _ = place_events(chronology.events)
    if view is None or not placed:
        return None
    times = [t for p in placed for t in (p.start, p.end)] + [
        d for d in (parse_when(s.published) for s in chronology.sources) if d
    ]
    extent = max(times) - min(times)
    if extent < (view.end - view.start) * MIN_GAIN:
        return None
    if len(view.shown) < MIN_SHARE * len(placed):
        return None
    return view
