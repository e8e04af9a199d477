"""Templates and static files: Jinja2 with autoescape, both languages, Shanghai time, hashed static names.

Every template gets `t(zh, en)` (the chosen language; Chinese by default), `local(iso)` (a UTC instant as
Asia/Shanghai wall-clock text), `static(name)` (a name carrying its content hash, so a changed file is never
served from a stale cache) and the CSRF token its forms must carry.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import cache
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from festival_gateway.web import labels, session
from festival_kit import clock

HERE = Path(__file__).parent
STATIC = HERE / "static"
STATIC_PREFIX = "/web/static"
_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                   trim_blocks=True, lstrip_blocks=True)


@cache
def static_hash(name: str) -> str:
    return hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:10]


def static_url(name: str) -> str:
    """`app.js` -> `/web/static/app.<hash>.js`."""
    stem, dot, ext = name.rpartition(".")
    return f"{STATIC_PREFIX}/{stem}.{static_hash(name)}{dot}{ext}"


def local(iso: str, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """An ISO 8601 instant (UTC or any offset) as Asia/Shanghai wall-clock text; empty stays empty."""
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return moment.astimezone(clock.SHANGHAI).strftime(fmt)


def megabytes(size: int) -> str:
    if size >= 2**30:
        return f"{size / 2**30:g} GB"
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size / 1024:.0f} KB"


def context(request: Request) -> dict:
    lang = session.lang_of(request)
    claims = getattr(request.state, "claims", None)
    return {
        "request": request, "lang": lang, "claims": claims, "csrf": session.csrf_token(request),
        "t": (lambda zh, en: zh if lang == "zh" else en), "local": local, "static": static_url,
        "mb": megabytes, "label": (lambda table, code: labels.name(getattr(labels, table), code, lang)), "now_iso": clock.now().isoformat(), "here": request.url.path,
    }


def page(request: Request, template: str, status: int = 200, **values) -> HTMLResponse:
    """A whole page (or fragment) rendered in the browser's language, with the CSRF cookie set if new."""
    html = _env.get_template(template).render(**context(request), **values)
    return session.finish(request, HTMLResponse(html, status_code=status))
