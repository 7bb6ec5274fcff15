"""The band table (dedup.DedupIndex) finds what datasketch's MinHashLSH finds, and an index
loaded in one go from stored signatures matches like one built version by version."""

from __future__ import annotations

import json
import random
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from peacewatch.corpus import dedup
from peacewatch.corpus.variants import syndicated_variants

ARTICLES = Path(__file__).parent / "fixtures" / "store" / "articles.jsonl"


def _texts() -> list[tuple[str, str]]:
    """Fixture articles, syndicated copies of each, and splices of two articles at varying
    shares (similarities on both sides of the threshold)."""
    arts = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(7)
    out: list[tuple[str, str]] = []
    for a in arts:
        out.append((a["id"], a["text"]))
        out += [(f"{a['id']}-v{i}", t) for i, t in enumerate(syndicated_variants(a["text"])[:4])]
    for n in range(40):
        x, y = rng.sample(arts, 2)
        wx, wy = x["text"].split(), y["text"].split()
        cut = rng.randint(0, len(wx))
        out.append((f"splice{n}", " ".join(wx[:cut] + wy[cut:])))
    rng.shuffle(out)
    return out


def _reference(texts: list[tuple[str, str]]) -> list[tuple[str, str | None, float | None]]:
    """The former index: MinHashLSH candidates, best Jaccard at or above the threshold."""
    lsh = MinHashLSH(threshold=dedup.THRESHOLD, num_perm=dedup.NUM_PERM)
    sigs: dict[str, MinHash] = {}
    cluster: dict[str, str] = {}
    out = []
    for vid, text in texts:
        sig = dedup.minhash(text)
        best: tuple[float, str] | None = None
        for cand in lsh.query(sig):
            sim = float(sig.jaccard(sigs[cand]))
            if sim >= dedup.THRESHOLD and (
                best is None or sim > best[0] or (sim == best[0] and cand < best[1])
            ):
                best = (sim, cand)
        cluster[vid] = cluster[best[1]] if best else vid
        out.append((cluster[vid], best[1] if best else None, round(best[0], 4) if best else None))
        lsh.insert(vid, sig)
        sigs[vid] = sig
    return out


def test_bands_are_datasketchs() -> None:
    lsh = MinHashLSH(threshold=dedup.THRESHOLD, num_perm=dedup.NUM_PERM)
    assert (lsh.b, lsh.r) == (dedup.BANDS, dedup.ROWS)


def test_matches_equal_minhashlsh_and_a_loaded_index_equals_a_built_one() -> None:
    # Distinct bodies only, so every match goes through the band table, not the exact hash.
    texts, seen = [], set()
    for vid, text in _texts():
        if dedup.content_hash(text) not in seen:
            seen.add(dedup.content_hash(text))
            texts.append((vid, text))
    expected = _reference(texts)
    assert sum(1 for _, of, _ in expected if of) >= 20  # the test exercises near matches
    idx = dedup.DedupIndex()
    idx.merge_at = 8  # the added rows go into the sorted arrays several times on the way
    got, stored = [], []
    for vid, text in texts:
        ch, sig = dedup.content_hash(text), dedup.minhash(text)
        m = idx.match(vid, ch, sig)
        idx.add(vid, ch, sig, m.cluster_id)
        got.append((m.cluster_id, m.of, m.similarity))
        stored.append((vid, ch, m.cluster_id, dedup.to_bytes(sig)))
    assert got == expected
    loaded = dedup.DedupIndex.load(
        [(v, c, k) for v, c, k, _ in stored], b"".join(b for *_, b in stored)
    )
    assert len(loaded) == len(idx)
    rng = random.Random(3)
    for _vid, text in rng.sample(texts, 30):
        probe = (dedup.content_hash(text + " x"), dedup.minhash(text))
        assert loaded.match("new", *probe) == idx.match("new", *probe)


def test_a_replaced_signature_no_longer_matches_on_its_old_bands() -> None:
    old = " ".join(f"w{i}" for i in range(60))
    new = " ".join(f"z{i}" for i in range(60))
    merged = dedup.DedupIndex()
    merged.merge_at = 1  # sorted after every add: the old bands stay in the arrays
    for idx in (
        merged,
        dedup.DedupIndex.load(
            [("a", dedup.content_hash(old), "a")], dedup.to_bytes(dedup.minhash(old))
        ),
        dedup.DedupIndex(),
    ):
        idx.add("a", dedup.content_hash(old), dedup.minhash(old), "a")  # no-op when loaded
        idx.replace("a", dedup.content_hash(new), dedup.minhash(new))
        assert idx.match("b", "h1", dedup.minhash(old)).kind == "original"
        assert idx.match("b", "h2", dedup.minhash(new)) == dedup.Match("near", "a", "a", 1.0)
