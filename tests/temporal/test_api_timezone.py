"""resolve() takes zone-aware publication dates and reads relative dates on the local calendar."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from timeline import resolve


def test_zone_aware_published_uses_local_calendar():
    # 23:30 on a Tuesday in New York is already Wednesday in UTC: "yesterday" is still Monday.
    published = datetime(2023, 10, 10, 23, 30, tzinfo=timezone(timedelta(hours=-4)))
    for value in (published, published.isoformat()):
        mentions = resolve("The valve failed yesterday.", published=value)
        assert [m.value for m in mentions] == ["2023-10-09"]
