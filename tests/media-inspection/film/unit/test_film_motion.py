"""Repeated frames found on made-up luma grids, and the verdicts of the motion checks on made-up measurements."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import av
import numpy as np
import pytest

from festival_decisions.inspection.film.header import Header, VideoHeader
from festival_decisions.inspection.film.measures import Fields, PictureMeasures, Repeats
from festival_decisions.inspection.film.motion import interlacing, repeated_frames
from festival_inspection.film.fields import BURST, EVERY, FieldMeter
from festival_inspection.film.repeats import RepeatFinder

RNG = np.random.default_rng(5)


def grids(pictures: list[int], noise: float = 0.0) -> list[np.ndarray]:
    """One grid per frame; frames with the same number show the same picture (plus coding noise)."""
    base = {n: RNG.integers(16, 235, (45, 80)).astype(np.uint8) for n in set(pictures)}
    jitter = [RNG.random((45, 80)) < noise for _ in pictures]  # a few points off by one, as re-encoding leaves
    return [np.where(j, base[n] + 1, base[n]).astype(np.uint8) for n, j in zip(pictures, jitter)]


def found(pictures: list[int], noise: float = 0.02) -> Repeats:
    finder = RepeatFinder()
    for i, grid in enumerate(grids(pictures, noise)):
        finder.frame(grid, i / 25)
    return finder.measures()


def converted(shot: int, shown: int, frames: int) -> list[int]:
    """Which source picture each frame shows when `shot` fps footage is exported at `shown` fps."""
    return [int(i * shot / shown + 0.5) for i in range(frames)]  # the nearest, as FFmpeg's fps filter picks


def test_20_fps_shown_at_25_repeats_one_frame_in_five():
    repeats = found(converted(20, 25, 200))
    assert (repeats.frames, repeats.repeated, repeats.share) == (200, 40, 0.2)
    assert repeats.cadence == (1, 5) and not repeats.even and repeats.first_at_s == 0.12


def test_other_conversions_name_their_cadence():
    assert found(converted(24, 25, 200)).cadence == (1, 25)
    assert found(converted(15, 25, 200)).cadence == (2, 5)
    twos = found(converted(25, 50, 200))  # drawn on twos
    assert (twos.cadence, twos.even, twos.repeated) == ((1, 2), True, 99)


def test_stills_moving_pictures_and_scattered_repeats():
    assert found(list(range(100))).repeated == 0
    still = found(list(range(30)) + [30] * 60 + list(range(31, 60)))  # a slide held 2.4 s: the frozen check's
    assert still.repeated == 0
    stray = found([n for n in range(100) for _ in range(2 if n in (10, 47, 81) else 1)])
    assert stray.repeated == 3 and stray.cadence is None


def test_a_scene_that_barely_moves_is_not_repeating():
    frames = grids(list(range(60)))
    calm = [frames[0]] + [np.where(RNG.random((45, 80)) < 0.15, frames[0] + 1, frames[0]).astype(np.uint8)
                          for _ in range(59)]  # changes of ~0.15 levels from frame to frame, every frame
    finder = RepeatFinder()
    for i, grid in enumerate(calm):
        finder.frame(grid, i / 25)
    assert finder.measures().repeated == 0


def header(field_order="progressive", fps=25) -> Header:
    video = VideoHeader(0, "h264", 720, 576, Fraction(16, 15), Fraction(fps), 2_200_000, "High", "yuv420p", 8,
                        "4:2:0", field_order)
    return Header(("isom",), "iso-bmff", "mov,mp4", 8.0, None, video, None)


def picture(repeats: Repeats | None = None, fields: Fields | None = None) -> PictureMeasures:
    return PictureMeasures(200, 8.0, 0.0, 0.0, None, 0.0, None, 0, repeats, fields)


@pytest.mark.parametrize(
    ("repeated", "cadence", "even", "verdict", "named"),
    [
        (0, None, False, "pass", None),
        (3, None, False, "pass", None),  # 1.5%, no rhythm: a capture hiccup
        (8, (1, 25), False, "warn", "1 in 25"),  # 24 fps shown at 25
        (6, None, False, "warn", None),  # 3%, scattered
        (40, (1, 5), False, "fail", "1 in 5"),  # 20 fps shown at 25
        (100, (1, 2), True, "warn", "1 in 2"),  # on twos: even, never refused
    ],
)
def test_repeated_frames_verdicts(film_rules, repeated, cadence, even, verdict, named):
    check = repeated_frames(picture(Repeats(200, repeated, 0.16 if repeated else None, cadence, even)),
                            header(), film_rules)
    assert check.verdict == verdict
    assert check.measured["repeated_frames"] == repeated and check.measured["share"] == repeated / 200
    assert check.measured["cadence"] == named
    assert check.expected["share_fail_above"] == film_rules.repeated_share_fail


def test_the_cadence_gives_the_footage_rate_to_export_at(film_rules):
    check = repeated_frames(picture(Repeats(200, 40, 0.16, (1, 5), False)), header(), film_rules)
    assert check.measured["footage_fps"] == 20.0
    assert "20 帧/秒" in check.message_zh and "每 5 帧重复 1 帧" in check.message_zh
    assert "frame rate to the footage's 20 fps" in check.message_en
    few = repeated_frames(picture(Repeats(200, 3, 0.16, (1, 25), False)), header(), film_rules)
    assert few.measured["cadence"] is None  # three repeats in a row of 25 could be chance
    strict = dataclasses.replace(film_rules, repeated_share_fail=0.3)
    assert repeated_frames(picture(Repeats(200, 40, 0.16, (1, 5), False)), header(), strict).verdict == "warn"


@pytest.mark.parametrize(
    ("fields", "order", "verdict"),
    [
        (Fields(9, 9, 0, 0, 0), "tt", "warn"),
        (Fields(9, 8, 0, 1, 0), "progressive", "warn"),  # flagged progressive, interlaced in its frames
        (Fields(9, 0, 0, 9, 0), "progressive", "pass"),
        (Fields(9, 0, 0, 9, 0), "tt", "pass"),  # flagged interlaced, progressive frames: plays clean
        (Fields(9, 4, 0, 5, 0), "unknown", "pass"),  # not most
        (Fields(0, 0, 0, 0, 0), "bb", "warn"),  # nothing judged: the flag is all there is
        (Fields(0, 0, 0, 0, 0), "unknown", "pass"),
    ],
)
def test_interlacing_verdicts(film_rules, fields, order, verdict):
    check = interlacing(picture(fields=fields), header(order), film_rules)
    assert check.verdict == verdict
    assert check.measured["field_order"] == order and check.measured["judged_frames"] == fields.judged
    assert check.measured["interlaced_frames"] == fields.tff + fields.bff


def test_interlacing_advice_names_deinterlacing_and_the_field_order_setting(film_rules):
    check = interlacing(picture(fields=Fields(9, 9, 0, 0, 0)), header("tt"), film_rules)
    assert "上场优先" in check.message_zh and "反交错" in check.message_zh and "逐行" in check.message_zh
    assert "9 of 9 frames" in check.message_en and "Deinterlace" in check.message_en


def test_idet_is_fed_bursts_and_skips_pictures_too_small_to_judge():
    def frames(width, height, count):
        for i in range(count):
            frame = av.VideoFrame.from_ndarray(RNG.integers(16, 235, (height * 3 // 2, width), dtype=np.uint8),
                                               format="yuv420p")
            frame.pts, frame.time_base = i, Fraction(1, 25)
            yield frame

    meter, tiny = FieldMeter(), FieldMeter()
    for frame in frames(64, 48, 2 * EVERY):
        meter.frame(frame)
    for frame in frames(16, 16, EVERY):
        tiny.frame(frame)
    assert meter.measures().judged == 2 * (BURST - 2)  # each burst's first two lean on the previous burst
    assert tiny.measures() == Fields(0, 0, 0, 0, 0)
