"""`festival inspect`: exit status, JSON shape, the tables, and hostile input that never gives a traceback."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parents[2]))
import inspection_images as made  # noqa: E402
import media  # noqa: E402

from festival_cli.main import main as festival  # noqa: E402
from festival_inspection import rules  # noqa: E402
from festival_inspection.cli import main  # noqa: E402

ROOT = Path(__file__).parents[3]
CHECK_KEYS = ["id", "verdict", "measured", "expected", "message_zh", "message_en"]


def run_json(capsys, *argv: str) -> tuple[int, dict]:
    status = main([*argv, "--json"])
    return status, json.loads(capsys.readouterr().out)


@pytest.fixture
def cover(tmp_path) -> Path:
    path = tmp_path / "cover.jpg"
    path.write_bytes(media.image(640, 480))
    return path


def test_a_good_cover_exits_0_with_the_json_shape(capsys, cover):
    status, report = run_json(capsys, "cover", str(cover))
    assert status == 0
    assert list(report) == ["verdict", "checks"] and report["verdict"] == "pass"
    assert [list(check) for check in report["checks"]] == [CHECK_KEYS] * 3
    assert [c["id"] for c in report["checks"]] == ["image_format", "image_dimensions", "file_size"]


def test_a_landscape_poster_exits_1(capsys, tmp_path):
    path = tmp_path / "poster.jpg"
    path.write_bytes(media.image(3000, 2000))
    status, report = run_json(capsys, "poster", str(path))
    assert (status, report["verdict"]) == (1, "fail")


def test_forms(capsys, tmp_path):
    good, empty = tmp_path / "form.pdf", tmp_path / "empty.pdf"
    good.write_bytes(made.pdf([made.TEXT_PAGE]))
    empty.write_bytes(b"")
    assert main(["form", str(good)]) == 0
    assert main(["form", str(empty), "--slot", "copyright_declaration"]) == 1
    assert main(["form", str(good), "--slot", "film_poster"]) == 2


def test_the_human_output_is_a_chinese_table_then_an_english_one(capsys, cover):
    assert main(["cover", str(cover)]) == 0
    out = capsys.readouterr().out
    assert out.index("检查项") < out.index("结论：通过") < out.index("check") < out.index("Verdict: pass")
    assert "image_dimensions" in out and "640x480" in out


@pytest.mark.parametrize("content", [os.urandom(4096), b"", b"\xff\xd8\xff\xe0" + os.urandom(2000)])
def test_hostile_files_get_a_failing_report(capsys, tmp_path, content):
    path = tmp_path / "cover.jpg"
    path.write_bytes(content)
    status, report = run_json(capsys, "cover", str(path))
    assert status == 1 and {"id": "image_format", "verdict": "fail"}.items() <= report["checks"][0].items()


@pytest.mark.parametrize("argv", [["cover", "/no/such/file.jpg"], ["cover"], ["picture", "x.jpg"], [],
                                  ["cover", "x.jpg", "--bogus"], ["video", "x.mp4"]])
def test_usage_errors_exit_2(capsys, argv):
    assert main(argv) == 2


def test_a_folder_or_an_unknown_category_is_a_usage_error(capsys, tmp_path, cover):
    assert main(["cover", str(tmp_path)]) == 2
    assert main(["video", str(cover), "--category", "comedy"]) == 2
    assert "documentary" in capsys.readouterr().err


def test_limits_come_from_the_edition_file(capsys, tmp_path):
    edition = yaml.safe_load(rules.edition_file("11", ROOT).read_text(encoding="utf-8"))
    edition["files"]["cover"].update(width=800, height=600)
    custom = tmp_path / "edition.yaml"
    custom.write_text(yaml.safe_dump(edition, allow_unicode=True), encoding="utf-8")
    picture = tmp_path / "cover.jpg"
    picture.write_bytes(media.image(800, 600))
    assert main(["cover", str(picture)]) == 1
    assert main(["cover", str(picture), "--edition-file", str(custom)]) == 0
    (tmp_path / "broken.yaml").write_text("files: [", encoding="utf-8")
    assert main(["cover", str(picture), "--edition-file", str(tmp_path / "broken.yaml")]) == 2


def test_the_packaged_edition_copy_matches_the_registry_file():
    registry = ROOT / rules.REGISTRY_EDITIONS / "edition-11.yaml"
    assert rules.packaged("11").read_bytes() == registry.read_bytes()
    assert rules.edition_file("11", ROOT / "tests") == registry
    assert rules.edition_file("11", Path("/")) == rules.packaged("11")


def test_the_festival_command_hands_inspect_over(capsys, cover):
    assert festival(["inspect", "cover", str(cover), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "pass"


def test_the_installed_command_prints_no_traceback_for_a_folder(tmp_path):
    done = subprocess.run([sys.executable, "-m", "festival_cli.main", "inspect", "poster", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "not a file" in done.stderr


def _film_checks_exist() -> bool:
    try:
        return hasattr(importlib.import_module("festival_inspection.film"), "inspect_film")
    except ImportError:
        return False


needs_film = pytest.mark.skipif(not _film_checks_exist(),
                                reason="festival_inspection.film.inspect_film is not written yet")


@needs_film
def test_a_good_film_exits_0(capsys, tmp_path):
    film = media.film(tmp_path / "film.mp4", seconds=2.0)
    status, report = run_json(capsys, "video", str(film), "--category", "animation")
    assert status == 0, report
    assert report["verdict"] in ("pass", "warn") and all(list(c) == CHECK_KEYS for c in report["checks"])


@needs_film
@pytest.mark.parametrize("damage", ["random", "empty", "truncated", "text"])
def test_a_damaged_film_exits_1_with_a_readable_failure(capsys, tmp_path, damage):
    whole = media.film(tmp_path / "whole.mp4", seconds=2.0).read_bytes()
    content = {"random": os.urandom(50_000), "empty": b"", "truncated": whole[: len(whole) // 3],
               "text": "作品视频\n".encode() * 100}[damage]
    path = tmp_path / "film.mp4"
    path.write_bytes(content)
    status, report = run_json(capsys, "video", str(path), "--category", "documentary")
    assert status == 1
    assert {"id": "readable", "verdict": "fail"}.items() <= report["checks"][0].items()


@needs_film
def test_the_json_shows_playability_motion_and_sound_layout_with_their_measurements(capsys, tmp_path):
    sys.path.insert(0, str(ROOT / "tests"))
    import inspection_media

    if inspection_media.ffmpeg_command() is None:
        pytest.skip("no ffmpeg command line (system or imageio-ffmpeg)")
    film = tmp_path / "stutter-422.mp4"  # 20 fps footage exported at 25 in a 4:2:2 editing format, no sound
    inspection_media.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=20:duration=4", "-vf", "fps=25",
                            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv422p", str(film))
    status, report = run_json(capsys, "video", str(film), "--category", "animation")
    found = {c["id"]: c for c in report["checks"]}
    assert status == 1 and found["playability"]["verdict"] == "fail"
    assert found["playability"]["measured"] == {"profile": "High 4:2:2", "bit_depth": 8, "chroma_subsampling": "4:2:2",
                                                "pixel_format": "yuv422p"}
    assert found["playability"]["expected"]["chroma_subsampling"] == ["4:2:0"]
    repeats = found["repeated_frames"]
    assert repeats["verdict"] == "fail"
    assert {k: repeats["measured"][k] for k in ("repeated_frames", "frames", "cadence", "footage_fps")} == {
        "repeated_frames": 20, "frames": 100, "cadence": "1 in 5", "footage_fps": 20.0}
    assert found["interlacing"]["measured"]["field_order"] == "progressive"
    assert found["interlacing"]["verdict"] == "pass"
    assert "audio_layout" not in found and found["audio_track"]["verdict"] == "fail"  # no sound to lay out


@needs_film
def test_the_json_shows_the_subtitle_track(capsys, tmp_path):
    sys.path.insert(0, str(ROOT / "tests"))
    import inspection_media

    if inspection_media.ffmpeg_command() is None:
        pytest.skip("no ffmpeg command line (system or imageio-ffmpeg)")
    plain = inspection_media.film(tmp_path / "film.mp4", 2)
    subtitled = inspection_media.with_subtitles(plain, tmp_path / "subtitled.mp4", language="chi")
    _, report = run_json(capsys, "video", str(subtitled), "--category", "documentary")
    found = next(c for c in report["checks"] if c["id"] == "subtitle_track")
    assert {k: found[k] for k in ("verdict", "measured", "expected")} == {"verdict": "pass", "measured": 1,
                                                                         "expected": None}
    assert found["message_en"] == "The film carries 1 subtitle track (mov_text, language chi)."
    assert found["message_zh"] == "影片带有 1 条字幕轨道（mov_text，语言 chi）。"
    _, report = run_json(capsys, "video", str(plain), "--category", "documentary")
    assert next(c for c in report["checks"] if c["id"] == "subtitle_track")["measured"] == 0
