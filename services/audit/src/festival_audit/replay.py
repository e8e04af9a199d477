"""`festival audit replay`: every service's read models rebuilt from the stream alone, into a fresh store in a
temporary folder, and compared with what the live services answer over gRPC.

What is rebuilt is what people read: intake's works (status, version, title, category), review's cases (status,
version, title, category), scoring's results (each round's last results), the award lists (tier of every work
after corrections, published, inputs digest) and the audit service's own checkpoints. A live answer that is not
what the log says (a store row edited, a projection that missed an event) is a problem naming the service, the
aggregate and both values. The report holds no times, so two replays of the same stream give the same bytes.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import grpc

from festival.audit.v1 import audit_pb2, audit_pb2_grpc
from festival.awards.v1 import awards_pb2, awards_pb2_grpc
from festival.intake.v1 import intake_pb2, intake_pb2_grpc
from festival.review.v1 import review_pb2, review_pb2_grpc
from festival.scoring.v1 import scoring_pb2, scoring_pb2_grpc
from festival_audit import stream
from festival_audit.merkle import Tree, entry_of
from festival_audit.verify import Report
from festival_events.contracts.audit import Problem
from festival_events.envelope import Envelope
from festival_kit.settings import Settings

REPLAY_PAGE = 500  # works per ListSubmissions or ListQueue call
REVIEW_STATUS = {
    "ReviewVersionReceived": "awaiting_school", "WorkForwardedToRegion": "awaiting_region",
    "WorkReturned": "returned", "WorkForwardedToProvince": "awaiting_province", "WorkQualified": "qualified",
    "WorkDisqualified": "disqualified", "WorkClosedNotReported": "not_reported",
    "WorkWithdrawnFromReview": "withdrawn",
}
INTAKE_STATUS = {"SubmissionDrafted": "draft", "SubmissionSubmitted": "submitted", "SubmissionReopened": "returned",
                 "SubmissionWithdrawn": "withdrawn"}


class Projections:
    """The read models, kept as {kind: {id: row}} while the stream passes."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, dict[str, Any]]] = {k: {} for k in
                                                           ("intake.works", "review.cases", "scoring.results",
                                                            "awards.lists", "audit.checkpoints")}

    def see(self, env: Envelope) -> None:
        p = env.payload
        if env.service == "intake" and (env.type in INTAKE_STATUS or env.type == "DraftEdited"):
            self._work(env)
        elif env.type in REVIEW_STATUS:
            case = self.rows["review.cases"].setdefault(p["submission_id"], {})
            case["status"] = REVIEW_STATUS[env.type]
            if env.type == "ReviewVersionReceived":
                case.update(version=p["submission_version"], title=p["title"], category=p["category"])
        elif env.type == "RoundResultsComputed":
            self.rows["scoring.results"][env.aggregate_id] = {
                "inputs_digest": p["inputs_digest"], "final": p["final"],
                "works": [[w["work_id"], w["sheets"], w["raw_mean"], w["score"], w["rank"], w["raw_rank"]]
                          for w in p["works"]]}
        elif env.service == "awards":
            self._award_list(env)
        elif env.type == "CheckpointSigned":
            self.rows["audit.checkpoints"][env.aggregate_id] = {"size": p["size"], "root": p["root"],
                                                                "trigger": p["trigger"]}

    def _work(self, env: Envelope) -> None:
        p = env.payload
        work = self.rows["intake.works"].setdefault(env.aggregate_id, {"version": 0})
        if env.type in INTAKE_STATUS:
            work["status"] = INTAKE_STATUS[env.type]
        if env.type in ("SubmissionDrafted", "DraftEdited", "SubmissionSubmitted"):
            work.update(title=p["title"], category=p["category"])
        if env.type == "SubmissionSubmitted":
            work["version"] = p["submission_version"]

    def _award_list(self, env: Envelope) -> None:
        p, lists = env.payload, self.rows["awards.lists"]
        if env.type == "AwardsComputed":
            old = lists.get(env.aggregate_id, {})
            lists[env.aggregate_id] = {"edition": p["edition"], "scope": p["scope"], "inputs_digest": p["inputs_digest"],
                                       "published": old.get("published", False),
                                       "tiers": {w["work_id"]: w["tier"] for w in p["works"]}}
        elif env.type == "AwardsPublished" and env.aggregate_id in lists:
            lists[env.aggregate_id]["published"] = True
        elif env.type == "AwardsCorrected" and env.aggregate_id in lists:
            lists[env.aggregate_id]["tiers"][p["work_id"]] = p["to_tier"]


def store(rows: dict[str, dict[str, dict[str, Any]]], folder: Path) -> Path:
    """The rebuilt read models in a fresh SQLite store (one row per projected thing), then read back."""
    path = folder / "replay.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE projection (kind TEXT, id TEXT, body TEXT, PRIMARY KEY (kind, id))")
        db.executemany("INSERT INTO projection VALUES (?, ?, ?)",
                       [(k, i, json.dumps(r, sort_keys=True, ensure_ascii=False)) for k, rs in rows.items()
                        for i, r in rs.items()])
    return path


def stored(path: Path, kinds) -> dict[str, dict[str, dict[str, Any]]]:
    """Every kind, also one the log has nothing of yet (a service answering rows of it is then a problem)."""
    out: dict[str, dict[str, dict[str, Any]]] = {kind: {} for kind in kinds}
    with sqlite3.connect(path) as db:
        for kind, id_, body in db.execute("SELECT kind, id, body FROM projection ORDER BY kind, id"):
            out.setdefault(kind, {})[id_] = json.loads(body)
    return out


def as_auditor(account_id: str) -> tuple[tuple[str, str], ...]:
    """The services answer an auditor's account everything, and review only a known, active one."""
    return (("festival-account-id", account_id), ("festival-role", "auditor"), ("x-correlation-id", "audit-replay"))


async def _every_page(ask: Callable[[str], Awaitable[Any]], field: str) -> list[Any]:
    """Every row of a paged list, a page at a time: one answer for every work of a large season runs past any
    deadline and gRPC's message limit."""
    rows, after = [], None
    while after != "":
        answer = await ask(after or "")
        rows += getattr(answer, field)
        after = answer.next_after
    return rows


async def live(settings: Settings, wanted: dict[str, dict[str, dict[str, Any]]],
               account_id: str) -> dict[str, dict[str, dict]]:
    """The same read models as the running services answer them (as that auditor)."""
    auditor = as_auditor(account_id)
    channels = {s: grpc.aio.insecure_channel(settings.grpc_address(s)) for s in
                ("intake", "review", "scoring", "awards", "audit")}
    try:
        intake = intake_pb2_grpc.IntakeStub(channels["intake"])
        submissions = await _every_page(lambda after: intake.ListSubmissions(
            intake_pb2.ListSubmissionsRequest(limit=REPLAY_PAGE, after=after), metadata=auditor), "submissions")
        works = {s.id: {"status": s.status, "version": s.version, "title": s.draft.title,
                        "category": s.draft.category} for s in submissions}
        review = review_pb2_grpc.ReviewStub(channels["review"])
        queue = await _every_page(lambda after: review.ListQueue(
            review_pb2.QueueRequest(view="all", limit=REPLAY_PAGE, after=after), metadata=auditor), "cases")
        cases = {c.submission_id: {"status": c.status, "version": c.submission_version, "title": c.title,
                                   "category": c.category} for c in queue}
        scoring = scoring_pb2_grpc.ScoringStub(channels["scoring"])
        results = {}
        for rnd in (await scoring.ListRounds(scoring_pb2.ListRoundsRequest(), metadata=auditor)).rounds:
            if rnd.has_results:
                r = await scoring.GetResults(scoring_pb2.RoundRequest(round_id=rnd.id), metadata=auditor)
                results[rnd.id] = {"inputs_digest": r.inputs_digest, "final": r.final,
                                   "works": [[w.work_id, w.sheets, w.raw_mean, w.score, w.rank, w.raw_rank]
                                             for w in r.works]}
        awards = awards_pb2_grpc.AwardsStub(channels["awards"])
        lists = {}
        for list_id, row in wanted["awards.lists"].items():
            a = await awards.GetDraft(awards_pb2.ListRequest(scope=row["scope"], edition=row["edition"]),
                                      metadata=auditor)
            lists[a.id or list_id] = {"edition": a.edition, "scope": a.scope, "inputs_digest": a.inputs_digest,
                                      "published": a.published, "tiers": {w.work_id: w.tier for w in a.works}}
        audit = audit_pb2_grpc.AuditStub(channels["audit"])
        signed = (await audit.ListCheckpoints(audit_pb2.ListCheckpointsRequest(), metadata=auditor)).checkpoints
        checkpoints = {c.id: {"size": c.size, "root": c.root, "trigger": c.trigger} for c in signed}
    finally:
        for channel in channels.values():
            await channel.close()
    return {"intake.works": works, "review.cases": cases, "scoring.results": results, "awards.lists": lists,
            "audit.checkpoints": checkpoints}


def compare(replayed: dict[str, dict[str, dict]], answered: dict[str, dict[str, dict]], report: Report) -> None:
    for kind in sorted(replayed):
        mine, theirs = replayed[kind], answered.get(kind, {})
        report.checked[f"replay.{kind}"] += len(mine)
        for id_ in sorted(set(mine) | set(theirs)):
            if id_ not in theirs or id_ not in mine:
                where = "the log" if id_ in mine else "the service"
                report.problems.append(Problem(check=f"replay.{kind}", aggregate_id=id_,
                                               message=f"{kind}: only {where} has it",
                                               recorded=_shown(theirs.get(id_)), derived=_shown(mine.get(id_))))
                continue
            for field in sorted(set(mine[id_]) | set(theirs[id_])):
                if _shown(mine[id_].get(field)) != _shown(theirs[id_].get(field)):
                    report.problems.append(Problem(
                        check=f"replay.{kind}", aggregate_id=id_,
                        message=f"{kind}: the service answers another {field} than the log gives",
                        recorded=_shown(theirs[id_].get(field)), derived=_shown(mine[id_].get(field))))


def _shown(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


async def rebuild(servers: list[str], folder: Path | None = None, progress=None) -> tuple[dict, Report]:
    """Read the whole log into the projections, store them in a fresh SQLite store and read them back."""
    projections, tree, report = Projections(), Tree(), Report("replay")

    def see(msg: stream.Message) -> None:
        tree.append(entry_of(msg.body))
        report.messages += 1
        report.last_seq = msg.seq
        try:
            projections.see(Envelope.model_validate_json(msg.body))
        except ValueError as exc:  # verify names a malformed message; replay only notes it was skipped
            report.skipped.append(f"seq {msg.seq}: not replayed ({type(exc).__name__})")

    await stream.read(servers, see, progress=progress)
    report.first_seq, report.root = (1 if report.messages else 0), tree.root().hex()
    with tempfile.TemporaryDirectory(dir=folder) as scratch:
        return stored(store(projections.rows, Path(scratch)), projections.rows), report


async def run_replay(settings: Settings, account_id: str, folder: Path | None = None, progress=None) -> Report:
    """Rebuild from the stream, store, read back, ask the services (as the auditor `account_id`), compare."""
    replayed, report = await rebuild(settings.nats(), folder, progress)
    compare(replayed, await live(settings, replayed, account_id), report)
    return report
