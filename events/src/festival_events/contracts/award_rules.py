"""The awards part of an edition's rules (通知 四 表彰, 二.第三、四阶段): how tiers are ranked, who gets a
certificate, and the dates by which awards are published and the exhibition list goes out.

The tier ratios themselves stay in `EditionRules.award_ratios`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class AwardRules(BaseModel):
    """`scope`: tiers per category, or over the whole edition; `certificates`: one per creator or per team."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    scope: Literal["category", "edition"] = "category"
    certificates: Literal["per_creator", "per_team"] = "per_creator"
    publish_by: datetime  # 第三阶段 表彰: 10月31日前
    exhibition_by: datetime  # 第四阶段 展示交流: 11月30日前
    remind_days_before: int = 7
    # 附件 四.4: source files of awarded works, uploaded when the province asks; any container, this large at most.
    source_max_bytes: int = Field(20 * 1024**3, gt=0)

    @model_validator(mode="after")
    def _in_order(self) -> AwardRules:
        if self.publish_by.tzinfo is None or self.exhibition_by.tzinfo is None:
            raise ValueError("award dates must carry a time zone")
        if not self.publish_by <= self.exhibition_by:
            raise ValueError("awards.publish_by <= awards.exhibition_by must hold")
        return self
