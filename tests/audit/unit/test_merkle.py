"""The log's Merkle tree against RFC 6962's definition, and its proofs against RFC 9162's verifiers."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from festival_audit.merkle import EMPTY_ROOT, Tree, consistent, leaf_hash, node_hash, root_from_inclusion


def mth(entries: list[bytes]) -> bytes:
    """RFC 6962 §2.1, written as the RFC states it (recursive, nothing cached)."""
    if not entries:
        return hashlib.sha256(b"").digest()
    if len(entries) == 1:
        return leaf_hash(entries[0])
    k = 1
    while k * 2 < len(entries):
        k *= 2
    return node_hash(mth(entries[:k]), mth(entries[k:]))


def entries(n: int) -> list[bytes]:
    return [hashlib.sha256(str(i).encode()).digest() for i in range(n)]


def tree_of(n: int) -> Tree:
    tree = Tree()
    for entry in entries(n):
        tree.append(entry)
    return tree


@given(st.integers(min_value=0, max_value=300))
@settings(max_examples=60, deadline=None)
def test_every_prefix_root_is_the_rfc_tree_hash(n):
    tree = tree_of(n)
    data = entries(n)
    for size in {0, 1, n // 3, n // 2, n - 1, n} - {-1}:
        if 0 <= size <= n:
            assert tree.root(size) == mth(data[:size])


def test_empty_tree_root_is_the_hash_of_nothing():
    assert Tree().root() == EMPTY_ROOT == hashlib.sha256(b"").digest()


def test_known_root_of_two_leaves():
    tree = tree_of(2)
    a, b = entries(2)
    assert tree.root() == hashlib.sha256(b"\x01" + hashlib.sha256(b"\x00" + a).digest()
                                         + hashlib.sha256(b"\x00" + b).digest()).digest()


@given(st.integers(min_value=1, max_value=200), st.data())
@settings(max_examples=80, deadline=None)
def test_inclusion_proofs_lead_to_the_root(size, data):
    tree = tree_of(size + data.draw(st.integers(min_value=0, max_value=20)))
    index = data.draw(st.integers(min_value=0, max_value=size - 1))
    path = tree.inclusion(index, size)
    leaf = tree.levels[0][index]
    assert root_from_inclusion(index, size, leaf, path) == tree.root(size)
    # another leaf, or a changed path, leads elsewhere
    other = leaf_hash(b"forged")
    assert root_from_inclusion(index, size, other, path) != tree.root(size)
    if path:
        broken = [*path[:-1], leaf_hash(b"x")]
        assert root_from_inclusion(index, size, leaf, broken) != tree.root(size)


@given(st.integers(min_value=1, max_value=200), st.data())
@settings(max_examples=80, deadline=None)
def test_consistency_proofs_between_any_two_sizes(new, data):
    old = data.draw(st.integers(min_value=1, max_value=new))
    tree = tree_of(new)
    proof = tree.consistency(old, new)
    assert consistent(old, new, tree.root(old), tree.root(new), proof)


@given(st.integers(min_value=2, max_value=120), st.data())
@settings(max_examples=60, deadline=None)
def test_a_rewritten_history_is_not_consistent(new, data):
    """A log whose first `old` leaves changed cannot prove itself consistent with the old checkpoint."""
    old = data.draw(st.integers(min_value=1, max_value=new - 1))
    changed = data.draw(st.integers(min_value=0, max_value=old - 1))
    honest = tree_of(new)
    forged = Tree()
    for i, entry in enumerate(entries(new)):
        forged.append(b"forged" if i == changed else entry)
    proof = forged.consistency(old, new)
    assert not consistent(old, new, honest.root(old), forged.root(new), proof)
    assert not consistent(old, new, honest.root(old), honest.root(new), [])


def test_proofs_outside_the_tree_are_refused():
    tree = tree_of(5)
    for call in (lambda: tree.root(6), lambda: tree.inclusion(5, 5), lambda: tree.consistency(0, 5),
                 lambda: tree.consistency(3, 6)):
        try:
            call()
        except ValueError:
            continue
        raise AssertionError("expected ValueError")
