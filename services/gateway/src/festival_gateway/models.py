"""HTTP request bodies. Bounds here only stop abuse; the festival's rules are checked by the services."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

# Caps well above any real value: the service gives the precise, rule-based refusal below them.
Name = Annotated[str, Field(max_length=100)]
Text = Annotated[str, Field(max_length=200)]
Id = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginRequest(Body):
    username: str = Field(min_length=1, max_length=64, description="用户名 / username")
    password: str = Field(min_length=1, max_length=128, description="密码 / password")


class StudentSignUp(Body):
    username: str = Field(min_length=1, max_length=64, description="用户名 / username")
    password: str = Field(min_length=1, max_length=128, description="密码 / password")
    display_name: Name = Field(description="姓名 / full name")
    school_id: Id = Field(description="所在学校（须已通过审核）/ the student's school (must be approved)")


class SchoolAdminSignUp(Body):
    username: str = Field(min_length=1, max_length=64, description="用户名 / username")
    password: str = Field(min_length=1, max_length=128, description="密码 / password")
    display_name: Name = Field(description="姓名 / full name")
    region_id: Id = Field(description="学校所在地区 / the school's region")
    school_name: Text = Field(min_length=1, description="学校名称 / school name")


class RegionAdminIssue(Body):
    username: str = Field(min_length=1, max_length=64, description="用户名 / username")
    password: str = Field(min_length=1, max_length=128, description="初始密码 / initial password")
    display_name: Name = Field(description="姓名 / full name")
    region_id: Id = Field(description="负责的地区 / the region they administer")


class JudgeIssue(Body):
    username: str = Field(min_length=1, max_length=64, description="用户名 / username")
    password: str = Field(min_length=1, max_length=128, description="初始密码 / initial password")
    display_name: Name = Field(description="姓名 / full name")
    region_id: str = Field("", max_length=64, pattern=r"^[A-Za-z0-9_.:-]*$",
                           description="所在地区（回避本地区作品）/ region the judge works in (their works are avoided)")
    school_id: str = Field("", max_length=64, pattern=r"^[A-Za-z0-9_.:-]*$",
                           description="所在学校（回避本校作品）/ school the judge works at (its works are avoided)")
    expertise: list[Name] = Field(default_factory=list, max_length=10,
                                  description="专长类别代码（空为全部）/ category codes (empty: every category)")
    declared_persons: list[Name] = Field(default_factory=list, max_length=50,
                                         description="需回避的相识人员姓名（作者或指导教师）/ names of creators or advisors "
                                         "the judge knows (their works are avoided)")


class Decision(Body):
    approve: bool = Field(description="是否通过 / approve (true) or refuse (false)")
    reason: str = Field("", max_length=1000, description="不通过的理由（不通过时必填）/ reason, required to refuse")


class Creator(Body):
    name: Name = Field(description="姓名 / name")
    grade: Name = Field("", description="年级 / grade")
    school: Text = Field("", description="学校 / school")


class Advisor(Body):
    name: Name = Field(description="姓名 / name")
    school: Text = Field("", description="单位 / school or organisation")
    phone: str = Field("", max_length=32, description="联系电话 / phone")


class Draft(Body):
    """作品申报信息 / what a student enters about a work (limits come from the edition's rules)."""

    title: Text = Field(description="作品名称 / title")
    category: Name = Field(description="作品类别代码 / category code, see GET /edition")
    theme: Name = Field(description="作品主题 / theme, see GET /edition")
    synopsis: str = Field("", max_length=5000, description="作品简介 / synopsis")
    creators: list[Creator] = Field(default_factory=list, max_length=50, description="创作者 / creators")
    advisors: list[Advisor] = Field(default_factory=list, max_length=20, description="指导教师 / advisors")
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
