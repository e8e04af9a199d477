"""A score sheet's points against its round's rubric: each criterion a whole number from 0 to its maximum."""

from __future__ import annotations

from typing import Any

from festival_scoring.domain import refusals

COMMENT_MAX, REASON_MAX = 2000, 500


def check_points(rubric: list[dict[str, Any]], points: dict[str, int], complete: bool) -> dict[str, int]:
    """The points in rubric order; refused for an unknown criterion, a value out of range, or (to submit) a gap."""
    maxima = {c["code"]: c["max_points"] for c in rubric}
    for code, value in points.items():
        if code not in maxima:
            raise refusals.bad_points("unknown_criterion", f"评分标准中没有“{code}”这一项。",
                                      f"The rubric has no criterion {code!r}.")
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maxima[code]:
            name = next(c["name_zh"] for c in rubric if c["code"] == code)
            raise refusals.bad_points("points_out_of_range", f"“{name}”的得分须为 0 至 {maxima[code]} 的整数。",
                                      f"{code} takes a whole number from 0 to {maxima[code]}.")
    missing = [c for c in rubric if c["code"] not in points]
    if complete and missing:
        raise refusals.bad_points("criterion_missing", f"还有评分项未打分：{'、'.join(c['name_zh'] for c in missing)}。",
                                  f"Criteria without points: {', '.join(c['code'] for c in missing)}.")
    return {c["code"]: points[c["code"]] for c in rubric if c["code"] in points}


def check_text(text: str, limit: int, what_zh: str, what_en: str) -> str:
    cleaned = text.strip()
    if len(cleaned) > limit:
        raise refusals.text_too_long(what_zh, what_en, limit)
    return cleaned
