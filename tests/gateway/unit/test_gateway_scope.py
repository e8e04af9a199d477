"""Scope rules as pure functions: who reads which work, whose list is narrowed to what, who decides."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from festival_gateway import scope
from festival_gateway.tokens import Claims
from festival_kit.errors import FestivalError


@dataclass(frozen=True)
class Work:
    student_id: str = "stu-1"
    school_id: str = "school-1"
    region_id: str = "region-1"


STUDENT = Claims("stu-1", "student", "school-1", "region-1")
OTHER_STUDENT = Claims("stu-2", "student", "school-1", "region-1")
SCHOOL = Claims("sa-1", "school_admin", "school-1", "region-1")
OTHER_SCHOOL = Claims("sa-2", "school_admin", "school-2", "region-1")
REGION = Claims("ra-1", "region_admin", "", "region-1")
OTHER_REGION = Claims("ra-2", "region_admin", "", "region-2")
PROVINCE, AUDITOR, JUDGE = Claims("pa", "province_admin"), Claims("au", "auditor"), Claims("ju", "judge")


def forbidden(call, *args, **kwargs) -> None:
    with pytest.raises(FestivalError) as caught:
        call(*args, **kwargs)
    assert (caught.value.code, caught.value.status) == ("forbidden", 403)


@pytest.mark.parametrize(("claims", "allowed"), [
    (STUDENT, True), (OTHER_STUDENT, False), (SCHOOL, True), (OTHER_SCHOOL, False), (REGION, True),
    (OTHER_REGION, False), (PROVINCE, True), (AUDITOR, True), (JUDGE, False),
])  # fmt: skip
def test_who_reads_a_work(claims, allowed):
    assert scope.can_read_work(claims, Work()) is allowed


def test_an_empty_scope_never_matches_an_empty_field():
    assert not scope.can_read_work(Claims("sa", "school_admin", "", ""), Work(school_id=""))
    assert not scope.can_read_work(Claims("ra", "region_admin", "", ""), Work(region_id=""))
    assert not scope.can_read_work(Claims("", "student"), Work(student_id=""))


def test_only_the_owning_student_changes_a_work():
    scope.check_own_work(STUDENT, Work())
    for claims in (OTHER_STUDENT, SCHOOL, REGION, PROVINCE):
        forbidden(scope.check_own_work, claims, Work())


def test_list_filters_force_the_callers_scope():
    assert scope.works_filter(STUDENT) == {"student_id": "stu-1", "school_id": "", "region_id": ""}
    assert scope.works_filter(STUDENT, school_id="school-1", region_id="region-1") == {
        "student_id": "stu-1", "school_id": "school-1", "region_id": "region-1"}
    assert scope.works_filter(SCHOOL, region_id="region-1")["school_id"] == "school-1"
    assert scope.works_filter(SCHOOL, student_id="stu-9")["school_id"] == "school-1"
    assert scope.works_filter(REGION, school_id="school-7") == {
        "student_id": "", "school_id": "school-7", "region_id": "region-1"}
    assert scope.works_filter(PROVINCE, region_id="region-2")["region_id"] == "region-2"
    assert scope.works_filter(AUDITOR) == {"student_id": "", "school_id": "", "region_id": ""}


def test_asking_outside_ones_scope_or_being_a_judge_is_forbidden():
    forbidden(scope.works_filter, STUDENT, student_id="stu-2")
    forbidden(scope.works_filter, SCHOOL, school_id="school-2")
    forbidden(scope.works_filter, REGION, region_id="region-2")
    # wider than the scope, where the token names the caller's school and region: refused, not an empty list
    forbidden(scope.works_filter, STUDENT, school_id="school-2")
    forbidden(scope.works_filter, STUDENT, region_id="region-2")
    forbidden(scope.works_filter, SCHOOL, region_id="region-2")
    forbidden(scope.works_filter, Claims("stu-3", "student"), school_id="school-1")
    forbidden(scope.works_filter, JUDGE)
    forbidden(scope.works_filter, Claims("ra", "region_admin", "", ""))


def test_account_lists_and_decisions():
    assert scope.accounts_filter(REGION) == "region-1"
    assert scope.accounts_filter(PROVINCE) == "" and scope.accounts_filter(PROVINCE, "region-2") == "region-2"
    forbidden(scope.accounts_filter, REGION, "region-2")
    assert scope.accounts_filter(SCHOOL) == "region-1"  # the registry narrows it to the school
    forbidden(scope.accounts_filter, SCHOOL, "region-2")
    forbidden(scope.accounts_filter, STUDENT)
