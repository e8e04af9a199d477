"""Signed checkpoints as C2SP signed notes (the format of Go's sumdb, Sigstore's Rekor and every tlog witness).

A checkpoint's body is three lines: the log's origin, the tree size, the base64 root hash. Its signature line
is `— <key name> base64(key id || Ed25519 signature of the body)`, the key id being the first four bytes of
SHA-256(key name || "\\n" || 0x01 || public key). A region that saved the text can check it with nothing but
the festival's public key, and a later verify proves the log still has that root at that size.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ED25519 = b"\x01"
DASH = "\u2014"


class NoteError(ValueError):
    """A checkpoint text that is malformed or whose signature does not verify."""


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes

    def body(self) -> str:
        return f"{self.origin}\n{self.size}\n{base64.b64encode(self.root).decode()}\n"


def key_id(name: str, public: Ed25519PublicKey) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + ED25519 + _raw(public)).digest()[:4]


def verifier_key(name: str, public: Ed25519PublicKey) -> str:
    """The public key as a note verifier key: `name+hex(key id)+base64(0x01 || key)`."""
    return f"{name}+{key_id(name, public).hex()}+{base64.b64encode(ED25519 + _raw(public)).decode()}"


def parse_verifier_key(text: str) -> tuple[str, Ed25519PublicKey]:
    try:
        name, hex_id, encoded = text.strip().split("+", 2)
        raw = base64.b64decode(encoded, validate=True)
        if raw[:1] != ED25519 or len(raw) != 33:
            raise NoteError("not an Ed25519 verifier key")
        public = Ed25519PublicKey.from_public_bytes(raw[1:])
    except (ValueError, TypeError) as exc:
        raise NoteError(f"malformed verifier key: {exc}") from exc
    if key_id(name, public).hex() != hex_id:
        raise NoteError("the verifier key's id does not match its key")
    return name, public


def sign(checkpoint: Checkpoint, name: str, private: Ed25519PrivateKey) -> str:
    body = checkpoint.body()
    signature = private.sign(body.encode())
    stamp = base64.b64encode(key_id(name, private.public_key()) + signature).decode()
    return f"{body}\n{DASH} {name} {stamp}\n"


def open_note(text: str, name: str, public: Ed25519PublicKey) -> Checkpoint:
    """The checkpoint a signed note carries, once its signature by this key is verified; NoteError otherwise."""
    body, sep, signatures = text.partition("\n\n")
    if not sep:
        raise NoteError("no signature block")
    body += "\n"
    wanted = key_id(name, public)
    for line in signatures.splitlines():
        parts = line.split(" ")
        if len(parts) != 3 or parts[0] != DASH or parts[1] != name:
            continue
        try:
            stamp = base64.b64decode(parts[2], validate=True)
        except ValueError:
            continue
        if stamp[:4] != wanted:
            continue
        try:
            public.verify(stamp[4:], body.encode())
        except InvalidSignature as exc:
            raise NoteError("the signature does not verify") from exc
        return _parse_body(body)
    raise NoteError(f"not signed by {name}")


def _parse_body(body: str) -> Checkpoint:
    lines = body.split("\n")
    try:
        origin, size, root = lines[0], int(lines[1]), base64.b64decode(lines[2], validate=True)
    except (IndexError, ValueError) as exc:
        raise NoteError("malformed checkpoint body") from exc
    if not origin or size < 0 or len(root) != 32:
        raise NoteError("malformed checkpoint body")
    return Checkpoint(origin, size, root)


def load_or_create_key(path: Path) -> Ed25519PrivateKey:
    """The festival's signing key (PEM, PKCS#8), made on first start and kept readable by its owner only."""
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise NoteError(f"{path} is not an Ed25519 key")
        return key
    key = Ed25519PrivateKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    return key


def _raw(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
