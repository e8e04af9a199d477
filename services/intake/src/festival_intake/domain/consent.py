"""What a student confirms at submit: the team shares the copyright with the organisers (通知 三.10) and
answers for the work's originality (三.9), in the text version of the edition they were shown. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from festival_events.contracts.registry import ConsentTexts
from festival_kit.errors import FestivalError


@dataclass(frozen=True)
class Consent:
    """The confirmation sent with a submit: the text version read and both statements ticked."""

    version: str = ""
    copyright: bool = False
    originality: bool = False


def confirmed_version(texts: ConsentTexts | None, consent: Consent | None) -> str | None:
    """The version the submission records; refuses an unconfirmed or outdated confirmation.

    An edition configured without texts asks for nothing (None)."""
    if texts is None:
        return None
    if consent is None or not (consent.copyright and consent.originality):
        raise FestivalError("consent_required", "提交前请阅读并勾选确认：与主办单位共享作品著作权和版权，并承诺作品为主创团队原创。",
                            "Before submitting, read and confirm both statements: the team shares the work's "
                            "copyright with the organisers, and answers for its originality.", 422)
    if consent.version != texts.version:
        raise FestivalError("consent_outdated", "承诺内容已更新，请重新阅读最新的承诺并确认后再提交。",
                            f"The statements have changed (now version {texts.version}): read the current "
                            "text and confirm it again before submitting.", 409)
    return texts.version
