"""Run the checks of one stored upload: the film, image or form checks for its slot, straight from S3.

A storage failure is not the file's fault: it is raised (the message comes back later), never judged.
A file whose time budget runs out gets a `time_budget` failure that says so.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from festival_events.contracts.registry import EditionRules
from festival_inspection import documents, images
from festival_inspection.film import FilmRules, inspect_film
from festival_inspection.fingerprint import content_hash
from festival_inspection.perceptual import Fingerprinter
from festival_inspection.report import Check, Report
from festival_inspection.worker.adapters.s3 import Bucket, ObjectMissing, OutOfTime, S3File
from festival_inspection.worker.application import Upload

FILM, IMAGES, FORMS = "film", ("cover", "poster"), ("application_form", "copyright_declaration")
# The reader's own deadline, past the budget the film checks keep: a stalled read still ends.
READ_GRACE = 1.25


@dataclass(frozen=True)
class Outcome:
    """What a worker records: the report, the bytes' hash and, for a film, its fingerprint."""

    report: Report
    content_hash: str
    fingerprint: dict[str, Any] | None = None
    elapsed_s: float = 0.0


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
            return Outcome(Report((missing(),)), "", None, 0.0)
        source.deadline = started + self.budget_s * READ_GRACE
        report, fingerprint = self._checks(upload.slot, source, rules, category)
        elapsed = time.monotonic() - started
        if isinstance(source.failure, OutOfTime):
            return Outcome(Report((out_of_time(elapsed, self.budget_s),)), "", None, elapsed)
        if source.failure is not None:
            raise source.failure
        source.seek(0)
        source.deadline = None  # hashing is a plain read: it is not what the budget is for
        return Outcome(report, content_hash(source), fingerprint, elapsed)

    def _checks(self, slot: str, source: S3File, rules: EditionRules,
                category: str | None) -> tuple[Report, dict[str, Any] | None]:
        if slot == FILM:
            # The fingerprint is built from the pictures of the inspection's own decode: one pass per film.
            fingerprinter = Fingerprinter()
            report = inspect_film(source, FilmRules.from_edition(rules), category, budget_s=self.budget_s,
                                  on_picture=fingerprinter.feed)
            readable = all(c.verdict == "pass" for c in report.checks if c.id in ("readable", "time_budget"))
            return report, fingerprint_of(fingerprinter) if readable else None
        if slot in IMAGES:
            return images.inspect_image(source, slot, rules.files[slot]), None
        if slot in FORMS:
            return documents.inspect_form(source, rules.files[slot]), None
        raise ValueError(f"no checks for slot {slot!r}")


def fingerprint_of(fingerprinter: Fingerprinter) -> dict[str, Any] | None:
    """The film's perceptual fingerprint: an aid for reviewers, so a film with no picture simply has none."""
    fingerprint = fingerprinter.result()
    return fingerprint.as_dict() if fingerprint.hashes else None


def gave_up(attempts: int) -> Check:
    return Check("readable", "fail", f"{attempts} attempts", "an inspection that finishes",
                 f"检测这个文件时已连续 {attempts} 次中断，文件可能已损坏：请检查后重新导出并上传。",
                 f"Inspecting this file stopped {attempts} times in a row; it may be damaged: check it, export "
                 "it again and upload it.")


def missing() -> Check:
    return Check("readable", "fail", "missing", "the uploaded file",
                 "存储中找不到这个文件：请重新上传。", "The file is no longer in storage: upload it again.")


def out_of_time(elapsed_s: float, budget_s: float) -> Check:
    return Check("time_budget", "fail", round(elapsed_s, 1), budget_s,
                 f"文件检测超过了 {budget_s:g} 秒的时限而被中止：请检查视频是否损坏，或按要求压缩后重新上传。",
                 f"Inspecting the file took longer than its {budget_s:g} s limit and was stopped: check that "
                 "the film is not damaged, or re-encode it as the rules ask and upload it again.")
