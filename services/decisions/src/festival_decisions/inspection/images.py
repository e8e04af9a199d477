"""Cover and poster: a real JPEG by content, the exact size and orientation the edition asks, the byte limit."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from festival_decisions.inspection.files import Still, describe, file_size
from festival_decisions.inspection.report import Check
from festival_events.contracts.registry import FileLimit

SLOT_NAMES = {"cover": ("封面", "cover"), "poster": ("海报", "poster")}


@dataclass(frozen=True)
class ImageMeasures:
    """One picture as inspected: its kind by content, its size in bytes, and what its JPEG turned out to be."""

    sniffed: str  # jpeg, png, heif, ... (sources.sniff's names)
    size: int
    still: Still | None = None  # a JPEG's header and decode; None for anything else


def image_checks(measured: ImageMeasures, slot: str, limits: FileLimit) -> tuple[Check, ...]:
    """The checks of one picture for `slot` ("cover" or "poster") against the edition's limits for that slot."""
    return (
        _format(measured.sniffed, measured.still, limits),
        _dimensions(measured.still, slot, limits),
        file_size(measured.size, limits, SLOT_NAMES.get(slot, (slot, slot))),
    )


def _format(kind: str, still: Still | None, limits: FileLimit) -> Check:
    expected = "/".join(limits.kinds)
    if kind not in limits.kinds:
        zh, en = describe(kind)
        return Check("image_format", "fail", kind, expected,
                     f"{zh}，不是 JPEG 图片（只改扩展名无效）：请导出或另存为 JPEG（.jpg）格式后重新上传",
                     f"{en}, not a JPEG picture (renaming does not convert it): "
                     "export or save it as JPEG (.jpg) and upload it again")
    if still is not None and not still.ok:
        return Check("image_format", "fail", kind, expected,
                     f"{still.problem_zh}：请重新导出 JPEG 图片后上传",
                     f"{still.problem_en}: export the JPEG picture again and upload it")
    return Check("image_format", "pass", kind, expected, "格式正确：JPEG 图片", "the format is right: a JPEG picture")


def _dimensions(still: Still | None, slot: str, limits: FileLimit) -> Check:
    zh, en = SLOT_NAMES.get(slot, (slot, slot))
    if limits.width is None or limits.height is None:
        measured = f"{still.width}x{still.height}" if still and still.width else None
        return Check("image_dimensions", "pass", measured, None, "本届对尺寸没有要求", "this edition sets no size")
    want_w, want_h = limits.width, limits.height
    expected = f"{want_w}x{want_h}"
    if still is None or not still.width:
        return Check("image_dimensions", "fail", None, expected,
                     f"无法读出图片尺寸：{zh}须为 {want_w}×{want_h} 像素的 JPEG 图片",
                     f"the picture's size cannot be read: the {en} must be a {want_w}×{want_h} pixel JPEG")
    w, h = still.width, still.height
    measured = f"{w}x{h}"
    if (w, h) == (want_w, want_h):
        return Check("image_dimensions", "pass", measured, expected,
                     f"尺寸正确：{w}×{h} 像素", f"the size is right: {w}×{h} pixels")
    shape_zh, shape_en = _shape(want_w, want_h)
    ratio = _ratio(want_w, want_h)
    if _shape(w, h) != (shape_zh, shape_en):
        return Check("image_dimensions", "fail", measured, expected,
                     f"{zh}须为{shape_zh}（{ratio}），这张是{_shape(w, h)[0]} {w}×{h}：请使用 {want_w}×{want_h} 像素的{shape_zh}图片",
                     f"the {en} must be {shape_en} ({ratio}); this one is {_shape(w, h)[1]} ({w}×{h}): "
                     f"use a {want_w}×{want_h} pixel {shape_en} picture")
    return Check("image_dimensions", "fail", measured, expected,
                 f"{zh}须为 {want_w}×{want_h} 像素（{shape_zh} {ratio}），这张是 {w}×{h}：请缩放或裁剪为 {want_w}×{want_h} 像素",
                 f"the {en} must be exactly {want_w}×{want_h} pixels ({shape_en} {ratio}); this one is {w}×{h}: "
                 f"resize or crop it to {want_w}×{want_h}")


def _shape(w: int, h: int) -> tuple[str, str]:
    if w > h:
        return "横版", "landscape"
    return ("竖版", "portrait") if h > w else ("方形", "square")


def _ratio(w: int, h: int) -> str:
    r = Fraction(w, h) if h else Fraction(0)
    return f"{r.numerator}:{r.denominator}"
