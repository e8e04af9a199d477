"""Issue 8's pages in Chromium, after a judged season (tests/e2e/judging_season.py): the province computes and
reads the draft with its fragility column, publishes, corrects an award, honours the advisor; a region admin
downloads the exhibition list; the student downloads a certificate; anyone reads the public results and checks
a certificate's code (markup typed into the check is shown as text); the province asks the best work's team for
its source files (附件 四.4), the student uploads them on the work's page and the province downloads them."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parents[1]), str(Path(__file__).parents[1] / "e2e")]
from browser import VIEWPORT, log_in, run_async, shot  # noqa: E402
from judging_season import judged_season  # noqa: E402
from running import start_stack, stop_stack  # noqa: E402


@pytest.fixture
def stack(chromium, tmp_path, port_picker):
    """A stack of its own: the season moves the clock to September."""
    running = start_stack(tmp_path / "var", port_picker())
    yield running
    assert stop_stack(running) == 0


def page_as(chromium, stack, role: str):
    page = chromium.new_context(viewport=VIEWPORT, locale="zh-CN", timezone_id="Asia/Shanghai").new_page()
    log_in(page, stack.gateway, stack.demo_accounts()[role], stack.demo_password())
    return page


@pytest.mark.timeout(900)
def test_awards_in_the_browser(stack, chromium, tmp_path):
    client, works = run_async(judged_season(stack, tmp_path))
    base = stack.gateway
    province = page_as(chromium, stack, "province_admin")

    # Compute each list (its results reach awards through the consumer: try again until they are there).
    province.goto(f"{base}/web/awards")
    for name in ("科学探究纪录片", "科普动画"):
        row = province.locator("tr", has_text=name)
        for _ in range(30):
            row.get_by_role("button").click()
            province.wait_for_load_state()
            if province.locator("tr", has_text=name).get_by_role("link").count():
                break
            province.wait_for_timeout(1000)
            province.goto(f"{base}/web/awards")
        row = province.locator("tr", has_text=name)
        expect(row.first).to_contain_text("草稿")
    shot(province, "40-awards-lists")
    province.get_by_role("link", name="科学探究纪录片").click()
    expect(province.locator("table.list tbody tr")).to_have_count(2)
    expect(province.locator("thead")).to_contain_text("易变")
    shot(province, "41-awards-draft")

    province.goto(f"{base}/web/awards")
    province.get_by_label("公布说明").fill("第11届评奖结果")
    province.get_by_role("button", name="公布").click()
    expect(province.locator("tbody tr", has_text="科学探究纪录片").first).to_contain_text("已公布")

    # A correction from the list's page: the excellent documentary becomes best.
    province.get_by_role("link", name="科学探究纪录片").click()
    excellent = province.locator("tbody tr", has_text="优秀作品奖").first.locator("td").nth(1).inner_text()
    option = province.locator("#work_id option", has_text=excellent).get_attribute("value")
    province.get_by_label("作品").select_option(option)
    province.get_by_label("更正为").select_option("best")
    province.get_by_label("更正理由（必填）").fill("复核后更正 <b>加粗</b>")
    province.get_by_role("button", name="更正").click()
    expect(province.locator("body")).to_contain_text("复核后更正 <b>加粗</b>")  # markup shown as text
    expect(province.locator("tbody tr", has_text=excellent).first).to_contain_text("已更正")
    shot(province, "42-awards-corrected")

    # Honours: a name that advised no best work is refused inline; the advisor of the new best work is honoured.
    province.goto(f"{base}/web/awards/honours")
    province.get_by_label(re.compile("优秀指导教师奖")).check()
    province.get_by_label("姓名（指导教师、组织工作者）").fill("张老师")
    province.get_by_role("button", name="授予").click()
    expect(province.locator(".alert")).to_contain_text("不是任何最佳作品的指导教师")
    province.get_by_label(re.compile("优秀指导教师奖")).check()
    province.get_by_label("姓名（指导教师、组织工作者）").fill("王老师")
    province.get_by_role("button", name="授予").click()
    expect(province.locator("table.list").first).to_contain_text("王老师")
    shot(province, "43-awards-honours")

    # The exhibition: released to the region admin's region, which sees the best work and downloads the ZIP.
    region = page_as(chromium, stack, "region_admin")
    region.goto(f"{base}/web/awards/exhibition")
    expect(region.locator("main")).to_contain_text("尚未发给本地区")
    province.goto(f"{base}/web/awards/exhibition")
    ours = next(w for w in works)  # every work of the season comes from the demo student's region
    region_id = client.get(f"/works/{ours}", headers=_bearer(client, stack, "student")).json()["region_id"]
    province.get_by_label("地区").select_option(region_id)
    province.get_by_role("button", name="发布给该地区").click()
    region.goto(f"{base}/web/awards/exhibition")
    expect(region.locator("tbody tr")).to_have_count(1)
    expect(region.locator("tbody")).to_contain_text(excellent)
    with region.expect_download() as download:
        region.get_by_role("link", name=re.compile("下载名单")).click()
    assert download.value.suggested_filename.endswith(".zip")
    shot(region, "44-exhibition")

    # The student's certificates; one downloaded; its code checked on the public page.
    student = page_as(chromium, stack, "student")
    student.get_by_role("link", name="证书").click()
    expect(student.locator("tbody")).to_contain_text("已作废")  # the corrected award's old certificates
    shot(student, "45-certificates")
    with student.expect_download() as download:
        student.get_by_role("link", name="PDF").first.click()
    assert download.value.suggested_filename.endswith(".pdf")
    code = student.locator("tbody code").first.inner_text()

    source_files(province, student, base, excellent, tmp_path)

    public = chromium.new_context(viewport=VIEWPORT, locale="zh-CN").new_page()
    public.goto(f"{base}/web/certificates/{code}")
    expect(public.locator(".alert").first).to_be_visible()
    shot(public, "46-certificate-check")
    public.goto(f"{base}/web/certificates/check")
    public.get_by_label("输入证书编号").fill("<script>x</script>")
    public.get_by_role("button", name="验证").click()
    expect(public.locator(".alert").first).to_contain_text("没有这个证书编号")
    assert public.locator("script", has_text="x").count() == 0
    public.goto(f"{base}/web/results")
    expect(public.locator("main")).to_contain_text("最佳作品奖")
    expect(public.locator("main")).not_to_contain_text("13800000000")
    shot(public, "47-public-results")


def _bearer(client, stack, role: str) -> dict:
    token = client.post("/auth/login", json={"username": stack.demo_accounts()[role],
                                             "password": stack.demo_password()}).json()["token"]
    return {"Authorization": f"Bearer {token}"}


def source_files(province, student, base: str, title: str, tmp_path: Path) -> None:
    """附件 四.4 in the browser: asked, refused for a past deadline, uploaded in any format, downloaded."""
    province.goto(f"{base}/web/awards/sources")
    expect(province.locator("main")).to_contain_text("尚未要求")
    option = province.locator("#work_id option", has_text=title).get_attribute("value")
    province.get_by_label("获奖作品").select_option(option)
    province.get_by_label("提交期限（北京时间）").fill("2020-01-01T12:00")
    province.get_by_role("button", name="要求提交源文件").click()
    expect(province.locator(".alert")).to_contain_text("须晚于现在")
    province.get_by_label("获奖作品").select_option(option)
    province.get_by_label("提交期限（北京时间）").fill("2030-01-15T18:00")
    province.get_by_label(re.compile("给作者的说明")).fill("请把工程文件打包上传")
    province.get_by_role("button", name="要求提交源文件").click()
    expect(province.locator(".ok")).to_contain_text("已通知作者")
    expect(province.locator("tbody")).to_contain_text("已要求，待上传")
    expect(province.locator("tbody")).to_contain_text("2030-01-15 18:00")

    student.goto(f"{base}/web/works/{option}")
    for _ in range(30):  # intake opens the slot when it hears the request
        if student.locator("article.slot[data-slot=source]").count():
            break
        student.wait_for_timeout(1000)
        student.reload()
    expect(student.locator(".source-request")).to_contain_text("请把工程文件打包上传")
    archive = tmp_path / "源文件.7z"
    archive.write_bytes(b"7z\xbc\xaf\x27\x1c" + bytes(range(256)) * 40)  # a format no other slot takes
    card = student.locator("article.slot[data-slot=source]")
    card.get_by_label(re.compile("选择文件")).set_input_files(str(archive))
    card.get_by_role("button", name="上传").click()
    expect(card.locator(".held")).to_contain_text("源文件.7z", timeout=60_000)
    shot(student, "48-source-uploaded")

    for _ in range(30):  # awards hears intake's confirmation
        province.goto(f"{base}/web/awards/sources")
        if province.locator("tbody", has_text="已上传").count():
            break
        province.wait_for_timeout(1000)
    shot(province, "49-source-files")
    link = province.get_by_role("link", name="源文件.7z")
    fetched = province.request.get(f"{base}{link.get_attribute('href')}")
    assert fetched.status == 200 and fetched.body() == archive.read_bytes()
