"""What pictures and forms have in common: what a JPEG turned out to be, kinds named for a student, byte limits."""

from __future__ import annotations

from dataclasses import dataclass

from festival_decisions.inspection.report import Check
from festival_events.contracts.registry import FileLimit


@dataclass(frozen=True)
class Still:
    """What one JPEG turned out to be: its size in pixels, or the reason it is not a usable JPEG."""

    width: int = 0
    height: int = 0
    problem_zh: str = ""
    problem_en: str = ""
    luma_std: float = 0.0  # spread of brightness of the decoded picture: ~0 means blank

    @property
    def ok(self) -> bool:
        return not self.problem_en


def describe(kind: str) -> tuple[str, str]:
    """What a sniffed kind is, in words for a student (Chinese, English)."""
    if kind == "empty":
        return "文件是空的（0 字节）", "the file is empty (0 bytes)"
    if kind == "unknown":
        return "文件内容无法识别", "the content is not a known file type"
    return f"文件内容是 {kind.upper()} 格式", f"the content is {kind.upper()}"


def file_size(size: int, limits: FileLimit, names: tuple[str, str]) -> Check:
    """Whether the file fits the slot's byte limit (sizes shown in MB, 1 MB = 1,048,576 bytes)."""
    limit = limits.max_bytes
    mb, limit_mb = _mb(size), _mb(limit)
    if size <= limit:
        return Check("file_size", "pass", size, limit, f"大小合适：{mb}", f"the size is fine: {mb}")
    return Check("file_size", "fail", size, limit,
                 f"{names[0]}文件 {mb}，超过 {limit_mb} 的上限：请降低 JPEG 质量或去掉附加信息后重新导出",
                 f"the {names[1]} file is {mb}, over the {limit_mb} limit: "
                 "export it again with a lower JPEG quality or without extra metadata")


def _mb(n: int) -> str:
    return f"{n / (1 << 20):.2f} MB"
