"""Secrets from the environment or from a file it names (NAME_FILE, as Docker and Kubernetes secrets mount them)."""

from __future__ import annotations

import os
from pathlib import Path


class SecretUnreadable(RuntimeError):
    """NAME_FILE names a file that cannot be read: the process must not start with an empty secret."""


def secret(name: str, default: str = "") -> str:
    """NAME's value; else the contents of the file NAME_FILE names (one trailing newline or space dropped);
    else `default`. Both set is a mistake an operator should hear about, not a silent choice."""
    value, path = os.environ.get(name, ""), os.environ.get(f"{name}_FILE", "")
    if value and path:
        raise SecretUnreadable(f"both {name} and {name}_FILE are set: keep one")
    if value or not path:
        return value or default
    try:
        text = Path(path).read_text(encoding="utf-8").strip()
    except OSError as problem:
        raise SecretUnreadable(f"{name}_FILE={path}: {problem.strerror or problem}") from None
    if not text:
        raise SecretUnreadable(f"{name}_FILE={path} is empty")
    return text
