"""The local stack: `festival up` starts NATS, S3, every service and the gateway as processes."""

from __future__ import annotations

import ctypes
import json
import os
import signal
import sys
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from festival_cli import cluster, infra, orphan_guard
from festival_cli.supervisor import Supervisor
from festival_kit import clock
from festival_kit.ports import MAX_LOCAL_INSPECTORS, Ports
from festival_kit.settings import Settings

# Every service process `festival up` starts, in start order. compose.yaml names the same.
SERVICES = ("registry", "intake", "media-inspection", "review", "scoring", "awards", "audit", "gateway")
# A service whose module is not festival_<name>; media-inspection runs as N workers (--inspectors).
MODULES = {"media-inspection": "festival_inspection"}
CLUSTER_ENV = "FESTIVAL_NATS_CLUSTER"  # "3": three routed nats-servers instead of one
DEMO_CLOCK = datetime(2023, 6, 26, 9, 0, tzinfo=clock.SHANGHAI)
DEMO_PASSWORD = "festival-demo"
ARCHIVE_FILE = "fingerprint-archive.json"  # earlier editions' films, from `festival archive import`
DEMO_ACCOUNTS = {
    "student": "demo-student", "school_admin": "demo-school", "region_admin": "demo-region",
    "province_admin": "demo-province", "judge": "demo-judge", "auditor": "demo-auditor",
}  # fmt: skip


def prepare_clock(data_dir: Path, spec: str | None) -> Path:
    """The clock file every process reads: kept across restarts unless a new --clock is given."""
    path = data_dir / "clock.json"
    if spec == "system":
        clock.set_clock(path, datetime.now(clock.SHANGHAI))
    elif spec and spec != "demo":
        moment = datetime.fromisoformat(spec)
        clock.set_clock(path, moment if moment.tzinfo else moment.replace(tzinfo=clock.SHANGHAI))
    elif spec == "demo" or not path.exists():
        clock.set_clock(path, DEMO_CLOCK)
    return path


def service_env(settings: Settings, data_dir: Path, nats_url: str, s3: infra.S3Server, clock_file: Path) -> dict:
    archive = data_dir / ARCHIVE_FILE
    return {
        **os.environ,
        "FESTIVAL_DATA_DIR": str(data_dir),
        "FESTIVAL_PORT_BASE": str(settings.ports.base),
        "NATS_URL": nats_url,
        "S3_ENDPOINT": s3.endpoint,
        "S3_ACCESS_KEY": s3.access_key,
        "S3_SECRET_KEY": s3.secret_key,
        clock.ENV: str(clock_file),
        "FESTIVAL_SEED_DEMO": "1",
        **({"FESTIVAL_FINGERPRINT_ARCHIVE": str(archive)} if archive.exists() else {}),
    }


def module_of(name: str) -> str:
    """The Python module a service runs as (`python -m <module>`)."""
    return MODULES.get(name) or "festival_" + name.replace("-", "_")


def start_service(name: str, env: dict, data_dir: Path, module: str = "") -> infra.Managed:
    module = module or module_of(name)
    log_path = data_dir / "logs" / f"{name}.log"
    return infra.Managed(name, infra.spawn([sys.executable, "-m", module], log_path, env=env), log_path, env)


def processes(name: str, inspectors: int, env: dict, data_dir: Path, settings: Settings) -> Iterator[infra.Managed]:
    """The service's process; for media-inspection its N workers, media-inspection-1..N, one after another."""
    if name != "media-inspection":
        yield start_service(name, env, data_dir)
        return
    for i in range(1, inspectors + 1):  # each started once the one before serves: they share one store
        worker = f"media-inspection-{i}"
        address = f"127.0.0.1:{settings.ports.of(worker)}"
        own = {**env, "FESTIVAL_WORKER_NAME": worker, "MEDIA_INSPECTION_GRPC": address}
        yield start_service(worker, own, data_dir, MODULES[name])


def grpc_serving(address: str) -> bool:
    try:
        with grpc.insecure_channel(address) as channel:
            reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=1)
        return reply.status == health_pb2.HealthCheckResponse.SERVING
    except grpc.RpcError:
        return False


def wait_serving(proc: infra.Managed, settings: Settings, timeout: float = 60.0) -> None:
    what = "gateway /health" if proc.name == "gateway" else "gRPC health SERVING"
    proc.wait_ready(lambda: serving(proc, settings), timeout, what)


def serving(proc: infra.Managed, settings: Settings) -> bool:
    """Whether the process answers: a service's gRPC health, the gateway's /health, NATS and S3 by their own."""
    if proc.name == "gateway":
        # Any answer: /health is 503 while a service the supervisor gave up on is down.
        return infra.http_status(f"http://127.0.0.1:{settings.ports.of('gateway')}/health") in (200, 503)
    if isinstance(proc, (infra.NatsServer, infra.S3Server)):
        return proc.ready()
    return grpc_serving(f"127.0.0.1:{settings.ports.of(proc.name)}")


def banner(settings: Settings, s3: infra.S3Server, data_dir: Path, inspectors: int = 1) -> str:
    gateway = f"http://127.0.0.1:{settings.ports.of('gateway')}"
    lines = [
        "科学影像节平台已启动 / festival platform is up",
        f"  gateway     {gateway}   (API docs {gateway}/docs, OpenAPI {gateway}/openapi.json)",
        f"  inspection  {inspectors} worker(s), media-inspection-1..{inspectors}",
        f"  NATS        nats://127.0.0.1:{settings.ports.of('nats')}   S3  http://{s3.endpoint}",
        f"  data        {data_dir}   clock  {clock.shanghai(clock.now())} Asia/Shanghai",
        f"  checkpoints {checkpoint_key(settings, data_dir)}",
        "              (日志检查点公钥 / the key that signs the log's checkpoints: festival audit verify --key ...)",
        "  demo accounts (password " + DEMO_PASSWORD + "):",
        *(f"    {role:<15} {username}" for role, username in DEMO_ACCOUNTS.items()),
        "按 Ctrl-C 停止 / press Ctrl-C to stop",
    ]
    return "\n".join(lines)


def checkpoint_key(settings: Settings, data_dir: Path) -> str:
    """The audit service's verifier key (it made the key file in the stack's data folder when it started)."""
    from dataclasses import replace

    from festival_audit.application import signing_key

    return signing_key(replace(settings, data_dir=data_dir))[2]


def start_nats(data_dir: Path, ports: Ports, started: list[infra.Managed]) -> str:
    """One nats-server, or with FESTIVAL_NATS_CLUSTER=3 a 3-node cluster keeping the stream on all three
    (FESTIVAL_STREAM_REPLICAS=3 for every service); returns NATS_URL."""
    if os.environ.get(CLUSTER_ENV, "1") == "3":
        nodes = cluster.start_nats_cluster(data_dir, ports)
        started.extend(nodes)
        os.environ["FESTIVAL_STREAM_REPLICAS"] = "3"
        return cluster.urls(nodes)
    server = infra.start_nats(data_dir, ports)
    started.append(server)
    return server.url


def up(settings: Settings, clock_spec: str | None = None, inspectors: int = 1) -> int:
    """Start everything, print where it is, and stop it all cleanly on Ctrl-C or SIGTERM."""
    if not 1 <= inspectors <= MAX_LOCAL_INSPECTORS:
        print(f"--inspectors 须为 1 至 {MAX_LOCAL_INSPECTORS} / must be 1 to {MAX_LOCAL_INSPECTORS} on one machine",
              file=sys.stderr, flush=True)
        return 2
    data_dir = settings.data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    clock_file = prepare_clock(data_dir, clock_spec)
    os.environ[clock.ENV] = str(clock_file)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    die_with_parent(signal.SIGTERM)  # `uv run festival up` killed: stop cleanly rather than linger
    started: list[infra.Managed] = []
    try:
        nats_url = start_nats(data_dir, settings.ports, started)
        s3 = infra.start_s3(data_dir, settings.ports)
        started.append(s3)
        env = service_env(settings, data_dir, nats_url, s3, clock_file)
        for name in SERVICES:
            for proc in processes(name, inspectors, env, data_dir, settings):
                started.append(proc)
                wait_serving(proc, settings)
        print(banner(settings, s3, data_dir, inspectors), flush=True)
        return watch(started, stop, settings, data_dir)
    except infra.StartError as failure:
        print(f"启动失败 / start failed: {failure}", file=sys.stderr, flush=True)
        return 1
    finally:
        for proc in reversed(started):
            proc.stop()
        print("已停止 / stopped", flush=True)


def watch(started: list[infra.Managed], stop: threading.Event, settings: Settings, data_dir: Path) -> int:
    """Until Ctrl-C: restart whatever exits (supervisor.Policy), print it and log it to logs/festival-up.log."""
    keeper = Supervisor(started, reporter(data_dir / "logs" / "festival-up.log"), lambda p: serving(p, settings))
    while not stop.wait(0.5):
        keeper.tick()
    return 0


def reporter(log_path: Path):
    """say(event, message, **fields): the message to stderr, the event as a JSON line to the log."""

    def say(event: str, message: str, **fields) -> None:
        print(message, file=sys.stderr, flush=True)
        record = {"event": event, "timestamp": datetime.now(clock.SHANGHAI).isoformat(), **fields}
        with open(log_path, "a") as log:
            log.write(json.dumps(record, ensure_ascii=False) + "\n")

    return say


def die_with_parent(sig: signal.Signals) -> None:
    """Ask Linux to send `sig` to this process when its parent dies (no-op elsewhere)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(orphan_guard.PR_SET_PDEATHSIG, sig, 0, 0, 0)
