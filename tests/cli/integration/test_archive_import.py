"""`festival archive import` fingerprints an earlier edition's films into the archive the workers read."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2]))
import inspection_images  # noqa: E402

from festival_cli.main import main  # noqa: E402
from festival_inspection.fingerprint import FingerprintIndex, film_fingerprint  # noqa: E402


def test_an_imported_archive_matches_a_copy_and_skips_what_is_not_a_film(tmp_path):
    folder = tmp_path / "edition-10"
    folder.mkdir()
    film = inspection_images.shapes_film(folder / "风车.mp4", seed=3)
    (folder / "readme.txt").write_text("not a film")
    archive = tmp_path / "archive.json"
    assert main(["archive", "import", str(folder), "--edition", "10", "--into", str(archive)]) == 0
    index = FingerprintIndex.load(archive)
    matches = index.match(film_fingerprint(film))
    assert [(m.work_id, m.edition) for m in matches] == [("风车", "10")]
    other = inspection_images.shapes_film(tmp_path / "other.mp4", seed=8)
    assert index.match(film_fingerprint(other)) == []
