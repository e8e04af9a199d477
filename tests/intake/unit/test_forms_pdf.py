"""The two generated forms: 作品申报表 and 著作权声明表."""

import io
import re

import pytest
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
