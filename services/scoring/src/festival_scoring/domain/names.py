"""How names are compared by the conflict rules: NFKC, spaces collapsed (as the registry cleans names)."""

from __future__ import annotations

import unicodedata


def person(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).split())
