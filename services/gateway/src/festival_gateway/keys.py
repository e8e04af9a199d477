"""The token signing secret: from the environment, else generated once and kept beside the data."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from festival_kit.secrets import secret

ENV = "FESTIVAL_TOKEN_SECRET"


def token_secret(data_dir: Path) -> str:
    """FESTIVAL_TOKEN_SECRET (or the file FESTIVAL_TOKEN_SECRET_FILE names), or data_dir/gateway/token.key (made 0600 on first start, so restarts keep logins)."""
    given = secret(ENV)
    if given:
        return given
    path = data_dir / "gateway" / "token.key"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: two gateways starting together cannot both write a different key.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as key_file:
        key_file.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
