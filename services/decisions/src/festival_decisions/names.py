"""How the rules compare people's names: NFKC, spaces collapsed (as the registry cleans names)."""

from __future__ import annotations

import unicodedata


def person(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).split())
