"""The few statistics the judging rules share, computed so that input order never changes a bit.

`math.fsum` is correctly rounded, so a sum (and hence a mean) does not depend on the order of its terms.
Every figure a rule outputs goes through `four_places`, so the recorded JSON is stable.
"""

from __future__ import annotations

import math
from typing import Sequence


def mean(values: Sequence[float]) -> float:
    """The arithmetic mean of a non-empty sequence."""
    return math.fsum(values) / len(values)


def population_sd(values: Sequence[float]) -> float:
    """The population standard deviation; exactly 0 when every value is the same."""
    # Computing a mean of equal floats can round, which would leave a tiny spurious spread.
    if is_flat(values):
        return 0.0
    centre = mean(values)
    return math.sqrt(math.fsum((value - centre) ** 2 for value in values) / len(values))


def is_flat(values: Sequence[float]) -> bool:
    """Whether all values are equal (a standard deviation of 0)."""
    return max(values) == min(values)


def four_places(value: float) -> float:
    """The value rounded to 4 decimals, with -0.0 written as 0.0 so equal results serialise alike."""
    return round(value, 4) + 0.0
