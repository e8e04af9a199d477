"""The clock file is read when it changes, not on every call; a moved clock is seen at once."""

from __future__ import annotations

from datetime import datetime, timedelta

from festival_kit import clock


def test_the_file_is_read_once_until_it_changes(tmp_path, monkeypatch):
    path = tmp_path / "clock.json"
    monkeypatch.setenv(clock.ENV, str(path))
    clock.set_clock(path, datetime(2023, 7, 10, 23, 59, tzinfo=clock.SHANGHAI))
    reads = []
    real_read = type(path).read_text
    monkeypatch.setattr(type(path), "read_text", lambda self, *a, **k: reads.append(self) or real_read(self, *a, **k))
    first = clock.now()
    for _ in range(100):
        clock.now()
    assert len(reads) == 1
    assert abs(first - datetime(2023, 7, 10, 15, 59, tzinfo=clock.timezone.utc)) < timedelta(seconds=5)

    clock.set_clock(path, datetime(2023, 8, 1, 9, 0, tzinfo=clock.SHANGHAI))  # `festival clock` from elsewhere
    assert clock.shanghai(clock.now()) == "2023-08-01 09:00"
    assert len(reads) == 2


def test_no_file_is_the_real_time(tmp_path, monkeypatch):
    monkeypatch.setenv(clock.ENV, str(tmp_path / "absent.json"))
    assert abs(clock.now() - datetime.now(clock.timezone.utc)) < timedelta(seconds=5)
