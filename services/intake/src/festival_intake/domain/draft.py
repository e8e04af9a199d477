"""What a student types into a draft, and the checks it must pass against the edition's rules. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from festival_events.contracts.registry import EditionRules
from festival_intake.domain import language
from festival_kit.errors import FestivalError

# Field sizes of the entry form (the notice leaves them to the platform; the forms print them).
TITLE_MAX = 100
SYNOPSIS_MAX = 2000
NAME_MAX = 20
TEXT_MAX = 100  # a grade or a school name
PHONE = re.compile(r"[0-9+\-]{5,20}")


def _text(value: Any) -> str:
    return str(value or "").strip()


@dataclass(frozen=True)
class Draft:
    """The editable content of a submission: metadata, language declaration (附件 四.3, "" while open) and team
    (creators and advisors are dicts)."""

    title: str
    category: str
    theme: str
    synopsis: str = ""
    creators: list[dict[str, str]] = field(default_factory=list)
    advisors: list[dict[str, str]] = field(default_factory=list)
    voice_over: str = ""
    subtitles: str = ""

    @classmethod
    def of(cls, **raw: Any) -> Draft:
        """A draft with every text stripped and every team member reduced to its known fields."""
        creators = [{k: _text(c.get(k)) for k in ("name", "grade", "school")} for c in raw.get("creators") or []]
        advisors = [{k: _text(a.get(k)) for k in ("name", "school", "phone")} for a in raw.get("advisors") or []]
        return cls(
            title=_text(raw.get("title")), category=_text(raw.get("category")), theme=_text(raw.get("theme")),
            synopsis=_text(raw.get("synopsis")), creators=creators, advisors=advisors,
            voice_over=_text(raw.get("voice_over")), subtitles=_text(raw.get("subtitles")),
        )

    def fields(self) -> dict[str, Any]:
        return {
            "title": self.title, "category": self.category, "theme": self.theme, "synopsis": self.synopsis,
            "creators": [dict(c) for c in self.creators], "advisors": [dict(a) for a in self.advisors],
            "voice_over": self.voice_over, "subtitles": self.subtitles,
        }

    def team(self) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        return self.creators, self.advisors


def invalid(code: str, zh: str, en: str) -> FestivalError:
    return FestivalError(code, zh, en, 422)


def check_draft(draft: Draft, rules: EditionRules) -> None:
    """Raise the first rule the draft breaks: sizes of fields, category and theme, language, team limits."""
    if not 1 <= len(draft.title) <= TITLE_MAX:
        raise invalid("bad_title", f"作品名称须为 1 至 {TITLE_MAX} 个字。",
                      f"The title must be 1 to {TITLE_MAX} characters long.")
    if rules.category(draft.category) is None:
        names = "、".join(c.name_zh for c in rules.categories)
        raise invalid("unknown_category", f"作品类别无效，请从以下类别中选择：{names}。",
                      f"Unknown category {draft.category!r}: choose one of "
                      f"{', '.join(c.code for c in rules.categories)}.")
    if draft.theme not in rules.themes:
        raise invalid("unknown_theme", f"作品主题无效，请从以下主题中选择：{'、'.join(rules.themes)}。",
                      f"Unknown theme {draft.theme!r}: choose one of the edition's themes.")
    if len(draft.synopsis) > SYNOPSIS_MAX:
        raise invalid("synopsis_too_long", f"作品简介不能超过 {SYNOPSIS_MAX} 个字（现有 {len(draft.synopsis)} 个字）。",
                      f"The synopsis must be at most {SYNOPSIS_MAX} characters ({len(draft.synopsis)} given).")
    language.check_values(draft.voice_over, draft.subtitles)
    check_team(draft, rules)


def check_team(draft: Draft, rules: EditionRules) -> None:
    """The team limits of the edition and the fields of every member."""
    team = rules.team
    count = len(draft.creators)
    if not team.min_creators <= count <= team.max_creators:
        code = "too_many_creators" if count > team.max_creators else "too_few_creators"
        raise invalid(code, f"每件作品须有 {team.min_creators} 至 {team.max_creators} 名创作者（现有 {count} 名）。",
                      f"A work has {team.min_creators} to {team.max_creators} creators ({count} given).")
    if len(draft.advisors) > team.max_advisors:
        raise invalid("too_many_advisors",
                      f"每件作品最多 {team.max_advisors} 名指导教师（现有 {len(draft.advisors)} 名）。",
                      f"A work has at most {team.max_advisors} advisors ({len(draft.advisors)} given).")
    for n, person in enumerate(draft.creators, 1):
        _check_member(person, f"第 {n} 名创作者", f"creator {n}", ("grade", "年级", "grade"))
    for n, person in enumerate(draft.advisors, 1):
        _check_member(person, f"第 {n} 名指导教师", f"advisor {n}", None)
        if not PHONE.fullmatch(person["phone"]):
            raise invalid("bad_phone", f"第 {n} 名指导教师的联系电话须为 5 至 20 位数字（可含 + 或 -）。",
                          f"The phone of advisor {n} must be 5 to 20 digits (+ and - allowed).")


def _check_member(person: dict[str, str], who_zh: str, who_en: str, extra: tuple[str, str, str] | None) -> None:
    if not 1 <= len(person["name"]) <= NAME_MAX:
        raise invalid("bad_name", f"{who_zh}的姓名须为 1 至 {NAME_MAX} 个字。",
                      f"The name of {who_en} must be 1 to {NAME_MAX} characters long.")
    for key, zh, en in (("school", "学校", "school"), *([extra] if extra else [])):
        if not 1 <= len(person[key]) <= TEXT_MAX:
            raise invalid(f"bad_{key}", f"请填写{who_zh}的{zh}（不超过 {TEXT_MAX} 个字）。",
                          f"Fill in the {en} of {who_en} (at most {TEXT_MAX} characters).")
