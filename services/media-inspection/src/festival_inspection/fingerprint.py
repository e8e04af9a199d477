"""Originality aid: a content hash, and a perceptual fingerprint that survives re-encoding, resizing and trimming.

Two fingerprints are compared at every relative offset; the score is the share of the shorter film's samples
that find a near-identical sample at the best offset, so a trimmed or partial copy still scores high.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path
from typing import NamedTuple

import av
import numpy as np

from festival_inspection.perceptual import Fingerprint, Fingerprinter, STEP_S
from festival_inspection.sources import Source, open_stream

PAIR_BITS = 12  # of 64: re-encodes and resizes stay within ~8 bits; unrelated pictures sit near 32
MATCH_SCORE = 0.6  # share of the shorter film's samples that must line up to call it a copy
MIN_SAMPLES = 6  # fewer informative samples than this (~3 s) is too little picture to call anything a copy

__all__ = ["Fingerprint", "FingerprintIndex", "Fingerprinter", "Match", "content_hash", "film_fingerprint",
           "similarity"]


def content_hash(source: Source) -> str:
    """The SHA-256 of the whole content, read in 1 MB chunks, as lowercase hex."""
    digest = hashlib.sha256()
    if isinstance(source, (bytes, bytearray, memoryview)):
        digest.update(source)
        return digest.hexdigest()
    with open_stream(source) as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def film_fingerprint(source: Source, step_s: float = STEP_S) -> Fingerprint:
    """Decode `source`'s first video stream (skipping pictures no other refers to, to stay cheap) into a fingerprint.

    Raises av.FFmpegError (or ValueError when there is no picture) for a file that is not a film.
    """
    builder = Fingerprinter(step_s)
    if isinstance(source, (bytes, bytearray)):
        source = io.BytesIO(source)
    with av.open(os.fspath(source) if isinstance(source, os.PathLike) else source) as container:
        if not container.streams.video:
            raise ValueError("no video stream")
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        stream.codec_context.skip_frame = "NONREF"
        try:
            for frame in container.decode(stream):
                builder.feed(frame)
        except av.FFmpegError:
            pass  # a damaged tail: what decoded so far still identifies the film
    return builder.result()


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Share (0-1) of the shorter film's informative samples matched at the best alignment of the two."""
    if (a.step_s, a.window_s) != (b.step_s, b.window_s):
        raise ValueError("fingerprints sampled at different steps or windows cannot be compared")
    ha, ma = _arrays(a)
    hb, mb = _arrays(b)
    shorter = min(int(ma.sum()), int(mb.sum()))
    if shorter < MIN_SAMPLES:
        return 0.0
    close = (np.bitwise_count(ha[:, None] ^ hb[None, :]) <= PAIR_BITS) & ma[:, None] & mb[None, :]
    best = max(int(np.trace(close, offset=k)) for k in range(1 - len(ha), len(hb)))
    return best / shorter


def _arrays(fp: Fingerprint) -> tuple[np.ndarray, np.ndarray]:
    hashes = np.array([h or 0 for h in fp.hashes], dtype=np.uint64)
    return hashes, np.array([h is not None for h in fp.hashes], dtype=bool)


class Match(NamedTuple):
    """A known work whose picture the queried film shares: for reviewers to compare (`duplicate_of`)."""

    work_id: str
    edition: str
    score: float


class Imported(NamedTuple):
    """What a folder import took (work ids) and left (files that are not films)."""

    added: list[str]
    skipped: list[str]


class FingerprintIndex:
    """Fingerprints of known works (this edition's submissions, earlier editions' films), in memory, saved as JSON."""

    def __init__(self, threshold: float = MATCH_SCORE) -> None:
        self.threshold = threshold
        self._works: dict[tuple[str, str], Fingerprint] = {}

    def __len__(self) -> int:
        return len(self._works)

    def add(self, work_id: str, edition: str, fp: Fingerprint) -> None:
        """Know `fp` as the film of `work_id` in `edition` (replacing an earlier one of the same work)."""
        self._works[(work_id, edition)] = fp

    def match(self, fp: Fingerprint) -> list[Match]:
        """Known works at or above the threshold, most similar first."""
        found = [Match(w, e, round(similarity(fp, known), 3)) for (w, e), known in self._works.items()]
        return sorted((m for m in found if m.score >= self.threshold), key=lambda m: (-m.score, m.edition, m.work_id))

    def import_folder(self, folder: Path, edition: str) -> Imported:
        """Fingerprint every film under `folder` as a work of `edition`, named by its path without suffix."""
        added, skipped = [], []
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file() and not p.name.startswith(".")):
            work_id = path.relative_to(folder).with_suffix("").as_posix()
            try:
                self.add(work_id, edition, film_fingerprint(path))
                added.append(work_id)
            except (av.FFmpegError, ValueError, OSError):
                skipped.append(path.relative_to(folder).as_posix())
        return Imported(added, skipped)

    def save(self, path: Path) -> None:
        """Write every known work's fingerprint to a JSON file."""
        works = [{"work_id": w, "edition": e, **fp.as_dict()} for (w, e), fp in self._works.items()]
        data = {"format": "festival-fingerprints/1", "threshold": self.threshold, "works": works}
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> FingerprintIndex:
        """An index as `save` wrote it."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        index = cls(float(data.get("threshold", MATCH_SCORE)))
        for work in data["works"]:
            index.add(work["work_id"], work["edition"], Fingerprint.from_dict(work))
        return index
