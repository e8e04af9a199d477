"""The operation guide (通知 三.8 操作指南): anyone may read it, per role as a page and as a PDF.

The edition's rules come from the registry (as on Rules & deadlines), the steps from guide.roles and the
error table from the generated catalogue; the page only shows them.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from festival_gateway.guide import view
from festival_gateway.guide.pdf import guide_pdf
from festival_gateway.guide.roles import ROLES
from festival_gateway.web import session
from festival_gateway.web.pages.common import edition, page_router
from festival_gateway.web.render import page

router = page_router()


@router.get("/guide")
async def index(request: Request) -> Response:
    """Every role's guide, every deadline and the whole error table."""
    session.optional_caller(request)
    rules = (await edition(request))["rules"]
    return page(request, "guide_index.html", roles=list(ROLES.values()), edition_zh=rules["name_zh"],
                edition_en=rules["name_en"], deadlines=list(view.deadlines(rules).values()),
                refusals=view.refusals())


@router.get("/guide/{role}.pdf")
async def role_pdf(request: Request, role: str) -> Response:
    view.role_of(role)  # an unknown role is refused before the registry is asked
    pdf = guide_pdf(view.guide(role, (await edition(request))["rules"]))
    headers = {"Content-Disposition": f'inline; filename="guide-{role}.pdf"'}
    return Response(pdf, media_type="application/pdf", headers=headers)


@router.get("/guide/{role}")
async def role_page(request: Request, role: str) -> Response:
    session.optional_caller(request)
    view.role_of(role)
    return page(request, "guide.html", **view.guide(role, (await edition(request))["rules"]))
