"""The rows of a region's statistics table (统计表), in Chinese, from the cases of the region. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from festival_review.domain import stages as st
from festival_review.domain.case import ReviewCase
from festival_review.domain.directory import ReviewDirectory
from festival_review.domain.edition import ReviewEdition

HEADERS = ["序号", "作品编号", "作品名称", "类别", "主题", "学校", "创作者", "指导教师", "版本", "状态", "媒体检查"]
VERDICTS = {"pass": "通过", "warn": "有警告", "fail": "不合格", "": "未检查"}


def creators_text(creators: list[dict[str, str]]) -> str:
    return "、".join(f"{c['name']}（{c['grade']}）" if c.get("grade") else c["name"] for c in creators)


def advisors_text(advisors: list[dict[str, str]]) -> str:
    return "、".join(a["name"] for a in advisors)


def table_rows(cases: Iterable[ReviewCase], edition: ReviewEdition, directory: ReviewDirectory) -> list[list[str]]:
    """One row per work of the region (its current version), by school then title; numbered from 1."""
    ordered = sorted(cases, key=lambda c: (directory.school_name(c.school_id), c.current["title"], c.submission_id))
    return [_row(n, case, edition, directory) for n, case in enumerate(ordered, start=1)]


def _row(n: int, case: ReviewCase, edition: ReviewEdition, directory: ReviewDirectory) -> list[str]:
    v: dict[str, Any] = case.current
    return [
        str(n), case.submission_id, v["title"], edition.category_zh(v["category"]), v["theme"],
        directory.school_name(case.school_id), creators_text(v["creators"]), advisors_text(v["advisors"]),
        str(case.submission_version), st.NAMES[case.status][0], VERDICTS.get(case.inspection_verdict(), "未检查"),
    ]


def title_of(edition: ReviewEdition, region_name: str) -> str:
    return f"{edition.rules.name_zh}　{region_name}参与信息统计表"
