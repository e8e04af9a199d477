"""Static files under content-hashed names: `/web/static/app.<hash>.js` is cached for a year, as it never changes."""

from __future__ import annotations

import mimetypes

from fastapi import APIRouter
from fastapi.responses import Response

from festival_gateway.web.render import STATIC, static_hash
from festival_kit.errors import not_found

router = APIRouter(prefix="/web/static", include_in_schema=False)
FILES = frozenset(p.name for p in STATIC.iterdir() if p.is_file())


@router.get("/{hashed}")
async def static_file(hashed: str) -> Response:
    """Only the current content of a file under its current hash; anything else is 404."""
    stem, _, rest = hashed.partition(".")
    digest, _, ext = rest.partition(".")
    name = f"{stem}.{ext}"
    if name not in FILES or digest != static_hash(name):
        raise not_found("文件", "File")
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Response((STATIC / name).read_bytes(), media_type=kind,
                    headers={"Cache-Control": "public, max-age=31536000, immutable"})
