"""Every refusal a reviewer (or a caller out of scope) can meet, each with a stable code. Pure."""

from __future__ import annotations

from festival_kit.errors import FestivalError, forbidden, not_found

__all__ = ["forbidden", "not_found"]


def not_in_review() -> FestivalError:
    """Review knows a work from its first submission on: a draft (or a mistyped id) has no case here."""
    return FestivalError("not_in_review", "这件作品尚未提交，还没有审核记录。",
                         "This work has not been submitted yet (or there is no such work): it has no review record.",
                         404)


def not_approved() -> FestivalError:
    return FestivalError("not_approved", "您的管理员注册尚未经地区管理员审核通过，暂不能审核作品。",
                         "Your admin registration has not been approved yet: you cannot review works.", 403)


def scope_mismatch() -> FestivalError:
    return FestivalError("forbidden", "您的登录信息与账号所属单位不一致。",
                         "Your token's school or region does not match your account.", 403)


def wrong_school() -> FestivalError:
    return FestivalError("wrong_school", "该作品不属于您所在的学校，不能审核。",
                         "This work belongs to another school: you cannot decide on it.", 403)


def wrong_region() -> FestivalError:
    return FestivalError("wrong_region", "该作品不属于您所在的地区，不能审核。",
                         "This work belongs to another region: you cannot decide on it.", 403)


def already_decided(status_zh: str, status_en: str) -> FestivalError:
    return FestivalError("already_decided", f"该作品当前状态为“{status_zh}”，已经审核过，不能重复审核。",
                         f"This work is {status_en}: it has already been decided.", 409)


def not_yet_forwarded() -> FestivalError:
    return FestivalError("not_yet_forwarded", "该作品尚未报送到您这一级，暂不能审核。",
                         "This work has not been forwarded to your level yet.", 409)


def not_reported() -> FestivalError:
    return FestivalError("not_reported", "地区上报截止时该作品未报送省级，已关闭，不予评审。",
                         "The work was not reported by the region deadline: it is closed and not rated.", 409)


def withdrawn() -> FestivalError:
    return FestivalError("withdrawn", "该作品已视为放弃，不能再审核。",
                         "This work has been withdrawn: it cannot be decided.", 409)


def stale_version(current: int) -> FestivalError:
    return FestivalError("stale_version", f"作品已更新为第 {current} 版，请刷新后再审核。",
                         f"The work has moved on to version {current}: reload it before deciding.", 409)


def reason_required() -> FestivalError:
    return FestivalError("reason_required", "退回作品时必须选择退回原因并填写说明。",
                         "A return needs a reason code and a written reason.", 422)


def unknown_reason_code(code: str) -> FestivalError:
    return FestivalError("unknown_reason_code", f"原因代码“{code}”不在可选范围内。",
                         f"Reason code {code!r} is not one this decision may name.", 422)


def reason_codes_required() -> FestivalError:
    return FestivalError("reason_codes_required", "取消参评资格时必须至少选择一项通知中规定的原因。",
                         "A disqualification needs at least one reason code from the notice.", 422)


def evidence_required() -> FestivalError:
    return FestivalError("evidence_required", "取消参评资格时必须填写依据说明。",
                         "A disqualification needs evidence notes.", 422)


def window_closed() -> FestivalError:
    return FestivalError("window_closed", "申报期已结束，选手无法再修改重交，不能退回作品。",
                         "The submission window has closed: the student could not resubmit, so works can no "
                         "longer be returned.", 409)


def region_deadline_passed(deadline: str) -> FestivalError:
    return FestivalError("region_deadline_passed", f"地区上报已于 {deadline} 截止。",
                         f"The region deadline ({deadline}) has passed.", 409)


def wrong_phase(what_zh: str, what_en: str) -> FestivalError:
    return FestivalError("wrong_phase", f"当前阶段不能{what_zh}。", f"You cannot {what_en} in this phase.", 409)


def unknown_edition(edition: str) -> FestivalError:
    return FestivalError("unknown_edition", "该届活动尚未发布。", f"Edition {edition!r} has not been published.",
                         404)


def edition_required() -> FestivalError:
    return FestivalError("edition_required", "有多届活动，请指明届次。", "Several editions exist: name one.", 422)


def table_changed() -> FestivalError:
    return FestivalError("table_changed", "统计表在您下载后已有变化，请重新下载核对后再上报。",
                         "The table changed since you downloaded it: download and check it again, then file.",
                         409)


def unknown_view(view: str) -> FestivalError:
    return FestivalError("unknown_view", "队列视图只能是 waiting、decided 或 all。",
                         f"There is no queue view {view!r}: use waiting, decided or all.", 422)
