"""Reading a work through the gateway, against a bare FastAPI endpoint served the same way, in one run.

A student's `GET /works/{id}` with a bearer token, on a stack `festival up` started (gateway: uvicorn, one
worker; the gateway verifies the token, checks the session generation, asks intake over gRPC, checks scope),
then a bare FastAPI app (uvicorn, one worker) answering the same JSON from memory, each under the same wrk
load (`wrk -t2 -c32 -d<seconds>s`). Prints both rates, their ratio (issue 11's goal: >= 0.5) and wrk's
latency line. Needs wrk (`apt-get install wrk`). Not run by CI; about a minute and a half.

Run: uv run python bench/gateway_read.py [seconds=20]
"""

from __future__ import annotations

import json
import re
import shutil
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


def main(seconds: int) -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    with tempfile.TemporaryDirectory() as tmp:
        ports = pick_ports()
        stack = start_stack(Path(tmp) / "var", ports)
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
            wrk(url, 3, token)  # warm up: channels, caches
            gateway_rate, gateway_latency = wrk(url, seconds, token)
        finally:
            stop_stack(stack)
        folder = Path(tmp) / "bare"
        folder.mkdir()
        (folder / "work.json").write_text(json.dumps(work, ensure_ascii=False))
        (folder / "bare.py").write_text(BARE)
        port = ports.of("gateway")
        bare = subprocess.Popen([sys.executable, "-m", "uvicorn", "--app-dir", str(folder), "bare:app",
                                 "--port", str(port), "--workers", "1", "--log-level", "warning"])
        try:
            for _ in range(100):
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/works/x", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            wrk(f"http://127.0.0.1:{port}/works/{work['id']}", 3)
            bare_rate, bare_latency = wrk(f"http://127.0.0.1:{port}/works/{work['id']}", seconds)
        finally:
            bare.terminate()
            bare.wait(10)
    print(f"GET /works/{{id}}, wrk -t2 -c32 -d{seconds}s, same machine, same run")
    print(f"  gateway     {gateway_rate:8.0f} req/s  {gateway_latency}")
    print(f"  bare FastAPI{bare_rate:8.0f} req/s  {bare_latency}")
    print(f"  ratio {gateway_rate / bare_rate:.2f} (goal >= 0.5)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
