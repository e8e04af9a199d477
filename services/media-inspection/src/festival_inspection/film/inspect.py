"""Measure a film: its header without decoding, then one pass for everything that needs packets or samples.

What is measured is a `FilmMeasures` record; the checks are festival_decisions' functions of that record.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable

import av

from festival_decisions.inspection.film import FilmRules, film_checks
from festival_decisions.inspection.film.header import Header
from festival_decisions.inspection.film.measures import FilmMeasures
from festival_decisions.inspection.report import Report
from festival_inspection.film.probe import READ_ERRORS, Source, brands, describe, head_bytes, header, open_container, signature
from festival_inspection.film.scan import scan


def inspect_film(
    source: Source, rules: FilmRules, category: str | None, budget_s: float | None = None,
    on_picture: Callable[[av.VideoFrame], None] | None = None,
) -> Report:
    """Every film check of `source` (a path, a binary file object with read and seek, or bytes).

    A damaged, truncated or hostile file gives a `readable` failure, never an exception; a pass that runs past
    `budget_s` seconds stops and fails `time_budget` with what it measured so far. `category` None (not chosen
    yet) checks the duration against the longest limit; an unknown category is the caller's mistake: ValueError.
    `on_picture` sees every decoded picture of the same pass (the worker builds the film's fingerprint with it).
    """
    rules.max_duration(category)
    return Report(film_checks(measure_film(source, rules.silence_lufs, budget_s, on_picture), rules, category))


def inspect_film_header(source: Source, rules: FilmRules, category: str | None) -> Report:
    """Only the checks the headers answer (container, codec, playability, sound track and layout, size, aspect,
    duration, bit rate)."""
    rules.max_duration(category)
    return Report(film_checks(measure_film(source, rules.silence_lufs, decode=False), rules, category))


def measure_film(source: Source, silence_lufs: float, budget_s: float | None = None,
                 on_picture: Callable[[av.VideoFrame], None] | None = None, decode: bool = True) -> FilmMeasures:
    """What the checks read of `source`; sound under `silence_lufs` (the edition's level) counts as silence."""
    started = time.monotonic()
    if isinstance(source, bytes | bytearray | memoryview):
        source = io.BytesIO(source)
    try:
        head = head_bytes(source)
    except READ_ERRORS as exc:
        return FilmMeasures(None, describe(exc))
    try:
        container = open_container(source)
    except READ_ERRORS as exc:
        return FilmMeasures(_bare(head), describe(exc))
    with container:
        try:
            found = header(container, head)
        except READ_ERRORS as exc:
            return FilmMeasures(_bare(head), describe(exc))
        if found.video is None or not decode:
            return FilmMeasures(found)
        left = None if budget_s is None else max(0.0, budget_s - (time.monotonic() - started))
        result = scan(container, found, silence_lufs, left, on_picture=on_picture)
    return FilmMeasures(found, None, result, budget_s)


def _bare(head: bytes) -> Header:
    """A header made of the first bytes only, for a file PyAV cannot open: the container check still answers."""
    return Header(brands(head), signature(head), "unknown", None, None, None, None)
