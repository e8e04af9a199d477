"""Run a command that dies with the thread that started it: `python -m festival_cli.orphan_guard PID -- CMD...`.

Linux's parent-death signal (prctl PR_SET_PDEATHSIG) survives execve, so setting it here and then
exec'ing the real program (nats-server, weed, a service) gives every child of `festival up` a kernel
promise that a SIGKILLed parent takes it along. Doing it in a separate process rather than in Popen's
preexec_fn keeps Python code out of the window between fork and exec of a multi-threaded parent.
If the parent died before the signal was armed, getppid() no longer names it and the guard exits.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1
SEPARATOR = "--"


def command(parent_pid: int) -> list[str]:
    """The prefix that runs a command under the guard for this parent."""
    return [sys.executable, "-m", "festival_cli.orphan_guard", str(parent_pid), SEPARATOR]


def target(args: list[str]) -> list[str]:
    """The guarded command itself, without the guard's prefix (args unchanged when there is none)."""
    if len(args) > 4 and args[1:3] == ["-m", "festival_cli.orphan_guard"] and args[4] == SEPARATOR:
        return args[5:]
    return args


def arm(parent_pid: int) -> None:
    """SIGKILL this process when its parent thread dies; exit now if that already happened."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if os.getppid() != parent_pid:
        os._exit(70)


def main(argv: list[str]) -> None:
    parent, separator, *program = argv
    if separator != SEPARATOR or not program:
        raise SystemExit("usage: python -m festival_cli.orphan_guard PARENT_PID -- COMMAND [ARG...]")
    arm(int(parent))
    os.execvp(program[0], program)


if __name__ == "__main__":
    main(sys.argv[1:])
