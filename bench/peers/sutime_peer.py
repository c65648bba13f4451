"""Stanford SUTime as a peer, through PyPI ``sutime`` (a JPype wrapper) when CoreNLP jars exist.

The wrapper holds no CoreNLP: it expects ``stanford-corenlp-*.jar`` (and the models jar with the
SUTime rule files) in a folder, normally fetched with Maven. Maven Central and the Stanford site
are not reachable from this workplace, and no PyPI, Debian or npm package carries those jars, so
here this peer reports why it is skipped. Point ``CORENLP_HOME`` at a folder with the jars (and
install ``sutime``) to run it elsewhere; it then shares the JVM with nothing else, so run it in a
process without HeidelTime (``python -m bench.run temporal --peers sutime``).
"""

from __future__ import annotations

import os
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from bench.peers.base import Peer
from timeline.temporal.tempeval import Timex


def _jar_dir() -> Path | None:
    home = os.environ.get("CORENLP_HOME")
    if not home:
        return None
    folder = Path(home)
    return folder if any(folder.glob("stanford-corenlp-*.jar")) else None


class SUTimePeer(Peer):
    """``SUTime(jars=CORENLP_HOME).parse(text, reference_date=DCT)``.

    >>> PEER.unavailable() is None or "CoreNLP" in PEER.unavailable() or "sutime" in PEER.unavailable()
    True
    """

    name = "sutime"
    distribution = "sutime"
    setup = (
        "PyPI sutime + Stanford CoreNLP jars from CORENLP_HOME; parse(text, reference_date=DCT); "
        "cannot run here: the jars come only from Maven Central / nlp.stanford.edu"
    )

    def unavailable(self) -> str | None:
        if _jar_dir() is None:
            return (
                "needs the Stanford CoreNLP jars (CORENLP_HOME); they are published only on "
                "Maven Central and nlp.stanford.edu, which this machine cannot reach, and no "
                "PyPI/Debian/npm package ships them"
            )
        try:
            import sutime  # noqa: F401
        except ImportError:
            return "the sutime wrapper is not installed (pip install sutime JPype1)"
        return None

    @staticmethod
    @cache
    def _engine() -> Any:
        from sutime import SUTime  # type: ignore[import-not-found]

        return SUTime(jars=str(_jar_dir()), mark_time_ranges=False, include_range=False)

    def call(self, text: str, dct: date) -> Any:
        return self._engine().parse(text, reference_date=dct.isoformat())

    def convert(self, text: str, dct: date, raw: Any) -> list[Timex]:
        return [
            Timex(int(e["start"]), int(e["end"]), e["text"], e["type"], str(e.get("value", "")))
            for e in raw
            if isinstance(e.get("value", ""), str | int)
        ]


PEER = SUTimePeer()
