"""Channels burst benchmark (issue 4): a mixed burst of inbound messages through every adapter.

One server (gunicorn), the SMTP receiver (`caredesk email serve`) and huey process workers run
together, as in production, on a small demo load. The burst, bounded by `--requests` and
`--seconds`, mixes per ten messages: four SMS and two WhatsApp Twilio webhooks (form-encoded,
signed with the route's token), one incoming phone call's first voice webhook (stored, greeted
with the IVR's consent notice and menu), two web-chat messages and one faxed scan through the
REST API, and one email over SMTP (sent by separate client threads alongside). One message in five
reports a side effect. Every message is stored, matched to its person and case, screened and
routed by the workers while the burst goes on.

Figures: accepted messages per second over HTTP, with the ratio to the no-op `GET /health` of
the same server measured before and after the burst; for every message, the time from its
receipt (the inbox row's `received_at`) to routed (`processed_at`), p50 and p99; and the books:
every accepted message has its row (none lost), each row one interaction (none duplicated),
none failed.
"""

from __future__ import annotations

import argparse
import base64
import json
import smtplib
import subprocess
import sys
import threading
import time
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench.burst_books import books, drain_open
from bench.env import BACKENDS, free_port, prepare_database, run_backends, setup_django
from bench.intake_server import start_server, stop_server, wait_ready
from bench.intake_worker import start_workers
from bench.loadgen import PhaseResult, RequestFactory, run_phase
from bench.stats import ratio

TOKEN_ENV, TOKEN = "CAREDESK_TWILIO_TOKEN_BENCH", "bench-token-not-secret"
SMS_NUMBER, WHATSAPP_NUMBER = "+12025550181", "+12025550182"
# One voice number per phase: a call's first row has no caller text, so the books find the
# run's call interactions by the number called.
VOICE_NUMBERS = {"warm": "+12025550183", "run": "+12025550184"}
QUESTION = "how many tablets can I take in a day?"
SIDE_EFFECT = "I got a bad rash and felt dizzy after the tablets."
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
FORWARDED = ("threads", "requests", "seconds", "persons", "cases", "seed", "workers")


def _setup() -> dict[str, Any]:
    """agent.relief's program, a token, its senders, SMS/WhatsApp routes and its email route."""
    from caredesk.accounts.models import User
    from caredesk.accounts.services.tokens import create_api_token
    from caredesk.channels.email.models import EmailRoute
    from caredesk.channels.sms.models import SmsRoute
    from caredesk.channels.voice.models import VoiceRoute
    from caredesk.people.models import ContactPoint
    from caredesk.tenancy.services import writable_programs

    agent = User.objects.get(username="agent.relief")
    program = writable_programs(agent)[0]
    for number, channel in ((SMS_NUMBER, "sms"), (WHATSAPP_NUMBER, "whatsapp")):
        SmsRoute.objects.create(  # scoping: ok (benchmark set-up)
            program=program,
            phone_number=number,
            channel=channel,
            auth_token_env=TOKEN_ENV,
            from_name=program.name,
            received_by=agent,
        )
    for number in VOICE_NUMBERS.values():
        VoiceRoute.objects.create(  # scoping: ok (benchmark set-up)
            program=program, phone_number=number, auth_token_env=TOKEN_ENV, received_by=agent
        )
    email = EmailRoute.objects.system_scope().filter(program=program).first()
    contacts = ContactPoint.objects.visible_to(agent).filter(program=program)
    return {
        "token": create_api_token(agent, "burst benchmark"),
        "program_id": program.pk,
        "email_to": email.address if email else "",
        "phones": list(contacts.filter(kind="phone").values_list("value", flat=True)[:300]),
        "emails": list(contacts.filter(kind="email").values_list("value", flat=True)[:300]),
    }


def _text(tag: str, index: int) -> str:
    return f"Benchmark inbound {tag}-{index}: {SIDE_EFFECT if index % 5 == 0 else QUESTION}"


def _webhook(
    port: int, params: list[tuple[str, str]], path: str = "/hooks/twilio/sms/"
) -> tuple[str, str, bytes, dict[str, str]]:
    from caredesk.channels.sms.services.signature import compute_signature

    url = f"http://127.0.0.1:{port}{path}"
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": compute_signature(TOKEN, url, params),
    }
    return "POST", path, urlencode(params).encode(), headers


def _burst(load: dict[str, Any], port: int, tag: str) -> RequestFactory:
    phones, program = load["phones"], load["program_id"]

    def factory(index: int) -> tuple[Any, ...]:
        slot, phone = index % 10, phones[index % len(phones)]
        sid = f"SM{tag}{index:010d}"
        if slot < 6:
            prefix, to = ("", SMS_NUMBER) if slot < 4 else ("whatsapp:", WHATSAPP_NUMBER)
            params = [("MessageSid", sid), ("From", prefix + phone), ("To", prefix + to)]
            return _webhook(port, [*params, ("Body", _text(tag, index)), ("NumMedia", "0")])
        if slot == 9:
            call = [("CallSid", f"CA{tag}{index:010d}"), ("From", phone)]
            call += [("To", VOICE_NUMBERS[tag]), ("CallStatus", "ringing")]
            return _webhook(port, call, "/hooks/twilio/voice/")
        if slot < 8:
            body = {
                "channel": "webchat",
                "provider": "bench",
                "provider_message_id": sid,
                "session_id": f"bench-chat-{index % 40}",
                "body": _text(tag, index),
            }
            return "POST", f"/api/v1/programs/{program}/inbound", body
        document = {
            "channel": "fax",
            "document_id": sid,
            "content_base64": base64.b64encode(PDF + sid.encode()).decode(),
            "from_phone": phone,
            "note": _text(tag, index),
        }
        return "POST", f"/api/v1/programs/{program}/documents", document

    return factory


def _emails(load: dict[str, Any], port: int, tag: str, count: int, out: PhaseResult) -> None:
    """Send `count` emails over one SMTP session; each accepted one adds its latency."""
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        for index in range(count):
            message = EmailMessage()
            message["From"] = load["emails"][index % len(load["emails"])]
            message["To"] = load["email_to"]
            message["Subject"] = "A question"
            message["Message-ID"] = f"<{tag}-{index}@bench.test>"
            message.set_content(_text(tag, index))
            started = time.perf_counter()
            try:
                client.send_message(message)
            except smtplib.SMTPException as exc:
                out.errors[type(exc).__name__] = out.errors.get(type(exc).__name__, 0) + 1
                continue
            out.latencies.append(time.perf_counter() - started)


def _phases(load: dict[str, Any], port: int, smtp_port: int, args: Any) -> dict[str, Any]:
    headers = [{"Authorization": f"Bearer {load['token']}", "Content-Type": "application/json"}]
    limits = {"threads": args.threads, "seconds": args.seconds, "headers": headers}
    noop = lambda _i: ("GET", "/api/v1/health", None)  # noqa: E731
    run_phase("warm-up", port, noop, requests=100, **limits)
    run_phase("warm-up", port, _burst(load, port, "warm"), requests=40, **limits)
    before = run_phase("noop", port, noop, requests=args.requests, **limits)
    mail = PhaseResult(name="email")
    sender = threading.Thread(
        target=_emails, args=(load, smtp_port, "run", max(args.requests // 9, 1), mail)
    )
    started = time.perf_counter()
    sender.start()
    burst = run_phase("burst", port, _burst(load, port, "run"), requests=args.requests, **limits)
    sender.join()
    mail.wall_seconds = time.perf_counter() - started
    after = run_phase("noop", port, noop, requests=args.requests, **limits)
    baseline = PhaseResult("noop", before.latencies + after.latencies)
    baseline.wall_seconds = before.wall_seconds + after.wall_seconds
    return {
        "noop": baseline.summary(),
        "burst_http": burst.summary(),
        "burst_smtp": mail.summary(),
        "ratio_burst": ratio(burst.throughput, baseline.throughput),
        "accepted": len(burst.latencies) + len(mail.latencies),
    }


def inner(args: argparse.Namespace) -> dict[str, Any]:
    import os

    os.environ[TOKEN_ENV] = TOKEN
    setup_django()
    from django.db import connections

    load_seconds = prepare_database(args.persons, args.cases, args.seed)
    load = _setup()
    connections.close_all()
    port, smtp_port = free_port(), free_port()
    out = Path(args.out)
    server = start_server("gunicorn", port, out.with_name("server.log"), workers=2, threads=4)
    receiver = subprocess.Popen(
        [sys.executable, "-m", "django", "email", "serve", "--port", str(smtp_port)],
        stdout=out.with_name("smtp.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    workers = start_workers(args.workers, out.with_name("worker.log"))
    try:
        wait_ready(port)
        time.sleep(1.0)  # the receiver and the workers start alongside
        measured = _phases(load, port, smtp_port, args)
        drained_after = drain_open("run", timeout=600)
    finally:
        for process in (server, receiver, workers):
            stop_server(process)
    return {
        "backend": args.backend,
        "workers": args.workers,
        "demo": {"persons": args.persons, "cases": args.cases, "load_seconds": load_seconds},
        **measured,
        "drained_seconds_after_burst": drained_after,
        "books": books("run", measured["accepted"], VOICE_NUMBERS["run"]),
    }


def report(result: dict[str, Any]) -> list[str]:
    if "error" in result:
        return [f"  {result['backend']}: FAILED ({result['error']})"]
    http, mail, book = result["burst_http"], result["burst_smtp"], result["books"]
    return [
        f"  {result['backend']}: gunicorn 2x4 + SMTP receiver + {result['workers']} workers, "
        f"demo {result['demo']['persons']} persons / {result['demo']['cases']} cases",
        f"    no-op GET /health: {result['noop']['throughput_rps']} req/s",
        f"    burst over HTTP (SMS, WhatsApp, voice webhooks; chat, fax via API): "
        f"{http['throughput_rps']} msg/s, p99 {http.get('p99_ms')} ms, errors {http['errors']}; "
        f"ratio to no-op {result['ratio_burst']}",
        f"    burst over SMTP (email): {mail['throughput_rps']} msg/s, p99 {mail.get('p99_ms')} ms",
        f"    receipt -> routed: p50 {book['routed_p50_ms']} ms, p99 {book['routed_p99_ms']} ms "
        f"(inbox drained {result['drained_seconds_after_burst']} s after the burst)",
        f"    books: accepted {book['accepted']}, rows {book['rows']}, lost {book['lost']}, "
        f"duplicated {book['duplicated']}, by status {book['by_status']}, "
        f"by channel {book['by_channel']}",
    ]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench burst", description=__doc__)
    p.add_argument("--backends", default=",".join(BACKENDS))
    p.add_argument("--threads", type=int, default=8, help="HTTP client threads")
    p.add_argument("--requests", type=int, default=1500, help="HTTP messages in the burst")
    p.add_argument("--seconds", type=float, default=60, help="bound on each phase")
    p.add_argument("--persons", type=int, default=2000)
    p.add_argument("--cases", type=int, default=5000)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--workers", type=int, default=2, help="huey worker processes")
    p.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--backend", help=argparse.SUPPRESS)
    p.add_argument("--out", help=argparse.SUPPRESS)
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.inner:
        Path(args.out).write_text(json.dumps(inner(args), default=str))
        return 0
    forwarded = [f"--{name}={getattr(args, name)}" for name in FORWARDED]
    title = "Channels burst benchmark (ratio against GET /api/v1/health of the same server)"
    return run_backends("burst", "bench.channels_burst", args, forwarded, title, report)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
