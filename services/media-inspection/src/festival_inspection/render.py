"""A report as text for a terminal: a table in Chinese, then the same table in English."""

from __future__ import annotations

import textwrap
import unicodedata
from typing import Any

from festival_decisions.inspection.report import Report

VERDICTS = {"pass": ("通过", "pass"), "warn": ("警告", "warn"), "fail": ("不通过", "FAIL")}
KINDS = {"video": ("作品视频", "Film"), "cover": ("封面", "Cover"), "poster": ("海报", "Poster"),
         "form": ("签字表格", "Signed form")}
CELL_WIDTH = 34  # measured and expected values wrap here, so the advice stays on screen
HEADINGS = (("检查项", "结果", "测量值", "要求", "说明"), ("check", "verdict", "measured", "expected", "advice"))


def table(report: Report, edition: str, kind: str, name: str) -> str:
    """Both tables with a title and the overall verdict, ready to print."""
    kind_zh, kind_en = KINDS.get(kind, (kind, kind))
    fails = sum(c.verdict == "fail" for c in report.checks)
    warns = sum(c.verdict == "warn" for c in report.checks)
    verdict_zh, verdict_en = VERDICTS[report.verdict]
    zh = _rows(report, 0, HEADINGS[0])
    en = _rows(report, 1, HEADINGS[1])
    return "\n".join([
        edition, "", f"{kind_zh}检查：{name}", *zh,
        f"结论：{verdict_zh}（{fails} 项不通过，{warns} 项警告）", "",
        f"{kind_en} check: {name}", *en,
        f"Verdict: {verdict_en} ({fails} failing, {warns} warning)",
    ])


def _rows(report: Report, lang: int, heading: tuple[str, ...]) -> list[str]:
    rows = [[[cell] for cell in heading]] + [
        [[c.id], [VERDICTS[c.verdict][lang]], _wrap(_value(c.measured)), _wrap(_value(c.expected)),
         [(c.message_zh, c.message_en)[lang]]]
        for c in report.checks
    ]
    widths = [max(_width(line) for row in rows for line in row[i]) for i in range(4)]
    lines = []
    for row in rows:  # a row whose measured or expected value was wrapped takes several lines
        for n in range(max(len(cell) for cell in row)):
            cells = [cell[n] if n < len(cell) else "" for cell in row]
            lines.append("  ".join([*(_pad(cell, w) for cell, w in zip(cells[:4], widths)), cells[4]]).rstrip())
    return lines


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, CELL_WIDTH, break_on_hyphens=False) or [""]


def _value(value: Any, nested: bool = False) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        return ", ".join(f"{k}={_value(v, True)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        inner = ", ".join(_value(v, True) for v in value)
        return f"[{inner}]" if nested else inner
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
