"""Verdicts of the sound checks on made-up measurements, and the timestamp bookkeeping on made-up packets."""

from __future__ import annotations

from fractions import Fraction
from types import SimpleNamespace

import pytest

from festival_decisions.inspection.film.advice import mmss
from festival_decisions.inspection.film.measures import Loudness
from festival_decisions.inspection.film.sounds import loudness, loudness_range, noise_floor, silence, true_peak
from festival_inspection.film.timeline import Timeline


def sound(i=-20.0, lra=6.0, tp=-3.0, floor=-60.0, silent_s=0.5, clipped=0.0) -> Loudness:
    return Loudness(i, lra, tp, clipped, floor, silent_s, 12.0, 0.05, 300.0)


@pytest.mark.parametrize(("lufs", "verdict"), [(-23, "pass"), (-14, "pass"), (-30, "warn"), (-11, "warn"),
                                               (-45, "fail"), (-6, "fail"), (None, "fail")])
def test_loudness_band(film_rules, lufs, verdict):
    assert loudness(sound(i=lufs), film_rules).verdict == verdict


@pytest.mark.parametrize(("dbtp", "verdict"),
                         [(-6.0, "pass"), (-1.0, "pass"), (-0.5, "warn"), (0.9, "fail"), (None, "pass")])
def test_true_peak(film_rules, dbtp, verdict):
    assert true_peak(sound(tp=dbtp), film_rules).verdict == verdict


def test_samples_piled_against_full_scale_fail_even_under_0_dbtp(film_rules):
    assert true_peak(sound(tp=-0.2, clipped=0.04), film_rules).verdict == "fail"
    assert true_peak(sound(tp=-0.2, clipped=0.0005), film_rules).verdict == "warn"


def test_loudness_range_noise_and_silence(film_rules):
    assert loudness_range(sound(lra=8), film_rules).verdict == "pass"
    assert loudness_range(sound(lra=19), film_rules).verdict == "warn"
    assert noise_floor(sound(i=-20, floor=-32), film_rules).verdict == "warn"  # 12 LU under the programme
    assert noise_floor(sound(i=-20, floor=-40), film_rules).verdict == "pass"
    assert noise_floor(sound(i=-40, floor=-58), film_rules).verdict == "pass"  # close, but inaudible
    assert noise_floor(sound(i=None), film_rules) is None
    assert silence(sound(silent_s=14), film_rules).verdict == "warn"
    assert silence(sound(i=None), film_rules).verdict == "fail"
    worded = (loudness(sound(i=-40), film_rules), silence(sound(silent_s=20), film_rules))
    assert all(c.message_zh and c.message_en for c in worded)


def packet(kind: str, pts: int, tb=Fraction(1, 12800), duration=512, discard=False, size=100):
    stream = SimpleNamespace(type=kind)
    return SimpleNamespace(stream=stream, stream_index=0 if kind == "video" else 1, pts=pts, time_base=tb,
                           duration=duration, size=size, is_discard=discard)


def test_gaps_are_found_in_display_order_whatever_the_decode_order():
    timeline = Timeline(fps=25)
    shown = [i for i in range(100) if i not in (40, 41, 42, 70)]
    decode_order = [shown[0]] + [pts for pair in zip(shown[2::2], shown[1::2]) for pts in pair]  # B-frame-like
    for index in decode_order:
        timeline.packet(packet("video", index * 512))
    gaps = timeline.finish().gaps
    assert (gaps.missing_frames, gaps.holes, round(gaps.longest_s, 2)) == (4, 2, 0.16)
    assert gaps.first[0] == {"at_s": 1.56, "missing_frames": 3}


def test_stream_spans_skip_discarded_priming():
    timeline = Timeline(fps=25)
    timeline.packet(packet("audio", -1024, Fraction(1, 48000), 1024, discard=True))
    timeline.packet(packet("audio", 0, Fraction(1, 48000), 1024))
    timeline.packet(packet("audio", 47 * 1024, Fraction(1, 48000), 1024))
    assert (timeline.audio.start, timeline.audio.end) == (0.0, 1.024)


def test_positions_read_like_an_editor():
    found = [mmss(0), mmss(12.34), mmss(480), mmss(61.04), mmss(59.97), mmss(None)]
    assert found == ["0:00", "0:12.3", "8:00", "1:01", "1:00", "?"]
