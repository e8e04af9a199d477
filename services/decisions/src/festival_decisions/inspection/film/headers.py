"""Checks answered by the headers alone: container, codec, sound track, frame size, aspect, duration, bit rate."""

from __future__ import annotations

from fractions import Fraction

from festival_decisions.inspection.film.advice import check, mmss
from festival_decisions.inspection.film.header import Header
from festival_decisions.inspection.film.rules import FilmRules
from festival_decisions.inspection.report import Check

# ISO BMFF brands by container name: MP4 files carry one of these in their `ftyp` box (QuickTime has "qt  ").
BRANDS = {
    "mp4": {"isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "mmp4", "M4V ", "dash", "msnv"},
    "mov": {"qt  "},
}
NO_CATEGORY = ("（尚未选择类别，按最长时限检查）", " (no category chosen yet: checked against the longest limit)")
NAMES = {"qt  ": "QuickTime MOV", "matroska": "Matroska (MKV/WebM)", "avi": "AVI", "flv": "FLV", "asf": "WMV/ASF"}


def container(header: Header, rules: FilmRules) -> Check:
    wanted = BRANDS.get(rules.container.lower(), {rules.container})
    major = header.brands[0] if header.brands else None
    ok = bool(header.brands) and (major in wanted or (major != "qt  " and wanted & set(header.brands)))
    measured = {"signature": header.signature, "brands": list(header.brands), "format": header.format_name}
    name = rules.container.upper()
    if ok:
        return check("container", "pass", measured, rules.container, f"文件是 {name} 格式。", f"The file is an {name}.")
    kind = _kind(header)
    found_zh = f"文件内容是 {kind} 格式" if kind else "文件内容不是能识别的视频格式"
    found_en = f"The file's content is {kind}" if kind else "The file's content is not a video format we know"
    return check(
        "container", "fail", measured, rules.container,
        f"{found_zh}，不是 {name}（只改扩展名不会改变格式）。请在剪辑软件中导出为 {name}（H.264 视频）后重新上传。",
        f"{found_en}, not {name} (renaming it does not change that). "
        f"Export the film from your editing software as {name} (H.264 video) and upload it again.",
    )


def _kind(header: Header) -> str | None:
    """What the file is, in a name a student may recognise."""
    if header.brands:
        return NAMES.get(header.brands[0], f"ISO BMFF ({header.brands[0].strip()})")
    if header.signature in NAMES:
        return NAMES[header.signature]
    return header.format_name if header.format_name != "unknown" else None


def video_codec(header: Header, rules: FilmRules) -> Check:
    codec = header.video.codec
    expected = {"pass": list(rules.video_codecs), "warn": list(rules.video_codecs_warned)}
    if codec in rules.video_codecs:
        return check("video_codec", "pass", codec, expected, "视频编码为 H.264。", "The video is H.264.")
    verdict = "warn" if codec in rules.video_codecs_warned else "fail"
    return check(
        "video_codec", verdict, codec, expected,
        f"视频编码是 {codec.upper()}，部分电脑无法播放。请导出为 H.264（AVC）编码的 MP4。",
        f"The video is encoded as {codec.upper()}, which some computers cannot play. Export as MP4 with H.264 (AVC).",
    )


def audio_track(header: Header, rules: FilmRules) -> Check:
    if header.audio is None:
        return check(
            "audio_track", "fail", None, "present",
            "作品没有声音轨道：作品须声画完整。请在剪辑软件中确认音频没有被静音或删除，导出时勾选“导出音频”。",
            "The film has no sound track, and a film needs both picture and sound. Check that the audio is not "
            "muted or removed in your editing software and that audio export is switched on.",
        )
    audio = header.audio
    measured = {"codec": audio.codec, "channels": audio.channels, "sample_rate": audio.sample_rate}
    expected = {"present": True, "codecs": list(rules.audio_codecs)}
    if audio.codec in rules.audio_codecs:
        return check("audio_track", "pass", measured, expected, "作品有声音轨道。", "The film has a sound track.")
    verdict = "fail" if audio.codec == "unknown" else "warn"
    return check(
        "audio_track", verdict, measured, expected,
        f"声音编码是 {audio.codec.upper()}，部分播放器无法播放（甚至没有声音）。请导出为 AAC 音频的 MP4。",
        f"The sound is encoded as {audio.codec.upper()}, which some players cannot play (they stay silent). "
        "Export an MP4 with AAC audio.",
    )


def resolution(header: Header, rules: FilmRules) -> Check:
    size = f"{header.video.width}x{header.video.height}"
    allowed = [f"{r.width}x{r.height}" for r in rules.resolutions]
    if rules.resolution(header.video.width, header.video.height):
        return check("resolution", "pass", size, allowed, f"分辨率 {size} 符合要求。", f"The frame size {size} is accepted.")
    choices_zh = "或".join(f"{r.width}×{r.height}（{_ratio(r.aspect)}）" for r in rules.resolutions)
    choices_en = " or ".join(f"{r.width}x{r.height} ({_ratio(r.aspect)})" for r in rules.resolutions)
    return check(
        "resolution", "fail", size, allowed,
        f"画面分辨率是 {size}。请在剪辑软件中把导出分辨率设为 {choices_zh} 后重新导出。",
        f"The frame size is {size}. Set the export size in your editing software to {choices_en} and export again.",
    )


def aspect_ratio(header: Header, rules: FilmRules) -> Check:
    video = header.video
    sar = video.sar or Fraction(1)
    shown = Fraction(video.width, max(1, video.height)) * sar
    wanted = rules.resolution(video.width, video.height)
    targets = [wanted.aspect] if wanted else sorted({r.aspect for r in rules.resolutions})
    size = f"{video.width}x{video.height}"
    measured = {"display_aspect": round(float(shown), 4), "sample_aspect": _ratio(sar), "size": size}
    expected = [_ratio(t) for t in targets]
    if any(abs(shown / t - 1) <= rules.aspect_tolerance for t in targets):
        return check("aspect_ratio", "pass", measured, expected, "画面比例正确。", "The display aspect ratio is right.")
    target, pixels = _ratio(targets[0]), _ratio(_sar_for(video.width, video.height, targets[0]))
    return check(
        "aspect_ratio", "fail", measured, expected,
        f"画面 {size} 按像素宽高比 {_ratio(sar)} 显示为 {float(shown):.2f}:1，应为 {target}，播放时画面会被拉伸。"
        f"请在导出设置中把画面比例设为 {target}（{size} 对应像素宽高比 {pixels}）。",
        f"The {size} picture with sample aspect {_ratio(sar)} displays at {float(shown):.2f}:1 instead of {target}, "
        f"so it plays stretched. Set the export's display aspect to {target} (pixel aspect {pixels} at {size}).",
    )


def duration(header: Header, rules: FilmRules, category: str | None) -> Check:
    limit = rules.max_duration(category)
    seconds = header.duration_s
    measured = round(seconds, 2) if seconds is not None else None
    if seconds is not None and seconds <= limit + rules.duration_grace_s:
        note_zh, note_en = ("", "") if category else NO_CATEGORY
        return check("duration", "pass", measured, limit, f"时长 {mmss(seconds)}，未超过 {mmss(limit)}。{note_zh}",
                     f"The film runs {mmss(seconds)}, within {mmss(limit)}.{note_en}")
    if seconds is None:
        return check("duration", "fail", None, limit, "读不出作品时长，文件可能不完整。请重新导出。",
                     "The film's duration cannot be read; the file may be incomplete. Export it again.")
    return check(
        "duration", "fail", measured, limit,
        f"作品时长 {mmss(seconds)}，本类别不得超过 {mmss(limit)}。请剪短 {mmss(seconds - limit)} 以上后重新导出。",
        f"The film runs {mmss(seconds)}; this category allows at most {mmss(limit)}. "
        f"Cut at least {mmss(seconds - limit)} and export again.",
    )


def bitrate(header: Header, rules: FilmRules) -> Check:
    low, high = rules.bitrate_kbps
    kbps = _video_kbps(header)
    expected = {"min": low, "max": high, "advisory": rules.bitrate_advisory}
    if kbps is not None and low <= kbps <= high:
        return check("bitrate", "pass", kbps, expected, f"视频码率 {kbps:g} kbps，符合建议。",
                     f"The video bit rate ({kbps:g} kbps) is as recommended.")
    verdict = "warn" if rules.bitrate_advisory else "fail"
    if kbps is None:
        return check("bitrate", verdict, None, expected, "读不出视频码率。", "The video bit rate cannot be read.")
    effect_zh, effect_en = ("画面可能模糊、有马赛克", "the picture may look blurred or blocky") if kbps < low else (
        "文件偏大、上传和播放较慢", "the file is larger and slower to upload and play")
    return check(
        "bitrate", verdict, kbps, expected,
        f"视频码率 {kbps:g} kbps，建议 {low:g}–{high:g} kbps（{effect_zh}）。导出时把视频码率（比特率）设为约 {(low + high) / 2:g} kbps。",
        f"The video bit rate is {kbps:g} kbps; {low:g}-{high:g} kbps is recommended ({effect_en}). "
        f"Set the export's video bit rate to about {(low + high) / 2:g} kbps.",
    )


def _video_kbps(header: Header) -> float | None:
    bits = header.video.bit_rate
    if not bits and header.bit_rate:  # some muxers state only the total: take the sound's share off
        bits = header.bit_rate - (header.audio.bit_rate or 0 if header.audio else 0)
    return round(bits / 1000, 1) if bits and bits > 0 else None


def _sar_for(width: int, height: int, aspect: Fraction) -> Fraction:
    return aspect / Fraction(width, height)


def _ratio(value: Fraction) -> str:
    return f"{value.numerator}:{value.denominator}"
