"""The two forms a student downloads, signs, has stamped and uploads back: 作品申报表 and 著作权声明表.

Both are drawn from a plain dict describing the draft (see :func:`application_form_pdf`). Every glyph,
Latin included, is set in WenQuanYi Micro Hei (OFL; the TrueType collection of the paperang-p2-fonts-cjk
wheel, the font of the awards certificates), embedded as a subset: a school's printer or a viewer without
Asian fonts prints the form as drawn (the CID font STSong-Light it replaced is never embedded, and showed
as empty squares there). ``FESTIVAL_FORMS_FONT`` names another TrueType file (.ttf, or .ttc with its first
face) to embed instead. The submission id is in every page's footer so an uploaded signed scan can be
matched to its work. Output is deterministic: the same draft gives the same bytes.
"""

from __future__ import annotations

import functools
import io
import os
from pathlib import Path
from xml.sax.saxutils import escape

import paperang_p2_fonts_cjk
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

WIDTH = A4[0] - 40 * mm  # the text column between 20 mm margins
FONT = Path(paperang_p2_fonts_cjk.__file__).parent / "fonts" / "wqy-microhei.ttc"
FACE = "FormsCJK"


@functools.cache
def _font() -> str:
    pdfmetrics.registerFont(TTFont(FACE, os.environ.get("FESTIVAL_FORMS_FONT") or FONT, subfontIndex=0))
    return FACE


def _style(size: float, **kw) -> ParagraphStyle:
    return ParagraphStyle(f"s{size}", fontName=_font(), fontSize=size, leading=size * 1.5, wordWrap="CJK", **kw)


def _p(text: object, size: float = 10.5, **kw) -> Paragraph:
    return Paragraph(escape(str(text or "")).replace("\n", "<br/>"), _style(size, **kw))


# A cell's own font (Helvetica unless set) is selected even for an empty cell, and would be named, not embedded.
_CELLS = [("FONT", (0, 0), (-1, -1), FACE)]


def _grid(rows: list[list], widths: list[float], header: bool = False, split: int = 0) -> Table:
    cells = [[_p(c) if isinstance(c, (str, int)) else c for c in row] for row in rows]
    style = [*_CELLS, ("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")))
    return Table(cells, colWidths=widths, style=TableStyle(style), splitInRow=split, repeatRows=1 if header else 0)


def _heading(text: str) -> list:
    return [Spacer(1, 4 * mm), _p(text, 12), Spacer(1, 1.5 * mm)]


def _details(d: dict) -> Table:
    rows = [
        ["作品编号", d["submission_id"]],
        ["作品名称", d["title"]],
        ["作品类别", d.get("category_zh", "")],
        ["作品主题", d.get("theme", "")],
        ["所属地区", d.get("region", "")],
        ["申报学校", d.get("school", "")],
    ]
    return _grid(rows, [28 * mm, WIDTH - 28 * mm])


def _team(d: dict) -> list:
    creators = [["序号", "姓名", "年级", "学校"]]
    creators += [[i, c["name"], c.get("grade", ""), c.get("school", "")] for i, c in enumerate(d["creators"], 1)]
    advisors = [["序号", "姓名", "学校", "联系电话"]]
    advisors += [[i, a["name"], a.get("school", ""), a.get("phone", "")] for i, a in enumerate(d.get("advisors") or [], 1)]
    if len(advisors) == 1:
        advisors.append(["—", "无", "", ""])
    return [
        *_heading("二、主创团队"),
        _grid(creators, [14 * mm, 36 * mm, 30 * mm, WIDTH - 80 * mm], header=True),
        *_heading("三、指导教师"),
        _grid(advisors, [14 * mm, 36 * mm, WIDTH - 90 * mm, 40 * mm], header=True),
    ]


def _signatures(signers: str) -> list:
    rows = [
        [f"{signers}签名", _p("\n\n\n")],
        ["指导教师签名", _p("\n\n")],
        ["学校盖章", _p("\n\n\n\n（盖章）", 9, alignment=2)],
        ["日期", Table([["", _p("年"), "", _p("月"), "", _p("日")]], colWidths=[24 * mm, 8 * mm] * 3, hAlign="LEFT",
                       style=TableStyle(_CELLS))],
    ]
    return [KeepTogether([*_heading("签名与盖章"), _grid(rows, [34 * mm, WIDTH - 34 * mm])])]


def _check(d: dict) -> dict:
    # The team's limits are the edition's rules, checked by the Submission; a form only needs a creator.
    if not d.get("creators"):
        raise ValueError("a form needs at least one creator")
    return d


def _build(d: dict, form: str, story: list) -> bytes:
    footer = f"{d.get('edition_name', '')}　{form}　作品编号：{d['submission_id']}"

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(_font(), 8.5)
        canvas.drawString(20 * mm, 12 * mm, footer)
        canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=22 * mm,
        title=f"{form} {d['submission_id']}", subject=d.get("edition_name", ""), creator="festival-intake",
        invariant=1, lang="zh-CN", initialFontName=_font(),  # else each page names Helvetica, not embedded
    )
    head = [_p(d.get("edition_name", ""), 11, alignment=TA_CENTER), _p(form, 20, alignment=TA_CENTER), Spacer(1, 3 * mm)]
    doc.build(head + story, onFirstPage=on_page, onLaterPages=on_page)
    return out.getvalue()


def application_form_pdf(draft: dict) -> bytes:
    """作品申报表 as PDF bytes. ``draft`` keys: edition_name, submission_id, title, category_zh, theme,
    synopsis, school, region, creators [{name, grade, school}], advisors [{name, school, phone}]."""
    _check(draft)
    story = [
        *_heading("一、作品信息"),
        _details(draft),
        *_heading("作品简介"),
        _grid([[_p(draft.get("synopsis", ""))]], [WIDTH], split=1),  # may run over pages
        *_team(draft),
        *_signatures("全体创作者"),
    ]
    return _build(draft, "作品申报表", story)


DECLARATION = (
    "我们（本作品的全体主创人员）郑重声明：本作品系主创团队在指导教师指导下亲自创作完成的原创作品，"
    "不存在抄袭、剽窃或其他侵犯他人著作权、版权、肖像权等合法权益的行为；作品中使用的音乐、图片、"
    "影像等素材均已取得合法授权或属于合法使用。如作品涉嫌抄袭或侵权，由主创团队承担全部法律责任，"
    "活动组委会有权取消参评资格及所获奖项，并保留追究学术道德责任的权利。\n"
    "我们同意：凡提交参与的作品，主办单位共享作品的著作权和版权，并拥有出版作品集、公开展映展示、"
    "宣传推介等作品使用权。"
)


def copyright_declaration_pdf(draft: dict) -> bytes:
    """著作权声明表 as PDF bytes, from the same ``draft`` dict as :func:`application_form_pdf`."""
    _check(draft)
    advisors = "、".join(a["name"] for a in draft.get("advisors") or []) or "无"
    rows = [
        ["作品编号", draft["submission_id"]],
        ["作品名称", draft["title"]],
        ["作品类别", draft.get("category_zh", "")],
        ["申报学校", draft.get("school", "")],
        ["主创人员", "、".join(c["name"] for c in draft["creators"])],
        ["指导教师", advisors],
    ]
    story = [
        *_heading("一、作品信息"),
        _grid(rows, [28 * mm, WIDTH - 28 * mm]),
        *_heading("二、声明"),
        _grid([[[_p(par, 11, firstLineIndent=22) for par in DECLARATION.split("\n")]]], [WIDTH]),
        *_signatures("全体主创人员"),
    ]
    return _build(draft, "著作权声明表", story)
