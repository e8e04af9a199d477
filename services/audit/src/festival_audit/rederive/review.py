"""Review decisions' legality re-derived: the phase each fell in (from registry's phase events before it on the
log), the deciding role and its scope (the account's school or region, from registry's AccountOpened, against
the case's), the version it touched (review's latest received) and its reasons, against
festival_decisions.review.legality, the table review checks its commands with."""

from __future__ import annotations

from festival_audit.rederive import Rederiver
from festival_decisions.review import legality
from festival_events.envelope import Envelope


class Decisions(Rederiver):
    def __init__(self) -> None:
        super().__init__()
        self.phase: dict[str, str] = {}  # edition -> phase
        self.version: dict[str, int] = {}  # review case -> latest version received
        self.accounts: dict[str, tuple[str | None, str | None]] = {}  # account -> (school, region)
        self.cases: dict[str, tuple[str | None, str | None]] = {}  # review case -> (school, region)

    def see(self, seq: int, env: Envelope) -> None:
        if env.service == "registry" and env.type in legality.PHASE_EVENTS:
            new = legality.PHASE_EVENTS[env.type]
            old = self.phase.get(env.payload["edition"], legality.BEFORE)
            if legality.ORDER.index(new) > legality.ORDER.index(old):
                self.phase[env.payload["edition"]] = new
        elif env.type == "AccountOpened":
            self.accounts[env.aggregate_id] = (env.payload.get("school_id"), env.payload.get("region_id"))
        elif env.type == "ReviewCaseOpened":
            self.cases[env.aggregate_id] = (env.payload["school_id"], env.payload["region_id"])
        elif env.type == "ReviewVersionReceived":
            self.version[env.aggregate_id] = env.payload["submission_version"]
        elif env.type in legality.DECISIONS:
            self.checked["review.legality"] += 1
            phase = self.phase.get(env.edition, legality.BEFORE)
            found = legality.problems(env.type, env.payload, env.actor.role, phase, self.version.get(env.aggregate_id))
            found.append(self._scope(env))
            for why in filter(None, found):
                self.differ("review.legality", seq, env, f"{env.type} was not legal: {why}",
                            f"{env.actor.role} in {phase}", legality.RULE)

    def _scope(self, env: Envelope) -> str:
        if env.actor.role not in ("school_admin", "region_admin"):
            return ""
        if env.actor.account_id not in self.accounts:
            return f"decided by account {env.actor.account_id}, which the log never opened"
        return legality.scope_problem(env.actor.role, *self.accounts[env.actor.account_id],
                                      *self.cases.get(env.aggregate_id, (None, None)))
