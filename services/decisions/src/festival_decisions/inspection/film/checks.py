"""Every film check from a film's measures: the header's checks, then those of the pass, in the report's order."""

from __future__ import annotations

from festival_decisions.inspection.film import headers, motion, pictures, playback, sounds, streams, subtitles
from festival_decisions.inspection.film.header import Header
from festival_decisions.inspection.film.measures import FilmMeasures, Scan
from festival_decisions.inspection.film.rules import FilmRules
from festival_decisions.inspection.report import Check


def film_checks(measured: FilmMeasures, rules: FilmRules, category: str | None) -> tuple[Check, ...]:
    """The checks of one inspected film. `category` None (not chosen yet) checks the duration against the
    longest limit; an unknown category is the caller's mistake: ValueError."""
    rules.max_duration(category)
    found, scan = measured.header, measured.scan
    if found is None:  # not even the first bytes could be read
        return (streams.unreadable(measured.open_error or "unreadable"),)
    if measured.open_error is not None:  # only the first bytes: the container check still answers
        return streams.unreadable(measured.open_error), headers.container(found, rules)
    checks = [streams.readable(found, scan), *_header_checks(found, rules, category)]
    if scan is not None:
        checks += _pass_checks(found, scan, rules, measured.budget_s)
    return tuple(checks)


def _header_checks(found: Header, rules: FilmRules, category: str | None) -> list[Check]:
    if found.video is None:
        checks = [headers.container(found, rules), headers.audio_track(found, rules),
                  headers.duration(found, rules, category), subtitles.subtitle_track(found)]
    else:
        checks = [headers.container(found, rules), headers.video_codec(found, rules),
                  playback.playability(found, rules), headers.audio_track(found, rules),
                  playback.audio_layout(found, rules), headers.resolution(found, rules),
                  headers.aspect_ratio(found, rules), headers.duration(found, rules, category),
                  headers.bitrate(found, rules), subtitles.subtitle_track(found)]
    return [c for c in checks if c is not None]


def _pass_checks(found: Header, result: Scan, rules: FilmRules, budget_s: float | None) -> list[Check]:
    if result.stopped_at_s is not None:
        return [streams.time_budget(found, result, budget_s or 0.0)]
    checks = [streams.frame_continuity(found, result, rules)]
    picture = result.picture if result.picture is not None and result.picture.frames else None
    if picture is not None:
        checks.append(motion.repeated_frames(picture, found, rules))
    checks.append(streams.av_sync(result, rules))
    if picture is not None:
        checks += [pictures.orientation(picture), motion.interlacing(picture, found, rules),
                   pictures.black_picture(picture, rules), pictures.frozen_picture(picture, rules)]
    if result.loudness is not None:
        sound = result.loudness
        checks += [sounds.loudness(sound, rules), sounds.true_peak(sound, rules),
                   sounds.loudness_range(sound, rules), sounds.noise_floor(sound, rules), sounds.silence(sound, rules)]
    return [c for c in checks if c is not None]
