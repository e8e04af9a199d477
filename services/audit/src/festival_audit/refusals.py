"""Every refusal the audit service gives, each with a stable code, Chinese then English. Pure."""

from __future__ import annotations

from festival_kit.errors import FestivalError, forbidden, not_found

__all__ = ["forbidden", "not_found", "event_not_on_log", "bad_tree_sizes", "run_in_progress", "unknown_run_kind"]


def event_not_on_log(event_id: str) -> FestivalError:
    return FestivalError("event_not_on_log", "日志中没有该事件（或审计服务尚未读到它）。",
                         f"Event {event_id!r} is not on the log (or the audit service has not read it yet).", 404)


def bad_tree_sizes(first: int, second: int, size: int) -> FestivalError:
    return FestivalError("bad_tree_sizes", f"树的大小须满足 0 < from ≤ to ≤ {size}。",
                         f"Tree sizes must satisfy 0 < from <= to <= {size} (got {first} and {second}).", 422)


def run_in_progress() -> FestivalError:
    return FestivalError("run_in_progress", "已有一次审计正在进行，请等它结束。",
                         "An audit run is already in progress: wait for it to finish.", 409)


def unknown_run_kind(kind: str) -> FestivalError:
    return FestivalError("unknown_run_kind", "审计类型只能是 verify 或 replay。",
                         f"Unknown run kind {kind!r}: use 'verify' or 'replay'.", 422)
