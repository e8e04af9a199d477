"""Each round's results re-derived from the log alone: festival.scoring.> envelopes in stream order.

The projection is festival_decisions.judging.round_log.RoundLog (the auditor's code too): it follows the
sheets and panels the way the round does and recomputes the results with the function the round records
them with, so a replay of the stream can be compared byte for byte with what the service recorded and serves.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from festival_decisions.judging.round_log import RoundLog
from festival_events.envelope import Envelope, canonical
from festival_kit.aggregate import envelope_of


def apply(log: RoundLog, env: Envelope) -> None:
    log.apply(env.type, env.aggregate_id, env.aggregate_version, env.payload)


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
                        apply(self, envelope_of(self.app.mapper.to_domain_event(n), self.app.SERVICE))
                    self.position = n.id
        return self


def rebuild(envelopes: Iterable[Envelope]) -> RoundLog:
    log = RoundLog()
    for env in envelopes:
        if env.service == "scoring":
            apply(log, env)
    return log


def differences(log: RoundLog) -> list[str]:
    """Rounds whose last recorded results differ, byte for byte, from a re-derivation."""
    return [rid for rid, recorded in log.recorded.items() if canonical(recorded) != canonical(log.rederive(rid))]
