"""Aggregates to protobuf messages; a judge's messages carry nothing that names a person, school or region."""

from __future__ import annotations

from typing import Any

from festival.scoring.v1 import scoring_pb2 as pb
from festival_decisions.judging.bias import BiasReport
from festival_scoring.adapters.links import SHOWN_TO_JUDGES, Links
from festival_scoring.domain.entrant import Entrant
from festival_scoring.domain.round import JudgingRound
from festival_scoring.domain.sheet import ScoreSheet


def criteria_pb(rubric: list[dict[str, Any]]) -> list[pb.Criterion]:
    return [pb.Criterion(**c) for c in rubric]


def round_pb(rnd: JudgingRound, category_zh: str, names: dict[str, str], waiting: int, submitted: int) -> pb.Round:
    loads = {j: 0 for j in rnd.judge_ids}
    for _, judge_id in rnd.active_pairs():
        loads[judge_id] = loads.get(judge_id, 0) + 1
    return pb.Round(
        id=str(rnd.id), edition=rnd.edition, category=rnd.category, category_name_zh=category_zh, status=rnd.status,
        judges_per_work=rnd.k, rubric=criteria_pb(rnd.rubric), method=rnd.normalisation["method"],
        judges=[pb.RoundJudge(account_id=j, display_name=names.get(j, ""), works=n) for j, n in sorted(loads.items())],
        works=len([w for w in rnd.panels if w not in rnd.dropped]), qualified_waiting=waiting,
        sheets_expected=len(rnd.active_pairs()), sheets_submitted=submitted, has_results=rnd.results is not None,
    )


def results_pb(rnd: JudgingRound, results: dict[str, Any], titles: dict[str, str]) -> pb.Results:
    return pb.Results(
        round_id=str(rnd.id), rule=results["rule"], method=results["method"]["method"],
        inputs_digest=results["inputs_digest"], final=results["final"], sheets=len(results["sheets"]),
        works=[pb.WorkResult(title=titles.get(w["work_id"], ""), **w) for w in results["works"]],
    )


def bias_pb(rnd: JudgingRound, report: BiasReport, names: dict[str, str], titles: dict[str, str]) -> pb.BiasReport:
    return pb.BiasReport(
        round_id=str(rnd.id), rule=report.rule, panel_mean=report.panel_mean, panel_spread=report.panel_spread,
        outlier_spreads=report.outlier_spreads,
        judges=[pb.JudgeBias(judge_id=j.judge_id, display_name=names.get(j.judge_id, ""), sheets=j.sheets,
                             mean=j.mean, spread=j.spread, deviation=j.deviation, outlier=j.outlier)
                for j in report.judges],
        works=[pb.RankMove(work_id=m.work_id, title=titles.get(m.work_id, ""), raw_rank=m.raw_rank, rank=m.rank,
                           moved=m.moved) for m in report.works],
    )


def assignment_pb(sheet: ScoreSheet, rnd: JudgingRound, work: Entrant, category_zh: str, links: Links) -> pb.Assignment:
    """What a judge sees of one assignment: the work blind, the rubric, and their own sheet."""
    files = []
    for slot in SHOWN_TO_JUDGES:
        if slot in work.files:
            url, expires = links.get(work.files[slot])
            files.append(pb.FileLink(slot=slot, url=url, expires_at=expires))
    blind = pb.BlindWork(
        title=work.title, category=work.category, category_name_zh=category_zh, theme=work.theme,
        synopsis=work.synopsis, files=files, voice_over=work.voice_over, subtitles=work.subtitles,
        inspection=[pb.InspectionNote(slot=slot, **note) for slot, note in sorted(work.inspection.items())],
    )
    own = pb.Sheet(status=sheet.status, total=sheet.total, comment=sheet.comment, amendments=len(sheet.amendments),
                   points=[pb.CriterionPoints(code=c, points=p) for c, p in sheet.points.items()])
    return pb.Assignment(id=str(sheet.id), round_id=str(rnd.id), round_status=rnd.status, work=blind,
                         rubric=criteria_pb(rnd.rubric), sheet=own)
