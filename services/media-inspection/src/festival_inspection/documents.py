"""Signed forms (application form, copyright declaration), measured: the kind by content, the size, and what
the PDF or JPEG holds. The checks (readable, not empty, the byte limit) are festival_decisions'."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader

from festival_decisions.inspection.forms import MIN_LUMA_STD, FormMeasures, Pdf, form_checks
from festival_decisions.inspection.report import Report
from festival_events.contracts.registry import FileLimit
from festival_inspection import jpeg
from festival_inspection.images import DECODE_CAP
from festival_inspection.sources import Source, load, sniff

# Operators that put marks on a page: show text, stroke or fill a path, paint a shading or an inline image.
_MARKS = {b"Tj", b"TJ", b"'", b'"', b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"sh", b"INLINE IMAGE"}
# Enough pages to find content in any real form; a hostile file with millions of pages is not walked.
MAX_PAGES_WALKED = 50

# Broken PDFs are the point of these checks: pypdf's warnings about them are not news to the operator.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def measure_form(source: Source) -> FormMeasures:
    """What the form checks read of `source`: a whole PDF parsed, any other whole file read as a JPEG."""
    loaded = load(source, DECODE_CAP)
    kind = sniff(loaded.data[:16])
    if not loaded.complete:
        return FormMeasures(kind, loaded.size, False)
    if kind == "pdf":
        return FormMeasures(kind, loaded.size, True, pdf=_read_pdf(loaded.data))
    return FormMeasures(kind, loaded.size, True, still=jpeg.examine(loaded.data))


def inspect_form(source: Source, limits: FileLimit) -> Report:
    """Check one uploaded signed form against the edition's limits for its slot."""
    return Report(form_checks(measure_form(source), limits))


def _read_pdf(data: bytes) -> Pdf:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return Pdf(problem_zh="PDF 设有打开密码", problem_en="the PDF is protected by a password")
        count = len(reader.pages)
        return Pdf(count, sum(_draws(reader.pages[i]) for i in range(min(count, MAX_PAGES_WALKED))))
    except Exception:  # noqa: BLE001 - any failure of the parser on hostile bytes means "not readable"
        return Pdf(problem_zh="PDF 文件损坏或不完整，无法读取", problem_en="the PDF is damaged or incomplete and cannot be read")


def _draws(page) -> bool:
    """Whether a page shows anything: text, lines, fills, or a placed picture that is not blank paper."""
    contents = page.get_contents()
    if contents is None:
        return False
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    xobjects = xobjects.get_object() if xobjects is not None else {}
    for operands, operator in contents.operations:
        if operator in _MARKS:
            return True
        if operator == b"Do" and operands and operands[0] in xobjects and _shows(xobjects[operands[0]].get_object()):
            return True
    return False


def _shows(xobject) -> bool:
    """A placed form or picture; a scanned JPEG page counts only if it is not blank (scanning the back side)."""
    if xobject.get("/Subtype") != "/Image" or xobject.get("/Filter") not in ("/DCTDecode", ["/DCTDecode"]):
        return True
    still = jpeg.examine(xobject.get_data())
    return not still.ok or still.luma_std >= MIN_LUMA_STD
