"""Accounts in the browser: admins list the accounts of their scope; the region decides on school admins; the
province suspends and reactivates; admins reset a forgotten password; everyone changes their own."""

from __future__ import annotations

from datetime import datetime

from fastapi import Request
from fastapi.responses import Response

from festival_gateway import scope
from festival_gateway.models import Decision, PasswordChange, PasswordReset, Suspension
from festival_gateway.routes import accounts, auth
from festival_gateway.web import session
from festival_gateway.web.forms import posted
from festival_gateway.web.pages.common import inline, page_router, redirect, services
from festival_gateway.web.render import page

router = page_router()
ADMINS = (scope.PROVINCE_ADMIN, scope.REGION_ADMIN, scope.SCHOOL_ADMIN, scope.AUDITOR)
ROLE_FILTERS = ("", "student", "school_admin", "region_admin", "judge", "auditor", "province_admin")
STATUS_FILTERS = ("", "active", "pending", "suspended", "refused")


async def _accounts_page(request: Request, status: int = 200, **extra) -> Response:
    who = session.page_caller(request)
    scope.require_role(who.claims, *ADMINS)
    role, state = request.query_params.get("role", ""), request.query_params.get("status", "")
    role, state = (role if role in ROLE_FILTERS else ""), (state if state in STATUS_FILTERS else "")
    found = (await accounts.list_accounts(role, state, "", who, services(request)))["accounts"]
    return page(request, "accounts.html", status=status, accounts=found, role=role, state=state,
                roles=ROLE_FILTERS, states=STATUS_FILTERS, **extra)


@router.get("/accounts")
async def account_list(request: Request) -> Response:
    return await _accounts_page(request)


async def _act(request: Request, account_id: str, done: str, act) -> Response:
    """Run one action from a row's form; a refusal is shown above the list, on the account it concerns."""
    who = session.page_caller(request)
    form = await posted(request)
    try:
        await act(form, who)
    except Exception as problem:  # noqa: BLE001 - shown above the list
        error = inline(problem)
        return await _accounts_page(request, status=error.status, error=error, failed=account_id)
    return redirect(f"/web/accounts?done={done}")


@router.post("/accounts/{account_id}/decision")
async def decide(request: Request, account_id: str) -> Response:
    async def act(form, who):
        body = Decision(approve=form.get("approve") == "1", reason=form.get("reason"))
        await accounts.decide(account_id, body, who, services(request))

    return await _act(request, account_id, "decided", act)


@router.post("/accounts/{account_id}/suspend")
async def suspend(request: Request, account_id: str) -> Response:
    async def act(form, who):
        await accounts.suspend(account_id, Suspension(reason=form.get("reason")), who, services(request))

    return await _act(request, account_id, "suspended", act)


@router.post("/accounts/{account_id}/reactivate")
async def reactivate(request: Request, account_id: str) -> Response:
    async def act(form, who):
        await accounts.reactivate(account_id, who, services(request))

    return await _act(request, account_id, "reactivated", act)


@router.post("/accounts/{account_id}/password")
async def reset_password(request: Request, account_id: str) -> Response:
    async def act(form, who):
        if form.get("new_password") != form.get("new_password_again"):
            raise session.passwords_differ()
        body = PasswordReset(new_password=form.get("new_password"))
        await accounts.reset_password(account_id, body, who, services(request))

    return await _act(request, account_id, "reset", act)


@router.get("/password")
async def password_form(request: Request) -> Response:
    session.page_caller(request)
    return page(request, "password.html")


@router.post("/password")
async def change_password(request: Request) -> Response:
    """The caller's own password; the answer's fresh token replaces the cookie (every older one has ended)."""
    who = session.page_caller(request)
    form = await posted(request)
    try:
        if form.get("new_password") != form.get("new_password_again"):
            raise session.passwords_differ()
        body = PasswordChange(current_password=form.get("current_password"), new_password=form.get("new_password"))
        answer = await auth.change_password(body, who, services(request), request.app.state.tokens,
                                            request.app.state.sessions)
    except Exception as problem:  # noqa: BLE001 - shown beside the form
        error = inline(problem)
        return page(request, "password.html", status=error.status, error=error)
    response = redirect("/web/password?changed=1")
    session.sign_in(request, response, answer["token"], datetime.fromisoformat(answer["expires_at"]))
    return response
