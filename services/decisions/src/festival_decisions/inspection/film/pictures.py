"""Checks of the decoded picture: black, frozen, and a film shot upright (turned by its display matrix)."""

from __future__ import annotations

from festival_decisions.inspection.film.advice import check, mmss
from festival_decisions.inspection.film.measures import PictureMeasures
from festival_decisions.inspection.film.rules import FilmRules
from festival_decisions.inspection.report import Check


def black_picture(picture: PictureMeasures, rules: FilmRules) -> Check:
    measured = {"black_s": picture.black_s, "longest_black_s": picture.longest_black_s,
                "longest_at_s": picture.longest_black_at_s}
    expected = {"longest_black_s_at_most": rules.black_s, "black_share_below": rules.black_share}
    if picture.black_s >= rules.black_share * picture.seen_s:
        return check("black_picture", "fail", measured, expected,
                     "画面几乎全黑，看不到内容。请检查导出设置和视频素材后重新导出。",
                     "The picture is black almost throughout. Check the export settings and footage, "
                     "then export again.")
    if picture.longest_black_s > rules.black_s:
        at = mmss(picture.longest_black_at_s)
        return check("black_picture", "warn", measured, expected,
                     f"从 {at} 起有 {picture.longest_black_s:.0f} 秒黑屏。如非有意，请检查该处素材。",
                     f"The picture is black for {picture.longest_black_s:.0f} s from {at}. "
                     "Unless intended, check the footage there.")
    return check("black_picture", "pass", measured, expected, "没有长时间黑屏。", "No long black picture.")


def frozen_picture(picture: PictureMeasures, rules: FilmRules) -> Check:
    measured = {"longest_frozen_s": picture.longest_frozen_s, "at_s": picture.longest_frozen_at_s}
    expected = {"longest_frozen_s_at_most": rules.frozen_s}
    if picture.longest_frozen_s > rules.frozen_s:
        at = mmss(picture.longest_frozen_at_s)
        return check("frozen_picture", "warn", measured, expected,
                     f"从 {at} 起画面静止 {picture.longest_frozen_s:.0f} 秒（卡住）。如非有意，请检查该处素材。",
                     f"The picture stands still for {picture.longest_frozen_s:.0f} s from {at}. "
                     "Unless intended, check the footage there.")
    return check("frozen_picture", "pass", measured, expected, "画面没有长时间静止。", "The picture does not freeze.")


def orientation(picture: PictureMeasures) -> Check:
    """A phone held upright stores a landscape frame and a 90° turn: players show it as a portrait picture."""
    measured = {"rotation_degrees": picture.rotation}
    if picture.rotation % 180 == 0:
        return check("orientation", "pass", measured, "landscape", "画面为横屏。", "The picture is landscape.")
    return check("orientation", "fail", measured, "landscape",
                 "画面带有 90° 旋转标记，会竖着播放（手机竖拍）。请在剪辑软件中做成横屏画面（16:9 或 4:3）后导出。",
                 "The picture carries a 90° turn and plays upright (filmed with the phone held upright). Make it a "
                 "landscape picture (16:9 or 4:3) in your editing software and export again.")
