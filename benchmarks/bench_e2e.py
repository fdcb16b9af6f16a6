"""End to end: JSON lines → structure → eligibility → decision JSON, at 100k and 1M records.

Run: ``python benchmarks/bench_e2e.py [--sizes 100000 1000000]`` (extra ``bench``). Each
measurement runs in a fresh interpreter that streams the file (constant memory) and reports
records per second and its peak resident memory. Baselines in the same run: pydantic v2 and
msgspec *structuring only* (no decision) on equivalent models. atensi runs twice: through
``assess_record`` and ``json.dumps`` (the dictionaries, as the Dask recipe uses them), and
through ``assess_record_json``, which returns the same text. Not a test.

(No ``from __future__ import annotations`` here: msgspec resolves the annotations of the
locally defined baseline models eagerly.)
"""

import argparse
import datetime as dt
import json
import pathlib
import resource
import subprocess
import sys
import tempfile
import time
from typing import Annotated, Any, Literal

HERE = pathlib.Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples" / "assessments.jsonl"
ON = dt.date(2024, 6, 1)


def make_file(path: pathlib.Path, count: int) -> None:
    """Write ``count`` valid items by repeating the valid example items with fresh ids."""
    items = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines()]
    import atensi.batch

    valid = [i for i in items if atensi.batch.assess_record(i, on=ON)["ok"]]
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            item = valid[n % len(valid)]
            subject = {**item["subject"], "id": f"P-{n:08d}"}
            handle.write(json.dumps({**item, "subject": subject}) + "\n")


def worker(kind: str, path: str) -> None:
    """Stream the file through one pipeline; print JSON with the rate and peak memory."""
    count = 0
    start = time.perf_counter()
    if kind == "atensi":
        from atensi.batch import assess_record

        with open(path, "rb") as handle:
            for line in handle:
                json.dumps(assess_record(json.loads(line), on=ON))
                count += 1
    elif kind == "atensi-text":
        from atensi.batch import assess_record_json

        with open(path, "rb") as handle:
            for line in handle:
                # ensure_ascii=True: the text json.dumps gives in the "atensi" pipeline.
                assess_record_json(json.loads(line), on=ON, ensure_ascii=True)
                count += 1
    elif kind == "pydantic":
        model = _pydantic_item()
        with open(path, "rb") as handle:
            for line in handle:
                model.model_validate_json(line)
                count += 1
    else:
        import msgspec

        decoder = msgspec.json.Decoder(_msgspec_item())
        with open(path, "rb") as handle:
            for line in handle:
                decoder.decode(line)
                count += 1
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"count": count, "seconds": elapsed, "peak_mb": peak_kb / 1024}))


def _pydantic_item() -> Any:
    import pydantic

    from atensi.nik import NoNikReason
    from atensi.vocab import (
        DisabilityType,
        DrugRisk,
        ElderlyCapacity,
        ServiceComponent,
        Sex,
        TargetGroup,
    )

    strict = pydantic.ConfigDict(extra="forbid", strict=True)

    class NoNik(pydantic.BaseModel):
        model_config = strict
        reason: NoNikReason

    class Birth(pydantic.BaseModel):
        model_config = strict
        value: dt.date
        precision: Literal["hari", "bulan", "tahun"] = "hari"
        estimated: bool = False

    class Disability(pydantic.BaseModel):
        model_config = strict
        type: DisabilityType
        since: dt.date | None = None
        permanent: bool | None = None
        determined_by_medical_personnel: bool | None = None

    class DrugUse(pydantic.BaseModel):
        model_config = strict
        status: TargetGroup
        risk: DrugRisk | None = None

    class Condition(pydantic.BaseModel):
        model_config = strict
        group: TargetGroup
        since: dt.date | None = None
        evidence: str | None = None
        justification: str | None = None

    class Subject(pydantic.BaseModel):
        model_config = strict
        kind: Literal["person"]
        id: str
        nik: Annotated[str, pydantic.StringConstraints(pattern=r"^\d{16}$")] | NoNik
        name: str
        sex: Sex | None = None
        birth_date: Birth | None = None
        domicile: str | None = None
        registry_id: str | None = None
        disabilities: tuple[Disability, ...] = ()
        elderly_capacity: ElderlyCapacity | None = None
        drug_use: DrugUse | None = None
        conditions: tuple[Condition, ...] = ()

    class Assessor(pydantic.BaseModel):
        model_config = strict
        name: str | None = None
        certified_social_worker: bool = False
        role: str | None = None

    class Assessment(pydantic.BaseModel):
        model_config = strict
        id: str
        assessed_on: dt.date
        assessor: Assessor = Assessor()
        conditions: tuple[Condition, ...] = ()
        needs: tuple[ServiceComponent, ...] = ()
        risks: tuple[str, ...] = ()
        welfare_decile: int | None = None
        in_dtks: bool | None = None
        notes: str | None = None

    class Item(pydantic.BaseModel):
        model_config = strict
        on: dt.date | None = None
        subject: Subject
        assessment: Assessment | None

    return Item


def _msgspec_item() -> Any:
    import msgspec

    from atensi.nik import NoNikReason
    from atensi.vocab import (
        DisabilityType,
        DrugRisk,
        ElderlyCapacity,
        ServiceComponent,
        Sex,
        TargetGroup,
    )

    opts: dict[str, Any] = {"forbid_unknown_fields": True}

    class NoNik(msgspec.Struct, **opts):
        reason: NoNikReason

    class Birth(msgspec.Struct, **opts):
        value: dt.date
        precision: str = "hari"
        estimated: bool = False

    class Disability(msgspec.Struct, **opts):
        type: DisabilityType
        since: dt.date | None = None
        permanent: bool | None = None
        determined_by_medical_personnel: bool | None = None

    class DrugUse(msgspec.Struct, **opts):
        status: TargetGroup
        risk: DrugRisk | None = None

    class Condition(msgspec.Struct, **opts):
        group: TargetGroup
        since: dt.date | None = None
        evidence: str | None = None
        justification: str | None = None

    class Subject(msgspec.Struct, **opts):
        kind: str
        id: str
        nik: str | NoNik
        name: str
        sex: Sex | None = None
        birth_date: Birth | None = None
        domicile: str | None = None
        registry_id: str | None = None
        disabilities: tuple[Disability, ...] = ()
        elderly_capacity: ElderlyCapacity | None = None
        drug_use: DrugUse | None = None
        conditions: tuple[Condition, ...] = ()

    class Assessor(msgspec.Struct, **opts):
        name: str | None = None
        certified_social_worker: bool = False
        role: str | None = None

    class Assessment(msgspec.Struct, **opts):
        id: str
        assessed_on: dt.date
        assessor: Assessor | None = None
        conditions: tuple[Condition, ...] = ()
        needs: tuple[ServiceComponent, ...] = ()
        risks: tuple[str, ...] = ()
        welfare_decile: int | None = None
        in_dtks: bool | None = None
        notes: str | None = None

    class Item(msgspec.Struct, **opts):
        subject: Subject
        assessment: Assessment | None
        on: dt.date | None = None

    return Item


def main() -> None:
    """Generate the files and run each pipeline in a fresh interpreter."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for size in args.sizes:
            path = pathlib.Path(tmp) / f"items-{size}.jsonl"
            make_file(path, size)
            for kind in ("pydantic", "msgspec", "atensi", "atensi-text"):
                out = subprocess.run(
                    [sys.executable, __file__, "--worker", kind, str(path)],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                result = json.loads(out)
                rate, peak = result["count"] / result["seconds"], result["peak_mb"]
                rows.append((size, kind, rate, peak))
                print(
                    f"{size:>9,} {kind:<11} {rate:>10,.0f} rec/s  peak {peak:7.1f} MB", flush=True
                )
        print()
        print(f"{'records':>9} {'pipeline':<36} {'rec/s':>10} {'x pydantic':>11} {'peak MB':>8}")
        names = {
            "pydantic": "pydantic v2, structuring only",
            "msgspec": "msgspec, structuring only",
            "atensi": "atensi, structure+assess+JSON",
            "atensi-text": "atensi, same via assess_record_json",
        }
        for size in args.sizes:
            base = next(r[2] for r in rows if r[0] == size and r[1] == "pydantic")
            for row in (r for r in rows if r[0] == size):
                print(
                    f"{size:>9,} {names[row[1]]:<36} {row[2]:>10,.0f} {row[2] / base:>11.2f}"
                    f" {row[3]:>8.1f}"
                )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3])
    else:
        main()
