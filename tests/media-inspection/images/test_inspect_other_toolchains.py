"""Pictures and forms written by another toolchain (Pillow, as image editors and scanners write them)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest

from festival_inspection.documents import inspect_form
from festival_inspection.images import inspect_image
from festival_inspection.rules import edition_file, file_limit, load_edition

Image = pytest.importorskip("PIL.Image")  # present through reportlab (intake's forms); not a dependency of ours
RULES = load_edition(edition_file("11", Path(__file__)))


def saved(picture: Image.Image, fmt: str = "JPEG", **options) -> bytes:
    out = io.BytesIO()
    picture.save(out, fmt, **options)
    return out.getvalue()


def photo(width: int, height: int, mode: str = "RGB") -> Image.Image:
    rng = np.random.default_rng(3)
    base = np.linspace(0, 255, width * height * 3).reshape(height, width, 3) + rng.normal(0, 20, (height, width, 3))
    return Image.fromarray(base.clip(0, 255).astype(np.uint8)).convert(mode)


@pytest.mark.parametrize("mode,options", [("RGB", {"quality": 90}), ("RGB", {"progressive": True, "optimize": True}),
                                          ("L", {}), ("CMYK", {}), ("RGB", {"subsampling": 0, "quality": 95})])
def test_covers_as_editors_save_them_pass(mode, options):
    exif = Image.Exif()
    exif[0x0110] = "Phone"  # camera model: an APP1 segment before the frame header
    data = saved(photo(640, 480, mode), exif=exif.tobytes(), **options)
    assert inspect_image(data, "cover", RULES.files["cover"]).verdict == "pass"


def test_a_webp_or_a_gif_named_jpg_fails():
    for fmt in ("WEBP", "GIF", "BMP"):
        check = inspect_image(saved(photo(640, 480), fmt), "cover", RULES.files["cover"]).checks[0]
        assert (check.verdict, check.measured) == ("fail", fmt.lower())


def test_a_scan_saved_as_pdf_passes_and_a_blank_one_fails():
    form = file_limit(RULES, "copyright_declaration")
    scan = saved(photo(1240, 1754), "PDF", resolution=150)
    blank = saved(Image.new("RGB", (1240, 1754), "white"), "PDF")
    assert inspect_form(scan, form).verdict == "pass"
    report = inspect_form(blank, form)  # the back of the page scanned by mistake
    assert [c.verdict for c in report.checks] == ["pass", "fail", "pass"]
