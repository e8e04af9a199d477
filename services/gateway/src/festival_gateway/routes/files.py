"""A work's files: presigned uploads straight to object storage, their confirmation, generated forms."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path
from fastapi.responses import Response
from pydantic import Field

from festival.intake.v1 import intake_pb2
from festival_gateway import scope
from festival_gateway.clients import Caller, Services
from festival_gateway.convert import to_json
from festival_gateway.deps import caller, services
from festival_gateway.models import Body, ConfirmRequest, UploadRequest
from festival_gateway.routes.common import PathId, errors
from festival_gateway.routes.works import fetch, fetch_own
from festival_kit.disposition import content_disposition

router = APIRouter(prefix="/works/{work_id}", tags=["作品文件 / work files"])
# Slot names come from the edition's rules (intake refuses unknown ones); here only their shape.
Slot = Annotated[str, Path(min_length=1, max_length=40, pattern=r"^[a-z_]+$",
                           description="材料栏位，见 GET /edition 的 files / file slot, see rules.files")]
FormName = Literal["application_form", "copyright_declaration"]
PartNumber = Annotated[int, Field(ge=1, le=10000)]


class RenewRequest(Body):
    part_numbers: list[PartNumber] = Field(
        default_factory=list, max_length=10000,
        description="要新地址的分片序号，空为全部 / the parts to renew, none for all (multipart only)",
    )


@router.post(
    "/files/{slot}/uploads", summary="开始上传 / Start an upload", responses=errors(401, 403, 404, 409),
    description="返回预签名上传地址（影片为分片上传），文件直接上传到对象存储，不经过网关。\n\n"
    "Returns presigned URL(s) (multipart for the film); bytes go straight to object storage.",
)
async def start_upload(work_id: PathId, slot: Slot, body: UploadRequest, who: Caller = Depends(caller),
                       svc: Services = Depends(services)) -> dict:
    await fetch_own(svc, who, work_id)
    request = intake_pb2.StartUploadRequest(submission_id=work_id, slot=slot, **body.model_dump())
    return to_json(await svc.intake.StartUpload(request, **who.call()))


@router.post(
    "/uploads/{upload_id}/renew", summary="续签上传地址 / Fresh upload URLs", responses=errors(401, 403, 404, 409),
    description="预签名上传地址只在几分钟内有效；尚未确认的上传可随时换取新地址（已传的分片保留）。\n\n"
    "Presigned upload URLs live minutes: an upload not yet confirmed gets fresh ones (parts already stored stay).",
)
async def renew_upload(work_id: PathId, upload_id: PathId, body: RenewRequest, who: Caller = Depends(caller),
                       svc: Services = Depends(services)) -> dict:
    await fetch_own(svc, who, work_id)
    request = intake_pb2.RenewUploadRequest(submission_id=work_id, upload_id=upload_id, part_numbers=body.part_numbers)
    return to_json(await svc.intake.RenewUpload(request, **who.call()))


@router.post(
    "/uploads/{upload_id}/confirm", summary="确认上传 / Confirm an upload",
    responses=errors(401, 403, 404, 409),
    description="上传完成后确认（分片上传须给出各分片的 ETag），平台核对文件后记录。\n\n"
    "Confirm a finished upload (with each part's ETag when multipart); the platform checks the file.",
)
async def confirm_upload(work_id: PathId, upload_id: PathId, body: ConfirmRequest, who: Caller = Depends(caller),
                         svc: Services = Depends(services)) -> dict:
    await fetch_own(svc, who, work_id)
    parts = [intake_pb2.CompletedPart(**p.model_dump()) for p in body.parts]
    request = intake_pb2.ConfirmUploadRequest(submission_id=work_id, upload_id=upload_id, parts=parts)
    return to_json(await svc.intake.ConfirmUpload(request, **who.call()))


@router.get(
    "/forms/{form}", summary="下载申报表或著作权声明 / Download a form", response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "PDF"}, **errors(401, 403, 404)},
    description="按填写的信息生成的作品申报表或著作权声明表（PDF），打印签字盖章后上传。\n\n"
    "The application form or copyright declaration filled from the draft, to sign, stamp and upload back.",
)
async def form(work_id: PathId, form: FormName, who: Caller = Depends(caller),
               svc: Services = Depends(services)) -> Response:
    scope.check_read_work(who.claims, await fetch(svc, who, work_id))
    rendered = await svc.intake.RenderForm(intake_pb2.RenderFormRequest(submission_id=work_id, form=form),
                                           **who.call())
    disposition = content_disposition(rendered.filename or f"{form}.pdf", f"{form}.pdf")
    return Response(rendered.pdf, media_type="application/pdf", headers={"Content-Disposition": disposition})


@router.get(
    "/files/{slot}", summary="文件下载地址 / A file's download URL", responses=errors(401, 403, 404),
    description="已确认文件的预签名下载地址（限时有效）。\n\n"
    "A presigned, short-lived download URL of a confirmed file.",
)
async def file_url(work_id: PathId, slot: Slot, who: Caller = Depends(caller),
                   svc: Services = Depends(services)) -> dict:
    scope.check_read_work(who.claims, await fetch(svc, who, work_id))
    request = intake_pb2.GetFileUrlRequest(submission_id=work_id, slot=slot)
    return to_json(await svc.intake.GetFileUrl(request, **who.call()))
