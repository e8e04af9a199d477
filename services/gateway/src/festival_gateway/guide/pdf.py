"""A role's guide as a PDF: A4, Chinese first with the English beneath, the same content as its page.

Every glyph is set in WenQuanYi Micro Hei (OFL; the paperang-p2-fonts-cjk wheel, the font of the forms and
certificates), embedded as a subset, so a school's printer prints it whatever fonts it has. Deterministic:
the same guide gives the same bytes.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path
from xml.sax.saxutils import escape

import paperang_p2_fonts_cjk
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT = Path(paperang_p2_fonts_cjk.__file__).parent / "fonts" / "wqy-microhei.ttc"
FACE = "GuideCJK"
WIDTH = A4[0] - 36 * mm
GREY = colors.HexColor("#555555")


@functools.cache
def _font() -> str:
    pdfmetrics.registerFont(TTFont(FACE, FONT, subfontIndex=0))
    return FACE


def _p(text: object, size: float = 10, colour=colors.black, indent: float = 0) -> Paragraph:
    style = ParagraphStyle(f"g{size}{colour}{indent}", fontName=_font(), fontSize=size, leading=size * 1.45,
                           wordWrap="CJK", textColor=colour, leftIndent=indent)
    return Paragraph(escape(str(text)), style)


def _both(zh: str, en: str, size: float = 10, indent: float = 0) -> list:
    return [_p(zh, size, indent=indent), _p(en, size - 1.5, GREY, indent), Spacer(1, 1.5 * mm)]


def _table(rows: list[list], widths: list[float], header: bool = True) -> Table:
    style = [("FONT", (0, 0), (-1, -1), FACE), ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")))
    return Table(rows, colWidths=widths, style=TableStyle(style), repeatRows=1 if header else 0)


def _deadlines(guide: dict) -> list:
    rows = [[[_p(d.name_zh, 9.5), _p(d.name_en, 8, GREY)], _p(d.at, 9.5)] for d in guide["deadlines"]]
    return [_table(rows, [WIDTH - 45 * mm, 45 * mm], header=False)] if rows else []


def _steps(guide: dict) -> list:
    story = []
    for n, s in enumerate(guide["steps"], 1):
        story += _both(f"{n}. {s['step'].title_zh}", s["step"].title_en, 11.5)
        story += _both(s["zh"], s["en"], 9.5, indent=4 * mm)
        where = " · ".join(x for x in (s["step"].where, s["step"].notice_ref) if x)
        if where:
            story += [_p(where, 8, GREY, 4 * mm), Spacer(1, 2 * mm)]
    return story


def _errors(guide: dict) -> Table:
    rows = [[_p("代码 Code", 8.5), _p("HTTP", 8.5), _p("说明", 8.5), _p("Message", 8.5)]]
    for r in guide["refusals"]:
        for i, (zh, en) in enumerate(r.messages):
            rows.append([_p(r.code if i == 0 else "", 7.5), _p(r.status if i == 0 else "", 7.5), _p(zh, 7.5),
                         _p(en, 7.5)])
    return _table(rows, [34 * mm, 14 * mm, (WIDTH - 48 * mm) / 2, (WIDTH - 48 * mm) / 2])


def guide_pdf(guide: dict) -> bytes:
    """One role's guide (see view.guide) as PDF bytes."""
    role = guide["role"]
    footer = f"{guide['edition_zh']}　{role.name_zh}操作指南 / {role.name_en} guide"

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(_font(), 8)
        canvas.drawString(18 * mm, 10 * mm, footer)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"第 {doc.page} 页 / page {doc.page}")
        canvas.restoreState()

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=18 * mm, title=f"{role.name_zh}操作指南 / {role.name_en} guide",
                            subject=guide["edition_zh"], creator="festival-gateway", invariant=1, lang="zh-CN",
                            initialFontName=_font())
    story = [*_both(guide["edition_zh"], guide["edition_en"], 10),
             *_both(f"{role.name_zh}操作指南", f"{role.name_en} guide", 20), *_both(role.who_zh, role.who_en),
             *_both("截止时间（北京时间）", "Deadlines (Beijing time)", 13), *_deadlines(guide), Spacer(1, 3 * mm),
             *_both("操作步骤", "Steps", 13), *_steps(guide),
             *_both("错误提示及处理", "What each error means", 13),
             *_both("操作被拒绝时会显示下列代码和说明；操作未生效，按说明处理后重试即可。“…”为按具体情况填入的内容。",
                    "A refused action shows one of these codes; nothing was changed: do what it says and try again. "
                    "“…” is filled in for the case at hand.", 9), _errors(guide)]
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return out.getvalue()
