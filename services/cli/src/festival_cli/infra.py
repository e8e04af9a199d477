"""Local infrastructure as child processes: nats-server (JetStream) and a SeaweedFS S3 server.

No child outlives its parent, even a parent killed with SIGKILL (which runs no atexit, no finally): each
child starts through `festival_cli.orphan_guard`, which asks Linux to SIGKILL it when the thread that
started it dies, and then execs the real program. A child still runs in its own session (its own
process group), so Ctrl-C in a terminal reaches only the parent, which stops the children in order.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Self

from festival_cli import orphan_guard
from festival_kit.ports import Ports

LOOPBACK = "127.0.0.1"

# Fatal lines in the logs: glog's (weed) "F1127 ...", nats-server's "[FTL]", a Go panic.
_FATAL = re.compile(r"^F\d{4} |\[FTL\]|^panic: ")
_RUN_HEADER = "\n==== festival start "

# Every child still running when the interpreter exits is stopped, so a crashed `festival up` or test
# session does not leave servers holding the ports.
_running: set[Managed] = set()


class StartError(RuntimeError):
    """A server died or never became ready; the message carries the tail of its log."""


class Managed:
    """One child process in its own process group, logging to a file; stop() ends the whole group."""

    def __init__(self, name: str, proc: subprocess.Popen, log_path: Path, env: dict[str, str] | None = None) -> None:
        self.name = name
        self.proc = proc
        self.log_path = log_path
        self.env = env
        self.command = orphan_guard.target(list(proc.args))
        _running.add(self)

    def restart(self) -> None:
        """Start the same command again (after it exited), appending to the same log."""
        self.stop()
        self.proc = spawn(self.command, self.log_path, env=self.env)
        _running.add(self)

    @property
    def running(self) -> bool:
        return self.proc.poll() is None

    def stop(self, timeout: float = 10.0) -> int:
        """SIGTERM the group, SIGKILL it after `timeout` seconds; returns the exit code."""
        if self.running:
            self._signal_group(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self._signal_group(signal.SIGKILL)
                self.proc.wait()
        _running.discard(self)
        return self.proc.returncode

    def log_tail(self, lines: int = 30) -> str:
        """The last lines of the log, after its fatal ones (a Go panic's stack trace can bury the cause)."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        text = text.rsplit(_RUN_HEADER, 1)[-1].splitlines()  # this run only
        fatal = [line for line in text if _FATAL.search(line)]
        return "\n".join([*fatal[-3:], "...", *text[-lines:]] if fatal else text[-lines:])

    def _signal_group(self, sig: signal.Signals) -> None:
        try:
            os.killpg(self.proc.pid, sig)  # the pgid is the child's pid: start_new_session=True
        except ProcessLookupError:
            pass

    def wait_ready(self, check: Callable[[], bool], timeout: float, what: str) -> None:
        """Poll `check` until true; stop the child and raise StartError if it dies or times out."""
        deadline = time.monotonic() + timeout
        while True:
            if not self.running:
                self.stop()  # reap it, and forget it
                raise StartError(
                    f"{self.name} exited with code {self.proc.returncode} before {what}; "
                    f"log {self.log_path}:\n{self.log_tail()}"
                )
            if check():
                return
            if time.monotonic() > deadline:
                self.stop()
                raise StartError(
                    f"{self.name} not ready ({what}) after {timeout:.0f}s; log {self.log_path}:\n{self.log_tail()}"
                )
            time.sleep(0.1)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} pid={self.proc.pid} running={self.running}>"


class NatsServer(Managed):
    """nats-server with JetStream; `url` is what clients connect to."""

    def __init__(self, proc: subprocess.Popen, log_path: Path, port: int, monitor_port: int) -> None:
        super().__init__("nats-server", proc, log_path)
        self.url = f"nats://{LOOPBACK}:{port}"
        self.monitor_url = f"http://{LOOPBACK}:{monitor_port}"

    def ready(self) -> bool:
        return http_status(f"{self.monitor_url}/healthz?js-enabled-only=true") == 200


class S3Server(Managed):
    """SeaweedFS serving S3 at `endpoint` ("host:port", plain HTTP) for one generated identity."""

    def __init__(self, proc: subprocess.Popen, log_path: Path, ports: Ports, access_key: str, secret_key: str):
        super().__init__("weed", proc, log_path)
        self.endpoint = f"{LOOPBACK}:{ports.of('s3')}"
        self.access_key = access_key
        self.secret_key = secret_key
        self._ports = ports

    def ready(self) -> bool:
        # An anonymous request refused (403) means the gateway is up with authentication on; a volume
        # server registered with the master means the first write will find somewhere to go.
        if http_status(f"http://{self.endpoint}/") != 403:
            return False
        try:
            master = f"http://{LOOPBACK}:{self._ports.of('weed_master')}"
            with urllib.request.urlopen(f"{master}/dir/status", timeout=1) as response:
                topology = json.load(response)["Topology"]
        except (OSError, ValueError, KeyError):
            return False
        return any(rack.get("DataNodes") for dc in topology.get("DataCenters") or [] for rack in dc["Racks"] or [])

    def stop(self, timeout: float = 5.0) -> int:
        # On SIGTERM weed's filer waits 15 s for the S3 gateway's metadata stream to end before it gives up.
        # The volume server has stopped within a second, and the filer's leveldb journals every change as
        # it is made, so killing the rest after 5 s loses nothing (the restart test checks it).
        code = super().stop(timeout)
        # weed puts a unix socket per gRPC port in /tmp (names fixed, not configurable) and a killed weed
        # leaves them behind; a later weed on the same port replaces them, but they pile up.
        ours = range(self._ports.base, self._ports.base + self._ports.span)
        for sock in Path("/tmp").glob("seaweedfs-*.sock"):
            port = sock.stem.rpartition("-")[2]
            if port.isdigit() and int(port) in ours and sock.is_socket() and sock.stat().st_uid == os.getuid():
                sock.unlink(missing_ok=True)
        return code


def _binary(name: str) -> str:
    """The binary the venv's *-bin package installed, else one on PATH."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        raise StartError(f"{name} not found next to {sys.executable} nor on PATH (is the *-bin package installed?)")
    return found


def spawn(args: list[str], log_path: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    """Start `args` in a new session, stdout and stderr appended to `log_path`; `env` replaces the environment.

    The child is killed when the calling thread dies (see the module docstring): call it from a thread
    that lives as long as the child should, the main thread in `festival up`.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    command = [*orphan_guard.command(os.getpid()), *args]
    with open(log_path, "ab") as log:  # append: a restart keeps the previous run's log
        log.write(f"{_RUN_HEADER}{time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(args)}\n".encode())
        log.flush()
        return subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=env
        )


def http_status(url: str) -> int | None:
    """The HTTP status of a GET, None when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code
    except (OSError, ValueError):
        return None


def _write_private(path: Path, text: str) -> None:
    """Create `path` with mode 0600 from the start, so the secret is never readable by others."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)


def start_nats(data_dir: Path, ports: Ports, timeout: float = 20.0) -> NatsServer:
    """Start nats-server on loopback with file-backed JetStream under data_dir/"nats"; wait until ready."""
    store = data_dir / "nats"
    store.mkdir(parents=True, exist_ok=True)
    port, monitor = ports.of("nats"), ports.of("nats_monitor")
    config = store / "nats-server.conf"
    # sync_interval: always fsyncs each write before acking it: the lazy default loses acked writes on power loss.
    config.write_text(
        f"listen: {LOOPBACK}:{port}\n"
        f"http: {LOOPBACK}:{monitor}\n"
        "jetstream {\n"
        f"  store_dir: {json.dumps(str(store))}\n"
        "  sync_interval: always\n"
        "}\n"
    )
    log_path = data_dir / "logs" / "nats-server.log"
    proc = spawn([_binary("nats-server"), "-c", str(config)], log_path)
    server = NatsServer(proc, log_path, port, monitor)
    server.wait_ready(server.ready, timeout, "JetStream healthz")
    return server


def _s3_identity(data_dir: Path) -> tuple[Path, str, str]:
    """The identities file weed's -s3.config reads: created once with fresh keys, reused after."""
    path = data_dir / "s3-identities.json"
    if not path.exists():
        identity = {
            "name": "festival",
            "credentials": [{"accessKey": secrets.token_urlsafe(15), "secretKey": secrets.token_urlsafe(30)}],
            "actions": ["Admin", "Read", "Write", "List"],
        }
        _write_private(path, json.dumps({"identities": [identity]}, indent=2))
    credentials = json.loads(path.read_text())["identities"][0]["credentials"][0]
    return path, credentials["accessKey"], credentials["secretKey"]


def web_origins(ports: Ports) -> str:
    """The origins of the gateway's web pages on this machine, as CORS allows them."""
    return ",".join(f"http://{host}:{ports.of('gateway')}" for host in (LOOPBACK, "localhost"))


def _weed_args(data_dir: Path, ports: Ports, identities: Path) -> list[str]:
    # `weed server -s3` rather than `weed mini`: mini also starts an admin server and a worker whose gRPC
    # address ignores -admin.port.grpc (always admin port + 10000), so it cannot be pinned to our ports.
    p = ports.of
    return [
        _binary("weed"), "server", "-s3",
        f"-dir={data_dir / 's3'}",
        f"-ip={LOOPBACK}", f"-ip.bind={LOOPBACK}",
        "-master.telemetry=false",
        f"-master.port={p('weed_master')}", f"-master.port.grpc={p('weed_master_grpc')}",
        f"-volume.port={p('weed_volume')}", f"-volume.port.grpc={p('weed_volume_grpc')}",
        f"-filer.port={p('weed_filer')}", f"-filer.port.grpc={p('weed_filer_grpc')}",
        f"-s3.port={p('s3')}", f"-s3.port.grpc={p('weed_s3_grpc')}",
        f"-metricsPort={p('weed_metrics')}",
        # On by default, each on a fixed port; nothing here uses them.
        "-s3.port.iceberg=0", "-s3.port.lance=0",
        # Without it weed serves S3 with no authentication at all.
        f"-s3.config={identities}",
        # Browsers upload straight to S3 from the gateway's pages: answer CORS for that origin only (weed's
        # default is every origin); weed exposes ETag, which multipart completion needs, by itself.
        f"-s3.allowedOrigins={web_origins(ports)}",
        # Defaults are sized for a cluster: 30 GB volumes, 8 of them, a 10 s pause before stopping.
        "-master.volumeSizeLimitMB=1024", "-volume.max=0", "-volume.preStopSeconds=0",
        # A lone master waits a whole election timeout (10 s) for peers when it restarts over old state.
        "-master.electionTimeout=1s",
    ]  # fmt: skip


def start_s3(data_dir: Path, ports: Ports, timeout: float = 60.0) -> S3Server:
    """Start SeaweedFS (master, volume, filer, S3) on loopback with data under data_dir/"s3"; wait until ready."""
    (data_dir / "s3").mkdir(parents=True, exist_ok=True)
    identities, access_key, secret_key = _s3_identity(data_dir)
    log_path = data_dir / "logs" / "weed.log"
    proc = spawn(_weed_args(data_dir, ports, identities), log_path)
    server = S3Server(proc, log_path, ports, access_key, secret_key)
    server.wait_ready(server.ready, timeout, "S3 refusing anonymous requests and a volume server registered")
    return server


@atexit.register
def _stop_all() -> None:
    for managed in list(_running):
        managed.stop()
