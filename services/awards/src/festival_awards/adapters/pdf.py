"""A certificate as a one-page landscape A4 PDF (通知 四.6): Chinese first with an English line below, the
verification code and a QR code of the public verification URL.

Chinese is set in WenQuanYi Micro Hei (OFL; the TrueType collection of the paperang-p2-fonts-cjk wheel),
embedded as a subset so every viewer shows it and the file stays small. It is TrueType on purpose: fpdf2
embeds CFF fonts (Noto's .otf) with an encoding stream that pypdf cannot read back, while a TrueType subset
is written as Identity-H with a ToUnicode map, so the names can be extracted again.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

import paperang_p2_fonts_cjk
import segno
from fpdf import FPDF

from festival_kit import clock

FONT = Path(paperang_p2_fonts_cjk.__file__).parent / "fonts" / "wqy-microhei.ttc"
RED, GOLD, INK = (166, 28, 36), (184, 142, 52), (40, 40, 40)


def _date(at: datetime) -> tuple[str, str]:
    local = at.astimezone(clock.SHANGHAI)
    return f"{local.year}年{local.month}月{local.day}日", local.strftime("%d %B %Y")


def certificate_pdf(c: dict, verify_url: str) -> bytes:
    """One certificate; `c` holds what the certificate states (see the Certificate message)."""
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creator("festival-awards")
    pdf.set_title(f"{c['award_name_zh']} {c['code']}")
    pdf.set_creation_date(c["awarded_at"])
    pdf.add_page()
    pdf.add_font("serif", fname=str(FONT), collection_font_number=0)
    _frame(pdf)
    _centred(pdf, 30, "荣 誉 证 书", 40, RED)
    _centred(pdf, 50, "CERTIFICATE OF HONOUR", 13, GOLD)
    _centred(pdf, 68, "、".join(c["names"]), 24, INK)
    _centred(pdf, 84, _statement_zh(c), 14, INK)
    _centred(pdf, 104, c["award_name_zh"], 32, RED)
    _centred(pdf, 122, _statement_en(c), 11, INK)
    _centred(pdf, 130, c["award_name_en"], 13, INK)
    where = " · ".join(x for x in (c["school_name"], c["region_name"]) if x)
    if where:
        _centred(pdf, 142, where, 11, INK)
    zh_date, en_date = _date(c["awarded_at"])
    pdf.set_font("serif", size=12)
    pdf.set_text_color(*INK)
    pdf.set_xy(170, 160)
    pdf.cell(90, 8, f"{c['edition_name_zh']}组委会", align="C")
    pdf.set_xy(170, 168)
    pdf.cell(90, 8, f"{zh_date} / {en_date}", align="C")
    _qr(pdf, verify_url, c["code"])
    return bytes(pdf.output())


def _frame(pdf: FPDF) -> None:
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(2.2)
    pdf.rect(10, 10, 277, 190)
    pdf.set_line_width(0.6)
    pdf.rect(15, 15, 267, 180)


def _centred(pdf: FPDF, y: float, text: str, size: float, colour: tuple[int, int, int]) -> None:
    """One centred line; a long title or list of names is set smaller rather than running off the page."""
    pdf.set_font("serif", size=size)
    while size > 7 and pdf.get_string_width(text) > 250:
        size -= 0.5
        pdf.set_font("serif", size=size)
    pdf.set_text_color(*colour)
    pdf.set_xy(20, y)
    pdf.cell(257, size * 0.5, text, align="C")


def _statement_zh(c: dict) -> str:
    if c["kind"] == "work":
        return f"在{c['edition_name_zh']}中，作品《{c['work_title']}》荣获"
    if c["kind"] == "advisor":
        return f"在{c['edition_name_zh']}中，指导的作品《{c['work_title']}》获最佳作品奖，特授予"
    return f"在{c['edition_name_zh']}组织工作中成绩突出，特授予"


def _statement_en(c: dict) -> str:
    if c["kind"] == "work":
        return f"The work \u201c{c['work_title']}\u201d of the {c['edition_name_en']} is awarded the"
    if c["kind"] == "advisor":
        return f"For advising a Best Work of the {c['edition_name_en']}:"
    return f"For outstanding organising work in the {c['edition_name_en']}:"


def _qr(pdf: FPDF, url: str, code: str) -> None:
    png = io.BytesIO()
    segno.make(url, error="m").save(png, kind="png", scale=8, border=2)
    png.seek(0)
    pdf.image(png, x=30, y=150, w=32, h=32)
    pdf.set_font("serif", size=9)
    pdf.set_text_color(*INK)
    pdf.set_xy(66, 160)
    pdf.cell(90, 5, f"证书编号 / Certificate code: {code}")
    pdf.set_xy(66, 166)
    pdf.cell(90, 5, "扫码或访问以下地址验证 / Scan or visit to verify:")
    pdf.set_xy(66, 172)
    pdf.cell(90, 5, url)


def certificates_zip(documents: list[tuple[str, bytes]]) -> bytes:
    """(filename, pdf) pairs in one ZIP, in the order given."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in documents:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2023, 1, 1, 0, 0, 0)), content)
    return out.getvalue()
