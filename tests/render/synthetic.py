"""Synthetic chronologies for the render tests: realistic sizes, and hostile text everywhere.

The words are invented here (no seed text); a seeded random generator keeps them reproducible.
"""

from __future__ import annotations

import itertools
import random
from datetime import date, datetime, timedelta

from timeline.models import Chronology, Claim, CompetingDate, Event, Skipped, Source

_SUBJECTS = [
    "County commissioners",
    "The plant operator",
    "State inspectors",
    "The regional water board",
    "A spokeswoman for the utility",
    "Residents of the eastern district",
    "The federal safety agency",
    "Union representatives",
    "The mayor's office",
    "Emergency crews",
]
_VERBS = [
    "ordered an evacuation of",
    "announced a review of",
    "filed a lawsuit over",
    "published a report on",
    "reopened the road near",
    "held a public hearing about",
    "fined the company for",
    "confirmed a second leak at",
    "suspended operations at",
    "disputed the account of",
]
_OBJECTS = [
    "the storage tanks by the river",
    "the old rail yard site and its neighbours",
    "the chlorine line that failed last week",
    "three schools on the valley road",
    "the water intake downstream of the plant",
    "the north gate after the morning shift change",
]
_OUTLETS = [
    "Harbor Wire Service",
    "Riverton Gazette",
    "Aldery Courier",
    "Valley Weekly",
    "Northshore Daily Ledger",
    "Port Aldery Radio",
    "The Morning Examiner",
    "Coastline Public Media",
    "Metro Desk Online",
    "Tri-County Business Journal",
    "Evening Sentinel",
    "Lakeside Tribune",
]
_GRANULARITIES = [
    ("day", 0.55),
    ("hour", 0.08),
    ("week", 0.05),
    ("month", 0.1),
    ("season", 0.06),
    ("year", 0.11),
    ("decade", 0.05),
]
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

HOSTILE = [
    '<script>window.__pwned = "script";</script>',
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    '</script><script>window.__pwned = "breakout"</script>',
    "<!-- <script>window.__pwned = 'comment'</script>",
    '=HYPERLINK("http://example.invalid", "click")',
    "+SUM(A1:A2)",
    "-2+3",
    "@cmd",
    "\tTab first",
    "\rCR first",
    "line\u2028separator\u2029paragraph",
    '"><svg onload="window.__pwned = \'svg\'">',
    "javascript:window.__pwned='href'",
    "$x^2$ looks like TeX $",
    "{{constructor.constructor('window.__pwned=1')()}}",
]


def _interval(rng: random.Random, granularity: str, news: date) -> tuple[str, str, str]:
    """(value, start, end) for a random interval of the given granularity around ``news``."""
    if granularity in ("day", "hour", "week"):
        day = news + timedelta(days=rng.randint(-40, 50))
        if granularity == "day":
            return day.isoformat(), day.isoformat(), (day + timedelta(days=1)).isoformat()
        if granularity == "hour":
            at = datetime.combine(day, datetime.min.time()) + timedelta(hours=rng.randint(6, 22))
            return (
                at.strftime("%Y-%m-%dT%H"),
                at.isoformat(),
                (at + timedelta(hours=1)).isoformat(),
            )
        monday = day - timedelta(days=day.weekday())
        iso = monday.isocalendar()
        return (
            f"{iso.year}-W{iso.week:02d}",
            monday.isoformat(),
            (monday + timedelta(days=7)).isoformat(),
        )
    year = news.year - rng.choice([0, 0, 1, 2, 5, 8, 12, 15])
    if granularity == "month":
        month = rng.randint(1, 12)
        end = date(year + (month == 12), month % 12 + 1, 1)
        return f"{year}-{month:02d}", date(year, month, 1).isoformat(), end.isoformat()
    if granularity == "season":
        code = rng.choice(list(_SEASON_START))
        m = _SEASON_START[code]
        start = date(year, m, 1)
        end = date(year + (m + 3 > 12), (m + 3 - 1) % 12 + 1, 1)
        return f"{year}-{code}", start.isoformat(), end.isoformat()
    if granularity == "year":
        return str(year), f"{year}-01-01", f"{year + 1}-01-01"
    decade = (year - 10) // 10 * 10
    return str(decade)[:3], f"{decade}-01-01", f"{decade + 10}-01-01"


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(
        f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}." for _ in range(n)
    )


def synthetic_chronology(
    n_events: int = 40,
    n_sources: int = 6,
    *,
    seed: int = 7,
    hostile: bool = False,
    conflict_rate: float = 0.08,
) -> Chronology:
    """A chronology shaped like real output: dated, inferred and unknown sources, mixed
    granularities (mostly days in a news window, some seasons, years and decades), a few
    conflicts and syndicated copies. ``hostile`` puts attack strings in every text field."""
    rng = random.Random(seed)
    news = date(2023, 10, 10)
    bad = itertools.cycle(HOSTILE)

    def text(clean: str) -> str:
        return f"{next(bad)} {clean} {next(bad)}" if hostile else clean

    sources: list[Source] = []
    for i in range(n_sources):
        how = ["manifest", "metadata", "dateline", "inferred", "unknown"][i % 5]
        published = None if how == "unknown" else (news + timedelta(days=i * 3)).isoformat()
        sources.append(
            Source(
                id=(f"{next(bad)}src{i:02d}" if hostile and i == 0 else f"s{i:02d}-article"),
                path=f"corpus/s{i:02d}.txt",
                title=text(f"Story {i}: {rng.choice(_OBJECTS)}"),
                outlet=text(_OUTLETS[i % len(_OUTLETS)]) if i % 7 != 6 else None,
                url=f"https://news.example.invalid/{i}",
                published=published,
                published_how=how,
                published_confidence={"inferred": 0.55, "unknown": 0.0}.get(how, 0.95),
                published_evidence=None if how == "unknown" else text(f"dated {published}"),
                syndicated_from=sources[0].id if i == 3 else None,
                chars=rng.randint(1500, 9000),
            )
        )
    dated = [s for s in sources if s.published]
    events: list[Event] = []
    granularities, weights = zip(*_GRANULARITIES, strict=True)
    for _ in range(n_events):
        granularity = rng.choices(granularities, weights)[0]
        value, start, end = _interval(rng, granularity, news)
        claims = []
        for _ in range(rng.choice([1, 1, 2, 2, 3, 5])):
            source = rng.choice(sources)
            mention = rng.choice(["Monday", "last fall", "in 2011", "Oct. 9", "that evening"])
            quote = text(f"{_sentence(rng, rng.randint(1, 3))} It happened {mention}, they said.")
            at = quote.index(mention)
            claims.append(
                Claim(
                    source_id=source.id,
                    text=quote,
                    mention=mention,
                    start_char=100,
                    end_char=100 + len(quote),
                    mention_start=100 + at,
                    mention_end=100 + at + len(mention),
                    value=value,
                    start=start,
                    end=end,
                    granularity=granularity,
                    anchor="published",
                    attribution=rng.choice([None, "officials said", text("a witness said")]),
                )
            )
        competing = []
        conflict = rng.random() < conflict_rate and granularity == "day"
        if conflict:
            other = (date.fromisoformat(start) - timedelta(days=1)).isoformat()
            ids = sorted({c.source_id for c in claims})
            competing = [
                CompetingDate(value=value, start=start, end=end, source_ids=ids[:1]),
                CompetingDate(
                    value=other, start=other, end=start, source_ids=[rng.choice(sources).id]
                ),
            ]
        first = min(
            (s for s in dated if s.id in {c.source_id for c in claims}),
            key=lambda s: s.published or "",
            default=None,
        )
        events.append(
            Event(
                id="",
                label=text(_sentence(rng, 2))[: rng.randint(60, 90)],
                value=value,
                start=start,
                end=end,
                granularity=granularity,
                first_reported_by=first.id if first else None,
                first_reported_at=first.published if first else None,
                conflict=conflict,
                competing=competing,
                lag_days=(
                    float(
                        (date.fromisoformat(first.published) - date.fromisoformat(start[:10])).days
                    )
                    if first and first.published
                    else None
                ),
                independent_sources=len({c.source_id for c in claims}),
                copies=[c.source_id for c in claims if c.source_id == sources[3].id][:1]
                if n_sources > 3
                else [],
                claims=claims,
            )
        )
    events.sort(key=lambda e: e.start or "")
    for n, event in enumerate(events, start=1):
        event.id = f"E{n:04d}"
    skipped = [Skipped(path=text("corpus/broken.bin"), reason="binary file, not text")]
    return Chronology(sources=sources, events=events, skipped=skipped if hostile else [])
