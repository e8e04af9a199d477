"""The operation guide served by the gateway over the real registry: pages per role, a PDF per role."""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from festival_gateway.guide import catalogue
from festival_gateway.guide.roles import ROLES


def codes_in(page: str) -> set[str]:
    return set(re.findall(r'<span class="code">([^<]+)</span>', page))


async def test_the_index_lists_every_role_and_every_code_the_platform_answers(http) -> None:
    reply = await http.get("/web/guide")
    assert reply.status_code == 200, reply.text
    page = html.unescape(reply.text)
    for role in ROLES.values():
        assert f'href="/web/guide/{role.code}"' in page and f'href="/web/guide/{role.code}.pdf"' in page
    assert codes_in(page) == {e.code for e in catalogue.load()}
    assert len(codes_in(page)) > 100
    # Edition 11's deadlines in Beijing time, ends of days as the notice says them ("7月10日24:00前").
    for said in ("2023-06-25 00:00", "2023-07-10 24:00", "2023-07-20 16:00", "2023-08-31 24:00", "2023-10-31 24:00"):
        assert said in page, said


@pytest.mark.parametrize("role", list(ROLES))
async def test_each_role_has_its_page(http, role) -> None:
    reply = await http.get(f"/web/guide/{role}")
    assert reply.status_code == 200, reply.text
    page = html.unescape(reply.text)
    assert ROLES[role].name_zh in page and ROLES[role].name_en in page
    assert re.findall(r"\{(?!id\})[a-z_]+\}", page) == []  # every rule was filled in ({id} is in API paths)
    assert codes_in(page) <= {e.code for e in catalogue.load()} and "forbidden" in codes_in(page)


async def test_the_student_guide_says_this_editions_rules(http) -> None:
    page = html.unescape((await http.get("/web/guide/student")).text)
    assert "不超过 8 人" in page and "at most 8" in page  # team.max_creators of edition 11
    assert "科学探究纪录片、科学微电影、科普动画" in page
    assert "在 2023-07-10 24:00 前提交" in page
    for code in ("window_closed", "files_missing", "inspection_failed", "username_taken", "csrf_failed"):
        assert code in codes_in(page), code


async def test_an_unknown_role_is_a_404_page_with_its_code(http) -> None:
    for path in ("/web/guide/janitor", "/web/guide/janitor.pdf"):
        reply = await http.get(path)
        assert reply.status_code == 404
        assert "unknown_guide" in reply.text and "没有“janitor”这一角色的操作指南" in html.unescape(reply.text)


@pytest.mark.parametrize("role", list(ROLES))
async def test_each_role_has_a_pdf_with_its_font_embedded(http, role, tmp_path) -> None:
    reply = await http.get(f"/web/guide/{role}.pdf")
    assert reply.status_code == 200 and reply.headers["content-type"] == "application/pdf"
    pdf = reply.content
    assert len(pdf) < 250_000  # a subset of the font, not the 5 MB collection
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert f"{ROLES[role].name_zh}操作指南" in text and "截止时间（北京时间）" in text
    assert "forbidden" in text and "您没有权限进行此操作。" in text
    if shutil.which("pdffonts"):
        (tmp_path / "guide.pdf").write_bytes(pdf)
        listing = subprocess.run(["pdffonts", str(tmp_path / "guide.pdf")], check=True, capture_output=True,
                                 text=True).stdout.splitlines()[2:]
        assert listing and all(row.split()[-5:-3] == ["yes", "yes"] for row in listing), listing


async def test_every_page_links_the_guide(http) -> None:
    assert '<a href="/web/guide">操作指南</a>' in (await http.get("/web/rules")).text
