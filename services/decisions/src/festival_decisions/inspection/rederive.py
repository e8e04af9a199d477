"""Re-derive a recorded inspection: its verdict and every check again from its measurements, compared field by
field with what InspectionCompleted recorded.

A difference names the check (its id; "" for the inspection's own verdict), the field, and both values. An
event that cannot be re-derived (recorded before measurements were, or by a rule version this code is not)
gives one note instead, so that an old event is never reported as a forged one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from festival_decisions.inspection.decide import FILM, RULE_VERSION, verdicts
from festival_decisions.inspection.film import FilmRules
from festival_decisions.inspection.report import plain
from festival_events.contracts.registry import EditionRules

DIFFERENCE, NOT_REDERIVABLE = "difference", "not_rederivable"
FIELDS = ("verdict", "measured", "expected", "message_zh", "message_en")
# What bad measurements make the checks raise: reported as a note, never a crash of the audit.
MALFORMED = (ValueError, TypeError, KeyError, AttributeError, ArithmeticError)


@dataclass(frozen=True)
class Difference:
    """One way the recorded inspection is not what its measurements give; kind NOT_REDERIVABLE is a note."""

    check: str  # a check's id; "" for the inspection itself
    field: str  # verdict, measured, expected, message_zh, message_en, present, or what a note is about
    recorded: Any
    derived: Any
    kind: str = DIFFERENCE


def rederive(payload: dict[str, Any], edition_rules: EditionRules) -> list[Difference]:
    """Every difference between an InspectionCompleted payload and the inspection its measurements give under
    `edition_rules` (the edition's rules as they stood when it was inspected); [] when it follows from them."""
    measured, version = payload.get("measurements"), payload.get("rule_version") or ""
    if measured is None:
        return [Difference("", "measurements", None, "recorded measurements", NOT_REDERIVABLE)]
    if version != RULE_VERSION:
        return [Difference("", "rule_version", version, RULE_VERSION, NOT_REDERIVABLE)]
    try:
        verdict, checks = verdicts(payload["slot"], measured, edition_rules, payload.get("category"))
    except MALFORMED as exc:
        return [Difference("", "measurements", measured, f"{type(exc).__name__}: {exc}", NOT_REDERIVABLE)]
    found = [Difference("", "verdict", payload.get("verdict"), verdict)] if payload.get("verdict") != verdict else []
    found += _checks(payload.get("checks") or [], [plain(c.as_dict()) for c in checks])
    if payload["slot"] == FILM:
        found += _measured_with(measured, FilmRules.from_edition(edition_rules))
    return found


def _checks(recorded: list[dict[str, Any]], derived: list[dict[str, Any]]) -> list[Difference]:
    """Check by check, in the derived order and then any recorded check the measurements do not give."""
    mine, theirs = {c["id"]: c for c in derived}, {c.get("id"): c for c in recorded}
    found = []
    for check_id in [*mine, *(i for i in theirs if i not in mine)]:
        if check_id not in theirs or check_id not in mine:
            found.append(Difference(check_id, "present", check_id in theirs, check_id in mine))
            continue
        found += [Difference(check_id, f, theirs[check_id].get(f), mine[check_id][f])
                  for f in FIELDS if theirs[check_id].get(f) != mine[check_id][f]]
    return found


def _measured_with(measured: dict[str, Any], rules: FilmRules) -> list[Difference]:
    """The silence measure depends on the level the meter was told is silence: it must be the edition's."""
    loudness = (measured.get("scan") or {}).get("loudness") or {}
    level = loudness.get("silence_below_lufs")
    if level is None or level == rules.silence_lufs:
        return []
    return [Difference("silence", "silence_below_lufs", level, rules.silence_lufs)]
