"""An event's date from its claims, and the competing dates when its sources disagree.

The claims' intervals are split into groups that agree (they share a day): the fewest such
groups, found by a sweep over interval ends. One group means no conflict, however different the
granularities ("April" and "April 19", "2012-FA" and "2012" agree). Several groups mean the
sources date the happening differently: each group becomes a CompetingDate with its sources,
and the event takes the date of the best-supported group (independent sources, body text before
captions) rather than an average of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.events.timeaxis import Span, compatible, span_of
from timeline.models import Claim, CompetingDate


@dataclass
class DateGroup:
    """Claims whose intervals share a day, and the interval they agree on."""

    claims: list[Claim]
    spans: list[Span]

    @property
    def finest(self) -> Claim:
        """The most precise claim of the group (its value names the group's date)."""
        ranked = sorted(
            zip(self.claims, self.spans, strict=True),
            key=lambda cs: (cs[1].rank, -cs[0].weight, cs[1].end - cs[1].start),
        )
        return ranked[0][0]

    def support(self, roots: dict[str, str]) -> tuple[float, float, int]:
        """Independent sources (by weight), total weight, negated finest rank: bigger is better."""
        best: dict[str, float] = {}
        for claim in self.claims:
            root = roots.get(claim.source_id, claim.source_id)
            best[root] = max(best.get(root, 0.0), claim.weight)
        return (
            sum(best.values()),
            sum(c.weight for c in self.claims),
            -min(s.rank for s in self.spans),
        )


def date_groups(claims: list[Claim]) -> list[DateGroup]:
    """Split claims into the fewest groups whose intervals share a day (greedy by end).

    >>> from timeline.models import Claim
    >>> def c(v, s, e):
    ...     return Claim(source_id="a", text="x", mention="x", start_char=0, end_char=1,
    ...                  mention_start=0, mention_end=1, value=v, start=s, end=e)
    >>> groups = date_groups([c("2013-04", "2013-04-01", "2013-05-01"),
    ...                       c("2013-04-19", "2013-04-19", "2013-04-20"),
    ...                       c("2013-04-20", "2013-04-20", "2013-04-21")])
    >>> [[x.value for x in g.claims] for g in groups]
    [['2013-04-19', '2013-04'], ['2013-04-20']]
    """
    dated = [(c, s) for c in claims if (s := span_of(c)) is not None]
    dated.sort(key=lambda cs: (cs[1].days[1], cs[1].days[0]))
    groups: list[DateGroup] = []
    pending = dated
    while pending:
        anchor = pending[0][1]
        point_end = anchor.days[1]
        inside = [(c, s) for c, s in pending if s.days[0] < point_end and compatible(s, anchor)]
        groups.append(DateGroup([c for c, _ in inside], [s for _, s in inside]))
        chosen = {id(c) for c, _ in inside}
        pending = [(c, s) for c, s in pending if id(c) not in chosen]
    return groups


def resolve_date(
    claims: list[Claim], roots: dict[str, str]
) -> tuple[Claim, bool, list[CompetingDate]]:
    """The claim whose date the event takes, whether sources conflict, and the competing dates.

    ``roots`` maps a syndicated copy to its original so copies do not outvote others.

    >>> from timeline.models import Claim
    >>> def c(src, v, s, e):
    ...     return Claim(source_id=src, text="x", mention="x", start_char=0, end_char=1,
    ...                  mention_start=0, mention_end=1, value=v, start=s, end=e)
    >>> dated, conflict, competing = resolve_date(
    ...     [c("a", "2023-10-09", "2023-10-09", "2023-10-10"),
    ...      c("b", "2023-10-09", "2023-10-09", "2023-10-10"),
    ...      c("c", "2023-10-08", "2023-10-08", "2023-10-09")], {})
    >>> dated.value, conflict, [(d.value, d.source_ids) for d in competing]
    ('2023-10-09', True, [('2023-10-09', ['a', 'b']), ('2023-10-08', ['c'])])
    """
    groups = date_groups(claims)
    if not groups:
        return claims[0], False, []
    groups.sort(key=lambda g: g.support(roots), reverse=True)
    main = groups[0]
    if len(groups) == 1:
        return main.finest, False, []
    competing = []
    for group in groups:
        finest = group.finest
        competing.append(
            CompetingDate(
                value=finest.value,
                start=finest.start,
                end=finest.end,
                source_ids=sorted({c.source_id for c in group.claims}),
            )
        )
    return main.finest, True, competing
