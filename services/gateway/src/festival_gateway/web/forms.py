"""Posted forms: read (urlencoded, CSRF checked first) and turned into the API's own request bodies."""

from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi import Request

from festival_gateway.models import Advisor, Creator, Draft
from festival_gateway.web import session


class Form:
    """One posted form: single values by name, repeated values as lists in the order sent."""

    def __init__(self, pairs: list[tuple[str, str]]):
        self.pairs = pairs

    def get(self, name: str, default: str = "") -> str:
        """The value, without surrounding spaces; a password exactly as typed (the API takes it so too, and a
        password set on a page must work with the API and the other way round)."""
        return next((v if "password" in k else v.strip() for k, v in self.pairs if k == name), default)

    def all(self, name: str) -> list[str]:
        return [v.strip() for k, v in self.pairs if k == name]


async def posted(request: Request) -> Form:
    """The form, after its CSRF token has been checked (403 csrf_failed without it)."""
    body = (await request.body()).decode("utf-8", errors="replace")
    form = Form(parse_qsl(body, keep_blank_values=True))
    session.check_csrf(request, form.get(session.CSRF_FIELD))
    return form


def _rows(form: Form, prefix: str, fields: tuple[str, ...]) -> list[dict[str, str]]:
    columns = [form.all(f"{prefix}_{f}") for f in fields]
    rows = [dict(zip(fields, values, strict=False)) for values in zip(*columns, strict=False)]
    return [row for row in rows if any(row.values())]  # a blank row of the team editor is no one


def draft_of(form: Form) -> Draft:
    """The API's Draft from the draft form (pydantic refuses what the API would refuse)."""
    return Draft(
        title=form.get("title"), category=form.get("category"), theme=form.get("theme"),
        synopsis=form.get("synopsis"),
        creators=[Creator(**r) for r in _rows(form, "creator", ("name", "grade", "school"))],
        advisors=[Advisor(**r) for r in _rows(form, "advisor", ("name", "school", "phone"))],
        voice_over=form.get("voice_over"), subtitles=form.get("subtitles"),
    )


def draft_values(form: Form) -> dict:
    """What was typed, to show the form again beside its error without losing anything."""
    return {
        "title": form.get("title"), "category": form.get("category"), "theme": form.get("theme"),
        "synopsis": form.get("synopsis"),
        "creators": _rows(form, "creator", ("name", "grade", "school")),
        "advisors": _rows(form, "advisor", ("name", "school", "phone")),
        "voice_over": form.get("voice_over"), "subtitles": form.get("subtitles"),
    }
