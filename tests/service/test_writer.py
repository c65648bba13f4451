"""Group commit: documents queued together are stored in one transaction, and stay independent."""

from __future__ import annotations

import threading

import pytest

from tests.service.live import article
from timeline.service.api import DocumentIn
from timeline.service.app import prepare
from timeline.service.storage import Store
from timeline.service.writer import DocumentWriter


@pytest.fixture
def store(db_url):
    opened = Store(db_url)
    yield opened
    opened.close()


def held(store: Store, writer: DocumentWriter):
    """Hold the writer inside its first transaction until the returned event is set."""
    release = threading.Event()
    entered = threading.Event()
    real = store.add_documents

    def slow(batch):
        if not entered.is_set():
            entered.set()
            release.wait(30)
        return real(batch)

    store.add_documents = slow  # type: ignore[method-assign]
    return entered, release


def test_documents_queued_meanwhile_share_one_commit(store):
    cid = store.create_collection("g", public=False).id
    writer = DocumentWriter(store)
    entered, release = held(store, writer)
    first = writer.submit(cid, prepare(DocumentIn(**article(0))))
    assert entered.wait(30)
    rest = [writer.submit(cid, prepare(DocumentIn(**article(n)))) for n in range(1, 21)]
    release.set()
    results = [f.result(30) for f in [first, *rest]]
    writer.close()
    assert all(created for _, created in results)
    assert sorted(doc.seq for doc, _ in results) == list(range(1, 22))
    assert writer.documents == 21
    assert writer.commits == 2, "the 20 queued documents should go in one transaction"
    assert store.get_collection(cid).documents == 21
    assert store.check() == []


def test_same_content_twice_in_one_group_is_stored_once(store):
    cid = store.create_collection("g", public=False).id
    writer = DocumentWriter(store)
    entered, release = held(store, writer)
    blocker = writer.submit(cid, prepare(DocumentIn(**article(99))))
    assert entered.wait(30)
    new = prepare(DocumentIn(**article(1)))
    a, b = writer.submit(cid, new), writer.submit(cid, new)
    release.set()
    blocker.result(30)
    (doc_a, created_a), (doc_b, created_b) = a.result(30), b.result(30)
    writer.close()
    assert (created_a, created_b) == (True, False)
    assert doc_a.seq == doc_b.seq
    assert store.get_collection(cid).documents == 2


def test_one_bad_document_does_not_fail_its_group(store):
    cid = store.create_collection("g", public=False).id
    writer = DocumentWriter(store)
    entered, release = held(store, writer)
    blocker = writer.submit(cid, prepare(DocumentIn(**article(50))))
    assert entered.wait(30)
    good = [writer.submit(cid, prepare(DocumentIn(**article(n)))) for n in range(3)]
    bad_doc = prepare(DocumentIn(**article(7)))
    bad_doc.claims[0] = None  # type: ignore[call-overload]  # cannot be serialized
    bad = writer.submit(cid, bad_doc)
    missing = writer.submit("no-such-collection", prepare(DocumentIn(**article(8))))
    release.set()
    blocker.result(30)
    assert all(f.result(30)[1] for f in good)
    with pytest.raises(AttributeError):
        bad.result(30)
    assert missing.result(30) is None
    writer.close()
    assert store.get_collection(cid).documents == 4
    assert store.check() == []


def test_close_finishes_what_is_queued(store):
    cid = store.create_collection("g", public=False).id
    writer = DocumentWriter(store)
    futures = [writer.submit(cid, prepare(DocumentIn(**article(n)))) for n in range(5)]
    writer.close()
    assert all(f.done() for f in futures)
    assert store.get_collection(cid).documents == 5
