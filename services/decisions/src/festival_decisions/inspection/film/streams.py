"""Checks answered by the one pass over the streams: readable, frame continuity, sync, and the time budget."""

from __future__ import annotations

from dataclasses import asdict

from festival_decisions.inspection.film.advice import check, mmss
from festival_decisions.inspection.film.header import Header
from festival_decisions.inspection.film.measures import Scan
from festival_decisions.inspection.film.rules import FilmRules
from festival_decisions.inspection.report import Check

# Packets that stop this much short of the duration the header promises mean the file was cut off.
TRUNCATED_S = 1.0
WHOLE = "a complete, decodable film"
EXPORT_ZH = "请用剪辑软件重新导出完整的 MP4 文件，并确认上传完成后再提交。"
EXPORT_EN = "Export the complete MP4 again from your editing software and make sure the upload finishes."


def unreadable(error: str, zh: str = "文件无法打开：可能已损坏、下载或上传不完整，或不是视频文件。",
               en: str = "The file cannot be opened: it may be damaged, incompletely copied, or not a video.",
               **measured) -> Check:
    return check("readable", "fail", {"error": error, **measured}, WHOLE, zh + EXPORT_ZH, f"{en} {EXPORT_EN}")


def readable(header: Header, scan: Scan | None) -> Check:
    if header.video is None:
        return unreadable("no video stream", "文件里没有画面（视频轨道）。", "The file holds no picture (video track).")
    if scan is None:
        return check("readable", "pass", {"opened": True}, "opens", "文件可以打开。", "The file opens.")
    measured = {"decode_errors": scan.decode_errors, "reached_s": scan.reached_s, "duration_s": header.duration_s,
                "frames_decoded": scan.picture.frames if scan.picture else 0}
    problem = scan.read_error or scan.first_error
    promised = header.duration_s
    if promised is not None and scan.stopped_at_s is None and scan.reached_s < promised - TRUNCATED_S:
        return unreadable(problem or "truncated",
                          f"文件在 {mmss(scan.reached_s)} 处中断（应有 {mmss(promised)}），不完整。",
                          f"The file breaks off at {mmss(scan.reached_s)} of {mmss(promised)}: it is incomplete.",
                          **measured)
    if problem or not measured["frames_decoded"]:
        measured["error"] = problem or "no frame decoded"
        return check("readable", "fail", measured, WHOLE,
                     f"文件有 {scan.decode_errors} 处数据损坏，播放时会出现花屏或卡顿。" + EXPORT_ZH,
                     f"The file has {scan.decode_errors} damaged places that will show as glitches. {EXPORT_EN}")
    return check("readable", "pass", measured, WHOLE, "文件完整，可以正常解码。", "The file is complete and decodes.")


def frame_continuity(header: Header, scan: Scan, rules: FilmRules) -> Check:
    gaps = scan.gaps
    fps = float(header.video.fps) if header.video.fps else None
    measured = {"nominal_fps": fps, "missing_frames": gaps.missing_frames, "gaps": gaps.holes,
                "longest_gap_s": round(gaps.longest_s, 3), "first_gaps": gaps.first}
    expected = {"missing_frames_at_most": rules.frame_gaps_allowed}
    if fps is None:
        return check("frame_continuity", "warn", measured, expected,
                     "读不出帧率，无法检查跳帧。请用固定帧率（如 25 帧/秒）导出。",
                     "The frame rate cannot be read, so dropped frames cannot be checked. "
                     "Export at a constant frame rate (25 fps, say).")
    if gaps.missing_frames <= rules.frame_gaps_allowed:
        return check("frame_continuity", "pass", measured, expected, "画面连续，没有跳帧、漏帧。",
                     "No frames are skipped or dropped.")
    where = mmss(gaps.first[0]["at_s"]) if gaps.first else "?"
    return check(
        "frame_continuity", "fail", measured, expected,
        f"画面有 {gaps.holes} 处跳帧/漏帧，共缺 {gaps.missing_frames} 帧，最长一处 {gaps.longest_s:.2f} 秒，"
        f"第一处在 {where}。请检查该处素材，在剪辑软件中用固定帧率（如 25 帧/秒）重新导出。",
        f"The picture skips at {gaps.holes} place(s), {gaps.missing_frames} frame(s) missing in all, the longest "
        f"gap {gaps.longest_s:.2f} s, the first at {where}. Check the footage there and export again at a constant "
        "frame rate (25 fps, say).",
    )


def av_sync(scan: Scan, rules: FilmRules) -> Check | None:
    """From packet timestamps: where the sound starts and ends against the picture (players go by these)."""
    video, audio = scan.video, scan.audio
    if None in (video.start, audio.start, video.end, audio.end):
        return None
    late, tail = audio.start - video.start, audio.end - video.end
    measured = {"audio_start_offset_s": round(late, 3), "audio_end_offset_s": round(tail, 3)}
    expected = {"start_offset_s": [-rules.sync_lead_s, rules.sync_lag_s], "end_offset_s_at_most": rules.end_gap_s}
    if not -rules.sync_lead_s <= late <= rules.sync_lag_s:
        word_zh, word_en = ("晚", "late") if late > 0 else ("早", "early")
        return check("av_sync", "fail", measured, expected,
                     f"声音比画面{word_zh} {abs(late):.2f} 秒开始，声画不同步。请在剪辑软件中把音频与画面对齐后重新导出。",
                     f"The sound starts {abs(late):.2f} s {word_en} against the picture: they are out of sync. "
                     "Line the audio up with the picture in your editing software and export again.")
    if abs(tail) > rules.end_gap_s:
        which_zh, which_en = ("画面", "picture") if tail < 0 else ("声音", "sound")
        return check("av_sync", "warn", measured, expected,
                     f"声音与画面结束时间相差 {abs(tail):.1f} 秒，结尾只有{which_zh}。请检查结尾处的音频和画面是否完整。",
                     f"Sound and picture end {abs(tail):.1f} s apart, leaving only {which_en} at the end. "
                     "Check that the ending's audio and picture are complete.")
    return check("av_sync", "pass", measured, expected, "声音与画面同步。", "Sound and picture are in sync.")


def time_budget(header: Header, scan: Scan, budget_s: float) -> Check:
    partial = {"missing_frames": scan.gaps.missing_frames,
               "loudness": asdict(scan.loudness) if scan.loudness else None,
               "picture": asdict(scan.picture) if scan.picture else None}
    measured = {"budget_s": budget_s, "elapsed_s": scan.elapsed_s, "inspected_until_s": scan.stopped_at_s,
                "duration_s": header.duration_s, "partial": partial}
    return check("time_budget", "fail", measured, {"seconds_at_most": budget_s},
                 f"检查超时：{budget_s:g} 秒内只检查到 {mmss(scan.stopped_at_s)}。请稍后重试；如一再发生，请联系管理员。",
                 f"The inspection ran out of time: in {budget_s:g} s it reached {mmss(scan.stopped_at_s)}. "
                 "Try again later; if it keeps happening, tell the organisers.")
