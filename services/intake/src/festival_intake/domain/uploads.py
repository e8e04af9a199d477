"""Rules of one file upload: which slot, what name and size, how many parts, what kind of bytes. Pure."""

from __future__ import annotations

import math

from festival_events.contracts.intake import SOURCE_SLOT as SOURCE
from festival_events.contracts.registry import EditionRules, FileLimit
from festival_intake.domain.draft import invalid
from festival_intake.domain.filenames import BadFilename, check_filename
from festival_kit.errors import FestivalError

# S3 limits, not festival rules: parts of 5 MiB to 5 GiB, at most 10000 of them.
PART_SIZE = 8 * 1024 * 1024
MAX_PARTS = 10_000
# Films and source files are large enough to need resumable parts; images and signed forms go in one PUT.
MULTIPART_SLOTS = frozenset({"film", SOURCE})  # the source slot lies outside rules.files (see limit_of)

SLOT_NAMES = {
    "film": ("作品视频", "film"),
    "cover": ("封面", "cover"),
    "poster": ("海报", "poster"),
    "application_form": ("作品申报表", "application form"),
    "copyright_declaration": ("著作权声明表", "copyright declaration"),
    SOURCE: ("源文件", "source files"),
}
KIND_NAMES = {
    "mp4": ("MP4 视频", "an MP4 video"),
    "jpeg": ("JPEG 图片", "a JPEG image"),
    "png": ("PNG 图片", "a PNG image"),
    "pdf": ("PDF 文件", "a PDF"),
    "gif": ("GIF 图片", "a GIF image"),
    "webp": ("WebP 图片", "a WebP image"),
    "matroska": ("MKV/WebM 视频", "an MKV/WebM video"),
    "zip": ("压缩包", "a ZIP archive"),
    "unknown": ("无法识别的文件（如文本文件）", "a file of no known type (such as text)"),
}


def slot_name(slot: str) -> tuple[str, str]:
    return SLOT_NAMES.get(slot, (slot, slot))


def limit_of(rules: EditionRules, slot: str) -> FileLimit:
    """The slot's limits; a slot the edition does not define is refused."""
    if slot == SOURCE and rules.awards is not None:
        return FileLimit(required=False, max_bytes=rules.awards.source_max_bytes, kinds=["*"])
    limit = rules.files.get(slot)
    if limit is None or slot not in SLOT_NAMES:
        raise invalid("unknown_slot", f"没有名为“{slot}”的文件项。", f"There is no file slot {slot!r}.")
    return limit


def object_key(edition: str, submission_id: str, slot: str, upload_id: str) -> str:
    """Where an upload's bytes live: ids and the slot (checked against SLOT_NAMES) only, never the file's name
    or any other text a user typed, so no key can climb out of its folder or differ by Unicode form. (Keys
    recorded by earlier versions end in the file name; readers find the upload id as a path segment in both.)"""
    return f"editions/{edition}/submissions/{submission_id}/{slot}/{upload_id}"


def part_count(size: int) -> int:
    return max(1, math.ceil(size / PART_SIZE))


def check_upload(rules: EditionRules, slot: str, filename: str, size: int) -> str:
    """The cleaned file name, if the slot exists and the declared size fits it."""
    limit = limit_of(rules, slot)
    try:
        filename = check_filename(filename)
    except BadFilename as bad:
        raise invalid(bad.code, bad.message_zh, bad.message_en) from None
    check_size(slot, size, limit)
    if slot in MULTIPART_SLOTS and part_count(size) > MAX_PARTS:
        raise invalid("file_too_large", "文件过大，无法上传。", "The file is too large to upload.")
    return filename


def check_size(slot: str, size: int, limit: FileLimit) -> None:
    zh, en = slot_name(slot)
    if size <= 0:
        raise invalid("empty_file", f"{zh}文件为空，请重新选择文件。",
                      f"The {en} file is empty: choose the file again.")
    if size > limit.max_bytes:
        mb = f"{limit.max_bytes / 2**20:g} MB"
        raise invalid("file_too_large", f"{zh}不能超过 {mb}（此文件 {size / 2**20:.1f} MB）。",
                      f"The {en} must be at most {mb} (this file is {size / 2**20:.1f} MB).")


def check_kind(slot: str, kind: str, limit: FileLimit) -> None:
    """The sniffed kind must be one the slot takes; the message says what was expected and found."""
    if kind in limit.kinds or "*" in limit.kinds:
        return
    zh, en = slot_name(slot)
    want_zh = "或".join(KIND_NAMES.get(k, (k, k))[0] for k in limit.kinds)
    want_en = " or ".join(KIND_NAMES.get(k, (k, k))[1] for k in limit.kinds)
    got_zh, got_en = KIND_NAMES.get(kind, KIND_NAMES["unknown"])
    raise invalid("wrong_file_type", f"{zh}须为 {want_zh}，上传的文件是{got_zh}。请转换格式后重新上传。",
                  f"The {en} must be {want_en}; the uploaded file is {got_en}. Convert it and upload it again.")


def check_parts(parts: list[tuple[int, str]], expected: int) -> list[tuple[int, str]]:
    """The client's (part number, ETag) list must name every part 1..expected exactly once."""
    numbers = sorted(n for n, _ in parts)
    if numbers != list(range(1, expected + 1)) or any(not etag.strip() for _, etag in parts):
        raise FestivalError(
            "bad_parts", f"分片信息不完整：应提交第 1 至 {expected} 片各一次及其 ETag，请重新上传。",
            f"The parts do not match: give parts 1 to {expected}, each once, with its ETag, or upload again.",
            422,
        )
    return sorted(parts)


def check_part_numbers(numbers: list[int], expected: int) -> list[int]:
    """The parts a client asks fresh URLs for, each in 1..expected; none named means every part."""
    if not numbers:
        return list(range(1, expected + 1))
    if any(not 1 <= n <= expected for n in numbers):
        raise FestivalError(
            "bad_parts", f"分片编号须在 1 至 {expected} 之间，请重新上传。",
            f"Part numbers must be from 1 to {expected}: upload again.", 422,
        )
    return sorted(set(numbers))
