"""An award list from recorded results: tiers, ranks, ties, fragility and the digest of the inputs.

The deciding service and the auditor call the same function on the same recorded inputs (the rounds'
results events and the set of works still qualified) and must get the same JSON, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from festival_decisions.awards import fragility as fragility_rule
from festival_decisions.awards import tiers as tiers_rule
from festival_decisions.awards.fragility import fragility
from festival_decisions.awards.tiers import assign_tiers
from festival_decisions.judging.results import Method, rank
from festival_decisions.judging.sheets import Sheet

__all__ = ["RULE", "RoundInput", "award_list", "inputs_digest"]

RULE = f"awards.list/1+{tiers_rule.RULE}+{fragility_rule.RULE}"


@dataclass(frozen=True)
class RoundInput:
    """One round's recorded results: the event that recorded them, its method, sheets and per-work figures."""

    round_id: str
    category: str
    results_event_id: str
    final: bool
    method: Method
    sheets: tuple[Sheet, ...]
    works: tuple[Mapping[str, Any], ...]  # {work_id, score, raw_mean, ...} as the results event recorded them


def award_list(rounds: Sequence[RoundInput], eligible: set[str], ratios: Mapping[str, float],
               order: Sequence[str]) -> dict[str, Any]:
    """The AwardsComputed payload (without edition and scope) of the eligible works of `rounds`."""
    rounds = sorted(rounds, key=lambda r: r.round_id)
    rated = _rated(rounds, eligible)
    tiers = assign_tiers(((w, figures["score"]) for w, (_, figures) in rated.items()), ratios, order)
    fragile = fragility([(r.sheets, r.method) for r in rounds], ratios, order, tiers.tier_of)
    ranks = rank({w: figures["score"] for w, (_, figures) in rated.items()})
    inputs = _inputs(rounds)
    works = [{"work_id": w, "category": category, "tier": tiers.tier_of[w], "score": figures["score"],
              "raw_mean": figures["raw_mean"], "rank": ranks[w], "fragile": w in fragile.flagged(),
              "raw_tier": fragile.raw_tier.get(w, ""), "moved_by": [list(m) for m in fragile.sheets.get(w, ())]}
             for w, (category, figures) in sorted(rated.items(), key=lambda kv: (ranks[kv[0]], kv[0]))]
    return {"rule": RULE, "ratios": dict(ratios), "inputs": inputs, "inputs_digest": digest(inputs, set(rated), ratios),
            "counts": tiers.counts, "awarded": tiers.awarded, "works": works,
            "ties": [{"tier": t.tier, "score": t.score, "work_ids": list(t.work_ids), "grew_by": t.grew_by}
                     for t in tiers.ties]}


def inputs_digest(rounds: Sequence[RoundInput], eligible: set[str], ratios: Mapping[str, float]) -> str:
    """What `award_list` would record as its digest, without ranking anything (cheap: to see a list is stale)."""
    rounds = sorted(rounds, key=lambda r: r.round_id)
    return digest(_inputs(rounds), set(_rated(rounds, eligible)), ratios)


def _rated(rounds: Sequence[RoundInput], eligible: set[str]) -> dict[str, tuple[str, Mapping[str, Any]]]:
    return {w["work_id"]: (r.category, w) for r in rounds for w in r.works if w["work_id"] in eligible}


def _inputs(rounds: Sequence[RoundInput]) -> list[dict[str, Any]]:
    return [{"round_id": r.round_id, "category": r.category, "results_event_id": r.results_event_id,
             "final": r.final} for r in rounds]


def digest(inputs: list[dict[str, Any]], rated: set[str], ratios: Mapping[str, float]) -> str:
    """sha256 of what decided the list: the rule, the results events, the ratios and the works ranked."""
    body = {"rule": RULE, "inputs": inputs, "ratios": dict(sorted(ratios.items())), "rated": sorted(rated)}
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
