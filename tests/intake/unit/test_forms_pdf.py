"""The two generated forms: 作品申报表 and 著作权声明表."""

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import reportlab
from pypdf import PdfReader

from festival_intake.adapters.forms import application_form_pdf, copyright_declaration_pdf

SYNOPSIS = (
    "本片记录了我们小组对校园用电情况的调查。我们在三个月内测量了教室、食堂和宿舍的用电量，发现照明和空调是"
    "主要的耗电来源。通过更换节能灯、设置空调温度和张贴提醒标语，我们帮助学校每月节约了约百分之十五的电能。"
)


def draft(**changes) -> dict:
    d = {
        "edition_name": "第11届吉林省青少年科学影像节",
        "submission_id": "SUB-2023-000123",
        "title": "教室里的电去哪儿了",
        "category_zh": "科学探究纪录片",
        "theme": "节能减排",
        "synopsis": (SYNOPSIS * 6)[:500],
        "school": "长春市第一实验中学",
        "region": "长春市",
        "creators": [
            {"name": "张小明", "grade": "初二", "school": "长春市第一实验中学"},
            {"name": "李华", "grade": "初二", "school": "长春市第一实验中学"},
        ],
        "advisors": [{"name": "王丽", "school": "长春市第一实验中学", "phone": "13800000000"}],
    }
    d.update(changes)
    return d


def text_of(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


FORMS = [(application_form_pdf, "作品申报表"), (copyright_declaration_pdf, "著作权声明表")]


@pytest.mark.parametrize(("make", "name"), FORMS)
def test_form_is_a_pdf_with_the_draft_in_it(make, name) -> None:
    pdf = make(draft())
    assert pdf.startswith(b"%PDF-")
    pages, text = text_of(pdf)
    assert pages >= 1
    for needle in (name, "教室里的电去哪儿了", "张小明", "李华", "王丽", "SUB-2023-000123", "签名", "学校盖章", "日期"):
        assert needle in flat(text), needle


def test_application_form_has_every_field() -> None:
    _, text = text_of(application_form_pdf(draft()))
    for needle in ("科学探究纪录片", "节能减排", "长春市第一实验中学", "长春市", "初二", "13800000000", SYNOPSIS[:40]):
        assert needle in flat(text), needle


def test_declaration_states_originality_and_shared_copyright() -> None:
    _, text = text_of(copyright_declaration_pdf(draft()))
    for needle in ("原创", "亲自创作", "侵犯", "共享作品的著作权和版权", "出版作品集", "公开展映展示", "宣传推介"):
        assert needle in flat(text), needle


@pytest.mark.parametrize(("make", "name"), FORMS)
def test_submission_id_is_in_every_page_footer(make, name) -> None:
    pdf = make(draft(synopsis=SYNOPSIS * 40))
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        assert "SUB-2023-000123" in page.extract_text()


def test_long_synopsis_is_wrapped_over_pages() -> None:
    long = (SYNOPSIS * 20)[:1000]
    pages, text = text_of(application_form_pdf(draft(synopsis=long)))
    assert pages >= 1
    assert long in flat(text)  # nothing lost
    lines = [line for line in text.splitlines() if line.strip()]
    assert max(len(line) for line in lines) < 80  # wrapped, not one endless line
    pages, text = text_of(application_form_pdf(draft(synopsis=SYNOPSIS * 60)))  # ~5,700 characters
    body = re.sub(r"第11届吉林省青少年科学影像节作品申报表作品编号：SUB-2023-000123第\d+页", "", flat(text))
    assert pages >= 3 and (SYNOPSIS * 60) in body  # split over pages, footers aside


def test_a_whole_team_and_no_advisor() -> None:
    eight = [{"name": f"学生{i}", "grade": "高一", "school": "吉林市第一中学"} for i in range(1, 9)]
    _, text = text_of(application_form_pdf(draft(creators=eight, advisors=[])))
    assert all(f"学生{i}" in flat(text) for i in range(1, 9))
    _, text = text_of(copyright_declaration_pdf(draft(advisors=[])))
    assert "指导教师无" in flat(text)
    for make, _ in FORMS:
        with pytest.raises(ValueError):
            make(draft(creators=[]))


def test_markup_in_user_text_is_printed_not_interpreted() -> None:
    _, text = text_of(application_form_pdf(draft(title="<b>水 & 电</b>", synopsis="a < b\n第二段")))
    assert "<b>水&电</b>" in flat(text) and "a<b" in flat(text)


@pytest.mark.parametrize(("make", "name"), FORMS)
def test_same_draft_same_bytes(make, name) -> None:
    assert make(draft()) == make(draft())


def fonts_of(pdf: bytes, tmp_path) -> list[list[str]]:
    """pdffonts' table: one row per font, its columns split on blanks (name, type…, emb, sub, uni, id)."""
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


needs_pdffonts = pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils (pdffonts) not installed")
ENTERED = {"title": "龙潭山的鸟类观察", "school": "吉林市龚家堡中学", "names": ["欧阳晓燕", "龚燚", "尹鑫淼"]}


def entered() -> dict:
    team = [{"name": n, "grade": "初三", "school": ENTERED["school"]} for n in ENTERED["names"]]
    return draft(title=ENTERED["title"], school=ENTERED["school"], creators=team, advisors=[])


@needs_pdffonts
@pytest.mark.parametrize(("make", "name"), FORMS)
def test_every_font_is_embedded_so_any_viewer_prints_the_chinese(make, name, tmp_path) -> None:
    rows = fonts_of(make(entered()), tmp_path)
    assert rows, "no fonts at all"
    for row in rows:
        emb, sub = row[-5], row[-4]
        assert (emb, sub) == ("yes", "yes"), row  # embedded, and as a subset
        assert "WenQuanYiMicroHei" in row[0], row


def after(lines: list[str], label: str) -> str:
    return lines[lines.index(label) + 1]


def test_the_chinese_entered_is_the_text_read_back() -> None:
    # Each cell is extracted as its own line: a value must come back whole, character for character.
    lines = [line.strip() for line in text_of(application_form_pdf(entered()))[1].splitlines()]
    assert (after(lines, "作品名称"), after(lines, "申报学校")) == (ENTERED["title"], ENTERED["school"])
    assert [after(lines, str(i)) for i in (1, 2, 3)] == ENTERED["names"]
    lines = [line.strip() for line in text_of(copyright_declaration_pdf(entered()))[1].splitlines()]
    assert (after(lines, "作品名称"), after(lines, "申报学校")) == (ENTERED["title"], ENTERED["school"])
    assert after(lines, "主创人员") == "、".join(ENTERED["names"])


def test_a_form_of_a_few_pages_stays_small() -> None:
    # The font collection is about 5 MB; only the glyphs used are embedded.
    assert len(application_form_pdf(draft())) < 120_000
    assert len(copyright_declaration_pdf(draft())) < 120_000


MAKE_FORM = "import sys; from festival_intake.adapters.forms import application_form_pdf as f; sys.stdout.buffer.write(f({}))"


@needs_pdffonts
def test_festival_forms_font_embeds_another_truetype_file(tmp_path) -> None:
    # In a process of its own: the font is chosen once per process, at the first form.
    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    code = MAKE_FORM.format(repr(draft(title="Where does the power go")))
    env = {**os.environ, "FESTIVAL_FORMS_FONT": str(vera)}
    pdf = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True).stdout
    rows = fonts_of(pdf, tmp_path)
    assert [row[0].split("+")[-1] for row in rows] == ["BitstreamVeraSans-Roman"] * len(rows)
    assert all(row[-5] == "yes" for row in rows)
