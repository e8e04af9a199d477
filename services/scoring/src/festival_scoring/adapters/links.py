"""Short-lived download links to a work's film, cover and poster: a judge's browser reads S3 directly."""

from __future__ import annotations

from festival_kit import links
from festival_kit.settings import Settings

LINK_LIFETIME = links.WATCHING
SHOWN_TO_JUDGES = ("film", "cover", "poster")  # never the signed forms: they carry names and schools


class Links(links.Links):
    """Presigned GETs of what a judge may see."""

    def __init__(self, settings: Settings):
        super().__init__(settings, LINK_LIFETIME)
