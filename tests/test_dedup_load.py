"""Stored signatures read back with the shared permutations compare as freshly made ones."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash

from peacewatch.corpus import dedup

A = "Talks between the two delegations resumed in Istanbul on Tuesday after a long pause."
B = "Talks between the two delegations resumed in Istanbul on Tuesday after a short pause."


def test_a_read_signature_equals_the_fresh_one() -> None:
    fresh = dedup.minhash(A)
    read = dedup.from_bytes(dedup.to_bytes(fresh))
    ref = MinHash(num_perm=dedup.NUM_PERM, scheme=dedup.SCHEME)
    assert np.array_equal(read.hashvalues, fresh.hashvalues)
    assert all(
        np.array_equal(p, q) for p, q in zip(read.permutations, ref.permutations, strict=True)
    )
    other = dedup.minhash(B)
    assert read.jaccard(other) == fresh.jaccard(other)


def test_updating_a_new_signature_leaves_read_ones_alone() -> None:
    read = dedup.from_bytes(dedup.to_bytes(dedup.minhash(A)))
    before = read.hashvalues.copy()
    m = dedup.minhash(B)
    m.update(b"one more shingle")
    assert np.array_equal(read.hashvalues, before)
