"""What the page's upload script calls: the API's own upload routes, authorised by the session cookie.

The script cannot read the HttpOnly cookie's token, so it cannot call the bearer API itself; these JSON
routes take the cookie plus the CSRF header instead and hand over to the same route functions. The bytes
still go from the browser straight to object storage; only the ticket and the ETags pass through here.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from festival_gateway.models import ConfirmRequest, UploadRequest
from festival_gateway.routes import files
from festival_gateway.routes.common import PathId
from festival_gateway.routes.files import RenewRequest, Slot
from festival_gateway.tokens import not_logged_in
from festival_gateway.web import session
from festival_gateway.web.pages.common import services

router = APIRouter(prefix="/web/api", include_in_schema=False)


def _caller(request: Request):
    session.check_csrf(request, request.headers.get(session.CSRF_HEADER, ""))
    try:
        return session.page_caller(request)
    except session.LoginNeeded:
        raise not_logged_in() from None


@router.post("/works/{work_id}/files/{slot}/uploads")
async def start_upload(request: Request, work_id: PathId, slot: Slot, body: UploadRequest) -> dict:
    return await files.start_upload(work_id, slot, body, _caller(request), services(request))


@router.post("/works/{work_id}/uploads/{upload_id}/confirm")
async def confirm_upload(request: Request, work_id: PathId, upload_id: PathId, body: ConfirmRequest) -> dict:
    return await files.confirm_upload(work_id, upload_id, body, _caller(request), services(request))


@router.post("/works/{work_id}/uploads/{upload_id}/renew")
async def renew_upload(request: Request, work_id: PathId, upload_id: PathId, body: RenewRequest) -> dict:
    return await files.renew_upload(work_id, upload_id, body, _caller(request), services(request))
