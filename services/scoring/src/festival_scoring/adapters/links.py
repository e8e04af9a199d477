"""Short-lived download links to a work's film, cover and poster: a judge's browser reads S3 directly."""

from __future__ import annotations

from datetime import timedelta

from festival_kit import links
from festival_kit.settings import Settings

LINK_LIFETIME = timedelta(minutes=30)  # long enough to watch an 8-minute film with pauses, short enough to leak little
SHOWN_TO_JUDGES = ("film", "cover", "poster")  # never the signed forms: they carry names and schools


class Links(links.Links):
    """Presigned GETs of what a judge may see."""

    def __init__(self, settings: Settings):
        super().__init__(settings, LINK_LIFETIME)
