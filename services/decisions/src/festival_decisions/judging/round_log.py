"""A round's results re-derived from its recorded events alone: the service and the auditor share this code.

`RoundLog.apply` follows a round's events (as the log carries them: type, aggregate id and version, payload)
the way the round does: its normalisation, panels, replacements, dropped works and the sheets submitted or
amended. `rederive` recomputes the results from the sheets that count with `results_record`, the function
the round itself records its results with, so a replay can be compared byte for byte with what was recorded.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from festival_decisions.judging import results

__all__ = ["RoundLog", "inputs_digest", "method_of", "results_record"]


def method_of(normalisation: dict[str, Any]) -> results.Method:
    """The results method an edition's (or a results event's) normalisation mapping names."""
    return results.Method(normalisation["method"], normalisation["min_sheets_for_zscore"],
                          normalisation["trim_when_at_least"])


def results_record(normalisation: dict[str, Any], counted: list[dict[str, Any]]) -> dict[str, Any]:
    """What RoundResultsComputed records (but `final`): the counted sheets, their digest and the results."""
    sheets = sorted(counted, key=lambda s: (s["work_id"], s["judge_id"]))
    computed = results.compute_results([results.Sheet(s["judge_id"], s["work_id"], s["total"]) for s in sheets],
                                       method_of(normalisation))
    works = [{"work_id": w.work_id, "sheets": w.sheets, "raw_mean": w.raw_mean, "score": w.score, "rank": w.rank,
              "raw_rank": w.raw_rank} for w in computed.works]
    return {"rule": computed.rule, "method": dict(normalisation), "sheets": sheets,
            "inputs_digest": inputs_digest(computed.rule, normalisation, sheets), "works": works}


def inputs_digest(rule: str, method: dict[str, Any], sheets: list[dict[str, Any]]) -> str:
    """sha256 of the canonical JSON of what a result is computed from: rule, method and counted sheets."""
    body = json.dumps({"rule": rule, "method": method, "sheets": sheets}, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))
    return hashlib.sha256(body.encode()).hexdigest()


class RoundLog:
    """Rounds (normalisation, panels, dropped works), sheets, and the last recorded results of each round."""

    def __init__(self) -> None:
        self.rounds: dict[str, dict[str, Any]] = {}
        self.sheets: dict[tuple[str, str, str], dict[str, Any]] = {}  # (round, work, judge) -> sheet
        self._by_id: dict[str, dict[str, Any]] = {}
        self.recorded: dict[str, dict[str, Any]] = {}

    def apply(self, event_type: str, aggregate_id: str, version: int, p: dict[str, Any]) -> None:
        rid = aggregate_id
        if event_type == "JudgingRoundOpened":
            self.rounds[rid] = {"normalisation": p["normalisation"], "category": p["category"], "panels": {},
                                "dropped": set()}
        elif event_type == "RoundAssigned":
            self.rounds[rid]["panels"].update({e["work_id"]: list(e["judge_ids"]) for e in p["panels"]})
        elif event_type == "JudgeReplaced":
            panel = self.rounds[rid]["panels"][p["work_id"]]
            panel.remove(p["leaving_judge_id"])
            panel.extend([p["replacement_judge_id"]] if p["replacement_judge_id"] else [])
        elif event_type == "WorkDroppedFromRound":
            self.rounds[rid]["dropped"].add(p["work_id"])
        elif event_type == "RoundResultsComputed":
            self.recorded[rid] = {k: v for k, v in p.items() if k != "final"}
        elif event_type == "JudgeAssigned":
            sheet = {"id": aggregate_id, "submitted": False}
            self.sheets[(p["round_id"], p["work_id"], p["judge_id"])] = self._by_id[aggregate_id] = sheet
        elif event_type in ("ScoreSheetSubmitted", "ScoreSheetAmended") and aggregate_id in self._by_id:
            self._by_id[aggregate_id].update(submitted=True, total=float(p["total"]), version=version)

    def rederive(self, round_id: str) -> dict[str, Any]:
        """The results of the round from the sheets that count now, as RoundResultsComputed records them."""
        rnd = self.rounds[round_id]
        pairs = [(w, j) for w, panel in sorted(rnd["panels"].items()) if w not in rnd["dropped"] for j in sorted(panel)]
        return results_record(rnd["normalisation"], self.counted(round_id, pairs))

    def counted(self, round_id: str, pairs: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
        """The submitted sheets of these (work, judge) pairs, as results record them."""
        found = (((w, j), self.sheets.get((round_id, w, j))) for w, j in pairs)
        return [{"sheet_id": s["id"], "version": s["version"], "judge_id": j, "work_id": w, "total": s["total"]}
                for (w, j), s in found if s and s["submitted"]]
