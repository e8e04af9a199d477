"""A role's guide made concrete for one edition: its deadlines in the edition's time zone, its steps with the
edition's rules filled in, and its error table. The page and the PDF both show this, so they say the same."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from festival_gateway.guide import catalogue
from festival_gateway.guide.roles import ROLES, Role
from festival_kit.errors import FestivalError

# name -> (中文, English, where in EditionRules, whether it is the end of a period)
DEADLINES = {
    "window_opens": ("作品申报开始", "Submissions open", ("window_opens",), False),
    "window_closes": ("作品申报截止", "Submissions close", ("window_closes",), True),
    "region_deadline": ("地区报送及统计表截止", "Region forwarding and statistics table", ("region_deadline",), True),
    "judging_opens": ("资格审查与评审开始", "Qualification and judging open", ("judging", "opens"), False),
    "judging_closes": ("评审结束", "Judging closes", ("judging", "closes"), True),
    "publish_by": ("获奖名单公布截止", "Awards published by", ("awards", "publish_by"), True),
    "exhibition_by": ("展示交流截止", "Exhibition released by", ("awards", "exhibition_by"), True),
}


@dataclass(frozen=True)
class Deadline:
    """One deadline as people say it: `2023-07-10 24:00` for the end of 10 July (the notice's "24:00前")."""

    name_zh: str
    name_en: str
    at: str


@dataclass(frozen=True)
class Refusal:
    """One code of the error table, with each wording it is answered in."""

    code: str
    status: str
    messages: tuple[tuple[str, str], ...]


def unknown_role(role: str) -> FestivalError:
    return FestivalError("unknown_guide", f"没有“{role}”这一角色的操作指南。",
                         f"There is no guide for the role {role!r}.", 404)


def said(at: datetime, zone: ZoneInfo, closes: bool) -> str:
    local = at.astimezone(zone)
    if closes and (local.hour, local.minute, local.second) == (0, 0, 0):
        return f"{(local - timedelta(days=1)):%Y-%m-%d} 24:00"
    return f"{local:%Y-%m-%d %H:%M}"


def deadlines(rules: dict) -> dict[str, Deadline]:
    """Every deadline of the edition the guide names, in the edition's time zone; absent blocks are left out."""
    zone, found = ZoneInfo(rules["timezone"]), {}
    for name, (zh, en, path, closes) in DEADLINES.items():
        value = rules
        for key in path:
            value = (value or {}).get(key)
        if value:
            found[name] = Deadline(zh, en, said(datetime.fromisoformat(value), zone, closes))
    return found


class _Facts(dict):
    def __missing__(self, key: str) -> str:
        return "—"  # a rule this edition does not set (no judging or awards block yet)


def facts(rules: dict) -> _Facts:
    """What a step's text may name in braces, from the edition's rules."""
    named = {name: d.at for name, d in deadlines(rules).items()}
    categories = rules["categories"]
    return _Facts(named | {
        "max_creators": rules["team"]["max_creators"], "max_advisors": rules["team"]["max_advisors"],
        "categories_zh": "、".join(c["name_zh"] for c in categories),
        "categories_en": ", ".join(c["name_en"] for c in categories),
        "judges_per_work": (rules.get("judging") or {}).get("judges_per_work", "—"),
        "remind_days_before": (rules.get("awards") or {}).get("remind_days_before", "—"),
    })


def refusals(services: tuple[str, ...] | None = None) -> list[Refusal]:
    """The error table: every code (of these services), its status and each distinct wording."""
    by_code: dict[str, list[catalogue.Entry]] = {}
    for entry in catalogue.load():
        if services is None or set(entry.services) & set(services):
            by_code.setdefault(entry.code, []).append(entry)
    table = []
    for code, entries in sorted(by_code.items()):
        statuses = sorted({str(e.status) if e.status else "—" for e in entries})
        messages = tuple(dict.fromkeys((e.message_zh, e.message_en) for e in entries))
        table.append(Refusal(code, " / ".join(statuses), messages))
    return table


def role_of(code: str) -> Role:
    if code not in ROLES:
        raise unknown_role(code)
    return ROLES[code]


def guide(code: str, rules: dict) -> dict:
    """What the page and the PDF of one role show."""
    role, known, filled = role_of(code), deadlines(rules), facts(rules)
    steps = [{"step": s, "zh": s.body_zh.format_map(filled), "en": s.body_en.format_map(filled)} for s in role.steps]
    return {"role": role, "edition_zh": rules["name_zh"], "edition_en": rules["name_en"],
            "deadlines": [known[name] for name in role.deadlines if name in known], "steps": steps,
            "refusals": refusals(role.services)}
