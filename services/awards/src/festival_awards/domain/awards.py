"""Awards: one award list (a category's, or the whole edition's) — computed, published, then only corrected.

Until it is published the province may compute it again (new results, a late disqualification); each
computation is a whole new `AwardsComputed`. Publishing freezes it; a correction records the old and new
tier and the reason, and the list's current tier of the work changes while the original stays on the log.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from eventsourcing.domain import event

from festival_awards.domain import refusals
from festival_awards.domain.notice import TIER_ORDER
from festival_kit import clock
from festival_kit.aggregate import FestivalAggregate


class Awards(FestivalAggregate):
    """The award list of one scope of an edition."""

    SERVICE = "awards"

    @staticmethod
    def create_id(edition: str, scope: str, **_: Any) -> uuid.UUID:
        return Awards.id_for(edition, scope)

    @staticmethod
    def id_for(edition: str, scope: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:awards:list:{edition}:{scope}")

    @event("Computed")
    def __init__(self, edition: str, scope: str, rule: str, ratios: dict[str, float], inputs: list[dict[str, Any]],
                 inputs_digest: str, counts: dict[str, int], awarded: dict[str, int], ties: list[dict[str, Any]],
                 works: list[dict[str, Any]]) -> None:
        self.edition, self.scope = edition, scope
        self.published, self.published_at = False, None
        self.note = ""
        self.corrections: list[dict[str, Any]] = []
        self._take(rule, ratios, inputs, inputs_digest, counts, awarded, ties, works)

    class Recomputed(FestivalAggregate.Event):
        """A later computation of the same list; published under the same contract as the first."""

        PUBLISHED_AS = "AwardsComputed"
        edition: str
        scope: str
        rule: str
        ratios: dict[str, float]
        inputs: list[dict[str, Any]]
        inputs_digest: str
        counts: dict[str, int]
        awarded: dict[str, int]
        ties: list[dict[str, Any]]
        works: list[dict[str, Any]]

    def recompute(self, computed: dict[str, Any]) -> bool:
        """A new draft; refused once published, and nothing recorded when nothing changed."""
        if self.published:
            raise refusals.already_published(self.scope)
        if computed == self.computed:
            return False
        self._recomputed(edition=self.edition, scope=self.scope, **computed)
        return True

    @event(Recomputed)
    def _recomputed(self, edition: str, scope: str, rule: str, ratios: dict[str, float],
                    inputs: list[dict[str, Any]], inputs_digest: str, counts: dict[str, int],
                    awarded: dict[str, int], ties: list[dict[str, Any]], works: list[dict[str, Any]]) -> None:
        self._take(rule, ratios, inputs, inputs_digest, counts, awarded, ties, works)

    def _take(self, rule: str, ratios: dict[str, float], inputs: list[dict[str, Any]], inputs_digest: str,
              counts: dict[str, int], awarded: dict[str, int], ties: list[dict[str, Any]],
              works: list[dict[str, Any]]) -> None:
        self.computed = {"rule": rule, "ratios": ratios, "inputs": inputs, "inputs_digest": inputs_digest,
                         "counts": counts, "awarded": awarded, "ties": ties, "works": works}
        self.tier_of = {w["work_id"]: w["tier"] for w in works}

    def publish(self, note: str, current_digest: str) -> None:
        """Publish the list as computed; refused twice, or when the results moved on since it was computed."""
        if self.published:
            raise refusals.already_published(self.scope)
        if current_digest != self.computed["inputs_digest"]:
            raise refusals.stale(self.scope)
        self._published(note=note, inputs_digest=current_digest, at=clock.now())

    @event("Published")
    def _published(self, note: str, inputs_digest: str, at: datetime) -> None:
        self.note, self.published, self.published_at = note, True, at

    def correct(self, work_id: str, to_tier: str, reason: str) -> str:
        """Change a published award (the tier it had is returned); a reason is required."""
        if not self.published:
            raise refusals.not_published()
        if work_id not in self.tier_of:
            raise refusals.not_awarded(work_id)
        if to_tier not in TIER_ORDER:
            raise refusals.unknown_tier(to_tier)
        if not reason.strip():
            raise refusals.reason_required()
        before = self.tier_of[work_id]
        if before == to_tier:
            raise refusals.same_tier()
        self._corrected(work_id=work_id, from_tier=before, to_tier=to_tier, reason=reason.strip())
        return before

    class Corrected(FestivalAggregate.Event):
        PUBLISHED_AS = "AwardsCorrected"
        work_id: str
        from_tier: str
        to_tier: str
        reason: str

    @event(Corrected)
    def _corrected(self, work_id: str, from_tier: str, to_tier: str, reason: str) -> None:
        self.tier_of[work_id] = to_tier
        self.corrections.append({"work_id": work_id, "from_tier": from_tier, "to_tier": to_tier, "reason": reason})

    def works_of(self, tier: str) -> list[str]:
        return sorted(w for w, t in self.tier_of.items() if t == tier)
