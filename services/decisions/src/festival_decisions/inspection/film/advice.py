"""Small helpers to word a check for a student: times as minutes and seconds, numbers without noise."""

from __future__ import annotations

from typing import Any

from festival_decisions.inspection.report import Check, Verdict


def check(id: str, verdict: Verdict, measured: Any, expected: Any, zh: str, en: str) -> Check:
    return Check(id=id, verdict=verdict, measured=measured, expected=expected, message_zh=zh, message_en=en)


def mmss(seconds: float | None) -> str:
    """`seconds` as m:ss.s (8:00, 0:12.3): how editing software shows a position in the film."""
    if seconds is None:
        return "?"
    minutes, rest = divmod(round(max(0.0, seconds), 1), 60)
    text = f"{int(minutes)}:{rest:04.1f}"
    return text.removesuffix(".0")

