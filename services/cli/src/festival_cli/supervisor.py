"""Keeps the local stack running: a process that exits is started again, after a growing pause.

A process that keeps dying soon after it starts (`Policy.give_up_after` times in a row, each within
`Policy.fast_s` of its start) is given up on and named; the rest of the stack keeps running, and the
gateway's /health shows the missing service as down. A process that ran a while before it died starts
its count afresh. Restarts happen on the thread that calls `tick` (the main thread of `festival up`):
every child's parent-death signal is tied to the thread that started it (see infra).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from festival_cli.infra import Managed

Say = Callable[..., None]  # say(event, message, **fields): printed and logged


@dataclass(frozen=True)
class Policy:
    """How soon to restart and when to stop trying."""

    first_delay_s: float = 0.2
    max_delay_s: float = 8.0
    fast_s: float = 15.0
    give_up_after: int = 5

    def delay(self, crashes: int) -> float:
        return min(self.first_delay_s * 2 ** (crashes - 1), self.max_delay_s)


@dataclass
class Watched:
    """One supervised process and what the supervisor knows of it."""

    proc: Managed
    started_at: float
    crashes: int = 0  # fast exits in a row
    restart_at: float | None = None
    awaiting_ready: bool = False
    given_up: bool = False
    restarts: int = field(default=0)


class Supervisor:
    """Call `tick()` every half second or so; it restarts, reports and gives up as the policy says."""

    def __init__(self, procs: list[Managed], say: Say, ready: Callable[[Managed], bool] = lambda _: True,
                 policy: Policy = Policy(), now: Callable[[], float] = time.monotonic):
        self.say, self.ready, self.policy, self.now = say, ready, policy, now
        self.watched = [Watched(proc, now()) for proc in procs]

    def tick(self) -> None:
        t = self.now()
        for w in self.watched:
            if w.given_up:
                continue
            if w.restart_at is not None:
                if t >= w.restart_at:
                    self._restart(w, t)
            elif not w.proc.running:
                self._exited(w, t)
            elif w.awaiting_ready and self.ready(w.proc):
                w.awaiting_ready = False
                self.say("supervisor.serving_again", f"{w.proc.name} 已恢复 / {w.proc.name} is serving again "
                         f"({t - w.started_at:.1f} s after its restart)", process=w.proc.name)

    @property
    def given_up(self) -> list[str]:
        return [w.proc.name for w in self.watched if w.given_up]

    def _exited(self, w: Watched, t: float) -> None:
        code, name = w.proc.stop(), w.proc.name  # reaps it
        w.crashes = w.crashes + 1 if t - w.started_at < self.policy.fast_s else 1
        if w.crashes >= self.policy.give_up_after:
            w.given_up = True
            self.say("supervisor.gave_up",
                     f"{name} 连续 {w.crashes} 次启动后很快退出，不再重启 / gave up on {name}: it exited "
                     f"{w.crashes} times in a row within {self.policy.fast_s:.0f} s of starting (last code {code}); "
                     f"the rest keeps running. Log {w.proc.log_path}:\n{w.proc.log_tail()}",
                     process=name, code=code, crashes=w.crashes)
            return
        delay = self.policy.delay(w.crashes)
        w.restart_at = t + delay
        self.say("supervisor.exited", f"{name} 已退出（代码 {code}），{delay:.1f} 秒后重启 / {name} exited "
                 f"(code {code}); restarting in {delay:.1f} s", process=name, code=code, delay_s=delay)

    def _restart(self, w: Watched, t: float) -> None:
        try:
            w.proc.restart()
        except OSError as failure:  # cannot even spawn it (fds, memory): a crash like any other
            w.restart_at, w.started_at = None, t
            self.say("supervisor.restart_failed", f"{w.proc.name}: {failure}", process=w.proc.name)
            return
        w.restart_at, w.started_at, w.awaiting_ready = None, t, True
        w.restarts += 1
        self.say("supervisor.restarted", f"{w.proc.name} 已重启 / restarted {w.proc.name} (pid {w.proc.proc.pid})",
                 process=w.proc.name, pid=w.proc.proc.pid, restarts=w.restarts)
