"""Damaged, truncated, empty and hostile files give a `readable` failure and a report, never an exception;
a film read through a streaming file object gets the same report as from its path."""

from __future__ import annotations

import io
import os
import random

import pytest

import inspection_media as m
from festival_inspection.film import inspect_film, inspect_film_header


@pytest.fixture(scope="module")
def whole(film_dir):
    return m.film(film_dir / "whole.mp4", 4)


@pytest.fixture(scope="module")
def whole_faststart(film_dir):
    return m.film(film_dir / "whole-faststart.mp4", 4, faststart=True)


def readable(report):
    return next(c for c in report.checks if c.id == "readable")


class S3Like(io.RawIOBase):
    """A read/seek-only stream with no file name and no fileno, like the worker's S3 object adapter."""

    def __init__(self, data: bytes) -> None:
        self._data, self._at, self.reads, self.bytes = data, 0, 0, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        self.reads += 1
        end = len(self._data) if size is None or size < 0 else self._at + size
        chunk, self._at = self._data[self._at : end], min(end, len(self._data))
        self.bytes += len(chunk)
        return chunk

    def seek(self, offset: int, whence: int = 0) -> int:
        self._at = {0: 0, 1: self._at, 2: len(self._data)}[whence] + offset
        return self._at

    def tell(self) -> int:
        return self._at


def test_a_download_cut_before_its_index_fails_readable(whole, film_dir, film_rules):
    report = inspect_film(m.truncate(whole, film_dir / "cut.mp4", 0.6), film_rules, "documentary")
    assert readable(report).verdict == "fail" and report.checks[0].id == "readable"
    assert {c.id: c.verdict for c in report.checks}["container"] == "pass"  # still MP4 by its first bytes


def test_damaged_picture_data_fails_readable_with_how_many_places(whole, film_dir, film_rules):
    report = inspect_film(m.damage(whole, film_dir / "damaged.mp4", (30, 31, 60)), film_rules, "documentary")
    check = readable(report)
    assert check.verdict == "fail" and check.measured["decode_errors"] >= 1, check


def test_a_download_cut_after_its_index_fails_readable_with_where_it_stops(whole_faststart, film_dir, film_rules):
    report = inspect_film(m.truncate(whole_faststart, film_dir / "cut-fast.mp4", 0.5), film_rules, "documentary")
    check = readable(report)
    assert check.verdict == "fail" and check.measured["reached_s"] < 3.0, check


@pytest.mark.parametrize(
    "content", [b"", os.urandom(50_000), "作品视频\n".encode() * 200, b"\x00\x00\x00\x18ftypisom" + bytes(500)]
)
def test_files_that_are_not_films_fail_readable(content, film_dir, film_rules):
    path = film_dir / "not-a-film.mp4"
    path.write_bytes(content)
    report = inspect_film(path, film_rules, "documentary")
    assert report.verdict == "fail" and readable(report).verdict == "fail"
    assert readable(report).message_zh and readable(report).message_en


def test_cut_and_scrambled_films_never_raise(whole, whole_faststart, film_rules):
    rng = random.Random(11)
    for source in (whole, whole_faststart):
        data = source.read_bytes()
        samples = [data[: int(len(data) * k / 10)] for k in range(1, 10)]
        for _ in range(12):
            scrambled = bytearray(data)
            for at in rng.sample(range(len(data)), 40):
                scrambled[at] = rng.randrange(256)
            samples.append(bytes(scrambled))
        for sample in samples:
            report = inspect_film(io.BytesIO(sample), film_rules, "documentary")
            assert report.checks and report.checks[0].id == "readable"


def test_a_streaming_source_gets_the_same_report_as_the_path(whole, film_rules):
    stream = S3Like(whole.read_bytes())
    from_stream = inspect_film(stream, film_rules, "documentary")
    assert from_stream.as_dict() == inspect_film(whole, film_rules, "documentary").as_dict()
    assert stream.reads > 0


def test_header_checks_read_only_the_header(film_dir, film_rules):
    data = m.film(film_dir / "header.mp4", 12, (640, 360), kbps=2000).read_bytes()  # index at the end
    stream = S3Like(data)
    report = inspect_film_header(stream, film_rules, "documentary")
    assert [c.id for c in report.checks] == ["readable", "container", "video_codec", "playability", "audio_track",
                                            "audio_layout", "resolution", "aspect_ratio", "duration", "bitrate",
                                            "subtitle_track"]
    assert stream.bytes < 0.2 * len(data)  # the ftyp and moov boxes and a few packets, not the film
