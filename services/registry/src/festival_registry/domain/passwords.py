"""Password hashes (argon2id): only the hash is stored, and it never leaves the registry's store."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def spend_verify_time(password: str) -> None:
    """Verify against a hash nobody owns, so an unknown username takes as long as a wrong password."""
    matches(_decoy(), password)


@cache
def _decoy() -> str:
    return _hasher.hash("decoy password nobody has")
