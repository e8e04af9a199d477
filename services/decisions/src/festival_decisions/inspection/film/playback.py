"""Will the film play everywhere it is watched: the picture's profile, bit depth and chroma, the sound's layout.

Answered by the headers alone. Each fix names the export setting to change, since a student who exported
"High 10" or "5.1" chose it in a menu without knowing what it does to a judge's browser.
"""

from __future__ import annotations

from festival_decisions.inspection.film.advice import check
from festival_decisions.inspection.film.header import AudioHeader, Header, VideoHeader
from festival_decisions.inspection.film.rules import FilmRules
from festival_decisions.inspection.report import Check

PLAYS_ZH = "浏览器（Chrome、Edge）和多数手机、电视无法播放这种视频，评委看到的会是报错而不是作品"
PLAYS_EN = ("browsers (Chrome, Edge) and most phones and TVs cannot play such video: a judge would see an error, "
            "not the film")


def playability(header: Header, rules: FilmRules) -> Check:
    video = header.video
    measured = {"profile": video.profile, "bit_depth": video.bit_depth, "chroma_subsampling": video.chroma,
                "pixel_format": video.pixel_format}
    expected = {"h264_profiles": list(rules.h264_profiles), "bit_depths": list(rules.bit_depths),
                "chroma_subsampling": list(rules.chroma_subsampling)}
    if video.bit_depth is None or video.chroma is None:
        return check("playability", "warn", measured, expected,
                     "读不出视频的像素格式，无法确认能否在浏览器中播放。请导出为 H.264、8 位、4:2:0（yuv420p）。",
                     "The video's pixel format cannot be read, so whether browsers play it is unknown. "
                     "Export H.264, 8-bit, 4:2:0 (yuv420p).")
    fixes, (name_zh, name_en) = _fixes(video, rules), _described(video)
    if not fixes:
        return check("playability", "pass", measured, expected, f"视频为 {name_zh}：浏览器、手机和电视都能播放。",
                     f"The video is {name_en}: it plays in browsers, on phones and TVs.")
    zh, en = "；".join(f[0] for f in fixes), "; ".join(f[1] for f in fixes)
    return check("playability", "fail", measured, expected,
                 f"视频是 {name_zh}，{PLAYS_ZH}。请在剪辑软件的导出设置中{zh}，然后重新导出。",
                 f"The video is {name_en}; {PLAYS_EN}. In your editing software's export settings, {en}; "
                 "then export again.")


def _fixes(video: VideoHeader, rules: FilmRules) -> list[tuple[str, str]]:
    """What to change in the export settings, one (zh, en) pair per setting that is wrong."""
    fixes = []
    if video.codec == "h264" and video.profile and video.profile not in rules.h264_profiles:
        fixes.append((f"把 H.264 的“配置文件（Profile）”从 {video.profile} 改为 High（或 Main）",
                      f"set the H.264 profile to High (or Main) instead of {video.profile}"))
    if video.bit_depth not in rules.bit_depths:
        depths = "/".join(f"{d}" for d in rules.bit_depths)
        fixes.append((f"把“位深/色深”从 {video.bit_depth} 位改为 {depths} 位（并关闭 HDR）",
                      f"set the bit depth to {depths}-bit instead of {video.bit_depth}-bit (and switch HDR off)"))
    if video.chroma not in rules.chroma_subsampling:
        wanted = "/".join(rules.chroma_subsampling)
        fixes.append((f"把“色度采样（像素格式）”从 {video.chroma} 改为 {wanted}（yuv420p）",
                      f"set the chroma subsampling (pixel format) to {wanted} (yuv420p) instead of {video.chroma}"))
    return fixes


def _described(video: VideoHeader) -> tuple[str, str]:
    name = ("H.264" if video.codec == "h264" else video.codec.upper()) + (f" {video.profile}" if video.profile else "")
    return f"{name}、{video.bit_depth} 位、{video.chroma}", f"{name}, {video.bit_depth}-bit, {video.chroma}"


def audio_layout(header: Header, rules: FilmRules) -> Check | None:
    audio = header.audio
    if audio is None:
        return None
    measured = {"channels": audio.channels, "layout": audio.layout, "sample_rate": audio.sample_rate}
    expected = {"channels_at_most": rules.audio_channels_max, "sample_rates": list(rules.audio_sample_rates)}
    problems = _surround(audio, rules) + _sample_rate(audio, rules)
    if not problems:
        return check("audio_layout", "pass", measured, expected,
                     f"声音为 {_channels_zh(audio.channels)}，采样率 {audio.sample_rate} Hz。",
                     f"The sound is {audio.layout or audio.channels}, {audio.sample_rate} Hz.")
    return check("audio_layout", "warn", measured, expected, "；".join(p[0] for p in problems) + "。",
                 ". ".join(p[1] for p in problems) + ".")


def _surround(audio: AudioHeader, rules: FilmRules) -> list[tuple[str, str]]:
    if audio.channels <= rules.audio_channels_max:
        return []
    layout = audio.layout or f"{audio.channels}"
    return [(f"声音是 {layout} 环绕声（{audio.channels} 个声道），教室播放器和浏览器会各自缩混成立体声，"
             "结果难以预料（中置声道里的对白常会变小）。请在导出设置中把音频声道设为“立体声（2 声道）”",
             f"The sound is {layout} surround ({audio.channels} channels): classroom players and browsers each "
             "downmix it their own way (dialogue in the centre channel often gets quiet). Set the export's audio "
             "channels to stereo (2 channels)")]


def _sample_rate(audio: AudioHeader, rules: FilmRules) -> list[tuple[str, str]]:
    if audio.sample_rate in rules.audio_sample_rates:
        return []
    rates = [f"{r} Hz" for r in rules.audio_sample_rates]
    return [(f"音频采样率是 {audio.sample_rate} Hz，部分播放器不支持或音质变差。请在导出设置中把采样率设为 {' 或 '.join(rates)}",
             f"The sound's sample rate is {audio.sample_rate} Hz, which some players refuse or play poorly. Set the "
             f"export's sample rate to {' or '.join(rates)}")]


def _channels_zh(channels: int) -> str:
    return {1: "单声道", 2: "立体声"}.get(channels, f"{channels} 声道")
