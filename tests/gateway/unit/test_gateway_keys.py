"""The token secret: from the environment, else made once, kept 0600 and reused across restarts."""

from __future__ import annotations

import stat

from festival_gateway.keys import ENV, token_secret


def test_a_generated_secret_is_private_and_stable(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    first = token_secret(tmp_path)
    path = tmp_path / "gateway" / "token.key"
    assert len(first) >= 48 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert token_secret(tmp_path) == first


def test_the_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV, "from-the-environment")
    assert token_secret(tmp_path) == "from-the-environment"
    assert not (tmp_path / "gateway" / "token.key").exists()


def test_a_mounted_secret_file_wins_too(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    mounted = tmp_path / "run-secrets-token"
    mounted.write_text("from-a-secret-file\n")
    monkeypatch.setenv(f"{ENV}_FILE", str(mounted))
    assert token_secret(tmp_path / "data") == "from-a-secret-file"
    assert not (tmp_path / "data" / "gateway" / "token.key").exists()
