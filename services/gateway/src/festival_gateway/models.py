"""HTTP request bodies, and the published schema of each: the limits the services enforce.

A text field's schema states the service's rule (its length, its pattern), while the gateway itself only caps it
well above that: the service refuses what breaks its rule with its own code and a message that names the field
(作品名称, 联系电话), which the web pages show beside the form. What no schema can say stays the services' too
(422 with its code): the edition's categories, themes and team sizes, common passwords, and names the registry
folds (NFKC) or finds Unicode format or unassigned characters in. The services trim texts, so "some text" is a
character that is not space.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


def told(cap: int, description: str = "", **rule: object) -> Any:
    """A text the gateway caps at `cap` characters, published with the service's `rule` (JSON-schema keywords)."""
    return Field(max_length=cap, description=description or None, json_schema_extra=rule)


# Some text and no control character; a reason may break lines.
_PLAIN = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
_REASON = r"[^\x00-\x09\x0b-\x1f\x7f-\x9f]"
_SOME = r"\S"
# The registry's rules (festival_registry.domain.validation).
Username = Annotated[str, Field(min_length=1), told(
    64, "用户名（3 至 32 位字母、数字、下划线、点或连字符，不区分大小写）/ username: 3 to 32 letters, digits, '_', '.' "
    "or '-' (case does not matter)", minLength=3, maxLength=32, pattern=r"^[A-Za-z0-9_.-]+$")]
DisplayName = Annotated[str, told(100, "姓名（1 至 40 个字符）/ full name", maxLength=40, pattern=_PLAIN)]
SchoolName = Annotated[str, told(200, "学校名称（1 至 60 个字符）/ school name", maxLength=60, pattern=_PLAIN)]
Reason = Annotated[str, told(1000, maxLength=500, pattern=rf"^{_REASON}*[^\s\x00-\x1f\x7f-\x9f]{_REASON}*$")]
OptionalReason = Annotated[str, told(1000, maxLength=500, pattern=rf"^{_REASON}*$")]
# The entry form's field sizes (festival_intake.domain.draft).
Title = Annotated[str, told(200, "作品名称（1 至 100 个字）/ title (1 to 100 characters)", maxLength=100,
                            pattern=_SOME)]
PersonName = Annotated[str, told(100, "姓名（1 至 20 个字）/ name (1 to 20 characters)", maxLength=20, pattern=_SOME)]
Text = Annotated[str, told(200, maxLength=100, pattern=_SOME)]
Phone = Annotated[str, told(32, "联系电话（5 至 20 位数字，可含 + 或 -）/ phone: 5 to 20 digits, '+' or '-'",
                            pattern=r"^[0-9+-]{5,20}$")]
Id = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
OptionalId = Annotated[str, Field(max_length=64, pattern=r"^[A-Za-z0-9_.:-]*$")]
# A category code or a theme: the edition's own (GET /edition), which intake and registry check.
EditionValue = Annotated[str, Field(min_length=1, max_length=100)]
# A new password: the registry also refuses the commonest ones and one containing the username (weak_password).
NewPassword = Annotated[str, Field(min_length=10, max_length=128, description="密码（10 至 128 个字符）/ "
                                   "password (10 to 128 characters)")]


class Body(BaseModel):
    """A request body: no unknown fields, and a boolean is JSON's true or false (lax validation would take 0 or
    "yes" for one). Strict validation throughout would refuse 3.0 for an integer, which JSON Schema allows."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _booleans_are_booleans(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for name, field in cls.model_fields.items():
                if field.annotation is bool and name in data and not isinstance(data[name], bool):
                    raise ValueError(f"{name} must be true or false")
        return data


class LoginRequest(Body):
    username: str = Field(min_length=1, max_length=64, description="用户名 / username")
    password: str = Field(min_length=1, max_length=128, description="密码 / password")


class StudentSignUp(Body):
    username: Username
    password: NewPassword
    display_name: DisplayName
    school_id: Id = Field(description="所在学校（须已通过审核）/ the student's school (must be approved)")


class SchoolAdminSignUp(Body):
    username: Username
    password: NewPassword
    display_name: DisplayName
    region_id: Id = Field(description="学校所在地区 / the school's region")
    school_name: SchoolName


class RegionAdminIssue(Body):
    username: Username
    password: NewPassword
    display_name: DisplayName
    region_id: Id = Field(description="负责的地区 / the region they administer")


class JudgeIssue(Body):
    username: Username
    password: NewPassword
    display_name: DisplayName
    region_id: OptionalId = Field("", description="所在地区（回避本地区作品）/ region the judge works in (their works "
                                  "are avoided)")
    school_id: OptionalId = Field("", description="所在学校（回避本校作品）/ school the judge works at (its works are "
                                  "avoided)")
    expertise: list[EditionValue] = Field(default_factory=list, max_length=10,
                                          description="专长类别代码（空为全部）/ category codes (empty: every category)")
    declared_persons: list[DisplayName] = Field(default_factory=list, max_length=50,
                                         description="需回避的相识人员姓名（作者或指导教师）/ names of creators or advisors "
                                         "the judge knows (their works are avoided)")


class Decision(Body):
    approve: bool = Field(description="是否通过 / approve (true) or refuse (false)")
    reason: OptionalReason = Field("", description="不通过的理由（不通过时必填）/ reason, required to refuse")


class Suspension(Body):
    reason: Reason = Field(description="停用理由 / why the account is suspended")


class PasswordChange(Body):
    current_password: str = Field(min_length=1, max_length=128, description="当前密码 / the current password")
    new_password: NewPassword


class PasswordReset(Body):
    new_password: NewPassword


class Creator(Body):
    name: PersonName
    grade: Text = Field(description="年级 / grade")
    school: Text = Field(description="学校 / school")


class Advisor(Body):
    name: PersonName
    school: Text = Field(description="单位 / school or organisation")
    phone: Phone


class Draft(Body):
    """作品申报信息 / what a student enters about a work (limits come from the edition's rules)."""

    title: Title
    category: EditionValue = Field(description="作品类别代码 / category code, see GET /edition")
    theme: EditionValue = Field(description="作品主题 / theme, see GET /edition")
    synopsis: str = Field("", max_length=2000, description="作品简介（不超过 2000 个字）/ synopsis (2000 characters "
                          "at most)")
    creators: list[Creator] = Field(default_factory=list, max_length=50, description="创作者（人数见 GET /edition 的 "
                                    "team）/ creators (as many as rules.team of GET /edition allows)")
    advisors: list[Advisor] = Field(default_factory=list, max_length=20, description="指导教师（人数见 GET /edition "
                                    "的 team）/ advisors (as many as rules.team allows)")
    voice_over: Literal["", "mandarin", "dialect", "minority", "none"] = Field(
        "", description="配音语言：普通话 / 方言 / 少数民族语言 / 无配音；提交前必填 / voice-over language, "
        "required before submitting (附件 四.3)")
    subtitles: Literal["", "burned_in", "track", "none"] = Field(
        "", description="字幕：压制在画面上 / 字幕轨道 / 无；方言或少数民族语言配音须有字幕 / subtitles: burned in, "
        "a track or none; a dialect or minority-language voice-over needs them")


class SubmitRequest(Body):
    """提交时的确认 / what a student confirms at submit (通知 三.9, 三.10): the texts of GET /edition `consent`."""

    consent_version: str = Field("", max_length=40, description="所确认承诺的版本 / the consent texts' version")
    copyright: bool = Field(False, description="同意与主办单位共享著作权和版权 / shares the copyright")
    originality: bool = Field(False, description="承诺作品原创 / answers for the work's originality")


class UploadRequest(Body):
    filename: str = Field(min_length=1, max_length=255, description="文件名 / file name")
    size: int = Field(gt=0, le=1 << 40, description="文件大小（字节）/ size in bytes")


class CompletedPart(Body):
    part_number: int = Field(ge=1, le=10000, description="分片序号 / part number")
    etag: str = Field(min_length=1, max_length=200, description="对象存储返回的 ETag / ETag from storage")


class ConfirmRequest(Body):
    parts: list[CompletedPart] = Field(
        default_factory=list, max_length=10000, description="分片上传时各分片的 ETag / multipart ETags"
    )
