"""Group commit: one writer thread stores whatever documents arrived meanwhile in one transaction.

Every acknowledged document must be durable (SQLite runs with ``synchronous=FULL``), and a
durable commit costs an fsync of several milliseconds. Committing each document alone would cap
ingest at a few hundred documents per second however fast the pipeline is; committing the
documents that queued up during the previous commit amortizes the fsync over all of them. A
request is answered only after the transaction holding its document has committed.
"""

from __future__ import annotations

import logging
import queue
import threading
from concurrent.futures import Future

from timeline.service.storage import NewDocument, Store, StoredDocument

log = logging.getLogger("timeline.service")

Result = tuple[StoredDocument, bool] | None
_STOP = object()


class DocumentWriter:
    """Queue documents for storage; each ``submit`` returns a Future of its result.

    >>> writer = DocumentWriter(store)  # doctest: +SKIP
    >>> document, created = writer.submit("4f1c0a9e2b7d", new).result()  # doctest: +SKIP
    """

    def __init__(self, store: Store, *, max_batch: int = 64) -> None:
        self.store = store
        self.max_batch = max_batch
        self._queue: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.commits = 0  # transactions committed (tests, benchmark)
        self.documents = 0  # documents handled

    def submit(self, collection_id: str, new: NewDocument) -> Future[Result]:
        """Queue a document; the Future resolves once its transaction has committed."""
        future: Future[Result] = Future()
        self._ensure_thread()
        self._queue.put((collection_id, new, future))
        return future

    def _ensure_thread(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="timeline-writer", daemon=True
                )
                self._thread.start()

    def close(self, timeout: float = 30) -> None:
        """Finish what is queued, then stop the thread."""
        with self._lock:
            thread = self._thread
            self._thread = None
        if thread is not None and thread.is_alive():
            self._queue.put(_STOP)
            thread.join(timeout)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            batch = [item]
            stop = False
            while len(batch) < self.max_batch:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is _STOP:
                    stop = True
                    break
                batch.append(more)
            self._write(batch)
            if stop:
                return

    def _write(self, batch: list) -> None:
        live = [
            (cid, new, future)
            for cid, new, future in batch
            if future.set_running_or_notify_cancel()
        ]
        if not live:
            return
        try:
            results = self.store.add_documents([(cid, new) for cid, new, _ in live])
        except Exception as exc:
            if len(live) == 1:
                live[0][2].set_exception(exc)  # the request answers it (500/503) and logs it
                return
            # Something in the group failed and the whole transaction rolled back: store them
            # one by one, so one bad document cannot fail the others.
            for cid, new, future in live:
                try:
                    future.set_result(self.store.add_document(cid, new))
                except Exception as one:
                    future.set_exception(one)
                self.commits += 1
                self.documents += 1
            return
        self.commits += 1
        self.documents += len(live)
        for (_, _, future), result in zip(live, results, strict=True):
            future.set_result(result)
