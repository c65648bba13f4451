"""Temporal engine: find time expressions and normalize them to TIMEX3 values and intervals.

``resolve(text, published)`` returns :class:`~timeline.models.Mention` objects sorted by
``start_char`` and never overlapping; ``start_char``/``end_char`` index the text as given
(glued words such as "inRussiain 2012" are split internally, offsets still point at the
original characters).

Conventions
-----------
* Values are TIMEX3 (TimeML): ``2013-04-15``, ``2013-W16``, ``2013-W16-WE``, ``2012-FA``,
  ``2013-Q2``, ``2013-H1``, ``199`` (the 1990s), ``19`` (the 1900s), ``2013-04-19TEV``,
  ``2013-04-19T14:49``, durations ``P6M``/``PT5H30M``/``PXD``, sets ``XXXX-WXX-2`` with
  ``quant`` EVERY/EACH and ``freq`` (``2X``), and ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``.
* ``start``/``end`` are the half-open interval ``[start, end)``: plain dates for day
  granularity or coarser, date-times for finer ones; null when the value is not an interval
  (placeholders, unanchored durations, sets, ``*_REF``). Anchored durations ("the past two
  months", "the next 14 months") get the span they cover, ending or starting at the reference.
* Weeks are ISO weeks (Monday to Monday); the weekend is [Saturday, Monday). Seasons are
  meteorological, northern hemisphere: SP Mar-May, SU Jun-Aug, FA Sep-Nov, WI Dec-Feb of the
  next year (``2012-WI`` starts 2012-12-01). Parts of day: MO 06-12, MI 12-13, AF 12-18,
  EV 18-21, NI 21-06 (next day), DT 08-18. Quarters Q1-Q4, halves H1/H2; decades
  ``199`` = [1990, 2000); centuries ``19`` = [1900, 2000).
* ``anchor`` says what the value was computed from: ``published`` (the publication date,
  given back in ``reference``), ``narrative`` (the last specific date before it in the text,
  as HeidelTime's narrative mode: "in 1999 ... three years later" -> 2002, "the following
  day"; ``reference`` is that date's value), ``absolute`` (fully specified dates, durations,
  sets).
* Without a publication date (``published=None``) absolute expressions still resolve ("April
  16, 2013", "in 2011") and narrative ones follow the text; expressions that need the
  publication date keep TIMEX3 placeholders with no interval ("Monday" -> ``XXXX-WXX-1``,
  "April 16" -> ``XXXX-04-16``, "last week" -> ``XXXX-WXX``, anchor ``published``,
  reference null), so a weekday-and-date pair can still fix a year later on.
* Which occurrence a partial date means: a bare weekday follows the tense of its clause (past
  -> the most recent one, the reference's own weekday being that day; future or scheduled ->
  the next one; no cue -> past, since news reports what happened). A deadline ("by Tuesday",
  "until Friday") looks ahead unless the clause tells it as done ("had gone home by Tuesday",
  "were back by Wednesday"); a reporting verb right before a weekday dates the saying ("said
  Monday that it will ..."); "would" and the present of a timetable ("meet Monday") look
  ahead; "Wednesday's ruling" has happened. Weekdays stay on the publication date's calendar
  even after an older date in the text (TimeBank + AQUAINT: 35 of 40 such weekdays). Months, days of a month,
  seasons and holidays take the nearest occurrence, the side the tense points to counting
  three times closer ("in December" in a past-tense April sentence -> last December;
  "August's championships" -> the coming August); a verb right before the date decides
  outright ("the year ended June 30"). Quarters and halves are past unless the clause looks
  ahead. "last"/"next"/"this" fix the direction.
* "The following day" (next day/morning ...) moves on from the latest day the story has
  told (not after the publication day), at day granularity, even after a look back at an
  older date; "the weekend before the leak", "ten days after the vote" hang on the event's
  date when the text gives it next to the event's noun, else stay vague (a placeholder with
  no interval, or the plain duration), never a guess.
* The grammar is data (``resources/``): a lexicon of normalization tables and rule files
  (pattern -> value template); see :mod:`timeline.temporal.grammar`.
"""

from __future__ import annotations

from datetime import date, datetime

from timeline.dates import parse_published
from timeline.models import Mention
from timeline.temporal.engine import annotate


def resolve(text: str, published: date | datetime | str | None = None) -> list[Mention]:
    """Find the time expressions in ``text``, anchored on its publication date.

    >>> [m.value for m in resolve("The talks ended on Monday.", published="2013-04-23")]
    ['2013-04-22']
    >>> [m.value for m in resolve("The talks ended on Monday.")]
    ['XXXX-WXX-1']
    """
    reference = parse_published(published)
    if reference is not None and reference.tzinfo is not None:
        # Relative dates live on the article's own calendar: "Monday" in a story stamped
        # 09:30-04:00 is the local Monday, so keep the wall-clock time and drop the zone.
        reference = reference.replace(tzinfo=None)
    return annotate(text, reference)


__all__ = ["resolve"]
