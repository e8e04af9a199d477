"""Awards (表彰) and the exhibition (展示交流): draft lists, publication, corrections, honours, the participation
report, certificates and their public verification, the public results.

The gateway checks the role and forces each caller's own scope (a student's own certificates, an admin's
school or region); the awards service checks the rest (the phase, the list's state, who is eligible).
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Response
from pydantic import AwareDatetime, Field

from festival.awards.v1 import awards_pb2 as pb
from festival_gateway import scope
from festival_gateway.clients import Caller, Services
from festival_gateway.convert import to_json
from festival_gateway.deps import anonymous, caller, services
from festival_gateway.models import Body
from festival_gateway.routes.common import errors
from festival_kit.disposition import content_disposition
from festival_kit.errors import FestivalError

router = APIRouter(tags=["表彰 / awards"])
READERS = (scope.PROVINCE_ADMIN, scope.AUDITOR)
# Ranking checks every award against each sheet left out: ~3 s for a category of 200 works, ~40 s for 600
# ranked together (bench/awards.py), so it gets more than the usual call's time.
RANKING_TIMEOUT_S = 120.0
_CODE = r"^[A-Za-z0-9_.-]*$"
Edition = Annotated[str, Query(max_length=16, pattern=_CODE, description="届次（可选）/ edition")]
Scope = Annotated[str, Query(min_length=1, max_length=32, pattern=_CODE,
                             description="作品类别代码（全届统一评奖时为 edition）/ category code, or 'edition'")]
OptionalScope = Annotated[str, Query(max_length=32, pattern=_CODE, description="作品类别（可选）/ category")]
Filter = Annotated[str, Query(max_length=64, pattern=r"^[A-Za-z0-9_.:-]*$", description="筛选（可选）/ filter")]
# Any text reaches the service, which answers every non-code alike, overlong ones too (no hint what exists).
Code = Annotated[str, Path(min_length=1, description="证书编号 / certificate code")]
Id = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
OptionalId = Annotated[str, Field(max_length=64, pattern=r"^[A-Za-z0-9_.:-]*$")]


class Publication(Body):
    note: str = Field("", max_length=500, description="公布说明 / note")
    category: str = Field("", max_length=32, pattern=_CODE, description="只公布一个名单（可选）/ one list only")
    edition: str = Field("", max_length=16, pattern=_CODE)


class Correction(Body):
    work_id: Id
    tier: Literal["best", "excellent", "finalist"] = Field(description="更正后的奖项 / the corrected tier")
    reason: str = Field(min_length=1, max_length=500, description="更正理由 / reason")
    edition: str = Field("", max_length=16, pattern=_CODE)


class HonourDecision(Body):
    kind: Literal["advisor", "organiser", "unit"] = Field(
        description="advisor 优秀指导教师奖 / organiser 优秀组织工作者奖 / unit 优秀组织单位奖")
    name: str = Field("", max_length=40, description="获奖人姓名（advisor、organiser）/ the person's name")
    unit: Literal["", "school", "region"] = Field("", description="单位类型（unit）/ a school or a region")
    region_id: OptionalId = ""
    school_id: OptionalId = ""
    reason: str = Field("", max_length=500, description="理由（organiser、unit 必填）/ reason (required for "
                        "organiser and unit honours)")
    edition: str = Field("", max_length=16, pattern=_CODE)


class SourceAsk(Body):
    work_id: Id
    deadline: AwareDatetime = Field(description="提交期限（带时区）/ deadline, with its offset")
    note: str = Field("", max_length=500, description="给作者的说明（如需要的格式）/ note to the team")
    edition: str = Field("", max_length=16, pattern=_CODE)


class Release(Body):
    region_id: Id
    note: str = Field("", max_length=500, description="给地区的说明 / note to the region")
    edition: str = Field("", max_length=16, pattern=_CODE)


def _province(who: Caller) -> None:
    scope.require_role(who.claims, scope.PROVINCE_ADMIN)


# -- the province -------------------------------------------------------------------------------------------------


@router.post("/awards/compute", summary="计算获奖名单 / Compute an award list", responses=errors(401, 403, 404, 409),
             description="按最新评审结果为一个类别（或全届）计算最佳 20%、优秀 30%、入围 50%（最大余数法，"
             "分数并列者同享较高奖项），并标出易变的奖项；公布前可重新计算。\n\nRank a category's (or the whole "
             "edition's) qualified, judged works from the latest results: best 20 %, excellent 30 %, finalist 50 % by "
             "the largest-remainder method, ties sharing the higher tier, fragile awards flagged; again until "
             "published.")
async def compute(category: Scope, edition: Edition = "", who: Caller = Depends(caller),
                  svc: Services = Depends(services)) -> dict:
    _province(who)
    call = who.call() | {"timeout": RANKING_TIMEOUT_S}
    return to_json(await svc.awards.Compute(pb.ListRequest(scope=category, edition=edition), **call))


@router.get("/awards/draft", summary="获奖名单草稿 / Draft award list", responses=errors(401, 403, 404),
            description="每件作品的奖项、得分、名次与易变标记（去掉任何一位评委的评分表、或按原始分计算时奖项会变）；"
            "stale 为真时评审结果已变，须重新计算。\n\nPer work its tier, score, rank and fragility flag (the tier "
            "changes without one judge's sheet, or under raw means); stale: the results changed, compute again.")
async def draft(category: Scope, edition: Edition = "", who: Caller = Depends(caller),
                svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    return to_json(await svc.awards.GetDraft(pb.ListRequest(scope=category, edition=edition), **who.call()))


@router.post("/awards/publish", summary="公布获奖名单 / Publish the awards", responses=errors(401, 403, 404, 409),
             description="评审期结束后公布（一个类别或全部已计算的名单），随即颁发证书和优秀指导教师奖；"
             "公布后只能更正。\n\nAfter judging closed, publish one list or every computed one; certificates and the "
             "advisors' honours follow; afterwards only corrections change it.")
async def publish(body: Publication, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    _province(who)
    request = pb.PublishRequest(scope=body.category, note=body.note, edition=body.edition)
    reply = await svc.awards.Publish(request, **who.call())
    return {"lists": [to_json(a) for a in reply.lists]}


@router.post("/awards/corrections", summary="更正奖项 / Correct an award", responses=errors(401, 403, 404, 409),
             description="更正已公布的奖项：原奖项保留在记录中，原证书作废并颁发新证书。\n\nChange a published award: the "
             "original stays on the record, its certificates are revoked and new ones issued.")
async def correct(body: Correction, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    _province(who)
    request = pb.CorrectRequest(work_id=body.work_id, tier=body.tier, reason=body.reason, edition=body.edition)
    return to_json(await svc.awards.Correct(request, **who.call()))


@router.post("/awards/source-requests", summary="要求提交源文件 / Ask for source files",
             responses=errors(401, 403, 404, 409),
             description="向已公布获奖作品的作者要求提交制作源文件（附件四.4），作者收到通知并可上传；再次要求即更新期限和说明。"
             "\n\nAsk an awarded work's team for its source files (annex 4.4); they are notified and can upload; "
             "asking again sets a new deadline and note.")
async def request_source(body: SourceAsk, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    _province(who)
    request = pb.SourceRequestRequest(work_id=body.work_id, deadline=body.deadline.isoformat(), note=body.note,
                                      edition=body.edition)
    return to_json(await svc.awards.RequestSource(request, **who.call()))


@router.get("/awards/source-requests", summary="源文件提交情况 / Source files asked for", responses=errors(401, 403, 404),
            description="每件被要求提交源文件的获奖作品：已要求、已上传（是否逾期）或已逾期；"
            "下载见 GET /works/{id}/files/source。\n\nEvery awarded work asked for its source files: requested, "
            "uploaded (late or not) or overdue; download through GET /works/{id}/files/source.")
async def source_requests(edition: Edition = "", who: Caller = Depends(caller),
                          svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    reply = await svc.awards.ListSourceRequests(pb.EditionRequest(edition=edition), **who.call())
    return {"requests": [to_json(r) for r in reply.requests]}


@router.post("/awards/honours", summary="授予荣誉 / Give an honour", responses=errors(401, 403, 404, 409),
             description="优秀指导教师奖（须为最佳作品的指导教师）、优秀组织工作者奖、优秀组织单位奖（须填写理由）。\n\n"
             "The advisor award (advisors of best works only), the organiser and the unit awards (with a reason).")
async def honour(body: HonourDecision, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    _province(who)
    reply = await svc.awards.Honour(pb.HonourRequest(**body.model_dump()), **who.call())
    return {"honours": [to_json(h) for h in reply.honours]}


@router.get("/awards/honours", summary="荣誉名单 / Honours", responses=errors(401, 403, 404))
async def honours(edition: Edition = "", who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    reply = await svc.awards.ListHonours(pb.EditionRequest(edition=edition), **who.call())
    return {"honours": [to_json(h) for h in reply.honours]}


@router.get("/awards/reminders", summary="表彰阶段提醒 / Awards reminders", responses=errors(401, 403, 404),
            description="公布截止（10月31日）和展示交流截止（11月30日）前若干天，尚未完成时记录的提醒。\n\nThe reminders "
            "recorded some days before the publication and exhibition dates while their work was not done.")
async def reminders(edition: Edition = "", who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    reply = await svc.awards.ListReminders(pb.EditionRequest(edition=edition), **who.call())
    return {"reminders": [to_json(r) for r in reply.reminders]}


@router.get("/awards/participation", summary="参与情况 / Participation report", responses=errors(401, 403, 404),
            description="各地区、学校的申报、入围、获奖（已公布）和统计表按时报送情况；地区管理员在公布前只能看本地区。"
            "\n\nPer region and school: works submitted, qualified, awarded (once published) and whether the table was "
            "filed on time; a region admin sees only their region before publication.")
async def participation(region_id: Filter = "", edition: Edition = "", who: Caller = Depends(caller),
                        svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.REGION_ADMIN, *READERS)
    request = pb.ParticipationRequest(region_id=region_id, edition=edition)
    if who.claims.role == scope.REGION_ADMIN:
        if region_id and region_id != who.claims.region_id:
            public = await svc.awards.GetPublicResults(pb.ListRequest(edition=edition), **who.call())
            if not public.lists:
                raise FestivalError("forbidden", "获奖名单公布前，不能查看其他地区的数据。",
                                    "Before the awards are published you can read only your own region.", 403)
        request.region_id = region_id or who.claims.region_id
    return to_json(await svc.awards.Participation(request, **who.call()))


@router.post("/awards/exhibition/releases", summary="发布展示交流名单 / Release the exhibition list",
             status_code=201, responses=errors(401, 403, 404, 409),
             description="把各地区的最佳作品名单发给一个地区（每个地区一次）。\n\nRelease every region's best works to "
             "one region (once per region).")
async def release(body: Release, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    _province(who)
    request = pb.ReleaseRequest(region_id=body.region_id, note=body.note, edition=body.edition)
    return to_json(await svc.awards.ReleaseExhibition(request, **who.call()))


# -- region admins: the exhibition --------------------------------------------------------------------------------


async def _exhibition(who: Caller, svc: Services, region_id: str, edition: str) -> pb.Exhibition:
    scope.require_role(who.claims, scope.REGION_ADMIN, *READERS)
    if who.claims.role == scope.REGION_ADMIN:
        if region_id and region_id != who.claims.region_id:
            raise scope.forbidden()
        region_id = who.claims.region_id
    return await svc.awards.GetExhibition(pb.ExhibitionRequest(region_id=region_id, edition=edition), **who.call())


@router.get("/awards/exhibition", summary="展示交流名单 / Exhibition list", responses=errors(401, 403, 404),
            description="发布给本地区的各地最佳作品，附影片、封面、海报的短时下载链接（24 小时）。\n\nThe best works of "
            "every region released to yours, with download links to film, cover and poster (valid 24 hours).")
async def exhibition(region_id: Filter = "", edition: Edition = "", who: Caller = Depends(caller),
                     svc: Services = Depends(services)) -> dict:
    return to_json(await _exhibition(who, svc, region_id, edition))


@router.get("/awards/exhibition.zip", summary="下载展示交流名单 / Download the exhibition list",
            response_class=Response, responses={200: {"content": {"application/zip": {}}}, **errors(401, 403, 404)},
            description="works.json（作品信息）与 manifest.txt（下载链接清单）；影片不经平台转发。\n\nworks.json (the "
            "works) and manifest.txt (the download links); films are not copied through the gateway.")
async def exhibition_zip(region_id: Filter = "", edition: Edition = "", who: Caller = Depends(caller),
                         svc: Services = Depends(services)) -> Response:
    shown = to_json(await _exhibition(who, svc, region_id, edition))
    manifest = "".join(f"{f['url']}\n" for w in shown["works"] for f in w["files"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("works.json", json.dumps(shown, ensure_ascii=False, indent=2))
        archive.writestr("manifest.txt", manifest)
    name = f"exhibition-{shown['region_id']}.zip"
    return Response(out.getvalue(), media_type="application/zip",
                    headers={"Content-Disposition": content_disposition(name, name)})


# -- certificates -------------------------------------------------------------------------------------------------


def _certificate_scope(who: Caller, student_id: str, school_id: str, region_id: str) -> dict[str, str]:
    scope.require_role(who.claims, scope.STUDENT, scope.SCHOOL_ADMIN, scope.REGION_ADMIN, *READERS)
    return scope.works_filter(who.claims, student_id, school_id, region_id)


@router.get("/awards/certificates", summary="证书 / Certificates", responses=errors(401, 403, 404),
            description="学生看自己的，学校、地区管理员看本校、本地区的，省级看全部。\n\nStudents see their own, school and "
            "region admins their scope's, the province all.")
async def certificates(student_id: Filter = "", school_id: Filter = "", region_id: Filter = "",
                       edition: Edition = "", who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    wanted = _certificate_scope(who, student_id, school_id, region_id)
    reply = await svc.awards.ListCertificates(pb.CertificatesRequest(**wanted, edition=edition), **who.call())
    return {"certificates": [to_json(c) for c in reply.certificates]}


@router.get("/awards/certificates.zip", summary="批量下载证书 / Certificates as one ZIP", response_class=Response,
            responses={200: {"content": {"application/zip": {}}}, **errors(401, 403, 404)},
            description="本校或本地区全部有效证书（PDF）打包下载。\n\nEvery valid certificate of a school or region, "
            "as PDFs in one ZIP.")
async def certificates_zip(school_id: Filter = "", region_id: Filter = "", edition: Edition = "",
                           who: Caller = Depends(caller), svc: Services = Depends(services)) -> Response:
    scope.require_role(who.claims, scope.SCHOOL_ADMIN, scope.REGION_ADMIN, *READERS)
    wanted = _certificate_scope(who, "", school_id, region_id)
    document = await svc.awards.CertificatesZip(pb.CertificatesRequest(**wanted, edition=edition), **who.call())
    return Response(document.content, media_type="application/zip",
                    headers={"Content-Disposition": content_disposition(document.filename, "certificates.zip")})


@router.get("/awards/certificates/{code}.pdf", summary="下载证书 / Download a certificate", response_class=Response,
            responses={200: {"content": {"application/pdf": {}}}, **errors(401, 403, 404)})
async def certificate_pdf(code: Code, who: Caller = Depends(caller), svc: Services = Depends(services)) -> Response:
    scope.require_role(who.claims, scope.STUDENT, scope.SCHOOL_ADMIN, scope.REGION_ADMIN, *READERS)
    document = await svc.awards.GetCertificatePdf(pb.CodeRequest(code=code), **who.call())
    scope.check_read_work(who.claims, document.certificate)
    name = f"certificate-{document.certificate.code}.pdf"
    return Response(document.pdf, media_type="application/pdf",
                    headers={"Content-Disposition": content_disposition(name, name)})


# -- anyone -------------------------------------------------------------------------------------------------------

_PUBLIC_FIELDS = ("code", "edition_name_zh", "edition_name_en", "kind", "award", "award_name_zh", "award_name_en",
                  "work_title", "names", "school_name", "region_name", "award_event_id", "awarded_at", "revoked",
                  "revoked_reason", "replaced_by")


@router.get("/certificates/{code}", summary="验证证书 / Verify a certificate", responses=errors(404),
            description="公开：证书所载内容、决定它的事件编号和时间；已作废的证书会注明。\n\nPublic: what the certificate "
            "states, the deciding event's id and time; a revoked certificate says so.")
async def verify(code: Code, who: Caller = Depends(anonymous), svc: Services = Depends(services)) -> dict:
    shown = to_json(await svc.awards.Verify(pb.CodeRequest(code=code), **who.call()))
    return {k: shown[k] for k in _PUBLIC_FIELDS}


@router.get("/awards", summary="获奖名单（公开）/ Published awards", responses=errors(404),
            description="公开：已公布的获奖名单，按类别、奖项列出作品名称、学校和地区。\n\nPublic: the published lists, per "
            "category and tier: title, school and region.")
async def public(edition: Edition = "", category: OptionalScope = "", who: Caller = Depends(anonymous),
                 svc: Services = Depends(services)) -> dict:
    return to_json(await svc.awards.GetPublicResults(pb.ListRequest(scope=category, edition=edition), **who.call()))
