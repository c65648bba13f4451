"""The view the chart opens on: the reporting period when the story is there, else all dates."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.conftest import EXAMPLES
from timeline.models import Chronology, Event, Source
from timeline.render.figure import PUBLISHED_ROW, build_figure
from timeline.render.html import chart_views, render_html
from timeline.render.view import initial_view, reporting_view


def _event(event_id: str, start: str, end: str, granularity: str = "day") -> Event:
    return Event(
        id=event_id, label=event_id, value=start, start=start, end=end, granularity=granularity
    )


def _years(*years: int) -> list[Event]:
    return [_event(f"Y{y}", f"{y}-01-01", f"{y + 1}-01-01", "year") for y in years]


def _story(*days: str) -> list[Event]:
    return [_event(f"D{d}", d, d[:-2] + f"{int(d[-2:]) + 1:02d}") for d in days]


def _chronology(events: list[Event], *published: str) -> Chronology:
    sources = [Source(id=f"s{n}", path=f"s{n}", published=p) for n, p in enumerate(published)]
    return Chronology(sources=sources, events=events)


def test_background_years_do_not_set_the_opening_view():
    """The seeds' shape: 1999, 2004, 2011 as background, the story in April 2013."""
    story = _story("2013-04-15", "2013-04-19", "2013-04-20", "2013-04-29")
    view = initial_view(_chronology(_years(1999, 2004, 2011) + story, "2013-04-21", "2013-04-30"))
    assert view is not None
    assert view.start <= datetime(2013, 4, 15) and view.end >= datetime(2013, 4, 30, 12)
    assert (view.end - view.start).days < 20
    assert view.shown == tuple(e.id for e in story)
    assert view.before == ("Y1999", "Y2004", "Y2011") and view.after == ()


def test_it_opens_on_the_story_even_when_background_is_most_of_the_events():
    """14 of the seeds' 34 events are in April 2013: a third is enough."""
    story = _story("2013-04-15", "2013-04-16", "2013-04-19")
    events = _years(1999, 2000, 2002, 2004, 2009, 2011) + story
    assert initial_view(_chronology(events, "2013-04-23")) is not None


def test_a_retrospective_opens_on_all_its_dates():
    """Articles of 2023 about the 1960s: the reporting period holds too little of it."""
    events = _years(*range(1960, 1970)) + _story("2023-10-02")
    chronology = _chronology(events, "2023-10-04")
    assert reporting_view(chronology) is not None, "the button can still zoom there"
    assert initial_view(chronology) is None


def test_no_publication_date_or_nothing_to_gain_means_all_dates():
    story = _story("2013-04-15", "2013-04-19")
    assert initial_view(_chronology(_years(1999) + story)) is None, "no publication date"
    assert initial_view(_chronology(story, "2013-04-23")) is None, "all of it is in view anyway"
    assert initial_view(_chronology([], "2013-04-23")) is None


def test_scheduled_days_stretch_the_view_coarse_months_do_not():
    """A hearing set for three weeks after the last article is part of the story; 'in
    December' is drawn where it meets the view but does not widen it."""
    hearing = _story("2023-11-20")
    december = [_event("M12", "2023-12-01", "2024-01-01", "month")]
    events = _years(2008, 2011) + _story("2023-10-08", "2023-10-09") + hearing + december
    view = initial_view(_chronology(events, "2023-10-10", "2023-10-30"))
    assert view is not None
    assert view.end > datetime(2023, 11, 21) and view.end < datetime(2023, 12, 1)
    assert "D2023-11-20" in view.shown and view.after == ("M12",)


def test_a_day_far_beyond_the_reach_is_outside_the_view():
    events = _years(2008, 2011) + _story("2023-10-08", "2023-10-09", "2024-06-03")
    view = initial_view(_chronology(events, "2023-10-10"))
    assert view is not None and view.after == ("D2024-06-03",)


def test_the_news_view_draws_only_its_rows_and_a_shorter_chart():
    events = _years(1999, 2004, 2011) + _story("2013-04-15", "2013-04-19", "2013-04-20")
    chronology = _chronology(events, "2013-04-21", "2013-04-23")
    figure = build_figure(chronology)
    views = chart_views(chronology, figure)
    assert views["initial"] == "news"
    assert views["all"]["rows"] == figure["layout"]["yaxis"]["categoryarray"]
    assert views["all"]["range"] is None
    assert views["news"]["rows"] == [PUBLISHED_ROW, "D2013-04-15", "D2013-04-19", "D2013-04-20"]
    assert views["news"]["height"] < views["all"]["height"]
    assert views["news"]["range"][0].startswith("2013-04-1")


def test_the_page_says_what_the_opening_view_leaves_out():
    events = _years(1999, 2004, 2011) + _story("2013-04-15", "2013-04-19", "2013-04-20")
    page = render_html(_chronology(events, "2013-04-21", "2013-04-23"))
    assert "<strong>3</strong> earlier events (1999 – 2011) are outside this view." in page
    assert "id='news-window' aria-pressed='true'" in page
    assert "id='reset-zoom' aria-pressed='false'" in page
    # A page opening on all dates keeps the note hidden until the reporting period is shown.
    page = render_html(_chronology(_years(*range(1960, 1970)) + _story("2023-10-02"), "2023-10-04"))
    assert "id='view-note' hidden" in page and "id='reset-zoom' aria-pressed='true'" in page


def test_the_examples_open_on_october_and_november_2023():
    from timeline import build

    view = initial_view(build([EXAMPLES], manifest=EXAMPLES / "manifest.csv"))
    assert view is not None
    assert datetime(2023, 10, 1) < view.start < datetime(2023, 10, 8)
    assert datetime(2023, 11, 22) < view.end < datetime(2024, 1, 1)
    assert len(view.before) == 6 and view.after == ()


def test_the_seeds_open_on_april_2013(seeds_dir):
    from timeline import build

    chronology = build([seeds_dir])
    view = initial_view(chronology)
    assert view is not None
    assert datetime(2013, 4, 10) < view.start <= datetime(2013, 4, 15)
    assert datetime(2013, 4, 30) < view.end < datetime(2013, 5, 5)
    events = {e.id: e for e in chronology.events}
    assert len(view.shown) >= 10
    assert all((events[i].end or "") <= "2013-04" for i in view.before)


@pytest.mark.parametrize("published", [["2013-04-23T06:39:00-04:00"], ["2013-04-30T14:54:00"]])
def test_a_publication_time_still_takes_in_its_whole_day(published):
    events = _years(1999, 2004) + _story("2013-04-22", "2013-04-23")
    view = reporting_view(_chronology(events, *published))
    day = datetime.fromisoformat(published[0][:10])
    assert view is not None and view.end >= day.replace(hour=23, minute=59)
