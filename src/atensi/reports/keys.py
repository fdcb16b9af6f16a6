"""Beneficiary keys: the hashed identities a report counts distinct PM by.

Counting distinct PM across partitions of the data needs, per cell, the *set* of PM in it (a sum
of per-partition counts counts a person served in two partitions twice). The set holds keys, not
identities: 128 bits of BLAKE2b over the identity of :func:`atensi.rules.beneficiaries.identity`
(a NIK, a registry id, a family card number or a record id): 16 bytes, held packed
(:mod:`atensi.reports.packed`), given back as Python integers where a caller asks for the keys.

* Without a key, the hash is **not secret**: anyone can hash a candidate NIK and compare. Keys
  never leave the process through atensi's own outputs (reports write counts, not keys), but a
  partial result that is pickled and shipped (a Dask partition, say) holds them.
* With ``pseudonym_key`` (the key :func:`atensi.redact` takes, at least 16 random bytes,
  refused otherwise with :class:`atensi.privacy.WeakKey`), the hash is keyed: partials are then
  safe to ship to whoever does not hold the key. Partials merge only when made with the same key
  (compared by a fingerprint, never the key). A keyed partial that is pickled leaves its key
  behind: it merges, but cannot hash new records (``report.sealed``).

Exactness: two different PM share a key with probability about n²/2¹²⁹ (n = 10 million: about
one in 10²⁴); atensi treats keys as exact.

>>> keys = BeneficiaryKeys()
>>> keys("nik:3171014103900001") == keys("nik:3171014103900001")
True
>>> keys("nik:3171014103900001") == BeneficiaryKeys(b"0123456789abcdef")("nik:3171014103900001")
False
"""

from __future__ import annotations

import hashlib

from atensi.privacy import _check_key  # the one rule for pseudonym keys (atensi.redact's)
from atensi.reports.errors import ReportError

__all__ = ["BeneficiaryKeys"]

_PERSON = b"atensi-pm-v1"


class BeneficiaryKeys:
    """Hash beneficiary identities to 128-bit integers, keyed or not."""

    __slots__ = ("_key", "fingerprint")

    def __init__(self, pseudonym_key: bytes | None = None) -> None:
        self._key: bytes | None
        if pseudonym_key is None:
            self._key = b""
            self.fingerprint = "unkeyed"
        else:
            checked = _check_key(pseudonym_key)
            # A key of its own for this use, so a report's keys never equal redact's pseudonyms.
            self._key = hashlib.sha256(
                b"atensi pm key v1\x00" + len(checked).to_bytes(8, "big") + checked
            ).digest()
            self.fingerprint = hashlib.sha256(b"fingerprint\x00" + self._key).hexdigest()[:16]

    def __call__(self, identity: str) -> int:
        """The key of one identity."""
        return int.from_bytes(self.digest(identity), "big")

    def digest(self, identity: str) -> bytes:
        """The key of one identity as its 16 bytes (big-endian: ``__call__`` is their number)."""
        if self._key is None:
            raise ReportError(
                "a keyed partial restored from a pickle cannot hash new records (the key never "
                "travels with it); build partials where the key is, and merge them anywhere",
                "report.sealed",
                "hasil parsial berkunci dari pickle tidak dapat meng-hash rekaman baru (kuncinya "
                "tidak ikut); buat hasil parsial di tempat kunci berada, gabungkan di mana saja",
            )
        return hashlib.blake2b(
            identity.encode("utf-8", "surrogatepass"), digest_size=16, key=self._key, person=_PERSON
        ).digest()

    def __reduce__(self) -> tuple[object, ...]:
        # A pickled partial keeps the fingerprint, never the key: it can still merge.
        return (_restore, (self.fingerprint,))


def _restore(fingerprint: str) -> BeneficiaryKeys:
    keys = BeneficiaryKeys()
    if fingerprint != keys.fingerprint:
        keys._key = None
        keys.fingerprint = fingerprint
    return keys
