"""Every refusal the awards service gives, each with a stable code, Chinese then English. Pure."""

from __future__ import annotations

from festival_kit.errors import FestivalError, forbidden, not_found

__all__ = ["forbidden", "not_found"]


def _e(code: str, zh: str, en: str, status: int = 409) -> FestivalError:
    return FestivalError(code, zh, en, status)


def unknown_edition(edition: str) -> FestivalError:
    return _e("unknown_edition", "该届活动尚未发布。", f"Edition {edition!r} has not been published.", 404)


def awards_not_configured() -> FestivalError:
    return _e("awards_not_configured", "本届活动尚未配置表彰规则。", "This edition has no award rules configured.")


def unknown_scope(scope: str) -> FestivalError:
    return _e("unknown_category", f"“{scope}”不是本届评奖的作品类别。",
              f"{scope!r} is not an award list of this edition (a category, or 'edition' when ranked together).", 422)


def no_results(scope: str) -> FestivalError:
    return _e("no_results", f"“{scope}”还没有评审结果，不能评奖。",
              f"{scope!r} has no judging results yet: nothing to award.")


def not_computed(scope: str) -> FestivalError:
    return _e("awards_not_computed", f"“{scope}”的获奖名单尚未计算。",
              f"The award list of {scope!r} has not been computed yet.", 404)


def judging_not_closed() -> FestivalError:
    return _e("judging_not_closed", "评审期尚未结束，不能公布获奖名单。",
              "Judging has not closed yet: awards cannot be published.")


def already_published(scope: str) -> FestivalError:
    return _e("awards_published", f"“{scope}”的获奖名单已经公布，只能通过更正修改。",
              f"The award list of {scope!r} is already published: change it by a correction.")


def not_published() -> FestivalError:
    return _e("awards_not_published", "获奖名单尚未公布。", "The awards have not been published yet.")


def stale(scope: str) -> FestivalError:
    return _e("awards_stale", f"“{scope}”的评审结果在计算获奖名单后有变化，请重新计算后再公布。",
              f"The results of {scope!r} changed after the award list was computed: compute it again first.")


def reason_required() -> FestivalError:
    return _e("reason_required", "请填写理由。", "A reason is required.", 422)


def not_awarded(work_id: str) -> FestivalError:
    return _e("not_awarded", "该作品不在已公布的获奖名单中。",
              f"Work {work_id!r} is not on a published award list.", 404)


def same_tier() -> FestivalError:
    return _e("same_tier", "更正后的奖项与原奖项相同。", "The corrected tier is the tier the work already has.", 422)


def unknown_tier(tier: str) -> FestivalError:
    return _e("unknown_tier", f"“{tier}”不是本届的奖项。", f"{tier!r} is not an award tier.", 422)


def not_best_advisor(name: str) -> FestivalError:
    return _e("not_best_advisor", f"“{name}”不是任何最佳作品的指导教师，不能获得优秀指导教师奖。",
              f"{name!r} advised no best work: the advisor award goes to advisors of best works (通知 四.3).", 422)


def honour_exists() -> FestivalError:
    return _e("honour_exists", "已经授予过该荣誉。", "This honour has already been given.")


def unknown_unit(unit_id: str) -> FestivalError:
    return _e("unknown_unit", "没有这个学校或地区。", f"No school or region {unit_id!r}.", 404)


def unknown_certificate() -> FestivalError:
    # The same answer for a malformed, overlong or unknown code: no hint about which codes exist.
    return _e("unknown_certificate", "没有这个证书编号。", "No certificate has this code.", 404)


def not_released() -> FestivalError:
    return _e("exhibition_not_released", "展示交流名单尚未向本地区发布。",
              "The exhibition list has not been released to your region yet.", 404)


def already_released() -> FestivalError:
    return _e("exhibition_released", "展示交流名单已经向该地区发布。",
              "The exhibition list was already released to this region.")


def name_invalid() -> FestivalError:
    return _e("bad_name", "姓名须为 1 至 40 个字符。", "A name must have 1 to 40 characters.", 422)


def outside_scope() -> FestivalError:
    return _e("forbidden", "无权查看其他地区的数据。", "You cannot read another region's data.", 403)


def deadline_in_the_past() -> FestivalError:
    return _e("bad_deadline", "源文件的提交期限须晚于现在。", "The deadline for the source files must lie ahead.", 422)
