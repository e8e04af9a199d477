"""The log as a Merkle tree (RFC 6962 / RFC 9162, as Certificate Transparency and Sigstore's Rekor build it).

Leaves are the envelope hashes of FESTIVAL's messages in stream order: leaf `H(0x00 || hash)`, node
`H(0x01 || left || right)`, H = SHA-256. A tree of n leaves splits at the largest power of two below n.
Every complete power-of-two subtree is kept as it is built, so the root of any prefix, an inclusion proof
or a consistency proof costs O(log n) hashes; the verifying functions follow RFC 9162 §2.1.3.2 and §2.1.4.2
and need nothing but the proof.
"""

from __future__ import annotations

import hashlib
import json

EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(entry: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def entry_of(body: bytes, parsed: object = None) -> bytes:
    """What a stream message contributes to the tree: its envelope's hash, or (not an envelope) its bytes' SHA-256.
    `parsed` is the body already decoded, when the caller has it."""
    if parsed is None:
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None
    value = parsed.get("hash") if isinstance(parsed, dict) else None
    if isinstance(value, str) and len(value) == 64:
        try:
            return bytes.fromhex(value)
        except ValueError:
            pass
    return hashlib.sha256(body).digest()


def _split(n: int) -> int:
    """The largest power of two smaller than n (n > 1)."""
    return 1 << ((n - 1).bit_length() - 1)


class Tree:
    """An append-only Merkle tree; levels[k][i] is the hash of the complete subtree of leaves [i*2^k, (i+1)*2^k)."""

    def __init__(self) -> None:
        self.levels: list[list[bytes]] = [[]]

    def __len__(self) -> int:
        return len(self.levels[0])

    def append(self, entry: bytes) -> int:
        """Add a leaf; returns its index."""
        self.levels[0].append(leaf_hash(entry))
        index, level = len(self.levels[0]) - 1, 0
        while index % 2 == 1:  # a right child completes its parent
            if level + 1 == len(self.levels):
                self.levels.append([])
            self.levels[level + 1].append(node_hash(self.levels[level][index - 1], self.levels[level][index]))
            index, level = index // 2, level + 1
        return len(self.levels[0]) - 1

    def root(self, size: int | None = None) -> bytes:
        """The root of the tree of the first `size` leaves (all of them by default)."""
        size = len(self) if size is None else size
        self._within(size)
        return self._hash(0, size) if size else EMPTY_ROOT

    def inclusion(self, index: int, size: int | None = None) -> list[bytes]:
        """The audit path of leaf `index` in the tree of the first `size` leaves (RFC 6962 PATH)."""
        size = len(self) if size is None else size
        self._within(size)
        if not 0 <= index < size:
            raise ValueError(f"leaf {index} is not in a tree of {size}")
        return self._path(index, 0, size)

    def consistency(self, old: int, new: int | None = None) -> list[bytes]:
        """The proof that the tree of `old` leaves is a prefix of the tree of `new` (RFC 6962 PROOF)."""
        new = len(self) if new is None else new
        self._within(new)
        if not 0 < old <= new:
            raise ValueError(f"no consistency proof from {old} to {new}")
        return self._subproof(old, 0, new, True)

    # -- internals: ranges [start, start + n) of leaves ------------------------------------------------

    def _within(self, size: int) -> None:
        if not 0 <= size <= len(self):
            raise ValueError(f"the tree has {len(self)} leaves, not {size}")

    def _hash(self, start: int, n: int) -> bytes:
        if n & (n - 1) == 0 and start % n == 0:  # a complete subtree, already built
            return self.levels[n.bit_length() - 1][start // n]
        k = _split(n)
        return node_hash(self._hash(start, k), self._hash(start + k, n - k))

    def _path(self, m: int, start: int, n: int) -> list[bytes]:
        if n == 1:
            return []
        k = _split(n)
        if m < k:
            return self._path(m, start, k) + [self._hash(start + k, n - k)]
        return self._path(m - k, start + k, n - k) + [self._hash(start, k)]

    def _subproof(self, m: int, start: int, n: int, whole: bool) -> list[bytes]:
        if m == n:
            return [] if whole else [self._hash(start, n)]
        k = _split(n)
        if m <= k:
            return self._subproof(m, start, k, whole) + [self._hash(start + k, n - k)]
        return self._subproof(m - k, start + k, n - k, False) + [self._hash(start, k)]


def root_from_inclusion(index: int, size: int, leaf: bytes, path: list[bytes]) -> bytes:
    """RFC 9162 §2.1.3.2: the root an inclusion proof leads to (compare it with a checkpoint's root)."""
    if not 0 <= index < size:
        raise ValueError("index outside the tree")
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            raise ValueError("proof too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise ValueError("proof too short")
    return r


def consistent(old: int, new: int, old_root: bytes, new_root: bytes, proof: list[bytes]) -> bool:
    """RFC 9162 §2.1.4.2: does the proof show the tree of `old` leaves is a prefix of the tree of `new`?"""
    if not 0 < old <= new:
        return False
    if old == new:
        return not proof and old_root == new_root
    if not proof:
        return False
    path = list(proof)
    if old & (old - 1) == 0:  # old is a power of two: its root is the first node of the path
        path = [old_root] + path
    fn, sn = old - 1, new - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and fr == old_root and sr == new_root
