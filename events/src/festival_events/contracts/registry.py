"""Events of the registry service: editions and their phases, regions, schools, accounts."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from festival_events.contracts import Contract
from festival_events.contracts.award_rules import AwardRules
from festival_events.contracts.judging_rules import JudgingRules

Role = Literal["student", "school_admin", "region_admin", "province_admin", "judge", "auditor"]


class Category(BaseModel):
    """A category of work and its duration limit."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    code: str
    name_zh: str
    name_en: str
    max_duration_s: int = Field(gt=0)


class TeamLimits(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    min_creators: int = 1
    max_creators: int
    max_advisors: int


class FileLimit(BaseModel):
    """What one file slot accepts."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    required: bool
    max_bytes: int = Field(gt=0)
    kinds: list[str]
    width: int | None = None
    height: int | None = None


class ConsentTexts(BaseModel):
    """What a student confirms at submit (通知 三.9 originality, 三.10 shared copyright), in a numbered version.

    Changing a text means a new `version`: a submission records the version its student confirmed.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    version: str = Field(min_length=1, max_length=40)
    copyright_zh: str
    copyright_en: str
    originality_zh: str
    originality_en: str


class EditionRules(BaseModel):
    """Everything the notice fixes for one edition, as configuration (dates are aware datetimes).

    `media` holds the film rules: `container`, `resolutions` (a list of {width, height, aspect}),
    `bitrate_kbps` ({min, max, advisory}: advisory means a recommendation, not a refusal).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    code: str
    name_zh: str
    name_en: str
    timezone: str
    categories: list[Category]
    themes: list[str]
    team: TeamLimits
    window_opens: datetime
    window_closes: datetime
    region_deadline: datetime
    files: dict[str, FileLimit]
    media: dict[str, object]
    award_ratios: dict[str, float]
    # Optional so that editions configured before judging existed still read; scoring refuses without it.
    judging: JudgingRules | None = None
    awards: AwardRules | None = None  # likewise: the awards service refuses without it
    consent: ConsentTexts | None = None  # an edition configured without it asks for no confirmation at submit

    @model_validator(mode="after")
    def _moments_in_order(self) -> EditionRules:
        moments = (self.window_opens, self.window_closes, self.region_deadline)
        if any(m.tzinfo is None for m in moments):
            raise ValueError("edition dates must carry a time zone")
        if not self.window_opens < self.window_closes <= self.region_deadline:
            raise ValueError("window_opens < window_closes <= region_deadline must hold")
        if self.judging is not None:
            if self.judging.opens < self.region_deadline:
                raise ValueError("judging opens after the region deadline")
            missing = {c.code for c in self.categories} - set(self.judging.rubrics)
            if missing:
                raise ValueError(f"every category needs a rubric: {sorted(missing)}")
        if self.awards is not None and self.judging is not None and self.awards.publish_by < self.judging.closes:
            raise ValueError("awards are published after judging closes")
        return self

    def category(self, code: str) -> Category | None:
        return next((c for c in self.categories if c.code == code), None)


class EditionConfigured(Contract):
    service: ClassVar[str] = "registry"
    type: ClassVar[str] = "EditionConfigured"
    rules: EditionRules


class _Phase(Contract):
    service: ClassVar[str] = "registry"
    edition: str
    at: datetime


class SubmissionWindowOpened(_Phase):
    type: ClassVar[str] = "SubmissionWindowOpened"


class SubmissionWindowClosed(_Phase):
    type: ClassVar[str] = "SubmissionWindowClosed"


class RegionDeadlinePassed(_Phase):
    type: ClassVar[str] = "RegionDeadlinePassed"


class JudgingOpened(_Phase):
    """The judging window opened (通知 二.第二阶段): rounds can be assigned and sheets scored."""

    type: ClassVar[str] = "JudgingOpened"


class JudgingClosed(_Phase):
    """The judging window closed: no sheet is submitted or amended after it."""

    type: ClassVar[str] = "JudgingClosed"


class RegionRegistered(Contract):
    service: ClassVar[str] = "registry"
    type: ClassVar[str] = "RegionRegistered"
    code: str
    name_zh: str
    name_en: str


class SchoolRegistered(Contract):
    service: ClassVar[str] = "registry"
    type: ClassVar[str] = "SchoolRegistered"
    name: str
    region_id: str


class SchoolApproved(Contract):
    """A school takes part once the region admin approved its first school admin."""

    service: ClassVar[str] = "registry"
    type: ClassVar[str] = "SchoolApproved"
    approved_by: str
    school_admin_id: str


class AccountOpened(Contract):
    """An account; its password hash stays in the registry's store and never reaches the log."""

    service: ClassVar[str] = "registry"
    type: ClassVar[str] = "AccountOpened"
    username: str
    display_name: str
    role: Role
    region_id: str | None = None
    school_id: str | None = None
    active: bool


class JudgeProfileRecorded(Contract):
    """A judge's affiliation, expertise and declared acquaintances: what the conflict rules read.

    The account stays scope-free (a judge reads only assignments); region and school here are where the
    judge works, so that no judge scores a work of their own region or school.
    """

    service: ClassVar[str] = "registry"
    type: ClassVar[str] = "JudgeProfileRecorded"
    region_id: str | None = None
    school_id: str | None = None
    expertise: list[str]
    declared_persons: list[str]


class SchoolAdminApproved(Contract):
    service: ClassVar[str] = "registry"
    type: ClassVar[str] = "SchoolAdminApproved"
    approved_by: str


class SchoolAdminRefused(Contract):
    service: ClassVar[str] = "registry"
    type: ClassVar[str] = "SchoolAdminRefused"
    refused_by: str
    reason: str


class AccountSuspended(Contract):
    """The province suspended an account: it cannot sign in, and tokens of generations before `sessions` are
    refused by the gateway (which follows these events; no call per request)."""

    service: ClassVar[str] = "registry"
    type: ClassVar[str] = "AccountSuspended"
    suspended_by: str
    reason: str
    sessions: int


class AccountReactivated(Contract):
    service: ClassVar[str] = "registry"
    type: ClassVar[str] = "AccountReactivated"
    reactivated_by: str


class PasswordChanged(Contract):
    """A new password (the hash stays in the registry's store): by the person (`reset` false) or set by an admin
    of their scope. Tokens of generations before `sessions` are refused."""

    service: ClassVar[str] = "registry"
    type: ClassVar[str] = "PasswordChanged"
    changed_by: str
    reset: bool
    sessions: int


SESSION_ENDING = ("AccountSuspended", "PasswordChanged")  # events whose `sessions` ends the earlier tokens
