"""`festival secrets`: the secrets compose.yaml mounts, generated once into a folder only its owner can enter.

Compose (without swarm) bind-mounts each file at /run/secrets/NAME with the host's owner and mode, and the
platform's containers run as uid 10001: the files are therefore world-readable (0644) inside a folder of
mode 0700, so no other account on the host reaches them, while the containers can read their own mount.
A file already there is kept: regenerating the S3 or PostgreSQL password would lock out the data they guard.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

# compose.yaml's secrets, and how many random bytes each gets (URL-safe text: no quoting anywhere).
SECRETS = {"s3_access_key": 15, "s3_secret_key": 30, "postgres_password": 24, "token_secret": 48}


def write_secrets(folder: Path) -> list[str]:
    """Create the folder (0700) and every missing secret in it; returns the names newly written."""
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    written = []
    for name, size in SECRETS.items():
        try:
            fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(size))
        os.chmod(folder / name, 0o644)  # whatever the umask
        written.append(name)
    return written
