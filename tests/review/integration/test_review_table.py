"""The region statistics table (统计表): XLSX from the log, filed before the deadline, seen by the province."""

from __future__ import annotations

import io

import openpyxl
import pytest

from festival_kit.errors import FestivalError
from festival_review.adapters.xlsx import sha256
from festival_review.domain.statistics import HEADERS
from review_support import play


def sheet(data: bytes) -> list[tuple]:
    return list(openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))


def test_the_table_lists_the_regions_works_in_chinese(app, feed, log, who) -> None:
    s = play(app, feed, log, who)
    name, data, works = app.region_table(who("ra-cc"), "region-cc")
    rows = sheet(data)
    assert name == "jl-11-长春市-统计表.xlsx" and works == 3
    assert rows[0][0] == "第11届吉林省青少年科学影像节　长春市参与信息统计表"
    assert rows[1][0].startswith("数据截至：")
    assert list(rows[2]) == HEADERS
    body = {r[1]: r for r in rows[3:]}
    assert set(body) == {s.returned_then_qualified, s.disqualified, s.left_at_region}
    first = body[s.returned_then_qualified]
    assert first[2:] == ("教室里的电去哪儿了（修改版）", "科学探究纪录片", "节能减排", "长春市第一实验中学",
                         "张小明（初二）", "王丽", 2, "资格审查通过", "未检查")
    assert body[s.disqualified][3] == "科普动画" and body[s.disqualified][9] == "不予评审"
    assert body[s.left_at_region][5] == "长春市第二中学" and body[s.left_at_region][9] == "未按期上报，已关闭"
    assert sorted(r[0] for r in rows[3:]) == [1, 2, 3]
    # The same log gives the same bytes.
    assert app.region_table(who("pa"), "region-cc")[1] == data


def test_the_table_as_filed_is_the_one_whose_hash_was_recorded(app, feed, log, who) -> None:
    play(app, feed, log, who)
    filed = next(e for _, e in app.envelopes(0, 10_000) if e.type == "RegionTableFiled")
    _, as_filed, works = app.region_table(who("pa"), "region-cc", as_filed=True)
    assert sha256(as_filed) == filed.payload["sha256"] and works == filed.payload["works"] == 3
    assert {r[9] for r in sheet(as_filed)[3:]} == {"已报送省级，待资格审查", "待地区审核"}
    with pytest.raises(FestivalError) as caught:
        app.region_table(who("pa"), "region-jl", as_filed=True)
    assert caught.value.code == "not_found"


def test_the_province_sees_which_regions_filed(app, feed, log, who) -> None:
    play(app, feed, log, who)
    view, regions = app.region_filings(who("pa"))
    assert view.edition == "jl-11"
    by_region = {r["region_id"]: r for r in regions}
    assert by_region["region-cc"]["last"]["by"] == "ra-cc" and by_region["region-cc"]["times_filed"] == 1
    assert by_region["region-jl"]["last"] is None and by_region["region-jl"]["region_name"] == "吉林市"
    assert [r["region_id"] for r in app.region_filings(who("ra-jl"))[1]] == ["region-jl"]


def test_filing_checks_the_region_and_the_table_the_admin_saw(app, feed, log, who) -> None:
    feed(app, log.submitted("t-1"))
    _, before, _ = app.region_table(who("ra-cc"), "region-cc")
    app.school_forward(who("sa-a"), "t-1")  # the table changes under the admin's eyes
    for cause, region, code in [(who("ra-jl"), "region-cc", "wrong_region"), (who("sa-a"), "region-cc", "forbidden"),
                                (who("student-1"), "region-cc", "forbidden")]:
        with pytest.raises(FestivalError) as caught:
            app.file_region_table(cause, region)
        assert caught.value.code == code
    with pytest.raises(FestivalError) as caught:
        app.file_region_table(who("ra-cc"), "region-cc", sha256=sha256(before))
    assert caught.value.code == "table_changed"
    _, now, _ = app.region_table(who("ra-cc"), "region-cc")
    table = app.file_region_table(who("ra-cc"), "region-cc", sha256=sha256(now))
    assert table.last["sha256"] == sha256(now)
    for cause, region in [(who("ra-jl"), "region-cc"), (who("sa-a"), "region-cc")]:
        with pytest.raises(FestivalError):
            app.region_table(cause, region)
