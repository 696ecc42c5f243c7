"""A small closed-loop HTTP load generator: N threads, one keep-alive connection each.

Bounded twice: each phase stops after `requests` requests or `seconds` seconds, whichever
comes first. Loopback only.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bench.stats import latency_summary

# (method, path, body or None[, extra headers]) for the i-th request of a phase; a dict body
# is sent as JSON, bytes as they are (a form-encoded webhook, with its headers).
RequestFactory = Callable[[int], tuple[Any, ...]]


@dataclass
class PhaseResult:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    wall_seconds: float = 0.0

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.wall_seconds if self.wall_seconds else 0.0

    def summary(self) -> dict[str, Any]:
        base = latency_summary(self.latencies) if self.latencies else {"count": 0}
        return {
            **base,
            "throughput_rps": round(self.throughput, 1),
            "wall_seconds": round(self.wall_seconds, 2),
            "errors": self.errors,
        }


class _Worker(threading.Thread):
    def __init__(self, phase: _Phase, headers: dict[str, str], port: int) -> None:
        super().__init__(daemon=True)
        self.phase, self.headers, self.port = phase, headers, port
        self.latencies: list[float] = []
        self.errors: dict[str, int] = {}

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        while (index := self.phase.claim()) is not None:
            method, path, body, *extra = self.phase.factory(index)
            payload = body if isinstance(body, bytes) else None
            if body is not None and payload is None:
                payload = json.dumps(body).encode()
            headers = {**self.headers, **extra[0]} if extra else self.headers
            started = time.perf_counter()
            try:
                conn.request(method, path, body=payload, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                self.errors[type(exc).__name__] = self.errors.get(type(exc).__name__, 0) + 1
                continue
            elapsed = time.perf_counter() - started
            if 200 <= status < 300:
                self.latencies.append(elapsed)
            else:
                self.errors[str(status)] = self.errors.get(str(status), 0) + 1
        conn.close()


class _Phase:
    def __init__(self, factory: RequestFactory, requests: int, deadline: float) -> None:
        self.factory, self.requests, self.deadline = factory, requests, deadline
        self._next = 0
        self._lock = threading.Lock()

    def claim(self) -> int | None:
        with self._lock:
            if self._next >= self.requests or time.perf_counter() > self.deadline:
                return None
            self._next += 1
            return self._next - 1


def run_phase(
    name: str,
    port: int,
    factory: RequestFactory,
    *,
    threads: int,
    requests: int,
    seconds: float,
    headers: list[dict[str, str]],
) -> PhaseResult:
    """Send up to `requests` requests from `threads` clients for at most `seconds`.

    Client i sends `headers[i % len(headers)]` (several bearer tokens, say).
    """
    started = time.perf_counter()
    phase = _Phase(factory, requests, started + seconds)
    workers = [_Worker(phase, headers[i % len(headers)], port) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    result = PhaseResult(name=name, wall_seconds=time.perf_counter() - started)
    for worker in workers:
        result.latencies.extend(worker.latencies)
        for key, count in worker.errors.items():
            result.errors[key] = result.errors.get(key, 0) + count
    return result
