"""Pages of a list in a stable order: each page starts after the last id of the one before.

A position is an id, not an offset, so a page is the same whatever was added or decided since the one before;
rows are never removed from the lists this pages (intake's works, review's cases), so a position stays valid.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from festival_kit.errors import FestivalError

Row = TypeVar("Row")


def bad_page() -> FestivalError:
    return FestivalError("bad_page", "翻页位置无效：请从第一页重新开始。",
                         "That page position is not a row of this list: start again from the first page.", 422)


def page(rows: Iterable[Row], id_of: Callable[[Row], str], wanted: Callable[[Row], bool], after: str = "",
         limit: int = 0) -> tuple[list[Row], bool]:
    """The rows `wanted` keeps, in order, starting after the row whose id is `after` ("" for the first page), at
    most `limit` (0: all); and whether more follow. An `after` that names no row is bad_page."""
    rows = iter(rows)
    if after:
        for row in rows:
            if id_of(row) == after:
                break
        else:
            raise bad_page()
    found: list[Row] = []
    for row in rows:
        if wanted(row):
            if limit and len(found) == limit:
                return found, True
            found.append(row)
    return found, False
