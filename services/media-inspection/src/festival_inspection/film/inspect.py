"""Inspect a film: header checks without decoding, then one pass for everything that needs packets or samples."""

from __future__ import annotations

import io
import time
from collections.abc import Callable

import av

from festival_inspection.film import headers, motion, pictures, playback, sounds, streams
from festival_inspection.film.probe import (
    READ_ERRORS, Header, Source, brands, describe, head_bytes, header, open_container, signature,
)
from festival_inspection.film.rules import FilmRules
from festival_inspection.film.scan import Scan, scan
from festival_inspection.report import Check, Report


def inspect_film(
    source: Source, rules: FilmRules, category: str | None, budget_s: float | None = None,
    on_picture: Callable[[av.VideoFrame], None] | None = None,
) -> Report:
    """Every film check of `source` (a path, a binary file object with read and seek, or bytes).

    A damaged, truncated or hostile file gives a `readable` failure, never an exception; a pass that runs past
    `budget_s` seconds stops and fails `time_budget` with what it measured so far. `category` None (not chosen
    yet) checks the duration against the longest limit; an unknown category is the caller's mistake: ValueError.
    `on_picture` sees every decoded picture of the same pass (the worker builds the film's fingerprint with it).
    """
    return _inspect(source, rules, category, budget_s, decode=True, on_picture=on_picture)


def inspect_film_header(source: Source, rules: FilmRules, category: str | None) -> Report:
    """Only the checks the headers answer (container, codec, playability, sound track and layout, size, aspect,
    duration, bit rate)."""
    return _inspect(source, rules, category, None, decode=False)


def _inspect(source: Source, rules: FilmRules, category: str | None, budget_s: float | None, decode: bool,
             on_picture: Callable[[av.VideoFrame], None] | None = None) -> Report:
    rules.max_duration(category)
    started = time.monotonic()
    if isinstance(source, bytes | bytearray | memoryview):
        source = io.BytesIO(source)
    try:
        head = head_bytes(source)
    except READ_ERRORS as exc:
        return Report((streams.unreadable(describe(exc)),))
    try:
        container = open_container(source)
    except READ_ERRORS as exc:
        return Report((streams.unreadable(describe(exc)), headers.container(_bare(head), rules)))
    with container:
        try:
            found = header(container, head)
        except READ_ERRORS as exc:
            return Report((streams.unreadable(describe(exc)), headers.container(_bare(head), rules)))
        if found.video is None or not decode:
            return Report((streams.readable(found, None), *_header_checks(found, rules, category)))
        left = None if budget_s is None else max(0.0, budget_s - (time.monotonic() - started))
        result = scan(container, found, rules.silence_lufs, left, on_picture=on_picture)
    return Report((streams.readable(found, result), *_header_checks(found, rules, category),
                   *_pass_checks(found, result, rules, budget_s)))


def _header_checks(found: Header, rules: FilmRules, category: str | None) -> list[Check]:
    if found.video is None:
        return [headers.container(found, rules), headers.audio_track(found, rules), headers.duration(found, rules, category)]
    checks = [headers.container(found, rules), headers.video_codec(found, rules), playback.playability(found, rules),
              headers.audio_track(found, rules), playback.audio_layout(found, rules),
              headers.resolution(found, rules), headers.aspect_ratio(found, rules),
              headers.duration(found, rules, category), headers.bitrate(found, rules)]
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


def _bare(head: bytes) -> Header:
    """A header made of the first bytes only, for a file PyAV cannot open: the container check still answers."""
    return Header(brands(head), signature(head), "unknown", None, None, None, None)
