"""Helpers of review's integration tests: a whole review season played through an app, and its queues."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from festival_review.queues import ALL, DECIDED, WAITING, ReviewLog

ADMINS = ("sa-a", "sa-b", "sa-c", "sa-pending", "ra-cc", "ra-jl", "pa", "au")


def queues_of(log: ReviewLog) -> dict[tuple[str, str], list[str]]:
    """Every admin's queue in every view: what the replay must reproduce."""
    return {(a, v): log.queue(a, v)[0] for a in ADMINS for v in (WAITING, DECIDED, ALL)}


@dataclass
class Season:
    """The works of one played season, by what happened to them."""

    returned_then_qualified: str
    disqualified: str
    left_at_region: str
    left_at_school: str
    ids: list[str] = field(default_factory=list)


def play(app, feed, log, who, prefix: str = "") -> Season:
    """Submit four works; return one and take its fix; forward, file, close, pass the deadline, qualify."""
    p = prefix or uuid.uuid4().hex[:6]
    s = Season(f"{p}-w1", f"{p}-w2", f"{p}-w3", f"{p}-w4")
    feed(app, log.submitted(s.returned_then_qualified), log.submitted(s.disqualified, category="animation",
                                                                      title="小鸟的家"),
         log.submitted(s.left_at_region, school="school-b", title="节约用水"),
         log.submitted(s.left_at_school, school="school-c", title="雪"))
    app.return_for_fixes(who("sa-a"), "school", s.returned_then_qualified, reason_code="materials_incomplete",
                         reason="请补充实验数据说明。")
    feed(app, log.submitted(s.returned_then_qualified, version=2, title="教室里的电去哪儿了（修改版）"))
    app.school_forward(who("sa-a"), s.returned_then_qualified, version=2, note="同意报送")
    app.school_forward(who("sa-a"), s.disqualified)
    app.school_forward(who("sa-b"), s.left_at_region)
    app.region_forward(who("ra-cc"), s.returned_then_qualified)
    app.region_forward(who("ra-cc"), s.disqualified)
    app.file_region_table(who("ra-cc"), "region-cc")
    feed(app, log.phase("SubmissionWindowClosed"), log.phase("RegionDeadlinePassed"))
    app.qualify(who("pa"), s.returned_then_qualified)
    app.disqualify(who("pa"), s.disqualified, ["harm_to_animals_or_plants", "safety_hazard"],
                   "拍摄时捕捉了野生鸟类并放在纸箱中（第 2 分 10 秒）。")
    s.ids = [s.returned_then_qualified, s.disqualified, s.left_at_region, s.left_at_school]
    return s
