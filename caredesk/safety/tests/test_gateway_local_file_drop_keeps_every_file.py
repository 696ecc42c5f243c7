"""The local file-drop gateway, on real folders: sending is atomic and idempotent, a claim takes
a file out of the inbox exactly once, and every file ends up processed or failed with its
error, never lost; a claim abandoned by a killed poller is taken up again later."""

from __future__ import annotations

import json
import os
import time

import pytest

from caredesk.safety.gateway import LocalFileDropGateway, get_gateway
from caredesk.safety.gateway.base import GatewayError, Outcome, Settled
from caredesk.safety.gateway.local import STALE_SECONDS


def drop(root, program, name, content=b"<xml/>"):
    folder = root / "inbox" / program
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(content)
    return folder / name


def test_the_adapter_is_chosen_by_settings(settings, tmp_path):
    settings.GATEWAY, settings.GATEWAY_DIR = "local", tmp_path
    gateway = get_gateway()
    assert isinstance(gateway, LocalFileDropGateway) and gateway.root == tmp_path
    settings.GATEWAY = "none"
    assert get_gateway() is None


def test_sending_writes_the_exact_bytes_once_and_a_retry_is_harmless(tmp_path):
    gateway = LocalFileDropGateway(tmp_path)
    ref = gateway.send(program_code="relief-us", filename="M-1.xml", content=b"<a/>")
    assert ref == "local:outbox/relief-us/M-1.xml"
    assert (tmp_path / "outbox/relief-us/M-1.xml").read_bytes() == b"<a/>"
    assert gateway.send(program_code="relief-us", filename="M-1.xml", content=b"<a/>") == ref
    with pytest.raises(GatewayError) as refused:
        gateway.send(program_code="relief-us", filename="M-1.xml", content=b"<b/>")
    assert refused.value.permanent
    assert not [p for p in (tmp_path / "outbox/relief-us").iterdir() if p.name.startswith(".")]


def test_unsafe_names_never_leave_the_outbox(tmp_path):
    gateway = LocalFileDropGateway(tmp_path)
    for code, name in (("../x", "a.xml"), ("relief-us", "../../etc.xml"), ("p", ".hidden")):
        with pytest.raises(GatewayError):
            gateway.send(program_code=code, filename=name, content=b"x")


def test_a_file_is_claimed_once_and_files_being_written_are_left_alone(tmp_path):
    drop(tmp_path, "relief-us", "report.xml", b"<r/>")
    drop(tmp_path, "relief-us", "partial.xml.part")
    drop(tmp_path, "relief-us", ".incoming.xml")
    gateway = LocalFileDropGateway(tmp_path)
    [item] = gateway.claim()
    assert (item.program_code, item.filename, item.content) == ("relief-us", "report.xml", b"<r/>")
    assert os.path.exists(item.handle) and "/processing/relief-us/" in item.handle
    assert gateway.claim() == []  # a second poller gets nothing
    assert sorted(p.name for p in (tmp_path / "inbox/relief-us").iterdir()) == [
        ".incoming.xml",
        "partial.xml.part",
    ]


def test_processed_files_are_moved_aside_and_re_delivery_is_recognised(tmp_path):
    gateway = LocalFileDropGateway(tmp_path)
    drop(tmp_path, "relief-us", "report.xml", b"<r/>")
    [item] = gateway.claim()
    assert item.already is None
    gateway.settle(item, Settled(Outcome.PROCESSED, summary="1 ICSR"))
    [kept] = list((tmp_path / "processed/relief-us").iterdir())
    assert kept.name.endswith("-report.xml") and kept.read_bytes() == b"<r/>"
    ledger = json.loads((tmp_path / f"ledger/relief-us/{item.sha256}.json").read_text())
    assert ledger["outcome"] == "processed" and ledger["stored_as"] == kept.name

    drop(tmp_path, "relief-us", "report-again.xml", b"<r/>")
    [again] = gateway.claim()
    assert again.already == Outcome.PROCESSED


def test_a_failed_file_is_kept_with_its_error_and_retried_when_delivered_again(tmp_path):
    gateway = LocalFileDropGateway(tmp_path)
    drop(tmp_path, "relief-us", "bad.xml", b"not xml")
    [item] = gateway.claim()
    gateway.settle(item, Settled(Outcome.FAILED, error="not well-formed XML"))
    files = sorted(p.name for p in (tmp_path / "failed/relief-us").iterdir())
    assert files[0].endswith("-bad.xml") and files[1].endswith("-bad.xml.error.json")
    [failure] = gateway.failures("relief-us")
    assert (failure.filename, failure.error) == ("bad.xml", "not well-formed XML")
    drop(tmp_path, "relief-us", "bad.xml", b"not xml")
    [retry] = gateway.claim()
    assert retry.already is None  # failures are not in the ledger: a re-delivery is retried


def test_a_claim_abandoned_by_a_killed_poller_is_taken_up_again(tmp_path):
    gateway = LocalFileDropGateway(tmp_path)
    drop(tmp_path, "relief-us", "report.xml", b"<r/>")
    [item] = gateway.claim()  # ... and the poller dies here
    assert gateway.claim() == []  # a fresh claim is not stolen
    old = time.time() - STALE_SECONDS - 5
    os.utime(item.handle, (old, old))
    [again] = gateway.claim()
    assert again.filename == "report.xml" and again.content == b"<r/>"
    assert not os.path.exists(item.handle) and os.path.exists(again.handle)


def test_files_outside_a_program_folder_are_claimed_as_unassigned(tmp_path):
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "stray.xml").write_bytes(b"<r/>")
    [item] = LocalFileDropGateway(tmp_path).claim()
    assert item.program_code == "_unassigned"
