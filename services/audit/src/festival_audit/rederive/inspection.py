"""Inspections re-derived: each InspectionCompleted's verdict and checks from the measurements it recorded and
the rules its edition had on the log at that point (festival_decisions.inspection, the workers' own code)."""

from __future__ import annotations

from festival_audit.rederive import Rederiver
from festival_decisions.inspection.rederive import NOT_REDERIVABLE, rederive
from festival_events.contracts.registry import EditionRules
from festival_events.envelope import Envelope


class Inspections(Rederiver):
    def __init__(self) -> None:
        super().__init__()
        self.rules: dict[str, EditionRules] = {}  # edition -> its rules as last configured

    def see(self, seq: int, env: Envelope) -> None:
        if env.type == "EditionConfigured":
            rules = EditionRules.model_validate(env.payload["rules"])
            self.rules[rules.code] = rules
        elif env.type == "InspectionCompleted":
            self._inspection(seq, env)

    def _inspection(self, seq: int, env: Envelope) -> None:
        rules = self.rules.get(env.edition) or (next(iter(self.rules.values())) if len(self.rules) == 1 else None)
        if rules is None:
            self.differ("inspection", seq, env, f"inspected under edition {env.edition!r}, never configured before it")
            return
        self.checked["inspection"] += 1
        for d in rederive(env.payload, rules):
            if d.kind == NOT_REDERIVABLE:
                note = f"inspection verdicts: some not re-derivable ({d.field}: {d.derived})"
                if note not in self.skipped:
                    self.skipped.append(note)
                continue
            where = f"check {d.check}" if d.check else "the inspection"
            self.differ("inspection", seq, env, f"{where}: {d.field} does not follow from the recorded measurements",
                        d.recorded, d.derived)
