"""Checks of the sound, from the ebur128 meter: loudness, true peak, loudness range, background noise, silence."""

from __future__ import annotations

from festival_decisions.inspection.film.advice import check, mmss
from festival_decisions.inspection.film.measures import Loudness
from festival_decisions.inspection.film.rules import FilmRules
from festival_decisions.inspection.report import Check

# Loudness range is read from 3 s windows, the first of which are partly empty: in a clip of a few seconds
# they make any sound look like it swings. Shorter sound is not judged (real films run for minutes).
MIN_RANGE_S = 15.0
NORMALISE_ZH = "可在剪辑软件中用“响度标准化/音量标准化”把整体响度调到约 -23 到 -16 LUFS。"
NORMALISE_EN = "Most editors can normalise loudness: aim for about -23 to -16 LUFS overall."


def loudness(sound: Loudness, rules: FilmRules) -> Check:
    low, high = rules.loudness_lufs
    floor, ceiling = rules.loudness_fail_lufs
    value = sound.integrated_lufs
    expected = {"lufs": [low, high], "fail_outside": [floor, ceiling]}
    if sound.downmixed_from:
        expected["measured_on"] = f"stereo downmix of {sound.downmixed_from}"
    heard_zh, heard_en = _heard(sound)
    if value is None:
        return check("loudness", "fail", None, expected, "声音轨道没有声音（全程静音）。请检查音频是否被静音后重新导出。",
                     "The sound track is silent throughout. Check that the audio is not muted and export again.")
    if low <= value <= high:
        return check("loudness", "pass", round(value, 1), expected, f"整体响度 {value:.1f} LUFS{heard_zh}，音量适中。",
                     f"Overall loudness is {value:.1f} LUFS{heard_en}: moderate.")
    verdict = "warn" if floor <= value <= ceiling else "fail"
    zh, en = ("偏小", "too quiet") if value < low else ("偏大", "too loud")
    return check("loudness", verdict, round(value, 1), expected,
                 f"整体响度 {value:.1f} LUFS{heard_zh}，音量{zh}（适中范围 {low:g} 到 {high:g} LUFS）。" + NORMALISE_ZH,
                 f"Overall loudness is {value:.1f} LUFS{heard_en}, {en} (moderate is {low:g} to {high:g} LUFS). "
                 + NORMALISE_EN)


def _heard(sound: Loudness) -> tuple[str, str]:
    """Surround sound is measured as what a listener hears of it: its stereo downmix. Say so."""
    layout = sound.downmixed_from
    if not layout:
        return "", ""
    return f"（{layout} 声音按缩混成的立体声测量）", f" (the {layout} sound measured as its stereo downmix)"


def true_peak(sound: Loudness, rules: FilmRules) -> Check:
    warn_above, fail_above = rules.true_peak_dbtp
    value, share = sound.true_peak_dbtp, sound.clipped_share
    measured = {"true_peak_dbtp": value, "clipped_share": share}
    expected = {"dbtp_at_most": warn_above, "fail_above": fail_above, "clipped_share_below": rules.clipped_share}
    clipped = share >= rules.clipped_share or (value is not None and value > fail_above)
    if not clipped and (value is None or value <= warn_above):
        return check("true_peak", "pass", measured, expected, "声音没有削波失真。", "The sound is not clipped.")
    value = value if value is not None else 0.0
    if not clipped:
        return check("true_peak", "warn", measured, expected,
                     f"声音峰值 {value:+.1f} dBTP，接近上限，再转码时可能失真。请把音量略微调低或加限幅器（-1 dBTP）。",
                     f"The sound peaks at {value:+.1f} dBTP, close to the limit: re-encoding may distort it. "
                     "Lower the volume slightly or add a limiter at -1 dBTP.")
    return check("true_peak", "fail", measured, expected,
                 f"声音被削波、失真（破音）：峰值 {value:+.1f} dBTP，{share:.1%} 的采样顶到满刻度。请降低录音或混音音量"
                 "（峰值不超过 -1 dBTP）；如原始录音已破音，请重新录制。",
                 f"The sound is clipped and distorted: it peaks at {value:+.1f} dBTP and {share:.1%} of its samples "
                 "hit full scale. Lower the recording or mix level (peaks at most -1 dBTP); if the recording itself is "
                 "distorted, record it again.")


def loudness_range(sound: Loudness, rules: FilmRules) -> Check:
    value = sound.range_lu
    expected = {"lu_at_most": rules.loudness_range_lu, "judged_from_s": MIN_RANGE_S}
    if sound.measured_s < MIN_RANGE_S:
        return check("loudness_range", "pass", value, expected, "声音太短，不评判音量变化。",
                     "The sound is too short for its loudness range to mean anything.")
    if value is None or value <= rules.loudness_range_lu:
        return check("loudness_range", "pass", value, expected, "音量平稳。", "The volume is steady.")
    return check("loudness_range", "warn", value, expected,
                 f"响度范围 {value:.1f} LU，音量时大时小。请把过响和过轻的片段调到相近的音量（可用压缩器或逐段调整音量）。",
                 f"The loudness range is {value:.1f} LU: the volume swings. Bring loud and quiet passages closer "
                 "together (a compressor, or clip-by-clip volume).")


def noise_floor(sound: Loudness, rules: FilmRules) -> Check | None:
    floor, level = sound.noise_floor_lufs, sound.integrated_lufs
    if floor is None or level is None:
        return None
    gap = round(level - floor, 1)
    measured = {"quiet_parts_lufs": floor, "gap_to_programme_lu": gap}
    expected = {"gap_lu_at_least": rules.noise_gap_lu, "or_quiet_parts_below_lufs": rules.noise_audible_lufs}
    if floor <= rules.noise_audible_lufs or gap >= rules.noise_gap_lu:
        return check("noise_floor", "pass", measured, expected, "安静处没有明显背景噪声。",
                     "No obvious background noise in the quiet parts.")
    return check("noise_floor", "warn", measured, expected,
                 f"安静处的声音有 {floor:.0f} LUFS，只比整体低 {gap:.0f} LU，有明显背景噪声（或背景音乐过响）。"
                 "请用降噪功能处理，或在安静环境中重新录音，并调低背景音乐。",
                 f"The quiet parts sit at {floor:.0f} LUFS, only {gap:.0f} LU under the whole: there is obvious "
                 "background noise (or loud background music). Use noise reduction or re-record somewhere quiet, "
                 "and lower the music.")


def silence(sound: Loudness, rules: FilmRules) -> Check:
    measured = {"longest_silence_s": sound.longest_silence_s, "at_s": sound.longest_silence_at_s,
                "silent_share": sound.silent_share}
    expected = {"longest_silence_s_at_most": rules.silence_s}
    if sound.integrated_lufs is None:
        return check("silence", "fail", measured, expected, "整部作品没有声音。请检查音频后重新导出。",
                     "The whole film is silent. Check the audio and export again.")
    if sound.longest_silence_s > rules.silence_s:
        return check("silence", "warn", measured, expected,
                     f"从 {mmss(sound.longest_silence_at_s)} 起有 {sound.longest_silence_s:.0f} 秒没有声音。如非有意，请补上配音或音乐。",
                     f"The sound is silent for {sound.longest_silence_s:.0f} s from "
                     f"{mmss(sound.longest_silence_at_s)}. Unless intended, add narration or music.")
    return check("silence", "pass", measured, expected, "没有长时间无声。", "No long silence.")
