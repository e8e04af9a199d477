"""Signed forms (application form, copyright declaration): a readable PDF or JPEG that is not empty."""

from __future__ import annotations

from dataclasses import dataclass

from festival_decisions.inspection.files import Still, describe, file_size
from festival_decisions.inspection.report import Check
from festival_events.contracts.registry import FileLimit

NAMES = ("表格", "form")
# A signature and a stamp are not legible below this many pixels on the short side of a scan or photo.
MIN_SCAN_SIDE = 300
# A picture whose brightness hardly varies (std in 8-bit levels) is blank paper or a black frame.
MIN_LUMA_STD = 2.0


@dataclass(frozen=True)
class Pdf:
    """What a PDF turned out to be: its pages, how many draw something, or why it cannot be read."""

    pages: int = 0
    marked: int = 0  # pages that draw something (a content stream or an image that is not blank paper)
    problem_zh: str = ""
    problem_en: str = ""


@dataclass(frozen=True)
class FormMeasures:
    """One form as inspected: its kind by content, its size, whether all of it was read, and its content."""

    sniffed: str  # pdf, jpeg, ... (sources.sniff's names)
    size: int
    complete: bool
    pdf: Pdf | None = None  # a whole PDF, parsed
    still: Still | None = None  # any other whole file, read as a JPEG


def form_checks(measured: FormMeasures, limits: FileLimit) -> tuple[Check, ...]:
    """The checks of one uploaded signed form against the edition's limits for its slot."""
    kind = measured.sniffed
    if kind not in limits.kinds or not measured.complete:
        checks = (_format(kind, limits, "", ""), _unchecked(measured.complete))
    elif kind == "pdf":
        pdf = measured.pdf or Pdf()
        checks = (_format(kind, limits, pdf.problem_zh, pdf.problem_en), _pdf_content(pdf))
    else:
        still = measured.still or Still()
        checks = (_format(kind, limits, still.problem_zh, still.problem_en), _jpeg_content(still))
    return (*checks, file_size(measured.size, limits, NAMES))


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


def _pdf_content(pdf: Pdf) -> Check:
    measured = {"pages": pdf.pages, "pages_with_content": pdf.marked}
    if pdf.problem_en:
        return _empty(measured, "无法读取 PDF 内容", "the PDF's content cannot be read")
    if pdf.marked == 0:
        return _empty(measured, f"PDF 共 {pdf.pages} 页，没有任何内容", f"the PDF has {pdf.pages} page(s) and nothing on them")
    return Check("document_content", "pass", measured, "≥ 1 page with content",
                 f"内容完整：{pdf.pages} 页", f"the form has content: {pdf.pages} page(s)")


def _jpeg_content(still: Still) -> Check:
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


def _unchecked(complete: bool) -> Check:
    if complete:
        return _empty(None, "不是 PDF 或 JPEG 文件，无法检查内容", "not a PDF or JPEG file, so its content cannot be checked")
    return _empty(None, "文件过大，未检查内容", "the file is too large for its content to be checked")


def _empty(measured: object, zh: str, en: str) -> Check:
    return Check("document_content", "fail", measured, "≥ 1 page with content",
                 f"{zh}：请上传填写完整、签字盖章后的表格（扫描件或清晰照片）",
                 f"{en}: upload the completed, signed and stamped form (a scan or a clear photo)")
