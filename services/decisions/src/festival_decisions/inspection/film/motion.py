"""Checks of how the picture moves: interlaced frames (combing on every screen) and repeated frames (stutter)."""

from __future__ import annotations

from festival_decisions.inspection.film.advice import check, mmss
from festival_decisions.inspection.film.header import Header
from festival_decisions.inspection.film.measures import Fields, PictureMeasures, Repeats
from festival_decisions.inspection.film.rules import FilmRules
from festival_decisions.inspection.report import Check

# FFmpeg's field orders by the field shown first (tb: top coded first, bottom shown first).
INTERLACED_ORDERS = {"tt": ("上场优先", "top field first"), "bb": ("下场优先", "bottom field first"),
                     "tb": ("下场优先", "bottom field first"), "bt": ("上场优先", "top field first")}
DEINTERLACE_ZH = "请在剪辑软件中对素材做“反交错（去隔行）”，并把导出设置中的“场序”设为“逐行（无场）”后重新导出。"
DEINTERLACE_EN = ("Deinterlace the footage in your editing software and set the export's field order to "
                  "progressive (no fields), then export again.")


def interlacing(picture: PictureMeasures, header: Header, rules: FilmRules) -> Check:
    fields, order = picture.fields or Fields(0, 0, 0, 0, 0), header.video.field_order
    measured = {"field_order": order, "judged_frames": fields.judged, "interlaced_frames": fields.tff + fields.bff,
                "tff": fields.tff, "bff": fields.bff, "progressive": fields.progressive,
                "interlaced_share": fields.interlaced_share}
    expected = {"interlaced_share_at_most": rules.interlaced_share, "field_order": "progressive"}
    flagged = INTERLACED_ORDERS.get(order)
    if fields.interlaced_share > rules.interlaced_share or (flagged and not fields.judged):
        zh, en = _seen(fields, flagged)
        return check("interlacing", "warn", measured, expected,
                     f"画面是隔行扫描的（{zh}）。电脑、手机和浏览器直接显示隔行画面，运动时会出现梳齿状横纹，画面不清晰。"
                     + DEINTERLACE_ZH,
                     f"The picture is interlaced ({en}). Computers, phones and browsers show interlaced frames as "
                     f"they are, so anything moving shows comb-like stripes. {DEINTERLACE_EN}")
    note_zh, note_en = ("（文件标记为隔行，但画面本身是逐行的）", " (flagged interlaced, but the frames are progressive)"
                        ) if flagged else ("", "")
    return check("interlacing", "pass", measured, expected, f"画面为逐行扫描{note_zh}。",
                 f"The picture is progressive{note_en}.")


def _seen(fields: Fields, flagged: tuple[str, str] | None) -> tuple[str, str]:
    """Where the interlacing shows: the file's field-order flag and idet's count of interlaced frames."""
    flag_zh, flag_en = (f"文件标记为{flagged[0]}", f"flagged {flagged[1]}") if flagged else (
        "文件标记为逐行或未标记", "flagged progressive or not at all")
    if not fields.judged:
        return flag_zh, flag_en
    count = fields.tff + fields.bff
    return (f"{flag_zh}；抽查的 {fields.judged} 帧中 {count} 帧为隔行",
            f"{flag_en}; {count} of {fields.judged} frames sampled are interlaced")


def repeated_frames(picture: PictureMeasures, header: Header, rules: FilmRules) -> Check:
    repeats = picture.repeats or Repeats(picture.frames, 0, None, None, False)
    fps = float(header.video.fps) if header.video.fps else None
    measured, cadence = _repeat_measures(repeats, fps, rules)
    expected = {"share_warn_above": rules.repeated_share_warn, "share_fail_above": rules.repeated_share_fail,
                "cadence_from_repeats": rules.cadence_min_repeats}
    if not repeats.frames:
        return check("repeated_frames", "pass", measured, expected, "画面格式（非 8 位）无法比较重复帧，未检查。",
                     "The picture format (not 8-bit) cannot be compared for repeated frames: not checked.")
    if repeats.share <= rules.repeated_share_warn and cadence is None:
        return check("repeated_frames", "pass", measured, expected, "画面没有重复帧，运动流畅。",
                     "No repeated frames: motion is smooth.")
    if measured["even"]:
        return _even(measured, expected, cadence)
    verdict = "fail" if repeats.share > rules.repeated_share_fail else "warn"
    return _stutter(verdict, repeats, cadence, measured, expected, fps)


def _repeat_measures(repeats: Repeats, fps: float | None, rules: FilmRules) -> tuple[dict, tuple[int, int] | None]:
    """The measured values, and the cadence when enough repeats follow it to name it."""
    cadence = repeats.cadence if repeats.repeated >= rules.cadence_min_repeats else None
    footage = round(fps * (1 - cadence[0] / cadence[1]), 2) if cadence and fps else None
    return {"repeated_frames": repeats.repeated, "frames": repeats.frames, "share": repeats.share,
            "cadence": f"{cadence[0]} in {cadence[1]}" if cadence else None, "footage_fps": footage,
            "even": repeats.even and cadence is not None, "first_at_s": repeats.first_at_s}, cadence


def _stutter(verdict: str, repeats: Repeats, cadence: tuple[int, int] | None, measured: dict, expected: dict,
             fps: float | None) -> Check:
    zh, en = _rhythm(repeats, cadence)
    export_zh, export_en = _export(fps, measured["footage_fps"])
    at = mmss(repeats.first_at_s)
    return check("repeated_frames", verdict, measured, expected,
                 f"画面有 {repeats.repeated} 帧重复了前一帧（占 {repeats.share:.0%}{zh}，第一处在 {at}），"
                 f"运动时画面一顿一顿（跳帧）。{export_zh}",
                 f"{repeats.repeated} frames repeat the frame before them ({repeats.share:.0%}{en}, the first at "
                 f"{at}), so motion stutters. {export_en}")


def _rhythm(repeats: Repeats, cadence: tuple[int, int] | None) -> tuple[str, str]:
    if cadence is None:
        return "，没有固定规律", ", at no regular rhythm"
    return f"，每 {cadence[1]} 帧重复 {cadence[0]} 帧", f", {cadence[0]} in every {cadence[1]} frames"


def _export(fps: float | None, footage: float | None) -> tuple[str, str]:
    if footage is None:
        return ("请检查该处素材，导出时使用与拍摄素材相同的帧率（不要转换成更高的帧率），然后重新导出。",
                "Check the footage there, and export at the frame rate it was shot at (not converted to a higher "
                "one).")
    return (f"素材的拍摄帧率约为 {footage:g} 帧/秒，却按 {fps:g} 帧/秒导出。请在导出设置中把帧率设为与素材相同的 "
            f"{footage:g} 帧/秒后重新导出。",
            f"The footage was shot at about {footage:g} fps but exported at {fps:g} fps. Set the export's frame "
            f"rate to the footage's {footage:g} fps and export again.")


def _even(measured: dict, expected: dict, cadence: tuple[int, int]) -> Check:
    """Every picture shown n times: motion is even but slower (animation drawn on twos does this on purpose)."""
    footage = measured["footage_fps"]
    shown = round(cadence[1] / (cadence[1] - cadence[0])) if cadence[1] > cadence[0] else cadence[1]
    times_en = {2: "twice", 3: "three times"}.get(shown, f"{shown} times")
    rate_zh = f"，实际只有 {footage:g} 帧/秒" if footage else ""
    rate_en = f", {footage:g} pictures a second" if footage else ""
    return check("repeated_frames", "warn", measured, expected,
                 f"每一幅画面都重复显示 {shown} 次（每 {cadence[1]} 帧重复 {cadence[0]} 帧）：动作平稳，但不够流畅{rate_zh}。"
                 "如是有意按“一拍二/一拍三”逐格制作的动画，可以忽略；否则请在导出设置中使用与素材相同的帧率。",
                 f"Every picture is shown {times_en} ({cadence[0]} in every {cadence[1]} frames repeat): motion "
                 f"is even but less fluid{rate_en}. If it is animation drawn on twos or threes on purpose, ignore "
                 "this; otherwise export at the frame rate the footage was shot at.")
