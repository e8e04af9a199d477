"""A role's guide made concrete for an edition: deadlines as people say them, rules filled into the steps."""

from __future__ import annotations

import pytest
import yaml

from festival_events.contracts.registry import EditionRules
from festival_gateway.guide import view
from festival_gateway.guide.pdf import guide_pdf
from festival_gateway.guide.roles import ROLES
from festival_kit.errors import FestivalError
from festival_registry.adapters.edition_file import packaged


@pytest.fixture(scope="module")
def rules() -> dict:
    edition = yaml.safe_load(packaged("11").read_text())
    edition.pop("regions")
    return EditionRules.model_validate(edition).model_dump(mode="json")


def test_deadlines_are_beijing_time_and_a_midnight_end_is_the_days_24_00(rules) -> None:
    said = {name: d.at for name, d in view.deadlines(rules).items()}
    assert said == {
        "window_opens": "2023-06-25 00:00", "window_closes": "2023-07-10 24:00",
        "region_deadline": "2023-07-20 16:00", "judging_opens": "2023-08-01 00:00",
        "judging_closes": "2023-08-31 24:00", "publish_by": "2023-10-31 24:00", "exhibition_by": "2023-11-30 24:00",
    }


def test_a_utc_instant_is_shown_in_the_editions_zone(rules) -> None:
    moved = rules | {"window_closes": "2023-07-10T16:00:00+00:00"}
    assert view.deadlines(moved)["window_closes"].at == "2023-07-10 24:00"


@pytest.mark.parametrize("role", list(ROLES))
def test_every_step_is_filled_in_and_every_role_renders_as_a_pdf(rules, role) -> None:
    guide = view.guide(role, rules)
    assert guide["steps"] and guide["deadlines"] and guide["refusals"]
    for step in guide["steps"]:
        for text in (step["zh"], step["en"]):
            assert "{" not in text.replace("{id}", ""), text
    pdf = guide_pdf(guide)
    assert pdf.startswith(b"%PDF-") and pdf == guide_pdf(view.guide(role, rules))  # deterministic


def test_an_edition_without_judging_or_awards_rules_still_has_a_guide(rules) -> None:
    bare = {k: v for k, v in rules.items() if k not in ("judging", "awards")}
    guide = view.guide("province_admin", bare)
    assert [d.name_en for d in guide["deadlines"]] == ["Region forwarding and statistics table"]
    assert any("—" in s["zh"] for s in guide["steps"])


def test_an_unknown_role_is_refused_with_a_code() -> None:
    with pytest.raises(FestivalError) as refused:
        view.guide("janitor", {})
    assert (refused.value.code, refused.value.status) == ("unknown_guide", 404)
