"""Deterministic ids: seeding twice finds what the first seeding made, a taken username is found by id."""

from __future__ import annotations

import unicodedata
import uuid

NAMESPACE = uuid.UUID("9b1c5a52-4f0e-5d7e-9a3c-2b8f6c1d0e41")


def edition_id(code: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"edition:{code}")


def region_id(code: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"region:{code}")


def school_id(region: str, name: str) -> uuid.UUID:
    """One school per name within a region (names compared after Unicode and space normalisation)."""
    return uuid.uuid5(NAMESPACE, f"school:{region}:{normal_name(name)}")


def account_id(username: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"account:{username}")


def normal_name(name: str) -> str:
    # NFKC folds full-width letters and digits, so "一中" and "一中 " or "１中" and "1中" are one school.
    return " ".join(unicodedata.normalize("NFKC", name).split())
