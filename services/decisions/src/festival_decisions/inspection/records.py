"""Measurement records to JSON and back, exactly: the event carries the JSON, the checks read the records.

Floats survive JSON unchanged (Python writes the shortest text that reads back as the same float), fractions
are written "num/den", tuples as lists; reading a record back takes its field types from the dataclass, so a
record read from an event is equal to the one measured, and every check computed from it is the same.
"""

from __future__ import annotations

import types
import typing
from dataclasses import fields, is_dataclass
from fractions import Fraction
from typing import Any, TypeVar

R = TypeVar("R")


def as_json(value: Any) -> Any:
    """`value` (a record, or anything inside one) as JSON has it."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, list | tuple):
        return [as_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    return value


def from_json(cls: type[R], data: dict[str, Any]) -> R:
    """The record of type `cls` that `as_json` wrote as `data`; ValueError for a key the record does not have."""
    if not isinstance(data, dict):
        raise ValueError(f"{cls.__name__}: expected an object, got {type(data).__name__}")
    names = {f.name for f in fields(cls)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise ValueError(f"{cls.__name__}: unknown fields {unknown}")
    hints = typing.get_type_hints(cls)
    try:
        return cls(**{name: _typed(hints[name], value) for name, value in data.items()})
    except TypeError as exc:
        raise ValueError(f"{cls.__name__}: {exc}") from None


def _typed(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin, args = typing.get_origin(hint), [a for a in typing.get_args(hint) if a is not type(None)]
    if origin in (typing.Union, types.UnionType):
        return _typed(args[0], value)  # the records' unions are all "X | None"
    if hint is Fraction:
        return Fraction(value)
    if is_dataclass(hint):
        return from_json(hint, value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(args[0], v) for v in value)
        return tuple(_typed(a, v) for a, v in zip(args, value, strict=True))
    return value
