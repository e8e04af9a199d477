"""Whether the film carries subtitle tracks: information for the language rule, never a refusal on its own.

A voice-over in a dialect or a minority language must have subtitles (同期字幕, 附件 四.3). The student says
whether they are burned into the picture or carried as a track; the picture is not read for text, so this
check only reports the tracks the header lists, and intake compares them with what the student said.
"""

from __future__ import annotations

from festival_decisions.inspection.film.advice import check
from festival_decisions.inspection.film.header import Header, SubtitleHeader
from festival_decisions.inspection.report import Check

UNTAGGED = ("und", "")  # what muxers write when nobody chose a language


def subtitle_track(header: Header) -> Check | None:
    """The subtitle tracks found (measured: how many); None for a header measured before they were read."""
    tracks = header.subtitles
    if tracks is None:
        return None
    if not tracks:
        return check("subtitle_track", "pass", 0, None,
                     "影片没有字幕轨道（压制在画面上的字幕不是轨道，这里查不到）。如配音使用方言或少数民族语言，"
                     "须有同期字幕：请把字幕直接压制在画面上，或在导出时加入字幕轨道。",
                     "The film has no subtitle track (subtitles burned into the picture are not a track and are not "
                     "seen here). If the voice-over is in a dialect or a minority language, it needs subtitles: burn "
                     "them into the picture or add a subtitle track when exporting.")
    zh, en = "；".join(_described_zh(t) for t in tracks), "; ".join(_described_en(t) for t in tracks)
    plural = "s" if len(tracks) > 1 else ""
    return check("subtitle_track", "pass", len(tracks), None, f"影片带有 {len(tracks)} 条字幕轨道（{zh}）。",
                 f"The film carries {len(tracks)} subtitle track{plural} ({en}).")


def _described_zh(track: SubtitleHeader) -> str:
    return f"{track.codec}，{'未标明语言' if _untagged(track) else f'语言 {track.language}'}"


def _described_en(track: SubtitleHeader) -> str:
    return f"{track.codec}, {'language not tagged' if _untagged(track) else f'language {track.language}'}"


def _untagged(track: SubtitleHeader) -> bool:
    return track.language is None or track.language.strip().lower() in UNTAGGED
