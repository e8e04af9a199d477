"""Score sheets as the judging rules read them: one canonical order, grouped by work or by judge."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Sheet:
    """One judge's validated score sheet for one work; `total` is the sum of its points."""

    judge_id: str
    work_id: str
    total: float


def canonical_sheets(sheets: Iterable[Sheet]) -> tuple[Sheet, ...]:
    """The sheets in one fixed order, refusing a second sheet by a judge for a work or a non-finite total."""
    ordered = tuple(sorted(sheets, key=lambda s: (s.work_id, s.judge_id, s.total)))
    if len({(sheet.work_id, sheet.judge_id) for sheet in ordered}) != len(ordered):
        raise ValueError("a judge has more than one sheet for a work")
    if not all(math.isfinite(sheet.total) for sheet in ordered):
        raise ValueError("a sheet total is not a finite number")
    return ordered


def totals_by(sheets: tuple[Sheet, ...], field: str) -> dict[str, list[float]]:
    """The sheets' totals grouped by "work_id" or "judge_id", keys in sorted order."""
    grouped = defaultdict(list)
    for sheet in sheets:
        grouped[getattr(sheet, field)].append(sheet.total)
    return dict(sorted(grouped.items()))
