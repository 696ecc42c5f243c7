"""Person search benchmark over the full demo data set (20,000 persons / 100,000 cases).

Calls `caredesk.people.services.lookup.search_persons` (and, for comparison, the proposed
variant in `bench/search_proposal.py`) as the care specialist `agent.relief`
(scoped to one program) for a mix of queries drawn from the data (full names, last names, name
prefixes, phone fragments and full numbers, emails, lot numbers, and a miss), evaluating each
result. Baseline: `access_person` (a primary-key fetch through the same scoping) in the same
run, interleaved with the searches so that both see the same noise. Target: search p95 < 50 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.env import BACKENDS, prepare_database, run_backends, setup_django
from bench.stats import latency_summary, ratio, verdict

TARGET_P95_MS = 50.0
FORWARDED = ("rounds", "persons", "cases", "seed")
PER_KIND = 8


def _queries(agent: Any, rng: random.Random) -> list[tuple[str, str]]:
    from caredesk.cases.models import Case
    from caredesk.people.models import ContactPoint, Person

    people = list(Person.objects.visible_to(agent).order_by("id"))
    sample = rng.sample(people, min(PER_KIND, len(people)))
    phones = list(
        ContactPoint.objects.visible_to(agent).filter(kind="phone").values_list("value", flat=True)
    )
    emails = list(
        ContactPoint.objects.visible_to(agent).filter(kind="email").values_list("value", flat=True)
    )
    lots = sorted(
        set(Case.objects.visible_to(agent).exclude(lot=None).values_list("lot__number", flat=True))
    )
    out: list[tuple[str, str]] = []
    for person in sample:
        out.append(("full_name", f"{person.first_name} {person.last_name}"))
        out.append(("last_name", person.last_name))
        out.append(("name_prefix", person.last_name[:3]))
    for value in rng.sample(phones, min(PER_KIND, len(phones))):
        national = value[2:]
        out.append(("phone_last4", national[-4:]))
        out.append(("phone_formatted", f"({national[:3]}) {national[3:6]}-{national[6:]}"))
    for value in rng.sample(emails, min(PER_KIND, len(emails))):
        out.append(("email", value))
        out.append(("email_prefix", value.split("@")[0][:8] + "@"))
    out += [("lot", number) for number in rng.sample(lots, min(PER_KIND, len(lots)))]
    out += [("miss", word) for word in ("zzqxv", "qwerty zz", "xylophone")]
    return out


def _timed(action: Any) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _variants() -> dict[str, Any]:
    from bench.search_proposal import search_persons_proposed
    from caredesk.people.services.lookup import search_persons

    return {"search": search_persons, "proposed": search_persons_proposed}


def _check_same_results(agent: Any, queries: list[tuple[str, str]]) -> list[str]:
    """Queries where the proposed variant answers differently (it must not)."""
    variants = _variants()
    differ = []
    for _kind, text in queries:
        answers = [[p.pk for p in run(agent, text)] for run in variants.values()]
        if answers[0] != answers[1]:
            differ.append(text)
    return differ


def _measure(agent: Any, queries: list[tuple[str, str]], rounds: int, rng: random.Random) -> dict:
    from caredesk.people.models import Person
    from caredesk.people.services.lookup import access_person

    pks = list(Person.objects.visible_to(agent).values_list("id", flat=True))
    variants = _variants()
    differ = _check_same_results(agent, queries)  # also warms caches and plans
    samples: dict[str, list[float]] = defaultdict(list)
    for _ in range(rounds):
        for kind, text in rng.sample(queries, len(queries)):
            for name, run in variants.items():
                elapsed = _timed(lambda r=run, t=text: list(r(agent, t)))
                samples[name].append(elapsed)
                samples[f"{name}:{kind}"].append(elapsed)
            pk = rng.choice(pks)
            samples["pk_fetch"].append(_timed(lambda p=pk: access_person(agent, p)))
    summary = {name: latency_summary(values) for name, values in samples.items()}
    return {
        "search": summary["search"],
        "proposed": summary["proposed"],
        "pk_fetch": summary["pk_fetch"],
        "ratio_p95": ratio(summary["search"]["p95_ms"], summary["pk_fetch"]["p95_ms"]),
        "ratio_p95_proposed": ratio(summary["proposed"]["p95_ms"], summary["pk_fetch"]["p95_ms"]),
        "proposed_differs_on": differ,
        "by_kind": {
            kind.split(":", 1)[1]: {
                "search": summary[kind],
                "proposed": summary[f"proposed:{kind.split(':', 1)[1]}"],
            }
            for kind in sorted(summary)
            if kind.startswith("search:")
        },
    }


def inner(args: argparse.Namespace) -> dict[str, Any]:
    setup_django()
    from caredesk.accounts.models import User

    load_seconds = prepare_database(args.persons, args.cases, args.seed)
    agent = User.objects.get(username="agent.relief")
    rng = random.Random(args.seed)
    queries = _queries(agent, rng)
    return {
        "backend": args.backend,
        "user": "agent.relief (care specialist, one program)",
        "demo": {"persons": args.persons, "cases": args.cases, "load_seconds": load_seconds},
        "queries": len(queries),
        "rounds": args.rounds,
        **_measure(agent, queries, args.rounds, rng),
    }


def report(result: dict[str, Any]) -> list[str]:
    if "error" in result:
        return [f"  {result['backend']}: FAILED ({result['error']})"]
    search, base, proposed = result["search"], result["pk_fetch"], result["proposed"]
    lines = [
        f"  {result['backend']}: demo {result['demo']['persons']} persons / "
        f"{result['demo']['cases']} cases (loaded in {result['demo']['load_seconds']:.1f} s), "
        f"{search['count']} searches as {result['user']}",
        f"    search_persons: p50 {search['p50_ms']} ms, p95 {search['p95_ms']} ms; "
        f"target p95 < {TARGET_P95_MS:.0f} ms: {verdict(search['p95_ms'] < TARGET_P95_MS)}",
        f"    baseline pk fetch (access_person): p50 {base['p50_ms']} ms, p95 {base['p95_ms']} "
        f"ms; ratio search/pk p95: {result['ratio_p95']}",
        f"    proposed lot lookup (bench/search_proposal.py): p50 {proposed['p50_ms']} ms, "
        f"p95 {proposed['p95_ms']} ms; ratio {result['ratio_p95_proposed']}; "
        f"same results: {not result['proposed_differs_on']}",
    ]
    for kind, both in result["by_kind"].items():
        now, new = both["search"], both["proposed"]
        lines.append(
            f"      {kind:16} p95 {now['p95_ms']:8.2f} ms  (proposed {new['p95_ms']:8.2f} ms)"
        )
    return lines


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench search", description=__doc__)
    p.add_argument("--backends", default=",".join(BACKENDS))
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--persons", type=int, default=20_000)
    p.add_argument("--cases", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=2026)
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
    title = "Person search benchmark (ratio against a primary-key fetch, same run)"
    return run_backends("search", "bench.search", args, forwarded, title, report)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
