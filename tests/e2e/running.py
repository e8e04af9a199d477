"""A whole platform started by `festival up` in a temporary data folder on free ports."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from festival_kit.ports import Ports

READY_LINE = "Ctrl-C"


@dataclass
class Stack:
    """What `festival up` printed, and how to reach it."""

    ports: Ports
    data_dir: Path
    proc: subprocess.Popen
    output: list[str] = field(default_factory=list)

    @property
    def gateway(self) -> str:
        return f"http://127.0.0.1:{self.ports.of('gateway')}"

    @property
    def nats_url(self) -> str:
        return f"nats://127.0.0.1:{self.ports.of('nats')}"

    def demo_accounts(self) -> dict[str, str]:
        """role -> username, as printed in the banner."""
        rows = (re.match(r"\s+(\w+)\s+(demo-[\w-]+)$", line) for line in self.output)
        return {m.group(1): m.group(2) for m in rows if m}

    def demo_password(self) -> str:
        line = next(line for line in self.output if "password" in line)
        return re.search(r"password (\S+)\)", line).group(1)

    def clock(self, moment: str) -> None:
        """Move the stack's clock the way an operator would."""
        env = {**os.environ, "FESTIVAL_DATA_DIR": str(self.data_dir)}
        subprocess.run([_festival(), "clock", moment], env=env, check=True, capture_output=True)


def _festival() -> str:
    return str(Path(sys.executable).parent / "festival")


def _pump(proc: subprocess.Popen, output: list[str]) -> None:
    for line in proc.stdout:
        output.append(line.rstrip("\n"))


def start_stack(data_dir: Path, ports: Ports, timeout: float = 180, args: tuple[str, ...] = ()) -> Stack:
    """Run `festival up` (with `args`, e.g. --inspectors 2) and wait for its banner; fail with every log when it
    does not come up."""
    env = {**os.environ, "FESTIVAL_DATA_DIR": str(data_dir), "FESTIVAL_PORT_BASE": str(ports.base),
           "FESTIVAL_SCHEDULER_INTERVAL": "0.2"}  # fmt: skip
    env.pop("FESTIVAL_CLOCK_FILE", None)
    proc = subprocess.Popen(
        [_festival(), "up", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        cwd=Path(__file__).parents[2],
    )
    running = Stack(ports, data_dir, proc)
    threading.Thread(target=_pump, args=(proc, running.output), daemon=True).start()
    deadline = time.monotonic() + timeout
    while not any(READY_LINE in line for line in running.output):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            logs = "\n".join(f"--- {p.name}\n{p.read_text()[-3000:]}" for p in (data_dir / "logs").glob("*.log"))
            pytest.fail("festival up did not come up:\n" + "\n".join(running.output) + "\n" + logs)
        time.sleep(0.2)
    return running


def stop_stack(running: Stack) -> int:
    """Ctrl-C, as an operator would; returns the exit status."""
    running.proc.send_signal(signal.SIGINT)
    return running.proc.wait(timeout=60)


def children(pid: int) -> list[int]:
    """The direct children of `pid`, from /proc."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except FileNotFoundError:  # the thread ended between listing and reading
            continue
    return found


def cmdline(pid: int) -> str:
    """The process's command line; "" once it has gone."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except FileNotFoundError:
        return ""
