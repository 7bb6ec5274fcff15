"""Exact and near-duplicate detection: syndicated copies of one story form one cluster.

Counting copies of one wire story as independent reports is GDELT's best-known flaw. Two
levels, cheapest first:

- exact: SHA-256 of the body with case and whitespace normalised;
- near: MinHash over word shingles, candidates from LSH (``datasketch``), accepted when the
  estimated Jaccard similarity reaches ``THRESHOLD``.

A copy joins the cluster of its most similar earlier document (ties: the earliest id), so
clusters are deterministic in input order; a crashed and resumed ingest rebuilds them the same.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
# Named, not defaulted: stored signatures are only comparable with ones of the same scheme, and
# datasketch changed its default in 2.0.0 (the store keeps signatures across upgrades).
SCHEME = "affine32"
SHINGLE = 5  # words per shingle
# Jaccard of 5-word shingles at or above which two bodies are the same story. Measured on
# ../shared/corpus/official-2022 (195 distinct releases, many about the same talks and sharing
# protocol phrases): the most similar pair of *different* releases is 0.36 on cleaned bodies
# (0.38 on the raw files; two short Security Council readouts sharing title, lead and attendee
# list); the next is 0.13. Ten simulated syndicated copies of every release (corpus/variants.py:
# headline, captions, boilerplate, a dropped sentence, word edits; 1,950 copies, raw text, so
# before cleaning removes the boilerplate) have a median Jaccard of 0.94 with their original,
# and 99 % reach 0.5; the misses are all releases under 1,200 characters, where one dropped
# sentence is a third of the text. Word shingles of 3 or 4 and a containment test separated
# the two groups no better (`peacewatch eval store` reports the closest distinct pair).
THRESHOLD = 0.5

DupKind = Literal["original", "exact", "near"]

_WORD = re.compile(r"\w+", re.UNICODE)


def normalise(text: str) -> str:
    """Case- and whitespace-insensitive form of a body: what "the same text" means here."""
    return " ".join(text.casefold().split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Word k-shingles; punctuation is ignored so re-punctuated copies still match."""
    words = _WORD.findall(text.casefold())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def minhash(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch(list(shingles(text)))
    return m


def to_bytes(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype="<u4").tobytes()  # affine32: 32-bit values


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The scheme's permutation parameters (seed 1), made once per process: a MinHash built
    without them draws 2 x 128 numbers from a fresh RandomState, which was 92 % of the time
    to read a stored signature (121 of 131 us; 14 of the 26 s to load the dedup index of a
    100,000-document store, BENCHMARKS.md). Read-only: loaded signatures are never updated."""
    perms = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations
    return perms[0], perms[1]


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype="<u4").copy()
    return MinHash(
        num_perm=NUM_PERM, hashvalues=values, permutations=_permutations(), scheme=SCHEME
    )


@dataclass(frozen=True, slots=True)
class Match:
    kind: DupKind
    cluster_id: str
    of: str | None = None  # the version matched
    similarity: float | None = None


# LSH banding of datasketch's MinHashLSH for THRESHOLD and NUM_PERM (its optimal parameters,
# equal weights of false positives and negatives): 25 bands of 5 values. A candidate shares
# every value of at least one band with the query, exactly as MinHashLSH's hash tables find.
BANDS, ROWS = 25, 5
assert BANDS * ROWS <= NUM_PERM
# Odd 64-bit multipliers (fixed seed) folding a band's 5 values into one sortable key; two
# different bands with the same key are only extra candidates, dropped by the exact check.
_MIX = np.random.default_rng(19).integers(1, 2**63, size=ROWS, dtype=np.uint64) | np.uint64(1)
# A salt per band, so the keys of all bands share one sorted array (one bisection per query).
_SALT = np.random.default_rng(20).integers(0, 2**63, size=BANDS, dtype=np.uint64)


def _band_keys(values: np.ndarray) -> np.ndarray:
    """One key per band (salted by band) for each row of an (n, NUM_PERM) array of
    signature values: (n, BANDS)."""
    bands = values[:, : BANDS * ROWS].astype(np.uint64).reshape(len(values), BANDS, ROWS)
    with np.errstate(over="ignore"):  # wrap-around multiplication is the hash
        keys: np.ndarray = (bands * _MIX).sum(axis=2, dtype=np.uint64) ^ _SALT
    return keys


MERGE_AT = 10_000  # versions added before the first sort of the dictionaries' rows


class DedupIndex:
    """The clusters seen so far: content hashes, and MinHash signatures in an LSH band table.

    The band table replaces datasketch's ``MinHashLSH`` (same bands, same candidates): a store
    of 100,000 versions loaded one ``insert`` at a time took 7.6 s of Python dictionary work
    per process start (BENCHMARKS.md, dedup index load). Here the signatures of a store are one
    ``(n, 128)`` array, the keys of all bands sorted once (``load``) and searched by bisection;
    versions added later go to a dictionary until a sort takes them in.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._ids: list[str] = []
        self._row: dict[str, int] = {}
        self._values = np.zeros((0, NUM_PERM), dtype=np.uint32)
        self._sorted_keys = np.zeros(0, dtype=np.uint64)  # all bands' keys, ascending
        self._sorted_rows = np.zeros(0, dtype=np.int64)  # row of each sorted key
        self._recent: dict[int, list[int]] = {}  # key -> rows added since the last sort
        self._in_recent = 0  # rows put in the dictionaries since the last sort
        self.merge_at = MERGE_AT
        self._cluster: dict[str, str] = {}
        self._by_hash: dict[str, str] = {}
        self._hash_of: dict[str, str] = {}  # version -> its content hash

    def __len__(self) -> int:
        return len(self._cluster)

    @classmethod
    def load(
        cls, versions: list[tuple[str, str, str]], signatures: bytes, threshold: float = THRESHOLD
    ) -> DedupIndex:
        """An index of stored versions (distinct ids, content hash, cluster) in arrival
        order, with their signatures concatenated (``to_bytes`` each, same order): what
        ``add`` one by one builds, in one sort."""
        idx = cls(threshold)
        values = np.frombuffer(signatures, dtype="<u4").reshape(-1, NUM_PERM)
        if len(values) != len(versions):
            raise ValueError(f"{len(versions)} versions but {len(values)} signatures")
        idx._row = {vid: i for i, (vid, _, _) in enumerate(versions)}
        if len(idx._row) != len(versions):
            raise ValueError("a version id appears twice")
        idx._ids = [vid for vid, _, _ in versions]
        idx._values = values.astype(np.uint32)
        idx._sort()
        for vid, chash, cid in versions:
            idx._cluster[vid] = cid
            idx._hash_of[vid] = chash
            idx._by_hash.setdefault(chash, vid)
        return idx

    def _sort(self) -> None:
        """Every row's current band keys into the sorted arrays; the dictionaries emptied."""
        flat = _band_keys(self._values[: len(self._ids)]).ravel()  # row i band b at i*BANDS+b
        order = np.argsort(flat, kind="stable")
        self._sorted_keys = flat[order]
        self._sorted_rows = order // BANDS
        self._recent = {}
        self._in_recent = 0

    def _candidates(self, values: np.ndarray) -> set[int]:
        """Rows sharing a whole band with ``values`` (current signatures only)."""
        keys = _band_keys(values[None, :])[0]
        los = np.searchsorted(self._sorted_keys, keys, "left").tolist()
        his = np.searchsorted(self._sorted_keys, keys, "right").tolist()
        rows: set[int] = set()
        for lo, hi in zip(los, his, strict=True):
            if hi > lo:
                rows.update(self._sorted_rows[lo:hi].tolist())
        if self._recent:
            for key in keys.tolist():
                rows.update(self._recent.get(key, ()))
        if not rows:
            return rows
        cand = np.fromiter(rows, dtype=np.int64, count=len(rows))
        # Keys are hashes and a replaced version's old keys stay behind: keep the rows whose
        # current signature really equals the query on some band.
        same = self._values[cand, : BANDS * ROWS] == values[: BANDS * ROWS]
        hit = same.reshape(len(cand), BANDS, ROWS).all(axis=2).any(axis=1)
        return set(cand[hit].tolist())

    def match(self, version_id: str, chash: str, sig: MinHash) -> Match:
        """The cluster a new version belongs to; a new cluster named after it when none."""
        same = self._by_hash.get(chash)
        if same is not None:
            return Match("exact", self._cluster[same], same, 1.0)
        values = np.asarray(sig.hashvalues).astype(np.uint32)
        best: tuple[float, str] | None = None
        for row in self._candidates(values):
            cand = self._ids[row]
            # MinHash.jaccard: the share of equal values.
            sim = float(np.count_nonzero(self._values[row] == values)) / float(NUM_PERM)
            # LSH returns candidates around the threshold; keep only those really above it.
            if sim >= self.threshold and (
                best is None or sim > best[0] or (sim == best[0] and cand < best[1])
            ):
                best = (sim, cand)
        if best is None:
            return Match("original", version_id)
        return Match("near", self._cluster[best[1]], best[1], round(best[0], 4))

    def _put(self, row: int, values: np.ndarray) -> None:
        self._values[row] = values
        for key in _band_keys(values[None, :])[0].tolist():
            self._recent.setdefault(key, []).append(row)
        self._in_recent += 1
        # The dictionaries cost ~2.5 kB a version (25 entries); once they hold as many rows
        # as the sorted arrays (and at least MERGE_AT), one sort takes them in: amortised
        # O(log n) per add, and memory stays that of the arrays on a long ingest.
        if self._in_recent >= max(self.merge_at, len(self._sorted_keys) // BANDS):
            self._sort()

    def replace(self, version_id: str, chash: str, sig: MinHash) -> None:
        """New content for a version already indexed (a re-analysis), same cluster.

        The index must stay what a fresh process rebuilds from the store: the old hash keeps
        pointing at another version with that content, if one exists.
        """
        if version_id not in self._cluster:
            return
        self._put(self._row[version_id], np.asarray(sig.hashvalues).astype(np.uint32))
        old = self._hash_of.get(version_id)
        self._hash_of[version_id] = chash
        if old is not None and old != chash and self._by_hash.get(old) == version_id:
            del self._by_hash[old]
            other = next((v for v, h in self._hash_of.items() if h == old), None)
            if other is not None:
                self._by_hash[old] = other
        self._by_hash.setdefault(chash, version_id)

    def add(self, version_id: str, chash: str, sig: MinHash, cluster_id: str) -> None:
        if version_id in self._cluster:
            return
        row = len(self._ids)
        if row == len(self._values):  # grow by half: amortised O(1) appends
            grown = np.zeros((max(16, row + row // 2), NUM_PERM), dtype=np.uint32)
            grown[:row] = self._values
            self._values = grown
        self._ids.append(version_id)
        self._row[version_id] = row
        self._put(row, np.asarray(sig.hashvalues).astype(np.uint32))
        self._cluster[version_id] = cluster_id
        self._hash_of[version_id] = chash
        self._by_hash.setdefault(chash, version_id)
