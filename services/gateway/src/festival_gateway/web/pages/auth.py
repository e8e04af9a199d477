"""Signing in and out, student sign-up, the language switch, and each role's home page."""

from __future__ import annotations

from datetime import datetime

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from festival_gateway import scope
from festival_gateway.convert_review import MarkRead
from festival_gateway.models import LoginRequest, StudentSignUp
from festival_gateway.routes import accounts, auth, catalogue, notifications
from festival_gateway.web import session
from festival_gateway.web.forms import posted
from festival_gateway.web.pages.common import anonymous, edition, inline, page_router, redirect, safe_next, services
from festival_gateway.web.render import page

router = page_router()
HOMES = {scope.SCHOOL_ADMIN: "/web/queue", scope.REGION_ADMIN: "/web/queue", scope.PROVINCE_ADMIN: "/web/queue",
         scope.AUDITOR: "/web/queue", scope.JUDGE: "/web/judging", scope.STUDENT: "/web/works"}


@router.get("/")
async def home(request: Request) -> Response:
    """Each role starts where its work is."""
    claims = session.page_caller(request).claims
    return redirect(HOMES.get(claims.role, "/web/rules"))


@router.get("/login")
async def login_form(request: Request, next: str = "") -> Response:
    return page(request, "login.html", next=safe_next(next, ""))


@router.post("/login")
async def login(request: Request) -> Response:
    form = await posted(request)
    target = safe_next(form.get("next"))
    try:
        body = LoginRequest(username=form.get("username"), password=form.get("password"))
        answer = await auth.login(request, body, anonymous(request), services(request), request.app.state.tokens,
                                  request.app.state.sessions)
    except Exception as problem:  # noqa: BLE001 - shown beside the form
        return page(request, "login.html", status=inline(problem).status, error=inline(problem),
                    next=target, username=form.get("username"))
    response = redirect(target)
    token = answer["token"]
    session.sign_in(request, response, token, datetime.fromisoformat(answer["expires_at"]))
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    await posted(request)
    who = session.optional_caller(request)
    if who is not None:  # the cookie's token stops working everywhere, not only in this browser
        await request.app.state.sessions.revoke(who.claims.token_id)
    response = redirect("/web/login")
    session.sign_out(response)
    return response


@router.get("/lang")
async def switch_language(request: Request, to: str = "zh", next: str = "/web/") -> Response:
    """中文 / English: a preference only, kept in a cookie for a year."""
    response = RedirectResponse(safe_next(next), status_code=303)
    session.set_lang(request, response, to)
    return response


async def _schools(request: Request) -> list[dict]:
    """Approved schools with their region's name, for the sign-up form."""
    who, svc = anonymous(request), services(request)
    regions = {r["id"]: r for r in (await catalogue.regions(who, svc))["regions"]}
    schools = [s for s in (await catalogue.schools("", who, svc))["schools"] if s["approved"]]
    return [{**s, "region": regions.get(s["region_id"], {})} for s in schools]


@router.get("/signup")
async def signup_form(request: Request) -> Response:
    return page(request, "signup.html", schools=await _schools(request), values={})


@router.post("/signup")
async def signup(request: Request) -> Response:
    form = await posted(request)
    values = {k: form.get(k) for k in ("username", "display_name", "school_id")}
    try:
        if form.get("password") != form.get("password_again"):
            raise session.passwords_differ()
        body = StudentSignUp(password=form.get("password"), **values)
        await accounts.register_student(request, body, anonymous(request), services(request),
                                        request.app.state.sessions)
    except Exception as problem:  # noqa: BLE001 - shown beside the form
        error = inline(problem)
        return page(request, "signup.html", status=error.status, error=error, values=values,
                    schools=await _schools(request))
    return redirect("/web/login?signed_up=1")


@router.get("/rules")
async def rules(request: Request) -> Response:
    """The edition's rules and deadlines, with a countdown to the next one."""
    session.optional_caller(request)
    return page(request, "rules.html", edition=await edition(request))


@router.get("/notifications")
async def inbox(request: Request) -> Response:
    who = session.page_caller(request)
    feed = await notifications.list_notifications(0, False, who, services(request))
    return page(request, "notifications.html", feed=feed)


@router.post("/notifications/read")
async def mark_all_read(request: Request) -> Response:
    who = session.page_caller(request)
    await posted(request)
    await notifications.mark_read(MarkRead(all=True), who, services(request))
    return redirect("/web/notifications")
