"""Every refusal the registry gives: a stable code, Chinese then English, and an HTTP status."""

from __future__ import annotations

from festival_kit.errors import FestivalError, forbidden, not_found

__all__ = ["forbidden", "not_found"]


def invalid(code: str, zh: str, en: str) -> FestivalError:
    return FestivalError(code, zh, en, 422)


def username_taken() -> FestivalError:
    return FestivalError("username_taken", "该用户名已被使用。", "This username is already taken.", 409)


def bad_credentials() -> FestivalError:
    return FestivalError("bad_credentials", "用户名或密码错误。", "Wrong username or password.", 401)


def account_pending() -> FestivalError:
    return FestivalError(
        "account_pending", "账号正在等待地区管理员审核。",
        "The account is waiting for the region admin's approval.", 403,
    )


def account_refused() -> FestivalError:
    return FestivalError(
        "account_refused", "账号申请未通过地区管理员审核。", "The region admin refused this account.", 403
    )


def not_logged_in() -> FestivalError:
    return FestivalError("not_logged_in", "请先登录。", "Please log in first.", 401)


def school_not_approved() -> FestivalError:
    return FestivalError(
        "school_not_approved", "该学校尚未通过审核，暂不能注册学生账号。",
        "This school is not approved yet: students cannot register there.", 409,
    )


def not_a_school_admin() -> FestivalError:
    return FestivalError(
        "not_school_admin", "该账号不是校级管理员申请。", "This account is not a school admin application.", 409
    )


def already_decided() -> FestivalError:
    return FestivalError(
        "already_decided", "该申请已经审核过，不能重复审核。", "This application has already been decided.", 409
    )


def reason_required() -> FestivalError:
    return invalid("reason_required", "不通过审核时必须填写理由。", "A refusal needs a reason.")


def unknown_role() -> FestivalError:
    return invalid("unknown_role", "角色不存在。", "No such role.")


def unknown_status() -> FestivalError:
    return invalid("unknown_status", "账号状态不存在。", "No such account status.")


def school_outside_region() -> FestivalError:
    return FestivalError("school_outside_region", "所选学校不属于所选地区。",
                         "The school chosen is not in the region chosen.", 422)


def account_suspended() -> FestivalError:
    return FestivalError("account_suspended", "账号已被省级管理员停用。", "The province admin suspended this account.", 403)


def already_suspended() -> FestivalError:
    return FestivalError("already_suspended", "账号已经停用。", "This account is already suspended.", 409)


def account_not_active() -> FestivalError:
    return FestivalError("account_not_active", "只有已启用的账号可以停用。", "Only an active account can be suspended.",
                         409)


def not_suspended() -> FestivalError:
    return FestivalError("not_suspended", "账号没有停用，无需恢复。", "This account is not suspended.", 409)


def not_yourself() -> FestivalError:
    return FestivalError("not_yourself", "不能停用自己的账号。", "You cannot suspend your own account.", 409)


def wrong_password() -> FestivalError:
    return FestivalError("wrong_password", "当前密码不正确。", "The current password is wrong.", 403)
