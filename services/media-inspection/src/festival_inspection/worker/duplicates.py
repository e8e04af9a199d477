"""Originality aid: does a film's fingerprint match an earlier edition's work or another submission's film?

Earlier editions come from an archive file (`FingerprintIndex.save` after `import_folder`, named by
FESTIVAL_FINGERPRINT_ARCHIVE); this edition's films from the completed inspections in the shared store.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from festival_inspection.fingerprint import Fingerprint, FingerprintIndex, Match

ARCHIVE_ENV = "FESTIVAL_FINGERPRINT_ARCHIVE"


class Duplicates:
    """Every known work's fingerprint; `match` names the closest other work above the threshold."""

    def __init__(self, index: Any, archive: Path | None = None):
        self.index = index  # the store's InspectionIndex
        path = archive or (Path(os.environ[ARCHIVE_ENV]) if os.environ.get(ARCHIVE_ENV) else None)
        self.archive = FingerprintIndex.load(path) if path else FingerprintIndex()
        self.submissions = FingerprintIndex()
        self._seen = 0

    def match(self, submission_id: str, fingerprint: dict[str, Any] | None) -> dict[str, Any] | None:
        """The best match that is not the submission itself (a student's own re-upload is no copy), or None."""
        if not fingerprint:
            return None
        self._catch_up()
        mine = Fingerprint.from_dict(fingerprint)
        found = [(m, "submission") for m in self.submissions.match(mine) if m.work_id != submission_id]
        found += [(m, "archive") for m in self.archive.match(mine)]
        if not found:
            return None
        best, source = max(found, key=lambda pair: pair[0].score)
        return as_duplicate(best, source)

    def _catch_up(self) -> None:
        self.index.catch_up()
        for submission_id, edition, fingerprint in self.index.fingerprints[self._seen :]:
            self.submissions.add(submission_id, edition, Fingerprint.from_dict(fingerprint))
        self._seen = len(self.index.fingerprints)


def as_duplicate(match: Match, source: str) -> dict[str, Any]:
    return {"work_id": match.work_id, "edition": match.edition, "title": "", "similarity": match.score,
            "source": source}
