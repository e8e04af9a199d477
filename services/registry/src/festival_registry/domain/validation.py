"""What a username, password, name or reason must look like; each check returns the cleaned value."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

from festival_registry.domain import refusals
from festival_registry.domain.ids import normal_name

USERNAME = re.compile(r"[a-z0-9_.-]{3,32}")
PASSWORD_MIN, PASSWORD_MAX = 10, 128  # argon2 takes any length; the cap keeps hashing cheap
DISPLAY_NAME_MAX, SCHOOL_NAME_MAX, REASON_MAX = 40, 60, 500
DECLARED_PERSONS_MAX = 50  # a judge declares the creators and advisors they know; more is not a real list


def username(value: str) -> str:
    """Usernames are compared lower-case, so `Li.Ming` and `li.ming` are one account."""
    cleaned = value.strip().lower()
    if not USERNAME.fullmatch(cleaned):
        raise refusals.invalid(
            "invalid_username", "用户名须为3至32位小写字母、数字、下划线、点或连字符。",
            "A username is 3 to 32 characters: lower-case letters, digits, '_', '.' or '-'.",
        )
    return cleaned


def password(value: str, username: str = "") -> str:
    """A new password: 10 to 128 characters, not one of the commonest, not the username, not one character."""
    if not PASSWORD_MIN <= len(value) <= PASSWORD_MAX:
        raise refusals.invalid(
            "invalid_password", f"密码长度须为{PASSWORD_MIN}至{PASSWORD_MAX}个字符。",
            f"A password is {PASSWORD_MIN} to {PASSWORD_MAX} characters long.",
        )
    folded = value.casefold()
    if folded in _common() or len(set(folded)) <= 2 or (username and username.casefold() in folded):
        raise refusals.invalid(
            "weak_password", "密码太常见或太容易猜到（不能含用户名），请换一个。",
            "This password is too common or too easy to guess (it may not contain the username): choose another.",
        )
    return value


@cache
def _common() -> frozenset[str]:
    """The commonest passwords of ten characters or more (common_passwords.txt, one per line)."""
    text = resources.files(__package__).joinpath("common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip() and line[0] != "#")


def display_name(value: str) -> str:
    return _name(value, DISPLAY_NAME_MAX, "invalid_display_name", "姓名", "name")


def school_name(value: str) -> str:
    return _name(value, SCHOOL_NAME_MAX, "invalid_school_name", "学校名称", "school name")


def reason(value: str) -> str:
    """A refusal's reason: required, line breaks allowed, no other control characters."""
    cleaned = value.strip()
    if not cleaned:
        raise refusals.reason_required()
    if len(cleaned) > REASON_MAX or _has_control(cleaned.replace("\n", "")):
        raise refusals.invalid(
            "invalid_reason", f"理由须为不超过{REASON_MAX}个字符的文字。",
            f"A reason is plain text of at most {REASON_MAX} characters.",
        )
    return cleaned


def expertise(values: list[str], categories: list[str]) -> list[str]:
    """A judge's expertise: categories of the edition, each once (none means every category)."""
    unknown = sorted(set(values) - set(categories))
    if unknown:
        raise refusals.invalid(
            "unknown_category", f"专长类别“{unknown[0]}”不是本届的作品类别。",
            f"Expertise {unknown[0]!r} is not a category of this edition ({', '.join(categories)}).",
        )
    return sorted(set(values), key=categories.index)


def declared_persons(values: list[str]) -> list[str]:
    """The persons a judge declares they know, as names (cleaned, each once)."""
    if len(values) > DECLARED_PERSONS_MAX:
        raise refusals.invalid(
            "too_many_declared_persons", f"申报回避的人员最多{DECLARED_PERSONS_MAX}人。",
            f"At most {DECLARED_PERSONS_MAX} persons can be declared.",
        )
    return sorted({display_name(v) for v in values})


def _name(value: str, limit: int, code: str, what_zh: str, what_en: str) -> str:
    cleaned = normal_name(value)
    if not 1 <= len(cleaned) <= limit or _has_control(value):
        raise refusals.invalid(
            code, f"{what_zh}须为1至{limit}个字符，且不能包含控制字符。",
            f"A {what_en} is 1 to {limit} characters, without control characters.",
        )
    return cleaned


def _has_control(text: str) -> bool:
    # Category C covers control, format (zero-width, bidi overrides), surrogate and unassigned code points.
    return any(unicodedata.category(ch).startswith("C") for ch in text)
