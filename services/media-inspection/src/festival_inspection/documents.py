"""Signed forms (application form, copyright declaration): a readable PDF or JPEG that is not empty."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from pypdf import PdfReader

from festival_events.contracts.registry import FileLimit
from festival_inspection import jpeg
from festival_inspection.images import DECODE_CAP, file_size
from festival_inspection.report import Check, Report
from festival_inspection.sources import Source, describe, load, sniff

NAMES = ("表格", "form")
# A signature and a stamp are not legible below this many pixels on the short side of a scan or photo.
MIN_SCAN_SIDE = 300
# A picture whose brightness hardly varies (std in 8-bit levels) is blank paper or a black frame.
MIN_LUMA_STD = 2.0
# Operators that put marks on a page: show text, stroke or fill a path, paint a shading or an inline image.
_MARKS = {b"Tj", b"TJ", b"'", b'"', b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"sh", b"INLINE IMAGE"}
# Enough pages to find content in any real form; a hostile file with millions of pages is not walked.
MAX_PAGES_WALKED = 50

# Broken PDFs are the point of these checks: pypdf's warnings about them are not news to the operator.
logging.getLogger("pypdf").setLevel(logging.ERROR)


@dataclass(frozen=True)
class _Pdf:
    pages: int = 0
    marked: int = 0  # pages that draw something (a content stream or an image)
    problem_zh: str = ""
    problem_en: str = ""


def inspect_form(source: Source, limits: FileLimit) -> Report:
    """Check one uploaded signed form against the edition's limits for its slot."""
    loaded = load(source, DECODE_CAP)
    kind = sniff(loaded.data[:16])
    if kind not in limits.kinds or not loaded.complete:
        content = _unchecked(kind, loaded.complete)
        checks = (_format(kind, limits, "", ""), content)
    elif kind == "pdf":
        pdf = _read_pdf(loaded.data)
        checks = (_format(kind, limits, pdf.problem_zh, pdf.problem_en), _pdf_content(pdf))
    else:
        still = jpeg.examine(loaded.data)
        checks = (_format(kind, limits, still.problem_zh, still.problem_en), _jpeg_content(still))
    return Report((*checks, file_size(loaded, limits, NAMES)))


def _format(kind: str, limits: FileLimit, problem_zh: str, problem_en: str) -> Check:
    expected = "/".join(limits.kinds)
    if kind not in limits.kinds:
        zh, en = describe(kind)
        return Check("document_format", "fail", kind, expected,
                     f"{zh}：请上传签字盖章后的表格扫描件或照片（PDF 或 JPEG）",
                     f"{en}: upload the signed and stamped form as a scan or photo (PDF or JPEG)")
    if problem_en:
        return Check("document_format", "fail", kind, expected,
                     f"{problem_zh}：请重新扫描或导出后上传", f"{problem_en}: scan or export it again and upload it")
    return Check("document_format", "pass", kind, expected,
                 f"格式正确：{kind.upper()}", f"the format is right: {kind.upper()}")


def _read_pdf(data: bytes) -> _Pdf:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return _Pdf(problem_zh="PDF 设有打开密码", problem_en="the PDF is protected by a password")
        count = len(reader.pages)
        return _Pdf(count, sum(_draws(reader.pages[i]) for i in range(min(count, MAX_PAGES_WALKED))))
    except Exception:  # noqa: BLE001 - any failure of the parser on hostile bytes means "not readable"
        return _Pdf(problem_zh="PDF 文件损坏或不完整，无法读取", problem_en="the PDF is damaged or incomplete and cannot be read")


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


def _pdf_content(pdf: _Pdf) -> Check:
    measured = {"pages": pdf.pages, "pages_with_content": pdf.marked}
    if pdf.problem_en:
        return _empty(measured, "无法读取 PDF 内容", "the PDF's content cannot be read")
    if pdf.marked == 0:
        return _empty(measured, f"PDF 共 {pdf.pages} 页，没有任何内容", f"the PDF has {pdf.pages} page(s) and nothing on them")
    return Check("document_content", "pass", measured, "≥ 1 page with content",
                 f"内容完整：{pdf.pages} 页", f"the form has content: {pdf.pages} page(s)")


def _jpeg_content(still: jpeg.Still) -> Check:
    measured = {"width": still.width, "height": still.height}
    if not still.ok:
        return _empty(measured, "无法读取图片内容", "the picture's content cannot be read")
    if min(still.width, still.height) < MIN_SCAN_SIDE:
        return _empty(measured, f"图片只有 {still.width}×{still.height} 像素，签字和印章无法辨认",
                      f"the picture is only {still.width}×{still.height} pixels: signatures and stamps cannot be read")
    if still.luma_std < MIN_LUMA_STD:
        return _empty(measured, "图片是一片空白", "the picture is blank")
    return Check("document_content", "pass", measured, "≥ 1 page with content",
                 f"内容完整：{still.width}×{still.height} 像素的图片",
                 f"the form has content: a {still.width}×{still.height} picture")


def _unchecked(kind: str, complete: bool) -> Check:
    if complete:
        return _empty(None, "不是 PDF 或 JPEG 文件，无法检查内容", "not a PDF or JPEG file, so its content cannot be checked")
    return _empty(None, "文件过大，未检查内容", "the file is too large for its content to be checked")


def _empty(measured: object, zh: str, en: str) -> Check:
    return Check("document_content", "fail", measured, "≥ 1 page with content",
                 f"{zh}：请上传填写完整、签字盖章后的表格（扫描件或清晰照片）",
                 f"{en}: upload the completed, signed and stamped form (a scan or a clear photo)")
