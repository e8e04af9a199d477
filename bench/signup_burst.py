"""The deadline burst at the door: N students sign up at once, then the same N log in at once, through
the gateway of a stack `festival up` started (argon2 at its normal cost, hashed in the registry), from
several loopback addresses, as students of many schools would come (each under the per-address sign-up limit).

Run: uv run python bench/signup_burst.py [N=500]. Prints errors, p50/p95/p99/max and the rate, against
the same run's floor: bare argon2 (the registry's hasher) on a pool of the registry's size, which is the
most sign-ups a second this machine can hash. Not run by CI; about two minutes for N=500 on two cores.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from running import start_stack, stop_stack  # noqa: E402
from stack_ports import pick_ports  # noqa: E402

from festival_gateway.sessions import SIGN_UPS  # noqa: E402
from festival_registry.adapters.password_work import default_threads  # noqa: E402
from festival_registry.domain.passwords import hash_password  # noqa: E402

PASSWORD = "burst-password-1"



def bare_hash_rate(count: int) -> float:
    """Hashes a second with the registry's hasher on a pool as big as the registry's."""
    with ThreadPoolExecutor(default_threads()) as pool:
        started = time.perf_counter()
        list(pool.map(lambda i: hash_password(f"{PASSWORD}{i}"), range(count)))
        return count / (time.perf_counter() - started)


async def burst(clients: list[httpx.AsyncClient], requests: list[tuple[str, dict]]) -> tuple[list[float], list[str]]:
    """Send every request at once, spread over the clients; latencies of the 2xx ones and a line per failure."""

    async def one(client: httpx.AsyncClient, path: str, body: dict) -> tuple[float, str | None]:
        started = time.perf_counter()
        try:
            reply = await client.post(path, json=body)
        except httpx.HTTPError as error:
            return time.perf_counter() - started, f"{type(error).__name__}"
        failed = None if reply.is_success else f"{reply.status_code} {reply.text[:120]}"
        return time.perf_counter() - started, failed

    results = await asyncio.gather(*(one(clients[i % len(clients)], path, body)
                                     for i, (path, body) in enumerate(requests)))
    return [t for t, f in results if f is None], [f for _, f in results if f is not None]


def report(what: str, latencies: list[float], errors: list[str], elapsed: float, floor: float) -> None:
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    rate = len(latencies) / elapsed
    print(f"{what}: {len(latencies)} ok, {len(errors)} errors in {elapsed:.1f} s = {rate:.1f}/s "
          f"({rate / floor:.2f} of bare argon2's {floor:.1f} hashes/s); "
          f"p50 {q[49]:.2f} s  p95 {q[94]:.2f} s  p99 {q[98]:.2f} s  max {max(latencies):.2f} s")
    for line in sorted(set(errors))[:5]:
        print(f"  error: {line} (x{errors.count(line)})")


async def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        stack = start_stack(Path(tmp) / "var", pick_ports())
        try:
            limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
            # Students of many schools: each address stays under the gateway's sign-up limit per address.
            addresses = [f"127.0.0.{10 + i}" for i in range(math.ceil(n / (SIGN_UPS.count // 2)))]
            async with contextlib.AsyncExitStack() as opened:
                clients = [await opened.enter_async_context(httpx.AsyncClient(
                    base_url=stack.gateway, timeout=300, limits=limits,
                    transport=httpx.AsyncHTTPTransport(local_address=address, limits=limits))) for address in addresses]
                school = next(s for s in (await clients[0].get("/schools")).json()["schools"] if s["approved"])
                tag = os.urandom(3).hex()
                names = [f"burst-{tag}-{i}" for i in range(n)]
                signups = [("/accounts/students", {"username": u, "password": PASSWORD, "display_name": "学生",
                                                   "school_id": school["id"]}) for u in names]
                logins = [("/auth/login", {"username": u, "password": PASSWORD}) for u in names]
                results = []
                for what, requests in (("sign-ups", signups), ("logins", logins)):
                    started = time.perf_counter()
                    latencies, errors = await burst(clients, requests)
                    results.append((what, latencies, errors, time.perf_counter() - started))
        finally:
            stop_stack(stack)
    floor = bare_hash_rate(min(n, 100))  # after the stack stopped: the same machine, nothing else on it
    print(f"{n} concurrent sign-ups, then {n} concurrent logins, through the gateway; "
          f"registry hashing threads: {default_threads()}")
    for what, latencies, errors, elapsed in results:
        report(what, latencies, errors, elapsed, floor)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 500))
