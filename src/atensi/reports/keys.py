"""Beneficiary keys: the hashed identities a report counts distinct PM by.

Counting distinct PM across partitions of the data needs, per cell, the *set* of PM in it (a sum
of per-partition counts counts a person served in two partitions twice). The set holds keys, not
identities: 128 bits of keyed BLAKE2b over the identity of
:func:`atensi.rules.beneficiaries.identity` (a NIK, a registry id, a family card number or a
record id): 16 bytes, held packed (:mod:`atensi.reports.packed`), given back as Python integers
where a caller asks for the keys.

* **Always keyed.** A hash anyone can compute is reversible: a NIK has about 3.6e8 plausible
  values, and one planted NIK came back from a pickled unkeyed partial in 13,983 guesses. So a
  partial made without ``pseudonym_key`` draws a **random key of its own** (:mod:`atensi._secret`)
  and its hashes are secret by default.
* **Merging needs one key.** Partials merge only when made with the same key (compared by a
  fingerprint, never the key): partials that will be merged (the partitions of one Dask job,
  runs merged later) must be given the same ``pseudonym_key`` (the key :func:`atensi.redact`
  takes, at least 16 random bytes, refused otherwise with :class:`atensi.privacy.WeakKey`).
  Merging partials with different keys is ``report.cannot_merge``, with a message saying so.
* A keyed partial that is pickled leaves its key behind: it merges, but cannot hash new records
  (``report.sealed``).

Exactness: two different PM share a key with probability about n²/2¹²⁹ (n = 10 million: about
one in 10²⁴); atensi treats keys as exact. Counts never depend on the key.

>>> keys = BeneficiaryKeys(b"0123456789abcdef")
>>> keys("nik:3171014103900001") == keys("nik:3171014103900001")
True
>>> keys("nik:3171014103900001") == BeneficiaryKeys()("nik:3171014103900001")
False
>>> BeneficiaryKeys().fingerprint == BeneficiaryKeys().fingerprint  # a random key each
False
"""

from __future__ import annotations

import hashlib

from atensi._secret import random_key
from atensi.privacy import check_key  # the one rule for pseudonym keys (atensi.redact's)
from atensi.reports.errors import ReportError

__all__ = ["BeneficiaryKeys", "different_keys"]

_PERSON = b"atensi-pm-v1"


class BeneficiaryKeys:
    """Hash beneficiary identities to 128-bit integers under a key (the caller's, or random).

    ``drawn`` says the key was drawn at random here (no ``pseudonym_key`` was given).
    """

    __slots__ = ("_key", "drawn", "fingerprint")

    def __init__(self, pseudonym_key: bytes | None = None) -> None:
        self.drawn = pseudonym_key is None
        checked = random_key() if pseudonym_key is None else check_key(pseudonym_key)
        # A key of its own for this use, so a report's keys never equal redact's pseudonyms.
        self._key: bytes | None = hashlib.sha256(
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
        return (_restore, (self.fingerprint, self.drawn))


def _restore(fingerprint: str, drawn: bool = False) -> BeneficiaryKeys:
    keys = BeneficiaryKeys.__new__(BeneficiaryKeys)
    keys._key = None
    keys.fingerprint = fingerprint
    keys.drawn = drawn
    return keys


def different_keys() -> ReportError:
    """``report.cannot_merge`` for partials made with different keys, saying how to fix it."""
    return ReportError(
        "cannot merge partials made with different pseudonym keys: a partial made without "
        "pseudonym_key= draws a random key of its own; give every partial you will merge the "
        "same pseudonym_key (at least 16 random bytes, e.g. secrets.token_bytes(32))",
        "report.cannot_merge",
        "tidak dapat menggabungkan hasil parsial dengan kunci pseudonim berbeda: hasil parsial "
        "tanpa pseudonym_key= membuat kunci acaknya sendiri; berikan pseudonym_key yang sama "
        "(paling sedikit 16 bait acak) kepada setiap hasil parsial yang akan digabungkan",
        reason="pseudonym_key",
    )
