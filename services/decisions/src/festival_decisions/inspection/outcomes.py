"""Uploads the checks never read: gone from storage, given up after repeated crashes, or out of time in storage.

Each is recorded like any other inspection (its measurements say which it was), so it re-derives the same way.
"""

from __future__ import annotations

from festival_decisions.inspection.report import Check


def missing() -> Check:
    return Check("readable", "fail", "missing", "the uploaded file",
                 "存储中找不到这个文件：请重新上传。", "The file is no longer in storage: upload it again.")


def abandoned(attempts: int) -> Check:
    return Check("readable", "fail", f"{attempts} attempts", "an inspection that finishes",
                 f"检测这个文件时已连续 {attempts} 次中断，文件可能已损坏：请检查后重新导出并上传。",
                 f"Inspecting this file stopped {attempts} times in a row; it may be damaged: check it, export "
                 "it again and upload it.")


def out_of_time(elapsed_s: float, budget_s: float) -> Check:
    return Check("time_budget", "fail", round(elapsed_s, 1), budget_s,
                 f"文件检测超过了 {budget_s:g} 秒的时限而被中止：请检查视频是否损坏，或按要求压缩后重新上传。",
                 f"Inspecting the file took longer than its {budget_s:g} s limit and was stopped: check that "
                 "the film is not damaged, or re-encode it as the rules ask and upload it again.")


# The measurements' kind of each: {"kind": "abandoned", "attempts": 3} is the input of `abandoned(attempts=3)`.
OUTCOMES = {"missing": missing, "abandoned": abandoned, "out_of_time": out_of_time}
