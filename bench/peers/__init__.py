"""Peer temporal taggers wrapped as TempEval `System`s, each with a one-line availability check.

Every peer module exposes ``PEER``: a :class:`bench.peers.base.Peer` whose ``unavailable()`` says
in one line why it cannot run here (``None`` when it can), whose ``call(text, dct)`` is the peer's
own entry point (what throughput measures) and whose ``system(text, dct)`` converts that output
to :class:`timeline.temporal.tempeval.Timex` with character offsets into ``text`` (what accuracy
measures).

>>> from bench.peers import peers
>>> [p.name for p in peers()]  # doctest: +SKIP
['dateparser', 'duckling', 'heideltime', 'sutime']
"""

from __future__ import annotations

from bench.peers.base import Peer


def peers() -> list[Peer]:
    """Every peer we know how to run, in report order (available or not).

    >>> "dateparser" in [p.name for p in peers()]
    True
    """
    from bench.peers import dateparser_peer, duckling_peer, heideltime_peer, sutime_peer

    return [dateparser_peer.PEER, duckling_peer.PEER, heideltime_peer.PEER, sutime_peer.PEER]


__all__ = ["Peer", "peers"]
