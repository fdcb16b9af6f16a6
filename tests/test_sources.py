"""The sources catalogue: every citation leads to a public source a reader can open.

Citations name entries of the catalogue (``src/atensi/data/law/sources.json``); the catalogue
agrees with its schema; and nothing the product ships (a citation, a docstring, a doc page, a
data file) points a reader to the team's own working notes, which are not in the repository.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re
from collections.abc import Iterator
from typing import Any, cast

import attrs
import jsonschema
import pytest

from atensi import data
from atensi.errors import UnknownCode
from atensi.law import (
    CHANNEL_REGIMES,
    editions,
    get,
    instruments,
    parameters,
    source,
    source_ids,
    sources,
)
from atensi.law._sources import SourceKind
from atensi.model import ENTITIES
from atensi.rules import RULES
from atensi.vocab import VOCABULARIES, Citation, Target
from atensi.vocab.statutory import floor_citation

ROOT = pathlib.Path(__file__).resolve().parents[1]


def _schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = data.read_json(f"law/{name}")
    return schema


def test_the_catalogue_agrees_with_its_schema() -> None:
    validator = jsonschema.Draft202012Validator(
        _schema("sources.schema.json"), format_checker=jsonschema.FormatChecker()
    )
    errors = list(validator.iter_errors(data.read_json("law/sources.json")))
    assert not errors, [e.message for e in errors[:5]]


def test_a_broken_entry_is_refused_by_the_schema() -> None:
    validator = jsonschema.Draft202012Validator(_schema("sources.schema.json"))
    document = data.read_json("law/sources.json")
    del document["sources"][0]["number"]  # an instrument without its number
    document["sources"][1]["evidence"] = "rumour"
    assert len(list(validator.iter_errors(document))) == 2


def test_ids_are_unique_and_references_resolve() -> None:
    ids = [s.id for s in sources()]
    assert len(ids) == len(set(ids))
    for entry in sources():
        for other in (*entry.replaces, *entry.amends):
            assert get(other).id == other, (entry.id, other)
        if entry.kind.is_instrument:
            assert entry.number, entry.id
            assert entry.year, entry.id
        else:
            assert entry.number is None, entry.id
            assert entry.signed is None, entry.id


def test_every_source_says_where_it_can_be_opened_or_why_not() -> None:
    for entry in sources():
        assert entry.read.strip(), entry.id
        if not entry.addresses:
            # No public address retained: the entry must say so (and be no better than secondary
            # where its facts come from it alone).
            said = entry.note or ""
            assert (
                "not retained" in said
                or "no public copy" in said
                or entry.read.startswith("not read")
            ), entry.id
        for address in entry.addresses:
            inside = address.startswith(("docs/", "src/")) and (ROOT / address).exists()
            assert address.startswith(("https://", "http://")) or inside or ":" in address, address


def test_data_peraturan_files_are_cited_at_a_fixed_commit() -> None:
    for entry in sources():
        for address in entry.addresses:
            if "mblonyox/data-peraturan/blob/" in address:
                commit = address.split("/blob/")[1].split("/")[0]
                assert re.fullmatch("[0-9a-f]{40}", commit), address


def test_instruments_are_the_instrument_kinds_among_the_sources() -> None:
    expected = [s.id for s in sources() if s.kind.is_instrument]
    assert [i.id for i in instruments()] == expected
    assert {k.value for k in SourceKind if k.is_instrument} >= {"uu", "pp", "permensos"}
    law = get("uu-35-2014")
    assert law.issuer
    assert law.addresses
    assert law.read
    assert law.to_dict()["addresses"] == list(law.addresses)


def test_unknown_source_is_a_documented_error() -> None:
    with pytest.raises(UnknownCode) as err:
        source("REFERENCE R19")
    assert err.value.code == "law.unknown_source"
    assert source("kemensos-2020-03-11-rakor-rehsos").published == dt.date(2020, 3, 11)


# --- Every citation names a source ------------------------------------------------------------


#: Third-party modules only an extra installs.
_EXTRAS = frozenset(
    {"msgspec", "matplotlib", "hypothesis", "dask", "pyspark", "rapidfuzz", "xlsxwriter"}
)


def _load_every_rule() -> None:
    """Import every module that declares rules (the rule catalogue fills as they load)."""
    import importlib
    import pkgutil

    import atensi

    for module in pkgutil.walk_packages(atensi.__path__, "atensi."):
        if module.name.startswith(("atensi.cli", "atensi.__main__", "atensi.testing")):
            continue
        try:
            importlib.import_module(module.name)
        except ModuleNotFoundError as err:
            # A module of an extra (the fast path's msgspec twins) declares no rules; the
            # oldest-dependencies job runs without the extras.
            if err.name not in _EXTRAS:
                raise


def _every_citation() -> Iterator[tuple[str, Citation]]:
    _load_every_rule()
    for rule in RULES.values():
        if rule.cites == "registry":
            continue  # graded and sourced per record by the caller's unit registry
        for citation in rule.citations:
            yield f"rule {rule.id}", citation
    for vocabulary in VOCABULARIES:
        for member in vocabulary:
            if member.citation is not None:
                yield f"{vocabulary.__name__}.{member.name}", member.citation
    for entity in ENTITIES:
        for field in attrs.fields(cast(Any, entity)):
            cited = field.metadata.get("citation")
            if cited is not None:
                yield f"{entity.__name__}.{field.name}", cited
    for edition in editions():
        yield f"edition {edition.id}", edition.targets_citation
        for _, cited in edition.review_targets:
            yield f"edition {edition.id} review", cited
        for gate in edition.data_gates:
            yield f"edition {edition.id} gate {gate.id}", gate.citation
    for target in Target:
        floor = floor_citation(target)
        if floor is not None:
            yield f"floor {target.value}", floor
    for regime in CHANNEL_REGIMES:
        yield f"funding {regime.instrument}", regime.citation
    for found in parameters():
        for entry in found.entries:
            yield f"parameter {found.name}", entry.citation
    # What the reports rest on: the evaluation measures and the official indicators.
    from atensi.reports import budget, indicators, measures

    for measure in measures.MEASURES:
        if measure.citation is not None:
            yield f"measure {measure.id}", measure.citation
    for indicator in (*indicators.INDICATORS, budget.REALISATION):
        yield f"indicator {indicator.id}", indicator.citation


def test_every_citation_names_a_source_of_the_catalogue() -> None:
    known = source_ids()
    instrument_ids = {i.id for i in instruments()}
    seen = 0
    for where, citation in _every_citation():
        seen += 1
        assert citation.source in known, (where, citation.source)
        if citation.instrument is not None:
            assert citation.instrument in instrument_ids, (where, citation.instrument)
    assert seen > 300


def test_a_fact_read_in_the_instruments_own_text_cites_the_instrument() -> None:
    # cite() defaults the source to the instrument: its entry says where it was read.
    for where, citation in _every_citation():
        if citation.instrument is not None and citation.source == citation.instrument:
            assert get(citation.instrument).addresses or get(citation.instrument).read, where


# --- Nothing points outside the repository ----------------------------------------------------

#: The team's working notes, which are not in the repository, the wheel or the docs.
OUTSIDE = re.compile(
    r"REFERENCE\s*(?:§|R\d)|VERIFICATION|DESIGN\.md|DESIGN §|shared/|research notes|"
    r"seed documents?|seeds/|\bR\d{1,2}\b(?![-\d])|as quoted in issue|named in issue|"
    r"project's issue"
)


def _shipped_text() -> Iterator[tuple[pathlib.Path, str]]:
    paths = [
        *(ROOT / "src").rglob("*.py"),
        *(ROOT / "src" / "atensi" / "data").rglob("*.json"),
        *(ROOT / "docs").glob("*.md"),
        *(ROOT / "tools").glob("*.py"),
        ROOT / "README.md",
        ROOT / "examples" / "README.md",
        ROOT / "NOTICE",
    ]
    for path in paths:
        yield path, path.read_text(encoding="utf-8")


def test_no_citation_docstring_or_page_names_a_document_outside_the_repository() -> None:
    found = []
    for path, text in _shipped_text():
        for number, line in enumerate(text.splitlines(), 1):
            match = OUTSIDE.search(line)
            if match:
                found.append(f"{path.relative_to(ROOT)}:{number}: {match.group()!r}")
    assert not found, "\n".join(found)


def test_the_scan_finds_what_it_looks_for() -> None:
    for text in (
        "source='REFERENCE R19'",
        "REFERENCE §3.11 (R35)",
        "VERIFICATION §4.1",
        "../shared/data/regions",
        "(DESIGN.md §7)",
        "research notes, question 6",
        "as quoted in issue 13",
    ):
        assert OUTSIDE.search(text), text
    for text in ("REFERENCE_DATE", "Rp200.000", "UU 35/2014 Pasal 1", "R2-D2"):
        assert not OUTSIDE.search(text), text


def test_citation_sources_in_scenario_outcomes_are_catalogued() -> None:
    from atensi.scenarios import SCENARIOS

    known = source_ids()
    for scenario in SCENARIOS:
        for rule_id, (instrument, _) in scenario.get("citations", {}).items():
            assert instrument is None or instrument in known, (scenario["name"], rule_id)


def test_sources_json_is_indented_for_readers() -> None:
    # Human-edited data: one key per line, so a new source is a reviewable diff.
    text = data.read_text("law/sources.json")
    assert text.count("\n") > len(sources()) * 8
    assert json.loads(text)["format"] == "atensi-sources/1"


def test_the_lazy_law_names_are_the_functions_whatever_loaded_first() -> None:
    # The instrument catalogue loads the sources module on its own first use; the package's
    # names must still be the functions, never a module of the same name.
    import atensi.law as law
    from atensi.law.catalogue import catalogue

    assert catalogue()
    assert callable(law.sources)
    assert callable(law.parameters)
    assert law.sources()[0].id == instruments()[0].id
