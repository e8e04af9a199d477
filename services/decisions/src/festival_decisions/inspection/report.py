"""What an inspection says: checks with a verdict, the measured value, what was expected, and advice."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Verdict = Literal["pass", "warn", "fail"]
_RANK = {"pass": 0, "warn": 1, "fail": 2}


@dataclass(frozen=True)
class Check:
    """One rule checked: a stable id, its verdict, the value measured, the value expected, and what to do."""

    id: str
    verdict: Verdict
    measured: Any
    expected: Any
    message_zh: str
    message_en: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Report:
    """Every check of one file; the overall verdict is the worst check's."""

    checks: tuple[Check, ...] = field(default_factory=tuple)

    @property
    def verdict(self) -> Verdict:
        return worst(c.verdict for c in self.checks)

    def failed(self) -> list[str]:
        return [c.id for c in self.checks if c.verdict == "fail"]

    def as_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "checks": [c.as_dict() for c in self.checks]}


def worst(verdicts) -> Verdict:
    return max(verdicts, key=_RANK.__getitem__, default="pass")


def plain(value: Any) -> Any:
    """As JSON has it: a check's value may hold tuples or fractions, the stored event keeps lists and text."""
    return json.loads(json.dumps(value, default=str))
