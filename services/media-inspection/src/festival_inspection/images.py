"""Cover and poster, measured: the kind by content, the size in bytes, and what the JPEG turns out to be.

The checks (a real JPEG, the edition's exact size and orientation, the byte limit) are festival_decisions'.
"""

from __future__ import annotations

from festival_decisions.inspection.images import ImageMeasures, image_checks
from festival_decisions.inspection.report import Report
from festival_events.contracts.registry import FileLimit
from festival_inspection import jpeg
from festival_inspection.sources import Source, load, sniff

# Enough to decode any plausible picture; beyond it only the header is judged (file_size fails anyway).
DECODE_CAP = 64 << 20


def measure_image(source: Source) -> ImageMeasures:
    """What the picture checks read of `source`."""
    loaded = load(source, DECODE_CAP)
    kind = sniff(loaded.data[:16])
    still = jpeg.examine(loaded.data, loaded.complete) if kind == "jpeg" else None
    return ImageMeasures(kind, loaded.size, still)


def inspect_image(source: Source, slot: str, limits: FileLimit) -> Report:
    """Check one picture for `slot` ("cover" or "poster") against the edition's limits for that slot."""
    return Report(image_checks(measure_image(source), slot, limits))
