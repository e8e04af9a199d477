"""FilmRules from the edition's configuration, and the header verdicts on made-up headers (no files)."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest

from festival_decisions.inspection.film import FilmRules, Resolution
from festival_decisions.inspection.film.header import AudioHeader, Header, VideoHeader
from festival_decisions.inspection.film.headers import aspect_ratio, bitrate, container, duration, resolution, video_codec
from festival_inspection.film.probe import brands, signature

AAC = AudioHeader(1, "aac", 48000, 2, 128_000)


def made(width=1280, height=720, sar=None, codec="h264", kbps=2200, seconds=300.0, head=b"") -> Header:
    head = head or b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomavc1"
    video = VideoHeader(0, codec, width, height, sar, Fraction(25), kbps * 1000 if kbps else None)
    return Header(brands(head), signature(head), "mov,mp4", seconds, None, video, AAC)


def test_rules_come_from_the_edition(edition, film_rules):
    assert film_rules.container == "mp4"
    assert film_rules.resolutions == (Resolution(720, 576, Fraction(4, 3)), Resolution(1280, 720, Fraction(16, 9)))
    assert (film_rules.max_duration("documentary"), film_rules.max_duration("animation")) == (480, 240)
    assert film_rules.bitrate_kbps == (2000, 2500) and film_rules.bitrate_advisory
    assert film_rules.max_duration(None) == 480  # no category chosen yet: the longest limit
    with pytest.raises(ValueError, match="unknown category"):
        film_rules.max_duration("opera")


def test_an_edition_overrides_a_default_in_its_media_section(edition):
    media = {**edition.media, "loudness_lufs": [-24, -14], "frozen_s": 30, "bitrate_kbps": {"min": 1000, "max": 8000}}
    rules = FilmRules.from_edition(edition.model_copy(update={"media": media}))
    assert rules.loudness_lufs == (-24, -14) and rules.frozen_s == 30 and rules.bitrate_kbps == (1000, 8000)
    assert rules.as_dict()["resolutions"][0] == {"width": 720, "height": 576, "aspect": "4:3"}


@pytest.mark.parametrize(
    ("head", "verdict"),
    [
        (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom", "pass"),
        (b"\x00\x00\x00\x14ftypM4V \x00\x00\x00\x01M4V ", "pass"),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  ", "fail"),  # an iPhone's MOV
        (b"\x00\x00\x00\x14ftyp3gp4\x00\x00\x02\x003gp4", "fail"),
        (b"\x1a\x45\xdf\xa3\xa3\x42\x86\x81\x01matroska", "fail"),
        (b"RIFF\x00\x00\x00\x00AVI LIST", "fail"),
    ],
)
def test_the_container_is_judged_by_content(film_rules, head, verdict):
    assert container(made(head=head), film_rules).verdict == verdict


def test_h264_passes_hevc_warns_and_mpeg4_fails(film_rules):
    verdicts = [video_codec(made(codec=c), film_rules).verdict for c in ("h264", "hevc", "mpeg4")]
    assert verdicts == ["pass", "warn", "fail"]


@pytest.mark.parametrize(
    ("size", "sar", "size_verdict", "aspect_verdict"),
    [
        ((1280, 720), None, "pass", "pass"),
        ((720, 576), Fraction(16, 15), "pass", "pass"),
        ((720, 576), Fraction(12, 11), "pass", "pass"),  # Rec.601's 4:3 PAL: 2.3% off, within tolerance
        ((720, 576), Fraction(64, 45), "pass", "fail"),  # a 4:3 picture flagged 16:9
        ((720, 576), None, "pass", "fail"),  # square pixels: 5:4, shown squeezed
        ((1280, 720), Fraction(4, 3), "pass", "fail"),
        ((1920, 1080), None, "fail", "pass"),
        ((720, 1280), None, "fail", "fail"),  # a phone held upright
    ],
)
def test_frame_size_and_display_aspect(film_rules, size, sar, size_verdict, aspect_verdict):
    header = made(*size, sar=sar)
    found = (resolution(header, film_rules).verdict, aspect_ratio(header, film_rules).verdict)
    assert found == (size_verdict, aspect_verdict)


def test_duration_by_category_with_half_a_second_of_grace(film_rules):
    assert duration(made(seconds=480.3), film_rules, "documentary").verdict == "pass"
    assert duration(made(seconds=481.0), film_rules, "documentary").verdict == "fail"
    long = duration(made(seconds=250.0), film_rules, "animation")
    assert long.verdict == "fail" and "4:00" in long.message_zh and "0:10" in long.message_en


def test_bitrate_outside_the_recommendation_warns_or_fails_when_not_advisory(film_rules):
    assert [bitrate(made(kbps=k), film_rules).verdict for k in (2200, 800, 6000)] == ["pass", "warn", "warn"]
    strict = dataclasses.replace(film_rules, bitrate_advisory=False)
    assert bitrate(made(kbps=800), strict).verdict == "fail"
