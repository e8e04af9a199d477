"""The region statistics table in Chromium (issue 10): the region admin downloads the table, files exactly the
one shown (a table changed since is refused beside the form), and the province sees the region filed and
downloads the version as filed."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from playwright.sync_api import expect

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parents[1] / "e2e")]
from browser import page_as, shot  # noqa: E402

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_region_files_its_table_and_the_province_sees_it(web_stack, chromium):
    base, accounts, password = web_stack.gateway, web_stack.demo_accounts(), web_stack.demo_password()
    region = page_as(chromium, base, accounts["region_admin"], password)
    region.get_by_role("link", name="统计表").click()
    expect(region.get_by_role("heading", name="地区统计表")).to_be_visible()
    sha = region.locator('input[name="sha256"]').input_value()
    download = region.request.get(base + region.get_by_role("link", name="下载统计表（XLSX）").get_attribute("href"))
    assert download.status == 200 and download.headers["content-type"] == XLSX
    assert hashlib.sha256(download.body()).hexdigest() == sha == download.headers["x-table-sha256"]
    mine = region.locator("table.filings tbody tr")
    expect(mine).to_have_count(1)  # a region admin sees their own region only

    # A table that changed since the page was shown (here: the form carries another hash) is not filed.
    region.locator('input[name="sha256"]').evaluate("(el) => { el.value = '0'.repeat(64); }")
    region.get_by_label("我已下载并核对这份统计表").check()
    region.get_by_role("button", name="上报统计表").click()
    expect(region.locator(".alert[data-code=table_changed]")).to_contain_text("重新下载核对")
    expect(mine.first).to_have_class("not-filed")

    region.get_by_role("button", name="上报统计表").click()  # the required checkbox stops an unchecked post
    assert "filed=1" not in region.url
    region.get_by_label("我已下载并核对这份统计表").check()
    region.get_by_role("button", name="上报统计表").click()
    expect(region.get_by_role("status")).to_contain_text("统计表已上报")
    expect(region.get_by_text("已上报的就是这份统计表")).to_be_visible()
    expect(mine.first).to_have_class("filed")
    shot(region, "70-region-statistics-filed")

    province = page_as(chromium, base, accounts["province_admin"], password)
    province.goto(f"{base}/web/statistics")
    rows = province.locator("table.filings tbody tr")
    assert rows.count() > 1  # every region, filed or not
    filed = province.locator("table.filings tbody tr.filed")
    expect(filed).to_have_count(1)
    as_filed = province.request.get(base + filed.get_by_role("link", name="下载上报的版本").get_attribute("href"))
    assert as_filed.status == 200 and hashlib.sha256(as_filed.body()).hexdigest() == sha
    expect(province.locator('input[name="sha256"]')).to_have_count(0)  # the province files nothing
    shot(province, "71-province-filings")
