"""Each round's results re-derived from the log alone: festival.scoring.> envelopes in stream order.

`RoundLog.apply` follows the sheets and panels the way the round does, and `rederive` recomputes the results
from the sheets that counted with the same pure function the service used (round.results_payload), so a
replay of the stream can be compared byte for byte with what the service recorded and serves.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from festival_events.envelope import Envelope, canonical
from festival_kit.aggregate import envelope_of
from festival_scoring.domain.round import results_payload


class RoundLog:
    """Rounds (normalisation, panels, dropped works), sheets, and the last recorded results of each round."""

    def __init__(self) -> None:
        self.rounds: dict[str, dict[str, Any]] = {}
        self.sheets: dict[tuple[str, str, str], dict[str, Any]] = {}  # (round, work, judge) -> sheet
        self._by_id: dict[str, dict[str, Any]] = {}
        self.recorded: dict[str, dict[str, Any]] = {}

    def apply(self, env: Envelope) -> None:
        p, rid = env.payload, env.aggregate_id
        if env.type == "JudgingRoundOpened":
            self.rounds[rid] = {"normalisation": p["normalisation"], "panels": {}, "dropped": set()}
        elif env.type == "RoundAssigned":
            self.rounds[rid]["panels"].update({e["work_id"]: list(e["judge_ids"]) for e in p["panels"]})
        elif env.type == "JudgeReplaced":
            panel = self.rounds[rid]["panels"][p["work_id"]]
            panel.remove(p["leaving_judge_id"])
            panel.extend([p["replacement_judge_id"]] if p["replacement_judge_id"] else [])
        elif env.type == "WorkDroppedFromRound":
            self.rounds[rid]["dropped"].add(p["work_id"])
        elif env.type == "RoundResultsComputed":
            self.recorded[rid] = {k: v for k, v in p.items() if k != "final"}
        else:
            self._sheet(env)

    def _sheet(self, env: Envelope) -> None:
        p = env.payload
        if env.type == "JudgeAssigned":
            sheet = {"id": env.aggregate_id, "submitted": False}
            self.sheets[(p["round_id"], p["work_id"], p["judge_id"])] = self._by_id[env.aggregate_id] = sheet
            return
        sheet = self._by_id.get(env.aggregate_id)
        if sheet is not None and env.type in ("ScoreSheetSubmitted", "ScoreSheetAmended"):
            sheet.update(submitted=True, total=float(p["total"]), version=env.aggregate_version)

    def rederive(self, round_id: str) -> dict[str, Any]:
        """The results of the round from the sheets that count now, as RoundResultsComputed records them."""
        rnd = self.rounds[round_id]
        pairs = [(w, j) for w, panel in sorted(rnd["panels"].items()) if w not in rnd["dropped"] for j in sorted(panel)]
        return results_payload(rnd["normalisation"], self.counted(round_id, pairs))

    def counted(self, round_id: str, pairs: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
        """The submitted sheets of these (work, judge) pairs, as results record them."""
        found = (((w, j), self.sheets.get((round_id, w, j))) for w, j in pairs)
        return [{"sheet_id": s["id"], "version": s["version"], "judge_id": j, "work_id": w, "total": s["total"]}
                for (w, j), s in found if s and s["submitted"]]


class LiveRoundLog(RoundLog):
    """The same projection kept current from the application's own store before each read."""

    _TOPICS = (":JudgingRound.", ":ScoreSheet.")

    def __init__(self, app: Any, batch: int = 1000):
        super().__init__()
        self.app, self.batch, self.position = app, batch, 0
        self._lock = threading.Lock()

    def catch_up(self) -> RoundLog:
        with self._lock:
            while notifications := self.app.recorder.select_notifications(self.position + 1, self.batch):
                for n in notifications:
                    if any(t in n.topic for t in self._TOPICS):
                        self.apply(envelope_of(self.app.mapper.to_domain_event(n), self.app.SERVICE))
                    self.position = n.id
        return self


def rebuild(envelopes: Iterable[Envelope]) -> RoundLog:
    log = RoundLog()
    for env in envelopes:
        if env.service == "scoring":
            log.apply(env)
    return log


def differences(log: RoundLog) -> list[str]:
    """Rounds whose last recorded results differ, byte for byte, from a re-derivation."""
    return [rid for rid, recorded in log.recorded.items() if canonical(recorded) != canonical(log.rederive(rid))]
