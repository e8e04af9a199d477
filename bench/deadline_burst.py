"""The deadline burst (issue 11): N submits arriving at random over D seconds through the gateway of a stack
`festival up` started, each of a draft whose small film, cover and forms are already uploaded and inspected.

Run: uv run python bench/deadline_burst.py [N=5000] [D=600]. Prints the submits' answers, 5xx and lost
(a 2xx whose SubmissionSubmitted is not exactly once on FESTIVAL, or whose work review has no case for),
p50/p95/p99/max, and the ratio of the burst's p50 to the same run's baseline: 50 submits sent one at a time
into the idle stack before the burst. Not run by CI. Preparing the drafts is most of the time: each takes
four uploads and four inspections (about 1.5 drafts a second on two cores, so ~55 minutes for 5,000).
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx
import nats

ROOT = Path(__file__).parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "e2e")]
import media  # noqa: E402
from running import start_stack, stop_stack  # noqa: E402
from stack_ports import pick_ports  # noqa: E402
from students import Files, Ledger, Session, Student, consent_of, every_row  # noqa: E402

from festival_events.envelope import Envelope  # noqa: E402

BASELINE = 50
PREPARING = 16  # drafts prepared at once


async def prepare(student: Student, n: int) -> list[str]:
    """n drafts with every file confirmed, once every inspection has completed."""
    slots, done = asyncio.Semaphore(PREPARING), []

    async def one() -> None:
        async with slots:
            done.append(await student.prepared())
            if len(done) % 250 == 0:
                print(f"  {len(done)} drafts prepared", flush=True)

    await asyncio.gather(*(one() for _ in range(n)))
    pending = list(done)
    while pending:  # one work at a time: the list of all works is too slow at this size (see the note)
        reads = asyncio.Semaphore(PREPARING)

        async def inspecting(work_id: str) -> bool:
            async with reads:
                work = await student.s.read(f"/works/{work_id}")
            return any(f["inspection"]["status"] != "completed" for f in work["files"])

        flags = await asyncio.gather(*(inspecting(w) for w in pending))
        pending = [w for w, still in zip(pending, flags) if still]
        print(f"  {len(pending)} drafts still being inspected", flush=True)
        if pending:
            await asyncio.sleep(5)
    return done


async def submit(student: Student, work_id: str) -> tuple[float, int | str]:
    started = time.perf_counter()
    status, _ = await student.s.send("POST", f"/works/{work_id}/submit", student.consent, retry_connect=False)
    return time.perf_counter() - started, status


async def burst(student: Student, works: list[str], duration: float, rng: random.Random):
    """Poisson arrivals: each submit sent at its own moment, not waiting for the others."""
    moments = sorted(rng.uniform(0, duration) for _ in works)
    began = time.perf_counter()

    async def at(moment: float, work_id: str):
        await asyncio.sleep(max(0.0, moment - (time.perf_counter() - began)))
        return await submit(student, work_id)

    results = await asyncio.gather(*(at(m, w) for m, w in zip(moments, works)))
    return results, time.perf_counter() - began


async def on_the_log(url: str) -> Counter:
    """(work, version) of every SubmissionSubmitted on FESTIVAL, counted."""
    nc = await nats.connect(url)
    try:
        js = nc.jetstream(timeout=30)
        info = await js.stream_info("FESTIVAL", subjects_filter="festival.intake.>")
        total = sum((info.state.subjects or {}).values())
        sub = await js.subscribe("festival.intake.>", ordered_consumer=True)
        seen = Counter()
        for _ in range(total):
            env = Envelope.model_validate_json((await sub.next_msg(timeout=10)).data)
            if env.type == "SubmissionSubmitted":
                seen[env.aggregate_id, env.payload["submission_version"]] += 1
        return seen
    finally:
        await nc.close()


def quantiles(latencies: list[float]) -> str:
    q = statistics.quantiles(latencies, n=100)
    return f"p50 {q[49] * 1000:.0f} ms  p95 {q[94] * 1000:.0f} ms  p99 {q[98] * 1000:.0f} ms  max {max(latencies) * 1000:.0f} ms"


async def main(n: int, duration: float) -> None:
    rng = random.Random(20260710)
    with tempfile.TemporaryDirectory() as tmp:
        film = media.film(Path(tmp) / "film.mp4", seconds=2).read_bytes()
        stack = start_stack(Path(tmp) / "var", pick_ports())
        try:
            limits = httpx.Limits(max_connections=256, max_keepalive_connections=64)
            async with httpx.AsyncClient(base_url=stack.gateway, timeout=120, limits=limits) as client:
                ledger = Ledger()
                session = Session(client, stack, "student", ledger)
                await session.login()
                student = Student(session, ledger, await Files.of(session, film), await consent_of(client))
                started = time.perf_counter()
                works = await prepare(student, n + BASELINE)
                print(f"{len(works)} drafts prepared and inspected in {time.perf_counter() - started:.0f} s")
                baseline = [await submit(student, w) for w in works[:BASELINE]]
                results, elapsed = await burst(student, works[BASELINE:], duration, rng)
                reviewer = Session(client, stack, "auditor", ledger)
                await reviewer.login()
                await asyncio.sleep(10)  # the relays and review's consumer catch up
                cases = {c["submission_id"] for c in await every_row(reviewer, "/review/queue?view=all", "cases")}
                logged = await on_the_log(stack.nats_url)
        finally:
            stop_stack(stack)
    report(works, results, baseline, cases, logged, n, duration, elapsed)


def report(works: list[str], results, baseline, cases: set[str], logged: Counter, n: int, duration: float,
           elapsed: float) -> None:
    answers = Counter(status for _, status in results)
    ok = [w for w, (_, status) in zip(works[BASELINE:], results) if status == 200]
    lost = [w for w in ok if logged[w, 1] != 1 or w not in cases]
    errors_5xx = sum(c for s, c in answers.items() if not (isinstance(s, int) and s < 500))
    burst_latencies = [t for t, s in results if s == 200]
    base_latencies = [t for t, s in baseline if s == 200]
    print(f"{n} submits over {duration:.0f} s (arrived at {n / duration:.1f}/s, done in {elapsed:.0f} s): "
          f"answers {dict(answers)}; 5xx or no answer {errors_5xx}; lost {len(lost)}")
    print(f"burst:    {quantiles(burst_latencies)}")
    print(f"baseline: {quantiles(base_latencies)} ({BASELINE} one at a time, idle stack)")
    print(f"burst p50 / baseline p50 = {statistics.median(burst_latencies) / statistics.median(base_latencies):.2f}")


if __name__ == "__main__":
    args = sys.argv[1:]
    asyncio.run(main(int(args[0]) if args else 5000, float(args[1]) if len(args) > 1 else 600.0))
