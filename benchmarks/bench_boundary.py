"""Boundary throughput and memory: atensi against pydantic v2, msgspec and json.loads alone.

Run: ``python benchmarks/bench_boundary.py [--count N]`` (needs the ``bench`` extra). Every
library decodes the same JSON lines into equivalent models in the same process; ratios are
against pydantic's ``model_validate_json`` measured in this run. Not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import gc
import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Annotated, Any, Literal

import msgspec
import pydantic

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from _records import json_lines

import atensi
from atensi.model import Case
from atensi.vocab import (
    Activity,
    Approach,
    DisabilityType,
    ServiceComponent,
    Sex,
    TargetGroup,
    Therapy,
)

# --- pydantic v2 models equivalent to the parts of atensi's entities the record uses --------

Str200 = Annotated[str, pydantic.StringConstraints(min_length=1, max_length=200)]
Strict = pydantic.ConfigDict(extra="forbid", strict=True, frozen=True)


class PBirth(pydantic.BaseModel):
    model_config = Strict
    value: dt.date
    precision: Literal["hari", "bulan", "tahun"] = "hari"
    estimated: bool = False


class PDisability(pydantic.BaseModel):
    model_config = Strict
    type: DisabilityType
    since: dt.date | None = None
    permanent: bool | None = None
    determined_by_medical_personnel: bool | None = None


class PCondition(pydantic.BaseModel):
    model_config = Strict
    group: TargetGroup
    since: dt.date | None = None
    evidence: str | None = None
    justification: str | None = None


class PPerson(pydantic.BaseModel):
    model_config = Strict
    id: Str200
    nik: Annotated[str, pydantic.StringConstraints(pattern=r"^\d{16}$")]
    name: Str200
    sex: Sex | None = None
    birth_date: PBirth | None = None
    domicile: str | None = None
    registry_id: str | None = None
    disabilities: tuple[PDisability, ...] = ()
    conditions: tuple[PCondition, ...] = ()


class PFamily(pydantic.BaseModel):
    model_config = Strict
    kind: Literal["family"]
    id: Str200
    family_card_number: str | None = None
    members: tuple[PPerson, ...] = ()
    welfare_decile: Annotated[int, pydantic.Field(ge=1, le=10)] | None = None


class PItem(pydantic.BaseModel):
    model_config = Strict
    name: Str200
    quantity: int = 1
    value_idr: int | None = None


class PDelivery(pydantic.BaseModel):
    model_config = Strict
    id: Str200
    component: ServiceComponent
    activity: Activity | None = None
    therapy: Therapy | None = None
    approach: Approach
    provider: Str200
    start: dt.date
    end: dt.date | None = None
    amount_idr: int | None = None
    in_kind: tuple[PItem, ...] = ()


class PCase(pydantic.BaseModel):
    model_config = Strict
    id: Str200
    subject: PFamily
    unit: Str200
    opened_on: dt.date
    approaches: tuple[Approach, ...] = ()
    deliveries: tuple[PDelivery, ...] = ()


# --- msgspec Structs, same shape ----------------------------------------------------------------


class MBirth(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    value: dt.date
    precision: str = "hari"
    estimated: bool = False


class MDisability(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    type: DisabilityType
    since: dt.date | None = None
    permanent: bool | None = None
    determined_by_medical_personnel: bool | None = None


class MCondition(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    group: TargetGroup
    since: dt.date | None = None
    evidence: str | None = None
    justification: str | None = None


class MPerson(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    id: str
    nik: Annotated[str, msgspec.Meta(pattern=r"^\d{16}$")]
    name: str
    sex: Sex | None = None
    birth_date: MBirth | None = None
    domicile: str | None = None
    registry_id: str | None = None
    disabilities: tuple[MDisability, ...] = ()
    conditions: tuple[MCondition, ...] = ()


class MFamily(
    msgspec.Struct, forbid_unknown_fields=True, frozen=True, tag="family", tag_field="kind"
):
    id: str
    family_card_number: str | None = None
    members: tuple[MPerson, ...] = ()
    welfare_decile: Annotated[int, msgspec.Meta(ge=1, le=10)] | None = None


class MItem(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    name: str
    quantity: int = 1
    value_idr: int | None = None


class MDelivery(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    id: str
    component: ServiceComponent
    approach: Approach
    provider: str
    start: dt.date
    activity: Activity | None = None
    therapy: Therapy | None = None
    end: dt.date | None = None
    amount_idr: int | None = None
    in_kind: tuple[MItem, ...] = ()


class MCase(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    id: str
    subject: MFamily
    unit: str
    opened_on: dt.date
    approaches: tuple[Approach, ...] = ()
    deliveries: tuple[MDelivery, ...] = ()


_MSGSPEC = msgspec.json.Decoder(MCase)


def _enum_ok(_: type[enum.Enum]) -> None:
    return None


DECODERS: dict[str, Callable[[bytes], Any]] = {
    "json.loads only": json.loads,
    "msgspec Struct": _MSGSPEC.decode,
    "pydantic v2 (model_validate_json)": PCase.model_validate_json,
    "atensi (json.loads + structure)": lambda line: atensi.structure(json.loads(line), Case),
}


def throughput(fn: Callable[[bytes], Any], lines: list[bytes], *, gc_on: bool) -> float:
    """Records per second decoding every line, keeping nothing (streaming)."""
    if not gc_on:
        gc.disable()
    try:
        start = time.perf_counter()
        for line in lines:
            fn(line)
        elapsed = time.perf_counter() - start
    finally:
        gc.enable()
    return len(lines) / elapsed


def retained_bytes(fn: Callable[[bytes], Any], lines: list[bytes]) -> float:
    """Bytes retained per record when every decoded record is kept."""
    gc.collect()
    tracemalloc.start()
    kept = [fn(line) for line in lines]
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return current / len(lines)


def main() -> None:
    """Run the benchmark and print a table with ratios against pydantic."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    lines = json_lines(args.count)
    for fn in DECODERS.values():  # warm up: generated code, caches
        for line in lines[:200]:
            fn(line)
    print(f"{args.count:,} records, {sum(map(len, lines)) / len(lines):.0f} bytes of JSON each")
    results = {}
    for name, fn in DECODERS.items():
        off = throughput(fn, lines, gc_on=False)
        on = throughput(fn, lines, gc_on=True)
        mem = retained_bytes(fn, lines[: min(len(lines), 20_000)])
        results[name] = (off, on, mem)
    base_off, base_on, _ = results["pydantic v2 (model_validate_json)"]
    print(
        f"{'decoder':<36} {'rec/s GC off':>13} {'x pyd':>6} {'rec/s GC on':>12} {'x pyd':>6}"
        f" {'kB kept/rec':>11}"
    )
    for name, (off, on, mem) in results.items():
        print(
            f"{name:<36} {off:>13,.0f} {off / base_off:>6.2f} {on:>12,.0f} {on / base_on:>6.2f}"
            f" {mem / 1000:>11.2f}"
        )


if __name__ == "__main__":
    main()
