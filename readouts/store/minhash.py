"""MinHash signatures and LSH bands: finding syndicated copies among thousands of documents.

The same article reposted by several sites differs by a header, a footer, an editor's
line or a changed word; its exact hash differs but most of its word 5-grams (shingles) are
shared.  A document's signature is the minimum, over its shingles, of each of
:data:`NUM_HASHES` hash functions: the share of equal positions in two signatures estimates
the Jaccard similarity of their shingle sets.  Signatures are cut into :data:`BANDS` bands of
:data:`ROWS` values; two documents that agree on a whole band share a bucket, and only
documents sharing a bucket are compared (a pair at similarity 0.8 shares one with
probability 0.95, at 0.9 with 0.999, at 0.3 with 0.001).  Buckets are stored
(``minhash_bands``) so detection works across runs and on either database.

The hash family is fixed and seeded (multiply-shift hashing of 64-bit shingle hashes with
odd multipliers from a seeded generator), so signatures are the same on any machine and in
any run: a store filled today matches a copy ingested next year.
"""

from __future__ import annotations

import zlib

import numpy as np
import numpy.typing as npt

SHINGLE_WORDS = 5
#: 128 hashes in 16 bands of 8: documents share a band with probability 0.95 at similarity
#: 0.8 and 0.999 at 0.9, but only 0.001 at 0.3.  (Bands of 4 gave 0.12 at 0.3: templated
#: readouts of one body then collided with hundreds of others and had to be compared.)
NUM_HASHES = 128
BANDS = 16
ROWS = NUM_HASHES // BANDS
#: Estimated Jaccard similarity from which a document is a copy of another.  Reposted copies
#: score 0.85 and more; another outlet's own report of the same meeting can reach 0.7 when both
#: follow the same official release, and is linked as a report of the meeting instead.
NEAR_DUPLICATE_THRESHOLD = 0.8
#: Below this many shingles a text is too short for a meaningful estimate (exact ids only).
MIN_SHINGLES = 10
_SEED = 20230119
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd constant that spreads word hashes over 64 bits

_rng = np.random.default_rng(_SEED)
_MULTIPLIERS: npt.NDArray[np.uint64] = _rng.integers(
    1, 2**63, size=NUM_HASHES, dtype=np.uint64
) * np.uint64(2) + np.uint64(1)
_OFFSETS: npt.NDArray[np.uint64] = _rng.integers(0, 2**63, size=NUM_HASHES, dtype=np.uint64)

#: Per position within a band, and per band: the mixing that turns a band into a bucket.
_BAND_MULTIPLIERS: npt.NDArray[np.uint64] = _rng.integers(
    1, 2**63, size=ROWS, dtype=np.uint64
) * np.uint64(2) + np.uint64(1)
_BAND_SALTS: npt.NDArray[np.uint64] = _rng.integers(0, 2**63, size=BANDS, dtype=np.uint64)

#: As columns, ready to broadcast against a row of shingle hashes.  (NumPy wraps unsigned
#: array arithmetic modulo 2**64, silently: exactly the arithmetic these hashes are defined in.)
_MULTIPLIER_COLUMN = _MULTIPLIERS[:, None].copy()
_OFFSET_COLUMN = _OFFSETS[:, None].copy()

Signature = npt.NDArray[np.uint32]


def shingle_hashes(text: str) -> npt.NDArray[np.uint64]:
    """64-bit hashes of the text's word 5-grams (repeats kept: a minimum does not mind).

    Words are split at white space and case-folded, punctuation kept: both copies of an
    article tokenize alike, which is all a similarity between copies needs, and splitting
    is several times faster than a word pattern.
    """
    words = text.casefold().encode("utf-8", "surrogatepass").split()
    if not words:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))
    width = min(SHINGLE_WORDS, len(hashes))
    count = len(hashes) - width + 1
    combined = hashes[:count].copy()
    for offset in range(1, width):
        combined *= _MIX
        combined += hashes[offset : offset + count]
    return combined


def signature(text: str) -> Signature | None:
    """The text's MinHash signature, or None when it has too few shingles to compare."""
    shingles = shingle_hashes(text)
    if len(shingles) < MIN_SHINGLES:  # counts repeats too: a bound, not an exact count
        return None
    mixed = _MULTIPLIER_COLUMN * shingles
    mixed += _OFFSET_COLUMN
    # The high 32 bits are the hash value (multiply-shift); the minimum's high bits are the
    # minimum of the high bits, so one shift after the reduction is enough.
    result: Signature = (mixed.min(axis=1) >> np.uint64(32)).astype(np.uint32)
    return result


def band_buckets(sig: Signature) -> list[tuple[int, int]]:
    """(band number, bucket) for each band: the bucket is a signed 32-bit hash of the band's
    values and its number, so equal buckets mean the same band agrees (almost always: two
    bands share a bucket by chance once in four billion, and a document found that way is
    compared by signature like any other candidate).  Thirty-two bits rather than sixty-four
    make the stored bands a quarter smaller, and an ingest rewrites most of their pages."""
    rows = sig.reshape(BANDS, ROWS).astype(np.uint64)
    mixed = (rows * _BAND_MULTIPLIERS).sum(axis=1, dtype=np.uint64) + _BAND_SALTS
    mixed ^= mixed >> np.uint64(29)
    mixed *= _MIX  # the product's high bits depend on every bit of the band
    buckets = (mixed >> np.uint64(32)).astype(np.uint32).view(np.int32).tolist()
    return list(enumerate(buckets))


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.count_nonzero(a == b)) / NUM_HASHES


def to_bytes(sig: Signature) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> Signature:
    result: Signature = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    return result
