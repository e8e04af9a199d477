"""Media inspection throughput with 1 and 2 workers: films inspected a minute, on this machine, in one run.

For each worker count a stack `festival up --inspectors N` starts; one student drafts W works and uploads the
same generated film (H.264/AAC, 1280x720, SECONDS long) to each through presigned URLs, as fast as it can;
the clock runs from the first confirmation to the moment every film's inspection has completed (read back
through the gateway, as the student's page does). Prints films a minute for each and the ratio 2 : 1.
On 2 cores the whole stack shares the machine with the workers, so the ratio stays well under 2.

Run: uv run python bench/inspection_scaling.py [works=12] [seconds=20]. Not run by CI; a few minutes.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).parents[1]
sys.path[:0] = [str(ROOT / "tests" / "e2e"), str(ROOT / "tests")]
import media  # noqa: E402
from flows import DRAFT, upload  # noqa: E402
from running import start_stack, stop_stack  # noqa: E402
from stack_ports import pick_ports  # noqa: E402



def film_status(work: dict) -> str:
    film = next((f for f in work["files"] if f["slot"] == "film"), None)
    return film["inspection"]["status"] if film and film.get("inspection") else "pending"


def run(workers: int, works: int, film: bytes) -> float:
    """Films a minute with that many workers."""
    with tempfile.TemporaryDirectory() as tmp:
        stack = start_stack(Path(tmp) / "var", pick_ports(), args=("--inspectors", str(workers)))
        try:
            client = httpx.Client(base_url=stack.gateway, timeout=60)
            school = next(s for s in client.get("/schools").json()["schools"] if s["approved"])
            account = {"username": f"bench-insp-{workers}", "password": "bench-password-1", "display_name": "学生",
                       "school_id": school["id"]}
            assert client.post("/accounts/students", json=account).status_code == 201
            token = client.post("/auth/login", json={k: account[k] for k in ("username", "password")}).json()["token"]
            auth = {"Authorization": f"Bearer {token}"}
            ids = []
            for i in range(works):
                created = client.post("/works", json={**DRAFT, "title": f"水的旅行 {i}"}, headers=auth)
                assert created.status_code == 201, created.text
                ids.append(created.json()["id"])
            started = None
            for work_id in ids:
                upload(client, auth, work_id, "film", "film.mp4", film)
                started = started or time.perf_counter()
            waiting = set(ids)
            while waiting:
                waiting = {w for w in waiting
                           if film_status(client.get(f"/works/{w}", headers=auth).json()) != "completed"}
                time.sleep(0.2)
            return 60 * works / (time.perf_counter() - started)
        finally:
            stop_stack(stack)


def main(works: int, seconds: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        film = media.film(Path(tmp) / "film.mp4", seconds=seconds).read_bytes()
    rates = {n: run(n, works, film) for n in (1, 2)}
    print(f"{works} films of {seconds:g} s (1280x720, {len(film) / 1e6:.1f} MB each), inspected through a stack:")
    for n, rate in rates.items():
        print(f"  {n} worker{'s' if n > 1 else ' '}  {rate:6.1f} films/min")
    print(f"  ratio 2 : 1 = {rates[2] / rates[1]:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12, float(sys.argv[2]) if len(sys.argv) > 2 else 20)
