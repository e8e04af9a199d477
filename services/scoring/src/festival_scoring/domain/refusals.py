"""Every refusal the scoring service gives, each with a stable code, Chinese then English. Pure."""

from __future__ import annotations

from festival_kit.errors import FestivalError, forbidden, not_found

__all__ = ["forbidden", "not_found"]


def _e(code: str, zh: str, en: str, status: int = 409) -> FestivalError:
    return FestivalError(code, zh, en, status)


def not_your_assignment() -> FestivalError:
    return _e("not_your_assignment", "这不是分配给您的作品，不能查看或评分。",
              "This work is not assigned to you: you cannot see or score it.", 403)


def unknown_judge() -> FestivalError:
    return _e("not_a_judge", "您不是本平台登记的在职评委。", "You are not an active judge of the platform.", 403)


def judging_not_configured() -> FestivalError:
    return _e("judging_not_configured", "本届活动尚未配置评审规则。", "This edition has no judging rules configured.")


def unknown_edition(edition: str) -> FestivalError:
    return _e("unknown_edition", "该届活动尚未发布。", f"Edition {edition!r} has not been published.", 404)


def unknown_category(category: str) -> FestivalError:
    return _e("unknown_category", f"“{category}”不是本届的作品类别。",
              f"{category!r} is not a category of this edition.", 422)


def round_exists(category: str) -> FestivalError:
    return _e("round_exists", f"类别“{category}”的评审轮次已经开设，每个类别只有一轮。",
              f"The judging round of {category} is already open: one round per category.")


def judging_not_open() -> FestivalError:
    return _e("judging_not_open", "评审期（8月1日—31日）尚未开始，不能分配评委。",
              "The judging window has not opened yet: judges cannot be assigned.")


def judging_closed() -> FestivalError:
    return _e("judging_closed", "评审期已结束。", "The judging window has closed.")


def round_closed() -> FestivalError:
    return _e("round_closed", "本轮评审已结束，评分不能再提交或修改。",
              "The round is closed: sheets can no longer be submitted or amended.")


def not_a_judge_account(account_id: str) -> FestivalError:
    return _e("not_a_judge_account", f"账号 {account_id} 不是在职评委账号。",
              f"Account {account_id} is not an active judge account.", 422)


def outside_expertise(account_id: str, category: str) -> FestivalError:
    return _e("outside_expertise", f"评委 {account_id} 的专长不含类别“{category}”。",
              f"Judge {account_id} has no expertise in {category}.", 422)


def judge_has_assignments(account_id: str) -> FestivalError:
    return _e("judge_has_assignments", f"评委 {account_id} 已有分配的作品，不能移出本轮。",
              f"Judge {account_id} already has assigned works: they cannot leave the round.")


def no_judges() -> FestivalError:
    return _e("no_judges", "本轮还没有评委。", "The round has no judges yet.")


def nothing_to_assign() -> FestivalError:
    return _e("nothing_to_assign", "没有待分配的入围作品。", "There is no qualified work left to assign.")


def too_few_judges(k: int, eligible: int) -> FestivalError:
    return _e("too_few_judges", f"每件作品需要 {k} 位评委，本轮只有 {eligible} 位。",
              f"Each work needs {k} judges; the round has only {eligible}.")


def assignment_infeasible(lacking: list[tuple[str, int]], k: int) -> FestivalError:
    listed_zh = "；".join(f"{w}（仅 {n} 位可评）" for w, n in lacking[:20])
    listed_en = "; ".join(f"{w} ({n} eligible)" for w, n in lacking[:20])
    more = f" (+{len(lacking) - 20})" if len(lacking) > 20 else ""
    return _e("assignment_infeasible",
              f"以下作品没有 {k} 位无回避关系的评委，未作任何分配：{listed_zh}{more}",
              f"These works lack {k} judges without a conflict, so nothing was assigned: {listed_en}{more}")


def already_submitted() -> FestivalError:
    return _e("already_submitted", "评分表已经提交；如需修改，请填写修改理由。",
              "The sheet is already submitted: amend it with a reason instead.")


def not_submitted() -> FestivalError:
    return _e("not_submitted", "评分表尚未提交，无需修改理由。", "The sheet has not been submitted yet.")


def amendment_reason_required() -> FestivalError:
    return _e("amendment_reason_required", "修改已提交的评分须填写理由。",
              "Amending a submitted sheet needs a reason.", 422)


def reason_required() -> FestivalError:
    return _e("reason_required", "请填写理由。", "A reason is required.", 422)


def conflict_declared() -> FestivalError:
    return _e("conflict_declared", "您已对该作品申报回避，不能再评分。",
              "You declared a conflict on this work: you no longer score it.")


def work_dropped() -> FestivalError:
    return _e("work_dropped", "该作品已被取消参评资格，不再评分。", "The work was disqualified: it is no longer scored.")


def bad_points(code: str, zh: str, en: str) -> FestivalError:
    return _e(code, zh, en, 422)


def text_too_long(what_zh: str, what_en: str, limit: int) -> FestivalError:
    return _e("text_too_long", f"{what_zh}不能超过 {limit} 个字。", f"The {what_en} is longer than {limit} characters.",
              422)


def no_results() -> FestivalError:
    return _e("no_results", "本轮尚未产生结果（评分未全部提交，且轮次未结束）。",
              "The round has no results yet (sheets are missing and the round is not closed).", 404)
