"""The refusals a student can meet while drafting and submitting, each with a stable code. Pure."""

from __future__ import annotations

from festival_intake.domain.uploads import slot_name
from festival_kit.errors import FestivalError


def check_window(window_open: bool) -> None:
    if not window_open:
        raise FestivalError("window_closed", "当前不在作品申报期内，不能创建、修改或提交作品。",
                            "The submission window is not open: works cannot be created, changed or submitted.", 409)


def not_editable(status: str) -> FestivalError:
    if status == "withdrawn":
        return FestivalError("not_editable", "申报期已结束，未完成提交的作品视为自动放弃，不能再修改。",
                             "The window has closed and this unfinished work counts as withdrawn: it cannot "
                             "be changed.", 409)
    return FestivalError("not_editable", "作品已提交，不能修改；如需修改，请等待管理员退回。",
                         "The work has been submitted and cannot be changed unless an admin returns it.", 409)


def already_submitted() -> FestivalError:
    return FestivalError("already_submitted", "作品已提交，不能重复提交。",
                         "The work has already been submitted.", 409)


def team_frozen() -> FestivalError:
    return FestivalError("team_frozen", "作品提交后不得中途换人：创作者和指导教师不能再修改。",
                         "Nobody may be swapped in or out once the work was submitted: creators and advisors "
                         "cannot change.", 409)


def files_missing(slots: list[str]) -> FestivalError:
    zh = "、".join(slot_name(s)[0] for s in slots)
    en = ", ".join(slot_name(s)[1] for s in slots)
    return FestivalError("files_missing", f"还缺少以下材料，上传后才能提交：{zh}。",
                         f"Upload these files before submitting: {en}.", 422)


def unknown_upload() -> FestivalError:
    return FestivalError("unknown_upload", "找不到这次上传，请重新开始上传。",
                         "No such upload is waiting for confirmation: start the upload again.", 404)


def upload_missing() -> FestivalError:
    return FestivalError("upload_missing", "文件尚未上传完成，请上传后再确认。",
                         "The file has not arrived in storage: upload it, then confirm.", 409)


def size_mismatch(declared: int, found: int) -> FestivalError:
    return FestivalError("size_mismatch",
                         f"上传的文件大小（{found} 字节）与申报的大小（{declared} 字节）不符，请重新上传。",
                         f"The uploaded file has {found} bytes, not the {declared} declared: upload it again.", 422)


def storage_unavailable() -> FestivalError:
    """Object storage does not answer: nothing was recorded, the same request works once it is back."""
    return FestivalError("storage_unavailable", "文件存储暂时不可用，本次操作未生效，请稍后重试。",
                         "File storage is unavailable right now; nothing was changed. Please try again shortly.", 503)


def source_not_requested() -> FestivalError:
    return FestivalError("source_not_requested", "组委会尚未要求提交本作品的源文件。",
                         "The organisers have not asked for this work's source files.", 409)
