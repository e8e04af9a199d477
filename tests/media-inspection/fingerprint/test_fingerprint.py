"""Originality aid: a film's copies (re-encoded, resized, trimmed) match it; an unrelated film does not."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2]))
import inspection_images as made  # noqa: E402

from festival_inspection.fingerprint import (  # noqa: E402
    MATCH_SCORE, Fingerprint, FingerprintIndex, content_hash, film_fingerprint, similarity,
)

COPIES = {
    "reencoded_mpeg4": {"codec": "mpeg4", "bit_rate": 250_000},
    "reencoded_x264": {"options": {"crf": "36", "preset": "ultrafast", "bf": "0", "g": "12"}},
    "resized_640x360": {"size": (640, 360)},
    "trimmed_2s": {"start_s": 2.0},
    "trimmed_2_25s": {"start_s": 2.25},  # cut between two samples: the worst phase for the windows
}


@pytest.fixture(scope="module")
def films(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("films")
    original = made.shapes_film(folder / "original.mp4", seed=1, seconds=8)
    found = {"original": original, "unrelated": made.shapes_film(folder / "unrelated.mp4", seed=2, seconds=8)}
    for name, how in COPIES.items():
        found[name] = made.transcode(original, folder / f"{name}.mp4", **how)
    return found


@pytest.fixture(scope="module")
def prints(films) -> dict[str, Fingerprint]:
    return {name: film_fingerprint(path) for name, path in films.items()}


@pytest.mark.parametrize("copy", sorted(COPIES))
def test_a_copy_matches_its_original(prints, copy):
    assert similarity(prints["original"], prints[copy]) >= 0.85


def test_an_unrelated_film_does_not_match(prints):
    assert similarity(prints["original"], prints["unrelated"]) < 0.2
    assert max(similarity(prints["unrelated"], prints[copy]) for copy in COPIES) < 0.2


def test_the_index_names_the_matching_work_and_survives_json(tmp_path, prints):
    index = FingerprintIndex()
    index.add("W-1", "10", prints["original"])
    index.add("W-2", "10", prints["unrelated"])
    index.save(tmp_path / "index.json")
    loaded = FingerprintIndex.load(tmp_path / "index.json")
    matches = loaded.match(prints["trimmed_2s"])
    assert [(m.work_id, m.edition) for m in matches] == [("W-1", "10")]
    assert matches[0].score >= MATCH_SCORE
    assert loaded.match(prints["unrelated"])[0].work_id == "W-2"


def test_earlier_editions_are_imported_from_a_folder(films, prints, tmp_path):
    folder = tmp_path / "edition-10"
    (folder / "documentary").mkdir(parents=True)
    (folder / "documentary" / "river.mp4").write_bytes(films["original"].read_bytes())
    (folder / "readme.txt").write_text("not a film")
    index = FingerprintIndex()
    imported = index.import_folder(folder, "10")
    assert (imported.added, imported.skipped) == (["documentary/river"], ["readme.txt"])
    assert [m.work_id for m in index.match(prints["resized_640x360"])] == ["documentary/river"]


def test_black_and_too_short_films_match_nothing():
    flat = Fingerprint(0.5, 1.0, (None,) * 20)
    short = Fingerprint(0.5, 1.0, (0x0123456789ABCDEF,) * 3)
    assert similarity(flat, flat) == 0.0 and similarity(short, short) == 0.0


def test_content_hash_streams_the_sha256(films):
    data = films["original"].read_bytes()
    assert content_hash(films["original"]) == hashlib.sha256(data).hexdigest() == content_hash(data)
