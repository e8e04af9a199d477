"""Subtitle tracks read from the header of real films: a film exported with a mov_text track and one without."""

from __future__ import annotations

import pytest

import inspection_media as m
from festival_decisions.inspection import measurements, verdicts
from festival_decisions.inspection.film.header import SubtitleHeader
from festival_inspection.film import inspect_film, inspect_film_header, measure_film

pytestmark = pytest.mark.skipif(m.ffmpeg_command() is None, reason="no ffmpeg command line (system or imageio-ffmpeg)")


@pytest.fixture(scope="module")
def plain(film_dir):
    return m.film(film_dir / "no-subtitles.mp4", 2)


@pytest.fixture(scope="module")
def subtitled(film_dir, plain):
    return m.with_subtitles(plain, film_dir / "subtitled.mp4", language="chi")


def subtitle_check(report):
    return next(c for c in report.checks if c.id == "subtitle_track")


def test_a_mov_text_track_is_counted_with_its_codec_and_language(subtitled, film_rules):
    found = subtitle_check(inspect_film(subtitled, film_rules, "documentary"))
    assert (found.verdict, found.measured, found.expected) == ("pass", 1, None)
    assert "mov_text" in found.message_zh and "chi" in found.message_zh
    assert found.message_en == "The film carries 1 subtitle track (mov_text, language chi)."


def test_a_film_without_subtitles_measures_0(plain, film_rules):
    found = subtitle_check(inspect_film(plain, film_rules, "documentary"))
    assert (found.verdict, found.measured, found.expected) == ("pass", 0, None)
    assert found.message_en.startswith("The film has no subtitle track")


def test_the_track_comes_from_the_header_alone(subtitled, film_rules):
    assert measure_film(subtitled, film_rules.silence_lufs, decode=False).header.subtitles == (
        SubtitleHeader(2, "mov_text", "chi"),)
    assert subtitle_check(inspect_film_header(subtitled, film_rules, "documentary")).measured == 1


def test_the_subtitle_track_adds_no_other_difference(plain, subtitled, film_rules, edition):
    def others(path):
        measured = measurements(measure_film(path, film_rules.silence_lufs))
        return {c.id: c.verdict for c in verdicts("film", measured, edition, "documentary")[1]
                if c.id != "subtitle_track"}

    assert others(subtitled) == others(plain)
