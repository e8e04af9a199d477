"""Reading a work through the gateway, against a bare FastAPI endpoint served the same way, in one run.

A student's `GET /works/{id}` with a bearer token, on a stack `festival up` started (gateway: uvicorn, one
worker; the gateway verifies the token, checks the session generation, reads the work from the works it keeps
until intake's events drop them, else from intake over gRPC, and checks scope), beside a bare FastAPI app (uvicorn, one worker) answering the same JSON from memory, each under the same wrk
load (`wrk -t2 -c32 -d<seconds>s`), in rounds taken in turn. Prints both rates and their ratio each round,
and the ratios' median (issue 11's goal: >= 0.5), with wrk's latency line. Needs wrk (`apt-get install wrk`).
Not run by CI; about three minutes.

Run: uv run python bench/gateway_read.py [seconds=20] [rounds=3]
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from flows import DRAFT  # noqa: E402
from running import start_stack, stop_stack  # noqa: E402
from stack_ports import pick_ports  # noqa: E402

BARE = textwrap.dedent('''
    import json, pathlib
    from fastapi import FastAPI
    app = FastAPI()
    WORK = json.loads(pathlib.Path(__file__).with_name("work.json").read_text())

    @app.get("/works/{work_id}")
    async def work(work_id: str) -> dict:
        return WORK
''')



def wrk(url: str, seconds: int, token: str = "") -> tuple[float, str]:
    """Requests a second, and wrk's latency line."""
    args = ["wrk", "-t2", "-c32", f"-d{seconds}s", "--latency", url]
    if token:
        args[1:1] = ["-H", f"Authorization: Bearer {token}"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non_2xx:
        raise SystemExit(f"{url}: {non_2xx.group(1)} answers were not 2xx\n{out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = " ".join(re.search(r"Latency\s+(.+)", out).group(1).split())
    percentiles = " ".join(f"p{p} {v}" for p, v in re.findall(r"\s(50|99)%\s+(\S+)", out))
    return rate, f"latency avg/stdev/max {latency}; {percentiles}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bare_server(folder: Path, work: dict) -> tuple[subprocess.Popen, str]:
    """The bare app answering the work's JSON from memory, served by uvicorn with one worker."""
    (folder / "work.json").write_text(json.dumps(work, ensure_ascii=False))
    (folder / "bare.py").write_text(BARE)
    port = free_port()
    bare = subprocess.Popen([sys.executable, "-m", "uvicorn", "--app-dir", str(folder), "bare:app",
                             "--port", str(port), "--workers", "1", "--log-level", "warning"])
    for _ in range(100):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/works/x", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    return bare, f"http://127.0.0.1:{port}/works/{work['id']}"


def main(seconds: int, rounds: int) -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    with tempfile.TemporaryDirectory() as tmp:
        stack = start_stack(Path(tmp) / "var", pick_ports())
        bare = None
        try:
            client = httpx.Client(base_url=stack.gateway, timeout=30)
            school = next(s for s in client.get("/schools").json()["schools"] if s["approved"])
            account = {"username": f"bench-read-{int(time.time())}", "password": "bench-password-1",
                       "display_name": "学生", "school_id": school["id"]}
            assert client.post("/accounts/students", json=account).status_code == 201
            token = client.post("/auth/login", json={k: account[k] for k in ("username", "password")}).json()["token"]
            created = client.post("/works", json=DRAFT, headers={"Authorization": f"Bearer {token}"})
            assert created.status_code == 201, created.text
            work = created.json()
            url = f"{stack.gateway}/works/{work['id']}"
            folder = Path(tmp) / "bare"
            folder.mkdir()
            bare, bare_url = bare_server(folder, work)
            wrk(url, 3, token)  # warm up: channels, caches
            wrk(bare_url, 3)
            # Rounds taken in turn, both servers up throughout: a shared machine's noise drifts over minutes,
            # and a ratio of two runs far apart measures the drift as much as the gateway.
            print(f"GET /works/{{id}}, wrk -t2 -c32 -d{seconds}s, same machine, same run, {rounds} rounds in turn")
            ratios = []
            for n in range(1, rounds + 1):
                gateway_rate, gateway_latency = wrk(url, seconds, token)
                bare_rate, bare_latency = wrk(bare_url, seconds)
                ratios.append(gateway_rate / bare_rate)
                print(f"  round {n}: gateway {gateway_rate:6.0f} req/s ({gateway_latency})")
                print(f"           bare    {bare_rate:6.0f} req/s ({bare_latency}); ratio {ratios[-1]:.2f}")
        finally:
            if bare is not None:
                bare.terminate()
                bare.wait(10)
            stop_stack(stack)
    print(f"  ratio median {statistics.median(ratios):.2f}, min {min(ratios):.2f}, max {max(ratios):.2f} "
          "(goal >= 0.5)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20, int(sys.argv[2]) if len(sys.argv) > 2 else 3)
