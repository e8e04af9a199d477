"""Content-Disposition for a file whose name a user gave: the gateway's downloads and intake's presigned GETs."""

from __future__ import annotations

from urllib.parse import quote


def content_disposition(filename: str, fallback: str, kind: str = "attachment") -> str:
    """A header old clients can read (ASCII name) and new ones read fully (RFC 5987 UTF-8)."""
    ascii_name = "".join(ch if 32 < ord(ch) < 127 and ch not in '"\\;%' else "_" for ch in filename)
    if not ascii_name.strip("_.") or ascii_name.strip("_").startswith("."):
        ascii_name = fallback
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"
