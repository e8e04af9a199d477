"""The injected clock. Local stacks and tests move it through a small JSON file; production reads the wall."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
ENV = "FESTIVAL_CLOCK_FILE"


def now() -> datetime:
    """The current UTC time, shifted by the clock file's offset when one is configured."""
    real = datetime.now(timezone.utc)
    path = os.environ.get(ENV)
    if not path:
        return real
    return real + timedelta(seconds=_offset(Path(path)))


def _offset(path: Path) -> float:
    try:
        return float(json.loads(path.read_text())["offset_seconds"])
    except FileNotFoundError:
        return 0.0


def set_clock(path: Path, moment: datetime) -> None:
    """Make `now()` read `moment` from this instant on (the clock keeps running)."""
    offset = (moment - datetime.now(timezone.utc)).total_seconds()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"offset_seconds": offset, "set_to": moment.isoformat()}))
    tmp.replace(path)


def shanghai(moment: datetime) -> str:
    """How a time is shown to users: Asia/Shanghai, to the minute."""
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
