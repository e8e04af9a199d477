"""Feeding an awards application what registry, review and scoring would publish (shared by awards tests)."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parents[1] / "scoring"))
from judging_feed import RULES, Feeder, shanghai  # noqa: E402

from festival_decisions.judging.results import Method, Sheet, compute_results  # noqa: E402

__all__ = ["RULES", "AwardsFeeder", "shanghai"]
REGIONS = {"region-cc": "长春市", "region-jl": "吉林市"}


class AwardsFeeder(Feeder):
    """Regions, schools, works through review, a judging round and its results."""

    def directory(self) -> None:
        for region_id, name in REGIONS.items():
            self("registry", "RegionRegistered", {"code": region_id, "name_zh": name, "name_en": region_id},
                 region_id)
            for n in (1, 2):
                self("registry", "SchoolRegistered", {"name": f"{name}第{n}中学", "region_id": region_id},
                     f"{region_id}-school-{n}")

    def work(self, work_id: str, region_id: str, school_n: int = 1, category: str = "documentary",
             creators: tuple[str, ...] = ("李雷", "韩梅梅"), advisors: tuple[tuple[str, str], ...] = (),
             qualify: bool = True) -> None:
        school = f"{region_id}-school-{school_n}"
        self("review", "ReviewCaseOpened", {"submission_id": work_id, "student_id": f"student-{work_id}",
                                            "school_id": school, "region_id": region_id})
        self("review", "ReviewVersionReceived", {
            "submission_id": work_id, "submission_version": 1, "school_id": school, "region_id": region_id,
            "title": f"作品{work_id}", "category": category, "theme": "节能减排", "synopsis": "简介",
            "creators": [{"name": c, "grade": "初二", "school": "学校"} for c in creators],
            "advisors": [{"name": a, "school": "学校", "phone": phone} for a, phone in advisors],
            "files": {"film": {"object_key": f"works/{work_id}/film.mp4", "filename": "f.mp4", "size": 10,
                               "kind": "mp4", "etag": "e"}},
        })
        if qualify:
            self("review", "WorkQualified", {"submission_id": work_id, "submission_version": 1,
                                             "category": category, "theme": "节能减排", "title": f"作品{work_id}",
                                             "school_id": school, "region_id": region_id, "note": ""})

    def round(self, round_id: str, category: str = "documentary") -> None:
        self("scoring", "JudgingRoundOpened", {
            "edition": "11", "category": category, "judges_per_work": 3,
            "rubric": [c.model_dump() for c in RULES.judging.rubric(category)],
            "normalisation": RULES.judging.normalisation.model_dump()}, round_id)

    def results(self, round_id: str, totals: dict[str, list[float]], method: str = "raw_mean",
                final: bool = True) -> str:
        """Results computed from sheets with these totals (work -> totals, judge J0, J1, ...); returns the event id."""
        sheets = [Sheet(f"J{j}", w, t) for w, ts in totals.items() for j, t in enumerate(ts)]
        normalisation = {**RULES.judging.normalisation.model_dump(), "method": method}
        computed = compute_results(sheets, Method(method, normalisation["min_sheets_for_zscore"],
                                                  normalisation["trim_when_at_least"]))
        payload: dict[str, Any] = {
            "rule": computed.rule, "method": normalisation, "inputs_digest": "d" * 64, "final": final,
            "sheets": [{"sheet_id": str(uuid.uuid4()), "version": 2, "judge_id": s.judge_id, "work_id": s.work_id,
                        "total": s.total} for s in sheets],
            "works": [{"work_id": r.work_id, "sheets": r.sheets, "raw_mean": r.raw_mean, "score": r.score,
                       "rank": r.rank, "raw_rank": r.raw_rank} for r in computed.works],
        }
        self("scoring", "RoundResultsComputed", payload, round_id)
        return str(self.last_event_id)
