"""The judging part of an edition's rules: window, panel size, conflicts, normalisation and the rubrics.

Held by `EditionRules.judging`; every default comes from the notice (二.第二阶段, 附件 三) or the design
(five judges a work, per-judge z-scores). A rubric criterion cites the notice's words the way review's reason
codes do.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Method = Literal["raw_mean", "zscore", "trimmed_mean"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Criterion(_Frozen):
    """One line of a score sheet: what is judged, its maximum points and what the notice says of it."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]{0,31}$")
    name_zh: str
    name_en: str
    max_points: int = Field(gt=0, le=100)
    notice_zh: str = ""
    notice_ref: str = ""


class ConflictRules(_Frozen):
    """Who may not score a work: a judge of its region or school, or one who declared one of its people."""

    same_region: bool = True
    same_school: bool = True
    declared_persons: bool = True


class Normalisation(_Frozen):
    """How a work's final score comes from its sheets (see festival_decisions.judging.results)."""

    method: Method = "zscore"
    min_sheets_for_zscore: int = Field(default=5, ge=2)
    trim_when_at_least: int = Field(default=5, ge=3)
    outlier_spreads: float = Field(default=1.5, gt=0)


class JudgingRules(_Frozen):
    """The judging phase of an edition: one round per category, k judges a work, blind sheets on a rubric."""

    opens: datetime
    closes: datetime
    judges_per_work: int = Field(default=5, ge=1)
    min_judges_per_work: int = Field(default=3, ge=1)
    conflicts: ConflictRules = ConflictRules()
    normalisation: Normalisation = Normalisation()
    rubrics: dict[str, list[Criterion]]

    @model_validator(mode="after")
    def _consistent(self) -> JudgingRules:
        if self.opens.tzinfo is None or self.closes.tzinfo is None:
            raise ValueError("judging dates must carry a time zone")
        if not self.opens < self.closes:
            raise ValueError("judging.opens < judging.closes must hold")
        if self.judges_per_work < self.min_judges_per_work:
            raise ValueError("judges_per_work must be at least min_judges_per_work")
        for category, criteria in self.rubrics.items():
            codes = [c.code for c in criteria]
            if not criteria or len(set(codes)) != len(codes):
                raise ValueError(f"the rubric of {category} needs criteria with distinct codes")
        return self

    def rubric(self, category: str) -> list[Criterion]:
        return self.rubrics.get(category, [])
