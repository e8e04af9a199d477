"""Run the checks of one stored upload: measure the film, image or form of its slot straight from S3, then
decide with festival_decisions' `verdicts` on the measurements, which the completed inspection records.

A storage failure is not the file's fault: it is raised (the message comes back later), never judged.
A file whose time budget runs out gets a `time_budget` failure that says so.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from typing import Any

from festival_decisions.inspection import Report, measurements, verdicts
from festival_decisions.inspection.decide import FILM, FORMS, IMAGES
from festival_events.contracts.registry import EditionRules
from festival_inspection.documents import measure_form
from festival_inspection.film import FilmRules, measure_film
from festival_inspection.fingerprint import content_hash
from festival_inspection.images import measure_image
from festival_inspection.perceptual import Fingerprinter
from festival_inspection.worker.adapters.s3 import Bucket, ObjectMissing, OutOfTime, S3File
from festival_inspection.worker.application import Upload

# The reader's own deadline, past the budget the film checks keep: a stalled read still ends.
READ_GRACE = 1.25


@dataclass(frozen=True)
class Outcome:
    """What a worker records: the measurements and the report decided from them, the bytes' hash and, for a
    film, its fingerprint."""

    report: Report
    content_hash: str
    fingerprint: dict[str, Any] | None = None
    elapsed_s: float = 0.0
    measurements: dict[str, Any] | None = None


def decided(upload: Upload, measured: dict[str, Any], rules: EditionRules, category: str | None,
            content_hash: str = "", elapsed_s: float = 0.0) -> Outcome:
    """The outcome of `measured`, decided by the rules' one entry point (the auditor's too)."""
    _, checks = verdicts(upload.slot, measured, rules, category)
    return Outcome(Report(tuple(checks)), content_hash, None, elapsed_s, measured)


class Inspector:
    """Checks uploads read from one bucket, each film within `budget_s` seconds."""

    def __init__(self, bucket: Bucket, budget_s: float):
        self.bucket, self.budget_s = bucket, budget_s

    def open(self, upload: Upload) -> S3File | None:
        """The stored object, or None if it is gone; raises StorageFailed when S3 cannot be reached."""
        try:
            return self.bucket.open(upload.object_key)
        except ObjectMissing:
            return None

    def inspect(self, upload: Upload, source: S3File | None, rules: EditionRules, category: str | None) -> Outcome:
        """Every check of the upload's slot; raises StorageFailed when S3 failed while reading."""
        started = time.monotonic()
        if source is None:
            return decided(upload, measurements(kind="missing"), rules, category)
        source.deadline = started + self.budget_s * READ_GRACE
        measured, fingerprint = self._measure(upload.slot, source, rules)
        elapsed = time.monotonic() - started
        if isinstance(source.failure, OutOfTime):
            late = measurements(kind="out_of_time", elapsed_s=round(elapsed, 3), budget_s=self.budget_s)
            return decided(upload, late, rules, category, elapsed_s=elapsed)
        if source.failure is not None:
            raise source.failure
        source.seek(0)
        source.deadline = None  # hashing is a plain read: it is not what the budget is for
        outcome = decided(upload, measured, rules, category, content_hash(source), elapsed_s=elapsed)
        return dataclasses.replace(outcome, fingerprint=fingerprint if _readable(outcome.report) else None)

    def _measure(self, slot: str, source: S3File, rules: EditionRules) -> tuple[dict[str, Any], dict[str, Any] | None]:
        if slot == FILM:
            # The fingerprint is built from the pictures of the inspection's own decode: one pass per film.
            fingerprinter = Fingerprinter()
            silence = FilmRules.from_edition(rules).silence_lufs
            film = measure_film(source, silence, budget_s=self.budget_s, on_picture=fingerprinter.feed)
            return measurements(film), fingerprint_of(fingerprinter)
        if slot in IMAGES:
            return measurements(measure_image(source)), None
        if slot in FORMS:
            return measurements(measure_form(source)), None
        raise ValueError(f"no checks for slot {slot!r}")


def _readable(report: Report) -> bool:
    return all(c.verdict == "pass" for c in report.checks if c.id in ("readable", "time_budget"))


def fingerprint_of(fingerprinter: Fingerprinter) -> dict[str, Any] | None:
    """The film's perceptual fingerprint: an aid for reviewers, so a film with no picture simply has none."""
    fingerprint = fingerprinter.result()
    return fingerprint.as_dict() if fingerprint.hashes else None
