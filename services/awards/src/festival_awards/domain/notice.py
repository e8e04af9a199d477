"""The awards of the notice (通知 四 表彰奖励) as data: each tier and honour with its names and paragraph."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Award:
    code: str
    name_zh: str
    name_en: str
    notice_ref: str


# 四.1 本届活动设最佳作品奖、优秀作品奖、入围作品奖; 四.2 the ratios (the edition's award_ratios).
TIERS = (
    Award("best", "最佳作品奖", "Best Work Award", "通知 四.1-2"),
    Award("excellent", "优秀作品奖", "Excellent Work Award", "通知 四.1-2"),
    Award("finalist", "入围作品奖", "Finalist Award", "通知 四.1-2"),
)
TIER_ORDER = tuple(t.code for t in TIERS)

HONOURS = (
    # 四.3 最佳作品的指导教师获得优秀指导教师奖
    Award("advisor", "优秀指导教师奖", "Outstanding Advisor Award", "通知 四.3"),
    # 四.4 授予在活动组织宣传工作成果突出、效果显著的个人
    Award("organiser", "优秀组织工作者奖", "Outstanding Organiser Award", "通知 四.4"),
    # 四.5 授予在活动组织宣传工作成果突出、效果显著的组织机构
    Award("unit", "优秀组织单位奖", "Outstanding Organising Unit Award", "通知 四.5"),
)

_ALL = {a.code: a for a in (*TIERS, *HONOURS)}


def award(code: str) -> Award:
    """The tier or honour of a code (every code stored in an event is one of these)."""
    return _ALL[code]
