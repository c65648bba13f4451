"""Helpers for the service tests: the token, synthetic articles, a real uvicorn server process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

TOKEN = "test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_WHO = ["The council", "The mayor", "Police", "The company", "Officials", "The union"]
_WHAT = [
    "approved the new budget",
    "closed the bridge for repairs",
    "announced an inquiry",
    "signed the agreement",
    "opened the new station",
    "postponed the vote",
]


def article(n: int, client: int = 0) -> dict:
    """A small invented news item with a few time expressions, unique per (n, client).

    >>> article(3)["published"]
    '2013-04-04'
    """
    day = 1 + (n % 28)
    who, what = _WHO[n % len(_WHO)], _WHAT[(n // 3) % len(_WHAT)]
    month = _MONTHS[n % 12]
    text = (
        f"Item {client}-{n}. {who} {what} on {_WEEKDAYS[n % 7]}, a spokesperson said. "
        f"The work began on {month} {day}, {2010 + n % 3} and should end in {2014 + n % 2}. "
        f"Residents were told last week that nothing would change before {month}."
    )
    return {"text": text, "published": f"2013-04-{1 + (n % 28):02d}", "source": f"Outlet {n % 5}"}


def note(n: int, client: int = 0) -> dict:
    """A one-sentence item, unique per (n, client): cheap to process, for load tests.

    >>> note(2, 1)["text"]
    'Note 1-2: the council met on Wednesday.'
    """
    return {
        "text": f"Note {client}-{n}: the council met on {_WEEKDAYS[n % 7]}.",
        "published": f"2013-04-{1 + (n % 28):02d}",
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """``timeline serve`` in a subprocess, on a free loopback port."""

    def __init__(self, db_url: str, log: Path) -> None:
        self.db_url = db_url
        self.log_path = log
        self.process: subprocess.Popen | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> LiveServer:
        self.port = free_port()
        env = {**os.environ, "TIMELINE_TOKEN": TOKEN}
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-c", "from timeline.cli import main; main()", "serve"),
                *("--db", self.db_url, "--port", str(self.port), "--host", "127.0.0.1"),
            ],
            stdout=log,
            stderr=log,
            env=env,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{self.tail()}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not answer within {timeout}s:\n{self.tail()}")

    def tail(self, lines: int = 30) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, no flushing; what a crash or an OOM kill does."""
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
