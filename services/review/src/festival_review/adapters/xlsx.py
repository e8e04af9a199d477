"""The statistics table as an XLSX workbook (openpyxl); the same rows always give the same bytes."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from festival_review.domain.statistics import HEADERS

_NUMERIC = {"序号", "版本"}
_WIDTHS = {"作品编号": 38, "作品名称": 28, "学校": 24, "创作者": 36, "指导教师": 18, "状态": 22}
_EPOCH = datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def workbook_bytes(title: str, as_of: str, rows: list[list[str]]) -> bytes:
    """Title, as-of line, Chinese headers, one row per work; document and zip times fixed for replay."""
    wb = Workbook()
    ws = wb.active
    ws.title = "统计表"
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([f"数据截至：{as_of}" if as_of else "暂无作品"])
    ws.append(HEADERS)
    for cell in ws[3]:
        cell.font, cell.alignment = Font(bold=True), Alignment(horizontal="center")
    for row in rows:
        ws.append([int(v) if h in _NUMERIC else v for h, v in zip(HEADERS, row, strict=True)])
    for index, header in enumerate(HEADERS):
        ws.column_dimensions[chr(ord("A") + index)].width = _WIDTHS.get(header, 12)
    ws.freeze_panes = "A4"
    # openpyxl stamps the wall clock into the document (modified, at save) and the zip entries: pin both.
    wb.properties.created = _EPOCH
    wb.properties.creator = "festival review"
    raw = io.BytesIO()
    wb.save(raw)
    return _normalised(raw.getvalue())


def _normalised(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", body)
            dst.writestr(fixed, body)
    return out.getvalue()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
