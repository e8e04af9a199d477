"""Signed checkpoints: what is signed opens with the key, anything changed or signed otherwise does not."""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from festival_audit.notes import (Checkpoint, NoteError, load_or_create_key, open_note, parse_verifier_key, sign,
                                  verifier_key)

NAME = "festival.example/FESTIVAL"


def test_a_signed_checkpoint_opens_with_its_key():
    key = Ed25519PrivateKey.generate()
    checkpoint = Checkpoint(NAME, 1234, hashlib.sha256(b"root").digest())
    text = sign(checkpoint, NAME, key)
    assert text.startswith(f"{NAME}\n1234\n")
    assert open_note(text, NAME, key.public_key()) == checkpoint


def test_the_verifier_key_round_trips_and_checks_its_id():
    key = Ed25519PrivateKey.generate()
    text = verifier_key(NAME, key.public_key())
    name, public = parse_verifier_key(text)
    assert name == NAME and verifier_key(name, public) == text
    other = verifier_key(NAME, Ed25519PrivateKey.generate().public_key())
    with pytest.raises(NoteError):
        name_part, _, encoded = text.split("+", 2)
        parse_verifier_key(f"{name_part}+{other.split('+', 2)[1]}+{encoded}")
    with pytest.raises(NoteError):
        parse_verifier_key("not a key")


def test_a_changed_size_or_another_key_does_not_open():
    key = Ed25519PrivateKey.generate()
    text = sign(Checkpoint(NAME, 10, b"\x00" * 32), NAME, key)
    with pytest.raises(NoteError, match="does not verify"):
        open_note(text.replace("\n10\n", "\n11\n"), NAME, key.public_key())
    with pytest.raises(NoteError, match="not signed"):
        open_note(text, NAME, Ed25519PrivateKey.generate().public_key())
    with pytest.raises(NoteError):
        open_note("garbage", NAME, key.public_key())


def test_the_key_is_made_once_and_kept(tmp_path):
    path = tmp_path / "keys" / "checkpoint.pem"
    first = load_or_create_key(path)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert verifier_key(NAME, load_or_create_key(path).public_key()) == verifier_key(NAME, first.public_key())
