"""Random keys: the one place the core draws randomness, for keys that hide and never for answers.

The core is pure (no files, clock or environment), and its answers never depend on chance. Two
things in it must nevertheless be secret to be worth anything, and a secret the library wrote
down would be no secret:

* the key of the digests that stand for hidden keys in error paths (:func:`atensi.errors.safe_key`):
  a digest under a public key lets anyone test a guessed NIK against it;
* the default key of a report's beneficiary hashes (:mod:`atensi.reports.keys`): an unkeyed hash
  in a pickled partial gives the NIK back from a few thousand guesses.

Both are drawn here from the operating system's random source (:mod:`secrets`), when first
needed, and only where the caller did not give a key. Counts, decisions and errors do not change
with the key: only the digests and the hashes do. The import-linter contract allows ``secrets``
to this module alone.
"""

from __future__ import annotations

__all__ = ["random_key"]

#: Bytes of a random key: 256 bits, beyond any guessing.
KEY_BYTES = 32


def random_key() -> bytes:
    """A fresh key of :data:`KEY_BYTES` random bytes from the operating system."""
    import secrets  # on first need: ``import atensi`` stays cheap

    return secrets.token_bytes(KEY_BYTES)
