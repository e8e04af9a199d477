"""Secrets come from NAME or from the file NAME_FILE names; a wrong file stops the process, never an empty key."""

from __future__ import annotations

import pytest

from festival_kit.secrets import SecretUnreadable, secret
from festival_kit.settings import Settings


@pytest.fixture(autouse=True)
def clean(monkeypatch):
    for name in ("S3_SECRET_KEY", "S3_ACCESS_KEY", "POSTGRES_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(f"{name}_FILE", raising=False)


def test_a_value_or_a_file_or_the_default(tmp_path, monkeypatch):
    assert secret("S3_SECRET_KEY", "fallback") == "fallback"
    monkeypatch.setenv("S3_SECRET_KEY", "in-the-env")
    assert secret("S3_SECRET_KEY") == "in-the-env"
    monkeypatch.delenv("S3_SECRET_KEY")
    (tmp_path / "key").write_text("in-a-file\n")
    monkeypatch.setenv("S3_SECRET_KEY_FILE", str(tmp_path / "key"))
    assert secret("S3_SECRET_KEY") == "in-a-file"


def test_settings_read_secret_files(tmp_path, monkeypatch):
    for name, value in (("S3_ACCESS_KEY", "ak"), ("S3_SECRET_KEY", "sk")):
        (tmp_path / name).write_text(value)
        monkeypatch.setenv(f"{name}_FILE", str(tmp_path / name))
    settings = Settings(data_dir=tmp_path, store="sqlite")
    assert (settings.s3_access_key, settings.s3_secret_key) == ("ak", "sk")


@pytest.mark.parametrize("problem", ["missing", "empty", "both"])
def test_a_wrong_secret_file_is_refused_by_name(tmp_path, monkeypatch, problem):
    path = tmp_path / "key"
    if problem != "missing":
        path.write_text("\n" if problem == "empty" else "in-a-file")
    if problem == "both":
        monkeypatch.setenv("S3_SECRET_KEY", "in-the-env")
    monkeypatch.setenv("S3_SECRET_KEY_FILE", str(path))
    with pytest.raises(SecretUnreadable) as caught:
        secret("S3_SECRET_KEY")
    assert "S3_SECRET_KEY" in str(caught.value)
