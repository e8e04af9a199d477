"""The gate of the media inspection: a work is submitted only with every required file inspected and passing.

A file is `pending` from its confirmation until media-inspection reports it started, `running` until it
reports every check, then `completed`. Warnings never block; a failing check does, and says which. Pure.
"""

from __future__ import annotations

from typing import Any

from festival_events.contracts.registry import EditionRules
from festival_intake.domain.uploads import slot_name
from festival_kit.errors import FestivalError

PENDING, RUNNING, COMPLETED = "pending", "running", "completed"


def status(record: dict[str, Any]) -> str:
    inspection = record.get("inspection")
    return inspection["status"] if inspection else PENDING


def completed(record: dict[str, Any]) -> bool:
    return status(record) == COMPLETED


def failed_checks(record: dict[str, Any]) -> list[str]:
    inspection = record.get("inspection") or {}
    return [c["id"] for c in inspection.get("checks", []) if c["verdict"] == "fail"]


def check_passed(files: dict[str, dict[str, Any]], rules: EditionRules, category: str) -> None:
    """Refuse when a required file failed a check, is not inspected yet, or was inspected for another category."""
    required = {slot: files[slot] for slot, limit in rules.files.items() if limit.required and slot in files}
    failing = {slot: failed_checks(r) for slot, r in required.items() if completed(r) and failed_checks(r)}
    if failing:
        raise inspection_failed(failing)
    waiting = [slot for slot, record in required.items() if not completed(record)]
    if waiting:
        raise inspection_pending(waiting)
    film = required.get("film")
    if film and film["inspection"].get("category") not in (None, category):
        raise inspection_stale()


def inspection_failed(failing: dict[str, list[str]]) -> FestivalError:
    zh = "；".join(f"{slot_name(s)[0]}（{'、'.join(ids)}）" for s, ids in failing.items())
    en = "; ".join(f"{slot_name(s)[1]} ({', '.join(ids)})" for s, ids in failing.items())
    return FestivalError("inspection_failed", f"以下文件未通过技术检测，请按检测报告修改后重新上传：{zh}。",
                         f"These files failed technical checks: {en}. Fix them as the inspection report says "
                         "and upload them again.", 422)


def inspection_pending(slots: list[str]) -> FestivalError:
    zh = "、".join(slot_name(s)[0] for s in slots)
    en = ", ".join(slot_name(s)[1] for s in slots)
    return FestivalError("inspection_pending", f"以下文件正在进行技术检测，请稍候再提交：{zh}。",
                         f"These files are still being inspected: {en}. Submit again in a moment.", 409)


def inspection_stale() -> FestivalError:
    return FestivalError("inspection_stale", "作品视频是按修改前的作品类别检测的：请重新上传作品视频，按新类别检测后再提交。",
                         "The film was inspected for the category the work had before: upload the film again so it "
                         "is checked for the new category, then submit.", 409)
