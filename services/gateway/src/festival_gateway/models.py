"""HTTP request bodies. Bounds here only stop abuse; the festival's rules are checked by the services."""

from __future__ import annotations

from typing import Annotated

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
