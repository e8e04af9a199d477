"""The web application: server-rendered pages over the API's own routes, in Chinese first.

`mount(app)` adds the pages (under /web), the JSON the upload script calls (under /web/api), the static
files (content-hashed names, cached for a year) and `/` sending a browser to its home page.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import RedirectResponse

from festival_gateway.web import static
from festival_gateway.web.pages import (
    accounts, audit, auth, awards, guide, judging, reviewing, rounds, statistics, student, uploads,
)


def mount(app: FastAPI) -> None:
    """Add every page route to the gateway app."""
    for module in (auth, accounts, student, reviewing, statistics, rounds, judging, awards, audit, uploads, guide,
                   static):
        app.include_router(module.router)

    @app.get("/", include_in_schema=False)
    async def root() -> RedirectResponse:
        return RedirectResponse("/web/", status_code=303)
