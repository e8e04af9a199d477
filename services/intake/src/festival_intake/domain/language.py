"""The voice-over's language and the subtitles that go with it (附件 四.3). Pure.

作品配音应采用普通话……如内容需要采用方言或民族语言，须加同期字幕: a draft may leave the declaration open, a
submission states it, and a dialect or minority-language voice-over is submitted only with subtitles, burned
into the picture or carried as a track that the film's inspection found.
"""

from __future__ import annotations

from typing import Any

from festival_kit.errors import FestivalError

VOICE_OVERS = {"mandarin": ("普通话", "Mandarin"), "dialect": ("方言", "a dialect"),
               "minority": ("少数民族语言", "a minority language"), "none": ("无配音", "no voice-over")}
SUBTITLES = {"burned_in": ("字幕压制在画面上", "burned into the picture"),
             "track": ("字幕轨道", "a subtitle track"), "none": ("无字幕", "no subtitles")}
NEEDS_SUBTITLES = ("dialect", "minority")
NOTICE_ZH = "作品配音应采用普通话；如内容需要采用方言或民族语言，须加同期字幕（通知附件四第3条）。"
NOTICE_EN = ("The voice-over should be in Mandarin; where the content needs a dialect or a minority language, "
             "it must carry subtitles (the notice, annex 4, item 3).")


def _invalid(code: str, zh: str, en: str) -> FestivalError:
    return FestivalError(code, zh, en, 422)


def check_values(voice_over: str, subtitles: str) -> None:
    """A draft's declaration, if given, names one of the known choices."""
    if voice_over and voice_over not in VOICE_OVERS:
        raise _invalid("bad_voice_over", "配音语言无效，请选择普通话、方言、少数民族语言或无配音。",
                       f"Unknown voice-over {voice_over!r}: choose one of {', '.join(VOICE_OVERS)}.")
    if subtitles and subtitles not in SUBTITLES:
        raise _invalid("bad_subtitles", "字幕方式无效，请选择字幕压制在画面上、字幕轨道或无字幕。",
                       f"Unknown subtitles {subtitles!r}: choose one of {', '.join(SUBTITLES)}.")


def subtitle_tracks(film: dict[str, Any] | None) -> int | None:
    """How many subtitle tracks the film's inspection found; None when it did not look (or has not yet)."""
    inspection = (film or {}).get("inspection") or {}
    found = next((c for c in inspection.get("checks", []) if c["id"] == "subtitle_track"), None)
    return found["measured"] if found and isinstance(found.get("measured"), int) else None


def check_for_submit(voice_over: str, subtitles: str, film: dict[str, Any] | None) -> None:
    """Refuse a submission without a declaration, a dialect without subtitles, or a declared track not found."""
    if not voice_over:
        raise _invalid("language_required", "请先在作品信息中填写配音语言（普通话、方言、少数民族语言或无配音），再提交。",
                       "State the voice-over's language in the work's details (Mandarin, a dialect, a minority "
                       "language or none) before submitting.")
    if voice_over in NEEDS_SUBTITLES and subtitles in ("", "none"):
        zh, en = VOICE_OVERS[voice_over]
        raise _invalid("subtitles_required", f"{NOTICE_ZH}本作品配音为{zh}，请加上字幕（压制在画面上或作为字幕轨道）后再提交。",
                       f"{NOTICE_EN} This work's voice-over is in {en}: add subtitles (burned into the picture "
                       "or as a subtitle track) before submitting.")
    if subtitles == "track" and subtitle_tracks(film) == 0:
        raise _invalid("subtitle_track_missing",
                       "作品信息中声明字幕为字幕轨道，但作品视频中没有字幕轨道：请重新导出带字幕轨道的视频并上传，"
                       "或把字幕压制在画面上并修改声明。",
                       "The details say the subtitles are a track, but the film carries no subtitle track: export "
                       "the film again with its subtitle track and upload it, or burn the subtitles in and change "
                       "the declaration.")
