"""Re-derivation: each decision on the log recomputed from what the log recorded, with the deciding code.

Every rederiver follows the log in stream order (`see`), recomputes a decision when it meets one, with the
pure function of festival_decisions the deciding service used, and reports any difference naming the
aggregate, version, stream sequence and both values. A decision it cannot re-derive is named in `skipped`.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from festival_events.contracts.audit import Problem
from festival_events.envelope import Envelope


class Rederiver:
    """Base: counts what it checked, keeps what it could not, and records differences."""

    def __init__(self) -> None:
        self.checked: Counter = Counter()
        self.skipped: list[str] = []
        self._problems: list[Problem] = []

    def see(self, seq: int, env: Envelope) -> None:
        raise NotImplementedError

    def problems(self) -> list[Problem]:
        return self._problems

    def differ(self, check: str, seq: int, env: Envelope, message: str, recorded: Any = "", derived: Any = "") -> None:
        self._problems.append(Problem(check=check, seq=seq, aggregate_id=env.aggregate_id,
                                      aggregate_version=env.aggregate_version, event_type=env.type, message=message,
                                      recorded=shown(recorded), derived=shown(derived)))

    def compare(self, check: str, seq: int, env: Envelope, recorded: dict[str, Any], derived: dict[str, Any]) -> None:
        """One difference per field of a decision that does not follow from its inputs."""
        for key in sorted(set(recorded) | set(derived)):
            if canonical(recorded.get(key)) != canonical(derived.get(key)):
                self.differ(check, seq, env, f"{env.type}.{key} does not follow from its recorded inputs",
                            recorded.get(key), derived.get(key))


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def shown(value: Any, limit: int = 400) -> str:
    text = value if isinstance(value, str) else canonical(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def rederivers() -> list[Rederiver]:
    from festival_audit.rederive.awards import AwardLists
    from festival_audit.rederive.inspection import Inspections
    from festival_audit.rederive.judging import Rounds
    from festival_audit.rederive.pending import Pending
    from festival_audit.rederive.review import Decisions

    return [Inspections(), Decisions(), Rounds(), AwardLists(), Pending()]
