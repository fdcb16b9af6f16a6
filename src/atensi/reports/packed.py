r"""Distinct (tag, key) pairs held packed: what a report keeps per PM, in bytes rather than objects.

Counting *distinct* PM per cell, exactly and mergeably, needs the PM themselves: each cell's set
of 128-bit keys (:mod:`atensi.reports.keys`). A Python ``set`` of ``int`` holds each key as a
44-byte object plus its slot in a hash table, about 90 bytes a key; a cell per PM costs that
again. :class:`PackedPairs` holds each distinct pair as one fixed-width record instead: the tag
(a cell's packed codes, or a kind's) in ``tag_bytes`` bytes, then the key's 16 bytes, so a
pair costs ``tag_bytes + 16`` bytes and nothing else.

**How.** New pairs are appended to a small buffer; a full buffer is sorted and freed of
duplicates into a *run* (one ``bytes`` of records in order); runs of like size are merged, as
in a log-structured merge tree, so that each pair is merged about log₂(n / buffer) times and
the runs never number more than a few dozen. Sorting and merging go through Python's own
``sorted`` and ``dict.fromkeys`` on slices of a bounded block at a time, so the objects made
while merging never number more than a block's. Records sort by tag, then key: the pairs of a
tag lie together in a run, and :meth:`PackedPairs.tags` counts them by binary search.

Exactness is the set's: a pair added twice is held once (:meth:`~PackedPairs.run` removes the
duplicates of every run), and two partials merge by union (:meth:`~PackedPairs.update`).

>>> pairs = PackedPairs(tag_bytes=1)
>>> key = bytes(range(16))
>>> pairs.add(b"\x03" + key)
>>> pairs.add(b"\x03" + key)
>>> pairs.add(b"\x01" + bytes(16))
>>> len(pairs), [(tag, count) for tag, _, count in pairs.tags()]
(2, [(b'\x01', 1), (b'\x03', 1)])
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from operator import itemgetter

__all__ = ["KEY_BYTES", "PackedPairs", "distinct_keys"]

#: Bytes of a key (a 128-bit keyed hash).
KEY_BYTES = 16
#: Records buffered before they are sorted into a run.
_BUFFER = 1 << 14
#: Records merged at a time (bounds the objects a merge makes).
_BLOCK = 1 << 15
#: The one value of a one-field ``struct`` record.
_FIRST = itemgetter(0)


def _slices(data: bytes, width: int, first: int, last: int) -> list[bytes]:
    """Records ``first`` to ``last`` (exclusive) of ``data`` as a list of ``bytes``."""
    return [data[i : i + width] for i in range(first * width, last * width, width)]


def _bisect_right(data: bytes, value: bytes, low: int, high: int, width: int) -> int:
    """The first record of ``data[low:high]`` greater than ``value`` (records are sorted)."""
    while low < high:
        middle = (low + high) // 2
        if value < data[middle * width : middle * width + width]:
            high = middle
        else:
            low = middle + 1
    return low


def _distinct(records: list[bytes]) -> bytes:
    """Sorted records, each once, as one run."""
    records.sort()
    return b"".join(dict.fromkeys(records))


def _merge(first: bytes, second: bytes, width: int) -> bytes:
    """The union of two runs, as one run, a bounded block at a time."""
    n, m = len(first) // width, len(second) // width
    i = j = 0
    out: list[bytes] = []
    while i < n and j < m:
        # Cut both runs at the same record, so that equal records fall in the same block.
        edge_i, edge_j = min(i + _BLOCK, n), min(j + _BLOCK, m)
        cut = min(
            first[(edge_i - 1) * width : edge_i * width],
            second[(edge_j - 1) * width : edge_j * width],
        )
        upto_i = _bisect_right(first, cut, i, edge_i, width)
        upto_j = _bisect_right(second, cut, j, edge_j, width)
        block = _slices(first, width, i, upto_i)
        block += _slices(second, width, j, upto_j)
        out.append(_distinct(block))
        i, j = upto_i, upto_j
    out.append(first[i * width :])
    out.append(second[j * width :])
    return b"".join(out)


class PackedPairs:
    """A set of (tag, 16-byte key) pairs in fixed-width records; mergeable, picklable.

    Args:
        tag_bytes: bytes of the tag (1 holds 256 tags, 4 holds about four thousand million).
    """

    __slots__ = ("_buffer", "_buffered", "_runs", "tag_bytes", "width")

    def __init__(self, tag_bytes: int = 4) -> None:
        self.tag_bytes = tag_bytes
        self.width = tag_bytes + KEY_BYTES
        self._buffer = bytearray()
        self._buffered = 0
        self._runs: list[bytes] = []

    def add(self, record: bytes) -> None:
        """Add one pair: its tag's ``tag_bytes`` bytes, then its key's 16 (held once)."""
        self._buffer += record
        self._buffered += 1
        if self._buffered >= _BUFFER:
            self._flush()

    def _flush(self) -> None:
        if not self._buffered:
            return
        data = bytes(self._buffer)
        self._buffer = bytearray()
        self._buffered = 0
        self._push(_distinct(_slices(data, self.width, 0, len(data) // self.width)))

    def _push(self, run: bytes) -> None:
        """Add a run; merge the last two while the older is no more than twice the newer."""
        runs = self._runs
        runs.append(run)
        while len(runs) > 1 and len(runs[-2]) <= 2 * len(runs[-1]):
            newer = runs.pop()
            runs[-1] = _merge(runs[-1], newer, self.width)

    def run(self) -> bytes:
        """Every distinct pair as one run, sorted by tag then key (kept as the only run)."""
        self._flush()
        runs = self._runs
        while len(runs) > 1:
            newer = runs.pop()
            runs[-1] = _merge(runs[-1], newer, self.width)
        return runs[0] if runs else b""

    def __len__(self) -> int:
        """The distinct pairs."""
        return len(self.run()) // self.width

    @property
    def nbytes(self) -> int:
        """Bytes of the records held (runs and buffer), without the few objects around them."""
        return sum(len(r) for r in self._runs) + len(self._buffer)

    def tags(self) -> Iterator[tuple[bytes, int, int]]:
        """Each tag held, in order: ``(tag, first record, number of records)``.

        Records sort by tag, so a tag's records lie together: ``struct`` reads the tags and
        ``groupby`` finds where each changes, record by record without a Python step each.
        """
        data = self.run()
        tags = struct.Struct(f"{self.tag_bytes}s{KEY_BYTES}x").iter_unpack(data)
        first = 0
        for tag, same in groupby(map(_FIRST, tags)):
            count = len(list(same))
            yield tag, first, count
            first += count

    def keys(self, first: int, count: int) -> list[bytes]:
        """The keys of records ``first`` to ``first + count`` of :meth:`run`, in order."""
        data, width = self.run(), self.width
        start = first * width + self.tag_bytes  # the first record's key, then one a width on
        return [data[i : i + KEY_BYTES] for i in range(start, start + count * width, width)]

    def key_list(self) -> list[bytes]:
        """The key of every record of :meth:`run`, in order, each its own ``bytes``.

        For reading many sets of keys (:meth:`key_set`): a key read twice from one list is
        the same object, its hash already worked out. Made anew at each call: the caller
        keeps it as long as it reads.
        """
        keys = struct.Struct(f"{self.tag_bytes}x{KEY_BYTES}s").iter_unpack(self.run())
        return list(map(_FIRST, keys))

    def key_set(
        self, spans: Iterable[tuple[int, int]], keys: list[bytes] | None = None
    ) -> set[bytes]:
        """The distinct keys of the records of every ``(first, count)`` span of :meth:`run`.

        A rolled-up cell is the union of many small spans: each span's keys are added to the
        set at once (a national table reads about a million spans). ``keys``: the pairs'
        :meth:`key_list`, when the caller reads several sets.
        """
        every = self.key_list() if keys is None else keys
        found: set[bytes] = set()
        add = found.update
        for first, count in spans:
            add(every[first : first + count])
        return found

    def update(self, other: PackedPairs, retag: Callable[[bytes], bytes] | None = None) -> None:
        """Add every pair of ``other`` (its tags mapped by ``retag``, when given)."""
        data = other.run()
        if retag is None:
            if other.tag_bytes != self.tag_bytes:
                raise ValueError("pairs of different tag widths")
            if data:
                self._flush()
                self._push(data)
            return
        width, size = other.width, other.tag_bytes
        self._flush()
        block: list[bytes] = []
        for tag, first, count in other.tags():
            mapped = retag(tag)
            block += [
                mapped + data[i + size : i + width]
                for i in range(first * width, (first + count) * width, width)
            ]
            if len(block) >= _BLOCK:  # a bounded block at a time, sorted into a run
                self._push(_distinct(block))
                block = []
        if block:
            self._push(_distinct(block))

    def __getstate__(self) -> tuple[int, bytes]:
        return self.tag_bytes, self.run()

    def __setstate__(self, state: tuple[int, bytes]) -> None:
        tag_bytes, run = state
        self.__init__(tag_bytes)  # type: ignore[misc]
        if run:
            self._runs.append(run)


def distinct_keys(pairs: PackedPairs) -> int:
    """The distinct keys over every tag: a key held under two tags counts once.

    The keys are dealt by their first byte into 256 packed piles first, so that the set each
    pile is counted with holds a 256th of them (keys are hashes: the piles are even).
    """
    data, width, size = pairs.run(), pairs.width, pairs.tag_bytes
    if data[:size] == data[len(data) - width : len(data) - width + size]:
        return len(data) // width  # one tag (records sort by tag): its keys are distinct
    piles = [bytearray() for _ in range(256)]
    for i in range(size, len(data), width):
        piles[data[i]] += data[i : i + KEY_BYTES]
    total = 0
    for pile in piles:
        held = bytes(pile)
        total += len({held[i : i + KEY_BYTES] for i in range(0, len(held), KEY_BYTES)})
    return total
