"""The reason codes a return or a disqualification may name, with the notice's words for them. Pure."""

from __future__ import annotations

from dataclasses import dataclass

RETURN, DISQUALIFY = "return", "disqualify"


@dataclass(frozen=True)
class Reason:
    """One reason code: what kind of decision it serves, its names and where the notice states it."""

    code: str
    kind: str
    name_zh: str
    name_en: str
    notice_ref: str


# Why a work is not rated: 实施办法 二.4 (earlier edition), 二.1 (originality), 二.6 (1)-(4), 一 (theme),
# 四 (standards). The platform checks none of these by itself: the province names them, with evidence.
CATALOGUE: tuple[Reason, ...] = (
    Reason("unlawful_or_unethical", DISQUALIFY, "有违法律法规、伦理道德、民族习俗和宗教信仰",
           "Breaks the law, ethics, ethnic customs or religious beliefs", "附件 二.6(1)"),
    Reason("safety_hazard", DISQUALIFY, "存在公共、人身安全隐患", "Public or personal safety hazard",
           "附件 二.6(2)"),
    Reason("harm_to_animals_or_plants", DISQUALIFY, "对动、植物造成伤害", "Harm to animals or plants",
           "附件 二.6(3)"),
    Reason("damage_to_environment_or_relics", DISQUALIFY, "对环境、文物造成损坏",
           "Damage to the environment or cultural relics", "附件 二.6(4)"),
    Reason("earlier_edition_or_near_copy", DISQUALIFY, "往届影像节作品或与以往申报作品雷同",
           "A work of an earlier edition, or a near copy of one", "附件 二.4"),
    Reason("plagiarism", DISQUALIFY, "抄袭或存在著作权争议", "Plagiarism or disputed copyright",
           "附件 二.1；通知 三.9"),
    Reason("off_theme", DISQUALIFY, "偏离活动主题", "Off the festival's themes", "通知 一；附件 二.2"),
    Reason("technical_nonconformance", DISQUALIFY, "不符合作品标准（时长、格式、质量）",
           "Does not meet the standards (duration, format, quality)", "附件 四"),
    # Returns ask the student to fix something: the work can still take part once fixed.
    Reason("materials_incomplete", RETURN, "申报材料不完整", "Materials incomplete", "通知 三.2"),
    Reason("forms_not_signed", RETURN, "申报表或著作权声明表未按要求签章",
           "Application form or copyright declaration not signed and stamped", "通知 三.3"),
    Reason("information_incorrect", RETURN, "作品信息填写有误", "Information entered is wrong", "通知 三.2"),
    Reason("media_nonconformance", RETURN, "影片、封面或海报不符合作品标准",
           "Film, cover or poster does not meet the standards", "附件 四"),
    Reason("content_needs_fixing", RETURN, "作品内容需修改", "The content needs fixing", "附件 二"),
    Reason("other", RETURN, "其他（见说明）", "Other (see the reason given)", ""),
)

_BY_CODE = {r.code: r for r in CATALOGUE}


def reasons(kind: str = "") -> list[Reason]:
    """The catalogue, or the reasons of one kind."""
    return [r for r in CATALOGUE if not kind or r.kind == kind]


def known(code: str, kind: str) -> bool:
    reason = _BY_CODE.get(code)
    return reason is not None and reason.kind == kind


def name_zh(code: str) -> str:
    reason = _BY_CODE.get(code)
    return reason.name_zh if reason else code
