"""Aggregates and query answers as festival.awards.v1 messages (what each caller may see, nothing more)."""

from __future__ import annotations

from typing import Any

from festival.awards.v1 import awards_pb2 as pb
from festival_awards.domain.awards import Awards
from festival_awards.domain.certificate import Certificate
from festival_awards.domain.notice import TIERS, award
from festival_kit import clock


def _iso(at: Any) -> str:
    return at.astimezone(clock.SHANGHAI).isoformat() if at else ""


def award_list_pb(awards: Awards, names: dict[str, tuple[str, str, str]], stale: bool = False) -> pb.AwardList:
    """A list for the province and auditors; `names`: work id -> (title, school name, region name)."""
    c = awards.computed
    works = [pb.AwardedWork(
        work_id=w["work_id"], title=names[w["work_id"]][0], category=w["category"],
        tier=awards.tier_of[w["work_id"]], tier_name_zh=award(awards.tier_of[w["work_id"]]).name_zh,
        score=w["score"], raw_mean=w["raw_mean"], rank=w["rank"], fragile=w["fragile"], raw_tier=w["raw_tier"],
        moved_by=[pb.Moved(work_id=m[0], judge_id=m[1], tier=m[2]) for m in w["moved_by"]],
        computed_tier=w["tier"], school_name=names[w["work_id"]][1], region_name=names[w["work_id"]][2],
    ) for w in c["works"]]
    tiers = [pb.TierCount(tier=t.code, name_zh=t.name_zh, name_en=t.name_en, counted=c["counts"][t.code],
                          awarded=c["awarded"][t.code]) for t in TIERS]
    return pb.AwardList(
        id=str(awards.id), edition=awards.edition, scope=awards.scope, rule=c["rule"],
        inputs_digest=c["inputs_digest"], published=awards.published, published_at=_iso(awards.published_at),
        note=awards.note, stale=stale, tiers=tiers, works=works,
        ties=[pb.Tie(tier=t["tier"], score=t["score"], work_ids=t["work_ids"], grew_by=t["grew_by"])
              for t in c["ties"]],
        corrections=[pb.Correction(work_id=x["work_id"], from_tier=x["from_tier"], to_tier=x["to_tier"],
                                   reason=x["reason"]) for x in awards.corrections],
        results_event_ids=[i["results_event_id"] for i in c["inputs"]],
    )


def public_list_pb(awards: Awards, scope_name: str, names: dict[str, tuple[str, str, str]]) -> pb.PublicList:
    """Tier by tier: title, school and region, nothing else (no score, no people, no phone)."""
    tiers = []
    for t in TIERS:
        shown = sorted(awards.works_of(t.code), key=lambda w: (names[w][2], names[w][1], names[w][0], w))
        tiers.append(pb.PublicTier(tier=t.code, name_zh=t.name_zh, name_en=t.name_en, works=[
            pb.PublicWork(title=names[w][0], school_name=names[w][1], region_name=names[w][2]) for w in shown]))
    return pb.PublicList(scope=awards.scope, scope_name_zh=scope_name, published_at=_iso(awards.published_at),
                         tiers=tiers)


def certificate_fields(c: Certificate, rules: Any) -> dict[str, Any]:
    """What a certificate states (the PDF and the messages read the same dict)."""
    shown = award(c.award)
    return {
        "code": c.code, "edition_name_zh": rules.name_zh, "edition_name_en": rules.name_en, "kind": c.kind,
        "award": c.award, "award_name_zh": shown.name_zh, "award_name_en": shown.name_en,
        "work_title": c.work_title, "names": list(c.names), "school_name": c.school_name,
        "region_name": c.region_name, "award_event_id": c.award_event_id, "awarded_at": c.awarded_at,
    }


def certificate_pb(c: Certificate, rules: Any, with_scope: bool = True) -> pb.Certificate:
    fields = certificate_fields(c, rules)
    fields["awarded_at"] = _iso(c.awarded_at)
    scope = {"student_id": c.student_id, "school_id": c.school_id, "region_id": c.region_id} if with_scope else {}
    return pb.Certificate(**fields, revoked=c.revoked, revoked_reason=c.revoked_reason, replaced_by=c.replaced_by,
                          **scope)
